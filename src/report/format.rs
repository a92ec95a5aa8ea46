//! The report for people and tools: aligned text tables, and one CSV table for spreadsheets. Each
//! format has one function per section of the report, in the order of the report.

use std::fmt::Write as _;

use super::{Report, ACTIVE_DAYS, CLOSING_DAYS, CONSENT_WARNING_DAYS};
use crate::base::date::Day;
use crate::base::language::Language;
use crate::base::text::Text;

/// Aligned text tables, one section each, for a terminal, in the site's language (dates in words
/// in Dutch: `2 december 2026`).
pub fn text(report: &Report, language: Language) -> String {
    let mut out = String::new();
    let today = date(&report.today, language);
    let title = crate::text!(
        "Programme report for {today}",
        "Programmarapport van {today}"
    );
    let _ = writeln!(out, "{}", title.get(language));
    let words = Words(language);
    for table in [
        ambassador_table(report, words),
        month_table(report, words),
        hashtag_table(report, words),
        department_table(report, words),
        role_table(report, words),
        calendar_table(report, words),
        expiring_consent_table(report, words),
        left_out_table(report, words),
        closing_vacancy_table(report, words),
    ] {
        table.write(&mut out, words);
    }
    out
}

/// The language of the text report: picks the English or the Dutch words, and writes dates.
#[derive(Clone, Copy)]
struct Words(Language);

impl Words {
    fn pick<T: ?Sized>(self, en: &'static T, nl: &'static T) -> &'static T {
        match self.0 {
            Language::En => en,
            Language::Nl => nl,
        }
    }

    fn text(self, text: Text) -> String {
        text.get(self.0).to_owned()
    }

    fn date(self, iso: &str) -> String {
        date(iso, self.0)
    }
}

/// `2026-12-02` as the report shows it: as it is in English, `2 december 2026` in Dutch (and
/// `2026-12` as `december 2026`); anything else as it was.
fn date(iso: &str, language: Language) -> String {
    if language == Language::En {
        return iso.to_owned();
    }
    if let Ok(day) = Day::parse(iso) {
        return language.long_date(day);
    }
    match iso
        .split_once('-')
        .map(|(y, m)| (y.parse::<i16>(), m.parse::<i8>()))
    {
        Some((Ok(year), Ok(month))) if (1..=12).contains(&month) => {
            format!("{} {year}", language.month_name(month))
        }
        _ => iso.to_owned(),
    }
}

/// One section of the text report: a title over an aligned table.
struct Table {
    title: String,
    header: &'static [&'static str],
    rows: Vec<Vec<String>>,
}

fn ambassador_table(report: &Report, words: Words) -> Table {
    let active = report.ambassadors.iter().filter(|a| a.active).count();
    let all = report.ambassadors.len();
    Table {
        title: words.text(crate::text!(
            "Ambassadors ({active} of {all} active: a story in the last {ACTIVE_DAYS} days)",
            "Ambassadeurs ({active} van {all} actief: een verhaal in de laatste {ACTIVE_DAYS} dagen)"
        )),
        header: words.pick(
            &[
                "ambassador",
                "name",
                "role",
                "stories",
                "scheduled",
                "last story",
                "active",
            ],
            &[
                "ambassadeur",
                "naam",
                "functie",
                "verhalen",
                "ingepland",
                "laatste verhaal",
                "actief",
            ],
        ),
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
                    a.last_story
                        .as_deref()
                        .map_or_else(|| "-".into(), |d| words.date(d)),
                    if a.active {
                        words.pick("yes", "ja")
                    } else {
                        words.pick("no", "nee")
                    }
                    .into(),
                ]
            })
            .collect(),
    }
}

fn month_table(report: &Report, words: Words) -> Table {
    Table {
        title: words.pick("Stories per month", "Verhalen per maand").into(),
        header: words.pick(&["month", "stories"], &["maand", "verhalen"]),
        rows: report
            .months
            .iter()
            .map(|m| vec![words.date(&m.month), m.stories.to_string()])
            .collect(),
    }
}

fn hashtag_table(report: &Report, words: Words) -> Table {
    Table {
        title: words
            .pick("Hashtags by use", "Hashtags naar gebruik")
            .into(),
        header: words.pick(&["hashtag", "stories"], &["hashtag", "verhalen"]),
        rows: report
            .hashtags
            .iter()
            .map(|h| vec![format!("#{}", h.hashtag), h.stories.to_string()])
            .collect(),
    }
}

