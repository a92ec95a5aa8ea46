//! Parsed content kept between builds, so that a rebuild parses again only what changed:
//! - by `serve`, in memory: every file's parse outcome, while the file keeps its stamp;
//! - by `build`, on disk (`STORE_FOLDER` in the image cache folder, in `SHARDS` files by path, so
//!   that an edit rewrites one of them), for the next build of the same program: the positions
//!   of each file's YAML, by the hash of the file's text;
//! - by both: each rendered Markdown body, with the key of everything its rendering depended on,
//!   so that only the bodies whose text or links could have changed are rendered again.
//!
//! What is kept is a pure function of what it is keyed by, so a build that takes it makes the
//! same output as one that does not; a store that cannot be read, or that another program
//! wrote, is taken as empty.

use std::any::Any;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::SystemTime;

use foldhash::HashMap;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::base::yaml::YamlDocument;
use crate::content::markdown::Rendered;

/// The folder in the image cache folder where `build` keeps positions and bodies.
pub const STORE_FOLDER: &str = "parsed";

/// The number of files of the store: a file's entries are in the one its path's hash names.
const SHARDS: u8 = 16;

fn shard(relative: &Path) -> u8 {
    blake3::hash(relative.as_os_str().as_encoded_bytes()).as_bytes()[0] % SHARDS
}

fn shard_file(folder: &Path, shard: u8) -> PathBuf {
    folder.join(format!("{shard:x}.bin"))
}

/// When a file was last written and how long it is: a changed file has a different stamp.
pub type Stamp = (SystemTime, u64);

/// A parse outcome of any kind of content file.
type Parsed = Box<dyn Any + Send + Sync>;

/// A value made from what `key` hashes; `used` by this build (only what was used is stored
/// again), and `fresh` when this build made it (not in the store).
struct Kept<T> {
    key: blake3::Hash,
    value: T,
    used: AtomicBool,
    fresh: bool,
}

impl<T> Kept<T> {
    fn new(key: blake3::Hash, value: T) -> Self {
        Kept {
            key,
            value,
            used: AtomicBool::new(true),
            fresh: true,
        }
    }

    fn from_store(key: [u8; 32], value: T) -> Self {
        Kept {
            key: blake3::Hash::from_bytes(key),
            value,
            used: AtomicBool::new(false),
            fresh: false,
        }
    }

    fn used(&self) -> bool {
        self.used.load(Ordering::Relaxed)
    }

    /// The store does not have this as the next build needs it.
    fn changes_store(&self) -> bool {
        self.fresh || !self.used()
    }
}

type Table<T> = RwLock<HashMap<PathBuf, Kept<T>>>;

/// Parse outcomes (in memory only), YAML positions and rendered bodies, each keyed by the path of
/// its file relative to the site.
pub struct ContentCache {
    /// `serve`'s: read by every core at once while a rebuild loads; written only for what
    /// changed. A build keeps none (a parse outcome is not written to disk).
    files: Option<RwLock<HashMap<PathBuf, (Stamp, Parsed)>>>,
    positions: Table<Arc<YamlDocument>>,
    bodies: Table<Arc<Rendered>>,
    /// The files of the store that could not be read or that another program wrote.
    unread: [bool; SHARDS as usize],
}

/// `serve`'s cache, which keeps every parse outcome.
impl Default for ContentCache {
    fn default() -> Self {
        ContentCache {
            files: Some(RwLock::default()),
            positions: RwLock::default(),
            bodies: RwLock::default(),
            unread: [false; SHARDS as usize],
        }
    }
}

/// The store as written: the program that wrote it, then its positions and bodies.
#[derive(Serialize)]
struct Written<'a> {
    program: &'a str,
    positions: Vec<Entry<'a, YamlDocument>>,
    bodies: Vec<Entry<'a, Rendered>>,
}

