//! The command line: clap commands → `Options`. The only place that prints or picks an exit code.

mod init;
mod new;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::base::date::Day;
use crate::base::diagnostics::Diagnostics;
use crate::base::error::Error;
use crate::content::Loaded;
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
    /// Serve the site on loopback while you write: rebuilds on save, reloads the browser.
    Serve {
        #[command(flatten)]
        common: Common,
        /// The port; 0 picks a free one.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on.
        #[arg(long, value_name = "IP", default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the browser.
        #[arg(long)]
        open: bool,
    },
    /// Write a new story, vacancy or ambassador with every front-matter key, ready to fill in.
    New {
        #[command(subcommand)]
        what: NewCommand,
    },
    /// Programme figures: ambassadors, stories, hashtags, calendar, consents, closing vacancies.
    Report {
        #[command(flatten)]
        common: Common,
        /// `text` for a terminal, `json` or `csv` for tools and spreadsheets (to stdout).
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Make a new site in DIR from the built-in example; it builds at once.
    Init {
        /// An empty or new folder.
        dir: PathBuf,
        /// Also copy the built-in theme's files into themes/default/, to change them.
        #[arg(long)]
        with_theme: bool,
    },
    /// Manage the image cache.
    Cache {
        #[command(subcommand)]
        action: CacheAction,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ReportFormat {
    Text,
    Json,
    Csv,
}

#[derive(Subcommand)]
enum NewCommand {
    /// content/stories/SLUG.md (or SLUG/index.md with --bundle), filled from the ambassador.
    Story {
        /// The story's name in its URL; made URL-safe ("Özlem's dag" → "ozlems-dag").
        slug: String,
        /// Who tells it: an id from content/ambassadors/.
        #[arg(long, value_name = "ID")]
        ambassador: String,
        /// A folder with index.md, for photos beside the story.
        #[arg(long)]
        bundle: bool,
        #[command(flatten)]
        common: Common,
    },
    /// content/vacancies/SLUG.md
    Vacancy {
        slug: String,
        #[command(flatten)]
        common: Common,
    },
    /// content/ambassadors/ID.md (the name in the file may have capitals and accents)
    Ambassador {
        id: String,
        #[command(flatten)]
        common: Common,
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
    let command = match cli.command {
        command @ (Command::Serve { .. }
        | Command::New { .. }
        | Command::Init { .. }
        | Command::Report { .. }) => {
            return match authoring(command) {
                Ok(code) => code,
                Err(error) => print_error(&mut stderr, &error, colour),
            }
        }
        command => command,
    };
    match execute(command) {
        Ok((report, root, mode)) => {
            print_report(&mut stderr, &report, &root, mode, colour, annotate)
        }
        Err(error) => print_error(&mut stderr, &error, colour),
    }
}

fn print_error(out: &mut impl Write, error: &Error, colour: bool) -> ExitCode {
    let _ = writeln!(out, "{}: {error}", paint("error", colour));
    if let Some(hint) = error.hint() {
        let _ = writeln!(out, "  = hint: {hint}");
    }
    ExitCode::from(EXIT_USAGE)
}

/// The commands that help people write and plan: `serve`, `new`, `init`, `report`.
fn authoring(command: Command) -> Result<ExitCode, Error> {
    match command {
        Command::Serve {
            common,
            port,
            bind,
            open,
        } => {
            let options = Options {
                root: common.root.clone(),
                out: PathBuf::from("public"),
                drafts: true,
                base_url: None,
                today: today(common.now.as_deref())?,
                mode: Mode::Build,
                cache_dir: Some(cache_location(&common.root, None)),
                progress: false,
            };
            let serve = crate::serve::ServeOptions { bind, port, open };
            let log: crate::serve::Log = std::sync::Arc::new(|line: &str| eprintln!("{line}"));
            crate::serve::run(&options, &serve, &log)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::New { what } => {
            let (common, what) = match what {
                NewCommand::Story {
                    slug,
                    ambassador,
                    bundle,
                    common,
                } => (
                    common,
                    crate::cli::new::NewFile::Story {
                        slug,
                        ambassador,
                        bundle,
                    },
                ),
                NewCommand::Vacancy { slug, common } => {
                    (common, crate::cli::new::NewFile::Vacancy { slug })
                }
                NewCommand::Ambassador { id, common } => {
                    (common, crate::cli::new::NewFile::Ambassador { id })
                }
            };
            let today = today(common.now.as_deref())?;
            let written = crate::cli::new::create(&common.root, &what, today)?;
            let shown = if common.root == Path::new(".") {
                written.path
            } else {
                common.root.join(&written.path)
            };
            eprintln!("Wrote {}", shown.display());
            if let Some(note) = written.note {
                eprintln!("note: {note}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Init { dir, with_theme } => {
            let files = crate::cli::init::create(&dir, with_theme)?;
            eprintln!(
                "Made a new site in {} ({files} files); build it with `cd {} && werkenbij build`, or preview it with `werkenbij serve`",
                dir.display(),
                dir.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Report { common, format } => {
            let today = today(common.now.as_deref())?;
            let mut stderr = std::io::stderr();
            let colour = stderr.is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let (diagnostics, code) = match crate::pipeline::programme_report(&common.root, today)?
            {
                Loaded::Ready(Some(report), diagnostics) => {
                    print_diagnostics(&mut stderr, diagnostics, &common.root, colour, false);
                    let text = match format {
                        ReportFormat::Text => crate::report::text(&report),
                        ReportFormat::Json => {
                            let mut json = serde_json::to_string_pretty(&report).map_err(|e| {
                                Error::usage(format!("cannot write JSON: {e}"), None)
                            })?;
                            json.push('\n');
                            json
                        }
                        ReportFormat::Csv => crate::report::csv(&report)
                            .map_err(|e| Error::usage(format!("cannot write CSV: {e}"), None))?,
                    };
                    let _ = std::io::stdout().write_all(text.as_bytes());
                    return Ok(ExitCode::SUCCESS);
                }
                Loaded::Ready(None, diagnostics) => (diagnostics, EXIT_CONTENT),
                Loaded::ConfigErrors(diagnostics) => (diagnostics, EXIT_USAGE),
            };
            let errors = diagnostics.error_count();
            print_diagnostics(&mut stderr, diagnostics, &common.root, colour, false);
            let _ = writeln!(
                stderr,
                "{}: {errors} error{}; no report",
                paint("error", colour),
                plural(errors)
            );
            Ok(ExitCode::from(code))
        }
        _ => unreachable!("`run` passes only authoring commands"),
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
        _ => unreachable!("`run` hands authoring commands to `authoring`"),
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
    let env = std::env::var_os(crate::images::cache::ENV_VAR);
    crate::images::cache::location(root, flag, env.as_deref())
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
                crate::images::cache::human_size(pruned.removed_bytes),
                pipeline::cache_dir(&options).display(),
                pruned.kept,
                crate::images::cache::human_size(pruned.kept_bytes),
            );
            ExitCode::SUCCESS
        }
        Ok(Err(report)) => print_report(out, &report, &common.root, Mode::Check, colour, annotate),
        Err(error) => print_error(out, &error, colour),
    }
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
                crate::images::cache::human_size(summary.cache_bytes),
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
