//! `werkenbij report --visits`: access logs and analytics exports written in the test, read by the
//! real binary on the `report` fixture; the figures checked in every format, and no visitor's
//! address, browser or full referrer in any output.

mod support;

use std::io::Write;

use scraper::{Html, Selector};
use serde_json::{json, Value};
use support::{TestSite, NOW};

/// One request in the Combined Log Format.
fn combined(
    ip: &str,
    time: &str,
    request: &str,
    status: u16,
    referrer: &str,
    agent: &str,
) -> String {
    format!(
        "{ip} - - [{time} +0100] \"{request} HTTP/1.1\" {status} 512 \"{referrer}\" \"{agent}\"\n"
    )
}

/// One request in the Common Log Format (no referrer, no user agent).
fn common(ip: &str, time: &str, request: &str, status: u16) -> String {
    format!("{ip} - - [{time} +0100] \"{request} HTTP/1.1\" {status} 512\n")
}

const BROWSER: &str =
    "Mozilla/5.0 (X11; Linux x86_64; SecretAgent/7.1) Gecko/20100101 Firefox/120.0";
const GOOGLEBOT: &str = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

fn tracked(path: &str, platform: &str, ambassador: &str) -> String {
    format!("GET {path}?utm_source={platform}&utm_medium=social&utm_campaign=ambassadeurs&utm_content={ambassador}")
}

/// Every IP address, user agent part and referrer path or query the logs hold.
const SECRETS: &[&str] = &[
    "198.51.100.",
    "2001:db8",
    "SecretAgent",
    "Firefox",
    "Googlebot",
    "trackingId",
    "SECRET",
    "l.php",
    "intranet.example.org/x",
];

