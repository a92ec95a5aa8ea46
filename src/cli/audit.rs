//! `werkenbij audit` (and `build --audit`): one line per finding, `OUT/PATH: finding`, then a
//! summary; exit 1 on any finding.

use std::io::Write;
use std::process::ExitCode;

use crate::base::error::Error;
use crate::content::config::language_of;
use crate::content::Loaded;
use crate::pipeline::Options;

use super::args::AuditArgs;
use super::print::{self, paint, plural, plural_nl, Style};
use super::{EXIT_CONTENT, EXIT_USAGE};

pub(super) fn run(args: AuditArgs, style: Style) -> Result<ExitCode, Error> {
    let AuditArgs {
        common,
        out,
        drafts,
        base_url,
        cache_dir,
    } = args;
    let options = super::build::built_site(&common, out, drafts, base_url, cache_dir)?;
    audit(&options, style)
}

/// Audits `options.out` against the site and prints what it found.
pub(super) fn audit(options: &Options, style: Style) -> Result<ExitCode, Error> {
    let mut stderr = std::io::stderr();
    let error = paint("error", style.colour);
    let (audit, diagnostics, code) = match crate::audit::run(options)? {
        Loaded::Ready(Some(audit), _) => (audit, None, EXIT_CONTENT),
        Loaded::Ready(None, diagnostics) => (Default::default(), Some(diagnostics), EXIT_CONTENT),
        Loaded::ConfigErrors(diagnostics) => (Default::default(), Some(diagnostics), EXIT_USAGE),
    };
    if let Some(diagnostics) = diagnostics {
        let language = language_of(&options.root);
        let errors = diagnostics.error_count();
        print::diagnostics(&mut stderr, diagnostics, &options.root, style, language);
        let (s, en) = (plural(errors), plural_nl(errors, "en"));
        let line = crate::text!(
            "{errors} error{s} in the site; nothing was audited",
            "{errors} fout{en} in de site; er is niets gecontroleerd"
        );
        let _ = writeln!(stderr, "{error}: {}", line.get(language));
        return Ok(ExitCode::from(code));
    }
    let out = options.out.display();
    for finding in &audit.findings {
        let _ = writeln!(
            stderr,
            "{}: {}",
            options.out.join(&finding.path).display(),
            finding.message
        );
    }
    let count = audit.findings.len();
    let files = audit.files;
    let language = language_of(&options.root);
    if count > 0 {
        let (s, en) = (plural(count), plural_nl(count, "en"));
        let line = crate::text!(
            "{count} finding{s} in {files} files of {out}; do not publish it",
            "{count} bevinding{en} in {files} bestanden van {out}; publiceer dit niet"
        );
        let _ = writeln!(stderr, "{error}: {}", line.get(language));
        return Ok(ExitCode::from(EXIT_CONTENT));
    }
    let line = crate::text!(
        "Audited {files} files in {out}: no findings",
        "{files} bestanden in {out} gecontroleerd: geen bevindingen"
    );
    let _ = writeln!(stderr, "{}", line.get(language));
    Ok(ExitCode::SUCCESS)
}
