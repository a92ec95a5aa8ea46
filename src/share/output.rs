//! Share kits as output: template views of the kit page and the kit index, `delen.json` for
//! other tools, and `delen.ics` (RFC 5545) for calendars.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::base::date::Day;
use crate::model::Site;
use crate::share::kit::{story_card, ShareKit, ShareKits};
use crate::share::platform::Platform;

/// `delen.json`'s format; raised only when a field changes meaning or disappears.
pub const JSON_FORMAT: &str = "werkenbij-share-kit/1";

#[derive(Serialize)]
struct KitJson<'a> {
    format: &'static str,
    generated: String,
    ambassador: AmbassadorJson<'a>,
    kit_url: String,
    calendar_url: String,
    stories: Vec<StoryJson<'a>>,
}

#[derive(Serialize)]
struct AmbassadorJson<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct StoryJson<'a> {
    slug: &'a str,
    url: String,
    title: &'a str,
    summary: &'a str,
    published: String,
    author: &'a str,
    own: bool,
    image: ImageJson,
    suggested_date: String,
    any_time: bool,
    platforms: BTreeMap<&'static str, PostJson<'a>>,
}

#[derive(Serialize)]
struct ImageJson {
    url: String,
    alt: String,
}

#[derive(Serialize)]
struct PostJson<'a> {
    text: &'a str,
    tracked_url: &'a str,
    intent_url: Option<&'a str>,
}

