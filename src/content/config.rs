//! `content/site.yaml`: the organisation, its brand, hashtags, share settings and URL paths.

use serde::Deserialize;

use crate::base::colour::Colour;
use crate::base::diagnostics::Diagnostic;
use crate::base::language::Language;
use crate::base::source::{SourceFile, Span};
use crate::base::text::Text;
use crate::base::yaml::YamlDocument;

pub const SITE_FILE: &str = "content/site.yaml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    pub base_url: String,
    #[serde(default)]
    pub language: Language,
    pub organization: Organization,
    pub brand: Brand,
    #[serde(default = "default_theme")]
    pub theme: String,
    #[serde(default)]
    pub hashtags: SiteHashtags,
    #[serde(default)]
    pub share: ShareConfig,
    #[serde(default)]
    pub paths: Paths,
    #[serde(default)]
    pub images: ImageConfig,
    #[serde(default)]
    pub report: ReportConfig,
    /// The web editor at `/admin/`, when the site asks for one.
    #[serde(default)]
    pub editor: Option<crate::content::editor::EditorConfig>,
}

/// `report: { page: true }` is kept for old sites: the build warns and publishes nothing (the report
/// page is written with `werkenbij report --html DIR`, outside the public site).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportConfig {
    #[serde(default)]
    pub page: bool,
}

