//! Drawing 1200×630 social cards: a photo with a branded band, or a text card in the brand
//! colours. Text is set with `ab_glyph` in the theme's fonts: wrapped at word boundaries, shrunk
//! to fit, and characters the font lacks (emoji) are dropped instead of drawn as boxes.

use ab_glyph::{point, Font, FontArc, PxScale, ScaleFont};
use image::{Rgb, RgbImage};

use crate::base::colour::Colour;
use crate::model::photos::{CARD_HEIGHT, CARD_WIDTH};
use crate::theme::cards::{CardLayout, Fonts};

/// The colours of one card, resolved from the layout and the brand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub background: [u8; 3],
    pub stripe: [u8; 3],
    pub text: [u8; 3],
}

/// What a card says.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CardText {
    /// A small line above the title on text cards ("Vacature").
    pub kicker: Option<String>,
    pub title: String,
    /// Name and role, or place and hours.
    pub byline: Option<String>,
    /// The organisation's name, in place of its logo.
    pub footer: String,
}

impl CardText {
    /// Every field, for the cache key.
    pub fn key_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for part in [
            self.kicker.as_deref().unwrap_or("\u{0}"),
            &self.title,
            self.byline.as_deref().unwrap_or("\u{0}"),
            &self.footer,
        ] {
            out.extend_from_slice(&(part.len() as u64).to_le_bytes());
            out.extend_from_slice(part.as_bytes());
        }
        out
    }
}

/// Text with only the characters the font can draw, spaces collapsed.
pub fn printable(font: &FontArc, text: &str) -> String {
    text.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|&c| c == ' ' || font.glyph_id(c).0 != 0)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn width(font: &FontArc, size: f32, text: &str) -> f32 {
    let scaled = font.as_scaled(PxScale::from(size));
    let mut total = 0.0;
    let mut previous = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = previous {
            total += scaled.kern(p, id);
        }
        total += scaled.h_advance(id);
        previous = Some(id);
    }
    total
}

/// Greedy wrapping at spaces; a word longer than the line stands alone.
fn wrap(font: &FontArc, size: f32, text: &str, max_width: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || width(font, size, &candidate) <= max_width {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_owned();
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A block of text set to fit: the size used and its lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    pub size: f32,
    pub lines: Vec<String>,
}

/// The largest size from `max` down to `min` at which the text fits in `lines` lines of
/// `max_width` and in `max_height`; at `min` the text is cut after the last whole word that fits
/// and ends in "…".
pub fn fit(
    font: &FontArc,
    text: &str,
    max_width: f32,
    max_height: f32,
    max_lines: usize,
    (max, min): (f32, f32),
    line_height: f32,
) -> Fitted {
    let max_lines = max_lines.max(1);
    let mut size = max;
    while size > min {
        let lines = wrap(font, size, text, max_width);
        let fits_width = lines.iter().all(|l| width(font, size, l) <= max_width);
        if lines.len() <= max_lines
            && fits_width
            && lines.len() as f32 * size * line_height <= max_height
        {
            return Fitted { size, lines };
        }
        size -= 2.0;
    }
    let size = min;
    let room = ((max_height / (size * line_height)).floor() as usize).clamp(1, max_lines);
    let mut lines = wrap(font, size, text, max_width);
    if lines.len() > room {
        lines.truncate(room);
        let last = lines.last_mut().expect("room is at least one line");
        loop {
            let candidate = format!("{last}…");
            if width(font, size, &candidate) <= max_width || !last.contains(' ') {
                *last = candidate;
                break;
            }
            let cut = last.rfind(' ').expect("checked above");
            last.truncate(cut);
            *last = last
                .trim_end_matches([',', ';', ':', '–', '-', ' '])
                .to_owned();
        }
    }
    Fitted { size, lines }
}

fn draw_line(
    image: &mut RgbImage,
    font: &FontArc,
    size: f32,
    text: &str,
    x: f32,
    top: f32,
    colour: [u8; 3],
) {
    let scale = PxScale::from(size);
    let scaled = font.as_scaled(scale);
    let baseline = top + scaled.ascent();
    let mut caret = x;
    let mut previous = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = previous {
            caret += scaled.kern(p, id);
        }
        previous = Some(id);
        let glyph = id.with_scale_and_position(scale, point(caret, baseline));
        caret += scaled.h_advance(id);
        let Some(outlined) = font.outline_glyph(glyph) else {
            continue;
        };
        let bounds = outlined.px_bounds();
        outlined.draw(|gx, gy, coverage| {
            let px = bounds.min.x as i64 + i64::from(gx);
            let py = bounds.min.y as i64 + i64::from(gy);
            if px < 0 || py < 0 || px >= i64::from(image.width()) || py >= i64::from(image.height())
            {
                return;
            }
            let pixel = image.get_pixel_mut(px as u32, py as u32);
            let a = coverage.clamp(0.0, 1.0);
            for (channel, &ink) in pixel.0.iter_mut().zip(colour.iter()) {
                *channel = (f32::from(*channel) * (1.0 - a) + f32::from(ink) * a).round() as u8;
            }
        });
    }
}

