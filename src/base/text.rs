//! A sentence the generator says to its user, in each language it speaks: diagnostics, hints and
//! the report follow the site's `language:`. Write one with `text!("english", "nederlands")`.

use std::fmt;
use std::ops::Deref;

use crate::base::language::Language;

/// English, and Dutch where it has been written (a `Text` made from a plain string is the same in
/// both languages: a name, a path, a message from a library). One pointer wide, so that a
/// `Diagnostic` stays small enough to be the error of a `Result`.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Text(Box<Both>);

#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
struct Both {
    en: String,
    nl: Option<String>,
}

impl Text {
    pub fn new(en: impl Into<String>, nl: impl Into<String>) -> Text {
        Text(Box::new(Both {
            en: en.into(),
            nl: Some(nl.into()),
        }))
    }

    pub fn en(&self) -> &str {
        &self.0.en
    }

    pub fn get(&self, language: Language) -> &str {
        match (language, &self.0.nl) {
            (Language::Nl, Some(nl)) => nl,
            _ => &self.0.en,
        }
    }

    /// `self` then `other`, in each language (a message and the suggestion that completes it).
    pub fn join(&self, separator: &str, other: &Text) -> Text {
        Text::new(
            format!("{}{separator}{}", self.en(), other.en()),
            format!(
                "{}{separator}{}",
                self.get(Language::Nl),
                other.get(Language::Nl)
            ),
        )
    }
}

/// `text!("unknown key `{key}`", "onbekende sleutel `{key}`")`: both are `format!` strings, with
/// the same arguments.
#[macro_export]
macro_rules! text {
    ($en:literal, $nl:literal $(,)?) => {
        $crate::base::text::Text::new(format!($en), format!($nl))
    };
    ($en:literal, $nl:literal, $($arg:tt)*) => {
        $crate::base::text::Text::new(format!($en, $($arg)*), format!($nl, $($arg)*))
    };
}

impl From<String> for Text {
    fn from(en: String) -> Text {
        Text(Box::new(Both { en, nl: None }))
    }
}

impl From<&str> for Text {
    fn from(en: &str) -> Text {
        Text::from(en.to_owned())
    }
}

/// The English text: what tests and logs that do not know the site's language compare with.
impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.en()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.en())
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.en() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.en() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_the_language_and_falls_back_to_english() {
        let key = "titel";
        let both = text!("unknown key `{key}`", "onbekende sleutel `{key}`");
        assert_eq!(both.get(Language::En), "unknown key `titel`");
        assert_eq!(both.get(Language::Nl), "onbekende sleutel `titel`");
        let plain = Text::from("invalid YAML: oops");
        assert_eq!(plain.get(Language::Nl), "invalid YAML: oops");
        assert_eq!(
            both.join(" ", &plain).get(Language::Nl),
            "onbekende sleutel `titel` invalid YAML: oops"
        );
    }
}
