//! Where a page view came from: an ambassador's tracked link, other social media, a search
//! engine, no referrer (direct) or anything else. Only the referrer's host is looked at.

use serde::Serialize;

use crate::share::platform::Platform;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// `utm_content` is a known ambassador and `utm_source` a platform.
    Ambassador,
    Social,
    Search,
    Direct,
    Other,
}

impl Source {
    pub const ALL: [Source; 5] = [
        Source::Ambassador,
        Source::Social,
        Source::Search,
        Source::Direct,
        Source::Other,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Source::Ambassador => "ambassador",
            Source::Social => "social",
            Source::Search => "search",
            Source::Direct => "direct",
            Source::Other => "other",
        }
    }

    /// Ambassador links and other social media: the programmes' "through social media".
    pub fn is_social(self) -> bool {
        matches!(self, Source::Ambassador | Source::Social)
    }
}

/// Referrer hosts (without `www.`) of social networks; a subdomain of one counts too.
pub const SOCIAL_HOSTS: &[&str] = &[
    "linkedin.com",
    "lnkd.in",
    "facebook.com",
    "fb.com",
    "fb.me",
    "t.co",
    "x.com",
    "twitter.com",
    "instagram.com",
    "whatsapp.com",
    "wa.me",
    "mastodon.social",
    "mastodon.nl",
    "threads.net",
    "bsky.app",
    "tiktok.com",
    "youtube.com",
    "reddit.com",
    "pinterest.com",
];

/// Search engines: a subdomain counts too; `google.` and `yahoo.` with any country ending.
const SEARCH_HOSTS: &[&str] = &[
    "bing.com",
    "duckduckgo.com",
    "ecosia.org",
    "startpage.com",
    "qwant.com",
    "search.brave.com",
    "yandex.com",
    "baidu.com",
];
const SEARCH_PREFIXES: &[&str] = &["google.", "yahoo."];

/// The tracked link's ambassador and platform, when both are real.
pub struct Tracked<'a> {
    pub ambassador: &'a str,
    pub platform: Platform,
}

/// `utm_source` and `utm_content` of a request's query, when `utm_content` is one of `known`.
pub fn tracked<'a>(query: &str, known: impl Fn(&str) -> Option<&'a str>) -> Option<Tracked<'a>> {
    let mut source = None;
    let mut content = None;
    for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
        match key.as_ref() {
            "utm_source" => source = Some(value.into_owned()),
            "utm_content" => content = Some(value.into_owned()),
            _ => {}
        }
    }
    let platform = Platform::from_id(&source?.to_ascii_lowercase())?;
    let ambassador = known(&content?)?;
    Some(Tracked {
        ambassador,
        platform,
    })
}

/// The source of a view without a tracked link, by the referrer's host (`None`: no referrer).
pub fn by_referrer(host: Option<&str>, own_host: &str) -> Source {
    let Some(host) = host else {
        return Source::Direct;
    };
    let host = host.strip_prefix("www.").unwrap_or(host);
    let matches = |known: &&str| host == *known || host.ends_with(&format!(".{known}"));
    if SOCIAL_HOSTS.iter().any(matches) {
        Source::Social
    } else if SEARCH_HOSTS.iter().any(matches) || is_search_prefix(host) {
        Source::Search
    } else if host == own_host {
        // A visitor who went on from another page of the site: not a new arrival.
        Source::Direct
    } else {
        Source::Other
    }
}

/// `google.nl`, `www.google.co.uk`, `nl.search.yahoo.com`.
fn is_search_prefix(host: &str) -> bool {
    host.split('.').enumerate().any(|(i, _)| {
        let tail = host.splitn(i + 1, '.').last().unwrap_or(host);
        SEARCH_PREFIXES.iter().any(|p| tail.starts_with(p))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn referrer_hosts_map_to_sources() {
        for (host, source) in [
            (Some("linkedin.com"), Source::Social),
            (Some("lnkd.in"), Source::Social),
            (Some("l.facebook.com"), Source::Social),
            (Some("m.facebook.com"), Source::Social),
            (Some("l.instagram.com"), Source::Social),
            (Some("t.co"), Source::Social),
            (Some("google.nl"), Source::Search),
            (Some("google.co.uk"), Source::Search),
            (Some("nl.search.yahoo.com"), Source::Search),
            (Some("bing.com"), Source::Search),
            (Some("duckduckgo.com"), Source::Search),
            (Some("ecosia.org"), Source::Search),
            (Some("notgoogle.nl"), Source::Other),
            (Some("fakelinkedin.com"), Source::Other),
            (Some("intranet.example.nl"), Source::Other),
            (Some("werkenbij.example.nl"), Source::Direct),
            (None, Source::Direct),
        ] {
            assert_eq!(
                by_referrer(host, "werkenbij.example.nl"),
                source,
                "{host:?}"
            );
        }
    }

    #[test]
    fn a_tracked_link_needs_a_known_ambassador_and_a_platform() {
        let known = |id: &str| ["pieter"].into_iter().find(|k| *k == id);
        let t = tracked(
            "utm_source=linkedin&utm_medium=social&utm_content=pieter",
            known,
        )
        .unwrap();
        assert_eq!((t.ambassador, t.platform), ("pieter", Platform::LinkedIn));
        assert!(tracked("utm_source=linkedin&utm_content=nobody", known).is_none());
        assert!(tracked("utm_source=myspace&utm_content=pieter", known).is_none());
        assert!(tracked("utm_content=pieter", known).is_none());
    }
}
