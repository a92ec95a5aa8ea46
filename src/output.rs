//! The only writer of the output folder: a build goes into a staging folder beside it and is
//! swapped in when complete, so a failed build leaves the previous output as it was.

mod fault;
pub mod folders;
pub mod lock;
pub mod record;
mod spare;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use rayon::prelude::*;

use crate::base::error::Error;
use lock::{Kind, Lock};
use record::{FileState, Listing, Record};

/// Where rendered files go; `path` is relative to the output root, with `/` separators.
pub trait Output: Sync {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Error>;

    /// Writes a copy of the file at `source` (an image cache entry) to `path`.
    fn copy_from(&self, path: &str, source: &Path) -> Result<(), Error> {
        let bytes = std::fs::read(source).map_err(|e| Error::io(source, e))?;
        self.write(path, &bytes)
    }

    /// Writes `bytes`, just stored as the image cache entry `entry`, to `path`: the same file as
    /// a later `copy_from(path, entry)`.
    fn write_cached(&self, path: &str, bytes: &[u8], _entry: &Path) -> Result<(), Error> {
        self.write(path, bytes)
    }
}

/// Files kept in memory (for `serve` and tests).
#[derive(Default)]
pub struct MemoryOutput {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl MemoryOutput {
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Output for MemoryOutput {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Error> {
        let mut files = self
            .files
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        files.insert(path.to_owned(), bytes.to_vec());
        Ok(())
    }
}

/// The file that marks a folder as werkenbij's output, so a later build may replace it; its last
/// line is the id of the build that made it (see `record`).
pub const STAMP: &str = ".werkenbij-output";
const STAMP_TEXT: &str =
    "This folder is the output of `werkenbij build`, which replaces it whole.\n";

/// A staging folder beside the final output folder, with the output's lock held until it is
/// committed or dropped; dropped without a commit, it removes the staging folder.
///
/// A file whose bytes are those of the same file in the previous output (as its record says, and
/// unchanged since) is a hard link to that file instead of a new copy: the bytes are not written
/// again, and the previous output stays whole until the swap.
pub struct DiskOutput {
    staging: PathBuf,
    target: PathBuf,
    writes: AtomicUsize,
    committed: bool,
    /// The record of the folder in place, when it is trusted.
    previous: Option<Record>,
    /// What the folder in place held when the build locked it (none when there was no folder).
    found: Option<Listing>,
    /// The record of the spare (`spare`) the staging folder started from: its files are there.
    spare: Option<Record>,
    /// The token of every file written into the staging folder.
    tokens: Mutex<BTreeMap<String, String>>,
    /// The state of every file linked to the previous output's file: that file's, as recorded.
    linked: Mutex<std::collections::HashMap<String, FileState>>,
    /// Cleared when the file system refuses a link: everything is written from then on.
    linking: AtomicBool,
    _lock: Lock,
}

impl DiskOutput {
    /// Before anything is built: refuses an output folder that would overwrite the site, the
    /// image cache or a folder that is not an earlier output (unless `force`), waits at most
    /// `wait` for another build on it, checks that it can be replaced, and makes a fresh staging
    /// folder.
    pub fn prepare(
        root: &Path,
        target: &Path,
        cache: &Path,
        force: bool,
        wait: Duration,
    ) -> Result<DiskOutput, Error> {
        folders::check_target(root, target, Some(cache))?;
        let parent = lock::parent(target);
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        let busy = format!("another build is running on `{}`", target.display());
        let held = Lock::take(
            &lock::output_lock_file(target),
            Kind::Exclusive,
            wait,
            &busy,
        )?;
        let staging = lock::beside(target, "staging");
        let old = lock::beside(target, "old");
        // A build killed between the two renames of a swap left the previous output here.
        if !target.exists() && old.is_dir() {
            std::fs::rename(&old, target).map_err(|e| Error::io(&old, e))?;
        }
        check_replaceable(target, force)?;
        let found = if target.is_dir() {
            Some(Listing::of(target, STAMP).map_err(|(path, e)| Error::io(&path, e))?)
        } else {
            None
        };
        check_writable(parent, target, found.as_ref())?;
        for leftover in [&staging, &old] {
            if leftover.exists() {
                std::fs::remove_dir_all(leftover).map_err(|e| Error::io(leftover, e))?;
            }
        }
        std::fs::create_dir(&staging).map_err(|e| Error::io(&staging, e))?;
        fault::reached("staging");
        let previous = build_in_stamp(target).and_then(|build| record::read(target, &build));
        Ok(DiskOutput {
            staging,
            target: target.to_owned(),
            writes: AtomicUsize::new(0),
            committed: false,
            previous,
            found,
            spare: None,
            tokens: Mutex::new(BTreeMap::new()),
            linked: Mutex::new(std::collections::HashMap::new()),
            linking: AtomicBool::new(true),
            _lock: held,
        })
    }

