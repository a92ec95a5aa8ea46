//! A small XML writer over quick-xml for the feeds: escaping, CDATA and indentation done once,
//! and no character XML 1.0 forbids (control characters, U+FFFE, U+FFFF) in any text, CDATA or
//! attribute it writes, so no title can make a document that is not well-formed.

use std::borrow::Cow;

use quick_xml::events::{BytesCData, BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

const IN_MEMORY: &str = "writing XML into memory cannot fail";

pub struct Xml {
    writer: Writer<Vec<u8>>,
}

impl Xml {
    /// A document that starts with `<?xml version="1.0" encoding="UTF-8"?>`.
    pub fn new() -> Xml {
        let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
        writer
            .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
            .expect(IN_MEMORY);
        Xml { writer }
    }

    pub fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        let attributes = legal_attributes(attributes);
        let start = BytesStart::new(name).with_attributes(attributes.iter().map(pair));
        self.writer
            .write_event(Event::Start(start))
            .expect(IN_MEMORY);
    }

    pub fn close(&mut self, name: &str) {
        self.writer
            .write_event(Event::End(BytesEnd::new(name)))
            .expect(IN_MEMORY);
    }

    /// `<name attributes…>escaped text</name>`.
    pub fn text(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        let attributes = legal_attributes(attributes);
        self.writer
            .create_element(name)
            .with_attributes(attributes.iter().map(pair))
            .write_text_content(BytesText::new(&legal(text)))
            .expect(IN_MEMORY);
    }

    /// `<name><![CDATA[text]]></name>`, split where the text itself contains `]]>`.
    pub fn cdata(&mut self, name: &str, text: &str) {
        self.open(name, &[]);
        for part in BytesCData::escaped(&legal(text)) {
            self.writer
                .write_event(Event::CData(part))
                .expect(IN_MEMORY);
        }
        self.writer
            .write_event(Event::End(BytesEnd::new(name)))
            .expect(IN_MEMORY);
    }

    pub fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        let attributes = legal_attributes(attributes);
        self.writer
            .create_element(name)
            .with_attributes(attributes.iter().map(pair))
            .write_empty()
            .expect(IN_MEMORY);
    }

    pub fn finish(self) -> String {
        let mut text = String::from_utf8(self.writer.into_inner())
            .expect("quick-xml writes the UTF-8 it was given");
        text.push('\n');
        text
    }
}

/// `text` escaped as [`Xml`] escapes it, for a document laid out by hand (the one-line entries of
/// the sitemap).
pub fn escape(text: &str) -> String {
    quick_xml::escape::escape(legal(text)).into_owned()
}

/// XML 1.0's `Char` production (section 2.2): tab, line feed, carriage return, and the rest of
/// Unicode from U+0020 except U+FFFE and U+FFFF (Rust strings hold no surrogates).
fn is_legal(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// `text` without the characters no XML 1.0 document may contain, not even escaped.
fn legal(text: &str) -> Cow<'_, str> {
    if text.chars().all(is_legal) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| is_legal(c)).collect())
    }
}

fn legal_attributes<'a>(attributes: &[(&'a str, &'a str)]) -> Vec<(&'a str, Cow<'a, str>)> {
    attributes
        .iter()
        .map(|&(name, value)| (name, legal(value)))
        .collect()
}

fn pair<'a>((name, value): &'a (&'a str, Cow<'a, str>)) -> (&'a str, &'a str) {
    (name, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes_and_splits_cdata() {
        let mut xml = Xml::new();
        xml.open("a", &[("href", "x?a=1&b=\"2\"")]);
        xml.text("t", &[], "R&D <team>");
        xml.cdata("c", "<p>a]]>b</p>");
        xml.close("a");
        assert_eq!(
            xml.finish(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a href=\"x?a=1&amp;b=&quot;2&quot;\">\n  <t>R&amp;D &lt;team&gt;</t>\n  <c><![CDATA[<p>a]]]]><![CDATA[>b</p>]]></c>\n</a>\n"
        );
    }

    #[test]
    fn characters_xml_forbids_are_left_out_everywhere() {
        let mut xml = Xml::new();
        xml.open("a", &[("title", "x\u{1}y")]);
        xml.text("t", &[("v", "\u{FFFF}")], "a\u{0}b\u{1B}c\td");
        xml.cdata("c", "e\u{8}f");
        xml.empty("e", &[("term", "\u{FFFE}g")]);
        xml.close("a");
        assert_eq!(
            xml.finish(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a title=\"xy\">\n  <t v=\"\">abc\td</t>\n  <c><![CDATA[ef]]></c>\n  <e term=\"g\"/>\n</a>\n"
        );
        assert_eq!(escape("<\u{1}>"), "&lt;&gt;");
    }
}
