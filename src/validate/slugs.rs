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
            Diagnostic::file(Severity::Error, &entry.doc.file.path, {
                let what_nl = slug_role_nl(what);
                crate::text!(
                    "`{slug}` is not usable in a URL as {what}",
                    "`{slug}` is niet bruikbaar in een adres als {what_nl}"
                )
            })
            .with_hint({
                let renamed = slugify(slug);
                crate::text!(
                    "rename the file to `{renamed}`: lowercase letters, digits and hyphens",
                    "geef het bestand de naam `{renamed}`: kleine letters, cijfers en streepjes"
                )
            }),
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
                {
                    let slug = &entry.slug;
                    crate::text!(
                        "the ambassador id `{slug}` would take the address of the share kits' index",
                        "de ambassadeurs-id `{slug}` zou het adres van het overzicht van de deelkits innemen"
                    )
                },
            )
            .with_hint(crate::text!(
                "rename the file, e.g. after the ambassador's name",
                "geef het bestand een andere naam, bijvoorbeeld naar de naam van de ambassadeur"
            )),
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
            Diagnostic::file(Severity::Error, path, {
                let (slug, first) = (&entry.slug, first.display());
                crate::text!(
                    "two stories have the slug `{slug}`: this one and `{first}`",
                    "twee verhalen hebben de slug `{slug}`: dit verhaal en `{first}`"
                )
            })
            .with_hint(crate::text!(
                "rename one of them: the slug is the story's URL",
                "geef een van de twee een andere naam: de slug is het adres van het verhaal"
            )),
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
                        {
                            let slug = &entry.slug;
                            crate::text!(
                                "the page `{slug}` would take the address of a section of the site",
                                "de pagina `{slug}` zou het adres van een onderdeel van de site innemen"
                            )
                        },
                    )
                    .with_hint(crate::text!(
                        "rename the file",
                        "geef het bestand een andere naam"
                    )),
                );
            }
        }
    }
}

/// `what` of `usable_slug` in Dutch ("a story's file name" → "bestandsnaam van een verhaal").
fn slug_role_nl(what: &str) -> &str {
    match what {
        "a story's file name" => "bestandsnaam van een verhaal",
        "a vacancy's file name" => "bestandsnaam van een vacature",
        "a page's file name" => "bestandsnaam van een pagina",
        "an ambassador's id" => "id van een ambassadeur",
        other => other,
    }
}