/// The store as read back (the same fields as `Written`, owned).
#[derive(Deserialize)]
struct Read {
    program: String,
    positions: Vec<(PathBuf, [u8; 32], YamlDocument)>,
    bodies: Vec<(PathBuf, [u8; 32], Rendered)>,
}

/// A lock taken even when another thread panicked holding it (what it guards stays whole).
fn read<T>(lock: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(|p| p.into_inner())
}

fn write<T>(lock: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(|p| p.into_inner())
}

impl ContentCache {
    /// A build's cache: what the store in `folder` holds from `program`; a file of it that
    /// cannot be read, or that another program wrote, adds nothing.
    pub fn stored(folder: &Path, program: &str) -> ContentCache {
        let shards: Vec<Result<Read, bool>> = (0..SHARDS)
            .into_par_iter()
            .map(|shard| {
                // A missing file is not unreadable: there is nothing to replace.
                let bytes = std::fs::read(shard_file(folder, shard)).map_err(|_| false)?;
                let read = postcard::from_bytes::<Read>(&bytes).map_err(|_| true)?;
                match read.program == program {
                    true => Ok(read),
                    false => Err(true),
                }
            })
            .collect();
        let mut unread = [false; SHARDS as usize];
        for (shard, outcome) in shards.iter().enumerate() {
            unread[shard] = outcome.as_ref().is_err_and(|unread| *unread);
        }
        let (mut positions, mut bodies) = (HashMap::default(), HashMap::default());
        for read in shards.into_iter().flatten() {
            positions.extend(
                (read.positions.into_iter())
                    .map(|(path, key, yaml)| (path, Kept::from_store(key, Arc::new(yaml)))),
            );
            bodies.extend(
                (read.bodies.into_iter())
                    .map(|(path, key, body)| (path, Kept::from_store(key, Arc::new(body)))),
            );
        }
        ContentCache {
            files: None,
            positions: RwLock::new(positions),
            bodies: RwLock::new(bodies),
            unread,
        }
    }

    /// Writes what this build used into the store in `folder`: each file of it that would
    /// change is replaced whole (another build reads the old one or the new one, never half of
    /// one), and the others are left as they are.
    pub fn store(&self, folder: &Path, program: &str) -> std::io::Result<()> {
        let (positions, bodies) = (read(&self.positions), read(&self.bodies));
        let mut changed = self.unread;
        let positions = by_shard(&positions, &mut changed);
        let bodies = by_shard(&bodies, &mut changed);
        let shards = (positions.into_iter().zip(bodies)).map(|(positions, bodies)| Written {
            program,
            positions,
            bodies,
        });
        std::fs::create_dir_all(folder)?;
        (shards.collect::<Vec<_>>().into_par_iter().enumerate())
            .filter(|(shard, _)| changed[*shard])
            .try_for_each(|(shard, written)| {
                let bytes = postcard::to_stdvec(&written).map_err(std::io::Error::other)?;
                let mut temp = tempfile::NamedTempFile::new_in(folder)?;
                temp.write_all(&bytes)?;
                temp.persist(shard_file(folder, shard as u8))
                    .map_err(|e| e.error)?;
                Ok(())
            })
    }

    /// Whether parse outcomes are kept (`serve`); a build keeps positions instead.
    pub fn keeps_files(&self) -> bool {
        self.files.is_some()
    }

    /// The stamp of a file on disk; `None` when it cannot be read (the load then reports it).
    pub fn stamp(full: &Path) -> Option<Stamp> {
        let metadata = std::fs::metadata(full).ok()?;
        Some((metadata.modified().ok()?, metadata.len()))
    }

