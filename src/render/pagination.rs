//! Lists of stories split into pages of `STORIES_PER_PAGE`: how many pages, their paths
//! (`/verhalen/`, `/verhalen/pagina/2/`), the slice each shows and the page numbers below it.

use serde::Serialize;

use crate::model::paths::STORIES_PER_PAGE;
use crate::model::Site;

#[derive(Serialize)]
pub(super) struct Pagination<'a> {
    current: usize,
    total: usize,
    previous_url: Option<&'a str>,
    next_url: Option<&'a str>,
    pages: Vec<PageNumber<'a>>,
}

#[derive(Serialize)]
struct PageNumber<'a> {
    number: usize,
    url: &'a str,
    current: bool,
}

/// Pages for a list of `items`; an empty list still has its first page.
pub(super) fn page_count(items: usize) -> usize {
    items.div_ceil(STORIES_PER_PAGE).max(1)
}

/// The items on page `page` (from 0).
pub(super) fn on_page<T>(items: &[T], page: usize) -> &[T] {
    &items[page_range(items.len(), page)]
}

/// Which of `items` items are on page `page` (from 0).
pub(super) fn page_range(items: usize, page: usize) -> std::ops::Range<usize> {
    let start = (page * STORIES_PER_PAGE).min(items);
    let end = (start + STORIES_PER_PAGE).min(items);
    start..end
}

/// The path of page `page` (from 0) of the list at `base`.
pub(super) fn page_path(base: &str, page: usize, site: &Site) -> String {
    if page == 0 {
        base.to_owned()
    } else {
        format!(
            "{base}{}/{}/",
            site.config.language.page_segment(),
            page + 1
        )
    }
}

/// The link of every page of the list of `items` at `base`, in order: the same for every page of
/// the list, so made once per list.
pub(super) fn page_urls(base: &str, items: usize, site: &Site) -> Vec<String> {
    (0..page_count(items))
        .map(|p| site.href(&page_path(base, p, site)))
        .collect()
}

/// The page numbers below page `page` of a list whose pages link to `urls` (`page_urls`).
pub(super) fn pagination(urls: &[String], page: usize) -> Pagination<'_> {
    Pagination {
        current: page + 1,
        total: urls.len(),
        previous_url: page.checked_sub(1).map(|p| urls[p].as_str()),
        next_url: urls.get(page + 1).map(String::as_str),
        pages: urls
            .iter()
            .enumerate()
            .map(|(p, url)| PageNumber {
                number: p + 1,
                url,
                current: p == page,
            })
            .collect(),
    }
}
