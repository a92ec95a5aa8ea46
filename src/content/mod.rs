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
#[derive(Debug, Clone)]
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
    let (config_file, config) = match load_config(root)? {
        Ok(loaded) => loaded,
        Err(problems) => return Ok(Loaded::ConfigErrors(problems)),
    };
    let mut loader = Loader {
        root,
        cache,
        diagnostics: Diagnostics::new(),
        unparsed: Vec::new(),
    };
    let ambassador_files = loader.list(Section::Ambassadors)?;
    let story_files = loader.list(Section::Stories)?;
    let vacancy_files = loader.list(Section::Vacancies)?;
    let page_files = loader.list(Section::Pages)?;
    let ambassadors = loader.parse(Section::Ambassadors, &ambassador_files, &ambassador::SCHEMA)?;
    let stories = loader.parse(Section::Stories, &story_files, &story::SCHEMA)?;
    let vacancies = loader.parse(Section::Vacancies, &vacancy_files, &vacancy::SCHEMA)?;
    let pages = loader.parse(Section::Pages, &page_files, &page::SCHEMA)?;
    let consent = loader.consent(&ambassador_files)?;
    let content = Content {
        root: root.to_owned(),
        config,
        config_file,
        consent,
        ambassadors,
        stories,
        vacancies,
        pages,
        unparsed: loader.unparsed,
        static_files: list_static(root)?,
    };
    Ok(Loaded::Ready(Box::new(content), loader.diagnostics))
}

/// `site.yaml`, read and checked: its problems stop the load.
fn load_config(root: &Path) -> Result<Result<(SourceFile, SiteConfig), Diagnostics>, Error> {
    let file = match read_text(root, Path::new(SITE_FILE))? {
        Ok(file) => file,
        Err(d) => return Ok(Err(Diagnostics::from_iter([d]))),
    };
    Ok(match config::parse(&file) {
        Ok(config) => Ok((file, config)),
        Err(problems) => Err(problems.into_iter().collect()),
    })
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

/// The sections of the site folder as they are read: every problem goes into `diagnostics`, and
/// every file that did not parse into `unparsed`.
struct Loader<'a> {
    root: &'a Path,
    cache: Option<&'a ContentCache>,
    diagnostics: Diagnostics,
    unparsed: Vec<(Section, String)>,
}

/// A parsed file, or every problem that kept it from parsing.
type Parsed<F> = Result<Entry<F>, Vec<Diagnostic>>;

impl Loader<'_> {
    /// `(slug, relative path)` of every content file of a section, sorted by slug.
    fn list(&mut self, section: Section) -> Result<Vec<(String, PathBuf)>, Error> {
        let root = self.root;
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
                    self.diagnostics.push(
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

    /// Parses the files of a section in parallel; what is in the cache and unchanged is reused.
    fn parse<F: DeserializeOwned + Clone + Send + Sync + 'static>(
        &mut self,
        section: Section,
        files: &[(String, PathBuf)],
        schema: &Schema,
    ) -> Result<Vec<Entry<F>>, Error> {
        let outcomes: Vec<Result<Parsed<F>, Error>> = files
            .par_iter()
            .map(|(slug, relative)| self.parse_file(slug, relative, schema))
            .collect();
        let mut entries = Vec::with_capacity(files.len());
        for (outcome, (slug, _)) in outcomes.into_iter().zip(files) {
            match outcome? {
                Ok(entry) => entries.push(entry),
                Err(problems) => {
                    self.diagnostics.extend(problems);
                    self.unparsed.push((section, slug.clone()));
                }
            }
        }
        Ok(entries)
    }

    fn parse_file<F: DeserializeOwned + Clone + Send + Sync + 'static>(
        &self,
        slug: &str,
        relative: &Path,
        schema: &Schema,
    ) -> Result<Parsed<F>, Error> {
        let cache = self.cache;
        let stamp = cache.and_then(|_| ContentCache::stamp(&self.root.join(relative)));
        if let (Some(cache), Some(stamp)) = (cache, stamp) {
            if let Some(parsed) = cache.get::<Parsed<F>>(relative, stamp) {
                return Ok(parsed);
            }
        }
        let parsed = match read_text(self.root, relative)? {
            Ok(file) => front_matter::parse(file, schema).map(|doc| Entry {
                slug: slug.to_owned(),
                doc,
            }),
            Err(d) => Err(vec![d]),
        };
        if let (Some(cache), Some(stamp)) = (cache, stamp) {
            cache.put(relative, stamp, parsed.clone());
        }
        Ok(parsed)
    }

    /// `consent.yaml`, when the site has one; its subjects are checked against the ambassadors.
    fn consent(
        &mut self,
        ambassador_files: &[(String, PathBuf)],
    ) -> Result<ConsentRegister, Error> {
        if !self.root.join(CONSENT_FILE).is_file() {
            return Ok(ConsentRegister::default());
        }
        Ok(match read_text(self.root, Path::new(CONSENT_FILE))? {
            Ok(file) => {
                let ids: Vec<&str> = ambassador_files
                    .iter()
                    .map(|(slug, _)| slug.as_str())
                    .collect();
                let (register, problems) = ConsentRegister::parse(file, &|id| ids.contains(&id));
                self.diagnostics.extend(problems);
                register
            }
            Err(d) => {
                self.diagnostics.push(d);
                ConsentRegister::default()
            }
        })
    }
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
