//! Loading: walks the site folder and parses every content file (in parallel), collecting every
//! problem instead of stopping at the first.

pub(crate) mod ambassador;
pub(crate) mod cache;
pub(crate) mod config;
pub(crate) mod consent;
pub(crate) mod editor;
pub(crate) mod front_matter;
pub(crate) mod help;
pub(crate) mod logo;
pub(crate) mod markdown;
pub(crate) mod page;
pub(crate) mod photo;
pub(crate) mod story;
pub(crate) mod vacancy;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::base::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::base::error::Error;
use crate::base::language::Language;
use crate::base::source::SourceFile;
use crate::base::text::Text;
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
    /// Shared: `serve` keeps every parsed file and hands the same one to each build.
    pub doc: Arc<Document<F>>,
}

impl Content {
    /// Section and slug of every file that parsed.
    pub fn ids(&self) -> foldhash::HashSet<(Section, &str)> {
        fn of<F>(section: Section, entries: &[Entry<F>]) -> impl Iterator<Item = (Section, &str)> {
            entries.iter().map(move |e| (section, e.slug.as_str()))
        }
        of(Section::Ambassadors, &self.ambassadors)
            .chain(of(Section::Stories, &self.stories))
            .chain(of(Section::Vacancies, &self.vacancies))
            .chain(of(Section::Pages, &self.pages))
            .collect()
    }
}

/// Everything read from the site folder, parsed but not yet checked against each other.
#[derive(Debug, Clone)]
pub struct Content {
    pub root: PathBuf,
    pub config: SiteConfig,
    /// For diagnostics about site.yaml made after loading (the contrast of the brand colours).
    pub config_file: SourceFile,
    /// Shared with `serve`'s cache, which keeps it while `consent.yaml` stays as it was.
    pub consent: Arc<ConsentRegister>,
    /// `organization.logo`, checked.
    pub logo: Option<logo::Logo>,
    pub ambassadors: Vec<Entry<AmbassadorFront>>,
    pub stories: Vec<Entry<StoryFront>>,
    pub vacancies: Vec<Entry<VacancyFront>>,
    pub pages: Vec<Entry<PageFront>>,
    /// Section, slug and path of files that exist but could not be parsed, or only in part (with
    /// broken keys): references and links to them are not "unknown" or "not published" (their own
    /// errors say what is wrong).
    pub unparsed: Vec<(Section, String, PathBuf)>,
    /// Files under `static/`, relative to it, sorted.
    pub static_files: Vec<PathBuf>,
}

impl Content {
    /// A test of whether a diagnostic is about a key already reported as wrong in its file (see
    /// `Document::broken`): the places of every broken key's values, collected once, so that a
    /// site with thousands of files and hundreds of warnings does not compare each with each.
    pub fn broken_key_filter(&self) -> impl Fn(&Diagnostic) -> bool + '_ {
        fn add<'a, F>(entries: &'a [Entry<F>], into: &mut HashSet<(&'a Path, u32, u32)>) {
            for doc in entries.iter().map(|e| &e.doc) {
                for key in &doc.broken {
                    for span in doc.yaml.spans_within(key) {
                        into.insert((doc.file.path.as_path(), span.line, span.column));
                    }
                }
            }
        }
        let mut places = HashSet::new();
        add(&self.ambassadors, &mut places);
        add(&self.stories, &mut places);
        add(&self.vacancies, &mut places);
        add(&self.pages, &mut places);
        move |d: &Diagnostic| places.contains(&(d.path.as_path(), d.line, d.column))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    let (config_file, config, logo) = match load_config(root)? {
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
    let consent = loader.consent()?;
    let content = Content {
        root: root.to_owned(),
        config,
        config_file,
        consent,
        logo,
        ambassadors,
        stories,
        vacancies,
        pages,
        unparsed: loader.unparsed,
        static_files: list_static(root)?,
    };
    Ok(Loaded::Ready(Box::new(content), loader.diagnostics))
}

/// `site.yaml` read and checked, with the logo it names: their problems stop the load.
type Config = (SourceFile, SiteConfig, Option<logo::Logo>);

fn load_config(root: &Path) -> Result<Result<Config, Diagnostics>, Error> {
    let file = match read_text(root, Path::new(SITE_FILE))? {
        Ok(file) => file,
        Err(d) => return Ok(Err(Diagnostics::from_iter([d]))),
    };
    let config = match config::parse(&file) {
        Ok(config) => config,
        Err(problems) => return Ok(Err(problems.into_iter().collect())),
    };
    let organization = &config.organization;
    let logo = match &organization.logo {
        Some(written) => match logo::check(root, written, &file, organization.logo_span) {
            Ok(logo) => Some(logo),
            Err(problem) => return Ok(Err(Diagnostics::from_iter([problem]))),
        },
        None => None,
    };
    Ok(Ok((file, config, logo)))
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

/// Reads a text file; a file that is not UTF-8, or a link to a file outside the site folder, is a
/// diagnostic, not a failure of the run.
pub fn read_text(root: &Path, relative: &Path) -> Result<Result<SourceFile, Diagnostic>, Error> {
    if let Some(refused) = link_out_of_site(root, relative) {
        return Ok(Err(refused));
    }
    read_unlinked(root, relative)
}

/// `read_text` of a file known not to be or pass through a symbolic link.
fn read_unlinked(root: &Path, relative: &Path) -> Result<Result<SourceFile, Diagnostic>, Error> {
    let full = root.join(relative);
    let bytes = std::fs::read(&full).map_err(|e| Error::io(&full, e))?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => {
            let file = SourceFile::new(relative, text);
            match control_character(&file) {
                Some(refused) => Err(refused),
                None => Ok(file),
            }
        }
        Err(error) => Err(not_utf8(relative, error.as_bytes(), error.utf8_error())),
    })
}

