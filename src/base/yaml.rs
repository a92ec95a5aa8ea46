//! YAML documents with positions: every key and value of a front-matter block or a `.yaml` file
//! mapped to its line and column in the whole file, and typed deserialisation whose errors point
//! there too.

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use crate::base::diagnostics::{did_you_mean, Diagnostic};
use crate::base::language::Language;
use crate::base::source::{SourceFile, Span};
use crate::base::text::Text;

/// A YAML block inside a source file (a whole `.yaml` file or a front-matter block).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct YamlDocument {
    range: std::ops::Range<usize>,
    /// 1-based line of the file where the YAML text starts.
    first_line: u32,
    values: HashMap<String, Span>,
    keys: HashMap<String, Vec<(String, Span)>>,
    duplicates: Vec<Duplicate>,
}

/// A key written a second time in the same mapping: YAML keeps only one of the two values.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Duplicate {
    /// The full path of the key (`TF-2026-0001`, `location.city`).
    pub path: String,
    pub first: Span,
    pub again: Span,
}

impl YamlDocument {
    /// Scans the YAML in `file.text[start..end]` for positions. A syntax error becomes a diagnostic.
    pub fn parse(file: &SourceFile, start: usize, end: usize) -> Result<Self, Diagnostic> {
        let text = &file.text[start..end];
        let first_line = file.position(start).0;
        let mut collector = SpanCollector::default();
        let mut parser = Parser::new_from_str(text);
        if let Err(error) = parser.load(&mut collector, false) {
            let marker = error.marker();
            let span = Span::new(
                first_line + marker.line() as u32 - 1,
                marker.col() as u32 + 1,
                1,
            );
            let message = error.info().to_owned();
            return Err(file
                .error(
                    span,
                    crate::text!("invalid YAML: {message}", "ongeldige YAML: {message}"),
                )
                .with_hint(yaml_syntax_hint(&message)));
        }
        let to_file = |(line, column, len): (usize, usize, usize)| {
            Span::new(first_line + line as u32 - 1, column as u32 + 1, len as u32)
        };
        Ok(YamlDocument {
            range: start..end,
            first_line,
            values: collector
                .values
                .into_iter()
                .map(|(path, at)| (path, to_file(at)))
                .collect(),
            keys: collector
                .keys
                .into_iter()
                .map(|(path, keys)| {
                    let keys = keys.into_iter().map(|(k, at)| (k, to_file(at))).collect();
                    (path, keys)
                })
                .collect(),
            duplicates: collector
                .duplicates
                .into_iter()
                .map(|(path, first, again)| Duplicate {
                    path,
                    first: to_file(first),
                    again: to_file(again),
                })
                .collect(),
        })
    }

    /// Every key written twice in one mapping, in file order.
    pub fn duplicates(&self) -> &[Duplicate] {
        &self.duplicates
    }

    /// An error at each key written a second time, naming the line of the first.
    pub fn duplicate_keys(&self, file: &SourceFile) -> Vec<Diagnostic> {
        self.duplicates
            .iter()
            .map(|duplicate| {
                duplicate.diagnostic(
                    file,
                    crate::text!(
                        "remove one of the two: YAML keeps only one value for a key",
                        "haal er een van de twee weg: YAML bewaart maar één waarde per sleutel"
                    ),
                )
            })
            .collect()
    }

    /// Where the value at `path` (`location.city`, `hashtags.2`) stands; the nearest parent's
    /// position when it is absent, and the start of the block when nothing is known.
    pub fn span(&self, path: &str) -> Span {
        let mut path = path;
        loop {
            if let Some(span) = self.values.get(path) {
                return *span;
            }
            if let Some(span) = self.key_span(path) {
                return span;
            }
            match path.rfind('.') {
                Some(i) => path = &path[..i],
                None => return self.start(),
            }
        }
    }

