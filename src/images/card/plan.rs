//! The plan of every social card: where it goes, the photo under it and what it says, one
//! function per kind of page. Which card a page links is `model::cards`; drawing is `draw`.

use crate::content::vacancy::hours_text;
use crate::model::cards::{
    ambassador_card, hashtag_card, photo_fits, story_card, vacancy_card, CardOf, DEFAULT_CARD,
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
    plan_where(site, strings, |_| true)
}

/// The cards of `plan` that `keep` picks, in the same order and made the same way: `serve`
/// makes again only the cards of what an edit touched.
pub fn plan_where(site: &Site, strings: &Strings, keep: impl Fn(CardOf) -> bool) -> Vec<CardJob> {
    let stories = (0..site.stories.len()).map(CardOf::Story);
    let ambassadors = (0..site.ambassadors.len()).map(CardOf::Ambassador);
    let vacancies = (0..site.vacancies.len()).map(CardOf::Vacancy);
    let hashtags = (0..site.hashtags.len())
        .filter(|&i| !site.hashtags[i].stories.is_empty())
        .map(CardOf::Hashtag);
    let mut cards: Vec<(String, CardOf)> = std::iter::once(CardOf::Home)
        .chain(stories)
        .chain(ambassadors)
        .chain(vacancies)
        .chain(hashtags)
        .map(|of| (url(site, of), of))
        .collect();
    // Where two would share an address, the first in this order has it (a stable sort).
    cards.sort_by(|a, b| a.0.cmp(&b.0));
    cards.dedup_by(|a, b| a.0 == b.0);
    cards
        .into_iter()
        .filter(|&(_, of)| keep(of))
        .map(|(url, of)| {
            let (photo, text) = match of {
                CardOf::Home => home_card_text(site, strings),
                CardOf::Story(i) => story_card_text(site, strings, &site.stories[i]),
                CardOf::Ambassador(i) => ambassador_card_text(site, strings, i),
                CardOf::Vacancy(i) => vacancy_card_text(site, strings, i),
                CardOf::Hashtag(i) => hashtag_card_text(site, strings, i),
            };
            CardJob { url, photo, text }
        })
        .collect()
}

fn url(site: &Site, of: CardOf) -> String {
    match of {
        CardOf::Home => DEFAULT_CARD.to_owned(),
        CardOf::Story(i) => story_card(site, &site.stories[i]).url,
        CardOf::Ambassador(i) => ambassador_card(site, i).url,
        CardOf::Vacancy(i) => vacancy_card(site, i).url,
        CardOf::Hashtag(i) => hashtag_card(site, i).url,
    }
}

/// The photo under a card, if any, and what it says.
type Card = (Option<usize>, CardText);

/// Where no other card fits: the site's title on a text card.
fn home_card_text(site: &Site, strings: &Strings) -> Card {
    let text = CardText {
        kicker: None,
        title: site.config.title.clone(),
        byline: Some(strings.get("card_home_byline")),
        footer: site.config.organization.name.clone(),
    };
    (None, text)
}

/// A story: its title over its photo, by the ambassador's first name and role.
fn story_card_text(site: &Site, strings: &Strings, story: &Story) -> Card {
    let ambassador = &site.ambassadors[story.ambassador];
    let role = story.role.as_deref().unwrap_or(&ambassador.role);
    let photo = photo_fits(site, story.image.as_ref()).map(|(p, _)| p);
    let text = CardText {
        kicker: photo.is_none().then(|| strings.get("card_story")),
        title: story.title.clone(),
        byline: Some(format!("{} · {role}", ambassador.first_name())),
        footer: site.config.organization.name.clone(),
    };
    (photo, text)
}

/// An ambassador: their name over their photo, with role and department.
fn ambassador_card_text(site: &Site, strings: &Strings, index: usize) -> Card {
    let ambassador = &site.ambassadors[index];
    let photo = photo_fits(site, ambassador.photo.as_ref()).map(|(p, _)| p);
    let byline = match &ambassador.department {
        Some(department) => format!("{} · {department}", ambassador.role),
        None => ambassador.role.clone(),
    };
    let text = CardText {
        kicker: photo.is_none().then(|| strings.get("card_ambassador")),
        title: ambassador.name.clone(),
        byline: Some(byline),
        footer: site.config.organization.name.clone(),
    };
    (photo, text)
}

/// A vacancy: a text card with its title, city and hours.
fn vacancy_card_text(site: &Site, strings: &Strings, index: usize) -> Card {
    let vacancy = &site.vacancies[index];
    let mut byline = vacancy.location.city.clone();
    if let Some(hours) = vacancy.hours {
        byline = format!("{byline} · {}", hours_text(hours, site.config.language));
    }
    let text = CardText {
        kicker: Some(strings.get("card_vacancy")),
        title: vacancy.title.clone(),
        byline: Some(byline),
        footer: site.config.organization.name.clone(),
    };
    (None, text)
}

/// A hashtag: a text card with the tag and how many stories carry it.
fn hashtag_card_text(site: &Site, strings: &Strings, index: usize) -> Card {
    let tag = &site.hashtags[index];
    let count = tag.stories.len();
    let stories = strings.get(if count == 1 {
        "card_story_one"
    } else {
        "card_story_many"
    });
    let text = CardText {
        kicker: Some(strings.get("card_hashtag")),
        title: format!("#{}", tag.name),
        byline: Some(format!("{count} {stories}")),
        footer: site.config.organization.name.clone(),
    };
    (None, text)
}
