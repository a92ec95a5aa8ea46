//! Messages in the site's language: a Dutch site (`language: nl`) gets its diagnostics, hints,
//! summaries and report in Dutch, an English one (`language: en`) in English, in the same shape
//! (`path:line:col: error: …`, GitHub annotations). And how much is shown: errors first, warnings
//! counted beside errors, one line each without them, in full with `--verbose`.

mod support;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use support::{TestSite, NOW};

/// The minimal fixture (two warnings of its own: a withdrawn consent) with one story whose
/// consent reference is not in the register.
fn with_unknown_consent(site: TestSite) -> TestSite {
    site.write(
        "content/stories/a-fout.md",
        "---\ntitle: A\ndate: 2026-06-01\nsummary: Kort.\nambassador: pieter-bakker\nconsent: TF-2026-0099\n---\nTekst.\n",
    );
    site
}

/// The first line of each diagnostic, in the order printed.
fn headers(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.contains(": error: ") || l.contains(": warning: "))
        .collect()
}

const DUTCH_AMBASSADOR_WARNING: &str = "content/ambassadors/greetje-zwaan.md:4:10: warning: toestemming `TF-2026-0003` is ingetrokken op 1 september 2026: het profiel en de verhalen van deze ambassadeur worden weggelaten";
const DUTCH_STORY_WARNING: &str = "content/stories/laatste-operatie.md:5:10: warning: toestemming `TF-2026-0003` is ingetrokken op 1 september 2026: dit verhaal wordt weggelaten";

#[test]
fn a_dutch_site_gets_the_dutch_message_and_hint_in_the_same_place() {
    let site = with_unknown_consent(TestSite::new("minimal"));
    let run = site.run(&["check", "--now", NOW]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "\
content/stories/a-fout.md:6:10: error: toestemmingsnummer `TF-2026-0099` staat niet in het toestemmingsregister
  |
6 | consent: TF-2026-0099
  |          ^^^^^^^^^^^^
  = hint: bedoel je `TF-2026-0002`?
2 waarschuwingen niet getoond; met --verbose zie je ze
error: 1 fout en 2 waarschuwingen; los ze op voordat je bouwt
"
    );
    let build = site.run(&["build", "--now", NOW]);
    assert_eq!(build.code, 1);
    assert!(
        build.stderr.ends_with(
            "error: 1 fout en 2 waarschuwingen; er is niets geschreven, de vorige uitvoer is ongewijzigd\n"
        ),
        "{}",
        build.stderr
    );
}

#[test]
fn the_same_site_in_english_gets_the_english_message_and_hint() {
    let site = with_unknown_consent(TestSite::new("minimal").in_english());
    let run = site.run(&["check", "--now", NOW]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "\
content/stories/a-fout.md:6:10: error: consent reference `TF-2026-0099` is not in the consent register
  |
6 | consent: TF-2026-0099
  |          ^^^^^^^^^^^^
  = hint: did you mean `TF-2026-0002`?
2 warnings not shown; --verbose lists them
error: 1 error and 2 warnings; fix them before building
"
    );
}

#[test]
fn github_annotations_in_dutch_keep_their_shape_and_are_written_for_every_diagnostic() {
    let site = with_unknown_consent(TestSite::new("minimal"));
    let run = site.run_with(&["check", "--now", NOW], &[("GITHUB_ACTIONS", "true")]);
    assert_eq!(run.code, 1);
    let annotations: Vec<&str> = run.stderr.lines().filter(|l| l.starts_with("::")).collect();
    let hint = "(hint: niets wat erop steunt wordt gepubliceerd; verwijder het bestand als je het niet meer nodig hebt)";
    assert_eq!(
        annotations,
        [
            "::error file=content/stories/a-fout.md,line=6,col=10::toestemmingsnummer `TF-2026-0099` staat niet in het toestemmingsregister (hint: bedoel je `TF-2026-0002`?)".to_owned(),
            // The warnings that are only counted on the terminal are annotated all the same.
            format!("::warning file=content/ambassadors/greetje-zwaan.md,line=4,col=10::toestemming `TF-2026-0003` is ingetrokken op 1 september 2026: het profiel en de verhalen van deze ambassadeur worden weggelaten {hint}"),
            format!("::warning file=content/stories/laatste-operatie.md,line=5,col=10::toestemming `TF-2026-0003` is ingetrokken op 1 september 2026: dit verhaal wordt weggelaten {hint}"),
        ]
    );
    assert_eq!(
        headers(&run.stderr),
        ["content/stories/a-fout.md:6:10: error: toestemmingsnummer `TF-2026-0099` staat niet in het toestemmingsregister"]
    );
}