/// Text is checked where it enters: a control character (other than tab and line endings) or a
/// noncharacter is invisible in an editor and breaks XML feeds and JSON, so it is an error at the
/// first one, with how many more there are.
fn control_character(file: &SourceFile) -> Option<Diagnostic> {
    let refused = |c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{fdd0}'..='\u{fdef}' | '\u{fffe}' | '\u{ffff}')
    };
    // Every such character has a byte below 0x20 or 0x7F, or starts with 0xC2 (U+0080 to U+009F)
    // or 0xEF (U+FDD0 to U+FFFF) in UTF-8: a text with none of these bytes has none, and that
    // scan is much faster than decoding every character.
    let suspect = |b: &u8| {
        (*b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || matches!(b, 0x7f | 0xc2 | 0xef)
    };
    if !file.text.as_bytes().iter().any(suspect) {
        return None;
    }
    let mut found = file.text.char_indices().filter(|(_, c)| refused(*c));
    let (offset, first) = found.next()?;
    let more = found.count();
    let more = match more {
        0 => Text::from(""),
        1 => crate::text!(" (and 1 more in this file)", " (en nog 1 in dit bestand)"),
        n => crate::text!(
            " (and {n} more in this file)",
            " (en nog {n} in dit bestand)"
        ),
    };
    let (code, more_nl) = (u32::from(first), more.get(Language::Nl));
    let mut error = file.error(
            file.span(offset, offset + first.len_utf8()),
            crate::text!(
                "the invisible control character U+{code:04X} is not allowed in text{more}",
                "het onzichtbare stuurteken U+{code:04X} mag niet in tekst staan{more_nl}"
            ),
        )
        .with_hint(crate::text!(
            "delete it (it often comes with text pasted from a PDF or a word processor); tabs and line breaks are fine",
            "haal het weg (het komt vaak mee met tekst die je uit een pdf of tekstverwerker plakt); tabs en regeleindes mogen wel"
        ));
    // The line is shown with a visible mark where each such character is, not the character.
    error.snippet = error.snippet.map(|line| line.replace(refused, "\u{fffd}"));
    Some(error)
}

/// The error for a file that is not UTF-8, at its first byte that is not.
fn not_utf8(relative: &Path, bytes: &[u8], error: std::str::Utf8Error) -> Diagnostic {
    let valid = &bytes[..error.valid_up_to()];
    let before = SourceFile::new(relative, String::from_utf8_lossy(valid).into_owned());
    let (line, column) = before.position(before.text.len());
    let byte = bytes[error.valid_up_to()];
    Diagnostic::new(
        Severity::Error,
        relative,
        crate::base::source::Span::new(line, column, 0),
        crate::text!(
            "the file is not UTF-8 text: the byte 0x{byte:02X} here is not UTF-8 (Latin-1 or Windows-1252?)",
            "het bestand is geen UTF-8-tekst: de byte 0x{byte:02X} hier is geen UTF-8 (Latin-1 of Windows-1252?)"
        ),
    )
    .with_hint(crate::text!(
        "save the file as UTF-8 in your editor",
        "sla het bestand in je editor op als UTF-8"
    ))
}

