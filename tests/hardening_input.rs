//! Careless and hostile input (issue 13): each case writes bad input into a copy of the `minimal`
//! fixture, runs the real binary and checks the exit code, the exact diagnostics and that nothing
//! forbidden is published.

mod support;

use support::{TestSite, NOW};

/// The first line of every error (`path:line:col: error: message`) with its hint, in order;
/// warnings (the fixture has two, for a withdrawn consent) are left out.
fn errors(stderr: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut in_error = false;
    for line in stderr.lines().map(str::trim_start) {
        if line.contains(": error: ") {
            in_error = true;
            found.push(line);
        } else if line.contains(": warning: ") {
            in_error = false;
        } else if let (true, Some(hint)) = (in_error, line.strip_prefix("= ")) {
            found.push(hint);
        }
    }
    found
}

fn check(site: &TestSite) -> support::Run {
    site.run(&["check", "--now", NOW])
}

fn build(site: &TestSite) -> support::Run {
    site.run(&["build", "--now", NOW])
}

#[cfg(unix)]
fn symlink(target: impl AsRef<std::path::Path>, link: impl AsRef<std::path::Path>) {
    std::os::unix::fs::symlink(target, link).expect("a symbolic link");
}

/// A second record for a withdrawn consent, without its `withdrawn:`, no longer wins.
#[test]
fn a_consent_record_written_twice_is_refused_at_the_second() {
    let site = TestSite::new("minimal").in_english();
    let register = site.read("content/consent.yaml");
    site.write(
        "content/consent.yaml",
        &format!("{register}TF-2026-0003:\n  subject: greetje-zwaan\n  scope: [website, social, photo]\n  granted: 2025-03-01\n"),
    );
    let run = build(&site);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        errors(&run.stderr),
        [
            "content/consent.yaml:19:1: error: duplicate key `TF-2026-0003`: it is already written on line 10",
            "hint: a consent reference has one record: merge the two into one, keeping a `withdrawn:` date if it has one",
        ]
    );
    assert!(!site.public().exists(), "nothing is published");
}

#[test]
fn a_front_matter_key_written_twice_is_reported_at_the_second() {
    let site = TestSite::new("minimal").in_english();
    let story = site.read("content/stories/zeven-clienten.md");
    site.write(
        "content/stories/zeven-clienten.md",
        &story.replacen("---\n", "---\ntitle: Eerste\n", 1),
    );
    let run = check(&site);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        errors(&run.stderr),
        [
            "content/stories/zeven-clienten.md:3:1: error: duplicate key `title`: it is already written on line 2",
            "hint: remove one of the two: YAML keeps only one value for a key",
        ]
    );
}

/// A record with a wrong type names its key, and the stories that use it get no follow-on error.
#[test]
fn a_consent_record_with_a_wrong_type_names_the_key_and_has_no_follow_on_errors() {
    let site = TestSite::new("minimal").in_english();
    site.write(
        "content/consent.yaml",
        &site
            .read("content/consent.yaml")
            .replace("scope: [website, social]\n", "scope: website\n")
            .replace("granted: 2026-02-01", "granted: gisteren"),
    );
    let run = check(&site);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        errors(&run.stderr),
        [
            "content/consent.yaml:8:10: error: consent `TF-2026-0002`, key `scope`: found string \"website\", expected a sequence",
            "hint: write a list of `website`, `social` and `photo`, e.g. `scope: [website, social]`",
            "content/consent.yaml:18:12: error: consent `TF-2026-0004`, key `granted`: `gisteren` is not a date of the form YYYY-MM-DD",
            "hint: write a date of the form YYYY-MM-DD, e.g. `2026-01-12`",
        ]
    );
}

#[test]
fn a_bad_valid_through_is_reported_at_its_value() {
    let site = TestSite::new("minimal").in_english();
    site.write(
        "content/vacancies/ic-verpleegkundige.md",
        &site
            .read("content/vacancies/ic-verpleegkundige.md")
            .replace("2027-01-31T23:59:00+01:00", "eind januari"),
    );
    let run = check(&site);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        errors(&run.stderr)[0],
        "content/vacancies/ic-verpleegkundige.md:4:16: error: `valid_through` has the wrong type: `eind januari` is neither a date (YYYY-MM-DD) nor a date and time with offset (2027-01-31T23:59:00+01:00)"
    );
}