#[test]
fn with_verbose_the_errors_come_first_and_the_warnings_follow_in_full() {
    let site = with_unknown_consent(TestSite::new("minimal"));
    let run = site.run(&["check", "--verbose", "--now", NOW]);
    assert_eq!(run.code, 1);
    // `content/ambassadors/` sorts before `content/stories/`, but the error is printed first.
    assert_eq!(
        headers(&run.stderr),
        [
            "content/stories/a-fout.md:6:10: error: toestemmingsnummer `TF-2026-0099` staat niet in het toestemmingsregister",
            DUTCH_AMBASSADOR_WARNING,
            DUTCH_STORY_WARNING,
        ]
    );
    let story_warning = format!(
        "{DUTCH_STORY_WARNING}\n  |\n5 | consent: TF-2026-0003\n  |          ^^^^^^^^^^^^\n  = hint: niets wat erop steunt wordt gepubliceerd; verwijder het bestand als je het niet meer nodig hebt\nerror: 1 fout en 2 waarschuwingen; los ze op voordat je bouwt\n"
    );
    assert!(run.stderr.ends_with(&story_warning), "{}", run.stderr);
    assert!(!run.stderr.contains("niet getoond"), "{}", run.stderr);
    // `-v` is the same.
    assert_eq!(site.run(&["check", "-v", "--now", NOW]).stderr, run.stderr);
}

#[test]
fn without_errors_each_warning_is_one_line_and_verbose_adds_line_and_hint() {
    let site = TestSite::new("minimal");
    let run = site.run(&["check", "--now", NOW]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stderr,
        format!(
            "{DUTCH_AMBASSADOR_WARNING}\n{DUTCH_STORY_WARNING}\nmet --verbose zie je bij elke waarschuwing de regel en een tip\nGecontroleerd: geen fouten (2 waarschuwingen)\n"
        )
    );
    let verbose = site.run(&["check", "--verbose", "--now", NOW]);
    assert_eq!(verbose.code, 0);
    assert!(
        verbose.stderr.starts_with(&format!(
            "{DUTCH_AMBASSADOR_WARNING}\n  |\n4 | consent: TF-2026-0003\n  |          ^^^^^^^^^^^^\n  = hint: niets wat erop steunt"
        )),
        "{}",
        verbose.stderr
    );
    assert!(
        !verbose.stderr.contains("met --verbose"),
        "{}",
        verbose.stderr
    );

    let english = TestSite::new("minimal").in_english();
    let run = english.run(&["check", "--now", NOW]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stderr,
        "\
content/ambassadors/greetje-zwaan.md:4:10: warning: consent `TF-2026-0003` was withdrawn on 2026-09-01: this ambassador's profile and stories are left out
content/stories/laatste-operatie.md:5:10: warning: consent `TF-2026-0003` was withdrawn on 2026-09-01: this story is left out
--verbose shows each warning with its line and hint
Checked: no errors (2 warnings)
"
    );
}

#[test]
fn a_site_yaml_that_does_not_parse_is_reported_in_its_own_language() {
    for (language, message, summary) in [
        (
            "nl",
            ": error: ongeldige YAML: ",
            "error: content/site.yaml heeft 1 probleem; er is niets gebouwd\n",
        ),
        (
            "en",
            ": error: invalid YAML: ",
            "error: content/site.yaml has 1 problem; nothing was built\n",
        ),
    ] {
        let site = TestSite::new("minimal");
        let config = site
            .read("content/site.yaml")
            .replace("language: nl", &format!("language: {language}"));
        site.write("content/site.yaml", &format!("{config}kapot: [\n"));
        let run = site.run(&["build", "--now", NOW]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.starts_with("content/site.yaml:") && run.stderr.contains(message),
            "{language}: {}",
            run.stderr
        );
        assert!(run.stderr.ends_with(summary), "{language}: {}", run.stderr);
    }
}

