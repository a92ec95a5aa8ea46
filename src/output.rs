//! The only writer of the output folder: a build goes into a staging folder beside it and is
//! swapped in when complete, so a failed build leaves the previous output as it was.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::base::error::Error;

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

/// A staging folder beside the final output folder.
pub struct DiskOutput {
    staging: PathBuf,
    target: PathBuf,
}

impl DiskOutput {
    /// Refuses an output folder that would overwrite the site, then makes a fresh staging folder.
    pub fn prepare(root: &Path, target: &Path) -> Result<DiskOutput, Error> {
        check_target(root, target)?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        let staging = parent.join(format!(".{name}.werkenbij-staging"));
        if staging.exists() {
            std::fs::remove_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
        }
        std::fs::create_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
        Ok(DiskOutput {
            staging,
            target: target.to_owned(),
        })
    }

    /// Swaps the finished staging folder in place of the output folder.
    pub fn commit(self) -> Result<(), Error> {
        let parent = self.staging.parent().unwrap_or(Path::new("."));
        let name = self
            .target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let old = parent.join(format!(".{name}.werkenbij-old"));
        if old.exists() {
            std::fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
        }
        let had_previous = self.target.exists();
        if had_previous {
            std::fs::rename(&self.target, &old).map_err(|e| Error::io(&self.target, e))?;
        }
        if let Err(e) = std::fs::rename(&self.staging, &self.target) {
            if had_previous {
                let _ = std::fs::rename(&old, &self.target);
            }
            return Err(Error::io(&self.target, e));
        }
        if had_previous {
            std::fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
        }
        Ok(())
    }

    /// Drops the staging folder; the previous output stays untouched.
    pub fn abort(self) {
        let _ = std::fs::remove_dir_all(&self.staging);
    }
}

impl DiskOutput {
    /// Where `path` goes in the staging folder, with its folder made.
    fn place(&self, path: &str) -> Result<PathBuf, Error> {
        let full = self.staging.join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        Ok(full)
    }
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

/// An absolute, `..`-free form of `path` without touching the disk (it may not exist yet).
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_owned()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    // Resolve symlinks of the part that exists, so `./x/../site` and a link both compare right.
    let mut existing = out.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (
            existing.file_name().map(|n| n.to_owned()),
            existing.parent().map(Path::to_path_buf),
        ) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent;
            }
            _ => break,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    resolved
}

/// The output folder may never be the site folder, a parent of it, or inside its sources.
pub fn check_target(root: &Path, target: &Path) -> Result<(), Error> {
    let root = absolute(root);
    let target = absolute(target);
    let refuse = |what: &str| {
        Err(Error::usage(
            format!("refusing to write the site into `{}`: it is {what}, and a build replaces the whole folder", target.display()),
            Some("pass an output folder of its own, e.g. `--out public`"),
        ))
    };
    if target == root {
        return refuse("the site folder");
    }
    if root.starts_with(&target) {
        return refuse("a parent of the site folder");
    }
    for source in ["content", "static", "themes"] {
        if target.starts_with(root.join(source)) {
            return refuse(&format!("inside `{source}/`"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_outputs_that_would_eat_the_site() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        assert!(check_target(root, &root.join("public")).is_ok());
        assert!(check_target(root, root).is_err());
        assert!(check_target(root, &root.join("content")).is_err());
        assert!(check_target(root, &root.join("content/x")).is_err());
        assert!(check_target(root, root.parent().unwrap()).is_err());
        assert!(check_target(root, &root.join("public/../.")).is_err());
    }
}
