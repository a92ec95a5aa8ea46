//! Requests the output would make to another host: `src`, `srcset`, `poster`, `<object data>`, `<link href>` (but a
//! canonical or alternate link, which loads nothing), and CSS `url()` and `@import` in
//! stylesheets, `<style>` and `style` attributes. Links a visitor follows (`<a href>`) are fine.

use regex::Regex;
use scraper::{Html, Selector};
use url::Url;

/// Reports every address in the text file at `path` that loads from a host other than the
/// site's own (`base_url`). Only the host counts: a site published below a path
/// (`https://example.github.io/werkenbij/`) that loads a file from elsewhere on its own host sends
/// no visitor's request to a third party.
pub(super) fn check(path: &str, text: &str, base_url: &str, found: &mut impl FnMut(String)) {
    let Ok(base) = Url::parse(base_url) else {
        return;
    };
    let mut foreign = Vec::new();
    let mut see = |what: &str, address: &str| {
        let address = address.trim();
        let Ok(url) = base.join(address) else {
            return;
        };
        let remote = matches!(url.scheme(), "http" | "https");
        if remote && url.host() != base.host() {
            foreign.push(format!("loads `{address}` from another host ({what})"));
        }
    };
    if path.ends_with(".css") {
        css(text, "CSS url()", &mut see);
    } else if path.ends_with(".html") || path.ends_with(".htm") {
        html(text, &mut see);
    }
    foreign.dedup();
    for finding in foreign {
        found(finding);
    }
}

fn html(text: &str, see: &mut impl FnMut(&str, &str)) {
    let document = Html::parse_document(text);
    let all = Selector::parse("*").expect("a valid selector");
    for element in document.select(&all) {
        let e = element.value();
        for attribute in ["src", "poster", "data"] {
            if attribute == "data" && e.name() != "object" {
                continue;
            }
            if let Some(value) = e.attr(attribute) {
                see(&format!("{} {attribute}", e.name()), value);
            }
        }
        for attribute in ["srcset", "imagesrcset"] {
            for candidate in e.attr(attribute).into_iter().flat_map(|s| s.split(',')) {
                if let Some(address) = candidate.split_whitespace().next() {
                    see(&format!("{} {attribute}", e.name()), address);
                }
            }
        }
        if e.name() == "link" {
            let rel = e.attr("rel").unwrap_or("").to_ascii_lowercase();
            let loads = rel
                .split_whitespace()
                .any(|r| !matches!(r, "canonical" | "alternate"));
            if let (true, Some(href)) = (loads || rel.is_empty(), e.attr("href")) {
                see(&format!("link rel={rel}"), href);
            }
        }
        if let Some(style) = e.attr("style") {
            css(style, "style url()", see);
        }
        if e.name() == "style" {
            css(&element.text().collect::<String>(), "style url()", see);
        }
    }
}

fn css(text: &str, what: &str, see: &mut impl FnMut(&str, &str)) {
    let pattern = Regex::new(r#"url\(\s*["']?([^"')]+)["']?\s*\)|@import\s+["']([^"']+)["']"#)
        .expect("a valid pattern");
    for captures in pattern.captures_iter(text) {
        if let Some(address) = captures.get(1).or(captures.get(2)) {
            see(what, address.as_str());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(path: &str, text: &str) -> Vec<String> {
        let mut found = Vec::new();
        check(path, text, "https://werkenbij.example.nl", &mut |f| {
            found.push(f)
        });
        found
    }

    #[test]
    fn loading_from_another_host_is_found_and_links_are_not() {
        let page = r#"<link rel="stylesheet" href="https://cdn.example.com/a.css"><link rel="canonical" href="https://other.example/x/">
            <img src="/img/a.jpg" srcset="/img/a-400.jpg 400w, //cdn.example.com/b.jpg 800w"><a href="https://linkedin.com/">x</a>
            <div style="background: url('https://t.example/p.gif')"></div>"#;
        assert_eq!(
            findings("x/index.html", page),
            [
                "loads `https://cdn.example.com/a.css` from another host (link rel=stylesheet)",
                "loads `//cdn.example.com/b.jpg` from another host (img srcset)",
                "loads `https://t.example/p.gif` from another host (style url())",
            ]
        );
        assert_eq!(
            findings("a.css", "a{background:url(https://werkenbij.example.nl/x.png)} @import 'https://f.example/x.css';"),
            ["loads `https://f.example/x.css` from another host (CSS url())"]
        );
    }

    #[test]
    fn the_sites_own_host_is_not_another_host_whatever_the_path() {
        let mut found = Vec::new();
        let page = r#"<img src="/werkenbij/img/a.jpg" srcset="https://example.github.io/werkenbij/b.jpg 2x"><link rel="stylesheet" href="/elders/a.css"><script src="https://example.github.io/andere-site/a.js"></script><img src="https://example.org/werkenbij/c.jpg">"#;
        check(
            "x/index.html",
            page,
            "https://example.github.io/werkenbij",
            &mut |f| found.push(f),
        );
        assert_eq!(
            found,
            ["loads `https://example.org/werkenbij/c.jpg` from another host (img src)"]
        );
    }
}
