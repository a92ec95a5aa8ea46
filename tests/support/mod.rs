//! `TestSite`: a fixture copied into a temporary folder, built with the real binary, and its pages
//! parsed with scraper.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use scraper::{Html, Selector};

/// The build date every test uses, so consent expiry cannot rot a test.
pub const NOW: &str = "2026-11-23";

pub struct TestSite {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl TestSite {
    pub fn new(fixture: &str) -> TestSite {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path().join("site");
        let source = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(fixture);
        copy_tree(&source, &root);
        TestSite { _dir: dir, root }
    }

    /// The same site with `language: en` in its `site.yaml`: for tests of the English messages
    /// (the fixtures are Dutch sites, and messages follow the site's language).
    pub fn in_english(self) -> TestSite {
        let config = self.read("content/site.yaml");
        let english = match config.lines().find(|l| l.starts_with("language:")) {
            Some(line) => config.replacen(line, "language: en", 1),
            None => format!("language: en\n{config}"),
        };
        self.write("content/site.yaml", &english);
        self
    }

    pub fn write(&self, relative: &str, text: &str) {
        let path = self.root.join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn remove(&self, relative: &str) {
        std::fs::remove_file(self.root.join(relative)).unwrap();
    }

    pub fn remove_dir(&self, relative: &str) {
        std::fs::remove_dir_all(self.root.join(relative)).unwrap();
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.root.join(relative)).unwrap()
    }

    /// Runs `werkenbij ARGS` in the site folder, without CI or colour settings of the caller.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }

    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        run_in(&self.root, args, env)
    }

    /// `werkenbij build --now NOW` into `public/`; panics with stderr when it fails.
    pub fn build(&self) -> Run {
        let run = self.run(&["build", "--now", NOW]);
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        run
    }

    pub fn public(&self) -> PathBuf {
        self.root.join("public")
    }

    pub fn exists(&self, site_path: &str) -> bool {
        self.public()
            .join(site_path.trim_start_matches('/'))
            .exists()
    }

    /// The page at a site path (`/verhalen/x/`), parsed.
    pub fn page(&self, site_path: &str) -> Page {
        let mut file = self.public().join(site_path.trim_start_matches('/'));
        if site_path.ends_with('/') {
            file = file.join("index.html");
        }
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        Page {
            html: Html::parse_document(&text),
        }
    }

    /// Every output file, relative path → bytes, sorted; without the stamp `.werkenbij-output`,
    /// which marks the folder rather than being part of the site (`serve` has none).
    pub fn output_files(&self) -> Vec<(String, Vec<u8>)> {
        let mut files = files_below(&self.public());
        files.retain(|(path, _)| path != ".werkenbij-output");
        files
    }
}

/// Runs `werkenbij ARGS` in `dir` with `env` added, without a terminal on stdin and without CI or
/// colour settings of the caller.
pub fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    run_binary(Path::new(env!("CARGO_BIN_EXE_werkenbij")), dir, args, env)
}

/// `run_in` with another werkenbij executable (a copy of it, for a test of a changed binary).
pub fn run_binary(binary: &Path, dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(binary);
    command
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::null())
        .env_remove("GITHUB_ACTIONS")
        .env_remove("SOURCE_DATE_EPOCH")
        .env("NO_COLOR", "1");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().expect("the werkenbij binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

pub fn files_below(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (relative, std::fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

pub struct Page {
    pub html: Html,
}

impl Page {
    pub fn select(&self, css: &str) -> Vec<scraper::ElementRef<'_>> {
        let selector = Selector::parse(css).unwrap_or_else(|_| panic!("bad selector {css}"));
        self.html.select(&selector).collect()
    }

    /// The `content` of `<meta property=…>` or `<meta name=…>`.
    pub fn meta(&self, key: &str) -> Option<String> {
        let by_property = format!("meta[property=\"{key}\"]");
        let by_name = format!("meta[name=\"{key}\"]");
        self.select(&by_property)
            .into_iter()
            .chain(self.select(&by_name))
            .next()
            .and_then(|e| e.value().attr("content").map(str::to_owned))
    }

    pub fn attr(&self, css: &str, attribute: &str) -> Option<String> {
        self.select(css)
            .first()
            .and_then(|e| e.value().attr(attribute).map(str::to_owned))
    }

    pub fn text(&self, css: &str) -> String {
        self.select(css)
            .first()
            .map(|e| e.text().collect::<String>())
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn texts(&self, css: &str) -> Vec<String> {
        self.select(css)
            .iter()
            .map(|e| {
                e.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// The JSON-LD of the page, parsed.
    pub fn json_ld(&self) -> Option<serde_json::Value> {
        let script = self
            .select("script[type=\"application/ld+json\"]")
            .into_iter()
            .next()?;
        Some(serde_json::from_str(&script.text().collect::<String>()).expect("JSON-LD parses"))
    }
}
