//! `ShareKit`: per ambassador, the stories worth sharing with a ready post per platform, tracked
//! links and suggested dates, built from the `Site`. Its pages and files are `share::output`.

use rayon::prelude::*;

use crate::base::date::Day;
use crate::content::story::ShareTexts;
use crate::model::{Site, Story, Visibility};
use crate::share::compose::{self, Compose};
use crate::share::dates::{share_offset, suggested_date};
use crate::share::links::{intent_url, tracked_url};
use crate::share::platform::Platform;

/// Every kit of the site, in the order of `Site::ambassadors`.
#[derive(Debug)]
pub struct ShareKits {
    pub kits: Vec<ShareKit>,
}

#[derive(Debug)]
pub struct ShareKit {
    /// Index into `Site::ambassadors`.
    pub ambassador: usize,
    /// `/ambassadeurs/ID/delen/`
    pub url: String,
    /// `/ambassadeurs/ID/delen.json`
    pub json_url: String,
    /// `/ambassadeurs/ID/delen.ics`
    pub calendar_url: String,
    /// Own stories first, then colleagues', each group newest first.
    pub stories: Vec<KitStory>,
}

/// The stories one kit holds: what `ShareKits::selection` chooses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KitSelection {
    /// Index into `Site::ambassadors`.
    pub ambassador: usize,
    /// Indices into `Site::stories`: own stories first, then colleagues', each newest first.
    pub stories: Vec<usize>,
}

#[derive(Debug)]
pub struct KitStory {
    /// Index into `Site::stories`.
    pub story: usize,
    pub own: bool,
    pub suggested: Day,
    /// The suggested date has passed on the build date: share any time.
    pub any_time: bool,
    /// In the order of `share.platforms`.
    pub posts: Vec<KitPost>,
}

#[derive(Debug)]
pub struct KitPost {
    pub platform: Platform,
    pub tracked_url: String,
    /// The text to copy.
    pub text: String,
    /// The network's share dialog; `None` for Instagram.
    pub intent_url: Option<String>,
}

impl ShareKit {
    pub fn own_count(&self) -> usize {
        self.stories.iter().filter(|s| s.own).count()
    }

    /// The first suggested date on or after the build date.
    pub fn next_date(&self) -> Option<Day> {
        self.stories
            .iter()
            .filter(|s| !s.any_time)
            .map(|s| s.suggested)
            .min()
    }
}

/// The social card of a story and its alternative text: the one place that knows where cards
/// come from.
pub fn story_card(site: &Site, story: &Story) -> (String, String) {
    let card = crate::model::cards::story_card(site, story);
    (card.url, card.alt)
}

/// Public stories whose own and ambassador's consent cover `social`.
fn shareable(site: &Site, story: &Story) -> bool {
    story.visibility == Visibility::Public
        && story.social
        && site.ambassadors[story.ambassador].social
}

impl ShareKits {
    /// One kit per ambassador whose consent covers `social`, holding the stories of `selection`.
    pub fn build(site: &Site) -> ShareKits {
        ShareKits::build_posts_of(site, |_| true)
    }

    /// `build`, with the posts composed only for the kits `compose` picks (by their place in
    /// `kits`); the others keep their stories and dates, enough for the index of kits, but no
    /// posts. For `serve`, which renders again only the kits an edit touches: composing every
    /// post is most of what a kit costs.
    pub fn build_posts_of(site: &Site, compose: impl Fn(usize) -> bool + Sync) -> ShareKits {
        let platforms: Vec<Platform> = site
            .config
            .share
            .platforms
            .iter()
            .filter_map(|p| Platform::from_id(p))
            .filter(|p| *p != Platform::Mastodon || site.config.share.mastodon.is_some())
            .collect();
        let kits = ShareKits::selection(site)
            .into_par_iter()
            .enumerate()
            .map(|(k, chosen)| {
                let a = chosen.ambassador;
                let platforms: &[Platform] = if compose(k) { &platforms } else { &[] };
                let stories = chosen
                    .stories
                    .iter()
                    .map(|&i| kit_story(site, a, i, platforms))
                    .collect();
                let base = site.config.paths.share_kit(&site.ambassadors[a].id);
                ShareKit {
                    ambassador: a,
                    url: format!("{base}/"),
                    json_url: format!("{base}.json"),
                    calendar_url: format!("{base}.ics"),
                    stories,
                }
            })
            .collect();
        ShareKits { kits }
    }

