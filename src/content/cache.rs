//! Parsed content files kept between builds (by `serve`), so a rebuild re-reads and re-parses only
//! the files that changed, and their rendered Markdown, so that it renders again only the bodies
//! whose text or links could have changed.

use std::any::Any;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

use foldhash::HashMap;

use crate::content::markdown::Rendered;

/// When a file was last written and how long it is: a changed file has a different stamp.
pub type Stamp = (SystemTime, u64);

/// A parse outcome of any kind of content file.
type Parsed = Box<dyn Any + Send + Sync>;

/// One parse outcome per file (the document or its problems), keyed by the path relative to the
/// site; and one rendered body per file, with the key of everything its rendering depended on.
#[derive(Default)]
pub struct ContentCache {
    /// Read by every core at once while a rebuild loads; written only for what changed.
    files: RwLock<HashMap<PathBuf, (Stamp, Parsed)>>,
    bodies: RwLock<HashMap<PathBuf, (blake3::Hash, Arc<Rendered>)>>,
}

impl ContentCache {
    /// The stamp of a file on disk; `None` when it cannot be read (the load then reports it).
    pub fn stamp(full: &Path) -> Option<Stamp> {
        let metadata = std::fs::metadata(full).ok()?;
        Some((metadata.modified().ok()?, metadata.len()))
    }

    /// The outcome parsed earlier from the same version of the file.
    pub fn get<T: Clone + 'static>(&self, relative: &Path, stamp: Stamp) -> Option<T> {
        let files = self.files.read().unwrap_or_else(|p| p.into_inner());
        let (seen, value) = files.get(relative)?;
        if *seen != stamp {
            return None;
        }
        value.downcast_ref::<T>().cloned()
    }

    pub fn put<T: Send + Sync + 'static>(&self, relative: &Path, stamp: Stamp, value: T) {
        let mut files = self.files.write().unwrap_or_else(|p| p.into_inner());
        files.insert(relative.to_owned(), (stamp, Box::new(value)));
    }

    /// The body of `relative` rendered earlier from the same `key` (see `validate::links`).
    pub fn rendered(&self, relative: &Path, key: &blake3::Hash) -> Option<Arc<Rendered>> {
        let bodies = self.bodies.read().unwrap_or_else(|p| p.into_inner());
        let (seen, rendered) = bodies.get(relative)?;
        (seen == key).then(|| Arc::clone(rendered))
    }

    pub fn keep_rendered(&self, relative: &Path, key: blake3::Hash, rendered: Arc<Rendered>) {
        let mut bodies = self.bodies.write().unwrap_or_else(|p| p.into_inner());
        bodies.insert(relative.to_owned(), (key, rendered));
    }

    /// Drops a file the watcher saw change, whatever its stamp says (same size, same second).
    pub fn forget(&self, relative: &Path) {
        let mut files = self.files.write().unwrap_or_else(|p| p.into_inner());
        files.remove(relative);
    }

    /// How many parsed files are kept (for tests).
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.files.read().unwrap_or_else(|p| p.into_inner()).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
