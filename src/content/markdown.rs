//! Markdown → sanitised HTML: tables, footnotes, smart punctuation, heading anchors, checked links.
//! Pure: link targets are resolved through the caller's `LinkResolver`. Raw HTML is sanitised
//! (`raw_html`), with a warning for each thing removed.

mod raw_html;

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::base::diagnostics::Diagnostic;
use crate::base::html::Html;
use crate::base::language::Language;
use crate::base::slug::slugify;
use crate::base::source::{SourceFile, Span};
use crate::base::text::Text;

/// What a link or image destination written in Markdown turns into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// Write this URL instead (a content file or site path made into the page's URL).
    Url(String),
    /// The target exists but is not published (consent gone, draft): keep the text, drop the link.
    Unpublished { reason: Text },
    /// Nothing there: an error.
    Broken { message: Text, hint: Text },
}

pub trait LinkResolver {
    /// `destination` as written; `is_image` for `![…](…)`.
    fn resolve(&self, destination: &str, is_image: bool) -> Resolution;

    /// The path of `base_url` (`/werkenbij`, or empty), which a site path in raw HTML is put
    /// below (a resolved URL already is).
    fn base_path(&self) -> &str {
        ""
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Rendered {
    pub html: Html,
    pub diagnostics: Vec<Diagnostic>,
    /// The `id`s of the body's elements (headings, footnotes, raw HTML), for links to `#…`.
    pub ids: Vec<String>,
    /// The links whose URL names a fragment, to be held against the ids of their target page.
    pub fragment_links: Vec<FragmentLink>,
}

/// A link written as `destination` (resolved to `url`, which has a `#`) at `span` in the file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FragmentLink {
    pub destination: String,
    pub url: String,
    pub span: Span,
}

/// Renders the body `file.text[body_start..]`; positions in diagnostics are in the whole file.
pub fn render(
    file: &SourceFile,
    body_start: usize,
    resolver: &dyn LinkResolver,
    language: Language,
) -> Rendered {
    let body = &file.text[body_start..];
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut renderer = Renderer {
        file,
        body_start,
        resolver,
        language,
        events: Vec::new(),
        diagnostics: Vec::new(),
        has_raw_html: false,
        raw: RawHtml::default(),
        used_ids: HashSet::new(),
        ids: Vec::new(),
        heading: None,
        dropped_links: Vec::new(),
        fragment_links: Vec::new(),
    };
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        renderer.push(event, range);
    }
    renderer.finish(body.len())
}

/// Raw HTML as the sanitiser will read it, and where each piece starts in the file: (offset in
/// `text`, offset in the file).
#[derive(Default)]
struct RawHtml {
    text: String,
    pieces: Vec<(usize, usize)>,
}

/// One body on its way to HTML: the events kept so far and the problems found in them.
struct Renderer<'a> {
    file: &'a SourceFile,
    body_start: usize,
    resolver: &'a dyn LinkResolver,
    language: Language,
    events: Vec<Event<'a>>,
    diagnostics: Vec<Diagnostic>,
    has_raw_html: bool,
    /// The raw HTML met since the last other event: one HTML block or inline tag.
    raw: RawHtml,
    used_ids: HashSet<String>,
    /// The ids the rendered events give their elements, in order: the headings' and the
    /// footnotes'. With raw HTML in the body, the sanitised HTML is read for them instead.
    ids: Vec<String>,
    /// Where the events of the open heading start in `events`.
    heading: Option<usize>,
    /// For each open link, whether it was dropped (its target is unpublished): its end goes too.
    dropped_links: Vec<bool>,
    fragment_links: Vec<FragmentLink>,
}

