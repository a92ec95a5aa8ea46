//! load → validate → render → write for the commands: `build` and `check` differ only in
//! `Options`; `report` loads and validates; `cache prune` also loads the theme to know which images
//! are used. `serve/rebuild.rs` builds into memory on `load` and `write_site` here.

use std::panic::{catch_unwind, AssertUnwindSafe};
#[doc(hidden)]
pub mod bench;
#[doc(hidden)]
pub mod fuzz;
mod unchanged;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::base::date::Day;
use crate::base::diagnostics::{Diagnostic, Diagnostics};
use crate::base::error::Error;
use crate::base::language::Language;
use crate::base::yaml::YamlDocument;
use crate::content::cache::{ContentCache, STORE_FOLDER};
use crate::content::{self, Content, Loaded};
use crate::images::cache::{self as image_cache, ImageCache, Pruned};
use crate::images::renditions::{self, ImageCounts, Scope};
use crate::model::Site;
use crate::output::lock::Kind;
use crate::output::{folders, DiskOutput, Output};
use crate::render::touched::{Fingerprints, Touched};
use crate::render::{self, Counts, Layout};
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
    /// Replace an output folder that is not an earlier output (`--force`).
    pub force: bool,
    /// How long to wait for another run's lock on the output or the cache.
    pub lock_wait: Duration,
}

/// What a run did: its diagnostics, and what it wrote when it got that far.
#[derive(Debug)]
pub struct Report {
    pub diagnostics: Diagnostics,
    /// Problems in `site.yaml`: a configuration error (exit 2), not a content error.
    pub config_error: bool,
    pub built: Option<Summary>,
    /// The site's `language:`, for what is printed about the run (read from the raw `site.yaml`
    /// when it does not parse).
    pub language: Language,
}

#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    pub counts: Counts,
    /// Image files written (variants and cards), and how many of them came from the cache.
    pub images: usize,
    pub cached_images: usize,
    /// Size of the image cache after the build.
    pub cache_bytes: u64,
    pub stories: usize,
    pub seconds: f64,
    /// Nothing had changed since the build of the output in place: no file was written.
    pub unchanged: bool,
}

/// The validated site.
pub struct Validated {
    pub site: Site,
}

/// Loads and validates the site (`cache` keeps parsed files between `serve`'s builds, or what
/// the last `build` stored).
pub(crate) fn load(
    options: &Options,
    cache: Option<&ContentCache>,
) -> Result<Loaded<Validated>, Error> {
    Ok(match load_keeping(options, cache, false)? {
        Loaded::Ready((_, validated), diagnostics) => Loaded::Ready(validated, diagnostics),
        Loaded::ConfigErrors(diagnostics) => Loaded::ConfigErrors(diagnostics),
    })
}

/// `load`, with the parsed files as they were before validation left out what consent forbids
/// (for the privacy audit, which looks for traces of it).
pub(crate) fn load_with_content(options: &Options) -> Result<Loaded<WithContent>, Error> {
    load_keeping(options, None, true)
}

/// The parsed files (when kept) beside the validated site.
pub(crate) type WithContent = (Option<Box<Content>>, Validated);

fn load_keeping(
    options: &Options,
    cache: Option<&ContentCache>,
    keep_content: bool,
) -> Result<Loaded<WithContent>, Error> {
    let (mut content, mut diagnostics) = match content::load_cached(&options.root, cache)? {
        Loaded::Ready(content, diagnostics) => (content, diagnostics),
        Loaded::ConfigErrors(diagnostics) => return Ok(Loaded::ConfigErrors(diagnostics)),
    };
    if let Some(url) = &options.base_url {
        content.config.base_url =
            crate::content::config::normalise_base_url(url).map_err(|problem| {
                Error::usage(
                    problem.message("--base-url", url).en(),
                    Some("e.g. `--base-url https://werkenbij.example.nl` or `--base-url https://example.github.io/werkenbij/`"),
                )
            })?;
    }
    if content.config.report.page {
        diagnostics.push(report_page_moved(&content.config_file));
    }
    let validate_options = ValidateOptions {
        today: options.today,
        drafts: options.drafts,
    };
    let kept = keep_content.then(|| content.clone());
    let (site, found) = validate::validate_cached(*content, &validate_options, cache);
    diagnostics.extend(found);
    Ok(Loaded::Ready((kept, Validated { site }), diagnostics))
}

