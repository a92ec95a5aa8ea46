//! What the commands print on stderr: diagnostics, errors, the summary line of a run, colours and
//! GitHub annotations. Each function returns the exit code that goes with what it printed.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::base::diagnostics::{verbose_note, Detail, Diagnostics};
use crate::base::error::Error;
use crate::base::language::Language;
use crate::base::text::Text;
use crate::pipeline::{Mode, Report, Summary};

use super::{EXIT_CONTENT, EXIT_USAGE};

/// How diagnostics are shown: in colour on a terminal, with an annotation line each in GitHub
/// Actions, and every warning in full with `--verbose`.
#[derive(Clone, Copy)]
pub(super) struct Style {
    pub colour: bool,
    pub annotate: bool,
    pub verbose: bool,
}

impl Style {
    /// Colour when stderr is a terminal and `NO_COLOR` is unset; annotations when `GITHUB_ACTIONS=true`.
    pub fn of_stderr() -> Style {
        Style {
            colour: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            annotate: std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true"),
            verbose: false,
        }
    }

    /// This style, with the command's `--verbose`.
    pub fn verbose(self, verbose: bool) -> Style {
        Style { verbose, ..self }
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
/// saying what came of it, in the site's language.
pub(super) fn report(
    out: &mut impl Write,
    report: &Report,
    root: &Path,
    mode: Mode,
    style: Style,
) -> ExitCode {
    let language = report.language;
    let errors = report.diagnostics.error_count();
    let warnings = report.diagnostics.warning_count();
    diagnostics(out, report.diagnostics.clone(), root, style, language);
    let error = paint("error", style.colour);
    if report.config_error {
        let s = plural(errors);
        let en = plural_nl(errors, "en");
        let line = crate::text!(
            "content/site.yaml has {errors} problem{s}; nothing was built",
            "content/site.yaml heeft {errors} probleem{en}; er is niets gebouwd"
        );
        let _ = writeln!(out, "{error}: {}", line.get(language));
        return ExitCode::from(EXIT_USAGE);
    }
    if errors > 0 {
        let counts = counts(errors, warnings);
        let line = if mode == Mode::Build {
            crate::text!(
                "{counts}; nothing was written, the previous output is untouched",
                "{counts}; er is niets geschreven, de vorige uitvoer is ongewijzigd",
                counts = counts.get(language)
            )
        } else {
            crate::text!(
                "{counts}; fix them before building",
                "{counts}; los ze op voordat je bouwt",
                counts = counts.get(language)
            )
        };
        let _ = writeln!(out, "{error}: {}", line.get(language));
        return ExitCode::from(EXIT_CONTENT);
    }
    let note = warning_note(warnings).get(language).to_owned();
    let _ = match report.built {
        Some(summary) => writeln!(out, "{}", built(&summary, &note).get(language)),
        None => writeln!(
            out,
            "{}",
            crate::text!(
                "Checked: no errors{note}",
                "Gecontroleerd: geen fouten{note}"
            )
            .get(language)
        ),
    };
    ExitCode::SUCCESS
}

/// "2 errors and 7 warnings" / "2 fouten en 7 waarschuwingen".
fn counts(errors: usize, warnings: usize) -> Text {
    let (s, w) = (plural(errors), plural(warnings));
    let (en, wen) = (plural_nl(errors, "en"), plural_nl(warnings, "en"));
    crate::text!(
        "{errors} error{s} and {warnings} warning{w}",
        "{errors} fout{en} en {warnings} waarschuwing{wen}"
    )
}

fn built(summary: &Summary, note: &str) -> Text {
    let Summary {
        counts,
        images,
        cached_images,
        cache_bytes,
        stories,
        seconds,
        unchanged,
    } = summary;
    let (pages, open, closed) = (counts.pages, counts.open_vacancies, counts.closed_vacancies);
    let size = crate::images::cache::human_size(*cache_bytes);
    // Dutch writes a decimal comma: `0,37 s`, `5,5 MB`.
    let seconds_nl = format!("{seconds:.2}").replace('.', ",");
    let size_nl = size.replace('.', ",");
    let (story_en, story_nl) = if *stories == 1 {
        ("story", "verhaal")
    } else {
        ("stories", "verhalen")
    };
    let (image_s, image_en) = (plural(*images), plural_nl(*images, "en"));
    let (same_en, same_nl) = if *unchanged {
        (
            "; nothing had changed since the last build, no file was written".to_owned(),
            "; er was niets veranderd sinds de vorige keer, er is geen bestand geschreven"
                .to_owned(),
        )
    } else if counts.rendered < pages {
        (
            format!(
                "; {} pages rendered again, the others kept from the last build",
                counts.rendered
            ),
            format!(
                "; {} pagina's opnieuw gemaakt, de andere ongewijzigd uit de vorige keer",
                counts.rendered
            ),
        )
    } else {
        (String::new(), String::new())
    };
    crate::text!(
        "Built {pages} pages ({stories} {story_en}, {open} open and {closed} closed vacancies), {images} image{image_s} ({cached_images} cached) in {seconds:.2} s; image cache {size}{same_en}{note}",
        "{pages} pagina's gebouwd ({stories} {story_nl}, {open} open en {closed} gesloten vacatures), {images} afbeelding{image_en} ({cached_images} uit de cache) in {seconds_nl} s; afbeeldingencache {size_nl}{same_nl}{note}"
    )
}

/// Every diagnostic, errors first, with its path as the user gave the site folder; how much of
/// each is shown depends on `style.verbose` (see `Diagnostics::in_print_order`). An annotation
/// goes out for every one, shown or not.
pub(super) fn diagnostics(
    out: &mut impl Write,
    diagnostics: Diagnostics,
    root: &Path,
    style: Style,
    language: Language,
) {
    let listed = diagnostics.in_print_order(style.verbose);
    for (diagnostic, detail) in &listed {
        let shown = shown(root, &diagnostic.path);
        let text = match detail {
            Detail::Full => diagnostic.render(&shown, language),
            Detail::Line => diagnostic.render_line(&shown, language),
            Detail::Counted => String::new(),
        };
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
            let _ = writeln!(out, "{}", diagnostic.github_annotation(&shown, language));
        }
    }
    if let Some(note) = verbose_note(&listed) {
        let _ = writeln!(out, "{}", note.get(language));
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

/// " (7 warnings)" / " (7 waarschuwingen)", nothing without warnings.
fn warning_note(warnings: usize) -> Text {
    if warnings == 0 {
        return Text::from("");
    }
    let (s, en) = (plural(warnings), plural_nl(warnings, "en"));
    crate::text!(" ({warnings} warning{s})", " ({warnings} waarschuwing{en})")
}

pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The Dutch plural ending (`fout` → `fouten`: "en"; `pagina` → `pagina's`: "'s").
pub(super) fn plural_nl(n: usize, ending: &'static str) -> &'static str {
    if n == 1 {
        ""
    } else {
        ending
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
