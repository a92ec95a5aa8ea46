//! Rebuilds into an output that is already there: a build of an unchanged site writes nothing
//! (not even the stamp), an edit writes only the files whose bytes change (the others are the
//! same files, linked from the previous output), and after any sequence of edits the output is
//! byte for byte the output of a clean build of the same site, also when a build rendered only
//! the pages its changes touch. On the example site and on a generated one
//! (`../shared/bench/make_corpus.py`).

mod support;

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use support::{copy_tree, files_below, run_binary, Run, TestSite, NOW};

/// What says a file was (re)written: its inode, modification time and change time.
type FileIds = BTreeMap<String, (u64, i64, i64, i64, i64)>;

fn file_ids(dir: &Path) -> FileIds {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let m = e.metadata().unwrap();
            let relative = e.path().strip_prefix(dir).unwrap();
            (
                relative.to_string_lossy().into_owned(),
                (
                    m.ino(),
                    m.mtime(),
                    m.mtime_nsec(),
                    m.ctime(),
                    m.ctime_nsec(),
                ),
            )
        })
        .collect()
}

/// The example site (`content/` and `static/` of this repository) in a folder of its own.
fn example() -> TestSite {
    let site = TestSite::new("minimal");
    std::fs::remove_dir_all(site.root.join("content")).unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for folder in ["content", "static"] {
        copy_tree(&repo.join(folder), &site.root.join(folder));
    }
    site
}

fn build(site: &TestSite, extra: &[&str]) -> Run {
    let mut args = vec!["build", "--now", NOW];
    args.extend_from_slice(extra);
    let run = site.run(&args);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
    run
}

/// Whether the run said that nothing had changed (the example sites are Dutch).
fn was_unchanged(run: &Run) -> bool {
    let said = format!("{}{}", run.stdout, run.stderr);
    said.contains("er was niets veranderd sinds de vorige keer, er is geen bestand geschreven")
}

/// How many pages the run rendered again, when it kept the others from the previous build.
fn rendered_again(run: &Run) -> Option<usize> {
    let said = format!("{}{}", run.stdout, run.stderr);
    let (before, _) = said.split_once(" pagina's opnieuw gemaakt, de andere ongewijzigd")?;
    before.rsplit(' ').next()?.parse().ok()
}

/// The output of a build of the site as it is now into a new folder (the image cache is the
/// site's: it is content-addressed, and a clean output is what is compared).
fn clean_build(site: &TestSite, extra: &[&str]) -> Vec<(String, Vec<u8>)> {
    clean_run(site, extra).0
}