/// The text report of the `report` fixture on a Dutch site (see tests/report.rs for English).
const DUTCH_REPORT: &str = "\
Programmarapport van 23 november 2026

Ambassadeurs (1 van 2 actief: een verhaal in de laatste 90 dagen)
  ambassadeur       naam               functie             verhalen  ingepland  laatste verhaal   actief
  ----------------  -----------------  ------------------  --------  ---------  ----------------  ------
  anneke-van-t-hof  Anneke van 't Hof  IC-verpleegkundige  1         1          14 juni 2026      nee
  pieter-bakker     Pieter Bakker      Verzorgende IG      2         0          10 november 2026  ja

Verhalen per maand
  maand          verhalen
  -------------  --------
  mei 2026       1
  juni 2026      1
  november 2026  1

Hashtags naar gebruik
  hashtag               verhalen
  --------------------  --------
  #thuiszorg            2
  #IC                   1
  #MeerDanBillenWassen  1
  #verschilmakers       1

Afdelingen met een verhaal
  afdeling        verhalen  ambassadeurs
  --------------  --------  ------------
  Intensive Care  1         1
  Thuiszorg       2         1

Functies (ontbreekt: open vacatures maar geen verhaal)
  functie             verhalen  open vacatures  ontbreekt
  ------------------  --------  --------------  ---------
  Fysiotherapeut      0         1               ontbreekt
  IC-verpleegkundige  1         1
  Verzorgende IG      2         0

Contentkalender (ingeplande verhalen)
  week      datum             verhaal         ambassadeur
  --------  ----------------  --------------  -----------------
  2026-W52  25 december 2026  Kerst op de IC  Anneke van 't Hof

Toestemmingen die binnen 60 dagen verlopen
  toestemming   persoon  verloopt          dagen over
  ------------  -------  ----------------  ----------
  TF-2026-0005  extern   31 december 2026  38

Verhalen weggelaten vanwege toestemming
  verhaal           ambassadeur    reden
  ----------------  -------------  -------------------------------------------------------------
  laatste-operatie  greetje-zwaan  toestemming `TF-2026-0003` is ingetrokken op 1 september 2026

Vacatures die binnen 14 dagen sluiten
  vacature                    sluit            dagen over
  --------------------------  ---------------  ----------
  Fysiotherapeut revalidatie  1 december 2026  8
";

#[test]
fn the_report_text_is_dutch_with_dutch_dates_and_json_stays_a_machine_format() {
    let site = TestSite::new("report");
    let run = site.run(&["report", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, DUTCH_REPORT);

    let json = site.run(&["report", "--now", NOW, "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(report["today"], "2026-11-23");
    assert_eq!(report["calendar"][0]["date"], "2026-12-25");
    assert_eq!(
        report["left_out"][0]["reason"],
        "consent `TF-2026-0003` was withdrawn on 2026-09-01"
    );
}

#[test]
fn serve_prints_its_address_first() {
    // The minimal fixture has warnings, which the first build would print; published under a
    // sub-path, which the address names before anything is built.
    let site = TestSite::new("minimal").in_english();
    let config = site.read("content/site.yaml").replace(
        "base_url: https://werkenbij.example.nl",
        "base_url: https://example.github.io/werkenbij/",
    );
    site.write("content/site.yaml", &config);
    let mut child = Command::new(env!("CARGO_BIN_EXE_werkenbij"))
        .args(["serve", "--port", "0", "--now", NOW])
        .current_dir(&site.root)
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("the werkenbij binary starts");
    let stderr = child.stderr.take().expect("stderr is piped");
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = sender.send(line);
        }
    });
    let next = || receiver.recv_timeout(Duration::from_secs(60));
    let first = next().expect("serve prints a line");
    let second = next().expect("then the first build's warnings");
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        first.starts_with("Serving http://127.0.0.1:")
            && first.ends_with("/werkenbij/ (drafts and scheduled stories shown; Ctrl-C stops)"),
        "{first}"
    );
    assert!(
        second.starts_with("content/ambassadors/greetje-zwaan.md:4:10: warning: "),
        "{second}"
    );
}
