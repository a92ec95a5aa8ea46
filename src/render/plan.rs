//! The page plan: which pages the site has, one `Job` per page, in the order they are listed.

use std::collections::BTreeMap;
use std::sync::Arc;

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
    pub(super) links: Arc<related::Links>,
    /// `related::inputs_key` of the site the links were ranked for.
    links_key: u64,
}

/// The related links of one build, kept by `serve` for the next (see `Layout::reusing`).
#[derive(Clone)]
pub struct RankedLinks {
    key: u64,
    links: Arc<related::Links>,
}

impl Layout {
    pub fn of(site: &Site, strings: &Strings) -> Layout {
        Layout::reusing(site, strings, None)
    }

    /// `of`, with the related links of `earlier` taken as they are when what they were ranked
    /// from is the same (`related::inputs_key`): an edit of a story's text ranks nothing again.
    pub fn reusing(site: &Site, strings: &Strings, earlier: Option<&RankedLinks>) -> Layout {
        let links_key = related::inputs_key(site);
        let kept = earlier.filter(|earlier| earlier.key == links_key);
        let (facets, links) = rayon::join(
            || vacancy_filter::facets(site, strings),
            || match kept {
                Some(earlier) => Arc::clone(&earlier.links),
                None => Arc::new(related::links(site)),
            },
        );
        Layout {
            facets,
            links,
            links_key,
        }
    }

    /// The related links, to hand to the next build's `reusing`.
    pub fn ranked_links(&self) -> RankedLinks {
        RankedLinks {
            key: self.links_key,
            links: Arc::clone(&self.links),
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Visibility;

    fn strings(site: &Site) -> Strings {
        crate::theme::load(&site.root, &site.config.theme, site.config.language)
            .expect("the built-in theme loads")
            .strings
    }

    #[test]
    fn related_links_are_ranked_again_only_when_what_they_rank_changed() {
        let mut site = crate::render::tests::minimal_site();
        let strings = strings(&site);
        let earlier = Layout::of(&site, &strings).ranked_links();

        // A story's text is not ranked: the links are the earlier ones, not ranked again.
        site.stories[0].body_html.push_str("<p>Meer.</p>");
        site.stories[0].title.push_str(" en meer");
        let kept = Layout::reusing(&site, &strings, Some(&earlier));
        assert!(Arc::ptr_eq(&kept.links, &earlier.links));

        // A story's role, hashtags and visibility are, and whether a vacancy is open: then the
        // links are those of a fresh ranking.
        let changes: [fn(&mut Site); 4] = [
            |site| site.stories[0].role = Some("Een andere rol".to_owned()),
            |site| match site.stories[0].hashtags.pop() {
                Some(_) => {}
                None => site.stories[0].hashtags.push(0),
            },
            |site| {
                let story = &mut site.stories[0];
                story.visibility = match story.visibility {
                    Visibility::Public => Visibility::Draft,
                    _ => Visibility::Public,
                }
            },
            |site| site.vacancies[0].open = !site.vacancies[0].open,
        ];
        for change in changes {
            let mut changed = crate::render::tests::minimal_site();
            change(&mut changed);
            let layout = Layout::reusing(&changed, &strings, Some(&earlier));
            assert!(!Arc::ptr_eq(&layout.links, &earlier.links));
            assert_eq!(*layout.links, related::links(&changed));
        }
    }
}
