//! The reach figures as CSV: one table per section after the content table, each with its own
//! header row and a blank line before it; the first column names the section.

use crate::visits::Visits;

fn table(rows: Vec<Vec<String>>) -> Result<String, csv::Error> {
    let mut sheet = csv::Writer::from_writer(Vec::new());
    for row in rows {
        sheet.write_record(row)?;
    }
    let bytes = sheet
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(format!("\n{}", String::from_utf8_lossy(&bytes)))
}

fn cells<const N: usize>(cells: [&str; N]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

/// `33.3`, or `""` for no percentage.
fn percent(value: Option<f64>) -> String {
    value.map(|p| format!("{p:.1}")).unwrap_or_default()
}

pub fn visits_csv(visits: &Visits) -> Result<String, csv::Error> {
    let t = &visits.totals;
    let mut out = String::new();
    let mut summary = vec![cells(["section", "figure", "value"])];
    for (figure, value) in [
        ("since", visits.period.since.to_string()),
        ("until", visits.period.until.to_string()),
        ("days", visits.period.days.to_string()),
        ("previous_since", visits.previous.since.to_string()),
        ("previous_until", visits.previous.until.to_string()),
        ("page_views", visits.page_views.to_string()),
        (
            "previous_page_views",
            visits.previous_page_views.to_string(),
        ),
        ("through_ambassadors", t.through_ambassadors.to_string()),
        (
            "previous_through_ambassadors",
            t.previous_through_ambassadors.to_string(),
        ),
        ("active_ambassadors", t.active_ambassadors.to_string()),
        ("stories_shared", t.stories_shared.to_string()),
        ("vacancy_views", t.vacancy_views.to_string()),
        ("vacancy_social_share", percent(t.vacancy_social_share)),
        (
            "daily_visitors",
            visits
                .daily_visitors
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ),
    ] {
        summary.push(vec!["visits_summary".into(), figure.into(), value]);
    }
    out.push_str(&table(summary)?);

    let mut rows = vec![cells([
        "section",
        "source",
        "stories",
        "vacancies",
        "other_pages",
        "total",
        "previous_total",
    ])];
    for r in &visits.sources {
        rows.push(vec![
            "visits_source".into(),
            r.source.id().into(),
            r.stories.to_string(),
            r.vacancies.to_string(),
            r.other_pages.to_string(),
            r.total.to_string(),
            r.previous_total.to_string(),
        ]);
    }
    out.push_str(&table(rows)?);

    let mut rows = vec![cells(["section", "platform", "visits"])];
    for r in &visits.platforms {
        rows.push(vec![
            "visits_platform".into(),
            r.platform.clone(),
            r.visits.to_string(),
        ]);
    }
    out.push_str(&table(rows)?);

    // One row per ambassador and platform, then per ambassador and story.
    let mut rows = vec![cells([
        "section",
        "ambassador",
        "name",
        "visits",
        "previous",
        "platform",
        "story",
        "count",
    ])];
    for a in &visits.ambassadors {
        let base = |platform: &str, story: &str, count: u64| {
            vec![
                "visits_ambassador".into(),
                a.id.clone(),
                a.name.clone(),
                a.visits.to_string(),
                a.previous.to_string(),
                platform.to_owned(),
                story.to_owned(),
                count.to_string(),
            ]
        };
        for (platform, count) in &a.platforms {
            rows.push(base(platform, "", *count));
        }
        for story in &a.stories {
            rows.push(base("", &story.story, story.visits));
        }
    }
    out.push_str(&table(rows)?);

    let mut rows = vec![cells([
        "section",
        "story",
        "title",
        "visits",
        "through_ambassadors",
        "ambassador_share",
    ])];
    for s in &visits.stories {
        rows.push(vec![
            "visits_story".into(),
            s.story.clone(),
            s.title.clone(),
            s.visits.to_string(),
            s.through_ambassadors.to_string(),
            percent(s.ambassador_share),
        ]);
    }
    out.push_str(&table(rows)?);

    let mut rows = vec![cells([
        "section",
        "vacancy",
        "title",
        "views",
        "through_social",
        "social_share",
    ])];
    for v in &visits.vacancies {
        rows.push(vec![
            "visits_vacancy".into(),
            v.vacancy.clone(),
            v.title.clone(),
            v.views.to_string(),
            v.through_social.to_string(),
            percent(v.social_share),
        ]);
    }
    out.push_str(&table(rows)?);

    let mut rows = vec![cells([
        "section",
        "week",
        "through_ambassadors",
        "other_sources",
    ])];
    for w in &visits.weeks {
        rows.push(vec![
            "visits_week".into(),
            w.week.clone(),
            w.through_ambassadors.to_string(),
            w.other_sources.to_string(),
        ]);
    }
    out.push_str(&table(rows)?);
    Ok(out)
}
