//! The validated site: what is published on the build date, with references resolved to indices.
//! Every later stage reads this and nothing else.

use std::path::PathBuf;

use crate::base::date::{Day, Since, ValidThrough};
use crate::base::diagnostics::Diagnostic;
use crate::base::source::Span;
use crate::content::ambassador::Socials;
use crate::content::config::{Paths, SiteConfig};
use crate::content::story::{Focus, ShareTexts, StoryUtm};
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
    /// The programme figures for the internal report page, when `site.yaml` asks for it.
    pub report: Option<crate::report::Report>,
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
    /// The consent covers `social`: the ambassador gets a share kit and appears in others'.
    pub social: bool,
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
    /// The story's own `utm` medium and campaign, over those of `site.yaml`.
    pub utm: Option<StoryUtm>,
    /// The story's consent covers `social`: it may appear in share kits.
    pub social: bool,
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
    /// `apply_url` is the application form itself (schema.org `directApply`).
    pub direct_apply: bool,
    pub remote: Option<Remote>,
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
            crate::base::diagnostics::Severity::Error,
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
    /// The internal report page: fixed, so nobody has to configure a secret-looking path.
    pub fn report(&self) -> String {
        "/intern/rapport/".to_owned()
    }
}

impl Site {
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.config.base_url)
    }

    pub fn open_vacancies(&self) -> impl Iterator<Item = (usize, &Vacancy)> {
        self.vacancies.iter().enumerate().filter(|(_, v)| v.open)
    }

    /// Open, published vacancies whose last day falls within `days` days from the build date
    /// (today and the `days`-th day included), soonest first: for `report`.
    pub fn vacancies_closing_within(&self, days: i64) -> Vec<&Vacancy> {
        closing_within(&self.vacancies, self.today, days)
    }
}

fn closing_within(vacancies: &[Vacancy], today: Day, days: i64) -> Vec<&Vacancy> {
    let last = today.add_days(days);
    let mut closing: Vec<&Vacancy> = vacancies
        .iter()
        .filter(|v| v.open && v.visibility == Visibility::Public)
        .filter(|v| v.valid_through.day >= today && v.valid_through.day <= last)
        .collect();
    closing.sort_by(|a, b| (a.valid_through.day, &a.slug).cmp(&(b.valid_through.day, &b.slug)));
    closing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::date::ValidThrough;

    fn vacancy(slug: &str, valid_through: &str, open: bool) -> Vacancy {
        Vacancy {
            slug: slug.to_owned(),
            title: slug.to_owned(),
            date: Day::parse("2026-10-01").unwrap(),
            valid_through: ValidThrough::parse(valid_through).unwrap(),
            open,
            department: None,
            role: None,
            location: Location {
                city: "Utrecht".to_owned(),
                postal_code: None,
                street: None,
                region: None,
            },
            hours: None,
            salary: None,
            employment_types: Vec::new(),
            apply_url: None,
            direct_apply: false,
            remote: None,
            contact: None,
            hashtags: Vec::new(),
            identifier: slug.to_owned(),
            stories: Vec::new(),
            body_html: String::new(),
            url: format!("/vacatures/{slug}/"),
            visibility: Visibility::Public,
            source: PathBuf::from(format!("content/vacancies/{slug}.md")),
        }
    }

    #[test]
    fn vacancies_closing_within_a_window_soonest_first() {
        let today = Day::parse("2026-11-23").unwrap();
        let mut draft = vacancy("concept", "2026-11-25", true);
        draft.visibility = Visibility::Draft;
        let vacancies = vec![
            vacancy("later", "2026-12-07", true),
            vacancy("vandaag", "2026-11-23", true),
            vacancy("net-te-laat", "2026-12-08T00:30:00+01:00", true),
            vacancy("b-morgen", "2026-11-24", true),
            vacancy("a-morgen", "2026-11-24T12:00:00+01:00", true),
            vacancy("gesloten", "2026-11-20", false),
            vacancy("volgend-jaar", "2027-01-31", true),
            draft,
        ];
        let slugs = |days| -> Vec<&str> {
            closing_within(&vacancies, today, days)
                .iter()
                .map(|v| v.slug.as_str())
                .collect()
        };
        assert_eq!(slugs(0), ["vandaag"]);
        assert_eq!(slugs(14), ["vandaag", "a-morgen", "b-morgen", "later"]);
        assert_eq!(slugs(1), ["vandaag", "a-morgen", "b-morgen"]);
    }
}
