//! The story list, page by page, and each story's own page.

use tera::Context;

use super::PageSpec;
use crate::render::cards::put;
use crate::render::feeds;
use crate::render::pagination::{page_path, page_range, page_urls, pagination};
use crate::render::seo::{self, Meta};
use crate::render::views::public;
use crate::render::Renderer;

impl Renderer<'_> {
    /// Page `page` (from 0) of all stories, newest first.
    pub(super) fn story_list(&self, context: &mut Context, page: usize) -> PageSpec {
        let s = self.site;
        let base = format!("/{}/", s.config.paths.stories);
        let path = page_path(&base, page, s);
        put(
            context,
            "stories",
            self.story_cards(page_range(s.stories.len(), page)),
        );
        let urls = self
            .story_list_urls
            .get_or_init(|| page_urls(&base, s.stories.len(), s));
        context.insert("pagination", &pagination(urls, page));
        let heading = self.text("stories_title");
        let title = if page > 0 {
            format!("{heading} ({} {})", self.text("page"), page + 1)
        } else {
            heading.clone()
        };
        context.insert("heading", &heading);
        context.insert("feeds", &feeds::story_feed_links(s, &heading));
        let meta = Meta::new(s, &title, &self.text("stories_description"), &path);
        PageSpec::new("stories.html", path, meta, true)
    }

    /// Story `i` with its ambassador, the vacancies beside it and more from the same ambassador.
    pub(super) fn story(&self, context: &mut Context, i: usize) -> PageSpec {
        let s = self.site;
        let story = &s.stories[i];
        let ambassador = &s.ambassadors[story.ambassador];
        let card = crate::model::cards::story_card(s, story);
        let more = self.story_cards(
            ambassador
                .stories
                .iter()
                .copied()
                .filter(|&o| o != i)
                .take(3),
        );
        context.insert(
            "story",
            &serde_json::json!({
                "title": story.title,
                "summary": story.summary,
                "date": s.config.language.long_date(story.date),
                "date_iso": story.date.to_string(),
                "body_html": story.body_html,
                "quote": story.quote,
                "role": story.role,
                "department": story.department,
                "location": story.location,
                "image": story.image.as_ref().map(|r| self.image(r)),
                "hashtags": self.tags(&story.hashtags),
            }),
        );
        put(
            context,
            "ambassador",
            self.ambassador_view(story.ambassador),
        );
        put(
            context,
            "vacancies",
            self.vacancy_cards(self.links.story_vacancies[i].iter().copied()),
        );
        put(context, "more_stories", more);
        context.insert("banner", &self.banner(story.visibility));
        let meta = Meta::new(s, &story.title, &story.summary, &story.url)
            .with_card(s, Some((&card.url, &card.alt)))
            .with_article(s, story)
            .with_json_ld(seo::article_ld(s, story));
        PageSpec::new(
            "story.html",
            story.url.clone(),
            meta,
            public(story.visibility),
        )
        .last_modified(story.date)
    }
}
