//! The theme: templates, static files and UI strings. The built-in theme is embedded in the binary;
//! a site's `themes/NAME/` overrides it file by file.

pub(crate) mod cards;

use std::collections::BTreeMap;
use std::path::Path;

use include_dir::{include_dir, Dir};
use tera::Tera;

use crate::base::error::Error;
use crate::base::language::Language;

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// The UI strings of the site's language, by key; templates see them as `t`.
#[derive(Debug, Clone, Default, serde::Serialize)]
#[serde(transparent)]
pub struct Strings(BTreeMap<String, String>);

impl Strings {
    /// The string for `key`, or the key itself when the theme lacks it (visible, never empty).
    pub fn get(&self, key: &str) -> String {
        self.0.get(key).map_or(key, String::as_str).to_owned()
    }
}

pub struct Theme {
    pub tera: Tera,
    /// UI strings of the site's language.
    pub strings: Strings,
    /// Site path (without leading `/`) → bytes.
    pub static_files: BTreeMap<String, Vec<u8>>,
    /// Layout and fonts of the social cards.
    pub cards: crate::theme::cards::CardTheme,
}

/// Every file of the built-in theme, for `werkenbij init --with-theme`.
pub fn builtin_files() -> Vec<(String, &'static [u8])> {
    let mut files = Vec::new();
    collect(&BUILTIN, &mut files);
    files.sort();
    files
}

fn collect(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
    for file in dir.files() {
        out.push((
            file.path().to_string_lossy().replace('\\', "/"),
            file.contents(),
        ));
    }
    for sub in dir.dirs() {
        collect(sub, out);
    }
}

pub fn load(root: &Path, name: &str, language: Language) -> Result<Theme, Error> {
    let mut files: BTreeMap<String, Vec<u8>> = builtin_files()
        .into_iter()
        .map(|(path, bytes)| (path, bytes.to_vec()))
        .collect();
    let folder = root.join("themes").join(name);
    if folder.is_dir() {
        for entry in walkdir::WalkDir::new(&folder).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::io(&folder, e.into()))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let relative = entry.path().strip_prefix(&folder).unwrap_or(entry.path());
            let key = relative.to_string_lossy().replace('\\', "/");
            if key == "theme.yaml" {
                continue; // merged below, key by key
            }
            let bytes = std::fs::read(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
            files.insert(key, bytes);
        }
    } else if name != "default" {
        return Err(Error::usage(
            format!("theme `{name}` does not exist: there is no folder `themes/{name}/`"),
            Some("use `theme: default` in content/site.yaml, or add the theme's folder"),
        ));
    }

    let mut templates = Vec::new();
    let mut static_files = BTreeMap::new();
    for (path, bytes) in &files {
        if let Some(name) = path.strip_prefix("templates/") {
            let text = String::from_utf8(bytes.clone()).map_err(|_| Error::Template {
                name: name.to_owned(),
                message: "the template is not UTF-8 text".to_owned(),
            })?;
            templates.push((name.to_owned(), text));
        } else if let Some(name) = path.strip_prefix("static/") {
            static_files.insert(name.to_owned(), bytes.clone());
        }
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| Error::template(&template_in_error(&e, &folder), &e))?;

    let strings = strings(&folder, language)?;
    let own = folder.join("theme.yaml");
    let own_text = if own.is_file() {
        Some(std::fs::read_to_string(&own).map_err(|e| Error::io(&own, e))?)
    } else {
        None
    };
    let cards = crate::theme::cards::load(
        &files,
        builtin_yaml(),
        own_text.as_deref().map(|t| (own.as_path(), t)),
    )?;
    Ok(Theme {
        tera,
        strings,
        static_files,
        cards,
    })
}

fn template_in_error(error: &tera::Error, folder: &Path) -> String {
    let text = error.to_string();
    match text.split('\'').nth(1) {
        Some(name) => folder.join("templates").join(name).display().to_string(),
        None => folder.display().to_string(),
    }
}

fn builtin_yaml() -> &'static str {
    BUILTIN
        .get_file("theme.yaml")
        .and_then(|f| f.contents_utf8())
        .expect("the built-in theme has a theme.yaml")
}

/// The built-in strings of `language`, with those of the site's `theme.yaml` laid over them.
fn strings(folder: &Path, language: Language) -> Result<Strings, Error> {
    let builtin: serde_yaml::Value =
        serde_yaml::from_str(builtin_yaml()).expect("the built-in theme.yaml is valid YAML");
    let mut strings = lookup(&builtin, language).unwrap_or_default();
    let own = folder.join("theme.yaml");
    if own.is_file() {
        let text = std::fs::read_to_string(&own).map_err(|e| Error::io(&own, e))?;
        let value: serde_yaml::Value = serde_yaml::from_str(&text).map_err(|e| {
            Error::usage(
                format!("`{}` is not valid YAML: {e}", own.display()),
                Some("check the quotes and indentation"),
            )
        })?;
        if let Some(own_strings) = lookup(&value, language) {
            strings.extend(own_strings);
        }
    }
    Ok(Strings(strings))
}

fn lookup(theme: &serde_yaml::Value, language: Language) -> Option<BTreeMap<String, String>> {
    let value = theme.get("strings")?.get(language.code())?;
    serde_yaml::from_value(value.clone()).ok()
}
