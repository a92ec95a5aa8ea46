//! sRGB colours: parsed once from `#rrggbb` or `#rgb`, with the WCAG contrast ratio and the text
//! colour that stays readable on a background.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Colour(pub [u8; 3]);

impl Colour {
    pub const WHITE: Colour = Colour([255, 255, 255]);
    /// The dark text colour of the theme: softer than pure black, still 18:1 on white.
    pub const NEAR_BLACK: Colour = Colour([17, 17, 17]);

    /// `#0b5394` or `#fff`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Colour> {
        let hex = text.strip_prefix('#')?;
        let digits: Vec<u8> = hex
            .chars()
            .map(|c| c.to_digit(16).map(|d| d as u8))
            .collect::<Option<_>>()?;
        match digits.as_slice() {
            [r, g, b] => Some(Colour([r * 17, g * 17, b * 17])),
            [r1, r2, g1, g2, b1, b2] => Some(Colour([r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2])),
            _ => None,
        }
    }

    /// `#rrggbb`, lowercase.
    pub fn hex(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// The WCAG 2.1 contrast ratio of two colours, from 1 to 21.
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// White where it reaches 4.5:1 on this background (WCAG AA for body text), else near-black.
    pub fn readable_text(self) -> Colour {
        if self.contrast(Colour::WHITE) >= 4.5 {
            Colour::WHITE
        } else {
            Colour::NEAR_BLACK
        }
    }

    fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = self.0;
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_long_and_short_hex_only() {
        assert_eq!(Colour::parse("#0b5394"), Some(Colour([0x0b, 0x53, 0x94])));
        assert_eq!(Colour::parse("#fff"), Some(Colour::WHITE));
        assert_eq!(Colour::parse("red"), None);
        assert_eq!(Colour::parse("#12345"), None);
        assert_eq!(Colour([0x0b, 0x53, 0x94]).hex(), "#0b5394");
    }

    #[test]
    fn contrast_ratios_and_readable_text() {
        assert!((Colour([0, 0, 0]).contrast(Colour::WHITE) - 21.0).abs() < 0.01);
        assert!(Colour([0x0b, 0x53, 0x94]).contrast(Colour::WHITE) > 7.0);
        assert_eq!(Colour([0x0b, 0x53, 0x94]).readable_text(), Colour::WHITE);
        assert_eq!(
            Colour([0xf6, 0xb2, 0x6b]).readable_text(),
            Colour::NEAR_BLACK
        );
    }
}
