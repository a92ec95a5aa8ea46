//! Which vacancies the list shows, and the ways to narrow it: department, location, hours and
//! employment type. Each value gets a generated page (`/vacatures/locatie/utrecht/`) so the list
//! filters without JavaScript; the same slugs drive the inline script and its query string (the
//! `data-` attributes of each card). Pure.

use std::collections::BTreeMap;

use crate::base::language::Language;
use crate::base::slug::slugify;
use crate::content::vacancy::Hours;
use crate::model::{Site, Vacancy};
use crate::theme::Strings;

/// Indices of the vacancies the list shows: open ones, newest first (drafts only in a preview
/// build, which alone contains them).
pub(super) fn listed(site: &Site) -> Vec<usize> {
    site.open_vacancies().map(|(i, _)| i).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FacetKind {
    Department,
    Location,
    Hours,
    EmploymentType,
}

pub const FACET_KINDS: [FacetKind; 4] = [
    FacetKind::Department,
    FacetKind::Location,
    FacetKind::Hours,
    FacetKind::EmploymentType,
];

impl FacetKind {
    /// The URL segment, also the query-string key and the card's `data-` attribute.
    pub fn segment(self, language: Language) -> &'static str {
        match (self, language) {
            (FacetKind::Department, Language::Nl) => "afdeling",
            (FacetKind::Location, Language::Nl) => "locatie",
            (FacetKind::Hours, Language::Nl) => "uren",
            (FacetKind::EmploymentType, Language::Nl) => "dienstverband",
            (FacetKind::Department, Language::En) => "department",
            (FacetKind::Location, Language::En) => "location",
            (FacetKind::Hours, Language::En) => "hours",
            (FacetKind::EmploymentType, Language::En) => "employment",
        }
    }

    /// The theme string that names the facet (`vacancy_department` → "Afdeling").
    pub fn label_key(self) -> &'static str {
        match self {
            FacetKind::Department => "vacancy_department",
            FacetKind::Location => "vacancy_location",
            FacetKind::Hours => "vacancy_hours",
            FacetKind::EmploymentType => "vacancy_type",
        }
    }
}

/// Bands of hours a week: (upper bound, Dutch slug and label, English slug and label). A
/// vacancy of 24–36 hours is in every band its range touches.
const HOUR_BANDS: [(f64, &str, &str, &str, &str); 3] = [
    (
        24.0,
        "tot-en-met-24",
        "Tot en met 24 uur",
        "up-to-24",
        "Up to 24 hours",
    ),
    (
        32.0,
        "25-tot-en-met-32",
        "25 tot en met 32 uur",
        "25-to-32",
        "25 to 32 hours",
    ),
    (
        f64::INFINITY,
        "meer-dan-32",
        "Meer dan 32 uur",
        "over-32",
        "Over 32 hours",
    ),
];

/// The bands (slug, label) a number or range of hours falls in.
pub fn hour_bands(hours: Hours, language: Language) -> Vec<(&'static str, &'static str)> {
    let (low, high) = match hours {
        Hours::Exactly(h) => (h, h),
        Hours::Range { min, max } => (min, max),
    };
    let mut lower = 0.0;
    let mut bands = Vec::new();
    for (upper, nl_slug, nl_label, en_slug, en_label) in HOUR_BANDS {
        if high > lower && low <= upper {
            bands.push(match language {
                Language::Nl => (nl_slug, nl_label),
                Language::En => (en_slug, en_label),
            });
        }
        lower = upper;
    }
    bands
}

/// The values (slug, label) of one facet for a vacancy.
fn values(
    kind: FacetKind,
    vacancy: &Vacancy,
    language: Language,
    strings: &Strings,
) -> Vec<(String, String)> {
    let named = |name: &str| (slugify(name), name.to_owned());
    match kind {
        FacetKind::Department => vacancy
            .department
            .as_deref()
            .map(named)
            .into_iter()
            .collect(),
        FacetKind::Location => vec![named(&vacancy.location.city)],
        FacetKind::Hours => vacancy
            .hours
            .map(|h| hour_bands(h, language))
            .unwrap_or_default()
            .into_iter()
            .map(|(slug, label)| (slug.to_owned(), label.to_owned()))
            .collect(),
        FacetKind::EmploymentType => vacancy
            .employment_types
            .iter()
            .map(|t| named(&strings.get(&format!("employment_{}", t.to_lowercase()))))
            .collect(),
    }
}

