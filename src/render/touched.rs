//! What a rebuild renders again after an edit: fingerprints of the validated model before and
//! after a change decide which pages and feeds the change touches (`Touched::affects`,
//! `Touched::stale_feeds`). A share kit has a fingerprint of its own, made of what
//! `ShareKits::selection` says it holds.
//! `serve` keeps the fingerprints in memory; `build` keeps them in the output's record
//! (`pipeline::unchanged`), so the hashes are made with a fixed-key hasher: the same model gives
//! the same fingerprints in every run of the same program. Stories, ambassadors, vacancies,
//! hashtags and pages are hashed by their `Hash` (every field, a body by its length and BLAKE3
//! hash, which a body kept between rebuilds makes once); the rest of the site, hashed once per
//! build, by its `Debug` text.

use std::fmt::Write as _;
use std::hash::{DefaultHasher, Hash, Hasher};

use rayon::prelude::*;

use crate::model::cards::CardOf;
use crate::model::Site;
use crate::render::feeds::Stale;
use crate::render::pagination::{on_page, page_range};
use crate::render::plan::{Job, Layout};
use crate::share::kit::ShareKits;

/// A hash of everything that decides the set of pages and what every page shares (configuration,
/// order, visibility, tag counts, who has a kit), and one hash per story, ambassador, vacancy,
/// hashtag, page and share kit.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Fingerprints {
    structure: u64,
    stories: Vec<u64>,
    ambassadors: Vec<u64>,
    vacancies: Vec<u64>,
    hashtags: Vec<u64>,
    pages: Vec<u64>,
    /// In the order of `ShareKits::kits`.
    kits: Vec<u64>,
    /// Each vacancy's own fields, without the stories beside it: what its card shows.
    vacancy_cards: Vec<u64>,
}

/// What changed between two builds with the same structure, as flags by index.
#[derive(Debug)]
pub struct Touched {
    stories: Vec<bool>,
    ambassadors: Vec<bool>,
    vacancies: Vec<bool>,
    hashtags: Vec<bool>,
    pages: Vec<bool>,
    kits: Vec<bool>,
    vacancy_cards: Vec<bool>,
    /// Per story: whether it shows differently on a card or its page (its own fields, its
    /// ambassador, its hashtags), worked out once, as pages ask it of the same stories again and
    /// again.
    shown: Vec<bool>,
    /// Per ambassador: whether any of their stories is `shown`.
    authored_shown: Vec<bool>,
    /// Whether any vacancy changed (a closed vacancy lists open ones).
    any_vacancy: bool,
}

/// Feeds `Debug` text into a hasher without building the string. A body is in it as its length
/// and hash (see `Html`'s `Debug`), which a body kept between rebuilds has made once.
struct HashWriter(blake3::Hasher);

impl std::fmt::Write for HashWriter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}

fn hash_debug(value: &impl std::fmt::Debug) -> u64 {
    let mut writer = HashWriter(blake3::Hasher::new());
    let _ = write!(writer, "{value:?}");
    let bytes = writer.0.finalize();
    u64::from_le_bytes(
        bytes.as_bytes()[..8]
            .try_into()
            .expect("a BLAKE3 hash has 32 bytes"),
    )
}

