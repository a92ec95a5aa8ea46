//! Validation: turns the loaded `Content` into the `Site` that is published on the build date, and
//! reports every problem. This file runs the rule families in order; each has its own file.

mod aliases;
mod ambassadors;
mod brand;
mod consent;
mod editor;
mod hashtags;
mod links;
mod logo;
mod pages;
mod photos;
mod share_texts;
mod slugs;
mod stories;
mod vacancies;

use std::path::PathBuf;

use foldhash::{HashMap, HashSet};

use crate::base::date::Day;
use crate::base::diagnostics::Diagnostics;
use crate::content::cache::ContentCache;
use crate::content::{Content, Section};
use crate::model::{Photo, Site, Visibility};
pub use aliases::collisions as alias_collisions;
use hashtags::Hashtags;
use links::LinkIndex;

pub struct ValidateOptions {
    pub today: Day,
    pub drafts: bool,
}

/// Builds the site model. Rendering may start only when the diagnostics hold no error.
pub fn validate(content: Content, options: &ValidateOptions) -> (Site, Diagnostics) {
    validate_cached(content, options, None)
}

/// `validate`, taking the Markdown bodies that cannot have changed from `cache` (`serve`'s, or
/// the store of the last `build`).
pub fn validate_cached(
    content: Content,
    options: &ValidateOptions,
    cache: Option<&ContentCache>,
) -> (Site, Diagnostics) {
    let mut v = Validator {
        content: &content,
        cache,
        today: options.today,
        drafts: options.drafts,
        diagnostics: Diagnostics::new(),
        photos: Vec::new(),
        photo_by_source: HashMap::default(),
        ids: content.ids(),
    };
    v.brand_contrast();
    // The rules of each kind of document, in the order their diagnostics are given.
    let ambassadors = v.ambassadors();
    let vacancies = v.vacancies();
    let stories = v.stories(&ambassadors, &vacancies);
    let pages = v.pages();
    v.page_slugs(&pages);
    let index = LinkIndex::of_site(&content, &ambassadors, &stories, &vacancies, &pages);
    let bodies = v.bodies(&index, &ambassadors, &stories, &vacancies, &pages);

    // The model, which refers to its parts by position.
    let paths = &content.config.paths;
    let mut tags = Hashtags::of_site(&content.config.hashtags, paths);
    let mut site_stories =
        v.site_stories(stories, bodies.stories, &ambassadors, &vacancies, &mut tags);
    let mut site_ambassadors =
        v.site_ambassadors(ambassadors, bodies.ambassadors, &site_stories, &mut tags);
    let mut site_vacancies =
        v.site_vacancies(vacancies, bodies.vacancies, &site_stories, &mut tags);
    let aliases = v.aliases(&index, &pages);
    let site_pages = pages::site_pages(pages, bodies.pages, paths);
    let hashtags = tags.finish(
        &mut site_stories,
        &mut site_ambassadors,
        &mut site_vacancies,
        paths,
    );
    let (logo_url, logo_source) = v.logo();
    v.editor_script();
    let Validator {
        diagnostics,
        photos,
        ..
    } = v;
    // A broken key's stand-in value could fail a rule too: that is not a second error.
    let follows_from_broken_key = content.broken_key_filter();
    let diagnostics = diagnostics
        .into_iter()
        .filter(|d| !follows_from_broken_key(d))
        .collect();
    let site = Site {
        root: content.root.clone(),
        config: content.config.clone(),
        today: options.today,
        drafts: options.drafts,
        ambassadors: site_ambassadors,
        stories: site_stories,
        vacancies: site_vacancies,
        pages: site_pages,
        hashtags,
        aliases,
        photos,
        static_files: content.static_files.clone(),
        logo_url,
        logo_source,
    };
    (site, diagnostics)
}

/// The state the rules share: the content they read, the build's date and mode, what they found.
struct Validator<'c> {
    content: &'c Content,
    /// Rendered bodies kept between `serve`'s builds.
    cache: Option<&'c ContentCache>,
    today: Day,
    drafts: bool,
    diagnostics: Diagnostics,
    photos: Vec<Photo>,
    photo_by_source: HashMap<PathBuf, usize>,
    /// Section and slug of every file that parsed, published or not.
    ids: HashSet<(Section, &'c str)>,
}

impl Validator<'_> {
    /// How a document shows on this build, or `None` when it is not on it: drafts and documents
    /// released after today are only in a preview (`--drafts`). Pages have no release day.
    fn visibility(&self, draft: bool, release: Option<Day>) -> Option<Visibility> {
        let visibility = match release {
            _ if draft => Visibility::Draft,
            Some(day) if day > self.today => Visibility::Scheduled(day),
            _ => Visibility::Public,
        };
        (visibility == Visibility::Public || self.drafts).then_some(visibility)
    }

    /// A file of `section` named `slug` exists but could not be read: references to it are not
    /// "unknown" (its own error says what is wrong).
    /// Whether a file of `section` named `slug` exists, parsed or not, published or not.
    fn exists(&self, section: Section, slug: &str) -> bool {
        self.ids.contains(&(section, slug)) || self.unparsed(section, slug)
    }

    fn unparsed(&self, section: Section, slug: &str) -> bool {
        self.content
            .unparsed
            .iter()
            .any(|(s, x, _)| *s == section && x == slug)
    }
}

/// The position of each slug in a list; the last one wins where two share a slug.
fn positions<'a>(slugs: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    slugs.enumerate().map(|(i, slug)| (slug, i)).collect()
}
