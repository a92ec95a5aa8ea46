//! The only writer of the output folder: a build goes into a staging folder beside it and is
//! swapped in when complete, so a failed build leaves the previous output as it was.

mod fault;
pub mod folders;
pub mod lock;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use crate::base::error::Error;
use lock::{Kind, Lock};

/// Where rendered files go; `path` is relative to the output root, with `/` separators.
pub trait Output: Sync {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Error>;

    /// Writes a copy of the file at `source` (an image cache entry) to `path`.
    fn copy_from(&self, path: &str, source: &Path) -> Result<(), Error> {
        let bytes = std::fs::read(source).map_err(|e| Error::io(source, e))?;
        self.write(path, &bytes)
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

/// The file that marks a folder as werkenbij's output, so a later build may replace it.
pub const STAMP: &str = ".werkenbij-output";
const STAMP_TEXT: &str =
    "This folder is the output of `werkenbij build`, which replaces it whole.\n";

/// A staging folder beside the final output folder, with the output's lock held until it is
/// committed or dropped; dropped without a commit, it removes the staging folder.
pub struct DiskOutput {
    staging: PathBuf,
    target: PathBuf,
    writes: AtomicUsize,
    committed: bool,
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
        check_writable(parent, target)?;
        for leftover in [&staging, &old] {
            if leftover.exists() {
                std::fs::remove_dir_all(leftover).map_err(|e| Error::io(leftover, e))?;
            }
        }
        std::fs::create_dir(&staging).map_err(|e| Error::io(&staging, e))?;
        fault::reached("staging");
        Ok(DiskOutput {
            staging,
            target: target.to_owned(),
            writes: AtomicUsize::new(0),
            committed: false,
            _lock: held,
        })
    }

    /// Stamps the finished staging folder and swaps it in place of the output folder; when the
    /// swap fails, the previous output is put back.
    pub fn commit(mut self) -> Result<(), Error> {
        self.write(STAMP, STAMP_TEXT.as_bytes())?;
        fault::reached("swap");
        if !self.target.exists() {
            std::fs::rename(&self.staging, &self.target).map_err(|e| Error::io(&self.target, e))?;
            self.committed = true;
            return Ok(());
        }
        let previous = swap(&self.staging, &self.target)?;
        self.committed = true;
        fault::reached("cleanup");
        std::fs::remove_dir_all(&previous).map_err(|e| {
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
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
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

impl Output for DiskOutput {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Error> {
        let full = self.place(path)?;
        std::fs::write(&full, bytes).map_err(|e| Error::io(&full, e))
    }

    /// A copy inside the kernel (`copy_file_range` on Linux): a warm build moves tens of megabytes
    /// of images from the cache, and reading them into memory first doubled that work. Never a
    /// hard link, so a tool that edits the output in place cannot change the cache.
    fn copy_from(&self, path: &str, source: &Path) -> Result<(), Error> {
        let full = self.place(path)?;
        std::fs::copy(source, &full)
            .map(|_| ())
            .map_err(|e| Error::io(&full, e))
    }
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
fn check_writable(parent: &Path, target: &Path) -> Result<(), Error> {
    let mut folders = vec![parent.to_owned()];
    if target.is_dir() {
        for entry in walkdir::WalkDir::new(target) {
            let entry = entry.map_err(|e| Error::io(target, e.into()))?;
            if entry.file_type().is_dir() {
                folders.push(entry.into_path());
            }
        }
    }
    for folder in folders {
        // An unnamed file: nothing is left behind, even if the process dies here.
        if let Err(e) = tempfile::tempfile_in(&folder) {
            return Err(Error::usage(
                format!(
                    "cannot replace the output `{}`: `{}` is not writable ({e})",
                    target.display(),
                    folder.display()
                ),
                Some("make it writable, or pass another `--out`"),
            ));
        }
    }
    Ok(())
}