impl<'a> Renderer<'a> {
    /// Takes one parser event, at `range` in the body.
    fn push(&mut self, event: Event<'a>, range: Range<usize>) {
        if !matches!(event, Event::Html(_) | Event::InlineHtml(_)) {
            self.check_raw_html();
        }
        match event {
            Event::Start(Tag::Heading { .. }) => {
                self.heading = Some(self.events.len());
                self.events.push(event);
            }
            Event::End(TagEnd::Heading(level)) => self.end_heading(level),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => match check_destination(&dest_url, false, self.resolver) {
                Ok(url) => {
                    self.dropped_links.push(false);
                    if url.contains('#') && !url.contains(':') {
                        self.fragment_links.push(FragmentLink {
                            destination: dest_url.to_string(),
                            url: url.clone(),
                            span: self.span(&range, range.len()),
                        });
                    }
                    self.events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url: url.into(),
                        title,
                        id,
                    }));
                }
                Err(problem) => {
                    self.dropped_links.push(true);
                    self.problem(problem, &range);
                }
            },
            Event::End(TagEnd::Link) => {
                if !self.dropped_links.pop().unwrap_or(false) {
                    self.events.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = match check_destination(&dest_url, true, self.resolver) {
                    Ok(url) => url.into(),
                    Err(problem) => {
                        self.problem(problem, &range);
                        // An image with no source is no image: an empty one keeps the tree
                        // balanced, and `finish` leaves it out.
                        "".into()
                    }
                };
                self.events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Html(html) | Event::InlineHtml(html) => self.raw_html(html, &range),
            Event::Start(Tag::FootnoteDefinition(ref name)) => {
                // pulldown-cmark writes the name, escaped, as the definition's `id`.
                if !name.is_empty() {
                    self.ids.push(name.to_string());
                }
                self.events.push(event);
            }
            other => self.events.push(other),
        }
    }

    /// Replaces the heading's events with its HTML: a unique `id` and an anchor link to it.
    fn end_heading(&mut self, level: HeadingLevel) {
        let Some(start) = self.heading.take() else {
            self.events.push(Event::End(TagEnd::Heading(level)));
            return;
        };
        let text: String = self.events[start + 1..]
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let id = unique_id(&slugify(&text), &mut self.used_ids);
        self.ids.push(id.clone());
        let inner: Vec<Event> = self.events.drain(start..).skip(1).collect();
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, inner.into_iter());
        let tag = level as usize;
        self.events.push(Event::Html(CowStr::from(format!(
            "<h{tag} id=\"{id}\">{html} <a class=\"heading-anchor\" href=\"#{id}\"><span class=\"visually-hidden\">{}</span><span aria-hidden=\"true\">#</span></a></h{tag}>\n",
            self.language.heading_anchor_label()
        ))));
    }

    /// Raw HTML is kept for the sanitiser, and read for what it will remove once the whole block
    /// (or tag) is in.
    fn raw_html(&mut self, html: CowStr<'a>, range: &Range<usize>) {
        self.has_raw_html = true;
        self.raw
            .pieces
            .push((self.raw.text.len(), self.body_start + range.start));
        self.raw.text.push_str(&html);
        self.events.push(Event::Html(html));
    }

    /// A warning, at its place in the file, for each thing the sanitiser will remove from the raw
    /// HTML met last.
    fn check_raw_html(&mut self) {
        let raw = std::mem::take(&mut self.raw);
        // This runs after every event: without raw HTML, skip making the sanitiser's rules (most
        // of the time of a rebuild in `serve`, which renders every story's Markdown).
        if raw.text.is_empty() {
            return;
        }
        for removal in raw_html::removals(&raw.text) {
            let Some(&(piece, source)) =
                raw.pieces.iter().rev().find(|(at, _)| *at <= removal.start)
            else {
                continue;
            };
            let start = source + removal.start - piece;
            let line_end = self.file.text[start..]
                .find('\n')
                .map_or(self.file.text.len(), |i| start + i);
            let end = (start + removal.len).min(line_end);
            self.diagnostics.push(
                self.file
                    .warning(self.file.span(start, end), removal.message)
                    .with_hint(removal.hint),
            );
        }
    }

    fn problem(&mut self, problem: LinkProblem, range: &Range<usize>) {
        let span = self.span(range, range.len());
        self.diagnostics
            .push(problem.into_diagnostic(self.file, span));
    }

    /// `len` bytes from the start of `range` in the body, as a span in the whole file.
    fn span(&self, range: &Range<usize>, len: usize) -> Span {
        let start = self.body_start + range.start;
        self.file.span(start, start + len)
    }

    fn finish(mut self, body_len: usize) -> Rendered {
        self.check_raw_html();
        let mut html = String::with_capacity(body_len * 3 / 2);
        pulldown_cmark::html::push_html(
            &mut html,
            self.events.into_iter().filter(|e| !is_empty_image(e)),
        );
        let mut ids = self.ids;
        if self.has_raw_html {
            html = raw_html::sanitizer(self.resolver.base_path())
                .clean(&html)
                .to_string();
            // Raw HTML can have ids of its own, and the sanitiser can remove some: read them
            // from what it kept. Reading every body this way took half of rendering Markdown.
            ids = raw_html::ids(&html);
        }
        Rendered {
            ids,
            html: Html::from(html),
            diagnostics: self.diagnostics,
            fragment_links: self.fragment_links,
        }
    }
}

