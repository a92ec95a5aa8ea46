//! Rendering: site, theme and programme figures -> paths and bytes. The page plan (`plan`) lists every page, one
//! function per page kind (`pages/`) fills its template from the shared views (`views`,
//! `pagination`, `seo`), and the pages render in parallel with Tera. Beside the pages: the
//! sitemap and robots.txt (`sitemap`), every feed (`feeds/`), related content (`related`) and the
//! vacancy filters (`vacancy_filter`). `touched` decides which pages a rebuild (`serve`, or a
//! `build` into its previous output) renders again.

mod cards;
mod feeds;
mod pages;
mod pagination;
mod plan;
pub(crate) mod related;
pub(crate) mod seo;
mod sitemap;
pub mod touched;
mod vacancy_filter;
mod views;

use std::sync::OnceLock;

use rayon::prelude::*;
use tera::Context;

use crate::base::error::Error;
use crate::model::Site;
use crate::output::Output;
use crate::report::Report;
use crate::share::kit::ShareKits;
use crate::theme::Theme;
pub use plan::{Layout, RankedLinks};
use touched::Touched;

/// What a build wrote, for the summary line.
#[derive(Debug, Default, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub struct Counts {
    pub pages: usize,
    /// Pages rendered by this build: all of them, or those an edit touched (the rest were kept).
    #[serde(default)]
    pub rendered: usize,
    pub open_vacancies: usize,
    pub closed_vacancies: usize,
}

pub fn render(site: &Site, theme: &Theme, output: &dyn Output) -> Result<Counts, Error> {
    render_touched(site, theme, output, Layout::of(site, &theme.strings), None)
}

/// One story page rendered again and again, for the micro-benchmark of a story page
/// (`pipeline::bench`): the renderer (with every share kit) is made once.
#[doc(hidden)]
pub struct OneStoryPage<'a> {
    renderer: Renderer<'a>,
    context: Context,
    story: usize,
}

impl<'a> OneStoryPage<'a> {
    pub fn new(site: &'a Site, theme: &'a Theme, story: usize) -> OneStoryPage<'a> {
        let renderer = Renderer::new(site, None, theme);
        let context = renderer.base.clone();
        OneStoryPage {
            renderer,
            context,
            story,
        }
    }

    /// Renders the story's page into `output`, as a build does.
    pub fn render(&mut self, output: &dyn Output) -> Result<(), Error> {
        let job = plan::Job::Story(self.story);
        self.renderer
            .render_page(job, &mut self.context, output)
            .map(drop)
    }
}

/// The internal programme report page, as `index.html` of its own folder: never part of the
/// public site, which anyone could guess a path into.
pub fn report_page(
    site: &Site,
    figures: &Report,
    theme: &Theme,
    output: &dyn Output,
) -> Result<(), Error> {
    let renderer = Renderer::new(site, Some(figures), theme);
    renderer
        .render_page(plan::Job::Report, &mut renderer.base.clone(), output)
        .map(drop)
}

/// Every file `render` writes but the redirect pages of aliases, without rendering anything:
/// output file → what it is (for an alias that would overwrite it).
pub fn planned_files(site: &Site, theme: &Theme) -> std::collections::BTreeMap<String, String> {
    let mut renderer = Renderer::new(site, None, theme);
    // Only where each page goes is wanted: the cards need no HTML.
    renderer.cards =
        cards::Cards::new(&theme.tera, site.stories.len(), site.vacancies.len(), false);
    renderer.planned_files()
}

/// `render`, limited to the pages `touched` affects when given (the sitemap and the set of pages
/// are then unchanged, so they are not written again).
pub fn render_touched(
    site: &Site,
    theme: &Theme,
    output: &dyn Output,
    layout: Layout,
    touched: Option<&Touched>,
) -> Result<Counts, Error> {
    let kits = match touched {
        // Only the kits an edit touches are rendered, so only theirs need posts.
        Some(t) => ShareKits::build_posts_of(site, |k| t.kit(k)),
        None => ShareKits::build(site),
    };
    let renderer = Renderer::with_kits(site, None, theme, kits, layout);
    let jobs = renderer.plan();
    let written: Vec<Option<sitemap::SitemapEntry>> = jobs
        .par_iter()
        .filter(|job| touched.is_none_or(|t| t.affects(site, job)))
        .map_init(
            || renderer.base.clone(),
            |context, job| renderer.render_page(*job, context, output),
        )
        .collect::<Result<_, Error>>()?;
    let counts = Counts {
        pages: jobs.len(),
        rendered: written.len(),
        open_vacancies: site.open_vacancies().count(),
        closed_vacancies: site.vacancies.iter().filter(|v| !v.open).count(),
    };
    if let Some(touched) = touched {
        // The feeds list every story or every vacancy: written when any of those changed. The
        // sitemap and the editor's files change only with the structure (`touched`).
        feeds::write_stale(site, &theme.strings, output, touched.stale_feeds())?;
        return Ok(counts);
    }
    let mut indexable: Vec<sitemap::SitemapEntry> = written.into_iter().flatten().collect();
    indexable.sort_by(|a, b| a.path.cmp(&b.path));
    sitemap::write(site, &indexable, output)?;
    feeds::write(site, &theme.strings, output)?;
    for (path, bytes) in crate::editor::files(site) {
        output.write(&path, &bytes)?;
    }
    Ok(counts)
}