/// `clean_build`, with its run. What earlier builds parsed (`parsed/` in the image cache) is
/// removed first, so that a build taking it is held against one that parses everything.
fn clean_run(site: &TestSite, extra: &[&str]) -> (Vec<(String, Vec<u8>)>, Run) {
    let parsed = site.root.join(".werkenbij-cache").join("parsed");
    if parsed.exists() {
        std::fs::remove_dir_all(&parsed).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("public");
    let mut args = vec!["build", "--now", NOW, "--out", target.to_str().unwrap()];
    args.extend_from_slice(extra);
    let run = site.run(&args);
    assert_eq!(run.code, 0, "clean build failed:\n{}", run.stderr);
    assert!(!was_unchanged(&run));
    let mut files = files_below(&target);
    files.retain(|(path, _)| path != ".werkenbij-output");
    (files, run)
}

/// The warning and error lines of a run, without the summary (which has the time).
fn diagnostics(run: &Run) -> Vec<String> {
    format!("{}{}", run.stdout, run.stderr)
        .lines()
        .filter(|line| line.contains("warning:") || line.contains("error:"))
        .map(str::to_owned)
        .collect()
}

fn edit(site: &TestSite, relative: &str, from: &str, to: &str) {
    let text = site.read(relative);
    assert!(text.contains(from), "`{from}` is not in {relative}");
    site.write(relative, &text.replacen(from, to, 1));
}

#[test]
fn a_build_of_an_unchanged_site_writes_no_file_and_reports_the_same() {
    let site = example();
    let first = build(&site, &[]);
    assert!(!was_unchanged(&first));
    let before = file_ids(&site.public());
    let record = site.root.join(".public.werkenbij-record");
    let record_before = std::fs::metadata(&record).unwrap().modified().unwrap();

    let again = build(&site, &[]);
    assert!(was_unchanged(&again), "{}", again.stdout);
    assert_eq!(
        file_ids(&site.public()),
        before,
        "no file written, linked or removed"
    );
    assert_eq!(
        std::fs::metadata(&record).unwrap().modified().unwrap(),
        record_before
    );
    assert!(!diagnostics(&first).is_empty(), "the example has warnings");
    assert_eq!(
        diagnostics(&again),
        diagnostics(&first),
        "the same warnings"
    );
    assert_eq!(site.output_files(), clean_build(&site, &[]));
}

#[test]
fn what_the_last_build_parsed_is_taken_only_from_unchanged_text_and_a_broken_store_is_ignored() {
    let site = example();
    build(&site, &[]);
    let parsed = site.root.join(".werkenbij-cache").join("parsed");
    let stored = || -> Vec<PathBuf> {
        let mut files: Vec<_> = (std::fs::read_dir(&parsed).unwrap())
            .map(|entry| entry.unwrap().path())
            .collect();
        files.sort();
        files
    };
    assert!(!stored().is_empty(), "the build keeps what it parsed");

    // A link to a story that is not published: a warning in the body, once parsed and stored.
    let story = "content/stories/achter-de-schermen-op-de-ok.md";
    let garden = "content/stories/de-tuin-van-de-lindehof/index.md";
    let link = "Lees ook [over de OK](../achter-de-schermen-op-de-ok.md).\n\n";
    edit(
        &site,
        garden,
        "In september begin ik",
        &format!("{link}In september begin ik"),
    );
    let line_of = |said: &[String], file: &str| -> u32 {
        let line = said
            .iter()
            .find_map(|line| line.strip_prefix(&format!("{file}:")));
        let line = line.unwrap_or_else(|| panic!("no warning in {file}: {said:#?}"));
        line.split(':').next().unwrap().parse().unwrap()
    };
    let before = line_of(&diagnostics(&build(&site, &[])), garden);

    // A line more above a front-matter warning and above that warning in the body: both move.
    edit(
        &site,
        story,
        "---\n",
        "---\n# Gecontroleerd door communicatie.\n",
    );
    edit(&site, garden, link, &format!("Nog een zin.\n\n{link}"));
    let run = build(&site, &[]);
    let said = diagnostics(&run);
    assert_eq!(line_of(&said, story), 6, "{said:#?}");
    assert_eq!(line_of(&said, garden), before + 2, "{said:#?}");
    let output = site.output_files();
    let (clean, cleanly) = clean_run(&site, &[]);
    assert_eq!(output, clean);
    assert_eq!(said, diagnostics(&cleanly));

    // A store that cannot be read is built anew, and the build is as a clean one.
    build(&site, &[]);
    for file in stored() {
        std::fs::write(file, b"geen opslag").unwrap();
    }
    edit(&site, story, "# Gecontroleerd door communicatie.\n", "");
    let run = build(&site, &[]);
    for file in stored() {
        assert_ne!(
            std::fs::read(&file).unwrap(),
            b"geen opslag",
            "{file:?} is written anew"
        );
    }
    let said = diagnostics(&run);
    assert_eq!(line_of(&said, story), 5, "{said:#?}");
    let output = site.output_files();
    let (clean, cleanly) = clean_run(&site, &[]);
    assert_eq!(output, clean);
    assert_eq!(said, diagnostics(&cleanly));
}

#[test]
fn an_edit_writes_only_the_files_whose_bytes_change() {
    let site = example();
    build(&site, &[]);
    let before = file_ids(&site.public());
    let old_files: BTreeMap<_, _> = site.output_files().into_iter().collect();

    edit(
        &site,
        "content/stories/fysio-op-de-ic.md",
        "\n\n",
        "\n\nEen extra alinea, geschreven na de vorige build.\n\n",
    );
    let run = build(&site, &[]);
    assert!(!was_unchanged(&run));
    let after = file_ids(&site.public());
    let new_files: BTreeMap<_, _> = site.output_files().into_iter().collect();
    let (mut kept, mut rewritten) = (0, Vec::new());
    for (path, bytes) in &new_files {
        let (Some(old), Some(new)) = (before.get(path), after.get(path)) else {
            continue;
        };
        if old_files.get(path) == Some(bytes) {
            // The same inode and modification time: the file was not written again.
            assert_eq!(
                (old.0, old.1, old.2),
                (new.0, new.1, new.2),
                "{path} was rewritten"
            );
            kept += 1;
        } else {
            assert_ne!(old.0, new.0, "{path} changed in place");
            rewritten.push(path.clone());
        }
    }
    assert!(
        rewritten.contains(&"verhalen/fysio-op-de-ic/index.html".to_owned()),
        "{rewritten:?}"
    );
    assert!(
        kept > 10 * rewritten.len(),
        "{kept} kept, {} rewritten: {rewritten:?}",
        rewritten.len()
    );
    assert_eq!(
        new_files.into_iter().collect::<Vec<_>>(),
        clean_build(&site, &[])
    );
}

/// A named change to a site, and whether a build after it may render only what it touched.
type Step<'a> = (&'a str, Rebuild, &'a dyn Fn(&TestSite));

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rebuild {
    /// Only the touched pages are rendered again.
    Touched,
    /// Every page is rendered again: the set of pages, or what all of them share, changed.
    Full,
}

/// After each step the output equals a clean build, and a build right after it writes nothing.
fn steps_keep_a_clean_build(site: &TestSite, steps: &[Step]) {
    build(site, &[]);
    for (name, rebuild, step) in steps {
        step(site);
        let run = build(site, &[]);
        assert!(!was_unchanged(&run), "after {name}: {}", run.stdout);
        let touched = rendered_again(&run);
        assert_eq!(
            touched.map(|_| Rebuild::Touched).unwrap_or(Rebuild::Full),
            *rebuild,
            "after {name}: {}",
            run.stdout
        );
        let (clean, cleanly) = clean_run(site, &[]);
        assert_eq!(site.output_files(), clean, "after {name}");
        assert_eq!(diagnostics(&run), diagnostics(&cleanly), "after {name}");
        let ids = file_ids(&site.public());
        assert!(was_unchanged(&build(site, &[])), "again after {name}");
        assert_eq!(file_ids(&site.public()), ids, "again after {name}");
    }
}

#[test]
fn the_example_stays_a_clean_build_through_a_sequence_of_edits() {
    let story = "content/stories/fysio-op-de-ic.md";
    // A published story, and the vacancy that links it.
    let (deleted, linking) = (
        "content/stories/eten-dat-je-met-je-ogen-proeft.md",
        "content/vacancies/medewerker-keuken.md",
    );
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let kept =
        [deleted, linking].map(|path| (path, std::fs::read_to_string(repo.join(path)).unwrap()));
    let restore = move |site: &TestSite| {
        for (path, text) in &kept {
            site.write(path, text);
        }
    };
    steps_keep_a_clean_build(
        &example(),
        &[
            ("editing a story", Rebuild::Touched, &|site| {
                edit(site, story, "\n\n", "\n\nNog een alinea.\n\n")
            }),
            ("editing an ambassador", Rebuild::Touched, &|site| {
                edit(
                    site,
                    "content/ambassadors/bram-scholten.md",
                    "role: SEH-verpleegkundige",
                    "role: Verpleegkundige spoedeisende hulp",
                )
            }),
            (
                "raising the salary of a vacancy",
                Rebuild::Touched,
                &|site| {
                    edit(
                        site,
                        "content/vacancies/bbl-leerling-verpleegkundige.md",
                        "max: 2785",
                        "max: 2850",
                    )
                },
            ),
            ("moving a vacancy to a new city", Rebuild::Full, &|site| {
                edit(
                    site,
                    "content/vacancies/bbl-leerling-verpleegkundige.md",
                    "city: Utrecht",
                    "city: Bunnik",
                )
            }),
            ("changing the date of a story", Rebuild::Full, &|site| {
                edit(site, story, "date: 2026-09-08", "date: 2026-09-09")
            }),
            ("changing a template of the theme", Rebuild::Full, &|site| {
                site.write(
                    "themes/default/templates/404.html",
                    "{% extends \"base.html\" %}{% block content %}<h1>Niet gevonden</h1>{% endblock content %}",
                )
            }),
            ("deleting a published story", Rebuild::Full, &|site| {
                site.remove(deleted);
                edit(site, linking, ", eten-dat-je-met-je-ogen-proeft]", "]");
            }),
            ("withdrawing a consent", Rebuild::Full, &|site| {
                edit(
                    site,
                    "content/consent.yaml",
                    "  granted: 2025-01-15\n  expires: 2027-01-15\n",
                    "  granted: 2025-01-15\n  expires: 2027-01-15\n  withdrawn: 2026-11-01\n",
                )
            }),
            ("renaming a hashtag", Rebuild::Full, &|site| {
                edit(site, story, "fysiotherapie]", "fysio]")
            }),
            ("changing site.yaml", Rebuild::Full, &|site| {
                edit(
                    site,
                    "content/site.yaml",
                    "MeerDanBillenWassen, Verschilmakers",
                    "Verschilmakers",
                )
            }),
            ("bringing a deleted story back", Rebuild::Full, &restore),
        ],
    );
}

/// A small generated site, or `None` (and a note) when `../shared/bench` is not beside the
/// repository; on CI it must be.
fn generated() -> Option<TestSite> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/make_corpus.py");
    if !script.is_file() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} is missing on CI",
            script.display()
        );
        eprintln!("skipped: {} is not there", script.display());
        return None;
    }
    let site = TestSite::new("minimal");
    std::fs::remove_dir_all(site.root.join("content")).unwrap();
    let status = Command::new("python3")
        .arg(&script)
        .args(["--stories", "60", "--ambassadors", "8", "--vacancies", "10"])
        .args(["--images", "0", "--format", "werkenbij", "--force", "--out"])
        .arg(&site.root)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("python3 runs");
    assert!(status.success());
    Some(site)
}