fn default_theme() -> String {
    "default".to_owned()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub name: String,
    pub url: String,
    #[serde(default)]
    pub logo: Option<String>,
    /// Where `logo` is written, for the checks of its file when the site is loaded.
    #[serde(skip)]
    pub logo_span: Span,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    /// As written, for the style sheet.
    pub primary: String,
    pub accent: String,
    /// Both colours, parsed once by [`parse`], for contrast and for drawing cards.
    #[serde(skip)]
    pub colours: BrandColours,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct BrandColours {
    pub primary: Colour,
    pub accent: Colour,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteHashtags {
    #[serde(default)]
    pub always: Vec<String>,
    #[serde(default)]
    pub campaigns: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareConfig {
    #[serde(default = "default_platforms")]
    pub platforms: Vec<String>,
    #[serde(default)]
    pub utm: Utm,
    #[serde(default = "default_spread_days")]
    pub spread_days: u32,
    #[serde(default = "default_max_stories")]
    pub max_stories: u32,
    #[serde(default)]
    pub mastodon: Option<String>,
}

impl Default for ShareConfig {
    fn default() -> Self {
        ShareConfig {
            platforms: default_platforms(),
            utm: Utm::default(),
            spread_days: default_spread_days(),
            max_stories: default_max_stories(),
            mastodon: None,
        }
    }
}

fn default_platforms() -> Vec<String> {
    [
        "linkedin",
        "facebook",
        "x",
        "whatsapp",
        "instagram",
        "email",
    ]
    .map(str::to_owned)
    .to_vec()
}
fn default_spread_days() -> u32 {
    10
}
fn default_max_stories() -> u32 {
    24
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Utm {
    #[serde(default = "default_medium")]
    pub medium: String,
    #[serde(default = "default_campaign")]
    pub campaign: String,
}

impl Default for Utm {
    fn default() -> Self {
        Utm {
            medium: default_medium(),
            campaign: default_campaign(),
        }
    }
}

fn default_medium() -> String {
    "social".to_owned()
}
fn default_campaign() -> String {
    "ambassadeurs".to_owned()
}

/// The first path segment of each section; renaming one breaks no link written in Markdown.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Paths {
    pub stories: String,
    pub vacancies: String,
    pub ambassadors: String,
    pub hashtags: String,
}

impl Default for Paths {
    fn default() -> Self {
        Paths {
            stories: "verhalen".into(),
            vacancies: "vacatures".into(),
            ambassadors: "ambassadeurs".into(),
            hashtags: "hashtags".into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ImageConfig {
    pub widths: Vec<u32>,
    pub webp: bool,
    pub quality: u8,
    pub max_pixels: u64,
    /// Resampling filter for variants and cards: one of `FILTERS`.
    pub filter: String,
}

impl Default for ImageConfig {
    fn default() -> Self {
        ImageConfig {
            widths: vec![480, 960, 1600],
            webp: true,
            quality: 80,
            max_pixels: 50_000_000,
            filter: "lanczos3".to_owned(),
        }
    }
}

pub(crate) const KEYS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "language",
    "organization",
    "brand",
    "theme",
    "hashtags",
    "share",
    "paths",
    "images",
    "report",
    "editor",
];
pub(crate) const NESTED: &[(&str, &[&str])] = &[
    ("organization", &["name", "url", "logo"]),
    ("brand", &["primary", "accent"]),
    ("hashtags", &["always", "campaigns"]),
    (
        "share",
        &["platforms", "utm", "spread_days", "max_stories", "mastodon"],
    ),
    ("share.utm", &["medium", "campaign"]),
    (
        "paths",
        &["stories", "vacancies", "ambassadors", "hashtags"],
    ),
    (
        "images",
        &["widths", "webp", "quality", "max_pixels", "filter"],
    ),
    ("report", &["page"]),
    ("editor", crate::content::editor::KEYS),
];

/// The resampling filters `images.filter` accepts; the image stage maps each to its kernel.
pub const FILTERS: &[&str] = &[
    "lanczos3",
    "catmullrom",
    "mitchell",
    "triangle",
    "gaussian",
    "nearest",
];

/// The networks `share.platforms` and a story's `share:` texts may name; `share::platform::Platform`
/// has one variant for each.
pub(crate) const PLATFORMS: &[&str] = &[
    "linkedin",
    "facebook",
    "x",
    "whatsapp",
    "instagram",
    "email",
    "mastodon",
];

/// The `language:` of `root`'s `site.yaml`, read from the raw text, so that even the problems of a
/// `site.yaml` that does not parse are said in the site's language; Dutch, as `Language::default()`,
/// when there is no such line or the file cannot be read.
pub fn language_of(root: &std::path::Path) -> Language {
    std::fs::read_to_string(root.join(SITE_FILE))
        .map(|text| language_in(&text))
        .unwrap_or_default()
}

/// The path of `root`'s `base_url` (`/werkenbij`, or empty) when its `site.yaml` is right: for
/// `serve`, which prints its address before the first build.
pub fn base_path_of(root: &std::path::Path) -> String {
    let Ok(text) = std::fs::read_to_string(root.join(SITE_FILE)) else {
        return String::new();
    };
    parse(&SourceFile::new(SITE_FILE, text))
        .map(|config| config.base_path().to_owned())
        .unwrap_or_default()
}

/// The value of the top-level `language:` line of a YAML text (quotes and a comment allowed).
fn language_in(text: &str) -> Language {
    text.lines()
        .filter_map(|line| {
            line.trim_start_matches('\u{feff}')
                .strip_prefix("language:")
        })
        .map(|value| {
            let value = value.split(" #").next().unwrap_or_default().trim();
            value.trim_matches(['"', '\''])
        })
        .find_map(|value| match value {
            "en" => Some(Language::En),
            "nl" => Some(Language::Nl),
            _ => None,
        })
        .unwrap_or_default()
}

/// Parses and checks `site.yaml`; every problem found is returned.
pub fn parse(file: &SourceFile) -> Result<SiteConfig, Vec<Diagnostic>> {
    let yaml = YamlDocument::parse(file, 0, file.text.len()).map_err(|d| vec![d])?;
    let mut unknown = yaml.duplicate_keys(file);
    unknown.extend(unknown_keys(file, &yaml));
    if !unknown.is_empty() {
        return Err(unknown);
    }
    let mut config: SiteConfig = yaml.deserialize(file).map_err(|d| vec![d])?;
    config.organization.logo_span = yaml.span("organization.logo");
    if let Some(editor) = &mut config.editor {
        editor.script_span = yaml.span("editor.script");
    }
    let mut problems = Problems {
        file,
        yaml: &yaml,
        found: Vec::new(),
    };
    check_addresses(&mut config, &mut problems);
    config.brand.colours = brand_colours(&config.brand, &mut problems);
    check_paths(&config.paths, &mut problems);
    check_share(&config.share, &mut problems);
    check_images(&config.images, &mut problems);
    if let Some(editor) = &config.editor {
        problems
            .found
            .extend(crate::content::editor::check(editor, file, &yaml));
    }
    if problems.found.is_empty() {
        Ok(config)
    } else {
        Err(problems.found)
    }
}

/// Keys `site.yaml` does not know, at the top and in each section.
fn unknown_keys(file: &SourceFile, yaml: &YamlDocument) -> Vec<Diagnostic> {
    let mut problems = yaml.unknown_keys(file, "", KEYS, &Text::from("site.yaml"));
    for (path, keys) in NESTED {
        let what = Text::from(format!("`{path}`"));
        problems.extend(yaml.unknown_keys(file, path, keys, &what));
    }
    problems
}

/// The problems found in the values of `site.yaml`, each at the value it is about.
struct Problems<'a> {
    file: &'a SourceFile,
    yaml: &'a YamlDocument,
    found: Vec<Diagnostic>,
}

impl Problems<'_> {
    /// `path` is where the value stands in the YAML: `brand.primary`, `share.platforms.2`.
    fn push(&mut self, path: &str, message: Text, hint: Text) {
        let span = self.yaml.span(path);
        self.found
            .push(self.file.error(span, message).with_hint(hint));
    }
}

/// `base_url` (written back without its trailing slash) and `organization.url`.
fn check_addresses(config: &mut SiteConfig, problems: &mut Problems) {
    match normalise_base_url(&config.base_url) {
        Ok(url) => config.base_url = url,
        Err(problem) => {
            let span = problems.yaml.span("base_url");
            let diagnostic = problems
                .file
                .error(span, problem.message("base_url", &config.base_url))
                .with_hint(problem.hint());
            problems.found.push(diagnostic);
        }
    }
    if !is_absolute_url(&config.organization.url) {
        let url = &config.organization.url;
        problems.push(
            "organization.url",
            crate::text!(
                "`organization.url` must be an absolute URL, found `{url}`",
                "`organization.url` moet een volledig adres zijn (met `https://`), maar is `{url}`"
            ),
            crate::text!(
                "e.g. `https://www.example.nl`",
                "bijvoorbeeld `https://www.example.nl`"
            ),
        );
    }
}

/// Both brand colours, parsed; one that does not parse is a problem.
fn brand_colours(brand: &Brand, problems: &mut Problems) -> BrandColours {
    let mut colour = |path: &str, text: &str| {
        Colour::parse(text).unwrap_or_else(|| {
            problems.push(
                path,
                crate::text!(
                    "`{path}` must be a colour like `#0b5394`, found `{text}`",
                    "`{path}` moet een kleur zijn zoals `#0b5394`, maar is `{text}`"
                ),
                crate::text!(
                    "write six hexadecimal digits after `#`",
                    "schrijf zes hexadecimale tekens (0-9, a-f) na `#`"
                ),
            );
            Colour::default()
        })
    };
    BrandColours {
        primary: colour("brand.primary", &brand.primary),
        accent: colour("brand.accent", &brand.accent),
    }
}

/// Each section's path is one URL segment.
fn check_paths(paths: &Paths, problems: &mut Problems) {
    for (name, value) in [
        ("stories", &paths.stories),
        ("vacancies", &paths.vacancies),
        ("ambassadors", &paths.ambassadors),
        ("hashtags", &paths.hashtags),
    ] {
        if !crate::base::slug::is_slug(value) {
            problems.push(
                &format!("paths.{name}"),
                crate::text!(
                    "`paths.{name}` must be one lowercase URL segment, found `{value}`",
                    "`paths.{name}` moet één deel van een adres zijn, in kleine letters, maar is `{value}`"
                ),
                crate::text!(
                    "use letters, digits and hyphens, e.g. `verhalen`",
                    "gebruik letters, cijfers en streepjes, bijvoorbeeld `verhalen`"
                ),
            );
        }
    }
}

/// Every share platform is known, and Mastodon comes with an instance.
fn check_share(share: &ShareConfig, problems: &mut Problems) {
    for (index, platform) in share.platforms.iter().enumerate() {
        if !PLATFORMS.contains(&platform.as_str()) {
            let list = PLATFORMS.join(", ");
            let hint = crate::base::diagnostics::did_you_mean(platform, PLATFORMS.iter().copied())
                .unwrap_or_else(|| {
                    crate::text!("the platforms are {list}", "de platforms zijn {list}")
                });
            problems.push(
                &format!("share.platforms.{index}"),
                crate::text!(
                    "unknown share platform `{platform}`",
                    "onbekend deelplatform `{platform}`"
                ),
                hint,
            );
        }
    }
    let mastodon = share.platforms.iter().position(|p| p == "mastodon");
    if let (Some(index), None) = (mastodon, &share.mastodon) {
        problems.push(
            &format!("share.platforms.{index}"),
            crate::text!(
                "`share.platforms` names `mastodon` but `share.mastodon` names no instance",
                "`share.platforms` noemt `mastodon`, maar `share.mastodon` noemt geen server"
            ),
            crate::text!(
                "add the instance your colleagues use, e.g. `mastodon: mastodon.nl`",
                "voeg de server toe die je collega's gebruiken, bijvoorbeeld `mastodon: mastodon.nl`"
            ),
        );
    }
}

/// Widths and quality in range, and a resampling filter the image stage knows.
fn check_images(images: &ImageConfig, problems: &mut Problems) {
    if images.widths.is_empty() || images.widths.iter().any(|w| !(16..=4096).contains(w)) {
        problems.push(
            "images.widths",
            crate::text!(
                "`images.widths` must list widths between 16 and 4096 pixels",
                "`images.widths` moet breedtes tussen 16 en 4096 pixels noemen"
            ),
            crate::text!("e.g. `[480, 960, 1600]`", "bijvoorbeeld `[480, 960, 1600]`"),
        );
    }
    if !(1..=100).contains(&images.quality) {
        problems.push(
            "images.quality",
            crate::text!(
                "`images.quality` must be 1 to 100, found `{quality}`",
                "`images.quality` moet 1 tot en met 100 zijn, maar is `{quality}`",
                quality = images.quality
            ),
            crate::text!(
                "80 is a good balance of size and sharpness",
                "80 is een goede balans tussen bestandsgrootte en scherpte"
            ),
        );
    }
    if !FILTERS.contains(&images.filter.as_str()) {
        let (filter, list) = (&images.filter, FILTERS.join(", "));
        let hint = crate::base::diagnostics::did_you_mean(filter, FILTERS.iter().copied())
            .unwrap_or_else(|| crate::text!("the filters are {list}", "de filters zijn {list}"));
        problems.push(
            "images.filter",
            crate::text!(
                "unknown resampling filter `{filter}`",
                "onbekend schaalfilter `{filter}`"
            ),
            hint,
        );
    }
}

/// What is wrong with a `base_url` (or `--base-url`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadBaseUrl {
    NotAbsolute,
    /// A `?query` or `#fragment`: no page address can be put after it.
    QueryOrFragment,
    /// A path with an empty, `.` or `..` segment, or a character a URL path cannot have.
    BadPath,
}

impl BadBaseUrl {
    /// The message about `url`, written as `key` (`base_url`, `--base-url`).
    pub fn message(self, key: &str, url: &str) -> Text {
        match self {
            BadBaseUrl::NotAbsolute => crate::text!(
                "`{key}` must be an absolute http(s) URL, found `{url}`",
                "`{key}` moet een volledig http(s)-adres zijn, gevonden: `{url}`"
            ),
            BadBaseUrl::QueryOrFragment => crate::text!(
                "`{key}` cannot have a query (`?`) or a fragment (`#`), found `{url}`",
                "`{key}` mag geen vraagteken (`?`) of hekje (`#`) bevatten, gevonden: `{url}`"
            ),
            BadBaseUrl::BadPath => crate::text!(
                "the path of `{key}` must be folder names separated by `/`, found `{url}`",
                "het pad van `{key}` moet bestaan uit mapnamen met `/` ertussen, gevonden: `{url}`"
            ),
        }
    }

    pub fn hint(self) -> Text {
        match self {
            BadBaseUrl::NotAbsolute => crate::text!(
                "write the address the site is published at, e.g. `https://werkenbij.example.nl`",
                "schrijf het adres waarop de site staat, bijvoorbeeld `https://werkenbij.example.nl`"
            ),
            BadBaseUrl::QueryOrFragment => crate::text!(
                "write only the address of the site's home page, e.g. `https://example.github.io/werkenbij/`",
                "schrijf alleen het adres van de homepage van de site, bijvoorbeeld `https://example.github.io/werkenbij/`"
            ),
            BadBaseUrl::BadPath => crate::text!(
                "use letters, digits, `-`, `_`, `.` and `~` in each folder name, e.g. `https://example.github.io/werkenbij/`",
                "gebruik letters, cijfers, `-`, `_`, `.` en `~` in elke mapnaam, bijvoorbeeld `https://example.github.io/werkenbij/`"
            ),
        }
    }
}

/// `https://werkenbij.example.nl/` → `https://werkenbij.example.nl`, `https://example.github.io/werkenbij`
/// → `https://example.github.io/werkenbij`: without the trailing slash, so that a site path
/// (`/verhalen/x/`) can follow. A path names the folder the site is published in.
pub fn normalise_base_url(url: &str) -> Result<String, BadBaseUrl> {
    let trimmed = url.trim().trim_end_matches('/');
    if !is_absolute_url(trimmed) {
        return Err(BadBaseUrl::NotAbsolute);
    }
    if trimmed.contains(['?', '#']) {
        return Err(BadBaseUrl::QueryOrFragment);
    }
    let path = path_of(trimmed);
    let segment_ok = |segment: &str| {
        !segment.is_empty()
            && segment != "."
            && segment != ".."
            && segment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'%'))
    };
    if !path.is_empty() && !path[1..].split('/').all(segment_ok) {
        return Err(BadBaseUrl::BadPath);
    }
    Ok(trimmed.to_owned())
}

