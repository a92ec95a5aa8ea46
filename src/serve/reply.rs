//! The dev server's answers, as a plain function of the request path and the site in memory:
//! files, redirects to the trailing slash, the 404 page, the error page, and the reload script.
//! A site whose `base_url` has a path (`/werkenbij`) is served below it, as its host will, and `/`
//! redirects there; the reload script and its events live below it too.

use std::path::Path;

use crate::base::diagnostics::Diagnostics;
use crate::base::language::Language;
use crate::serve::live::Live;

/// Where the browser listens for reload events, below the site's path.
pub const EVENTS_PATH: &str = "/__werkenbij/events";
/// The reload script, injected into served HTML only (never into `build` output), below the
/// site's path.
pub const SCRIPT_PATH: &str = "/__werkenbij/reload.js";

/// Reloads the page when an event names its path, or `*` (everything, or the error state changed).
/// The events are beside the script, wherever the site is served.
pub const RELOAD_SCRIPT: &str = r#"(function () {
  var source = new EventSource(new URL("events", document.currentScript.src));
  source.addEventListener("reload", function (event) {
    var changed = JSON.parse(event.data);
    if (changed.indexOf("*") >= 0 || changed.indexOf(location.pathname) >= 0) {
      location.reload();
    }
  });
})();
"#;

#[derive(Debug, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// For a redirect.
    pub location: Option<String>,
}

/// Whether `url` asks for the reload events (an event stream the server keeps open).
pub fn is_events(live: &Live, url: &str) -> bool {
    let path = url.split('?').next().unwrap_or("");
    path.strip_prefix(live.base_path().as_str()) == Some(EVENTS_PATH)
}

/// What the server should do for a `GET` of `url` (path and query).
pub fn reply(live: &Live, url: &str) -> Reply {
    let base = live.base_path();
    let full = decode(url.split(['?', '#']).next().unwrap_or("/"));
    // The site path below the site's folder; outside it the host has nothing of the site.
    let Some(path) = full
        .strip_prefix(base.as_str())
        .filter(|rest| rest.starts_with('/'))
    else {
        if full == "/" || full == base {
            return redirect(format!("{base}/"));
        }
        return not_found(live, &base);
    };
    if path == SCRIPT_PATH {
        return Reply::ok("text/javascript; charset=utf-8", RELOAD_SCRIPT.into());
    }
    if let Some(failure) = live.failure() {
        return failure_page(&failure, &base, live.language());
    }
    let diagnostics = live.diagnostics();
    let Some(file) = file_for(live, path) else {
        if !path.ends_with('/') && live.has_file(&format!("{}/index.html", path.trim_matches('/')))
        {
            return redirect(format!("{full}/"));
        }
        if diagnostics.has_errors() {
            return error_page(&diagnostics, &base, live.language());
        }
        return not_found(live, &base);
    };
    let content_type = content_type(&file);
    if content_type.starts_with("text/html") {
        if diagnostics.has_errors() {
            return error_page(&diagnostics, &base, live.language());
        }
        let body = live.file(&file).unwrap_or_default();
        return Reply::ok(content_type, inject(&body, &base));
    }
    Reply::ok(content_type, live.file(&file).unwrap_or_default())
}

fn redirect(location: String) -> Reply {
    Reply {
        status: 301,
        content_type: "text/plain; charset=utf-8",
        body: Vec::new(),
        location: Some(location),
    }
}

/// The site's 404 page, as the host serves it for a path the site does not have.
fn not_found(live: &Live, base: &str) -> Reply {
    let body = live
        .file("404.html")
        .unwrap_or_else(|| b"not found".to_vec());
    Reply {
        status: 404,
        ..Reply::ok("text/html; charset=utf-8", inject(&body, base))
    }
}

impl Reply {
    fn ok(content_type: &'static str, body: Vec<u8>) -> Reply {
        Reply {
            status: 200,
            content_type,
            body,
            location: None,
        }
    }
}

/// The output file a site path names: `/verhalen/x/` → `verhalen/x/index.html`.
fn file_for(live: &Live, path: &str) -> Option<String> {
    let trimmed = path.trim_start_matches('/');
    if trimmed.split('/').any(|segment| segment == "..") {
        return None;
    }
    let file = if trimmed.is_empty() || trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else {
        trimmed.to_owned()
    };
    live.has_file(&file).then_some(file)
}

/// `%C3%B6` → `ö`; anything malformed stays as it was.
fn decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(byte) = u8::from_str_radix(&path[i + 1..i + 3], 16) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| path.to_owned())
}

