//! A small XML writer over quick-xml for the feeds: escaping, CDATA and indentation done once.

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
        let start = BytesStart::new(name).with_attributes(attributes.iter().copied());
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
        self.writer
            .create_element(name)
            .with_attributes(attributes.iter().copied())
            .write_text_content(BytesText::new(text))
            .expect(IN_MEMORY);
    }

    /// `<name><![CDATA[text]]></name>`, split where the text itself contains `]]>`.
    pub fn cdata(&mut self, name: &str, text: &str) {
        self.open(name, &[]);
        for part in BytesCData::escaped(text) {
            self.writer
                .write_event(Event::CData(part))
                .expect(IN_MEMORY);
        }
        self.writer
            .write_event(Event::End(BytesEnd::new(name)))
            .expect(IN_MEMORY);
    }

    pub fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.writer
            .create_element(name)
            .with_attributes(attributes.iter().copied())
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
pub fn escape(text: &str) -> Cow<'_, str> {
    quick_xml::escape::escape(text)
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
}
