//! The ambassador list and each ambassador's profile with their stories.

use tera::Context;

use super::PageSpec;
use crate::render::cards::put;
use crate::render::seo::Meta;
use crate::render::Renderer;

impl Renderer<'_> {
    pub(super) fn ambassador_list(&self, context: &mut Context) -> PageSpec {
        let s = self.site;
        let path = format!("/{}/", s.config.paths.ambassadors);
        let list: Vec<_> = (0..s.ambassadors.len())
            .map(|i| self.ambassador_view(i))
            .collect();
        context.insert("ambassadors", &list);
        let meta = Meta::new(
            s,
            &self.text("ambassadors_title"),
            &self.text("ambassadors_description"),
            &path,
        );
        PageSpec::new("ambassadors.html", path, meta, true)
    }

    pub(super) fn ambassador(&self, context: &mut Context, i: usize) -> PageSpec {
        let s = self.site;
        let ambassador = &s.ambassadors[i];
        put(context, "ambassador", self.ambassador_view(i));
        put(
            context,
            "stories",
            self.story_cards(ambassador.stories.iter().copied()),
        );
        let description = format!(
            "{}, {}. {}",
            ambassador.name,
            ambassador.role,
            self.text("ambassador_description")
        );
        let card = crate::model::cards::ambassador_card(s, i);
        let mut meta = Meta::new(s, &ambassador.name, &description, &ambassador.url)
            .with_card(s, Some((&card.url, &card.alt)));
        meta.og_type = "profile";
        PageSpec::new("ambassador.html", ambassador.url.clone(), meta, true)
    }
}
