//! The files of an `init --empty` site: `site.yaml` with the organisation's name, address and
//! colour, an empty consent register that explains its records, a privacy statement with the name
//! filled in, and a favicon of the name's initial on the brand colour. No people, no photos.

use std::path::PathBuf;

use crate::base::colour::Colour;

use super::ask::Organisation;
use super::File;

const SITE_YAML: &str = include_str!("empty/site.yaml");
const CONSENT_YAML: &str = include_str!("empty/consent.yaml");
const PRIVACY: &str = include_str!("empty/privacyverklaring.md");

/// The accent of a new site: warm yellow, which reads with near-black text (13:1).
const ACCENT: &str = "#f3c969";

pub(super) fn files(organisation: &Organisation) -> Vec<File> {
    let name = &organisation.name;
    let organization_url = organization_url(&organisation.base_url);
    let site_yaml = fill(
        SITE_YAML,
        &[
            ("title", &quoted(&format!("Werken bij {name}"))),
            (
                "description",
                &quoted(&format!(
                    "Medewerkers van {name} vertellen hoe het werk écht is."
                )),
            ),
            ("base_url", &organisation.base_url),
            ("name", &quoted(name)),
            ("organization_url", &organization_url),
            ("primary", &organisation.colour.hex()),
            ("accent", ACCENT),
        ],
    );
    let consent = fill(CONSENT_YAML, &[("name", name)]);
    let privacy = fill(
        PRIVACY,
        &[
            ("name", &markdown_text(name)),
            ("organization_url", &organization_url),
        ],
    );
    vec![
        (PathBuf::from("content/site.yaml"), site_yaml.into_bytes()),
        (PathBuf::from("content/consent.yaml"), consent.into_bytes()),
        (
            PathBuf::from("content/pages/privacyverklaring.md"),
            privacy.into_bytes(),
        ),
        (
            PathBuf::from("static/favicon.svg"),
            favicon(name, organisation.colour).into_bytes(),
        ),
    ]
}

/// `{key}` in `template` replaced by each value.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (key, value)| {
            text.replace(&format!("{{{key}}}"), value)
        })
}

/// A YAML string (JSON's quoting is valid YAML).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}

/// A name as Markdown text: the characters Markdown would take as markup are escaped.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#' | '!' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The organisation's own site, guessed from the careers site: `https://werkenbij.zonnehuis.nl`
/// gives `https://www.zonnehuis.nl`; any other address is taken as it is.
fn organization_url(base_url: &str) -> String {
    let (scheme, rest) = base_url.split_once("://").unwrap_or(("https", base_url));
    match rest.strip_prefix("werkenbij.") {
        Some(domain) if domain.contains('.') => {
            let domain = domain.split('/').next().unwrap_or(domain);
            format!("{scheme}://www.{domain}")
        }
        _ => base_url.to_owned(),
    }
}

/// The initial of the name's last word (`Zonnehuis` in "Stichting Zonnehuis") on the brand
/// colour, in the text colour the theme uses on it.
fn favicon(name: &str, colour: Colour) -> String {
    let initial = name
        .split_whitespace()
        .last()
        .and_then(|word| word.chars().find(|c| c.is_alphanumeric()))
        .map_or_else(|| "W".to_owned(), |c| c.to_uppercase().collect());
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\" width=\"32\" height=\"32\">\n  <rect width=\"32\" height=\"32\" rx=\"7\" fill=\"{}\"/>\n  <text x=\"16\" y=\"23\" text-anchor=\"middle\" font-family=\"'Segoe UI', 'Helvetica Neue', Arial, sans-serif\" font-size=\"20\" font-weight=\"700\" fill=\"{}\">{initial}</text>\n</svg>\n",
        colour.hex(),
        colour.readable_text().hex()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn organisation(name: &str) -> Organisation {
        Organisation {
            name: name.to_owned(),
            base_url: "https://werkenbij.zonnehuis.nl".to_owned(),
            colour: Colour::parse("#1f5e4b").unwrap(),
        }
    }

    fn text_of(files: &[File], path: &str) -> String {
        let (_, bytes) = files
            .iter()
            .find(|(p, _)| p.to_str() == Some(path))
            .unwrap_or_else(|| panic!("{path} is written"));
        String::from_utf8(bytes.clone()).unwrap()
    }

    #[test]
    fn site_yaml_has_the_organisation_quoted() {
        let files = files(&organisation("Zorg: \"Het Zonnehuis\""));
        let site: serde_yaml::Value =
            serde_yaml::from_str(&text_of(&files, "content/site.yaml")).unwrap();
        assert_eq!(site["organization"]["name"], "Zorg: \"Het Zonnehuis\"");
        assert_eq!(site["title"], "Werken bij Zorg: \"Het Zonnehuis\"");
        assert_eq!(site["organization"]["url"], "https://www.zonnehuis.nl");
        assert_eq!(site["brand"]["primary"], "#1f5e4b");
    }

    #[test]
    fn the_organisation_url_is_guessed_from_a_werkenbij_address_only() {
        assert_eq!(
            organization_url("https://werkenbij.zonnehuis.nl"),
            "https://www.zonnehuis.nl"
        );
        assert_eq!(
            organization_url("https://zonnehuis.nl/werken"),
            "https://zonnehuis.nl/werken"
        );
    }

    #[test]
    fn the_favicon_is_the_initial_on_the_brand_colour() {
        let svg = favicon("Stichting Zonnehuis", Colour::parse("#1f5e4b").unwrap());
        assert_eq!(
            svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\" width=\"32\" height=\"32\">\n  <rect width=\"32\" height=\"32\" rx=\"7\" fill=\"#1f5e4b\"/>\n  <text x=\"16\" y=\"23\" text-anchor=\"middle\" font-family=\"'Segoe UI', 'Helvetica Neue', Arial, sans-serif\" font-size=\"20\" font-weight=\"700\" fill=\"#ffffff\">Z</text>\n</svg>\n"
        );
        let svg = favicon("Zorg & co", Colour::parse("#f3c969").unwrap());
        assert!(
            svg.contains(">C</text>") && svg.contains("fill=\"#111111\""),
            "{svg}"
        );
    }
}
