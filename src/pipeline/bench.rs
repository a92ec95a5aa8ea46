//! Entry points for the micro-benchmarks in `benches/micro.rs`: each runs one piece of a build the
//! way a build does, on input the bench prepares once. Not part of the public surface.

use std::collections::BTreeMap;
use std::path::Path;

use crate::base::date::Day;
use crate::base::language::Language;
use crate::base::source::SourceFile;
use crate::content::front_matter;
use crate::content::markdown::{self, LinkResolver, Resolution};
use crate::content::story::{self, StoryFront};
use crate::content::Loaded;
use crate::model::Site;
use crate::output::MemoryOutput;
use crate::render::touched::{Fingerprints, Touched};
use crate::render::Layout;
use crate::share::kit::ShareKits;
use crate::share::output::{kit_calendar, kit_json};
use crate::theme::Theme;

const STORY_PATH: &str = "content/stories/bench.md";

/// Splits and parses `text` as a story file's front-matter; returns whether it parsed without a
/// diagnostic.
pub fn front_matter(text: &str) -> bool {
    let file = SourceFile::new(STORY_PATH, text.to_owned());
    let (document, diagnostics) = front_matter::parse::<StoryFront>(file, &story::SCHEMA);
    document.is_some() && diagnostics.is_empty()
}

/// Every link resolves to itself, as a published page or address would.
struct EveryLink;

impl LinkResolver for EveryLink {
    fn resolve(&self, destination: &str, _is_image: bool) -> Resolution {
        Resolution::Url(destination.to_owned())
    }
}

/// A story file whose body is rendered again and again.
pub struct StoryBody {
    file: SourceFile,
    body_start: usize,
}

impl StoryBody {
    /// `text` is a whole story file; panics when its front-matter does not parse.
    pub fn new(text: &str) -> StoryBody {
        let file = SourceFile::new(STORY_PATH, text.to_owned());
        let (document, _) = front_matter::parse::<StoryFront>(file.clone(), &story::SCHEMA);
        let document = document.expect("the bench story's front-matter parses");
        StoryBody {
            file,
            body_start: document.body.start,
        }
    }

    /// The body as sanitised HTML, as `load` renders it (every link resolving).
    pub fn render(&self) -> String {
        markdown::render(&self.file, self.body_start, &EveryLink, Language::Nl)
            .html
            .to_string()
    }
}

/// A site loaded and validated once, for the benches that render from it.
pub struct LoadedSite {
    site: Site,
    theme: Theme,
}

/// One story's body edited after `Fingerprints` were taken: what `serve` renders after a save.
pub struct StoryEdit {
    loaded: LoadedSite,
    touched: Touched,
}

impl LoadedSite {
    /// Loads and validates the site in `root` as on `today`; panics on an error, which the bench
    /// site must not have. (The bench prepares the folder: a file of `src/` writes only the
    /// output and the image cache.)
    pub fn load(root: &Path, today: &str) -> LoadedSite {
        let options = super::Options {
            root: root.to_owned(),
            out: root.join("public"),
            drafts: false,
            base_url: None,
            today: Day::parse(today).expect("the bench's date"),
            mode: super::Mode::Check,
            cache_dir: None,
            progress: false,
            force: false,
            lock_wait: std::time::Duration::ZERO,
        };
        let loaded = super::load(&options, None).expect("the bench site loads");
        let Loaded::Ready(validated, diagnostics) = loaded else {
            panic!("the bench site's site.yaml has errors");
        };
        assert!(
            !diagnostics.has_errors(),
            "the bench site has errors: {diagnostics:?}"
        );
        let site = validated.site;
        let theme = crate::theme::load(root, &site.config.theme, site.config.language)
            .expect("the bench site's theme loads");
        LoadedSite { site, theme }
    }

    fn fingerprints(&self) -> Fingerprints {
        Fingerprints::of(&self.site, &Layout::of(&self.site, &self.theme.strings))
    }

    fn story(&self, slug: &str) -> usize {
        self.site
            .stories
            .iter()
            .position(|s| s.slug == slug)
            .unwrap_or_else(|| panic!("story `{slug}` is published"))
    }

    /// The site with a paragraph added to the body of story `slug`, and what that touches.
    pub fn edit_story(mut self, slug: &str) -> StoryEdit {
        let before = self.fingerprints();
        let i = self.story(slug);
        self.site.stories[i]
            .body_html
            .push_str("<p>Nog een alinea.</p>");
        let touched = Touched::between(&before, &self.fingerprints(), &self.site)
            .expect("a body edit keeps the structure");
        StoryEdit {
            loaded: self,
            touched,
        }
    }