#[test]
fn latin_1_is_reported_at_the_first_byte_that_is_not_utf_8() {
    let site = TestSite::new("minimal").in_english();
    let mut bytes = site.read("content/stories/zeven-clienten.md").into_bytes();
    let at = bytes.len() - 2;
    bytes.splice(at..at, b"caf\xe9".iter().copied());
    std::fs::write(site.root.join("content/stories/zeven-clienten.md"), &bytes).unwrap();
    let run = check(&site);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let text = String::from_utf8_lossy(&bytes);
    let line = text.lines().count();
    let column = text.lines().last().unwrap().chars().count() - 1;
    assert_eq!(
        errors(&run.stderr),
        [
            format!("content/stories/zeven-clienten.md:{line}:{column}: error: the file is not UTF-8 text: the byte 0xE9 here is not UTF-8 (Latin-1 or Windows-1252?)").as_str(),
            "hint: save the file as UTF-8 in your editor",
        ]
    );
}

/// Control characters are refused where text enters: front-matter, body, site.yaml, consent.yaml.
#[test]
fn control_characters_are_refused_with_their_position() {
    let site = TestSite::new("minimal").in_english();
    let story = site.read("content/stories/zeven-clienten.md");
    site.write(
        "content/stories/zeven-clienten.md",
        &story
            .replacen("title: ", "title: Zeven\u{1} ", 1)
            .replace("\n---\n", "\n---\nTekst\u{85}\u{7}\n"),
    );
    let run = check(&site);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        errors(&run.stderr),
        [
            "content/stories/zeven-clienten.md:2:13: error: the invisible control character U+0001 is not allowed in text (and 2 more in this file)",
            "hint: delete it (it often comes with text pasted from a PDF or a word processor); tabs and line breaks are fine",
        ]
    );
    assert!(
        run.stderr.contains("title: Zeven\u{fffd} "),
        "the line is shown with a mark in place of the character:\n{}",
        run.stderr
    );
    assert!(!run.stderr.contains('\u{1}'));

    let site = TestSite::new("minimal").in_english();
    let config = site.read("content/site.yaml");
    site.write(
        "content/site.yaml",
        &config.replace("title: Werken bij", "title: Werken\u{fffe} bij"),
    );
    let run = check(&site);
    assert_eq!(
        run.code, 2,
        "a problem in site.yaml is a configuration error"
    );
    assert_eq!(
        errors(&run.stderr)[0],
        "content/site.yaml:1:14: error: the invisible control character U+FFFE is not allowed in text"
    );
}

#[test]
fn a_logo_must_be_an_image_inside_the_site() {
    let cases: &[(&str, Option<&str>, &str)] = &[
        (
            "content/consent.yaml",
            None,
            "logo `content/consent.yaml` is not an image",
        ),
        (
            "static/logo.svg",
            Some("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect/></svg>"),
            "logo `static/logo.svg` is an SVG with an event attribute `onload`",
        ),
        (
            "static/logo.svg",
            Some("<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://tracker.example.com/p.gif\"/></svg>"),
            "logo `static/logo.svg` is an SVG that links to `https://tracker.example.com/p.gif`",
        ),
        (
            "../geheim.png",
            None,
            "logo `../geheim.png` leaves the site folder",
        ),
        (
            "static/weg.png",
            None,
            "logo `static/weg.png` does not exist",
        ),
    ];
    for (logo, svg, message) in cases {
        let site = TestSite::new("minimal").in_english();
        if let Some(svg) = svg {
            site.write(logo, svg);
        }
        let config = site.read("content/site.yaml");
        site.write(
            "content/site.yaml",
            &config.replace("logo: static/logo.svg", &format!("logo: {logo}")),
        );
        let run = build(&site);
        assert_eq!(
            run.code, 2,
            "{logo}: a bad site.yaml is exit 2\n{}",
            run.stderr
        );
        let found = errors(&run.stderr);
        assert_eq!(
            found[0],
            format!("content/site.yaml:5:74: error: {message}"),
            "{logo}"
        );
        assert!(!found[1].contains("Markdown"), "{}", found[1]);
        assert!(!site.public().exists(), "{logo}: nothing is published");
    }
}

