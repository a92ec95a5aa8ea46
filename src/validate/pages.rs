//! Pages: the free-standing pages (about us, privacy) that are on this build, and their model.

use crate::base::html::Html;
use crate::content::config::Paths;
use crate::content::page::PageFront;
use crate::content::Entry;
use crate::model::{Page, Visibility};
use crate::validate::Validator;

/// A page on this build.
pub(super) type AcceptedPage<'c> = (&'c Entry<PageFront>, Visibility);

impl<'c> Validator<'c> {
    /// The pages with a usable slug that are on this build, in file order.
    pub(super) fn pages(&mut self) -> Vec<AcceptedPage<'c>> {
        let mut out = Vec::new();
        for entry in &self.content.pages {
            if !self.usable_slug(entry, "a page's file name") || entry.doc.has_broken_keys() {
                continue;
            }
            if let Some(visibility) = self.visibility(entry.doc.front.draft, None) {
                out.push((entry, visibility));
            }
        }
        out
    }
}

/// The model of the accepted pages, with their rendered bodies.
pub(super) fn site_pages(pages: Vec<AcceptedPage>, bodies: Vec<Html>, paths: &Paths) -> Vec<Page> {
    pages
        .into_iter()
        .zip(bodies)
        .map(|((entry, visibility), body_html)| Page {
            slug: entry.slug.clone(),
            title: entry.doc.front.title.clone(),
            summary: entry.doc.front.summary.clone(),
            body_html,
            url: paths.page(&entry.slug),
            visibility,
        })
        .collect()
}
