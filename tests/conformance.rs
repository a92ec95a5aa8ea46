//! Every output held to its own specification (issue 14): JobPosting as Google documents it,
//! Indeed's XML feed, RFC 5545 calendars, RFC 6068 `mailto:`, RFC 3966 `tel:`, the X share
//! endpoint, `<lastmod>` in the sitemap, Open Graph article tags, JSON Feed's key order; and text
//! that could break a format (`<!--`, `]]>`) read back by that format's parser.

mod support;

use icalendar::Component;
use serde_json::Value;
use support::{TestSite, NOW};
use url::Url;

const BASE: &str = "https://werkenbij.example.nl";

fn vacancies() -> TestSite {
    let site = TestSite::new("vacancies");
    site.build();
    site
}

fn job_posting(site: &TestSite, slug: &str) -> Value {
    site.page(&format!("/vacatures/{slug}/"))
        .json_ld()
        .unwrap_or_else(|| panic!("{slug} has JSON-LD"))
}

fn jobs(site: &TestSite) -> Vec<Vec<(String, String)>> {
    let text = site.read("public/vacatures/jobs.xml");
    let doc = roxmltree::Document::parse(&text).expect("jobs.xml is well-formed");
    doc.root_element()
        .children()
        .filter(|n| n.has_tag_name("job"))
        .map(|job| {
            job.children()
                .filter(|n| n.is_element())
                .map(|n| {
                    (
                        n.tag_name().name().to_owned(),
                        n.text().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .collect()
}

fn values<'a>(job: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    job.iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// Point 1: TELECOMMUTE is for fully remote jobs only; a hybrid job keeps its place and says
/// "hybrid" in its description.
#[test]
fn only_a_fully_remote_vacancy_is_telecommute_and_a_hybrid_one_says_so_in_its_text() {
    let site = vacancies();
    let hybrid = job_posting(&site, "ict-servicedesk");
    assert_eq!(hybrid.get("jobLocationType"), None);
    assert_eq!(hybrid.get("applicantLocationRequirements"), None);
    assert_eq!(
        hybrid["jobLocation"]["address"]["addressLocality"],
        "Utrecht"
    );
    let description = hybrid["description"].as_str().unwrap();
    assert!(
        description.ends_with("<p>Thuiswerken: Hybride, deels thuis</p>"),
        "{description}"
    );

    let remote = job_posting(&site, "roosterplanner");
    assert_eq!(remote["jobLocationType"], "TELECOMMUTE");
    assert_eq!(
        remote["applicantLocationRequirements"],
        serde_json::json!({ "@type": "Country", "name": "NL" })
    );
    let on_site = job_posting(&site, "ic-verpleegkundige");
    assert_eq!(on_site.get("jobLocationType"), None);
}

/// Point 2: RFC 5545 3.6, "MUST include at least one calendar component".
#[test]
fn a_share_calendar_without_coming_dates_still_holds_an_event_pointing_at_the_kit() {
    let site = TestSite::new("share");
    let run = site.run(&["build", "--now", "2027-03-01"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for id in ["anneke-van-t-hof", "pieter-bakker"] {
        let path = format!("public/ambassadeurs/{id}/delen.ics");
        let ics = site.read(&path);
        let calendar: icalendar::Calendar = ics.parse().unwrap();
        let events: Vec<_> = calendar.events().collect();
        assert_eq!(events.len(), 1, "{path}:\n{ics}");
        let event = events[0];
        assert_eq!(
            event.get_uid(),
            Some(format!("{id}.delen@werkenbij.example.nl").as_str())
        );
        assert_eq!(
            event.get_start(),
            Some(icalendar::DatePerhapsTime::Date(
                "2027-03-01".parse().unwrap()
            ))
        );
        assert_eq!(event.get_summary(), Some("Verhalen om te delen"));
        let description = event.get_description().unwrap();
        assert!(
            description.starts_with(&format!("{BASE}/ambassadeurs/{id}/delen/\n\n")),
            "{description}"
        );
    }
}

/// Point 3: `<requisitionid>` (required), one `<category>` value per department or role even
/// when it holds a comma.
#[test]
fn the_job_feed_has_a_requisition_id_and_keeps_a_department_with_a_comma_whole() {
    let site = TestSite::new("vacancies");
    let path = "content/vacancies/verzorgende-ig.md";
    let text = site.read(path);
    let department = text
        .lines()
        .find(|l| l.starts_with("department:"))
        .expect("the fixture has a department")
        .to_owned();
    site.write(
        path,
        &text.replace(&department, "department: \"Thuiszorg, team Zeist-Noord\""),
    );
    site.build();
    let jobs = jobs(&site);
    assert!(!jobs.is_empty());
    for job in &jobs {
        assert_eq!(
            values(job, "requisitionid"),
            values(job, "referencenumber"),
            "{job:?}"
        );
    }
    let thuiszorg = jobs
        .iter()
        .find(|j| values(j, "url") == [format!("{BASE}/vacatures/verzorgende-ig/")])
        .unwrap();
    assert_eq!(
        values(thuiszorg, "category"),
        ["Thuiszorg – team Zeist-Noord, Verzorgende IG"]
    );
}

fn share_kit_intents(site: &TestSite, platform: &str) -> Vec<String> {
    site.page("/ambassadeurs/anneke-van-t-hof/delen/")
        .select(&format!("[data-platform=\"{platform}\"] a.kit-intent"))
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect()
}

/// Points 4 and 8: RFC 6068 line breaks, X's documented endpoint.
#[test]
fn mail_bodies_break_lines_with_crlf_and_x_shares_through_intent_tweet() {
    let site = TestSite::new("share");
    site.build();
    let mails = share_kit_intents(&site, "email");
    assert!(!mails.is_empty());
    for mail in &mails {
        assert!(mail.contains("%0D%0A"), "{mail}");
        assert!(!mail.replace("%0D%0A", "").contains("%0A"), "{mail}");
        assert!(!mail.contains("%0D%0D"), "{mail}");
    }
    let posts = share_kit_intents(&site, "x");
    assert!(!posts.is_empty());
    for post in &posts {
        let url = Url::parse(post).unwrap();
        assert_eq!(
            (url.host_str(), url.path()),
            (Some("x.com"), "/intent/tweet")
        );
    }
}

/// Point 5: an apply link that opens an information page does not say "apply directly".
#[test]
fn the_apply_button_says_direct_only_when_the_link_is_the_form() {
    let site = vacancies();
    let direct = site.page("/vacatures/ic-verpleegkundige/");
    assert_eq!(
        direct.texts(".vacancy a.button"),
        ["Solliciteer direct", "Solliciteer direct"]
    );
    let info = site.page("/vacatures/ict-servicedesk/");
    assert_eq!(
        info.texts(".vacancy a.button"),
        ["Bekijk hoe je solliciteert", "Bekijk hoe je solliciteert"]
    );
}

/// Point 6: the whole range, in the site's language.
#[test]
fn work_hours_are_the_range_in_the_sites_language() {
    let site = vacancies();
    assert_eq!(
        job_posting(&site, "ic-verpleegkundige")["workHours"],
        "24–36 uur per week"
    );
    assert_eq!(
        job_posting(&site, "roosterplanner")["workHours"],
        "36 uur per week"
    );
}

/// Point 7: RFC 3966's global form in the link, the national form as its text.
#[test]
fn phone_links_use_the_global_number_and_show_the_national_one() {
    let site = TestSite::new("vacancies");
    let path = "content/vacancies/ic-verpleegkundige.md";
    let text = site.read(path);
    site.write(
        path,
        &text.replace(
            "email: s.dewit@example.nl }",
            "email: s.dewit@example.nl, phone: \"030 123 45 99\" }",
        ),
    );
    site.build();
    let page = site.page("/vacatures/ic-verpleegkundige/");
    let link = page.select("a[href^=\"tel:\"]");
    assert_eq!(link.len(), 1);
    assert_eq!(link[0].value().attr("href"), Some("tel:+31301234599"));
    assert_eq!(link[0].text().collect::<String>(), "030 123 45 99");
}

/// Point 9: `<lastmod>` from the content's own date, never the build date.
#[test]
fn the_sitemap_gives_stories_and_vacancies_their_own_date_as_lastmod() {
    let site = vacancies();
    let text = site.read("public/sitemap.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let entries: Vec<(String, Option<String>)> = doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name("url"))
        .map(|url| {
            let child = |name: &str| {
                url.children()
                    .find(|n| n.has_tag_name(name))
                    .and_then(|n| n.text())
                    .map(str::to_owned)
            };
            (child("loc").unwrap(), child("lastmod"))
        })
        .collect();
    let lastmod = |path: &str| {
        entries
            .iter()
            .find(|(loc, _)| *loc == format!("{BASE}{path}"))
            .unwrap_or_else(|| panic!("{path} in the sitemap"))
            .1
            .clone()
    };
    assert_eq!(
        lastmod("/vacatures/ic-verpleegkundige/").as_deref(),
        Some("2026-10-01")
    );
    assert_eq!(
        lastmod("/verhalen/nachtdienst/").as_deref(),
        Some("2026-10-10")
    );
    assert!(entries
        .iter()
        .all(|(_, lastmod)| lastmod.as_deref() != Some(NOW)));
}

/// Point 10: the Open Graph article properties of a story.
#[test]
fn story_pages_carry_the_open_graph_article_properties() {
    let site = vacancies();
    let page = site.page("/verhalen/nachtdienst/");
    assert_eq!(page.meta("og:type").as_deref(), Some("article"));
    assert_eq!(
        page.meta("article:published_time").as_deref(),
        Some("2026-10-10")
    );
    assert_eq!(
        page.meta("article:modified_time").as_deref(),
        Some("2026-10-10")
    );
    assert_eq!(
        page.meta("article:author").as_deref(),
        Some(format!("{BASE}/ambassadeurs/anneke-van-t-hof/").as_str())
    );
    let tags: Vec<_> = page
        .select("meta[property=\"article:tag\"]")
        .iter()
        .filter_map(|m| m.value().attr("content").map(str::to_owned))
        .collect();
    assert_eq!(tags, ["ic", "nachtdienst"]);
}

/// Point 11: `version` first, so a reader can tell the format before reading the rest.
#[test]
fn json_feed_starts_with_its_version() {
    let site = vacancies();
    let text = site.read("public/vacatures/feed.json");
    assert!(
        text.starts_with("{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n"),
        "{}",
        &text[..80]
    );
}

/// Issue 13 item 8: a title with `<!--` and `]]>` stays valid JSON-LD, XML and HTML.
#[test]
fn a_title_with_comment_and_cdata_markers_survives_into_every_format() {
    let site = TestSite::new("vacancies");
    let title = "IC <!-- & ]]> \"zorg\" </script>";
    for path in [
        "content/vacancies/ic-verpleegkundige.md",
        "content/stories/nachtdienst.md",
    ] {
        let text = site.read(path);
        let old = text
            .lines()
            .find(|l| l.starts_with("title:"))
            .unwrap()
            .to_owned();
        site.write(path, &text.replace(&old, &format!("title: '{title}'")));
    }
    site.build();
    for slug in ["/vacatures/ic-verpleegkundige/", "/verhalen/nachtdienst/"] {
        let page = site.page(slug);
        let script = page.select("script[type=\"application/ld+json\"]");
        let raw: String = script[0].text().collect();
        assert!(!raw.contains('<') && !raw.contains('>'), "{raw}");
        let ld: Value = serde_json::from_str(&raw).expect("JSON-LD is JSON");
        let name = ld
            .get("title")
            .or_else(|| ld.get("headline"))
            .and_then(Value::as_str);
        assert_eq!(name, Some(title));
        assert_eq!(page.text("h1"), title);
    }
    for feed in [
        "public/vacatures/feed.xml",
        "public/vacatures/jobs.xml",
        "public/verhalen/feed.xml",
        "public/sitemap.xml",
    ] {
        let text = site.read(feed);
        let doc = roxmltree::Document::parse(&text)
            .unwrap_or_else(|e| panic!("{feed} is not well-formed: {e}"));
        if feed != "public/sitemap.xml" {
            assert!(
                doc.descendants()
                    .any(|n| n.has_tag_name("title") && n.text() == Some(title)),
                "{feed}"
            );
        }
    }
    let json: Value = serde_json::from_str(&site.read("public/vacatures/feed.json")).unwrap();
    assert!(json["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["title"] == title));
}
