//! The record of an output folder's last build, kept beside it (`.NAME.werkenbij-record`, so it
//! is never published): every file the folder holds, with a token for its bytes and its size and
//! time once written, and what the build that made it stored with it. The next build links the
//! files whose bytes it would write again instead of writing them, and the pipeline may find that
//! there is nothing to build at all.
//!
//! A record is trusted only for the folder it was written with: both carry the same build id (the
//! record in its `build`, the folder in its stamp). A folder swapped in by a build that died
//! before writing its record, or replaced by hand, has another id or none, and then nothing is
//! linked: every file is written again.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::lock;

/// The version of the record's layout; a record of another version is not read.
const FORMAT: u32 = 1;

/// What a build left in an output folder.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Record {
    format: u32,
    /// The id in the stamp of the folder this record describes.
    pub build: String,
    /// Every file of the folder but the stamp, by its path in the folder.
    pub files: BTreeMap<String, Written>,
    /// What the caller keeps with the folder (the pipeline: the fingerprint of the inputs and what
    /// the build reported).
    pub about: serde_json::Value,
}

/// One written file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Written {
    /// Equal tokens are equal bytes: the BLAKE3 of the bytes, or the image cache entry they were
    /// copied from (whose name is the hash of everything that decides its bytes).
    pub token: String,
    #[serde(flatten)]
    pub state: FileState,
}

/// What the file system says of a file: when it changes, the file was changed after the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileState {
    pub size: u64,
    /// Modification time, nanoseconds since 1970.
    pub modified: u64,
}

impl FileState {
    /// The state of the file at `path`, if it is a regular file.
    pub fn of(path: &Path) -> Option<FileState> {
        let metadata = std::fs::symlink_metadata(path).ok()?;
        FileState::from_metadata(&metadata)
    }

    fn from_metadata(metadata: &std::fs::Metadata) -> Option<FileState> {
        if !metadata.is_file() {
            return None;
        }
        let modified = metadata.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(FileState {
            size: metadata.len(),
            modified: u64::try_from(modified.as_nanos()).ok()?,
        })
    }
}

/// The token of bytes about to be written.
pub fn token_of(bytes: &[u8]) -> String {
    // 128 bits of BLAKE3: no two outputs of one site collide.
    blake3::hash(bytes).to_hex()[..32].to_owned()
}

/// The token of a file copied from the image cache: the entry's name, which is the hash of
/// everything that decides its bytes.
pub fn token_of_cache_entry(source: &Path) -> String {
    let name = |p: Option<&Path>| {
        p.and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    format!("cache:{}{}", name(source.parent()), name(Some(source)))
}

/// Where the record of the output folder `target` is kept.
pub fn location(target: &Path) -> PathBuf {
    lock::beside(target, "record")
}

/// The record of `target`, when there is one of this format whose build is `build` (the id in
/// the folder's stamp).
pub fn read(target: &Path, build: &str) -> Option<Record> {
    read_at(&location(target), build)
}

/// The record kept at `place`, when it is of this format and its build is `build`.
pub fn read_at(place: &Path, build: &str) -> Option<Record> {
    let bytes = std::fs::read(place).ok()?;
    let record: Record = serde_json::from_slice(&bytes).ok()?;
    (record.format == FORMAT && !build.is_empty() && record.build == build).then_some(record)
}

/// Writes the record of `target` under a temporary name and renames it into place, so that a
/// reader finds the previous record or this one, never half of one.
pub fn write(target: &Path, record: &Record) -> std::io::Result<()> {
    write_at(&location(target), record)
}

/// `write`, to the file `place` (beside the output).
pub fn write_at(place: &Path, record: &Record) -> std::io::Result<()> {
    let mut temp = tempfile::NamedTempFile::new_in(lock::parent(place))?;
    serde_json::to_writer(std::io::BufWriter::new(temp.as_file_mut()), record)?;
    temp.persist(place).map(drop).map_err(|e| e.error)
}

/// A new record of `build` for the files written into `staging` (path → token), with their
/// states read from the folder, or for a file linked to a file of known state (path → state),
/// that state.
pub fn of_staging(
    staging: &Path,
    build: String,
    tokens: BTreeMap<String, String>,
    linked: &HashMap<String, FileState>,
    about: serde_json::Value,
) -> std::io::Result<Record> {
    let files = tokens
        .into_par_iter()
        .map(|(path, token)| {
            if let Some(&state) = linked.get(&path) {
                return Ok((path, Written { token, state }));
            }
            let full = staging.join(&path);
            let state = FileState::of(&full).ok_or_else(|| {
                std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    format!("`{}` is not a file", full.display()),
                )
            })?;
            Ok((path, Written { token, state }))
        })
        .collect::<std::io::Result<BTreeMap<_, _>>>()?;
    Ok(Record {
        format: FORMAT,
        build,
        files,
        about,
    })
}

/// What a folder holds, read in parallel: every file below it (the stamp aside) with its state
/// (none for what is not a regular file: a link, a socket), and every folder below it.
#[derive(Debug)]
pub struct Listing {
    pub folders: Vec<PathBuf>,
    /// Sorted by path, as a record's files are.
    files: Vec<(String, Option<FileState>)>,
}

