//! The command line: clap commands → `Options`. The only place that prints or picks an exit code.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::date::Day;
use crate::diagnostics::Diagnostics;
use crate::error::Error;
use crate::pipeline::{self, Mode, Options, Report};

#[derive(Parser)]
#[command(name = "werkenbij", version, about = "Builds a careers site from staff stories", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (default: public/).
    Build {
        #[command(flatten)]
        common: Common,
        /// The output folder; replaced as a whole when the build succeeds.
        #[arg(long, value_name = "DIR", default_value = "public")]
        out: PathBuf,
        /// Include drafts and scheduled stories (with a banner).
        #[arg(long)]
        drafts: bool,
        /// Publish under this address instead of `base_url` in site.yaml.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// The image cache (default: `WERKENBIJ_CACHE`, else .werkenbij-cache in the site).
        #[arg(long, value_name = "DIR")]
        cache_dir: Option<PathBuf>,
    },
    /// Run every validation of `build`, write nothing.
    Check {
        #[command(flatten)]
        common: Common,
        /// Also check drafts and scheduled stories.
        #[arg(long)]
        drafts: bool,
    },
    /// Manage the image cache.
    Cache {
        #[command(subcommand)]
        action: CacheAction,
    },
}

#[derive(Subcommand)]
enum CacheAction {
    /// Remove cached images the site no longer uses.
    Prune {
        #[command(flatten)]
        common: Common,
        /// The image cache (default: `WERKENBIJ_CACHE`, else .werkenbij-cache in the site).
        #[arg(long, value_name = "DIR")]
        cache_dir: Option<PathBuf>,
    },
}

#[derive(Args)]
struct Common {
    /// The site folder (with content/).
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
    /// Build as on this day (YYYY-MM-DD): scheduling, consent and vacancy expiry.
    #[arg(long, value_name = "YYYY-MM-DD")]
    now: Option<String>,
}

const EXIT_CONTENT: u8 = 1;
const EXIT_USAGE: u8 = 2;

/// Runs the command line and returns the process's exit code.
pub fn run(args: impl IntoIterator<Item = std::ffi::OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { EXIT_USAGE } else { 0 });
        }
    };
    let mut stderr = std::io::stderr();
    let colour = stderr.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let annotate = std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true");
    if let Command::Cache {
        action: CacheAction::Prune { common, cache_dir },
    } = cli.command
    {
        return prune(&mut stderr, common, cache_dir, colour, annotate);
    }
    match execute(cli.command) {
        Ok((report, root, mode)) => {
            print_report(&mut stderr, &report, &root, mode, colour, annotate)
        }
        Err(error) => print_error(&mut stderr, &error, colour),
    }
}

fn execute(command: Command) -> Result<(Report, PathBuf, Mode), Error> {
    let (common, out, drafts, base_url, mode, cache_dir) = match command {
        Command::Build {
            common,
            out,
            drafts,
            base_url,
            cache_dir,
        } => (common, out, drafts, base_url, Mode::Build, cache_dir),
        Command::Check { common, drafts } => (
            common,
            PathBuf::from("public"),
            drafts,
            None,
            Mode::Check,
            None,
        ),
        Command::Cache { .. } => {
            return Err(Error::usage(
                "`cache prune` does not build",
                Some("run `werkenbij cache prune` on its own"),
            ))
        }
    };
    let today = today(common.now.as_deref())?;
    // A relative `--out` is relative to where the command runs, like every other path argument.
    let options = Options {
        root: common.root.clone(),
        out,
        drafts,
        base_url,
        today,
        mode,
        cache_dir: Some(cache_location(&common.root, cache_dir.as_deref())),
        progress: std::io::stderr().is_terminal(),
    };
    let report = pipeline::run(&options)?;
    Ok((report, common.root, mode))
}

fn cache_location(root: &Path, flag: Option<&Path>) -> PathBuf {
    let env = std::env::var_os(crate::image_cache::ENV_VAR);
    crate::image_cache::location(root, flag, env.as_deref())
}

