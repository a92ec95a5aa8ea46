//! Hardening of markup, links, aliases and hashtags (issue 13, items 5, 6, 8 and 11): what a
//! careless or hostile author writes in a story body or its front-matter cannot load anything from
//! another host, overwrite a page, or split one hashtag into two.

mod support;

use support::TestSite;

/// Replaces `from` by `to` in a file of the site (which must contain it).
fn edit(site: &TestSite, relative: &str, from: &str, to: &str) {
    let text = site.read(relative);
    assert!(text.contains(from), "{relative} has no `{from}`");
    site.write(relative, &text.replacen(from, to, 1));
}

/// The lines of stderr that start a diagnostic (`path:line:col: severity: message`), but the
/// fixture's own warnings (a withdrawn consent).
fn diagnostics(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.contains(": error: ") || l.contains(": warning: "))
        .filter(|l| !l.contains("was withdrawn on 2026-09-01"))
        .collect()
}

#[test]
fn hashtags_that_fold_to_one_address_are_one_hashtag() {
    let site = TestSite::new("minimal").in_english();
    edit(
        &site,
        "content/stories/zeven-clienten.md",
        "hashtags: [verschilmakers, thuiszorg]",
        "hashtags: [verschilmakers, ZÖRG]",
    );
    edit(
        &site,
        "content/stories/avonddienst/index.md",
        "hashtags: [meerdanbillenwassen, \"#IC\"]",
        "hashtags: [meerdanbillenwassen, zorg, Verschilmakers]",
    );
    let run = site.build();
    assert_eq!(
        diagnostics(&run.stderr),
        ["content/stories/zeven-clienten.md:7:28: warning: hashtag `ZÖRG` has the address `/hashtags/zorg/` of `zorg` (content/stories/avonddienst/index.md): they are one hashtag, shown as `zorg`"],
        "{}",
        run.stderr
    );
    let page = site.page("/hashtags/zorg/");
    assert_eq!(page.text("h1"), "#zorg");
    let mut stories = page.texts("main article h2, main article h3");
    stories.sort();
    assert_eq!(
        stories,
        ["Mijn avonddienst op de IC", "Zeven cliënten voor de lunch"]
    );
    let sitemap = site.read("public/sitemap.xml");
    let tag_urls: Vec<&str> = sitemap
        .lines()
        .filter(|l| l.contains("/hashtags/zorg/"))
        .collect();
    assert_eq!(tag_urls.len(), 1, "{sitemap}");
    // Case alone is no warning, and the spelling of site.yaml wins.
    assert_eq!(
        site.page("/hashtags/verschilmakers/").text("h1"),
        "#verschilmakers"
    );
}

/// The story whose aliases the alias cases rewrite, and its line of aliases.
const STORY: &str = "content/stories/avonddienst/index.md";
const ALIASES: &str = "aliases: [/verhalen/oude-avonddienst/]";

#[test]
fn aliases_are_plain_paths_that_no_file_of_the_output_has() {
    let cases = [
        ("/index.html", "alias `/index.html` is taken: `/` is a page or file of the site"),
        ("/Verhalen/", "alias `/Verhalen/` is taken: `/verhalen/` is a page or file of the site"),
        ("/logo.svg", "alias `/logo.svg` is taken: `/logo.svg` is a page or file of the site"),
        (
            "/ambassadeurs/anneke-van-t-hof/delen.json",
            "alias `/ambassadeurs/anneke-van-t-hof/delen.json` would overwrite `ambassadeurs/anneke-van-t-hof/delen.json`, a share kit",
        ),
        ("/verhalen/feed.xml", "alias `/verhalen/feed.xml` would overwrite `verhalen/feed.xml`, a feed"),
        ("/robots.txt/", "alias `/robots.txt/` would overwrite `robots.txt`, `robots.txt`"),
        ("//evil.example.com/x/", "alias `//evil.example.com/x/` is not a site path: it must start with a single `/`"),
        ("/x/%2e%2e/y/", "alias `/x/%2e%2e/y/` is not a site path: it has a percent-encoded dot, slash or backslash"),
        ("/x/%2F/y/", "alias `/x/%2F/y/` is not a site path: it has a percent-encoded dot, slash or backslash"),
        ("/x/../index.html", "alias `/x/../index.html` is not a site path: it has a `.` or `..` segment"),
        ("/x//y/", "alias `/x//y/` is not a site path: it has an empty segment (`//`)"),
        ("/x\\\\y/", "alias `/x\\y/` is not a site path: it has a backslash"),
        ("/x/?utm=1", "alias `/x/?utm=1` is not a site path: it has a query or fragment"),
    ];
    for (alias, message) in cases {
        let site = TestSite::new("minimal").in_english();
        edit(&site, STORY, ALIASES, &format!("aliases: [\"{alias}\"]"));
        let run = site.run(&["build", "--now", support::NOW]);
        assert_eq!(run.code, 1, "{alias}: {}", run.stderr);
        assert_eq!(
            diagnostics(&run.stderr),
            [format!("{STORY}:14:11: error: {message}")],
            "{alias}"
        );
        assert!(
            !site.public().exists(),
            "{alias}: a failed build wrote the output"
        );
    }
}

