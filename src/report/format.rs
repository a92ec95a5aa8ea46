//! The report for people and tools: aligned text tables, and one CSV table for spreadsheets.

use std::fmt::Write as _;

use super::{Report, ACTIVE_DAYS, CLOSING_DAYS, CONSENT_WARNING_DAYS};

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
