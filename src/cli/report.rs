//! `werkenbij report`: the programme figures on stdout as text, JSON or CSV; problems on stderr.

use std::io::Write;
use std::process::ExitCode;

use crate::base::error::Error;
use crate::base::language::Language;
use crate::content::config::language_of;
use crate::content::Loaded;
use crate::pipeline;

use super::args::{ReportArgs, ReportFormat};
use super::print::{self, paint, plural, plural_nl, Style};
use super::{EXIT_CONTENT, EXIT_USAGE};

pub(super) fn run(args: ReportArgs, style: Style) -> Result<ExitCode, Error> {
    let ReportArgs {
        common,
        format,
        html,
        verbose,
        visits,
    } = args;
    let today = common.today()?;
    if let Some(out) = &visits.out {
        super::visits::check_out(&common.root, out)?;
    }
    let style = Style {
        annotate: false,
        verbose,
        ..style
    };
    let mut stderr = std::io::stderr();
    let (diagnostics, code) = match pipeline::programme_report(&common.root, today)? {
        Loaded::Ready(Some((site, report)), diagnostics) => {
            let language = site.config.language;
            print::diagnostics(&mut stderr, diagnostics, &common.root, style, language);
            if let Some(dir) = html {
                pipeline::write_report_page(&common.root, &site, &report, &dir)?;
                let page = dir.join("index.html").display().to_string();
                let wrote = crate::text!(
                    "Wrote the report page to {page}",
                    "De rapportpagina staat in {page}"
                );
                let _ = writeln!(stderr, "{}", wrote.get(language));
                return Ok(ExitCode::SUCCESS);
            }
            let reach = super::visits::reach(&site, &visits, style)?;
            let text = figures(&report, format, reach.as_ref(), language)?;
            match &visits.out {
                Some(out) => super::visits::write_out(out, &text)?,
                None => {
                    let _ = std::io::stdout().write_all(text.as_bytes());
                }
            }
            return Ok(ExitCode::SUCCESS);
        }
        Loaded::Ready(None, diagnostics) => (diagnostics, EXIT_CONTENT),
        Loaded::ConfigErrors(diagnostics) => (diagnostics, EXIT_USAGE),
    };
    let language = language_of(&common.root);
    let errors = diagnostics.error_count();
    print::diagnostics(&mut stderr, diagnostics, &common.root, style, language);
    let (s, en) = (plural(errors), plural_nl(errors, "en"));
    let line = crate::text!(
        "{errors} error{s}; no report",
        "{errors} fout{en}; geen rapport"
    );
    let _ = writeln!(
        stderr,
        "{}: {}",
        paint("error", style.colour),
        line.get(language)
    );
    Ok(ExitCode::from(code))
}

fn figures(
    report: &crate::report::Report,
    format: ReportFormat,
    visits: Option<&crate::visits::Visits>,
    language: Language,
) -> Result<String, Error> {
    match format {
        ReportFormat::Text => {
            let mut text = crate::report::text(report, language);
            if let Some(visits) = visits {
                text.push('\n');
                text.push_str(&crate::report::visits_text(visits, language));
            }
            Ok(text)
        }
        ReportFormat::Json => {
            /// The report's own keys in their order, then `visits`.
            #[derive(serde::Serialize)]
            struct WithVisits<'a> {
                #[serde(flatten)]
                report: &'a crate::report::Report,
                #[serde(skip_serializing_if = "Option::is_none")]
                visits: Option<&'a crate::visits::Visits>,
            }
            let mut json = serde_json::to_string_pretty(&WithVisits { report, visits })
                .map_err(|e| Error::usage(format!("cannot write JSON: {e}"), None))?;
            json.push('\n');
            Ok(json)
        }
        ReportFormat::Csv => {
            let cannot = |e: csv::Error| Error::usage(format!("cannot write CSV: {e}"), None);
            let mut text = crate::report::csv(report).map_err(cannot)?;
            if let Some(visits) = visits {
                text.push_str(&crate::report::visits_csv(visits).map_err(cannot)?);
            }
            Ok(text)
        }
        ReportFormat::Html => match visits {
            Some(visits) => Ok(crate::report::visits_html(visits, report, language)),
            None => Err(Error::usage(
                "--format html is the page of the reach figures: it needs --visits FILE",
                Some("for the page of the content figures, use `werkenbij report --html DIR`"),
            )),
        },
    }
}
