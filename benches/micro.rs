//! Micro-benchmarks of the pieces of a build, with divan: one story file's front-matter, its
//! Markdown body, its page, the pages one story's edit renders again, and one share kit.
//!
//! `cargo bench --bench micro` runs them all; `cargo bench --bench micro -- markdown` only those
//! whose name has `markdown`; `cargo bench --bench micro -- --test` runs each once, and so does
//! `cargo test --bench micro` (CI does).
//! The story is `benches/data/story.md` (about 650 words with headings, lists, links and a quote);
//! the site is the example site of the repository with that story added (copied into a temporary
//! folder first).

use std::path::Path;

use divan::{black_box, Bencher};
use werkenbij::pipeline::bench::{self, LoadedSite, StoryBody};

const STORY: &str = include_str!("data/story.md");
/// The bench story's slug in the site: its file name.
const SLUG: &str = "een-week-op-de-ic";
/// The bench story's author, who has a share kit.
const AUTHOR: &str = "anneke-van-t-hof";
const NOW: &str = "2026-11-23";

fn main() {
    divan::main();
}

#[divan::bench]
fn front_matter() -> bool {
    bench::front_matter(black_box(STORY))
}

#[divan::bench]
fn markdown(bencher: Bencher) {
    let body = StoryBody::new(STORY);
    bencher.bench(|| body.render());
}

/// The example site of the repository with the bench story added, in a temporary folder, loaded
/// and validated.
fn site() -> LoadedSite {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let source = Path::new(env!("CARGO_MANIFEST_DIR"));
    for part in ["content", "static", "themes"] {
        copy_tree(&source.join(part), &dir.path().join(part));
    }
    let story = dir
        .path()
        .join("content/stories")
        .join(format!("{SLUG}.md"));
    std::fs::write(story, STORY).expect("the bench story is written");
    LoadedSite::load(dir.path(), NOW)
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("the example site is readable");
        let target = to.join(entry.path().strip_prefix(from).expect("below `from`"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("a folder in the copy");
        } else {
            std::fs::copy(entry.path(), &target).expect("a file copied");
        }
    }
}

/// The pages `serve` renders after the bench story's body changed: the story, its author's page,
/// the list and hashtag pages that show it, the kit that holds it, the pages always rendered and
/// the feeds. `unchanged` is the last part alone; the difference is the story's own share.
mod story_edit {
    use super::*;

    #[divan::bench]
    fn edited(bencher: Bencher) {
        let edit = site().edit_story(SLUG);
        bencher.bench(|| edit.render().len());
    }

    #[divan::bench]
    fn unchanged(bencher: Bencher) {
        let edit = site().edit_nothing();
        bencher.bench(|| edit.render().len());
    }
}

/// The bench story's page, its share kits already made.
#[divan::bench]
fn story_page(bencher: Bencher) {
    let site = site();
    let mut page = site.story_page(SLUG);
    bencher.bench_local(|| page.render().len());
}

/// The posts of the author's kit for every platform, its `delen.json` and `delen.ics`.
#[divan::bench]
fn share_kit(bencher: Bencher) {
    let site = site();
    let kit = site.kit_of(AUTHOR);
    bencher.bench(|| site.share_kit(kit));
}
