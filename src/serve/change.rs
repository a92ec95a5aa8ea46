//! Which file-system events matter to `serve`, and what each asks for: the content files to parse
//! again, or everything (theme, static files, site.yaml, photos).

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use notify::event::{AccessKind, AccessMode, EventKind};

/// What a batch of events asks the server to do.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Change {
    /// Markdown and YAML files under `content/`, relative to the site folder, sorted.
    pub content: Vec<PathBuf>,
    /// The theme, `static/`, `site.yaml` or a photo changed: load and render everything again.
    pub everything: bool,
}

impl Change {
    pub fn is_empty(&self) -> bool {
        self.content.is_empty() && !self.everything
    }
}

/// The bytes of each content file as they were when a rebuild last started for it: an event
/// that comes late for a save already built (a close after the write, seen in a batch of its own)
/// or a save of the same bytes needs no rebuild.
#[derive(Default)]
pub struct Seen(HashMap<PathBuf, Option<blake3::Hash>>);

impl Seen {
    /// Notes the bytes of `change`'s files (relative to `root`) as they are now; true when a
    /// rebuild is needed: everything changed, or a file's bytes differ from those noted before.
    pub fn needs_rebuild(&mut self, root: &Path, change: &Change) -> bool {
        let mut differ = change.everything;
        for path in &change.content {
            let now = std::fs::read(root.join(path))
                .ok()
                .map(|b| blake3::hash(&b));
            differ |= self.0.insert(path.clone(), now) != Some(now);
        }
        differ
    }
}

/// Whether an event may have changed a file. Reading one (the build itself opens every file) is
/// not an edit; closing a file written to is.
pub fn is_edit(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// Sorts the paths of one debounced batch into a `Change`. Editors save through temporary and
/// backup files (`.foo.md.swp`, `foo.md~`, `4913`, `.#foo.md`, `foo.md.tmp`), then rename over
/// the file: those helpers are ignored, and the renamed file itself counts as changed.
pub fn classify(root: &Path, paths: &[PathBuf]) -> Change {
    let mut change = Change::default();
    for path in paths {
        let Some(relative) = relative_to(root, path) else {
            continue;
        };
        if is_editor_file(&relative) {
            continue;
        }
        let mut components = relative.components();
        let top = match components.next() {
            Some(Component::Normal(top)) => top.to_string_lossy().into_owned(),
            _ => continue,
        };
        match top.as_str() {
            "themes" | "static" => change.everything = true,
            "content" => {
                let text_file = matches!(
                    relative.extension().and_then(|e| e.to_str()),
                    Some("md" | "yaml" | "yml")
                );
                if relative == Path::new(crate::content::config::SITE_FILE) {
                    change.everything = true;
                } else if text_file {
                    change.content.push(relative);
                } else if relative.extension().is_some() {
                    // A photo: its variants are made on a full build.
                    change.everything = true;
                } else {
                    // A folder appeared or went away (a new page bundle): parse what is in it.
                    change.content.push(relative);
                }
            }
            _ => {}
        }
    }
    change.content.sort();
    change.content.dedup();
    change
}

fn relative_to(root: &Path, path: &Path) -> Option<PathBuf> {
    if let Ok(relative) = path.strip_prefix(root) {
        return Some(relative.to_owned());
    }
    // The watcher reports absolute paths; the root may have been given relative or through a link.
    let root = root.canonicalize().ok()?;
    path.strip_prefix(&root).ok().map(Path::to_owned)
}

fn is_editor_file(relative: &Path) -> bool {
    relative.components().any(|component| match component {
        Component::Normal(name) => {
            let name = name.to_string_lossy();
            name.starts_with('.')
                || name.ends_with('~')
                || name.ends_with(".swp")
                || name.ends_with(".swx")
                || name.ends_with(".tmp")
                || name.ends_with(".crswap")
                || name.chars().all(|c| c.is_ascii_digit())
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(paths: &[&str]) -> Change {
        let root = Path::new("/site");
        let paths: Vec<PathBuf> = paths.iter().map(|p| root.join(p)).collect();
        classify(root, &paths)
    }

    #[test]
    fn a_file_whose_bytes_a_rebuild_already_started_from_needs_no_rebuild() {
        let dir = tempfile::tempdir().unwrap();
        let story = PathBuf::from("content/stories/a.md");
        std::fs::create_dir_all(dir.path().join("content/stories")).unwrap();
        std::fs::write(dir.path().join(&story), "een").unwrap();
        let change = Change {
            content: vec![story.clone()],
            everything: false,
        };
        let mut seen = Seen::default();
        assert!(seen.needs_rebuild(dir.path(), &change), "first seen");
        assert!(!seen.needs_rebuild(dir.path(), &change), "a late event");
        std::fs::write(dir.path().join(&story), "twee").unwrap();
        assert!(seen.needs_rebuild(dir.path(), &change), "new bytes");
        std::fs::remove_file(dir.path().join(&story)).unwrap();
        assert!(seen.needs_rebuild(dir.path(), &change), "removed");
        assert!(!seen.needs_rebuild(dir.path(), &change), "still removed");
        let everything = Change {
            content: Vec::new(),
            everything: true,
        };
        assert!(seen.needs_rebuild(dir.path(), &everything));
    }

    #[test]
    fn reading_a_file_is_no_edit() {
        use notify::event::{CreateKind, ModifyKind, RemoveKind, RenameMode};
        assert!(!is_edit(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!is_edit(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(is_edit(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(is_edit(&EventKind::Create(CreateKind::File)));
        assert!(is_edit(&EventKind::Modify(ModifyKind::Name(
            RenameMode::To
        ))));
        assert!(is_edit(&EventKind::Remove(RemoveKind::File)));
    }

    #[test]
    fn a_story_saved_is_a_content_change() {
        assert_eq!(
            change(&["content/stories/a.md", "content/stories/a.md"]),
            Change {
                content: vec![PathBuf::from("content/stories/a.md")],
                everything: false,
            }
        );
    }

    #[test]
    fn editor_helper_files_are_ignored() {
        let saved = change(&[
            "content/stories/.a.md.swp",
            "content/stories/a.md~",
            "content/stories/4913",
            "content/stories/.#a.md",
            "content/stories/a.md.tmp",
            "themes/default/templates/.story.html.swx",
        ]);
        assert!(saved.is_empty(), "{saved:?}");
    }

    #[test]
    fn a_save_through_rename_counts_the_real_file() {
        let saved = change(&["content/stories/a.md.tmp", "content/stories/a.md"]);
        assert_eq!(saved.content, vec![PathBuf::from("content/stories/a.md")]);
    }

    #[test]
    fn theme_static_config_and_photos_rebuild_everything() {
        for path in [
            "themes/default/templates/story.html",
            "static/logo.svg",
            "content/site.yaml",
            "content/stories/a/foto.jpg",
        ] {
            let change = change(&[path]);
            assert!(change.everything, "{path}");
            assert!(change.content.is_empty(), "{path}");
        }
    }

    #[test]
    fn the_output_and_elsewhere_are_ignored() {
        assert!(change(&["public/index.html", ".werkenbij-cache/x", "README.md"]).is_empty());
        assert!(classify(Path::new("/site"), &[PathBuf::from("/elsewhere/a.md")]).is_empty());
    }

    #[test]
    fn consent_register_and_bundles_are_content() {
        let saved = change(&["content/consent.yaml", "content/stories/nieuw"]);
        assert_eq!(
            saved.content,
            vec![
                PathBuf::from("content/consent.yaml"),
                PathBuf::from("content/stories/nieuw")
            ]
        );
        assert!(!saved.everything);
    }
}
