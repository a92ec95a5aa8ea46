//! What `serve` keeps between builds: parsed files, the loaded theme, the model's fingerprints and
//! the rendered site in memory. `rebuild` fills it; the HTTP answers only read it.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard};

use crate::base::diagnostics::Diagnostics;
use crate::base::language::Language;
use crate::content::cache::ContentCache;
use crate::render::touched::Fingerprints;
use crate::render::RankedLinks;
use crate::theme::Theme;

#[derive(Default)]
pub struct Live {
    pub(crate) cache: ContentCache,
    pub(crate) state: Mutex<LiveState>,
}

#[derive(Default)]
pub(crate) struct LiveState {
    pub theme: Option<Theme>,
    pub fingerprints: Option<Fingerprints>,
    /// The related links of the last build, ranked again only when what they rank changed.
    pub ranked_links: Option<RankedLinks>,
    /// The rendered site, path relative to the output root → bytes.
    pub files: BTreeMap<String, Vec<u8>>,
    /// The last build's diagnostics; with errors the site shown is the last good one.
    pub diagnostics: Diagnostics,
    /// A failure of the environment (a template that does not compile), shown until it is fixed.
    pub failure: Option<String>,
    /// The site's `language:` as of the last build: the error page's language.
    pub language: Language,
    /// The path of `base_url` (`/werkenbij`, or empty): the site is served below it.
    pub base_path: String,
    /// Which image cache entry each copied output file (photo variant, card) came from: an entry
    /// is named by its content, so the same entry needs no second read.
    pub copies: BTreeMap<String, std::path::PathBuf>,
}

/// What one rebuild did.
#[derive(Debug)]
pub struct Rebuilt {
    pub diagnostics: Diagnostics,
    /// Output paths whose bytes changed, appeared or went away, sorted.
    pub changed: Vec<String>,
    /// How many pages were rendered; all of them on a full build.
    pub rendered: usize,
    pub full: bool,
}

impl Live {
    pub(crate) fn state(&self) -> MutexGuard<'_, LiveState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// One output file, by its path relative to the output root.
    pub fn file(&self, path: &str) -> Option<Vec<u8>> {
        self.state().files.get(path).cloned()
    }

    /// Every output file (for tests: a rebuild must equal a full build).
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        self.state().files.clone()
    }

    pub fn has_file(&self, path: &str) -> bool {
        self.state().files.contains_key(path)
    }

    /// The last build's diagnostics.
    pub fn diagnostics(&self) -> Diagnostics {
        self.state().diagnostics.clone()
    }

    pub fn language(&self) -> Language {
        self.state().language
    }

    pub fn set_language(&self, language: Language) {
        self.state().language = language;
    }

    /// The folder the site is served in (see `SiteConfig::base_path`).
    pub fn base_path(&self) -> String {
        self.state().base_path.clone()
    }

    pub fn failure(&self) -> Option<String> {
        self.state().failure.clone()
    }

    pub fn set_failure(&self, failure: Option<String>) {
        self.state().failure = failure;
    }

    /// Forgets what was parsed from a file the watcher saw change.
    pub fn forget(&self, relative: &std::path::Path) {
        self.cache.forget(relative);
    }

    /// Forgets the theme, so the next build loads it again.
    pub fn forget_theme(&self) {
        self.state().theme = None;
        self.state().fingerprints = None;
    }
}

/// Paths in `new` whose bytes differ from `old`, plus those that went away.
pub(crate) fn changed_paths(
    old: &BTreeMap<String, Vec<u8>>,
    new: &BTreeMap<String, Vec<u8>>,
) -> Vec<String> {
    let mut changed: Vec<String> = new
        .iter()
        .filter(|(path, bytes)| old.get(*path) != Some(*bytes))
        .map(|(path, _)| path.clone())
        .collect();
    changed.extend(old.keys().filter(|p| !new.contains_key(*p)).cloned());
    changed.sort();
    changed
}
