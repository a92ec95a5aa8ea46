//! What the templates see: the site every page shares, and the cards, tags, images and profiles
//! that pages are made of, each built from the model in one place.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::content::vacancy::{hours_text, salary_text};
use crate::model::{Ambassador, PhotoRef, Site, Variant, Visibility};
use crate::render::vacancy_filter;
use crate::render::Renderer;

/// The site as every template sees it (`site.*`).
#[derive(Serialize)]
pub(super) struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    /// The path of `base_url` (`/werkenbij`, or empty), for the theme's own files.
    base_path: &'a str,
    /// `base_url` without its path, before an href to compare it with `meta.canonical`.
    origin: &'a str,
    language: &'static str,
    locale: &'static str,
    organization: &'a str,
    organization_url: &'a str,
    logo_url: Option<String>,
    primary: &'a str,
    accent: &'a str,
    /// Text colours that read on the primary and the accent colour.
    on_primary: String,
    on_accent: String,
    stories_url: String,
    vacancies_url: String,
    ambassadors_url: String,
    hashtags_url: String,
    pages: Vec<Link<'a>>,
    year: i16,
}

#[derive(Serialize)]
struct Link<'a> {
    title: &'a str,
    url: String,
}

impl<'a> SiteView<'a> {
    pub(super) fn new(site: &'a Site) -> SiteView<'a> {
        let c = &site.config;
        SiteView {
            title: &c.title,
            description: c.description.as_deref().unwrap_or(""),
            base_url: &c.base_url,
            base_path: c.base_path(),
            origin: c.origin(),
            language: c.language.code(),
            locale: c.language.locale(),
            organization: &c.organization.name,
            organization_url: &c.organization.url,
            logo_url: site.logo_url.as_deref().map(|url| site.href(url)),
            primary: &c.brand.primary,
            accent: &c.brand.accent,
            on_primary: c.brand.colours.primary.readable_text().hex(),
            on_accent: c.brand.colours.accent.readable_text().hex(),
            stories_url: site.href(&format!("/{}/", c.paths.stories)),
            vacancies_url: site.href(&format!("/{}/", c.paths.vacancies)),
            ambassadors_url: site.href(&format!("/{}/", c.paths.ambassadors)),
            hashtags_url: site.href(&format!("/{}/", c.paths.hashtags)),
            pages: site
                .pages
                .iter()
                .map(|p| Link {
                    title: &p.title,
                    url: site.href(&p.url),
                })
                .collect(),
            year: site.today.year(),
        }
    }
}

#[derive(Serialize)]
struct TagView<'a> {
    name: &'a str,
    url: Option<String>,
    count: usize,
    campaign: bool,
}

#[derive(Serialize)]
pub(super) struct ImageView<'a> {
    src: String,
    /// `url 480w, url 960w, …` of the JPEG variants, and of the WebP ones when written.
    srcset: String,
    webp_srcset: Option<String>,
    width: u32,
    height: u32,
    alt: &'a str,
}

#[derive(Serialize)]
struct StoryCard<'a> {
    title: &'a str,
    url: String,
    summary: &'a str,
    date: String,
    date_iso: String,
    ambassador: &'a str,
    ambassador_url: String,
    role: Option<&'a str>,
    image: Option<ImageView<'a>>,
    hashtags: Value,
}

#[derive(Serialize)]
struct VacancyCard<'a> {
    title: &'a str,
    url: String,
    department: Option<&'a str>,
    role: Option<&'a str>,
    city: &'a str,
    hours: Option<String>,
    salary: Option<String>,
    valid_through: String,
    open: bool,
    /// Filter keys for the list's script: `data-afdeling="intensive-care"`.
    filters: BTreeMap<&'static str, String>,
}

impl<'a> Renderer<'a> {
    /// Hashtag `i`, linked when it has a page; made once, as every card shows it.
    pub(super) fn tag(&self, i: usize) -> Value {
        self.tag_views[i]
            .get_or_init(|| {
                let tag = &self.site.hashtags[i];
                serde_json::to_value(TagView {
                    name: &tag.name,
                    url: self.tag_has_page[i].then(|| self.site.href(&tag.url)),
                    count: tag.stories.len(),
                    campaign: tag.campaign,
                })
                .expect("a tag serialises: its fields are strings, numbers and a flag")
            })
            .clone()
    }

    pub(super) fn tags(&self, hashtags: &[usize]) -> Value {
        Value::Array(hashtags.iter().map(|&h| self.tag(h)).collect())
    }

