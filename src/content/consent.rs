//! `content/consent.yaml`: the consent register, and what a consent allows on a given day.

use std::collections::{BTreeMap, BTreeSet};

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::base::date::Day;
use crate::base::diagnostics::Diagnostic;
use crate::base::language::Language;
use crate::base::source::{SourceFile, Span};
use crate::base::text::Text;
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
    pub fn describe(self) -> Text {
        match self {
            ConsentState::Valid => crate::text!("is valid", "is geldig"),
            ConsentState::NotYetValid(day) => {
                let nl = Language::Nl.long_date(day);
                crate::text!("is not valid before {day}", "is pas geldig vanaf {nl}")
            }
            ConsentState::Expired(day) => {
                let nl = Language::Nl.long_date(day);
                crate::text!("expired on {day}", "is verlopen op {nl}")
            }
            ConsentState::Withdrawn(day) => {
                let nl = Language::Nl.long_date(day);
                crate::text!("was withdrawn on {day}", "is ingetrokken op {nl}")
            }
        }
    }
}

/// The register, with where each record stands in `consent.yaml` for messages.
#[derive(Debug, Clone, Default)]
pub struct ConsentRegister {
    pub records: BTreeMap<String, ConsentRecord>,
    /// References whose record is in the register but has errors (already reported): a use of
    /// one is not "not in the register", and nothing is published on it.
    pub broken: BTreeSet<String>,
}

pub(crate) const KEYS: &[&str] = &["subject", "scope", "granted", "expires", "withdrawn"];

fn duplicate_hint() -> Text {
    crate::text!(
        "a consent reference has one record: merge the two into one, keeping a `withdrawn:` date if it has one",
        "een toestemmingsnummer heeft één record: voeg de twee samen, en houd een `withdrawn:`-datum als die er is"
    )
}

impl ConsentRegister {
    /// Parses the register; every malformed record is reported, the good ones are kept.
    pub fn parse(file: SourceFile) -> (Self, Vec<Diagnostic>) {
        let yaml = match YamlDocument::parse(&file, 0, file.text.len()) {
            Ok(yaml) => yaml,
            Err(d) => return (ConsentRegister::default(), vec![d]),
        };
        if has_no_records(&file.text) {
            // A new site's register: only comments, or nothing at all.
            return (ConsentRegister::default(), Vec::new());
        }
        let mut problems = Vec::new();
        let mut broken = BTreeSet::new();
        // A record written twice must not let the later copy (without its `withdrawn:`) win.
        for duplicate in yaml.duplicates() {
            let reference = duplicate.path.split('.').next().unwrap_or_default();
            problems.push(duplicate.diagnostic(&file, duplicate_hint()));
            broken.insert(reference.to_owned());
        }
        // Read as a list of entries: a map would keep only one of two records of a reference.
        let entries = match serde_yaml::from_str::<Entries>(&file.text) {
            Ok(Entries(entries)) => entries,
            Err(_) if !problems.is_empty() => {
                // A key written twice inside a record: nothing is published on the register.
                for (reference, _) in yaml.keys("") {
                    broken.insert(reference.clone());
                }
                return (
                    ConsentRegister {
                        records: BTreeMap::new(),
                        broken,
                    },
                    problems,
                );
            }
            Err(_) => {
                let error = match yaml.deserialize::<BTreeMap<String, serde_yaml::Value>>(&file) {
                    Err(error) => error,
                    Ok(_) => file.error(
                        Span::file_start(),
                        crate::text!(
                            "the consent register cannot be read",
                            "het toestemmingsregister is niet te lezen"
                        ),
                    ),
                };
                let error = error.with_hint(crate::text!(
                    "write each record as `TF-2026-0001:` with `subject`, `scope` and `granted` below it",
                    "schrijf elk record als `TF-2026-0001:` met `subject`, `scope` en `granted` eronder"
                ));
                return (ConsentRegister::default(), vec![error]);
            }
        };
        let mut records = BTreeMap::new();
        for (key, value) in entries {
            let Some(reference) = key_text(&key) else {
                continue;
            };
            if broken.contains(&reference) {
                continue;
            }
            let what = crate::text!("consent `{reference}`", "toestemming `{reference}`");
            let unknown = yaml.unknown_keys(&file, &reference, KEYS, &what);
            let record = if unknown.is_empty() {
                record(&file, &yaml, &reference, value)
            } else {
                Err(unknown)
            };
            match record {
                Ok(record) => {
                    problems.extend(check_record(&file, &yaml, &reference, &record));
                    records.insert(reference, record);
                }
                Err(found) => {
                    problems.extend(found);
                    broken.insert(reference);
                }
            }
        }
        (ConsentRegister { records, broken }, problems)
    }

