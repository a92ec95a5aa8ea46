//! The page plan: which pages the site has, one `Job` per page, in the order they are listed.

use std::collections::BTreeMap;

use crate::model::Site;
use crate::render::pagination::page_count;
use crate::render::{related, vacancy_filter, Renderer};
use crate::theme::Strings;

/// What decides, beyond the model itself, which pages there are and what each shows beside its
/// own content: the filter pages of the vacancy list, and the stories ranked beside each vacancy
/// and the vacancies beside each story. Worked out once per build: the fingerprints of a rebuild
/// (`touched`) and the renderer read the same.
pub struct Layout {
    pub(super) facets: Vec<vacancy_filter::Facet>,
    pub(super) links: related::Links,
}

impl Layout {
    pub fn of(site: &Site, strings: &Strings) -> Layout {
        let (facets, links) = rayon::join(
            || vacancy_filter::facets(site, strings),
            || related::links(site),
        );
        Layout { facets, links }
    }
}

/// One page to render; indices point into the `Site` (or the share kits and vacancy facets).
#[derive(Clone, Copy)]
pub(super) enum Job {
    Home,
    /// A page (from 0) of the story list.
    StoryList(usize),
    Story(usize),
    AmbassadorList,
    Ambassador(usize),
    VacancyList,
    /// The vacancy list narrowed to one option of one facet.
    VacancyFilter(usize, usize),
    Vacancy(usize),
    HashtagIndex,
    /// A page (from 0) of a hashtag's stories.
    Hashtag(usize, usize),
    /// A plain page (privacy statement, about us).
    Page(usize),
    NotFound,
    Alias(usize),
    ShareKit(usize),
    ShareIndex,
    Report,
}

impl Job {
    /// What the page is, for a message about a file that would overwrite it.
    fn what(self) -> &'static str {
        match self {
            Job::Home => "the home page",
            Job::StoryList(_) => "a page of the story list",
            Job::Story(_) => "a story",
            Job::AmbassadorList => "the list of ambassadors",
            Job::Ambassador(_) => "an ambassador's profile",
            Job::VacancyList => "the vacancy list",
            Job::VacancyFilter(..) => "a filter page of the vacancy list",
            Job::Vacancy(_) => "a vacancy",
            Job::HashtagIndex => "the hashtag index",
            Job::Hashtag(..) => "a hashtag page",
            Job::Page(_) => "a page",
            Job::NotFound => "the 404 page",
            Job::Alias(_) => "a redirect",
            Job::ShareKit(_) => "a share kit",
            Job::ShareIndex => "the index of share kits",
            Job::Report => "the report page",
        }
    }
}

impl Renderer<'_> {
    /// Every file the pages, feeds and sitemap write, but the redirects: output file → what it is.
    pub(super) fn planned_files(&self) -> BTreeMap<String, String> {
        let mut files = BTreeMap::new();
        for job in self.plan() {
            if !matches!(job, Job::Alias(_)) {
                for file in self.page_files(job) {
                    files.entry(file).or_insert_with(|| job.what().to_owned());
                }
            }
        }
        for file in crate::render::feeds::paths(self.site) {
            files.insert(file.trim_start_matches('/').to_owned(), "a feed".to_owned());
        }
        for file in crate::editor::paths(self.site) {
            files.insert(file, "the web editor".to_owned());
        }
        for file in ["sitemap.xml", "robots.txt"] {
            files.insert(file.to_owned(), format!("`{file}`"));
        }
        files
    }

    pub(super) fn plan(&self) -> Vec<Job> {
        let s = self.site;
        let mut jobs = vec![
            Job::Home,
            Job::AmbassadorList,
            Job::VacancyList,
            Job::HashtagIndex,
            Job::NotFound,
        ];
        jobs.extend((0..page_count(s.stories.len())).map(Job::StoryList));
        jobs.extend((0..s.stories.len()).map(Job::Story));
        jobs.extend((0..s.ambassadors.len()).map(Job::Ambassador));
        jobs.extend((0..s.vacancies.len()).map(Job::Vacancy));
        // Filter pages: one per value of each facet.
        for (f, facet) in self.facets.iter().enumerate() {
            jobs.extend((0..facet.options.len()).map(|o| Job::VacancyFilter(f, o)));
        }
        for (i, tag) in s.hashtags.iter().enumerate() {
            if !tag.stories.is_empty() {
                jobs.extend((0..page_count(tag.stories.len())).map(|p| Job::Hashtag(i, p)));
            }
        }
        jobs.extend((0..s.pages.len()).map(Job::Page));
        jobs.extend((0..s.aliases.len()).map(Job::Alias));
        jobs.extend((0..self.kits.kits.len()).map(Job::ShareKit));
        // The report page is not planned: `report_page` writes it outside the public site.
        jobs.push(Job::ShareIndex);
        jobs
    }
}
