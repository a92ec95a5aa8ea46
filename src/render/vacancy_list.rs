//! The vacancy list and its generated filter pages.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::Context;

use super::Renderer;
use crate::model::{Site, Vacancy};
use crate::render::feeds;
use crate::render::seo::Meta;
use crate::render::vacancy_filter::{self, Facet, FACET_KINDS};
use crate::theme::Strings;

/// Indices of the vacancies the list shows: open ones, newest first (drafts only in a preview
/// build, which alone contains them).
pub(super) fn listed(site: &Site) -> Vec<usize> {
    site.open_vacancies().map(|(i, _)| i).collect()
}

pub(super) fn facets(site: &Site, strings: &Strings) -> Vec<Facet> {
    vacancy_filter::facets(site, &listed(site), &|key| strings.get(key))
}

/// The filter keys of a card, as `data-` attributes: segment → space-separated slugs.
pub(super) fn card_filters(
    site: &Site,
    vacancy: &Vacancy,
    strings: &Strings,
) -> BTreeMap<&'static str, String> {
    let language = site.config.language;
    FACET_KINDS
        .iter()
        .map(|&kind| {
            let slugs: Vec<String> =
                vacancy_filter::values(kind, vacancy, language, &|key| strings.get(key))
                    .into_iter()
                    .map(|(slug, _)| slug)
                    .collect();
            (kind.segment(language), slugs.join(" "))
        })
        .collect()
}

#[derive(Serialize)]
struct FacetView<'a> {
    key: &'static str,
    label: String,
    options: Vec<OptionView<'a>>,
}

#[derive(Serialize)]
struct OptionView<'a> {
    slug: &'a str,
    label: &'a str,
    url: &'a str,
    count: usize,
    current: bool,
}

impl Renderer<'_> {
    /// The list (`filter: None`) or one filter page (`Some((facet, option))`).
    pub(super) fn vacancy_list(
        &self,
        context: &mut Context,
        filter: Option<(usize, usize)>,
    ) -> (String, Meta) {
        let s = self.site;
        let text = |key: &str| self.theme.strings.get(key);
        let base = format!("/{}/", s.config.paths.vacancies);
        let (path, indices, heading, current) = match filter {
            None => (base, listed(s), text("vacancies_title"), None),
            Some((f, o)) => {
                let facet = &self.facets[f];
                let option = &facet.options[o];
                let heading = format!("{}: {}", text("vacancies_title"), option.label);
                (
                    option.url.clone(),
                    option.vacancies.clone(),
                    heading,
                    Some((f, o)),
                )
            }
        };
        let cards: Vec<_> = indices
            .iter()
            .map(|&i| self.vacancy_card(&s.vacancies[i]))
            .collect();
        let filters: Vec<FacetView<'_>> = self
            .facets
            .iter()
            .enumerate()
            .map(|(f, facet)| FacetView {
                key: facet.segment,
                label: text(facet.kind.label_key()),
                options: facet
                    .options
                    .iter()
                    .enumerate()
                    .map(|(o, option)| OptionView {
                        slug: &option.slug,
                        label: &option.label,
                        url: &option.url,
                        count: option.vacancies.len(),
                        current: current == Some((f, o)),
                    })
                    .collect(),
            })
            .collect();
        let count_text = |n: usize| {
            let word = if n == 1 {
                text("vacancies_count_one")
            } else {
                text("vacancies_count_many")
            };
            format!("{n} {word}")
        };
        context.insert("vacancies", &cards);
        context.insert("heading", &heading);
        context.insert("filters", &filters);
        context.insert("filtered", &current.is_some());
        context.insert("count_text", &count_text(cards.len()));
        context.insert("count_one", &text("vacancies_count_one"));
        context.insert("count_many", &text("vacancies_count_many"));
        if current.is_none() {
            context.insert(
                "feeds",
                &feeds::vacancy_feed_links(s, &text("vacancies_title")),
            );
        }
        let description = match current {
            None => text("vacancies_description"),
            Some(_) => format!("{} {}", text("vacancies_description"), heading),
        };
        let meta = Meta::new(s, &heading, &description, &path);
        (path, meta)
    }

    /// Filter pages: one per value of each facet.
    pub(super) fn filter_jobs(&self) -> Vec<(usize, usize)> {
        self.facets
            .iter()
            .enumerate()
            .flat_map(|(f, facet)| (0..facet.options.len()).map(move |o| (f, o)))
            .collect()
    }
}
