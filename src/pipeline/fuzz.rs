//! Entry points for the `cargo fuzz` targets in `fuzz/`: each takes arbitrary bytes and runs one
//! stage the way a build does. Not part of the public surface; a panic here is a finding.

use std::path::Path;

use crate::base::language::Language;
use crate::base::source::SourceFile;
use crate::content::front_matter;
use crate::content::markdown::{self, LinkResolver, Resolution};
use crate::content::story::{self, StoryFront};
use crate::content::Loaded;
use crate::output::MemoryOutput;

fn text(bytes: &[u8]) -> Option<String> {
    std::str::from_utf8(bytes).ok().map(str::to_owned)
}

/// Splits and parses `bytes` as a story's front-matter.
pub fn front_matter(bytes: &[u8]) {
    if let Some(text) = text(bytes) {
        let file = SourceFile::new("content/stories/fuzz.md", text);
        let _ = front_matter::parse::<StoryFront>(file, &story::SCHEMA);
    }
}

/// Parses `bytes` as `content/consent.yaml`.
pub fn consent(bytes: &[u8]) {
    if let Some(text) = text(bytes) {
        let file = SourceFile::new("content/consent.yaml", text);
        let _ = crate::content::consent::ConsentRegister::parse(file, &|id| id.len() % 2 == 0);
    }
}

/// Every destination resolves, to a page or to nothing, in turn.
struct AnyLink;

impl LinkResolver for AnyLink {
    fn resolve(&self, destination: &str, _is_image: bool) -> Resolution {
        match destination.len() % 3 {
            0 => Resolution::Url(destination.to_owned()),
            1 => Resolution::Unpublished {
                reason: "not published".to_owned(),
            },
            _ => Resolution::Broken {
                message: "broken".to_owned(),
                hint: "fix it".to_owned(),
            },
        }
    }
}

/// Renders `bytes` as a story body, sanitised; the HTML must hold no script.
pub fn markdown(bytes: &[u8]) {
    if let Some(text) = text(bytes) {
        let file = SourceFile::new("content/stories/fuzz.md", text);
        let rendered = markdown::render(&file, 0, &AnyLink, Language::Nl);
        let lower = rendered.html.to_ascii_lowercase();
        assert!(
            !lower.contains("<script"),
            "a script survived: {}",
            rendered.html
        );
        for attribute in ["href=\"javascript:", "src=\"javascript:"] {
            assert!(
                !lower.contains(attribute),
                "a javascript: URL survived: {}",
                rendered.html
            );
        }
    }
}

/// Loads, validates and renders into memory the site in `root`: the fuzz target has just written
/// its one story from arbitrary bytes. `drafts` builds a preview.
pub fn load_and_render(root: &Path, drafts: bool) {
    let options = super::Options {
        root: root.to_owned(),
        out: root.join("public"),
        drafts,
        base_url: None,
        today: crate::base::date::Day::parse("2026-11-23").expect("a fixed date"),
        mode: super::Mode::Check,
        cache_dir: None,
        progress: false,
        force: false,
        lock_wait: std::time::Duration::ZERO,
    };
    let Ok(Loaded::Ready(validated, diagnostics)) = super::load(&options, None) else {
        return;
    };
    if diagnostics.has_errors() {
        return;
    }
    let site = &validated.site;
    let Ok(theme) = crate::theme::load(root, &site.config.theme, site.config.language) else {
        return;
    };
    let output = MemoryOutput::default();
    crate::render::render(site, &theme, &output).expect("a validated site renders");
}
