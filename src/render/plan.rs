//! The page plan: which pages the site has, one `Job` per page, in the order they are listed.

use crate::render::pagination::page_count;
use crate::render::Renderer;

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

impl Renderer<'_> {
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
