//! Lists of stories split into pages of `STORIES_PER_PAGE`: how many pages, their paths
//! (`/verhalen/`, `/verhalen/pagina/2/`), the slice each shows and the page numbers below it:
//! the first and the last page and `AROUND` on either side of the current one, with a gap for
//! the rest, so a page of a list of 10,000 stories does not link all 834 pages of it.

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

/// A page number, or (`gap`) the numbers left out between two shown.
#[derive(Serialize)]
struct PageNumber<'a> {
    number: usize,
    url: &'a str,
    current: bool,
    gap: bool,
}

/// How many page numbers are shown on either side of the current page.
const AROUND: usize = 2;

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
    let last = urls.len().saturating_sub(1);
    let near = |p: usize| p == 0 || p == last || p.abs_diff(page) <= AROUND;
    // A gap of a single page shows that page: the same room as `…`.
    let shown = |p: usize| near(p) || (p > 0 && near(p - 1) && near(p + 1));
    let mut pages = Vec::new();
    for (p, url) in urls.iter().enumerate() {
        if shown(p) {
            pages.push(PageNumber {
                number: p + 1,
                url,
                current: p == page,
                gap: false,
            });
        } else if shown(p - 1) {
            pages.push(PageNumber {
                number: 0,
                url: "",
                current: false,
                gap: true,
            });
        }
    }
    Pagination {
        current: page + 1,
        total: urls.len(),
        previous_url: page.checked_sub(1).map(|p| urls[p].as_str()),
        next_url: urls.get(page + 1).map(String::as_str),
        pages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(total: usize, page: usize) -> Vec<String> {
        let urls: Vec<String> = (1..=total).map(|n| format!("/{n}/")).collect();
        pagination(&urls, page)
            .pages
            .iter()
            .map(|p| match (p.gap, p.current) {
                (true, _) => "…".to_owned(),
                (false, true) => format!("[{}]", p.number),
                (false, false) => p.number.to_string(),
            })
            .collect()
    }

    #[test]
    fn the_first_the_last_and_two_either_side_of_the_current_page_are_shown() {
        assert_eq!(numbers(1, 0), ["[1]"]);
        assert_eq!(numbers(5, 0), ["[1]", "2", "3", "4", "5"]);
        assert_eq!(numbers(6, 0), ["[1]", "2", "3", "…", "6"]);
        assert_eq!(
            numbers(12, 5),
            ["1", "…", "4", "5", "[6]", "7", "8", "…", "12"]
        );
        // A single page left out is shown instead of `…`.
        assert_eq!(
            numbers(10, 5),
            ["1", "…", "4", "5", "[6]", "7", "8", "9", "10"]
        );
        assert_eq!(numbers(8, 3), ["1", "2", "3", "[4]", "5", "6", "7", "8"]);
        assert_eq!(numbers(9, 3), ["1", "2", "3", "[4]", "5", "6", "…", "9"]);
        assert_eq!(numbers(834, 833), ["1", "…", "832", "833", "[834]"]);
    }

    #[test]
    fn a_page_of_a_long_list_links_a_handful_of_pages() {
        let urls: Vec<String> = (1..=834).map(|n| format!("/{n}/")).collect();
        for page in [0, 1, 400, 833] {
            assert!(pagination(&urls, page).pages.len() <= 2 * AROUND + 5);
        }
    }
}
