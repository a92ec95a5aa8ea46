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

/// The address of site path `to` relative to the page at site path `from` (`/oud/` or
/// `/oud.html`): `../verhalen/x/`. It holds under any host and any path of `base_url`, so a
/// redirect page works in a local preview too.
pub fn relative(from: &str, to: &str) -> String {
    // The folder the page at `from` is in: `/oud/` for `/oud/`, `/` for `/oud.html`.
    let folder = &from[..from.rfind('/').map_or(0, |i| i + 1)];
    let folder: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    let target: Vec<&str> = to.trim_start_matches('/').split('/').collect();
    let common = folder
        .iter()
        .zip(&target)
        .take_while(|(a, b)| a == b)
        .count()
        // The last piece of `to` is a file name (or empty for a folder), never a shared folder.
        .min(target.len() - 1);
    let mut out = "../".repeat(folder.len() - common);
    out.push_str(&target[common..].join("/"));
    if out.is_empty() {
        "./".to_owned()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::relative;

    #[test]
    fn relative_addresses_between_site_paths() {
        for (from, to, expected) in [
            ("/oud/", "/verhalen/x/", "../verhalen/x/"),
            ("/oud.html", "/verhalen/x/", "verhalen/x/"),
            ("/verhalen/oud/", "/verhalen/x/", "../x/"),
            ("/verhalen/a/b/", "/verhalen/x/", "../../x/"),
            ("/verhalen/oud.html", "/verhalen/x/", "x/"),
            ("/a/b/", "/a/", "../"),
            ("/a/", "/", "../"),
            ("/oud.html", "/", "./"),
            ("/oud/", "/privacy.html", "../privacy.html"),
        ] {
            assert_eq!(relative(from, to), expected, "{from} → {to}");
        }
    }
}
