//! A story's front-matter: what an ambassador writes about their work.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

use crate::base::date::Day;
use crate::content::front_matter::Schema;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryFront {
    pub title: String,
    pub date: Day,
    pub ambassador: String,
    pub consent: String,
    pub summary: String,
    #[serde(default)]
    pub hashtags: Vec<String>,
    pub role: Option<String>,
    pub department: Option<String>,
    pub location: Option<String>,
    pub image: Option<String>,
    pub image_alt: Option<String>,
    pub image_focus: Option<Focus>,
    pub people_in_photo: Option<PeopleInPhoto>,
    pub quote: Option<String>,
    #[serde(default)]
    pub vacancies: Vec<String>,
    pub share: Option<ShareTexts>,
    pub utm: Option<StoryUtm>,
    pub publish: Option<Day>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub aliases: Vec<String>,
}

pub const SCHEMA: Schema = Schema {
    what: "a story",
    what_nl: "een verhaal",
    keys: &[
        "title",
        "date",
        "ambassador",
        "consent",
        "summary",
        "hashtags",
        "role",
        "department",
        "location",
        "image",
        "image_alt",
        "image_focus",
        "people_in_photo",
        "quote",
        "vacancies",
        "share",
        "utm",
        "publish",
        "draft",
        "aliases",
    ],
    nested: &[
        ("share", crate::content::config::PLATFORMS),
        ("utm", &["medium", "campaign"]),
    ],
    stand_ins: "title: \"\"\ndate: 2000-01-01\nambassador: \"\"\nconsent: \"\"\nsummary: \"\"\n",
};

pub const SUMMARY_LIMIT: usize = 200;

/// The point of a photo to keep in crops, from the left and top edge: `0.5, 0.3`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Focus {
    pub x: f32,
    pub y: f32,
}

impl Default for Focus {
    fn default() -> Self {
        Focus { x: 0.5, y: 0.5 }
    }
}

impl<'de> Deserialize<'de> for Focus {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FocusVisitor;
        impl<'de> Visitor<'de> for FocusVisitor {
            type Value = Focus;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("two numbers from 0 to 1, like `0.5, 0.3`")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Focus, E> {
                let parts: Vec<_> = text.split(',').map(|p| p.trim().parse::<f32>()).collect();
                match parts.as_slice() {
                    [Ok(x), Ok(y)] => focus(*x, *y).map_err(E::custom),
                    _ => Err(E::custom(format!(
                        "`{text}` is not two numbers like `0.5, 0.3`"
                    ))),
                }
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Focus, A::Error> {
                let x: f32 = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(0, &self))?;
                let y: f32 = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(1, &self))?;
                focus(x, y).map_err(de::Error::custom)
            }
        }
        deserializer.deserialize_any(FocusVisitor)
    }
}

fn focus(x: f32, y: f32) -> Result<Focus, String> {
    if (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y) {
        Ok(Focus { x, y })
    } else {
        Err(format!("`{x}, {y}` lies outside the photo: both numbers go from 0 (left, top) to 1 (right, bottom)"))
    }
}

/// `people_in_photo`: consent references of others recognisable, or the word `none`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged, expecting = "a list of consent references, or `none`")]
pub enum PeopleInPhoto {
    Word(String),
    References(Vec<String>),
}

/// `share`: one text for every platform, or a text per platform.
#[derive(Debug, Clone, Hash, Deserialize)]
#[serde(
    untagged,
    expecting = "one text, or a text per platform (`linkedin: …`, `x: …`)"
)]
pub enum ShareTexts {
    All(String),
    PerPlatform(BTreeMap<String, String>),
}

/// `utm`: the story's own `utm_medium` and `utm_campaign` in its share kits' links.
#[derive(Debug, Clone, Default, Hash, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryUtm {
    pub medium: Option<String>,
    pub campaign: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn focus_takes_text_or_a_list() {
        let f: Focus = serde_yaml::from_str("\"0.5, 0.3\"").unwrap();
        assert_eq!(f, Focus { x: 0.5, y: 0.3 });
        let f: Focus = serde_yaml::from_str("[0.2, 1]").unwrap();
        assert_eq!(f, Focus { x: 0.2, y: 1.0 });
        assert!(serde_yaml::from_str::<Focus>("\"1.5, 0\"").is_err());
    }
}
