//! The web editor at `/admin/`, for staff who do not use git: Decap CMS, configured from
//! werkenbij's own front-matter types (`fields.rs`) so that it can never offer a key the build
//! refuses, and a page that loads it (`page.rs`). Written only when `site.yaml` has `editor:`.
//! Nothing in it comes from the content: no story, name or consent is in these files.

mod fields;
mod page;

use serde_json::json;
#[cfg(test)]
use serde_json::Value;

use crate::content::config::SiteConfig;
use crate::content::editor::EditorConfig;
use crate::model::Site;

/// The editor's version, pinned: the page loads exactly this file, checked by its hash.
pub const DECAP_URL: &str = "https://unpkg.com/decap-cms@3.16.3/dist/decap-cms.js";
/// `sha384` of `dist/decap-cms.js` in the npm package `decap-cms@3.16.3`, for Subresource Integrity.
pub const DECAP_INTEGRITY: &str =
    "sha384-A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p";

/// The folder of the editor in the output.
pub const FOLDER: &str = "admin";

/// The editor's files (`admin/index.html`, `admin/config.yml`), or none when the site has no
/// `editor:`.
pub fn files(site: &Site) -> Vec<(String, Vec<u8>)> {
    let Some(editor) = &site.config.editor else {
        return Vec::new();
    };
    vec![
        (
            format!("{FOLDER}/index.html"),
            page::html(&site.config, editor).into_bytes(),
        ),
        (
            format!("{FOLDER}/config.yml"),
            config_yml(&site.config, editor).into_bytes(),
        ),
    ]
}

/// The paths `files` writes, for the checks that need to know every file of the output.
pub fn paths(site: &Site) -> Vec<String> {
    match site.config.editor {
        Some(_) => vec![
            format!("{FOLDER}/index.html"),
            format!("{FOLDER}/config.yml"),
        ],
        None => Vec::new(),
    }
}

/// Decap's `config.yml`.
fn config_yml(config: &SiteConfig, editor: &EditorConfig) -> String {
    let mut backend = json!({
        "name": editor.backend,
        "repo": editor.repo,
        "branch": editor.branch,
        "squash_merges": true,
    });
    if let Some(api_root) = &editor.api_root {
        backend["api_root"] = api_root.as_str().into();
    }
    if let Some(auth_url) = &editor.auth_url {
        backend["base_url"] = auth_url.as_str().into();
    }
    if let Some(app_id) = &editor.app_id {
        backend["app_id"] = app_id.as_str().into();
        backend["auth_type"] = "pkce".into();
    }
    let mut yml = json!({
        "backend": backend,
        // `npx decap-server` in the site folder lets an editor work on their own copy, at
        // http://localhost…/admin/ only.
        "local_backend": true,
        "locale": config.language.code(),
        "site_url": config.base_url,
        "display_url": config.base_url,
        "media_folder": "static/uploads",
        "public_folder": "/uploads",
        "omit_empty_optional_fields": true,
        "slug": {"encoding": "ascii", "clean_accents": true, "sanitize_replacement": "-"},
        "collections": fields::collections(config),
    });
    if editor.editorial_workflow {
        yml["publish_mode"] = "editorial_workflow".into();
    }
    let text = serde_yaml::to_string(&yml).unwrap_or_default();
    format!("# Written by `werkenbij build` from site.yaml and werkenbij's front-matter types; edits are overwritten.\n{text}")
}

/// The value Decap reads, for tests.
#[cfg(test)]
fn config_value(config: &SiteConfig) -> Value {
    let editor = config.editor.as_ref().expect("an editor");
    serde_yaml::from_str::<Value>(&config_yml(config, editor)).expect("config.yml is YAML")
}

#[cfg(test)]
mod tests;
