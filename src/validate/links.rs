//! Links in Markdown: every address the site will have, so that a link written in a body (to a
//! content file or a site path) is checked and written as the page's current URL; the bodies of
//! everything published, rendered against it; and the rule that a written path stays inside the
//! site folder.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::base::diagnostics::did_you_mean;
use crate::content::markdown::{self, LinkResolver, Rendered, Resolution};
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
    by_file: HashMap<PathBuf, (String, Target)>,
    by_path: HashMap<String, Target>,
}

impl LinkIndex {
    fn new(root: &Path) -> Self {
        let mut index = LinkIndex {
            root: root.to_owned(),
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
        let mut index = LinkIndex::new(&content.root);
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
                Some(Target::Page) => Resolution::Url(format!("{normal}{suffix}")),
                Some(Target::Unpublished(reason)) => Resolution::Unpublished {
                    reason: reason.clone(),
                },
                None => Resolution::Broken {
                    message: format!("link to `{destination}` points at no page of the site"),
                    hint: did_you_mean(&normal, self.index.by_path.keys().map(String::as_str))
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
            Some((url, Target::Page)) => Resolution::Url(format!("{url}{suffix}")),
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
    /// against `index`; the problems found come in the order of the documents.
    pub(super) fn bodies(
        &mut self,
        index: &LinkIndex,
        ambassadors: &[AcceptedAmbassador],
        stories: &[AcceptedStory],
        vacancies: &[AcceptedVacancy],
        pages: &[AcceptedPage],
    ) -> Bodies {
        let language = self.content.config.language;
        let ambassadors = render_all(ambassadors, index, language);
        let stories = render_all(stories, index, language);
        let vacancies = render_all(vacancies, index, language);
        let pages = render_all(pages, index, language);
        let mut html = |rendered: Vec<Rendered>| -> Vec<String> {
            rendered
                .into_iter()
                .map(|r| {
                    self.diagnostics.extend(r.diagnostics);
                    r.html
                })
                .collect()
        };
        Bodies {
            ambassadors: html(ambassadors),
            stories: html(stories),
            vacancies: html(vacancies),
            pages: html(pages),
        }
    }
}

fn render_all<F: Sync, P: Sync>(
    accepted: &[(&Entry<F>, P)],
    index: &LinkIndex,
    language: crate::base::language::Language,
) -> Vec<Rendered> {
    accepted
        .par_iter()
        .map(|(entry, _)| {
            let doc = &entry.doc;
            let resolver = index.resolver(&doc.file.path);
            markdown::render(&doc.file, doc.body.start, &resolver, language)
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