    /// The outcome parsed earlier from the same version of the file.
    pub fn get<T: Clone + 'static>(&self, relative: &Path, stamp: Stamp) -> Option<T> {
        let files = read(self.files.as_ref()?);
        let (seen, value) = files.get(relative)?;
        if *seen != stamp {
            return None;
        }
        value.downcast_ref::<T>().cloned()
    }

    pub fn put<T: Send + Sync + 'static>(&self, relative: &Path, stamp: Stamp, value: T) {
        if let Some(files) = &self.files {
            write(files).insert(relative.to_owned(), (stamp, Box::new(value)));
        }
    }

    /// The positions of the YAML of `relative`, found earlier in a text with the hash `digest`.
    pub fn positions(&self, relative: &Path, digest: &blake3::Hash) -> Option<Arc<YamlDocument>> {
        take(&self.positions, relative, digest)
    }

    pub fn keep_positions(&self, relative: &Path, digest: blake3::Hash, yaml: Arc<YamlDocument>) {
        let kept = Kept::new(digest, yaml);
        write(&self.positions).insert(relative.to_owned(), kept);
    }

    /// The body of `relative` rendered earlier from the same `key` (see `validate::links`).
    pub fn rendered(&self, relative: &Path, key: &blake3::Hash) -> Option<Arc<Rendered>> {
        take(&self.bodies, relative, key)
    }

    pub fn keep_rendered(&self, relative: &Path, key: blake3::Hash, rendered: Arc<Rendered>) {
        write(&self.bodies).insert(relative.to_owned(), Kept::new(key, rendered));
    }

    /// Drops a file the watcher saw change, whatever its stamp says (same size, same second).
    pub fn forget(&self, relative: &Path) {
        if let Some(files) = &self.files {
            write(files).remove(relative);
        }
    }

    /// How many parsed files are kept (for tests).
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.files.as_ref().map_or(0, |files| read(files).len())
    }
}

/// An entry of the store as written: path, key and value.
type Entry<'a, T> = (&'a Path, &'a [u8; 32], &'a T);

/// The entries of `table` this build used, by the file of the store they go into; `changed`
/// marks each file that does not hold exactly those.
fn by_shard<'a, T>(
    table: &'a HashMap<PathBuf, Kept<Arc<T>>>,
    changed: &mut [bool; SHARDS as usize],
) -> Vec<Vec<Entry<'a, T>>> {
    let mut shards: Vec<Vec<_>> = (0..SHARDS).map(|_| Vec::new()).collect();
    for (path, kept) in table {
        let shard = usize::from(shard(path));
        changed[shard] |= kept.changes_store();
        if kept.used() {
            shards[shard].push((path.as_path(), kept.key.as_bytes(), kept.value.as_ref()));
        }
    }
    shards
}

