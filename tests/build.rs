//! Building fixture sites with the real binary and checking what a visitor, a search engine and a
//! social network would see.

mod support;

use support::{files_below, TestSite, NOW};

const BASE: &str = "https://werkenbij.example.nl";

/// Every public page type and the head tags docs/reliability.md promises on it.
#[test]
fn every_page_type_carries_the_required_head_tags() {
    let site = TestSite::new("minimal");
    site.build();
    let pages = [
        ("/", "website"),
        ("/verhalen/", "website"),
        ("/verhalen/avonddienst/", "article"),
        ("/verhalen/zeven-clienten/", "article"),
        ("/ambassadeurs/", "website"),
        ("/ambassadeurs/anneke-van-t-hof/", "profile"),
        ("/vacatures/", "website"),
        ("/vacatures/ic-verpleegkundige/", "website"),
        ("/hashtags/", "website"),
        ("/hashtags/meerdanbillenwassen/", "website"),
        ("/privacy/", "website"),
    ];
    for (path, og_type) in pages {
        let page = site.page(path);
        let canonical = page
            .attr("link[rel=canonical]", "href")
            .unwrap_or_else(|| panic!("{path}: canonical"));
        assert_eq!(canonical, format!("{BASE}{path}"), "{path}");
        assert!(!page.text("title").is_empty(), "{path}: title");
        assert!(
            page.meta("description").is_some_and(|d| !d.is_empty()),
            "{path}: description"
        );
        assert!(
            page.meta("og:title").is_some_and(|d| !d.is_empty()),
            "{path}: og:title"
        );
        assert!(
            page.meta("og:description").is_some_and(|d| !d.is_empty()),
            "{path}: og:description"
        );
        assert_eq!(page.meta("og:type").as_deref(), Some(og_type), "{path}");
        assert_eq!(page.meta("og:url"), Some(canonical.clone()), "{path}");
        let image = page.meta("og:image").unwrap();
        assert!(
            image.starts_with(BASE),
            "{path}: og:image is absolute: {image}"
        );
        assert!(
            site.exists(image.trim_start_matches(BASE)),
            "{path}: {image} exists"
        );
        assert!(
            page.meta("og:image:alt").is_some_and(|a| !a.is_empty()),
            "{path}: og:image:alt"
        );
        assert_eq!(page.meta("og:locale").as_deref(), Some("nl_NL"), "{path}");
        assert_eq!(
            page.meta("og:site_name").as_deref(),
            Some("Werken bij Zorggroep Test"),
            "{path}"
        );
        assert_eq!(
            page.meta("twitter:card").as_deref(),
            Some("summary_large_image"),
            "{path}"
        );
        assert_eq!(page.attr("html", "lang").as_deref(), Some("nl"), "{path}");
        assert_eq!(page.meta("robots"), None, "{path} is indexable");
    }
}