    pub fn get(&self, reference: &str) -> Option<&ConsentRecord> {
        self.records.get(reference)
    }

    /// Whether `reference` has a record with errors, which were reported already.
    pub fn is_broken(&self, reference: &str) -> bool {
        self.broken.contains(reference)
    }
}

/// The records of the register in file order, a reference written twice included.
struct Entries(Vec<(serde_yaml::Value, serde_yaml::Value)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> serde::de::Visitor<'de> for EntriesVisitor {
            type Value = Entries;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("records by consent reference")
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Entries, E> {
                Ok(Entries(Vec::new()))
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Entries, M::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_any(EntriesVisitor)
    }
}

/// Whether the register's text is only blank lines, comments and document markers.
fn has_no_records(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim_start_matches('\u{feff}').trim();
        line.is_empty() || line.starts_with('#') || line == "---" || line == "..."
    })
}

/// A record's reference as written (`TF-2026-0001`; a bare number or word works too).
fn key_text(key: &serde_yaml::Value) -> Option<String> {
    match key {
        serde_yaml::Value::String(text) => Some(text.clone()),
        serde_yaml::Value::Number(number) => Some(number.to_string()),
        serde_yaml::Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

/// One record, each key read on its own so that every wrong or missing key is reported, at its
/// value and by its name.
fn record(
    file: &SourceFile,
    yaml: &YamlDocument,
    reference: &str,
    value: serde_yaml::Value,
) -> Result<ConsentRecord, Vec<Diagnostic>> {
    let at_reference = yaml.key_span(reference).unwrap_or(Span::file_start());
    let serde_yaml::Value::Mapping(fields) = value else {
        return Err(vec![file
            .error(
                at_reference,
                crate::text!(
                    "consent `{reference}` must be a record with `subject`, `scope` and `granted`",
                    "toestemming `{reference}` moet een record zijn met `subject`, `scope` en `granted`"
                ),
            )
            .with_hint(crate::text!(
                "write `subject:`, `scope:` and `granted:` on the lines below it, indented",
                "schrijf `subject:`, `scope:` en `granted:` op de regels eronder, ingesprongen"
            ))]);
    };
    let mut reader = RecordReader {
        file,
        yaml,
        reference,
        at_reference,
        fields,
        problems: Vec::new(),
    };
    let date = crate::text!(
        "write a date of the form YYYY-MM-DD, e.g. `2026-01-12`",
        "schrijf een datum als JJJJ-MM-DD, bijvoorbeeld `2026-01-12`"
    );
    let subject = reader.required::<String>(
        "subject",
        &crate::text!(
            "write the id of an ambassador (the file name in content/ambassadors/ without `.md`), or `extern`",
            "schrijf de id van een ambassadeur (de bestandsnaam in content/ambassadors/ zonder `.md`), of `extern`"
        ),
    );
    let scope = reader.required::<Vec<Use>>(
        "scope",
        &crate::text!(
            "write a list of `website`, `social` and `photo`, e.g. `scope: [website, social]`",
            "schrijf een lijst van `website`, `social` en `photo`, bijvoorbeeld `scope: [website, social]`"
        ),
    );
    let granted = reader.required::<Day>("granted", &date);
    let expires = reader.optional::<Day>("expires", &date);
    let withdrawn = reader.optional::<Day>("withdrawn", &date);
    match (subject, scope, granted, expires, withdrawn) {
        (Some(subject), Some(scope), Some(granted), Ok(expires), Ok(withdrawn)) => {
            Ok(ConsentRecord {
                subject,
                scope,
                granted,
                expires,
                withdrawn,
            })
        }
        _ => Err(reader.problems),
    }
}

/// The keys of one record as they are read, and the problems found in them.
struct RecordReader<'a> {
    file: &'a SourceFile,
    yaml: &'a YamlDocument,
    reference: &'a str,
    at_reference: Span,
    fields: serde_yaml::Mapping,
    problems: Vec<Diagnostic>,
}

impl RecordReader<'_> {
    /// A key the record must have; `None` when it is missing or wrong (reported).
    fn required<T: DeserializeOwned>(&mut self, name: &str, hint: &Text) -> Option<T> {
        let reference = self.reference;
        match self.optional(name, hint) {
            Ok(Some(value)) => Some(value),
            Ok(None) => {
                self.problems.push(
                    self.file
                        .error(
                            self.at_reference,
                            crate::text!(
                                "consent `{reference}` has no `{name}`",
                                "toestemming `{reference}` heeft geen `{name}`"
                            ),
                        )
                        .with_hint({
                            let hint_nl = hint.get(Language::Nl);
                            crate::text!(
                                "add `{name}:` to the record: {hint}",
                                "voeg `{name}:` toe aan het record: {hint_nl}"
                            )
                        }),
                );
                None
            }
            Err(()) => None,
        }
    }

    /// A key the record may leave out (or leave empty); `Err` when it is wrong (reported).
    fn optional<T: DeserializeOwned>(&mut self, name: &str, hint: &Text) -> Result<Option<T>, ()> {
        let Some(value) = self.fields.get(name).filter(|v| !v.is_null()) else {
            return Ok(None);
        };
        match serde_yaml::from_value(value.clone()) {
            Ok(value) => Ok(Some(value)),
            Err(error) => {
                let reference = self.reference;
                let detail = error.to_string().replace("invalid type: ", "found ");
                let span = self.yaml.span(&format!("{reference}.{name}"));
                self.problems.push(
                    self.file
                        .error(
                            span,
                            crate::text!(
                                "consent `{reference}`, key `{name}`: {detail}",
                                "toestemming `{reference}`, sleutel `{name}`: {detail}"
                            ),
                        )
                        .with_hint(hint.clone()),
                );
                Err(())
            }
        }
    }
}

