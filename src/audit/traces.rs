//! Text in the output that should not be there: traces (slug, title, name, quote, profile links,
//! photo paths) of stories and ambassadors whose consent does not allow them on the website, and
//! e-mail addresses and phone numbers that `site.yaml`, no page and no vacancy contact declares.

use std::collections::BTreeSet;

use regex::Regex;

use crate::base::date::Day;
use crate::content::consent::Publishing;
use crate::content::Content;
use crate::model::Site;

/// One story or ambassador that consent keeps off the site, and the texts that would betray it.
struct Subject {
    /// `story `slug`` or `ambassador `id``.
    what: String,
    /// The slug or id: matched as a whole word of a URL or path.
    slug: String,
    /// (kind, text): matched as written, after HTML entities are undone.
    texts: Vec<(&'static str, String)>,
}

pub(super) struct Traces {
    subjects: Vec<Subject>,
    emails: BTreeSet<String>,
    phones: BTreeSet<String>,
    email: Regex,
    phone: Regex,
}

impl Traces {
    pub(super) fn of(content: &Content, site: &Site) -> Traces {
        let email =
            Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
                .expect("a valid pattern");
        let phone = Regex::new(
            r"(?:\+|00)\d{2}[ .-]?(?:\(0\)[ .-]?)?\d(?:[ .-]?\d){7,9}|\(?0\d{1,3}\)?(?:[ .-]?\d){6,8}",
        )
        .expect("a valid pattern");
        let mut declared = vec![content.config_file.text.clone()];
        declared.extend(content.pages.iter().map(|p| p.doc.file.text.clone()));
        for vacancy in &content.vacancies {
            if let Some(contact) = &vacancy.doc.front.contact {
                declared.extend(contact.email.clone());
                declared.extend(contact.phone.clone());
            }
        }
        let mut traces = Traces {
            subjects: subjects(content, site),
            emails: BTreeSet::new(),
            phones: BTreeSet::new(),
            email,
            phone,
        };
        for text in &declared {
            let emails: Vec<String> = traces.emails_in(text).collect();
            let phones: Vec<String> = traces.phones_in(text).map(|(_, d)| d).collect();
            traces.emails.extend(emails);
            traces.phones.extend(phones);
        }
        traces
    }

    /// Reports every trace and undeclared contact in the text file at `path`.
    pub(super) fn check(&self, path: &str, text: &str, found: &mut impl FnMut(String)) {
        let mut text = unescape(text);
        if path.ends_with(".ics") {
            // An event's `UID:` has the form of an address (RFC 5545) but names no one.
            text = text
                .lines()
                .filter(|line| !line.starts_with("UID:"))
                .collect::<Vec<_>>()
                .join("\n");
        }
        for subject in &self.subjects {
            let mut kinds: Vec<&str> = subject
                .texts
                .iter()
                .filter(|(_, needle)| text.contains(needle.as_str()))
                .map(|(kind, _)| *kind)
                .collect();
            if has_word(&text, &subject.slug) {
                kinds.insert(0, "slug");
            }
            if has_word(path, &subject.slug) {
                kinds.insert(0, "slug in the file's path");
            }
            if !kinds.is_empty() {
                found(format!(
                    "trace of {}, which its consent keeps off the website: {}",
                    subject.what,
                    kinds.join(", ")
                ));
            }
        }
        let mut reported = BTreeSet::new();
        for address in self.emails_in(&text) {
            if !self.emails.contains(&address) && reported.insert(address.clone()) {
                found(format!("e-mail address `{address}` is not declared in site.yaml, a page or a vacancy contact"));
            }
        }
        for (written, digits) in self.phones_in(&text) {
            if !self.phones.contains(&digits) && reported.insert(digits) {
                found(format!("phone number `{written}` is not declared in site.yaml, a page or a vacancy contact"));
            }
        }
    }

    fn emails_in<'a>(&'a self, text: &'a str) -> impl Iterator<Item = String> + 'a {
        self.email
            .find_iter(text)
            .map(|m| m.as_str().trim_matches('.').to_lowercase())
    }

