//! `werkenbij audit` on the built example site: the clean output passes, and a copy broken in each
//! way the audit knows fails with exit 1 and one exact line per finding.

mod support;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use support::{files_below, Run, NOW};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// One image cache for every test here, so the example's photos are made once.
fn cache() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("audit-cache")
}

fn werkenbij(dir: &Path, args: &[&str]) -> Run {
    let root = repo().to_string_lossy().into_owned();
    let cache = cache().to_string_lossy().into_owned();
    let mut all = args.to_vec();
    all.extend(["--root", &root, "--now", NOW, "--cache-dir", &cache]);
    support::run_in(dir, &all, &[])
}

/// The example site built once (into a folder of this test binary's own); each test audits a
/// copy of it in `public/` of a new temporary folder.
struct Built {
    dir: tempfile::TempDir,
}

fn built_example() -> Built {
    static ONCE: OnceLock<tempfile::TempDir> = OnceLock::new();
    let first = ONCE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let run = werkenbij(dir.path(), &["build", "--out", "public"]);
        assert_eq!(run.code, 0, "the example builds:\n{}", run.stderr);
        dir
    });
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (relative, bytes) in files_below(&first.path().join("public")) {
        let target = dir.path().join("public").join(relative);
        std::fs::create_dir_all(target.parent().expect("a folder")).expect("a folder");
        std::fs::write(target, bytes).expect("a copy");
    }
    Built { dir }
}

impl Built {
    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join("public").join(relative)
    }

    fn append(&self, relative: &str, text: &str) {
        let mut page = std::fs::read_to_string(self.path(relative)).expect("a page");
        page = page.replacen("</main>", &format!("{text}</main>"), 1);
        std::fs::write(self.path(relative), page).expect("the page is written");
    }

    fn audit(&self) -> Run {
        werkenbij(self.dir.path(), &["audit", "--out", "public"])
    }

    /// The files of the site, without the stamp that marks the folder as an output.
    fn files(&self) -> usize {
        files_below(&self.dir.path().join("public"))
            .iter()
            .filter(|(path, _)| path != ".werkenbij-output")
            .count()
    }

    /// Exit 1 and exactly `findings`, then the summary line.
    fn assert_findings(&self, findings: &[&str]) {
        let run = self.audit();
        let mut expected: Vec<String> = findings.iter().map(|f| f.to_string()).collect();
        expected.push(format!(
            // The example is a Dutch site: the summary is in Dutch (the findings are in English).
            "error: {} bevinding{} in {} bestanden van public; publiceer dit niet",
            findings.len(),
            if findings.len() == 1 { "" } else { "en" },
            self.files()
        ));
        assert_eq!(run.stderr.lines().collect::<Vec<_>>(), expected);
        assert_eq!(run.code, 1);
    }
}

#[test]
fn the_built_example_passes_the_audit() {
    let built = built_example();
    let run = built.audit();
    assert_eq!(
        run.stderr,
        format!(
            "{} bestanden in public gecontroleerd: geen bevindingen\n",
            built.files()
        )
    );
    assert_eq!(run.code, 0);
}

#[test]
fn a_copied_source_file_is_not_produced_from_published_content() {
    let built = built_example();
    std::fs::copy(
        repo().join("content/stories/fysio-op-de-ic.md"),
        built.path("fysio-op-de-ic.md"),
    )
    .expect("a copy");
    built.assert_findings(&["public/fysio-op-de-ic.md: not produced from published content: remove it (a build into an empty folder leaves it out)"]);
}

#[test]
fn the_copied_consent_register_is_found_with_the_people_it_names() {
    let built = built_example();
    std::fs::copy(
        repo().join("content/consent.yaml"),
        built.path("consent.yaml"),
    )
    .expect("a copy");
    built.assert_findings(&[
        "public/consent.yaml: not produced from published content: remove it (a build into an empty folder leaves it out)",
        "public/consent.yaml: trace of ambassador `karim-haddou`, which its consent keeps off the website: slug",
        "public/consent.yaml: trace of ambassador `sophie-dekker`, which its consent keeps off the website: slug",
    ]);
}

/// `jpeg` with an APP1 EXIF segment right after its start marker.
fn with_exif(jpeg: &[u8]) -> Vec<u8> {
    let exif = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\0";
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(u16::try_from(exif.len() + 2).unwrap().to_be_bytes());
    out.extend(exif);
    out.extend(&jpeg[2..]);
    out
}

#[test]
fn a_photo_with_exif_is_image_metadata() {
    let built = built_example();
    let photo = files_below(&built.path(""))
        .into_iter()
        .find(|(path, _)| path.starts_with("img/") && path.ends_with(".jpg"))
        .expect("a photo variant");
    std::fs::write(built.path(&photo.0), with_exif(&photo.1)).expect("the photo is written");
    built.assert_findings(&[&format!("public/{}: image metadata: EXIF", photo.0)]);
}

#[test]
fn the_title_of_a_story_whose_consent_was_withdrawn_is_a_trace() {
    let built = built_example();
    built.append("index.html", "<p>Achter de schermen op de OK</p>");
    built.assert_findings(&["public/index.html: trace of story `achter-de-schermen-op-de-ok`, which its consent keeps off the website: title"]);
}

#[test]
fn an_undeclared_email_address_and_phone_number_are_found() {
    let built = built_example();
    built.append(
        "verhalen/index.html",
        "<p>Mail j.jansen@gmail.com of bel 06-12345678</p>",
    );
    built.assert_findings(&[
        "public/verhalen/index.html: e-mail address `j.jansen@gmail.com` is not declared in site.yaml, a page or a vacancy contact",
        "public/verhalen/index.html: phone number `06-12345678` is not declared in site.yaml, a page or a vacancy contact",
    ]);
}

#[test]
fn an_image_or_stylesheet_from_another_host_is_found() {
    let built = built_example();
    built.append(
        "index.html",
        r#"<img src="https://tracker.example.com/pixel.gif" alt=""><link rel="stylesheet" href="//cdn.example.com/a.css">"#,
    );
    built.assert_findings(&[
        "public/index.html: loads `//cdn.example.com/a.css` from another host (link rel=stylesheet)",
        "public/index.html: loads `https://tracker.example.com/pixel.gif` from another host (img src)",
    ]);
}

#[test]
fn build_with_audit_fails_on_a_static_photo_with_exif() {
    let site = support::TestSite::new("minimal");
    let photo =
        std::fs::read(site.root.join("content/stories/avonddienst/foto.jpg")).expect("a photo");
    std::fs::write(site.root.join("static/team.jpg"), with_exif(&photo)).expect("a static file");
    let run = site.run(&["build", "--now", NOW, "--audit"]);
    let last: Vec<&str> = run.stderr.lines().rev().take(2).collect();
    assert_eq!(
        last,
        [
            format!(
                "error: 1 bevinding in {} bestanden van public; publiceer dit niet",
                site.output_files().len()
            )
            .as_str(),
            "public/team.jpg: image metadata: EXIF, XMP, comment",
        ]
    );
    assert_eq!(run.code, 1);
}
