//! Links in Markdown: every address the site will have, so that a link written in a body (to a
//! content file or a site path) is checked and written as the page's current URL; the bodies of
//! everything published, rendered against it (with every `#fragment` held against the ids of its
//! page); and the rule that a written path stays inside the site folder.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use foldhash::{HashMap, HashSet};
use rayon::prelude::*;

use crate::base::diagnostics::did_you_mean;
use crate::base::diagnostics::Diagnostic;
use crate::base::html::Html;
use crate::base::language::Language;
use crate::base::source::SourceFile;
use crate::base::text::Text;
use crate::content::cache::ContentCache;
use crate::content::markdown::{self, FragmentLink, LinkResolver, Rendered, Resolution};
use crate::content::{Content, Entry, Section};
use crate::validate::ambassadors::AcceptedAmbassador;
use crate::validate::pages::AcceptedPage;
use crate::validate::stories::AcceptedStory;
use crate::validate::vacancies::AcceptedVacancy;
use crate::validate::Validator;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Page,
    /// Exists as content but is not published on this build: the reason, for the warning.
    Unpublished(Text),
}

pub(super) struct LinkIndex {
    root: PathBuf,
    /// The path of `base_url` (`/werkenbij`, or empty): a resolved link starts with it.
    base_path: String,
    by_file: HashMap<PathBuf, (String, Target)>,
    by_path: HashMap<String, Target>,
    /// Everything added, in the order it was added: the same sequence gives the same index.
    added: Vec<u8>,
}

impl LinkIndex {
    fn new(root: &Path, base_path: &str) -> Self {
        let mut index = LinkIndex {
            root: root.to_owned(),
            base_path: base_path.to_owned(),
            by_file: HashMap::default(),
            by_path: HashMap::default(),
            added: Vec::new(),
        };
        index.part(root.as_os_str().as_encoded_bytes());
        index.part(base_path.as_bytes());
        for path in ["/sitemap.xml", "/robots.txt", "/404.html"] {
            index.add_path(path.to_owned());
        }
        index
    }

    /// The addresses of the site: every content file (published on this build or not, for the
    /// warning), the sections, the home page and the static files.
    pub(super) fn of_site(
        content: &Content,
        ambassadors: &[AcceptedAmbassador],
        stories: &[AcceptedStory],
        vacancies: &[AcceptedVacancy],
        pages: &[AcceptedPage],
    ) -> Self {
        let paths = &content.config.paths;
        let mut index = LinkIndex::new(&content.root, content.config.base_path());
        let files = content.ambassadors.len()
            + content.stories.len()
            + content.vacancies.len()
            + pages.len()
            + content.unparsed.len();
        index.by_file.reserve(files);
        index
            .by_path
            .reserve(files + content.static_files.len() + 5);
        let published = slugs(ambassadors);
        for entry in &content.ambassadors {
            let target = target(&published, ("ambassador", "ambassadeur"), &entry.slug);
            index.add(&entry.doc.file.path, paths.ambassador(&entry.slug), target);
        }
        let published = slugs(stories);
        for entry in &content.stories {
            let target = target(&published, ("story", "verhaal"), &entry.slug);
            index.add(&entry.doc.file.path, paths.story(&entry.slug), target);
        }
        let published = slugs(vacancies);
        for entry in &content.vacancies {
            let target = target(&published, ("vacancy", "vacature"), &entry.slug);
            index.add(&entry.doc.file.path, paths.vacancy(&entry.slug), target);
        }
        for (entry, _) in pages {
            index.add(&entry.doc.file.path, paths.page(&entry.slug), Target::Page);
        }
        // A file that did not load has its own errors: a link to it is not one more.
        for (section, slug, file) in &content.unparsed {
            let url = match section {
                Section::Ambassadors => paths.ambassador(slug),
                Section::Stories => paths.story(slug),
                Section::Vacancies => paths.vacancy(slug),
                Section::Pages => paths.page(slug),
            };
            index.add(file, url, Target::Page);
        }
        for section in [
            &paths.stories,
            &paths.vacancies,
            &paths.ambassadors,
            &paths.hashtags,
        ] {
            index.add_path(format!("/{section}/"));
        }
        index.add_path("/".to_owned());
        for file in &content.static_files {
            index.add_path(format!("/{}", file.to_string_lossy().replace('\\', "/")));
        }
        index
    }

