//! `werkenbij report` on a fixture site pinned to one day: the same figures as text, JSON and CSV.

mod support;

use support::{TestSite, NOW};

const TEXT: &str = "Programme report for 2026-11-23

Ambassadors (1 of 2 active: a story in the last 90 days)
  ambassador        name               role                stories  scheduled  last story  active
  ----------------  -----------------  ------------------  -------  ---------  ----------  ------
  anneke-van-t-hof  Anneke van 't Hof  IC-verpleegkundige  1        1          2026-06-14  no
  pieter-bakker     Pieter Bakker      Verzorgende IG      2        0          2026-11-10  yes

Stories per month
  month    stories
  -------  -------
  2026-05  1
  2026-06  1
  2026-11  1

Hashtags by use
  hashtag               stories
  --------------------  -------
  #thuiszorg            2
  #IC                   1
  #MeerDanBillenWassen  1
  #verschilmakers       1

Departments covered
  department      stories  ambassadors
  --------------  -------  -----------
  Intensive Care  1        1
  Thuiszorg       2        1

Roles (missing: open vacancies but no story)
  role                stories  open vacancies  missing
  ------------------  -------  --------------  -------
  Fysiotherapeut      0        1               missing
  IC-verpleegkundige  1        1
  Verzorgende IG      2        0

Content calendar (scheduled stories)
  week      date        story           ambassador
  --------  ----------  --------------  -----------------
  2026-W52  2026-12-25  Kerst op de IC  Anneke van 't Hof

Consents expiring within 60 days
  consent       subject  expires     days left
  ------------  -------  ----------  ---------
  TF-2026-0005  extern   2026-12-31  38

Stories left out for consent
  story             ambassador     reason
  ----------------  -------------  --------------------------------------------------
  laatste-operatie  greetje-zwaan  consent `TF-2026-0003` was withdrawn on 2026-09-01

Vacancies closing within 14 days
  vacancy                     closes      days left
  --------------------------  ----------  ---------
  Fysiotherapeut revalidatie  2026-12-01  8
";