    /// Starts the staging folder from the spare (the output before the one in place, see
    /// `spare`), when there is one to trust, instead of an empty folder. Before anything is
    /// written: a build that writes nothing (nothing changed) leaves the spare alone.
    pub fn start_from_spare(&mut self) -> Result<(), Error> {
        let staging = &self.staging;
        std::fs::remove_dir(staging).map_err(|e| Error::io(staging, e))?;
        self.spare =
            spare::take(&self.target, staging, STAMP).map_err(|e| Error::io(staging, e))?;
        if self.spare.is_none() {
            std::fs::create_dir(staging).map_err(|e| Error::io(staging, e))?;
        }
        Ok(())
    }

    /// What the build of the folder in place stored with it (see `commit`), when its record is
    /// trusted.
    pub fn previous(&self) -> Option<&serde_json::Value> {
        self.previous.as_ref().map(|record| &record.about)
    }

    /// Whether the folder in place held exactly the files its build wrote, none changed since,
    /// when this build locked it. (A file changed later is found when it is kept: see
    /// `keep_unwritten`.)
    pub fn is_as_previous_build_left_it(&self) -> bool {
        match (&self.previous, &self.found) {
            (Some(record), Some(found)) => found.matches(record),
            _ => false,
        }
    }

    /// Puts every file of the previous output that this build did not write into the staging
    /// folder as it is: a link to it, or a copy where the file system refuses links. For a build
    /// that rendered only what its changes touched, into an output that
    /// `is_as_previous_build_left_it`; a file changed since that check stops the build.
    pub fn keep_unwritten(&self) -> Result<(), Error> {
        let Some(previous) = &self.previous else {
            return Err(Error::Internal {
                message: "files of a previous output kept without its record".into(),
            });
        };
        let written: std::collections::HashSet<String> = self
            .tokens
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .keys()
            .cloned()
            .collect();
        let rest: Vec<(&String, &record::Written)> = previous
            .files
            .iter()
            .filter(|(path, _)| !written.contains(*path))
            .collect();
        rest.par_iter().try_for_each(|&(path, file)| {
            let full = self.place(path)?;
            self.note(path, file.token.clone());
            if self.in_spare(path, &file.token, &full) {
                return Ok(());
            }
            self.clear_spare_file(path, &full)?;
            let old = self.target.join(path);
            if FileState::of(&old) != Some(file.state) {
                return Err(Error::usage(
                    format!("`{}` changed while the site was being built", old.display()),
                    Some("build again; leave the output folder alone while a build runs"),
                ));
            }
            if self.linking.load(Ordering::Relaxed) && std::fs::hard_link(&old, &full).is_ok() {
                self.linked_as(path, file.state);
                return Ok(());
            }
            self.linking.store(false, Ordering::Relaxed);
            std::fs::copy(&old, &full)
                .map(drop)
                .map_err(|e| Error::io(&full, e))
        })
    }