/// The page with the reload script (below the site's folder `base`) before `</body>` (or at the
/// end when there is none).
pub fn inject(html: &[u8], base: &str) -> Vec<u8> {
    let tag = format!("<script src=\"{base}{SCRIPT_PATH}\"></script>");
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(at) => format!("{}{tag}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
}

/// Every error with its file and line, shown instead of the site until they are fixed, in the
/// site's language.
pub fn error_page(diagnostics: &Diagnostics, base: &str, language: Language) -> Reply {
    let errors = diagnostics.error_count();
    let mut items = String::new();
    for diagnostic in diagnostics.clone().sorted() {
        if diagnostic.is_error() {
            items.push_str("<pre>");
            items.push_str(&escape_html(&diagnostic.render(&diagnostic.path, language)));
            items.push_str("</pre>\n");
        }
    }
    Reply {
        status: 500,
        ..Reply::ok(
            "text/html; charset=utf-8",
            inject(error_html(errors, &items, language).as_bytes(), base),
        )
    }
}

/// An environment failure (a template that does not compile, a file that cannot be read).
pub fn failure_page(message: &str, base: &str, language: Language) -> Reply {
    let items = format!("<pre>{}</pre>\n", escape_html(message));
    Reply {
        status: 500,
        ..Reply::ok(
            "text/html; charset=utf-8",
            inject(error_html(1, &items, language).as_bytes(), base),
        )
    }
}

fn error_html(errors: usize, items: &str, language: Language) -> String {
    let s = if errors == 1 { "" } else { "s" };
    let en = if errors == 1 { "" } else { "en" };
    let title = crate::text!("{errors} error{s}", "{errors} fout{en}");
    let heading = crate::text!(
        "{errors} error{s} in the content",
        "{errors} fout{en} in de inhoud"
    );
    let lead = crate::text!(
        "The page comes back as soon as the file is fixed and saved.",
        "De pagina komt terug zodra je het bestand hebt verbeterd en opgeslagen."
    );
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head><meta charset=\"utf-8\"><title>werkenbij: {title}</title>\n\
<style>body{{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}}pre{{background:#fff4f4;border-left:4px solid #b00020;padding:1rem;overflow-x:auto;white-space:pre-wrap}}</style></head>\n\
<body>\n<main>\n<h1>{heading}</h1>\n<p>{lead}</p>\n{items}</main>\n</body>\n</html>\n",
        code = language.code(),
        title = title.get(language),
        heading = heading.get(language),
        lead = lead.get(language),
    )
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn content_type(file: &str) -> &'static str {
    match Path::new(file).extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("txt") => "text/plain; charset=utf-8",
        Some("ics") => "text/calendar; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("webp") => "image/webp",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Output files → the paths a browser has open, below the site's folder `base`:
/// `verhalen/x/index.html` → `/werkenbij/verhalen/x/`. Anything but a page (a stylesheet, a
/// photo) may be used by every page: `*`.
pub fn reload_targets(changed: &[String], base: &str) -> Vec<String> {
    let mut targets = Vec::new();
    for file in changed {
        if let Some(dir) = file.strip_suffix("index.html") {
            targets.push(format!("{base}/{dir}"));
        } else if file.ends_with(".html") {
            targets.push(format!("{base}/{file}"));
        } else if is_for_tools(file) {
            // Feeds, kits for tools, calendars and social cards: no open page shows them.
        } else {
            return vec!["*".to_owned()];
        }
    }
    targets
}

/// Files that no page displays: a change to them reloads nothing.
fn is_for_tools(file: &str) -> bool {
    file.starts_with("og/")
        || [".xml", ".json", ".ics", ".txt"]
            .iter()
            .any(|ext| file.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::diagnostics::{Diagnostic, Severity};
    use crate::base::source::Span;

    fn live() -> Live {
        let live = Live::default();
        {
            let mut state = live.state();
            for (path, text) in [
                ("index.html", "<html><body><h1>Home</h1></body></html>"),
                ("verhalen/index.html", "<html><body>Verhalen</body></html>"),
                ("verhalen/ö/index.html", "<html><body>Ö</body></html>"),
                ("404.html", "<html><body>Niet gevonden</body></html>"),
                ("css/site.css", "body{}"),
            ] {
                state.files.insert(path.into(), text.as_bytes().to_vec());
            }
        }
        live
    }

    fn text(reply: &Reply) -> String {
        String::from_utf8(reply.body.clone()).unwrap()
    }

    #[test]
    fn pages_get_the_reload_script_and_other_files_stay_as_they_are() {
        let live = live();
        let home = reply(&live, "/?utm_source=x");
        assert_eq!(home.status, 200);
        assert_eq!(home.content_type, "text/html; charset=utf-8");
        assert_eq!(
            text(&home),
            "<html><body><h1>Home</h1><script src=\"/__werkenbij/reload.js\"></script></body></html>"
        );
        let css = reply(&live, "/css/site.css");
        assert_eq!(
            (css.status, css.content_type),
            (200, "text/css; charset=utf-8")
        );
        assert_eq!(text(&css), "body{}");
        let script = reply(&live, SCRIPT_PATH);
        assert_eq!(text(&script), RELOAD_SCRIPT);
    }

    #[test]
    fn folders_redirect_to_their_slash_and_unknown_paths_get_the_404_page() {
        let live = live();
        let redirect = reply(&live, "/verhalen");
        assert_eq!(redirect.status, 301);
        assert_eq!(redirect.location.as_deref(), Some("/verhalen/"));
        let missing = reply(&live, "/bestaat-niet/");
        assert_eq!(missing.status, 404);
        assert!(text(&missing).starts_with("<html><body>Niet gevonden<script"));
        assert_eq!(reply(&live, "/../404.html").status, 404);
        assert_eq!(
            text(&reply(&live, "/verhalen/%C3%B6/")),
            "<html><body>Ö<script src=\"/__werkenbij/reload.js\"></script></body></html>"
        );
    }

    #[test]
    fn a_site_with_a_base_path_is_served_below_it() {
        let live = live();
        live.state().base_path = "/werkenbij".to_owned();
        let home = reply(&live, "/");
        assert_eq!(
            (home.status, home.location.as_deref()),
            (301, Some("/werkenbij/"))
        );
        let bare = reply(&live, "/werkenbij");
        assert_eq!(
            (bare.status, bare.location.as_deref()),
            (301, Some("/werkenbij/"))
        );
        let page = reply(&live, "/werkenbij/");
        assert_eq!(
            text(&page),
            "<html><body><h1>Home</h1><script src=\"/werkenbij/__werkenbij/reload.js\"></script></body></html>"
        );
        let folder = reply(&live, "/werkenbij/verhalen");
        assert_eq!(
            (folder.status, folder.location.as_deref()),
            (301, Some("/werkenbij/verhalen/"))
        );
        assert_eq!(text(&reply(&live, "/werkenbij/css/site.css")), "body{}");
        assert_eq!(
            text(&reply(&live, "/werkenbij/__werkenbij/reload.js")),
            RELOAD_SCRIPT
        );
        // Outside the folder, and a folder that only starts the same: the site has nothing there.
        for path in [
            "/verhalen/",
            "/css/site.css",
            "/werkenbijx/",
            "/__werkenbij/reload.js",
        ] {
            let missing = reply(&live, path);
            assert_eq!(missing.status, 404, "{path}");
            assert!(text(&missing).starts_with("<html><body>Niet gevonden<script"));
        }
        assert!(is_events(&live, "/werkenbij/__werkenbij/events"));
        assert!(!is_events(&live, "/__werkenbij/events"));
    }

    #[test]
    fn content_errors_replace_every_page_until_fixed() {
        let live = live();
        let mut diagnostics = Diagnostics::new();
        diagnostics.push(Diagnostic::new(
            Severity::Error,
            std::path::Path::new("content/stories/a.md"),
            Span::new(5, 1, 7),
            "unknown key `consnet` in a story",
        ));
        live.state().diagnostics = diagnostics;
        let page = reply(&live, "/verhalen/");
        assert_eq!(page.status, 500);
        let body = text(&page);
        assert!(
            body.contains(
                "<pre>content/stories/a.md:5:1: error: unknown key `consnet` in a story\n"
            ),
            "{body}"
        );
        assert!(body.contains(SCRIPT_PATH));
        assert_eq!(reply(&live, "/css/site.css").status, 200);

        live.state().diagnostics = Diagnostics::new();
        assert_eq!(reply(&live, "/verhalen/").status, 200);
        live.set_failure(Some("error: template `story.html`: <oops>".into()));
        let failure = reply(&live, "/verhalen/");
        assert_eq!(failure.status, 500);
        assert!(text(&failure).contains("<pre>error: template `story.html`: &lt;oops&gt;</pre>"));
    }

    #[test]
    fn changed_files_name_the_pages_to_reload() {
        let pages = [
            "index.html".to_owned(),
            "verhalen/a/index.html".into(),
            "404.html".into(),
        ];
        assert_eq!(
            reload_targets(&pages, ""),
            ["/", "/verhalen/a/", "/404.html"]
        );
        assert_eq!(
            reload_targets(&pages, "/werkenbij"),
            [
                "/werkenbij/",
                "/werkenbij/verhalen/a/",
                "/werkenbij/404.html"
            ]
        );
        let with_css = ["verhalen/a/index.html".to_owned(), "css/site.css".into()];
        assert_eq!(reload_targets(&with_css, ""), ["*"]);
        assert!(reload_targets(&[], "").is_empty());
        let with_feeds = [
            "verhalen/a/index.html".to_owned(),
            "verhalen/feed.xml".into(),
            "ambassadeurs/b/delen.json".into(),
            "ambassadeurs/b/delen.ics".into(),
            "og/verhalen/a.jpg".into(),
        ];
        assert_eq!(reload_targets(&with_feeds, ""), ["/verhalen/a/"]);
    }
}
