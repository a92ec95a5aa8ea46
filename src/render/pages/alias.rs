//! Redirect pages: an old address (`aliases` in front-matter) that sends the reader on.

use tera::Context;

use super::PageSpec;
use crate::render::seo::Meta;
use crate::render::Renderer;

impl Renderer<'_> {
    pub(super) fn alias(&self, context: &mut Context, i: usize) -> PageSpec {
        let s = self.site;
        let alias = &s.aliases[i];
        // Relative, so that the redirect works wherever the folder is served (a local preview,
        // a sub-path); search engines read the canonical address.
        context.insert(
            "target",
            &crate::model::paths::relative(&alias.from, &alias.to),
        );
        context.insert("canonical", &s.absolute(&alias.to));
        let title = self.text("redirect_title");
        let meta = Meta::new(s, &title, &title, &alias.to);
        PageSpec::unlisted("redirect.html", alias.from.clone(), meta)
    }
}
