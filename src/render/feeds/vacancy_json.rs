//! The vacancy feed as JSON Feed 1.1, with the structured job data in a `_werkenbij` extension.

use serde::Serialize;
use serde_json::{json, Value};

use crate::content::vacancy::{hours_text, salary_text, Hours, Remote};
use crate::model::Site;

use super::{feed_vacancies, syndicated_html, vacancy_json_path};

/// The top level in the order of the specification, `version` first ("at the top, so a reader
/// can tell the format"); a struct, because a JSON map would sort its keys.
#[derive(Serialize)]
struct Feed<'a> {
    version: &'static str,
    title: String,
    home_page_url: String,
    feed_url: String,
    description: &'a str,
    language: &'static str,
    authors: Vec<Value>,
    items: Vec<Value>,
}

/// JSON Feed 1.1; the structured job data sits in each item's `_werkenbij` extension.
pub(super) fn feed(site: &Site, title: &str, description: &str) -> String {
    let c = &site.config;
    let language = c.language;
    let items: Vec<Value> = feed_vacancies(site)
        .map(|v| {
            let mut tags: Vec<&str> = [&v.department, &v.role]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            tags.extend(v.hashtags.iter().map(|&h| site.hashtags[h].name.as_str()));
            let (hours_min, hours_max) = match v.hours {
                Some(Hours::Exactly(h)) => (Some(h), Some(h)),
                Some(Hours::Range { min, max }) => (Some(min), Some(max)),
                None => (None, None),
            };
            json!({
                "id": site.absolute(&v.url),
                "url": site.absolute(&v.url),
                "title": v.title,
                "content_html": syndicated_html(site, &v.body_html),
                "date_published": v.date.start_rfc3339(),
                "tags": tags,
                "language": language.code(),
                "_werkenbij": {
                    "identifier": v.identifier,
                    "department": v.department,
                    "role": v.role,
                    "location": {
                        "street": v.location.street,
                        "postal_code": v.location.postal_code,
                        "city": v.location.city,
                        "region": v.location.region,
                        "country": "NL",
                    },
                    "remote": v.remote.map(|r| match r { Remote::Hybrid => "hybrid", Remote::Full => "full" }),
                    "hours": v.hours.map(|h| json!({
                        "min": hours_min,
                        "max": hours_max,
                        "text": hours_text(h, language),
                    })),
                    "salary": v.salary.as_ref().map(|s| json!({
                        "min": s.min,
                        "max": s.max,
                        "unit": s.unit.schema_name(),
                        "currency": s.currency,
                        "scale": s.scale,
                        "text": salary_text(s, language),
                    })),
                    "employment_type": v.employment_types,
                    "valid_through": v.valid_through.rfc3339,
                    "apply_url": v.apply_url,
                    "direct_apply": v.direct_apply,
                },
            })
        })
        .collect();
    let feed = Feed {
        version: "https://jsonfeed.org/version/1.1",
        title: format!("{title} | {}", c.title),
        home_page_url: site.absolute(&format!("/{}/", c.paths.vacancies)),
        feed_url: site.absolute(&vacancy_json_path(site)),
        description,
        language: language.code(),
        authors: vec![json!({ "name": c.organization.name, "url": c.organization.url })],
        items,
    };
    let mut text = serde_json::to_string_pretty(&feed).expect("JSON values always serialise");
    text.push('\n');
    text
}