    /// Where the block begins for a problem of the whole block, such as a missing key: the line of
    /// its first top-level key (never a comment or blank line above it); in a block without a key,
    /// the opening `---` of a front-matter block, or the first line of a YAML file.
    pub fn start(&self) -> Span {
        let fence = if self.range.start > 0 {
            self.first_line.saturating_sub(1).max(1)
        } else {
            self.first_line
        };
        self.keys("")
            .map(|(_, span)| span.line)
            .min()
            .map_or(Span::new(fence, 1, 0), |line| Span::new(line, 1, 0))
    }

    /// Where the key of `path` stands, if it was written.
    pub fn key_span(&self, path: &str) -> Option<Span> {
        let (parent, name) = path.rsplit_once('.').unwrap_or(("", path));
        self.keys
            .get(parent)?
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, span)| *span)
    }

    pub fn has(&self, path: &str) -> bool {
        self.values.contains_key(path)
    }

    /// The keys written in the mapping at `path` ("" for the top level), in file order.
    pub fn keys(&self, path: &str) -> impl Iterator<Item = &(String, Span)> {
        self.keys.get(path).into_iter().flatten()
    }

    /// An error for every key of the mapping at `path` that is not in `known`, with a
    /// "did you mean" hint: a typo in `consent` must never pass silently.
    pub fn unknown_keys(
        &self,
        file: &SourceFile,
        path: &str,
        known: &[&str],
        what: &Text,
    ) -> Vec<Diagnostic> {
        self.keys(path)
            .filter(|(key, _)| !known.contains(&key.as_str()))
            .map(|(key, span)| {
                let shown = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let (list, what_nl) = (known_list(known), what.get(Language::Nl));
                let hint = did_you_mean(key, known.iter().copied()).unwrap_or_else(|| {
                    crate::text!(
                        "the keys of {what} are {list}",
                        "de sleutels van {what_nl} zijn {list}"
                    )
                });
                let message = crate::text!(
                    "unknown key `{shown}` in {what}",
                    "onbekende sleutel `{shown}` in {what_nl}"
                );
                file.error(*span, message).with_hint(hint)
            })
            .collect()
    }

    /// Deserialises the block into `T`; a wrong type or missing key names the key, says what was
    /// expected and points at the line.
    pub fn deserialize<T: DeserializeOwned>(&self, file: &SourceFile) -> Result<T, Diagnostic> {
        self.deserialize_keys(file)
            .map_err(|problem| problem.diagnostic)
    }

    /// Like [`YamlDocument::deserialize`], and says which top-level key the problem lies under.
    pub fn deserialize_keys<T: DeserializeOwned>(
        &self,
        file: &SourceFile,
    ) -> Result<T, Box<KeyProblem>> {
        let text = &file.text[self.range.clone()];
        let text = if text.trim().is_empty() { "{}" } else { text };
        serde_yaml::from_str(text).map_err(|error| Box::new(self.serde_problem(file, &error, None)))
    }

    /// Deserialises `mapping`, a changed copy of the block's top level, into `T`. Its problems
    /// are placed by their key alone, as the copy has no positions of its own; `probe`: the one
    /// key of the block the copy holds (beside valid stand-ins), which a problem without a path
    /// is then about.
    pub fn deserialize_mapping<T: DeserializeOwned>(
        &self,
        file: &SourceFile,
        mapping: &serde_yaml::Mapping,
        probe: Option<&str>,
    ) -> Result<T, Box<KeyProblem>> {
        let value = serde_yaml::Value::Mapping(mapping.clone());
        // Through text, not `from_value`: only the text deserialiser names the path of a problem.
        let copy = Some(probe.unwrap_or(""));
        let text = serde_yaml::to_string(&value)
            .map_err(|error| Box::new(self.serde_problem(file, &error, copy)))?;
        serde_yaml::from_str(&text)
            .map_err(|error| Box::new(self.serde_problem(file, &error, copy)))
    }

    /// A serde error as a diagnostic. `copy`: the error was found in a changed copy of the block
    /// (whose lines are not this block's), holding only the key named, if one is; `None` for the
    /// block itself.
    fn serde_problem(
        &self,
        file: &SourceFile,
        error: &serde_yaml::Error,
        copy: Option<&str>,
    ) -> KeyProblem {
        let full = error.to_string();
        let message = match full.rfind(" at line ") {
            Some(i) if error.location().is_some() => &full[..i],
            _ => full.as_str(),
        };
        // serde_yaml puts the path of the value first: `location.city: invalid type: …`.
        let (path, detail) = match message.split_once(": ") {
            Some((path, detail)) if !path.contains(' ') && !path.is_empty() => (Some(path), detail),
            _ => (None, message),
        };
        let top_key = |path: &str| {
            let end = path.find(['.', '[']).unwrap_or(path.len());
            path[..end].to_owned()
        };
        if let Some(field) = detail
            .strip_prefix("missing field `")
            .and_then(|rest| rest.strip_suffix('`'))
        {
            let key = match path {
                Some(parent) => format!("{parent}.{field}"),
                None => field.to_owned(),
            };
            let span = path.map_or(self.start(), |p| self.span(p));
            return KeyProblem {
                key: Some(top_key(&key)),
                missing: path.is_none(),
                diagnostic: file
                    .error(
                        span,
                        crate::text!(
                            "the required key `{key}` is missing",
                            "de verplichte sleutel `{key}` ontbreekt"
                        ),
                    )
                    .with_hint(crate::text!("add `{field}: …`", "voeg `{field}: …` toe")),
            };
        }
        let location = error.location().filter(|_| copy.is_none());
        // Some errors (of an untagged enum) have no path: in a copy with one key, it is that key.
        let probe = copy.filter(|key| path.is_none() && !key.is_empty());
        let span = match (path, location) {
            (Some(path), _) if self.values.contains_key(path) => self.span(path),
            (_, Some(location)) => Span::new(
                self.first_line + location.line() as u32 - 1,
                location.column() as u32,
                1,
            ),
            // `hashtags[2]` is `hashtags.2` here.
            (Some(path), None) => self.span(&path.replace('[', ".").replace(']', "")),
            (None, None) => probe.map_or(self.start(), |key| self.span(key)),
        };
        let detail = detail.replace("invalid type: ", "found ");
        let message = match path {
            Some(path) => crate::text!(
                "`{path}` has the wrong type: {detail}",
                "`{path}` heeft het verkeerde type: {detail}"
            ),
            None if detail.starts_with("found ") => {
                crate::text!("wrong type: {detail}", "verkeerd type: {detail}")
            }
            None => match probe {
                Some(key) => Text::from(format!("`{key}`: {detail}")),
                None => Text::from(detail),
            },
        };
        KeyProblem {
            key: path.map(top_key).or(probe.map(str::to_owned)),
            missing: false,
            diagnostic: file.error(span, message),
        }
    }

    /// The positions of the value at `path` and of everything inside it.
    pub fn spans_within<'a>(&'a self, path: &'a str) -> impl Iterator<Item = Span> + 'a {
        self.values
            .iter()
            .filter(move |(p, _)| {
                p.as_str() == path || (p.starts_with(path) && p[path.len()..].starts_with('.'))
            })
            .map(|(_, span)| *span)
            .chain(std::iter::once(self.span(path)))
    }
}

