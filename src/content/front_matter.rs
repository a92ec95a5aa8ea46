//! Markdown files with a YAML front-matter block between `---` lines: splitting, parsing, and the
//! loaded `Document` that keeps its source for messages.

use std::ops::Range;

use serde::de::DeserializeOwned;

use crate::base::diagnostics::Diagnostic;
use crate::base::source::{SourceFile, Span};
use crate::base::yaml::YamlDocument;

/// The keys a kind of document accepts: top level, and nested mappings by path.
pub struct Schema {
    /// "a story", for messages.
    pub what: &'static str,
    pub keys: &'static [&'static str],
    pub nested: &'static [(&'static str, &'static [&'static str])],
}

/// A content file: its source, front-matter positions, typed front-matter and Markdown body.
#[derive(Debug, Clone)]
pub struct Document<F> {
    pub file: SourceFile,
    pub yaml: YamlDocument,
    pub front: F,
    pub body: Range<usize>,
}

impl<F> Document<F> {
    #[cfg(test)]
    pub fn body_text(&self) -> &str {
        &self.file.text[self.body.clone()]
    }

    /// An error at the value of a front-matter key (`location.city`, `hashtags.2`).
    pub fn error(&self, key: &str, message: impl Into<String>) -> Diagnostic {
        self.file.error(self.yaml.span(key), message)
    }

    pub fn warning(&self, key: &str, message: impl Into<String>) -> Diagnostic {
        self.file.warning(self.yaml.span(key), message)
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
                "the file does not start with a front-matter block",
            )
            .with_hint("start the file with a line `---`, the YAML keys, and another `---` line"));
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
        .error(Span::new(1, 1, 3), "the front-matter block is never closed")
        .with_hint("end the YAML keys with a line `---` before the text"))
}

/// Splits, checks the keys against `schema` and deserialises the front-matter of `file`.
pub fn parse<F: DeserializeOwned>(
    file: SourceFile,
    schema: &Schema,
) -> Result<Document<F>, Vec<Diagnostic>> {
    let (yaml_range, body) = split(&file).map_err(|d| vec![d])?;
    let yaml = YamlDocument::parse(&file, yaml_range.start, yaml_range.end).map_err(|d| vec![d])?;
    let mut problems = yaml.duplicate_keys(&file);
    problems.extend(yaml.unknown_keys(&file, "", schema.keys, schema.what));
    for (path, keys) in schema.nested {
        problems.extend(yaml.unknown_keys(&file, path, keys, &format!("`{path}`")));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let front = yaml.deserialize(&file).map_err(|d| vec![d])?;
    Ok(Document {
        file,
        yaml,
        front,
        body,
    })
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
        keys: &["title"],
        nested: &[],
    };

    fn parse_text(text: &str) -> Result<Document<Front>, Vec<Diagnostic>> {
        parse(SourceFile::new("p.md", text.to_owned()), &SCHEMA)
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
