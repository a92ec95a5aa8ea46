//! `werkenbij report --visits FILE…`: reads the visit files, warns about lines it cannot read,
//! counts the period, and writes the report to `--out` only outside the site's output and
//! sources.

use std::path::{Component, Path, PathBuf};

use crate::base::date::Day;
use crate::base::diagnostics::Diagnostics;
use crate::base::error::Error;
use crate::model::Site;
use crate::visits::{self, Period, Visits};

use super::args::VisitsArgs;
use super::print::{self, Style};

/// The reach figures, or `None` without `--visits`.
pub(super) fn reach(site: &Site, args: &VisitsArgs, style: Style) -> Result<Option<Visits>, Error> {
    if args.files.is_empty() {
        return Ok(None);
    }
    let asked = Period {
        since: day("--since", args.since.as_deref())?,
        until: day("--until", args.until.as_deref())?,
    };
    let read = visits::read_files(&args.files)?;
    let mut warnings = Diagnostics::new();
    warnings.extend(read.malformed.iter().map(|m| m.diagnostic()));
    // The files are named as given on the command line, not relative to the site.
    print::diagnostics(
        &mut std::io::stderr(),
        warnings,
        Path::new("."),
        style,
        site.config.language,
    );
    let period = visits::period(asked, &read.hits, site.today).map_err(|(since, until)| {
        Error::usage(
            format!("--since {since} is after --until {until}"),
            Some("the period runs from --since up to and including --until"),
        )
    })?;
    Ok(Some(visits::count(site, &read, period)))
}

fn day(flag: &str, text: Option<&str>) -> Result<Option<Day>, Error> {
    text.map(|text| {
        Day::parse(text).map_err(|message| {
            Error::usage(format!("{flag}: {message}"), Some("e.g. `2026-11-01`"))
        })
    })
    .transpose()
}

/// Folders of the site `--out` may not point into: the built site and its sources.
const FORBIDDEN: &[&str] = &["public", "static", "content", "themes"];

/// Refuses an `--out` inside the site's output folder or its sources: the report with visit
/// figures is for the programme team, not for the public site.
pub(super) fn check_out(root: &Path, out: &Path) -> Result<(), Error> {
    let root = absolute(root);
    let out = absolute(out);
    for folder in FORBIDDEN {
        if out.starts_with(root.join(folder)) {
            return Err(Error::usage(
                format!(
                    "--out {} is inside `{folder}/` of the site: the report would be published",
                    out.display()
                ),
                Some("write it outside the site, e.g. `--out ../rapport.html`, and share it with the programme team only"),
            ));
        }
    }
    Ok(())
}

/// The report into `--out`, after `check_out`.
pub(super) fn write_out(out: &Path, text: &str) -> Result<(), Error> {
    std::fs::write(out, text).map_err(|e| Error::io(out, e))
}

/// `path` from the root of the file system, with `..` resolved and symbolic links of the part
/// that exists followed.
fn absolute(path: &Path) -> PathBuf {
    let path = std::env::current_dir()
        .map(|cwd| cwd.join(path))
        .unwrap_or_else(|_| path.to_owned());
    let mut clean = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    let mut existing = clean.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        let Some(parent) = existing.parent() else {
            return clean;
        };
        rest.push(existing.file_name().map(PathBuf::from).unwrap_or_default());
        existing = parent;
    }
    let mut resolved = existing
        .canonicalize()
        .unwrap_or_else(|_| existing.to_owned());
    for part in rest.into_iter().rev() {
        resolved.push(part);
    }
    resolved
}
