//! Links to a `#fragment` (issue 13): the id must be on the target page, else a warning at the
//! link that names the link and the fragment, with the nearest ids as a hint.

mod support;

use support::{TestSite, NOW};

const STORY: &str = "content/stories/zeven-clienten.md";

/// The fixture's story with `body` added to its text.
fn site_with(body: &str) -> TestSite {
    let site = TestSite::new("minimal");
    let text = site.read(STORY);
    site.write(STORY, &format!("{text}\n## Wat ga je doen?\n\n{body}\n"));
    site
}

/// The printed diagnostics of `stderr` about `path`, each with the lines under it.
fn diagnostics_of(stderr: &str, path: &str) -> String {
    let mut out = Vec::new();
    let mut inside = false;
    for line in stderr.lines() {
        if line.starts_with(path) {
            inside = true;
        } else if !line.starts_with([' ', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) {
            inside = false;
        }
        if inside {
            out.push(line);
        }
    }
    out.join("\n")
}

#[test]
fn a_link_to_a_missing_fragment_is_a_warning_with_the_nearest_ids() {
    let site = site_with(
        "Lees [de overdracht](avonddienst/index.md#overdracht-2) en [hier](#wat-ga-je-doe).\n\
         Zie [de tabel](/verhalen/avonddienst/#tabel) en [privacy](../pages/privacy.md#cookies).",
    )
    .in_english();
    let run = site.run(&["check", "--verbose", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        diagnostics_of(&run.stderr, STORY),
        "\
content/stories/zeven-clienten.md:13:6: warning: link to `avonddienst/index.md#overdracht-2` names `#overdracht-2`, which is not an id on `/verhalen/avonddienst/`
   |
13 | Lees [de overdracht](avonddienst/index.md#overdracht-2) en [hier](#wat-ga-je-doe).
   |      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
   = hint: did you mean `#overdracht-1`?
content/stories/zeven-clienten.md:13:60: warning: link to `#wat-ga-je-doe` names `#wat-ga-je-doe`, which is not an id on this page
   |
13 | Lees [de overdracht](avonddienst/index.md#overdracht-2) en [hier](#wat-ga-je-doe).
   |                                                            ^^^^^^^^^^^^^^^^^^^^^^
   = hint: did you mean `#wat-ga-je-doen`?
content/stories/zeven-clienten.md:14:5: warning: link to `/verhalen/avonddienst/#tabel` names `#tabel`, which is not an id on `/verhalen/avonddienst/`
   |
14 | Zie [de tabel](/verhalen/avonddienst/#tabel) en [privacy](../pages/privacy.md#cookies).
   |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
   = hint: ids on that page include `#overdracht`, `#overdracht-1`
content/stories/zeven-clienten.md:14:49: warning: link to `../pages/privacy.md#cookies` names `#cookies`, which is not an id on `/privacy/`
   |
14 | Zie [de tabel](/verhalen/avonddienst/#tabel) en [privacy](../pages/privacy.md#cookies).
   |                                                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
   = hint: the page's text has no headings to link to: link to the page without `#…`, or add the heading"
    );
    assert!(
        run.stderr.ends_with("Checked: no errors (6 warnings)\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn links_to_ids_that_exist_pass_and_keep_their_fragment() {
    let site = site_with(
        "Lees [de tweede overdracht](avonddienst/index.md#overdracht-1), [hier](#wat-ga-je-doen),\n\
         [de inhoud](/verhalen/avonddienst/#inhoud), [een anker](#anker) en [meer](#more).\n\n\
         <p id=\"anker\">Anker.</p>",
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(diagnostics_of(&run.stderr, STORY), "", "{}", run.stderr);
    let page = site.page("/verhalen/zeven-clienten/");
    let hrefs: Vec<String> = page
        .select("main a")
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    for expected in [
        "/verhalen/avonddienst/#overdracht-1",
        "#wat-ga-je-doen",
        "/verhalen/avonddienst/#inhoud",
        "#anker",
        "#more",
    ] {
        assert!(
            hrefs.iter().any(|h| h == expected),
            "{expected} in {hrefs:?}"
        );
    }
}
