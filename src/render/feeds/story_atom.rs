//! The story feed as Atom 1.0: the newest published stories with their full text.

use crate::base::xml::Xml;
use crate::model::{Site, Story, Visibility};

use super::{newest, story_atom_path, syndicated_html};

/// The newest stories in the Atom feed; readers only want what is new.
const STORY_FEED_LIMIT: usize = 30;

fn feed_stories(site: &Site) -> impl Iterator<Item = &Story> {
    site.stories
        .iter()
        .filter(|s| s.visibility == Visibility::Public)
        .take(STORY_FEED_LIMIT)
}

/// Atom 1.0 with the newest stories: id, updated, author, alternate link, summary, HTML content.
pub(super) fn feed(site: &Site, title: &str) -> String {
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
