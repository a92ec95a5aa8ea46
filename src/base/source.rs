//! Source files as read from the site folder: relative path, text, and byte offset → line/column.

use std::path::PathBuf;
use std::sync::OnceLock;

/// A position in a source file: 1-based line and column (in characters), and a length in characters
/// for the caret line under the offending text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub line: u32,
    pub column: u32,
    pub len: u32,
}

impl Span {
    pub fn new(line: u32, column: u32, len: u32) -> Self {
        Span { line, column, len }
    }

    /// The start of a file, for problems that concern the file as a whole.
    pub fn file_start() -> Self {
        Span::new(1, 1, 0)
    }
}

/// A text file of the site, with its path relative to the site root (the same on every machine).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    /// The byte offset of each line, found when first asked for: a file whose positions were
    /// kept from an earlier build (`content::cache`) and that has no problem never needs them.
    line_starts: OnceLock<Vec<usize>>,
    /// The BLAKE3 hash of `text`, made when first asked for (`serve` keeps a parsed file between
    /// builds, so its text is hashed once, not on every build).
    digest: OnceLock<blake3::Hash>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        // A byte-order mark is not content: editors on Windows add it, YAML would choke on it.
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        };
        SourceFile {
            path: path.into(),
            text,
            line_starts: OnceLock::new(),
            digest: OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// The BLAKE3 hash of the text.
    pub fn digest(&self) -> &blake3::Hash {
        self.digest
            .get_or_init(|| blake3::hash(self.text.as_bytes()))
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line_starts = self.line_starts();
        let line = line_starts.partition_point(|&start| start <= offset) - 1;
        let start = line_starts[line];
        let column = self.text[start..offset].chars().count() + 1;
        (line as u32 + 1, column as u32)
    }

    /// The span of the byte range `start..end` (the length is cut at the end of its first line).
    pub fn span(&self, start: usize, end: usize) -> Span {
        let (line, column) = self.position(start);
        let end = end.clamp(start, self.text.len());
        let first_line_end = self.text[start..end].find('\n').map_or(end, |i| start + i);
        let len = self.text[start..first_line_end].chars().count() as u32;
        Span::new(line, column, len)
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: u32) -> Option<&str> {
        let index = (line as usize).checked_sub(1)?;
        let line_starts = self.line_starts();
        let start = *line_starts.get(index)?;
        let end = line_starts
            .get(index + 1)
            .copied()
            .unwrap_or(self.text.len());
        Some(self.text[start..end].trim_end_matches(['\n', '\r']))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let file = SourceFile::new("a.md", "ab\nçd\n\nx".to_owned());
        assert_eq!(file.position(0), (1, 1));
        assert_eq!(file.position(3), (2, 1));
        assert_eq!(file.position(6), (2, 3), "ç is one character of two bytes");
        assert_eq!(file.position(7), (3, 1));
        assert_eq!(file.position(8), (4, 1));
        assert_eq!(file.line_text(2), Some("çd"));
        assert_eq!(file.line_text(5), None);
    }

    #[test]
    fn crlf_line_endings_are_not_part_of_the_line() {
        let file = SourceFile::new("a.md", "a: 1\r\nb: 2\r\n".to_owned());
        assert_eq!(file.line_text(1), Some("a: 1"));
        assert_eq!(file.position(6), (2, 1));
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        let file = SourceFile::new("a.md", "\u{feff}---\n".to_owned());
        assert_eq!(file.text, "---\n");
        assert_eq!(file.position(0), (1, 1));
    }

    #[test]
    fn a_span_stops_at_the_end_of_its_line() {
        let file = SourceFile::new("a.md", "abc\ndef".to_owned());
        assert_eq!(file.span(1, 6), Span::new(1, 2, 2));
    }
}
