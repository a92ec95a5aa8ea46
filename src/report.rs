//! `werkenbij report`: the figures of the ambassador programme, from the content alone, as text
//! tables, JSON or CSV.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Serialize;

use std::path::Path;

use crate::consent::{ConsentState, Use};
use crate::content::{self, Content, Loaded};
use crate::date::Day;
use crate::diagnostics::Diagnostics;
use crate::error::Error;
use crate::site::{Site, Visibility};
use crate::validate::{self, ValidateOptions};

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
        let problem = |reference: &str| {
            let record = register.get(reference)?;
            let state = record.state(today);
            if state != ConsentState::Valid {
                Some(format!("consent `{reference}` {}", state.describe()))
            } else if !record.covers(Use::Website) {
                Some(format!("consent `{reference}` does not cover `website`"))
            } else {
                None
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

/// Loads and validates the site with drafts (so scheduled stories are in it) and counts. Facts the
/// validated model leaves out (stories left out for consent) come from the parsed files.
pub fn run(root: &Path, today: Day) -> Result<Outcome, Error> {
    let (content, mut diagnostics) = match content::load_cached(root, None)? {
        Loaded::Content(content, diagnostics) => (content, diagnostics),
        Loaded::ConfigErrors(diagnostics) => return Ok(Outcome::ConfigErrors(diagnostics)),
    };
    let left_out = left_out(&content, today);
    let expiring = expiring(&content, today);
    let options = ValidateOptions {
        today,
        drafts: true,
    };
    let (site, found) = validate::validate(*content, &options);
    diagnostics.extend(found);
    if diagnostics.has_errors() {
        return Ok(Outcome::ContentErrors(diagnostics));
    }
    Ok(Outcome::Report(
        Box::new(figures(&site, left_out, expiring)),
        diagnostics,
    ))
}

/// A report with its warnings, or why there is none (exit 1 for content, 2 for site.yaml).
pub enum Outcome {
    Report(Box<Report>, Diagnostics),
    ContentErrors(Diagnostics),
    ConfigErrors(Diagnostics),
}

fn figures(site: &Site, left_out: Vec<LeftOutRow>, expiring_consents: Vec<ConsentRow>) -> Report {
    let today = site.today;
    let published = |i: &usize| site.stories[*i].visibility == Visibility::Public;
    let ambassadors = site
        .ambassadors
        .iter()
        .map(|a| {
            let stories: Vec<&crate::site::Story> = a
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

    let public: Vec<&crate::site::Story> = site
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

/// Aligned text tables, one section each, for a terminal.
pub fn text(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Programme report for {}", report.today);
    let active = report.ambassadors.iter().filter(|a| a.active).count();
    section(
        &mut out,
        &format!(
            "Ambassadors ({active} of {} active: a story in the last {ACTIVE_DAYS} days)",
            report.ambassadors.len()
        ),
        &[
            "ambassador",
            "name",
            "role",
            "stories",
            "scheduled",
            "last story",
            "active",
        ],
        report
            .ambassadors
            .iter()
            .map(|a| {
                vec![
                    a.id.clone(),
                    a.name.clone(),
                    a.role.clone(),
                    a.stories.to_string(),
                    a.scheduled.to_string(),
                    a.last_story.clone().unwrap_or_else(|| "-".into()),
                    if a.active { "yes" } else { "no" }.into(),
                ]
            })
            .collect(),
    );
    section(
        &mut out,
        "Stories per month",
        &["month", "stories"],
        report
            .months
            .iter()
            .map(|m| vec![m.month.clone(), m.stories.to_string()])
            .collect(),
    );
    section(
        &mut out,
        "Hashtags by use",
        &["hashtag", "stories"],
        report
            .hashtags
            .iter()
            .map(|h| vec![format!("#{}", h.hashtag), h.stories.to_string()])
            .collect(),
    );
    section(
        &mut out,
        "Departments covered",
        &["department", "stories", "ambassadors"],
        report
            .departments
            .iter()
            .map(|d| {
                vec![
                    d.department.clone(),
                    d.stories.to_string(),
                    d.ambassadors.to_string(),
                ]
            })
            .collect(),
    );
    section(
        &mut out,
        "Roles (missing: open vacancies but no story)",
        &["role", "stories", "open vacancies", "missing"],
        report
            .roles
            .iter()
            .map(|r| {
                let missing = report.missing_roles.contains(&r.role);
                vec![
                    r.role.clone(),
                    r.stories.to_string(),
                    r.open_vacancies.to_string(),
                    if missing { "missing" } else { "" }.into(),
                ]
            })
            .collect(),
    );
    section(
        &mut out,
        "Content calendar (scheduled stories)",
        &["week", "date", "story", "ambassador"],
        report
            .calendar
            .iter()
            .map(|c| {
                vec![
                    c.week.clone(),
                    c.date.clone(),
                    c.title.clone(),
                    c.ambassador.clone(),
                ]
            })
            .collect(),
    );
    section(
        &mut out,
        &format!("Consents expiring within {CONSENT_WARNING_DAYS} days"),
        &["consent", "subject", "expires", "days left"],
        report
            .expiring_consents
            .iter()
            .map(|c| {
                vec![
                    c.reference.clone(),
                    c.subject.clone(),
                    c.expires.clone(),
                    c.days_left.to_string(),
                ]
            })
            .collect(),
    );
    section(
        &mut out,
        "Stories left out for consent",
        &["story", "ambassador", "reason"],
        report
            .left_out
            .iter()
            .map(|l| vec![l.story.clone(), l.ambassador.clone(), l.reason.clone()])
            .collect(),
    );
    section(
        &mut out,
        &format!("Vacancies closing within {CLOSING_DAYS} days"),
        &["vacancy", "closes", "days left"],
        report
            .closing_vacancies
            .iter()
            .map(|v| {
                vec![
                    v.title.clone(),
                    v.valid_through.clone(),
                    v.days_left.to_string(),
                ]
            })
            .collect(),
    );
    out
}

fn section(out: &mut String, title: &str, header: &[&str], rows: Vec<Vec<String>>) {
    let _ = writeln!(out, "\n{title}");
    if rows.is_empty() {
        let _ = writeln!(out, "  (none)");
        return;
    }
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut text = String::from(" ");
        for (i, cell) in cells.iter().enumerate() {
            let pad = widths[i] - cell.chars().count();
            text.push(' ');
            text.push_str(cell);
            if i + 1 < cells.len() {
                text.push_str(&" ".repeat(pad + 1));
            }
        }
        text.trim_end().to_owned()
    };
    let _ = writeln!(out, "{}", line(header.to_vec()));
    let _ = writeln!(
        out,
        "{}",
        line(
            widths
                .iter()
                .map(|w| "-".repeat(*w))
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str)
                .collect()
        )
    );
    for row in &rows {
        let _ = writeln!(out, "{}", line(row.iter().map(String::as_str).collect()));
    }
}

/// One CSV table for spreadsheets: `section,key,label,count,date,detail`, a row per figure.
pub fn csv(report: &Report) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(["section", "key", "label", "count", "date", "detail"])?;
    let mut row =
        |section: &str, key: &str, label: &str, count: String, date: &str, detail: &str| {
            writer.write_record([section, key, label, &count, date, detail])
        };
    for a in &report.ambassadors {
        row(
            "ambassador",
            &a.id,
            &a.name,
            a.stories.to_string(),
            a.last_story.as_deref().unwrap_or(""),
            if a.active { "active" } else { "inactive" },
        )?;
    }
    for m in &report.months {
        row("month", &m.month, "", m.stories.to_string(), "", "")?;
    }
    for h in &report.hashtags {
        row("hashtag", &h.hashtag, "", h.stories.to_string(), "", "")?;
    }
    for d in &report.departments {
        row(
            "department",
            &d.department,
            "",
            d.stories.to_string(),
            "",
            &format!("{} ambassadors", d.ambassadors),
        )?;
    }
    for r in &report.roles {
        let missing = report.missing_roles.contains(&r.role);
        row(
            "role",
            &r.role,
            "",
            r.stories.to_string(),
            "",
            if missing { "missing" } else { "" },
        )?;
    }
    for c in &report.calendar {
        row(
            "calendar",
            &c.story,
            &c.title,
            String::new(),
            &c.date,
            &format!("{} {}", c.week, c.ambassador),
        )?;
    }
    for c in &report.expiring_consents {
        row(
            "consent_expiring",
            &c.reference,
            &c.subject,
            c.days_left.to_string(),
            &c.expires,
            "",
        )?;
    }
    for l in &report.left_out {
        row(
            "left_out",
            &l.story,
            &l.ambassador,
            String::new(),
            "",
            &l.reason,
        )?;
    }
    for v in &report.closing_vacancies {
        row(
            "vacancy_closing",
            &v.vacancy,
            &v.title,
            v.days_left.to_string(),
            &v.valid_through,
            "",
        )?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
