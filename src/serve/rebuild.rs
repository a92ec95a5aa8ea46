//! Building into memory for `serve`: the whole site once, then after each change only the files
//! parsed again that changed and, while the set of pages stays the same, only the pages a change
//! touches.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::base::diagnostics::Diagnostics;
use crate::base::error::Error;
use crate::content::Loaded;
use crate::images::cache::ImageCache;
use crate::images::renditions::{self, Scope};
use crate::output::lock::Kind;
use crate::output::{MemoryOutput, Output};
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
    let layout = render::Layout::reusing(site, &theme.strings, state.ranked_links.as_ref());
    let ranked_links = layout.ranked_links();
    let fingerprints = Fingerprints::of(site, &layout);
    let touched = state
        .fingerprints
        .as_ref()
        .and_then(|old| Touched::between(old, &fingerprints, site));
    let output = MemoryOutput::default();
    let cache = ImageCache::new(cache_dir(options));
    // Shared with builds; `cache prune` waits until this rebuild is done.
    let _shared = cache.lock(Kind::Shared, options.lock_wait)?;
    let rendered = match &touched {
        Some(touched) => {
            // Cards carry titles and names; a card whose cache entry is the one copied last
            // time is kept as it is, without reading it again.
            let images_output = Copies::over(&output, &state.copies);
            // The photos are as the last full build left them (see `change::classify`): only
            // the cards of what the edit touched can differ.
            let card_touched = |of| touched.card(of);
            let (pages, images) = rayon::join(
                || render::render_touched(site, theme, &output, layout, Some(touched)),
                || {
                    let scope = Scope::Cards(&card_touched);
                    renditions::run(site, theme, &cache, &images_output, false, scope)
                },
            );
            if let Err(found) = images? {
                diagnostics.extend(found);
                drop(state);
                return Ok(failed(diagnostics));
            }
            let pages = pages?.rendered;
            // Only now that the rebuild's files replace the live ones.
            let (copies, written) = images_output.into_copies();
            for path in written {
                state.copies.remove(&path);
            }
            state.copies.extend(copies);
            pages
        }
        None => match write_recording_copies(&validated, theme, &output, &cache, layout)? {
            (Ok((counts, _)), copies) => {
                state.copies = copies;
                counts.pages
            }
            (Err(found), _) => {
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
    let old_fingerprints = state.fingerprints.replace(fingerprints);
    state.ranked_links = Some(ranked_links);
    state.diagnostics = diagnostics.clone();
    drop(state);
    // Freeing a model of thousands of stories takes a few milliseconds the browser need not wait
    // for. Should no thread start, the closure is dropped here, and the model with it.
    let old = move || drop((validated, old_fingerprints));
    let _ = std::thread::Builder::new().name("free".into()).spawn(old);
    Ok(Rebuilt {
        diagnostics,
        changed,
        rendered,
        full: touched.is_none(),
    })
}

/// What a full build gave (see `pipeline::write_site`), and the cache entry each copied file
/// came from.
type Recorded = (
    Result<(render::Counts, renditions::ImageCounts), Diagnostics>,
    BTreeMap<String, PathBuf>,
);

/// A full build into `output`, recording which cache entry each copied file came from.
fn write_recording_copies(
    validated: &pipeline::Validated,
    theme: &theme::Theme,
    output: &MemoryOutput,
    cache: &ImageCache,
    layout: render::Layout,
) -> Result<Recorded, Error> {
    let none = BTreeMap::new();
    let recorded = Copies::over(output, &none);
    let written =
        pipeline::write_site_touched(validated, theme, &recorded, cache, false, layout, None)?;
    Ok((written, recorded.into_copies().0))
}

/// An output into memory that records which cache entry each copied file came from, and skips a
/// copy whose entry is the one `previous` records for that path: the bytes are already in the
/// live site, which a rebuild of touched pages keeps (its set of files does not change).
struct Copies<'a> {
    inner: &'a MemoryOutput,
    previous: &'a BTreeMap<String, PathBuf>,
    copies: Mutex<BTreeMap<String, PathBuf>>,
    /// Paths written from bytes this time: whatever entry they were copied from before is stale.
    written: Mutex<Vec<String>>,
}

impl<'a> Copies<'a> {
    fn over(inner: &'a MemoryOutput, previous: &'a BTreeMap<String, PathBuf>) -> Self {
        Copies {
            inner,
            previous,
            copies: Mutex::new(BTreeMap::new()),
            written: Mutex::new(Vec::new()),
        }
    }

    /// The entry each file was copied from this time, and the files written from bytes.
    fn into_copies(self) -> (BTreeMap<String, PathBuf>, Vec<String>) {
        let copies = self
            .copies
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let written = self
            .written
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        (copies, written)
    }
}

impl Output for Copies<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Error> {
        self.copies
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .remove(path);
        self.written
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(path.to_owned());
        self.inner.write(path, bytes)
    }

    fn copy_from(&self, path: &str, source: &Path) -> Result<(), Error> {
        self.copies
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(path.to_owned(), source.to_owned());
        if self.previous.get(path).is_some_and(|p| p == source) {
            return Ok(());
        }
        self.inner.copy_from(path, source)
    }
}