    /// A content file and the address of its page.
    fn add(&mut self, file: &Path, url: String, target: Target) {
        self.part(file.as_os_str().as_encoded_bytes());
        self.part(url.as_bytes());
        match &target {
            Target::Page => self.part(b""),
            Target::Unpublished(reason) => self.part(format!("{reason:?}").as_bytes()),
        }
        self.by_path.insert(url.clone(), target.clone());
        self.by_file.insert(file.to_owned(), (url, target));
    }

    fn add_path(&mut self, url: String) {
        // No file: an empty part, which no file's path is.
        self.part(b"");
        self.part(url.as_bytes());
        self.by_path.insert(url, Target::Page);
    }

    /// One part of the sequence `key` hashes, with its length so that parts cannot run together.
    fn part(&mut self, bytes: &[u8]) {
        self.added.extend((bytes.len() as u64).to_le_bytes());
        self.added.extend_from_slice(bytes);
    }

    /// Every site path of the index: pages (published or not), sections, static files.
    pub(super) fn paths(&self) -> impl Iterator<Item = &str> {
        self.by_path.keys().map(String::as_str)
    }

    pub(super) fn is_published(&self, file: &Path) -> bool {
        matches!(self.by_file.get(file), Some((_, Target::Page)))
    }

    /// A resolver for links written in `document` (relative to the site root).
    fn resolver<'a>(&'a self, document: &'a Path) -> FileResolver<'a> {
        FileResolver {
            index: self,
            document,
            looked_at_files: std::cell::Cell::new(false),
        }
    }

    /// The hash of everything a link can resolve to: two indexes with the same key resolve every
    /// link the same way (a link to a file that is no page also looks at the folder: see
    /// `FileResolver::looked_at_files`).
    ///
    /// The index is made from the content in a fixed order (files sorted by name), so the key
    /// hashes what was added in the order it was added: two different sequences that happen to
    /// give the same index only cost a body rendered again.
    fn key(&self) -> blake3::Hash {
        blake3::hash(&self.added)
    }
}

struct FileResolver<'a> {
    index: &'a LinkIndex,
    document: &'a Path,
    /// Whether a link made it look at the site folder itself: then its rendering depends on more
    /// than the index and is not kept.
    looked_at_files: std::cell::Cell<bool>,
}

impl LinkResolver for FileResolver<'_> {
    fn base_path(&self) -> &str {
        &self.index.base_path
    }

    fn resolve(&self, destination: &str, is_image: bool) -> Resolution {
        let (path, suffix) = match destination.find(['#', '?']) {
            Some(i) => destination.split_at(i),
            None => (destination, ""),
        };
        if is_image {
            return Resolution::Broken {
                message: crate::text!(
                    "photo `{destination}` in the text cannot be published yet",
                    "foto `{destination}` in de tekst kan nog niet worden gepubliceerd"
                ),
                hint: crate::text!(
                    "use the story's `image` key for its photo; photos inside the text are not processed",
                    "gebruik de sleutel `image` van het verhaal voor de foto; foto's in de tekst worden niet verwerkt"
                ),
            };
        }
        if path.starts_with('/') {
            let last = path.rsplit('/').next().unwrap_or("");
            let normal = if path.ends_with('/') || last.contains('.') {
                path.to_owned()
            } else {
                format!("{path}/")
            };
            return match self.index.by_path.get(&normal) {
                Some(Target::Page) => {
                    Resolution::Url(format!("{}{normal}{suffix}", self.index.base_path))
                }
                Some(Target::Unpublished(reason)) => Resolution::Unpublished {
                    reason: reason.clone(),
                },
                None => Resolution::Broken {
                    message: crate::text!(
                        "link to `{destination}` points at no page of the site",
                        "link naar `{destination}` wijst naar geen enkele pagina van de site"
                    ),
                    hint: did_you_mean(&normal, self.index.by_path.keys().map(String::as_str))
                        .unwrap_or_else(|| {
                            crate::text!(
                                "check the address, or link to the content file (`../vacancies/….md`)",
                                "controleer het adres, of link naar het bestand (`../vacancies/….md`)"
                            )
                        }),
                },
            };
        }
        let relative = match inside_site(self.document, path) {
            Ok(relative) => relative,
            Err(message) => {
                let nl = message.get(Language::Nl);
                return Resolution::Broken {
                        message: crate::text!(
                            "link to `{destination}`: {message}",
                            "link naar `{destination}`: {nl}"
                        ),
                        hint: crate::text!(
                            "link to a content file relative to this one, or to a site path from `/`",
                            "link naar een bestand, gezien vanaf dit bestand, of naar een adres op de site vanaf `/`"
                        ),
                    };
            }
        };
        match self.index.by_file.get(&relative) {
            Some((url, Target::Page)) => {
                Resolution::Url(format!("{}{url}{suffix}", self.index.base_path))
            }
            Some((_, Target::Unpublished(reason))) => Resolution::Unpublished {
                reason: reason.clone(),
            },
            None => {
                self.looked_at_files.set(true);
                let exists = self.index.root.join(&relative).exists();
                Resolution::Broken {
                    message: if exists {
                        crate::text!(
                            "link to `{destination}` points at a file that is not a page",
                            "link naar `{destination}` wijst naar een bestand dat geen pagina is"
                        )
                    } else {
                        let looked = relative.display();
                        crate::text!(
                            "link to `{destination}` points at no file (looked for `{looked}`)",
                            "link naar `{destination}` wijst naar geen bestand (gezocht naar `{looked}`)"
                        )
                    },
                    hint: crate::text!(
                        "link to a story, vacancy, ambassador or page (`../vacancies/….md`), or to a site path from `/`",
                        "link naar een verhaal, vacature, ambassadeur of pagina (`../vacancies/….md`), of naar een adres op de site vanaf `/`"
                    ),
                }
            }
        }
    }
}

