//! The networks' rules: which platforms there are, how each measures a post (X's weighted count
//! by twitter-text v3, URLs as 23 characters) and the limits of each. Pure.

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

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
    pub fn link_in_text(self) -> bool {
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