fn fingerprint(value: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// The `fingerprint` of each item, on every core.
fn hashes<T: Hash + Sync>(items: &[T]) -> Vec<u64> {
    items.par_iter().map(fingerprint).collect()
}

impl Fingerprints {
    pub fn of(site: &Site, layout: &Layout) -> Fingerprints {
        let mut structure = DefaultHasher::new();
        hash_debug(&site.config).hash(&mut structure);
        (site.today.to_string(), site.drafts).hash(&mut structure);
        hash_debug(&(&site.static_files, &site.logo_url, &site.logo_source)).hash(&mut structure);
        hash_debug(&site.photos).hash(&mut structure);
        hash_debug(&site.aliases).hash(&mut structure);
        // The sitemap, which a rebuild of touched pages keeps, has the date of every story and
        // vacancy.
        for story in &site.stories {
            (&story.slug, story.visibility, story.date).hash(&mut structure);
        }
        // Who has a kit decides which kit pages exist (a kit that goes away must not be left).
        for ambassador in &site.ambassadors {
            (&ambassador.id, ambassador.stories.len(), ambassador.social).hash(&mut structure);
        }
        for vacancy in &site.vacancies {
            (
                &vacancy.slug,
                vacancy.open,
                vacancy.visibility,
                vacancy.date,
            )
                .hash(&mut structure);
        }
        for tag in &site.hashtags {
            (&tag.key, tag.campaign, tag.stories.len()).hash(&mut structure);
        }
        for page in &site.pages {
            (&page.slug, &page.title, &page.url, page.visibility).hash(&mut structure);
        }
        // The filter pages of the vacancy list come and go with the values vacancies have.
        for facet in &layout.facets {
            for option in &facet.options {
                option.url.hash(&mut structure);
            }
        }
        // A story page shows the vacancies ranked beside it and a vacancy page its stories, so what
        // they show is part of them: a change of a vacancy, or of the ranking, touches the page.
        let links = &layout.links;
        let stories = hashes(&site.stories);
        let vacancies = hashes(&site.vacancies);
        let ambassadors = hashes(&site.ambassadors);
        let hashtags = hashes(&site.hashtags);
        let kits = kit_fingerprints(site, &stories, &ambassadors, &hashtags);
        let with_shown = |own: &[u64], shown: &[Vec<usize>], other: &[u64]| -> Vec<u64> {
            own.iter()
                .zip(shown)
                .map(|(&hash, shown)| {
                    let shown: Vec<u64> = shown.iter().map(|&i| other[i]).collect();
                    fingerprint(&(hash, shown))
                })
                .collect()
        };
        Fingerprints {
            structure: structure.finish(),
            stories: with_shown(&stories, &links.story_vacancies, &vacancies),
            ambassadors,
            vacancies: with_shown(&vacancies, &links.vacancy_stories, &stories),
            hashtags,
            pages: hashes(&site.pages),
            kits,
            vacancy_cards: vacancies,
        }
    }
}

/// One hash per kit of what it shows: its ambassador and, in order, each story it holds with the
/// story's author and hashtags. A story that enters or leaves a kit (its date, its consent, the
/// `max_stories` cut) changes the list, and so the hash; `site.yaml`, the build date and the
/// photos are in the structure.
fn kit_fingerprints(
    site: &Site,
    stories: &[u64],
    ambassadors: &[u64],
    hashtags: &[u64],
) -> Vec<u64> {
    ShareKits::selection(site)
        .iter()
        .map(|kit| {
            let mut hasher = DefaultHasher::new();
            ambassadors[kit.ambassador].hash(&mut hasher);
            for &i in &kit.stories {
                let story = &site.stories[i];
                (i, stories[i], ambassadors[story.ambassador]).hash(&mut hasher);
                for &h in &story.hashtags {
                    hashtags[h].hash(&mut hasher);
                }
            }
            hasher.finish()
        })
        .collect()
}

fn differ(old: &[u64], new: &[u64]) -> Vec<bool> {
    old.iter().zip(new).map(|(a, b)| a != b).collect()
}

impl Touched {
    /// `None` when the structure changed: then every page is rendered again. `site` is the model
    /// `new` was taken of.
    pub fn between(old: &Fingerprints, new: &Fingerprints, site: &Site) -> Option<Touched> {
        if old.structure != new.structure {
            return None;
        }
        let stories = differ(&old.stories, &new.stories);
        let ambassadors = differ(&old.ambassadors, &new.ambassadors);
        let vacancies = differ(&old.vacancies, &new.vacancies);
        let hashtags = differ(&old.hashtags, &new.hashtags);
        // A story as shown on a card or its page: its own fields, its ambassador and its hashtags.
        let shown: Vec<bool> = site
            .stories
            .iter()
            .enumerate()
            .map(|(i, story)| {
                stories[i]
                    || ambassadors[story.ambassador]
                    || story.hashtags.iter().any(|&h| hashtags[h])
            })
            .collect();
        let authored_shown = site
            .ambassadors
            .iter()
            .map(|a| a.stories.iter().any(|&i| shown[i]))
            .collect();
        Some(Touched {
            any_vacancy: vacancies.iter().any(|&v| v),
            stories,
            ambassadors,
            vacancies,
            hashtags,
            pages: differ(&old.pages, &new.pages),
            kits: differ(&old.kits, &new.kits),
            vacancy_cards: differ(&old.vacancy_cards, &new.vacancy_cards),
            shown,
            authored_shown,
        })
    }

    fn any_story_shown(&self, stories: &[usize]) -> bool {
        stories.iter().any(|&i| self.shown[i])
    }

    /// Whether the share kit at `k` in `ShareKits::kits` (its page, `delen.json` and `delen.ics`)
    /// may render differently: only these kits need their posts composed.
    pub(super) fn kit(&self, k: usize) -> bool {
        self.kits[k]
    }

    /// Whether the social card of `of` may look different. Its text is the item's own fields (a
    /// story's with its ambassador's name and role; a hashtag's with its count of stories) and
    /// the site's name; its photo, and the home card, are part of the structure.
    pub fn card(&self, of: CardOf) -> bool {
        match of {
            CardOf::Home => false,
            CardOf::Story(i) => self.shown[i],
            CardOf::Ambassador(i) => self.ambassadors[i],
            CardOf::Vacancy(i) => self.vacancy_cards[i],
            CardOf::Hashtag(i) => self.hashtags[i],
        }
    }

    /// Which feeds may read differently.
    pub(super) fn stale_feeds(&self) -> Stale {
        let any = |flags: &[bool]| flags.iter().any(|&f| f);
        let hashtags = any(&self.hashtags);
        Stale {
            vacancies: hashtags || any(&self.vacancy_cards),
            stories: hashtags || any(&self.stories) || any(&self.ambassadors),
        }
    }

    /// Whether `job` may render differently. The home page, the indexes and any kind of page this
    /// function does not know about are always rendered again: being wrong here costs a stale page.
    pub(super) fn affects(&self, site: &Site, job: &Job) -> bool {
        match *job {
            Job::Story(i) => {
                let story = &site.stories[i];
                let ambassador = &site.ambassadors[story.ambassador];
                self.shown[i]
                    || self.authored_shown[story.ambassador]
                    || ambassador.hashtags.iter().any(|&h| self.hashtags[h])
                    || story.vacancies.iter().any(|&v| self.vacancies[v])
            }
            Job::Ambassador(i) => {
                let ambassador = &site.ambassadors[i];
                self.ambassadors[i]
                    || self.authored_shown[i]
                    || ambassador.hashtags.iter().any(|&h| self.hashtags[h])
            }
            Job::Vacancy(i) => {
                let vacancy = &site.vacancies[i];
                // A closed vacancy lists open ones as alternatives.
                self.vacancies[i]
                    || (!vacancy.open && self.any_vacancy)
                    || self.any_story_shown(&vacancy.stories)
                    || vacancy.hashtags.iter().any(|&h| self.hashtags[h])
            }
            // A list page shows the cards of its own slice of stories; how many pages there are
            // is part of the structure.
            Job::StoryList(page) => page_range(site.stories.len(), page).any(|i| self.shown[i]),
            Job::Hashtag(i, page) => {
                self.hashtags[i] || self.any_story_shown(on_page(&site.hashtags[i].stories, page))
            }
            // The vacancy list and its filter pages show vacancy cards, and per filter how many
            // vacancies it has: only a vacancy's own fields.
            Job::VacancyList | Job::VacancyFilter(..) => self.vacancy_cards.iter().any(|&v| v),
            Job::Page(i) => self.pages[i],
            // A kit page is rendered with its `delen.json` and `delen.ics`; the index shows every
            // kit's figures (name, role, how many stories, the next date).
            Job::ShareKit(k) => self.kit(k),
            Job::ShareIndex => self.kits.iter().any(|&k| k),
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::story::ShareTexts;
    use crate::model::Visibility;

    fn site() -> Site {
        crate::render::tests::minimal_site()
    }

    /// The fingerprints of `site` as a build with the built-in theme takes them.
    fn fingerprints(site: &Site) -> Fingerprints {
        let theme = crate::theme::load(&site.root, &site.config.theme, site.config.language)
            .expect("the built-in theme loads");
        Fingerprints::of(site, &Layout::of(site, &theme.strings))
    }

    #[test]
    fn an_edited_story_touches_its_pages_and_nothing_else() {
        let mut site = site();
        let before = fingerprints(&site);
        let untouched =
            Touched::between(&before, &fingerprints(&site), &site).expect("same structure");
        assert!((0..site.stories.len()).all(|i| !untouched.affects(&site, &Job::Story(i))));
        assert!(untouched.affects(&site, &Job::Home));

        let edited = site
            .stories
            .iter()
            .position(|s| s.slug == "zeven-clienten")
            .expect("the fixture has this story");
        site.stories[edited].body_html.push_str("<p>Meer.</p>");
        let touched =
            Touched::between(&before, &fingerprints(&site), &site).expect("same structure");
        let author = site.stories[edited].ambassador;
        assert!(touched.affects(&site, &Job::Story(edited)));
        assert!(touched.affects(&site, &Job::Ambassador(author)));
        for (i, story) in site.stories.iter().enumerate() {
            let same_author = story.ambassador == author;
            assert_eq!(
                touched.affects(&site, &Job::Story(i)),
                same_author,
                "{}",
                story.slug
            );
        }
        for (i, tag) in site.hashtags.iter().enumerate() {
            if !tag.stories.is_empty() {
                let shows = tag.stories.contains(&edited);
                assert_eq!(
                    touched.affects(&site, &Job::Hashtag(i, 0)),
                    shows,
                    "{}",
                    tag.key
                );
            }
        }
        assert!(touched.affects(&site, &Job::StoryList(0)));
        // The vacancy list and feeds show only vacancies' own fields, not the stories beside them.
        assert!(!touched.affects(&site, &Job::VacancyList));
        let feeds = touched.stale_feeds();
        assert!(feeds.stories && !feeds.vacancies, "{feeds:?}");
        site.vacancies[0].title.push_str(" (32 uur)");
        let touched =
            Touched::between(&before, &fingerprints(&site), &site).expect("same structure");
        assert!(touched.affects(&site, &Job::VacancyList));
        assert!(touched.stale_feeds().vacancies);
    }

    /// Which kits `touched` says an edit affects, by ambassador id, and whether the kit index is.
    fn kits_affected(site: &Site, before: &Fingerprints) -> (Vec<String>, bool) {
        let touched = Touched::between(before, &fingerprints(site), site).expect("same structure");
        let kits = ShareKits::selection(site)
            .iter()
            .enumerate()
            .filter(|(k, _)| touched.affects(site, &Job::ShareKit(*k)))
            .map(|(_, kit)| site.ambassadors[kit.ambassador].id.clone())
            .collect();
        (kits, touched.affects(site, &Job::ShareIndex))
    }

    fn story(site: &Site, slug: &str) -> usize {
        site.stories
            .iter()
            .position(|s| s.slug == slug)
            .expect("the fixture has this story")
    }

    #[test]
    fn a_kit_is_touched_by_its_ambassador_and_the_stories_it_holds_and_nothing_else() {
        let mut site = site();
        // One story a kit: each ambassador's own newest, so the two kits hold different stories.
        site.config.share.max_stories = 1;
        let kits: Vec<(String, Vec<String>)> = ShareKits::selection(&site)
            .iter()
            .map(|kit| {
                let stories = kit.stories.iter().map(|&i| site.stories[i].slug.clone());
                (
                    site.ambassadors[kit.ambassador].id.clone(),
                    stories.collect(),
                )
            })
            .collect();
        assert_eq!(
            kits,
            [
                (
                    "anneke-van-t-hof".to_owned(),
                    vec!["avonddienst".to_owned()]
                ),
                (
                    "pieter-bakker".to_owned(),
                    vec!["zeven-clienten".to_owned()]
                ),
            ]
        );
        let before = fingerprints(&site);
        assert_eq!(kits_affected(&site, &before), (vec![], false));

        // The kit shows the story's title, summary, share texts and hashtags.
        let pieters = story(&site, "zeven-clienten");
        site.stories[pieters].title.push_str(" en meer");
        assert_eq!(
            kits_affected(&site, &before),
            (vec!["pieter-bakker".to_owned()], true)
        );
        let mut site = self::site();
        site.config.share.max_stories = 1;
        site.stories[pieters].share = Some(ShareTexts::All("Ik schreef dit.".to_owned()));
        assert_eq!(
            kits_affected(&site, &before),
            (vec!["pieter-bakker".to_owned()], true)
        );

        // A hashtag's spelling reaches the posts of every kit holding a story with it.
        let mut site = self::site();
        site.config.share.max_stories = 1;
        let tag = site.stories[story(&site, "avonddienst")].hashtags[0];
        site.hashtags[tag].name = site.hashtags[tag].name.to_uppercase();
        assert_eq!(
            kits_affected(&site, &before),
            (vec!["anneke-van-t-hof".to_owned()], true)
        );

        // The kit's own ambassador, and the author of a story in someone else's kit.
        let mut site = self::site();
        site.config.share.max_stories = 1;
        let pieter = site.stories[pieters].ambassador;
        site.ambassadors[pieter].role = "Wijkverpleegkundige".to_owned();
        assert_eq!(
            kits_affected(&site, &before),
            (vec!["pieter-bakker".to_owned()], true)
        );

        // A vacancy, shown beside the stories but not in a kit, touches no kit; nor does a page.
        let mut site = self::site();
        site.config.share.max_stories = 1;
        site.vacancies[0].title.push_str(" (32 uur)");
        site.pages[0].body_html.push_str("<p>Meer.</p>");
        assert_eq!(kits_affected(&site, &before), (vec![], false));
    }

    #[test]
    fn a_story_that_enters_or_leaves_a_kit_touches_it() {
        let mut site = site();
        let before = fingerprints(&site);
        // Without the cut, each kit holds both published stories: a colleague's edit reaches it.
        let pieters = story(&site, "zeven-clienten");
        site.stories[pieters].summary.push_str(" Met koffie.");
        let both = vec!["anneke-van-t-hof".to_owned(), "pieter-bakker".to_owned()];
        assert_eq!(kits_affected(&site, &before), (both.clone(), true));

        // A story whose consent no longer covers `social` leaves every kit it was in.
        let mut site = self::site();
        site.stories[pieters].social = false;
        assert_eq!(kits_affected(&site, &before), (both, true));

        // An ambassador who gets or loses a kit changes which kit pages there are.
        let mut site = self::site();
        let anneke = site.stories[story(&site, "avonddienst")].ambassador;
        site.ambassadors[anneke].social = false;
        assert!(Touched::between(&before, &fingerprints(&site), &site).is_none());
    }

    #[test]
    fn a_story_that_changes_visibility_changes_the_structure() {
        let mut site = site();
        let before = fingerprints(&site);
        site.stories[0].visibility = Visibility::Draft;
        assert!(Touched::between(&before, &fingerprints(&site), &site).is_none());
    }
}