#[test]
fn the_text_report_has_aligned_tables_of_every_figure() {
    let site = TestSite::new("report").in_english();
    let run = site.run(&["report", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, TEXT);
    // Diagnostics go to stderr, never into the figures.
    assert!(run
        .stderr
        .starts_with("content/ambassadors/greetje-zwaan.md:4:10: warning:"));
}

#[test]
fn the_json_report_parses_with_the_same_figures() {
    let site = TestSite::new("report");
    let run = site.run(&["report", "--format", "json", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(report["today"], "2026-11-23");
    let ambassadors = report["ambassadors"].as_array().unwrap();
    assert_eq!(ambassadors.len(), 2);
    assert_eq!(ambassadors[1]["id"], "pieter-bakker");
    assert_eq!(ambassadors[1]["stories"], 2);
    assert_eq!(ambassadors[1]["active"], true);
    assert_eq!(ambassadors[0]["active"], false);
    assert_eq!(ambassadors[0]["scheduled"], 1);
    assert_eq!(
        report["months"],
        serde_json::json!([
            {"month": "2026-05", "stories": 1},
            {"month": "2026-06", "stories": 1},
            {"month": "2026-11", "stories": 1}
        ])
    );
    assert_eq!(
        report["hashtags"][0],
        serde_json::json!({"hashtag": "thuiszorg", "stories": 2})
    );
    assert_eq!(
        report["missing_roles"],
        serde_json::json!(["Fysiotherapeut"])
    );
    assert_eq!(
        report["calendar"],
        serde_json::json!([{
            "week": "2026-W52", "date": "2026-12-25", "story": "kerst-op-de-ic",
            "title": "Kerst op de IC", "ambassador": "Anneke van 't Hof"
        }])
    );
    assert_eq!(
        report["expiring_consents"],
        serde_json::json!([{"reference": "TF-2026-0005", "subject": "extern", "expires": "2026-12-31", "days_left": 38}])
    );
    assert_eq!(report["left_out"][0]["story"], "laatste-operatie");
    assert_eq!(
        report["closing_vacancies"],
        serde_json::json!([{"vacancy": "fysiotherapeut", "title": "Fysiotherapeut revalidatie", "valid_through": "2026-12-01", "days_left": 8}])
    );
}

#[test]
fn the_csv_report_parses_with_the_same_figures() {
    let site = TestSite::new("report");
    let run = site.run(&["report", "--format", "csv", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["section", "key", "label", "count", "date", "detail"]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let find = |section: &str, key: &str| {
        rows.iter()
            .find(|r| r[0] == section && r[1] == key)
            .unwrap_or_else(|| panic!("no {section} {key} in {rows:?}"))
            .clone()
    };
    assert_eq!(
        find("ambassador", "pieter-bakker"),
        [
            "ambassador",
            "pieter-bakker",
            "Pieter Bakker",
            "2",
            "2026-11-10",
            "active"
        ]
    );
    assert_eq!(find("month", "2026-11")[3], "1");
    assert_eq!(find("hashtag", "thuiszorg")[3], "2");
    assert_eq!(find("role", "Fysiotherapeut")[5], "missing");
    assert_eq!(find("calendar", "kerst-op-de-ic")[4], "2026-12-25");
    assert_eq!(find("consent_expiring", "TF-2026-0005")[3], "38");
    assert_eq!(
        find("left_out", "laatste-operatie")[5],
        "consent `TF-2026-0003` was withdrawn on 2026-09-01"
    );
    assert_eq!(find("vacancy_closing", "fysiotherapeut")[3], "8");
    assert_eq!(rows.len(), 18);
}

#[test]
fn a_report_with_content_errors_says_so_and_exits_1() {
    let site = TestSite::new("report").in_english();
    site.write(
        "content/stories/kapot.md",
        "---\ntitle: Kapot\ndate: 2026-11-01\nambassador: niemand\nconsent: TF-2026-0002\nsummary: x\n---\n",
    );
    let run = site.run(&["report", "--now", NOW]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.ends_with("error: 1 error; no report\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn report_page_in_site_yaml_only_warns_and_publishes_nothing() {
    let site = TestSite::new("report").in_english();
    let config = site.read("content/site.yaml");
    let line = config.lines().count() + 1;
    site.write(
        "content/site.yaml",
        &format!("{config}report: {{ page: true }}\n"),
    );
    let warning = format!(
        "content/site.yaml:{line}:11: warning: `report.page` no longer publishes the report page: it is not in the public site\n   |\n{line} | report: {{ page: true }}\n   |           ^^^^\n   = hint: remove `report.page`, and write the page into a folder of its own with `werkenbij report --html DIR`"
    );
    for command in ["check", "build"] {
        let run = site.run(&[command, "--verbose", "--now", NOW]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(diagnostic_of(&run.stderr, "content/site.yaml:"), warning);
        // Without `--verbose`, the warning is its first line.
        let brief = site.run(&[command, "--now", NOW]);
        assert_eq!(
            diagnostic_of(&brief.stderr, "content/site.yaml:"),
            warning.lines().next().unwrap()
        );
    }
    assert!(!site.exists("/intern/rapport/"));
    let files = site.output_files();
    assert!(
        !files.iter().any(|(path, _)| path.contains("intern")),
        "{:?}",
        files.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
}

#[test]
fn the_report_page_is_written_into_a_folder_of_its_own() {
    let site = TestSite::new("report");
    site.build();
    let before = site.output_files();
    let run = site.run(&["report", "--now", NOW, "--html", "intern"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr.lines().last(),
        Some("De rapportpagina staat in intern/index.html")
    );
    assert_eq!(
        site.output_files(),
        before,
        "the public output is untouched"
    );
    let page = support::Page {
        html: scraper::Html::parse_document(&site.read("intern/index.html")),
    };
    assert_eq!(page.meta("robots").as_deref(), Some("noindex"));
    assert_eq!(page.text("h1"), "Programmarapport (intern)");
    let stylesheet = page
        .attr("link[rel=stylesheet]", "href")
        .expect("a stylesheet");
    assert!(
        site.root
            .join("intern")
            .join(stylesheet.trim_start_matches('/'))
            .is_file(),
        "{stylesheet} is beside the page"
    );
    let cell = scraper::Selector::parse("th, td").unwrap();
    let rows: Vec<String> = page
        .select("tbody tr")
        .iter()
        .map(|row| {
            row.select(&cell)
                .map(|c| c.text().collect::<String>())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert!(
        rows.contains(&"Pieter Bakker Verzorgende IG 2 0 2026-11-10 ja".to_owned()),
        "{rows:?}"
    );
    assert!(
        rows.contains(&"2026-W52 2026-12-25 Kerst op de IC Anneke van 't Hof".to_owned()),
        "{rows:?}"
    );
    assert!(
        rows.contains(&"Fysiotherapeut (ontbreekt) 0 1".to_owned()),
        "{rows:?}"
    );
}

#[test]
fn a_report_on_a_broken_site_yaml_is_a_configuration_error() {
    let site = TestSite::new("report").in_english();
    let config = site.read("content/site.yaml");
    site.write(
        "content/site.yaml",
        &format!("{config}raport: {{ page: true }}\n"),
    );
    let run = site.run(&["report", "--now", NOW]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.ends_with("error: 1 error; no report\n"),
        "{}",
        run.stderr
    );
}

/// The printed diagnostic (its first line and the lines under it) that starts with `start`.
fn diagnostic_of(stderr: &str, start: &str) -> String {
    let mut lines = stderr.lines().skip_while(|line| !line.starts_with(start));
    let Some(first) = lines.next() else {
        panic!("no diagnostic starting with `{start}` in:\n{stderr}");
    };
    std::iter::once(first)
        .chain(lines.take_while(|line| {
            line.starts_with([' ', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
        }))
        .collect::<Vec<_>>()
        .join("\n")
}
