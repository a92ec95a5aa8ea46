//! Share and contact links: the tracked URL (`utm_*` parameters), each network's own share dialog
//! (`mailto:` as RFC 6068 writes it) and `tel:` links in RFC 3966's global form.

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
            "https://x.com/intent/tweet?text={}&url={}",
            e(&post.body),
            e(url)
        )),
        Platform::WhatsApp => Some(format!("https://wa.me/?text={}", e(&post.text))),
        // RFC 6068 section 5: a line break in a body is `%0D%0A`.
        Platform::Email => Some(format!(
            "mailto:?subject={}&body={}",
            e(subject),
            e(&crlf(&post.text))
        )),
        Platform::Mastodon => {
            let host = mastodon_host(mastodon?);
            Some(format!("https://{host}/share?text={}", e(&post.text)))
        }
        Platform::Instagram => None,
    }
}

/// Every line break as CRLF, whichever form it had.
fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

/// `030 123 45 99` → `tel:+31301234599`: RFC 3966's global form, from a Dutch national number
/// (a leading 0), an international one (`+` or `00`), or a short number (`112`, as a local
/// number in the Dutch context).
pub fn tel_uri(phone: &str) -> String {
    // `+31 (0)30 …`: the bracketed trunk prefix is dialled only inside the country.
    let phone = phone.replace("(0)", "");
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if phone.trim_start().starts_with('+') {
        format!("tel:+{digits}")
    } else if let Some(rest) = digits.strip_prefix("00") {
        format!("tel:+{rest}")
    } else if let Some(rest) = digits.strip_prefix('0') {
        format!("tel:+31{rest}")
    } else {
        format!("tel:{digits};phone-context=+31")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_become_global_tel_uris() {
        for (phone, uri) in [
            ("030 123 45 99", "tel:+31301234599"),
            ("030-1234599", "tel:+31301234599"),
            ("06 12 34 56 78", "tel:+31612345678"),
            ("+31 (0)30 123 45 99", "tel:+31301234599"),
            ("+32 2 123 45 67", "tel:+3221234567"),
            ("0032 2 123 45 67", "tel:+3221234567"),
            ("0800 1234", "tel:+318001234"),
            ("112", "tel:112;phone-context=+31"),
        ] {
            assert_eq!(tel_uri(phone), uri, "{phone}");
        }
    }

    #[test]
    fn line_breaks_become_crlf_once() {
        assert_eq!(crlf("a\nb\r\nc"), "a\r\nb\r\nc");
    }
}
