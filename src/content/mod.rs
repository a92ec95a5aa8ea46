//! Loading: walks the site folder and parses every content file (in parallel), collecting every
//! problem instead of stopping at the first.

pub(crate) mod ambassador;
pub(crate) mod cache;
pub(crate) mod config;
pub(crate) mod consent;
pub(crate) mod front_matter;
pub(crate) mod markdown;
pub(crate) mod page;
pub(crate) mod photo;
pub(crate) mod story;
pub(crate) mod vacancy;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::base::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::base::error::Error;
use crate::base::source::SourceFile;
use crate::content::cache::ContentCache;
use crate::content::consent::{ConsentRegister, CONSENT_FILE};
use ambassador::AmbassadorFront;
use config::{SiteConfig, SITE_FILE};
use front_matter::{Document, Schema};
use page::PageFront;
use story::StoryFront;
use vacancy::VacancyFront;

/// One content file with the slug its URL is made from.
#[derive(Debug, Clone)]
pub struct Entry<F> {
    pub slug: String,
    pub doc: Document<F>,
}

/// Everything read from the site folder, parsed but not yet checked against each other.
#[derive(Debug)]
pub struct Content {
    pub root: PathBuf,
    pub config: SiteConfig,
    pub config_file: SourceFile,
    pub consent: ConsentRegister,
    pub ambassadors: Vec<Entry<AmbassadorFront>>,
    pub stories: Vec<Entry<StoryFront>>,
    pub vacancies: Vec<Entry<VacancyFront>>,
    pub pages: Vec<Entry<PageFront>>,
    /// Slugs of files that exist but could not be parsed: references to them are not "unknown".
    pub unparsed: Vec<(Section, String)>,
    /// Files under `static/`, relative to it, sorted.
    pub static_files: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Ambassadors,
    Stories,
    Vacancies,
    Pages,
}

impl Section {
    pub fn folder(self) -> &'static str {
        match self {
            Section::Ambassadors => "ambassadors",
            Section::Stories => "stories",
            Section::Vacancies => "vacancies",
            Section::Pages => "pages",
        }
    }
}

/// The outcome of a stage: problems in `site.yaml` stop everything (exit 2); content problems are
/// among the diagnostics beside what was made, and the caller decides whether to go on.
pub enum Loaded<T> {
    Ready(T, Diagnostics),
    ConfigErrors(Diagnostics),
}

/// Loads the site, reusing what `cache` parsed before from files that have not changed since.
pub fn load_cached(
    root: &Path,
    cache: Option<&ContentCache>,
) -> Result<Loaded<Box<Content>>, Error> {
    require_site(root)?;
    let config_file = match read_text(root, Path::new(SITE_FILE))? {
        Ok(file) => file,
        Err(d) => return Ok(Loaded::ConfigErrors(Diagnostics::from_iter([d]))),
    };
    let config = match config::parse(&config_file) {
        Ok(config) => config,
        Err(problems) => return Ok(Loaded::ConfigErrors(problems.into_iter().collect())),
    };

    let mut diagnostics = Diagnostics::new();
    let ambassador_files = list(root, Section::Ambassadors, &mut diagnostics)?;
    let story_files = list(root, Section::Stories, &mut diagnostics)?;
    let vacancy_files = list(root, Section::Vacancies, &mut diagnostics)?;
    let page_files = list(root, Section::Pages, &mut diagnostics)?;

    let mut unparsed = Vec::new();
    let ambassadors = parse_all(
        root,
        Section::Ambassadors,
        &ambassador_files,
        &ambassador::SCHEMA,
        &mut diagnostics,
        &mut unparsed,
        cache,
    )?;
    let stories = parse_all(
        root,
        Section::Stories,
        &story_files,
        &story::SCHEMA,
        &mut diagnostics,
        &mut unparsed,
        cache,
    )?;
    let vacancies = parse_all(
        root,
        Section::Vacancies,
        &vacancy_files,
        &vacancy::SCHEMA,
        &mut diagnostics,
        &mut unparsed,
        cache,
    )?;
    let pages = parse_all(
        root,
        Section::Pages,
        &page_files,
        &page::SCHEMA,
        &mut diagnostics,
        &mut unparsed,
        cache,
    )?;

    let consent = if root.join(CONSENT_FILE).is_file() {
        match read_text(root, Path::new(CONSENT_FILE))? {
            Ok(file) => {
                let ids: Vec<&str> = ambassador_files
                    .iter()
                    .map(|(slug, _)| slug.as_str())
                    .collect();
                let (register, problems) = ConsentRegister::parse(file, &|id| ids.contains(&id));
                diagnostics.extend(problems);
                register
            }
            Err(d) => {
                diagnostics.push(d);
                ConsentRegister::default()
            }
        }
    } else {
        ConsentRegister::default()
    };

    let static_files = list_static(root)?;
    let content = Content {
        root: root.to_owned(),
        config,
        config_file,
        consent,
        ambassadors,
        stories,
        vacancies,
        pages,
        unparsed,
        static_files,
    };
    Ok(Loaded::Ready(Box::new(content), diagnostics))
}

