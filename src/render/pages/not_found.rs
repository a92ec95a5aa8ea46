//! `404.html`, which the host serves for any path the site does not have.

use super::PageSpec;
use crate::render::seo::Meta;
use crate::render::Renderer;

impl Renderer<'_> {
    pub(super) fn not_found(&self) -> PageSpec {
        let title = self.text("not_found_title");
        let meta = Meta::new(self.site, &title, &title, "/404.html");
        PageSpec::unlisted("404.html", "/404.html".to_owned(), meta)
    }
}
