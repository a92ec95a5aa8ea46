//! The programme report: the figures of the ambassador programme from the validated site and the
//! parsed files (`pipeline::programme_report` runs the stages), as text tables, JSON or CSV.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::base::date::Day;
use crate::content::consent::{ConsentState, Publishing};
use crate::content::Content;
use crate::model::{Site, Visibility};

mod format;
pub use format::{csv, text};

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
    pub reason: String,
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

fn iso_week(day: Day) -> String {
    let week = day.0.iso_week_date();
    format!("{}-W{:02}", week.year(), week.week())
}

/// Stories the consent register keeps off the site, from the parsed files (before validation
/// drops them).
fn left_out(content: &Content, today: Day) -> Vec<LeftOutRow> {
    let register = &content.consent;
    let ambassador_consent: BTreeMap<&str, &str> = content
        .ambassadors
        .iter()
        .map(|a| (a.slug.as_str(), a.doc.front.consent.as_str()))
        .collect();
    let mut rows = Vec::new();
    for story in &content.stories {
        let f = &story.doc.front;
        if f.draft {
            continue;
        }
        let problem = |reference: &str| match register.get(reference)?.for_website(today) {
            Publishing::Allowed => None,
            Publishing::NotInScope => {
                Some(format!("consent `{reference}` does not cover `website`"))
            }
            Publishing::LeftOut(state) => {
                Some(format!("consent `{reference}` {}", state.describe()))
            }
        };
        let reason = problem(&f.consent).or_else(|| {
            let own = ambassador_consent.get(f.ambassador.as_str())?;
            problem(own).map(|p| format!("ambassador `{}`: {p}", f.ambassador))
        });
        if let Some(reason) = reason {
            rows.push(LeftOutRow {
                story: story.slug.clone(),
                ambassador: f.ambassador.clone(),
                consent: f.consent.clone(),
                reason,
            });
        }
    }
    rows
}

/// What the report needs from the parsed files, before validation leaves it out of the model.
pub struct ContentFacts {
    left_out: Vec<LeftOutRow>,
    expiring_consents: Vec<ConsentRow>,
}

impl ContentFacts {
    pub fn of(content: &Content, today: Day) -> ContentFacts {
        ContentFacts {
            left_out: left_out(content, today),
            expiring_consents: expiring(content, today),
        }
    }
}