    /// Stamps the finished staging folder and swaps it in place of the output folder; when the
    /// swap fails, the previous output is put back. With `about`, the record of the new folder is
    /// kept beside it, with `about` in it, for the next build.
    pub fn commit(mut self, about: Option<serde_json::Value>) -> Result<(), Error> {
        let tokens = std::mem::take(
            &mut *self
                .tokens
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()),
        );
        if let Some(spare) = &self.spare {
            spare::remove_stale(&self.staging, spare, &tokens)
                .map_err(|e| Error::io(&self.staging, e))?;
        }
        let build = new_build_id(&self.target, &tokens);
        let stamp = self.place(STAMP)?;
        remove_if_there(&stamp)?;
        std::fs::write(&stamp, format!("{STAMP_TEXT}build {build}\n"))
            .map_err(|e| Error::io(&stamp, e))?;
        let linked = std::mem::take(
            &mut *self
                .linked
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()),
        );
        let (shared, files) = (linked.len(), tokens.len());
        let record = match about {
            Some(about) => Some(
                record::of_staging(&self.staging, build, tokens, &linked, about)
                    .map_err(|e| Error::io(&self.staging, e))?,
            ),
            None => None,
        };
        // The record in place describes the folder about to be replaced: gone before the swap,
        // so that no moment has a record beside a folder it does not describe.
        let place = record::location(&self.target);
        match std::fs::remove_file(&place) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&place, e)),
        }
        fault::reached("swap");
        let previous = if self.target.exists() {
            Some(swap(&self.staging, &self.target)?)
        } else {
            std::fs::rename(&self.staging, &self.target).map_err(|e| Error::io(&self.target, e))?;
            None
        };
        self.committed = true;
        if let Some(record) = &record {
            record::write(&self.target, record).map_err(|e| {
                Error::usage(
                    format!(
                        "the new site is in `{}`, but its record could not be written to `{}`: {e}",
                        self.target.display(),
                        place.display()
                    ),
                    Some("the next build writes every file again; make the folder writable"),
                )
            })?;
        }
        let Some(previous) = previous else {
            return Ok(());
        };
        fault::reached("cleanup");
        // Kept for the next build when this one has a record and most files are shared: links,
        // so never where the file system refused one (the spare would be a whole copy).
        let described = self
            .previous
            .as_ref()
            .filter(|_| record.is_some() && self.linking.load(Ordering::Relaxed));
        spare::keep_or_remove(&self.target, &previous, described, shared, files).map_err(|e| {
            Error::usage(
                format!(
                    "the new site is in `{}`, but the previous output could not be removed from `{}`: {e}",
                    self.target.display(),
                    previous.display()
                ),
                Some("remove that folder; the next build also tries again"),
            )
        })
    }

    /// Where `path` goes in the staging folder, with its folder made.
    fn place(&self, path: &str) -> Result<PathBuf, Error> {
        let full = self.staging.join(path);
        if let Some(parent) = full.parent() {
            if let Err(e) = std::fs::create_dir_all(parent) {
                // A file of the spare where this build has a folder: it is not in this output.
                if self.spare.is_none() || !self.clear_way(parent) {
                    return Err(Error::io(parent, e));
                }
                std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
            }
        }
        let count = self.writes.fetch_add(1, Ordering::Relaxed) + 1;
        fault::on_write(count, path).map_err(|e| Error::io(&full, e))?;
        Ok(full)
    }
}

impl Drop for DiskOutput {
    /// An uncommitted build leaves nothing behind; the previous output was never touched.
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}

/// Exchanges the two folders in one step where the system can (Linux), so that at no moment is
/// the output missing or half; elsewhere two renames, undone when the second fails. Returns where
/// the previous output is now.
fn swap(staging: &Path, target: &Path) -> Result<PathBuf, Error> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{renameat_with, RenameFlags, CWD};
        match renameat_with(CWD, staging, CWD, target, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(staging.to_owned()),
            // Not every file system can exchange; fall back to two renames.
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => return Err(Error::io(target, e.into())),
        }
    }
    let aside = lock::beside(target, "old");
    std::fs::rename(target, &aside).map_err(|e| Error::io(target, e))?;
    if let Err(e) = std::fs::rename(staging, target) {
        return Err(match std::fs::rename(&aside, target) {
            Ok(()) => Error::io(target, e),
            Err(restore) => Error::usage(
                format!(
                    "cannot swap the new site into `{}` ({e}), nor put the previous output back ({restore}): it is in `{}`",
                    target.display(),
                    aside.display()
                ),
                Some("the next build puts it back first"),
            ),
        });
    }
    Ok(aside)
}

impl DiskOutput {
    /// Links `path` to the same file of the previous output when the record says it has the bytes
    /// of `token` and the file is as that build left it; false when it must be written.
    fn link_unchanged(&self, path: &str, token: &str, full: &Path) -> bool {
        let Some(written) = self.previous.as_ref().and_then(|p| p.files.get(path)) else {
            return false;
        };
        if written.token != token || !self.linking.load(Ordering::Relaxed) {
            return false;
        }
        let old = self.target.join(path);
        if FileState::of(&old) != Some(written.state) {
            return false;
        }
        match std::fs::hard_link(&old, full) {
            Ok(()) => {
                self.linked_as(path, written.state);
                true
            }
            Err(_) => {
                // Not every file system links (or allows it here): write instead.
                self.linking.store(false, Ordering::Relaxed);
                false
            }
        }
    }