/// `logs/access.log` (Combined) and `logs/access.log.1.gz` (Common), and the site.
fn site_with_logs() -> TestSite {
    let site = TestSite::new("report");
    let story = |slug: &str| format!("/verhalen/{slug}/");
    let mut log = String::new();
    // Through ambassadors' links, in the period (2026-10-22 to 2026-11-20).
    log += &combined(
        "198.51.100.1",
        "20/Nov/2026:10:00:00",
        &tracked(&story("zeven-clienten"), "linkedin", "pieter-bakker"),
        200,
        "https://www.linkedin.com/feed/?trackingId=SECRET1",
        BROWSER,
    );
    log += &combined(
        "198.51.100.1",
        "20/Nov/2026:10:05:00",
        &tracked(&story("wijkzorg-in-de-herfst"), "facebook", "pieter-bakker"),
        200,
        "https://l.facebook.com/l.php?u=SECRET2",
        BROWSER,
    );
    log += &combined(
        "198.51.100.3",
        "19/Nov/2026:08:00:00",
        &tracked(&story("avonddienst"), "whatsapp", "anneke-van-t-hof"),
        200,
        "-",
        BROWSER,
    );
    // Vacancies: other social, search, direct, and an ambassador's link.
    log += &combined(
        "198.51.100.4",
        "18/Nov/2026:12:00:00",
        "GET /vacatures/fysiotherapeut/",
        200,
        "https://lnkd.in/SECRET4",
        BROWSER,
    );
    log += &combined(
        "198.51.100.5",
        "18/Nov/2026:12:00:00",
        "GET /vacatures/fysiotherapeut/",
        200,
        "https://www.google.nl/search?q=SECRET5",
        BROWSER,
    );
    log += &combined(
        "2001:db8::6",
        "17/Nov/2026:12:00:00",
        "GET /vacatures/fysiotherapeut/",
        200,
        "-",
        BROWSER,
    );
    log += &combined(
        "198.51.100.7",
        "17/Nov/2026:13:00:00",
        &tracked(
            "/vacatures/ic-verpleegkundige/",
            "linkedin",
            "pieter-bakker",
        ),
        200,
        "-",
        BROWSER,
    );
    // Left out: a bot, an asset, a 404, a redirect, a POST, a scheduled story.
    log += &combined(
        "198.51.100.8",
        "20/Nov/2026:10:00:00",
        "GET /verhalen/zeven-clienten/",
        200,
        "-",
        GOOGLEBOT,
    );
    log += &combined(
        "198.51.100.9",
        "20/Nov/2026:10:00:00",
        "GET /style.css",
        200,
        "-",
        BROWSER,
    );
    log += &combined(
        "198.51.100.10",
        "20/Nov/2026:10:00:00",
        "GET /verhalen/bestaat-niet/",
        404,
        "-",
        BROWSER,
    );
    log += &combined(
        "198.51.100.11",
        "20/Nov/2026:10:00:00",
        "GET /verhalen/zeven-clienten",
        301,
        "-",
        BROWSER,
    );
    log += &combined(
        "198.51.100.12",
        "20/Nov/2026:10:00:00",
        "POST /",
        200,
        "-",
        BROWSER,
    );
    log += &combined(
        "198.51.100.13",
        "20/Nov/2026:10:00:00",
        "GET /verhalen/kerst-op-de-ic/",
        200,
        "-",
        BROWSER,
    );
    // The period before, and long before.
    log += &combined(
        "198.51.100.14",
        "10/Oct/2026:10:00:00",
        &tracked(&story("zeven-clienten"), "linkedin", "pieter-bakker"),
        200,
        "https://www.linkedin.com/",
        BROWSER,
    );
    log += &combined(
        "198.51.100.15",
        "01/Jan/2026:10:00:00",
        "GET /",
        200,
        "-",
        BROWSER,
    );
    log += "this is not a log line\n";
    // Another site, and a link with an unknown ambassador.
    log += &combined(
        "198.51.100.17",
        "20/Nov/2026:11:00:00",
        "GET /",
        200,
        "https://intranet.example.org/x?SECRET6",
        BROWSER,
    );
    log += &combined(
        "198.51.100.18",
        "20/Nov/2026:11:00:00",
        &tracked(&story("zeven-clienten"), "linkedin", "niemand"),
        200,
        "-",
        BROWSER,
    );
    site.write("logs/access.log", &log);

    let mut rotated = String::new();
    rotated += &common(
        "198.51.100.19",
        "15/Nov/2026:09:00:00",
        &tracked(&story("avonddienst"), "linkedin", "anneke-van-t-hof"),
        200,
    );
    rotated += &common(
        "198.51.100.20",
        "15/Nov/2026:09:00:00",
        "GET /ambassadeurs/pieter-bakker/",
        200,
    );
    rotated += "broken\n";
    // Cut off after the request: unreadable, and its address is not printed either.
    rotated += "198.51.100.99 - - [15/Nov/2026:09:00:00 +0100] \"GET / HTTP/1.1\"\n";
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(rotated.as_bytes()).unwrap();
    std::fs::write(site.root.join("logs/access.log.1.gz"), gz.finish().unwrap()).unwrap();
    site
}

const LOGS: [&str; 2] = ["logs/access.log", "logs/access.log.1.gz"];

fn report(site: &TestSite, extra: &[&str]) -> support::Run {
    let mut args = vec!["report", "--now", NOW, "--visits", LOGS[0], LOGS[1]];
    args.extend_from_slice(extra);
    site.run(&args)
}

