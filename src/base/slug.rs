//! URL-safe names: slugs of ids and file names, heading ids, hashtag keys.

/// Lowercase ASCII letters and digits separated by single hyphens.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A slug made from any text, diacritics folded: "Özlem's dag" → "ozlems-dag".
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if c == '\'' || c == '\u{2019}' {
            // "van 't Hof" → "van-t-hof", not "van--t-hof".
            continue;
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_dutch_and_other_names() {
        assert_eq!(slugify("Özlem Yılmaz"), "ozlem-yilmaz");
        assert_eq!(slugify("Anneke van 't Hof"), "anneke-van-t-hof");
        assert_eq!(slugify("Łukasz Wiśniewska"), "lukasz-wisniewska");
        assert_eq!(slugify("  Wat ga je doen?  "), "wat-ga-je-doen");
        assert_eq!(slugify("Mijn #1 dienst"), "mijn-1-dienst");
        assert!(is_slug("nachtdienst-op-de-ic"));
        assert!(!is_slug("Nachtdienst"));
        assert!(!is_slug("a--b"));
    }
}
