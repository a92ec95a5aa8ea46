//! The site's language: Dutch or English dates, locale codes and the few words the generator
//! itself writes. The theme's own UI strings live in its `theme.yaml`.

use serde::{Deserialize, Serialize};

use crate::base::date::Day;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Nl,
    En,
}

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::En => "en",
        }
    }

    /// For `og:locale`.
    pub fn locale(self) -> &'static str {
        match self {
            Language::Nl => "nl_NL",
            Language::En => "en_GB",
        }
    }

    pub fn month_name(self, month: i8) -> &'static str {
        let index = (month.clamp(1, 12) - 1) as usize;
        match self {
            Language::Nl => MONTHS_NL[index],
            Language::En => MONTHS_EN[index],
        }
    }

    /// "14 juni 2026" / "14 June 2026".
    pub fn long_date(self, day: Day) -> String {
        format!(
            "{} {} {}",
            day.day(),
            self.month_name(day.month()),
            day.year()
        )
    }

    /// The path segment of the second and later pages of a list: `/verhalen/pagina/2/`.
    pub fn page_segment(self) -> &'static str {
        match self {
            Language::Nl => "pagina",
            Language::En => "page",
        }
    }

    /// The hidden label of the `#` link beside a heading.
    pub fn heading_anchor_label(self) -> &'static str {
        match self {
            Language::Nl => "Link naar dit kopje",
            Language::En => "Link to this heading",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_dates_in_both_languages() {
        let day = Day::parse("2026-06-14").unwrap();
        assert_eq!(Language::Nl.long_date(day), "14 juni 2026");
        assert_eq!(Language::En.long_date(day), "14 June 2026");
        let day = Day::parse("2026-03-01").unwrap();
        assert_eq!(Language::Nl.long_date(day), "1 maart 2026");
    }
}
