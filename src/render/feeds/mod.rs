//! Every feed of the site, written from one place: the vacancy feeds (RSS 2.0, JSON Feed 1.1 and
//! the XML job-board feed) and the story feed (Atom 1.0), their paths and the `<link>`s that list
//! pages advertise. Each feed is pure: it takes the site and returns the file's text. Every date
//! comes from the content (or the build date), never from the clock, so the same input gives the
//! same bytes.

mod job_board;
mod story_atom;
mod vacancy_json;
mod vacancy_rss;

use crate::base::date::Day;
use crate::base::error::Error;
use crate::model::{Site, Vacancy, Visibility};
use crate::output::Output;
use crate::theme::Strings;

/// Writes the four feeds.
pub(super) fn write(site: &Site, strings: &Strings, output: &dyn Output) -> Result<(), Error> {
    write_stale(site, strings, output, Stale::ALL)
}

/// Which feeds a rebuild of touched pages writes again (`render::touched`); the others are kept.
#[derive(Debug, Clone, Copy)]
pub(super) struct Stale {
    /// The three vacancy feeds: each vacancy's fields and hashtags.
    pub vacancies: bool,
    /// The story feed: each story with its author and hashtags.
    pub stories: bool,
}

impl Stale {
    pub const ALL: Stale = Stale {
        vacancies: true,
        stories: true,
    };
}

pub(super) fn write_stale(
    site: &Site,
    strings: &Strings,
    output: &dyn Output,
    stale: Stale,
) -> Result<(), Error> {
    let file = |path: String| path.trim_start_matches('/').to_owned();
    if stale.vacancies {
        let (title, description) = (
            strings.get("vacancies_title"),
            strings.get("vacancies_description"),
        );
        output.write(
            &file(vacancy_rss_path(site)),
            vacancy_rss::feed(site, &title, &description).as_bytes(),
        )?;
        output.write(
            &file(vacancy_json_path(site)),
            vacancy_json::feed(site, &title, &description).as_bytes(),
        )?;
        output.write(&file(job_feed_path(site)), job_board::feed(site).as_bytes())?;
    }
    if stale.stories {
        output.write(
            &file(story_atom_path(site)),
            story_atom::feed(site, &strings.get("stories_title")).as_bytes(),
        )?;
    }
    Ok(())
}

/// The site paths of the four feeds.
pub(super) fn paths(site: &Site) -> [String; 4] {
    [
        vacancy_rss_path(site),
        vacancy_json_path(site),
        job_feed_path(site),
        story_atom_path(site),
    ]
}

/// A feed as the head of a list page advertises it.
#[derive(Debug, Clone, serde::Serialize)]
pub(super) struct FeedLink {
    url: String,
    mime: &'static str,
    title: String,
}

fn vacancy_rss_path(site: &Site) -> String {
    format!("/{}/feed.xml", site.config.paths.vacancies)
}

fn vacancy_json_path(site: &Site) -> String {
    format!("/{}/feed.json", site.config.paths.vacancies)
}

fn job_feed_path(site: &Site) -> String {
    format!("/{}/jobs.xml", site.config.paths.vacancies)
}

fn story_atom_path(site: &Site) -> String {
    format!("/{}/feed.xml", site.config.paths.stories)
}

/// The feeds of the vacancy list, for `<link rel="alternate">`.
pub(super) fn vacancy_feed_links(site: &Site, title: &str) -> Vec<FeedLink> {
    vec![
        FeedLink {
            url: site.href(&vacancy_rss_path(site)),
            mime: "application/rss+xml",
            title: format!("{title} (RSS)"),
        },
        FeedLink {
            url: site.href(&vacancy_json_path(site)),
            mime: "application/feed+json",
            title: format!("{title} (JSON Feed)"),
        },
        FeedLink {
            url: site.href(&job_feed_path(site)),
            mime: "application/xml",
            title: format!("{title} (XML job feed)"),
        },
    ]
}

pub(super) fn story_feed_links(site: &Site, title: &str) -> Vec<FeedLink> {
    vec![FeedLink {
        url: site.href(&story_atom_path(site)),
        mime: "application/atom+xml",
        title: format!("{title} (Atom)"),
    }]
}

/// Open, published vacancies, newest first: what every vacancy feed lists.
fn feed_vacancies(site: &Site) -> impl Iterator<Item = &Vacancy> {
    site.open_vacancies()
        .map(|(_, v)| v)
        .filter(|v| v.visibility == Visibility::Public)
}

/// A page body for use elsewhere (feeds, JSON-LD): without the heading anchors, which only make
/// sense on the page, and with the site's links (`/werkenbij/verhalen/x/`, below the path of
/// `base_url`) made absolute.
pub(super) fn syndicated_html(site: &Site, html: &str) -> String {
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
    let base = site.config.origin();
    out.replace("href=\"/", &format!("href=\"{base}/"))
        .replace("src=\"/", &format!("src=\"{base}/"))
}

/// The date a feed was last changed: its newest entry, else the build date.
fn newest(days: impl Iterator<Item = Day>, site: &Site) -> Day {
    days.max().unwrap_or(site.today)
}