/// `werkenbij cache prune`: removes the cache entries the site does not use.
fn prune(
    out: &mut impl Write,
    common: Common,
    cache_dir: Option<PathBuf>,
    colour: bool,
    annotate: bool,
) -> ExitCode {
    let options = match today(common.now.as_deref()) {
        Ok(today) => Options {
            out: PathBuf::from("public"),
            drafts: true,
            base_url: None,
            today,
            mode: Mode::Check,
            cache_dir: Some(cache_location(&common.root, cache_dir.as_deref())),
            progress: false,
            root: common.root.clone(),
        },
        Err(error) => return print_error(out, &error, colour),
    };
    match pipeline::prune_cache(&options) {
        Ok(Ok(pruned)) => {
            let _ = writeln!(
                out,
                "Pruned {} unused image{} ({}) from {}; {} kept ({})",
                pruned.removed,
                plural(pruned.removed),
                crate::image_cache::human_size(pruned.removed_bytes),
                pipeline::cache_dir(&options).display(),
                pruned.kept,
                crate::image_cache::human_size(pruned.kept_bytes),
            );
            ExitCode::SUCCESS
        }
        Ok(Err(report)) => print_report(out, &report, &common.root, Mode::Check, colour, annotate),
        Err(error) => print_error(out, &error, colour),
    }
}

fn print_error(out: &mut impl Write, error: &Error, colour: bool) -> ExitCode {
    let _ = writeln!(out, "{}: {error}", paint("error", colour));
    if let Some(hint) = error.hint() {
        let _ = writeln!(out, "  = hint: {hint}");
    }
    ExitCode::from(EXIT_USAGE)
}

/// `--now`, else `SOURCE_DATE_EPOCH`, else the clock; always the day in Amsterdam.
fn today(now: Option<&str>) -> Result<Day, Error> {
    if let Some(now) = now {
        return Day::parse(now).map_err(|message| {
            Error::usage(format!("--now: {message}"), Some("e.g. `--now 2026-06-14`"))
        });
    }
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        return epoch
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(Day::from_unix_seconds)
            .ok_or_else(|| {
                Error::usage(
                    format!("SOURCE_DATE_EPOCH is `{epoch}`, not a number of seconds"),
                    Some("unset it, or set it to a Unix timestamp"),
                )
            });
    }
    Ok(Day::today_on_clock())
}

fn print_report(
    out: &mut impl Write,
    report: &Report,
    root: &Path,
    mode: Mode,
    colour: bool,
    annotate: bool,
) -> ExitCode {
    let errors = report.diagnostics.error_count();
    let warnings = report.diagnostics.warning_count();
    print_diagnostics(out, report.diagnostics.clone(), root, colour, annotate);
    if report.config_error {
        let _ = writeln!(
            out,
            "{}: content/site.yaml has {errors} problem{}; nothing was built",
            paint("error", colour),
            plural(errors)
        );
        return ExitCode::from(EXIT_USAGE);
    }
    if errors > 0 {
        let _ = writeln!(
            out,
            "{}: {errors} error{} and {warnings} warning{}; {}",
            paint("error", colour),
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
    match report.built {
        Some(summary) => {
            let _ = writeln!(
                out,
                "Built {} pages ({} stories, {} open and {} closed vacancies), {} images ({} cached) in {:.2} s; image cache {}{}",
                summary.counts.pages,
                summary.stories,
                summary.counts.open_vacancies,
                summary.counts.closed_vacancies,
                summary.images,
                summary.cached_images,
                summary.seconds,
                crate::image_cache::human_size(summary.cache_bytes),
                warning_note(warnings)
            );
        }
        None => {
            let _ = writeln!(out, "Checked: no errors{}", warning_note(warnings));
        }
    }
    ExitCode::SUCCESS
}

fn print_diagnostics(
    out: &mut impl Write,
    diagnostics: Diagnostics,
    root: &Path,
    colour: bool,
    annotate: bool,
) {
    for diagnostic in diagnostics.sorted() {
        let shown = if root == Path::new(".") {
            diagnostic.path.clone()
        } else {
            root.join(&diagnostic.path)
        };
        let text = diagnostic.render(&shown);
        let text = if colour {
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
        if annotate {
            let _ = writeln!(out, "{}", diagnostic.github_annotation(&shown));
        }
    }
}

fn warning_note(warnings: usize) -> String {
    if warnings == 0 {
        String::new()
    } else {
        format!(" ({warnings} warning{})", plural(warnings))
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn paint(label: &str, colour: bool) -> String {
    if !colour {
        return label.to_owned();
    }
    match label {
        "error" => format!("\x1b[1;31m{label}\x1b[0m"),
        "warning" => format!("\x1b[1;33m{label}\x1b[0m"),
        _ => label.to_owned(),
    }
}
