//! The programme report: the figures of the ambassador programme from the validated site
//! (`figures`) and the parsed files (`content_facts`), as text tables, JSON or CSV (`format`).
//! `pipeline::programme_report` runs the stages; this file holds the `Report` and its rows.

use serde::Serialize;

use crate::base::date::Day;
use crate::base::text::Text;

mod content_facts;
mod figures;
mod format;
mod visits_csv;
mod visits_html;
mod visits_text;
pub use content_facts::ContentFacts;
pub use figures::figures;
pub use format::{csv, text};
pub use visits_csv::visits_csv;
pub use visits_html::visits_html;
pub use visits_text::visits_text;

/// An ambassador is active with a published story in this many days up to today.
pub const ACTIVE_DAYS: i64 = 90;
pub const CONSENT_WARNING_DAYS: i64 = 60;
pub const CLOSING_DAYS: i64 = 14;

#[derive(Debug, Serialize)]
pub struct Report {
    pub today: String,
    pub ambassadors: Vec<AmbassadorRow>,
    pub months: Vec<MonthRow>,
    pub hashtags: Vec<HashtagRow>,
    pub departments: Vec<DepartmentRow>,
    pub roles: Vec<RoleRow>,
    /// Roles with open vacancies but no published story.
    pub missing_roles: Vec<String>,
    pub calendar: Vec<CalendarRow>,
    pub expiring_consents: Vec<ConsentRow>,
    pub left_out: Vec<LeftOutRow>,
    pub closing_vacancies: Vec<VacancyRow>,
}

#[derive(Debug, Serialize)]
pub struct AmbassadorRow {
    pub id: String,
    pub name: String,
    pub role: String,
    pub department: Option<String>,
    pub stories: usize,
    pub scheduled: usize,
    pub last_story: Option<String>,
    pub active: bool,
}

#[derive(Debug, Serialize)]
pub struct MonthRow {
    /// `2026-05`
    pub month: String,
    pub stories: usize,
}

#[derive(Debug, Serialize)]
pub struct HashtagRow {
    pub hashtag: String,
    pub stories: usize,
}

#[derive(Debug, Serialize)]
pub struct DepartmentRow {
    pub department: String,
    pub stories: usize,
    pub ambassadors: usize,
}

#[derive(Debug, Serialize)]
pub struct RoleRow {
    pub role: String,
    pub stories: usize,
    pub open_vacancies: usize,
}

#[derive(Debug, Serialize)]
pub struct CalendarRow {
    /// ISO week: `2026-W52`
    pub week: String,
    pub date: String,
    pub story: String,
    pub title: String,
    pub ambassador: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConsentRow {
    pub reference: String,
    pub subject: String,
    pub expires: String,
    pub days_left: i64,
}

#[derive(Debug, Serialize)]
pub struct LeftOutRow {
    pub story: String,
    pub ambassador: String,
    pub consent: String,
    /// Said in English in JSON and CSV, in the site's language in the text report.
    #[serde(serialize_with = "english")]
    pub reason: Text,
}

fn english<S: serde::Serializer>(text: &Text, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(text.en())
}

#[derive(Debug, Serialize)]
pub struct VacancyRow {
    pub vacancy: String,
    pub title: String,
    pub valid_through: String,
    pub days_left: i64,
}

fn days_between(from: Day, to: Day) -> i64 {
    from.0
        .until(to.0)
        .map(|span| i64::from(span.get_days()))
        .unwrap_or(0)
}
