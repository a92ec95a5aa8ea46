//! The internal programme report page, written by `werkenbij report --html DIR` into a folder of
//! its own, never into the public site.

use tera::Context;

use super::PageSpec;
use crate::render::seo::Meta;
use crate::render::Renderer;

impl Renderer<'_> {
    pub(super) fn report(&self, context: &mut Context) -> PageSpec {
        context.insert("report", &self.figures);
        // `index.html` of the report's own folder.
        let path = "/".to_owned();
        let title = self.text("report_title");
        let meta = Meta::new(self.site, &title, &title, &path);
        PageSpec::unlisted("report.html", path, meta)
    }
}
