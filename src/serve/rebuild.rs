//! Building into memory for `serve`: the whole site once, then after each change only the files
//! parsed again that changed and, while the set of pages stays the same, only the pages a change
//! touches.

use crate::base::diagnostics::Diagnostics;
use crate::base::error::Error;
use crate::content::Loaded;
use crate::images::cache::ImageCache;
use crate::images::renditions;
use crate::output::lock::Kind;
use crate::output::MemoryOutput;
use crate::pipeline::{self, cache_dir, Options};
use crate::render::{self, touched::Fingerprints, touched::Touched};
use crate::serve::live::{changed_paths, Live, Rebuilt};
use crate::theme;

/// Builds the whole site into memory (for tests and `serve`).
pub fn build_in_memory(options: &Options) -> Result<(MemoryOutput, Diagnostics), Error> {
    let output = MemoryOutput::default();
    let (validated, mut diagnostics) = match pipeline::load(options, None)? {
        Loaded::Ready(validated, diagnostics) => (validated, diagnostics),
        Loaded::ConfigErrors(diagnostics) => return Ok((output, diagnostics)),
    };
    if diagnostics.has_errors() {
        return Ok((output, diagnostics));
    }
    let config = &validated.site.config;
    let theme = theme::load(&options.root, &config.theme, config.language)?;
    diagnostics.extend(pipeline::alias_collisions(&validated, &theme));
    if diagnostics.has_errors() {
        return Ok((output, diagnostics));
    }
    let cache = ImageCache::new(cache_dir(options));
    // Shared with builds; `cache prune` waits until this rebuild is done.
    let _shared = cache.lock(Kind::Shared, options.lock_wait)?;
    if let Err(found) = pipeline::write_site(&validated, &theme, &output, &cache, false)? {
        diagnostics.extend(found);
    }
    Ok((output, diagnostics))
}

/// Builds into `live`: only changed files are parsed again, and while the set of pages stays the
/// same only the pages a change touches are rendered again. With errors, the last good site stays
/// in `live` beside the new diagnostics.
pub fn rebuild(options: &Options, live: &Live) -> Result<Rebuilt, Error> {
    let failed = |diagnostics: Diagnostics| {
        live.state().diagnostics = diagnostics.clone();
        Rebuilt {
            diagnostics,
            changed: Vec::new(),
            rendered: 0,
            full: false,
        }
    };
    let (validated, mut diagnostics) = match pipeline::load(options, Some(&live.cache))? {
        Loaded::Ready(validated, diagnostics) => (validated, diagnostics),
        Loaded::ConfigErrors(diagnostics) => return Ok(failed(diagnostics)),
    };
    if diagnostics.has_errors() {
        return Ok(failed(diagnostics));
    }
    let site = &validated.site;
    let mut state = live.state();
    state.base_path = site.config.base_path().to_owned();
    if state.theme.is_none() {
        state.theme = Some(theme::load(
            &options.root,
            &site.config.theme,
            site.config.language,
        )?);
    }
    let theme = state
        .theme
        .as_ref()
        .expect("the theme was loaded just above");
    diagnostics.extend(pipeline::alias_collisions(&validated, theme));
    if diagnostics.has_errors() {
        drop(state);
        return Ok(failed(diagnostics));
    }
    let fingerprints = Fingerprints::of(site);
    let touched = state
        .fingerprints
        .as_ref()
        .and_then(|old| Touched::between(old, &fingerprints));
    let output = MemoryOutput::default();
    let cache = ImageCache::new(cache_dir(options));
    // Shared with builds; `cache prune` waits until this rebuild is done.
    let _shared = cache.lock(Kind::Shared, options.lock_wait)?;
    let rendered = match &touched {
        Some(touched) => {
            // Cards carry titles and names; the cache makes the unchanged ones a read.
            let (pages, images) = rayon::join(
                || render::render_touched(site, theme, &output, Some(touched)),
                || renditions::run(site, theme, &cache, &output, false),
            );
            if let Err(found) = images? {
                diagnostics.extend(found);
                drop(state);
                return Ok(failed(diagnostics));
            }
            pages?.pages
        }
        None => match pipeline::write_site(&validated, theme, &output, &cache, false)? {
            Ok((counts, _)) => counts.pages,
            Err(found) => {
                diagnostics.extend(found);
                drop(state);
                return Ok(failed(diagnostics));
            }
        },
    };
    let written = output.into_files();
    let old = std::mem::take(&mut state.files);
    let (files, changed) = if touched.is_some() {
        // The set of files is the same: only what was written again can differ, and the rest is
        // kept as it is rather than copied.
        let mut files = old;
        let mut changed = Vec::new();
        for (path, bytes) in written {
            if files.get(&path) != Some(&bytes) {
                changed.push(path.clone());
            }
            files.insert(path, bytes);
        }
        (files, changed)
    } else {
        let changed = changed_paths(&old, &written);
        (written, changed)
    };
    state.files = files;
    state.fingerprints = Some(fingerprints);
    state.diagnostics = diagnostics.clone();
    Ok(Rebuilt {
        diagnostics,
        changed,
        rendered,
        full: touched.is_none(),
    })
}
