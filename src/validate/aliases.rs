//! Aliases: the old addresses of a story or page, each a site path that no page and no other alias
//! has, redirected to its current URL.

use crate::content::front_matter::Document;
use crate::content::story::StoryFront;
use crate::model::Alias;
use crate::validate::links::LinkIndex;
use crate::validate::Validator;

impl Validator<'_> {
    /// Whether every alias of a story is written as a site path; an error for each that is not.
    pub(super) fn alias_paths(&mut self, doc: &Document<StoryFront>) -> bool {
        let mut ok = true;
        for (i, alias) in doc.front.aliases.iter().enumerate() {
            if !alias.starts_with('/') || alias.contains("..") || alias.contains(['?', '#', ' ']) {
                ok = false;
                self.diagnostics.push(
                    doc.error(
                        &format!("aliases.{i}"),
                        format!("alias `{alias}` is not a site path"),
                    )
                    .with_hint(
                        "write the old address from its first `/`, e.g. `/verhalen/oude-titel/`",
                    ),
                );
            }
        }
        ok
    }

    /// The redirects of published stories and of pages, sorted by old address.
    pub(super) fn aliases(&mut self, index: &LinkIndex) -> Vec<Alias> {
        let mut out: Vec<Alias> = Vec::new();
        self.story_aliases(index, &mut out);
        self.page_aliases(index, &mut out);
        out.sort_by(|a, b| a.from.cmp(&b.from));
        out
    }

    fn story_aliases(&mut self, index: &LinkIndex, out: &mut Vec<Alias>) {
        let paths = &self.content.config.paths;
        for entry in &self.content.stories {
            for (i, from) in entry.doc.front.aliases.iter().enumerate() {
                let from = if from.ends_with('/')
                    || from.rsplit('/').next().is_some_and(|l| l.contains('.'))
                {
                    from.clone()
                } else {
                    format!("{from}/")
                };
                let key = format!("aliases.{i}");
                if index.has_path(&from) {
                    self.diagnostics.push(
                        entry
                            .doc
                            .error(
                                &key,
                                format!("alias `{from}` is the address of another page"),
                            )
                            .with_hint("remove the alias"),
                    );
                    continue;
                }
                if let Some(other) = out.iter().find(|a| a.from == from) {
                    self.diagnostics.push(entry.doc.error(
                        &key,
                        format!("alias `{from}` already redirects to `{}`", other.to),
                    ));
                    continue;
                }
                if index.is_published(&entry.doc.file.path) {
                    out.push(Alias {
                        from,
                        to: paths.story(&entry.slug),
                    });
                }
            }
        }
    }

    fn page_aliases(&mut self, index: &LinkIndex, out: &mut Vec<Alias>) {
        let paths = &self.content.config.paths;
        for entry in &self.content.pages {
            for (i, from) in entry.doc.front.aliases.iter().enumerate() {
                let from = if from.ends_with('/') {
                    from.clone()
                } else {
                    format!("{from}/")
                };
                if index.has_path(&from) || out.iter().any(|a| a.from == from) {
                    self.diagnostics.push(entry.doc.error(
                        &format!("aliases.{i}"),
                        format!("alias `{from}` is already taken"),
                    ));
                    continue;
                }
                out.push(Alias {
                    from,
                    to: paths.page(&entry.slug),
                });
            }
        }
    }
}
