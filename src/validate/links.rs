//! Links in Markdown: every address the site will have, so that a link written in a body (to a
//! content file or a site path) is checked and written as the page's current URL; the bodies of
//! everything published, rendered against it (with every `#fragment` held against the ids of its
//! page); and the rule that a written path stays inside the site folder.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::base::diagnostics::did_you_mean;
use crate::base::diagnostics::Diagnostic;
use crate::base::source::SourceFile;
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
    Unpublished(String),
}

#[derive(Debug)]
pub(super) struct LinkIndex {
    root: PathBuf,
    /// The path of `base_url` (`/werkenbij`, or empty): a resolved link starts with it.
    base_path: String,
    by_file: HashMap<PathBuf, (String, Target)>,
    by_path: HashMap<String, Target>,
}

impl LinkIndex {
    fn new(root: &Path, base_path: &str) -> Self {
        let mut index = LinkIndex {
            root: root.to_owned(),
            base_path: base_path.to_owned(),
            by_file: HashMap::new(),
            by_path: HashMap::new(),
        };
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
        let published = slugs(ambassadors);
        for entry in &content.ambassadors {
            let target = target(&published, "ambassador", &entry.slug);
            index.add(&entry.doc.file.path, paths.ambassador(&entry.slug), target);
        }
        let published = slugs(stories);
        for entry in &content.stories {
            let target = target(&published, "story", &entry.slug);
            index.add(&entry.doc.file.path, paths.story(&entry.slug), target);
        }
        let published = slugs(vacancies);
        for entry in &content.vacancies {
            let target = target(&published, "vacancy", &entry.slug);
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
        self.by_path.insert(url.clone(), target.clone());
        self.by_file.insert(file.to_owned(), (url, target));
    }

    fn add_path(&mut self, url: String) {
        self.by_path.insert(url, Target::Page);
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
        }
    }
}

struct FileResolver<'a> {
    index: &'a LinkIndex,
    document: &'a Path,
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
                message: format!("photo `{destination}` in the text cannot be published yet"),
                hint: "use the story's `image` key for its photo; photos inside the text are not processed".to_owned(),
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
                    message: format!("link to `{destination}` points at no page of the site"),
                    hint: did_you_mean(&normal, self.index.by_path.keys().map(String::as_str))
                        .map(|hint| hint.to_string())
                        .unwrap_or_else(|| {
                            "check the address, or link to the content file (`../vacancies/….md`)"
                                .to_owned()
                        }),
                },
            };
        }
        let relative =
            match inside_site(self.document, path) {
                Ok(relative) => relative,
                Err(message) => return Resolution::Broken {
                    message: format!("link to `{destination}`: {message}"),
                    hint: "link to a content file relative to this one, or to a site path from `/`"
                        .to_owned(),
                },
            };
        match self.index.by_file.get(&relative) {
            Some((url, Target::Page)) => {
                Resolution::Url(format!("{}{url}{suffix}", self.index.base_path))
            }
            Some((_, Target::Unpublished(reason))) => Resolution::Unpublished {
                reason: reason.clone(),
            },
            None => {
                let exists = self.index.root.join(&relative).exists();
                Resolution::Broken {
                    message: if exists {
                        format!("link to `{destination}` points at a file that is not a page")
                    } else {
                        format!("link to `{destination}` points at no file (looked for `{}`)", relative.display())
                    },
                    hint: "link to a story, vacancy, ambassador or page (`../vacancies/….md`), or to a site path from `/`".to_owned(),
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
fn target(published: &HashSet<&str>, what: &str, slug: &str) -> Target {
    if published.contains(slug) {
        Target::Page
    } else {
        Target::Unpublished(format!("{what} `{slug}` is not published on this build"))
    }
}

/// The rendered bodies of everything published, each kind in the order it was accepted.
pub(super) struct Bodies {
    pub ambassadors: Vec<String>,
    pub stories: Vec<String>,
    pub vacancies: Vec<String>,
    pub pages: Vec<String>,
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
        let language = self.content.config.language;
        let kinds = [
            (
                render_all(ambassadors, index, language),
                AMBASSADOR_THEME_IDS,
            ),
            (render_all(stories, index, language), STORY_THEME_IDS),
            (render_all(vacancies, index, language), VACANCY_THEME_IDS),
            (render_all(pages, index, language), PAGE_THEME_IDS),
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
        let [ambassadors, stories, vacancies, pages] =
            kinds.map(|(bodies, _)| bodies.into_iter().map(|b| b.rendered.html).collect());
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
    rendered: Rendered,
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
        let mut by_url = HashMap::new();
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
            "this page".to_owned()
        } else {
            format!("`{target}`")
        };
        Some(
            body.file
                .warning(
                    link.span,
                    format!(
                        "link to `{}` names `#{fragment}`, which is not an id on {page}",
                        link.destination
                    ),
                )
                .with_hint(nearest_ids(fragment, ids)),
        )
    }
}

/// The hint for a fragment that names no id: the closest id, or the three nearest of the page's
/// own (its headings).
fn nearest_ids(fragment: &str, ids: &[&str]) -> String {
    if let Some(hint) = did_you_mean(fragment, ids.iter().copied()) {
        return hint.replacen('`', "`#", 1);
    }
    let mut nearest: Vec<(usize, &str)> = ids
        .iter()
        .map(|id| (strsim::damerau_levenshtein(fragment, id), *id))
        .collect();
    nearest.sort();
    nearest.dedup();
    if nearest.is_empty() {
        return "the page's text has no headings to link to: link to the page without `#…`, or add the heading".to_owned();
    }
    let list: Vec<String> = nearest
        .iter()
        .take(3)
        .map(|(_, id)| format!("`#{id}`"))
        .collect();
    format!("ids on that page include {}", list.join(", "))
}

fn render_all<'a, F: Sync, P: Sync>(
    accepted: &'a [(&Entry<F>, P)],
    index: &'a LinkIndex,
    language: crate::base::language::Language,
) -> Vec<Body<'a>> {
    accepted
        .par_iter()
        .map(|(entry, _)| {
            let doc = &entry.doc;
            let resolver = index.resolver(&doc.file.path);
            Body {
                file: &doc.file,
                url: index
                    .by_file
                    .get(&doc.file.path)
                    .map(|(url, _)| url.as_str()),
                rendered: markdown::render(&doc.file, doc.body.start, &resolver, language),
            }
        })
        .collect()
}

/// `written` relative to the folder of `document` (both relative to the site root), refusing
/// absolute paths and paths that leave the site folder.
pub(super) fn inside_site(document: &Path, written: &str) -> Result<PathBuf, String> {
    let written_path = Path::new(written);
    if written_path.is_absolute() || written.starts_with('/') || written.starts_with('\\') {
        return Err(format!(
            "`{written}` is an absolute path; paths are relative to the Markdown file"
        ));
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
                    return Err(format!("`{written}` leaves the site folder"));
                }
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err(format!(
                    "`{written}` is an absolute path; paths are relative to the Markdown file"
                ));
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
