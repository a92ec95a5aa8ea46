//! The previous output, kept beside the new one after a swap (`.NAME.werkenbij-spare`, with its
//! record in `.NAME.werkenbij-spare-record`), so that the next build starts its staging folder
//! from it: a file that build writes with the bytes the spare already has stays as it is, and
//! only the files that differ are written, linked or removed. Building a staging folder of tens of
//! thousands of links, and removing as many after the swap, cost more than a small edit's whole
//! build.
//!
//! The spare is kept only when the two outputs share most of their files (hard links to the same
//! bytes), so it takes little room; a build that changed most files removes it, as before.
//! A spare whose record is missing, of another build, or that no longer matches it is removed.
//! Its files may be the same files as those of the output: they are never written in place
//! (see `DiskOutput::put`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::lock;
use super::record::{self, Record};

/// Keep the previous output when at least this share of the new output's files are links to it:
/// it then takes at most as much room again as the files that changed.
const SHARED: f64 = 0.5;

fn folder(target: &Path) -> PathBuf {
    lock::beside(target, "spare")
}

fn record_place(target: &Path) -> PathBuf {
    lock::beside(target, "spare-record")
}

/// Turns the spare of `target` into the staging folder `staging`, and returns its record; none,
/// with the spare removed, when it cannot be trusted or there is none. Its record is removed
/// first: a build killed from here on leaves a folder that the next build removes.
pub(super) fn take(target: &Path, staging: &Path, stamp: &str) -> std::io::Result<Option<Record>> {
    let spare = folder(target);
    let place = record_place(target);
    let kept = super::build_in_stamp(&spare).and_then(|build| record::read_at(&place, &build));
    remove_file_if_there(&place)?;
    if !spare.exists() {
        return Ok(None);
    }
    match kept {
        Some(record) if record::folder_matches(&spare, &record, stamp) => {
            std::fs::rename(&spare, staging)?;
            Ok(Some(record))
        }
        _ => {
            super::remove_tree(&spare)?;
            Ok(None)
        }
    }
}

/// After a swap: keeps `previous` (the folder that was the output, described by `record`) as the
/// spare when the new output shares `shared` of its `files` files with it, else removes it.
pub(super) fn keep_or_remove(
    target: &Path,
    previous: &Path,
    record: Option<&Record>,
    shared: usize,
    files: usize,
) -> std::io::Result<()> {
    let Some(record) = record.filter(|_| shared as f64 >= SHARED * files as f64) else {
        return super::remove_tree(previous);
    };
    std::fs::rename(previous, folder(target))?;
    // Killed here, the spare has no record, and the next build removes it.
    record::write_at(&record_place(target), record)
}

/// Removes from the staging folder the files of the spare it started from that this build did not
/// write (`written`), and the folders they leave empty.
pub(super) fn remove_stale(
    staging: &Path,
    spare: &Record,
    written: &BTreeMap<String, String>,
) -> std::io::Result<()> {
    let stale: Vec<&String> = spare
        .files
        .keys()
        .filter(|path| !written.contains_key(*path))
        .collect();
    stale
        .par_iter()
        .try_for_each(|path| remove_file_if_there(&staging.join(path)))?;
    // Each folder that held a stale file, deepest first, while it is empty.
    let mut folders: Vec<PathBuf> = stale
        .iter()
        .flat_map(|path| Path::new(path.as_str()).ancestors().skip(1))
        .filter(|folder| !folder.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .collect();
    folders.sort_by(|a, b| {
        (b.components().count(), b.as_path()).cmp(&(a.components().count(), a.as_path()))
    });
    folders.dedup();
    for folder in folders {
        let full = staging.join(&folder);
        let empty = std::fs::read_dir(&full).is_ok_and(|mut entries| entries.next().is_none());
        if empty {
            std::fs::remove_dir(&full)?;
        }
    }
    Ok(())
}

fn remove_file_if_there(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
