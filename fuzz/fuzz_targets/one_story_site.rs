//! A copy of `tests/fixtures/minimal` with one story, `content/stories/fuzz.md`, written from
//! arbitrary bytes, loaded, validated and rendered into memory; a panic is a finding.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The site folder, made once per process; each input overwrites its story.
fn site() -> &'static Path {
    static SITE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &SITE
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let root = dir.path().join("site");
            let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/minimal");
            copy_tree(&fixture, &root);
            let stories = root.join("content/stories");
            std::fs::remove_dir_all(&stories).expect("the fixture's stories");
            std::fs::create_dir_all(&stories).expect("a stories folder");
            (dir, root)
        })
        .1
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder");
    for entry in std::fs::read_dir(from).expect("a fixture folder") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("a fixture file");
        }
    }
}

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let root = site();
    let story = root.join("content/stories/fuzz.md");
    std::fs::write(&story, bytes).expect("the story is written");
    werkenbij::pipeline::fuzz::load_and_render(root, bytes.first().is_some_and(|b| b % 2 == 0));
});
