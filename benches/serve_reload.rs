//! Time from saving a story to the reload event of `werkenbij serve`, median of 20 edits.
//!
//! `cargo bench --bench serve_reload` times the example site; set `WERKENBIJ_BENCH_SITE=DIR` to
//! time another site folder too (e.g. a corpus from `shared/bench/make_corpus.py`). The site is
//! copied into a temporary folder first; nothing of it is changed.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const EDITS: usize = 20;
const NOW: &str = "2026-11-23";

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn copy_tree(from: &Path, to: &Path) {
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

/// The first story file whose page is published (an edit to a left-out story changes no page).
fn first_published_story(root: &Path, address: &str) -> PathBuf {
    let mut stories: Vec<PathBuf> = std::fs::read_dir(root.join("content/stories"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    stories.sort();
    stories
        .into_iter()
        .find(|story| {
            let slug = story.file_stem().unwrap().to_string_lossy();
            status(address, &format!("/verhalen/{slug}/")) == "200"
        })
        .expect("a published story file")
}

fn status(address: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    let _ = std::io::Read::read_to_string(&mut stream, &mut response);
    response.split(' ').nth(1).unwrap_or("").to_owned()
}

fn read_line(events: &mut BufReader<TcpStream>, line: &mut String) {
    line.clear();
    let read = events.read_line(line).expect("the event stream stays open");
    assert!(read > 0, "the event stream closed");
}

/// Whether a line of the server's log says a rebuild is done (in English or Dutch).
fn is_rebuild(line: &str) -> bool {
    line.starts_with("Rebuilt ") || line.contains(" opnieuw gebouwd ")
}

fn time_site(name: &str, source: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    for part in ["content", "static", "themes"] {
        if source.join(part).is_dir() {
            copy_tree(&source.join(part), &root.join(part));
        }
    }
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_werkenbij"))
        .args(["serve", "--port", "0", "--now", NOW])
        .current_dir(&root)
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take();
    let _server = Server(child);
    let stderr = stderr.expect("stderr is piped");
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = sender.send(line);
        }
    });
    // The address comes first (in the site's language), then the first build's diagnostics and
    // the line that says it is done.
    let next = || {
        receiver
            .recv_timeout(Duration::from_secs(600))
            .expect("serve starts")
    };
    let first = next();
    let (_, rest) = first
        .split_once("http://")
        .expect("the first line is the address");
    let address = rest.split('/').next().unwrap().to_owned();
    loop {
        let line = next();
        if is_rebuild(&line) {
            break;
        }
    }
    let first_build = started.elapsed();

    let mut stream = TcpStream::connect(&address).unwrap();
    write!(
        stream,
        "GET /__werkenbij/events HTTP/1.1\r\nHost: {address}\r\n\r\n"
    )
    .unwrap();
    let mut events = BufReader::new(stream);
    let mut line = String::new();
    while line.trim_end() != ": connected" {
        read_line(&mut events, &mut line);
    }

    let story = first_published_story(&root, &address);
    let original = std::fs::read_to_string(&story).unwrap();
    let mut times = Vec::with_capacity(EDITS);
    // The server logs one line per rebuild, in the site's language; the last one says how many
    // pages it rendered. Each edit must give exactly one rebuild: a save seen as two would time
    // the first, half-written one.
    let mut last_rebuild = String::new();
    let mut rebuilds = 0;
    for edit in 0..EDITS {
        let text = format!("{original}\nBewerking {edit}.\n");
        let saved = Instant::now();
        std::fs::write(&story, text).unwrap();
        while line.trim_end() != "event: reload" {
            read_line(&mut events, &mut line);
        }
        times.push(saved.elapsed());
        // The event's data line.
        read_line(&mut events, &mut line);
        // Quiet before the next edit: every rebuild of this one logged, no reload event pending.
        while let Ok(logged) = receiver.recv_timeout(Duration::from_millis(300)) {
            if is_rebuild(&logged) {
                rebuilds += 1;
                last_rebuild = logged;
            }
        }
        events
            .get_ref()
            .set_read_timeout(Some(Duration::from_millis(50)))
            .unwrap();
        let mut pending = String::new();
        while events.read_line(&mut pending).is_ok_and(|n| n > 0) {
            assert_ne!(
                pending.trim_end(),
                "event: reload",
                "edit {edit} reloaded twice"
            );
            pending.clear();
        }
        events.get_ref().set_read_timeout(None).unwrap();
    }
    assert_eq!(rebuilds, EDITS, "one rebuild per edit");
    times.sort();
    let median = (times[EDITS / 2 - 1] + times[EDITS / 2]) / 2;
    let stories = std::fs::read_dir(root.join("content/stories"))
        .unwrap()
        .count();
    println!(
        "{name}: {stories} stories; first build {:.2} s; save → reload event: median {:.1} ms (min {:.1}, max {:.1}) over {EDITS} edits; last: {last_rebuild}",
        first_build.as_secs_f64(),
        median.as_secs_f64() * 1000.0,
        times[0].as_secs_f64() * 1000.0,
        times[EDITS - 1].as_secs_f64() * 1000.0,
    );
}

fn main() {
    // `cargo test --benches` runs benches in test mode: do nothing then.
    if std::env::args().any(|a| a == "--test") {
        return;
    }
    time_site("example site", Path::new(env!("CARGO_MANIFEST_DIR")));
    if let Some(dir) = std::env::var_os("WERKENBIJ_BENCH_SITE") {
        time_site(&dir.to_string_lossy(), Path::new(&dir));
    }
}
