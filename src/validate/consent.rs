//! Consent: every reference must be in the register and belong to the person it is used for; its
//! scope and dates decide whether a profile, story or photo is published (a withdrawn or expired
//! consent leaves it out) and whether it may appear in share kits (`social`).

use crate::base::diagnostics::{did_you_mean, Diagnostic};
use crate::base::language::Language;
use crate::base::text::Text;
use crate::content::consent::{ConsentState, Publishing, Use};
use crate::content::front_matter::Document;
use crate::validate::Validator;

fn not_in_register_hint() -> Text {
    crate::text!(
        "add it to content/consent.yaml, or check the spelling",
        "voeg hem toe aan content/consent.yaml, of controleer de spelling"
    )
}

fn not_in_register(reference: &str) -> Text {
    crate::text!(
        "consent reference `{reference}` is not in the consent register",
        "toestemmingsnummer `{reference}` staat niet in het toestemmingsregister"
    )
}

/// What the callers say is left out or what follows, in Dutch.
fn in_dutch(english: &str) -> &str {
    match english {
        "this story" => "dit verhaal",
        "this ambassador's profile and stories" => {
            "het profiel en de verhalen van deze ambassadeur"
        }
        "this story is on the site but in no share kit" => {
            "dit verhaal staat op de site, maar in geen enkele deelkit"
        }
        "no share kit for this ambassador, and their stories are in no share kit" => {
            "geen deelkit voor deze ambassadeur, en de verhalen staan in geen enkele deelkit"
        }
        other => other,
    }
}

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
                .unwrap_or_else(not_in_register_hint);
            self.diagnostics.push(
                doc.error("consent", not_in_register(reference))
                    .with_hint(hint),
            );
            return Err(());
        };
        if record.subject != owner {
            self.diagnostics.push(
                doc.error("consent", {
                    let subject = &record.subject;
                    crate::text!(
                        "consent `{reference}` belongs to `{subject}`, not to `{owner}`",
                        "toestemming `{reference}` hoort bij `{subject}`, niet bij `{owner}`"
                    )
                })
                .with_hint(crate::text!(
                    "use the consent reference of `{owner}`",
                    "gebruik het toestemmingsnummer van `{owner}`"
                )),
            );
            return Err(());
        }
        match record.for_website(self.today) {
            Publishing::Allowed => Ok(true),
            Publishing::NotInScope => {
                self.diagnostics.push(
                    doc.error(
                        "consent",
                        crate::text!(
                            "consent `{reference}` does not cover `website`",
                            "toestemming `{reference}` geldt niet voor `website`"
                        ),
                    )
                    .with_hint(crate::text!(
                        "publishing needs `website` in the consent's scope; ask for a new consent form",
                        "voor publiceren moet `website` in de scope van de toestemming staan; vraag een nieuw toestemmingsformulier"
                    )),
                );
                Err(())
            }
            Publishing::LeftOut(state) => {
                let verb = if what.ends_with("stories") {
                    "are"
                } else {
                    "is"
                };
                let described = state.describe();
                let (state, state_nl, what_nl) =
                    (described.en(), described.get(Language::Nl), in_dutch(what));
                let verb_nl = if verb == "are" { "worden" } else { "wordt" };
                self.diagnostics.push(
                    doc.warning(
                        "consent",
                        crate::text!(
                            "consent `{reference}` {state}: {what} {verb} left out",
                            "toestemming `{reference}` {state_nl}: {what_nl} {verb_nl} weggelaten"
                        ),
                    )
                    .with_hint(crate::text!(
                        "nothing derived from it is published; remove the file when it is no longer needed",
                        "niets wat erop steunt wordt gepubliceerd; verwijder het bestand als je het niet meer nodig hebt"
                    )),
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
                    let hint =
                        did_you_mean(reference, records).unwrap_or_else(not_in_register_hint);
                    self.diagnostics.push(
                        doc.error(reference_key, not_in_register(reference))
                            .with_hint(hint),
                    );
                    return false;
                }
                Some(record) if !record.covers(Use::Photo) => {
                    crate::text!(
                        "consent `{reference}` does not cover `photo`",
                        "toestemming `{reference}` geldt niet voor `photo`"
                    )
                }
                Some(record) => match record.state(self.today) {
                    ConsentState::Valid => continue,
                    state => {
                        let described = state.describe();
                        let (en, nl) = (described.en(), described.get(Language::Nl));
                        crate::text!(
                            "consent `{reference}` {en}",
                            "toestemming `{reference}` {nl}"
                        )
                    }
                },
            };
            let problem_nl = problem.get(Language::Nl);
            self.diagnostics.push(
                doc.warning(
                    key,
                    crate::text!(
                        "{problem}: the photo is left out",
                        "{problem_nl}: de foto wordt weggelaten"
                    ),
                )
                .with_hint(crate::text!(
                    "ask for a consent that includes `photo`, or remove the photo",
                    "vraag een toestemming waarin `photo` staat, of haal de foto weg"
                )),
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
        let (covers, warning) = self.social_consent_of(doc, reference, effect);
        self.diagnostics.extend(warning);
        covers
    }

    /// `social_consent`, handing back the warning instead of keeping it.
    pub(super) fn social_consent_of<F>(
        &self,
        doc: &Document<F>,
        reference: &str,
        effect: Option<&str>,
    ) -> (bool, Option<Diagnostic>) {
        let covers = self
            .content
            .consent
            .get(reference)
            .is_some_and(|record| record.covers(Use::Social));
        let warning = match (covers, effect) {
            (false, Some(effect)) => Some(
                doc.warning(
                    "consent",
                    {
                        let effect_nl = in_dutch(effect);
                        crate::text!(
                            "consent `{reference}` does not cover `social`: {effect}",
                            "toestemming `{reference}` geldt niet voor `social`: {effect_nl}"
                        )
                    },
                )
                .with_hint(crate::text!(
                    "add `social` to the consent's scope once the ambassador has agreed to it",
                    "zet `social` in de scope van de toestemming zodra de ambassadeur daarmee instemt"
                )),
            ),
            _ => None,
        };
        (covers, warning)
    }
}