    /// Notes the token of `path`; true when the path was written before in this build, so its
    /// file must be removed before it is written again: it may be a link to the previous output,
    /// which writing through would change.
    fn note(&self, path: &str, token: String) -> bool {
        let again = self
            .tokens
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(path.to_owned(), token)
            .is_some();
        if again {
            self.linked
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .remove(path);
        }
        again
    }

    /// Whether the staging folder, started from the spare, already holds `path` with the bytes
    /// of `token`, as the spare's record says and unchanged since; then it is kept as it is.
    fn in_spare(&self, path: &str, token: &str, full: &Path) -> bool {
        let Some(file) = self.spare.as_ref().and_then(|s| s.files.get(path)) else {
            return false;
        };
        if file.token != token || FileState::of(full) != Some(file.state) {
            return false;
        }
        self.linked_as(path, file.state);
        true
    }

    /// Removes what the spare has at `path` (a file, which may be a file of the output too, so it
    /// must never be written through; or a folder, where this build has a file), if anything.
    fn clear_spare_file(&self, path: &str, full: &Path) -> Result<(), Error> {
        let Some(spare) = &self.spare else {
            return Ok(());
        };
        if spare.files.contains_key(path) {
            return remove_if_there(full);
        }
        if full.is_dir() {
            return std::fs::remove_dir_all(full).map_err(|e| Error::io(full, e));
        }
        Ok(())
    }

    /// Removes the file of the spare that stands where a folder of `folder` must be made; true
    /// when there was one.
    fn clear_way(&self, folder: &Path) -> bool {
        let blocking = folder
            .ancestors()
            .take_while(|a| a.starts_with(&self.staging) && *a != self.staging)
            .find(|a| std::fs::symlink_metadata(a).is_ok_and(|m| m.is_file()));
        blocking.is_some_and(|file| std::fs::remove_file(file).is_ok())
    }

    /// Notes that `path` is a link to the previous output's file, whose state is `state`: the
    /// record need not ask the file system again.
    fn linked_as(&self, path: &str, state: FileState) {
        self.linked
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(path.to_owned(), state);
    }
}

impl Output for DiskOutput {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Error> {
        self.put(path, record::token_of(bytes), |full| {
            std::fs::write(full, bytes)
        })
    }

    fn write_cached(&self, path: &str, bytes: &[u8], entry: &Path) -> Result<(), Error> {
        let token = record::token_of_cache_entry(entry);
        self.put(path, token, |full| std::fs::write(full, bytes))
    }

    /// A copy inside the kernel (`copy_file_range` on Linux): a warm build moves tens of megabytes
    /// of images from the cache, and reading them into memory first doubled that work. Never a
    /// hard link to the cache, so a tool that edits the output in place cannot change the cache.
    fn copy_from(&self, path: &str, source: &Path) -> Result<(), Error> {
        let token = record::token_of_cache_entry(source);
        self.put(path, token, |full| std::fs::copy(source, full).map(drop))
    }
}

impl DiskOutput {
    /// Puts the file `path` with the bytes of `token` into the staging folder: a link to the
    /// previous output's file when that has the same bytes, else what `write` writes.
    fn put(
        &self,
        path: &str,
        token: String,
        write: impl FnOnce(&Path) -> std::io::Result<()>,
    ) -> Result<(), Error> {
        let full = self.place(path)?;
        if self.note(path, token.clone()) {
            remove_if_there(&full)?;
        } else if self.in_spare(path, &token, &full) {
            return Ok(());
        } else {
            self.clear_spare_file(path, &full)?;
        }
        if self.link_unchanged(path, &token, &full) {
            return Ok(());
        }
        write(&full).map_err(|e| Error::io(&full, e))
    }
}

fn remove_if_there(path: &Path) -> Result<(), Error> {
    remove_file_if_there(path).map_err(|e| Error::io(path, e))
}