/// A well-formed record still needs dates in order, and `photo` in its scope when it is for
/// someone in a photo. Its subject need not be an ambassador today: the register keeps the records
/// of former ambassadors as history, and only a use of a record holds it to its subject.
fn check_record(
    file: &SourceFile,
    yaml: &YamlDocument,
    reference: &str,
    record: &ConsentRecord,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let at = |key: &str| yaml.span(&format!("{reference}.{key}"));
    if record.subject == EXTERN && !record.covers(Use::Photo) {
        problems.push(
            file.error(at("scope"), crate::text!(
                "consent `{reference}` is for someone in a photo (`extern`) but its scope lacks `photo`",
                "toestemming `{reference}` is voor iemand op een foto (`extern`), maar `photo` staat niet in de scope"
            ))
                .with_hint(crate::text!("add `photo` to `scope`", "voeg `photo` toe aan `scope`")),
        );
    }
    if let Some(expires) = record.expires {
        if expires < record.granted {
            problems.push(file.error(
                at("expires"),
                crate::text!(
                    "consent `{reference}` expires ({expires}) before it was granted ({granted})",
                    "toestemming `{reference}` verloopt ({expires}) voordat die is gegeven ({granted})",
                    granted = record.granted
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
    fn a_register_of_comments_only_is_empty_and_valid() {
        for text in [
            "",
            "# Nog geen toestemmingen.\n#\n# TF-2026-0001:\n#   subject: x\n",
            "---\n",
        ] {
            let file = SourceFile::new(CONSENT_FILE, text.to_owned());
            let (register, problems) = ConsentRegister::parse(file);
            assert!(problems.is_empty(), "{text:?}: {problems:?}");
            assert!(register.records.is_empty());
        }
    }

    #[test]
    fn register_errors_name_record_and_key() {
        let text = "TF-1:\n  subject: anneke\n  scope: [website]\n  granted: 2026-01-12\nTF-2:\n  subject: extern\n  scope: [website]\n  granted: 2026-01-12\nTF-3:\n  subject: piet\n  scope: [website]\n  granted: 2026-01-12\n  expirse: 2027-01-01\nTF-4:\n  subject: karim-haddou\n  scope: [website]\n  granted: 2024-01-12\n  withdrawn: 2026-01-01\n";
        let file = SourceFile::new(CONSENT_FILE, text.to_owned());
        let (register, problems) = ConsentRegister::parse(file);
        let messages: Vec<_> = problems.iter().map(|d| (d.line, d.message.en())).collect();
        assert_eq!(
            messages,
            [
                (7, "consent `TF-2` is for someone in a photo (`extern`) but its scope lacks `photo`"),
                (13, "unknown key `TF-3.expirse` in consent `TF-3`"),
            ]
        );
        assert_eq!(problems[1].hint.as_deref(), Some("did you mean `expires`?"));
        assert!(register.get("TF-1").is_some());
        // A former ambassador's record stays, as history.
        assert_eq!(register.get("TF-4").unwrap().subject, "karim-haddou");
    }
}
