//! The organisation of an `init --empty` site: its name, the address of the site and the brand
//! colour, from the flags, asked on a terminal, or the defaults; a bad flag is a usage error.

use std::io::{BufRead, Write};

use crate::base::colour::Colour;
use crate::base::error::Error;
use crate::content::config::{normalise_base_url, BadBaseUrl};

/// What the flags gave (or the terminal answered), as written.
#[derive(Debug, Default, Clone)]
pub(super) struct Answers {
    pub name: Option<String>,
    pub base_url: Option<String>,
    pub colour: Option<String>,
}

/// The organisation the new site is for, checked.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Organisation {
    pub name: String,
    /// Without a trailing slash.
    pub base_url: String,
    pub colour: Colour,
}

pub(super) const DEFAULT_NAME: &str = "Mijn zorgorganisatie";
pub(super) const DEFAULT_BASE_URL: &str = "https://werkenbij.example.nl";
pub(super) const DEFAULT_COLOUR: &str = "#0b5394";

const URL_HINT: &str = "write the address the site will be published at, e.g. `--base-url https://werkenbij.example.nl`";
const COLOUR_HINT: &str = "write `#` and six hexadecimal digits, e.g. `--colour #0b5394`";

/// Without a terminal (CI, a script): the flags, else the defaults.
pub(super) fn from_flags(given: Answers) -> Result<Organisation, Error> {
    let name = name(given.name.as_deref().unwrap_or(DEFAULT_NAME))
        .map_err(|message| Error::usage(message, Some("e.g. `--name \"Zorggroep Lindewaard\"`")))?;
    let url = given.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL);
    let base_url = normalise_base_url(url).map_err(|bad| {
        let hint = match bad {
            BadBaseUrl::NotAbsolute => URL_HINT.to_owned(),
            _ => bad.hint().en().to_owned(),
        };
        Error::usage(bad.message("--base-url", url).en(), Some(&hint))
    })?;
    let colour = colour(given.colour.as_deref().unwrap_or(DEFAULT_COLOUR))
        .map_err(|message| Error::usage(message, Some(COLOUR_HINT)))?;
    Ok(Organisation {
        name,
        base_url,
        colour,
    })
}

/// On a terminal: asks for what the flags left out, again until the answer is usable; an empty
/// answer takes the default shown in brackets.
pub(super) fn on_terminal(
    given: Answers,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
) -> Result<Organisation, Error> {
    // The flags are checked first: a wrong one is a usage error, as without a terminal.
    let flags = from_flags(given.clone())?;
    let name = match given.name {
        Some(_) => flags.name,
        None => question(
            input,
            output,
            "Name of your organisation",
            DEFAULT_NAME,
            name,
        )?,
    };
    let base_url = match given.base_url {
        Some(_) => flags.base_url,
        None => question(
            input,
            output,
            "Address of the site (base_url)",
            DEFAULT_BASE_URL,
            base_url,
        )?,
    };
    let colour = match given.colour {
        Some(_) => flags.colour,
        None => question(input, output, "Brand colour", DEFAULT_COLOUR, colour)?,
    };
    Ok(Organisation {
        name,
        base_url,
        colour,
    })
}

fn question<T>(
    input: &mut dyn BufRead,
    output: &mut dyn Write,
    label: &str,
    default: &str,
    check: fn(&str) -> Result<T, String>,
) -> Result<T, Error> {
    let stderr = |e| Error::io(std::path::Path::new("<stderr>"), e);
    loop {
        write!(output, "{label} [{default}]: ").map_err(stderr)?;
        output.flush().map_err(stderr)?;
        let mut line = String::new();
        let read = input
            .read_line(&mut line)
            .map_err(|e| Error::io(std::path::Path::new("<stdin>"), e))?;
        let answer = line.trim();
        // End of input: the default, as for an empty answer.
        let answer = if answer.is_empty() || read == 0 {
            default
        } else {
            answer
        };
        match check(answer) {
            Ok(value) => return Ok(value),
            Err(_) if read == 0 => return check(default).map_err(|m| Error::usage(m, None)),
            Err(message) => writeln!(output, "{message}; try again").map_err(stderr)?,
        }
    }
}

fn name(text: &str) -> Result<String, String> {
    let name = text.trim();
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err(format!("`{text}` is no organisation name"));
    }
    Ok(name.to_owned())
}

fn base_url(text: &str) -> Result<String, String> {
    normalise_base_url(text).map_err(|bad| bad.message("base_url", text).en().to_owned())
}

