//! `werkenbij cache prune`: removes the image-cache entries the site no longer uses.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::base::error::Error;
use crate::images::cache::human_size;
use crate::pipeline::{self, Mode, Options};

use super::args::PruneArgs;
use super::print::{self, plural, plural_nl, Style};
use crate::content::config::language_of;

pub(super) fn prune(args: PruneArgs, style: Style) -> Result<ExitCode, Error> {
    let PruneArgs { common, cache_dir } = args;
    let options = Options {
        root: common.root.clone(),
        out: PathBuf::from("public"),
        drafts: true,
        base_url: None,
        today: common.today()?,
        mode: Mode::Check,
        cache_dir: Some(common.cache_dir(cache_dir.as_deref())),
        progress: false,
        force: false,
        lock_wait: common.lock_wait()?,
    };
    let mut stderr = std::io::stderr();
    match pipeline::prune_cache(&options)? {
        Ok(pruned) => {
            let (removed, kept) = (pruned.removed, pruned.kept);
            let (s, en) = (plural(removed), plural_nl(removed, "en"));
            let removed_size = human_size(pruned.removed_bytes);
            let kept_size = human_size(pruned.kept_bytes);
            let dir = pipeline::cache_dir(&options).display().to_string();
            let line = crate::text!(
                "Pruned {removed} unused image{s} ({removed_size}) from {dir}; {kept} kept ({kept_size})",
                "{removed} ongebruikte afbeelding{en} ({removed_size}) uit {dir} verwijderd; {kept} bewaard ({kept_size})"
            );
            let _ = writeln!(stderr, "{}", line.get(language_of(&common.root)));
            Ok(ExitCode::SUCCESS)
        }
        // Only a site that loads without errors can tell which cache entries it uses.
        Err(report) => Ok(print::report(
            &mut stderr,
            &report,
            &common.root,
            Mode::Check,
            style,
        )),
    }
}
