//! The CI examples in `examples/ci/` are valid YAML and wire up what docs/publishing.md promises,
//! and their install step really installs a release archive made by `scripts/package-release`
//! (the script the release workflow uses) from a local stand-in for the release server.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load(relative: &str) -> serde_yaml::Value {
    let text = std::fs::read_to_string(repo().join(relative)).unwrap();
    // The GitHub example shares its install step between jobs with a YAML anchor (`&install`).
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

fn steps(job: &serde_yaml::Value) -> &Vec<serde_yaml::Value> {
    job["steps"].as_sequence().unwrap()
}

fn uses(job: &serde_yaml::Value) -> Vec<String> {
    let used = steps(job).iter().filter_map(|s| s["uses"].as_str());
    used.map(str::to_owned).collect()
}

fn runs(job: &serde_yaml::Value) -> Vec<String> {
    let run = steps(job).iter().filter_map(|s| s["run"].as_str());
    run.map(str::to_owned).collect()
}

fn step<'a>(job: &'a serde_yaml::Value, name: &str) -> &'a serde_yaml::Value {
    let found = steps(job).iter().find(|s| s["name"] == name);
    found.unwrap_or_else(|| panic!("no step `{name}`"))
}

#[test]
fn github_checks_and_previews_pull_requests_and_publishes_to_pages_nightly() {
    let workflow = load("examples/ci/github/werkenbij.yml");
    // `on` is read as a boolean key by YAML 1.1 parsers, as a string by 1.2 ones.
    let on = &workflow["on"];
    assert!(on["pull_request"].is_null() && on.get("pull_request").is_some());
    assert_eq!(on["schedule"][0]["cron"], "5 23 * * *");
    let jobs = &workflow["jobs"];
    assert_eq!(jobs["check"]["if"], "github.event_name == 'pull_request'");
    assert!(runs(&jobs["check"]).contains(&"werkenbij check --drafts".to_owned()));
    assert_eq!(jobs["preview"]["if"], "github.event_name == 'pull_request'");
    let preview = step(&jobs["preview"], "Build the preview")["run"]
        .as_str()
        .unwrap();
    assert!(
        preview.starts_with("werkenbij build --drafts --base-url"),
        "{preview}"
    );
    assert!(uses(&jobs["preview"]).contains(&"actions/upload-artifact@v4".to_owned()));
    assert!(runs(&jobs["build"]).contains(&"werkenbij build".to_owned()));
    let build_uses = uses(&jobs["build"]);
    for action in [
        "actions/configure-pages@v5",
        "actions/upload-pages-artifact@v3",
        "actions/cache@v4",
    ] {
        assert!(build_uses.contains(&action.to_owned()), "{action}");
    }
    let cached: Vec<&str> = steps(&jobs["build"])
        .iter()
        .filter_map(|s| s["with"]["path"].as_str())
        .collect();
    assert!(cached.contains(&".werkenbij-cache/"));
    assert_eq!(uses(&jobs["deploy"]), ["actions/deploy-pages@v4"]);
    assert_eq!(jobs["deploy"]["permissions"]["pages"], "write");
    assert_eq!(jobs["deploy"]["permissions"]["id-token"], "write");
}

#[test]
fn github_jobs_install_the_same_pinned_release_cached_by_version() {
    let workflow = load("examples/ci/github/werkenbij.yml");
    let script = github_install_script(&workflow);
    for name in ["check", "preview", "build"] {
        let job = &workflow["jobs"][name];
        assert_eq!(step(job, "Install werkenbij")["run"], script, "{name}");
        let key = step(job, "Cache werkenbij")["with"]["key"]
            .as_str()
            .unwrap();
        assert!(
            key.ends_with("-${{ env.WERKENBIJ_VERSION }}"),
            "{name}: {key}"
        );
        assert!(!key.contains("main"), "{name}: {key}");
    }
    assert!(
        !script.contains("--branch"),
        "a moving branch is never installed"
    );
    let env = &workflow["env"];
    assert_eq!(env["WERKENBIJ_REPOSITORY"], env!("CARGO_PKG_REPOSITORY"));
    assert_eq!(env["WERKENBIJ_VERSION"], VERSION);
    let pipeline = load("examples/ci/gitlab/.gitlab-ci.yml");
    let variables = &pipeline["variables"];
    assert_eq!(
        variables["WERKENBIJ_REPOSITORY"],
        env!("CARGO_PKG_REPOSITORY")
    );
    assert_eq!(variables["WERKENBIJ_VERSION"], VERSION);
}

