//! Feeds: open vacancies as RSS 2.0, JSON Feed 1.1 and an Indeed XML job feed, stories as Atom
//! 1.0. Pure: each takes the site and returns the file's text. Every date comes from the content
//! (or the build date), never from the clock, so the same input gives the same bytes.

use serde_json::{json, Value};

use crate::base::date::{amsterdam, Day};
use crate::base::xml::Xml;
use crate::content::vacancy::{hours_text, salary_text, Hours, Remote};
use crate::model::{Site, Story, Vacancy, Visibility};

/// The newest stories in the Atom feed; readers only want what is new.
pub const STORY_FEED_LIMIT: usize = 30;

/// A feed as the head of a list page advertises it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FeedLink {
    pub url: String,
    pub mime: &'static str,
    pub title: String,
}

pub fn vacancy_rss_path(site: &Site) -> String {
    format!("/{}/feed.xml", site.config.paths.vacancies)
}
pub fn vacancy_json_path(site: &Site) -> String {
    format!("/{}/feed.json", site.config.paths.vacancies)
}
pub fn job_feed_path(site: &Site) -> String {
    format!("/{}/jobs.xml", site.config.paths.vacancies)
}
pub fn story_atom_path(site: &Site) -> String {
    format!("/{}/feed.xml", site.config.paths.stories)
}

/// The feeds of the vacancy list, for `<link rel="alternate">`.
pub fn vacancy_feed_links(site: &Site, title: &str) -> Vec<FeedLink> {
    vec![
        FeedLink {
            url: vacancy_rss_path(site),
            mime: "application/rss+xml",
            title: format!("{title} (RSS)"),
        },
        FeedLink {
            url: vacancy_json_path(site),
            mime: "application/feed+json",
            title: format!("{title} (JSON Feed)"),
        },
        FeedLink {
            url: job_feed_path(site),
            mime: "application/xml",
            title: format!("{title} (XML job feed)"),
        },
    ]
}

pub fn story_feed_links(site: &Site, title: &str) -> Vec<FeedLink> {
    vec![FeedLink {
        url: story_atom_path(site),
        mime: "application/atom+xml",
        title: format!("{title} (Atom)"),
    }]
}

/// Open, published vacancies, newest first: what every vacancy feed lists.
pub fn feed_vacancies(site: &Site) -> impl Iterator<Item = &Vacancy> {
    site.open_vacancies()
        .map(|(_, v)| v)
        .filter(|v| v.visibility == Visibility::Public)
}

fn feed_stories(site: &Site) -> impl Iterator<Item = &Story> {
    site.stories
        .iter()
        .filter(|s| s.visibility == Visibility::Public)
        .take(STORY_FEED_LIMIT)
}

/// A page body for use elsewhere (feeds, JSON-LD): without the heading anchors, which only make
/// sense on the page, and with site paths made absolute.
pub fn syndicated_html(site: &Site, html: &str) -> String {
    const ANCHOR: &str = " <a class=\"heading-anchor\"";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(ANCHOR) {
        out.push_str(&rest[..start]);
        match rest[start..].find("</a>") {
            Some(end) => rest = &rest[start + end + "</a>".len()..],
            None => {
                rest = &rest[start..];
                break;
            }
        }
    }
    out.push_str(rest);
    let base = &site.config.base_url;
    out.replace("href=\"/", &format!("href=\"{base}/"))
        .replace("src=\"/", &format!("src=\"{base}/"))
}

/// `Thu, 01 Oct 2026 00:00:00 +0200`: midnight of the day in Amsterdam (RFC 822, as RSS wants).
pub fn rfc822(day: Day) -> String {
    match day.0.at(0, 0, 0, 0).to_zoned_datetime(amsterdam()) {
        Ok(zoned) => zoned.strftime("%a, %d %b %Y %H:%M:%S %z").to_string(),
        Err(_) => format!("{} 00:00:00 +0000", day.0.strftime("%a, %d %b %Y")),
    }
}

/// The date a feed was last changed: its newest entry, else the build date.
fn newest(days: impl Iterator<Item = Day>, site: &Site) -> Day {
    days.max().unwrap_or(site.today)
}

