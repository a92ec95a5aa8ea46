//! The web editor's self-hosted script (`editor.script` in site.yaml) is a file of `static/`.

use std::path::Path;

use crate::base::diagnostics::{Diagnostic, Severity};
use crate::content::config::SITE_FILE;
use crate::validate::Validator;

impl Validator<'_> {
    pub(super) fn editor_script(&mut self) {
        let Some(editor) = &self.content.config.editor else {
            return;
        };
        let Some(script) = &editor.script else {
            return;
        };
        let relative = Path::new(script.trim_start_matches('/'));
        if self.content.static_files.iter().any(|f| f == relative) {
            return;
        }
        let wanted = Path::new("static").join(relative);
        let wanted = wanted.display();
        self.diagnostics.push(
            Diagnostic::new(
                Severity::Error,
                Path::new(SITE_FILE),
                editor.script_span,
                crate::text!(
                    "`editor.script` is `{script}`, but there is no `{wanted}`",
                    "`editor.script` is `{script}`, maar `{wanted}` bestaat niet"
                ),
            )
            .with_hint(crate::text!(
                "copy `dist/decap-cms.js` of the npm package `decap-cms` to `{wanted}`, or leave `script` out to load the pinned version",
                "kopieer `dist/decap-cms.js` uit het npm-pakket `decap-cms` naar `{wanted}`, of laat `script` weg om de vastgezette versie te laden"
            )),
        );
    }
}