    /// Phone numbers standing on their own (not inside a longer word or number), as written and
    /// as national digits (`+31 30 …` and `030 …` are the same number).
    fn phones_in<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (String, String)> + 'a {
        self.phone
            .find_iter(text)
            .filter(|m| {
                let before = text[..m.start()].chars().next_back();
                let after = text[m.end()..].chars().next();
                !before.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '/' || c == '.')
                    && !after.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '/')
            })
            // A Dutch number has ten digits (`01-09-2026` is a date).
            .filter(|m| {
                let international = m.as_str().starts_with('+') || m.as_str().starts_with("00");
                international || m.as_str().chars().filter(char::is_ascii_digit).count() == 10
            })
            .map(|m| (m.as_str().to_owned(), national(m.as_str())))
    }
}

/// `+31 (0)30-123 45 67`, `0031 30 1234567` and `030 1234567` all give `0301234567`.
fn national(written: &str) -> String {
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    let international = written.starts_with('+') || written.starts_with("00");
    if !international {
        return digits;
    }
    let rest = digits.trim_start_matches("00");
    let rest = rest.get(2..).unwrap_or("");
    let rest = rest.trim_start_matches('0');
    format!("0{rest}")
}

/// The stories and ambassadors in the parsed files whose consent does not allow the website on
/// the build date (the rule of `ConsentRecord::for_website`), and that are not in the `Site`.
fn subjects(content: &Content, site: &Site) -> Vec<Subject> {
    let allowed = |reference: &str, today: Day| {
        content
            .consent
            .get(reference)
            .is_some_and(|r| r.for_website(today) == Publishing::Allowed)
    };
    let mut subjects = Vec::new();
    let mut ambassadors_out = BTreeSet::new();
    for ambassador in &content.ambassadors {
        let front = &ambassador.doc.front;
        if allowed(&front.consent, site.today)
            || site.ambassadors.iter().any(|a| a.id == ambassador.slug)
        {
            continue;
        }
        ambassadors_out.insert(ambassador.slug.as_str());
        let socials = &front.socials;
        let mut texts = vec![("name", front.name.clone())];
        for link in [
            &socials.linkedin,
            &socials.instagram,
            &socials.x,
            &socials.facebook,
        ]
        .into_iter()
        .flatten()
        {
            texts.push(("profile link", link.clone()));
        }
        subjects.push(Subject {
            what: format!("ambassador `{}`", ambassador.slug),
            slug: ambassador.slug.clone(),
            texts,
        });
    }
    for story in &content.stories {
        let front = &story.doc.front;
        let kept_off = !allowed(&front.consent, site.today)
            || ambassadors_out.contains(front.ambassador.as_str());
        if !kept_off || site.stories.iter().any(|s| s.slug == story.slug) {
            continue;
        }
        let mut texts = vec![("title", front.title.clone())];
        texts.extend(front.quote.clone().map(|q| ("quote", q)));
        subjects.push(Subject {
            what: format!("story `{}`", story.slug),
            slug: story.slug.clone(),
            texts,
        });
    }
    subjects
}

/// Undoes the entities Tera and the XML writer use, so a title with `'` or `&` is found.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    text.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&#x2F;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// `word` in `text`, not as part of a longer slug (letters, digits, `-` or `_` on either side).
fn has_word(text: &str, word: &str) -> bool {
    let part = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_');
    text.match_indices(word).any(|(at, _)| {
        !part(text[..at].chars().next_back()) && !part(text[at + word.len()..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_compare_as_national_digits() {
        assert_eq!(national("+31 (0)30-123 45 67"), "0301234567");
        assert_eq!(national("0031 30 1234567"), "0301234567");
        assert_eq!(national("030 123 45 67"), "0301234567");
    }

    #[test]
    fn a_slug_is_found_only_as_a_whole_word() {
        assert!(has_word("/verhalen/nacht/", "nacht"));
        assert!(!has_word("/verhalen/nachtdienst-op-de-ic/", "nachtdienst"));
        assert!(!has_word("/verhalen/op-de-ic/", "de-ic") && !has_word("x-ic", "ic"));
    }
}
