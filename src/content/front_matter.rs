//! Markdown files with a YAML front-matter block between `---` lines: splitting, parsing, and the
//! loaded `Document` that keeps its source for messages.

use std::ops::Range;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde_yaml::{Mapping, Value};

use crate::base::diagnostics::{closest_name, Diagnostic};
use crate::base::source::{SourceFile, Span};
use crate::base::text::Text;
use crate::base::yaml::YamlDocument;
use crate::content::cache::ContentCache;

/// The keys a kind of document accepts: top level, and nested mappings by path.
pub struct Schema {
    /// "a story", for messages.
    pub what: &'static str,
    /// The same in Dutch: "een verhaal".
    pub what_nl: &'static str,
    pub keys: &'static [&'static str],
    pub nested: &'static [(&'static str, &'static [&'static str])],
    /// A value for each required key, as YAML: it stands in for a key that is wrong or missing,
    /// so that the checks of the other keys still run (the file is never published).
    pub stand_ins: &'static str,
}

/// A content file: its source, front-matter positions, typed front-matter and Markdown body.
#[derive(Debug, Clone)]
pub struct Document<F> {
    pub file: SourceFile,
    /// Shared with the cache of positions kept between builds.
    pub yaml: Arc<YamlDocument>,
    pub front: F,
    pub body: Range<usize>,
    /// Top-level keys whose value was wrong or missing, already reported: `front` holds a
    /// stand-in or nothing for them, and no rule may report them again.
    pub broken: Vec<String>,
}

impl<F> Document<F> {
    #[cfg(test)]
    pub fn body_text(&self) -> &str {
        &self.file.text[self.body.clone()]
    }

    /// An error at the value of a front-matter key (`location.city`, `hashtags.2`).
    pub fn error(&self, key: &str, message: impl Into<Text>) -> Diagnostic {
        self.file.error(self.yaml.span(key), message)
    }

    pub fn warning(&self, key: &str, message: impl Into<Text>) -> Diagnostic {
        self.file.warning(self.yaml.span(key), message)
    }

    pub fn is_broken(&self, key: &str) -> bool {
        self.broken.iter().any(|k| k == key)
    }

    pub fn has_broken_keys(&self) -> bool {
        !self.broken.is_empty()
    }
}

/// Byte ranges of the YAML block and of the body.
fn split(file: &SourceFile) -> Result<(Range<usize>, Range<usize>), Diagnostic> {
    let text = &file.text;
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        return Err(file
            .error(
                Span::new(1, 1, 0),
                crate::text!(
                    "the file does not start with a front-matter block",
                    "het bestand begint niet met een front-matterblok"
                ),
            )
            .with_hint(crate::text!(
                "start the file with a line `---`, the YAML keys, and another `---` line",
                "begin het bestand met een regel `---`, dan de YAML-sleutels en weer een regel `---`"
            )));
    }
    let mut offset = first_line_end;
    while offset < text.len() {
        let line_end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        let line = text[offset..line_end].trim_end();
        if line == "---" || line == "..." {
            return Ok((first_line_end..offset, line_end..text.len()));
        }
        offset = line_end;
    }
    Err(file
        .error(
            Span::new(1, 1, 3),
            crate::text!(
                "the front-matter block is never closed",
                "het front-matterblok wordt nergens afgesloten"
            ),
        )
        .with_hint(crate::text!(
            "end the YAML keys with a line `---` before the text",
            "sluit de YAML-sleutels af met een regel `---` vóór de tekst"
        )))
}

/// Splits, checks the keys against `schema` and deserialises the front-matter of `file`. Every
/// wrong key is reported; the document comes back, with those keys `broken`, when the other keys
/// can still be checked, and the diagnostics beside it are then the errors of the broken keys.
pub fn parse<F: DeserializeOwned>(
    file: SourceFile,
    schema: &Schema,
) -> (Option<Document<F>>, Vec<Diagnostic>) {
    parse_kept(file, schema, None)
}

