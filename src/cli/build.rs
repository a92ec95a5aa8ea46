//! `werkenbij build`, `check` and `serve`: their arguments made into the pipeline's `Options`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::base::error::Error;
use crate::pipeline::{self, Mode, Options};

use super::args::{BuildArgs, CheckArgs, Common, ServeArgs};
use super::print::{self, Style};

pub(super) fn build(args: BuildArgs, style: Style) -> Result<ExitCode, Error> {
    let BuildArgs {
        common,
        out,
        drafts,
        base_url,
        cache_dir,
        force,
        audit,
        verbose,
    } = args;
    let style = style.verbose(verbose);
    let options = Options {
        progress: std::io::stderr().is_terminal(),
        force,
        ..built_site(&common, out, drafts, base_url, cache_dir)?
    };
    let built = run(&options, style)?;
    if audit && built == ExitCode::SUCCESS {
        return super::audit::audit(&options, style);
    }
    Ok(built)
}

/// The options that describe one built site: where its output is, and how it was built. `build`
/// writes it; `audit` reads it back. A relative `--out` is relative to where the command runs, like
/// every other path argument.
pub(super) fn built_site(
    common: &Common,
    out: PathBuf,
    drafts: bool,
    base_url: Option<String>,
    cache_dir: Option<PathBuf>,
) -> Result<Options, Error> {
    Ok(Options {
        root: common.root.clone(),
        out,
        drafts,
        base_url,
        today: common.today()?,
        mode: Mode::Build,
        cache_dir: Some(common.cache_dir(cache_dir.as_deref())),
        progress: false,
        force: false,
        lock_wait: common.lock_wait()?,
    })
}

pub(super) fn check(args: CheckArgs, style: Style) -> Result<ExitCode, Error> {
    let options = Options {
        root: args.common.root.clone(),
        out: PathBuf::from("public"),
        drafts: args.drafts,
        base_url: None,
        today: args.common.today()?,
        mode: Mode::Check,
        cache_dir: Some(args.common.cache_dir(None)),
        progress: std::io::stderr().is_terminal(),
        force: false,
        lock_wait: args.common.lock_wait()?,
    };
    run(&options, style.verbose(args.verbose))
}

fn run(options: &Options, style: Style) -> Result<ExitCode, Error> {
    let report = pipeline::run(options)?;
    let mut stderr = std::io::stderr();
    Ok(print::report(
        &mut stderr,
        &report,
        &options.root,
        options.mode,
        style,
    ))
}

/// The build of `werkenbij build --drafts`, into memory, rebuilt on every save.
pub(super) fn serve(args: ServeArgs) -> Result<ExitCode, Error> {
    let options = Options {
        root: args.common.root.clone(),
        out: PathBuf::from("public"),
        drafts: true,
        base_url: None,
        today: args.common.today()?,
        mode: Mode::Build,
        cache_dir: Some(args.common.cache_dir(None)),
        progress: false,
        force: false,
        lock_wait: args.common.lock_wait()?,
    };
    let serve = crate::serve::ServeOptions {
        bind: args.bind,
        port: args.port,
        open: args.open,
        verbose: args.verbose,
    };
    let log: crate::serve::Log = std::sync::Arc::new(|line: &str| eprintln!("{line}"));
    crate::serve::run(&options, &serve, &log)?;
    Ok(ExitCode::SUCCESS)
}
