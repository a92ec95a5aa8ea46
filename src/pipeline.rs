//! load → validate → render → write; used by `build` and `check`, which differ only in `Options`.

use std::path::PathBuf;
use std::time::Instant;

use crate::base::date::Day;
use crate::base::diagnostics::Diagnostics;
use crate::base::error::Error;
use crate::content::cache::ContentCache;
use crate::content::{self, Loaded};
use crate::images::cache::{self as image_cache, ImageCache, Pruned};
use crate::images::renditions::{self, ImageCounts};
use crate::model::Site;
use crate::output::{DiskOutput, MemoryOutput, Output};
use crate::render::touched::{Fingerprints, Touched};
use crate::render::{self, Counts};
use crate::serve::live::{changed_paths, Live, Rebuilt};
use crate::theme;
use crate::validate::{self, ValidateOptions};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Write the site into `out`.
    Build,
    /// Every validation, nothing written.
    Check,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub out: PathBuf,
    pub drafts: bool,
    pub base_url: Option<String>,
    pub today: Day,
    pub mode: Mode,
    /// The image cache folder; `None`: `.werkenbij-cache` in the site root.
    pub cache_dir: Option<PathBuf>,
    /// Show a progress bar for the images (on a terminal).
    pub progress: bool,
}

/// What a run did: its diagnostics, and what it wrote when it got that far.
#[derive(Debug)]
pub struct Report {
    pub diagnostics: Diagnostics,
    /// Problems in `site.yaml`: a configuration error (exit 2), not a content error.
    pub config_error: bool,
    pub built: Option<Summary>,
}

#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub counts: Counts,
    /// Image files written (variants and cards), and how many of them came from the cache.
    pub images: usize,
    pub cached_images: usize,
    /// Size of the image cache after the build.
    pub cache_bytes: u64,
    pub stories: usize,
    pub seconds: f64,
}

/// Loads and validates the site: the model and every diagnostic, or the configuration's problems.
pub fn load_site(options: &Options) -> Result<Result<(Site, Diagnostics), Diagnostics>, Error> {
    load_site_cached(options, None)
}

type Loading = Result<(Site, Diagnostics), Diagnostics>;

fn load_site_cached(options: &Options, cache: Option<&ContentCache>) -> Result<Loading, Error> {
    let (mut content, mut diagnostics) = match content::load_cached(&options.root, cache)? {
        Loaded::Content(content, diagnostics) => (content, diagnostics),
        Loaded::ConfigErrors(diagnostics) => return Ok(Err(diagnostics)),
    };
    if let Some(url) = &options.base_url {
        content.config.base_url =
            crate::content::config::normalise_base_url(url).map_err(|message| {
                Error::usage(
                    message.replace("`base_url`", "`--base-url`"),
                    Some("e.g. `--base-url https://werkenbij.example.nl`"),
                )
            })?;
    }
    let validate_options = ValidateOptions {
        today: options.today,
        drafts: options.drafts,
    };
    let (mut site, found) = validate::validate(*content, &validate_options);
    diagnostics.extend(found);
    if site.config.report.page && !diagnostics.has_errors() {
        // With drafts, so the calendar has the scheduled stories; its warnings are the build's own.
        if let crate::report::Outcome::Report(report, _) =
            crate::report::run(&options.root, options.today)?
        {
            site.report = Some(*report);
        }
    }
    Ok(Ok((site, diagnostics)))
}

pub fn run(options: &Options) -> Result<Report, Error> {
    let started = Instant::now();
    let (site, mut diagnostics) = match load_site(options)? {
        Ok(loaded) => loaded,
        Err(diagnostics) => {
            return Ok(Report {
                diagnostics,
                config_error: true,
                built: None,
            })
        }
    };
    if diagnostics.has_errors() || options.mode == Mode::Check {
        return Ok(Report {
            diagnostics,
            config_error: false,
            built: None,
        });
    }
    let theme = theme::load(&options.root, &site.config.theme, site.config.language)?;
    let output = DiskOutput::prepare(&options.root, &options.out)?;
    let cache = ImageCache::new(cache_dir(options));
    match write_site(&site, &theme, &output, &cache, options.progress) {
        Ok(Ok((counts, images))) => {
            output.commit()?;
            let summary = Summary {
                counts,
                images: images.images,
                cached_images: images.cached,
                cache_bytes: cache.size()?.1,
                stories: site.stories.len(),
                seconds: started.elapsed().as_secs_f64(),
            };
            Ok(Report {
                diagnostics,
                config_error: false,
                built: Some(summary),
            })
        }
        Ok(Err(found)) => {
            output.abort();
            diagnostics.extend(found);
            Ok(Report {
                diagnostics,
                config_error: false,
                built: None,
            })
        }
        Err(error) => {
            output.abort();
            Err(error)
        }
    }
}

