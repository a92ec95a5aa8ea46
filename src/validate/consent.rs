//! Consent: every reference must be in the register and belong to the person it is used for; its
//! scope and dates decide whether a profile, story or photo is published (a withdrawn or expired
//! consent leaves it out) and whether it may appear in share kits (`social`).

use crate::base::diagnostics::did_you_mean;
use crate::content::consent::{ConsentState, Publishing, Use};
use crate::content::front_matter::Document;
use crate::validate::Validator;

const NOT_IN_REGISTER_HINT: &str = "add it to content/consent.yaml, or check the spelling";

impl Validator<'_> {
    /// Checks the consent reference of a document by `owner` for the website: `Ok(true)` publish,
    /// `Ok(false)` leave out (with a warning already given that `what` is left out), `Err` an
    /// error already given.
    pub(super) fn consent<F>(
        &mut self,
        doc: &Document<F>,
        reference: &str,
        owner: &str,
        what: &str,
    ) -> Result<bool, ()> {
        let register = &self.content.consent;
        if register.is_broken(reference) {
            // Its record's own errors say what is wrong; nothing is published on it.
            return Err(());
        }
        let Some(record) = register.get(reference) else {
            // The owner's own records first: `TF-2026-0099` is more likely their `TF-2026-0009`
            // than someone else's `TF-2026-0001`.
            let theirs = register
                .records
                .iter()
                .filter(|(_, record)| record.subject == owner)
                .map(|(key, _)| key.as_str());
            let hint = did_you_mean(reference, theirs)
                .or_else(|| did_you_mean(reference, register.records.keys().map(String::as_str)))
                .unwrap_or_else(|| NOT_IN_REGISTER_HINT.into());
            self.diagnostics.push(
                doc.error(
                    "consent",
                    format!("consent reference `{reference}` is not in the consent register"),
                )
                .with_hint(hint),
            );
            return Err(());
        };
        if record.subject != owner {
            self.diagnostics.push(
                doc.error(
                    "consent",
                    format!(
                        "consent `{reference}` belongs to `{}`, not to `{owner}`",
                        record.subject
                    ),
                )
                .with_hint(format!("use the consent reference of `{owner}`")),
            );
            return Err(());
        }
        match record.for_website(self.today) {
            Publishing::Allowed => Ok(true),
            Publishing::NotInScope => {
                self.diagnostics.push(
                    doc.error(
                        "consent",
                        format!("consent `{reference}` does not cover `website`"),
                    )
                    .with_hint(
                        "publishing needs `website` in the consent's scope; ask for a new consent form",
                    ),
                );
                Err(())
            }
            Publishing::LeftOut(state) => {
                let verb = if what.ends_with("stories") {
                    "are"
                } else {
                    "is"
                };
                self.diagnostics.push(
                    doc.warning("consent", format!("consent `{reference}` {}: {what} {verb} left out", state.describe()))
                        .with_hint("nothing derived from it is published; remove the file when it is no longer needed"),
                );
                Ok(false)
            }
        }
    }

    /// Whether everyone recognisable in a photo consented to it, today: `consents` are the
    /// references with the key each is written at. When not, an error or a warning at the
    /// photo's `key` has been given and the photo is left out.
    pub(super) fn photo_consents<F>(
        &mut self,
        doc: &Document<F>,
        key: &str,
        consents: &[(&str, String)],
    ) -> bool {
        for (reference, reference_key) in consents {
            let reference = *reference;
            let problem = match self.content.consent.get(reference) {
                None if self.content.consent.is_broken(reference) => return false,
                None => {
                    let records = self.content.consent.records.keys().map(String::as_str);
                    let hint = did_you_mean(reference, records)
                        .unwrap_or_else(|| NOT_IN_REGISTER_HINT.into());
                    self.diagnostics.push(
                        doc.error(
                            reference_key,
                            format!(
                                "consent reference `{reference}` is not in the consent register"
                            ),
                        )
                        .with_hint(hint),
                    );
                    return false;
                }
                Some(record) if !record.covers(Use::Photo) => {
                    format!("consent `{reference}` does not cover `photo`")
                }
                Some(record) => match record.state(self.today) {
                    ConsentState::Valid => continue,
                    state => format!("consent `{reference}` {}", state.describe()),
                },
            };
            self.diagnostics.push(
                doc.warning(key, format!("{problem}: the photo is left out"))
                    .with_hint("ask for a consent that includes `photo`, or remove the photo"),
            );
            return false;
        }
        true
    }

    /// Whether a (valid) consent covers `social`, for share kits; warns with `effect` when not.
    pub(super) fn social_consent<F>(
        &mut self,
        doc: &Document<F>,
        reference: &str,
        effect: Option<&str>,
    ) -> bool {
        let covers = self
            .content
            .consent
            .get(reference)
            .is_some_and(|record| record.covers(Use::Social));
        if let (false, Some(effect)) = (covers, effect) {
            self.diagnostics.push(
                doc.warning(
                    "consent",
                    format!("consent `{reference}` does not cover `social`: {effect}"),
                )
                .with_hint(
                    "add `social` to the consent's scope once the ambassador has agreed to it",
                ),
            );
        }
        covers
    }
}
