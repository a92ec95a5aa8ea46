//! The validated site: what is published on the build date, with references resolved to indices.
//! Every later stage reads this and nothing else.

use std::path::PathBuf;

use crate::ambassador::Socials;
use crate::config::{Paths, SiteConfig};
use crate::date::{Day, Since, ValidThrough};
use crate::diagnostics::Diagnostic;
use crate::source::Span;
use crate::story::{Focus, ShareTexts};
use crate::vacancy::{Contact, Hours, Location, Salary};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    Public,
    Draft,
    Scheduled(Day),
}

#[derive(Debug)]
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
    pub bio_html: String,
    pub url: String,
    /// Indices into `Site::stories`, newest first.
    pub stories: Vec<usize>,
    pub source: PathBuf,
}

impl Ambassador {
    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or(&self.name)
    }
}

#[derive(Debug)]
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
    pub body_html: String,
    pub url: String,
    pub visibility: Visibility,
    pub source: PathBuf,
}

#[derive(Debug)]
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
    pub contact: Option<Contact>,
    pub hashtags: Vec<usize>,
    pub identifier: String,
    /// Indices into `Site::stories`.
    pub stories: Vec<usize>,
    pub body_html: String,
    pub url: String,
    pub visibility: Visibility,
    pub source: PathBuf,
}

#[derive(Debug)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub summary: Option<String>,
    pub body_html: String,
    pub url: String,
    pub visibility: Visibility,
}

#[derive(Debug)]
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
    pub from: String,
    pub to: String,
}

/// A photo used somewhere, with the variants made from it.
#[derive(Debug)]
pub struct Photo {
    pub source: PathBuf,
    pub origin: Origin,
    /// Upright size (EXIF orientation applied).
    pub width: u32,
    pub height: u32,
    /// The JPEG for browsers without `srcset`, and the size pages reserve (no layout shift).
    pub display_url: String,
    pub display_width: u32,
    pub display_height: u32,
    /// Responsive variants, narrowest first; never wider than the photo.
    pub variants: Vec<Variant>,
    /// Whether the photo is large enough for a sharp 1200×630 social card.
    pub fits_card: bool,
    pub focus: Focus,
}

/// One width of a photo, as JPEG and (with `images.webp`) as WebP.
#[derive(Debug, Clone)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub jpeg_url: String,
    pub webp_url: Option<String>,
}

#[derive(Debug, Clone)]
pub struct PhotoRef {
    pub photo: usize,
    pub alt: String,
}

/// Where a photo was named, to blame that line when it cannot be processed.
#[derive(Debug, Clone)]
pub struct Origin {
    pub path: PathBuf,
    pub span: Span,
    pub snippet: Option<String>,
}

impl Origin {
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        let mut d = Diagnostic::new(
            crate::diagnostics::Severity::Error,
            &self.path,
            self.span,
            message,
        );
        d.snippet = self.snippet.clone();
        d
    }
}

/// The site's 1200×630 text card: the home page's, and that of pages without a card of their own.
pub const DEFAULT_CARD: &str = "/og/default.jpg";
pub const CARD_WIDTH: u32 = 1200;
pub const CARD_HEIGHT: u32 = 630;
pub const STORIES_PER_PAGE: usize = 12;

impl Paths {
    pub fn story(&self, slug: &str) -> String {
        format!("/{}/{slug}/", self.stories)
    }
    pub fn vacancy(&self, slug: &str) -> String {
        format!("/{}/{slug}/", self.vacancies)
    }
    pub fn ambassador(&self, id: &str) -> String {
        format!("/{}/{id}/", self.ambassadors)
    }
    pub fn hashtag(&self, key: &str) -> String {
        format!("/{}/{key}/", self.hashtags)
    }
    pub fn page(&self, slug: &str) -> String {
        format!("/{slug}/")
    }
}

impl Site {
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.config.base_url)
    }

    pub fn open_vacancies(&self) -> impl Iterator<Item = (usize, &Vacancy)> {
        self.vacancies.iter().enumerate().filter(|(_, v)| v.open)
    }
}
