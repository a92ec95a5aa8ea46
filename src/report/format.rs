//! The report for people and tools: aligned text tables, and one CSV table for spreadsheets. Each
//! format has one function per section of the report, in the order of the report.

use std::fmt::Write as _;

use super::{Report, ACTIVE_DAYS, CLOSING_DAYS, CONSENT_WARNING_DAYS};

/// Aligned text tables, one section each, for a terminal.
pub fn text(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Programme report for {}", report.today);
    for table in [
        ambassador_table(report),
        month_table(report),
        hashtag_table(report),
        department_table(report),
        role_table(report),
        calendar_table(report),
        expiring_consent_table(report),
        left_out_table(report),
        closing_vacancy_table(report),
    ] {
        table.write(&mut out);
    }
    out
}

/// One section of the text report: a title over an aligned table.
struct Table {
    title: String,
    header: &'static [&'static str],
    rows: Vec<Vec<String>>,
}

fn ambassador_table(report: &Report) -> Table {
    let active = report.ambassadors.iter().filter(|a| a.active).count();
    Table {
        title: format!(
            "Ambassadors ({active} of {} active: a story in the last {ACTIVE_DAYS} days)",
            report.ambassadors.len()
        ),
        header: &[
            "ambassador",
            "name",
            "role",
            "stories",
            "scheduled",
            "last story",
            "active",
        ],
        rows: report
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
    }
}

fn month_table(report: &Report) -> Table {
    Table {
        title: "Stories per month".into(),
        header: &["month", "stories"],
        rows: report
            .months
            .iter()
            .map(|m| vec![m.month.clone(), m.stories.to_string()])
            .collect(),
    }
}

fn hashtag_table(report: &Report) -> Table {
    Table {
        title: "Hashtags by use".into(),
        header: &["hashtag", "stories"],
        rows: report
            .hashtags
            .iter()
            .map(|h| vec![format!("#{}", h.hashtag), h.stories.to_string()])
            .collect(),
    }
}

fn department_table(report: &Report) -> Table {
    Table {
        title: "Departments covered".into(),
        header: &["department", "stories", "ambassadors"],
        rows: report
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
    }
}

fn role_table(report: &Report) -> Table {
    Table {
        title: "Roles (missing: open vacancies but no story)".into(),
        header: &["role", "stories", "open vacancies", "missing"],
        rows: report
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
    }
}

fn calendar_table(report: &Report) -> Table {
    Table {
        title: "Content calendar (scheduled stories)".into(),
        header: &["week", "date", "story", "ambassador"],
        rows: report
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
    }
}

fn expiring_consent_table(report: &Report) -> Table {
    Table {
        title: format!("Consents expiring within {CONSENT_WARNING_DAYS} days"),
        header: &["consent", "subject", "expires", "days left"],
        rows: report
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
    }
}

fn left_out_table(report: &Report) -> Table {
    Table {
        title: "Stories left out for consent".into(),
        header: &["story", "ambassador", "reason"],
        rows: report
            .left_out
            .iter()
            .map(|l| vec![l.story.clone(), l.ambassador.clone(), l.reason.clone()])
            .collect(),
    }
}

fn closing_vacancy_table(report: &Report) -> Table {
    Table {
        title: format!("Vacancies closing within {CLOSING_DAYS} days"),
        header: &["vacancy", "closes", "days left"],
        rows: report
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
    }
}