/// `delen.json`: the kit for bots and advocacy tools. Fields are documented in docs/share-kits.md.
pub fn kit_json(site: &Site, kit: &ShareKit) -> String {
    let ambassador = &site.ambassadors[kit.ambassador];
    let json = KitJson {
        format: JSON_FORMAT,
        generated: site.today.to_string(),
        ambassador: AmbassadorJson {
            id: &ambassador.id,
            name: &ambassador.name,
        },
        kit_url: site.absolute(&kit.url),
        calendar_url: site.absolute(&kit.calendar_url),
        stories: kit
            .stories
            .iter()
            .map(|k| {
                let story = &site.stories[k.story];
                let (image, alt) = story_card(site, story);
                StoryJson {
                    slug: &story.slug,
                    url: site.absolute(&story.url),
                    title: &story.title,
                    summary: &story.summary,
                    published: story.date.to_string(),
                    author: &site.ambassadors[story.ambassador].id,
                    own: k.own,
                    image: ImageJson {
                        url: site.absolute(&image),
                        alt,
                    },
                    suggested_date: k.suggested.to_string(),
                    any_time: k.any_time,
                    platforms: k
                        .posts
                        .iter()
                        .map(|p| {
                            (
                                p.platform.id(),
                                PostJson {
                                    text: &p.text,
                                    tracked_url: &p.tracked_url,
                                    intent_url: p.intent_url.as_deref(),
                                },
                            )
                        })
                        .collect(),
                }
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&json).expect("a kit always serialises");
    text.push('\n');
    text
}

/// `delen.ics`: one all-day event per story whose suggested date is today or later.
pub fn kit_calendar(site: &Site, kit: &ShareKit, text: &dyn Fn(&str) -> String) -> String {
    let ambassador = &site.ambassadors[kit.ambassador];
    let host = site
        .config
        .base_url
        .split("://")
        .nth(1)
        .unwrap_or(&site.config.base_url);
    let kit_url = site.absolute(&kit.url);
    // The build date, not the clock: the same input gives the same file.
    let stamp = format!("{}T000000Z", compact(site.today));
    let mut ics = Calendar::default();
    ics.line("BEGIN:VCALENDAR");
    ics.line("VERSION:2.0");
    ics.line("PRODID:-//werkenbij//share kit//EN");
    ics.line("CALSCALE:GREGORIAN");
    ics.line("METHOD:PUBLISH");
    ics.property(
        "X-WR-CALNAME",
        &format!("{} {}", text("share_calendar_name"), ambassador.name),
    );
    let event = |ics: &mut Calendar, id: &str, day: Day, summary: &str, description: &str| {
        ics.line("BEGIN:VEVENT");
        ics.line(&format!(
            "UID:{id}.{KIT}@{host}",
            KIT = crate::model::paths::KIT_SEGMENT
        ));
        ics.line(&format!("DTSTAMP:{stamp}"));
        ics.line(&format!("DTSTART;VALUE=DATE:{}", compact(day)));
        ics.line(&format!("DTEND;VALUE=DATE:{}", compact(day.add_days(1))));
        ics.property("SUMMARY", summary);
        ics.property("DESCRIPTION", description);
        ics.line(&format!("URL:{kit_url}"));
        ics.line("TRANSP:TRANSPARENT");
        ics.line("END:VEVENT");
    };
    let coming: Vec<_> = kit.stories.iter().filter(|k| !k.any_time).collect();
    for k in &coming {
        let story = &site.stories[k.story];
        let mut description = kit_url.clone();
        if let Some(post) = k.posts.first() {
            description.push_str("\n\n");
            description.push_str(&post.text);
        }
        event(
            &mut ics,
            &format!("{}.{}", story.slug, ambassador.id),
            k.suggested,
            &format!("{} {}", text("share_calendar_event"), story.title),
            &description,
        );
    }
    if coming.is_empty() {
        // RFC 5545 3.6: a calendar "MUST include at least one calendar component". With no
        // coming date, the build date holds the stories that can be shared any time.
        let mut description = kit_url.clone();
        for (n, k) in kit.stories.iter().enumerate() {
            description.push_str(if n == 0 { "\n\n" } else { "\n" });
            description.push_str(&site.stories[k.story].title);
        }
        event(
            &mut ics,
            &ambassador.id,
            site.today,
            &text("share_calendar_any_time"),
            &description,
        );
    }
    ics.line("END:VCALENDAR");
    ics.text
}

fn compact(day: Day) -> String {
    day.to_string().replace('-', "")
}

/// An iCalendar text: CRLF line ends, lines folded at 75 octets.
#[derive(Default)]
struct Calendar {
    text: String,
}

impl Calendar {
    fn property(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape_text(value)));
    }

    fn line(&mut self, line: &str) {
        let mut width = 0;
        for c in line.chars() {
            if width + c.len_utf8() > 75 {
                self.text.push_str("\r\n ");
                width = 1;
            }
            self.text.push(c);
            width += c.len_utf8();
        }
        self.text.push_str("\r\n");
    }
}

/// RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped; other control characters,
/// which TEXT does not allow (tab aside), left out.
fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// What `share_kit.html` sees as `kit`.
#[derive(Serialize)]
pub struct KitView<'a> {
    ambassador: &'a str,
    first_name: &'a str,
    profile_url: String,
    json_url: String,
    calendar_url: String,
    calendar_subscribe: String,
    stories: Vec<StoryView<'a>>,
}

#[derive(Serialize)]
struct StoryView<'a> {
    id: String,
    title: &'a str,
    url: String,
    summary: &'a str,
    own: bool,
    author: &'a str,
    published: String,
    published_iso: String,
    suggested: Option<String>,
    suggested_iso: Option<String>,
    image: ImageJson,
    image_download: String,
    posts: Vec<PostView<'a>>,
}

#[derive(Serialize)]
struct PostView<'a> {
    id: String,
    platform: &'static str,
    name: &'static str,
    text: &'a str,
    rows: usize,
    tracked_url: &'a str,
    intent_url: Option<&'a str>,
    /// LinkedIn and Facebook take only the link: copy the text first.
    link_only: bool,
}