/// What every page function reads: the site, the theme and what is worked out once per build.
struct Renderer<'a> {
    site: &'a Site,
    /// The programme figures, for the report page of `report_page` only.
    figures: Option<&'a Report>,
    theme: &'a Theme,
    /// The context every page starts from: `site` and the theme's strings `t`.
    base: Context,
    /// Hashtags that have a page (at least one published story).
    tag_has_page: Vec<bool>,
    /// Ways to filter the vacancy list, each value with its own page.
    facets: Vec<vacancy_filter::Facet>,
    /// Stories beside each vacancy, vacancies beside each story.
    links: std::sync::Arc<related::Links>,
    kits: ShareKits,
    /// The story and vacancy cards, each made once.
    cards: cards::Cards,
    /// The view of each hashtag and each ambassador, made the first time a page shows them.
    tag_views: Vec<OnceLock<serde_json::Value>>,
    ambassador_views: Vec<OnceLock<serde_json::Value>>,
    /// The link of every page of the story list, and of each hashtag's list.
    story_list_urls: OnceLock<Vec<String>>,
    hashtag_urls: Vec<OnceLock<Vec<String>>>,
}

impl<'a> Renderer<'a> {
    fn new(site: &'a Site, figures: Option<&'a Report>, theme: &'a Theme) -> Self {
        let layout = Layout::of(site, &theme.strings);
        Renderer::with_kits(site, figures, theme, ShareKits::build(site), layout)
    }

    fn with_kits(
        site: &'a Site,
        figures: Option<&'a Report>,
        theme: &'a Theme,
        kits: ShareKits,
        layout: Layout,
    ) -> Self {
        let mut base = Context::new();
        base.insert("site", &views::SiteView::new(site));
        base.insert("t", &theme.strings);
        let tag_has_page = site
            .hashtags
            .iter()
            .map(|h| !h.stories.is_empty())
            .collect();
        Renderer {
            site,
            figures,
            theme,
            base,
            tag_has_page,
            facets: layout.facets,
            links: layout.links,
            kits,
            story_list_urls: OnceLock::new(),
            hashtag_urls: site.hashtags.iter().map(|_| OnceLock::new()).collect(),
            tag_views: site.hashtags.iter().map(|_| OnceLock::new()).collect(),
            ambassador_views: site.ambassadors.iter().map(|_| OnceLock::new()).collect(),
            cards: cards::Cards::new(&theme.tera, site.stories.len(), site.vacancies.len(), true),
        }
    }

    /// The theme's string for `key`.
    fn text(&self, key: &str) -> String {
        self.theme.strings.get(key)
    }
}

#[cfg(test)]
mod format_tests;

#[cfg(test)]
mod tests {
    use crate::model::Site;

    /// The `minimal` fixture, loaded and validated, drafts included.
    pub(super) fn minimal_site() -> Site {
        let options = crate::pipeline::Options {
            root: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal"),
            out: std::path::PathBuf::from("public"),
            drafts: true,
            base_url: None,
            today: crate::base::date::Day::parse("2026-11-23").expect("a date"),
            mode: crate::pipeline::Mode::Build,
            cache_dir: None,
            progress: false,
            force: false,
            lock_wait: std::time::Duration::from_secs(60),
        };
        match crate::pipeline::load(&options, None).expect("the fixture loads") {
            crate::content::Loaded::Ready(validated, _) => validated.site,
            crate::content::Loaded::ConfigErrors(_) => panic!("the fixture has a bad site.yaml"),
        }
    }
}
