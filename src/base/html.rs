//! A piece of HTML made once (a rendered Markdown body) and shared by everything that shows it.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// HTML text that is cheap to clone: `serve` keeps every rendered body between builds and hands
/// the same one to each one.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Html(Arc<str>);

impl Html {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// This HTML with `more` after it (a new text: others holding this one keep theirs).
    pub fn push_str(&mut self, more: &str) {
        self.0 = Arc::from(format!("{}{more}", self.0));
    }
}

impl fmt::Display for Html {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<&str> for Html {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl Deref for Html {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<String> for Html {
    fn from(text: String) -> Html {
        Html(Arc::from(text))
    }
}

impl From<&str> for Html {
    fn from(text: &str) -> Html {
        Html(Arc::from(text))
    }
}

/// Its length and the text as it is: unambiguous, and without escaping every character (the
/// fingerprints of `render::touched` hash the model's `Debug` text, bodies and all).
impl fmt::Debug for Html {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Html({}:", self.0.len())?;
        f.write_str(&self.0)?;
        f.write_str(")")
    }
}

impl serde::Serialize for Html {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_gives_the_length_and_the_text_unescaped() {
        let mut html = Html::from("<p>\"Zorg\"</p>");
        let shared = html.clone();
        html.push_str("\n");
        assert_eq!(shared, "<p>\"Zorg\"</p>");
        assert_eq!(format!("{html:?}"), "Html(14:<p>\"Zorg\"</p>\n)");
        assert_eq!(
            serde_json::to_string(&html).unwrap(),
            r#""<p>\"Zorg\"</p>\n""#
        );
    }
}