/// `report: { page: true }` once put the report page into the public site, where anyone who
/// guessed its path could read it; the page now goes only into a folder of its own.
fn report_page_moved(config_file: &crate::base::source::SourceFile) -> Diagnostic {
    let span = YamlDocument::parse(config_file, 0, config_file.text.len())
        .ok()
        .and_then(|yaml| yaml.key_span("report.page").or(yaml.key_span("report")))
        .unwrap_or_else(crate::base::source::Span::file_start);
    config_file
        .warning(
            span,
            crate::text!(
                "`report.page` no longer publishes the report page: it is not in the public site",
                "`report.page` publiceert de rapportpagina niet meer: die staat niet op de openbare site"
            ),
        )
        .with_hint(crate::text!(
            "remove `report.page`, and write the page into a folder of its own with `werkenbij report --html DIR`",
            "haal `report.page` weg, en schrijf de pagina in een eigen map met `werkenbij report --html DIR`"
        ))
}

/// The programme figures: the site validated with drafts (so the calendar has the scheduled
/// stories) and counted, with the facts only the parsed files have (stories left out for
/// consent); no figures when that validation finds errors.
fn programme_figures(
    content: Content,
    today: Day,
) -> (Option<(Site, report::Report)>, Diagnostics) {
    let facts = report::ContentFacts::of(&content, today);
    let options = ValidateOptions {
        today,
        drafts: true,
    };
    let (site, found) = validate::validate(content, &options);
    if found.has_errors() {
        return (None, found);
    }
    let figures = report::figures(&site, facts);
    (Some((site, figures)), found)
}

/// `werkenbij report`: the programme figures of the site as on `today`, with the site they were
/// counted on (drafts included) and every diagnostic; no figures when the site has errors.
pub fn programme_report(
    root: &Path,
    today: Day,
) -> Result<Loaded<Option<(Site, report::Report)>>, Error> {
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
    let refused = |diagnostics, config_error, language| Report {
        diagnostics,
        config_error,
        built: None,
        language,
    };
    let cache = ImageCache::new(cache_dir(options));
    // Locked and checked before anything is read: a build that could not be swapped in, or
    // another build on the same folder, stops here; and a build of unchanged inputs into the
    // output as it left it has nothing to do.
    let mut prepared = match options.mode {
        Mode::Build => {
            // A bad `--out` or `--cache-dir` is a usage error before any content problem.
            folders::check_target(&options.root, &options.out, Some(cache.dir()))?;
            folders::check_cache(&options.root, cache.dir(), Some(&options.out))?;
            let inputs = unchanged::Inputs::of(options);
            let output = DiskOutput::prepare(
                &options.root,
                &options.out,
                cache.dir(),
                options.force,
                options.lock_wait,
            )?;
            if let Some(report) = unchanged::previous_report(&output, &inputs, &cache, started) {
                return Ok(report);
            }
            Some((inputs, output))
        }
        Mode::Check => None,
    };
    // What earlier builds of this program parsed and rendered from the same texts.
    let program = unchanged::program();
    let stored = cache.dir().join(STORE_FOLDER);
    // The previous output kept beside is checked (file system calls) while the site loads (most
    // of it parsing), so that the two share the cores.
    let (spare, (kept, loaded)) = rayon::join(
        || match &mut prepared {
            Some((_, output)) => output.start_from_spare(),
            None => Ok(()),
        },
        || {
            let kept = ContentCache::stored(&stored, &program);
            let loaded = load(options, Some(&kept));
            (kept, loaded)
        },
    );
    spare?;
    let (validated, mut diagnostics) = match loaded? {
        Loaded::Ready(validated, diagnostics) => (validated, diagnostics),
        Loaded::ConfigErrors(diagnostics) => {
            let language = content::config::language_of(&options.root);
            return Ok(refused(diagnostics, true, language));
        }
    };
    let language = validated.site.config.language;
    if diagnostics.has_errors() {
        return Ok(refused(diagnostics, false, language));
    }
    let site = &validated.site;
    let theme = theme::load(&options.root, &site.config.theme, site.config.language)?;
    diagnostics.extend(alias_collisions(&validated, &theme));
    if options.mode == Mode::Check {
        // The theme and the photos as a build takes them: `check` passes when `build` would.
        diagnostics.extend(renditions::check(site, &theme)?);
    }
    let Some((inputs, output)) = prepared.filter(|_| !diagnostics.has_errors()) else {
        return Ok(refused(diagnostics, false, language));
    };
    let _cache_lock = cache.lock(Kind::Shared, options.lock_wait)?;
    // Only a cache: a build that cannot write it parses everything again next time.
    let _ = kept.store(&stored, &program);
    let layout = Layout::of(site, &theme.strings);
    let fingerprints = Fingerprints::of(site, &layout);
    // Into the output of a build of the same program, options and theme, as it left it: only
    // the pages that this build's changes touch are rendered, and the rest are kept.
    let touched = unchanged::previous_fingerprints(&output, &inputs)
        .and_then(|previous| Touched::between(&previous, &fingerprints, site));
    let written = catch_unwind(AssertUnwindSafe(|| {
        let written = write_site_touched(
            &validated,
            &theme,
            &output,
            &cache,
            options.progress,
            layout,
            touched.as_ref(),
        )?;
        if written.is_ok() && touched.is_some() {
            output.keep_unwritten()?;
        }
        Ok::<_, Error>(written)
    }))
    .map_err(|panic| Error::Internal {
        message: panic_message(panic.as_ref()),
    })?;
    match written? {
        Ok((counts, images)) => {
            let summary = Summary {
                counts,
                images: images.images,
                cached_images: images.cached,
                cache_bytes: cache.size()?.1,
                stories: site.stories.len(),
                seconds: started.elapsed().as_secs_f64(),
                unchanged: false,
            };
            let kept = unchanged::kept(
                inputs,
                fingerprints,
                &options.root,
                site.logo_source.as_deref(),
                &diagnostics,
                &summary,
                language,
            )?;
            output.commit(Some(kept))?;
            Ok(Report {
                diagnostics,
                config_error: false,
                built: Some(summary),
                language,
            })
        }
        Err(found) => {
            diagnostics.extend(found);
            Ok(refused(diagnostics, false, language))
        }
    }
}

