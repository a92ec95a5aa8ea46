//! Share links: the tracked URL (`utm_*` parameters) and each network's own share dialog.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::share::compose::Post;
use crate::share::platform::Platform;

/// Everything but RFC 3986's unreserved characters is escaped, spaces as `%20` (mail clients
/// do not read `+` as a space).
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

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