#[cfg(unix)]
#[test]
fn a_logo_linked_out_of_the_site_is_refused() {
    let site = TestSite::new("minimal").in_english();
    site.remove("static/logo.svg");
    symlink("/etc/passwd", site.root.join("static/logo.svg"));
    let run = build(&site);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        errors(&run.stderr),
        [
            "content/site.yaml:5:74: error: logo `static/logo.svg` links to a file outside the site folder",
            "hint: copy the logo into `static/` instead of linking to it",
        ]
    );
    assert!(
        !run.stderr.contains("root:"),
        "nothing of the file is shown"
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_out_of_the_site_are_refused_and_never_read() {
    let site = TestSite::new("minimal").in_english();
    let outside = site.root.parent().unwrap().join("buiten");
    std::fs::create_dir_all(outside.join("map")).unwrap();
    std::fs::write(
        outside.join("buiten.md"),
        site.read("content/stories/zeven-clienten.md")
            .replace("title:", "title: Van buiten"),
    )
    .unwrap();
    std::fs::write(
        outside.join("map/index.md"),
        site.read("content/stories/zeven-clienten.md"),
    )
    .unwrap();
    symlink(
        outside.join("buiten.md"),
        site.root.join("content/stories/buiten.md"),
    );
    symlink(outside.join("map"), site.root.join("content/stories/map"));
    symlink("/etc/hostname", site.root.join("content/pages/host.md"));
    symlink("lus.md", site.root.join("content/pages/lus.md"));
    let run = build(&site);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let hint = "hint: a symbolic link in the site folder must point to a file inside it: copy the file into the site instead";
    assert_eq!(
        errors(&run.stderr),
        [
            "content/pages/host.md:1:1: error: this is a symbolic link to a file outside the site folder; it was not read",
            hint,
            "content/pages/lus.md:1:1: error: this is a symbolic link that cannot be followed (it is broken or loops); it was not read",
            hint,
            "content/stories/buiten.md:1:1: error: this is a symbolic link to a file outside the site folder; it was not read",
            hint,
            "content/stories/map:1:1: error: this is a symbolic link to a file outside the site folder; it was not read",
            hint,
        ]
    );
    let hostname = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    if !hostname.trim().is_empty() {
        assert!(!run.stderr.contains(hostname.trim()), "{}", run.stderr);
    }
    assert!(!site.public().exists());
}

#[cfg(unix)]
#[test]
fn symbolic_links_inside_the_site_are_followed() {
    let site = TestSite::new("minimal");
    std::fs::rename(
        site.root.join("content/stories/zeven-clienten.md"),
        site.root.join("zeven.md"),
    )
    .unwrap();
    symlink(
        "../../zeven.md",
        site.root.join("content/stories/zeven-clienten.md"),
    );
    std::fs::rename(
        site.root.join("content/stories/avonddienst"),
        site.root.join("avonddienst"),
    )
    .unwrap();
    symlink(
        "../../avonddienst",
        site.root.join("content/stories/avonddienst"),
    );
    let run = build(&site);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.exists("/verhalen/zeven-clienten/"));
    assert!(site.exists("/verhalen/avonddienst/"));
}

/// `check` decodes every photo as `build` does: a truncated JPEG fails both, with one message.
#[test]
fn check_refuses_a_truncated_photo_as_build_does() {
    let site = TestSite::new("minimal").in_english();
    let photo = site.root.join("content/stories/avonddienst/foto.jpg");
    let bytes = std::fs::read(&photo).unwrap();
    std::fs::write(&photo, &bytes[..bytes.len() / 2]).unwrap();
    let checked = check(&site);
    let built = build(&site);
    assert_eq!((checked.code, built.code), (1, 1), "{}", checked.stderr);
    let expected = [
        "content/stories/avonddienst/index.md:8:8: error: the photo cannot be decoded: the JPEG file is truncated (it has no end-of-image marker)",
        "hint: the file was cut off while copying or uploading: export it again as JPEG",
    ];
    assert_eq!(errors(&checked.stderr), expected);
    assert_eq!(errors(&built.stderr), expected);
}