fn is_empty_image(event: &Event) -> bool {
    matches!(event, Event::Start(Tag::Image { dest_url, .. }) if dest_url.is_empty())
}

enum LinkProblem {
    Unsafe(String),
    Unpublished(Text),
    Broken { message: Text, hint: Text },
}

impl LinkProblem {
    fn into_diagnostic(self, file: &SourceFile, span: Span) -> Diagnostic {
        match self {
            LinkProblem::Unsafe(destination) => file
                .warning(
                    span,
                    crate::text!(
                        "link to `{destination}` was removed: it could run code",
                        "link naar `{destination}` is weggehaald: die zou code kunnen uitvoeren"
                    ),
                )
                .with_hint(crate::text!(
                    "link to an `https://` address or a page of the site",
                    "link naar een `https://`-adres of een pagina van de site"
                )),
            LinkProblem::Unpublished(reason) => {
                let nl = reason.get(Language::Nl);
                file.warning(
                    span,
                    crate::text!(
                        "{reason}; the link was removed, its text kept",
                        "{nl}; de link is weggehaald, de tekst is gebleven"
                    ),
                )
                .with_hint(crate::text!(
                    "link to another page, or remove the link",
                    "link naar een andere pagina, of haal de link weg"
                ))
            }
            LinkProblem::Broken { message, hint } => file.error(span, message).with_hint(hint),
        }
    }
}

fn check_destination(
    destination: &str,
    is_image: bool,
    resolver: &dyn LinkResolver,
) -> Result<String, LinkProblem> {
    let lower = destination.trim().to_ascii_lowercase();
    let scheme = lower
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| !s.contains('/'));
    match scheme {
        Some("http" | "https" | "mailto" | "tel") if !is_image => return Ok(destination.to_owned()),
        Some("http" | "https") => {
            return Err(LinkProblem::Broken {
                message: crate::text!(
                    "image `{destination}` is on another site",
                    "afbeelding `{destination}` staat op een andere site"
                ),
                hint: crate::text!(
                    "put the photo beside the story (a page bundle) so it is processed and nothing is loaded from elsewhere",
                    "zet de foto naast het verhaal (in de map van het verhaal), zodat hij wordt verwerkt en er niets van elders wordt geladen"
                ),
            })
        }
        Some(_) => return Err(LinkProblem::Unsafe(destination.to_owned())),
        None => {}
    }
    if destination.starts_with('#') || destination.is_empty() {
        return Ok(destination.to_owned());
    }
    match resolver.resolve(destination, is_image) {
        Resolution::Url(url) => Ok(url),
        Resolution::Unpublished { reason } => Err(LinkProblem::Unpublished(reason)),
        Resolution::Broken { message, hint } => Err(LinkProblem::Broken { message, hint }),
    }
}