/// RSS 2.0 with `atom:link rel="self"`, one item per open vacancy.
pub fn vacancy_rss(site: &Site, title: &str, description: &str) -> String {
    let c = &site.config;
    let self_url = site.absolute(&vacancy_rss_path(site));
    let list_url = site.absolute(&format!("/{}/", c.paths.vacancies));
    let updated = newest(feed_vacancies(site).map(|v| v.date), site);
    let mut xml = Xml::new();
    xml.open(
        "rss",
        &[
            ("version", "2.0"),
            ("xmlns:atom", "http://www.w3.org/2005/Atom"),
        ],
    );
    xml.open("channel", &[]);
    xml.text("title", &[], &format!("{title} | {}", c.title));
    xml.text("link", &[], &list_url);
    xml.text("description", &[], description);
    xml.text("language", &[], c.language.code());
    xml.text("lastBuildDate", &[], &rfc822(updated));
    xml.empty(
        "atom:link",
        &[
            ("href", &self_url),
            ("rel", "self"),
            ("type", "application/rss+xml"),
        ],
    );
    for v in feed_vacancies(site) {
        let url = site.absolute(&v.url);
        xml.open("item", &[]);
        xml.text("title", &[], &v.title);
        xml.text("link", &[], &url);
        xml.text("guid", &[("isPermaLink", "true")], &url);
        xml.text("pubDate", &[], &rfc822(v.date));
        xml.text("description", &[], &syndicated_html(site, &v.body_html));
        for category in [&v.department, &v.role].into_iter().flatten() {
            xml.text("category", &[], category);
        }
        xml.close("item");
    }
    xml.close("channel");
    xml.close("rss");
    xml.finish()
}

/// JSON Feed 1.1; the structured job data sits in each item's `_werkenbij` extension.
pub fn vacancy_json(site: &Site, title: &str, description: &str) -> String {
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
    let feed = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": format!("{title} | {}", c.title),
        "description": description,
        "home_page_url": site.absolute(&format!("/{}/", c.paths.vacancies)),
        "feed_url": site.absolute(&vacancy_json_path(site)),
        "language": language.code(),
        "authors": [{ "name": c.organization.name, "url": c.organization.url }],
        "items": items,
    });
    let mut text = serde_json::to_string_pretty(&feed).expect("JSON values always serialise");
    text.push('\n');
    text
}

/// Atom 1.0 with the newest stories: id, updated, author, alternate link, summary, HTML content.
pub fn story_atom(site: &Site, title: &str) -> String {
    let c = &site.config;
    let list_url = site.absolute(&format!("/{}/", c.paths.stories));
    let self_url = site.absolute(&story_atom_path(site));
    let updated = newest(feed_stories(site).map(|s| s.date), site);
    let mut xml = Xml::new();
    xml.open(
        "feed",
        &[
            ("xmlns", "http://www.w3.org/2005/Atom"),
            ("xml:lang", c.language.code()),
        ],
    );
    xml.text("id", &[], &list_url);
    xml.text("title", &[], &format!("{title} | {}", c.title));
    xml.text("updated", &[], &updated.start_rfc3339());
    xml.empty(
        "link",
        &[
            ("rel", "self"),
            ("type", "application/atom+xml"),
            ("href", &self_url),
        ],
    );
    xml.empty(
        "link",
        &[
            ("rel", "alternate"),
            ("type", "text/html"),
            ("href", &list_url),
        ],
    );
    xml.open("author", &[]);
    xml.text("name", &[], &c.organization.name);
    xml.text("uri", &[], &c.organization.url);
    xml.close("author");
    for story in feed_stories(site) {
        let url = site.absolute(&story.url);
        let ambassador = &site.ambassadors[story.ambassador];
        xml.open("entry", &[]);
        xml.text("id", &[], &url);
        xml.text("title", &[], &story.title);
        xml.text("updated", &[], &story.date.start_rfc3339());
        xml.text("published", &[], &story.date.start_rfc3339());
        xml.open("author", &[]);
        xml.text("name", &[], &ambassador.name);
        xml.text("uri", &[], &site.absolute(&ambassador.url));
        xml.close("author");
        xml.empty(
            "link",
            &[("rel", "alternate"), ("type", "text/html"), ("href", &url)],
        );
        for &tag in &story.hashtags {
            xml.empty("category", &[("term", &site.hashtags[tag].name)]);
        }
        xml.text("summary", &[], &story.summary);
        xml.text(
            "content",
            &[("type", "html")],
            &syndicated_html(site, &story.body_html),
        );
        xml.close("entry");
    }
    xml.close("feed");
    xml.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_dates_are_rfc_822_in_amsterdam_time() {
        let winter = Day::parse("2026-11-02").unwrap();
        let summer = Day::parse("2026-06-14").unwrap();
        assert_eq!(rfc822(winter), "Mon, 02 Nov 2026 00:00:00 +0100");
        assert_eq!(rfc822(summer), "Sun, 14 Jun 2026 00:00:00 +0200");
    }
}