#[test]
fn aliases_are_normalised_and_a_drafts_alias_is_not_published() {
    let site = TestSite::new("minimal");
    edit(&site, STORY, ALIASES, "aliases: [/oud/index.html, /ouder]");
    site.write(
        "content/pages/concept.md",
        "---\ntitle: Concept\ndraft: true\naliases: [/oude-pagina/]\n---\nNog niet klaar.\n",
    );
    site.build();
    for old in ["/oud/", "/ouder/"] {
        let page = site.page(old);
        assert_eq!(
            page.attr("meta[http-equiv=\"refresh\"]", "content")
                .as_deref(),
            Some("0; url=../verhalen/avonddienst/"),
            "{old}"
        );
        assert_eq!(
            page.attr("link[rel=canonical]", "href").as_deref(),
            Some("https://werkenbij.example.nl/verhalen/avonddienst/"),
            "{old}"
        );
    }
    assert!(!site.exists("/oude-pagina/index.html"));
    assert!(!site.exists("/concept/index.html"));
}

#[test]
fn raw_html_loads_nothing_from_another_site_and_each_removal_is_a_warning() {
    let site = TestSite::new("minimal").in_english();
    site.write(
        "content/pages/privacy.md",
        "---\ntitle: Privacy\n---\n\
         <p>Hoi <img alt=\"\" src=\"https://tracker.example.com/pixel.gif\"></p>\n\n\
         <meta http-equiv=\"refresh\" content=\"0; url=https://evil.example.com/\">\n\n\
         <base href=\"https://evil.example.com/\">\n\n\
         <p><a href=\"jav&#x09;ascript:alert(1)\">a</a> <a href=\"&#x6A;avascript:alert(1)\">b</a> <a href=\"data:text/html;base64,PHNjcmlwdD4=\">c</a> <a href=\"https://www.example.nl/\">d</a></p>\n",
    );
    let run = site.build();
    let p = "content/pages/privacy.md";
    assert_eq!(
        diagnostics(&run.stderr),
        [
            format!("{p}:4:20: warning: raw HTML `<img>` loads `https://tracker.example.com/pixel.gif` from another site; it was removed"),
            format!("{p}:6:1: warning: raw HTML contains `<meta http-equiv=\"refresh\">`, a redirect; it was removed"),
            format!("{p}:8:1: warning: raw HTML contains `<base>`, which changes where every link points; it was removed"),
            format!("{p}:10:7: warning: raw HTML contains a `javascript:` URL; it was removed"),
            format!("{p}:10:49: warning: raw HTML contains a `javascript:` URL; it was removed"),
            format!("{p}:10:90: warning: raw HTML contains a `data:` URL; it was removed"),
        ],
        "{}",
        run.stderr
    );
    let page = site.page("/privacy/");
    assert!(page.select(".prose img[src]").is_empty());
    assert!(page.select(".prose meta, .prose base").is_empty());
    let hrefs: Vec<_> = page
        .select(".prose a[href]")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(hrefs, ["https://www.example.nl/"]);
}