/// A site folder has `content/site.yaml`; anything else is a usage error.
pub fn require_site(root: &Path) -> Result<(), Error> {
    if !root.join(SITE_FILE).is_file() {
        return Err(Error::usage(
            format!("`{}` is not a werkenbij site: `{SITE_FILE}` is missing", root.display()),
            Some("run it in the site folder, pass `--root DIR`, or make a new site with `werkenbij init DIR`"),
        ));
    }
    Ok(())
}

/// Reads a text file; a file that is not UTF-8 is a diagnostic, not a failure of the run.
pub fn read_text(root: &Path, relative: &Path) -> Result<Result<SourceFile, Diagnostic>, Error> {
    let full = root.join(relative);
    let bytes = std::fs::read(&full).map_err(|e| Error::io(&full, e))?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(relative, text)),
        Err(_) => Err(
            Diagnostic::file(Severity::Error, relative, "the file is not UTF-8 text")
                .with_hint("save it as UTF-8 in your editor"),
        ),
    })
}

/// `(slug, relative path)` of every content file of a section, sorted by slug.
fn list(
    root: &Path,
    section: Section,
    diagnostics: &mut Diagnostics,
) -> Result<Vec<(String, PathBuf)>, Error> {
    let folder = Path::new("content").join(section.folder());
    let full = root.join(&folder);
    if !full.is_dir() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    let entries = std::fs::read_dir(&full).map_err(|e| Error::io(&full, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(&full, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let relative = folder.join(&name);
        let file_type = entry
            .file_type()
            .map_err(|e| Error::io(root.join(&relative), e))?;
        if file_type.is_dir() {
            if section == Section::Stories && root.join(&relative).join("index.md").is_file() {
                files.push((name, relative.join("index.md")));
            } else {
                diagnostics.push(
                    Diagnostic::file(
                        Severity::Warning,
                        &relative,
                        "this folder has no `index.md`; it was skipped",
                    )
                    .with_hint(
                        "a story with photos is a folder with `index.md` and the photos beside it",
                    ),
                );
            }
        } else if let Some(slug) = name.strip_suffix(".md") {
            files.push((slug.to_owned(), relative));
        }
    }
    files.sort();
    Ok(files)
}

/// A parsed file, or every problem that kept it from parsing.
type Parsed<F> = Result<Entry<F>, Vec<Diagnostic>>;

fn parse_all<F: DeserializeOwned + Clone + Send + Sync + 'static>(
    root: &Path,
    section: Section,
    files: &[(String, PathBuf)],
    schema: &Schema,
    diagnostics: &mut Diagnostics,
    unparsed: &mut Vec<(Section, String)>,
    cache: Option<&ContentCache>,
) -> Result<Vec<Entry<F>>, Error> {
    let outcomes: Vec<Result<Parsed<F>, Error>> = files
        .par_iter()
        .map(|(slug, relative)| {
            let stamp = cache.and_then(|_| ContentCache::stamp(&root.join(relative)));
            if let (Some(cache), Some(stamp)) = (cache, stamp) {
                if let Some(parsed) = cache.get::<Parsed<F>>(relative, stamp) {
                    return Ok(parsed);
                }
            }
            let parsed = match read_text(root, relative)? {
                Ok(file) => front_matter::parse(file, schema).map(|doc| Entry {
                    slug: slug.clone(),
                    doc,
                }),
                Err(d) => Err(vec![d]),
            };
            if let (Some(cache), Some(stamp)) = (cache, stamp) {
                cache.put(relative, stamp, parsed.clone());
            }
            Ok(parsed)
        })
        .collect();
    let mut entries = Vec::with_capacity(files.len());
    for (outcome, (slug, _)) in outcomes.into_iter().zip(files) {
        match outcome? {
            Ok(entry) => entries.push(entry),
            Err(problems) => {
                diagnostics.extend(problems);
                unparsed.push((section, slug.clone()));
            }
        }
    }
    Ok(entries)
}

fn list_static(root: &Path) -> Result<Vec<PathBuf>, Error> {
    let folder = root.join("static");
    if !folder.is_dir() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for entry in WalkDir::new(&folder).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(&folder).to_owned();
            Error::io(path, e.into())
        })?;
        if entry.file_type().is_file() {
            if let Ok(relative) = entry.path().strip_prefix(&folder) {
                files.push(relative.to_owned());
            }
        }
    }
    Ok(files)
}