fn slugs<'a, F, P>(accepted: &'a [(&Entry<F>, P)]) -> HashSet<&'a str> {
    accepted
        .iter()
        .map(|(entry, _)| entry.slug.as_str())
        .collect()
}

/// A content file's page, or why there is none on this build.
/// `what`: the kind of file, in English and in Dutch.
fn target(published: &HashSet<&str>, what: (&str, &str), slug: &str) -> Target {
    let (what, what_nl) = what;
    if published.contains(slug) {
        Target::Page
    } else {
        Target::Unpublished(crate::text!(
            "{what} `{slug}` is not published on this build",
            "{what_nl} `{slug}` wordt in deze build niet gepubliceerd"
        ))
    }
}

/// The rendered bodies of everything published, each kind in the order it was accepted.
pub(super) struct Bodies {
    pub ambassadors: Vec<Html>,
    pub stories: Vec<Html>,
    pub vacancies: Vec<Html>,
    pub pages: Vec<Html>,
}

impl Validator<'_> {
    /// Renders the Markdown of every published document, in parallel, with its links resolved
    /// against `index`; then holds every link to a `#fragment` against the ids of its target
    /// page. The problems found come in the order of the documents.
    pub(super) fn bodies(
        &mut self,
        index: &LinkIndex,
        ambassadors: &[AcceptedAmbassador],
        stories: &[AcceptedStory],
        vacancies: &[AcceptedVacancy],
        pages: &[AcceptedPage],
    ) -> Bodies {
        let with = Rendering {
            index,
            language: self.content.config.language,
            cache: self.cache.map(|cache| (cache, index.key())),
        };
        let kinds = [
            (with.all(ambassadors), AMBASSADOR_THEME_IDS),
            (with.all(stories), STORY_THEME_IDS),
            (with.all(vacancies), VACANCY_THEME_IDS),
            (with.all(pages), PAGE_THEME_IDS),
        ];
        let targets = FragmentTargets::of(&kinds, &index.base_path);
        let mut found = Vec::new();
        for (bodies, _) in &kinds {
            for body in bodies {
                found.extend(body.rendered.diagnostics.iter().cloned());
                found.extend(
                    body.rendered
                        .fragment_links
                        .iter()
                        .filter_map(|link| targets.check(link, body)),
                );
            }
        }
        self.diagnostics.extend(found);
        let [ambassadors, stories, vacancies, pages] = kinds.map(|(bodies, _)| {
            bodies
                .into_iter()
                .map(|b| b.rendered.html.clone())
                .collect()
        });
        Bodies {
            ambassadors,
            stories,
            vacancies,
            pages,
        }
    }
}

/// One rendered body, with its file and the address of its page.
struct Body<'a> {
    file: &'a SourceFile,
    url: Option<&'a str>,
    rendered: Arc<Rendered>,
}

