//! The figures of the ambassador programme from the validated site: one function per section of
//! the report, each counting published stories only.

use std::collections::{BTreeMap, BTreeSet};

use super::{
    days_between, AmbassadorRow, CalendarRow, ContentFacts, DepartmentRow, HashtagRow, MonthRow,
    Report, RoleRow, VacancyRow, ACTIVE_DAYS, CLOSING_DAYS,
};
use crate::base::date::Day;
use crate::model::{Site, Story, Visibility};

/// The programme's figures from the validated site (built with drafts, so the calendar has the
/// scheduled stories) and the facts of the parsed files.
pub fn figures(site: &Site, facts: ContentFacts) -> Report {
    let ContentFacts {
        left_out,
        expiring_consents,
    } = facts;
    let public: Vec<&Story> = site
        .stories
        .iter()
        .filter(|s| s.visibility == Visibility::Public)
        .collect();
    let roles = roles(site, &public);
    Report {
        today: site.today.to_string(),
        ambassadors: ambassadors(site),
        months: months(&public),
        hashtags: hashtags(site),
        departments: departments(&public),
        missing_roles: missing_roles(&roles),
        roles,
        calendar: calendar(site),
        expiring_consents,
        left_out,
        closing_vacancies: closing_vacancies(site),
    }
}

fn is_published(site: &Site, story: usize) -> bool {
    site.stories[story].visibility == Visibility::Public
}

/// Each ambassador's published and scheduled stories; active with a story in `ACTIVE_DAYS`.
fn ambassadors(site: &Site) -> Vec<AmbassadorRow> {
    let today = site.today;
    site.ambassadors
        .iter()
        .map(|a| {
            let stories: Vec<&Story> = a
                .stories
                .iter()
                .filter(|&&i| is_published(site, i))
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
        .collect()
}

/// Published stories per calendar month, oldest first.
fn months(public: &[&Story]) -> Vec<MonthRow> {
    let mut months: BTreeMap<String, usize> = BTreeMap::new();
    for story in public {
        *months
            .entry(format!("{}-{:02}", story.date.year(), story.date.month()))
            .or_default() += 1;
    }
    months
        .into_iter()
        .map(|(month, stories)| MonthRow { month, stories })
        .collect()
}

/// Hashtags with published stories, most used first.
fn hashtags(site: &Site) -> Vec<HashtagRow> {
    let mut hashtags: Vec<HashtagRow> = site
        .hashtags
        .iter()
        .map(|tag| HashtagRow {
            hashtag: tag.name.clone(),
            stories: tag
                .stories
                .iter()
                .filter(|&&i| is_published(site, i))
                .count(),
        })
        .filter(|row| row.stories > 0)
        .collect();
    hashtags.sort_by(|a, b| b.stories.cmp(&a.stories).then(a.hashtag.cmp(&b.hashtag)));
    hashtags
}

/// The departments published stories come from, with how many ambassadors tell them.
fn departments(public: &[&Story]) -> Vec<DepartmentRow> {
    let mut departments: BTreeMap<String, (usize, BTreeSet<usize>)> = BTreeMap::new();
    for story in public {
        if let Some(department) = &story.department {
            let entry = departments.entry(department.clone()).or_default();
            entry.0 += 1;
            entry.1.insert(story.ambassador);
        }
    }
    departments
        .into_iter()
        .map(|(department, (stories, ambassadors))| DepartmentRow {
            department,
            stories,
            ambassadors: ambassadors.len(),
        })
        .collect()
}

/// Every role of a published story or a public open vacancy, by name.
fn roles(site: &Site, public: &[&Story]) -> Vec<RoleRow> {
    let mut roles: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for story in public {
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
    roles
        .into_iter()
        .map(|(role, (stories, open_vacancies))| RoleRow {
            role,
            stories,
            open_vacancies,
        })
        .collect()
}

/// Roles with open vacancies but no published story.
fn missing_roles(roles: &[RoleRow]) -> Vec<String> {
    roles
        .iter()
        .filter(|row| row.stories == 0 && row.open_vacancies > 0)
        .map(|row| row.role.clone())
        .collect()
}

/// Scheduled stories by publication date.
fn calendar(site: &Site) -> Vec<CalendarRow> {
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
    calendar
}

fn iso_week(day: Day) -> String {
    let week = day.0.iso_week_date();
    format!("{}-W{:02}", week.year(), week.week())
}

/// Public open vacancies that close within `CLOSING_DAYS`, soonest first.
fn closing_vacancies(site: &Site) -> Vec<VacancyRow> {
    let today = site.today;
    let mut closing: Vec<VacancyRow> = site
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
    closing.sort_by(|a, b| {
        a.days_left
            .cmp(&b.days_left)
            .then(a.vacancy.cmp(&b.vacancy))
    });
    closing
}
