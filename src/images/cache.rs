//! The content-addressed image cache (`.werkenbij-cache/` by default): every variant and card is
//! stored under the hash of its source bytes and of every parameter that shapes it, so unchanged
//! images are never processed twice. Only the image stage writes here; writes are atomic.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::base::error::Error;
use crate::output::lock::{Kind, Lock};

/// The default cache folder, relative to the site root.
pub const DEFAULT_DIR: &str = ".werkenbij-cache";
/// Set to move the cache (relative to the site root, or absolute), as CI caches often need.
pub const ENV_VAR: &str = "WERKENBIJ_CACHE";

/// A cache key: hex BLAKE3 of everything that decides an image's bytes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key(String);

impl Key {
    /// Hashes the parts in order; each is length-prefixed so that no two lists collide.
    pub fn of(parts: &[&[u8]]) -> Key {
        let mut hasher = blake3::Hasher::new();
        for part in parts {
            hasher.update(&(part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
        Key(hasher.finalize().to_hex().to_string())
    }

    fn file_name(&self) -> String {
        format!("{}/{}", &self.0[..2], &self.0[2..])
    }
}

pub struct ImageCache {
    dir: PathBuf,
    /// Makes temporary names unique between threads of this process.
    counter: AtomicU64,
}

/// Where the cache lives: `--cache-dir` (relative to the current folder), else `WERKENBIJ_CACHE`
/// (relative to the site root), else `.werkenbij-cache` in the site root.
pub fn location(root: &Path, flag: Option<&Path>, env: Option<&std::ffi::OsStr>) -> PathBuf {
    match (flag, env) {
        (Some(dir), _) => dir.to_owned(),
        (None, Some(dir)) if !dir.is_empty() => root.join(dir),
        _ => root.join(DEFAULT_DIR),
    }
}

impl ImageCache {
    pub fn new(dir: PathBuf) -> ImageCache {
        ImageCache {
            dir,
            counter: AtomicU64::new(0),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Locks the cache: builds and `serve` share it, `cache prune` holds it alone. The lock file
    /// is `.werkenbij-lock` in the cache folder, which this makes when missing.
    pub fn lock(&self, kind: Kind, wait: std::time::Duration) -> Result<Lock, Error> {
        std::fs::create_dir_all(&self.dir).map_err(|e| Error::io(&self.dir, e))?;
        let busy = match kind {
            Kind::Exclusive => "a build or `serve` is using the image cache",
            Kind::Shared => "`cache prune` is pruning the image cache",
        };
        let busy = format!("{busy} `{}`", self.dir.display());
        Lock::take(&self.dir.join(LOCK_FILE), kind, wait, &busy)
    }

    fn path(&self, key: &Key) -> PathBuf {
        self.dir.join(key.file_name())
    }

    /// The stored bytes, or `None` when the entry is missing or unreadable (then it is remade).
    /// The file of an entry, when there is one.
    pub fn entry(&self, key: &Key) -> Option<PathBuf> {
        let path = self.path(key);
        path.is_file().then_some(path)
    }

    /// Stores bytes under a temporary name and renames them into place, so that a reader never
    /// sees half an entry, even when a build is interrupted. Returns the entry's file.
    pub fn put(&self, key: &Key, bytes: &[u8]) -> Result<PathBuf, Error> {
        let path = self.path(key);
        let folder = path.parent().unwrap_or(&self.dir);
        std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
        let temp = folder.join(format!(
            ".tmp-{}-{}",
            std::process::id(),
            self.counter.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::write(&temp, bytes).map_err(|e| Error::io(&temp, e))?;
        std::fs::rename(&temp, &path).map_err(|e| {
            let _ = std::fs::remove_file(&temp);
            Error::io(&path, e)
        })?;
        Ok(path)
    }

    /// Every entry: key, file and size in bytes. Only files named as `put` names them count, so
    /// a folder that is not a cache yields nothing to prune.
    fn entries(&self) -> Result<Vec<(Key, PathBuf, u64)>, Error> {
        let mut out = Vec::new();
        if !self.dir.is_dir() {
            return Ok(out);
        }
        for entry in walkdir::WalkDir::new(&self.dir).min_depth(2).max_depth(2) {
            let entry = entry.map_err(|e| Error::io(&self.dir, e.into()))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let fan = entry
                .path()
                .parent()
                .and_then(Path::file_name)
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let rest = entry.file_name().to_string_lossy().into_owned();
            if !is_hex(&fan, 2) || !(is_hex(&rest, KEY_LENGTH - 2) || is_leftover(&rest)) {
                continue;
            }
            let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
            out.push((Key(format!("{fan}{rest}")), entry.path().to_owned(), size));
        }
        Ok(out)
    }

    /// Number of entries and their total size.
    pub fn size(&self) -> Result<(usize, u64), Error> {
        let entries = self.entries()?;
        Ok((entries.len(), entries.iter().map(|(_, _, s)| s).sum()))
    }

    /// Removes every entry not in `used` (and leftovers of interrupted writes).
    pub fn prune(&self, used: &BTreeSet<Key>) -> Result<Pruned, Error> {
        let mut pruned = Pruned::default();
        for (key, path, size) in self.entries()? {
            if used.contains(&key) {
                pruned.kept += 1;
                pruned.kept_bytes += size;
            } else {
                std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
                pruned.removed += 1;
                pruned.removed_bytes += size;
            }
        }
        Ok(pruned)
    }
}

/// The lock file in the cache folder.
const LOCK_FILE: &str = ".werkenbij-lock";
/// Hex digits of a BLAKE3 key.
const KEY_LENGTH: usize = 64;

/// `length` lowercase hex digits, as `Key` writes them.
fn is_hex(name: &str, length: usize) -> bool {
    name.len() == length && name.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// `.tmp-PID-N`: the temporary name of an interrupted `put`.
fn is_leftover(name: &str) -> bool {
    name.strip_prefix(".tmp-")
        .and_then(|rest| rest.split_once('-'))
        .is_some_and(|(pid, n)| {
            [pid, n]
                .iter()
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
        })
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pruned {
    pub removed: usize,
    pub removed_bytes: u64,
    pub kept: usize,
    pub kept_bytes: u64,
}

/// `12.3 MB`: sizes for people.
pub fn human_size(bytes: u64) -> String {
    if bytes < 1_000_000 {
        format!("{:.0} kB", bytes as f64 / 1000.0)
    } else {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(cache: &ImageCache, key: &Key) -> Option<Vec<u8>> {
        cache.entry(key).map(|path| std::fs::read(path).unwrap())
    }

    #[test]
    fn keys_depend_on_every_part_and_its_boundaries() {
        assert_ne!(Key::of(&[b"ab", b"c"]), Key::of(&[b"a", b"bc"]));
        assert_eq!(Key::of(&[b"x"]), Key::of(&[b"x"]));
    }

    #[test]
    fn entries_are_stored_found_and_pruned() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ImageCache::new(dir.path().join("cache"));
        let (a, b) = (Key::of(&[b"a"]), Key::of(&[b"b"]));
        assert_eq!(read(&cache, &a), None);
        cache.put(&a, b"one").unwrap();
        cache.put(&b, b"three").unwrap();
        assert_eq!(read(&cache, &a).as_deref(), Some(&b"one"[..]));
        assert_eq!(cache.size().unwrap(), (2, 8));
        let pruned = cache.prune(&BTreeSet::from([a.clone()])).unwrap();
        assert_eq!(
            (pruned.removed, pruned.removed_bytes, pruned.kept),
            (1, 5, 1)
        );
        assert_eq!(read(&cache, &b), None);
        assert_eq!(read(&cache, &a).as_deref(), Some(&b"one"[..]));
    }

    #[test]
    fn prune_removes_only_files_named_as_cache_entries() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ImageCache::new(dir.path().to_owned());
        let key = Key::of(&[b"a"]);
        cache.put(&key, b"one").unwrap();
        let fan = &key.0[..2];
        let strangers = [
            "ab/not-a-key.md",
            "stories/index.md",
            "ab/ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF01234567",
            "site.yaml",
        ];
        for stranger in strangers {
            let path = dir.path().join(stranger);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "mine").unwrap();
        }
        let leftover = dir.path().join(fan).join(".tmp-12-3");
        std::fs::write(&leftover, "half").unwrap();
        assert_eq!(cache.size().unwrap(), (2, 7));
        let pruned = cache.prune(&BTreeSet::new()).unwrap();
        assert_eq!((pruned.removed, pruned.kept), (2, 0));
        assert!(cache.entry(&key).is_none() && !leftover.exists());
        for stranger in strangers {
            assert!(dir.path().join(stranger).exists(), "{stranger}");
        }
    }

    #[test]
    fn the_location_follows_flag_then_environment_then_default() {
        let root = Path::new("site");
        assert_eq!(
            location(root, Some(Path::new("/tmp/c")), Some("x".as_ref())),
            PathBuf::from("/tmp/c")
        );
        assert_eq!(
            location(root, None, Some("ci-cache".as_ref())),
            PathBuf::from("site/ci-cache")
        );
        assert_eq!(
            location(root, None, Some("/abs".as_ref())),
            PathBuf::from("/abs")
        );
        assert_eq!(
            location(root, None, None),
            PathBuf::from("site/.werkenbij-cache")
        );
    }
}
