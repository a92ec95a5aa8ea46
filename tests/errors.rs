//! Bad input: the real binary on broken sites. Exit codes and the whole printed text are checked.

mod support;

use support::{TestSite, NOW};

/// Ten kinds of broken files in one site: every one is reported in one run, sorted by file.
#[test]
fn every_content_error_is_reported_in_one_run() {
    let site = TestSite::new("minimal").in_english();
    let story = |name: &str, front: &str| {
        site.write(
            &format!("content/stories/{name}.md"),
            &format!("---\n{front}---\nTekst.\n"),
        )
    };
    let ok = "date: 2026-06-01\nsummary: Kort.\n";
    story(
        "a-onbekende-ambassadeur",
        &format!("title: A\n{ok}ambassador: anneke-van-t-hoff\nconsent: TF-2026-0001\n"),
    );
    story("b-onbekende-vacature", &format!("title: B\n{ok}ambassador: pieter-bakker\nconsent: TF-2026-0002\nvacancies: [ic-verpleegkundige, wijkverpleegkundige]\n"));
    story(
        "c-onbekende-toestemming",
        &format!("title: C\n{ok}ambassador: pieter-bakker\nconsent: TF-2026-0099\n"),
    );
    story(
        "d-toestemming-van-een-ander",
        &format!("title: D\n{ok}ambassador: pieter-bakker\nconsent: TF-2026-0001\n"),
    );
    story(
        "e-ontbrekende-titel",
        &format!("{ok}ambassador: pieter-bakker\nconsent: TF-2026-0002\n"),
    );
    story("f-lange-samenvatting", &format!("title: F\ndate: 2026-06-01\nsummary: {}\nambassador: pieter-bakker\nconsent: TF-2026-0002\n", "woord ".repeat(40)));
    story("g-foto-zonder-alt", &format!("title: G\n{ok}ambassador: anneke-van-t-hof\nconsent: TF-2026-0001\nimage: avonddienst/foto.jpg\n"));
    story("h-foto-buiten-de-site", &format!("title: H\n{ok}ambassador: anneke-van-t-hof\nconsent: TF-2026-0001\nimage: ../../../geheim.jpg\nimage_alt: Geheim\n"));
    story(
        "i-tikfout",
        &format!("title: I\n{ok}ambassador: pieter-bakker\nconsnet: TF-2026-0002\n"),
    );
    story(
        "j-verkeerd-type",
        &format!("title: [J]\n{ok}ambassador: pieter-bakker\nconsent: TF-2026-0002\n"),
    );
    story("k-kapotte-link", &format!("title: K\n{ok}ambassador: pieter-bakker\nconsent: TF-2026-0002\n---\nZie [de vacature](../vacancies/bestaat-niet.md).\n"));
    story("l-yaml", "title: Nachtdienst: mijn verhaal\n");
    story("m-ontbrekende-foto", &format!("title: M\n{ok}ambassador: anneke-van-t-hof\nconsent: TF-2026-0001\nimage: weg.jpg\nimage_alt: Weg\n"));
    site.write(
        "content/stories/zeven-clienten/index.md",
        &site.read("content/stories/zeven-clienten.md"),
    );

    let run = site.run(&["build", "--now", NOW]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stderr);
    assert!(!site.public().exists(), "nothing is written");
    // The two warnings are only counted beside the errors; `--verbose` shows them in full, after
    // the errors.
    let verbose = site.run(&["build", "--verbose", "--now", NOW]);
    assert_eq!(verbose.code, 1);
    let withdrawn = |path: &str, line: u32, what: &str| {
        format!(
            "{path}:{line}:10: warning: consent `TF-2026-0003` was withdrawn on 2026-09-01: {what} left out\n  |\n{line} | consent: TF-2026-0003\n  |          ^^^^^^^^^^^^\n  = hint: nothing derived from it is published; remove the file when it is no longer needed\n"
        )
    };
    let errors = run
        .stderr
        .split_once("2 warnings not shown; --verbose lists them\n")
        .expect("the warnings are counted after the errors")
        .0;
    assert_eq!(
        verbose.stderr,
        format!(
            "{errors}{}{}error: 15 errors and 2 warnings; nothing was written, the previous output is untouched\n",
            withdrawn(
                "content/ambassadors/greetje-zwaan.md",
                4,
                "this ambassador's profile and stories are"
            ),
            withdrawn("content/stories/laatste-operatie.md", 5, "this story is"),
        )
    );
    // `check` finds the same, and also exits 1.
    let check = site.run(&["check", "--now", NOW]);
    assert_eq!(check.code, 1);
    assert_eq!(
        check.stderr.replace(
            "fix them before building",
            "nothing was written, the previous output is untouched"
        ),
        run.stderr
    );
}

