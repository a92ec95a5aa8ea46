//! `werkenbij report`: the programme figures on stdout as text, JSON or CSV; problems on stderr.

use std::io::Write;
use std::process::ExitCode;

use crate::base::error::Error;
use crate::content::Loaded;
use crate::pipeline;

use super::args::{ReportArgs, ReportFormat};
use super::print::{self, paint, plural, Style};
use super::{EXIT_CONTENT, EXIT_USAGE};

pub(super) fn run(args: ReportArgs, style: Style) -> Result<ExitCode, Error> {
    let ReportArgs {
        common,
        format,
        html,
    } = args;
    let today = common.today()?;
    let style = Style {
        annotate: false,
        ..style
    };
    let mut stderr = std::io::stderr();
    let (diagnostics, code) = match pipeline::programme_report(&common.root, today)? {
        Loaded::Ready(Some((site, report)), diagnostics) => {
            print::diagnostics(&mut stderr, diagnostics, &common.root, style);
            if let Some(dir) = html {
                pipeline::write_report_page(&common.root, &site, &report, &dir)?;
                let page = dir.join("index.html");
                let _ = writeln!(stderr, "Wrote the report page to {}", page.display());
                return Ok(ExitCode::SUCCESS);
            }
            let text = figures(&report, format)?;
            let _ = std::io::stdout().write_all(text.as_bytes());
            return Ok(ExitCode::SUCCESS);
        }
        Loaded::Ready(None, diagnostics) => (diagnostics, EXIT_CONTENT),
        Loaded::ConfigErrors(diagnostics) => (diagnostics, EXIT_USAGE),
    };
    let errors = diagnostics.error_count();
    print::diagnostics(&mut stderr, diagnostics, &common.root, style);
    let _ = writeln!(
        stderr,
        "{}: {errors} error{}; no report",
        paint("error", style.colour),
        plural(errors)
    );
    Ok(ExitCode::from(code))
}

fn figures(report: &crate::report::Report, format: ReportFormat) -> Result<String, Error> {
    match format {
        ReportFormat::Text => Ok(crate::report::text(report)),
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
