//! Photos in the model: each photo used, where it was named, the variants planned for it and
//! their URLs, and the geometry every stage shares (card size, variant widths and heights).

use std::path::PathBuf;

use crate::base::diagnostics::{Diagnostic, Severity};
use crate::base::source::Span;
use crate::content::config::ImageConfig;
use crate::content::story::Focus;

/// Social cards are 1200×630, the size LinkedIn, Facebook and WhatsApp show sharpest.
pub const CARD_WIDTH: u32 = 1200;
pub const CARD_HEIGHT: u32 = 630;

/// A photo used somewhere, with the variants made from it.
#[derive(Debug)]
pub struct Photo {
    pub source: PathBuf,
    pub origin: Origin,
    /// Upright size (EXIF orientation applied).
    pub width: u32,
    pub height: u32,
    /// The JPEG for browsers without `srcset`, and the size pages reserve (no layout shift).
    pub display_url: String,
    pub display_width: u32,
    pub display_height: u32,
    /// Responsive variants, narrowest first; never wider than the photo.
    pub variants: Vec<Variant>,
    /// Whether the photo is large enough for a sharp 1200×630 social card.
    pub fits_card: bool,
    pub focus: Focus,
}

/// One width of a photo, as JPEG and (with `images.webp`) as WebP.
#[derive(Debug, Clone)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub jpeg_url: String,
    pub webp_url: Option<String>,
}

#[derive(Debug, Clone, Hash)]
pub struct PhotoRef {
    pub photo: usize,
    pub alt: String,
}

/// Where a photo was named, to blame that line when it cannot be processed.
#[derive(Debug, Clone)]
pub struct Origin {
    pub path: PathBuf,
    pub span: Span,
    pub snippet: Option<String>,
}

impl Origin {
    pub fn error(&self, message: impl Into<crate::base::text::Text>) -> Diagnostic {
        let mut d = Diagnostic::new(Severity::Error, &self.path, self.span, message);
        d.snippet = self.snippet.clone();
        d
    }
}

/// The site path prefix of a photo's files: `/img/FOLDER/OWNER/STEM`, to which `-WIDTH.jpg` and
/// `-WIDTH.webp` are added.
pub fn variant_base(folder: &str, owner: &str, stem: &str) -> String {
    format!("/img/{folder}/{owner}/{stem}")
}

/// The responsive variants of a photo of `width`×`height` (upright), narrowest first, with their
/// URLs below `base` (see [`variant_base`]).
pub fn plan_variants(width: u32, height: u32, base: &str, config: &ImageConfig) -> Vec<Variant> {
    variant_widths(width, &config.widths)
        .into_iter()
        .map(|w| Variant {
            width: w,
            height: scaled_height(width, height, w),
            jpeg_url: format!("{base}-{w}.jpg"),
            webp_url: config.webp.then(|| format!("{base}-{w}.webp")),
        })
        .collect()
}

/// The variant for browsers without `srcset`: the widest up to 1000 pixels, else the narrowest.
pub fn fallback_variant(variants: &[Variant]) -> Option<&Variant> {
    variants
        .iter()
        .rev()
        .find(|v| v.width <= 1000)
        .or(variants.first())
}

/// The widths of a photo's variants: the configured ones narrower than the photo, and the
/// photo's own width in place of any wider ones (never upscaled). Narrowest first.
pub fn variant_widths(width: u32, configured: &[u32]) -> Vec<u32> {
    let mut widths: Vec<u32> = configured.iter().map(|&w| w.min(width)).collect();
    widths.sort_unstable();
    widths.dedup();
    widths
}

/// The height of a variant `width` wide of a photo `(w, h)`.
pub fn scaled_height(w: u32, h: u32, width: u32) -> u32 {
    ((u64::from(h) * u64::from(width) + u64::from(w) / 2) / u64::from(w)).max(1) as u32
}

/// The largest region of the card's shape around `focus`: (x, y, width, height).
pub fn card_crop(width: u32, height: u32, focus: Focus) -> (u32, u32, u32, u32) {
    let (w, h) = (f64::from(width), f64::from(height));
    let aspect = f64::from(CARD_WIDTH) / f64::from(CARD_HEIGHT);
    let (cw, ch) = if w / h > aspect {
        (h * aspect, h)
    } else {
        (w, w / aspect)
    };
    let x = (f64::from(focus.x) * w - cw / 2.0).clamp(0.0, w - cw);
    let y = (f64::from(focus.y) * h - ch / 2.0).clamp(0.0, h - ch);
    (
        x.round() as u32,
        y.round() as u32,
        cw.round() as u32,
        ch.round() as u32,
    )
}

/// Whether a photo of this upright size is large enough for a sharp card.
pub fn fits_card(width: u32, height: u32) -> bool {
    let (_, _, cw, ch) = card_crop(width, height, Focus::default());
    cw >= CARD_WIDTH && ch >= CARD_HEIGHT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crops_keep_the_focus_inside_the_photo() {
        assert_eq!(
            card_crop(2400, 2400, Focus::default()),
            (0, 570, 2400, 1260)
        );
        assert_eq!(
            card_crop(4000, 1000, Focus { x: 0.0, y: 0.5 }),
            (0, 0, 1905, 1000)
        );
        assert_eq!(
            card_crop(4000, 1000, Focus { x: 1.0, y: 0.5 }),
            (2095, 0, 1905, 1000)
        );
        assert!(fits_card(1600, 1067));
        assert!(
            !fits_card(1092, 859),
            "1092 wide gives a crop narrower than 1200"
        );
    }

    #[test]
    fn variant_widths_never_upscale() {
        assert_eq!(variant_widths(4000, &[480, 960, 1600]), [480, 960, 1600]);
        assert_eq!(variant_widths(1092, &[480, 960, 1600]), [480, 960, 1092]);
        assert_eq!(variant_widths(300, &[480, 960, 1600]), [300]);
        assert_eq!(scaled_height(1600, 1067, 480), 320);
    }
}
