//! Slugs and ids, the file names that become addresses: each must be usable in a URL, unique, and
//! must not take an address the site needs for itself (a section, the share kits' index).

use std::collections::BTreeMap;
use std::path::Path;

use crate::base::diagnostics::{Diagnostic, Severity};
use crate::base::slug::{is_slug, slugify};
use crate::content::ambassador::AmbassadorFront;
use crate::content::story::StoryFront;
use crate::content::Entry;
use crate::validate::pages::AcceptedPage;
use crate::validate::Validator;

impl Validator<'_> {
    /// Whether `entry`'s slug is usable in a URL as `what` (e.g. "a story's file name"); an error
    /// when not.
    pub(super) fn usable_slug<F>(&mut self, entry: &Entry<F>, what: &str) -> bool {
        let slug = &entry.slug;
        if is_slug(slug) {
            return true;
        }
        self.diagnostics.push(
            Diagnostic::file(
                Severity::Error,
                &entry.doc.file.path,
                format!("`{slug}` is not usable in a URL as {what}"),
            )
            .with_hint(format!(
                "rename the file to `{}`: lowercase letters, digits and hyphens",
                slugify(slug)
            )),
        );
        false
    }

    /// Whether an ambassador's id is usable and leaves the share kits' index its address.
    pub(super) fn usable_ambassador_id(&mut self, entry: &Entry<AmbassadorFront>) -> bool {
        if !self.usable_slug(entry, "an ambassador's id") {
            return false;
        }
        if entry.slug != crate::model::paths::KIT_SEGMENT {
            return true;
        }
        self.diagnostics.push(
            Diagnostic::file(
                Severity::Error,
                &entry.doc.file.path,
                format!(
                    "the ambassador id `{}` would take the address of the share kits' index",
                    entry.slug
                ),
            )
            .with_hint("rename the file, e.g. after the ambassador's name"),
        );
        false
    }

    /// Whether a story's slug is its own: `seen` holds the file of every slug so far.
    pub(super) fn unique_story_slug<'c>(
        &mut self,
        entry: &'c Entry<StoryFront>,
        seen: &mut BTreeMap<&'c str, &'c Path>,
    ) -> bool {
        let path = &entry.doc.file.path;
        let Some(first) = seen.insert(&entry.slug, path) else {
            return true;
        };
        self.diagnostics.push(
            Diagnostic::file(
                Severity::Error,
                path,
                format!(
                    "two stories have the slug `{}`: this one and `{}`",
                    entry.slug,
                    first.display()
                ),
            )
            .with_hint("rename one of them: the slug is the story's URL"),
        );
        false
    }

    /// An error for each page whose slug is the address of a section of the site.
    pub(super) fn page_slugs(&mut self, pages: &[AcceptedPage]) {
        let p = &self.content.config.paths;
        let taken = [
            &p.stories,
            &p.vacancies,
            &p.ambassadors,
            &p.hashtags,
            &"og".to_owned(),
            &"img".to_owned(),
        ];
        for (entry, _) in pages {
            if taken.contains(&&entry.slug) {
                self.diagnostics.push(
                    Diagnostic::file(
                        Severity::Error,
                        &entry.doc.file.path,
                        format!(
                            "the page `{}` would take the address of a section of the site",
                            entry.slug
                        ),
                    )
                    .with_hint("rename the file"),
                );
            }
        }
    }
}