/// The context of `share_kit.html`.
pub fn kit_view<'a>(site: &'a Site, kit: &'a ShareKit) -> KitView<'a> {
    let ambassador = &site.ambassadors[kit.ambassador];
    let language = site.config.language;
    KitView {
        ambassador: &ambassador.name,
        first_name: ambassador.first_name(),
        profile_url: site.href(&ambassador.url),
        json_url: site.href(&kit.json_url),
        calendar_url: site.href(&kit.calendar_url),
        calendar_subscribe: site
            .absolute(&kit.calendar_url)
            .replacen("https://", "webcal://", 1),
        stories: kit
            .stories
            .iter()
            .enumerate()
            .map(|(n, k)| {
                let story = &site.stories[k.story];
                let (image, alt) = story_card(site, story);
                let id = format!("verhaal-{}", n + 1);
                StoryView {
                    title: &story.title,
                    url: site.href(&story.url),
                    summary: &story.summary,
                    own: k.own,
                    author: &site.ambassadors[story.ambassador].name,
                    published: language.long_date(story.date),
                    published_iso: story.date.to_string(),
                    suggested: (!k.any_time).then(|| language.long_date(k.suggested)),
                    suggested_iso: (!k.any_time).then(|| k.suggested.to_string()),
                    image_download: format!(
                        "{}{}",
                        story.slug,
                        image.rsplit_once('.').map_or(".jpg", |(_, e)| match e {
                            "png" => ".png",
                            "webp" => ".webp",
                            _ => ".jpg",
                        })
                    ),
                    image: ImageJson {
                        url: site.href(&image),
                        alt,
                    },
                    posts: k
                        .posts
                        .iter()
                        .map(|p| PostView {
                            id: format!("{id}-{}", p.platform.id()),
                            platform: p.platform.id(),
                            name: p.platform.name(),
                            text: &p.text,
                            // Wrapped at about 45 characters in a card.
                            rows: p
                                .text
                                .lines()
                                .map(|l| l.chars().count().div_ceil(45).max(1))
                                .sum::<usize>()
                                .clamp(3, 12),
                            tracked_url: &p.tracked_url,
                            intent_url: p.intent_url.as_deref(),
                            link_only: matches!(
                                p.platform,
                                Platform::LinkedIn | Platform::Facebook
                            ),
                        })
                        .collect(),
                    id,
                }
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct IndexRow<'a> {
    name: &'a str,
    role: &'a str,
    kit_url: String,
    calendar_url: String,
    stories: usize,
    own: usize,
    next: Option<String>,
    next_iso: Option<String>,
}

/// The context of `share_index.html`: every kit with its figures.
pub fn index_view(site: &Site, kits: &ShareKits) -> serde_json::Value {
    let rows: Vec<IndexRow> = kits
        .kits
        .iter()
        .map(|kit| {
            let a = &site.ambassadors[kit.ambassador];
            let next = kit.next_date();
            IndexRow {
                name: &a.name,
                role: &a.role,
                kit_url: site.href(&kit.url),
                calendar_url: site.href(&kit.calendar_url),
                stories: kit.stories.len(),
                own: kit.own_count(),
                next: next.map(|d| site.config.language.long_date(d)),
                next_iso: next.map(|d| d.to_string()),
            }
        })
        .collect();
    serde_json::json!({ "kits": rows, "left_out": site.ambassadors.len() - rows.len() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(
            escape_text("a, b; c\\d\r\ne\u{1}\u{7f}\tf"),
            "a\\, b\\; c\\\\d\\ne\tf".to_owned()
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let mut ics = Calendar::default();
        let value = format!("{}é{}", "a".repeat(73), "ü".repeat(60));
        ics.property("DESCRIPTION", &value);
        let lines: Vec<&str> = ics.text.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(lines.len() > 2);
        for line in &lines {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
        let unfolded: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| if i == 0 { *l } else { &l[1..] })
            .collect();
        assert_eq!(unfolded, format!("DESCRIPTION:{value}"));
        assert!(!ics.text.replace("\r\n", "").contains('\n'));
    }
}
