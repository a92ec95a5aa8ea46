//! The reach section of the text report, in the site's language.

use crate::base::language::Language;
use crate::base::text::Text;
use crate::visits::{Source, Visits};

/// A source's name for people.
pub fn source_name(source: Source) -> Text {
    match source {
        Source::Ambassador => crate::text!("ambassador links", "links van ambassadeurs"),
        Source::Social => crate::text!("other social media", "andere sociale media"),
        Source::Search => crate::text!("search engines", "zoekmachines"),
        Source::Direct => crate::text!("direct (no referrer)", "direct (geen verwijzer)"),
        Source::Other => crate::text!("other", "overig"),
    }
}

/// `35.0%` (`35,0%` in Dutch), or `-` of nothing.
pub fn share(percent: Option<f64>, language: Language) -> String {
    match (percent, language) {
        (None, _) => "-".to_owned(),
        (Some(p), Language::Nl) => format!("{p:.1}%").replace('.', ","),
        (Some(p), _) => format!("{p:.1}%"),
    }
}

pub fn visits_text(visits: &Visits, language: Language) -> String {
    let l = |t: Text| t.get(language).to_owned();
    let p = &visits.period;
    let b = &visits.previous;
    let t = &visits.totals;
    let (since, until, days, b_since, b_until) = (p.since, p.until, p.days, b.since, b.until);
    // Dutch dates in words, as in the rest of the Dutch report.
    let nl = |day| Language::Nl.long_date(day);
    let (since_nl, until_nl, b_since_nl, b_until_nl) =
        (nl(since), nl(until), nl(b_since), nl(b_until));
    let mut out = l(crate::text!(
        "Reach from {since} to {until} ({days} days; compared with {b_since} to {b_until})\n",
        "Bereik van {since_nl} tot en met {until_nl} ({days} dagen; vergeleken met {b_since_nl} tot en met {b_until_nl})\n"
    ));
    let (views, before) = (visits.page_views, visits.previous_page_views);
    let (through, through_before) = (t.through_ambassadors, t.previous_through_ambassadors);
    let (active, shared) = (t.active_ambassadors, t.stories_shared);
    let (vacancy_views, social) = (t.vacancy_views, share(t.vacancy_social_share, language));
    for line in [
        crate::text!(
            "page views: {views} (before: {before})",
            "paginaweergaven: {views} (ervoor: {before})"
        ),
        crate::text!(
            "visits through ambassadors' links: {through} (before: {through_before})",
            "bezoeken via links van ambassadeurs: {through} (ervoor: {through_before})"
        ),
        crate::text!(
            "active ambassadors (a visit through their links): {active}",
            "actieve ambassadeurs (een bezoek via hun links): {active}"
        ),
        crate::text!(
            "stories shared (story and ambassador with visits): {shared}",
            "gedeelde verhalen (verhaal en ambassadeur met bezoeken): {shared}"
        ),
        crate::text!(
            "vacancy views: {vacancy_views}, through social media: {social}",
            "vacatureweergaven: {vacancy_views}, via sociale media: {social}"
        ),
    ] {
        out.push_str(&format!("  {}\n", l(line)));
    }
    if let Some(daily) = visits.daily_visitors {
        out.push_str(&format!(
            "  {}\n",
            l(crate::text!(
                "visitors per day, summed (an extra figure): {daily}",
                "bezoekers per dag, opgeteld (een extra cijfer): {daily}"
            ))
        ));
    }

    out.push_str(&format!(
        "\n{}\n",
        l(crate::text!("Visits by source", "Bezoeken per bron"))
    ));
    let rows = visits
        .sources
        .iter()
        .map(|r| {
            vec![
                l(source_name(r.source)),
                r.stories.to_string(),
                r.vacancies.to_string(),
                r.other_pages.to_string(),
                r.total.to_string(),
                r.previous_total.to_string(),
            ]
        })
        .collect();
    out.push_str(&table(
        vec![
            l(crate::text!("source", "bron")),
            l(crate::text!("stories", "verhalen")),
            l(crate::text!("vacancies", "vacatures")),
            l(crate::text!("other pages", "andere pagina's")),
            l(crate::text!("total", "totaal")),
            l(crate::text!("before", "ervoor")),
        ],
        rows,
    ));

    out.push_str(&format!(
        "\n{}\n",
        l(crate::text!("Ambassadors' links", "Links van ambassadeurs"))
    ));
    let rows = visits
        .ambassadors
        .iter()
        .map(|a| {
            let platforms: Vec<String> = a
                .platforms
                .iter()
                .map(|(p, n)| format!("{p} {n}"))
                .collect();
            let stories: Vec<String> = a
                .stories
                .iter()
                .map(|s| format!("{} {}", s.story, s.visits))
                .collect();
            vec![
                a.id.clone(),
                a.name.clone(),
                a.visits.to_string(),
                a.previous.to_string(),
                platforms.join(", "),
                stories.join(", "),
            ]
        })
        .collect();
    out.push_str(&table(
        vec![
            l(crate::text!("ambassador", "ambassadeur")),
            l(crate::text!("name", "naam")),
            l(crate::text!("visits", "bezoeken")),
            l(crate::text!("before", "ervoor")),
            l(crate::text!("platforms", "platforms")),
            l(crate::text!("stories", "verhalen")),
        ],
        rows,
    ));

    out.push_str(&format!("\n{}\n", l(crate::text!("Stories", "Verhalen"))));
    let rows = visits
        .stories
        .iter()
        .map(|s| {
            vec![
                s.story.clone(),
                s.visits.to_string(),
                s.through_ambassadors.to_string(),
                share(s.ambassador_share, language),
            ]
        })
        .collect();
    out.push_str(&table(
        vec![
            l(crate::text!("story", "verhaal")),
            l(crate::text!("visits", "bezoeken")),
            l(crate::text!("through ambassadors", "via ambassadeurs")),
            l(crate::text!("share", "aandeel")),
        ],
        rows,
    ));

    out.push_str(&format!(
        "\n{}\n",
        l(crate::text!("Vacancies", "Vacatures"))
    ));
    let rows = visits
        .vacancies
        .iter()
        .map(|v| {
            vec![
                v.vacancy.clone(),
                v.views.to_string(),
                v.through_social.to_string(),
                share(v.social_share, language),
            ]
        })
        .collect();
    out.push_str(&table(
        vec![
            l(crate::text!("vacancy", "vacature")),
            l(crate::text!("views", "weergaven")),
            l(crate::text!("through social media", "via sociale media")),
            l(crate::text!("share", "aandeel")),
        ],
        rows,
    ));

    out.push_str(&format!(
        "\n{}\n",
        l(crate::text!("Visits per week", "Bezoeken per week"))
    ));
    let rows = visits
        .weeks
        .iter()
        .map(|w| {
            vec![
                w.week.clone(),
                w.through_ambassadors.to_string(),
                w.other_sources.to_string(),
            ]
        })
        .collect();
    out.push_str(&table(
        vec![
            l(crate::text!("week", "week")),
            l(crate::text!("through ambassadors", "via ambassadeurs")),
            l(crate::text!("other sources", "andere bronnen")),
        ],
        rows,
    ));

    let s = &visits.skipped;
    let (malformed, bots, not_get, redirects, not_ok, assets, not_a_page, outside) = (
        s.malformed,
        s.bots,
        s.not_get,
        s.redirects,
        s.not_ok,
        s.assets,
        s.not_a_page,
        s.outside_period,
    );
    out.push_str(&format!(
        "\n{}\n",
        l(crate::text!(
            "Left out: {bots} by bots, {assets} assets, {redirects} redirects, {not_ok} other statuses, {not_get} not GET, {not_a_page} not a page of the site, {outside} outside both periods, {malformed} unreadable",
            "Weggelaten: {bots} door bots, {assets} bestanden, {redirects} doorverwijzingen, {not_ok} andere statussen, {not_get} geen GET, {not_a_page} geen pagina van de site, {outside} buiten beide perioden, {malformed} onleesbaar"
        ))
    ));
    out
}

/// Columns padded to their widest cell, a rule under the header; `-` for an empty table.
fn table(header: Vec<String>, rows: Vec<Vec<String>>) -> String {
    if rows.is_empty() {
        return "  -\n".to_owned();
    }
    let width = |i: usize| {
        std::iter::once(&header)
            .chain(&rows)
            .map(|r| r[i].chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..header.len()).map(width).collect();
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        format!("  {}\n", padded.join("  ").trim_end())
    };
    let mut out = line(&header);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&line(&rule));
    for row in &rows {
        out.push_str(&line(row));
    }
    out
}
