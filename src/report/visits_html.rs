//! The reach figures as one self-contained page: inline CSS and SVG bar charts, each with a
//! title, a description and the same figures as a table below it. No script, no request to any
//! host: the page works from a shared folder or as an e-mail attachment.

use crate::base::language::Language;
use crate::base::text::Text;
use crate::base::xml::escape;
use crate::visits::{Source, Visits};

use super::visits_text::{share, source_name};
use super::Report;

const AMBASSADOR_COLOUR: &str = "#0b5394";
const OTHER_COLOUR: &str = "#8a4b00";
/// Rows in a top-N chart.
const TOP: usize = 10;

/// One bar group: its label and a value per series.
struct Bars {
    label: String,
    values: Vec<f64>,
}

struct Chart<'a> {
    id: &'a str,
    title: String,
    description: String,
    series: Vec<(String, &'static str)>,
    rows: Vec<Bars>,
    /// How a value is written in the table and beside its bar.
    unit: Unit,
    /// The value of a full bar (100 for percentages; else the largest value).
    max: Option<f64>,
}

#[derive(Clone, Copy)]
enum Unit {
    Count,
    Percent,
}

impl Unit {
    fn show(self, value: f64, language: Language) -> String {
        match self {
            Unit::Count => format!("{value:.0}"),
            Unit::Percent => share(Some(value), language),
        }
    }
}

