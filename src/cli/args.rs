//! The command-line arguments: the clap types of every command, and what the shared ones mean.

use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

use crate::base::date::Day;
use crate::base::error::Error;
use crate::output::lock;

#[derive(Parser)]
#[command(name = "werkenbij", version, about = "Builds a careers site from staff stories", long_about = None)]
pub(super) struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub(super) enum Command {
    /// Build the site into the output folder (default: public/).
    Build(BuildArgs),
    /// Run every validation of `build`, write nothing.
    Check(CheckArgs),
    /// Serve the site on loopback while you write: rebuilds on save, reloads the browser.
    Serve(ServeArgs),
    /// Write a new story, vacancy or ambassador with every front-matter key, ready to fill in.
    New {
        #[command(subcommand)]
        what: NewCommand,
    },
    /// Programme figures: ambassadors, stories, hashtags, calendar, consents, closing vacancies.
    Report(ReportArgs),
    /// Read a built output folder back against the site: every file, image and address in it.
    Audit(AuditArgs),
    /// Make a new site in DIR: the built-in example, or with --empty your own; it builds at once.
    Init(InitArgs),
    /// Manage the image cache.
    Cache {
        #[command(subcommand)]
        action: CacheAction,
    },
}

// The argument structs carry no doc comment of their own: clap would take it as the command's
// description instead of the one on the `Command` variant.

#[derive(Args)]
pub(super) struct BuildArgs {
    #[command(flatten)]
    pub common: Common,
    /// Every warning in full, with its line and hint (and, with errors, the warnings at all).
    #[arg(short, long)]
    pub verbose: bool,
    /// The output folder; replaced as a whole when the build succeeds.
    #[arg(long, value_name = "DIR", default_value = "public")]
    pub out: PathBuf,
    /// Include drafts and scheduled stories (with a banner).
    #[arg(long)]
    pub drafts: bool,
    /// Publish under this address instead of `base_url` in site.yaml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// The image cache (default: `WERKENBIJ_CACHE`, else .werkenbij-cache in the site).
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Replace the output folder even if it holds files and is not an earlier output.
    #[arg(long)]
    pub force: bool,
    /// Then audit the output (as `werkenbij audit`); a finding makes the build exit 1.
    #[arg(long)]
    pub audit: bool,
}

#[derive(Args)]
pub(super) struct AuditArgs {
    #[command(flatten)]
    pub common: Common,
    /// The built output folder to audit.
    #[arg(long, value_name = "DIR", default_value = "public")]
    pub out: PathBuf,
    /// The output is a preview built with `--drafts`.
    #[arg(long)]
    pub drafts: bool,
    /// The output was built with this `--base-url`.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// The image cache (default: `WERKENBIJ_CACHE`, else .werkenbij-cache in the site).
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
}

#[derive(Args)]
pub(super) struct CheckArgs {
    #[command(flatten)]
    pub common: Common,
    /// Every warning in full, with its line and hint (and, with errors, the warnings at all).
    #[arg(short, long)]
    pub verbose: bool,
    /// Also check drafts and scheduled stories.
    #[arg(long)]
    pub drafts: bool,
}

#[derive(Args)]
pub(super) struct ServeArgs {
    #[command(flatten)]
    pub common: Common,
    /// Every warning in full, with its line and hint (and, with errors, the warnings at all).
    #[arg(short, long)]
    pub verbose: bool,
    /// The port; 0 picks a free one.
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// The address to listen on.
    #[arg(long, value_name = "IP", default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the site in the browser.
    #[arg(long)]
    pub open: bool,
}

#[derive(Args)]
pub(super) struct ReportArgs {
    #[command(flatten)]
    pub common: Common,
    /// Every warning in full, with its line and hint (and, with errors, the warnings at all).
    #[arg(short, long)]
    pub verbose: bool,
    /// `text` for a terminal, `json` or `csv` for tools and spreadsheets, `html` for a page of the reach.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Write the report page into DIR (DIR/index.html), outside the public site, instead.
    #[arg(long, value_name = "DIR", conflicts_with = "format")]
    pub html: Option<PathBuf>,
    #[command(flatten)]
    pub visits: VisitsArgs,
}