/// `parse`, with the positions of the YAML taken from `kept` when an earlier build found them in
/// the same text (and kept there when not).
pub fn parse_kept<F: DeserializeOwned>(
    file: SourceFile,
    schema: &Schema,
    kept: Option<&ContentCache>,
) -> (Option<Document<F>>, Vec<Diagnostic>) {
    let (yaml_range, body) = match split(&file) {
        Ok(ranges) => ranges,
        Err(d) => return (None, vec![d]),
    };
    let found = kept.and_then(|kept| kept.positions(&file.path, file.digest()));
    let yaml = match found {
        Some(yaml) => yaml,
        None => match YamlDocument::parse(&file, yaml_range.start, yaml_range.end) {
            Ok(yaml) => {
                let yaml = Arc::new(yaml);
                if let Some(kept) = kept {
                    kept.keep_positions(&file.path, *file.digest(), Arc::clone(&yaml));
                }
                yaml
            }
            Err(d) => return (None, vec![d]),
        },
    };
    let mut problems = yaml.duplicate_keys(&file);
    let unknown = UnknownKeys::of(&file, &yaml, schema);
    let duplicated = !problems.is_empty();
    problems.extend(unknown.problems.iter().cloned());
    if duplicated {
        // YAML kept only one of two values of a key: which one the author meant is not known.
        return (None, problems);
    }
    // With an unknown key the whole block cannot be read as it is: the keys go one by one.
    let deserialized = if unknown.keys.is_empty() {
        yaml.deserialize_keys(&file)
            .map_err(|first| Some(first.diagnostic))
    } else {
        Err(None)
    };
    let (front, broken) = match deserialized {
        Ok(front) => (front, Vec::new()),
        Err(first) => {
            let text = &file.text[yaml_range];
            let recovered =
                without_broken_keys(&file, &yaml, text, schema, (first, &unknown), &mut problems);
            match recovered {
                Some(recovered) => recovered,
                None => return (None, problems),
            }
        }
    };
    let doc = Document {
        file,
        yaml,
        front,
        body,
        broken,
    };
    (Some(doc), problems)
}

/// The unknown keys of a document, reported and then left out so that the other keys are still
/// checked.
struct UnknownKeys {
    /// The top-level keys an unknown key is written as or under (`share` for `share.linkedn`).
    keys: Vec<String>,
    /// The known keys they are typos of: one missing because of the typo is no second error.
    meant: Vec<&'static str>,
    problems: Vec<Diagnostic>,
}

impl UnknownKeys {
    fn of(file: &SourceFile, yaml: &YamlDocument, schema: &Schema) -> Self {
        let keys: Vec<String> = yaml
            .keys("")
            .filter(|(key, _)| !schema.keys.contains(&key.as_str()))
            .map(|(key, _)| key.clone())
            .collect();
        let meant = keys
            .iter()
            .filter_map(|key| closest_name(key, schema.keys.iter().copied()))
            .collect();
        let mut unknown = UnknownKeys {
            keys,
            meant,
            problems: yaml.unknown_keys(
                file,
                "",
                schema.keys,
                &Text::new(schema.what, schema.what_nl),
            ),
        };
        for (path, known) in schema.nested {
            let found = yaml.unknown_keys(file, path, known, &Text::from(format!("`{path}`")));
            if !found.is_empty() {
                unknown.keys.push((*path).to_owned());
            }
            unknown.problems.extend(found);
        }
        unknown
    }
}

