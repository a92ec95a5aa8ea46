//! Drawing 1200×630 social cards: a photo with a branded band, or a text card in the brand
//! colours. Text is set by `typeset` in the theme's fonts and drawn here with `ab_glyph`, glyph by
//! glyph, blended into the pixels.

use ab_glyph::{point, Font, FontArc, PxScale, ScaleFont};
use image::{Rgb, RgbImage};

use super::plan::CardText;
use super::typeset::{fit, one_line, printable, width, Fitted};
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
        let byline = one_line(
            &fonts.regular,
            byline,
            max_width - footer_width - 32.0,
            layout.byline_size,
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
    let column = TextColumn::of(layout);
    let (title, mut top) = text_card_title(fonts, layout, &column, &text);
    if let Some(kicker) = &text.kicker {
        let kicker = one_line(&fonts.bold, kicker, column.width, layout.byline_size);
        top = draw_block(
            &mut image,
            &fonts.bold,
            &kicker,
            column.left,
            top,
            1.4,
            palette.stripe_or_text(),
        ) + 12.0;
    }
    let below = draw_block(
        &mut image,
        &fonts.bold,
        &title,
        column.left,
        top,
        layout.line_height,
        palette.text,
    );
    if let Some(byline) = &text.byline {
        let byline = one_line(&fonts.regular, byline, column.width, layout.byline_size);
        draw_block(
            &mut image,
            &fonts.regular,
            &byline,
            column.left,
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
        column.left,
        column.footer_top,
        palette.stripe_or_text(),
    );
    image
}

/// Where the text of a text card goes, right of the stripe.
struct TextColumn {
    /// The left edge of every line.
    left: f32,
    width: f32,
    /// The top of the organisation's name at the bottom.
    footer_top: f32,
    /// The height for kicker, title and byline between `text_top` and the footer.
    room: f32,
}

impl TextColumn {
    fn of(layout: &CardLayout) -> TextColumn {
        let left = (layout.margin + layout.stripe_width) as f32;
        let footer_top = CARD_HEIGHT as f32 - layout.margin as f32 - layout.footer_size;
        TextColumn {
            left,
            width: CARD_WIDTH as f32 - left - layout.margin as f32,
            footer_top,
            room: footer_top - 40.0 - layout.text_top as f32,
        }
    }
}

/// The title of a text card, set in the room the kicker and byline leave, and the top of the
/// block of kicker, title and byline: in the middle of the room, never above `text_top`.
fn text_card_title(
    fonts: &Fonts,
    layout: &CardLayout,
    column: &TextColumn,
    text: &CardText,
) -> (Fitted, f32) {
    let kicker_height = if text.kicker.is_some() {
        layout.byline_size * 1.4 + 12.0
    } else {
        0.0
    };
    let byline_height = if text.byline.is_some() {
        layout.byline_size * 1.3 + 12.0
    } else {
        0.0
    };
    let title = fit(
        &fonts.bold,
        &text.title,
        column.width,
        column.room - kicker_height - byline_height,
        layout.title_lines,
        (layout.title_size * 1.2, layout.title_min_size),
        layout.line_height,
    );
    let block =
        kicker_height + title.lines.len() as f32 * title.size * layout.line_height + byline_height;
    let top = layout.text_top as f32 + ((column.room - block) / 2.0).max(0.0);
    (title, top)
}

/// Draws one line of `text` from `x` with its top at `top`, each glyph blended into the pixels by
/// its coverage.
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

/// Paints the rectangle from (x0, y0) to (x1, y1), clipped to the image.
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

/// The text without what the fonts cannot draw; a kicker or byline left empty is none.
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
