//! The figures only the parsed files know, because validation leaves them out of the model:
//! stories kept off the site by the consent register, and consents about to expire.

use std::collections::BTreeMap;

use super::{days_between, ConsentRow, LeftOutRow, CONSENT_WARNING_DAYS};
use crate::base::date::Day;
use crate::base::language::Language;
use crate::content::consent::{ConsentState, Publishing};
use crate::content::Content;

/// What the report needs from the parsed files, before validation leaves it out of the model.
pub struct ContentFacts {
    pub(super) left_out: Vec<LeftOutRow>,
    pub(super) expiring_consents: Vec<ConsentRow>,
}

impl ContentFacts {
    pub fn of(content: &Content, today: Day) -> ContentFacts {
        ContentFacts {
            left_out: left_out(content, today),
            expiring_consents: expiring(content, today),
        }
    }
}

/// Stories the consent register keeps off the site, from the parsed files (before validation
/// drops them).
fn left_out(content: &Content, today: Day) -> Vec<LeftOutRow> {
    let register = &content.consent;
    let ambassador_consent: BTreeMap<&str, &str> = content
        .ambassadors
        .iter()
        .map(|a| (a.slug.as_str(), a.doc.front.consent.as_str()))
        .collect();
    let mut rows = Vec::new();
    for story in &content.stories {
        let f = &story.doc.front;
        if f.draft {
            continue;
        }
        let problem = |reference: &str| match register.get(reference)?.for_website(today) {
            Publishing::Allowed => None,
            Publishing::NotInScope => Some(crate::text!(
                "consent `{reference}` does not cover `website`",
                "toestemming `{reference}` geldt niet voor `website`"
            )),
            Publishing::LeftOut(state) => {
                let described = state.describe();
                let (en, nl) = (described.en(), described.get(Language::Nl));
                Some(crate::text!(
                    "consent `{reference}` {en}",
                    "toestemming `{reference}` {nl}"
                ))
            }
        };
        let reason = problem(&f.consent).or_else(|| {
            let own = ambassador_consent.get(f.ambassador.as_str())?;
            let ambassador = &f.ambassador;
            problem(own).map(|p| {
                let nl = p.get(Language::Nl);
                crate::text!(
                    "ambassador `{ambassador}`: {p}",
                    "ambassadeur `{ambassador}`: {nl}"
                )
            })
        });
        if let Some(reason) = reason {
            rows.push(LeftOutRow {
                story: story.slug.clone(),
                ambassador: f.ambassador.clone(),
                consent: f.consent.clone(),
                reason,
            });
        }
    }
    rows
}

/// Consents that are valid today and expire within `CONSENT_WARNING_DAYS`, soonest first.
fn expiring(content: &Content, today: Day) -> Vec<ConsentRow> {
    let mut expiring: Vec<ConsentRow> = content
        .consent
        .records
        .iter()
        .filter(|(_, record)| record.state(today) == ConsentState::Valid)
        .filter_map(|(reference, record)| {
            let expires = record.expires?;
            let days_left = days_between(today, expires);
            (days_left <= CONSENT_WARNING_DAYS).then(|| ConsentRow {
                reference: reference.clone(),
                subject: record.subject.clone(),
                expires: expires.to_string(),
                days_left,
            })
        })
        .collect();
    expiring.sort_by(|a, b| {
        a.days_left
            .cmp(&b.days_left)
            .then(a.reference.cmp(&b.reference))
    });
    expiring
}
