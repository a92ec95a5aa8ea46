//! What `serve` renders again after an edit: fingerprints of the validated model before and after
//! a change decide which pages the change touches (the feeds are always written again).

use std::fmt::Write as _;
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::model::Site;
use crate::render::pagination::on_page;
use crate::render::plan::Job;

/// A hash of everything that decides the set of pages and what every page shares (configuration,
/// order, visibility, tag counts), and one hash per story, ambassador, vacancy, hashtag and page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprints {
    structure: u64,
    stories: Vec<u64>,
    ambassadors: Vec<u64>,
    vacancies: Vec<u64>,
    hashtags: Vec<u64>,
    pages: Vec<u64>,
}

/// What changed between two builds with the same structure, as flags by index.
#[derive(Debug)]
pub struct Touched {
    stories: Vec<bool>,
    ambassadors: Vec<bool>,
    vacancies: Vec<bool>,
    hashtags: Vec<bool>,
    pages: Vec<bool>,
}

/// Feeds `Debug` text into a hasher without building the string.
struct HashWriter(DefaultHasher);

impl std::fmt::Write for HashWriter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}

fn hash_debug(value: &impl std::fmt::Debug) -> u64 {
    let mut writer = HashWriter(DefaultHasher::new());
    let _ = write!(writer, "{value:?}");
    writer.0.finish()
}

impl Fingerprints {
    pub fn of(site: &Site) -> Fingerprints {
        let mut structure = DefaultHasher::new();
        hash_debug(&site.config).hash(&mut structure);
        (site.today.to_string(), site.drafts).hash(&mut structure);
        hash_debug(&(&site.static_files, &site.logo_url, &site.logo_source)).hash(&mut structure);
        hash_debug(&site.photos).hash(&mut structure);
        hash_debug(&site.aliases).hash(&mut structure);
        for story in &site.stories {
            hash_debug(&(&story.slug, story.visibility)).hash(&mut structure);
        }
        for ambassador in &site.ambassadors {
            (&ambassador.id, ambassador.stories.len()).hash(&mut structure);
        }
        for vacancy in &site.vacancies {
            hash_debug(&(&vacancy.slug, vacancy.open, vacancy.visibility)).hash(&mut structure);
        }
        for tag in &site.hashtags {
            (&tag.key, tag.campaign, tag.stories.len()).hash(&mut structure);
        }
        for page in &site.pages {
            hash_debug(&(&page.slug, &page.title, &page.url, page.visibility)).hash(&mut structure);
        }
        // A story page shows the vacancies ranked beside it and a vacancy page its stories, so what
        // they show is part of them: a change of a vacancy, or of the ranking, touches the page.
        let links = crate::render::related::links(site);
        let stories: Vec<u64> = site.stories.iter().map(hash_debug).collect();
        let vacancies: Vec<u64> = site.vacancies.iter().map(hash_debug).collect();
        let with_shown = |own: &[u64], shown: &[Vec<usize>], other: &[u64]| -> Vec<u64> {
            own.iter()
                .zip(shown)
                .map(|(&hash, shown)| {
                    let shown: Vec<u64> = shown.iter().map(|&i| other[i]).collect();
                    hash_debug(&(hash, shown))
                })
                .collect()
        };
        Fingerprints {
            structure: structure.finish(),
            stories: with_shown(&stories, &links.story_vacancies, &vacancies),
            ambassadors: site.ambassadors.iter().map(hash_debug).collect(),
            vacancies: with_shown(&vacancies, &links.vacancy_stories, &stories),
            hashtags: site.hashtags.iter().map(hash_debug).collect(),
            pages: site.pages.iter().map(hash_debug).collect(),
        }
    }
}

fn differ(old: &[u64], new: &[u64]) -> Vec<bool> {
    old.iter().zip(new).map(|(a, b)| a != b).collect()
}

impl Touched {
    /// `None` when the structure changed: then every page is rendered again.
    pub fn between(old: &Fingerprints, new: &Fingerprints) -> Option<Touched> {
        if old.structure != new.structure {
            return None;
        }
        Some(Touched {
            stories: differ(&old.stories, &new.stories),
            ambassadors: differ(&old.ambassadors, &new.ambassadors),
            vacancies: differ(&old.vacancies, &new.vacancies),
            hashtags: differ(&old.hashtags, &new.hashtags),
            pages: differ(&old.pages, &new.pages),
        })
    }

    /// A story as shown on a card or its page: its own fields, its ambassador and its hashtags.
    fn story_shown(&self, site: &Site, i: usize) -> bool {
        let story = &site.stories[i];
        self.stories[i]
            || self.ambassadors[story.ambassador]
            || story.hashtags.iter().any(|&h| self.hashtags[h])
    }

    fn any_story_shown(&self, site: &Site, stories: &[usize]) -> bool {
        stories.iter().any(|&i| self.story_shown(site, i))
    }

    /// Whether `job` may render differently. The home page, the indexes and any kind of page this
    /// function does not know about are always rendered again: being wrong here costs a stale page.
    pub(super) fn affects(&self, site: &Site, job: &Job) -> bool {
        match *job {
            Job::Story(i) => {
                let story = &site.stories[i];
                let ambassador = &site.ambassadors[story.ambassador];
                self.story_shown(site, i)
                    || self.any_story_shown(site, &ambassador.stories)
                    || ambassador.hashtags.iter().any(|&h| self.hashtags[h])
                    || story.vacancies.iter().any(|&v| self.vacancies[v])
            }
            Job::Ambassador(i) => {
                let ambassador = &site.ambassadors[i];
                self.ambassadors[i]
                    || self.any_story_shown(site, &ambassador.stories)
                    || ambassador.hashtags.iter().any(|&h| self.hashtags[h])
            }
            Job::Vacancy(i) => {
                let vacancy = &site.vacancies[i];
                // A closed vacancy lists open ones as alternatives.
                self.vacancies[i]
                    || (!vacancy.open && self.vacancies.iter().any(|&v| v))
                    || self.any_story_shown(site, &vacancy.stories)
                    || vacancy.hashtags.iter().any(|&h| self.hashtags[h])
            }
            // A list page shows the cards of its own slice of stories; how many pages there are
            // is part of the structure.
            Job::StoryList(page) => {
                let all: Vec<usize> = (0..site.stories.len()).collect();
                self.any_story_shown(site, on_page(&all, page))
            }
            Job::Hashtag(i, page) => {
                self.hashtags[i]
                    || self.any_story_shown(site, on_page(&site.hashtags[i].stories, page))
            }
            Job::Page(i) => self.pages[i],
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Visibility;

    fn site() -> Site {
        crate::render::tests::minimal_site()
    }

    #[test]
    fn an_edited_story_touches_its_pages_and_nothing_else() {
        let mut site = site();
        let before = Fingerprints::of(&site);
        let untouched =
            Touched::between(&before, &Fingerprints::of(&site)).expect("same structure");
        assert!((0..site.stories.len()).all(|i| !untouched.affects(&site, &Job::Story(i))));
        assert!(untouched.affects(&site, &Job::Home));

        let edited = site
            .stories
            .iter()
            .position(|s| s.slug == "zeven-clienten")
            .expect("the fixture has this story");
        site.stories[edited].body_html.push_str("<p>Meer.</p>");
        let touched = Touched::between(&before, &Fingerprints::of(&site)).expect("same structure");
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
    }

    #[test]
    fn a_story_that_changes_visibility_changes_the_structure() {
        let mut site = site();
        let before = Fingerprints::of(&site);
        site.stories[0].visibility = Visibility::Draft;
        assert!(Touched::between(&before, &Fingerprints::of(&site)).is_none());
    }
}
