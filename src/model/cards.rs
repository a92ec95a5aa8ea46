//! Which social card each page links: a photo card for a story or profile whose photo is large
//! enough, a text card in the brand colours for everything else. The URL and alternative text
//! here are what the head meta, the share kits and the card plan of the image stage all use.

use crate::model::{PhotoRef, Site, Story};

/// The site's 1200×630 text card: the home page's, and that of pages without a card of their own.
pub const DEFAULT_CARD: &str = "/og/default.jpg";

/// What a card is of: the model item whose fields it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardOf {
    /// The site's own card (`DEFAULT_CARD`).
    Home,
    /// Indices into `Site::stories`, `Site::ambassadors`, `Site::vacancies` and `Site::hashtags`.
    Story(usize),
    Ambassador(usize),
    Vacancy(usize),
    Hashtag(usize),
}

/// A page's card as its head meta shows it: the URL and the alternative text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardRef {
    pub url: String,
    pub alt: String,
}

pub(crate) fn photo_fits(site: &Site, photo: Option<&PhotoRef>) -> Option<(usize, String)> {
    photo
        .filter(|r| site.photos[r.photo].fits_card)
        .map(|r| (r.photo, r.alt.clone()))
}

/// The card of a story: the one function every page that shows a story's card uses.
pub fn story_card(site: &Site, story: &Story) -> CardRef {
    let url = format!("/og/{}/{}.jpg", site.config.paths.stories, story.slug);
    match photo_fits(site, story.image.as_ref()) {
        Some((_, alt)) => CardRef { url, alt },
        None => CardRef {
            url,
            alt: story.title.clone(),
        },
    }
}

pub fn ambassador_card(site: &Site, index: usize) -> CardRef {
    let ambassador = &site.ambassadors[index];
    let url = format!(
        "/og/{}/{}.jpg",
        site.config.paths.ambassadors, ambassador.id
    );
    match photo_fits(site, ambassador.photo.as_ref()) {
        Some((_, alt)) => CardRef { url, alt },
        None => CardRef {
            url,
            alt: format!("{}, {}", ambassador.name, ambassador.role),
        },
    }
}

pub fn vacancy_card(site: &Site, index: usize) -> CardRef {
    let vacancy = &site.vacancies[index];
    CardRef {
        url: format!("/og/{}/{}.jpg", site.config.paths.vacancies, vacancy.slug),
        alt: vacancy.title.clone(),
    }
}

pub fn hashtag_card(site: &Site, index: usize) -> CardRef {
    let tag = &site.hashtags[index];
    CardRef {
        url: format!("/og/{}/{}.jpg", site.config.paths.hashtags, tag.key),
        alt: format!("#{}", tag.name),
    }
}