/// Reach from the site's own visit data (see docs/report.md).
#[derive(Args)]
pub(super) struct VisitsArgs {
    /// Access logs (Combined or Common Log Format) or CSV exports, plain or `.gz`: adds reach.
    /// Not with `--html`: the report page must not carry visit data.
    #[arg(long = "visits", value_name = "FILE", num_args = 1.., conflicts_with = "html")]
    pub files: Vec<PathBuf>,
    /// The first day of the period (default: 30 days up to `--until`).
    #[arg(long, value_name = "YYYY-MM-DD", requires = "files")]
    pub since: Option<String>,
    /// The last day of the period (default: the last day in the visit data).
    #[arg(long, value_name = "YYYY-MM-DD", requires = "files")]
    pub until: Option<String>,
    /// Write the report to FILE instead of stdout (never into the site's output or sources).
    #[arg(long, value_name = "FILE", conflicts_with = "html")]
    pub out: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub(super) enum ReportFormat {
    Text,
    Json,
    Csv,
    /// A self-contained page of the reach figures (needs `--visits`).
    Html,
}

#[derive(Args)]
pub(super) struct InitArgs {
    /// An empty or new folder.
    pub dir: PathBuf,
    /// Also copy the built-in theme's files into themes/default/, to change them.
    #[arg(long)]
    pub with_theme: bool,
    /// Start clean: your organisation's site.yaml, an empty consent register and a privacy
    /// statement, without the example's people.
    #[arg(long)]
    pub empty: bool,
    /// With --empty: the organisation's name (asked on a terminal when left out).
    #[arg(long, requires = "empty", value_name = "NAME")]
    pub name: Option<String>,
    /// With --empty: the address the site is published at, e.g. https://werkenbij.example.nl.
    #[arg(long, requires = "empty", value_name = "URL")]
    pub base_url: Option<String>,
    /// With --empty: the brand colour, e.g. #0b5394.
    #[arg(long, requires = "empty", value_name = "COLOUR")]
    pub colour: Option<String>,
}

#[derive(Subcommand)]
pub(super) enum NewCommand {
    /// content/stories/SLUG.md (or SLUG/index.md with --bundle), filled from the ambassador.
    Story {
        /// The story's title; its URL name is made from it ("Özlem's dag" → "ozlems-dag").
        title: String,
        /// Another URL name than the one made from the title.
        #[arg(long, value_name = "SLUG")]
        slug: Option<String>,
        /// Who tells it: an id from content/ambassadors/.
        #[arg(long, value_name = "ID")]
        ambassador: String,
        /// A folder with index.md, for photos beside the story.
        #[arg(long)]
        bundle: bool,
        #[command(flatten)]
        common: Common,
    },
    /// content/vacancies/SLUG.md, SLUG made from the title
    Vacancy {
        /// The job title; its URL name is made from it ("Verpleegkundige IC" → "verpleegkundige-ic").
        title: String,
        /// Another URL name than the one made from the title.
        #[arg(long, value_name = "SLUG")]
        slug: Option<String>,
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
pub(super) enum CacheAction {
    /// Remove cached images the site no longer uses.
    Prune(PruneArgs),
}

#[derive(Args)]
pub(super) struct PruneArgs {
    #[command(flatten)]
    pub common: Common,
    /// The image cache (default: `WERKENBIJ_CACHE`, else .werkenbij-cache in the site).
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
}

#[derive(Args)]
pub(super) struct Common {
    /// The site folder (with content/).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Build as on this day (YYYY-MM-DD): scheduling, consent and vacancy expiry.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub now: Option<String>,
}

impl Common {
    /// `--now`, else `SOURCE_DATE_EPOCH`, else the clock; always the day in Amsterdam.
    pub fn today(&self) -> Result<Day, Error> {
        if let Some(now) = &self.now {
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

    /// How long to wait for another run's lock: `WERKENBIJ_LOCK_WAIT` seconds, else a minute.
    pub fn lock_wait(&self) -> Result<Duration, Error> {
        let Ok(seconds) = std::env::var(lock::WAIT_ENV_VAR) else {
            return Ok(lock::DEFAULT_WAIT);
        };
        seconds
            .trim()
            .parse::<u64>()
            .map(Duration::from_secs)
            .map_err(|_| {
                Error::usage(
                    format!(
                        "{} is `{seconds}`, not a number of seconds",
                        lock::WAIT_ENV_VAR
                    ),
                    Some("unset it, or set it to the seconds to wait, e.g. `120`"),
                )
            })
    }

    /// The image cache: `flag` (`--cache-dir`), else `WERKENBIJ_CACHE`, else in the site folder.
    pub fn cache_dir(&self, flag: Option<&Path>) -> PathBuf {
        let env = std::env::var_os(crate::images::cache::ENV_VAR);
        crate::images::cache::location(&self.root, flag, env.as_deref())
    }
}
