//! A property of every serialiser of `render`: any title (arbitrary Unicode, control characters,
//! `<!--`, `]]>`, quotes, `</script>`) comes out as valid JSON-LD, well-formed XML (the feeds, the
//! job-board feed, the sitemap) and HTML whose parser reads the title back.

use std::collections::BTreeMap;

use proptest::prelude::*;

use crate::model::{Site, Visibility};
use crate::output::MemoryOutput;
use crate::render::render;

/// Pieces that break a format written by hand, mixed with any character.
fn title() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<!--".to_owned()),
        Just("-->".to_owned()),
        Just("]]>".to_owned()),
        Just("<![CDATA[".to_owned()),
        Just("</script>".to_owned()),
        Just("\"".to_owned()),
        Just("'".to_owned()),
        Just("&amp;".to_owned()),
        Just("\u{1}".to_owned()),
        Just("\u{0}".to_owned()),
        Just("\r\n".to_owned()),
        Just("\u{FFFE}".to_owned()),
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 1..12).prop_map(|pieces| format!("T{}", pieces.concat()))
}

/// What a reader of an XML 1.0 document gets back: no forbidden characters, line ends as `\n`.
fn as_xml_reads_it(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| matches!(c, '\t' | '\n') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}'))
        .collect()
}

/// The first public story and the first open, public vacancy: what every feed lists.
fn featured(site: &Site) -> (usize, usize) {
    let story = site
        .stories
        .iter()
        .position(|s| s.visibility == Visibility::Public)
        .expect("the fixture has a public story");
    let vacancy = site
        .vacancies
        .iter()
        .position(|v| v.open && v.visibility == Visibility::Public)
        .expect("the fixture has an open vacancy");
    (story, vacancy)
}

/// The `minimal` fixture with `title` on its featured story and vacancy, rendered into memory;
/// the files and the two pages' paths.
fn built(title: &str) -> (BTreeMap<String, Vec<u8>>, String, String) {
    let mut site: Site = super::tests::minimal_site();
    let (story, vacancy) = featured(&site);
    site.stories[story].title = title.to_owned();
    site.vacancies[vacancy].title = title.to_owned();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
    let theme = crate::theme::load(&root, &site.config.theme, site.config.language)
        .expect("the built-in theme loads");
    let output = MemoryOutput::default();
    render(&site, &theme, &output).expect("the site renders");
    let page = |url: &str| format!("{}index.html", url.trim_start_matches('/'));
    (
        output.into_files(),
        page(&site.stories[story].url),
        page(&site.vacancies[vacancy].url),
    )
}

fn text(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(files[path].clone()).expect("output is UTF-8")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_title_survives_into_json_ld_xml_and_html(title in title()) {
        let (files, story, vacancy) = built(&title);
        for (page, key) in [(&story, "headline"), (&vacancy, "title")] {
            let html = scraper::Html::parse_document(&text(&files, page));
            let script = scraper::Selector::parse("script[type=\"application/ld+json\"]").unwrap();
            let raw: String = html.select(&script).next().expect("JSON-LD").text().collect();
            prop_assert!(!raw.contains('<') && !raw.contains('>'));
            let ld: serde_json::Value = serde_json::from_str(&raw).expect("JSON-LD is JSON");
            prop_assert_eq!(ld[key].as_str(), Some(title.as_str()));
            let h1 = scraper::Selector::parse("h1").unwrap();
            let heading: String = html.select(&h1).next().expect("a heading").text().collect();
            // HTML's own preprocessing: CRLF and CR become LF, NUL in text is dropped.
            let expected = title.replace("\r\n", "\n").replace(['\r'], "\n").replace('\0', "");
            prop_assert_eq!(heading.trim(), expected.trim());
        }
        let wanted = as_xml_reads_it(&title);
        for feed in ["vacatures/feed.xml", "vacatures/jobs.xml", "verhalen/feed.xml", "sitemap.xml"] {
            let xml = text(&files, feed);
            let doc = roxmltree::Document::parse(&xml);
            prop_assert!(doc.is_ok(), "{} is not well-formed: {:?}", feed, doc.err());
            if feed != "sitemap.xml" {
                let doc = doc.unwrap();
                // A writer may keep a CR as `&#13;` or let the parser turn it into LF: both read
                // the same line.
                let line_ends = |t: &str| t.replace("\r\n", "\n").replace('\r', "\n");
                prop_assert!(
                    doc.descendants().any(|n| n.has_tag_name("title")
                        && n.text().map(line_ends).as_deref() == Some(wanted.as_str())),
                    "{} lost the title", feed
                );
            }
        }
        let json: serde_json::Value = serde_json::from_str(&text(&files, "vacatures/feed.json")).expect("JSON Feed is JSON");
        prop_assert!(json["items"].as_array().unwrap().iter().any(|i| i["title"] == title.as_str()));
    }
}
