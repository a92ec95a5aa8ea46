//! The validated site: what is published on the build date, with references resolved to indices,
//! its URL paths, its photos and their geometry. Every stage after validation reads this.

pub mod cards;
pub mod paths;
pub mod photos;

pub use photos::{Origin, Photo, PhotoRef, Variant};

use std::path::PathBuf;

use crate::base::date::{Day, Since, ValidThrough};
use crate::base::html::Html;
use crate::content::ambassador::Socials;
use crate::content::config::SiteConfig;
use crate::content::story::{ShareTexts, StoryUtm};
use crate::content::vacancy::{Contact, Hours, Location, Remote, Salary};

#[derive(Debug)]
pub struct Site {
    pub root: PathBuf,
    pub config: SiteConfig,
    pub today: Day,
    pub drafts: bool,
    /// Sorted by id.
    pub ambassadors: Vec<Ambassador>,
    /// Newest first.
    pub stories: Vec<Story>,
    /// Open and closed, newest first.
    pub vacancies: Vec<Vacancy>,
    pub pages: Vec<Page>,
    /// Sorted by key.
    pub hashtags: Vec<Hashtag>,
    pub aliases: Vec<Alias>,
    pub photos: Vec<Photo>,
    /// Relative to `static/`; copied as they are.
    pub static_files: Vec<PathBuf>,
    /// Site path of the organisation's logo, e.g. `/logo.svg`.
    pub logo_url: Option<String>,
    /// A logo outside `static/` is copied to `logo_url` from here.
    pub logo_source: Option<PathBuf>,
}

/// Why a published thing is shown in a preview only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Visibility {
    Public,
    Draft,
    Scheduled(Day),
}

/// `Hash` gives its fingerprint (see `render::touched`).
#[derive(Debug, Hash)]
pub struct Ambassador {
    pub id: String,
    pub name: String,
    pub role: String,
    pub department: Option<String>,
    pub location: Option<String>,
    pub photo: Option<PhotoRef>,
    pub socials: Socials,
    pub hashtags: Vec<usize>,
    pub since: Option<Since>,
    pub bio_html: Html,
    pub url: String,
    /// Indices into `Site::stories`, newest first.
    pub stories: Vec<usize>,
    pub source: PathBuf,
    /// The consent covers `social`: the ambassador gets a share kit and appears in others'.
    pub social: bool,
}

impl Ambassador {
    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or(&self.name)
    }
}

/// `Hash` gives its fingerprint (see `render::touched`).
#[derive(Debug, Hash)]
pub struct Story {
    pub slug: String,
    pub title: String,
    pub date: Day,
    pub ambassador: usize,
    pub consent: String,
    pub summary: String,
    pub hashtags: Vec<usize>,
    pub role: Option<String>,
    pub department: Option<String>,
    pub location: Option<String>,
    pub image: Option<PhotoRef>,
    pub quote: Option<String>,
    /// Indices into `Site::vacancies` of open ones this story links to.
    pub vacancies: Vec<usize>,
    pub share: Option<ShareTexts>,
    /// The story's own `utm` medium and campaign, over those of `site.yaml`.
    pub utm: Option<StoryUtm>,
    /// The story's consent covers `social`: it may appear in share kits.
    pub social: bool,
    pub body_html: Html,
    pub url: String,
    pub visibility: Visibility,
    pub source: PathBuf,
}

/// `Hash` gives its fingerprint (see `render::touched`).
#[derive(Debug, Hash)]
pub struct Vacancy {
    pub slug: String,
    pub title: String,
    pub date: Day,
    pub valid_through: ValidThrough,
    pub open: bool,
    pub department: Option<String>,
    pub role: Option<String>,
    pub location: Location,
    pub hours: Option<Hours>,
    pub salary: Option<Salary>,
    pub employment_types: Vec<String>,
    pub apply_url: Option<String>,
    /// `apply_url` is the application form itself (schema.org `directApply`).
    pub direct_apply: bool,
    pub remote: Option<Remote>,
    pub contact: Option<Contact>,
    pub hashtags: Vec<usize>,
    pub identifier: String,
    /// Indices into `Site::stories`.
    pub stories: Vec<usize>,
    pub body_html: Html,
    pub url: String,
    pub visibility: Visibility,
    pub source: PathBuf,
}

/// `Hash` gives its fingerprint (see `render::touched`).
#[derive(Debug, Hash)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub summary: Option<String>,
    pub body_html: Html,
    pub url: String,
    pub visibility: Visibility,
}

/// `Hash` gives its fingerprint (see `render::touched`).
#[derive(Debug, Hash)]
pub struct Hashtag {
    /// Lowercase, the URL segment.
    pub key: String,
    /// As written in site.yaml or first seen: `MeerDanBillenWassen`.
    pub name: String,
    pub campaign: bool,
    /// Indices into `Site::stories`, newest first.
    pub stories: Vec<usize>,
    pub url: String,
}

/// An old URL that redirects to a page's current one.
#[derive(Debug)]
pub struct Alias {
    /// Normalised: `/oud/` or `/oud.html`.
    pub from: String,
    pub to: String,
    /// The alias in its front-matter, to blame when it collides with a file of the output.
    pub origin: Origin,
}

impl Site {
    /// A site path (`/verhalen/x/`) as a full address: `base_url` with its path, then `path`.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.config.base_url)
    }

    /// A site path as the site's own pages, feeds and kits link it: below the path of
    /// `base_url` (`/werkenbij/verhalen/x/`), the path itself for a site at the root of its host.
    /// Site paths stay what the model holds and where the output files go.
    pub fn href(&self, path: &str) -> String {
        format!("{}{path}", self.config.base_path())
    }

    pub fn open_vacancies(&self) -> impl Iterator<Item = (usize, &Vacancy)> {
        self.vacancies.iter().enumerate().filter(|(_, v)| v.open)
    }
}