/// Removes the file at `path`; one that is not there is no error.
fn remove_file_if_there(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// The build id in the stamp of the folder `target`, if it has one.
fn build_in_stamp(target: &Path) -> Option<String> {
    let text = std::fs::read_to_string(target.join(STAMP)).ok()?;
    let id = text.lines().last()?.strip_prefix("build ")?;
    Some(id.to_owned())
}

/// An id for a new output: the hash of its files' tokens and of this moment, so that no two
/// builds share one even when they write the same bytes.
fn new_build_id(target: &Path, tokens: &BTreeMap<String, String>) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(target.as_os_str().as_encoded_bytes());
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    hasher.update(&now.as_nanos().to_le_bytes());
    hasher.update(&std::process::id().to_le_bytes());
    for (path, token) in tokens {
        hasher.update(path.as_bytes());
        hasher.update(token.as_bytes());
    }
    hasher.finalize().to_hex()[..32].to_owned()
}

/// Removes a folder and everything in it, the files on every core: a large output has tens of
/// thousands of them, and removing them one after the other took longer than building them.
fn remove_tree(folder: &Path) -> std::io::Result<()> {
    // Folders by depth: those of one depth hold none of each other, so they go on every core,
    // the deepest first.
    let mut folders: Vec<Vec<PathBuf>> = Vec::new();
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(folder) {
        let entry = entry.map_err(std::io::Error::from)?;
        if entry.file_type().is_dir() {
            if folders.len() <= entry.depth() {
                folders.resize_with(entry.depth() + 1, Vec::new);
            }
            folders[entry.depth()].push(entry.into_path());
        } else {
            files.push(entry.into_path());
        }
    }
    files.par_iter().try_for_each(std::fs::remove_file)?;
    folders
        .iter()
        .rev()
        .try_for_each(|level| level.par_iter().try_for_each(std::fs::remove_dir))
}

/// A folder may be replaced when it is new, empty, stamped as an earlier output, or laid out as
/// one made before outputs were stamped; anything else only with `--force`.
fn check_replaceable(target: &Path, force: bool) -> Result<(), Error> {
    let metadata = match std::fs::symlink_metadata(target) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(target, e)),
    };
    if !metadata.is_dir() {
        return Err(Error::usage(
            format!(
                "refusing to write the site into `{}`: it is not a folder",
                target.display()
            ),
            Some("pass an output folder of its own, e.g. `--out public`"),
        ));
    }
    let mut entries = std::fs::read_dir(target).map_err(|e| Error::io(target, e))?;
    let empty = entries.next().is_none();
    let earlier = || {
        target.join(STAMP).is_file()
            || ["index.html", "404.html", "sitemap.xml", "robots.txt"]
                .iter()
                .all(|file| target.join(file).is_file())
    };
    if force || empty || earlier() {
        return Ok(());
    }
    Err(Error::usage(
        format!(
            "refusing to replace `{}`: it holds files and is not an earlier werkenbij output (it has no `{STAMP}`)",
            target.display()
        ),
        Some("pass a new or empty folder, or add `--force` to replace this one whole"),
    ))
}

/// The swap renames in `parent` and removes every folder of the previous output: all of them
/// must be writable, or the build would fail only after it was swapped in.
fn check_writable(parent: &Path, target: &Path, found: Option<&Listing>) -> Result<(), Error> {
    let mut folders = vec![parent];
    if let Some(found) = found {
        folders.push(target);
        folders.extend(found.folders.iter().map(PathBuf::as_path));
    }
    // The first in order of the folders that cannot be written, so that a run names the same one
    // as the last (they are listed in no order).
    let refused = folders
        .into_iter()
        .filter_map(|folder| can_write_in(folder).err().map(|e| (folder, e)))
        .min_by_key(|(folder, _)| *folder);
    match refused {
        Some((folder, e)) => Err(Error::usage(
            format!(
                "cannot replace the output `{}`: `{}` is not writable ({e})",
                target.display(),
                folder.display()
            ),
            Some("make it writable, or pass another `--out`"),
        )),
        None => Ok(()),
    }
}

/// Whether files can be made and removed in `folder`: the kernel's own answer on Linux (a large
/// output has thousands of folders), elsewhere an unnamed file made there, which leaves nothing
/// behind even if the process dies.
fn can_write_in(folder: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{access, Access};
        access(folder, Access::WRITE_OK | Access::EXEC_OK).map_err(std::io::Error::from)
    }
    #[cfg(not(target_os = "linux"))]
    {
        tempfile::tempfile_in(folder).map(drop)
    }
}
