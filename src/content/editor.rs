//! `editor:` in `site.yaml`: the web editor at `/admin/` and the git host it commits to.

use serde::Deserialize;

use crate::base::diagnostics::{did_you_mean, Diagnostic};
use crate::base::source::SourceFile;
use crate::base::yaml::YamlDocument;

/// The git hosts the editor (Decap CMS) can commit to.
pub const BACKENDS: &[&str] = &["github", "gitlab", "gitea", "bitbucket"];

pub const KEYS: &[&str] = &[
    "backend",
    "repo",
    "branch",
    "editorial_workflow",
    "script",
    "api_root",
    "auth_url",
    "app_id",
];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditorConfig {
    pub backend: String,
    /// `owner/name` on the git host.
    pub repo: String,
    #[serde(default = "default_branch")]
    pub branch: String,
    /// Draft → in review → ready, as branches and pull requests, before anything is published.
    #[serde(default)]
    pub editorial_workflow: bool,
    /// A self-hosted copy of the editor's script: a path of a file in `static/` (`/admin/decap-cms.js`).
    #[serde(default)]
    pub script: Option<String>,
    /// Where `script` is written, for the check that its file is in `static/`.
    #[serde(skip)]
    pub script_span: crate::base::source::Span,
    /// The API of a self-hosted GitLab or Gitea (`https://git.example.nl/api/v4`).
    #[serde(default)]
    pub api_root: Option<String>,
    /// The OAuth server that signs editors in (GitHub and Bitbucket need one).
    #[serde(default)]
    pub auth_url: Option<String>,
    /// The OAuth application id (GitLab and Gitea, PKCE).
    #[serde(default)]
    pub app_id: Option<String>,
}

fn default_branch() -> String {
    "main".to_owned()
}

/// Every problem of the values of `editor:`, each at its value.
pub fn check(editor: &EditorConfig, file: &SourceFile, yaml: &YamlDocument) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    if !BACKENDS.contains(&editor.backend.as_str()) {
        let list = BACKENDS.join(", ");
        let hint = did_you_mean(&editor.backend.to_lowercase(), BACKENDS.iter().copied())
            .unwrap_or_else(|| crate::text!("use one of {list}", "gebruik een van deze: {list}"));
        let backend = &editor.backend;
        found.push(
            file.error(
                yaml.span("editor.backend"),
                crate::text!(
                    "unknown editor backend `{backend}`",
                    "onbekende editor-backend `{backend}`"
                ),
            )
            .with_hint(hint),
        );
    }
    let parts: Vec<&str> = editor.repo.split('/').collect();
    if parts.len() < 2 || parts.iter().any(|p| p.trim().is_empty() || p.contains(' ')) {
        let repo = &editor.repo;
        found.push(
            file.error(
                yaml.span("editor.repo"),
                crate::text!(
                    "`editor.repo` must be `owner/name`, found `{repo}`",
                    "`editor.repo` moet `eigenaar/naam` zijn, maar is `{repo}`"
                ),
            )
            .with_hint(crate::text!(
                "write the repository as in its address: `zorggroep/werkenbij` for https://github.com/zorggroep/werkenbij",
                "schrijf de repository zoals in het adres: `zorggroep/werkenbij` voor https://github.com/zorggroep/werkenbij"
            )),
        );
    }
    if let Some(script) = &editor.script {
        if !script.starts_with('/') || script.starts_with("//") || script.contains("..") {
            found.push(
                file.error(
                    yaml.span("editor.script"),
                    crate::text!(
                        "`editor.script` must be the path of a file in `static/`, found `{script}`",
                        "`editor.script` moet het pad van een bestand in `static/` zijn, maar is `{script}`"
                    ),
                )
                .with_hint(crate::text!(
                    "put a copy of `decap-cms.js` in `static/admin/` and write `/admin/decap-cms.js`; leave `script` out to load the pinned version from unpkg.com",
                    "zet een kopie van `decap-cms.js` in `static/admin/` en schrijf `/admin/decap-cms.js`; laat `script` weg om de vastgezette versie van unpkg.com te laden"
                )),
            );
        }
    }
    for (key, value) in [
        ("api_root", &editor.api_root),
        ("auth_url", &editor.auth_url),
    ] {
        if let Some(url) = value {
            if !url.starts_with("https://") && !url.starts_with("http://") {
                found.push(file.error(
                    yaml.span(&format!("editor.{key}")),
                    crate::text!(
                        "`editor.{key}` must be an absolute http(s) URL, found `{url}`",
                        "`editor.{key}` moet een volledige http(s)-URL zijn, maar is `{url}`"
                    ),
                ));
            }
        }
    }
    found
}