impl Listing {
    /// The listing of `folder`, which must be a folder; an entry that cannot be read is an error,
    /// with the path of that entry.
    pub fn of(folder: &Path, stamp: &str) -> Result<Listing, (PathBuf, std::io::Error)> {
        let (folders, mut files) = below(folder, "")?;
        files.retain(|(path, _)| path != stamp);
        files.par_sort_unstable_by(|(a, _), (b, _)| a.cmp(b));
        Ok(Listing { folders, files })
    }

    /// Whether the folder held exactly the files of `record`, each as it was written: none added,
    /// removed or changed since.
    pub fn matches(&self, record: &Record) -> bool {
        self.files.len() == record.files.len()
            && self
                .files
                .iter()
                .zip(&record.files)
                .all(|((path, state), (recorded, written))| {
                    path == recorded && *state == Some(written.state)
                })
    }
}

/// Folders, and files with their paths in the listing.
type Found = (Vec<PathBuf>, Vec<(String, Option<FileState>)>);

/// What is below `folder`, whose path in the listing is `prefix`: each entry taken on a thread of
/// its own (a large output has thousands of folders), a link as it is, never followed.
fn below(folder: &Path, prefix: &str) -> Result<Found, (PathBuf, std::io::Error)> {
    let entries = std::fs::read_dir(folder)
        .and_then(|entries| entries.collect::<std::io::Result<Vec<_>>>())
        .map_err(|e| (folder.to_owned(), e))?;
    entries
        .into_par_iter()
        .map(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let path = if prefix.is_empty() {
                name.into_owned()
            } else {
                format!("{prefix}/{name}")
            };
            let kind = entry.file_type().map_err(|e| (entry.path(), e))?;
            if kind.is_dir() {
                let folder = entry.path();
                let (mut folders, files) = below(&folder, &path)?;
                folders.push(folder);
                return Ok((folders, files));
            }
            let state = entry
                .metadata()
                .ok()
                .and_then(|metadata| FileState::from_metadata(&metadata));
            Ok((Vec::new(), vec![(path, state)]))
        })
        .try_reduce(Found::default, |mut a, mut b| {
            if a.1.len() < b.1.len() {
                std::mem::swap(&mut a, &mut b);
            }
            a.0.append(&mut b.0);
            a.1.append(&mut b.1);
            Ok(a)
        })
}

/// Whether `target` holds exactly the files of `record` (the stamp aside), each as it was
/// written: none added, removed or changed since.
pub fn folder_matches(target: &Path, record: &Record, stamp: &str) -> bool {
    Listing::of(target, stamp).is_ok_and(|listing| listing.matches(record))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_read_back_only_for_its_own_build() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("a.html"), "a").unwrap();
        let tokens = BTreeMap::from([("a.html".to_owned(), token_of(b"a"))]);
        let record = of_staging(
            &target,
            "one".into(),
            tokens,
            &HashMap::new(),
            serde_json::json!({"x": 1}),
        )
        .unwrap();
        write(&target, &record).unwrap();
        let back = read(&target, "one").unwrap();
        assert_eq!(back.files, record.files);
        assert_eq!(back.about, serde_json::json!({"x": 1}));
        assert!(read(&target, "two").is_none());
        assert!(read(&target, "").is_none());
    }

    #[test]
    fn a_folder_matches_its_record_until_a_file_is_added_removed_or_changed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        std::fs::create_dir_all(target.join("x")).unwrap();
        std::fs::write(target.join("x/a.html"), "a").unwrap();
        std::fs::write(target.join("stamp"), "s").unwrap();
        let tokens = BTreeMap::from([("x/a.html".to_owned(), token_of(b"a"))]);
        let record = of_staging(
            &target,
            "b".into(),
            tokens,
            &HashMap::new(),
            serde_json::Value::Null,
        )
        .unwrap();
        assert!(folder_matches(&target, &record, "stamp"));

        std::fs::write(target.join("x/b.html"), "b").unwrap();
        assert!(!folder_matches(&target, &record, "stamp"), "a file added");
        std::fs::remove_file(target.join("x/b.html")).unwrap();
        assert!(folder_matches(&target, &record, "stamp"));

        std::fs::write(target.join("x/a.html"), "A longer text").unwrap();
        assert!(!folder_matches(&target, &record, "stamp"), "a file changed");
        std::fs::remove_file(target.join("x/a.html")).unwrap();
        assert!(!folder_matches(&target, &record, "stamp"), "a file removed");
        #[cfg(unix)]
        {
            std::fs::write(dir.path().join("a.html"), "a").unwrap();
            std::os::unix::fs::symlink(dir.path().join("a.html"), target.join("x/a.html")).unwrap();
            assert!(
                !folder_matches(&target, &record, "stamp"),
                "a link in its place"
            );
            std::fs::remove_file(target.join("x/a.html")).unwrap();
        }
        std::fs::create_dir(target.join("x/a.html")).unwrap();
        assert!(
            !folder_matches(&target, &record, "stamp"),
            "a folder in its place"
        );
    }

    #[test]
    fn tokens_of_different_bytes_or_entries_differ() {
        assert_eq!(token_of(b"x"), token_of(b"x"));
        assert_ne!(token_of(b"x"), token_of(b"y"));
        assert_eq!(
            token_of_cache_entry(Path::new("/c/ab/cdef")),
            "cache:abcdef"
        );
        assert_ne!(
            token_of_cache_entry(Path::new("/c/ab/cdef")),
            token_of_cache_entry(Path::new("/c/ab/cdee"))
        );
    }
}