/// What deserialising found wrong, with the top-level key it lies under (`location` for a wrong
/// `location.city`), when there is one.
#[derive(Debug)]
pub struct KeyProblem {
    pub key: Option<String>,
    /// Whether the top-level key itself is missing.
    pub missing: bool,
    pub diagnostic: Diagnostic,
}

impl Duplicate {
    /// The error at the second key, naming the line of the first.
    pub fn diagnostic(&self, file: &SourceFile, hint: Text) -> Diagnostic {
        let (path, line) = (&self.path, self.first.line);
        file.error(
            self.again,
            crate::text!(
                "duplicate key `{path}`: it is already written on line {line}",
                "dubbele sleutel `{path}`: die staat al op regel {line}"
            ),
        )
        .with_hint(hint)
    }
}

fn known_list(known: &[&str]) -> String {
    known
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn yaml_syntax_hint(message: &str) -> Text {
    if message.contains("mapping values are not allowed") {
        crate::text!(
            "a value that contains `: ` must be quoted: `title: \"Nachtdienst: mijn verhaal\"`",
            "zet een waarde met `: ` erin tussen aanhalingstekens: `title: \"Nachtdienst: mijn verhaal\"`"
        )
    } else if message.contains("tab") {
        crate::text!(
            "indent YAML with spaces, not tabs",
            "spring YAML in met spaties, niet met tabs"
        )
    } else {
        crate::text!(
            "check the quotes, colons and indentation on this line and the one above",
            "controleer de aanhalingstekens, dubbele punten en het inspringen op deze regel en de regel erboven"
        )
    }
}

/// (line 1-based, column 0-based, length in characters) as yaml-rust2 counts them.
type Mark = (usize, usize, usize);

/// Records the position of every key and value while yaml-rust2 parses.
#[derive(Default)]
struct SpanCollector {
    stack: Vec<Frame>,
    values: HashMap<String, Mark>,
    keys: HashMap<String, Vec<(String, Mark)>>,
    /// (path, first, again) of each key written twice in a mapping.
    duplicates: Vec<(String, Mark, Mark)>,
}

enum Frame {
    Map { path: String, key: Option<String> },
    Seq { path: String, index: usize },
}

impl SpanCollector {
    /// The path that the next value takes, and whether that value is a mapping key.
    fn next_slot(&self) -> (Option<String>, bool) {
        match self.stack.last() {
            None => (Some(String::new()), false),
            Some(Frame::Map { key: None, .. }) => (None, true),
            Some(Frame::Map {
                path,
                key: Some(key),
            }) => (Some(join(path, key)), false),
            Some(Frame::Seq { path, index }) => (Some(join(path, &index.to_string())), false),
        }
    }

    fn value_done(&mut self) {
        match self.stack.last_mut() {
            Some(Frame::Map { key, .. }) => *key = None,
            Some(Frame::Seq { index, .. }) => *index += 1,
            None => {}
        }
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

impl MarkedEventReceiver for SpanCollector {
    fn on_event(&mut self, event: Event, mark: Marker) {
        let at = |len: usize| (mark.line(), mark.col(), len);
        match event {
            Event::Scalar(value, style, _, _) => {
                let quotes = match style {
                    TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted => 2,
                    _ => 0,
                };
                let len = match style {
                    TScalarStyle::Literal | TScalarStyle::Folded => 1,
                    _ => value.chars().count() + quotes,
                };
                match self.next_slot() {
                    (None, true) => {
                        if let Some(Frame::Map { path, key }) = self.stack.last_mut() {
                            let keys = self.keys.entry(path.clone()).or_default();
                            let full = join(path, &value);
                            // Keys inside a duplicated key's value are reported with it, once.
                            let inside_duplicate = self.duplicates.iter().any(|(d, _, _)| {
                                full.starts_with(d.as_str()) && full[d.len()..].starts_with('.')
                            });
                            if let Some((_, first)) = keys.iter().find(|(k, _)| *k == value) {
                                if !inside_duplicate {
                                    self.duplicates.push((full, *first, at(len)));
                                }
                            }
                            keys.push((value.clone(), at(len)));
                            *key = Some(value);
                        }
                    }
                    (Some(path), _) => {
                        self.values.insert(path, at(len));
                        self.value_done();
                    }
                    (None, false) => {}
                }
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                // A complex key (`? [a, b]: c`) has no path; record it under a placeholder.
                let path = self.next_slot().0.unwrap_or_else(|| "?".to_owned());
                self.values.insert(path.clone(), at(1));
                self.stack.push(match event {
                    Event::MappingStart(..) => Frame::Map { path, key: None },
                    _ => Frame::Seq { path, index: 0 },
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                self.value_done();
            }
            Event::Alias(_) => self.value_done(),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> SourceFile {
        SourceFile::new("a.yaml", text.to_owned())
    }

    #[test]
    fn positions_of_keys_and_values_in_the_whole_file() {
        let file =
            doc("---\ntitle: Nacht\nlocation:\n  city: Utrecht\nhashtags: [a, \"b\"]\n---\n");
        let start = 4;
        let end = file.text.rfind("---").unwrap();
        let yaml = YamlDocument::parse(&file, start, end).unwrap();
        assert_eq!(yaml.span("title"), Span::new(2, 8, 5));
        assert_eq!(yaml.key_span("title"), Some(Span::new(2, 1, 5)));
        assert_eq!(yaml.span("location.city"), Span::new(4, 9, 7));
        assert_eq!(yaml.span("hashtags.1"), Span::new(5, 15, 3));
        assert_eq!(
            yaml.span("hashtags.7"),
            Span::new(5, 11, 1),
            "falls back to the list"
        );
        assert_eq!(yaml.span("missing"), Span::new(2, 1, 0));
    }

    #[test]
    fn a_missing_key_is_placed_at_the_first_key_not_at_a_comment() {
        let file = doc("---\n# Wie vertelt dit verhaal?\n\ntitle: Nacht\nhours: 3\n---\n");
        let end = file.text.rfind("---").unwrap();
        let yaml = YamlDocument::parse(&file, 4, end).unwrap();
        assert_eq!(yaml.start(), Span::new(4, 1, 0));
        assert_eq!(yaml.span("consent"), Span::new(4, 1, 0));
        let file = doc("# only a comment\n");
        let yaml = YamlDocument::parse(&file, 0, file.text.len()).unwrap();
        assert_eq!(yaml.start(), Span::new(1, 1, 0));
        // A front-matter block with no key: its opening `---`.
        let file = doc("---\n# nog niets\n---\n");
        let yaml = YamlDocument::parse(&file, 4, 15).unwrap();
        assert_eq!(yaml.start(), Span::new(1, 1, 0));
    }

    #[test]
    fn unknown_keys_get_a_suggestion() {
        let file = doc("titel: x\nconsent: y\n");
        let yaml = YamlDocument::parse(&file, 0, file.text.len()).unwrap();
        let errors = yaml.unknown_keys(&file, "", &["title", "consent"], &Text::from("a story"));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].message, "unknown key `titel` in a story");
        assert_eq!(errors[0].hint.as_deref(), Some("did you mean `title`?"));
        assert_eq!((errors[0].line, errors[0].column), (1, 1));
    }

    #[test]
    fn syntax_errors_point_into_the_file() {
        let file = doc("---\na: 1\ntitle: Nacht: dienst\n---\n");
        let end = file.text.rfind("---").unwrap();
        let error = YamlDocument::parse(&file, 4, end).unwrap_err();
        assert_eq!(error.line, 3);
        assert!(
            error.message.starts_with("invalid YAML: "),
            "{}",
            error.message
        );
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        title: String,
        hours: Option<u32>,
    }

    #[test]
    fn type_errors_name_the_key_and_its_line() {
        let file = doc("title: x\nhours: veel\n");
        let yaml = YamlDocument::parse(&file, 0, file.text.len()).unwrap();
        let error = yaml.deserialize::<Sample>(&file).unwrap_err();
        assert_eq!(
            error.message,
            "`hours` has the wrong type: found string \"veel\", expected u32"
        );
        assert_eq!((error.line, error.column), (2, 8));
    }

    #[test]
    fn a_missing_key_is_named() {
        let file = doc("hours: 3\n");
        let yaml = YamlDocument::parse(&file, 0, file.text.len()).unwrap();
        let error = yaml.deserialize::<Sample>(&file).unwrap_err();
        assert_eq!(error.message, "the required key `title` is missing");
    }
}