/// What a panicking thread said, as the standard panic hook prints it.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    let text = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".into());
    format!("a thread of the build panicked: {text}")
}

/// An error for each alias whose redirect would overwrite a file of the output (or sit inside one,
/// or hold one): held against every file the build plans, which only the later stages know.
pub(crate) fn alias_collisions(validated: &Validated, theme: &Theme) -> Diagnostics {
    let site = &validated.site;
    if site.aliases.is_empty() {
        return Diagnostics::new();
    }
    let mut files = render::planned_files(site, theme);
    let mut add = |path: &str, what: &str| {
        files
            .entry(path.trim_start_matches('/').to_owned())
            .or_insert_with(|| what.to_owned());
    };
    for (url, what) in renditions::planned_files(site, theme) {
        add(&url, what);
    }
    for file in &site.static_files {
        add(
            &file.to_string_lossy().replace('\\', "/"),
            "a file from `static/`",
        );
    }
    for path in theme.static_files.keys() {
        add(path, "a file of the theme");
    }
    if let Some(url) = &site.logo_url {
        add(url, "the logo");
    }
    validate::alias_collisions(&site.aliases, &files)
}

/// `werkenbij report --html DIR`: the report page as `DIR/index.html`, with the theme's files
/// it links, swapped in whole like a build's output.
pub fn write_report_page(
    root: &Path,
    site: &Site,
    figures: &report::Report,
    dir: &Path,
) -> Result<(), Error> {
    let theme = theme::load(root, &site.config.theme, site.config.language)?;
    // A folder of its own: never the site's output or cache, and not a folder with other files.
    let cache = root.join(image_cache::DEFAULT_DIR);
    let output = DiskOutput::prepare(root, dir, &cache, false, Duration::from_secs(60))?;
    let written = render::report_page(site, figures, &theme, &output).and_then(|()| {
        theme
            .static_files
            .iter()
            .try_for_each(|(path, bytes)| output.write(path, bytes))
    });
    match written {
        Ok(()) => output.commit(None),
        Err(error) => {
            drop(output); // removes the staging folder; `dir` stays as it was
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
    let cache = ImageCache::new(cache_dir(options));
    folders::check_cache(&options.root, cache.dir(), None)?;
    let (validated, diagnostics) = match load(options, None)? {
        Loaded::Ready(validated, diagnostics) => (validated, diagnostics),
        Loaded::ConfigErrors(diagnostics) => {
            return Ok(Err(Report {
                diagnostics,
                config_error: true,
                built: None,
                language: content::config::language_of(&options.root),
            }))
        }
    };
    if diagnostics.has_errors() {
        return Ok(Err(Report {
            diagnostics,
            config_error: false,
            built: None,
            language: validated.site.config.language,
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
    if !cache.dir().is_dir() {
        return Ok(Ok(Pruned::default()));
    }
    let _alone = cache.lock(Kind::Exclusive, options.lock_wait)?;
    cache.prune(&used).map(Ok)
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
    let layout = Layout::of(&validated.site, &theme.strings);
    write_site_touched(validated, theme, output, cache, progress, layout, None)
}

/// `write_site`, with `touched` only the pages an edit touched (the caller keeps the others).
pub(crate) fn write_site_touched(
    validated: &Validated,
    theme: &Theme,
    output: &dyn Output,
    cache: &ImageCache,
    progress: bool,
    layout: Layout,
    touched: Option<&Touched>,
) -> Result<Result<(Counts, ImageCounts), Diagnostics>, Error> {
    let site = &validated.site;
    let (pages, images) = rayon::join(
        || render::render_touched(site, theme, output, layout, touched),
        || renditions::run(site, theme, cache, output, progress, Scope::All),
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
