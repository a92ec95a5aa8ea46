//! `content/consent.yaml`: the consent register, and what a consent allows on a given day.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::base::date::Day;
use crate::base::diagnostics::Diagnostic;
use crate::base::source::{SourceFile, Span};
use crate::base::yaml::YamlDocument;

pub const CONSENT_FILE: &str = "content/consent.yaml";
/// The subject of a record for someone in a photo who is no ambassador.
pub const EXTERN: &str = "extern";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Use {
    Website,
    Social,
    Photo,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsentRecord {
    pub subject: String,
    pub scope: Vec<Use>,
    pub granted: Day,
    #[serde(default)]
    pub expires: Option<Day>,
    #[serde(default)]
    pub withdrawn: Option<Day>,
}

/// Where a consent stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentState {
    Valid,
    NotYetValid(Day),
    Expired(Day),
    Withdrawn(Day),
}

impl ConsentRecord {
    /// Valid from `granted` through `expires` (both included) and until the day before `withdrawn`.
    pub fn state(&self, today: Day) -> ConsentState {
        if let Some(withdrawn) = self.withdrawn {
            if today >= withdrawn {
                return ConsentState::Withdrawn(withdrawn);
            }
        }
        if let Some(expires) = self.expires {
            if today > expires {
                return ConsentState::Expired(expires);
            }
        }
        if today < self.granted {
            return ConsentState::NotYetValid(self.granted);
        }
        ConsentState::Valid
    }

    pub fn covers(&self, usage: Use) -> bool {
        self.scope.contains(&usage)
    }

    /// The consent rule for the website, in one place: what this consent lets the build do with
    /// its subject's work today.
    pub fn for_website(&self, today: Day) -> Publishing {
        if !self.covers(Use::Website) {
            return Publishing::NotInScope;
        }
        match self.state(today) {
            ConsentState::Valid => Publishing::Allowed,
            state => Publishing::LeftOut(state),
        }
    }
}

/// What a consent record allows on the website on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publishing {
    Allowed,
    /// `website` is not in the scope: an error, the form does not allow publishing at all.
    NotInScope,
    /// Not valid on the day (not yet, expired, withdrawn): left out with a warning.
    LeftOut(ConsentState),
}

impl ConsentState {
    /// "was withdrawn on 2026-09-01", for warnings.
    pub fn describe(self) -> String {
        match self {
            ConsentState::Valid => "is valid".to_owned(),
            ConsentState::NotYetValid(day) => format!("is not valid before {day}"),
            ConsentState::Expired(day) => format!("expired on {day}"),
            ConsentState::Withdrawn(day) => format!("was withdrawn on {day}"),
        }
    }
}

/// The register, with where each record stands in `consent.yaml` for messages.
#[derive(Debug, Clone, Default)]
pub struct ConsentRegister {
    pub records: BTreeMap<String, ConsentRecord>,
}

pub(crate) const KEYS: &[&str] = &["subject", "scope", "granted", "expires", "withdrawn"];

impl ConsentRegister {
    /// Parses the register; every malformed record is reported, the good ones are kept.
    pub fn parse(
        file: SourceFile,
        ambassador_ids: &dyn Fn(&str) -> bool,
    ) -> (Self, Vec<Diagnostic>) {
        let yaml = match YamlDocument::parse(&file, 0, file.text.len()) {
            Ok(yaml) => yaml,
            Err(d) => return (ConsentRegister::default(), vec![d]),
        };
        let mut problems = Vec::new();
        let raw: BTreeMap<String, serde_yaml::Value> = match yaml.deserialize(&file) {
            Ok(raw) => raw,
            Err(d) => return (ConsentRegister::default(), vec![d]),
        };
        let mut records = BTreeMap::new();
        for (reference, value) in raw {
            let unknown =
                yaml.unknown_keys(&file, &reference, KEYS, &format!("consent `{reference}`"));
            if !unknown.is_empty() {
                problems.extend(unknown);
                continue;
            }
            let record: ConsentRecord = match serde_yaml::from_value(value) {
                Ok(record) => record,
                Err(error) => {
                    problems.push(type_error(&file, &yaml, &reference, &error));
                    continue;
                }
            };
            problems.extend(check_record(
                &file,
                &yaml,
                &reference,
                &record,
                ambassador_ids,
            ));
            records.insert(reference, record);
        }
        (ConsentRegister { records }, problems)
    }

    pub fn get(&self, reference: &str) -> Option<&ConsentRecord> {
        self.records.get(reference)
    }
}