/// One value to filter on, with its page and the vacancies on it.
#[derive(Debug)]
pub struct FilterOption {
    pub slug: String,
    pub label: String,
    pub url: String,
    /// Indices into `Site::vacancies`, newest first.
    pub vacancies: Vec<usize>,
}

#[derive(Debug)]
pub struct Facet {
    pub kind: FacetKind,
    pub segment: &'static str,
    /// Sorted by slug (hours in band order).
    pub options: Vec<FilterOption>,
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
            let slugs: Vec<String> = values(kind, vacancy, language, strings)
                .into_iter()
                .map(|(slug, _)| slug)
                .collect();
            (kind.segment(language), slugs.join(" "))
        })
        .collect()
}

/// The facets of the listed vacancies. A facet whose every value lists every vacancy narrows
/// nothing and is left out.
pub(super) fn facets(site: &Site, strings: &Strings) -> Vec<Facet> {
    let listed = listed(site);
    let language = site.config.language;
    let base = format!("/{}/", site.config.paths.vacancies);
    FACET_KINDS
        .iter()
        .filter_map(|&kind| {
            let segment = kind.segment(language);
            let mut options: BTreeMap<String, FilterOption> = BTreeMap::new();
            for &i in &listed {
                for (slug, label) in values(kind, &site.vacancies[i], language, strings) {
                    if slug.is_empty() {
                        continue;
                    }
                    let option = options.entry(slug.clone()).or_insert_with(|| FilterOption {
                        url: format!("{base}{segment}/{slug}/"),
                        slug,
                        label,
                        vacancies: Vec::new(),
                    });
                    if option.vacancies.last() != Some(&i) {
                        option.vacancies.push(i);
                    }
                }
            }
            if !options.values().any(|o| o.vacancies.len() < listed.len()) {
                return None;
            }
            let options: Vec<FilterOption> = if kind == FacetKind::Hours {
                let rank = |slug: &str| {
                    HOUR_BANDS
                        .iter()
                        .position(|b| b.1 == slug || b.3 == slug)
                        .unwrap_or(usize::MAX)
                };
                let mut list: Vec<_> = options.into_values().collect();
                list.sort_by_key(|o| rank(&o.slug));
                list
            } else {
                options.into_values().collect()
            };
            Some(Facet {
                kind,
                segment,
                options,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_fall_in_every_band_their_range_touches() {
        let range = |min, max| Hours::Range { min, max };
        let cases: &[(Hours, &[&str])] = &[
            (Hours::Exactly(16.0), &["tot-en-met-24"]),
            (Hours::Exactly(24.0), &["tot-en-met-24"]),
            (Hours::Exactly(24.5), &["25-tot-en-met-32"]),
            (Hours::Exactly(36.0), &["meer-dan-32"]),
            (range(16.0, 24.0), &["tot-en-met-24"]),
            (range(24.0, 32.0), &["tot-en-met-24", "25-tot-en-met-32"]),
            (
                range(24.0, 36.0),
                &["tot-en-met-24", "25-tot-en-met-32", "meer-dan-32"],
            ),
            (range(32.0, 36.0), &["25-tot-en-met-32", "meer-dan-32"]),
        ];
        for (hours, expected) in cases {
            let slugs: Vec<&str> = hour_bands(*hours, Language::Nl)
                .into_iter()
                .map(|(slug, _)| slug)
                .collect();
            assert_eq!(slugs, *expected, "{hours:?}");
        }
        assert_eq!(
            hour_bands(Hours::Exactly(36.0), Language::En),
            [("over-32", "Over 32 hours")]
        );
    }
}
