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
        let _ = crate::content::consent::ConsentRegister::parse(file);
    }
}

/// Every destination resolves, to a page or to nothing, in turn.
struct AnyLink;

impl LinkResolver for AnyLink {
    fn resolve(&self, destination: &str, _is_image: bool) -> Resolution {
        match destination.len() % 3 {
            0 => Resolution::Url(destination.to_owned()),
            1 => Resolution::Unpublished {
                reason: "not published".into(),
            },
            _ => Resolution::Broken {
                message: "broken".into(),
                hint: "fix it".into(),
            },
        }
    }
}

/// Renders `bytes` as a story body, sanitised; the HTML must be harmless.
pub fn markdown(bytes: &[u8]) {
    if let Some(text) = text(bytes) {
        let file = SourceFile::new("content/stories/fuzz.md", text);
        assert_harmless(&markdown::render(&file, 0, &AnyLink, Language::Nl).html);
    }
}

/// Panics when `html`, parsed as a browser would, holds a script, an event handler or a
/// `javascript:` URL. (Text that merely reads `src="javascript:` is harmless.)
fn assert_harmless(html: &str) {
    let parsed = scraper::Html::parse_fragment(html);
    let elements = parsed.root_element().descendants();
    for element in elements.filter_map(scraper::ElementRef::wrap) {
        let element = element.value();
        assert_ne!(element.name(), "script", "a script survived: {html}");
        for (name, value) in element.attrs() {
            assert!(!name.starts_with("on"), "an event handler survived: {html}");
            let url: String = value
                .chars()
                .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
                .collect();
            assert!(
                !url.to_ascii_lowercase().starts_with("javascript:"),
                "a javascript: URL survived: {html}"
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Every seed and every finding kept in `fuzz/seeds/` runs without a panic, so a fixed finding
    /// stays fixed without a nightly toolchain.
    #[test]
    fn the_kept_fuzz_inputs_pass() {
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
        type Target = fn(&[u8]);
        let targets: [(&str, Target); 3] = [
            ("front_matter", super::front_matter),
            ("consent", super::consent),
            ("markdown", super::markdown),
        ];
        for (target, run) in targets {
            let mut inputs = 0;
            for entry in std::fs::read_dir(seeds.join(target)).expect("the seed folder") {
                run(&std::fs::read(entry.expect("a seed").path()).expect("a seed file"));
                inputs += 1;
            }
            assert!(inputs > 0, "no seeds for {target}");
        }
    }

    #[test]
    fn the_markdown_check_sees_what_a_browser_would_run() {
        super::assert_harmless(r#"<p>src="javascript:alert(1)" is only text</p>"#);
        for html in [
            r#"<a href=" java&#x09;script:alert(1)">x</a>"#,
            r#"<img src="x" onerror="alert(1)">"#,
            "<script>alert(1)</script>",
        ] {
            let caught = std::panic::catch_unwind(|| super::assert_harmless(html));
            assert!(caught.is_err(), "{html} passed");
        }
    }
}
