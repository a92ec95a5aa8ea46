//! Raw HTML in a body: what the sanitiser keeps (ammonia's allow-list, links only to the schemes a
//! Markdown link may use, nothing loaded from another host) and, for the warnings, each thing it
//! removes with its place in the HTML. The HTML is read by html5ever's tokenizer, the parser
//! ammonia itself uses, so entities (`jav&#x09;ascript:`) are decoded the same way.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use html5ever::tendril::StrTendril;

use crate::base::language::Language;
use crate::base::text::Text;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer,
};

/// The schemes a link may have; the same as for a Markdown link.
const LINK_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Attributes whose URL the browser loads when the page opens (`href` only on `<link>`).
const LOADING: [&str; 7] = [
    "src",
    "srcset",
    "poster",
    "data",
    "background",
    "lowsrc",
    "dynsrc",
];

fn code_hint() -> Text {
    crate::text!(
        "scripts, event handlers and `javascript:` URLs are never published; write the content in Markdown",
        "scripts, event-handlers en `javascript:`-adressen worden nooit gepubliceerd; schrijf de inhoud in Markdown"
    )
}

fn load_hint() -> Text {
    crate::text!(
        "a page loads nothing from another site: link to it (`<a href>` or a Markdown link), or put the file in `static/`",
        "een pagina laadt niets van een andere site: link ernaar (`<a href>` of een Markdown-link), of zet het bestand in `static/`"
    )
}

fn tag_hint() -> Text {
    crate::text!(
        "raw HTML keeps only the tags and attributes of text; write the content in Markdown",
        "van HTML blijven alleen de tags en attributen voor tekst over; schrijf de inhoud in Markdown"
    )
}

/// The sanitiser of bodies with raw HTML. A site path written in it (`href="/verhalen/"`) is put
/// below `base_path` (`/werkenbij`, or empty), as the links written in Markdown are; one that
/// already is stays as it is.
pub(super) fn sanitizer(base_path: &str) -> ammonia::Builder<'static> {
    let base_path = base_path.to_owned();
    let mut builder = ammonia::Builder::default();
    builder
        .add_generic_attributes(["id", "class", "aria-hidden"])
        .add_tag_attributes("img", ["loading", "width", "height"])
        .url_schemes(LINK_SCHEMES.into_iter().collect())
        .attribute_filter(move |_, attribute, value| {
            if LOADING.contains(&attribute) && loads_from_elsewhere(value) {
                return None;
            }
            Some(match attribute {
                // `srcset` is not kept (nor anything else that loads a list of addresses).
                "href" | "src" => below(&base_path, value),
                _ => Cow::Borrowed(value),
            })
        })
        .link_rel(None);
    builder
}

/// `url` below `base_path` when it is a site path (`/x`, not `//host/x`) not below it yet.
fn below<'a>(base_path: &str, url: &'a str) -> Cow<'a, str> {
    let site_path = url.starts_with('/') && !url.starts_with("//") && !url.starts_with("/\\");
    let done = url
        .strip_prefix(base_path)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    if base_path.is_empty() || !site_path || done {
        Cow::Borrowed(url)
    } else {
        Cow::Owned(format!("{base_path}{url}"))
    }
}

/// Something the sanitiser removes from raw HTML: where (a byte range in the HTML), what and why.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Removal {
    pub start: usize,
    pub len: usize,
    pub message: Text,
    pub hint: Text,
}

/// What `sanitizer()` removes from `html`, in the order of the HTML.
pub(super) fn removals(html: &str) -> Vec<Removal> {
    let builder = sanitizer("");
    let rules = Rules {
        tags: builder.clone_tags(),
        attributes: builder.clone_tag_attributes(),
        generic: builder.clone_generic_attributes(),
    };
    let mut cursor = 0;
    let mut out = Vec::new();
    for tag in start_tags(html) {
        let name: &str = &tag.name;
        let (start, end) = find_tag(html, name, cursor);
        cursor = end;
        let place = |attribute: Option<&str>| match attribute
            .and_then(|a| find_attribute(&html[start..end], a))
        {
            Some((offset, len)) => (start + offset, len),
            None => (start, end - start),
        };
        for (attribute, message, hint) in rules.removed(&tag) {
            let (start, len) = place(attribute.as_deref());
            out.push(Removal {
                start,
                len,
                message,
                hint,
            });
        }
    }
    out
}

