//! A build of unchanged inputs into an output folder that is as the last build left it writes
//! nothing: the fingerprint of everything a build reads and of how it was asked to build, and
//! what that build reported, are kept in the output's record (`output::record`), and the next
//! build with the same fingerprint reports the same and stops.
//!
//! A build whose inputs differ only in the Markdown and YAML files of `content/` (what is parsed
//! into the model) renders only the pages its changes touch: the record also keeps the
//! fingerprint of everything else (`Inputs::settings`) and the model's fingerprints
//! (`render::touched`), which say what the changes touch.
//!
//! The fingerprint is taken before anything is loaded: a file changed while a build reads it
//! gives a fingerprint that no later build matches, so that build is never taken as current.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Options, Report, Summary};
use crate::base::diagnostics::Diagnostics;
use crate::base::error::Error;
use crate::base::language::Language;
use crate::images::cache::ImageCache;
use crate::output::{folders, DiskOutput};
use crate::render::touched::Fingerprints;

/// The folders of the site a build reads; a file elsewhere that it reads (the logo may be
/// anywhere in the site folder) is listed in the record as an extra input.
const READ: [&str; 3] = ["content", "static", "themes"];

/// What a finished build keeps with its output.
#[derive(Debug, Serialize, Deserialize)]
struct Kept {
    inputs: Option<String>,
    #[serde(default)]
    settings: Option<String>,
    #[serde(default)]
    fingerprints: Option<Fingerprints>,
    /// Files read outside `READ`, with the hash of each.
    extra: Vec<(PathBuf, String)>,
    diagnostics: Diagnostics,
    summary: Summary,
    language: Language,
}

/// The fingerprint of a build about to start: this program, the options that shape the output,
/// and every file of the folders it reads; none when a symbolic link there could lead anywhere
/// (such a build is never taken as unchanged).
pub(crate) struct Inputs {
    all: Option<String>,
    /// The same without the files that are parsed into the model (the Markdown and YAML of
    /// `content/`), whose changes the model's fingerprints follow.
    settings: Option<String>,
}

/// Whether the file at `relative` (from the site root) is parsed into the model.
fn parsed_into_model(relative: &str) -> bool {
    relative.starts_with("content/")
        && [".md", ".yaml", ".yml"]
            .iter()
            .any(|extension| relative.ends_with(extension))
}

/// A BLAKE3 hasher fed with length-prefixed parts, so that no two lists of parts feed it alike.
struct Parts(blake3::Hasher);

impl Parts {
    fn part(&mut self, bytes: &[u8]) {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
    }

    fn finish(&self) -> String {
        self.0.finalize().to_hex().to_string()
    }
}

impl Inputs {
    pub(crate) fn of(options: &Options) -> Inputs {
        let mut settings = Parts(blake3::Hasher::new());
        let mut part = |bytes: &[u8]| settings.part(bytes);
        part(program().as_bytes());
        let root = folders::absolute(&options.root);
        part(root.as_os_str().as_encoded_bytes());
        part(&[u8::from(options.drafts)]);
        part(options.base_url.as_deref().unwrap_or("").as_bytes());
        part(options.today.to_string().as_bytes());
        // A build told to use another image cache fills that one.
        part(
            folders::absolute(&super::cache_dir(options))
                .as_os_str()
                .as_encoded_bytes(),
        );
        // Debug builds can be told to fail on purpose: such a build is never the same build.
        if cfg!(debug_assertions) {
            part(
                std::env::var("WERKENBIJ_FAULT")
                    .unwrap_or_default()
                    .as_bytes(),
            );
        }
        let Some(files) = files_below(&root) else {
            return Inputs {
                all: None,
                settings: None,
            };
        };
        let mut all = Parts(blake3::Hasher::new());
        for (path, hash) in files {
            let hasher = if parsed_into_model(&path) {
                &mut all
            } else {
                &mut settings
            };
            hasher.part(path.as_bytes());
            hasher.part(hash.as_bytes());
        }
        // Everything: the files parsed into the model, and the settings.
        let settings = settings.finish();
        all.part(settings.as_bytes());
        Inputs {
            all: Some(all.finish()),
            settings: Some(settings),
        }
    }
}

/// This program: its version, and the size and time of its executable, so that a rebuilt binary
/// (another theme built in, another renderer) never takes an output of the previous one as its
/// own.
pub(super) fn program() -> String {
    let executable = std::env::current_exe()
        .ok()
        .and_then(|exe| std::fs::metadata(exe).ok())
        .map(|m| {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .unwrap_or_default();
            format!("{} {}", m.len(), modified.as_nanos())
        })
        .unwrap_or_default();
    format!("{} {executable}", env!("CARGO_PKG_VERSION"))
}

