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

use super::record::{self, Record};
use super::{lock, remove_file_if_there};

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
    // A stale path may already be gone, or be a folder of this build now (see `DiskOutput`'s
    // `clear_way`): only a file there is the spare's.
    stale.par_iter().try_for_each(|path| {
        let full = staging.join(path);
        match std::fs::symlink_metadata(&full) {
            Ok(metadata) if metadata.is_file() => std::fs::remove_file(&full),
            _ => Ok(()),
        }
    })?;
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

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::output::{DiskOutput, Output};

    /// One build of `files` into `root/public`, as the pipeline runs it.
    fn build(root: &std::path::Path, files: &[(&str, &str)]) {
        let target = root.join("public");
        let cache = root.join(".werkenbij-cache");
        let mut output =
            DiskOutput::prepare(root, &target, &cache, false, Duration::from_secs(5)).unwrap();
        output.start_from_spare().unwrap();
        for (path, text) in files {
            output.write(path, text.as_bytes()).unwrap();
        }
        output.commit(Some(serde_json::json!({}))).unwrap();
    }

    fn files(root: &std::path::Path) -> Vec<String> {
        let public = root.join("public");
        let mut found: Vec<String> = walkdir::WalkDir::new(&public)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(&public)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .filter(|path| path != crate::output::STAMP)
            .collect();
        found.sort();
        found
    }

    #[test]
    fn a_file_of_the_spare_where_a_build_needs_a_folder_gives_way_and_stale_files_go() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        build(root, &[("a", "1"), ("c/d.html", "d")]);
        // Two of three files linked to the first output: it is kept as the spare.
        build(root, &[("a", "1"), ("b", "2"), ("c/d.html", "d")]);
        assert!(root.join(".public.werkenbij-spare").is_dir());
        // Started from the spare (the first output: the file `a`, the folder `c`).
        build(root, &[("a/index.html", "3"), ("c", "4")]);
        assert_eq!(files(root), ["a/index.html", "c"]);
        assert_eq!(
            std::fs::read_to_string(root.join("public/a/index.html")).unwrap(),
            "3"
        );
    }
}