pub fn visits_html(visits: &Visits, report: &Report, language: Language) -> String {
    let l = |t: Text| t.get(language).to_owned();
    let p = &visits.period;
    let (since, until, days) = (p.since, p.until, p.days);
    let title = l(crate::text!(
        "Reach of the ambassador programme",
        "Bereik van het ambassadeursprogramma"
    ));
    let mut body = format!("<h1>{}</h1>\n", escape(&title));
    let today = &report.today;
    // Dutch dates in words, as in the rest of the Dutch report.
    let nl = |day| Language::Nl.long_date(day);
    let today_nl = crate::base::date::Day::parse(today).map_or_else(|_| today.clone(), nl);
    let (since_nl, until_nl) = (nl(since), nl(until));
    body.push_str(&format!(
        "<p>{}</p>\n",
        escape(&l(crate::text!(
            "From {since} to {until} ({days} days), made on {today}. For the programme team only: this page holds no visitor's address, browser or full referrer, but it is not for the public site.",
            "Van {since_nl} tot en met {until_nl} ({days} dagen), gemaakt op {today_nl}. Alleen voor het programmateam: deze pagina bevat geen adres, browser of volledige verwijzer van bezoekers, maar hoort niet op de openbare site."
        )))
    ));

    let t = &visits.totals;
    let (views, before, through, active, shared, social) = (
        visits.page_views,
        visits.previous_page_views,
        t.through_ambassadors,
        t.active_ambassadors,
        t.stories_shared,
        share(t.vacancy_social_share, language),
    );
    body.push_str("<ul class=\"totals\">\n");
    for line in [
        crate::text!(
            "page views: {views} (before: {before})",
            "paginaweergaven: {views} (ervoor: {before})"
        ),
        crate::text!(
            "visits through ambassadors' links: {through}",
            "bezoeken via links van ambassadeurs: {through}"
        ),
        crate::text!(
            "active ambassadors: {active}",
            "actieve ambassadeurs: {active}"
        ),
        crate::text!("stories shared: {shared}", "gedeelde verhalen: {shared}"),
        crate::text!(
            "vacancy views through social media: {social}",
            "vacatureweergaven via sociale media: {social}"
        ),
    ] {
        body.push_str(&format!("<li>{}</li>\n", escape(&l(line))));
    }
    body.push_str("</ul>\n");

    let ambassadors = l(crate::text!("ambassador links", "links van ambassadeurs"));
    let others = l(crate::text!("other sources", "andere bronnen"));
    let visits_word = l(crate::text!("visits", "bezoeken"));
    let charts = [
        Chart {
            id: "weeks",
            title: l(crate::text!("Visits per week", "Bezoeken per week")),
            description: l(crate::text!(
                "Page views per ISO week through ambassadors' links and through all other sources.",
                "Paginaweergaven per ISO-week via links van ambassadeurs en via alle andere bronnen."
            )),
            series: vec![(ambassadors.clone(), AMBASSADOR_COLOUR), (others, OTHER_COLOUR)],
            rows: visits
                .weeks
                .iter()
                .map(|w| Bars {
                    label: w.week.clone(),
                    values: vec![w.through_ambassadors as f64, w.other_sources as f64],
                })
                .collect(),
            unit: Unit::Count,
            max: None,
        },
        Chart {
            id: "sources",
            title: l(crate::text!("Visits by source", "Bezoeken per bron")),
            description: l(crate::text!(
                "Page views of the period by where they came from.",
                "Paginaweergaven van de periode naar waar ze vandaan kwamen."
            )),
            series: vec![(visits_word.clone(), AMBASSADOR_COLOUR)],
            rows: Source::ALL
                .into_iter()
                .zip(&visits.sources)
                .map(|(source, row)| Bars {
                    label: l(source_name(source)),
                    values: vec![row.total as f64],
                })
                .collect(),
            unit: Unit::Count,
            max: None,
        },
        Chart {
            id: "platforms",
            title: l(crate::text!("Ambassador links per platform", "Links van ambassadeurs per platform")),
            description: l(crate::text!(
                "Visits through ambassadors' tracked links, by the platform they were shared on.",
                "Bezoeken via de links van ambassadeurs, naar het platform waarop ze gedeeld zijn."
            )),
            series: vec![(visits_word.clone(), AMBASSADOR_COLOUR)],
            rows: visits
                .platforms
                .iter()
                .map(|p| Bars {
                    label: crate::share::platform::Platform::from_id(&p.platform)
                        .map_or_else(|| p.platform.clone(), |p| p.name().to_owned()),
                    values: vec![p.visits as f64],
                })
                .collect(),
            unit: Unit::Count,
            max: None,
        },
        Chart {
            id: "stories",
            title: l(crate::text!("Top stories", "Best bezochte verhalen")),
            description: l(crate::text!(
                "The most visited stories: visits through ambassadors' links and all visits.",
                "De meest bezochte verhalen: bezoeken via links van ambassadeurs en alle bezoeken."
            )),
            series: vec![
                (ambassadors, AMBASSADOR_COLOUR),
                (l(crate::text!("all visits", "alle bezoeken")), OTHER_COLOUR),
            ],
            rows: visits
                .stories
                .iter()
                .take(TOP)
                .map(|s| Bars {
                    label: s.title.clone(),
                    values: vec![s.through_ambassadors as f64, s.visits as f64],
                })
                .collect(),
            unit: Unit::Count,
            max: None,
        },
        Chart {
            id: "ambassadors",
            title: l(crate::text!("Top ambassadors", "Ambassadeurs met de meeste bezoeken")),
            description: l(crate::text!(
                "Visits each ambassador's links brought.",
                "Bezoeken die de links van elke ambassadeur opleverden."
            )),
            series: vec![(visits_word, AMBASSADOR_COLOUR)],
            rows: visits
                .ambassadors
                .iter()
                .take(TOP)
                .map(|a| Bars {
                    label: a.name.clone(),
                    values: vec![a.visits as f64],
                })
                .collect(),
            unit: Unit::Count,
            max: None,
        },
        Chart {
            id: "vacancies",
            title: l(crate::text!(
                "Vacancy views through social media",
                "Vacatureweergaven via sociale media"
            )),
            description: l(crate::text!(
                "The share of each vacancy's views that came through ambassadors' links or other social media.",
                "Het deel van de weergaven van elke vacature dat via links van ambassadeurs of andere sociale media kwam."
            )),
            series: vec![(l(crate::text!("share", "aandeel")), AMBASSADOR_COLOUR)],
            rows: visits
                .vacancies
                .iter()
                .take(TOP)
                .map(|v| Bars {
                    label: v.title.clone(),
                    values: vec![v.social_share.unwrap_or(0.0)],
                })
                .collect(),
            unit: Unit::Percent,
            max: Some(100.0),
        },
    ];
    let empty = l(crate::text!(
        "No visits in this period.",
        "Geen bezoeken in deze periode."
    ));
    for chart in &charts {
        body.push_str(&figure(chart, &empty, language));
    }
    page(&title, language, &body)
}

