//! The example site published below a path (`--base-url https://example.github.io/werkenbij/`, a
//! GitHub project page): every address a page, feed, sitemap, stylesheet or share kit writes to the
//! site is below the path and names a file of the output, redirect pages work wherever the folder
//! is served, and the same checks hold for the build without a path. A `base_url` with a query or
//! a fragment is a configuration error.

mod support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use scraper::{Html, Selector};
use support::{files_below, TestSite, NOW};
use url::Url;

const SUB: &str = "https://example.github.io/werkenbij/";
/// The example's own `base_url`.
const ROOT: &str = "https://werkenbij.example.nl/";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The example built with `base_url` (none: its own), once per test binary.
fn built(base_url: Option<&str>) -> &'static Path {
    static SUB_BUILD: OnceLock<tempfile::TempDir> = OnceLock::new();
    static ROOT_BUILD: OnceLock<tempfile::TempDir> = OnceLock::new();
    let once = if base_url.is_some() {
        &SUB_BUILD
    } else {
        &ROOT_BUILD
    };
    once.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("subpath-cache");
        let mut command = Command::new(env!("CARGO_BIN_EXE_werkenbij"));
        command
            .args(["build", "--now", NOW, "--out"])
            .arg(dir.path().join("public"))
            .arg("--root")
            .arg(repo())
            .arg("--cache-dir")
            .arg(cache)
            .env_remove("GITHUB_ACTIONS")
            .env_remove("SOURCE_DATE_EPOCH")
            .env("NO_COLOR", "1");
        if let Some(url) = base_url {
            command.args(["--base-url", url]);
        }
        let output = command.output().expect("the werkenbij binary runs");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        dir
    })
    .path()
}

/// A built output and the address it is published at, and what a check of its addresses found.
struct Checker {
    public: PathBuf,
    base: Url,
    /// Addresses of the site that were checked.
    checked: usize,
    problems: Vec<String>,
}

impl Checker {
    fn new(base: &str) -> Checker {
        let dir = built((base == SUB).then_some(SUB));
        Checker {
            public: dir.join("public"),
            base: Url::parse(base).expect("a base URL"),
            checked: 0,
            problems: Vec::new(),
        }
    }

    /// The address of output file `file`: `x/index.html` → `BASE/x/`.
    fn address_of(&self, file: &str) -> Url {
        let path = file.strip_suffix("index.html").unwrap_or(file);
        self.base.join(path).expect("an output path joins")
    }

    fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.public.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
    }

    fn files(&self) -> Vec<String> {
        files_below(&self.public)
            .into_iter()
            .map(|(path, _)| path.replace('\\', "/"))
            .filter(|path| path != ".werkenbij-output")
            .collect()
    }

    /// `written` in `file`, as the browser reads it from `from`: an address on the site's host
    /// must be below the site's path and name a file of the output. Addresses of other hosts and
    /// other schemes (`mailto:`) are not the site's.
    fn check(&mut self, file: &str, from: &Url, written: &str) {
        let written = written.trim();
        if written.is_empty() || written.starts_with('#') && file.ends_with(".html") {
            return;
        }
        let prefix = self.base.path();
        if written.starts_with('/') && !written.starts_with("//") && !written.starts_with(prefix) {
            self.problems
                .push(format!("{file}: `{written}` is not below `{prefix}`"));
            return;
        }
        let Ok(mut url) = from.join(written) else {
            self.problems.push(format!("{file}: `{written}` is no URL"));
            return;
        };
        if url.scheme() == "webcal" {
            url = Url::parse(&written.replacen("webcal://", "https://", 1)).expect("a URL");
        }
        if !matches!(url.scheme(), "http" | "https") || url.host() != self.base.host() {
            return;
        }
        self.checked += 1;
        // `https://example.github.io/werkenbij` (the job feed's publisher) is the home page.
        let path = if format!("{}/", url.path()) == prefix {
            prefix.to_owned()
        } else {
            url.path().to_owned()
        };
        let Some(rest) = path.strip_prefix(prefix) else {
            self.problems.push(format!(
                "{file}: `{written}` is on the site's host but not below `{prefix}`"
            ));
            return;
        };
        let rest = percent_encoding::percent_decode_str(rest)
            .decode_utf8()
            .expect("a UTF-8 path")
            .into_owned();
        let target = if rest.is_empty() || rest.ends_with('/') {
            format!("{rest}index.html")
        } else {
            rest
        };
        if !self.public.join(&target).is_file() {
            self.problems.push(format!(
                "{file}: `{written}` names `{target}`, which is not in the output"
            ));
        }
    }

    /// Every address in the HTML `text` of `file`, read from `from`.
    fn check_html(&mut self, file: &str, from: &Url, text: &str) -> Addresses {
        let html = Html::parse_document(text);
        let mut found = Addresses::default();
        let all = Selector::parse("*").expect("a selector");
        for element in html.select(&all) {
            let e = element.value();
            let mut written: Vec<String> = Vec::new();
            for attribute in ["href", "src"] {
                written.extend(e.attr(attribute).map(str::to_owned));
            }
            for attribute in ["srcset", "imagesrcset"] {
                for candidate in e.attr(attribute).into_iter().flat_map(|s| s.split(',')) {
                    found.srcset += 1;
                    written.extend(candidate.split_whitespace().next().map(str::to_owned));
                }
            }
            if e.name() == "meta" {
                let content = e.attr("content").unwrap_or("");
                match (e.attr("property"), e.attr("http-equiv")) {
                    (Some("og:url" | "og:image"), _) => {
                        found.open_graph += 1;
                        written.push(content.to_owned());
                    }
                    (_, Some(refresh)) if refresh.eq_ignore_ascii_case("refresh") => {
                        let target = content.split_once("url=").map_or("", |(_, t)| t);
                        found.refresh.push(target.to_owned());
                        written.push(target.to_owned());
                    }
                    _ => {}
                }
            }
            if e.name() == "link" && e.attr("rel") == Some("canonical") {
                found.canonical += 1;
            }
            for address in written {
                self.check(file, from, &address);
            }
        }
        found
    }

    fn check_css(&mut self, file: &str) {
        let pattern = regex::Regex::new(r#"url\(\s*["']?([^"')\s]+)|@import\s+["']([^"']+)"#)
            .expect("a pattern");
        let text = self.read(file);
        let from = self.address_of(file);
        for captures in pattern.captures_iter(&text) {
            let address = captures.get(1).or(captures.get(2)).expect("a group");
            if !address.as_str().starts_with("data:") {
                self.check(file, &from, address.as_str());
            }
        }
    }

    /// Every address in an XML file: attributes and texts that are URLs, and those in the HTML
    /// that feeds carry (which must be absolute: a feed reader has no page to resolve from).
    fn check_xml(&mut self, file: &str) {
        let text = self.read(file);
        let document = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let base = self.base.clone();
        for node in document.descendants() {
            for attribute in node.attributes() {
                if attribute.value().starts_with("http") {
                    self.check(file, &base, attribute.value());
                }
            }
            if let Some(text) = node.text() {
                self.check_text(file, text);
            }
        }
    }

    /// A text of a feed or a kit: a URL, or HTML whose addresses are absolute.
    fn check_text(&mut self, file: &str, text: &str) {
        let base = self.base.clone();
        let text = text.trim();
        if text.starts_with("http") && !text.contains(char::is_whitespace) {
            self.check(file, &base, text);
        } else if text.contains("<a ") || text.contains("<img ") {
            let html = Html::parse_fragment(text);
            let links = Selector::parse("[href], [src]").expect("a selector");
            for element in html.select(&links) {
                for attribute in ["href", "src"] {
                    if let Some(address) = element.value().attr(attribute) {
                        if address.starts_with('/') || address.starts_with("..") {
                            self.problems.push(format!(
                                "{file}: `{address}` in syndicated HTML is not absolute"
                            ));
                        }
                        self.check(file, &base, address);
                    }
                }
            }
        }
    }

    fn check_json(&mut self, file: &str) {
        let value: serde_json::Value =
            serde_json::from_str(&self.read(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let mut strings = Vec::new();
        collect_strings(&value, &mut strings);
        for text in strings {
            self.check_text(file, &text);
        }
    }

    fn assert_clean(&self, at_least: usize) {
        assert!(
            self.problems.is_empty(),
            "{} problems, the first:\n{}",
            self.problems.len(),
            self.problems
                .iter()
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
        assert!(
            self.checked >= at_least,
            "only {} addresses checked",
            self.checked
        );
    }
}

/// What one HTML page had, beside the addresses checked.
#[derive(Default)]
struct Addresses {
    srcset: usize,
    open_graph: usize,
    canonical: usize,
    /// The targets of `<meta http-equiv="refresh">`.
    refresh: Vec<String>,
}

fn collect_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}

/// Every page and stylesheet of the build at `base`: each address of the site resolves below it.
fn check_pages_and_styles(base: &str) -> Checker {
    let mut checker = Checker::new(base);
    let (mut srcset, mut open_graph, mut canonical, mut pages) = (0, 0, 0, 0);
    for file in checker.files() {
        if file.ends_with(".html") {
            let from = checker.address_of(&file);
            let text = checker.read(&file);
            let found = checker.check_html(&file, &from, &text);
            srcset += found.srcset;
            open_graph += found.open_graph;
            canonical += found.canonical;
            pages += 1;
        } else if file.ends_with(".css") {
            checker.check_css(&file);
        }
    }
    assert!(pages > 90, "{pages} pages");
    assert!(srcset > 50 && open_graph >= pages && canonical >= pages - 1);
    checker
}

#[test]
fn every_address_of_a_sub_path_build_is_below_the_path_and_names_a_file() {
    let checker = check_pages_and_styles(SUB);
    checker.assert_clean(3000);
}

#[test]
fn the_build_without_a_path_passes_the_same_check_and_has_the_same_files() {
    let checker = check_pages_and_styles(ROOT);
    checker.assert_clean(3000);
    let root = files_below(&built(None).join("public"));
    let sub = files_below(&built(Some(SUB)).join("public"));
    let names = |files: &[(String, Vec<u8>)]| -> Vec<String> {
        files.iter().map(|(path, _)| path.clone()).collect()
    };
    assert_eq!(names(&root), names(&sub), "a path moves no file");
    // Photos and cards do not depend on the address; the site's links do.
    for ((path, a), (_, b)) in root.iter().zip(&sub) {
        if path.ends_with(".jpg") || path.ends_with(".webp") || path.ends_with(".svg") {
            assert!(a == b, "{path} differs");
        }
    }
    let home = Html::parse_document(&checker.read("index.html"));
    let nav = Selector::parse(".site-nav a").expect("a selector");
    let hrefs: Vec<&str> = home
        .select(&nav)
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(hrefs, ["/verhalen/", "/ambassadeurs/", "/vacatures/"]);
}

#[test]
fn the_theme_and_the_navigation_link_below_the_path() {
    let checker = Checker::new(SUB);
    let page = Html::parse_document(&checker.read("verhalen/fysio-op-de-ic/index.html"));
    let attr = |css: &str, attribute: &str| -> Vec<String> {
        let selector = Selector::parse(css).expect("a selector");
        page.select(&selector)
            .filter_map(|e| e.value().attr(attribute).map(str::to_owned))
            .collect()
    };
    assert_eq!(attr("link[rel=icon]", "href"), ["/werkenbij/favicon.svg"]);
    assert_eq!(
        attr("link[rel=stylesheet]", "href"),
        ["/werkenbij/css/werkenbij.css"]
    );
    assert_eq!(attr("a.brand", "href"), ["/werkenbij/"]);
    assert_eq!(attr("a.brand img", "src"), ["/werkenbij/logo.svg"]);
    // The story is in the stories section: its nav link is marked, as without a path.
    assert_eq!(
        attr(".site-nav a.is-active", "href"),
        ["/werkenbij/verhalen/"]
    );
    assert_eq!(
        attr("link[rel=canonical]", "href"),
        ["https://example.github.io/werkenbij/verhalen/fysio-op-de-ic/"]
    );
    // Markdown links by site path and to a content file are written below the path.
    let body = attr("main a", "href");
    for expected in [
        "/werkenbij/verhalen/nachtdienst-op-de-ic/",
        "/werkenbij/ambassadeurs/anneke-van-t-hof/",
    ] {
        assert!(body.iter().any(|h| h == expected), "{expected} in {body:?}");
    }
    let page = Html::parse_document(&checker.read("verhalen/hitteplan-in-de-thuiszorg/index.html"));
    let links = Selector::parse("main a").expect("a selector");
    assert!(page
        .select(&links)
        .any(|a| a.value().attr("href") == Some("/werkenbij/vacatures/verzorgende-ig-thuiszorg/")));
}

#[test]
fn redirect_pages_use_a_relative_target_and_the_canonical_address() {
    for base in [SUB, ROOT] {
        let mut checker = Checker::new(base);
        let mut redirects = 0;
        for file in checker.files() {
            if !file.ends_with(".html") {
                continue;
            }
            let text = checker.read(&file);
            let from = checker.address_of(&file);
            let found = checker.check_html(&file, &from, &text);
            for target in found.refresh {
                redirects += 1;
                assert!(
                    !target.contains(':') && !target.starts_with('/'),
                    "{file}: `{target}` is not relative"
                );
                let page = Html::parse_document(&text);
                let canonical = Selector::parse("link[rel=canonical]").expect("a selector");
                let canonical = page
                    .select(&canonical)
                    .next()
                    .and_then(|l| l.value().attr("href"))
                    .expect("a canonical link");
                assert_eq!(
                    from.join(&target).expect("the target joins").as_str(),
                    canonical,
                    "{file}"
                );
                assert!(canonical.starts_with(base), "{canonical}");
            }
        }
        assert!(redirects >= 1, "the example has an alias");
        checker.assert_clean(1);
    }
    let checker = Checker::new(SUB);
    let text = checker.read("verhalen/een-nacht-op-de-ic/index.html");
    assert!(
        text.contains("content=\"0; url=..&#x2F;nachtdienst-op-de-ic&#x2F;\""),
        "{text}"
    );
}

#[test]
fn feeds_sitemap_and_robots_point_below_the_path() {
    let mut checker = Checker::new(SUB);
    for file in [
        "sitemap.xml",
        "verhalen/feed.xml",
        "vacatures/feed.xml",
        "vacatures/jobs.xml",
    ] {
        let before = checker.checked;
        checker.check_xml(file);
        assert!(checker.checked > before + 3, "{file} has addresses");
    }
    checker.check_json("vacatures/feed.json");
    let robots = checker.read("robots.txt");
    assert!(
        robots.ends_with("\nSitemap: https://example.github.io/werkenbij/sitemap.xml\n"),
        "{robots}"
    );
    let atom = checker.read("verhalen/feed.xml");
    let atom = roxmltree::Document::parse(&atom).expect("the Atom feed parses");
    let own = atom
        .descendants()
        .find(|n| n.has_tag_name("link") && n.attribute("rel") == Some("self"))
        .and_then(|n| n.attribute("href"));
    assert_eq!(
        own,
        Some("https://example.github.io/werkenbij/verhalen/feed.xml")
    );
    let base = checker.base.clone();
    let sitemap = checker.read("sitemap.xml");
    let line = robots.lines().last().expect("a line");
    checker.check("robots.txt", &base, line.trim_start_matches("Sitemap: "));
    assert!(sitemap.contains("<loc>https://example.github.io/werkenbij/</loc>"));
    checker.assert_clean(100);
}

#[test]
fn share_kits_link_below_the_path() {
    let mut checker = Checker::new(SUB);
    let mut kits = 0;
    for file in checker.files() {
        if file.ends_with("/delen.json") {
            kits += 1;
            checker.check_json(&file);
            let kit: serde_json::Value = serde_json::from_str(&checker.read(&file)).expect("a kit");
            let tracked = kit["stories"][0]["platforms"]["linkedin"]["tracked_url"]
                .as_str()
                .expect("a tracked link");
            assert!(
                tracked.starts_with("https://example.github.io/werkenbij/verhalen/")
                    && tracked.contains("?utm_source=linkedin&"),
                "{tracked}"
            );
        } else if file.ends_with("/delen.ics") {
            let text = checker.read(&file).replace("\r\n ", "");
            let base = checker.base.clone();
            for line in text.lines().filter(|l| l.starts_with("URL:")) {
                checker.check(&file, &base, &line["URL:".len()..]);
            }
        }
    }
    assert!(kits >= 5, "{kits} kits");
    checker.assert_clean(200);
}

#[test]
fn a_query_or_fragment_in_base_url_is_a_configuration_error() {
    let site = TestSite::new("minimal");
    let yaml = site.read("content/site.yaml").replace(
        "base_url: https://werkenbij.example.nl\n",
        "base_url: https://example.github.io/werkenbij/?utm_source=x\n",
    );
    site.write("content/site.yaml", &yaml);
    let run = site.run(&["build", "--now", NOW]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let first = run.stderr.lines().next().unwrap_or("");
    assert!(
        first.starts_with("content/site.yaml:3:11: error: `base_url` "),
        "{}",
        run.stderr
    );
    assert!(
        first.ends_with("`https://example.github.io/werkenbij/?utm_source=x`"),
        "{first}"
    );
    assert!(!site.exists("index.html"));

    let site = TestSite::new("minimal");
    let run = site.run(&[
        "build",
        "--now",
        NOW,
        "--base-url",
        "https://example.github.io/werkenbij/#top",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "error: `--base-url` cannot have a query (`?`) or a fragment (`#`), found `https://example.github.io/werkenbij/#top`\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_path_is_normalised_with_or_without_its_trailing_slash() {
    let outputs: BTreeSet<Vec<(String, Vec<u8>)>> = [
        "https://example.github.io/werkenbij",
        "https://example.github.io/werkenbij/",
    ]
    .iter()
    .map(|url| {
        let site = TestSite::new("minimal");
        let run = site.run(&["build", "--now", NOW, "--base-url", url]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let nav = site.page("/").attr(".site-nav a", "href");
        assert_eq!(nav.as_deref(), Some("/werkenbij/verhalen/"));
        site.output_files()
    })
    .collect();
    assert_eq!(outputs.len(), 1, "the same bytes");
}

#[test]
fn links_written_in_content_go_below_the_path_and_their_fragments_are_still_checked() {
    let site = TestSite::new("minimal");
    site.write(
        "content/pages/privacy.md",
        "---\ntitle: Privacyverklaring\nsummary: Hoe wij met gegevens omgaan.\n---\n\
         Lees [de avonddienst](../stories/avonddienst/index.md#overdracht) en [de lijst](/verhalen/).\n\
         [Mis](/verhalen/avonddienst/#bestaat-niet)\n\n\
         <p><a href=\"/vacatures/\">vacatures</a> <a href=\"https://www.example.nl/\">site</a></p>\n",
    );
    let run = site.run(&["build", "--now", NOW, "--base-url", SUB]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("content/pages/privacy.md:"))
        .collect();
    assert_eq!(warnings.len(), 1, "{}", run.stderr);
    assert!(
        warnings[0].starts_with("content/pages/privacy.md:6:1: warning: ")
            && warnings[0].contains("`#bestaat-niet`")
            && warnings[0].ends_with("`/verhalen/avonddienst/`"),
        "{}",
        warnings[0]
    );
    let page = site.page("/privacy/");
    let hrefs: Vec<String> = page
        .select("main a")
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    for expected in [
        "/werkenbij/verhalen/avonddienst/#overdracht",
        "/werkenbij/verhalen/",
        "/werkenbij/verhalen/avonddienst/#bestaat-niet",
        "/werkenbij/vacatures/",
        "https://www.example.nl/",
    ] {
        assert!(
            hrefs.iter().any(|h| h == expected),
            "{expected} in {hrefs:?}"
        );
    }
}
