//! The home page: the newest stories, a few open vacancies and the campaign hashtags.

use tera::Context;

use super::PageSpec;
use crate::render::seo::{self, Meta};
use crate::render::views::public;
use crate::render::Renderer;

impl Renderer<'_> {
    pub(super) fn home(&self, context: &mut Context) -> PageSpec {
        let s = self.site;
        let latest: Vec<_> = s
            .stories
            .iter()
            .filter(|st| public(st.visibility))
            .take(6)
            .map(|st| self.story_card(st))
            .collect();
        let vacancies: Vec<_> = s
            .open_vacancies()
            .take(3)
            .map(|(_, v)| self.vacancy_card(v))
            .collect();
        let campaigns: Vec<_> = s
            .hashtags
            .iter()
            .enumerate()
            .filter(|(_, h)| h.campaign)
            .map(|(i, _)| self.tag(i))
            .collect();
        context.insert("stories", &latest);
        context.insert("vacancies", &vacancies);
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
