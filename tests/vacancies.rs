//! Vacancies end to end on the `vacancies` fixture: JobPosting data, closing, the four feeds read
//! by real parsers, stories and vacancies side by side, filter pages, and bad values.

mod support;

use serde_json::Value;
use support::{TestSite, NOW};

const BASE: &str = "https://werkenbij.example.nl";

fn built() -> TestSite {
    let site = TestSite::new("vacancies");
    site.build();
    site
}

fn job_posting(site: &TestSite, slug: &str) -> Value {
    let job = site
        .page(&format!("/vacatures/{slug}/"))
        .json_ld()
        .unwrap_or_else(|| panic!("{slug} has JSON-LD"));
    assert_eq!(job["@context"], "https://schema.org");
    assert_eq!(job["@type"], "JobPosting");
    job
}

#[test]
fn job_posting_has_every_property_google_documents_with_its_type() {
    let site = built();
    let job = job_posting(&site, "ic-verpleegkundige");
    assert_eq!(job["title"], "IC-verpleegkundige");
    let description = job["description"].as_str().unwrap();
    assert!(description.starts_with("<h2 id=\"wat-ga-je-doen\">Wat ga je doen</h2>\n<p>"));
    assert!(
        !description.contains("heading-anchor"),
        "the page's own anchors stay on the page"
    );
    assert!(
        description.contains(&format!("href=\"{BASE}/verhalen/nachtdienst/\"")),
        "links are absolute: {description}"
    );
    assert_eq!(job["datePosted"], "2026-10-01");
    assert_eq!(
        job["validThrough"], "2027-01-31T23:59:59+01:00",
        "a bare date is the end of that day in Amsterdam (winter time)"
    );
    let org = &job["hiringOrganization"];
    assert_eq!(org["@type"], "Organization");
    assert_eq!(org["name"], "Zorggroep Test");
    assert_eq!(org["sameAs"], "https://www.example.nl");
    assert_eq!(org["logo"], format!("{BASE}/logo.svg"));
    assert_eq!(job["jobLocation"]["@type"], "Place");
    assert_eq!(
        job["jobLocation"]["address"],
        serde_json::json!({
            "@type": "PostalAddress",
            "streetAddress": "Lindewaardlaan 1",
            "addressLocality": "Utrecht",
            "postalCode": "3584 CX",
            "addressRegion": "Utrecht",
            "addressCountry": "NL",
        })
    );
    assert_eq!(
        job["employmentType"],
        serde_json::json!(["FULL_TIME", "PART_TIME"])
    );
    assert_eq!(
        job["identifier"],
        serde_json::json!({ "@type": "PropertyValue", "name": "Zorggroep Test", "value": "ZT-2026-041" })
    );
    assert_eq!(
        job["baseSalary"],
        serde_json::json!({
            "@type": "MonetaryAmount",
            "currency": "EUR",
            "value": { "@type": "QuantitativeValue", "minValue": 3790.0, "maxValue": 5484.0, "unitText": "MONTH" },
        })
    );
    assert!(job["baseSalary"]["value"]["minValue"].is_f64());
    assert_eq!(job["directApply"], true);
    assert_eq!(job["url"], format!("{BASE}/vacatures/ic-verpleegkundige/"));
    assert!(job.get("jobLocationType").is_none(), "on location only");
    assert!(job.get("applicantLocationRequirements").is_none());

    // Hybrid: at its address (not TELECOMMUTE, see tests/conformance.rs); a link that is not the
    // application form itself is no direct apply.
    let hybrid = job_posting(&site, "ict-servicedesk");
    assert_eq!(
        hybrid["jobLocation"]["address"]["addressLocality"],
        "Utrecht"
    );
    assert_eq!(
        hybrid["employmentType"], "FULL_TIME",
        "one value stays one value"
    );
    assert_eq!(hybrid["directApply"], false);
    assert_eq!(hybrid["validThrough"], "2026-12-31T23:59:00+01:00");

    let remote = job_posting(&site, "roosterplanner");
    assert_eq!(remote["jobLocationType"], "TELECOMMUTE");
    assert_eq!(remote["baseSalary"]["value"]["unitText"], "YEAR");
    assert_eq!(
        remote["employmentType"],
        serde_json::json!(["FULL_TIME", "TEMPORARY"])
    );
    assert_eq!(remote["validThrough"], "2027-02-28T17:00:00+01:00");

    // Hourly pay, no identifier (the slug), no street, no apply link.
    let hourly = job_posting(&site, "verzorgende-ig");
    assert_eq!(hourly["baseSalary"]["value"]["unitText"], "HOUR");
    assert_eq!(hourly["baseSalary"]["value"]["minValue"], 17.15);
    assert_eq!(hourly["identifier"]["value"], "verzorgende-ig");
    assert!(hourly["jobLocation"]["address"]
        .get("streetAddress")
        .is_none());
    assert!(hourly.get("directApply").is_none());
}

