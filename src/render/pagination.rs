//! Lists of stories split into pages of `STORIES_PER_PAGE`: how many pages, their paths
//! (`/verhalen/`, `/verhalen/pagina/2/`), the slice each shows and the page numbers below it.

use serde::Serialize;

use crate::model::paths::STORIES_PER_PAGE;
use crate::model::Site;

#[derive(Serialize)]
pub(super) struct Pagination {
    current: usize,
    total: usize,
    previous_url: Option<String>,
    next_url: Option<String>,
    pages: Vec<PageNumber>,
}

#[derive(Serialize)]
struct PageNumber {
    number: usize,
    url: String,
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

/// The page numbers below page `page` of the list at `base`, linked as the pages link.
pub(super) fn pagination(base: &str, page: usize, items: usize, site: &Site) -> Pagination {
    let total = page_count(items);
    Pagination {
        current: page + 1,
        total,
        previous_url: (page > 0).then(|| site.href(&page_path(base, page - 1, site))),
        next_url: (page + 1 < total).then(|| site.href(&page_path(base, page + 1, site))),
        pages: (0..total)
            .map(|p| PageNumber {
                number: p + 1,
                url: site.href(&page_path(base, p, site)),
                current: p == page,
            })
            .collect(),
    }
}