#[test]
fn consent_scope_without_website_is_an_error() {
    let site = TestSite::new("minimal").in_english();
    site.write(
        "content/consent.yaml",
        &site.read("content/consent.yaml").replace(
            "scope: [website, social]\n  granted: 2026-01-12\nTF-2026-0003",
            "scope: [social]\n  granted: 2026-01-12\nTF-2026-0003",
        ),
    );
    let run = site.run(&["check", "--now", NOW]);
    assert_eq!(run.code, 1);
    assert_eq!(first_error(&run.stderr)[0], "content/ambassadors/pieter-bakker.md:6:10: error: consent `TF-2026-0002` does not cover `website`");
}

#[test]
fn github_actions_get_annotations() {
    let site = TestSite::new("minimal").in_english();
    site.write(
        "content/stories/zeven-clienten.md",
        &site
            .read("content/stories/zeven-clienten.md")
            .replace("consent: TF-2026-0002", "consent: TF-2026-0012"),
    );
    let run = site.run_with(&["check", "--now", NOW], &[("GITHUB_ACTIONS", "true")]);
    assert_eq!(run.code, 1);
    let annotation = run
        .stderr
        .lines()
        .find(|l| l.starts_with("::error"))
        .unwrap();
    assert_eq!(
        annotation,
        "::error file=content/stories/zeven-clienten.md,line=5,col=10::consent reference `TF-2026-0012` is not in the consent register (hint: did you mean `TF-2026-0002`?)"
    );
}

#[test]
fn a_heic_photo_says_how_to_convert_it() {
    let site = TestSite::new("minimal").in_english();
    let mut heic = vec![0, 0, 0, 24];
    heic.extend_from_slice(b"ftypheic\0\0\0\0mif1heic");
    std::fs::write(
        site.root.join("content/stories/avonddienst/foto.heic"),
        heic,
    )
    .unwrap();
    site.write(
        "content/stories/avonddienst/index.md",
        &site
            .read("content/stories/avonddienst/index.md")
            .replace("image: foto.jpg", "image: foto.heic"),
    );
    let run = site.run(&["check", "--now", NOW]);
    assert_eq!(run.code, 1);
    assert_eq!(
        first_error(&run.stderr),
        [
            "content/stories/avonddienst/index.md:8:8: error: `foto.heic`: the photo is HEIC/HEIF (an iPhone photo), which browsers cannot show",
            "  |",
            "8 | image: foto.heic",
            "  |        ^^^^^^^^^",
            "  = hint: convert it to JPEG, e.g. `heif-convert foto.heic foto.jpg` (Debian package libheif-examples), or on the iPhone choose Settings → Camera → Formats → Most Compatible",
        ]
    );
}

#[test]
fn a_truncated_photo_fails_the_build_and_names_the_file() {
    let site = TestSite::new("minimal").in_english();
    let path = site.root.join("content/stories/avonddienst/foto.jpg");
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 3]).unwrap();
    let run = site.run(&["build", "--now", NOW]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        first_error(&run.stderr)[0],
        "content/stories/avonddienst/index.md:8:8: error: the photo cannot be decoded: the JPEG file is truncated (it has no end-of-image marker)"
    );
    assert!(!site.public().exists());
}

