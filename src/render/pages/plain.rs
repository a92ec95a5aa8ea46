//! Plain pages from `content/pages/` (privacy statement, about us).

use tera::Context;

use super::PageSpec;
use crate::render::seo::Meta;
use crate::render::views::public;
use crate::render::Renderer;

impl Renderer<'_> {
    pub(super) fn plain_page(&self, context: &mut Context, i: usize) -> PageSpec {
        let s = self.site;
        let page = &s.pages[i];
        context.insert(
            "page",
            &serde_json::json!({ "title": page.title, "body_html": page.body_html }),
        );
        context.insert("banner", &self.banner(page.visibility));
        let description = page.summary.clone().unwrap_or_else(|| page.title.clone());
        let meta = Meta::new(s, &page.title, &description, &page.url);
        PageSpec::new("page.html", page.url.clone(), meta, public(page.visibility))
    }
}
