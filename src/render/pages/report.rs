//! The internal programme report page, built when `site.yaml` asks for it.

use tera::Context;

use super::PageSpec;
use crate::render::seo::Meta;
use crate::render::Renderer;

impl Renderer<'_> {
    pub(super) fn report(&self, context: &mut Context) -> PageSpec {
        context.insert("report", &self.figures);
        let path = self.site.config.paths.report();
        let title = self.text("report_title");
        let meta = Meta::new(self.site, &title, &title, &path);
        PageSpec::unlisted("report.html", path, meta)
    }
}