/// The allow-lists of the sanitiser, to say what it will remove.
struct Rules {
    tags: HashSet<&'static str>,
    attributes: HashMap<&'static str, HashSet<&'static str>>,
    generic: HashSet<&'static str>,
}

impl Rules {
    /// What goes from one start tag: the attribute concerned (none: the whole tag), the message
    /// and the hint.
    fn removed(&self, tag: &Tag) -> Vec<(Option<String>, Text, Text)> {
        let name: &str = &tag.name;
        let attrs: Vec<(String, &str)> = tag
            .attrs
            .iter()
            .map(|a| (a.name.local.to_string(), &*a.value))
            .collect();
        let removed = |what: Text| {
            let nl = what.get(Language::Nl);
            crate::text!(
                "raw HTML contains {what}; it was removed",
                "de HTML bevat {nl}; dat is weggehaald"
            )
        };
        if !self.tags.contains(name) {
            let load = attrs.iter().find(|(attribute, value)| {
                (LOADING.contains(&attribute.as_str()) || (name == "link" && attribute == "href"))
                    && loads_from_elsewhere(value)
            });
            let (message, hint) = match (name, load) {
                (_, Some((_, url))) => (loads(name, url), load_hint()),
                ("meta", _)
                    if attrs.iter().any(|(a, v)| {
                        a == "http-equiv" && v.trim().eq_ignore_ascii_case("refresh")
                    }) =>
                {
                    (
                        removed(crate::text!(
                            "`<meta http-equiv=\"refresh\">`, a redirect",
                            "`<meta http-equiv=\"refresh\">`, een doorverwijzing"
                        )),
                        code_hint(),
                    )
                }
                ("base", _) => (
                    removed(crate::text!(
                        "`<base>`, which changes where every link points",
                        "`<base>`, dat verandert waar elke link naartoe gaat"
                    )),
                    code_hint(),
                ),
                (
                    "script" | "style" | "iframe" | "object" | "embed" | "form" | "input"
                    | "button" | "meta" | "link",
                    _,
                ) => (removed(format!("`<{name}>`").into()), code_hint()),
                _ => (removed(format!("`<{name}>`").into()), tag_hint()),
            };
            return vec![(None, message, hint)];
        }
        let mut out = Vec::new();
        for (attribute, value) in &attrs {
            let kept = self.generic.contains(attribute.as_str())
                || self
                    .attributes
                    .get(name)
                    .is_some_and(|set| set.contains(attribute.as_str()));
            let found = if attribute.starts_with("on") {
                Some((
                    removed(crate::text!(
                        "an event handler (`{attribute}`)",
                        "een event-handler (`{attribute}`)"
                    )),
                    code_hint(),
                ))
            } else if !kept {
                if (attribute == "style" && value.to_ascii_lowercase().contains("url("))
                    || (LOADING.contains(&attribute.as_str()) && loads_from_elsewhere(value))
                {
                    Some((loads(name, value), load_hint()))
                } else {
                    Some((
                        removed(crate::text!(
                            "the attribute `{attribute}` of `<{name}>`",
                            "het attribuut `{attribute}` van `<{name}>`"
                        )),
                        tag_hint(),
                    ))
                }
            } else if LOADING.contains(&attribute.as_str()) && loads_from_elsewhere(value) {
                Some((loads(name, value), load_hint()))
            } else if attribute == "href" || attribute == "xlink:href" {
                scheme(value)
                    .filter(|s| !LINK_SCHEMES.contains(&s.as_str()))
                    .map(|s| {
                        let what = crate::text!("a `{s}:` URL", "een `{s}:`-adres");
                        (removed(what), code_hint())
                    })
            } else {
                None
            };
            if let Some((message, hint)) = found {
                out.push((Some(attribute.clone()), message, hint));
            }
        }
        out
    }
}

fn loads(tag: &str, url: &str) -> Text {
    let url = url.trim();
    crate::text!(
        "raw HTML `<{tag}>` loads `{url}` from another site; it was removed",
        "HTML `<{tag}>` laadt `{url}` van een andere site; dat is weggehaald"
    )
}

/// Whether loading `url` from a page of the site fetches it from elsewhere: a scheme (`https:`,
/// `data:`) or a host (`//example.com/`); only a path on the site itself may be loaded.
fn loads_from_elsewhere(url: &str) -> bool {
    let elsewhere = |url: &str| {
        let url = clean_url(url);
        scheme(&url).is_some()
            || ["//", "\\\\", "/\\", "\\/"]
                .iter()
                .any(|host| url.starts_with(host))
    };
    // A `srcset` is a list: `a.jpg 1x, https://example.com/b.jpg 2x`.
    elsewhere(url)
        || url
            .split(',')
            .any(|candidate| elsewhere(candidate.split_whitespace().next().unwrap_or("")))
}