/// One wrong key does not hide the other problems of its file: every one is reported, each at its
/// own key, in one run, and a wrong key gets no second error from a rule that reads it.
#[test]
fn every_problem_of_a_file_is_reported_beside_a_wrong_key() {
    let summary = "a".repeat(201);
    /// The file, its replacements (from, to) and the errors expected.
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [&'a str]);
    let cases: &[Case] = &[
        (
            "content/stories/zeven-clienten.md",
            &[
                ("date: 2026-05-01", "date: gisteren"),
                ("summary: Een ochtend in de wijkauto door Zeist.", &format!("summary: {summary}")),
                ("[verschilmakers, thuiszorg]", "[verschilmakers, verschil makers]"),
            ],
            &[
                "content/stories/zeven-clienten.md:3:7: error: `date` has the wrong type: `gisteren` is not a date of the form YYYY-MM-DD",
                "content/stories/zeven-clienten.md:6:10: error: `summary` is 201 characters, more than 200",
                "hint: search engines and link previews cut longer summaries; keep it to one or two sentences",
                "content/stories/zeven-clienten.md:7:28: error: hashtag `verschil makers` has characters a hashtag cannot have",
                "hint: write one word of letters and digits, e.g. `MeerDanBillenWassen`",
            ],
        ),
        (
            "content/stories/zeven-clienten.md",
            &[
                ("title: Zeven cliënten voor de lunch\n", ""),
                ("consent: TF-2026-0002", "consent: [TF-2026-0002]"),
                ("[verschilmakers, thuiszorg]", "[verschilmakers, \"#\"]"),
            ],
            &[
                "content/stories/zeven-clienten.md:2:1: error: the required key `title` is missing",
                "hint: add `title: …`",
                "content/stories/zeven-clienten.md:4:10: error: `consent` has the wrong type: found sequence, expected a string",
                "content/stories/zeven-clienten.md:6:28: error: hashtag `#` has characters a hashtag cannot have",
                "hint: write one word of letters and digits, e.g. `MeerDanBillenWassen`",
            ],
        ),
        (
            "content/ambassadors/pieter-bakker.md",
            &[
                ("consent: TF-2026-0002", "consent: TF-2026-0099"),
                ("since: 2019-09-01", "since: [ooit]"),
            ],
            &[
                "content/ambassadors/pieter-bakker.md:6:10: error: consent reference `TF-2026-0099` is not in the consent register",
                "hint: did you mean `TF-2026-0002`?",
                "content/ambassadors/pieter-bakker.md:7:8: error: `since` has the wrong type: found sequence, expected a year (2014) or a date (2014-09-01)",
            ],
        ),
        (
            "content/stories/zeven-clienten.md",
            &[
                ("consent: TF-2026-0002", "consent: TF-2026-0099"),
                ("summary:", "image_atl: Een auto\nsummary:"),
            ],
            &[
                "content/stories/zeven-clienten.md:5:10: error: consent reference `TF-2026-0099` is not in the consent register",
                "hint: did you mean `TF-2026-0002`?",
                "content/stories/zeven-clienten.md:6:1: error: unknown key `image_atl` in a story",
                "hint: did you mean `image_alt`?",
            ],
        ),
        (
            "content/vacancies/ic-verpleegkundige.md",
            &[
                ("date: 2026-10-01", "date: oktober"),
                ("hours_per_week: { min: 24, max: 36 }", "hours_per_week: veel"),
                ("identifier: ZT-2026-001\n", "identifier: ZT-2026-001\nhashtags: [\"ic zorg\"]\n"),
            ],
            &[
                "content/vacancies/ic-verpleegkundige.md:3:7: error: `date` has the wrong type: `oktober` is not a date of the form YYYY-MM-DD",
                "content/vacancies/ic-verpleegkundige.md:8:17: error: `hours_per_week`: a number of hours, or `{ min: 24, max: 32 }`",
                "content/vacancies/ic-verpleegkundige.md:13:12: error: hashtag `ic zorg` has characters a hashtag cannot have",
                "hint: write one word of letters and digits, e.g. `MeerDanBillenWassen`",
            ],
        ),
    ];
    for (file, replacements, expected) in cases {
        let site = TestSite::new("minimal").in_english();
        let mut text = site.read(file);
        for (from, to) in *replacements {
            assert!(text.contains(from), "{file} has `{from}`");
            text = text.replacen(from, to, 1);
        }
        site.write(file, &text);
        let run = check(&site);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert_eq!(errors(&run.stderr), *expected, "{file}:\n{}", run.stderr);
    }
}
