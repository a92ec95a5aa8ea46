//! Faults around the output folder and the image cache: concurrent builds, a build killed at every
//! step, a full disk, read-only folders, a panicking render thread, and `--out` or `--cache-dir`
//! pointed at the wrong folder. The previous output is intact after each, and the next build
//! succeeds.
//!
//! Faults that cannot be made for real without root (a full disk) or at an exact moment (a kill
//! between two renames) use `WERKENBIJ_FAULT`, which only debug builds read
//! (`src/output/fault.rs`). Read-only folders are real: as root, the build runs as `nobody`.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Stdio};

use support::{files_below, TestSite, NOW};

type Files = Vec<(String, Vec<u8>)>;

/// `werkenbij ARGS` in the site folder, as `TestSite::run` runs it.
fn werkenbij(site: &TestSite, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_werkenbij"));
    command
        .args(args)
        .current_dir(&site.root)
        .env_remove("GITHUB_ACTIONS")
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("WERKENBIJ_CACHE")
        .env("NO_COLOR", "1");
    for (key, value) in env {
        command.env(key, value);
    }
    command
}

/// Every file of the site folder, output and cache included.
fn everything(site: &TestSite) -> Files {
    files_below(&site.root)
}

/// The output of a clean build of the site as it is now, in a folder of its own.
fn clean_build(site: &TestSite) -> Files {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("public");
    let run = site.run(&["build", "--now", NOW, "--out", target.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut files = files_below(&target);
    files.retain(|(path, _)| path != ".werkenbij-output");
    files
}

/// Names beside `public/` that a build may leave: only its lock file (and the record of the
/// output, which a build removes before the swap and writes after it, and the previous output
/// kept as the next build's spare, with its record).
fn beside_output(site: &TestSite) -> Vec<String> {
    let kept = [
        ".public.werkenbij-record",
        ".public.werkenbij-spare",
        ".public.werkenbij-spare-record",
    ];
    let mut names: Vec<String> = std::fs::read_dir(&site.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public") && !kept.contains(&n.as_str()))
        .collect();
    names.sort();
    names
}

/// Changes a story, so that a new build differs from the previous output.
fn edit_a_story(site: &TestSite) {
    let story = "content/stories/zeven-clienten.md";
    let text = site.read(story);
    site.write(
        story,
        &text.replace("Pieter vertelt", "Pieter vertelt uitgebreid"),
    );
}

#[test]
fn the_cache_folder_may_not_overlap_the_site_or_the_output() {
    let site = TestSite::new("minimal");
    site.build();
    let before = everything(&site);
    let root = site.root.canonicalize().unwrap();
    let parent = root.parent().unwrap().to_owned();
    let cache = |what: &str, dir: &Path| {
        format!(
            "error: refusing to use `{}` as the image cache: it is {what}\n  = hint: pass a cache folder of its own, e.g. `--cache-dir .werkenbij-cache`\n",
            dir.display()
        )
    };
    let output = |what: &str, dir: &Path| {
        format!(
            "error: refusing to write the site into `{}`: it is {what}, and a build replaces the whole folder\n  = hint: pass an output folder of its own, e.g. `--out public`\n",
            dir.display()
        )
    };
    let public = root.join("public");
    let default_cache = root.join(".werkenbij-cache");
    for (args, expected) in [
        (
            vec!["cache", "prune", "--cache-dir", "content"],
            cache("the `content/` folder", &root.join("content")),
        ),
        (
            vec!["cache", "prune", "--cache-dir", "."],
            cache("the site folder", &root),
        ),
        (
            vec!["cache", "prune", "--cache-dir", ".."],
            cache("a parent of the site folder", &parent),
        ),
        (
            vec!["cache", "prune", "--cache-dir", "static"],
            cache("the `static/` folder", &root.join("static")),
        ),
        (
            vec!["cache", "prune", "--cache-dir", "content/stories"],
            cache("inside `content/`", &root.join("content/stories")),
        ),
        (
            vec!["build", "--now", NOW, "--cache-dir", "public"],
            output("the image cache", &public),
        ),
        (
            vec!["build", "--now", NOW, "--cache-dir", "public/img"],
            output(
                &format!(
                    "a folder that holds the image cache `{}`",
                    public.join("img").display()
                ),
                &public,
            ),
        ),
        (
            vec!["build", "--now", NOW, "--out", ".werkenbij-cache"],
            output("the image cache", &default_cache),
        ),
        (
            vec!["build", "--now", NOW, "--out", ".werkenbij-cache/site"],
            output(
                &format!("inside the image cache `{}`", default_cache.display()),
                &default_cache.join("site"),
            ),
        ),
        (
            vec!["build", "--now", NOW, "--cache-dir", "themes"],
            cache("the `themes/` folder", &root.join("themes")),
        ),
    ] {
        let run = site.run(&args);
        assert_eq!((run.code, run.stderr), (2, expected), "{args:?}");
    }
    assert_eq!(everything(&site), before, "no file changed");
}

#[test]
fn prune_leaves_every_file_that_is_not_a_cache_entry() {
    let site = TestSite::new("minimal").in_english();
    let other = tempfile::tempdir().unwrap();
    let notes = other.path().join("notes");
    for (name, text) in [
        ("a.md", "mine"),
        ("ab/cd.txt", "mine too"),
        ("00/x", "and this"),
    ] {
        let path = notes.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let before = files_below(&notes);
    let run = site.run(&[
        "cache",
        "prune",
        "--now",
        NOW,
        "--cache-dir",
        notes.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("Pruned 0 unused images (0 kB)"),
        "{}",
        run.stderr
    );
    let mut after = files_below(&notes);
    // Only the lock file of `cache prune` is new.
    after.retain(|(path, _)| path != ".werkenbij-lock");
    assert_eq!(after, before);
}

#[test]
fn an_unrelated_folder_is_replaced_only_with_force() {
    let site = TestSite::new("minimal");
    site.write("mine/letter.txt", "keep me");
    let run = site.run(&["build", "--now", NOW, "--out", "mine"]);
    let target = site.root.join("mine");
    assert_eq!(
        (run.code, run.stderr),
        (
            2,
            "error: refusing to replace `mine`: it holds files and is not an earlier werkenbij output (it has no `.werkenbij-output`)\n  = hint: pass a new or empty folder, or add `--force` to replace this one whole\n"
                .to_owned()
        )
    );
    assert_eq!(site.read("mine/letter.txt"), "keep me");
    let run = site.run(&["build", "--now", NOW, "--out", "mine", "--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!target.join("letter.txt").exists());
    assert!(target.join(".werkenbij-output").is_file());
    // Stamped now: no `--force` needed again.
    let run = site.run(&["build", "--now", NOW, "--out", "mine"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn an_output_from_before_the_stamp_is_replaced_as_an_earlier_output() {
    let site = TestSite::new("minimal");
    site.build();
    std::fs::remove_file(site.public().join(".werkenbij-output")).unwrap();
    site.build();
    assert!(site.exists("/.werkenbij-output"));
}

#[test]
fn a_second_build_on_the_same_output_waits_and_never_leaves_a_partial_output() {
    let site = TestSite::new("minimal");
    site.build();
    edit_a_story(&site);
    let expected = clean_build(&site);
    for _ in 0..3 {
        let builds: Vec<_> = (0..2)
            .map(|_| {
                werkenbij(&site, &["build", "--now", NOW], &[])
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for build in builds {
            let output = build.wait_with_output().unwrap();
            assert_eq!(
                output.status.code(),
                Some(0),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
            assert_eq!(site.output_files(), expected, "after one of them ended");
        }
        assert_eq!(beside_output(&site), [".public.werkenbij-lock"]);
    }
}

#[test]
fn a_build_that_cannot_get_the_lock_in_time_stops_with_exit_two() {
    let site = TestSite::new("minimal");
    site.build();
    let before = site.output_files();
    let lock_file = site.root.join(".public.werkenbij-lock");
    let held = std::fs::File::open(&lock_file).unwrap();
    held.lock().unwrap();
    let output = werkenbij(
        &site,
        &["build", "--now", NOW],
        &[("WERKENBIJ_LOCK_WAIT", "0")],
    )
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: another build is running on `public` (it holds `./.public.werkenbij-lock`; waited 0 s)\n  = hint: wait for it to finish and run again, or set `WERKENBIJ_LOCK_WAIT` to the seconds to wait\n"
    );
    assert_eq!(site.output_files(), before);
    // Prune waits for builds on the cache the same way.
    let cache_lock = site.root.join(".werkenbij-cache/.werkenbij-lock");
    let shared = std::fs::File::open(&cache_lock).unwrap();
    shared.lock_shared().unwrap();
    let output = werkenbij(
        &site,
        &["cache", "prune", "--now", NOW],
        &[("WERKENBIJ_LOCK_WAIT", "0")],
    )
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: a build or `serve` is using the image cache `./.werkenbij-cache` (it holds `./.werkenbij-cache/.werkenbij-lock`; waited 0 s)\n  = hint: wait for it to finish and run again, or set `WERKENBIJ_LOCK_WAIT` to the seconds to wait\n"
    );
    drop((held, shared));
    site.build();
}

/// Starts a build that stops at `point` (see `src/output/fault.rs`), kills it there with SIGKILL
/// and returns the output it left.
fn kill_at(site: &TestSite, point: &str) -> Files {
    let fault = format!("hang-at={point}");
    let mut build = werkenbij(
        site,
        &["build", "--now", NOW],
        &[("WERKENBIJ_FAULT", &fault)],
    )
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let mut lines = BufReader::new(build.stderr.take().unwrap()).lines();
    let waiting = format!("werkenbij fault: hanging at {point}");
    let reached = lines.any(|line| line.unwrap() == waiting);
    build.kill().unwrap();
    build.wait().unwrap();
    assert!(reached, "the build never reached {point}");
    site.output_files()
}

/// The output is held against its record when a build takes its lock; a file that an edit's
/// build keeps from it, changed by hand after that, stops the build before anything is swapped in.
#[test]
fn an_output_file_changed_while_an_edit_builds_stops_the_build_and_the_output_stays() {
    let site = TestSite::new("minimal");
    // The same fault in both builds: a build with another fault is never the same build.
    let build_waiting = || {
        werkenbij(
            &site,
            &["build", "--now", NOW],
            &[("WERKENBIJ_FAULT", "wait-at=staging")],
        )
    };
    let first = build_waiting().stdin(Stdio::null()).output().unwrap();
    assert_eq!(first.status.code(), Some(0));
    let kept = "public/privacy/index.html";
    assert!(site.root.join(kept).is_file());
    edit_a_story(&site);
    let mut build = build_waiting()
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(build.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    assert_eq!(line, "werkenbij fault: waiting at staging\n");
    site.write(kept, "<p>Met de hand veranderd</p>\n");
    let by_hand = site.output_files();
    build.stdin.take().unwrap().write_all(b"\n").unwrap();
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    assert_eq!(build.wait().unwrap().code(), Some(2), "{rest}");
    assert!(
        rest.contains("privacy/index.html` changed while the site was being built"),
        "{rest}"
    );
    assert_eq!(site.output_files(), by_hand);
    assert_eq!(beside_output(&site), [".public.werkenbij-lock"]);
    // The next build takes the output as changed by hand, and builds it whole.
    site.build();
    assert_eq!(site.output_files(), clean_build(&site));
}

#[test]
fn a_build_killed_at_any_step_leaves_a_whole_output_and_the_next_build_succeeds() {
    let site = TestSite::new("minimal");
    site.build();
    let previous = site.output_files();
    edit_a_story(&site);
    let next = clean_build(&site);
    assert_ne!(previous, next);
    for point in ["staging", "write-1", "write-40", "swap"] {
        assert_eq!(kill_at(&site, point), previous, "killed at {point}");
    }
    // Killed after the swap: the new output is whole and in place.
    assert_eq!(kill_at(&site, "cleanup"), next, "killed at cleanup");
    site.build();
    assert_eq!(site.output_files(), next);
    assert_eq!(beside_output(&site), [".public.werkenbij-lock"]);
}

#[test]
fn a_build_killed_while_it_starts_from_the_previous_output_kept_beside_leaves_a_whole_output() {
    let site = TestSite::new("minimal");
    site.build();
    edit_a_story(&site);
    site.build();
    let spare = site.root.join(".public.werkenbij-spare");
    assert!(spare.is_dir(), "the build before is kept beside");
    let previous = site.output_files();
    let story = "content/stories/zeven-clienten.md";
    let text = site.read(story);
    site.write(story, &text.replace("uitgebreid", "heel uitgebreid"));
    let next = clean_build(&site);
    assert_ne!(previous, next);
    // The first kill after the staging folder was made takes the spare with it.
    for point in ["write-1", "write-40", "swap"] {
        assert_eq!(kill_at(&site, point), previous, "killed at {point}");
    }
    assert_eq!(kill_at(&site, "cleanup"), next, "killed at cleanup");
    site.build();
    assert_eq!(site.output_files(), next);
    assert_eq!(beside_output(&site), [".public.werkenbij-lock"]);
}

#[test]
fn a_build_killed_after_any_delay_leaves_a_whole_output() {
    let site = TestSite::new("minimal");
    site.build();
    let previous = site.output_files();
    edit_a_story(&site);
    let next = clean_build(&site);
    for millis in [20, 80, 200, 400, 800] {
        let mut build = werkenbij(&site, &["build", "--now", NOW], &[])
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(millis));
        let _ = build.kill();
        build.wait().unwrap();
        let left = site.output_files();
        assert!(left == previous || left == next, "killed after {millis} ms");
    }
    site.build();
    assert_eq!(site.output_files(), next);
}

#[test]
fn a_full_disk_fails_the_build_and_keeps_the_previous_output() {
    let site = TestSite::new("minimal");
    site.build();
    let previous = site.output_files();
    edit_a_story(&site);
    let output = werkenbij(
        &site,
        &["build", "--now", NOW],
        &[("WERKENBIJ_FAULT", "full-disk-after=10")],
    )
    .output()
    .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("error: cannot access `./.public.werkenbij-staging/"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with(": No space left on device (werkenbij fault)\n"),
        "{stderr}"
    );
    assert_eq!(site.output_files(), previous);
    assert_eq!(beside_output(&site), [".public.werkenbij-lock"]);
}

#[test]
fn a_panicking_render_thread_is_an_error_and_keeps_the_previous_output() {
    let site = TestSite::new("minimal");
    site.build();
    let previous = site.output_files();
    edit_a_story(&site);
    let output = werkenbij(
        &site,
        &["build", "--now", NOW],
        &[(
            "WERKENBIJ_FAULT",
            "panic-at=verhalen/zeven-clienten/index.html",
        )],
    )
    .output()
    .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.ends_with("error: internal error: a thread of the build panicked: werkenbij fault: panic writing `verhalen/zeven-clienten/index.html`; nothing was written, the previous output is untouched\n  = hint: this is a bug in werkenbij; please report it with the message above\n"),
        "{stderr}"
    );
    assert_eq!(site.output_files(), previous);
    assert_eq!(beside_output(&site), [".public.werkenbij-lock"]);
}

/// The uid files made by this process get: 0 when the tests run as root.
fn my_uid() -> u32 {
    tempfile::tempfile().unwrap().metadata().unwrap().uid()
}

const NOBODY: u32 = 65534;

/// `werkenbij ARGS` as a user that file permissions hold: as root, as `nobody` (owning the whole
/// temporary folder), else as this user.
fn as_plain_user(site: &TestSite, args: &[&str]) -> Command {
    if my_uid() != 0 {
        return werkenbij(site, args, &[]);
    }
    let top = site.root.parent().unwrap();
    for entry in walkdir::WalkDir::new(top) {
        std::os::unix::fs::lchown(entry.unwrap().path(), Some(NOBODY), Some(NOBODY)).unwrap();
    }
    let mut command = Command::new("setpriv");
    command
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_werkenbij"))
        .args(args)
        .current_dir(&site.root)
        .env_remove("GITHUB_ACTIONS")
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("WERKENBIJ_CACHE")
        .env("NO_COLOR", "1");
    command
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A build as a plain user with `folder` at `mode` (set back to 0o755 after): its exit code and
/// what it printed on stderr.
fn build_with_mode(site: &TestSite, folder: &Path, mode: u32) -> (Option<i32>, String) {
    set_mode(folder, mode);
    let output = as_plain_user(site, &["build", "--now", NOW])
        .output()
        .unwrap();
    set_mode(folder, 0o755);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code(), stderr)
}

#[test]
fn a_read_only_output_fails_before_the_build_and_keeps_the_previous_output() {
    let site = TestSite::new("minimal");
    site.build();
    let previous = site.output_files();
    edit_a_story(&site);
    for shown in ["public", "public/verhalen"] {
        let (code, stderr) = build_with_mode(&site, &site.root.join(shown), 0o555);
        assert_eq!(code, Some(2));
        assert_eq!(
            stderr,
            format!(
                "error: cannot replace the output `public`: `{shown}` is not writable (Permission denied (os error 13))\n  = hint: make it writable, or pass another `--out`\n"
            )
        );
        assert_eq!(site.output_files(), previous);
        assert_eq!(beside_output(&site), [".public.werkenbij-lock"]);
    }
    // The folder that holds the output: no staging folder, no swap.
    let (code, stderr) = build_with_mode(&site, &site.root, 0o555);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: cannot replace the output `public`: `.` is not writable (Permission denied (os error 13))\n  = hint: make it writable, or pass another `--out`\n"
    );
    assert_eq!(site.output_files(), previous);
}

#[test]
fn an_unreadable_folder_of_the_output_is_named_and_the_output_kept() {
    let site = TestSite::new("minimal");
    site.build();
    let previous = site.output_files();
    let (code, stderr) = build_with_mode(&site, &site.root.join("public/verhalen"), 0o000);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: cannot access `public/verhalen`: Permission denied (os error 13)\n"
    );
    assert_eq!(site.output_files(), previous);
}

#[test]
fn prune_on_a_read_only_cache_fails_and_keeps_every_entry() {
    let site = TestSite::new("minimal");
    site.build();
    // An entry no build uses any more, in a fan folder made read-only.
    let cache = site.root.join(".werkenbij-cache");
    let stale = cache.join("ff").join("f".repeat(62));
    std::fs::create_dir_all(stale.parent().unwrap()).unwrap();
    std::fs::write(&stale, "stale").unwrap();
    let before = files_below(&cache);
    set_mode(stale.parent().unwrap(), 0o555);
    let output = as_plain_user(&site, &["cache", "prune", "--now", NOW])
        .output()
        .unwrap();
    set_mode(stale.parent().unwrap(), 0o755);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "error: cannot access `./.werkenbij-cache/ff/{}`: Permission denied (os error 13)\n",
            "f".repeat(62)
        )
    );
    assert_eq!(files_below(&cache), before);
}
