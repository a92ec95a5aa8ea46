//! The site's URL paths: where each page, kit and card lives. Every stage that links to a page
//! asks here.

use crate::content::config::Paths;

/// The last path segment of a share kit, below the ambassador's profile: `/ambassadeurs/ID/delen/`.
/// No ambassador may have it as id: the kit index lives at `/ambassadeurs/delen/`.
pub const KIT_SEGMENT: &str = "delen";

/// Story cards on each page of the story list and of a hashtag.
pub const STORIES_PER_PAGE: usize = 12;

impl Paths {
    pub fn story(&self, slug: &str) -> String {
        format!("/{}/{slug}/", self.stories)
    }
    pub fn vacancy(&self, slug: &str) -> String {
        format!("/{}/{slug}/", self.vacancies)
    }
    pub fn ambassador(&self, id: &str) -> String {
        format!("/{}/{id}/", self.ambassadors)
    }
    pub fn hashtag(&self, key: &str) -> String {
        format!("/{}/{key}/", self.hashtags)
    }
    pub fn page(&self, slug: &str) -> String {
        format!("/{slug}/")
    }
    /// An ambassador's kit folder, without the trailing slash: `/ambassadeurs/ID/delen`.
    pub fn share_kit(&self, id: &str) -> String {
        format!("/{}/{id}/{KIT_SEGMENT}", self.ambassadors)
    }
    /// `/ambassadeurs/delen/`: the communications team's index of every kit.
    pub fn share_index(&self) -> String {
        format!("/{}/{KIT_SEGMENT}/", self.ambassadors)
    }
}