/// Builds the whole site into memory (for tests and `serve`).
pub fn build_in_memory(options: &Options) -> Result<(MemoryOutput, Diagnostics), Error> {
    let output = MemoryOutput::default();
    let (site, mut diagnostics) = match load_site(options)? {
        Ok(loaded) => loaded,
        Err(diagnostics) => return Ok((output, diagnostics)),
    };
    if diagnostics.has_errors() {
        return Ok((output, diagnostics));
    }
    let theme = theme::load(&options.root, &site.config.theme, site.config.language)?;
    let cache = ImageCache::new(cache_dir(options));
    if let Err(found) = write_site(&site, &theme, &output, &cache, false)? {
        diagnostics.extend(found);
    }
    Ok((output, diagnostics))
}

/// Builds into `live` (for `serve`): only changed files are parsed again, and while the set of pages
/// stays the same only the pages a change touches are rendered again. With errors, the last good
/// site stays in `live` beside the new diagnostics.
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
    let (site, mut diagnostics) = match load_site_cached(options, Some(&live.cache))? {
        Ok(loaded) => loaded,
        Err(diagnostics) => return Ok(failed(diagnostics)),
    };
    if diagnostics.has_errors() {
        return Ok(failed(diagnostics));
    }
    let mut state = live.state();
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
    let fingerprints = Fingerprints::of(&site);
    let touched = state
        .fingerprints
        .as_ref()
        .and_then(|old| Touched::between(old, &fingerprints));
    let output = MemoryOutput::default();
    let rendered = match &touched {
        Some(touched) => {
            // Cards carry titles and names; the cache makes the unchanged ones a read.
            let cache = ImageCache::new(cache_dir(options));
            let (pages, images) = rayon::join(
                || render::render_touched(&site, theme, &output, Some(touched)),
                || renditions::run(&site, theme, &cache, &output, false),
            );
            if let Err(found) = images? {
                diagnostics.extend(found);
                drop(state);
                return Ok(failed(diagnostics));
            }
            pages?.pages
        }
        None => match write_site(
            &site,
            theme,
            &output,
            &ImageCache::new(cache_dir(options)),
            false,
        )? {
            Ok((counts, _)) => counts.pages,
            Err(found) => {
                diagnostics.extend(found);
                drop(state);
                return Ok(failed(diagnostics));
            }
        },
    };
    let mut files = output.into_files();
    if touched.is_some() {
        for (path, bytes) in &state.files {
            files.entry(path.clone()).or_insert_with(|| bytes.clone());
        }
    }
    let changed = changed_paths(&state.files, &files);
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

/// The image cache folder of a run.
pub fn cache_dir(options: &Options) -> PathBuf {
    options
        .cache_dir
        .clone()
        .unwrap_or_else(|| options.root.join(image_cache::DEFAULT_DIR))
}

/// What `cache prune` did, or the site's problems when it could not be loaded.
pub fn prune_cache(options: &Options) -> Result<Result<Pruned, Report>, Error> {
    let (site, diagnostics) = match load_site(options)? {
        Ok(loaded) => loaded,
        Err(diagnostics) => {
            return Ok(Err(Report {
                diagnostics,
                config_error: true,
                built: None,
            }))
        }
    };
    if diagnostics.has_errors() {
        return Ok(Err(Report {
            diagnostics,
            config_error: false,
            built: None,
        }));
    }
    let theme = theme::load(&options.root, &site.config.theme, site.config.language)?;
    let mut used = renditions::used_keys(&site, &theme)?;
    // A preview counts drafts on hashtag and list cards, so its cards differ from the published
    // build's: keep what both use, or the next `build` draws those cards again.
    let other = Options {
        drafts: !options.drafts,
        ..options.clone()
    };
    if let Ok((site, diagnostics)) = load_site(&other)? {
        if !diagnostics.has_errors() {
            used.extend(renditions::used_keys(&site, &theme)?);
        }
    }
    ImageCache::new(cache_dir(options)).prune(&used).map(Ok)
}

/// Pages, photos, static files: everything that goes into the output. A photo that fails to
/// decode is a content problem, returned as diagnostics.
fn write_site(
    site: &Site,
    theme: &theme::Theme,
    output: &dyn Output,
    cache: &ImageCache,
    progress: bool,
) -> Result<Result<(Counts, ImageCounts), Diagnostics>, Error> {
    let (pages, images) = rayon::join(
        || render::render(site, theme, output),
        || renditions::run(site, theme, cache, output, progress),
    );
    let counts = pages?;
    let images = match images? {
        Ok(images) => images,
        Err(problems) => return Ok(Err(problems)),
    };
    for (path, bytes) in &theme.static_files {
        output.write(path, bytes)?;
    }
    for file in &site.static_files {
        let source = site.root.join("static").join(file);
        let bytes = std::fs::read(&source).map_err(|e| Error::io(&source, e))?;
        output.write(&file.to_string_lossy().replace('\\', "/"), &bytes)?;
    }
    if let (Some(url), Some(source)) = (&site.logo_url, &site.logo_source) {
        let bytes = std::fs::read(source).map_err(|e| Error::io(source, e))?;
        output.write(url.trim_start_matches('/'), &bytes)?;
    }
    Ok(Ok((counts, images)))
}