/// The value kept for `relative` under `key`, marked as used by this build.
fn take<T: Clone>(table: &Table<T>, relative: &Path, key: &blake3::Hash) -> Option<T> {
    let table = read(table);
    let kept = table.get(relative).filter(|kept| kept.key == *key)?;
    kept.used.store(true, Ordering::Relaxed);
    Some(kept.value.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::source::SourceFile;

    #[test]
    fn a_changed_stamp_misses() {
        let cache = ContentCache::default();
        let path = Path::new("content/stories/a.md");
        let stamp = (SystemTime::UNIX_EPOCH, 10);
        cache.put(path, stamp, String::from("parsed"));
        assert_eq!(cache.get::<String>(path, stamp).as_deref(), Some("parsed"));
        assert_eq!(
            cache.get::<String>(path, (SystemTime::UNIX_EPOCH, 11)),
            None
        );
        assert_eq!(cache.get::<u32>(path, stamp), None);
        cache.forget(path);
        assert_eq!(cache.get::<String>(path, stamp), None);
        assert_eq!(cache.len(), 0);
    }

    fn yaml_of(path: &str, text: &str) -> (SourceFile, Arc<YamlDocument>) {
        let file = SourceFile::new(path, text.to_owned());
        let end = text.rfind("---").unwrap();
        let yaml = YamlDocument::parse(&file, 4, end).unwrap();
        (file, Arc::new(yaml))
    }

    #[test]
    fn the_store_gives_back_what_was_kept_for_the_same_program_and_text_only() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("cache").join(STORE_FOLDER);
        let text = "---\ntitle: Nacht\nhashtags: [ic, zorg]\ntitle: weer\n---\n";
        let (file, yaml) = yaml_of("content/stories/a.md", text);
        let path = file.path.as_path();
        let body = Arc::new(Rendered {
            html: "<p>Nachtdienst</p>".into(),
            diagnostics: vec![file.warning(yaml.span("hashtags.1"), "een waarschuwing")],
            ids: vec!["nacht".to_owned()],
            fragment_links: Vec::new(),
        });
        let body_key = blake3::hash(b"index");

        let cache = ContentCache::stored(&store, "werkenbij 1");
        assert!(!cache.keeps_files());
        assert_eq!(cache.positions(path, file.digest()), None);
        cache.keep_positions(path, *file.digest(), Arc::clone(&yaml));
        cache.keep_rendered(path, body_key, Arc::clone(&body));
        cache.store(&store, "werkenbij 1").unwrap();

        let again = ContentCache::stored(&store, "werkenbij 1");
        assert_eq!(again.positions(path, file.digest()), Some(yaml));
        assert_eq!(again.rendered(path, &body_key), Some(body));
        assert_eq!(again.positions(path, &blake3::hash(b"other text")), None);
        assert_eq!(again.rendered(Path::new("b.md"), &body_key), None);

        let other = ContentCache::stored(&store, "werkenbij 2");
        assert_eq!(other.positions(path, file.digest()), None);
        for entry in std::fs::read_dir(&store).unwrap() {
            std::fs::write(entry.unwrap().path(), b"not a store").unwrap();
        }
        let broken = ContentCache::stored(&store, "werkenbij 1");
        assert_eq!(broken.positions(path, file.digest()), None);
        // Every unreadable file is written anew, even one that is now left empty.
        broken.store(&store, "werkenbij 1").unwrap();
        for entry in std::fs::read_dir(&store).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            assert!(postcard::from_bytes::<Read>(&bytes).is_ok());
        }
    }

    #[test]
    fn the_store_keeps_only_what_the_last_build_used_and_rewrites_only_what_changed() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join(STORE_FOLDER);
        // Paths in two different files of the store.
        let (a, b) = ("content/stories/a.md", "content/stories/c.md");
        assert_ne!(shard(Path::new(a)), shard(Path::new(b)));
        let (a, yaml_a) = yaml_of(a, "---\ntitle: A\n---\n");
        let (b, yaml_b) = yaml_of(b, "---\ntitle: B\n---\n");
        let first = ContentCache::stored(&store, "p");
        first.keep_positions(&a.path, *a.digest(), yaml_a);
        first.keep_positions(&b.path, *b.digest(), yaml_b);
        first.store(&store, "p").unwrap();
        let inode = |file: &SourceFile| {
            let path = shard_file(&store, shard(&file.path));
            std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(path).unwrap())
        };
        let (inode_a, inode_b) = (inode(&a), inode(&b));

        // Both used, nothing new: the store stays as it was.
        let same = ContentCache::stored(&store, "p");
        assert!(same.positions(&a.path, a.digest()).is_some());
        assert!(same.positions(&b.path, b.digest()).is_some());
        same.store(&store, "p").unwrap();
        assert_eq!((inode(&a), inode(&b)), (inode_a, inode_b));

        // Only `a` used (`b` was deleted): `b` is gone, and `a`'s file is left as it was.
        let fewer = ContentCache::stored(&store, "p");
        assert!(fewer.positions(&a.path, a.digest()).is_some());
        fewer.store(&store, "p").unwrap();
        assert_eq!(inode(&a), inode_a);
        assert_ne!(inode(&b), inode_b);
        let last = ContentCache::stored(&store, "p");
        assert!(last.positions(&a.path, a.digest()).is_some());
        assert_eq!(last.positions(&b.path, b.digest()), None);
    }
}