#[test]
fn story_page_shows_ambassador_quote_photo_hashtags_and_vacancies() {
    let site = TestSite::new("minimal");
    site.build();
    let page = site.page("/verhalen/avonddienst/");
    assert_eq!(page.text("h1"), "Mijn avonddienst op de IC");
    assert_eq!(page.text(".byline a"), "Anneke van 't Hof");
    assert_eq!(
        page.attr(".byline a", "href").as_deref(),
        Some("/ambassadeurs/anneke-van-t-hof/")
    );
    assert_eq!(page.text(".byline time"), "14 juni 2026");
    assert_eq!(
        page.text(".pull-quote p"),
        "Je bent er echt voor één patiënt."
    );
    let photo = &page.select(".story-photo picture img")[0];
    assert_eq!(
        photo.value().attr("src"),
        Some("/img/verhalen/avonddienst/foto-960.jpg")
    );
    assert_eq!(photo.value().attr("alt"), Some("Een rood en blauw vlak"));
    assert_eq!(
        (photo.value().attr("width"), photo.value().attr("height")),
        (Some("1600"), Some("900"))
    );
    let tags: Vec<_> = page
        .select(".story .tags a")
        .iter()
        .map(|a| {
            (
                a.text().collect::<String>(),
                a.value().attr("href").unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        tags,
        [
            (
                "#MeerDanBillenWassen".to_owned(),
                "/hashtags/meerdanbillenwassen/".to_owned()
            ),
            ("#IC".to_owned(), "/hashtags/ic/".to_owned()),
        ],
        "site.yaml's spelling wins; `#` in front-matter is dropped"
    );
    assert_eq!(
        page.texts("#work-here ~ .grid .card-title"),
        ["IC-verpleegkundige"]
    );
    // Markdown: content-file links become URLs; headings get unique ids with anchors.
    assert_eq!(
        page.attr(".prose a[href^='/vacatures/']", "href")
            .as_deref(),
        Some("/vacatures/ic-verpleegkundige/")
    );
    let ids: Vec<_> = page
        .select(".prose h2")
        .iter()
        .map(|h| h.value().attr("id").unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["overdracht", "overdracht-1"]);
    assert_eq!(page.select(".prose table").len(), 1);
}

#[test]
fn json_ld_article_jobposting_and_organization() {
    let site = TestSite::new("minimal");
    site.build();
    let article = site.page("/verhalen/avonddienst/").json_ld().unwrap();
    assert_eq!(article["@type"], "Article");
    assert_eq!(article["headline"], "Mijn avonddienst op de IC");
    assert_eq!(article["datePublished"], "2026-06-14");
    assert_eq!(article["author"]["@type"], "Person");
    assert_eq!(article["author"]["name"], "Anneke van 't Hof");
    assert_eq!(
        article["image"],
        format!("{BASE}/og/verhalen/avonddienst.jpg")
    );

    let job = site
        .page("/vacatures/ic-verpleegkundige/")
        .json_ld()
        .unwrap();
    assert_eq!(job["@type"], "JobPosting");
    assert_eq!(job["title"], "IC-verpleegkundige");
    assert_eq!(job["datePosted"], "2026-10-01");
    assert_eq!(job["validThrough"], "2027-01-31T23:59:00+01:00");
    assert_eq!(job["hiringOrganization"]["name"], "Zorggroep Test");
    assert_eq!(
        job["hiringOrganization"]["logo"],
        format!("{BASE}/logo.svg")
    );
    assert_eq!(job["jobLocation"]["address"]["addressLocality"], "Utrecht");
    assert_eq!(job["jobLocation"]["address"]["postalCode"], "3584 CX");
    assert_eq!(job["jobLocation"]["address"]["addressCountry"], "NL");
    assert_eq!(
        job["employmentType"],
        serde_json::json!(["FULL_TIME", "PART_TIME"])
    );
    assert_eq!(job["baseSalary"]["value"]["minValue"], 3245.0);
    assert_eq!(job["baseSalary"]["value"]["unitText"], "MONTH");
    assert!(job["description"]
        .as_str()
        .unwrap()
        .contains("<h2 id=\"wat-ga-je-doen\">"));

    let home = site.page("/").json_ld().unwrap();
    assert_eq!(home["@type"], "Organization");
    assert_eq!(home["url"], "https://www.example.nl");
}

#[test]
fn a_closed_vacancy_keeps_its_page_but_leaves_listings_and_search() {
    let site = TestSite::new("minimal");
    site.build();
    let page = site.page("/vacatures/operatieassistent/");
    assert_eq!(page.meta("robots").as_deref(), Some("noindex"));
    assert!(
        page.json_ld().is_none(),
        "no JobPosting on a closed vacancy"
    );
    assert!(!page.select(".notice").is_empty());
    assert_eq!(
        page.texts("#alternatives ~ .grid .card-title"),
        ["IC-verpleegkundige"],
        "open vacancies in the same department"
    );
    assert_eq!(
        site.page("/vacatures/").texts(".card-title"),
        ["IC-verpleegkundige"]
    );
    assert!(!site
        .read("public/sitemap.xml")
        .contains("operatieassistent"));
    // Its salary and hours are shown the Dutch way on the open one.
    let open = site.page("/vacatures/ic-verpleegkundige/");
    assert!(open
        .texts(".facts-box dd")
        .contains(&"€ 3.245 – € 4.591 bruto per maand, FWG 55".to_owned()));
    assert!(open
        .texts(".facts-box dd")
        .contains(&"24–36 uur per week".to_owned()));
}

#[test]
fn a_withdrawn_consent_leaves_no_trace_in_the_whole_output() {
    let site = TestSite::new("minimal").in_english();
    let run = site.build();
    assert!(
        run.stderr
            .contains("consent `TF-2026-0003` was withdrawn on 2026-09-01"),
        "{}",
        run.stderr
    );
    for (path, bytes) in site.output_files() {
        let text = String::from_utf8_lossy(&bytes);
        for trace in [
            "laatste-operatie",
            "Mijn laatste operatie",
            "greetje-zwaan",
            "Greetje",
            "Zwaan",
            "#ok",
            "/hashtags/ok/",
        ] {
            assert!(
                !text.contains(trace) && !path.contains(trace),
                "`{trace}` found in {path}"
            );
        }
    }
}

#[test]
fn drafts_and_scheduled_stories_appear_only_with_drafts_and_then_with_a_banner() {
    let site = TestSite::new("minimal");
    site.build();
    assert!(!site.exists("/verhalen/concept/"));
    assert!(!site.exists("/verhalen/kerst-op-de-ic/"));
    let run = site.run(&["build", "--now", NOW, "--drafts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        site.page("/verhalen/concept/").text(".preview-banner"),
        "Concept: deze pagina is niet gepubliceerd."
    );
    assert_eq!(
        site.page("/verhalen/kerst-op-de-ic/")
            .text(".preview-banner"),
        "Gepland voor 25 december 2026"
    );
    assert!(
        !site.read("public/sitemap.xml").contains("concept"),
        "previews never reach the sitemap"
    );
    // On its day the scheduled story is published.
    let run = site.run(&["build", "--now", "2026-12-25"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site
        .page("/verhalen/kerst-op-de-ic/")
        .select(".preview-banner")
        .is_empty());
}

#[test]
fn sitemap_robots_404_and_alias_redirects() {
    let site = TestSite::new("minimal");
    site.build();
    let sitemap = site.read("public/sitemap.xml");
    let sitemap = roxmltree::Document::parse(&sitemap).expect("sitemap.xml is well-formed XML");
    let locs: Vec<&str> = sitemap
        .descendants()
        .filter(|node| node.has_tag_name("loc"))
        .filter_map(|node| node.text())
        .collect();
    assert_eq!(
        locs,
        [
            "https://werkenbij.example.nl/",
            "https://werkenbij.example.nl/ambassadeurs/",
            "https://werkenbij.example.nl/ambassadeurs/anneke-van-t-hof/",
            "https://werkenbij.example.nl/ambassadeurs/pieter-bakker/",
            "https://werkenbij.example.nl/hashtags/",
            "https://werkenbij.example.nl/hashtags/ic/",
            "https://werkenbij.example.nl/hashtags/meerdanbillenwassen/",
            "https://werkenbij.example.nl/hashtags/thuiszorg/",
            "https://werkenbij.example.nl/hashtags/verschilmakers/",
            "https://werkenbij.example.nl/privacy/",
            "https://werkenbij.example.nl/vacatures/",
            "https://werkenbij.example.nl/vacatures/ic-verpleegkundige/",
            "https://werkenbij.example.nl/verhalen/",
            "https://werkenbij.example.nl/verhalen/avonddienst/",
            "https://werkenbij.example.nl/verhalen/zeven-clienten/",
        ]
    );
    assert_eq!(
        site.read("public/robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://werkenbij.example.nl/sitemap.xml\n"
    );
    assert_eq!(
        site.page("/404.html").meta("robots").as_deref(),
        Some("noindex")
    );
    let alias = site.page("/verhalen/oude-avonddienst/");
    assert_eq!(
        alias.attr("link[rel=canonical]", "href").as_deref(),
        Some("https://werkenbij.example.nl/verhalen/avonddienst/")
    );
    assert_eq!(alias.meta("robots").as_deref(), Some("noindex"));
    // Relative, so that it works in a local preview and below any path of `base_url`.
    assert_eq!(
        alias.attr("meta[http-equiv=refresh]", "content").as_deref(),
        Some("0; url=../avonddienst/")
    );
    assert_eq!(alias.attr("a", "href").as_deref(), Some("../avonddienst/"));
}

#[test]
fn story_lists_paginate_by_twelve() {
    let site = TestSite::new("minimal");
    for n in 0..25 {
        site.write(
            &format!("content/stories/verhaal-{n:02}.md"),
            &format!("---\ntitle: Verhaal {n}\ndate: 2026-07-{:02}\nambassador: pieter-bakker\nconsent: TF-2026-0002\nsummary: Nummer {n}.\nhashtags: [thuiszorg]\n---\nTekst.\n", n % 28 + 1),
        );
    }
    site.build();
    let first = site.page("/verhalen/");
    assert_eq!(first.select("main .card").len(), 12);
    assert_eq!(
        first.attr("a[rel=next]", "href").as_deref(),
        Some("/verhalen/pagina/2/")
    );
    let third = site.page("/verhalen/pagina/3/");
    assert_eq!(third.select("main .card").len(), 27 - 24);
    assert_eq!(
        third.attr("a[aria-current=page]", "href").as_deref(),
        Some("/verhalen/pagina/3/")
    );
    assert_eq!(
        third.attr("a[rel=prev]", "href").as_deref(),
        Some("/verhalen/pagina/2/")
    );
    assert_eq!(
        site.page("/hashtags/thuiszorg/pagina/3/")
            .select("main .card")
            .len(),
        26 - 24
    );
}

#[test]
fn two_builds_are_byte_identical_also_on_one_thread() {
    let site = TestSite::new("minimal");
    site.build();
    let first = site.output_files();
    site.build();
    assert_eq!(first, site.output_files());
    let run = site.run_with(&["build", "--now", NOW], &[("RAYON_NUM_THREADS", "1")]);
    assert_eq!(run.code, 0);
    let single = site.output_files();
    assert_eq!(
        first.iter().map(|f| &f.0).collect::<Vec<_>>(),
        single.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    assert!(first == single, "one thread gives the same bytes");
}

#[test]
fn a_failing_build_leaves_the_previous_output_untouched() {
    let site = TestSite::new("minimal");
    site.build();
    let before = site.output_files();
    site.write("content/stories/kapot.md", "---\ntitle: Kapot\n---\n");
    let run = site.run(&["build", "--now", NOW]);
    assert_eq!(run.code, 1);
    assert_eq!(before, site.output_files());
    let leftovers: Vec<_> = std::fs::read_dir(&site.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // The lock file and the record of the output stay by design (docs/reliability.md).
        .filter(|n| {
            n.contains("werkenbij")
                && ![
                    ".werkenbij-cache",
                    ".public.werkenbij-lock",
                    ".public.werkenbij-record",
                ]
                .contains(&n.as_str())
        })
        .collect();
    assert!(
        leftovers.is_empty(),
        "no staging folder is left behind: {leftovers:?}"
    );
}

#[test]
fn stale_files_disappear_on_the_next_build() {
    let site = TestSite::new("minimal");
    site.build();
    assert!(site.exists("/verhalen/zeven-clienten/index.html"));
    site.remove("content/stories/zeven-clienten.md");
    site.write(
        "content/stories/avonddienst/index.md",
        &site.read("content/stories/avonddienst/index.md").replace(
            "[het verhaal van Pieter](/verhalen/zeven-clienten/)",
            "Pieter",
        ),
    );
    site.build();
    assert!(!site.exists("/verhalen/zeven-clienten/index.html"));
}

#[test]
fn photos_come_out_upright_without_any_metadata() {
    let site = TestSite::new("minimal");
    site.build();
    let original = std::fs::read(site.root.join("content/stories/avonddienst/foto.jpg")).unwrap();
    let mut paths: Vec<String> = [480, 960, 1600]
        .iter()
        .flat_map(|w| {
            [
                format!("img/verhalen/avonddienst/foto-{w}.jpg"),
                format!("img/verhalen/avonddienst/foto-{w}.webp"),
            ]
        })
        .collect();
    paths.push("og/verhalen/avonddienst.jpg".to_owned());
    for path in &paths {
        let bytes = std::fs::read(site.public().join(path)).unwrap();
        assert_ne!(bytes, original);
        let exif = exif::Reader::new().read_from_container(&mut std::io::Cursor::new(&bytes));
        assert!(exif.is_err(), "{path} has no EXIF");
        for marker in [
            &b"http://ns.adobe.com/xap/1.0/"[..],
            b"Geheime Fotograaf",
            b"camera serial",
            b"PhoneMaker",
            b"ICC_PROFILE",
        ] {
            assert!(
                !bytes.windows(marker.len()).any(|w| w == marker),
                "{path} contains {}",
                String::from_utf8_lossy(marker)
            );
        }
        if path.ends_with(".webp") {
            // The simple lossy format: one VP8 chunk, no room for EXIF, XMP or ICC chunks.
            assert_eq!(&bytes[..4], b"RIFF", "{path}");
            assert_eq!(&bytes[8..16], b"WEBPVP8 ", "{path}");
            assert_eq!(
                bytes.len(),
                20 + u32::from_le_bytes(bytes[16..20].try_into().unwrap()) as usize
                    + (bytes.len() % 2),
                "{path} has one chunk"
            );
        } else {
            // A JPEG with no APPn segment but JFIF, and no comment.
            let mut at = 2;
            while bytes[at] == 0xff && bytes[at + 1] != 0xda {
                let marker = bytes[at + 1];
                assert!(
                    marker == 0xe0 || !(0xe1..=0xef).contains(&marker) && marker != 0xfe,
                    "{path} has segment FF{marker:02X}"
                );
                at += 2 + usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
            }
        }
        let image = image::load_from_memory(&bytes).unwrap().to_rgb8();
        // The phone stored it sideways (EXIF orientation 6): upright it is landscape, red above blue.
        assert!(image.width() > image.height(), "{path} is landscape");
        let top = image.get_pixel(image.width() / 2, image.height() / 10).0;
        // Cards carry their band at the bottom: look just above it.
        let below = if path.starts_with("og/") {
            348
        } else {
            image.height() * 9 / 10
        };
        let bottom = image.get_pixel(image.width() / 2, below).0;
        assert!(
            top[0] > 150 && top[2] < 100,
            "{path}: red on top, found {top:?}"
        );
        assert!(
            bottom[2] > 150 && bottom[0] < 100,
            "{path}: blue below, found {bottom:?}"
        );
    }
    let card = image::open(site.public().join("og/verhalen/avonddienst.jpg")).unwrap();
    assert_eq!((card.width(), card.height()), (1200, 630));
    let default = image::open(site.public().join("og/default.jpg")).unwrap();
    assert_eq!((default.width(), default.height()), (1200, 630));
    // No original file of the content folder is copied.
    let names: Vec<_> = site.output_files().into_iter().map(|(p, _)| p).collect();
    assert!(
        !names
            .iter()
            .any(|p| p.ends_with("foto.jpg") && !p.starts_with("img/")),
        "{names:?}"
    );
}

#[test]
fn a_sites_own_theme_overrides_single_templates_and_strings() {
    let site = TestSite::new("minimal");
    site.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<h1>Eigen 404</h1>{% endblock content %}",
    );
    site.write(
        "themes/default/theme.yaml",
        "strings:\n  nl:\n    nav_stories: Onze verhalen\n",
    );
    site.build();
    assert_eq!(site.page("/404.html").text("h1"), "Eigen 404");
    assert_eq!(
        site.page("/").text(".nav li:first-child a"),
        "Onze verhalen"
    );
    assert_eq!(
        site.page("/").text(".nav li:nth-child(2) a"),
        "Ambassadeurs",
        "other strings stay built in"
    );
}

/// The built-in lists show each card as the theme's `story_card` and `vacancy_card` macros draw
/// it, rendered once per card: a theme that overrides only `macros.html` still changes every list.
#[test]
fn a_themes_own_card_macros_draw_the_cards_of_every_list() {
    let site = TestSite::new("minimal");
    let builtin = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/default/templates/macros.html"),
    )
    .expect("the built-in macros");
    let own = builtin
        .replace(
            r#"class="card story-card"#,
            r#"class="own-card card story-card"#,
        )
        .replace(
            r#"class="card vacancy-card""#,
            r#"class="own-card card vacancy-card""#,
        );
    assert_ne!(
        own, builtin,
        "the built-in card classes changed: update this test"
    );
    site.write("themes/default/templates/macros.html", &own);
    site.build();
    for (path, heading) in [
        ("/", "h3"),
        ("/verhalen/", "h2"),
        ("/ambassadeurs/anneke-van-t-hof/", "h3"),
        ("/vacatures/ic-verpleegkundige/", "h3"),
    ] {
        let page = site.page(path);
        let cards = page.select(".story-card").len();
        assert!(cards > 0, "{path} lists stories");
        assert_eq!(page.select(".own-card.story-card").len(), cards, "{path}");
        assert_eq!(
            page.select(&format!(".own-card.story-card {heading}.card-title"))
                .len(),
            cards,
            "{path}: the list's own heading"
        );
    }
    let hashtag = site.page("/verhalen/").attr(".story-card .tags a", "href");
    let hashtag = hashtag.expect("a story in the list has a hashtag with a page");
    let page = site.page(&hashtag);
    assert!(
        !page.select(".own-card.story-card h2.card-title").is_empty(),
        "{hashtag}"
    );
    for path in ["/", "/verhalen/avonddienst/"] {
        let page = site.page(path);
        let cards = page.select(".vacancy-card").len();
        assert!(cards > 0, "{path} lists vacancies");
        assert_eq!(page.select(".own-card.vacancy-card").len(), cards, "{path}");
    }
}

#[test]
fn english_sites_get_english_dates_strings_and_locale() {
    let site = TestSite::new("minimal");
    site.write(
        "content/site.yaml",
        &site
            .read("content/site.yaml")
            .replace("language: nl", "language: en"),
    );
    site.build();
    let page = site.page("/verhalen/avonddienst/");
    assert_eq!(page.attr("html", "lang").as_deref(), Some("en"));
    assert_eq!(page.meta("og:locale").as_deref(), Some("en_GB"));
    assert_eq!(page.text(".byline time"), "14 June 2026");
    assert_eq!(page.text(".nav li:first-child a"), "Stories");
}

#[test]
fn base_url_can_be_overridden() {
    let site = TestSite::new("minimal");
    let run = site.run(&[
        "build",
        "--now",
        NOW,
        "--base-url",
        "https://preview.example.nl/",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        site.page("/")
            .attr("link[rel=canonical]", "href")
            .as_deref(),
        Some("https://preview.example.nl/")
    );
}

#[test]
fn check_validates_and_writes_nothing() {
    let site = TestSite::new("minimal").in_english();
    let run = site.run(&["check", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.ends_with("Checked: no errors (2 warnings)\n"),
        "{}",
        run.stderr
    );
    assert!(!site.public().exists());
}

#[test]
fn source_date_epoch_fixes_today() {
    let site = TestSite::new("minimal");
    // 2026-12-25 12:00 UTC: the scheduled Christmas story is out.
    let run = site.run_with(&["build"], &[("SOURCE_DATE_EPOCH", "1798200000")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.exists("/verhalen/kerst-op-de-ic/index.html"));
}

#[test]
fn the_example_site_builds_without_errors() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_werkenbij"))
        .args(["build", "--now", NOW, "--out"])
        .arg(out.path().join("public"))
        .arg("--root")
        .arg(root)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    let files = files_below(&out.path().join("public"));
    assert!(
        files
            .iter()
            .filter(|(p, _)| p.starts_with("verhalen/") && p.ends_with("index.html"))
            .count()
            >= 12
    );
}
