//! A CSV export of an analytics tool (Plausible, Matomo and the like) into `Hit`s: a URL column
//! and a count column, found by their header names, and an optional date column.

use crate::base::date::Day;

use super::Hit;

/// Header names (compared case-insensitively, trimmed) of the URL column, the first found wins.
pub const URL_HEADERS: &[&str] = &["url", "page url", "path", "page", "label", "name"];
/// Header names of the count column: page views before visits, the first found wins.
pub const COUNT_HEADERS: &[&str] = &[
    "pageviews",
    "nb_hits",
    "views",
    "count",
    "visits",
    "nb_visits",
];
pub const DATE_HEADERS: &[&str] = &["date", "day"];

/// The rows of an export; `Err(line)` for a row that cannot be read. `Err` for the whole file
/// when its header has no URL or no count column.
pub fn parse_export(text: &str) -> Result<Vec<Result<Hit, u64>>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| e.to_string())?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let find = |names: &[&str]| {
        names
            .iter()
            .find_map(|name| headers.iter().position(|h| h == name))
    };
    let (Some(url), Some(count)) = (find(URL_HEADERS), find(COUNT_HEADERS)) else {
        return Err(headers.join(","));
    };
    let date = find(DATE_HEADERS);
    let rows = reader
        .records()
        .map(|record| {
            let record = record.map_err(|e| e.position().map_or(0, |p| p.line()))?;
            let line = record.position().map_or(0, |p| p.line());
            row(&record, url, count, date).ok_or(line)
        })
        .collect();
    Ok(rows)
}

fn row(record: &csv::StringRecord, url: usize, count: usize, date: Option<usize>) -> Option<Hit> {
    let target = target(record.get(url)?.trim())?;
    let count: u64 = record.get(count)?.trim().parse().ok()?;
    let day = match date {
        Some(column) => Some(Day::parse(record.get(column)?.trim().get(..10)?).ok()?),
        None => None,
    };
    Some(Hit {
        day,
        get: true,
        target: target.into(),
        status: 200,
        referrer_host: None,
        referrer_known: false,
        bot: false,
        visitor: None,
        count,
    })
}

/// `https://werkenbij.example.nl/verhalen/x/?a=b` or `verhalen/x/` → `/verhalen/x/…`.
fn target(url: &str) -> Option<String> {
    if url.is_empty() {
        return None;
    }
    if url.starts_with("http://") || url.starts_with("https://") {
        let parsed = url::Url::parse(url).ok()?;
        return Some(match parsed.query() {
            Some(query) => format!("{}?{query}", parsed.path()),
            None => parsed.path().to_owned(),
        });
    }
    let path = if url.starts_with('/') {
        url.to_owned()
    } else {
        format!("/{url}")
    };
    // Matomo names the page at a folder's own address `…/index`.
    Some(match path.split_once('?') {
        Some((p, query)) if p.ends_with("/index") => format!("{}?{query}", &p[..p.len() - 5]),
        None if path.ends_with("/index") => path[..path.len() - 5].to_owned(),
        _ => path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plausible_export_has_a_page_and_pageviews() {
        let rows = parse_export(
            "date,page,visitors,pageviews\n2026-11-10,/verhalen/x/?utm_source=linkedin,3,5\n2026-11-11,/,2,x\n",
        )
        .unwrap();
        let hit = rows[0].as_ref().unwrap();
        assert_eq!(&*hit.target, "/verhalen/x/?utm_source=linkedin");
        assert_eq!(hit.count, 5);
        assert_eq!(hit.day, Some(Day::parse("2026-11-10").unwrap()));
        assert_eq!(rows[1], Err(3));
    }

    #[test]
    fn a_matomo_export_has_a_label_and_nb_hits_in_any_case() {
        let rows =
            parse_export("Label,NB_VISITS,nb_hits\nverhalen/x/,2,4\nhttps://h.nl/v/?q=1,1,1\n")
                .unwrap();
        let hits: Vec<_> = rows.into_iter().map(Result::unwrap).collect();
        assert_eq!(&*hits[0].target, "/verhalen/x/");
        assert_eq!(hits[0].count, 4);
        assert_eq!(hits[0].day, None);
        assert_eq!(&*hits[1].target, "/v/?q=1");
    }

    #[test]
    fn a_folder_written_as_index_is_the_folder() {
        assert_eq!(target("verhalen/x/index").as_deref(), Some("/verhalen/x/"));
        assert_eq!(
            target("/index?utm_source=x").as_deref(),
            Some("/?utm_source=x")
        );
        assert_eq!(
            target("/verhalen/indexen/").as_deref(),
            Some("/verhalen/indexen/")
        );
        assert_eq!(target("").as_deref(), None);
    }

    #[test]
    fn an_export_without_a_url_or_count_column_is_refused_with_its_header() {
        assert_eq!(
            parse_export("when,what\n1,2\n"),
            Err("when,what".to_owned())
        );
    }
}
