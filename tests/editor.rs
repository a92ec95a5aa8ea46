//! The web editor at `/admin/`: written only when site.yaml asks for it, made of werkenbij's own
//! front-matter types, private (no content, no index), and the public pages stay free of
//! third-party requests.

mod support;

use scraper::{Html, Selector};
use support::{TestSite, NOW};

const EDITOR: &str =
    "editor:\n  backend: github\n  repo: zorggroep/werkenbij\n  editorial_workflow: true\n";

fn with_editor(extra: &str) -> TestSite {
    let site = TestSite::new("minimal");
    let config = site.read("content/site.yaml");
    site.write("content/site.yaml", &format!("{config}{EDITOR}{extra}"));
    site
}

fn config_yml(site: &TestSite) -> serde_yaml::Value {
    let text = std::fs::read_to_string(site.public().join("admin/config.yml")).unwrap();
    serde_yaml::from_str(&text).expect("config.yml is YAML")
}

#[test]
fn without_editor_in_site_yaml_there_is_no_admin_folder() {
    let site = TestSite::new("minimal");
    site.build();
    assert!(!site.exists("/admin/"));
}

#[test]
fn the_editor_page_is_noindex_loads_the_pinned_script_by_its_hash_and_is_linked_from_nowhere() {
    let site = with_editor("");
    site.build();
    let page = site.page("/admin/");
    assert_eq!(
        page.attr("meta[name=robots]", "content").as_deref(),
        Some("noindex, nofollow")
    );
    let html = Html::parse_document(
        &std::fs::read_to_string(site.public().join("admin/index.html")).unwrap(),
    );
    let scripts: Vec<_> = html
        .select(&Selector::parse("script[src]").unwrap())
        .map(|s| s.value().clone())
        .collect();
    assert_eq!(scripts.len(), 1);
    assert_eq!(
        scripts[0].attr("src"),
        Some("https://unpkg.com/decap-cms@3.16.3/dist/decap-cms.js")
    );
    assert!(scripts[0]
        .attr("integrity")
        .is_some_and(|i| i.starts_with("sha384-")));
    assert_eq!(scripts[0].attr("crossorigin"), Some("anonymous"));

    // Not in the sitemap, and no public page links to it.
    let sitemap = std::fs::read_to_string(site.public().join("sitemap.xml")).unwrap();
    let sitemap = roxmltree::Document::parse(&sitemap).unwrap();
    let locations: Vec<&str> = sitemap
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(!locations.is_empty());
    assert!(
        locations.iter().all(|l| !l.contains("/admin")),
        "{locations:?}"
    );
    let links = Selector::parse("a[href], link[href]").unwrap();
    for (path, bytes) in site.output_files() {
        if path.ends_with(".html") && !path.starts_with("admin/") {
            let html = Html::parse_document(&String::from_utf8_lossy(&bytes));
            for link in html.select(&links) {
                let href = link.value().attr("href").unwrap();
                assert!(!href.contains("/admin"), "{path} links {href}");
            }
        }
    }

    // The privacy audit accepts the pinned script on this page only.
    let run = site.run(&["audit", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn the_config_has_the_backend_the_workflow_and_no_content() {
    let site = with_editor("");
    site.build();
    let config = config_yml(&site);
    assert_eq!(config["backend"]["name"], "github");
    assert_eq!(config["backend"]["repo"], "zorggroep/werkenbij");
    assert_eq!(config["backend"]["branch"], "main");
    assert_eq!(config["publish_mode"], "editorial_workflow");
    assert_eq!(config["locale"], "nl");
    let collections: Vec<&str> = config["collections"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(collections, ["stories", "vacancies", "ambassadors"]);
    let stories = &config["collections"][0];
    assert_eq!(stories["path"], "{{slug}}/index");
    assert_eq!(stories["media_folder"], "");
    let field = |name: &str| {
        stories["fields"]
            .as_sequence()
            .unwrap()
            .iter()
            .find(|f| f["name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(field("draft")["default"], true);
    assert_eq!(field("ambassador")["widget"], "relation");
    assert_eq!(field("ambassador")["collection"], "ambassadors");
    assert_eq!(field("consent")["required"], true);
    assert_eq!(field("title")["label"], "Titel");

    // Nothing of the content: no ambassador's name, no story title, no consent reference.
    let text = std::fs::read_to_string(site.public().join("admin/config.yml")).unwrap();
    for secret in [
        "Anneke",
        "Greetje",
        "Pieter",
        "TF-20",
        "Een concept",
        "kerst-op-de-ic",
    ] {
        assert!(!text.contains(secret), "config.yml names `{secret}`");
    }
}

#[test]
fn a_self_hosted_script_is_loaded_from_static_and_must_exist() {
    let site = with_editor("  script: /admin/decap-cms.js\n").in_english();
    let line = site.read("content/site.yaml").lines().count();
    let run = site.run(&["build", "--now", NOW]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let error = format!(
        "content/site.yaml:{line}:11: error: `editor.script` is `/admin/decap-cms.js`, but there is no `static/admin/decap-cms.js`"
    );
    assert!(run.stderr.contains(&error), "{}", run.stderr);
    assert!(
        run.stderr.contains("static/admin/decap-cms.js"),
        "{}",
        run.stderr
    );

    site.write("static/admin/decap-cms.js", "/* a copy */");
    site.build();
    let html = std::fs::read_to_string(site.public().join("admin/index.html")).unwrap();
    let html = Html::parse_document(&html);
    let script = html
        .select(&Selector::parse("script[src]").unwrap())
        .next()
        .unwrap();
    assert_eq!(script.value().attr("src"), Some("../admin/decap-cms.js"));
    assert_eq!(script.value().attr("integrity"), None);
    assert!(site.exists("/admin/decap-cms.js"));
    let run = site.run(&["audit", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_wrong_backend_or_repo_is_an_error_at_its_value() {
    let site = TestSite::new("minimal").in_english();
    let config = site.read("content/site.yaml");
    let lines = config.lines().count();
    site.write(
        "content/site.yaml",
        &format!("{config}editor:\n  backend: githib\n  repo: werkenbij\n"),
    );
    let run = site.run(&["check", "--now", NOW]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let backend = format!(
        "content/site.yaml:{}:12: error: unknown editor backend `githib`",
        lines + 2
    );
    assert!(run.stderr.contains(&backend), "{}", run.stderr);
    assert!(run.stderr.contains("github"), "{}", run.stderr);
    let repo = format!(
        "content/site.yaml:{}:9: error: `editor.repo` must be `owner/name`, found `werkenbij`",
        lines + 3
    );
    assert!(run.stderr.contains(&repo), "{}", run.stderr);
    assert!(!site.exists("/admin/"));
}
