//! The look of social cards: the `card:` section of a theme's `theme.yaml` (colours, fonts,
//! positions), laid over the built-in layout, so a theme changes its cards without Rust.

use std::collections::BTreeMap;
use std::path::Path;

use ab_glyph::FontArc;
use serde::{Deserialize, Serialize};

use crate::base::colour::Colour;
use crate::base::error::Error;
use crate::content::config::BrandColours;

/// Every number is in pixels of the 1200×630 card.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct CardLayout {
    /// Font files inside the theme folder: bold for the title, regular for the rest.
    pub font_bold: String,
    pub font_regular: String,
    /// `primary`, `accent` (the brand colours of site.yaml) or a hex colour.
    pub background: String,
    pub stripe: String,
    /// `auto` picks white or near-black, whichever reads on `background` (WCAG AA).
    pub text: String,
    /// Left and right margin of the text.
    pub margin: u32,
    /// Width of the stripe along the left edge of text cards, and above the band of photo cards.
    pub stripe_width: u32,
    /// Photo cards: height of the band at the bottom that carries the text.
    pub band_height: u32,
    pub title_size: f32,
    /// The title shrinks down to this size to fit `title_lines`; beyond that it ends in "…".
    pub title_min_size: f32,
    pub title_lines: usize,
    pub line_height: f32,
    pub byline_size: f32,
    pub footer_size: f32,
    /// Text cards: top of the first line of the kicker ("Vacature") and of the title.
    pub text_top: u32,
}

impl Default for CardLayout {
    fn default() -> Self {
        CardLayout {
            font_bold: "fonts/Inter-Bold.otf".into(),
            font_regular: "fonts/Inter-Regular.otf".into(),
            background: "primary".into(),
            stripe: "accent".into(),
            text: "auto".into(),
            margin: 64,
            stripe_width: 16,
            band_height: 270,
            title_size: 60.0,
            title_min_size: 38.0,
            title_lines: 3,
            line_height: 1.18,
            byline_size: 30.0,
            footer_size: 28.0,
            text_top: 84,
        }
    }
}

/// The two fonts of the cards.
pub struct Fonts {
    pub bold: FontArc,
    pub regular: FontArc,
}

/// The card look of a loaded theme: its layout and fonts.
pub struct CardTheme {
    pub layout: CardLayout,
    pub fonts: Fonts,
    /// Hash of both font files and the layout, for the cache keys.
    pub fingerprint: [u8; 32],
}

impl std::fmt::Debug for CardTheme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CardTheme")
            .field("layout", &self.layout)
            .finish()
    }
}

/// The built-in layout with the `card:` sections of the built-in and the site's theme.yaml laid
/// over it, and its fonts from the theme's files.
pub fn load(
    files: &BTreeMap<String, Vec<u8>>,
    builtin_yaml: &str,
    own: Option<(&Path, &str)>,
) -> Result<CardTheme, Error> {
    let mut layout = parse(builtin_yaml, &CardLayout::default())
        .map_err(|e| Error::usage(format!("the built-in theme.yaml: {e}"), None))?;
    if let Some((path, text)) = own {
        layout = parse(text, &layout).map_err(|e| {
            Error::usage(
                format!("`{}`: {e}", path.display()),
                Some("see the `card` settings in docs/photos-and-cards.md"),
            )
        })?;
    }
    for name in [&layout.background, &layout.stripe, &layout.text] {
        colour(name, BrandColours::default(), Colour::default()).map_err(|e| {
            Error::usage(
                format!("theme.yaml `card`: {e}"),
                Some("e.g. `background: primary`"),
            )
        })?;
    }
    let font = |name: &str| -> Result<(FontArc, &[u8]), Error> {
        let bytes = files.get(name).ok_or_else(|| {
            Error::usage(
                format!("theme.yaml `card`: the font `{name}` is not in the theme"),
                Some("put the .ttf or .otf file in the theme folder and name it relative to it"),
            )
        })?;
        let font = FontArc::try_from_vec(bytes.clone()).map_err(|_| {
            Error::usage(
                format!("theme.yaml `card`: `{name}` is not a TrueType or OpenType font"),
                None,
            )
        })?;
        Ok((font, bytes))
    };
    let (bold, bold_bytes) = font(&layout.font_bold)?;
    let (regular, regular_bytes) = font(&layout.font_regular)?;
    let mut hasher = blake3::Hasher::new();
    hasher.update(bold_bytes);
    hasher.update(regular_bytes);
    hasher.update(
        serde_yaml::to_string(&layout)
            .expect("a layout always serialises")
            .as_bytes(),
    );
    Ok(CardTheme {
        fingerprint: *hasher.finalize().as_bytes(),
        fonts: Fonts { bold, regular },
        layout,
    })
}

/// Resolves a colour name of the layout against the brand colours.
pub fn colour(name: &str, brand: BrandColours, on: Colour) -> Result<Colour, String> {
    match name {
        "primary" => Ok(brand.primary),
        "accent" => Ok(brand.accent),
        "auto" => Ok(on.readable_text()),
        other => Colour::parse(other).ok_or_else(|| {
            format!("`{other}` is not a colour: use `primary`, `accent`, `auto` or a hex colour like `#1f5e4b`")
        }),
    }
}

/// The `card:` section of a theme.yaml, when it has one.
pub fn parse(theme_yaml: &str, base: &CardLayout) -> Result<CardLayout, String> {
    let value: serde_yaml::Value = serde_yaml::from_str(theme_yaml).map_err(|e| e.to_string())?;
    let Some(card) = value.get("card") else {
        return Ok(base.clone());
    };
    // Keys the theme leaves out keep the base layout's values.
    let mut merged = serde_yaml::to_value(base).map_err(|e| e.to_string())?;
    if let (serde_yaml::Value::Mapping(into), serde_yaml::Value::Mapping(from)) =
        (&mut merged, card)
    {
        for (key, value) in from {
            into.insert(key.clone(), value.clone());
        }
    } else {
        return Err("`card` must be a map of settings".into());
    }
    serde_yaml::from_value(merged).map_err(|e| format!("`card`: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_theme_overrides_single_settings() {
        let layout = parse(
            "strings: {}\ncard:\n  background: \"#222222\"\n  title_size: 70\n",
            &CardLayout::default(),
        )
        .unwrap();
        assert_eq!(layout.background, "#222222");
        assert_eq!(layout.title_size, 70.0);
        assert_eq!(layout.band_height, CardLayout::default().band_height);
        assert_eq!(
            parse("card:\n  titel_size: 70\n", &CardLayout::default())
                .unwrap_err()
                .split(',')
                .next()
                .unwrap(),
            "`card`: unknown field `titel_size`"
        );
    }

    #[test]
    fn colours_resolve_against_the_brand() {
        let (p, a) = (Colour([0x1f, 0x5e, 0x4b]), Colour([0xf3, 0xc9, 0x69]));
        let brand = BrandColours {
            primary: p,
            accent: a,
        };
        assert_eq!(colour("accent", brand, p), Ok(a));
        assert_eq!(colour("auto", brand, p), Ok(Colour([255, 255, 255])));
        assert_eq!(colour("auto", brand, a), Ok(Colour([17, 17, 17])));
        assert!(colour("groen", brand, p).is_err());
    }
}
