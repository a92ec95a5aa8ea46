//! What the build writes, as paths only: an `Output` that keeps the names and drops the bytes, so
//! planning a site's files for the audit costs no image copies.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Mutex;

use crate::base::error::Error;
use crate::output::Output;

#[derive(Default)]
pub(super) struct Planned {
    paths: Mutex<BTreeSet<String>>,
}

impl Planned {
    pub(super) fn into_paths(self) -> BTreeSet<String> {
        self.paths
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn add(&self, path: &str) {
        self.paths
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(path.to_owned());
    }
}

impl Output for Planned {
    fn write(&self, path: &str, _bytes: &[u8]) -> Result<(), Error> {
        self.add(path);
        Ok(())
    }

    fn copy_from(&self, path: &str, _source: &Path) -> Result<(), Error> {
        self.add(path);
        Ok(())
    }
}