/// After the `first` problem (none when there are unknown keys, reported already): the problem of
/// every wrong or missing key, each once (into `problems`), and the front-matter without them with
/// its broken keys. The `unknown` keys are left out (a stand-in when required). Each written key
/// is tried on its own, beside the schema's stand-ins for the required keys; a wrong key is then
/// left out when `F` can do without it, and takes its stand-in when it is required. `None` when
/// that gives no value (the top level is not a mapping, or the problem lies outside any key).
fn without_broken_keys<F: DeserializeOwned>(
    file: &SourceFile,
    yaml: &YamlDocument,
    text: &str,
    schema: &Schema,
    (first, unknown): (Option<Diagnostic>, &UnknownKeys),
    problems: &mut Vec<Diagnostic>,
) -> Option<(F, Vec<String>)> {
    let mut mapping = match serde_yaml::from_str::<Value>(text) {
        Ok(Value::Mapping(mapping)) => mapping,
        _ => {
            problems.extend(first);
            return None;
        }
    };
    let stand_ins: Mapping =
        serde_yaml::from_str(schema.stand_ins).expect("a schema's stand-ins are a YAML mapping");
    let mut broken: Vec<String> = Vec::new();
    for key in &unknown.keys {
        mapping.remove(key.as_str());
        broken.push(key.clone());
    }
    for (name, value) in mapping.clone() {
        let Some(key) = name.as_str() else { continue };
        let mut probe = stand_ins.clone();
        probe.insert(name.clone(), value);
        if let Err(problem) = yaml.deserialize_mapping::<F>(file, &probe, Some(key)) {
            problems.push(problem.diagnostic);
            broken.push(key.to_owned());
            mapping.remove(&name);
        }
    }
    let gave_up = loop {
        let problem = match yaml.deserialize_mapping(file, &mapping, None) {
            // Each key alone is right, all together are not: say what the first problem was.
            Ok(_) if problems.is_empty() => {
                problems.extend(first);
                return None;
            }
            Ok(front) => return Some((front, broken)),
            Err(problem) => problem,
        };
        let Some(key) = problem.key.clone().filter(|_| problem.missing) else {
            break problem;
        };
        let name = Value::String(key.clone());
        let Some(stand_in) = stand_ins
            .get(key.as_str())
            .filter(|_| !mapping.contains_key(&name))
        else {
            break problem;
        };
        // A required key that was left out is reported already; one never written is not,
        // unless an unknown key is a typo of it (its hint names the key).
        if !broken.contains(&key) {
            if !unknown.meant.contains(&key.as_str()) {
                problems.push(problem.diagnostic);
            }
            broken.push(key);
        }
        mapping.insert(name, stand_in.clone());
    };
    // What kept the value from being made, unless it follows from a key reported already.
    if !gave_up.key.as_ref().is_some_and(|key| broken.contains(key)) {
        problems.push(gave_up.diagnostic);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Front {
        title: String,
    }

    const SCHEMA: Schema = Schema {
        what: "a page",
        what_nl: "een pagina",
        keys: &["title"],
        nested: &[],
        stand_ins: "title: \"\"\n",
    };

    fn parse_text(text: &str) -> Result<Document<Front>, Vec<Diagnostic>> {
        match parse(SourceFile::new("p.md", text.to_owned()), &SCHEMA) {
            (Some(doc), problems) if problems.is_empty() => Ok(doc),
            (_, problems) => Err(problems),
        }
    }

    #[test]
    fn splits_front_matter_and_body() {
        let doc = parse_text("---\ntitle: Hallo\n---\nTekst\n").unwrap();
        assert_eq!(doc.front.title, "Hallo");
        assert_eq!(doc.body_text(), "Tekst\n");
    }

    #[test]
    fn crlf_and_bom_files_work() {
        let doc = parse_text("\u{feff}---\r\ntitle: Hallo\r\n---\r\nTekst\r\n").unwrap();
        assert_eq!(doc.front.title, "Hallo");
        assert_eq!(doc.body_text(), "Tekst\r\n");
    }

    #[test]
    fn errors_on_first_and_last_line_of_the_block() {
        let errors = parse_text("---\ntitel: Hallo\n---\n").unwrap_err();
        assert_eq!((errors[0].line, errors[0].column), (2, 1));
        let errors = parse_text("---\ntitle: Hallo\nfoo: bar\n---\n").unwrap_err();
        assert_eq!((errors[0].line, errors[0].column), (3, 1));
        assert_eq!(errors[0].message, "unknown key `foo` in a page");
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Typed {
        title: String,
        hours: Option<u32>,
        #[serde(default)]
        tags: Vec<String>,
    }

    const TYPED: Schema = Schema {
        what: "a page",
        what_nl: "een pagina",
        keys: &["title", "hours", "tags"],
        nested: &[],
        stand_ins: "title: \"\"\n",
    };

    /// Line, column and message of a problem.
    type Problem = (u32, u32, String);

    fn parse_typed(text: &str) -> (Option<Document<Typed>>, Vec<Problem>) {
        let (doc, problems) = parse(SourceFile::new("p.md", text.to_owned()), &TYPED);
        let problems = problems
            .into_iter()
            .map(|d| (d.line, d.column, d.message.to_string()))
            .collect();
        (doc, problems)
    }

    #[test]
    fn every_wrong_key_is_reported_and_the_rest_is_kept() {
        let (doc, problems) = parse_typed("---\ntitle: [x]\nhours: veel\ntags: [a, b]\n---\n");
        assert_eq!(
            problems,
            [
                (
                    2,
                    8,
                    "`title` has the wrong type: found sequence, expected a string".to_owned()
                ),
                (
                    3,
                    8,
                    "`hours` has the wrong type: found string \"veel\", expected u32".to_owned()
                ),
            ]
        );
        let doc = doc.expect("the keys that are right are kept");
        assert_eq!(doc.broken, ["title", "hours"]);
        assert_eq!((doc.front.title.as_str(), doc.front.hours), ("", None));
        assert_eq!(doc.front.tags, ["a", "b"]);
    }

    #[test]
    fn a_missing_key_is_named_at_the_first_line_with_the_other_problems() {
        let (doc, problems) = parse_typed("---\nhours: veel\n---\n");
        assert_eq!(
            problems,
            [
                (
                    2,
                    8,
                    "`hours` has the wrong type: found string \"veel\", expected u32".to_owned()
                ),
                (2, 1, "the required key `title` is missing".to_owned()),
            ]
        );
        assert_eq!(doc.expect("a stand-in title").broken, ["hours", "title"]);
    }

    #[test]
    fn an_unknown_key_is_reported_and_the_other_keys_still_checked() {
        let (doc, problems) = parse_typed("---\ntitle: Hallo\nhours: veel\nfoo: bar\n---\n");
        assert_eq!(
            problems,
            [
                (4, 1, "unknown key `foo` in a page".to_owned()),
                (
                    3,
                    8,
                    "`hours` has the wrong type: found string \"veel\", expected u32".to_owned()
                ),
            ]
        );
        let doc = doc.expect("the keys that are right are kept");
        assert_eq!(doc.broken, ["foo", "hours"]);
        assert_eq!(doc.front.title, "Hallo");
    }

    #[test]
    fn a_typo_of_a_required_key_is_not_reported_again_as_missing() {
        let (doc, problems) = parse_typed("---\n# Een pagina\ntitel: Hallo\n---\n");
        assert_eq!(
            problems,
            [(3, 1, "unknown key `titel` in a page".to_owned())]
        );
        let doc = doc.expect("a stand-in title");
        assert_eq!(doc.broken, ["titel", "title"]);
        // Never written: the file's first key, not the comment above it, is where it is missing.
        let (_, problems) = parse_typed("---\n# Een pagina\n\nhours: 3\n---\n");
        assert_eq!(
            problems,
            [(4, 1, "the required key `title` is missing".to_owned())]
        );
    }

    #[test]
    fn missing_fences_are_reported() {
        let errors = parse_text("title: Hallo\n").unwrap_err();
        assert_eq!(
            errors[0].message,
            "the file does not start with a front-matter block"
        );
        let errors = parse_text("---\ntitle: Hallo\n").unwrap_err();
        assert_eq!(errors[0].message, "the front-matter block is never closed");
    }
}
