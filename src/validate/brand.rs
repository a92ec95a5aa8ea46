//! The brand colours of site.yaml against WCAG 2.1 AA, as the default theme uses them: `primary`
//! for links on white and for buttons, `accent` for buttons, each with the text colour the theme
//! picks for it. A colour that fails gets a warning with the nearest colour that passes.

use crate::base::colour::Colour;
use crate::base::yaml::YamlDocument;
use crate::validate::Validator;

/// WCAG 2.1 AA for body text.
const AA_TEXT: f64 = 4.5;

impl Validator<'_> {
    pub(super) fn brand_contrast(&mut self) {
        let file = &self.content.config_file;
        let Ok(yaml) = YamlDocument::parse(file, 0, file.text.len()) else {
            return;
        };
        let colours = self.content.config.brand.colours;
        for (key, colour, links) in [
            ("brand.primary", colours.primary, true),
            ("brand.accent", colours.accent, false),
        ] {
            let hex = colour.hex();
            let on_white = colour.contrast(Colour::WHITE);
            let text = colour.readable_text();
            let on_button = colour.contrast(text);
            let (message, nearest) = if links && on_white < AA_TEXT {
                let ratio = Colour::ratio_text(on_white);
                (
                    crate::text!(
                        "`{key}` `{hex}` has a contrast of {ratio} on white: links in this colour fail WCAG AA (4.5:1 for text)",
                        "`{key}` `{hex}` heeft een contrast van {ratio} op wit: links in deze kleur halen WCAG AA niet (4.5:1 voor tekst)"
                    ),
                    colour.nearest_with_contrast(Colour::WHITE, AA_TEXT),
                )
            } else if on_button < AA_TEXT {
                let ratio = Colour::ratio_text(on_button);
                let shown = text.hex();
                (
                    crate::text!(
                        "button text (`{shown}`) on `{key}` `{hex}` has a contrast of {ratio}: it fails WCAG AA (4.5:1 for text)",
                        "knoptekst (`{shown}`) op `{key}` `{hex}` heeft een contrast van {ratio}: dat haalt WCAG AA niet (4.5:1 voor tekst)"
                    ),
                    colour.nearest_with_contrast(text, AA_TEXT),
                )
            } else {
                continue;
            };
            let hint = match nearest {
                Some(nearest) => {
                    let nearest = nearest.hex();
                    crate::text!(
                        "the nearest colour that passes is `{nearest}` (same hue); the theme promises WCAG 2.1 AA",
                        "de dichtstbijzijnde kleur die het haalt is `{nearest}` (dezelfde tint); het thema belooft WCAG 2.1 AA"
                    )
                }
                None => crate::text!(
                    "choose a darker or lighter colour; the theme promises WCAG 2.1 AA",
                    "kies een donkerdere of lichtere kleur; het thema belooft WCAG 2.1 AA"
                ),
            };
            self.diagnostics
                .push(file.warning(yaml.span(key), message).with_hint(hint));
        }
    }
}