/// The ids the built-in theme gives every page around its body (`base.html`: the skip link's
/// target), and those of each kind's own template. A site's own theme may add others, which this
/// check cannot see: so a link to an unknown id is a warning, not an error.
const BASE_THEME_IDS: &[&str] = &["inhoud"];
const AMBASSADOR_THEME_IDS: &[&str] = &[];
const STORY_THEME_IDS: &[&str] = &["work-here", "more"];
const VACANCY_THEME_IDS: &[&str] = &["facts", "alternatives", "colleagues"];
const PAGE_THEME_IDS: &[&str] = &[];

/// The ids of every page with a body, by its address.
struct FragmentTargets<'a> {
    by_url: HashMap<&'a str, (Vec<&'a str>, &'static [&'static str])>,
    /// What every resolved link starts with (see `LinkIndex::base_path`).
    base_path: &'a str,
}

impl<'a> FragmentTargets<'a> {
    fn of(kinds: &'a [(Vec<Body<'a>>, &'static [&'static str]); 4], base_path: &'a str) -> Self {
        let mut by_url = HashMap::default();
        for (bodies, theme_ids) in kinds {
            for body in bodies {
                if let Some(url) = body.url {
                    let ids = body.rendered.ids.iter().map(String::as_str).collect();
                    by_url.insert(url, (ids, *theme_ids));
                }
            }
        }
        FragmentTargets { by_url, base_path }
    }

    /// A warning when `link`, written in `body`, names an id its target page does not have.
    /// Pages without a body (lists, the home page) and static files are not checked.
    fn check(&self, link: &FragmentLink, body: &Body) -> Option<Diagnostic> {
        let (address, fragment) = link.url.split_once('#')?;
        let address = address.split('?').next().unwrap_or("");
        let target = if address.is_empty() {
            body.url?
        } else {
            address.strip_prefix(self.base_path).unwrap_or(address)
        };
        let (ids, theme_ids) = self.by_url.get(target)?;
        if fragment.is_empty()
            || ids.contains(&fragment)
            || BASE_THEME_IDS.contains(&fragment)
            || theme_ids.contains(&fragment)
        {
            return None;
        }
        let page = if address.is_empty() {
            crate::text!("this page", "deze pagina")
        } else {
            Text::from(format!("`{target}`"))
        };
        let (destination, page_nl) = (&link.destination, page.get(Language::Nl));
        Some(
            body.file
                .warning(
                    link.span,
                    crate::text!(
                        "link to `{destination}` names `#{fragment}`, which is not an id on {page}",
                        "link naar `{destination}` noemt `#{fragment}`, maar dat is geen id op {page_nl}"
                    ),
                )
                .with_hint(nearest_ids(fragment, ids)),
        )
    }
}

/// The hint for a fragment that names no id: the closest id, or the three nearest of the page's
/// own (its headings).
fn nearest_ids(fragment: &str, ids: &[&str]) -> Text {
    if let Some(hint) = did_you_mean(fragment, ids.iter().copied()) {
        return Text::new(
            hint.en().replacen('`', "`#", 1),
            hint.get(Language::Nl).replacen('`', "`#", 1),
        );
    }
    let mut nearest: Vec<(usize, &str)> = ids
        .iter()
        .map(|id| (strsim::damerau_levenshtein(fragment, id), *id))
        .collect();
    nearest.sort();
    nearest.dedup();
    if nearest.is_empty() {
        return crate::text!(
            "the page's text has no headings to link to: link to the page without `#…`, or add the heading",
            "de tekst van de pagina heeft geen kopjes om naar te linken: link naar de pagina zonder `#…`, of voeg het kopje toe"
        );
    }
    let list: Vec<String> = nearest
        .iter()
        .take(3)
        .map(|(_, id)| format!("`#{id}`"))
        .collect();
    let list = list.join(", ");
    crate::text!(
        "ids on that page include {list}",
        "ids op die pagina zijn onder meer {list}"
    )
}

/// How the bodies are rendered: against `index`, in `language`, and with the bodies kept by
/// `serve` or stored by the last build in `cache` (with the key of the index) taken when nothing
/// they depend on changed.
struct Rendering<'a> {
    index: &'a LinkIndex,
    language: Language,
    cache: Option<(&'a ContentCache, blake3::Hash)>,
}

