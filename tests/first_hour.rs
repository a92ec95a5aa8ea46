//! The first hour of a new user (issue 15, parts 1 and 4): starting a site of their own with
//! `init --empty`, a rebranded example that no longer names Lindewaard, a consent register that
//! keeps former ambassadors' records, every problem of a file in one run, hints that find what was
//! meant, and brand colours that fail WCAG AA.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use scraper::{Html, Node};
use support::{files_below, Run, TestSite, NOW};

/// `werkenbij ARGS` in `dir`, with stdin that is no terminal.
fn werkenbij(dir: &Path, args: &[&str]) -> Run {
    support::run_in(dir, args, &[])
}

/// The first line of every diagnostic of a severity: `path:line:col: warning: message`.
fn lines_of(stderr: &str, severity: &str) -> Vec<String> {
    let marker = format!(": {severity}: ");
    stderr
        .lines()
        .filter(|line| line.contains(&marker) && !line.starts_with(&format!("{severity}:")))
        .map(str::to_owned)
        .collect()
}

/// Every text and attribute value of every HTML page below `public`, with the page it is on.
fn page_texts(public: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (path, bytes) in files_below(public) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = Html::parse_document(&String::from_utf8_lossy(&bytes));
        for node in html.tree.nodes() {
            match node.value() {
                Node::Text(text) => out.push((path.clone(), text.to_string())),
                Node::Element(element) => out.extend(
                    element
                        .attrs()
                        .map(|(_, value)| (path.clone(), value.to_owned())),
                ),
                _ => {}
            }
        }
    }
    out
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A copy of the minimal fixture that prints its messages in English.
fn english_site() -> TestSite {
    let site = TestSite::new("minimal");
    let config = site
        .read("content/site.yaml")
        .replace("language: nl", "language: en");
    site.write("content/site.yaml", &config);
    site
}

// --- init --empty --------------------------------------------------------------------------

#[test]
fn init_empty_gives_a_site_without_people_that_builds_without_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let init = werkenbij(dir.path(), &["init", "eigen-site", "--empty"]);
    assert_eq!(init.code, 0, "{}", init.stderr);
    assert_eq!(
        init.stderr,
        "Made the site of Mijn zorgorganisatie in eigen-site (5 files): no stories, ambassadors or vacancies yet. Build it with `cd eigen-site && werkenbij build`; add an ambassador with `werkenbij new ambassador ID`, and read content/pages/privacyverklaring.md before you publish\n"
    );
    let root = dir.path().join("eigen-site");
    let written: Vec<String> = files_below(&root).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        written,
        [
            ".gitignore",
            "content/consent.yaml",
            "content/pages/privacyverklaring.md",
            "content/site.yaml",
            "static/favicon.svg",
        ]
    );
    // The register is empty, and explains its records in comments.
    let consent: serde_yaml::Value =
        serde_yaml::from_str(&read(root.join("content/consent.yaml"))).unwrap_or_default();
    assert!(consent.is_null(), "no records: {consent:?}");
    assert!(read(root.join("content/consent.yaml")).contains("#   subject: "));

    let build = werkenbij(&root, &["build", "--now", NOW]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(!build.stderr.contains("warning"), "{}", build.stderr);
    assert_eq!(
        build.stderr.lines().count(),
        1,
        "only the summary: {}",
        build.stderr
    );
    let pages: Vec<String> = files_below(&root.join("public"))
        .into_iter()
        .map(|(path, _)| path)
        .filter(|path| path.ends_with(".html"))
        .collect();
    assert_eq!(pages.len(), 8, "{pages:?}");
    // And the privacy audit of what was built finds nothing.
    let audit = werkenbij(&root, &["audit", "--now", NOW]);
    assert_eq!(audit.code, 0, "{}", audit.stderr);

    let page = |path: &str| Html::parse_document(&read(root.join("public").join(path)));
    let text = |html: &Html, css: &str| -> Vec<String> {
        let selector = scraper::Selector::parse(css).unwrap();
        html.select(&selector)
            .map(|e| e.text().collect::<String>().trim().to_owned())
            .collect()
    };
    let home = page("index.html");
    assert_eq!(text(&home, ".footer-name"), ["Mijn zorgorganisatie"]);
    let privacy = page("privacyverklaring/index.html");
    assert_eq!(text(&privacy, "h1"), ["Privacyverklaring"]);
    let first = text(&privacy, ".prose p").into_iter().next().unwrap();
    assert!(
        first.starts_with("Mijn zorgorganisatie gaat zorgvuldig om met de gegevens"),
        "{first}"
    );
    let stories = text(&page("verhalen/index.html"), "h1");
    assert_eq!(stories.len(), 1, "the stories page exists: {stories:?}");
}

