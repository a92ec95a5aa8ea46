//! The CI examples in `examples/ci/` are valid YAML and wire up what docs/publishing.md promises.

use std::path::Path;

fn load(relative: &str) -> serde_yaml::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let text = std::fs::read_to_string(&path).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

fn uses(job: &serde_yaml::Value) -> Vec<String> {
    job["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|step| step["uses"].as_str().map(str::to_owned))
        .collect()
}

fn runs(job: &serde_yaml::Value) -> Vec<String> {
    job["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|step| step["run"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn github_checks_pull_requests_and_publishes_to_pages_nightly() {
    let workflow = load("examples/ci/github/werkenbij.yml");
    // `on` is read as a boolean key by YAML 1.1 parsers, as a string by 1.2 ones.
    let on = &workflow["on"];
    assert!(on["pull_request"].is_null() && on.get("pull_request").is_some());
    assert_eq!(on["schedule"][0]["cron"], "5 23 * * *");
    let jobs = &workflow["jobs"];
    assert_eq!(jobs["check"]["if"], "github.event_name == 'pull_request'");
    assert!(runs(&jobs["check"]).contains(&"werkenbij check --drafts".to_owned()));
    assert!(runs(&jobs["build"]).contains(&"werkenbij build".to_owned()));
    let build_uses = uses(&jobs["build"]);
    for action in [
        "actions/configure-pages@v5",
        "actions/upload-pages-artifact@v3",
        "actions/cache@v4",
    ] {
        assert!(build_uses.contains(&action.to_owned()), "{action}");
    }
    let cached: Vec<&str> = jobs["build"]["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|s| s["with"]["path"].as_str())
        .collect();
    assert!(cached.contains(&".werkenbij-cache/"));
    assert_eq!(uses(&jobs["deploy"]), ["actions/deploy-pages@v4"]);
    assert_eq!(jobs["deploy"]["permissions"]["pages"], "write");
    assert_eq!(jobs["deploy"]["permissions"]["id-token"], "write");
}

#[test]
fn gitlab_checks_merge_requests_and_publishes_pages() {
    let pipeline = load("examples/ci/gitlab/.gitlab-ci.yml");
    assert_eq!(pipeline["check"]["script"][0], "werkenbij check --drafts");
    assert_eq!(
        pipeline["check"]["rules"][0]["if"],
        "$CI_PIPELINE_SOURCE == \"merge_request_event\""
    );
    assert_eq!(pipeline["pages"]["script"][0], "werkenbij build");
    assert_eq!(pipeline["pages"]["artifacts"]["paths"][0], "public");
    assert_eq!(
        pipeline["default"]["cache"][1]["paths"][0],
        ".werkenbij-cache/"
    );
}