#[test]
fn gitlab_checks_and_previews_merge_requests_and_publishes_pages() {
    let pipeline = load("examples/ci/gitlab/.gitlab-ci.yml");
    let merge_request = "$CI_PIPELINE_SOURCE == \"merge_request_event\"";
    assert_eq!(pipeline["check"]["script"][0], "werkenbij check --drafts");
    assert_eq!(pipeline["check"]["rules"][0]["if"], merge_request);
    assert_eq!(pipeline["preview"]["rules"][0]["if"], merge_request);
    assert_eq!(
        pipeline["preview"]["pages"]["path_prefix"],
        "mr-$CI_MERGE_REQUEST_IID"
    );
    assert_eq!(
        pipeline["preview"]["script"][0],
        "werkenbij build --drafts --base-url \"$CI_PAGES_URL/mr-$CI_MERGE_REQUEST_IID/\""
    );
    assert_eq!(pipeline["pages"]["script"][0], "werkenbij build");
    assert_eq!(pipeline["pages"]["artifacts"]["paths"][0], "public");
    let caches = &pipeline["default"]["cache"];
    assert_eq!(caches[0]["key"], "werkenbij-$WERKENBIJ_VERSION");
    assert_eq!(caches[1]["paths"][0], ".werkenbij-cache/");
}

#[test]
fn codeowners_makes_communications_the_reviewer_of_content() {
    let text = std::fs::read_to_string(repo().join("examples/ci/CODEOWNERS")).unwrap();
    let owners = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .find(|l| l.split_whitespace().next() == Some("/content/"));
    let owners = owners.expect("a rule for /content/");
    assert!(owners.contains("@zorggroep/communicatie"), "{owners}");
}

fn github_install_script(workflow: &serde_yaml::Value) -> String {
    let check = &workflow["jobs"]["check"];
    step(check, "Install werkenbij")["run"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn gitlab_install_script() -> String {
    let pipeline = load("examples/ci/gitlab/.gitlab-ci.yml");
    pipeline["default"]["before_script"][0]
        .as_str()
        .unwrap()
        .to_owned()
}

/// A folder with a release made by `scripts/package-release` from the binary under test, served
/// at `/releases/download/vVERSION/` as GitHub serves a release's files.
struct Release {
    dir: tempfile::TempDir,
    url: String,
    sha256: String,
    requests: std::sync::mpsc::Receiver<String>,
}

const VERSION: &str = env!("CARGO_PKG_VERSION");
const TARGET: &str = "x86_64-unknown-linux-musl";

fn release() -> Release {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    // A stand-in that answers `--version` as werkenbij does: packing the real (debug) binary
    // would gzip hundreds of megabytes per test.
    let binary = dir.path().join("werkenbij");
    write_executable(&binary, &format!("echo 'werkenbij {VERSION}'"));
    let packed = Command::new(repo().join("scripts/package-release"))
        .arg(&binary)
        .args([TARGET, VERSION])
        .arg(&dist)
        .output()
        .unwrap();
    assert!(packed.status.success(), "{}", stderr(&packed));
    let sums = std::fs::read_to_string(dist.join("SHA256SUMS")).unwrap();
    let name = format!("werkenbij-{VERSION}-{TARGET}.tar.gz");
    let line = sums.lines().find(|l| l.ends_with(&name)).unwrap();
    let sha256 = line.split_whitespace().next().unwrap().to_owned();

    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let url = format!("http://{}", server.server_addr().to_ip().unwrap());
    let (sent, requests) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let path = request.url().to_owned();
            let _ = sent.send(path.clone());
            let prefix = format!("/releases/download/v{VERSION}/");
            let file = path.strip_prefix(&prefix).map(|f| dist.join(f));
            match file.and_then(|f| std::fs::File::open(f).ok()) {
                Some(file) => request.respond(tiny_http::Response::from_file(file)),
                None => request.respond(tiny_http::Response::empty(404)),
            }
            .unwrap();
        }
    });
    Release {
        dir,
        url,
        sha256,
        requests,
    }
}

