//! The command line: clap commands → `Options`. The only place that prints or picks an exit code.

mod args;
mod audit;
mod build;
mod cache;
mod init;
mod new;
mod print;
mod report;
mod visits;

#[cfg(test)]
mod docs_tests;

use std::process::ExitCode;

use clap::Parser;

use args::{CacheAction, Cli, Command};
use print::Style;

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
    let style = Style::of_stderr();
    let outcome = match cli.command {
        Command::Build(args) => build::build(args, style),
        Command::Check(args) => build::check(args, style),
        Command::Serve(args) => build::serve(args),
        Command::New { what } => new::run(what),
        Command::Report(args) => report::run(args, style),
        Command::Audit(args) => audit::run(args, style),
        Command::Init(args) => init::run(args),
        Command::Cache {
            action: CacheAction::Prune(args),
        } => cache::prune(args, style),
    };
    outcome.unwrap_or_else(|error| print::error(&mut std::io::stderr(), &error, style.colour))
}
