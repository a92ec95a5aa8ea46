//! The plan of every social card: where it goes, the photo under it and what it says, one
//! function per kind of page. Which card a page links is `model::cards`; drawing is `draw`.

use crate::content::vacancy::hours_text;
use crate::model::cards::{
    ambassador_card, hashtag_card, photo_fits, story_card, vacancy_card, DEFAULT_CARD,
};
use crate::model::{Site, Story};
use crate::theme::Strings;

/// A card to make: where it goes, the photo under it (if any) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardJob {
    pub url: String,
    /// Index into `Site::photos`; the photo is known to be large enough for a card.
    pub photo: Option<usize>,
    pub text: CardText,
}

/// What a card says.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CardText {
    /// A small line above the title on text cards ("Vacature").
    pub kicker: Option<String>,
    pub title: String,
    /// Name and role, or place and hours.
    pub byline: Option<String>,
    /// The organisation's name, in place of its logo.
    pub footer: String,
}

impl CardText {
    /// Every field, for the cache key.
    pub fn key_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for part in [
            self.kicker.as_deref().unwrap_or("\u{0}"),
            &self.title,
            self.byline.as_deref().unwrap_or("\u{0}"),
            &self.footer,
        ] {
            out.extend_from_slice(&(part.len() as u64).to_le_bytes());
            out.extend_from_slice(part.as_bytes());
        }
        out
    }
}

/// Every card of the site, sorted by URL.
pub fn plan(site: &Site, strings: &Strings) -> Vec<CardJob> {
    let mut jobs = vec![home_job(site, strings)];
    jobs.extend(
        site.stories
            .iter()
            .map(|story| story_job(site, strings, story)),
    );
    jobs.extend((0..site.ambassadors.len()).map(|i| ambassador_job(site, strings, i)));
    jobs.extend((0..site.vacancies.len()).map(|i| vacancy_job(site, strings, i)));
    jobs.extend(
        site.hashtags
            .iter()
            .enumerate()
            .filter(|(_, tag)| !tag.stories.is_empty())
            .map(|(i, _)| hashtag_job(site, strings, i)),
    );
    jobs.sort_by(|a, b| a.url.cmp(&b.url));
    jobs.dedup_by(|a, b| a.url == b.url);
    jobs
}

/// Where no other card fits: the site's title on a text card.
fn home_job(site: &Site, strings: &Strings) -> CardJob {
    CardJob {
        url: DEFAULT_CARD.to_owned(),
        photo: None,
        text: CardText {
            kicker: None,
            title: site.config.title.clone(),
            byline: Some(strings.get("card_home_byline")),
            footer: site.config.organization.name.clone(),
        },
    }
}

/// A story: its title over its photo, by the ambassador's first name and role.
fn story_job(site: &Site, strings: &Strings, story: &Story) -> CardJob {
    let ambassador = &site.ambassadors[story.ambassador];
    let role = story.role.as_deref().unwrap_or(&ambassador.role);
    let photo = photo_fits(site, story.image.as_ref()).map(|(p, _)| p);
    CardJob {
        url: story_card(site, story).url,
        photo,
        text: CardText {
            kicker: photo.is_none().then(|| strings.get("card_story")),
            title: story.title.clone(),
            byline: Some(format!("{} · {role}", ambassador.first_name())),
            footer: site.config.organization.name.clone(),
        },
    }
}

/// An ambassador: their name over their photo, with role and department.
fn ambassador_job(site: &Site, strings: &Strings, index: usize) -> CardJob {
    let ambassador = &site.ambassadors[index];
    let photo = photo_fits(site, ambassador.photo.as_ref()).map(|(p, _)| p);
    let byline = match &ambassador.department {
        Some(department) => format!("{} · {department}", ambassador.role),
        None => ambassador.role.clone(),
    };
    CardJob {
        url: ambassador_card(site, index).url,
        photo,
        text: CardText {
            kicker: photo.is_none().then(|| strings.get("card_ambassador")),
            title: ambassador.name.clone(),
            byline: Some(byline),
            footer: site.config.organization.name.clone(),
        },
    }
}

/// A vacancy: a text card with its title, city and hours.
fn vacancy_job(site: &Site, strings: &Strings, index: usize) -> CardJob {
    let vacancy = &site.vacancies[index];
    let mut byline = vacancy.location.city.clone();
    if let Some(hours) = vacancy.hours {
        byline = format!("{byline} · {}", hours_text(hours, site.config.language));
    }
    CardJob {
        url: vacancy_card(site, index).url,
        photo: None,
        text: CardText {
            kicker: Some(strings.get("card_vacancy")),
            title: vacancy.title.clone(),
            byline: Some(byline),
            footer: site.config.organization.name.clone(),
        },
    }
}

/// A hashtag: a text card with the tag and how many stories carry it.
fn hashtag_job(site: &Site, strings: &Strings, index: usize) -> CardJob {
    let tag = &site.hashtags[index];
    let count = tag.stories.len();
    let stories = strings.get(if count == 1 {
        "card_story_one"
    } else {
        "card_story_many"
    });
    CardJob {
        url: hashtag_card(site, index).url,
        photo: None,
        text: CardText {
            kicker: Some(strings.get("card_hashtag")),
            title: format!("#{}", tag.name),
            byline: Some(format!("{count} {stories}")),
            footer: site.config.organization.name.clone(),
        },
    }
}
