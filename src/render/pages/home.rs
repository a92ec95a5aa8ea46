//! The home page: the newest stories, a few open vacancies and the campaign hashtags.

use tera::Context;

use super::PageSpec;
use crate::render::cards::put;
use crate::render::seo::{self, Meta};
use crate::render::views::public;
use crate::render::Renderer;

impl Renderer<'_> {
    pub(super) fn home(&self, context: &mut Context) -> PageSpec {
        let s = self.site;
        let latest = self.story_cards(
            (0..s.stories.len())
                .filter(|&i| public(s.stories[i].visibility))
                .take(6),
        );
        let vacancies = self.vacancy_cards(s.open_vacancies().take(3).map(|(i, _)| i));
        let campaigns: Vec<_> = s
            .hashtags
            .iter()
            .enumerate()
            .filter(|(_, h)| h.campaign)
            .map(|(i, _)| self.tag(i))
            .collect();
        put(context, "stories", latest);
        put(context, "vacancies", vacancies);
        context.insert("campaigns", &campaigns);
        context.insert("ambassador_count", &s.ambassadors.len());
        let description = s
            .config
            .description
            .clone()
            .unwrap_or_else(|| self.text("home_description"));
        let meta =
            Meta::new(s, &s.config.title, &description, "/").with_json_ld(seo::organization_ld(s));
        PageSpec::new("index.html", "/".to_owned(), meta, true)
    }
}
