//! load → validate → render → write for the commands: `build` and `check` differ only in
//! `Options`; `report` loads and validates; `cache prune` also loads the theme to know which images
//! are used. `serve/rebuild.rs` builds into memory on `load` and `write_site` here.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::base::date::Day;
use crate::base::diagnostics::Diagnostics;
use crate::base::error::Error;
use crate::content::cache::ContentCache;
use crate::content::{self, Content, Loaded};
use crate::images::cache::{self as image_cache, ImageCache, Pruned};
use crate::images::renditions::{self, ImageCounts};
use crate::model::Site;
use crate::output::{DiskOutput, Output};
use crate::render::{self, Counts};
use crate::report;
use crate::theme::{self, Theme};
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

/// The validated site and what is rendered beside it.
pub struct Validated {
    pub site: Site,
    /// The programme figures for the internal report page, when `site.yaml` asks for it.
    pub figures: Option<report::Report>,
}

/// Loads and validates the site (`cache` keeps parsed files between `serve`'s builds).
pub(crate) fn load(
    options: &Options,
    cache: Option<&ContentCache>,
) -> Result<Loaded<Validated>, Error> {
    let (mut content, mut diagnostics) = match content::load_cached(&options.root, cache)? {
        Loaded::Ready(content, diagnostics) => (content, diagnostics),
        Loaded::ConfigErrors(diagnostics) => return Ok(Loaded::ConfigErrors(diagnostics)),
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
    // The report page counts the same parsed files; its warnings are the build's own.
    let for_report = content.config.report.page.then(|| (*content).clone());
    let validate_options = ValidateOptions {
        today: options.today,
        drafts: options.drafts,
    };
    let (site, found) = validate::validate(*content, &validate_options);
    diagnostics.extend(found);
    let figures = match for_report {
        Some(content) if !diagnostics.has_errors() => programme_figures(content, options.today).0,
        _ => None,
    };
    Ok(Loaded::Ready(Validated { site, figures }, diagnostics))
}

/// The programme figures: the site validated with drafts (so the calendar has the scheduled
/// stories) and counted, with the facts only the parsed files have (stories left out for
/// consent); no figures when that validation finds errors.
fn programme_figures(content: Content, today: Day) -> (Option<report::Report>, Diagnostics) {
    let facts = report::ContentFacts::of(&content, today);
    let options = ValidateOptions {
        today,
        drafts: true,
    };
    let (site, found) = validate::validate(content, &options);
    let figures = (!found.has_errors()).then(|| report::figures(&site, facts));
    (figures, found)
}

/// `werkenbij report`: the programme figures of the site as on `today`, with every diagnostic;
/// no figures when the site has errors.
pub fn programme_report(root: &Path, today: Day) -> Result<Loaded<Option<report::Report>>, Error> {
    let (content, mut diagnostics) = match content::load_cached(root, None)? {
        Loaded::Ready(content, diagnostics) => (content, diagnostics),
        Loaded::ConfigErrors(diagnostics) => return Ok(Loaded::ConfigErrors(diagnostics)),
    };
    let (figures, found) = programme_figures(*content, today);
    diagnostics.extend(found);
    let figures = figures.filter(|_| !diagnostics.has_errors());
    Ok(Loaded::Ready(figures, diagnostics))
}

pub fn run(options: &Options) -> Result<Report, Error> {
    let started = Instant::now();
    let refused = |diagnostics, config_error| Report {
        diagnostics,
        config_error,
        built: None,
    };
    let (validated, mut diagnostics) = match load(options, None)? {
        Loaded::Ready(validated, diagnostics) => (validated, diagnostics),
        Loaded::ConfigErrors(diagnostics) => return Ok(refused(diagnostics, true)),
    };
    if diagnostics.has_errors() {
        return Ok(refused(diagnostics, false));
    }
    let site = &validated.site;
    let theme = theme::load(&options.root, &site.config.theme, site.config.language)?;
    if options.mode == Mode::Check {
        // The theme and the photos as a build takes them: `check` passes when `build` would.
        diagnostics.extend(renditions::check(site, &theme)?);
        return Ok(refused(diagnostics, false));
    }
    let output = DiskOutput::prepare(&options.root, &options.out)?;
    let cache = ImageCache::new(cache_dir(options));
    match write_site(&validated, &theme, &output, &cache, options.progress) {
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
            Ok(refused(diagnostics, false))
        }
        Err(error) => {
            output.abort();
            Err(error)
        }
    }
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
    let (validated, diagnostics) = match load(options, None)? {
        Loaded::Ready(validated, diagnostics) => (validated, diagnostics),
        Loaded::ConfigErrors(diagnostics) => {
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
    let site = &validated.site;
    let theme = theme::load(&options.root, &site.config.theme, site.config.language)?;
    let mut used = renditions::used_keys(site, &theme)?;
    // A preview counts drafts on hashtag and list cards, so its cards differ from the published
    // build's: keep what both use, or the next `build` draws those cards again.
    let other = Options {
        drafts: !options.drafts,
        ..options.clone()
    };
    if let Loaded::Ready(other, diagnostics) = load(&other, None)? {
        if !diagnostics.has_errors() {
            used.extend(renditions::used_keys(&other.site, &theme)?);
        }
    }
    ImageCache::new(cache_dir(options)).prune(&used).map(Ok)
}

/// Pages, photos, static files: everything that goes into the output. A photo that fails to
/// decode is a content problem, returned as diagnostics.
pub(crate) fn write_site(
    validated: &Validated,
    theme: &Theme,
    output: &dyn Output,
    cache: &ImageCache,
    progress: bool,
) -> Result<Result<(Counts, ImageCounts), Diagnostics>, Error> {
    let site = &validated.site;
    let (pages, images) = rayon::join(
        || render::render(site, validated.figures.as_ref(), theme, output),
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
