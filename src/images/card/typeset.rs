//! Setting a card's text in the theme's fonts: only the characters a font can draw, measured with
//! kerning, wrapped at word boundaries and shrunk to fit a box, cut with "…" when even the
//! smallest size is too large. Drawing the lines is `draw`.

use ab_glyph::{Font, FontArc, PxScale, ScaleFont};

/// Text with only the characters the font can draw, spaces collapsed.
pub(super) fn printable(font: &FontArc, text: &str) -> String {
    text.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|&c| c == ' ' || font.glyph_id(c).0 != 0)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// How wide `text` runs at `size`, kerning included.
pub(super) fn width(font: &FontArc, size: f32, text: &str) -> f32 {
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
pub(super) struct Fitted {
    pub(super) size: f32,
    pub(super) lines: Vec<String>,
}

/// The largest size from `max` down to `min` at which the text fits in `lines` lines of
/// `max_width` and in `max_height`; at `min` the text is cut after the last whole word that fits
/// and ends in "…".
pub(super) fn fit(
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

/// One line at `size`, cut after the last whole word that fits `max_width` and ended in "…".
pub(super) fn one_line(font: &FontArc, text: &str, max_width: f32, size: f32) -> Fitted {
    fit(font, text, max_width, size, 1, (size, size), 1.0)
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
