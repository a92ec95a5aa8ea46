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
    } = args;
    let today = common.today()?;
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
            let text = figures(&report, format, language)?;
            let _ = std::io::stdout().write_all(text.as_bytes());
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
    language: Language,
) -> Result<String, Error> {
    match format {
        ReportFormat::Text => Ok(crate::report::text(report, language)),
        ReportFormat::Json => {
            let mut json = serde_json::to_string_pretty(report)
                .map_err(|e| Error::usage(format!("cannot write JSON: {e}"), None))?;
            json.push('\n');
            Ok(json)
        }
        ReportFormat::Csv => crate::report::csv(report)
            .map_err(|e| Error::usage(format!("cannot write CSV: {e}"), None)),
    }
}