    pub(super) fn image(&self, r: &'a PhotoRef) -> ImageView<'a> {
        let photo = &self.site.photos[r.photo];
        let srcset = |url: fn(&Variant) -> Option<&String>| -> Option<String> {
            photo
                .variants
                .iter()
                .map(|v| url(v).map(|u| format!("{} {}w", self.site.href(u), v.width)))
                .collect::<Option<Vec<_>>>()
                .map(|list| list.join(", "))
        };
        ImageView {
            srcset: srcset(|v| Some(&v.jpeg_url)).unwrap_or_default(),
            webp_srcset: srcset(|v| v.webp_url.as_ref()),
            src: self.site.href(&photo.display_url),
            width: photo.display_width,
            height: photo.display_height,
            alt: &r.alt,
        }
    }

    /// The card of story `i` (into `Site::stories`), as every list shows it.
    pub(super) fn story_card(&self, i: usize) -> Value {
        let card = {
            let story = &self.site.stories[i];
            let ambassador = &self.site.ambassadors[story.ambassador];
            serde_json::to_value(StoryCard {
                title: &story.title,
                url: self.site.href(&story.url),
                summary: &story.summary,
                date: self.site.config.language.long_date(story.date),
                date_iso: story.date.to_string(),
                ambassador: &ambassador.name,
                ambassador_url: self.site.href(&ambassador.url),
                role: story.role.as_deref(),
                image: story.image.as_ref().map(|r| self.image(r)),
                hashtags: self.tags(&story.hashtags),
            })
            .expect("a card serialises: its fields are strings, numbers and lists")
        };
        self.cards.story(i, card)
    }

    /// The cards of stories `indices` (into `Site::stories`).
    pub(super) fn story_cards(&self, indices: impl IntoIterator<Item = usize>) -> Value {
        Value::Array(indices.into_iter().map(|i| self.story_card(i)).collect())
    }

    /// The card of vacancy `i` (into `Site::vacancies`), as every list shows it.
    pub(super) fn vacancy_card(&self, i: usize) -> Value {
        self.cards.vacancy(i, || {
            let vacancy = &self.site.vacancies[i];
            let language = self.site.config.language;
            serde_json::to_value(VacancyCard {
                title: &vacancy.title,
                url: self.site.href(&vacancy.url),
                department: vacancy.department.as_deref(),
                role: vacancy.role.as_deref(),
                city: &vacancy.location.city,
                hours: vacancy.hours.map(|h| hours_text(h, language)),
                salary: vacancy.salary.as_ref().map(|s| salary_text(s, language)),
                valid_through: language.long_date(vacancy.valid_through.day),
                open: vacancy.open,
                filters: vacancy_filter::card_filters(self.site, vacancy, &self.theme.strings),
            })
            .expect("a card serialises: its fields are strings, numbers and maps of strings")
        })
    }

    /// The cards of vacancies `indices` (into `Site::vacancies`).
    pub(super) fn vacancy_cards(&self, indices: impl IntoIterator<Item = usize>) -> Value {
        Value::Array(indices.into_iter().map(|i| self.vacancy_card(i)).collect())
    }

    /// Ambassador `i` as the profile, the list and a story's byline show them; made once, as
    /// every one of their stories shows them.
    pub(super) fn ambassador_view(&self, i: usize) -> Value {
        self.ambassador_views[i]
            .get_or_init(|| self.make_ambassador_view(&self.site.ambassadors[i]))
            .clone()
    }

    fn make_ambassador_view(&self, a: &'a Ambassador) -> Value {
        let initials: String = a
            .name
            .split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .filter_map(|w| w.chars().next())
            .take(2)
            .collect();
        serde_json::json!({
            "id": a.id,
            "name": a.name,
            "first_name": a.first_name(),
            "initials": initials,
            "role": a.role,
            "department": a.department,
            "location": a.location,
            "since": a.since.map(|s| s.year()),
            "bio_html": a.bio_html,
            "url": self.site.href(&a.url),
            "photo": a.photo.as_ref().map(|r| self.image(r)),
            "socials": a.socials,
            "story_count": a.stories.len(),
            "hashtags": self.tags(&a.hashtags),
        })
    }

    /// A preview banner for drafts and scheduled pages (only built with `--drafts`).
    pub(super) fn banner(&self, visibility: Visibility) -> Option<String> {
        match visibility {
            Visibility::Public => None,
            Visibility::Draft => Some(self.text("banner_draft")),
            Visibility::Scheduled(day) => Some(format!(
                "{} {}",
                self.text("banner_scheduled"),
                self.site.config.language.long_date(day)
            )),
        }
    }
}

pub(super) fn public(visibility: Visibility) -> bool {
    visibility == Visibility::Public
}
