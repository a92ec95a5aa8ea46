//! Share texts for the networks: platforms and their limits, hashtag assembly, the X weighted
//! count, tracked and intent URLs, and suggested share dates. Pure: no `Site`, no I/O.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use crate::base::date::Day;
use crate::base::diagnostics::Diagnostic;
use crate::base::language::Language;
use crate::content::front_matter::Document;
use crate::content::story::{ShareTexts, StoryFront};

/// Everything but RFC 3986's unreserved characters is escaped, spaces as `%20` (mail clients
/// do not read `+` as a space).
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Platform {
    LinkedIn,
    Facebook,
    X,
    WhatsApp,
    Instagram,
    Email,
    Mastodon,
}

/// How a platform measures a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// twitter-text v3: weighted characters, every URL 23.
    XWeighted,
    /// Characters, every URL 23 (Mastodon's default).
    CharsUrl23,
    /// Unicode characters.
    Chars,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max: usize,
    pub measure: Measure,
    /// Instagram: at most this many hashtags.
    pub max_hashtags: Option<usize>,
}

impl Platform {
    pub const ALL: [Platform; 7] = [
        Platform::LinkedIn,
        Platform::Facebook,
        Platform::X,
        Platform::WhatsApp,
        Platform::Instagram,
        Platform::Email,
        Platform::Mastodon,
    ];

    /// The id used in `site.yaml`, front-matter and `utm_source`.
    pub fn id(self) -> &'static str {
        match self {
            Platform::LinkedIn => "linkedin",
            Platform::Facebook => "facebook",
            Platform::X => "x",
            Platform::WhatsApp => "whatsapp",
            Platform::Instagram => "instagram",
            Platform::Email => "email",
            Platform::Mastodon => "mastodon",
        }
    }

    pub fn from_id(id: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|p| p.id() == id)
    }

    pub fn name(self) -> &'static str {
        match self {
            Platform::LinkedIn => "LinkedIn",
            Platform::Facebook => "Facebook",
            Platform::X => "X",
            Platform::WhatsApp => "WhatsApp",
            Platform::Instagram => "Instagram",
            Platform::Email => "e-mail",
            Platform::Mastodon => "Mastodon",
        }
    }

    pub fn limit(self) -> Option<Limit> {
        let limit = |max, measure| {
            Some(Limit {
                max,
                measure,
                max_hashtags: None,
            })
        };
        match self {
            Platform::X => limit(280, Measure::XWeighted),
            Platform::LinkedIn => limit(3000, Measure::Chars),
            Platform::Instagram => Some(Limit {
                max: 2200,
                measure: Measure::Chars,
                max_hashtags: Some(30),
            }),
            Platform::Mastodon => limit(500, Measure::CharsUrl23),
            Platform::Facebook | Platform::WhatsApp | Platform::Email => None,
        }
    }

    /// Whether the post carries the link in its text (Instagram captions have no working links).
    fn link_in_text(self) -> bool {
        self != Platform::Instagram
    }
}

impl Measure {
    pub fn count(self, text: &str) -> usize {
        match self {
            Measure::XWeighted => x_weighted_length(text),
            Measure::CharsUrl23 => chars_with_urls_as_23(text),
            Measure::Chars => text.chars().count(),
        }
    }
}

/// The weighted length of an X post by twitter-text's v3 rules: text in NFC, each URL counts
/// `transformedURLLength` (23), each emoji the default weight, every other code point the weight
/// of the range it falls in (1 for Latin, general punctuation; 2 for CJK and the rest).
pub fn x_weighted_length(text: &str) -> usize {
    let config = twitter_text_config::config_v3();
    let scale = config.scale.max(1) as usize;
    let text: String = text.nfc().collect();
    let mut total = 0usize;
    for (piece, is_url) in split_urls(&text) {
        if is_url {
            total += config.transformed_url_length as usize * scale;
            continue;
        }
        for grapheme in piece.graphemes(true) {
            if config.emoji_parsing_enabled && is_emoji(grapheme) {
                total += config.default_weight as usize;
                continue;
            }
            for c in grapheme.chars() {
                let point = c as i32;
                total += config
                    .ranges
                    .iter()
                    .find(|r| r.contains(point))
                    .map_or(config.default_weight, |r| r.weight) as usize;
            }
        }
    }
    total / scale
}

fn chars_with_urls_as_23(text: &str) -> usize {
    split_urls(text)
        .map(|(piece, is_url)| if is_url { 23 } else { piece.chars().count() })
        .sum()
}

/// `text` cut into runs of plain text and `http(s)://` URLs (up to the next whitespace).
fn split_urls(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let start = [rest.find("https://"), rest.find("http://")]
            .into_iter()
            .flatten()
            .min();
        match start {
            Some(0) => {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                let (url, tail) = rest.split_at(end);
                rest = tail;
                Some((url, true))
            }
            Some(at) => {
                let (plain, tail) = rest.split_at(at);
                rest = tail;
                Some((plain, false))
            }
            None => {
                let plain = rest;
                rest = "";
                Some((plain, false))
            }
        }
    })
}

/// An emoji as twitter-text's emoji parser sees one: a pictograph with its modifiers, joiners
/// and variation selectors, a flag, or a keycap.
fn is_emoji(grapheme: &str) -> bool {
    grapheme.chars().any(|c| {
        matches!(c as u32,
            0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x231A..=0x23FF
            | 0x20E3 | 0xFE0F | 0x3030 | 0x303D | 0x3297 | 0x3299)
    })
}

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