/// Runs an install script as the CI runner would, with `cargo` replaced by a stand-in that
/// records its arguments (compiling werkenbij from source is what the fallback does, not what a
/// test should).
fn install(script: &str, release: &Release, sha256: &str) -> (Output, PathBuf) {
    let home = release.dir.path().join("home");
    let tools = release.dir.path().join("tools");
    std::fs::create_dir_all(&tools).unwrap();
    let log = release.dir.path().join("cargo.log");
    write_executable(
        &tools.join("cargo"),
        &format!("echo \"$@\" >>{}", log.display()),
    );
    let path = format!("{}:{}", tools.display(), std::env::var("PATH").unwrap());
    let output = Command::new("bash")
        .args(["-c", script])
        .env("HOME", &home)
        .env("CI_PROJECT_DIR", &home)
        .env("PATH", path)
        .env("WERKENBIJ_VERSION", VERSION)
        .env("WERKENBIJ_SHA256_X86_64", sha256)
        .env("WERKENBIJ_SHA256_AARCH64", "")
        .env("WERKENBIJ_REPOSITORY", &release.url)
        .env_remove("GITHUB_PATH")
        .output()
        .unwrap();
    (output, home.join(".local/bin/werkenbij"))
}

/// A shell script at `path` that runs `body`.
fn write_executable(path: &Path, body: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn cargo_calls(release: &Release) -> String {
    std::fs::read_to_string(release.dir.path().join("cargo.log")).unwrap_or_default()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Both examples' install steps, where they can run: they download the x86_64 archive on an
/// x86_64 Linux machine.
fn install_scripts() -> Option<[String; 2]> {
    if !cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        return None;
    }
    let workflow = load("examples/ci/github/werkenbij.yml");
    Some([github_install_script(&workflow), gitlab_install_script()])
}

#[test]
fn install_step_downloads_the_pinned_archive_and_then_uses_the_cache() {
    let Some(scripts) = install_scripts() else {
        return;
    };
    for script in scripts {
        let release = release();
        let (first, binary) = install(&script, &release, &release.sha256);
        assert!(
            first.status.success(),
            "{}{}",
            stdout(&first),
            stderr(&first)
        );
        let version = Command::new(&binary).arg("--version").output().unwrap();
        assert_eq!(stdout(&version).trim(), format!("werkenbij {VERSION}"));
        assert_eq!(cargo_calls(&release), "", "nothing is compiled");
        let name = format!("werkenbij-{VERSION}-{TARGET}.tar.gz");
        let asked: Vec<String> = release.requests.try_iter().collect();
        assert_eq!(asked, [format!("/releases/download/v{VERSION}/{name}")]);

        let (again, _) = install(&script, &release, &release.sha256);
        assert!(again.status.success());
        assert!(stdout(&again).contains(&format!("werkenbij {VERSION} is cached")));
        assert_eq!(release.requests.try_iter().count(), 0, "the cache is used");
    }
}

#[test]
fn install_step_refuses_an_archive_whose_checksum_differs() {
    let Some(scripts) = install_scripts() else {
        return;
    };
    for script in scripts {
        let release = release();
        let wrong = "0".repeat(64);
        let (output, binary) = install(&script, &release, &wrong);
        assert_eq!(output.status.code(), Some(1));
        assert!(
            stdout(&output).contains(&format!("does not have the pinned SHA256 {wrong}")),
            "{}",
            stdout(&output)
        );
        assert!(!binary.exists(), "nothing is installed");
        assert_eq!(cargo_calls(&release), "", "no fallback after a mismatch");
    }
}

#[test]
fn install_step_compiles_the_pinned_version_when_no_checksum_is_pinned() {
    let Some(scripts) = install_scripts() else {
        return;
    };
    for script in scripts {
        let release = release();
        let (output, _) = install(&script, &release, "");
        // The stand-in cargo installs nothing, so the closing `--version` fails; what matters is
        // what was asked of cargo, and that nothing was downloaded.
        let calls = cargo_calls(&release);
        let home = release.dir.path().join("home");
        assert_eq!(
            calls.trim(),
            format!(
                "install --locked --root {}/.local --git {} --tag v{VERSION} werkenbij",
                home.display(),
                release.url
            ),
            "{}",
            stdout(&output)
        );
        assert_eq!(release.requests.try_iter().count(), 0);
    }
}