#[test]
fn salary_and_hours_read_the_dutch_way_on_the_page() {
    let site = built();
    let facts = site
        .page("/vacatures/verzorgende-ig/")
        .texts(".facts-box dd");
    assert!(
        facts.contains(&"€ 17,15 – € 22,40 bruto per uur, FWG 35, CAO VVT".to_owned()),
        "{facts:?}"
    );
    assert!(
        facts.contains(&"16–24 uur per week".to_owned()),
        "{facts:?}"
    );
    let yearly = site
        .page("/vacatures/roosterplanner/")
        .texts(".facts-box dd");
    assert!(yearly.contains(&"€ 38.000 – € 46.000 bruto per jaar, FWG 45".to_owned()));
    assert!(yearly.contains(&"36 uur per week".to_owned()));
    assert!(yearly.contains(&"Volledig thuis (in Nederland)".to_owned()));
    let hybrid = site
        .page("/vacatures/ict-servicedesk/")
        .texts(".facts-box dd");
    assert!(
        hybrid.contains(&"Hybride, deels thuis".to_owned()),
        "{hybrid:?}"
    );
}

#[test]
fn an_expired_vacancy_stays_but_leaves_search_feeds_lists_and_stories() {
    let site = built();
    let page = site.page("/vacatures/operatieassistent/");
    assert_eq!(page.meta("robots").as_deref(), Some("noindex"));
    assert!(page.json_ld().is_none(), "no JobPosting");
    assert_eq!(
        page.text(".notice"),
        "Deze vacature is gesloten. Reageren is niet meer mogelijk."
    );
    assert_eq!(
        page.texts("#alternatives ~ .grid .card-title"),
        [
            "Fysiotherapeut Intensive Care",
            "IC-verpleegkundige",
            "Roosterplanner"
        ],
        "open ones in the same department first, then the newest"
    );
    assert!(page.select("#colleagues").is_empty());
    assert!(!site
        .read("public/sitemap.xml")
        .contains("operatieassistent"));
    for feed in [
        "public/vacatures/feed.xml",
        "public/vacatures/feed.json",
        "public/vacatures/jobs.xml",
    ] {
        assert!(!site.read(feed).contains("operatieassistent"), "{feed}");
    }
    let listed: Vec<String> = site
        .page("/vacatures/")
        .select(".vacancy-card .card-title a")
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert!(!listed.contains(&"/vacatures/operatieassistent/".to_owned()));
    // The story that names it shows open vacancies instead.
    let story = site.page("/verhalen/nachtdienst/");
    assert!(!story
        .texts("#work-here ~ .grid .card-title")
        .contains(&"Operatieassistent".to_owned()));
    assert!(
        !site.exists("/vacatures/afdeling/intensive-care/")
            || !site
                .page("/vacatures/afdeling/intensive-care/")
                .texts(".card-title")
                .contains(&"Operatieassistent".to_owned())
    );
}