fn colour(text: &str) -> Result<Colour, String> {
    Colour::parse(text.trim()).ok_or_else(|| format!("`{text}` is not a colour like `#0b5394`"))
}

impl Organisation {
    /// What the user should know about their answers: a brand colour the theme cannot use for
    /// links on white is accepted (the build warns about it too), with the nearest that passes.
    pub(super) fn notes(&self) -> Vec<String> {
        let ratio = self.colour.contrast(Colour::WHITE);
        if ratio >= 4.5 {
            return Vec::new();
        }
        let nearest = self
            .colour
            .nearest_with_contrast(Colour::WHITE, 4.5)
            .map(|c| format!("; the nearest colour that passes is `{}`", c.hex()))
            .unwrap_or_default();
        vec![format!(
            "the brand colour `{}` has a contrast of {} on white, less than the 4.5:1 links need (WCAG AA){nearest}",
            self.colour.hex(),
            Colour::ratio_text(ratio)
        )]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(name: Option<&str>, base_url: Option<&str>, colour: Option<&str>) -> Answers {
        Answers {
            name: name.map(str::to_owned),
            base_url: base_url.map(str::to_owned),
            colour: colour.map(str::to_owned),
        }
    }

    #[test]
    fn flags_or_defaults_without_a_terminal() {
        let o = from_flags(Answers::default()).unwrap();
        assert_eq!(
            (o.name.as_str(), o.base_url.as_str(), o.colour.hex()),
            (DEFAULT_NAME, DEFAULT_BASE_URL, DEFAULT_COLOUR.to_owned())
        );
        let o = from_flags(answers(
            Some("Stichting Zonnehuis"),
            Some("https://werkenbij.zonnehuis.nl/"),
            Some("#7AB800"),
        ))
        .unwrap();
        assert_eq!(o.base_url, "https://werkenbij.zonnehuis.nl");
        assert_eq!(o.colour.hex(), "#7ab800");
        assert_eq!(
            o.notes(),
            ["the brand colour `#7ab800` has a contrast of 2.42:1 on white, less than the 4.5:1 links need (WCAG AA); the nearest colour that passes is `#578300`"]
        );
    }

    #[test]
    fn a_bad_flag_is_a_usage_error_with_a_hint() {
        let Err(Error::Usage { message, hint }) = from_flags(answers(None, None, Some("groen")))
        else {
            panic!("a usage error");
        };
        assert_eq!(message, "`groen` is not a colour like `#0b5394`");
        assert_eq!(hint.as_deref(), Some(COLOUR_HINT));
        let Err(Error::Usage { message, .. }) =
            from_flags(answers(None, Some("zonnehuis.nl"), None))
        else {
            panic!("a usage error");
        };
        assert_eq!(
            message,
            "`--base-url` must be an absolute http(s) URL, found `zonnehuis.nl`"
        );
    }

    #[test]
    fn a_terminal_is_asked_again_until_the_answer_is_usable() {
        let mut input: &[u8] =
            b"Stichting Zonnehuis\nzonnehuis.nl\nhttps://werkenbij.zonnehuis.nl\n\n";
        let mut output = Vec::new();
        let o = on_terminal(Answers::default(), &mut input, &mut output).unwrap();
        assert_eq!(o.name, "Stichting Zonnehuis");
        assert_eq!(o.base_url, "https://werkenbij.zonnehuis.nl");
        assert_eq!(o.colour.hex(), DEFAULT_COLOUR);
        assert_eq!(
            String::from_utf8(output).unwrap(),
            "Name of your organisation [Mijn zorgorganisatie]: Address of the site (base_url) [https://werkenbij.example.nl]: `base_url` must be an absolute http(s) URL, found `zonnehuis.nl`; try again\nAddress of the site (base_url) [https://werkenbij.example.nl]: Brand colour [#0b5394]: "
        );
    }

    #[test]
    fn a_terminal_is_not_asked_what_the_flags_gave() {
        let mut input: &[u8] = b"#1f5e4b\n";
        let mut output = Vec::new();
        let given = answers(Some("Zonnehuis"), Some("https://w.zonnehuis.nl"), None);
        let o = on_terminal(given, &mut input, &mut output).unwrap();
        assert_eq!(
            (o.name.as_str(), o.colour.hex()),
            ("Zonnehuis", "#1f5e4b".to_owned())
        );
        assert_eq!(
            String::from_utf8(output).unwrap(),
            "Brand colour [#0b5394]: "
        );
    }
}
