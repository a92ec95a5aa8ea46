//! Which folders a command may replace or prune: the output folder and the image cache each stay
//! apart from the site's sources and from each other, so no command deletes a file it did not make.

use std::path::{Component, Path, PathBuf};

use crate::base::error::Error;

/// The folders of a site that only people write.
const SOURCES: [&str; 3] = ["content", "static", "themes"];

/// An absolute, `..`-free form of `path` with the symlinks of its existing part resolved, without
/// needing the rest to exist yet.
pub(crate) fn absolute(path: &Path) -> PathBuf {
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

/// Why `folder` may not be replaced or pruned as a whole, if it overlaps the site's sources: it is
/// the site folder or a parent of it (so it holds them all), or it is or lies inside `content/`,
/// `static/` or `themes/`.
fn overlap_with_sources(root: &Path, folder: &Path) -> Option<String> {
    if folder == root {
        return Some("the site folder".into());
    }
    if root.starts_with(folder) {
        return Some("a parent of the site folder".into());
    }
    for source in SOURCES {
        let source_dir = root.join(source);
        if folder == source_dir {
            return Some(format!("the `{source}/` folder"));
        }
        if folder.starts_with(&source_dir) {
            return Some(format!("inside `{source}/`"));
        }
    }
    None
}

/// Why two folders overlap: `a` is `b`, holds it or lies inside it.
fn overlap(a: &Path, b: &Path, b_name: &str) -> Option<String> {
    if a == b {
        Some(format!("the {b_name}"))
    } else if b.starts_with(a) {
        Some(format!(
            "a folder that holds the {b_name} `{}`",
            b.display()
        ))
    } else if a.starts_with(b) {
        Some(format!("inside the {b_name} `{}`", b.display()))
    } else {
        None
    }
}

/// The output folder may never overlap the site's sources or the image cache (a build replaces
/// the whole folder).
pub fn check_target(root: &Path, target: &Path, cache: Option<&Path>) -> Result<(), Error> {
    let root = absolute(root);
    let target = absolute(target);
    let why = overlap_with_sources(&root, &target)
        .or_else(|| cache.and_then(|cache| overlap(&target, &absolute(cache), "image cache")));
    match why {
        None => Ok(()),
        Some(what) => Err(Error::usage(
            format!(
                "refusing to write the site into `{}`: it is {what}, and a build replaces the whole folder",
                target.display()
            ),
            Some("pass an output folder of its own, e.g. `--out public`"),
        )),
    }
}

/// The image cache may never overlap the site's sources or the output folder (`cache prune`
/// removes what the site does not use, and a build replaces the output).
pub fn check_cache(root: &Path, cache: &Path, target: Option<&Path>) -> Result<(), Error> {
    let root = absolute(root);
    let cache = absolute(cache);
    let why = overlap_with_sources(&root, &cache)
        .or_else(|| target.and_then(|target| overlap(&cache, &absolute(target), "output folder")));
    match why {
        None => Ok(()),
        Some(what) => Err(Error::usage(
            format!(
                "refusing to use `{}` as the image cache: it is {what}",
                cache.display()
            ),
            Some("pass a cache folder of its own, e.g. `--cache-dir .werkenbij-cache`"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_outputs_that_would_eat_the_site_or_the_cache() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        let cache = root.join(".werkenbij-cache");
        let ok = |target: &Path| check_target(root, target, Some(&cache)).is_ok();
        assert!(ok(&root.join("public")));
        assert!(ok(&root.join("publicity")));
        for bad in [
            root.to_owned(),
            root.join("content"),
            root.join("content/x"),
            root.parent().unwrap().to_owned(),
            root.join("public/../."),
            cache.clone(),
            cache.join("x"),
        ] {
            assert!(!ok(&bad), "{}", bad.display());
        }
    }

    #[test]
    fn refuses_caches_that_overlap_the_sources_or_the_output() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        let out = root.join("public");
        let ok = |cache: &Path| check_cache(root, cache, Some(&out)).is_ok();
        assert!(ok(&root.join(".werkenbij-cache")));
        assert!(ok(&root.parent().unwrap().join("elsewhere")));
        for bad in [
            root.to_owned(),
            root.join("."),
            root.join("content"),
            root.join("content/cache"),
            root.join("static"),
            root.join("themes/default"),
            root.parent().unwrap().to_owned(),
            out.clone(),
            out.join("img"),
        ] {
            assert!(!ok(&bad), "{}", bad.display());
        }
        let message = check_cache(root, &root.join("content"), None)
            .unwrap_err()
            .to_string();
        assert_eq!(
            message,
            format!(
                "refusing to use `{}` as the image cache: it is the `content/` folder",
                absolute(&root.join("content")).display()
            )
        );
    }
}