fn department_table(report: &Report, words: Words) -> Table {
    Table {
        title: words
            .pick("Departments covered", "Afdelingen met een verhaal")
            .into(),
        header: words.pick(
            &["department", "stories", "ambassadors"],
            &["afdeling", "verhalen", "ambassadeurs"],
        ),
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

fn role_table(report: &Report, words: Words) -> Table {
    Table {
        title: words
            .pick(
                "Roles (missing: open vacancies but no story)",
                "Functies (ontbreekt: open vacatures maar geen verhaal)",
            )
            .into(),
        header: words.pick(
            &["role", "stories", "open vacancies", "missing"],
            &["functie", "verhalen", "open vacatures", "ontbreekt"],
        ),
        rows: report
            .roles
            .iter()
            .map(|r| {
                let missing = report.missing_roles.contains(&r.role);
                vec![
                    r.role.clone(),
                    r.stories.to_string(),
                    r.open_vacancies.to_string(),
                    if missing {
                        words.pick("missing", "ontbreekt")
                    } else {
                        ""
                    }
                    .into(),
                ]
            })
            .collect(),
    }
}

fn calendar_table(report: &Report, words: Words) -> Table {
    Table {
        title: words
            .pick(
                "Content calendar (scheduled stories)",
                "Contentkalender (ingeplande verhalen)",
            )
            .into(),
        header: words.pick(
            &["week", "date", "story", "ambassador"],
            &["week", "datum", "verhaal", "ambassadeur"],
        ),
        rows: report
            .calendar
            .iter()
            .map(|c| {
                vec![
                    c.week.clone(),
                    words.date(&c.date),
                    c.title.clone(),
                    c.ambassador.clone(),
                ]
            })
            .collect(),
    }
}

fn expiring_consent_table(report: &Report, words: Words) -> Table {
    Table {
        title: words.text(crate::text!(
            "Consents expiring within {CONSENT_WARNING_DAYS} days",
            "Toestemmingen die binnen {CONSENT_WARNING_DAYS} dagen verlopen"
        )),
        header: words.pick(
            &["consent", "subject", "expires", "days left"],
            &["toestemming", "persoon", "verloopt", "dagen over"],
        ),
        rows: report
            .expiring_consents
            .iter()
            .map(|c| {
                vec![
                    c.reference.clone(),
                    c.subject.clone(),
                    words.date(&c.expires),
                    c.days_left.to_string(),
                ]
            })
            .collect(),
    }
}

fn left_out_table(report: &Report, words: Words) -> Table {
    Table {
        title: words
            .pick(
                "Stories left out for consent",
                "Verhalen weggelaten vanwege toestemming",
            )
            .into(),
        header: words.pick(
            &["story", "ambassador", "reason"],
            &["verhaal", "ambassadeur", "reden"],
        ),
        rows: report
            .left_out
            .iter()
            .map(|l| {
                vec![
                    l.story.clone(),
                    l.ambassador.clone(),
                    l.reason.get(words.0).to_owned(),
                ]
            })
            .collect(),
    }
}

fn closing_vacancy_table(report: &Report, words: Words) -> Table {
    Table {
        title: words.text(crate::text!(
            "Vacancies closing within {CLOSING_DAYS} days",
            "Vacatures die binnen {CLOSING_DAYS} dagen sluiten"
        )),
        header: words.pick(
            &["vacancy", "closes", "days left"],
            &["vacature", "sluit", "dagen over"],
        ),
        rows: report
            .closing_vacancies
            .iter()
            .map(|v| {
                vec![
                    v.title.clone(),
                    words.date(&v.valid_through),
                    v.days_left.to_string(),
                ]
            })
            .collect(),
    }
}

impl Table {
    /// The title, then the header, a rule and the rows in columns two spaces apart, indented by
    /// two; "(none)" for no rows.
    fn write(&self, out: &mut String, words: Words) {
        let Table {
            title,
            header,
            rows,
        } = self;
        let _ = writeln!(out, "\n{title}");
        if rows.is_empty() {
            let _ = writeln!(out, "  {}", words.pick("(none)", "(geen)"));
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
