//! The privacy audit (`werkenbij audit`, `build --audit`): a built output folder read back and
//! held against the site. It loads, validates and plans the site exactly as `build` does
//! (`pipeline::load_with_content`, `pipeline::write_site` into a list of paths), then reads every
//! file in the output: files the build does not produce (`planned`), image metadata
//! (`metadata`), traces of what consent keeps off the site and undeclared contact details
//! (`traces`), and requests to other hosts (`hosts`).

mod hosts;
mod metadata;
mod planned;
mod traces;

use std::path::Path;

use crate::base::error::Error;
use crate::content::Loaded;
use crate::images::cache::ImageCache;
use crate::pipeline::{self, Options};

/// One problem in one file of the output; `path` is relative to the output folder, with `/`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    pub path: String,
    pub message: String,
}

/// What the audit found in `files` files.
#[derive(Debug, Default)]
pub struct Audit {
    pub files: usize,
    pub findings: Vec<Finding>,
}

/// Audits the output folder `options.out` against the site in `options.root`; the site's own
/// problems (it does not load, or has errors) come back as its diagnostics instead.
pub fn run(options: &Options) -> Result<Loaded<Option<Audit>>, Error> {
    let (content, validated, diagnostics) = match pipeline::load_with_content(options)? {
        Loaded::Ready((Some(content), validated), diagnostics) => (content, validated, diagnostics),
        Loaded::Ready((None, _), diagnostics) | Loaded::ConfigErrors(diagnostics) => {
            return Ok(Loaded::ConfigErrors(diagnostics))
        }
    };
    if diagnostics.has_errors() {
        return Ok(Loaded::Ready(None, diagnostics));
    }
    let site = &validated.site;
    let theme = crate::theme::load(&options.root, &site.config.theme, site.config.language)?;
    let cache = ImageCache::new(pipeline::cache_dir(options));
    let planned = planned::Planned::default();
    if let Err(found) = pipeline::write_site(&validated, &theme, &planned, &cache, false)? {
        let mut diagnostics = diagnostics;
        diagnostics.extend(found);
        return Ok(Loaded::Ready(None, diagnostics));
    }
    let planned = planned.into_paths();
    let files = output_files(&options.out)?;
    let traces = traces::Traces::of(&content, site);
    let mut findings = Vec::new();
    for (path, full) in &files {
        let mut found = |message: String| {
            findings.push(Finding {
                path: path.clone(),
                message,
            })
        };
        if !planned.contains(path) {
            found("not produced from published content: remove it (a build into an empty folder leaves it out)".to_owned());
        }
        let bytes = std::fs::read(full).map_err(|e| Error::io(full, e))?;
        if let Some(kinds) = metadata::found(path, &bytes) {
            found(format!("image metadata: {kinds}"));
        }
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        traces.check(path, text, &mut found);
        // The editor's page may load its pinned script (checked by its hash); no public page may.
        let editor_script = (path == "admin/index.html" && site.config.editor.is_some())
            .then(|| format!("`{}`", crate::editor::DECAP_URL));
        hosts::check(path, text, &site.config.base_url, &mut |finding: String| {
            if editor_script
                .as_ref()
                .is_none_or(|url| !finding.contains(url.as_str()))
            {
                found(finding)
            }
        });
    }
    findings.sort();
    Ok(Loaded::Ready(
        Some(Audit {
            files: files.len(),
            findings,
        }),
        diagnostics,
    ))
}

/// Every file under `out` (relative path with `/`, full path), sorted; a missing folder is a
/// usage error.
fn output_files(out: &Path) -> Result<Vec<(String, std::path::PathBuf)>, Error> {
    if !out.is_dir() {
        return Err(Error::usage(
            format!("`{}` is not a built output folder", out.display()),
            Some("build the site first (`werkenbij build`), or pass `--out DIR`"),
        ));
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(out).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(out).to_owned();
            Error::io(&path, e.into())
        })?;
        if entry.file_type().is_dir() {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(out)
            .expect("walkdir yields paths under its root")
            .to_string_lossy()
            .replace('\\', "/");
        // The stamp marks the folder as a werkenbij output; it is not part of the site.
        if relative != crate::output::STAMP {
            files.push((relative, entry.path().to_owned()));
        }
    }
    Ok(files)
}
