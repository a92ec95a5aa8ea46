//! Share kits: one page per ambassador with their posts (and the kit as JSON and a calendar
//! beside it), and the index of all kits. Not indexed: they are for the ambassadors.

use tera::Context;

use super::PageSpec;
use crate::render::seo::Meta;
use crate::render::Renderer;
use crate::share::kit::ShareKits;
use crate::share::output::{index_view, kit_calendar, kit_json, kit_view};

impl Renderer<'_> {
    pub(super) fn share_kit(&self, context: &mut Context, k: usize) -> PageSpec {
        let s = self.site;
        let kit = &self.kits.kits[k];
        let name = &s.ambassadors[kit.ambassador].name;
        let files = vec![
            (kit.json_url.clone(), kit_json(s, kit)),
            (
                kit.calendar_url.clone(),
                kit_calendar(s, kit, &|key| self.text(key)),
            ),
        ];
        context.insert("kit", &kit_view(s, kit));
        let title = format!("{} {name}", self.text("share_kit_title"));
        let meta = Meta::new(s, &title, &self.text("share_kit_description"), &kit.url);
        PageSpec {
            files,
            ..PageSpec::unlisted("share_kit.html", kit.url.clone(), meta)
        }
    }

    pub(super) fn share_index(&self, context: &mut Context) -> PageSpec {
        let s = self.site;
        let path = ShareKits::index_url(s);
        context.insert("index", &index_view(s, &self.kits));
        let meta = Meta::new(
            s,
            &self.text("share_index_title"),
            &self.text("share_index_description"),
            &path,
        );
        PageSpec::unlisted("share_index.html", path, meta)
    }
}
