//! The plan of every social card: where it goes, the photo under it and what it says. Which card
//! a page links is `model::cards`; drawing is `draw`.

use crate::content::vacancy::hours_text;
use crate::images::card::draw::CardText;
use crate::model::cards::{
    ambassador_card, hashtag_card, photo_fits, story_card, vacancy_card, DEFAULT_CARD,
};
use crate::model::Site;
use crate::theme::Strings;

/// A card to make: where it goes, the photo under it (if any) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardJob {
    pub url: String,
    /// Index into `Site::photos`; the photo is known to be large enough for a card.
    pub photo: Option<usize>,
    pub text: CardText,
}

/// Every card of the site, sorted by URL.
pub fn plan(site: &Site, strings: &Strings) -> Vec<CardJob> {
    let text = |key: &str| strings.get(key);
    let footer = site.config.organization.name.clone();
    let mut jobs = vec![CardJob {
        url: DEFAULT_CARD.to_owned(),
        photo: None,
        text: CardText {
            kicker: None,
            title: site.config.title.clone(),
            byline: Some(text("card_home_byline")),
            footer: footer.clone(),
        },
    }];
    for story in &site.stories {
        let ambassador = &site.ambassadors[story.ambassador];
        let role = story.role.as_deref().unwrap_or(&ambassador.role);
        let photo = photo_fits(site, story.image.as_ref()).map(|(p, _)| p);
        jobs.push(CardJob {
            url: story_card(site, story).url,
            photo,
            text: CardText {
                kicker: photo.is_none().then(|| text("card_story")),
                title: story.title.clone(),
                byline: Some(format!("{} · {role}", ambassador.first_name())),
                footer: footer.clone(),
            },
        });
    }
    for (i, ambassador) in site.ambassadors.iter().enumerate() {
        let photo = photo_fits(site, ambassador.photo.as_ref()).map(|(p, _)| p);
        let byline = match &ambassador.department {
            Some(department) => format!("{} · {department}", ambassador.role),
            None => ambassador.role.clone(),
        };
        jobs.push(CardJob {
            url: ambassador_card(site, i).url,
            photo,
            text: CardText {
                kicker: photo.is_none().then(|| text("card_ambassador")),
                title: ambassador.name.clone(),
                byline: Some(byline),
                footer: footer.clone(),
            },
        });
    }
    for (i, vacancy) in site.vacancies.iter().enumerate() {
        let mut byline = vacancy.location.city.clone();
        if let Some(hours) = vacancy.hours {
            byline = format!("{byline} · {}", hours_text(hours, site.config.language));
        }
        jobs.push(CardJob {
            url: vacancy_card(site, i).url,
            photo: None,
            text: CardText {
                kicker: Some(text("card_vacancy")),
                title: vacancy.title.clone(),
                byline: Some(byline),
                footer: footer.clone(),
            },
        });
    }
    for (i, tag) in site.hashtags.iter().enumerate() {
        if tag.stories.is_empty() {
            continue;
        }
        let count = tag.stories.len();
        jobs.push(CardJob {
            url: hashtag_card(site, i).url,
            photo: None,
            text: CardText {
                kicker: Some(text("card_hashtag")),
                title: format!("#{}", tag.name),
                byline: Some(format!(
                    "{count} {}",
                    text(if count == 1 {
                        "card_story_one"
                    } else {
                        "card_story_many"
                    })
                )),
                footer: footer.clone(),
            },
        });
    }
    jobs.sort_by(|a, b| a.url.cmp(&b.url));
    jobs.dedup_by(|a, b| a.url == b.url);
    jobs
}
