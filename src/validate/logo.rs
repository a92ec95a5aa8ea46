//! The organisation's logo (`organization.logo` in site.yaml), checked when the site was loaded:
//! served from its place in `static/` or else copied to the site's root.

use std::path::PathBuf;

use crate::validate::Validator;

impl Validator<'_> {
    /// The logo's site path, and its file when it must be copied there (outside `static/`, or
    /// reached through a link the static files do not follow).
    pub(super) fn logo(&self) -> (Option<String>, Option<PathBuf>) {
        let Some(logo) = &self.content.logo else {
            return (None, None);
        };
        match logo.relative.strip_prefix("static") {
            Ok(rest) if logo.in_static => (
                Some(format!("/{}", rest.to_string_lossy().replace('\\', "/"))),
                None,
            ),
            _ => {
                let name = logo
                    .relative
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (Some(format!("/{name}")), Some(logo.source.clone()))
            }
        }
    }
}