#[test]
fn init_empty_takes_the_organisation_from_the_flags() {
    let dir = tempfile::tempdir().unwrap();
    let init = werkenbij(
        dir.path(),
        &[
            "init",
            "zonnehuis",
            "--empty",
            "--name",
            "Stichting Zonnehuis",
            "--base-url",
            "https://werkenbij.zonnehuis.nl/",
            "--colour",
            "#7AB800",
            "--with-theme",
        ],
    );
    assert_eq!(init.code, 0, "{}", init.stderr);
    // A colour that fails for links is accepted, with the nearest that passes.
    assert_eq!(
        init.stderr.lines().next(),
        Some("note: the brand colour `#7ab800` has a contrast of 2.42:1 on white, less than the 4.5:1 links need (WCAG AA); the nearest colour that passes is `#578300`")
    );
    let root = dir.path().join("zonnehuis");
    assert!(
        root.join("themes/default/templates/base.html").is_file(),
        "the theme, to change"
    );
    let site: serde_yaml::Value =
        serde_yaml::from_str(&read(root.join("content/site.yaml"))).unwrap();
    assert_eq!(site["title"], "Werken bij Stichting Zonnehuis");
    assert_eq!(site["base_url"], "https://werkenbij.zonnehuis.nl");
    assert_eq!(site["organization"]["name"], "Stichting Zonnehuis");
    assert_eq!(site["organization"]["url"], "https://www.zonnehuis.nl");
    assert_eq!(site["brand"]["primary"], "#7ab800");

    let build = werkenbij(&root, &["build", "--now", NOW, "--verbose"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    // The words of the message follow the site's `language:`; the place and the values do not.
    let warnings = lines_of(&build.stderr, "warning");
    assert_eq!(warnings.len(), 1, "{}", build.stderr);
    assert!(
        warnings[0].starts_with("content/site.yaml:11:19: warning: `brand.primary` `#7ab800` ")
            && warnings[0].contains(" 2.42:1 "),
        "{}",
        build.stderr
    );
    assert!(build.stderr.contains("`#578300`"), "{}", build.stderr);
    let home = Html::parse_document(&read(root.join("public/index.html")));
    let canonical = scraper::Selector::parse("link[rel=canonical]").unwrap();
    assert_eq!(
        home.select(&canonical).next().and_then(|e| e.attr("href")),
        Some("https://werkenbij.zonnehuis.nl/")
    );
    let favicon = read(root.join("public/favicon.svg"));
    assert!(
        favicon.contains("fill=\"#7ab800\"") && favicon.contains(">Z</text>"),
        "{favicon}"
    );
    for (page, text) in page_texts(&root.join("public")) {
        assert!(!text.contains("Lindewaard"), "{page}: {text}");
        assert!(!text.contains("Mijn zorgorganisatie"), "{page}: {text}");
    }
}

/// On a terminal, `init --empty` asks; `script` (util-linux) gives it one.
#[test]
fn init_empty_asks_on_a_terminal_and_again_after_an_unusable_answer() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("gevraagd");
    let command = format!(
        "'{}' init '{}' --empty --colour '#1f5e4b'",
        env!("CARGO_BIN_EXE_werkenbij"),
        target.display()
    );
    let mut child = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("NO_COLOR", "1")
        .spawn()
        .expect("`script` (util-linux) runs the command on a terminal");
    let answers = "Stichting Zonnehuis\nzonnehuis.nl\nhttps://werkenbij.zonnehuis.nl\n";
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(answers.as_bytes()).unwrap();
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    // The terminal echoes the answers, typed ahead in one piece.
    let shown = String::from_utf8_lossy(&output.stdout)
        .replace("\r\n", "\n")
        .replacen(answers, "", 1);
    assert_eq!(output.status.code(), Some(0), "{shown}");
    assert!(
        shown.starts_with("Name of your organisation [Mijn zorgorganisatie]: Address of the site (base_url) [https://werkenbij.example.nl]: `base_url` must be an absolute http(s) URL, found `zonnehuis.nl`; try again\nAddress of the site (base_url) [https://werkenbij.example.nl]: Made the site of Stichting Zonnehuis in "),
        "the questions, without the colour the flag gave: {shown}"
    );
    let site: serde_yaml::Value =
        serde_yaml::from_str(&read(target.join("content/site.yaml"))).unwrap();
    assert_eq!(site["organization"]["name"], "Stichting Zonnehuis");
    assert_eq!(site["base_url"], "https://werkenbij.zonnehuis.nl");
    assert_eq!(site["brand"]["primary"], "#1f5e4b");
}

#[test]
fn init_empty_refuses_a_bad_colour_or_address_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["--colour", "groen"],
            "error: `groen` is not a colour like `#0b5394`\n  = hint: write `#` and six hexadecimal digits, e.g. `--colour #0b5394`\n",
        ),
        (
            &["--base-url", "zonnehuis.nl"],
            "error: `--base-url` must be an absolute http(s) URL, found `zonnehuis.nl`\n  = hint: write the address the site will be published at, e.g. `--base-url https://werkenbij.example.nl`\n",
        ),
    ];
    for (flags, expected) in cases {
        let mut args = vec!["init", "nieuw", "--empty"];
        args.extend_from_slice(flags);
        let run = werkenbij(dir.path(), &args);
        assert_eq!(run.code, 2, "{flags:?}: {}", run.stderr);
        assert_eq!(run.stderr, *expected);
        assert!(!dir.path().join("nieuw").exists(), "nothing is written");
    }
    // The organisation's flags belong to --empty.
    let run = werkenbij(dir.path(), &["init", "nieuw", "--name", "Zonnehuis"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--empty"), "{}", run.stderr);
}

#[test]
fn init_of_the_example_names_empty_in_its_closing_message() {
    let dir = tempfile::tempdir().unwrap();
    let run = werkenbij(dir.path(), &["init", "voorbeeld"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.ends_with("To start your own site without the example's people, run `werkenbij init --empty NEW-DIR`\n"),
        "{}",
        run.stderr
    );
}

// --- the organisation's name comes from site.yaml -------------------------------------------

#[test]
fn a_rebranded_example_names_lindewaard_only_where_people_wrote_it() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(werkenbij(dir.path(), &["init", "site"]).code, 0);
    let root = dir.path().join("site");
    let config = read(root.join("content/site.yaml"))
        .replace("Zorggroep Lindewaard", "Stichting Zonnehuis")
        .replace("ZorggroepLindewaard", "StichtingZonnehuis");
    std::fs::write(root.join("content/site.yaml"), config).unwrap();
    // What people wrote (stories, profiles, vacancies, the organisation's own page) is theirs to
    // change: it is rewritten here, so that any Lindewaard left comes from somewhere else.
    for (path, text) in files_below(&root.join("content")) {
        let theirs = [
            "stories/",
            "ambassadors/",
            "vacancies/",
            "pages/over-ons.md",
        ];
        if path.ends_with(".md") && theirs.iter().any(|t| path.starts_with(t)) {
            let text = String::from_utf8(text)
                .unwrap()
                .replace("Lindewaard", "Zonnehuis");
            std::fs::write(root.join("content").join(path), text).unwrap();
        }
    }
    let build = werkenbij(&root, &["build", "--now", NOW]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let texts = page_texts(&root.join("public"));
    assert!(texts.len() > 1000, "the pages were read");
    let left: Vec<_> = texts
        .iter()
        .filter(|(_, text)| text.contains("Lindewaard"))
        .collect();
    assert!(left.is_empty(), "{left:#?}");
    let footer: Vec<_> = texts
        .iter()
        .filter(|(page, text)| page == "index.html" && text.contains("Zonnehuis"))
        .map(|(_, text)| text.trim())
        .collect();
    assert!(footer.contains(&"Stichting Zonnehuis"), "{footer:?}");
    // The favicon names no one; the example's favicon is its leaf, drawn.
    assert!(!read(root.join("public/favicon.svg")).contains("Lindewaard"));
    // The theme's pages and strings name no organisation of their own.
    for (path, bytes) in files_below(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/themes"))) {
        if !path.ends_with(".otf") {
            assert!(
                !String::from_utf8_lossy(&bytes).contains("Lindewaard"),
                "themes/{path}"
            );
        }
    }
}

// --- the consent register keeps history -----------------------------------------------------

#[test]
fn a_former_ambassadors_consent_record_stays_valid_as_history() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(werkenbij(dir.path(), &["init", "site"]).code, 0);
    let root = dir.path().join("site");
    let before = werkenbij(&root, &["check", "--now", NOW]);
    assert_eq!(before.code, 0, "{}", before.stderr);
    // Karim's consent expired; following the hint, his story and then his profile go.
    let story = "content/stories/leven-na-een-hartinfarct.md";
    let profile = "content/ambassadors/karim-haddou.md";
    assert!(read(root.join(story)).contains("ambassador: karim-haddou"));
    std::fs::remove_file(root.join(story)).unwrap();
    std::fs::remove_file(root.join(profile)).unwrap();
    let register = read(root.join("content/consent.yaml"));
    assert!(
        register.contains("subject: karim-haddou"),
        "the record stays"
    );

    let after = werkenbij(&root, &["check", "--now", NOW]);
    assert_eq!(after.code, 0, "{}", after.stderr);
    let expected: Vec<String> = lines_of(&before.stderr, "warning")
        .into_iter()
        .filter(|line| !line.starts_with(story) && !line.starts_with(profile))
        .collect();
    assert_eq!(
        lines_of(&after.stderr, "warning"),
        expected,
        "no new warning"
    );
    assert!(lines_of(&after.stderr, "error").is_empty());
}

#[test]
fn clearing_the_examples_people_leaves_no_error_and_no_warning() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(werkenbij(dir.path(), &["init", "site"]).code, 0);
    let root = dir.path().join("site");
    for folder in ["stories", "ambassadors", "vacancies"] {
        let path = root.join("content").join(folder);
        std::fs::remove_dir_all(&path).unwrap();
        std::fs::create_dir(&path).unwrap();
    }
    let run = werkenbij(&root, &["check", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Only the summary line: no diagnostic at all.
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        lines_of(&run.stderr, "warning").is_empty(),
        "{}",
        run.stderr
    );
}

#[test]
fn a_record_in_use_is_still_held_to_its_subject() {
    let site = english_site();
    // Pieter's record now names someone who left: Pieter's profile cannot use it.
    let register = site
        .read("content/consent.yaml")
        .replace("subject: pieter-bakker", "subject: oud-collega");
    site.write("content/consent.yaml", &register);
    let run = site.run(&["check", "--now", NOW]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let errors = lines_of(&run.stderr, "error");
    assert!(errors.contains(
        &"content/ambassadors/pieter-bakker.md:6:10: error: consent `TF-2026-0002` belongs to `oud-collega`, not to `pieter-bakker`".to_owned()
    ), "{}", run.stderr);
    assert!(
        !run.stderr.contains("who is no ambassador"),
        "{}",
        run.stderr
    );
}

// --- every problem of a file in one run ----------------------------------------------------

#[test]
fn an_unknown_key_does_not_hide_the_other_problems_of_its_file() {
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [&'a str]);
    let cases: &[Case] = &[
        (
            "content/stories/zeven-clienten.md",
            &[
                ("consent: TF-2026-0002", "consent: TF-2026-0099"),
                ("summary:", "image: weg.jpg\nimage_atl: Een auto\nsummary:"),
            ],
            &[
                "content/stories/zeven-clienten.md:5:10: error: consent reference `TF-2026-0099` is not in the consent register",
                "content/stories/zeven-clienten.md:6:8: error: `image` has no `image_alt`",
                "content/stories/zeven-clienten.md:6:8: error: photo `weg.jpg` does not exist (looked for `content/stories/weg.jpg`)",
                "content/stories/zeven-clienten.md:7:1: error: unknown key `image_atl` in a story",
            ],
        ),
        (
            "content/ambassadors/pieter-bakker.md",
            &[
                ("consent: TF-2026-0002", "consent: TF-2026-0099"),
                ("since: 2019-09-01", "sinds: 2019-09-01"),
            ],
            &[
                "content/ambassadors/pieter-bakker.md:6:10: error: consent reference `TF-2026-0099` is not in the consent register",
                "content/ambassadors/pieter-bakker.md:7:1: error: unknown key `sinds` in an ambassador",
            ],
        ),
        (
            "content/vacancies/ic-verpleegkundige.md",
            &[
                ("date: 2026-10-01", "date: oktober"),
                ("identifier: ZT-2026-001", "identifer: ZT-2026-001"),
            ],
            &[
                "content/vacancies/ic-verpleegkundige.md:3:7: error: `date` has the wrong type: `oktober` is not a date of the form YYYY-MM-DD",
                "content/vacancies/ic-verpleegkundige.md:12:1: error: unknown key `identifer` in a vacancy",
            ],
        ),
    ];
    for (file, replacements, expected) in cases {
        let site = english_site();
        let mut text = site.read(file);
        for (from, to) in *replacements {
            assert!(text.contains(from), "{file} has `{from}`");
            text = text.replacen(from, to, 1);
        }
        site.write(file, &text);
        let run = site.run(&["check", "--now", NOW]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        let errors: Vec<String> = lines_of(&run.stderr, "error")
            .into_iter()
            .filter(|line| line.starts_with(file))
            .collect();
        assert_eq!(errors, *expected, "{file}:\n{}", run.stderr);
    }
}

#[test]
fn a_missing_key_is_reported_at_the_first_key_and_named() {
    let site = english_site();
    let file = "content/stories/zeven-clienten.md";
    let text = site
        .read(file)
        .replacen(
            "---\n",
            "---\n# Verhaal van Pieter, nagekeken door Communicatie\n\n",
            1,
        )
        .replace("consent: TF-2026-0002\n", "");
    site.write(file, &text);
    let run = site.run(&["check", "--now", NOW]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let errors: Vec<String> = lines_of(&run.stderr, "error")
        .into_iter()
        .filter(|line| line.starts_with(file))
        .collect();
    assert_eq!(
        errors,
        ["content/stories/zeven-clienten.md:4:1: error: the required key `consent` is missing"]
    );
    assert!(
        run.stderr
            .contains("4 | title: Zeven cliënten voor de lunch\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("= hint: add `consent: …`"),
        "{}",
        run.stderr
    );
}

// --- hints that find what was meant -----------------------------------------------------------

/// The hint printed under the first diagnostic of `file`.
fn hint_of(stderr: &str, file: &str) -> Option<String> {
    let start = stderr.find(&format!("{file}:"))?;
    stderr[start..]
        .lines()
        .skip(1)
        .take_while(|line| !line.contains(": error: ") && !line.contains(": warning: "))
        .find_map(|line| line.trim_start_matches([' ', '|']).split_once("= hint: "))
        .map(|(_, hint)| hint.to_owned())
}

#[test]
fn hints_find_the_ambassador_the_photo_and_the_consent_meant() {
    let cases: &[(&str, &str, &str, &str, &str)] = &[
        (
            "content/stories/zeven-clienten.md",
            "ambassador: pieter-bakker",
            "ambassador: pieter",
            "error: unknown ambassador `pieter`",
            "did you mean `pieter-bakker`?",
        ),
        (
            "content/stories/zeven-clienten.md",
            "consent: TF-2026-0002",
            "consent: tf-2026-0002",
            "error: consent reference `tf-2026-0002` is not in the consent register",
            "did you mean `TF-2026-0002`?",
        ),
        // Pieter's own record, not the nearest record of anyone (`TF-2026-0001`, Anneke's).
        (
            "content/stories/zeven-clienten.md",
            "consent: TF-2026-0002",
            "consent: TF-2026-0091",
            "error: consent reference `TF-2026-0091` is not in the consent register",
            "did you mean `TF-2026-0002`?",
        ),
        (
            "content/stories/avonddienst/index.md",
            "people_in_photo: [TF-2026-0004]",
            "people_in_photo: [tf-2026-0004]",
            "error: consent reference `tf-2026-0004` is not in the consent register",
            "did you mean `TF-2026-0004`?",
        ),
        (
            "content/stories/avonddienst/index.md",
            "image: foto.jpg",
            "image: FOTO.jpg",
            "error: photo `FOTO.jpg` does not exist (looked for `content/stories/avonddienst/FOTO.jpg`)",
            "the file is `foto.jpg`: names are case-sensitive on the web server",
        ),
        (
            "content/stories/avonddienst/index.md",
            "image: foto.jpg",
            "image: foto.jpeg",
            "error: photo `foto.jpeg` does not exist (looked for `content/stories/avonddienst/foto.jpeg`)",
            "the file is `foto.jpg`: write its name with the same extension",
        ),
    ];
    for (file, from, to, message, hint) in cases {
        let site = english_site();
        let text = site.read(file);
        assert!(text.contains(from), "{file} has `{from}`");
        site.write(file, &text.replacen(from, to, 1));
        let run = site.run(&["check", "--now", NOW]);
        assert_eq!(run.code, 1, "{to}: {}", run.stderr);
        let errors = lines_of(&run.stderr, "error");
        assert!(
            errors
                .iter()
                .any(|line| line.starts_with(file) && line.ends_with(message)),
            "{to}: {}",
            run.stderr
        );
        assert_eq!(
            hint_of(&run.stderr, file).as_deref(),
            Some(*hint),
            "{to}: {}",
            run.stderr
        );
    }
}

#[test]
fn a_hashtag_a_letter_off_a_campaign_hashtag_is_warned() {
    let site = english_site();
    let file = "content/stories/zeven-clienten.md";
    let text = site.read(file).replace(
        "hashtags: [verschilmakers, thuiszorg]",
        "hashtags: [verschilmakers, Verschilmaker, thuiszorg]",
    );
    site.write(file, &text);
    let run = site.run(&["check", "--now", NOW, "--verbose"]);
    assert_eq!(run.code, 0, "a warning only: {}", run.stderr);
    let warnings: Vec<String> = lines_of(&run.stderr, "warning")
        .into_iter()
        .filter(|line| line.starts_with(file))
        .collect();
    assert_eq!(
        warnings,
        ["content/stories/zeven-clienten.md:7:28: warning: hashtag `Verschilmaker` is close to the campaign hashtag `verschilmakers` of site.yaml, but is another hashtag, with a page of its own (`/hashtags/verschilmaker/`)"]
    );
    assert_eq!(
        hint_of(&run.stderr, file).as_deref(),
        Some("did you mean `verschilmakers`?")
    );
}

#[test]
fn on_an_empty_site_new_story_finds_the_first_ambassador_by_her_first_name() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(werkenbij(dir.path(), &["init", "site", "--empty"]).code, 0);
    let root = dir.path().join("site");
    let made = werkenbij(&root, &["new", "ambassador", "linda-de-boer", "--now", NOW]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let run = werkenbij(
        &root,
        &[
            "new",
            "story",
            "Test",
            "--ambassador",
            "linda",
            "--now",
            NOW,
        ],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "error: there is no ambassador `linda` in `content/ambassadors/`\n  = hint: did you mean `linda-de-boer`?\n"
    );
}

#[test]
fn new_story_suggests_the_ambassador_whose_id_begins_with_the_name() {
    let site = english_site();
    let run = site.run(&[
        "new",
        "story",
        "Test",
        "--ambassador",
        "pieter",
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "error: there is no ambassador `pieter` in `content/ambassadors/`\n  = hint: did you mean `pieter-bakker`?\n"
    );
}

// --- brand colours against WCAG AA ----------------------------------------------------------

#[test]
fn brand_colours_that_fail_wcag_aa_are_warned_with_the_nearest_that_passes() {
    let site = english_site();
    let config = site.read("content/site.yaml").replace(
        "brand: { primary: \"#0b5394\", accent: \"#f6b26b\" }",
        "brand:\n  primary: \"#7ab800\"\n  accent: \"#777777\"",
    );
    site.write("content/site.yaml", &config);
    let run = site.run(&["check", "--now", NOW, "--verbose"]);
    assert_eq!(run.code, 0, "warnings only: {}", run.stderr);
    let brand: Vec<String> = lines_of(&run.stderr, "warning")
        .into_iter()
        .filter(|line| line.starts_with("content/site.yaml"))
        .collect();
    assert_eq!(
        brand,
        [
            "content/site.yaml:7:12: warning: `brand.primary` `#7ab800` has a contrast of 2.42:1 on white: links in this colour fail WCAG AA (4.5:1 for text)",
            "content/site.yaml:8:11: warning: button text (`#111111`) on `brand.accent` `#777777` has a contrast of 4.22:1: it fails WCAG AA (4.5:1 for text)",
        ]
    );
    assert_eq!(
        hint_of(&run.stderr, "content/site.yaml:7").as_deref(),
        Some("the nearest colour that passes is `#578300` (same hue); the theme promises WCAG 2.1 AA")
    );
    let accent_hint = hint_of(&run.stderr, "content/site.yaml:8").unwrap();
    let nearest = accent_hint
        .strip_prefix("the nearest colour that passes is `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(hex, _)| hex.to_owned())
        .unwrap_or_else(|| panic!("{accent_hint}"));
    let channel = |i: usize| u8::from_str_radix(&nearest[i..i + 2], 16).unwrap();
    assert!(
        channel(1) > 0x77 && channel(1) == channel(3) && channel(3) == channel(5),
        "a lighter grey, for dark text: {nearest}"
    );
}

#[test]
fn the_example_and_the_fixture_colours_pass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = werkenbij(root, &["check", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("content/site.yaml"), "{}", run.stderr);
    let site = english_site();
    let run = site.run(&["check", "--now", NOW]);
    assert!(!run.stderr.contains("content/site.yaml"), "{}", run.stderr);
}