    /// Nothing edited: what `serve` renders after a save that changes no page but the ones it
    /// always renders (home, indexes, 404, vacancy filters, redirects) and the feeds.
    pub fn edit_nothing(self) -> StoryEdit {
        let fingerprints = self.fingerprints();
        let touched =
            Touched::between(&fingerprints, &fingerprints, &self.site).expect("the same structure");
        StoryEdit {
            loaded: self,
            touched,
        }
    }

    /// The page of story `slug`, ready to be rendered again and again.
    pub fn story_page(&self, slug: &str) -> StoryPage<'_> {
        StoryPage(crate::render::OneStoryPage::new(
            &self.site,
            &self.theme,
            self.story(slug),
        ))
    }

    /// The place in the kits of the kit of the ambassador `id`; panics when there is none.
    pub fn kit_of(&self, id: &str) -> usize {
        ShareKits::selection(&self.site)
            .iter()
            .position(|kit| self.site.ambassadors[kit.ambassador].id == id)
            .unwrap_or_else(|| panic!("ambassador `{id}` has a share kit"))
    }

    /// One share kit as a build makes it: the posts of kit `k` composed for every platform (the
    /// other kits only chosen), then its `delen.json` and `delen.ics`. Returns their bytes.
    pub fn share_kit(&self, k: usize) -> usize {
        let kits = ShareKits::build_posts_of(&self.site, |i| i == k);
        let kit = &kits.kits[k];
        let strings = &self.theme.strings;
        kit_json(&self.site, kit).len()
            + kit_calendar(&self.site, kit, &|key| strings.get(key)).len()
    }
}

/// One story's page, its renderer (and every share kit) made once.
pub struct StoryPage<'a>(crate::render::OneStoryPage<'a>);

impl StoryPage<'_> {
    /// Renders the page into memory, as a build does: output path → bytes.
    pub fn render(&mut self) -> BTreeMap<String, Vec<u8>> {
        let output = MemoryOutput::default();
        self.0
            .render(&output)
            .expect("the bench story's page renders");
        output.into_files()
    }
}

impl StoryEdit {
    /// Renders into memory the pages the edit touches and the feeds: output path → bytes.
    pub fn render(&self) -> BTreeMap<String, Vec<u8>> {
        let output = MemoryOutput::default();
        let LoadedSite { site, theme } = &self.loaded;
        let layout = Layout::of(site, &theme.strings);
        crate::render::render_touched(site, theme, &output, layout, Some(&self.touched))
            .expect("the bench site renders");
        output.into_files()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = include_str!("../../benches/data/story.md");

    /// The example site of the repository with the bench story added, as `benches/micro.rs`
    /// makes it.
    fn site() -> LoadedSite {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let source = Path::new(env!("CARGO_MANIFEST_DIR"));
        for part in ["content", "static", "themes"] {
            copy_tree(&source.join(part), &dir.path().join(part));
        }
        let story = dir.path().join("content/stories/een-week-op-de-ic.md");
        std::fs::write(story, STORY).expect("the bench story is written");
        LoadedSite::load(dir.path(), "2026-11-23")
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

    #[test]
    fn the_bench_story_parses_and_has_every_kind_of_block() {
        assert!(front_matter(STORY));
        assert!(!front_matter("---\ntitle: [\n---\nTekst.\n"));
        let html = StoryBody::new(STORY).render();
        for element in [
            "<h2",
            "<ul>",
            "<ol>",
            "<blockquote>",
            "<a href=",
            "<em>",
            "<strong>",
        ] {
            assert!(html.contains(element), "no {element} in {html}");
        }
        let words = html.split_whitespace().count();
        assert!((600..800).contains(&words), "{words} words");
    }

    #[test]
    fn an_edit_renders_the_story_page_and_nothing_renders_only_the_fixed_pages() {
        let site = site();
        let kit = site.kit_of("anneke-van-t-hof");
        assert!(site.share_kit(kit) > 0);
        let unchanged = site.edit_nothing().render();
        let edited = self::site().edit_story("een-week-op-de-ic").render();
        let page = "verhalen/een-week-op-de-ic/index.html";
        assert!(edited.contains_key(page), "{:?}", edited.keys());
        assert!(!unchanged.contains_key(page));
        assert!(unchanged.contains_key("index.html"));
        assert!(unchanged.keys().all(|path| edited.contains_key(path)));
        let edited_page = String::from_utf8_lossy(&edited[page]).into_owned();
        assert!(edited_page.contains("Nog een alinea."));
    }

    #[test]
    fn the_story_page_is_the_page_a_build_writes() {
        let site = site();
        let files = site.story_page("een-week-op-de-ic").render();
        let page = String::from_utf8_lossy(&files["verhalen/een-week-op-de-ic/index.html"]);
        assert_eq!(files.len(), 1);
        assert!(page.contains("<h1>Een week op de IC"), "{page}");
    }
}