fn unique_id(base: &str, used: &mut HashSet<String>) -> String {
    let base = if base.is_empty() { "kop" } else { base };
    let mut id = base.to_owned();
    let mut n = 1;
    while !used.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Sites;
    impl LinkResolver for Sites {
        fn resolve(&self, destination: &str, _is_image: bool) -> Resolution {
            match destination {
                "../vacancies/ic.md" | "/vacatures/ic/" => Resolution::Url("/vacatures/ic/".into()),
                "../stories/weg.md" => Resolution::Unpublished {
                    reason: "story `weg` is not published".into(),
                },
                _ => Resolution::Broken {
                    message: format!("link to `{destination}` points at no page").into(),
                    hint: "check it".into(),
                },
            }
        }
    }

    fn md(body: &str) -> Rendered {
        let file = SourceFile::new(
            "content/stories/a.md",
            format!("---\ntitle: x\n---\n{body}"),
        );
        render(&file, 16, &Sites, Language::Nl)
    }

    #[test]
    fn ids_of_the_body_and_links_with_a_fragment_are_kept_for_the_check() {
        let out = md("## Kop\n\n## Kop\n\nZie [hier](#kop-1), [daar](/vacatures/ic/) en [extern](https://x.nl/#a).[^1]\n\n<p id=\"anker\">x</p>\n\n[^1]: Noot.\n");
        assert_eq!(out.ids, ["kop", "kop-1", "anker", "1"]);
        assert_eq!(
            out.fragment_links,
            [FragmentLink {
                destination: "#kop-1".into(),
                url: "#kop-1".into(),
                span: out.fragment_links[0].span,
            }]
        );
        assert_eq!(
            (
                out.fragment_links[0].span.line,
                out.fragment_links[0].span.column
            ),
            (8, 5)
        );
    }

    #[test]
    fn the_ids_kept_without_raw_html_are_those_of_the_rendered_html() {
        let bodies = [
            "## Kop\n\n## Kop\n\n## Kop-1\n\n#\n\n### `code` *en* [link](#kop)\n",
            "Tekst[^1] en[^a&b] en[^\"x\"][^ü].\n\n[^1]: Een.\n[^a&b]: Twee.\n[^\"x\"]: Drie.\n[^ü]: Vier.\n",
            "> ## Kop in een citaat\n>\n> [^n]: Noot in een citaat.\n\n- ## Kop in een lijst\n",
            "| a |\n|---|\n| [^t] |\n\n[^t]: Noot in een tabel.\n\n[^ongebruikt]: Niet verwezen.\n",
            "Geen kop, geen noot: `<p id=\"x\">` is code.\n\n    <h2 id=\"y\">\n",
        ];
        for body in bodies {
            let out = md(body);
            assert!(!out.html.is_empty(), "{body}");
            assert_eq!(out.ids, raw_html::ids(&out.html), "{body}");
        }
        assert_eq!(
            md(bodies[0]).ids,
            ["kop", "kop-1", "kop-1-1", "kop-2", "code-en-link"]
        );
        assert_eq!(md(bodies[1]).ids, ["1", "a&b", "\"x\"", "ü"]);
    }

    #[test]
    fn headings_get_unique_ids_and_anchors() {
        let out = md("## Wat ga je doen?\n\n## Wat ga je doen?\n");
        assert!(out.html.starts_with("<h2 id=\"wat-ga-je-doen\">Wat ga je doen? <a class=\"heading-anchor\" href=\"#wat-ga-je-doen\">"), "{}", out.html);
        assert!(out.html.contains("<h2 id=\"wat-ga-je-doen-1\">"));
    }

    #[test]
    fn content_links_become_urls_and_broken_ones_are_errors_with_positions() {
        let out = md("Zie [de vacature](../vacancies/ic.md) en [dit](../vacancies/weg.md).\n");
        assert!(
            out.html
                .contains("<a href=\"/vacatures/ic/\">de vacature</a>"),
            "{}",
            out.html
        );
        assert_eq!(out.diagnostics.len(), 1);
        let d = &out.diagnostics[0];
        assert_eq!((d.line, d.column, d.len), (4, 42, 26));
        assert_eq!(d.message, "link to `../vacancies/weg.md` points at no page");
    }

    #[test]
    fn links_to_unpublished_pages_keep_their_text() {
        let out = md("Lees [mijn vorige verhaal](../stories/weg.md).\n");
        assert_eq!(out.html, "<p>Lees mijn vorige verhaal.</p>\n");
        assert!(!out.diagnostics[0].is_error());
    }

    #[test]
    fn scripts_handlers_and_javascript_urls_are_removed_with_a_warning() {
        let out = md("<p onclick=\"steal()\">Hoi</p>\n\n<script>alert(1)</script>\n\n[klik](javascript:alert(1))\n");
        assert!(!out.html.contains("onclick"), "{}", out.html);
        assert!(!out.html.contains("<script"), "{}", out.html);
        assert!(!out.html.contains("javascript:"), "{}", out.html);
        let messages: Vec<_> = out.diagnostics.iter().map(|d| d.message.en()).collect();
        assert_eq!(
            messages,
            [
                "raw HTML contains an event handler (`onclick`); it was removed",
                "raw HTML contains `<script>`; it was removed",
                "link to `javascript:alert(1)` was removed: it could run code",
            ]
        );
    }

    #[test]
    fn tables_footnotes_strikethrough_and_smart_quotes() {
        let out =
            md("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~oud~~ \"nieuw\"[^1]\n\n[^1]: Voetnoot.\n");
        assert!(out.html.contains("<table>"));
        assert!(out.html.contains("<del>oud</del>"));
        assert!(out.html.contains("\u{201c}nieuw\u{201d}"));
        assert!(out.html.contains("footnote-definition"));
    }
}