/// The programme's figures from the validated site (built with drafts, so the calendar has the
/// scheduled stories) and the facts of the parsed files.
pub fn figures(site: &Site, facts: ContentFacts) -> Report {
    let ContentFacts {
        left_out,
        expiring_consents,
    } = facts;
    let today = site.today;
    let published = |i: &usize| site.stories[*i].visibility == Visibility::Public;
    let ambassadors = site
        .ambassadors
        .iter()
        .map(|a| {
            let stories: Vec<&crate::model::Story> = a
                .stories
                .iter()
                .filter(|i| published(i))
                .map(|&i| &site.stories[i])
                .collect();
            let last = stories.iter().map(|s| s.date).max();
            AmbassadorRow {
                id: a.id.clone(),
                name: a.name.clone(),
                role: a.role.clone(),
                department: a.department.clone(),
                stories: stories.len(),
                scheduled: a
                    .stories
                    .iter()
                    .filter(|&&i| matches!(site.stories[i].visibility, Visibility::Scheduled(_)))
                    .count(),
                last_story: last.map(|d| d.to_string()),
                active: last.is_some_and(|d| d <= today && days_between(d, today) <= ACTIVE_DAYS),
            }
        })
        .collect();

    let public: Vec<&crate::model::Story> = site
        .stories
        .iter()
        .filter(|s| s.visibility == Visibility::Public)
        .collect();
    let mut months: BTreeMap<String, usize> = BTreeMap::new();
    for story in &public {
        *months
            .entry(format!("{}-{:02}", story.date.year(), story.date.month()))
            .or_default() += 1;
    }
    let mut hashtags: Vec<HashtagRow> = site
        .hashtags
        .iter()
        .map(|tag| HashtagRow {
            hashtag: tag.name.clone(),
            stories: tag.stories.iter().filter(|i| published(i)).count(),
        })
        .filter(|row| row.stories > 0)
        .collect();
    hashtags.sort_by(|a, b| b.stories.cmp(&a.stories).then(a.hashtag.cmp(&b.hashtag)));

    let mut departments: BTreeMap<String, (usize, BTreeSet<usize>)> = BTreeMap::new();
    let mut roles: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for story in &public {
        if let Some(department) = &story.department {
            let entry = departments.entry(department.clone()).or_default();
            entry.0 += 1;
            entry.1.insert(story.ambassador);
        }
        if let Some(role) = &story.role {
            roles.entry(role.clone()).or_default().0 += 1;
        }
    }
    for (_, vacancy) in site.open_vacancies() {
        if vacancy.visibility != Visibility::Public {
            continue;
        }
        if let Some(role) = &vacancy.role {
            roles.entry(role.clone()).or_default().1 += 1;
        }
    }
    let missing_roles = roles
        .iter()
        .filter(|(_, (stories, open))| *stories == 0 && *open > 0)
        .map(|(role, _)| role.clone())
        .collect();

    let mut calendar: Vec<CalendarRow> = site
        .stories
        .iter()
        .filter_map(|story| match story.visibility {
            Visibility::Scheduled(day) => Some((day, story)),
            _ => None,
        })
        .map(|(day, story)| CalendarRow {
            week: iso_week(day),
            date: day.to_string(),
            story: story.slug.clone(),
            title: story.title.clone(),
            ambassador: site.ambassadors[story.ambassador].name.clone(),
        })
        .collect();
    calendar.sort_by(|a, b| a.date.cmp(&b.date).then(a.story.cmp(&b.story)));

    let mut closing_vacancies: Vec<VacancyRow> = site
        .open_vacancies()
        .filter(|(_, v)| v.visibility == Visibility::Public)
        .map(|(_, v)| (days_between(today, v.valid_through.day), v))
        .filter(|(days, _)| *days <= CLOSING_DAYS)
        .map(|(days_left, v)| VacancyRow {
            vacancy: v.slug.clone(),
            title: v.title.clone(),
            valid_through: v.valid_through.day.to_string(),
            days_left,
        })
        .collect();
    closing_vacancies.sort_by(|a, b| {
        a.days_left
            .cmp(&b.days_left)
            .then(a.vacancy.cmp(&b.vacancy))
    });

    Report {
        today: today.to_string(),
        ambassadors,
        months: months
            .into_iter()
            .map(|(month, stories)| MonthRow { month, stories })
            .collect(),
        hashtags,
        departments: departments
            .into_iter()
            .map(|(department, (stories, ambassadors))| DepartmentRow {
                department,
                stories,
                ambassadors: ambassadors.len(),
            })
            .collect(),
        roles: roles
            .into_iter()
            .map(|(role, (stories, open_vacancies))| RoleRow {
                role,
                stories,
                open_vacancies,
            })
            .collect(),
        missing_roles,
        calendar,
        expiring_consents,
        left_out,
        closing_vacancies,
    }
}

/// Consents that are valid today and expire within `CONSENT_WARNING_DAYS`, soonest first.
fn expiring(content: &Content, today: Day) -> Vec<ConsentRow> {
    let mut expiring: Vec<ConsentRow> = content
        .consent
        .records
        .iter()
        .filter(|(_, record)| record.state(today) == ConsentState::Valid)
        .filter_map(|(reference, record)| {
            let expires = record.expires?;
            let days_left = days_between(today, expires);
            (days_left <= CONSENT_WARNING_DAYS).then(|| ConsentRow {
                reference: reference.clone(),
                subject: record.subject.clone(),
                expires: expires.to_string(),
                days_left,
            })
        })
        .collect();
    expiring.sort_by(|a, b| {
        a.days_left
            .cmp(&b.days_left)
            .then(a.reference.cmp(&b.reference))
    });
    expiring
}