/// Whether `relative` is or passes through a symbolic link.
fn is_linked(root: &Path, relative: &Path) -> bool {
    relative
        .ancestors()
        .filter(|part| !part.as_os_str().is_empty())
        .any(|part| {
            std::fs::symlink_metadata(root.join(part)).is_ok_and(|m| m.file_type().is_symlink())
        })
}

/// An error when `relative` is (or passes through) a symbolic link that leads out of the site
/// folder, or one that cannot be followed; such a file is never read, so nothing of it is shown.
fn link_out_of_site(root: &Path, relative: &Path) -> Option<Diagnostic> {
    let full = root.join(relative);
    if !is_linked(root, relative) {
        return None;
    }
    let refuse = |message: Text| {
        Some(
            Diagnostic::file(Severity::Error, relative, message).with_hint(crate::text!(
                "a symbolic link in the site folder must point to a file inside it: copy the file into the site instead",
                "een symbolische link in de map van de site moet naar een bestand in die map wijzen: kopieer het bestand liever naar de site"
            )),
        )
    };
    match (full.canonicalize(), root.canonicalize()) {
        (Ok(real), Ok(real_root)) if real.starts_with(&real_root) => None,
        (Ok(_), _) => refuse(crate::text!(
            "this is a symbolic link to a file outside the site folder; it was not read",
            "dit is een symbolische link naar een bestand buiten de map van de site; het is niet gelezen"
        )),
        (Err(_), _) => refuse(crate::text!(
            "this is a symbolic link that cannot be followed (it is broken or loops); it was not read",
            "dit is een symbolische link die niet te volgen is (hij is kapot of loopt rond); het is niet gelezen"
        )),
    }
}

/// The sections of the site folder as they are read: every problem goes into `diagnostics`, and
/// every file that did not parse into `unparsed`.
struct Loader<'a> {
    root: &'a Path,
    cache: Option<&'a ContentCache>,
    diagnostics: Diagnostics,
    unparsed: Vec<(Section, String, PathBuf)>,
}

/// A parsed file (none when it could not be parsed) and its problems: a file with wrong keys is
/// parsed without them (see `Document::broken`), so that its other keys are still checked.
type Parsed<F> = (Option<Entry<F>>, Vec<Diagnostic>);

/// A content file of a section, as its folder lists it.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Listed {
    slug: String,
    /// From the site root.
    relative: PathBuf,
    /// It is or passes through a symbolic link (checked again when it is read); a file that is
    /// not is read without looking at each folder on its way (thousands of calls).
    linked: bool,
}