impl<'a> Rendering<'a> {
    fn all<F: Send + Sync, P: Sync>(&self, accepted: &'a [(&Entry<F>, P)]) -> Vec<Body<'a>> {
        accepted
            .par_iter()
            .map(|(entry, _)| {
                let doc = &entry.doc;
                Body {
                    file: &doc.file,
                    url: self
                        .index
                        .by_file
                        .get(&doc.file.path)
                        .map(|(url, _)| url.as_str()),
                    rendered: self.one(&doc.file, doc.body.start),
                }
            })
            .collect()
    }

    /// The body of `file` from `body_start`: kept from an earlier build when its text, the index
    /// and the language are the same, else rendered (and kept, unless a link looked at the
    /// folder).
    fn one(&self, file: &SourceFile, body_start: usize) -> Arc<Rendered> {
        let resolver = self.index.resolver(&file.path);
        let Some((cache, index_key)) = self.cache else {
            return Arc::new(markdown::render(file, body_start, &resolver, self.language));
        };
        let mut hasher = blake3::Hasher::new();
        hasher.update(index_key.as_bytes());
        hasher.update(format!("{:?} {body_start} ", self.language).as_bytes());
        hasher.update(file.digest().as_bytes());
        let key = hasher.finalize();
        if let Some(rendered) = cache.rendered(&file.path, &key) {
            return rendered;
        }
        let rendered = Arc::new(markdown::render(file, body_start, &resolver, self.language));
        if !resolver.looked_at_files.get() {
            cache.keep_rendered(&file.path, key, Arc::clone(&rendered));
        }
        rendered
    }
}

/// `written` relative to the folder of `document` (both relative to the site root), refusing
/// absolute paths and paths that leave the site folder.
pub(super) fn inside_site(document: &Path, written: &str) -> Result<PathBuf, Text> {
    let absolute = || {
        crate::text!(
            "`{written}` is an absolute path; paths are relative to the Markdown file",
            "`{written}` is een absoluut pad; paden gaan uit van het Markdown-bestand"
        )
    };
    let written_path = Path::new(written);
    if written_path.is_absolute() || written.starts_with('/') || written.starts_with('\\') {
        return Err(absolute());
    }
    let mut result = PathBuf::new();
    for component in document
        .parent()
        .unwrap_or(Path::new(""))
        .join(written_path)
        .components()
    {
        match component {
            Component::Normal(part) => result.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !result.pop() {
                    return Err(crate::text!(
                        "`{written}` leaves the site folder",
                        "`{written}` gaat buiten de map van de site"
                    ));
                }
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err(absolute());
            }
        }
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The literal `id="…"` of a template.
    fn template_ids(template: &str) -> Vec<&str> {
        template
            .split("id=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .filter(|id| !id.contains("{{"))
            .collect()
    }

    #[test]
    fn the_theme_ids_are_those_of_the_built_in_templates() {
        assert_eq!(
            template_ids(include_str!("../../themes/default/templates/base.html")),
            BASE_THEME_IDS
        );
        assert_eq!(
            template_ids(include_str!("../../themes/default/templates/story.html")),
            STORY_THEME_IDS
        );
        assert_eq!(
            template_ids(include_str!("../../themes/default/templates/vacancy.html")),
            VACANCY_THEME_IDS
        );
        assert_eq!(
            template_ids(include_str!(
                "../../themes/default/templates/ambassador.html"
            )),
            AMBASSADOR_THEME_IDS
        );
        assert_eq!(
            template_ids(include_str!("../../themes/default/templates/page.html")),
            PAGE_THEME_IDS
        );
        assert_eq!(
            template_ids(include_str!("../../themes/default/templates/macros.html")),
            Vec::<&str>::new(),
            "the pages' macros add no fixed id"
        );
    }

    #[test]
    fn paths_stay_inside_the_site() {
        let doc = Path::new("content/stories/a/index.md");
        assert_eq!(
            inside_site(doc, "foto.jpg").unwrap(),
            Path::new("content/stories/a/foto.jpg")
        );
        assert_eq!(
            inside_site(doc, "../../../static/x.jpg").unwrap(),
            Path::new("static/x.jpg")
        );
        assert_eq!(
            inside_site(doc, "../../../../etc/passwd").unwrap_err(),
            "`../../../../etc/passwd` leaves the site folder"
        );
        assert!(inside_site(doc, "/etc/passwd").is_err());
    }
}
