//! What the commands print on stderr: diagnostics, errors, the summary line of a run, colours and
//! GitHub annotations. Each function returns the exit code that goes with what it printed.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::base::diagnostics::Diagnostics;
use crate::base::error::Error;
use crate::pipeline::{Mode, Report, Summary};

use super::{EXIT_CONTENT, EXIT_USAGE};

/// How diagnostics are shown: in colour on a terminal, with an annotation line each in GitHub Actions.
#[derive(Clone, Copy)]
pub(super) struct Style {
    pub colour: bool,
    pub annotate: bool,
}

impl Style {
    /// Colour when stderr is a terminal and `NO_COLOR` is unset; annotations when `GITHUB_ACTIONS=true`.
    pub fn of_stderr() -> Style {
        Style {
            colour: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            annotate: std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true"),
        }
    }
}

/// An environment or usage failure: the run stops with exit code 2.
pub(super) fn error(out: &mut impl Write, error: &Error, colour: bool) -> ExitCode {
    let _ = writeln!(out, "{}: {error}", paint("error", colour));
    if let Some(hint) = error.hint() {
        let _ = writeln!(out, "  = hint: {hint}");
    }
    ExitCode::from(EXIT_USAGE)
}

/// The diagnostics of a `build` or `check` (or of the load before `cache prune`), then one line
/// saying what came of it.
pub(super) fn report(
    out: &mut impl Write,
    report: &Report,
    root: &Path,
    mode: Mode,
    style: Style,
) -> ExitCode {
    let errors = report.diagnostics.error_count();
    let warnings = report.diagnostics.warning_count();
    diagnostics(out, report.diagnostics.clone(), root, style);
    let error = paint("error", style.colour);
    if report.config_error {
        let _ = writeln!(
            out,
            "{error}: content/site.yaml has {errors} problem{}; nothing was built",
            plural(errors)
        );
        return ExitCode::from(EXIT_USAGE);
    }
    if errors > 0 {
        let _ = writeln!(
            out,
            "{error}: {errors} error{} and {warnings} warning{}; {}",
            plural(errors),
            plural(warnings),
            if mode == Mode::Build {
                "nothing was written, the previous output is untouched"
            } else {
                "fix them before building"
            }
        );
        return ExitCode::from(EXIT_CONTENT);
    }
    let _ = match report.built {
        Some(summary) => writeln!(out, "{}", built(&summary, warnings)),
        None => writeln!(out, "Checked: no errors{}", warning_note(warnings)),
    };
    ExitCode::SUCCESS
}

fn built(summary: &Summary, warnings: usize) -> String {
    format!(
        "Built {} pages ({} stories, {} open and {} closed vacancies), {} images ({} cached) in {:.2} s; image cache {}{}",
        summary.counts.pages,
        summary.stories,
        summary.counts.open_vacancies,
        summary.counts.closed_vacancies,
        summary.images,
        summary.cached_images,
        summary.seconds,
        crate::images::cache::human_size(summary.cache_bytes),
        warning_note(warnings)
    )
}

/// Every diagnostic, sorted, with its path as the user gave the site folder.
pub(super) fn diagnostics(
    out: &mut impl Write,
    diagnostics: Diagnostics,
    root: &Path,
    style: Style,
) {
    for diagnostic in diagnostics.sorted() {
        let shown = shown(root, &diagnostic.path);
        let text = diagnostic.render(&shown, crate::base::language::Language::En);
        let text = if style.colour {
            let label = if diagnostic.is_error() {
                ": error: "
            } else {
                ": warning: "
            };
            text.replacen(
                label,
                &format!(": {}: ", paint(label.trim_matches([':', ' ']), true)),
                1,
            )
        } else {
            text
        };
        let _ = write!(out, "{text}");
        if style.annotate {
            let _ = writeln!(
                out,
                "{}",
                diagnostic.github_annotation(&shown, crate::base::language::Language::En)
            );
        }
    }
}

/// `path`, relative to the site folder, as seen from where the command runs.
pub(super) fn shown(root: &Path, path: &Path) -> PathBuf {
    if root == Path::new(".") {
        path.to_owned()
    } else {
        root.join(path)
    }
}

fn warning_note(warnings: usize) -> String {
    if warnings == 0 {
        String::new()
    } else {
        format!(" ({warnings} warning{})", plural(warnings))
    }
}

pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

pub(super) fn paint(label: &str, colour: bool) -> String {
    if !colour {
        return label.to_owned();
    }
    match label {
        "error" => format!("\x1b[1;31m{label}\x1b[0m"),
        "warning" => format!("\x1b[1;33m{label}\x1b[0m"),
        _ => label.to_owned(),
    }
}
