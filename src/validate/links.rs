//! Every address the site will have, so that links written in Markdown (to a content file or a
//! site path) are checked and written as the page's current URL.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::base::diagnostics::did_you_mean;
use crate::content::markdown::{LinkResolver, Resolution};
use crate::validate::inside_site;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Page,
    /// Exists as content but is not published on this build: the reason, for the warning.
    Unpublished(String),
}

#[derive(Debug)]
pub struct LinkIndex {
    root: PathBuf,
    by_file: HashMap<PathBuf, (String, Target)>,
    by_path: HashMap<String, Target>,
}

impl LinkIndex {
    pub fn new(root: &Path) -> Self {
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

    /// A content file and the address of its page.
    pub fn add(&mut self, file: &Path, url: String, target: Target) {
        self.by_path.insert(url.clone(), target.clone());
        self.by_file.insert(file.to_owned(), (url, target));
    }

    pub fn add_path(&mut self, url: String) {
        self.by_path.insert(url, Target::Page);
    }

    pub fn has_path(&self, url: &str) -> bool {
        self.by_path.contains_key(url)
    }

    pub fn is_published(&self, file: &Path) -> bool {
        matches!(self.by_file.get(file), Some((_, Target::Page)))
    }

    /// A resolver for links written in `document` (relative to the site root).
    pub fn resolver<'a>(&'a self, document: &'a Path) -> FileResolver<'a> {
        FileResolver {
            index: self,
            document,
        }
    }
}

pub struct FileResolver<'a> {
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