/// The `n`-th story file of a generated site, relative to its root.
fn nth_story(site: &TestSite, n: usize) -> String {
    let mut stories: Vec<PathBuf> = std::fs::read_dir(site.root.join("content/stories"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    stories.sort();
    let path = stories[n].strip_prefix(&site.root).unwrap().to_owned();
    path.to_string_lossy().into_owned()
}

#[test]
fn a_generated_site_stays_a_clean_build_through_a_sequence_of_edits() {
    let Some(site) = generated() else { return };
    let first = nth_story(&site, 0);
    // A story with a page of its own once built (some are left out for their consent).
    build(&site, &[]);
    let published: Vec<String> = (1..40)
        .map(|n| nth_story(&site, n))
        .filter(|path| {
            let slug = Path::new(path).file_stem().unwrap().to_str().unwrap();
            site.public()
                .join(format!("verhalen/{slug}/index.html"))
                .is_file()
        })
        .collect();
    let (deleted, renamed) = (published[0].clone(), published[1].clone());
    // The consent of a published story's ambassador.
    let third = site.read(&published[2]);
    let consent = third
        .lines()
        .find_map(|l| l.strip_prefix("consent: "))
        .expect("a consent")
        .to_owned();
    steps_keep_a_clean_build(
        &site,
        &[
            ("editing a story", Rebuild::Touched, &|site| {
                edit(site, &first, "\n\n", "\n\nNog een alinea.\n\n")
            }),
            ("deleting a story", Rebuild::Full, &|site| {
                site.remove(&deleted)
            }),
            ("renaming a hashtag", Rebuild::Full, &|site| {
                let story = &renamed;
                let text = site.read(story);
                let hashtag = text
                    .lines()
                    .find_map(|l| l.strip_prefix("hashtags: [\""))
                    .and_then(|rest| rest.split('"').next())
                    .expect("a hashtag")
                    .to_owned();
                site.write(
                    story,
                    &text.replace(&format!("\"{hashtag}\""), "\"hernoemd\""),
                );
            }),
            ("withdrawing a consent", Rebuild::Full, &|site| {
                edit(
                    site,
                    "content/consent.yaml",
                    &format!("{consent}:\n"),
                    &format!("{consent}:\n  withdrawn: 2026-11-01\n"),
                )
            }),
        ],
    );
}

#[test]
fn a_build_that_cannot_trust_the_output_in_place_builds_it_again() {
    let site = example();
    build(&site, &[]);

    // A file changed by hand and one removed: both are put back.
    let public = site.public();
    std::fs::write(public.join("index.html"), "changed by hand").unwrap();
    std::fs::remove_file(public.join("sitemap.xml")).unwrap();
    std::fs::write(public.join("extra.html"), "added by hand").unwrap();
    assert!(!was_unchanged(&build(&site, &[])));
    assert_eq!(site.output_files(), clean_build(&site, &[]));

    // Other options: another output.
    let other = ["--base-url", "https://andere.example.nl/"];
    assert!(!was_unchanged(&build(&site, &other)));
    assert_eq!(site.output_files(), clean_build(&site, &other));
    assert!(was_unchanged(&build(&site, &other)));
    assert!(!was_unchanged(&build(&site, &[])));

    // Another binary (a copy made now has another time): the same bytes, built again.
    let bin = tempfile::tempdir().unwrap();
    let copy = bin.path().join("werkenbij");
    std::fs::copy(env!("CARGO_BIN_EXE_werkenbij"), &copy).unwrap();
    let file = std::fs::File::options().write(true).open(&copy).unwrap();
    file.set_modified(std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1))
        .unwrap();
    drop(file);
    let ids = file_ids(&public);
    let run = run_binary(&copy, &site.root, &["build", "--now", NOW], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!was_unchanged(&run), "another binary builds again");
    let after = file_ids(&public);
    let same_inodes = ids
        .iter()
        .filter(|(path, id)| after.get(*path).is_some_and(|a| a.0 == id.0))
        .count();
    assert!(same_inodes > ids.len() / 2, "equal bytes are still linked");
    assert_eq!(site.output_files(), clean_build(&site, &[]));

    // Without the records (of the output and of the previous one kept beside it), every file is
    // written again.
    for record in [".public.werkenbij-record", ".public.werkenbij-spare-record"] {
        let _ = std::fs::remove_file(site.root.join(record));
    }
    let ids = file_ids(&public);
    assert!(!was_unchanged(&build(&site, &[])));
    let after = file_ids(&public);
    assert!(ids.iter().all(|(path, id)| after[path].0 != id.0));
    assert_eq!(site.output_files(), clean_build(&site, &[]));
}

#[test]
fn a_failed_build_keeps_the_output_and_its_record() {
    let site = example();
    build(&site, &[]);
    let ids = file_ids(&site.public());
    let story = "content/stories/fysio-op-de-ic.md";
    let text = site.read(story);
    site.write(story, &text.replacen("title:", "titel:", 1));
    assert_eq!(site.run(&["build", "--now", NOW]).code, 1);
    assert_eq!(file_ids(&site.public()), ids);
    // Put back as it was: the output in place is that of these inputs again.
    site.write(story, &text);
    assert!(was_unchanged(&build(&site, &[])));
    assert_eq!(file_ids(&site.public()), ids);
}

#[test]
fn the_output_before_the_last_is_kept_beside_and_the_next_build_starts_from_it() {
    let site = example();
    build(&site, &[]);
    let spare = site.root.join(".public.werkenbij-spare");
    assert!(
        !spare.exists(),
        "a first build has no previous output to keep"
    );
    let (story, page) = (
        "content/stories/fysio-op-de-ic.md",
        "verhalen/fysio-op-de-ic/index.html",
    );
    let first = file_ids(&site.public())[page];
    let text = site.read(story);
    edit(&site, story, "\n\n", "\n\nEen alinea voor even.\n\n");
    build(&site, &[]);
    assert!(
        spare.is_dir(),
        "the previous output shares most files: it is kept"
    );
    assert_ne!(file_ids(&site.public())[page].0, first.0);

    // The edit undone: the page has the bytes of the first build, whose file the spare still has.
    site.write(story, &text);
    build(&site, &[]);
    assert_eq!(
        file_ids(&site.public())[page].0,
        first.0,
        "taken from the spare"
    );
    assert_eq!(site.output_files(), clean_build(&site, &[]));

    // A story deleted with the spare in use: its files and folder are gone, not kept from it.
    site.remove("content/stories/eten-dat-je-met-je-ogen-proeft.md");
    edit(
        &site,
        "content/vacancies/medewerker-keuken.md",
        ", eten-dat-je-met-je-ogen-proeft]",
        "]",
    );
    build(&site, &[]);
    assert!(!site
        .public()
        .join("verhalen/eten-dat-je-met-je-ogen-proeft")
        .exists());
    assert_eq!(site.output_files(), clean_build(&site, &[]));

    // A spare changed by hand is not trusted: it is removed, and the build is still right.
    edit(&site, story, "\n\n", "\n\nNog een alinea.\n\n");
    let kept = std::fs::read_dir(&spare).unwrap().count();
    assert!(kept > 0);
    std::fs::write(spare.join("index.html"), "changed by hand").unwrap();
    build(&site, &[]);
    assert_eq!(site.output_files(), clean_build(&site, &[]));
}
