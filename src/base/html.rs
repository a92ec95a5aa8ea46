//! A piece of HTML made once (a rendered Markdown body) and shared by everything that shows it.

use std::fmt;
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

/// HTML text that is cheap to clone: `serve` keeps every rendered body between builds and hands
/// the same one to each one.
#[derive(Clone, Default)]
pub struct Html(Arc<Shared>);

#[derive(Default)]
struct Shared {
    text: Box<str>,
    /// The BLAKE3 hash of `text`, made the first time it is asked for: a body kept between builds
    /// is hashed once, not on every rebuild (see `Hash`, which the fingerprints of
    /// `render::touched` use).
    digest: OnceLock<blake3::Hash>,
}

impl Html {
    pub fn as_str(&self) -> &str {
        &self.0.text
    }

    /// This HTML with `more` after it (a new text: others holding this one keep theirs).
    pub fn push_str(&mut self, more: &str) {
        *self = Html::from(format!("{}{more}", self.as_str()));
    }

    fn digest(&self) -> &blake3::Hash {
        self.0
            .digest
            .get_or_init(|| blake3::hash(self.0.text.as_bytes()))
    }
}

impl PartialEq for Html {
    fn eq(&self, other: &Html) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.as_str() == other.as_str()
    }
}

impl Eq for Html {}

/// By its length and hash, like `Debug`.
impl std::hash::Hash for Html {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.text.len().hash(state);
        self.digest().as_bytes().hash(state);
    }
}

impl fmt::Display for Html {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for Html {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Deref for Html {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

/// As its text: a body kept on disk between builds (`content::cache`) is read back as it was.
impl serde::Serialize for Html {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Html {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Html, D::Error> {
        String::deserialize(deserializer).map(Html::from)
    }
}

impl From<String> for Html {
    fn from(text: String) -> Html {
        Html(Arc::new(Shared {
            text: text.into_boxed_str(),
            digest: OnceLock::new(),
        }))
    }
}

impl From<&str> for Html {
    fn from(text: &str) -> Html {
        Html::from(text.to_owned())
    }
}

/// Its length and the BLAKE3 hash of the text, not the text: a model printed in a test failure
/// stays readable, and says whether two bodies differ.
impl fmt::Debug for Html {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Html({} bytes, {})", self.0.text.len(), self.digest())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_gives_the_length_and_the_hash_of_the_text() {
        let mut html = Html::from("<p>\"Zorg\"</p>");
        let shared = html.clone();
        html.push_str("\n");
        assert_eq!(shared, "<p>\"Zorg\"</p>");
        let hash = blake3::hash(b"<p>\"Zorg\"</p>\n");
        assert_eq!(format!("{html:?}"), format!("Html(14 bytes, {hash})"));
        assert_ne!(format!("{html:?}"), format!("{shared:?}"));
        assert_eq!(
            serde_json::to_string(&html).unwrap(),
            r#""<p>\"Zorg\"</p>\n""#
        );
    }
}
