//! Ambassadors: a profile is published when its id is usable and its consent allows it; its model
//! lists the ambassador's published stories.

use crate::base::html::Html;
use crate::content::ambassador::AmbassadorFront;
use crate::content::story::Focus;
use crate::content::{Entry, Section};
use crate::model::{Ambassador, PhotoRef, Story};
use crate::validate::hashtags::Hashtags;
use crate::validate::photos::PhotoRequest;
use crate::validate::Validator;

/// A published ambassador, with their photo when it may be shown.
pub(super) type AcceptedAmbassador<'c> = (&'c Entry<AmbassadorFront>, Option<PhotoRef>);

impl<'c> Validator<'c> {
    /// The ambassadors whose profile is published, in file order.
    pub(super) fn ambassadors(&mut self) -> Vec<AcceptedAmbassador<'c>> {
        let mut out = Vec::new();
        for entry in &self.content.ambassadors {
            let doc = &entry.doc;
            if !self.usable_ambassador_id(entry) {
                continue;
            }
            let what = "this ambassador's profile and stories";
            if self.consent(doc, &doc.front.consent, &entry.slug, what) != Ok(true) {
                continue;
            }
            let photo = doc.front.photo.as_deref().and_then(|written| {
                let request = PhotoRequest {
                    key: "photo",
                    written,
                    alt: doc.front.photo_alt.as_deref(),
                    alt_key: "photo_alt",
                    consents: vec![(&doc.front.consent, "consent".to_owned())],
                    focus: Focus::default(),
                    section: Section::Ambassadors,
                    owner: &entry.slug,
                };
                self.photo(doc, &request)
            });
            // A document with broken keys is checked, never published.
            if doc.has_broken_keys() {
                continue;
            }
            out.push((entry, photo));
        }
        out
    }

    /// The model of the published ambassadors, with their rendered bios; `stories` are the
    /// site's stories, which name their ambassador.
    pub(super) fn site_ambassadors(
        &mut self,
        ambassadors: Vec<AcceptedAmbassador>,
        bios: Vec<Html>,
        stories: &[Story],
        tags: &mut Hashtags,
    ) -> Vec<Ambassador> {
        let paths = &self.content.config.paths;
        let mut out: Vec<Ambassador> = Vec::with_capacity(ambassadors.len());
        for ((entry, photo), bio_html) in ambassadors.into_iter().zip(bios) {
            let f = &entry.doc.front;
            let hashtags = tags.collect(&entry.doc, &f.hashtags, &mut self.diagnostics);
            let social = self.social_consent(
                &entry.doc,
                &f.consent,
                Some("no share kit for this ambassador, and their stories are in no share kit"),
            );
            out.push(Ambassador {
                id: entry.slug.clone(),
                name: f.name.clone(),
                role: f.role.clone(),
                department: f.department.clone(),
                location: f.location.clone(),
                photo,
                socials: f.socials.clone(),
                hashtags,
                since: f.since,
                bio_html,
                url: paths.ambassador(&entry.slug),
                stories: Vec::new(),
                source: entry.doc.file.path.clone(),
                social,
            });
        }
        for (i, story) in stories.iter().enumerate() {
            out[story.ambassador].stories.push(i);
        }
        out
    }
}