#[test]
fn a_huge_image_is_refused_before_decoding() {
    let site = TestSite::new("minimal").in_english();
    // A PNG header that claims 100,000 × 100,000 pixels, and no pixel data.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend_from_slice(&100_000u32.to_be_bytes());
    png.extend_from_slice(&100_000u32.to_be_bytes());
    png.extend_from_slice(&[8, 2, 0, 0, 0]);
    let crc = crc32(&png[12..]);
    png.extend_from_slice(&crc.to_be_bytes());
    for (kind, data) in [
        (&b"IDAT"[..], &b"\x78\x9c\x03\x00\x00\x00\x00\x01"[..]),
        (b"IEND", b""),
    ] {
        png.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut chunk = kind.to_vec();
        chunk.extend_from_slice(data);
        png.extend_from_slice(&chunk);
        png.extend_from_slice(&crc32(&chunk).to_be_bytes());
    }
    std::fs::write(site.root.join("content/stories/avonddienst/groot.png"), png).unwrap();
    site.write(
        "content/stories/avonddienst/index.md",
        &site
            .read("content/stories/avonddienst/index.md")
            .replace("image: foto.jpg", "image: groot.png"),
    );
    let run = site.run(&["check", "--now", NOW]);
    assert_eq!(run.code, 1);
    assert_eq!(
        first_error(&run.stderr)[0],
        "content/stories/avonddienst/index.md:8:8: error: `groot.png`: the photo is 100000×100000 pixels, more than `images.max_pixels` (50000000) allows"
    );
}

/// The lines of the first error: its message, then the source line (`8 | …`), caret and hint.
fn first_error(stderr: &str) -> Vec<&str> {
    let lines: Vec<&str> = stderr.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.contains(": error: "))
        .expect("an error is reported");
    let source_line = |l: &str| {
        l.split_once(" |")
            .is_some_and(|(number, _)| number.chars().all(|c| c.is_ascii_digit()))
    };
    let end = lines[start + 1..]
        .iter()
        .position(|l| !l.starts_with(' ') && !source_line(l))
        .map_or(lines.len(), |i| start + 1 + i);
    lines[start..end].to_vec()
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn raw_html_is_sanitised_with_a_warning() {
    let site = TestSite::new("minimal").in_english();
    site.write(
        "content/pages/privacy.md",
        "---\ntitle: Privacy\n---\n<p onclick=\"steal()\">Hallo</p>\n\n<script>alert(1)</script>\n",
    );
    let run = site.build();
    assert!(run.stderr.contains("content/pages/privacy.md:4:4: warning: raw HTML contains an event handler (`onclick`); it was removed"), "{}", run.stderr);
    let html = site.read("public/privacy/index.html");
    assert!(!html.contains("onclick") && !html.contains("alert(1)"));
    assert_eq!(site.page("/privacy/").text(".prose p"), "Hallo");
}

#[test]
fn configuration_errors_exit_with_two() {
    let site = TestSite::new("minimal").in_english();
    site.write(
        "content/site.yaml",
        &site
            .read("content/site.yaml")
            .replace("primary: \"#0b5394\"", "primary: blauw")
            .replace("base_url:", "base_ulr:"),
    );
    let run = site.run(&["build", "--now", NOW]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "content/site.yaml:3:1: error: unknown key `base_ulr` in site.yaml\n  |\n3 | base_ulr: https://werkenbij.example.nl\n  | ^^^^^^^^\n  = hint: did you mean `base_url`?\nerror: content/site.yaml has 1 problem; nothing was built\n"
    );
}

#[test]
fn usage_errors_exit_with_two() {
    let site = TestSite::new("minimal");
    for (args, message) in [
        (
            vec!["build", "--now", NOW, "--out", "."],
            "error: refusing to write the site into",
        ),
        (
            vec!["build", "--now", NOW, "--out", "content"],
            "error: refusing to write the site into",
        ),
        (
            vec!["build", "--now", NOW, "--out", ".."],
            "error: refusing to write the site into",
        ),
        (
            vec!["build", "--now", "14-06-2026"],
            "error: --now: `14-06-2026` is not a date of the form YYYY-MM-DD\n",
        ),
        (
            vec!["build", "--root", "bestaat-niet"],
            "error: `bestaat-niet` is not a werkenbij site: `content/site.yaml` is missing\n",
        ),
        (vec!["bouw"], "error: unrecognized subcommand 'bouw'"),
    ] {
        let run = site.run(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.starts_with(message), "{args:?}: {}", run.stderr);
    }
    assert!(
        site.root.join("content/site.yaml").exists(),
        "the site is intact"
    );
}