    /// Which stories each kit holds, in the order of `kits`, without composing a post. Each kit
    /// takes at most `share.max_stories` stories from lists already sorted newest first, so a
    /// kit's cost does not grow with the archive.
    ///
    /// This is what a kit depends on beside `site.yaml`, the build date and the photos' card fit:
    /// a kit, its `delen.json` and `delen.ics` read its ambassador, these stories, their authors
    /// and their hashtags, and nothing else of the `Site` (`serve` relies on it, in
    /// `render::touched`: a kit that starts reading more must say so there).
    pub fn selection(site: &Site) -> Vec<KitSelection> {
        let max = site.config.share.max_stories as usize;
        let newest: Vec<usize> = (0..site.stories.len())
            .filter(|&i| shareable(site, &site.stories[i]))
            .collect();
        site.ambassadors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.social)
            .map(|(a, ambassador)| {
                let mut stories: Vec<usize> = ambassador
                    .stories
                    .iter()
                    .copied()
                    .filter(|&i| shareable(site, &site.stories[i]))
                    .take(max)
                    .collect();
                let colleagues = newest
                    .iter()
                    .copied()
                    .filter(|&i| site.stories[i].ambassador != a)
                    .take(max - stories.len());
                stories.extend(colleagues);
                KitSelection {
                    ambassador: a,
                    stories,
                }
            })
            .collect()
    }

    /// `/ambassadeurs/delen/`: the communications team's index of every kit.
    pub fn index_url(site: &Site) -> String {
        site.config.paths.share_index()
    }
}

fn kit_story(site: &Site, ambassador: usize, index: usize, platforms: &[Platform]) -> KitStory {
    let story = &site.stories[index];
    let config = &site.config;
    let id = &site.ambassadors[ambassador].id;
    let own = story.ambassador == ambassador;
    let offset = share_offset(id, &story.slug, own, config.share.spread_days);
    let suggested = suggested_date(story.date, offset);
    let mut kit_story = KitStory {
        story: index,
        own,
        suggested,
        any_time: suggested < site.today,
        posts: Vec::new(),
    };
    if platforms.is_empty() {
        // A kit without posts (`build_posts_of`) composes nothing.
        return kit_story;
    }
    let story_tags: Vec<(&str, bool)> = story
        .hashtags
        .iter()
        .map(|&h| (site.hashtags[h].name.as_str(), site.hashtags[h].campaign))
        .collect();
    let hashtags = compose::assemble_hashtags(
        config.hashtags.always.iter().map(String::as_str),
        &story_tags,
    );
    let host = config
        .base_url
        .split("://")
        .nth(1)
        .unwrap_or(&config.base_url);
    let parts = Compose {
        title: &story.title,
        summary: &story.summary,
        hashtags: &hashtags,
        language: config.language,
        host,
    };
    let medium = story
        .utm
        .as_ref()
        .and_then(|u| u.medium.as_deref())
        .unwrap_or(&config.share.utm.medium);
    let campaign = story
        .utm
        .as_ref()
        .and_then(|u| u.campaign.as_deref())
        .unwrap_or(&config.share.utm.campaign);
    let canonical = site.absolute(&story.url);
    kit_story.posts = platforms
        .iter()
        .map(|&platform| {
            let tracked_url = tracked_url(&canonical, platform, medium, campaign, id);
            // `share` texts are the author's own words ("I wrote…"): colleagues get composed ones.
            let written = match (&story.share, own) {
                (Some(ShareTexts::All(text)), true) => Some(text.as_str()),
                (Some(ShareTexts::PerPlatform(texts)), true) => {
                    texts.get(platform.id()).map(String::as_str)
                }
                _ => None,
            };
            let post = match written {
                Some(text) => compose::own_text(platform, text, &tracked_url),
                None => compose::compose(platform, &parts, &tracked_url),
            };
            let intent_url = intent_url(
                platform,
                &post,
                &tracked_url,
                &story.title,
                config.share.mastodon.as_deref(),
            );
            KitPost {
                platform,
                tracked_url,
                text: post.text,
                intent_url,
            }
        })
        .collect();
    kit_story
}