fn fill(image: &mut RgbImage, (x0, y0, x1, y1): (u32, u32, u32, u32), colour: [u8; 3]) {
    let (width, height) = (image.width() as usize, image.height() as usize);
    let (x0, x1) = ((x0 as usize).min(width), (x1 as usize).min(width));
    let row: Vec<u8> = colour.repeat(x1 - x0);
    let raw: &mut [u8] = image.as_mut();
    for y in (y0 as usize).min(height)..(y1 as usize).min(height) {
        let start = (y * width + x0) * 3;
        raw[start..start + row.len()].copy_from_slice(&row);
    }
}

/// Draws `lines` from `top`; returns the y below the last line.
fn draw_block(
    image: &mut RgbImage,
    font: &FontArc,
    fitted: &Fitted,
    x: f32,
    top: f32,
    line_height: f32,
    colour: [u8; 3],
) -> f32 {
    let mut y = top;
    for line in &fitted.lines {
        draw_line(image, font, fitted.size, line, x, y, colour);
        y += fitted.size * line_height;
    }
    y
}

fn clean(fonts: &Fonts, text: &CardText) -> CardText {
    CardText {
        kicker: text
            .kicker
            .as_deref()
            .map(|k| printable(&fonts.regular, k))
            .filter(|k| !k.is_empty()),
        title: printable(&fonts.bold, &text.title),
        byline: text
            .byline
            .as_deref()
            .map(|b| printable(&fonts.regular, b))
            .filter(|b| !b.is_empty()),
        footer: printable(&fonts.bold, &text.footer),
    }
}

/// A photo (already 1200×630) with the band: stripe, title, byline and the organisation's name.
pub fn photo_card(
    mut image: RgbImage,
    fonts: &Fonts,
    layout: &CardLayout,
    palette: Palette,
    text: &CardText,
) -> RgbImage {
    let text = clean(fonts, text);
    let band_top = CARD_HEIGHT.saturating_sub(layout.band_height);
    fill(
        &mut image,
        (0, band_top, CARD_WIDTH, band_top + layout.stripe_width),
        palette.stripe,
    );
    fill(
        &mut image,
        (0, band_top + layout.stripe_width, CARD_WIDTH, CARD_HEIGHT),
        palette.background,
    );
    let margin = layout.margin as f32;
    let max_width = CARD_WIDTH as f32 - 2.0 * margin;
    let top = (band_top + layout.stripe_width) as f32 + 24.0;
    let byline_step = layout.byline_size * 1.3;
    let bottom = CARD_HEIGHT as f32 - 26.0 - byline_step;
    let title = fit(
        &fonts.bold,
        &text.title,
        max_width,
        bottom - top - 8.0,
        layout.title_lines,
        (layout.title_size, layout.title_min_size),
        layout.line_height,
    );
    draw_block(
        &mut image,
        &fonts.bold,
        &title,
        margin,
        top,
        layout.line_height,
        palette.text,
    );
    let footer_width = width(&fonts.bold, layout.byline_size, &text.footer);
    if let Some(byline) = &text.byline {
        let byline = fit(
            &fonts.regular,
            byline,
            max_width - footer_width - 32.0,
            byline_step,
            1,
            (layout.byline_size, layout.byline_size),
            1.0,
        );
        draw_block(
            &mut image,
            &fonts.regular,
            &byline,
            margin,
            bottom,
            1.0,
            palette.text,
        );
    }
    draw_line(
        &mut image,
        &fonts.bold,
        layout.byline_size,
        &text.footer,
        CARD_WIDTH as f32 - margin - footer_width,
        bottom,
        palette.stripe_or_text(),
    );
    image
}

impl Palette {
    /// The stripe colour for text on the background when it reads there (3:1, large text), else
    /// the text colour.
    fn stripe_or_text(&self) -> [u8; 3] {
        if Colour(self.stripe).contrast(Colour(self.background)) >= 3.0 {
            self.stripe
        } else {
            self.text
        }
    }
}

