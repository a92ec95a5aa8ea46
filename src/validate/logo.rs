//! The organisation's logo (`organization.logo` in site.yaml): a file inside the site folder, served
//! from its place in `static/` or else copied to the site's root.

use std::path::{Path, PathBuf};

use crate::base::source::{SourceFile, Span};
use crate::validate::links::inside_site;
use crate::validate::Validator;

impl Validator<'_> {
    /// The logo's site path, and its file when it must be copied there (outside `static/`).
    pub(super) fn logo(&mut self) -> (Option<String>, Option<PathBuf>) {
        let Some(logo) = &self.content.config.organization.logo else {
            return (None, None);
        };
        let file = &self.content.config_file;
        let error = |message: String| file.error(find_span(file, "logo"), message);
        let relative = match inside_site(Path::new("site.yaml"), logo) {
            Ok(relative) => relative,
            Err(message) => {
                self.diagnostics.push(error(message));
                return (None, None);
            }
        };
        if !self.content.root.join(&relative).is_file() {
            self.diagnostics
                .push(error(format!("logo `{logo}` does not exist")).with_hint(
                    "`organization.logo` is relative to the site folder, e.g. `static/logo.svg`",
                ));
            return (None, None);
        }
        match relative.strip_prefix("static") {
            Ok(rest) => (
                Some(format!("/{}", rest.to_string_lossy().replace('\\', "/"))),
                None,
            ),
            Err(_) => {
                let name = relative
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (
                    Some(format!("/{name}")),
                    Some(self.content.root.join(&relative)),
                )
            }
        }
    }
}

/// The span of a `key:` line in a whole YAML file (site.yaml), for the few checks made after parsing.
fn find_span(file: &SourceFile, key: &str) -> Span {
    let needle = format!("{key}:");
    match file.text.find(&needle) {
        Some(offset) => {
            let value = file.text[offset + needle.len()..]
                .find(|c: char| !c.is_whitespace())
                .map_or(offset, |i| offset + needle.len() + i);
            let end = file.text[value..]
                .find([',', '}', '\n'])
                .map_or(file.text.len(), |i| value + i);
            file.span(value, end)
        }
        None => Span::file_start(),
    }
}