impl Table {
    /// The title, then the header, a rule and the rows in columns two spaces apart, indented by
    /// two; "(none)" for no rows.
    fn write(&self, out: &mut String) {
        let Table {
            title,
            header,
            rows,
        } = self;
        let _ = writeln!(out, "\n{title}");
        if rows.is_empty() {
            let _ = writeln!(out, "  (none)");
            return;
        }
        let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
        for row in rows {
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
        for row in rows {
            let _ = writeln!(out, "{}", line(row.iter().map(String::as_str).collect()));
        }
    }
}

/// The CSV table being written.
type Sheet = csv::Writer<Vec<u8>>;

/// One CSV table for spreadsheets: `section,key,label,count,date,detail`, a row per figure.
pub fn csv(report: &Report) -> Result<String, csv::Error> {
    let mut sheet = csv::Writer::from_writer(Vec::new());
    sheet.write_record(["section", "key", "label", "count", "date", "detail"])?;
    ambassador_records(&mut sheet, report)?;
    month_records(&mut sheet, report)?;
    hashtag_records(&mut sheet, report)?;
    department_records(&mut sheet, report)?;
    role_records(&mut sheet, report)?;
    calendar_records(&mut sheet, report)?;
    expiring_consent_records(&mut sheet, report)?;
    left_out_records(&mut sheet, report)?;
    closing_vacancy_records(&mut sheet, report)?;
    let bytes = sheet.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn ambassador_records(sheet: &mut Sheet, report: &Report) -> Result<(), csv::Error> {
    for a in &report.ambassadors {
        sheet.write_record([
            "ambassador",
            &a.id,
            &a.name,
            &a.stories.to_string(),
            a.last_story.as_deref().unwrap_or(""),
            if a.active { "active" } else { "inactive" },
        ])?;
    }
    Ok(())
}

fn month_records(sheet: &mut Sheet, report: &Report) -> Result<(), csv::Error> {
    for m in &report.months {
        sheet.write_record(["month", &m.month, "", &m.stories.to_string(), "", ""])?;
    }
    Ok(())
}

fn hashtag_records(sheet: &mut Sheet, report: &Report) -> Result<(), csv::Error> {
    for h in &report.hashtags {
        sheet.write_record(["hashtag", &h.hashtag, "", &h.stories.to_string(), "", ""])?;
    }
    Ok(())
}

fn department_records(sheet: &mut Sheet, report: &Report) -> Result<(), csv::Error> {
    for d in &report.departments {
        sheet.write_record([
            "department",
            &d.department,
            "",
            &d.stories.to_string(),
            "",
            &format!("{} ambassadors", d.ambassadors),
        ])?;
    }
    Ok(())
}

fn role_records(sheet: &mut Sheet, report: &Report) -> Result<(), csv::Error> {
    for r in &report.roles {
        let missing = report.missing_roles.contains(&r.role);
        sheet.write_record([
            "role",
            &r.role,
            "",
            &r.stories.to_string(),
            "",
            if missing { "missing" } else { "" },
        ])?;
    }
    Ok(())
}

fn calendar_records(sheet: &mut Sheet, report: &Report) -> Result<(), csv::Error> {
    for c in &report.calendar {
        sheet.write_record([
            "calendar",
            &c.story,
            &c.title,
            "",
            &c.date,
            &format!("{} {}", c.week, c.ambassador),
        ])?;
    }
    Ok(())
}

fn expiring_consent_records(sheet: &mut Sheet, report: &Report) -> Result<(), csv::Error> {
    for c in &report.expiring_consents {
        sheet.write_record([
            "consent_expiring",
            &c.reference,
            &c.subject,
            &c.days_left.to_string(),
            &c.expires,
            "",
        ])?;
    }
    Ok(())
}

fn left_out_records(sheet: &mut Sheet, report: &Report) -> Result<(), csv::Error> {
    for l in &report.left_out {
        sheet.write_record(["left_out", &l.story, &l.ambassador, "", "", &l.reason])?;
    }
    Ok(())
}

fn closing_vacancy_records(sheet: &mut Sheet, report: &Report) -> Result<(), csv::Error> {
    for v in &report.closing_vacancies {
        sheet.write_record([
            "vacancy_closing",
            &v.vacancy,
            &v.title,
            &v.days_left.to_string(),
            &v.valid_through,
            "",
        ])?;
    }
    Ok(())
}