/// The path of a normalised `base_url`: `` or `/werkenbij` (no trailing slash).
fn path_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    url[after_scheme..]
        .find('/')
        .map_or("", |i| &url[after_scheme + i..])
}

impl SiteConfig {
    /// The folder the site is published in, from `base_url`: `` for a site at the root of its
    /// host, `/werkenbij` for `https://example.github.io/werkenbij/`. Every link a page writes
    /// to the site starts with it.
    pub fn base_path(&self) -> &str {
        path_of(&self.base_url)
    }

    /// Scheme and host of `base_url`, without its path: `https://example.github.io`.
    pub fn origin(&self) -> &str {
        let path = self.base_path();
        &self.base_url[..self.base_url.len() - path.len()]
    }
}

pub fn is_absolute_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    matches!(rest, Some(host) if !host.is_empty() && !host.starts_with('/') && !host.contains(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        assert_eq!(normalise_base_url("https://a.nl/").unwrap(), "https://a.nl");
        assert!(normalise_base_url("a.nl").is_err());
        assert!(normalise_base_url("https:///x").is_err());
        assert_eq!(
            normalise_base_url("https://example.github.io/werkenbij/").unwrap(),
            "https://example.github.io/werkenbij"
        );
        assert_eq!(
            normalise_base_url(" https://a.nl/zorg/werken-bij// ").unwrap(),
            "https://a.nl/zorg/werken-bij"
        );
        for (url, problem) in [
            ("https://a.nl/?x=1", BadBaseUrl::QueryOrFragment),
            ("https://a.nl/werkenbij#top", BadBaseUrl::QueryOrFragment),
            ("https://a.nl/a//b", BadBaseUrl::BadPath),
            ("https://a.nl/a/../b", BadBaseUrl::BadPath),
            ("https://a.nl/w\u{e9}rken", BadBaseUrl::BadPath),
            ("https://a.nl/a\"b", BadBaseUrl::BadPath),
        ] {
            assert_eq!(normalise_base_url(url), Err(problem), "{url}");
        }
    }

    #[test]
    fn the_base_path_and_origin_come_from_base_url() {
        let mut config = parse(&SourceFile::new(SITE_FILE, SITE.to_owned())).unwrap();
        assert_eq!((config.base_path(), config.origin()), ("", "https://a.nl"));
        config.base_url = "https://example.github.io/werkenbij".to_owned();
        assert_eq!(config.base_path(), "/werkenbij");
        assert_eq!(config.origin(), "https://example.github.io");
    }

    const SITE: &str = "title: A\nbase_url: https://a.nl/\norganization: { name: A, url: https://a.nl }\nbrand: { primary: \"#0b5394\", accent: \"#f3c969\" }\n";

    #[test]
    fn a_query_in_base_url_is_an_error_at_its_value() {
        let text = SITE.replace("https://a.nl/\n", "https://a.nl/?utm=x\n");
        let found = parse(&SourceFile::new(SITE_FILE, text)).unwrap_err();
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert_eq!((d.line, d.column), (2, 11));
        assert_eq!(
            &*d.message,
            "`base_url` cannot have a query (`?`) or a fragment (`#`), found `https://a.nl/?utm=x`"
        );
        assert_eq!(
            d.message.get(crate::base::language::Language::Nl),
            "`base_url` mag geen vraagteken (`?`) of hekje (`#`) bevatten, gevonden: `https://a.nl/?utm=x`"
        );
    }

    #[test]
    fn the_language_is_read_even_from_yaml_that_does_not_parse() {
        assert_eq!(language_in("title: [\nlanguage: en\n"), Language::En);
        assert_eq!(language_in("language: \"en\" # English\n"), Language::En);
        assert_eq!(language_in("title: x\nlanguage: nl\n"), Language::Nl);
        // Only a top-level key counts, and anything else is the default, Dutch.
        assert_eq!(language_in("brand:\n  language: en\n"), Language::Nl);
        assert_eq!(language_in("language: fr\n"), Language::Nl);
        assert_eq!(language_in(""), Language::Nl);
    }
}
