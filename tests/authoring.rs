//! `new` and `init`: the files they write parse and build, and they refuse to overwrite.

mod support;

use support::{TestSite, NOW};

#[test]
fn a_new_story_has_every_key_filled_from_its_ambassador_and_builds_as_a_draft() {
    let site = TestSite::new("minimal");
    let run = site.run(&[
        "new",
        "story",
        "Özlem's eerste dag",
        "--ambassador",
        "anneke-van-t-hof",
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "Wrote content/stories/ozlems-eerste-dag.md\n");
    let text = site.read("content/stories/ozlems-eerste-dag.md");
    for key in werkenbij_story_keys() {
        let active = text.lines().any(|l| l.starts_with(&format!("{key}:")));
        let commented = text.lines().any(|l| l.starts_with(&format!("# {key}:")));
        assert!(active || commented, "`{key}` is missing:\n{text}");
    }
    assert!(text.contains("\ndate: 2026-11-23\n"));
    assert!(text.contains("\nconsent: TF-2026-0001\n"));
    assert!(text.contains("\nrole: \"IC-verpleegkundige\"\n"), "{text}");
    assert!(text.contains("\ndraft: true\n"));
    assert!(text.contains("# de kop van het verhaal"));

    // It builds: left out as a draft, shown with a banner in a preview build.
    site.build();
    assert!(!site.exists("/verhalen/ozlems-eerste-dag/"));
    let run = site.run(&["build", "--drafts", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.page("/verhalen/ozlems-eerste-dag/");
    assert_eq!(page.text("h1"), "Özlem's eerste dag");
    assert_eq!(
        page.text(".preview-banner"),
        "Concept: deze pagina is niet gepubliceerd."
    );
}

fn werkenbij_story_keys() -> [&'static str; 20] {
    [
        "title",
        "date",
        "ambassador",
        "consent",
        "summary",
        "hashtags",
        "role",
        "department",
        "location",
        "image",
        "image_alt",
        "image_focus",
        "people_in_photo",
        "quote",
        "vacancies",
        "share",
        "utm",
        "publish",
        "draft",
        "aliases",
    ]
}

#[test]
fn a_bundle_story_goes_into_its_own_folder() {
    let site = TestSite::new("minimal");
    let args = [
        "new",
        "story",
        "met-foto",
        "--ambassador",
        "pieter-bakker",
        "--bundle",
        "--now",
        NOW,
    ];
    let run = site.run(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site
        .root
        .join("content/stories/met-foto/index.md")
        .is_file());
    let again = site.run(&args);
    assert_eq!(again.code, 2);
    assert_eq!(
        again.stderr,
        "error: `content/stories/met-foto/index.md` already exists; nothing was written\n  = hint: pick another name, or edit the existing file\n"
    );
}

#[test]
fn new_refuses_to_overwrite_and_names_unknown_ambassadors() {
    let site = TestSite::new("minimal");
    let before = site.read("content/stories/zeven-clienten.md");
    let run = site.run(&[
        "new",
        "story",
        "zeven-clienten",
        "--ambassador",
        "pieter-bakker",
    ]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: `content/stories/zeven-clienten.md` already exists; nothing was written\n  = hint: pick another name, or edit the existing file\n"
    );
    assert_eq!(site.read("content/stories/zeven-clienten.md"), before);

    let run = site.run(&["new", "story", "iets", "--ambassador", "pieter-baker"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: there is no ambassador `pieter-baker` in `content/ambassadors/`\n  = hint: did you mean `pieter-bakker`?\n"
    );
    assert!(!site.root.join("content/stories/iets.md").exists());
}

#[test]
fn a_new_ambassador_folds_the_name_into_its_id_and_finds_its_consent() {
    let site = TestSite::new("minimal");
    let register = site.read("content/consent.yaml");
    site.write(
        "content/consent.yaml",
        &format!("{register}TF-2026-0099:\n  subject: ozlem-yilmaz\n  scope: [website, social]\n  granted: 2026-01-12\n"),
    );
    let run = site.run(&["new", "ambassador", "Özlem Yılmaz", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "Wrote content/ambassadors/ozlem-yilmaz.md\n");
    let text = site.read("content/ambassadors/ozlem-yilmaz.md");
    assert!(text.contains("\nname: \"Özlem Yılmaz\"\n"), "{text}");
    assert!(text.contains("\nconsent: TF-2026-0099\n"), "{text}");
    site.build();
    let page = site.page("/ambassadeurs/ozlem-yilmaz/");
    assert_eq!(page.text("h1"), "Özlem Yılmaz");

    // A story for her next: filled from her file.
    let run = site.run(&["new", "story", "fietsen", "--ambassador", "ozlem-yilmaz"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site
        .read("content/stories/fietsen.md")
        .contains("\nconsent: TF-2026-0099\n"));
    let run = site.run(&["check", "--drafts", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_new_ambassador_without_consent_says_what_to_add() {
    let site = TestSite::new("minimal");
    let run = site.run(&["new", "ambassador", "jan-de-boer"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stderr,
        "Wrote content/ambassadors/jan-de-boer.md\nnote: add a consent record with `subject: jan-de-boer` to content/consent.yaml and put its reference in `consent`\n"
    );
    assert!(site
        .read("content/ambassadors/jan-de-boer.md")
        .contains("\nname: \"Jan De Boer\"\n"));
}

#[test]
fn a_new_vacancy_builds_and_opens_for_thirty_days() {
    let site = TestSite::new("minimal");
    let run = site.run(&["new", "vacancy", "Verpleegkundige IC", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = site.read("content/vacancies/verpleegkundige-ic.md");
    assert!(text.contains("\nvalid_through: 2026-12-23\n"), "{text}");
    for key in [
        "title",
        "date",
        "valid_through",
        "department",
        "role",
        "location",
        "hours_per_week",
        "salary",
        "employment_type",
        "apply_url",
        "direct_apply",
        "remote",
        "contact",
        "hashtags",
        "identifier",
        "stories",
        "draft",
    ] {
        let active = text.lines().any(|l| l.starts_with(&format!("{key}:")));
        let commented = text.lines().any(|l| l.starts_with(&format!("# {key}:")));
        assert!(active || commented, "`{key}` is missing:\n{text}");
    }
    let run = site.run(&["build", "--drafts", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        site.page("/vacatures/verpleegkundige-ic/").text("h1"),
        "Verpleegkundige IC"
    );
}

#[test]
fn the_title_is_the_argument_and_slug_overrides_the_name_made_from_it() {
    let site = TestSite::new("minimal");
    let title = "Mijn eerste nachtdienst bij De Linde";
    let run = site.run(&["new", "story", title, "--ambassador", "anneke-van-t-hof"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "Wrote content/stories/mijn-eerste-nachtdienst-bij-de-linde.md\n"
    );
    let text = site.read("content/stories/mijn-eerste-nachtdienst-bij-de-linde.md");
    assert!(text.contains(&format!("\ntitle: \"{title}\"\n")), "{text}");

    let run = site.run(&[
        "new",
        "story",
        "Één nacht op de IC",
        "--slug",
        "Nacht IC",
        "--ambassador",
        "anneke-van-t-hof",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "Wrote content/stories/nacht-ic.md\n");
    let text = site.read("content/stories/nacht-ic.md");
    assert!(text.contains("\ntitle: \"Één nacht op de IC\"\n"), "{text}");

    // A URL name typed as the argument names the file; the title is left to fill in.
    let run = site.run(&["new", "vacancy", "zorgassistent"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = site.read("content/vacancies/zorgassistent.md");
    assert!(text.contains("\ntitle: \"Functietitel\"\n"), "{text}");

    let run = site.run(&[
        "new",
        "story",
        "Nog een",
        "--slug",
        "!!",
        "--ambassador",
        "anneke-van-t-hof",
    ]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: `!!` gives an empty story name\n  = hint: use letters or digits, e.g. `nachtdienst-op-de-ic`\n"
    );
}

#[test]
fn init_makes_a_site_that_builds_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("nieuw");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_werkenbij"))
        .arg("init")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0));
    assert!(target.join("content/site.yaml").is_file());
    assert!(target
        .join("content/stories/nachtdienst-op-de-ic/index.md")
        .is_file());
    assert!(!target.join("themes").exists());
    let build = std::process::Command::new(env!("CARGO_BIN_EXE_werkenbij"))
        .args(["build", "--now", NOW])
        .current_dir(&target)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert_eq!(build.status.code(), Some(0), "{stderr}");
    assert!(target
        .join("public/verhalen/nachtdienst-op-de-ic/index.html")
        .is_file());
}

#[test]
fn init_with_theme_copies_the_theme_and_refuses_a_folder_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("met-thema");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_werkenbij"))
        .arg("init")
        .arg(&target)
        .arg("--with-theme")
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0));
    assert!(target.join("themes/default/templates/story.html").is_file());
    assert!(target.join("themes/default/theme.yaml").is_file());

    let again = std::process::Command::new(env!("CARGO_BIN_EXE_werkenbij"))
        .arg("init")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&again.stderr),
        format!(
            "error: `{}` is not empty; nothing was written\n  = hint: pick a new or empty folder, e.g. `werkenbij init werkenbij-site`\n",
            target.display()
        )
    );
}

/// The example has drafts and scheduled stories, which a preview counts on hashtag cards: `cache
/// prune` must keep the published build's cards, or every build after it draws them again.
#[test]
fn prune_after_a_build_of_the_example_removes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let werkenbij = |args: &[&str]| {
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_werkenbij"))
            .args(args)
            .current_dir(&site)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
        assert_eq!(run.status.code(), Some(0), "{args:?}: {stderr}");
        stderr.lines().last().unwrap_or_default().to_owned()
    };
    let init = std::process::Command::new(env!("CARGO_BIN_EXE_werkenbij"))
        .arg("init")
        .arg(&site)
        .output()
        .unwrap();
    assert_eq!(init.status.code(), Some(0));
    let built = werkenbij(&["build", "--now", NOW]);
    // The example is a Dutch site: the summaries are in Dutch.
    assert!(built.contains(" afbeeldingen (0 uit de cache) "), "{built}");
    let pruned = werkenbij(&["cache", "prune", "--now", NOW]);
    assert!(
        pruned.starts_with("0 ongebruikte afbeeldingen (0 kB) uit "),
        "{pruned}"
    );
    let again = werkenbij(&["build", "--now", NOW]);
    let images = again
        .split(" afbeeldingen (")
        .next()
        .unwrap()
        .rsplit(' ')
        .next()
        .unwrap();
    assert!(
        again.contains(&format!(" {images} afbeeldingen ({images} uit de cache) ")),
        "{again}"
    );
}