#[test]
fn vacancy_pages_show_stories_and_story_pages_show_vacancies_by_rank() {
    let site = built();
    let stories = |slug: &str| {
        site.page(&format!("/vacatures/{slug}/"))
            .select("#colleagues ~ .grid .card-title a")
            .iter()
            .map(|a| a.value().attr("href").unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let vacancies = |slug: &str| {
        site.page(&format!("/verhalen/{slug}/"))
            .select("#work-here ~ .grid .card-title a")
            .iter()
            .map(|a| a.value().attr("href").unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        site.page("/vacatures/ic-verpleegkundige/")
            .text("#colleagues"),
        "Hoor het van je toekomstige collega's"
    );
    // Explicit (`stories:`) first, then the same role, newest first.
    assert_eq!(
        stories("ic-verpleegkundige"),
        [
            "/verhalen/afscheid/",
            "/verhalen/nachtdienst/",
            "/verhalen/ic-opleiding/"
        ]
    );
    // Explicit (the story's `vacancies:`), the same role, then the location.
    assert_eq!(
        stories("ict-servicedesk"),
        [
            "/verhalen/epd-storing/",
            "/verhalen/thuiswerken/",
            "/verhalen/fysio-op-de-ic/"
        ]
    );
    // The same role, then the same department (shared hashtags tie; newest first). The scheduled
    // story is never suggested.
    assert_eq!(
        stories("fysiotherapeut-ic"),
        [
            "/verhalen/fysio-op-de-ic/",
            "/verhalen/nachtdienst/",
            "/verhalen/afscheid/"
        ]
    );
    assert_eq!(stories("verzorgende-ig"), ["/verhalen/wijkroute/"]);

    assert_eq!(
        site.page("/verhalen/afscheid/").text("#work-here"),
        "Ook hier werken?"
    );
    // Named by the vacancy's `stories:`, then department, then location; never the closed one.
    assert_eq!(
        vacancies("afscheid"),
        [
            "/vacatures/ic-verpleegkundige/",
            "/vacatures/fysiotherapeut-ic/",
            "/vacatures/ict-servicedesk/"
        ]
    );
    assert_eq!(
        vacancies("nachtdienst"),
        [
            "/vacatures/ic-verpleegkundige/",
            "/vacatures/fysiotherapeut-ic/",
            "/vacatures/ict-servicedesk/"
        ]
    );
    assert_eq!(
        vacancies("wijkroute"),
        ["/vacatures/verzorgende-ig/", "/vacatures/roosterplanner/"],
        "role, then the location Zeist"
    );
}

#[test]
fn feeds_parse_with_real_parsers_newest_first() {
    let site = built();
    let open = [
        "roosterplanner",
        "fysiotherapeut-ic",
        "ict-servicedesk",
        "ic-verpleegkundige",
        "verzorgende-ig",
    ];
    let urls: Vec<String> = open
        .iter()
        .map(|s| format!("{BASE}/vacatures/{s}/"))
        .collect();

    let rss = feed_rs::parser::parse(site.read("public/vacatures/feed.xml").as_bytes()).unwrap();
    assert_eq!(rss.feed_type, feed_rs::model::FeedType::RSS2);
    assert_eq!(
        rss.title.unwrap().content,
        "Vacatures | Werken bij Zorggroep Test"
    );
    assert!(rss.links.iter().any(
        |l| l.href == format!("{BASE}/vacatures/feed.xml") && l.rel.as_deref() == Some("self")
    ));
    let ids: Vec<&str> = rss.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, urls, "guids, newest first, only open and published");
    let first = &rss.entries[0];
    assert_eq!(
        first.published.unwrap().to_rfc3339(),
        "2026-11-14T23:00:00+00:00",
        "pubDate is midnight in Amsterdam"
    );
    let categories: Vec<&str> = first.categories.iter().map(|c| c.term.as_str()).collect();
    assert_eq!(categories, ["Roosterbureau", "Planner"]);
    assert!(first
        .summary
        .as_ref()
        .unwrap()
        .content
        .contains("vanuit huis"));

    let json_text = site.read("public/vacatures/feed.json");
    let json = feed_rs::parser::parse(json_text.as_bytes()).unwrap();
    assert_eq!(json.feed_type, feed_rs::model::FeedType::JSON);
    let ids: Vec<&str> = json.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, urls);
    let raw: Value = serde_json::from_str(&json_text).unwrap();
    assert_eq!(raw["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(raw["feed_url"], format!("{BASE}/vacatures/feed.json"));
    let ext = &raw["items"][2]["_werkenbij"];
    assert_eq!(
        ext["location"],
        serde_json::json!({"street": "Lindewaardlaan 1", "postal_code": "3584 CX", "city": "Utrecht", "region": "Utrecht", "country": "NL"})
    );
    assert_eq!(ext["remote"], "hybrid");
    assert_eq!(
        ext["hours"],
        serde_json::json!({"min": 32.0, "max": 36.0, "text": "32–36 uur per week"})
    );
    assert_eq!(
        ext["salary"]["text"],
        "€ 2.937 – € 4.163 bruto per maand, FWG 45"
    );
    assert_eq!(ext["salary"]["unit"], "MONTH");
    assert_eq!(ext["employment_type"], serde_json::json!(["FULL_TIME"]));
    assert_eq!(ext["valid_through"], "2026-12-31T23:59:00+01:00");
    assert_eq!(
        ext["apply_url"],
        "https://www.example.nl/vacatures/ict-servicedesk"
    );
    assert_eq!(ext["identifier"], "ZT-2026-050");

    let atom = feed_rs::parser::parse(site.read("public/verhalen/feed.xml").as_bytes()).unwrap();
    assert_eq!(atom.feed_type, feed_rs::model::FeedType::Atom);
    assert_eq!(atom.id, format!("{BASE}/verhalen/"));
    assert_eq!(
        atom.updated.unwrap().to_rfc3339(),
        "2026-11-04T23:00:00+00:00"
    );
    let ids: Vec<&str> = atom.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "fysio-op-de-ic",
            "thuiswerken",
            "nachtdienst",
            "wijkroute",
            "afscheid",
            "ic-opleiding",
            "epd-storing"
        ]
        .map(|s| format!("{BASE}/verhalen/{s}/")),
        "published stories only, newest first"
    );
    let entry = &atom.entries[2];
    assert_eq!(
        entry.title.as_ref().unwrap().content,
        "Mijn nachtdienst op de IC"
    );
    assert_eq!(entry.authors[0].name.as_deref(), Some("Anneke van 't Hof"));
    assert_eq!(entry.links[0].href, format!("{BASE}/verhalen/nachtdienst/"));
    assert_eq!(entry.links[0].rel.as_deref(), Some("alternate"));
    assert_eq!(
        entry.summary.as_ref().unwrap().content,
        "Een nacht op de Intensive Care."
    );
    let content = entry.content.as_ref().unwrap().body.as_deref().unwrap();
    assert!(content.contains(&format!(
        "<a href=\"{BASE}/vacatures/ic-verpleegkundige/\">"
    )));

    let jobs_text = site.read("public/vacatures/jobs.xml");
    assert!(jobs_text.contains("<title><![CDATA[IC-verpleegkundige]]></title>"));
    let jobs = roxmltree::Document::parse(&jobs_text).unwrap();
    let source = jobs.root_element();
    assert_eq!(source.tag_name().name(), "source");
    let child = |node: roxmltree::Node<'_, '_>, name: &str| -> String {
        node.children()
            .find(|n| n.has_tag_name(name))
            .and_then(|n| n.text())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(child(source, "publisher"), "Zorggroep Test");
    assert_eq!(child(source, "publisherurl"), BASE);
    assert_eq!(child(source, "lastBuildDate"), "2026-11-15T00:00:00+01:00");
    let list: Vec<_> = source
        .children()
        .filter(|n| n.has_tag_name("job"))
        .collect();
    assert_eq!(
        list.iter().map(|j| child(*j, "url")).collect::<Vec<_>>(),
        urls
    );
    let ic = list[3];
    for (name, value) in [
        ("title", "IC-verpleegkundige"),
        ("date", "2026-10-01T00:00:00+02:00"),
        ("referencenumber", "ZT-2026-041"),
        (
            "url",
            "https://werkenbij.example.nl/vacatures/ic-verpleegkundige/",
        ),
        ("company", "Zorggroep Test"),
        ("city", "Utrecht"),
        ("state", "Utrecht"),
        ("country", "NL"),
        ("postalcode", "3584 CX"),
        ("salary", "€ 3.790 – € 5.484 bruto per maand, FWG 60"),
        ("jobtype", "fulltime, parttime"),
        ("category", "Intensive Care, IC-verpleegkundige"),
        ("expirationdate", "2027-01-31T23:59:59+01:00"),
    ] {
        assert_eq!(child(ic, name), value, "{name}");
    }
    assert!(child(ic, "description").starts_with("<h2 id=\"wat-ga-je-doen\">"));
    assert_eq!(child(list[2], "remotetype"), "Hybrid remote");
    assert_eq!(child(list[0], "remotetype"), "Fully remote");
    assert_eq!(
        child(list[4], "description"),
        "<p>Je fietst door Zeist &amp; omgeving, van cliënt naar cliënt.</p>\n"
    );
}

#[test]
fn list_pages_advertise_their_feeds() {
    let site = built();
    let alternates = |path: &str| {
        site.page(path)
            .select("head link[rel=\"alternate\"]")
            .iter()
            .map(|l| {
                (
                    l.value().attr("type").unwrap().to_owned(),
                    l.value().attr("href").unwrap().to_owned(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        alternates("/vacatures/"),
        [
            (
                "application/rss+xml".to_owned(),
                "/vacatures/feed.xml".to_owned()
            ),
            (
                "application/feed+json".to_owned(),
                "/vacatures/feed.json".to_owned()
            ),
            (
                "application/xml".to_owned(),
                "/vacatures/jobs.xml".to_owned()
            ),
        ]
    );
    assert_eq!(
        alternates("/verhalen/"),
        [(
            "application/atom+xml".to_owned(),
            "/verhalen/feed.xml".to_owned()
        )]
    );
    assert!(alternates("/vacatures/ic-verpleegkundige/").is_empty());
}

#[test]
fn filter_pages_work_without_javascript() {
    let site = built();
    let titles = |path: &str| site.page(path).texts("#vacancy-list .card-title");
    assert_eq!(
        titles("/vacatures/locatie/zeist/"),
        ["Roosterplanner", "Verzorgende IG thuiszorg"]
    );
    assert_eq!(
        titles("/vacatures/afdeling/intensive-care/"),
        ["Fysiotherapeut Intensive Care", "IC-verpleegkundige"]
    );
    assert_eq!(
        titles("/vacatures/uren/tot-en-met-24/"),
        ["IC-verpleegkundige", "Verzorgende IG thuiszorg"]
    );
    assert_eq!(
        titles("/vacatures/uren/meer-dan-32/"),
        [
            "Roosterplanner",
            "ICT-medewerker servicedesk",
            "IC-verpleegkundige"
        ]
    );
    assert_eq!(
        titles("/vacatures/dienstverband/tijdelijk/"),
        ["Roosterplanner"]
    );
    let page = site.page("/vacatures/locatie/zeist/");
    assert_eq!(page.text("h1"), "Vacatures: Zeist");
    assert_eq!(page.text("#vacancy-count"), "2 vacatures");
    assert_eq!(
        page.attr("a[aria-current=\"page\"]", "href").as_deref(),
        Some("/vacatures/locatie/zeist/")
    );
    assert_eq!(
        page.attr("link[rel=\"canonical\"]", "href").as_deref(),
        Some("https://werkenbij.example.nl/vacatures/locatie/zeist/")
    );
    assert!(
        page.select("script").is_empty(),
        "filter pages need no script"
    );
    let sitemap = site.read("public/sitemap.xml");
    assert!(sitemap.contains("<loc>https://werkenbij.example.nl/vacatures/locatie/zeist/</loc>"));

    // The list: every facet as links, and a labelled form the script reveals.
    let list = site.page("/vacatures/");
    assert_eq!(
        list.texts(".filter-title"),
        ["Afdeling", "Locatie", "Uren", "Dienstverband"]
    );
    assert_eq!(
        list.texts("#vacancy-facets .filter-group:nth-of-type(2) a"),
        ["Utrecht (3)", "Zeist (2)"]
    );
    assert!(list.select("#vacancy-filter[hidden]").len() == 1);
    for select in list.select("#vacancy-filter select") {
        let id = select.value().attr("id").unwrap();
        assert_eq!(
            list.select(&format!("label[for=\"{id}\"]")).len(),
            1,
            "{id} has a label"
        );
    }
    assert_eq!(
        list.attr("#vacancy-count", "role").as_deref(),
        Some("status"),
        "the count is announced"
    );
    assert_eq!(list.text("#vacancy-count"), "5 vacatures");
    let card = list.select("#vacancy-list .vacancy-card")[0];
    assert_eq!(card.value().attr("data-locatie"), Some("zeist"));
    assert_eq!(card.value().attr("data-afdeling"), Some("roosterbureau"));
    assert_eq!(card.value().attr("data-uren"), Some("meer-dan-32"));
    assert_eq!(
        card.value().attr("data-dienstverband"),
        Some("voltijd tijdelijk")
    );
    let script = list.text("script");
    assert!(
        script.contains("replaceState"),
        "the filter is kept in the URL"
    );
    assert!(!script.contains("src="), "no third-party code");
}

fn overlay(site: &TestSite, fixture: &str) {
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(fixture);
    for (relative, bytes) in support::files_below(&source) {
        site.write(&relative, &String::from_utf8(bytes).unwrap());
    }
}

/// Every bad value in `tests/fixtures/broken_vacancies` is reported in one run, with its place.
#[test]
fn bad_vacancy_values_fail_with_file_line_and_hint() {
    let site = TestSite::new("vacancies").in_english();
    overlay(&site, "broken_vacancies");
    let run = site.run(&["check", "--now", NOW]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn english_sites_get_english_filter_paths_and_salaries() {
    let site = TestSite::new("vacancies");
    site.write(
        "content/site.yaml",
        &site
            .read("content/site.yaml")
            .replace("language: nl", "language: en"),
    );
    site.build();
    assert_eq!(
        site.page("/vacatures/location/zeist/")
            .texts("#vacancy-list .card-title"),
        ["Roosterplanner", "Verzorgende IG thuiszorg"]
    );
    assert!(site.exists("/vacatures/hours/over-32/"));
    assert!(site.exists("/vacatures/employment/part-time/"));
    let facts = site
        .page("/vacatures/verzorgende-ig/")
        .texts(".facts-box dd");
    assert!(
        facts.contains(&"€17.15 – €22.40 gross an hour, FWG 35, CAO VVT".to_owned()),
        "{facts:?}"
    );
    assert!(facts.contains(&"16–24 hours a week".to_owned()));
    assert_eq!(
        site.page("/vacatures/ic-verpleegkundige/")
            .text("#colleagues"),
        "Hear it from your future colleagues"
    );
    assert_eq!(
        site.page("/verhalen/afscheid/").text("#work-here"),
        "Work here too?"
    );
}

#[test]
fn a_preview_build_lists_scheduled_vacancies_but_feeds_only_published_ones() {
    let site = TestSite::new("vacancies");
    let run = site.run(&["build", "--drafts", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site
        .page("/vacatures/")
        .texts(".card-title")
        .contains(&"Leerling-verpleegkundige".to_owned()));
    for feed in [
        "public/vacatures/feed.xml",
        "public/vacatures/feed.json",
        "public/vacatures/jobs.xml",
    ] {
        assert!(
            !site.read(feed).contains("leerling-verpleegkundige"),
            "{feed}"
        );
    }
    assert!(!site
        .read("public/verhalen/feed.xml")
        .contains("/verhalen/gepland/"));
}

/// The four feeds and one JobPosting as a reviewer reads them.
#[test]
fn feed_and_json_ld_snapshots() {
    let site = built();
    insta::assert_snapshot!("vacancy_rss", site.read("public/vacatures/feed.xml"));
    insta::assert_snapshot!("vacancy_json_feed", site.read("public/vacatures/feed.json"));
    insta::assert_snapshot!("vacancy_job_feed", site.read("public/vacatures/jobs.xml"));
    insta::assert_snapshot!("story_atom", site.read("public/verhalen/feed.xml"));
    let job = site.page("/vacatures/ict-servicedesk/").json_ld().unwrap();
    insta::assert_snapshot!(
        "job_posting_hybrid",
        serde_json::to_string_pretty(&job).unwrap()
    );
}

#[test]
fn feeds_filter_pages_and_links_are_byte_identical_on_one_thread() {
    let site = built();
    let first = site.output_files();
    let run = site.run_with(&["build", "--now", NOW], &[("RAYON_NUM_THREADS", "1")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(first == site.output_files(), "same paths and bytes");
}