fn json_visits(site: &TestSite, extra: &[&str]) -> Value {
    let run = report(site, &[&["--format", "json"], extra].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(report["today"], NOW, "the content figures are still there");
    report["visits"].clone()
}

#[test]
fn the_json_report_counts_page_views_by_source_ambassador_story_and_vacancy() {
    let site = site_with_logs();
    let visits = json_visits(&site, &[]);
    assert_eq!(
        visits["period"],
        json!({"since": "2026-10-22", "until": "2026-11-20", "days": 30})
    );
    assert_eq!(
        visits["previous"],
        json!({"since": "2026-09-22", "until": "2026-10-21", "days": 30})
    );
    assert_eq!(visits["page_views"], 11);
    assert_eq!(visits["previous_page_views"], 1);
    // Two views of one visitor on one day count once.
    assert_eq!(visits["daily_visitors"], 10);
    assert_eq!(
        visits["totals"],
        json!({
            "active_ambassadors": 2,
            "stories_shared": 3,
            "through_ambassadors": 5,
            "previous_through_ambassadors": 1,
            "vacancy_views": 4,
            "vacancy_social_share": 50.0
        })
    );
    assert_eq!(
        visits["sources"],
        json!([
            {"source": "ambassador", "stories": 4, "vacancies": 1, "other_pages": 0, "total": 5, "previous_total": 1},
            {"source": "social", "stories": 0, "vacancies": 1, "other_pages": 0, "total": 1, "previous_total": 0},
            {"source": "search", "stories": 0, "vacancies": 1, "other_pages": 0, "total": 1, "previous_total": 0},
            {"source": "direct", "stories": 1, "vacancies": 1, "other_pages": 1, "total": 3, "previous_total": 0},
            {"source": "other", "stories": 0, "vacancies": 0, "other_pages": 1, "total": 1, "previous_total": 0}
        ])
    );
    assert_eq!(
        visits["platforms"],
        json!([
            {"platform": "linkedin", "visits": 3},
            {"platform": "facebook", "visits": 1},
            {"platform": "whatsapp", "visits": 1}
        ])
    );
    assert_eq!(
        visits["ambassadors"],
        json!([
            {"id": "pieter-bakker", "name": "Pieter Bakker", "visits": 3, "previous": 1,
             "platforms": {"facebook": 1, "linkedin": 2},
             "stories": [{"story": "wijkzorg-in-de-herfst", "visits": 1}, {"story": "zeven-clienten", "visits": 1}]},
            {"id": "anneke-van-t-hof", "name": "Anneke van 't Hof", "visits": 2, "previous": 0,
             "platforms": {"linkedin": 1, "whatsapp": 1},
             "stories": [{"story": "avonddienst", "visits": 2}]}
        ])
    );
    assert_eq!(
        visits["stories"],
        json!([
            {"story": "avonddienst", "title": "Mijn avonddienst op de IC", "visits": 2, "through_ambassadors": 2, "ambassador_share": 100.0},
            {"story": "zeven-clienten", "title": "Zeven cliënten voor de lunch", "visits": 2, "through_ambassadors": 1, "ambassador_share": 50.0},
            {"story": "wijkzorg-in-de-herfst", "title": "Wijkzorg in de herfst", "visits": 1, "through_ambassadors": 1, "ambassador_share": 100.0}
        ])
    );
    let vacancies = visits["vacancies"].as_array().unwrap();
    assert_eq!(vacancies.len(), 2);
    assert_eq!(vacancies[0]["vacancy"], "fysiotherapeut");
    assert_eq!(vacancies[0]["views"], 3);
    assert_eq!(vacancies[0]["through_social"], 1);
    assert_eq!(vacancies[0]["social_share"], 33.3);
    assert_eq!(vacancies[1]["vacancy"], "ic-verpleegkundige");
    assert_eq!(vacancies[1]["social_share"], 100.0);
    assert_eq!(
        visits["weeks"],
        json!([
            {"week": "2026-W43", "through_ambassadors": 0, "other_sources": 0},
            {"week": "2026-W44", "through_ambassadors": 0, "other_sources": 0},
            {"week": "2026-W45", "through_ambassadors": 0, "other_sources": 0},
            {"week": "2026-W46", "through_ambassadors": 1, "other_sources": 1},
            {"week": "2026-W47", "through_ambassadors": 4, "other_sources": 5}
        ])
    );
    assert_eq!(
        visits["skipped"],
        json!({
            "malformed": 3, "bots": 1, "not_get": 1, "redirects": 1, "not_ok": 1,
            "assets": 1, "not_a_page": 1, "outside_period": 1
        })
    );
}

#[test]
fn unreadable_lines_are_counted_with_the_first_as_file_line() {
    let site = site_with_logs();
    let run = report(&site, &["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("logs/"))
        .collect();
    assert_eq!(warnings.len(), 2, "{}", run.stderr);
    assert!(
        warnings[0].starts_with("logs/access.log:16:1: warning: "),
        "{}",
        warnings[0]
    );
    assert!(warnings[0].contains("`logs/access.log`"), "{}", warnings[0]);
    assert!(
        warnings[1].starts_with("logs/access.log.1.gz:3:1: warning: "),
        "{}",
        warnings[1]
    );
}

#[test]
fn since_and_until_choose_the_period_and_the_one_before_it() {
    let site = site_with_logs();
    let visits = json_visits(&site, &["--since", "2026-11-17", "--until", "2026-11-18"]);
    assert_eq!(
        visits["period"],
        json!({"since": "2026-11-17", "until": "2026-11-18", "days": 2})
    );
    assert_eq!(
        visits["previous"],
        json!({"since": "2026-11-15", "until": "2026-11-16", "days": 2})
    );
    // 17th: fysiotherapeut direct and ic-verpleegkundige; 18th: fysiotherapeut twice.
    assert_eq!(visits["page_views"], 4);
    assert_eq!(visits["previous_page_views"], 2);
    assert_eq!(visits["totals"]["through_ambassadors"], 1);
    assert_eq!(visits["totals"]["active_ambassadors"], 1);

    let visits = json_visits(&site, &["--since", "2026-11-20"]);
    assert_eq!(
        visits["period"],
        json!({"since": "2026-11-20", "until": "2026-11-20", "days": 1})
    );
    assert_eq!(visits["page_views"], 4);

    let run = report(&site, &["--since", "2026-11-20", "--until", "2026-11-01"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("--since 2026-11-20 is after --until 2026-11-01"),
        "{}",
        run.stderr
    );
    let run = report(&site, &["--since", "20-11-2026"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--since"), "{}", run.stderr);
}

#[test]
fn plausible_and_matomo_exports_are_read_by_their_header_names() {
    let site = TestSite::new("report");
    site.write(
        "plausible.csv",
        "date,page,visitors,pageviews\n\
         2026-11-10,/verhalen/zeven-clienten/?utm_source=linkedin&utm_content=pieter-bakker,3,5\n\
         2026-11-11,/vacatures/fysiotherapeut/,1,2\n\
         2026-11-12,/verhalen/zeven-clienten/,1,many\n",
    );
    site.write(
        "matomo.csv",
        "Label,nb_visits,nb_hits\nverhalen/avonddienst/,2,4\n/style.css,9,9\n",
    );
    let run = site.run(&[
        "report",
        "--now",
        NOW,
        "--format",
        "json",
        "--visits",
        "plausible.csv",
        "matomo.csv",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let visits = &report["visits"];
    // The last dated row is the 11th; the undated Matomo rows count in the period.
    assert_eq!(visits["period"]["until"], "2026-11-11");
    assert_eq!(visits["page_views"], 11);
    // An export has no visitors to tell apart.
    assert_eq!(visits["daily_visitors"], Value::Null);
    assert_eq!(visits["sources"][0]["total"], 5);
    assert_eq!(
        visits["sources"][4],
        json!({"source": "other", "stories": 4, "vacancies": 2, "other_pages": 0, "total": 6, "previous_total": 0})
    );
    assert_eq!(visits["skipped"]["assets"], 9);
    assert_eq!(visits["skipped"]["malformed"], 1);
    assert!(
        run.stderr.contains("plausible.csv:4:1: warning: "),
        "{}",
        run.stderr
    );

    site.write("bad.csv", "when,what\n1,2\n");
    let run = site.run(&["report", "--now", NOW, "--visits", "bad.csv"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("`when,what`"), "{}", run.stderr);
}

#[test]
fn the_csv_report_has_a_table_per_section() {
    let site = site_with_logs();
    let run = report(&site, &["--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let tables: Vec<&str> = run.stdout.split("\n\n").collect();
    let read = |table: &str| -> Vec<Vec<String>> {
        csv::Reader::from_reader(table.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    };
    let find = |section: &str| {
        tables
            .iter()
            .map(|t| read(t))
            .find(|rows| rows.first().is_some_and(|r| r[0] == section))
            .unwrap_or_else(|| panic!("no table {section}"))
    };
    let summary = find("visits_summary");
    let value = |figure: &str| {
        summary
            .iter()
            .find(|r| r[1] == figure)
            .map(|r| r[2].clone())
            .unwrap()
    };
    assert_eq!(value("page_views"), "11");
    assert_eq!(value("active_ambassadors"), "2");
    assert_eq!(value("vacancy_social_share"), "50.0");
    let sources = find("visits_source");
    assert_eq!(
        sources[0],
        ["visits_source", "ambassador", "4", "1", "0", "5", "1"]
    );
    let ambassadors = find("visits_ambassador");
    assert_eq!(
        ambassadors[0],
        [
            "visits_ambassador",
            "pieter-bakker",
            "Pieter Bakker",
            "3",
            "1",
            "facebook",
            "",
            "1"
        ]
    );
    let vacancies = find("visits_vacancy");
    assert_eq!(
        vacancies[0][1..],
        [
            "fysiotherapeut",
            "Fysiotherapeut revalidatie",
            "3",
            "1",
            "33.3"
        ]
    );
    assert_eq!(find("visits_week").len(), 5);
    assert_eq!(find("visits_story").len(), 3);
    assert_eq!(find("visits_platform").len(), 3);
}

#[test]
fn the_html_report_is_one_page_of_svg_charts_with_tables_and_no_script() {
    let site = site_with_logs();
    let out = site.root.parent().unwrap().join("bereik.html");
    let run = report(&site, &["--format", "html", "--out", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    let text = std::fs::read_to_string(&out).unwrap();
    let page = Html::parse_document(&text);
    let all = |s: &str| page.select(&Selector::parse(s).unwrap()).count();
    assert_eq!(all("html[lang=nl]"), 1);
    assert_eq!(all("script"), 0);
    assert_eq!(all("link, img, iframe, object, embed"), 0);
    assert!(!text.contains("http://") && !text.contains("https://") && !text.contains("url("));
    let svgs: Vec<_> = page
        .select(&Selector::parse("svg[role=img]").unwrap())
        .collect();
    assert_eq!(svgs.len(), 6);
    let title = Selector::parse("title").unwrap();
    for svg in &svgs {
        let label = svg.value().attr("aria-labelledby").unwrap();
        let title_id = label.split(' ').next().unwrap();
        let t = svg.select(&title).next().expect("a title in every chart");
        assert_eq!(t.value().attr("id"), Some(title_id));
        assert!(!t.text().collect::<String>().is_empty());
    }
    // A table with the same figures under each chart.
    assert_eq!(all("section > svg + table"), 6);
    let weeks: Vec<String> = page
        .select(&Selector::parse("#weeks-h ~ table tbody tr").unwrap())
        .map(|r| r.text().collect::<Vec<_>>().join("|"))
        .collect();
    assert_eq!(weeks.last().unwrap(), "2026-W47|4|5");
    assert_eq!(all("h2#weeks-h"), 1);

    // To stdout without --out.
    let run = report(&site, &["--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("<!DOCTYPE html>"));
    // Without visit data there is no page to make.
    let run = site.run(&["report", "--now", NOW, "--format", "html"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--visits"), "{}", run.stderr);
}

#[test]
fn the_report_is_never_written_into_the_site_output_or_sources() {
    let site = site_with_logs();
    for out in [
        "public/rapport.html",
        "content/rapport.html",
        "static/rapport.html",
        "./static/../public/x/r.html",
    ] {
        let run = report(&site, &["--format", "html", "--out", out]);
        assert_eq!(run.code, 2, "{out}: {}", run.stderr);
        assert!(run.stderr.contains("--out"), "{}", run.stderr);
        assert!(run.stderr.contains("hint: "), "{}", run.stderr);
        assert!(!site.root.join(out).exists(), "{out}");
    }
}

#[test]
fn no_address_browser_or_full_referrer_reaches_any_output() {
    let site = site_with_logs();
    for format in ["text", "json", "csv", "html"] {
        let run = report(&site, &["--format", format]);
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        for secret in SECRETS {
            assert!(
                !run.stdout.contains(secret),
                "{format} stdout holds {secret}"
            );
            assert!(
                !run.stderr.contains(secret),
                "{format} stderr holds {secret}"
            );
        }
    }
}

#[test]
fn the_text_report_has_a_reach_section_in_the_site_language() {
    let site = site_with_logs();
    let run = report(&site, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| *l == "Bereik van 22 oktober 2026 tot en met 20 november 2026 (30 dagen; vergeleken met 22 september 2026 tot en met 21 oktober 2026)")
        .expect("the reach section, in Dutch");
    assert_eq!(lines[at + 1], "  paginaweergaven: 11 (ervoor: 1)");
    assert_eq!(
        lines[at + 5],
        "  vacatureweergaven: 4, via sociale media: 50,0%"
    );
    assert!(
        lines.contains(&"  wijkzorg-in-de-herfst  1         1                 100,0%"),
        "{}",
        run.stdout
    );

    let yaml = site
        .read("content/site.yaml")
        .replace("language: nl", "language: en");
    site.write("content/site.yaml", &yaml);
    let run = report(&site, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("Reach from 2026-10-22 to 2026-11-20 (30 days;"))
        .expect("the reach section, in English");
    assert_eq!(
        lines[at + 5],
        "  vacancy views: 4, through social media: 50.0%"
    );
    assert!(
        lines.contains(&"  2026-W47  4                    5"),
        "{}",
        run.stdout
    );
}

#[test]
fn visit_data_is_refused_for_the_report_page_and_a_missing_file_stops_the_report() {
    let site = site_with_logs();
    let run = site.run(&[
        "report",
        "--now",
        NOW,
        "--html",
        "../intern",
        "--visits",
        LOGS[0],
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--visits"), "{}", run.stderr);
    assert!(!site.root.parent().unwrap().join("intern").exists());

    let run = site.run(&["report", "--now", NOW, "--since", "2026-11-01"]);
    assert_eq!(run.code, 2, "--since needs --visits: {}", run.stderr);

    let run = site.run(&["report", "--now", NOW, "--visits", "logs/missing.log"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("logs/missing.log"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
}

#[test]
fn the_json_report_keeps_its_keys_in_order_and_adds_visits_last() {
    let site = site_with_logs();
    let keys = |json: &str| -> Vec<String> {
        json.lines()
            .filter(|l| l.starts_with("  \"") && !l.starts_with("   "))
            .map(|l| l.trim().split('"').nth(1).unwrap().to_owned())
            .collect()
    };
    let plain = site.run(&["report", "--now", NOW, "--format", "json"]);
    let with = report(&site, &["--format", "json"]);
    let order = [
        "today",
        "ambassadors",
        "months",
        "hashtags",
        "departments",
        "roles",
        "missing_roles",
        "calendar",
        "expiring_consents",
        "left_out",
        "closing_vacancies",
    ];
    assert_eq!(keys(&plain.stdout), order);
    assert_eq!(keys(&with.stdout), [&order[..], &["visits"]].concat());
}
