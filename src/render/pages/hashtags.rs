//! The hashtag index and each hashtag's stories, page by page.

use tera::Context;

use super::PageSpec;
use crate::render::cards::put;
use crate::render::pagination::{on_page, page_path, page_urls, pagination};
use crate::render::seo::Meta;
use crate::render::Renderer;

impl Renderer<'_> {
    /// Every hashtag that has a page.
    pub(super) fn hashtag_index(&self, context: &mut Context) -> PageSpec {
        let s = self.site;
        let path = format!("/{}/", s.config.paths.hashtags);
        let tags: Vec<_> = (0..s.hashtags.len())
            .filter(|&i| self.tag_has_page[i])
            .map(|i| self.tag(i))
            .collect();
        context.insert("hashtags", &tags);
        let meta = Meta::new(
            s,
            &self.text("hashtags_title"),
            &self.text("hashtags_description"),
            &path,
        );
        PageSpec::new("hashtags.html", path, meta, true)
    }

    /// Page `page` (from 0) of the stories with hashtag `i`.
    pub(super) fn hashtag(&self, context: &mut Context, i: usize, page: usize) -> PageSpec {
        let s = self.site;
        let tag = &s.hashtags[i];
        let path = page_path(&tag.url, page, s);
        put(context, "hashtag", self.tag(i));
        put(
            context,
            "stories",
            self.story_cards(on_page(&tag.stories, page).iter().copied()),
        );
        context.insert(
            "pagination",
            &pagination(
                self.hashtag_urls[i].get_or_init(|| page_urls(&tag.url, tag.stories.len(), s)),
                page,
            ),
        );
        let description = format!("{} #{}", self.text("hashtag_description"), tag.name);
        let card = crate::model::cards::hashtag_card(s, i);
        let meta = Meta::new(s, &format!("#{}", tag.name), &description, &path)
            .with_card(s, Some((&card.url, &card.alt)));
        PageSpec::new("hashtag.html", path, meta, true)
    }
}