/// Every author's own `share` text that exceeds a configured platform's limit, as an error at
/// that text. `longest_url` is the story's longest tracked URL (the longest ambassador id).
pub fn check_own_texts(
    doc: &Document<StoryFront>,
    platforms: &[String],
    longest_url: &dyn Fn(Platform) -> String,
) -> Vec<Diagnostic> {
    let configured = platforms.iter().filter_map(|p| Platform::from_id(p));
    let mut problems = Vec::new();
    match &doc.front.share {
        None => {}
        Some(ShareTexts::All(text)) => {
            if let Some((platform, over)) = configured
                .filter_map(|p| over_limit(p, text, &longest_url(p)).map(|o| (p, o)))
                .next()
            {
                problems.push(limit_error(doc, "share", platform, over).with_hint(format!(
                    "shorten it, or give {} a text of its own: `share: {{ {}: …, linkedin: … }}`",
                    platform.name(),
                    platform.id()
                )));
            }
        }
        Some(ShareTexts::PerPlatform(texts)) => {
            for platform in configured {
                let Some(text) = texts.get(platform.id()) else {
                    continue;
                };
                if let Some(over) = over_limit(platform, text, &longest_url(platform)) {
                    let key = format!("share.{}", platform.id());
                    problems.push(limit_error(doc, &key, platform, over).with_hint(
                        match platform.limit().map(|l| l.measure) {
                            Some(Measure::XWeighted) => "shorten it: the link is added to it and counts as 23, emoji and CJK characters count as 2",
                            Some(Measure::CharsUrl23) => "shorten it: the link is added to it and counts as 23",
                            _ => "shorten it: the link is added to it",
                        },
                    ));
                }
            }
        }
    }
    problems
}

fn limit_error(
    doc: &Document<StoryFront>,
    key: &str,
    platform: Platform,
    (count, max, unit): (usize, usize, &str),
) -> Diagnostic {
    let message = if unit == "hashtags" {
        format!(
            "`{key}` has {count} hashtags, more than {} allows ({max})",
            platform.name()
        )
    } else {
        format!(
            "`{key}` is {count} {unit} with the link, more than {} allows ({max})",
            platform.name()
        )
    };
    doc.error(key, message)
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

/// The story's canonical URL with the tracking parameters, always in this order.
pub fn tracked_url(
    canonical: &str,
    platform: Platform,
    medium: &str,
    campaign: &str,
    ambassador: &str,
) -> String {
    let e = |v: &str| utf8_percent_encode(v, COMPONENT).to_string();
    let separator = if canonical.contains('?') { '&' } else { '?' };
    format!(
        "{canonical}{separator}utm_source={}&utm_medium={}&utm_campaign={}&utm_content={}",
        e(platform.id()),
        e(medium),
        e(campaign),
        e(ambassador)
    )
}

/// The network's own share dialog, filled with what its public share URL accepts; `None` for
/// Instagram (no web share) and for Mastodon without an instance.
pub fn intent_url(
    platform: Platform,
    post: &Post,
    url: &str,
    subject: &str,
    mastodon: Option<&str>,
) -> Option<String> {
    let e = |v: &str| utf8_percent_encode(v, COMPONENT).to_string();
    match platform {
        Platform::LinkedIn => Some(format!(
            "https://www.linkedin.com/sharing/share-offsite/?url={}",
            e(url)
        )),
        Platform::Facebook => Some(format!(
            "https://www.facebook.com/sharer/sharer.php?u={}",
            e(url)
        )),
        Platform::X => Some(format!(
            "https://x.com/intent/post?text={}&url={}",
            e(&post.body),
            e(url)
        )),
        Platform::WhatsApp => Some(format!("https://wa.me/?text={}", e(&post.text))),
        Platform::Email => Some(format!(
            "mailto:?subject={}&body={}",
            e(subject),
            e(&post.text)
        )),
        Platform::Mastodon => {
            let host = mastodon_host(mastodon?);
            Some(format!("https://{host}/share?text={}", e(&post.text)))
        }
        Platform::Instagram => None,
    }
}

/// `https://mastodon.nl/` or `mastodon.nl` → `mastodon.nl`.
pub fn mastodon_host(instance: &str) -> &str {
    let rest = instance.trim();
    let rest = rest
        .strip_prefix("https://")
        .or_else(|| rest.strip_prefix("http://"))
        .unwrap_or(rest);
    rest.trim_end_matches('/')
}

/// Days after publication that `ambassador` is asked to share `slug`: 0 for the story's own
/// ambassador; for colleagues 1 to `spread_days - 1`, from a stable hash (FNV-1a, 64 bits) so
/// that the same input always gives the same date on every machine and Rust version.
pub fn share_offset(ambassador: &str, slug: &str, own: bool, spread_days: u32) -> u32 {
    if own || spread_days <= 1 {
        return 0;
    }
    let hash = fnv1a(format!("{ambassador}\n{slug}").as_bytes());
    1 + (hash % u64::from(spread_days - 1)) as u32
}

pub fn suggested_date(published: Day, offset: u32) -> Day {
    published.add_days(i64::from(offset))
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