impl Loader<'_> {
    /// Every content file of a section, sorted by slug.
    fn list(&mut self, section: Section) -> Result<Vec<Listed>, Error> {
        let root = self.root;
        let folder = Path::new("content").join(section.folder());
        let full = root.join(&folder);
        if !full.is_dir() {
            return Ok(Vec::new());
        }
        let folder_linked = is_linked(root, &folder);
        let mut files = Vec::new();
        let entries = std::fs::read_dir(&full).map_err(|e| Error::io(&full, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&full, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let relative = folder.join(&name);
            let mut file_type = entry
                .file_type()
                .map_err(|e| Error::io(root.join(&relative), e))?;
            let linked = folder_linked || file_type.is_symlink();
            if file_type.is_symlink() {
                if let Some(refused) = link_out_of_site(root, &relative) {
                    self.diagnostics.push(refused);
                    continue;
                }
                let target = root.join(&relative);
                file_type = std::fs::metadata(&target)
                    .map_err(|e| Error::io(&target, e))?
                    .file_type();
            }
            if file_type.is_dir() {
                let index = relative.join("index.md");
                if section == Section::Stories && root.join(&index).is_file() {
                    let linked = linked || is_linked(root, &index);
                    files.push(Listed {
                        slug: name,
                        relative: index,
                        linked,
                    });
                } else {
                    self.diagnostics.push(
                        Diagnostic::file(
                            Severity::Warning,
                            &relative,
                            crate::text!(
                                "this folder has no `index.md`; it was skipped",
                                "deze map heeft geen `index.md`; hij is overgeslagen"
                            ),
                        )
                        .with_hint(crate::text!(
                            "a story with photos is a folder with `index.md` and the photos beside it",
                            "een verhaal met foto's is een map met `index.md` en de foto's ernaast"
                        )),
                    );
                }
            } else if let Some(slug) = name.strip_suffix(".md") {
                files.push(Listed {
                    slug: slug.to_owned(),
                    relative,
                    linked,
                });
            }
        }
        files.sort();
        Ok(files)
    }

    /// Parses the files of a section in parallel; what is in the cache and unchanged is reused.
    fn parse<F: DeserializeOwned + Clone + Send + Sync + 'static>(
        &mut self,
        section: Section,
        files: &[Listed],
        schema: &Schema,
    ) -> Result<Vec<Entry<F>>, Error> {
        let outcomes: Vec<Result<Parsed<F>, Error>> = files
            .par_iter()
            .map(|listed| self.parse_file(listed, schema))
            .collect();
        let mut entries = Vec::with_capacity(files.len());
        for (outcome, listed) in outcomes.into_iter().zip(files) {
            let (entry, problems) = outcome?;
            self.diagnostics.extend(problems);
            if entry.as_ref().is_none_or(|e| e.doc.has_broken_keys()) {
                (self.unparsed).push((section, listed.slug.clone(), listed.relative.clone()));
            }
            entries.extend(entry);
        }
        Ok(entries)
    }

    fn parse_file<F: DeserializeOwned + Clone + Send + Sync + 'static>(
        &self,
        listed: &Listed,
        schema: &Schema,
    ) -> Result<Parsed<F>, Error> {
        let (slug, relative) = (&listed.slug, &listed.relative);
        self.cached(relative, || {
            let read = match listed.linked {
                true => read_text(self.root, relative)?,
                false => read_unlinked(self.root, relative)?,
            };
            Ok(match read {
                Ok(file) => {
                    // A build keeps the positions of unchanged files; `serve` keeps the whole
                    // document.
                    let positions = self.cache.filter(|cache| !cache.keeps_files());
                    let (doc, problems) = front_matter::parse_kept(file, schema, positions);
                    let entry = doc.map(|doc| Entry {
                        slug: slug.to_owned(),
                        doc: Arc::new(doc),
                    });
                    (entry, problems)
                }
                Err(d) => (None, vec![d]),
            })
        })
    }

    /// What `read` makes of the file `relative`, taken from the cache while the file keeps the
    /// stamp it had when it was kept there.
    fn cached<T: Clone + Send + Sync + 'static>(
        &self,
        relative: &Path,
        read: impl FnOnce() -> Result<T, Error>,
    ) -> Result<T, Error> {
        let Some(cache) = self.cache.filter(|cache| cache.keeps_files()) else {
            return read();
        };
        let Some(stamp) = ContentCache::stamp(&self.root.join(relative)) else {
            return read();
        };
        if let Some(kept) = cache.get::<T>(relative, stamp) {
            return Ok(kept);
        }
        let made = read()?;
        cache.put(relative, stamp, made.clone());
        Ok(made)
    }

    /// `consent.yaml`, when the site has one. Its subjects are checked only where a record is used
    /// (`validate/consent.rs`): a record of a former ambassador stays as history. A register of
    /// thousands of records is parsed again only when the file changed.
    fn consent(&mut self) -> Result<Arc<ConsentRegister>, Error> {
        let relative = Path::new(CONSENT_FILE);
        if !self.root.join(relative).is_file() {
            return Ok(Arc::default());
        }
        let (register, problems) = self.cached(relative, || {
            Ok(match read_text(self.root, relative)? {
                Ok(file) => {
                    let (register, problems) = ConsentRegister::parse(file);
                    (Arc::new(register), problems)
                }
                Err(d) => (Arc::default(), vec![d]),
            })
        })?;
        self.diagnostics.extend(problems);
        Ok(register)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_control_character_is_found_alone_and_other_text_passes() {
        let with = |c: char| SourceFile::new("a.md", format!("Tekst {c} tekst\n"));
        for refused in [
            '\u{0}', '\u{1}', '\u{1b}', '\u{7f}', '\u{80}', '\u{85}', '\u{9f}', '\u{fdd0}',
            '\u{fdef}', '\u{fffe}', '\u{ffff}',
        ] {
            let found = control_character(&with(refused)).map(|d| d.column);
            assert_eq!(found, Some(7), "U+{:04X}", u32::from(refused));
        }
        for kept in [
            '\t', '\r', 'é', 'ë', '€', '©', '\u{a0}', '\u{fdcf}', '\u{feff}', '🙂',
        ] {
            let found = control_character(&with(kept));
            assert!(found.is_none(), "U+{:04X}", u32::from(kept));
        }
    }
}