/// Every file below the read folders of `root`, by relative path, with the hash of its bytes,
/// sorted by path; none when there is a symbolic link among them, or a file or folder that cannot
/// be read (the build then reports it at its place, as it always did).
fn files_below(root: &Path) -> Option<Vec<(String, String)>> {
    let mut paths = Vec::new();
    for folder in READ {
        let dir = root.join(folder);
        if !dir.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&dir) {
            let entry = entry.ok()?;
            if entry.path_is_symlink() {
                return None;
            }
            if entry.file_type().is_file() {
                paths.push(entry.into_path());
            }
        }
    }
    let mut files = paths
        .par_iter()
        .map(|path| {
            let relative = path.strip_prefix(root).unwrap_or(path);
            Some((
                relative.to_string_lossy().into_owned(),
                hash_file(path).ok()?,
            ))
        })
        .collect::<Option<Vec<_>>>()?;
    files.sort();
    Some(files)
}

fn hash_file(path: &Path) -> Result<String, Error> {
    let mut hasher = blake3::Hasher::new();
    hasher
        .update_reader(std::fs::File::open(path).map_err(|e| Error::io(path, e))?)
        .map_err(|e| Error::io(path, e))?;
    Ok(hasher.finalize().to_hex().to_string())
}

/// The report of the build of the output in place, when it was built from these inputs and the
/// folder is as that build left it: then there is nothing to build.
pub(crate) fn previous_report(
    output: &DiskOutput,
    inputs: &Inputs,
    cache: &ImageCache,
    started: std::time::Instant,
) -> Option<Report> {
    let now = inputs.all.as_ref()?;
    let kept = kept_by(output)?;
    if kept.inputs.as_ref() != Some(now) {
        return None;
    }
    if !extra_unchanged(&kept.extra) || !output.is_as_previous_build_left_it() {
        return None;
    }
    let cache_bytes = cache
        .size()
        .map_or(kept.summary.cache_bytes, |(_, bytes)| bytes);
    Some(Report {
        diagnostics: kept.diagnostics,
        config_error: false,
        built: Some(Summary {
            // Every image is as it was taken from the cache, and none was made.
            cached_images: kept.summary.images,
            cache_bytes,
            seconds: started.elapsed().as_secs_f64(),
            unchanged: true,
            ..kept.summary
        }),
        language: kept.language,
    })
}

/// What the build of the output in place kept with it, when its record is trusted.
fn kept_by(output: &DiskOutput) -> Option<Kept> {
    serde_json::from_value(output.previous()?.clone()).ok()
}

/// The model's fingerprints kept by the build of the output in place, when that build had the
/// settings of this one (only files parsed into the model differ) and the folder is as it left
/// it: then only the pages that the differences touch need rendering, and the others can be kept.
pub(crate) fn previous_fingerprints(output: &DiskOutput, inputs: &Inputs) -> Option<Fingerprints> {
    let now = inputs.settings.as_ref()?;
    let kept = kept_by(output)?;
    if kept.settings.as_ref() != Some(now) || !extra_unchanged(&kept.extra) {
        return None;
    }
    let fingerprints = kept.fingerprints?;
    output
        .is_as_previous_build_left_it()
        .then_some(fingerprints)
}

/// Whether every file read outside the read folders still has its hash.
fn extra_unchanged(extra: &[(PathBuf, String)]) -> bool {
    extra
        .par_iter()
        .all(|(path, hash)| hash_file(path).is_ok_and(|now| &now == hash))
}

/// What the output of a finished build keeps for the next build: its inputs, the model's
/// fingerprints, the files it read outside the read folders, and its report.
pub(crate) fn kept(
    inputs: Inputs,
    fingerprints: Fingerprints,
    root: &Path,
    read_elsewhere: Option<&Path>,
    diagnostics: &Diagnostics,
    summary: &Summary,
    language: Language,
) -> Result<serde_json::Value, Error> {
    let root = folders::absolute(root);
    let mut extra = Vec::new();
    if let Some(path) = read_elsewhere {
        let path = folders::absolute(path);
        let inside_read = READ
            .iter()
            .any(|folder| path.starts_with(root.join(folder)));
        if !inside_read {
            extra.push((path.clone(), hash_file(&path)?));
        }
    }
    let kept = Kept {
        inputs: inputs.all,
        settings: inputs.settings,
        fingerprints: Some(fingerprints),
        extra,
        diagnostics: diagnostics.clone(),
        summary: *summary,
        language,
    };
    serde_json::to_value(kept).map_err(|e| Error::Internal {
        message: format!("cannot keep the build's report: {e}"),
    })
}
