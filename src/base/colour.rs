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

    /// The colour of the same hue and saturation, lighter or darker by as little as it takes, that
    /// reaches `ratio` against `other`; `None` when no lightness does.
    pub fn nearest_with_contrast(self, other: Colour, ratio: f64) -> Option<Colour> {
        if self.contrast(other) >= ratio {
            return Some(self);
        }
        let (hue, saturation, lightness) = self.hsl();
        (1..=1000).find_map(|step| {
            let change = f64::from(step) / 1000.0;
            [lightness - change, lightness + change]
                .into_iter()
                .filter(|l| (0.0..=1.0).contains(l))
                .map(|l| Colour::from_hsl(hue, saturation, l))
                .find(|colour| colour.contrast(other) >= ratio)
        })
    }

    /// A contrast ratio as people write it, `2.42:1`: a ratio under WCAG AA's 4.5 is never
    /// rounded up to it.
    pub fn ratio_text(ratio: f64) -> String {
        let shown = (ratio * 100.0).round() / 100.0;
        let shown = if ratio < 4.5 { shown.min(4.49) } else { shown };
        format!("{shown:.2}:1")
    }

    /// Hue (0 to 1), saturation and lightness.
    fn hsl(self) -> (f64, f64, f64) {
        let [r, g, b] = self.0.map(|c| f64::from(c) / 255.0);
        let (max, min) = (r.max(g).max(b), r.min(g).min(b));
        let lightness = (max + min) / 2.0;
        if max == min {
            return (0.0, 0.0, lightness);
        }
        let delta = max - min;
        let saturation = if lightness > 0.5 {
            delta / (2.0 - max - min)
        } else {
            delta / (max + min)
        };
        let hue = if max == r {
            (g - b) / delta + if g < b { 6.0 } else { 0.0 }
        } else if max == g {
            (b - r) / delta + 2.0
        } else {
            (r - g) / delta + 4.0
        };
        (hue / 6.0, saturation, lightness)
    }

    fn from_hsl(hue: f64, saturation: f64, lightness: f64) -> Colour {
        let q = if lightness < 0.5 {
            lightness * (1.0 + saturation)
        } else {
            lightness + saturation - lightness * saturation
        };
        let p = 2.0 * lightness - q;
        let channel = |t: f64| {
            let t = t.rem_euclid(1.0);
            let v = if t < 1.0 / 6.0 {
                p + (q - p) * 6.0 * t
            } else if t < 0.5 {
                q
            } else if t < 2.0 / 3.0 {
                p + (q - p) * (2.0 / 3.0 - t) * 6.0
            } else {
                p
            };
            (v * 255.0).round().clamp(0.0, 255.0) as u8
        };
        Colour([
            channel(hue + 1.0 / 3.0),
            channel(hue),
            channel(hue - 1.0 / 3.0),
        ])
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

    impl Colour {
        fn hsl_round_trip(self) -> String {
            let (h, s, l) = self.hsl();
            Colour::from_hsl(h, s, l).hex()
        }
    }

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

    #[test]
    fn contrast_against_known_values() {
        let grey = Colour::parse("#767676").unwrap();
        assert_eq!(Colour::ratio_text(grey.contrast(Colour::WHITE)), "4.54:1");
        let green = Colour::parse("#7ab800").unwrap();
        assert_eq!(Colour::ratio_text(green.contrast(Colour::WHITE)), "2.42:1");
        let lindegroen = Colour::parse("#1f5e4b").unwrap();
        assert_eq!(
            Colour::ratio_text(lindegroen.contrast(Colour::WHITE)),
            "7.61:1"
        );
        // Just under 4.5 is never shown as passing.
        assert_eq!(Colour::ratio_text(4.497), "4.49:1");
        assert_eq!(Colour::ratio_text(4.5), "4.50:1");
    }

    #[test]
    fn the_nearest_colour_that_passes_keeps_the_hue() {
        let green = Colour::parse("#7ab800").unwrap();
        let nearest = green.nearest_with_contrast(Colour::WHITE, 4.5).unwrap();
        assert_eq!(nearest.hex(), "#578300");
        assert!(nearest.contrast(Colour::WHITE) >= 4.5);
        // Already passing: itself.
        let blue = Colour::parse("#0b5394").unwrap();
        assert_eq!(blue.nearest_with_contrast(Colour::WHITE, 4.5), Some(blue));
        // Against near-black, a dark colour gets lighter.
        let dark = Colour::parse("#333333").unwrap();
        let lighter = dark.nearest_with_contrast(Colour::NEAR_BLACK, 4.5).unwrap();
        assert!(lighter.0[0] > 0x33 && lighter.contrast(Colour::NEAR_BLACK) >= 4.5);
        assert_eq!(
            Colour::parse("#abcdef").unwrap().hsl_round_trip(),
            "#abcdef"
        );
    }
}