/// A record whose value has the wrong type, at the key serde names when it names one.
fn type_error(
    file: &SourceFile,
    yaml: &YamlDocument,
    reference: &str,
    error: &serde_yaml::Error,
) -> Diagnostic {
    let message = error.to_string();
    let (field, detail) = match message.split_once(": ") {
        Some((field, detail)) if !field.contains(' ') => (Some(field), detail),
        _ => (None, message.as_str()),
    };
    let span = match field {
        Some(field) => yaml.span(&format!("{reference}.{field}")),
        None => yaml.key_span(reference).unwrap_or(Span::file_start()),
    };
    let detail = detail.replace("invalid type: ", "found ");
    let message = match field {
        Some(field) => format!("consent `{reference}`: `{field}` has the wrong type: {detail}"),
        None => format!("consent `{reference}`: {detail}"),
    };
    file.error(span, message)
}

/// A well-formed record still needs a subject the site knows, and dates in order.
fn check_record(
    file: &SourceFile,
    yaml: &YamlDocument,
    reference: &str,
    record: &ConsentRecord,
    ambassador_ids: &dyn Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let at = |key: &str| yaml.span(&format!("{reference}.{key}"));
    if record.subject == EXTERN {
        if !record.covers(Use::Photo) {
            problems.push(
                file.error(at("scope"), format!("consent `{reference}` is for someone in a photo (`extern`) but its scope lacks `photo`"))
                    .with_hint("add `photo` to `scope`"),
            );
        }
    } else if !ambassador_ids(&record.subject) {
        let hint = "use the id of an ambassador (the file name in content/ambassadors/ without `.md`), or `extern` for someone in a photo";
        problems.push(
            file.error(
                at("subject"),
                format!(
                    "consent `{reference}` names `{}`, who is no ambassador",
                    record.subject
                ),
            )
            .with_hint(hint),
        );
    }
    if let Some(expires) = record.expires {
        if expires < record.granted {
            problems.push(file.error(
                at("expires"),
                format!(
                    "consent `{reference}` expires ({expires}) before it was granted ({})",
                    record.granted
                ),
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(granted: &str, expires: Option<&str>, withdrawn: Option<&str>) -> ConsentRecord {
        ConsentRecord {
            subject: "a".into(),
            scope: vec![Use::Website],
            granted: Day::parse(granted).unwrap(),
            expires: expires.map(|d| Day::parse(d).unwrap()),
            withdrawn: withdrawn.map(|d| Day::parse(d).unwrap()),
        }
    }

    fn on(day: &str) -> Day {
        Day::parse(day).unwrap()
    }

    #[test]
    fn validity_includes_both_ends_and_stops_the_day_of_withdrawal() {
        let r = record("2026-01-12", Some("2028-01-12"), Some("2026-09-01"));
        assert_eq!(
            r.state(on("2026-01-11")),
            ConsentState::NotYetValid(on("2026-01-12"))
        );
        assert_eq!(r.state(on("2026-01-12")), ConsentState::Valid);
        assert_eq!(r.state(on("2026-08-31")), ConsentState::Valid);
        assert_eq!(
            r.state(on("2026-09-01")),
            ConsentState::Withdrawn(on("2026-09-01"))
        );
        let r = record("2026-01-12", Some("2028-01-12"), None);
        assert_eq!(r.state(on("2028-01-12")), ConsentState::Valid);
        assert_eq!(
            r.state(on("2028-01-13")),
            ConsentState::Expired(on("2028-01-12"))
        );
    }

    #[test]
    fn register_errors_name_record_and_key() {
        let text = "TF-1:\n  subject: anneke\n  scope: [website]\n  granted: 2026-01-12\nTF-2:\n  subject: extern\n  scope: [website]\n  granted: 2026-01-12\nTF-3:\n  subject: piet\n  scope: [website]\n  granted: 2026-01-12\n  expirse: 2027-01-01\n";
        let file = SourceFile::new(CONSENT_FILE, text.to_owned());
        let (register, problems) = ConsentRegister::parse(file, &|id| id == "anneke");
        let messages: Vec<_> = problems
            .iter()
            .map(|d| (d.line, d.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                (7, "consent `TF-2` is for someone in a photo (`extern`) but its scope lacks `photo`"),
                (13, "unknown key `TF-3.expirse` in consent `TF-3`"),
            ]
        );
        assert_eq!(problems[1].hint.as_deref(), Some("did you mean `expires`?"));
        assert!(register.get("TF-1").is_some());
    }
}