/// The URL as a browser reads it: spaces and control characters around it and tabs and newlines
/// in it do not count.
fn clean_url(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The scheme of a URL, lowercase (`javascript` for `JaVa&#x09;Script:alert(1)`).
fn scheme(url: &str) -> Option<String> {
    let url = clean_url(url);
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    (chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| scheme.to_ascii_lowercase())
}

/// The `id`s of the elements of `html` (the rendered body: headings, footnotes, raw HTML), in order.
pub(super) fn ids(html: &str) -> Vec<String> {
    start_tags(html)
        .iter()
        .flat_map(|tag| tag.attrs.iter())
        .filter(|attribute| &*attribute.name.local == "id" && !attribute.value.is_empty())
        .map(|attribute| attribute.value.to_string())
        .collect()
}

/// The start tags of `html`, in order, with their attributes decoded.
fn start_tags(html: &str) -> Vec<Tag> {
    struct Sink(RefCell<Vec<Tag>>);
    impl TokenSink for Sink {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            let Token::TagToken(tag) = token else {
                return TokenSinkResult::Continue;
            };
            if tag.kind != TagKind::StartTag {
                return TokenSinkResult::Continue;
            }
            // What follows these is text, not tags, as in a browser.
            let raw = match &*tag.name {
                "script" => Some(RawKind::ScriptData),
                "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(RawKind::Rawtext),
                "title" | "textarea" => Some(RawKind::Rcdata),
                _ => None,
            };
            self.0.borrow_mut().push(tag);
            raw.map_or(TokenSinkResult::Continue, TokenSinkResult::RawData)
        }
    }
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    let tokenizer = Tokenizer::new(Sink(RefCell::new(Vec::new())), Default::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.take()
}

/// The byte range of the next `<name` tag from `from`, up to its `>` (or the line's end).
fn find_tag(html: &str, name: &str, from: usize) -> (usize, usize) {
    let lower = html.to_ascii_lowercase();
    let needle = format!("<{name}");
    let start = lower[from..]
        .match_indices(&needle)
        .map(|(i, _)| from + i)
        .find(|&i| {
            lower[i + needle.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_ascii_alphanumeric() && c != '-')
        })
        .unwrap_or(from.min(html.len()));
    let end = html[start..]
        .find('>')
        .map(|i| start + i + 1)
        .or_else(|| html[start..].find('\n').map(|i| start + i))
        .unwrap_or(html.len());
    (start, end)
}

/// Where attribute `name` is written in `tag` (its name and value).
fn find_attribute(tag: &str, name: &str) -> Option<(usize, usize)> {
    let lower = tag.to_ascii_lowercase();
    let start = lower.match_indices(name).map(|(i, _)| i).find(|&i| {
        lower[..i].ends_with(|c: char| c.is_ascii_whitespace() || c == '"' || c == '\'' || c == '/')
            && lower[i + name.len()..]
                .chars()
                .next()
                .is_none_or(|c| c == '=' || c.is_ascii_whitespace() || c == '>' || c == '/')
    })?;
    let rest = &tag[start + name.len()..];
    let trimmed = rest.trim_start();
    let len = match trimmed.strip_prefix('=') {
        Some(value) => {
            let value = value.trim_start();
            let before = tag.len() - value.len();
            let value_len = match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].find(q).map_or(value.len(), |i| i + 2),
                _ => value
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .unwrap_or(value.len()),
            };
            before + value_len - start
        }
        None => name.len(),
    };
    Some((start, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(html: &str) -> Vec<String> {
        removals(html)
            .into_iter()
            .map(|r| r.message.en().to_owned())
            .collect()
    }

    #[test]
    fn each_removal_is_named_at_its_place() {
        let html = "<p>Hoi <img alt=\"\" src=\"https://tracker.example.com/pixel.gif\"></p>";
        let found = removals(html);
        assert_eq!(
            found,
            [Removal {
                start: 19,
                len: 43,
                message: loads("img", "https://tracker.example.com/pixel.gif"),
                hint: load_hint(),
            }]
        );
        assert_eq!(
            found[0].message.en(),
            "raw HTML `<img>` loads `https://tracker.example.com/pixel.gif` from another site; it was removed"
        );
        assert_eq!(
            found[0].message.get(crate::base::language::Language::Nl),
            "HTML `<img>` laadt `https://tracker.example.com/pixel.gif` van een andere site; dat is weggehaald"
        );
        assert_eq!(
            &html[19..62],
            "src=\"https://tracker.example.com/pixel.gif\""
        );
    }

    #[test]
    fn hidden_schemes_and_page_changers_are_found() {
        assert_eq!(
            messages("<a href=\"jav&#x09;ascript:alert(1)\">a</a> <a href=\"&#x6A;avascript:alert(1)\">b</a> <a href=\"data:text/html;base64,PHNjcmlwdD4=\">c</a>"),
            [
                "raw HTML contains a `javascript:` URL; it was removed",
                "raw HTML contains a `javascript:` URL; it was removed",
                "raw HTML contains a `data:` URL; it was removed",
            ]
        );
        assert_eq!(
            messages("<meta http-equiv=\"Refresh\" content=\"0; url=https://evil.example.com/\"><base href=\"https://evil.example.com/\">"),
            [
                "raw HTML contains `<meta http-equiv=\"refresh\">`, a redirect; it was removed",
                "raw HTML contains `<base>`, which changes where every link points; it was removed",
            ]
        );
    }

    #[test]
    fn every_way_of_loading_from_elsewhere_is_found_and_removed() {
        let cases = [
            (
                "<img src=\"//evil.example.com/x.gif\">",
                "img",
                "//evil.example.com/x.gif",
            ),
            (
                "<img srcset=\"https://evil.example.com/x.gif 2x\">",
                "img",
                "https://evil.example.com/x.gif 2x",
            ),
            (
                "<video poster=\"https://evil.example.com/p.jpg\"></video>",
                "video",
                "https://evil.example.com/p.jpg",
            ),
            (
                "<object data=\"https://evil.example.com/o\"></object>",
                "object",
                "https://evil.example.com/o",
            ),
            (
                "<iframe src=\"https://evil.example.com/\"></iframe>",
                "iframe",
                "https://evil.example.com/",
            ),
            (
                "<embed src=\"https://evil.example.com/e\">",
                "embed",
                "https://evil.example.com/e",
            ),
            (
                "<audio src=\"https://evil.example.com/a.mp3\"></audio>",
                "audio",
                "https://evil.example.com/a.mp3",
            ),
            (
                "<link rel=\"stylesheet\" href=\"https://evil.example.com/s.css\">",
                "link",
                "https://evil.example.com/s.css",
            ),
            (
                "<input type=\"image\" src=\"https://evil.example.com/i.png\">",
                "input",
                "https://evil.example.com/i.png",
            ),
            (
                "<p style=\"background: url(https://evil.example.com/b.png)\">x</p>",
                "p",
                "background: url(https://evil.example.com/b.png)",
            ),
        ];
        for (html, tag, url) in cases {
            assert_eq!(
                messages(html),
                [format!(
                    "raw HTML `<{tag}>` loads `{url}` from another site; it was removed"
                )],
                "{html}"
            );
            let clean = sanitizer("").clean(html).to_string();
            assert!(!clean.contains("evil.example.com"), "{html} → {clean}");
        }
    }

    #[test]
    fn links_to_other_sites_and_pictures_of_the_site_stay() {
        let html =
            "<a href=\"https://www.example.nl/\">site</a> <img src=\"/logo.svg\" alt=\"logo\">";
        assert_eq!(messages(html), Vec::<String>::new());
        assert_eq!(sanitizer("").clean(html).to_string(), html);
    }

    #[test]
    fn site_paths_in_raw_html_go_below_the_base_path_once() {
        let html = "<a href=\"/verhalen/\">a</a> <a href=\"/werkenbij/vacatures/\">b</a> <a href=\"https://www.example.nl/x\">c</a> <a href=\"#kop\">d</a> <img src=\"/logo.svg\" alt=\"\">";
        assert_eq!(
            sanitizer("/werkenbij").clean(html).to_string(),
            "<a href=\"/werkenbij/verhalen/\">a</a> <a href=\"/werkenbij/vacatures/\">b</a> <a href=\"https://www.example.nl/x\">c</a> <a href=\"#kop\">d</a> <img src=\"/werkenbij/logo.svg\" alt=\"\">"
        );
        assert_eq!(sanitizer("").clean(html).to_string(), html);
    }
}
