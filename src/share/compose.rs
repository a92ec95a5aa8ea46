//! Composing posts: the hashtags a story's post carries, a text within the platform's limit from
//! title, summary and hashtags, and an author's own text with the link. Pure.

use crate::base::language::Language;
use crate::share::platform::{Measure, Platform};

/// The story's hashtags for a post: the site's `always` tags, the campaign tags the story uses,
/// then its own; the first spelling of each wins, compared case-insensitively.
pub fn assemble_hashtags<'a>(
    always: impl IntoIterator<Item = &'a str>,
    story: &[(&'a str, bool)],
) -> Vec<String> {
    let campaigns = story.iter().filter(|(_, c)| *c).map(|(n, _)| *n);
    let own = story.iter().filter(|(_, c)| !*c).map(|(n, _)| *n);
    let mut out: Vec<String> = Vec::new();
    for name in always.into_iter().chain(campaigns).chain(own) {
        let name = name.trim().trim_start_matches('#');
        if !name.is_empty() && !out.iter().any(|o| o.to_lowercase() == name.to_lowercase()) {
            out.push(name.to_owned());
        }
    }
    out
}

/// The parts of a composed post.
#[derive(Debug, Clone)]
pub struct Compose<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    /// Without `#`, in order.
    pub hashtags: &'a [String],
    pub language: Language,
    /// The host of the site, for Instagram ("read it on werkenbij.example.nl").
    pub host: &'a str,
}

/// A ready post for one platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    /// The whole text to copy, the tracked link included where the platform shows links.
    pub text: String,
    /// The text without the link, for share URLs that take the link separately.
    pub body: String,
}

/// A post composed from title, summary and hashtags, within the platform's limit: hashtags go
/// last-first, then the summary is cut at a word boundary with an ellipsis, then the title.
pub fn compose(platform: Platform, parts: &Compose, url: &str) -> Post {
    let hashtag_cap = platform
        .limit()
        .and_then(|l| l.max_hashtags)
        .unwrap_or(usize::MAX);
    let mut tags: Vec<&str> = match platform {
        Platform::WhatsApp | Platform::Email => Vec::new(),
        _ => parts
            .hashtags
            .iter()
            .take(hashtag_cap)
            .map(String::as_str)
            .collect(),
    };
    let mut summary = parts.summary.trim().to_owned();
    let mut title = parts.title.trim().to_owned();
    loop {
        let post = layout(platform, parts, &title, &summary, &tags, url);
        let fits = match platform.limit() {
            Some(limit) => limit.measure.count(&post.text) <= limit.max,
            None => true,
        };
        if fits {
            return post;
        }
        if tags.pop().is_some() {
            continue;
        }
        if !summary.is_empty() {
            summary = shorten_by_a_word(&summary);
            continue;
        }
        if title.chars().count() > 1 {
            title = shorten_by_a_word(&title);
            continue;
        }
        return post;
    }
}

fn layout(
    platform: Platform,
    parts: &Compose,
    title: &str,
    summary: &str,
    tags: &[&str],
    url: &str,
) -> Post {
    let tags_line = tags
        .iter()
        .map(|t| format!("#{t}"))
        .collect::<Vec<_>>()
        .join(" ");
    let words = Words::of(parts.language);
    let paragraphs: Vec<String> = match platform {
        Platform::Email => vec![summary.to_owned(), words.read_more.to_owned()],
        Platform::WhatsApp => vec![title.to_owned(), summary.to_owned()],
        Platform::Instagram => vec![
            title.to_owned(),
            summary.to_owned(),
            format!("{} {}.", words.read_on, parts.host),
            tags_line,
        ],
        _ => vec![title.to_owned(), summary.to_owned(), tags_line],
    };
    let body = join_paragraphs(paragraphs.iter().map(String::as_str));
    with_link(platform, body, url)
}

/// The post for an author's own text.
pub fn own_text(platform: Platform, text: &str, url: &str) -> Post {
    with_link(platform, text.trim().to_owned(), url)
}

fn with_link(platform: Platform, body: String, url: &str) -> Post {
    let text = if platform.link_in_text() {
        join_paragraphs([body.as_str(), url])
    } else {
        body.clone()
    };
    Post { text, body }
}

fn join_paragraphs<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> String {
    paragraphs
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Drops the last word and ends with `…`; empty when one word is left.
fn shorten_by_a_word(text: &str) -> String {
    let text = text.trim_end_matches('…').trim_end();
    match text.rfind(char::is_whitespace) {
        Some(at) => {
            let kept = text[..at].trim_end_matches([',', ';', ':', '.', '-', '–', ' ']);
            format!("{kept}…")
        }
        None => String::new(),
    }
}

/// Where an author's own text, posted with `url`, exceeds a platform's limit: (count, limit,
/// unit).
pub fn over_limit(
    platform: Platform,
    text: &str,
    url: &str,
) -> Option<(usize, usize, &'static str)> {
    let limit = platform.limit()?;
    // The link is added to the author's text: measure what will be posted.
    let post = own_text(platform, text, url);
    let count = limit.measure.count(&post.text);
    if count > limit.max {
        let unit = match limit.measure {
            Measure::XWeighted => "weighted characters",
            _ => "characters",
        };
        return Some((count, limit.max, unit));
    }
    if let Some(max) = limit.max_hashtags {
        let tags = text
            .split_whitespace()
            .filter(|w| w.starts_with('#'))
            .count();
        if tags > max {
            return Some((tags, max, "hashtags"));
        }
    }
    None
}

struct Words {
    read_more: &'static str,
    read_on: &'static str,
}

impl Words {
    fn of(language: Language) -> Words {
        match language {
            Language::Nl => Words {
                read_more: "Lees het hele verhaal:",
                read_on: "Lees het hele verhaal op",
            },
            Language::En => Words {
                read_more: "Read the whole story:",
                read_on: "Read the whole story on",
            },
        }
    }
}