fn figure(chart: &Chart, empty: &str, language: Language) -> String {
    let mut out = format!(
        "<section aria-labelledby=\"{}-h\">\n<h2 id=\"{0}-h\">{}</h2>\n",
        chart.id,
        escape(&chart.title)
    );
    if chart.rows.is_empty() {
        out.push_str(&format!("<p>{}</p>\n</section>\n", escape(empty)));
        return out;
    }
    out.push_str(&svg(chart, language));
    out.push_str(&format!(
        "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\"></th>",
        escape(&chart.title)
    ));
    for (name, _) in &chart.series {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape(name)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &chart.rows {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th>",
            escape(&row.label)
        ));
        for value in &row.values {
            out.push_str(&format!("<td>{}</td>", chart.unit.show(*value, language)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
    out
}

/// Horizontal bars, one group per row; the legend names the series by colour and by text.
fn svg(chart: &Chart, language: Language) -> String {
    const LABEL: f64 = 220.0;
    const WIDTH: f64 = 640.0;
    const BAR: f64 = 14.0;
    const GAP: f64 = 10.0;
    let series = chart.series.len() as f64;
    let group = BAR * series + GAP;
    let legend = 24.0;
    let height = legend + group * chart.rows.len() as f64 + GAP;
    let max = chart.max.unwrap_or_else(|| {
        chart
            .rows
            .iter()
            .flat_map(|r| r.values.iter().copied())
            .fold(0.0, f64::max)
    });
    let scale = if max > 0.0 {
        (WIDTH - LABEL - 60.0) / max
    } else {
        0.0
    };
    let id = chart.id;
    let mut out = format!(
        "<svg role=\"img\" aria-labelledby=\"{id}-t {id}-d\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\">\n<title id=\"{id}-t\">{}</title>\n<desc id=\"{id}-d\">{}</desc>\n",
        escape(&chart.title),
        escape(&chart.description)
    );
    let mut x = LABEL;
    for (name, colour) in &chart.series {
        out.push_str(&format!(
            "<rect x=\"{x}\" y=\"4\" width=\"12\" height=\"12\" fill=\"{colour}\"/><text x=\"{}\" y=\"14\">{}</text>\n",
            x + 16.0,
            escape(name)
        ));
        x += 20.0 + 8.0 * name.chars().count() as f64;
    }
    for (i, row) in chart.rows.iter().enumerate() {
        let top = legend + group * i as f64;
        let label: String = row.label.chars().take(30).collect();
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
            LABEL - 8.0,
            top + BAR * series / 2.0 + 4.0,
            escape(&label)
        ));
        for (j, (value, (_, colour))) in row.values.iter().zip(&chart.series).enumerate() {
            let y = top + BAR * j as f64;
            let width = (value * scale).max(0.0);
            out.push_str(&format!(
                "<rect x=\"{LABEL}\" y=\"{y}\" width=\"{width:.1}\" height=\"{}\" fill=\"{colour}\"/><text x=\"{:.1}\" y=\"{}\">{}</text>\n",
                BAR - 2.0,
                LABEL + width + 4.0,
                y + BAR - 4.0,
                chart.unit.show(*value, language)
            ));
        }
    }
    out.push_str("</svg>\n");
    out
}

fn page(title: &str, language: Language, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex, nofollow\">\n<title>{}</title>\n<style>\nbody {{ font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }}\nsvg text {{ font-size: 12px; fill: #1a1a1a; }}\ntable {{ border-collapse: collapse; margin: 0.5rem 0 2rem; }}\nth, td {{ border: 1px solid #767676; padding: 0.2rem 0.6rem; text-align: left; }}\ntd {{ text-align: right; }}\ncaption {{ text-align: left; font-weight: bold; }}\n</style>\n</head>\n<body>\n<main>\n{}</main>\n</body>\n</html>\n",
        language.code(),
        escape(title),
        body
    )
}