/// A card from the brand colours alone: stripe, kicker, title, byline, organisation.
pub fn text_card(
    fonts: &Fonts,
    layout: &CardLayout,
    palette: Palette,
    text: &CardText,
) -> RgbImage {
    let text = clean(fonts, text);
    let mut image = RgbImage::from_pixel(CARD_WIDTH, CARD_HEIGHT, Rgb(palette.background));
    fill(
        &mut image,
        (0, 0, layout.stripe_width, CARD_HEIGHT),
        palette.stripe,
    );
    let margin = (layout.margin + layout.stripe_width) as f32;
    let max_width = CARD_WIDTH as f32 - margin - layout.margin as f32;
    let footer_top = CARD_HEIGHT as f32 - layout.margin as f32 - layout.footer_size;
    let kicker_step = layout.byline_size * 1.4 + 12.0;
    let byline_step = if text.byline.is_some() {
        layout.byline_size * 1.3 + 12.0
    } else {
        0.0
    };
    let kicker_height = if text.kicker.is_some() {
        kicker_step
    } else {
        0.0
    };
    let room = footer_top - 40.0 - layout.text_top as f32;
    let title = fit(
        &fonts.bold,
        &text.title,
        max_width,
        room - kicker_height - byline_step,
        layout.title_lines,
        (layout.title_size * 1.2, layout.title_min_size),
        layout.line_height,
    );
    // The block sits in the middle of the free space, never above `text_top`.
    let block =
        kicker_height + title.lines.len() as f32 * title.size * layout.line_height + byline_step;
    let mut top = layout.text_top as f32 + ((room - block) / 2.0).max(0.0);
    if let Some(kicker) = &text.kicker {
        let kicker = fit(
            &fonts.bold,
            kicker,
            max_width,
            layout.byline_size * 1.4,
            1,
            (layout.byline_size, layout.byline_size),
            1.0,
        );
        top = draw_block(
            &mut image,
            &fonts.bold,
            &kicker,
            margin,
            top,
            1.4,
            palette.stripe_or_text(),
        ) + 12.0;
    }
    let below = draw_block(
        &mut image,
        &fonts.bold,
        &title,
        margin,
        top,
        layout.line_height,
        palette.text,
    );
    if let Some(byline) = &text.byline {
        let byline = fit(
            &fonts.regular,
            byline,
            max_width,
            layout.byline_size * 1.3,
            1,
            (layout.byline_size, layout.byline_size),
            1.0,
        );
        draw_block(
            &mut image,
            &fonts.regular,
            &byline,
            margin,
            below + 12.0,
            1.0,
            palette.text,
        );
    }
    draw_line(
        &mut image,
        &fonts.bold,
        layout.footer_size,
        &text.footer,
        margin,
        footer_top,
        palette.stripe_or_text(),
    );
    image
}

#[cfg(test)]
mod tests {
    use super::*;

    fn font() -> FontArc {
        FontArc::try_from_slice(include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/themes/default/fonts/Inter-Bold.otf"
        )))
        .unwrap()
    }

    #[test]
    fn characters_the_font_lacks_are_dropped() {
        assert_eq!(
            printable(&font(), "Nachtdienst 🌙 op de IC 💪🏽"),
            "Nachtdienst op de IC"
        );
        // Inter draws ❤ itself; the emoji variation selector is dropped.
        assert_eq!(printable(&font(), "Zorg met ❤️"), "Zorg met ❤");
        assert_eq!(
            printable(&font(), "Anneke van ’t Hof: één"),
            "Anneke van ’t Hof: één"
        );
    }

    #[test]
    fn titles_shrink_wrap_and_never_break_words() {
        let font = font();
        let short = fit(
            &font,
            "Nachtdienst op de IC",
            1072.0,
            300.0,
            3,
            (60.0, 38.0),
            1.18,
        );
        assert_eq!((short.size, short.lines.len()), (60.0, 1));
        let long = "Waarom ik na twintig jaar in de logistiek toch nog verpleegkundige werd, en wat mijn collega's op de intensive care mij over geduld, humor en nachtdiensten hebben geleerd tijdens de eerste zware winter";
        let fitted = fit(&font, long, 1072.0, 170.0, 3, (60.0, 38.0), 1.18);
        assert_eq!(fitted.size, 38.0);
        assert_eq!(fitted.lines.len(), 3);
        assert!(fitted.lines[2].ends_with('…'));
        let words: Vec<&str> = long.split(' ').collect();
        for line in &fitted.lines {
            for word in line.trim_end_matches('…').split(' ') {
                assert!(
                    words.contains(&word),
                    "`{word}` is not a whole word of the title"
                );
            }
        }
    }
}
