//! `werkenbij serve` for real: the binary on a free loopback port, fetched over HTTP, with a story
//! edited, broken and fixed while it runs. Every wait polls with a deadline; nothing sleeps.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use scraper::{Html, Selector};
use support::{TestSite, NOW};

const DEADLINE: Duration = Duration::from_secs(60);

struct Server {
    child: Child,
    address: String,
    log: mpsc::Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(site: &TestSite) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_werkenbij"))
        .args(["serve", "--port", "0", "--now", NOW])
        .current_dir(&site.root)
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("the werkenbij binary starts");
    let stderr = child.stderr.take();
    let (sender, receiver) = mpsc::channel();
    let mut server = Server {
        child,
        address: String::new(),
        log: receiver,
    };
    let stderr = stderr.expect("stderr is piped");
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = sender.send(line);
        }
    });
    // The address is the first line, before anything the first build says (the fixture is a
    // Dutch site, and its first build has warnings).
    let first = server
        .log
        .recv_timeout(DEADLINE)
        .expect("serve prints its address before the deadline");
    let rest = first
        .strip_prefix("De site staat op http://")
        .unwrap_or_else(|| panic!("the first line of serve is its address: {first}"));
    server.address = rest.split('/').next().unwrap().to_owned();
    server
}

struct Fetched {
    status: u16,
    body: String,
}

fn get(server: &Server, path: &str) -> Fetched {
    let mut stream = TcpStream::connect(&server.address).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.address
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    Fetched {
        status,
        body: body.to_owned(),
    }
}

fn select(html: &str, css: &str) -> Vec<String> {
    let html = Html::parse_document(html);
    let selector = Selector::parse(css).unwrap();
    html.select(&selector)
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .collect()
}

/// An open event stream, as a browser tab holds it.
struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    fn open(server: &Server) -> Events {
        Events::open_at(server, "/__werkenbij/events")
    }

    fn open_at(server: &Server, path: &str) -> Events {
        let mut stream = TcpStream::connect(&server.address).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {}\r\n\r\n",
            server.address
        )
        .unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(500)))
            .unwrap();
        let mut events = Events {
            reader: BufReader::new(stream),
        };
        events.until(|line| line == ": connected");
        events
    }

    /// Reads lines until one passes `wanted`, before the deadline.
    fn until(&mut self, wanted: impl Fn(&str) -> bool) -> String {
        let started = Instant::now();
        let mut line = String::new();
        while started.elapsed() < DEADLINE {
            line.clear();
            match self.reader.read_line(&mut line) {
                Ok(0) => panic!("the event stream closed"),
                Ok(_) if wanted(line.trim_end()) => return line.trim_end().to_owned(),
                Ok(_) => {}
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(e) => panic!("reading events: {e}"),
            }
        }
        panic!("no matching event before the deadline");
    }

    /// The data of the next reload event.
    fn reload(&mut self) -> Vec<String> {
        self.until(|line| line == "event: reload");
        let data = self.until(|line| line.starts_with("data: "));
        serde_json::from_str(data.trim_start_matches("data: ")).unwrap()
    }
}

#[test]
fn serve_rebuilds_reloads_and_shows_errors_until_fixed() {
    let site = TestSite::new("minimal");
    let server = start(&site);
    let story = "/verhalen/zeven-clienten/";

    let page = get(&server, story);
    assert_eq!(page.status, 200);
    assert_eq!(select(&page.body, "h1"), ["Zeven cliënten voor de lunch"]);
    let script = Html::parse_document(&page.body)
        .select(&Selector::parse("script[src=\"/__werkenbij/reload.js\"]").unwrap())
        .count();
    assert_eq!(script, 1, "the reload script is injected");
    assert_eq!(get(&server, "/__werkenbij/reload.js").status, 200);
    // Drafts and scheduled stories are shown, with their banner.
    let scheduled = get(&server, "/verhalen/kerst-op-de-ic/");
    assert_eq!(scheduled.status, 200);
    assert_eq!(
        select(&scheduled.body, ".preview-banner"),
        ["Gepland voor 25 december 2026"]
    );

    let mut events = Events::open(&server);
    let original = site.read("content/stories/zeven-clienten.md");
    site.write(
        "content/stories/zeven-clienten.md",
        &original.replace(
            "title: Zeven cliënten voor de lunch",
            "title: Acht cliënten voor de lunch",
        ),
    );
    let changed = events.reload();
    assert!(changed.contains(&story.to_owned()), "{changed:?}");
    assert_eq!(
        select(&get(&server, story).body, "h1"),
        ["Acht cliënten voor de lunch"]
    );

    site.write(
        "content/stories/zeven-clienten.md",
        &original.replace("consent: TF-2026-0002", "consnet: TF-2026-0002"),
    );
    assert_eq!(events.reload(), ["*"]);
    let broken = get(&server, story);
    assert_eq!(broken.status, 500);
    // The error page is in the site's language; the place and `error:` stay as they are.
    let messages = select(&broken.body, "pre");
    assert!(
        messages.iter().any(|m| m.starts_with(
            "content/stories/zeven-clienten.md:5:1: error: onbekende sleutel `consnet` in een verhaal\n"
        )),
        "{messages:?}"
    );
    assert_eq!(select(&broken.body, "h1"), ["1 fout in de inhoud"]);

    site.write("content/stories/zeven-clienten.md", &original);
    assert_eq!(events.reload(), ["*"]);
    let fixed = get(&server, story);
    assert_eq!(fixed.status, 200);
    assert_eq!(select(&fixed.body, "h1"), ["Zeven cliënten voor de lunch"]);
    assert_eq!(get(&server, "/bestaat-niet/").status, 404);
    assert_eq!(get(&server, "/verhalen").status, 301);
    stop_with_ctrl_c(server);
}

#[test]
fn a_site_in_a_folder_is_served_below_it_with_its_reload_script() {
    let site = TestSite::new("minimal");
    let yaml = site.read("content/site.yaml").replace(
        "base_url: https://werkenbij.example.nl\n",
        "base_url: https://example.github.io/werkenbij/\n",
    );
    site.write("content/site.yaml", &yaml);
    let server = start(&site);
    let story = "/werkenbij/verhalen/zeven-clienten/";
    let page = get(&server, story);
    assert_eq!(page.status, 200);
    let html = Html::parse_document(&page.body);
    let count = |css: &str| html.select(&Selector::parse(css).unwrap()).count();
    assert_eq!(count("script[src=\"/werkenbij/__werkenbij/reload.js\"]"), 1);
    assert_eq!(count(".site-nav a[href=\"/werkenbij/verhalen/\"]"), 1);
    assert_eq!(get(&server, "/werkenbij/__werkenbij/reload.js").status, 200);
    assert_eq!(get(&server, "/werkenbij/css/werkenbij.css").status, 200);
    assert_eq!(get(&server, "/").status, 301);
    assert_eq!(get(&server, "/verhalen/zeven-clienten/").status, 404);

    let mut events = Events::open_at(&server, "/werkenbij/__werkenbij/events");
    let original = site.read("content/stories/zeven-clienten.md");
    site.write(
        "content/stories/zeven-clienten.md",
        &original.replace(
            "title: Zeven cliënten voor de lunch",
            "title: Acht cliënten voor de lunch",
        ),
    );
    // The paths the browser has open: below the folder, as `location.pathname` reads them.
    let changed = events.reload();
    assert!(changed.contains(&story.to_owned()), "{changed:?}");
    stop_with_ctrl_c(server);
}

/// Ctrl-C (SIGINT) stops the server cleanly: exit code 0, with a last line saying so.
#[cfg(unix)]
fn stop_with_ctrl_c(mut server: Server) {
    let pid = server.child.id().to_string();
    let sent = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(sent.success());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(started.elapsed() < DEADLINE, "serve did not stop on Ctrl-C");
        // Waiting for the process: wake up on its next log line, or look again shortly.
        let _ = server.log.recv_timeout(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0));
}

#[cfg(not(unix))]
fn stop_with_ctrl_c(_server: Server) {}

#[test]
fn a_port_in_use_is_a_clear_usage_error() {
    let site = TestSite::new("minimal");
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let run = site.run(&["serve", "--port", &port, "--now", NOW]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        format!("error: port {port} on 127.0.0.1 is already in use\n  = hint: stop the other server, or pick another port with `--port 1112` (`--port 0` picks a free one)\n")
    );
}

#[test]
fn build_output_has_no_reload_script() {
    let site = TestSite::new("minimal");
    site.build();
    let selector = Selector::parse("script[src^=\"/__werkenbij\"]").unwrap();
    let mut pages = 0;
    for (path, bytes) in site.output_files() {
        if path.ends_with(".html") {
            let html = Html::parse_document(&String::from_utf8_lossy(&bytes));
            assert_eq!(html.select(&selector).count(), 0, "{path}");
            pages += 1;
        }
    }
    assert!(pages > 5);
}

fn options(site: &TestSite) -> werkenbij::Options {
    werkenbij::Options {
        root: site.root.clone(),
        out: site.root.join("public"),
        drafts: true,
        base_url: None,
        today: werkenbij::base::date::Day::parse(NOW).unwrap(),
        mode: werkenbij::Mode::Build,
        cache_dir: None,
        progress: false,
        force: false,
        lock_wait: std::time::Duration::from_secs(60),
    }
}

#[test]
fn a_rebuild_renders_only_what_a_story_touches_and_equals_a_full_build() {
    let site = TestSite::new("minimal");
    let options = options(&site);
    let live = werkenbij::serve::live::Live::default();
    let first = werkenbij::serve::rebuild::rebuild(&options, &live).unwrap();
    assert!(first.full);
    assert!(!first.diagnostics.has_errors());
    // What serve holds in memory is what a preview build writes to disk.
    let run = site.run(&["build", "--drafts", "--now", NOW]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let on_disk: std::collections::BTreeMap<String, Vec<u8>> =
        site.output_files().into_iter().collect();
    assert_eq!(live.files(), on_disk);

    let original = site.read("content/stories/zeven-clienten.md");
    site.write(
        "content/stories/zeven-clienten.md",
        &original.replace("Pieter vertelt", "Pieter vertelt uitgebreid"),
    );
    live.forget(std::path::Path::new("content/stories/zeven-clienten.md"));
    let second = werkenbij::serve::rebuild::rebuild(&options, &live).unwrap();
    assert!(!second.full);
    assert!(
        second.rendered < first.rendered,
        "{} of {}",
        second.rendered,
        first.rendered
    );
    // The story's page, and the Atom feed that carries its text.
    assert_eq!(
        second.changed,
        ["verhalen/feed.xml", "verhalen/zeven-clienten/index.html"]
    );

    let (memory, _) = werkenbij::serve::rebuild::build_in_memory(&options).unwrap();
    assert_same_files(&live.files(), &memory.into_files());

    // A new title reaches every page, kit and card that shows the story, and still equals a full
    // build (the card is drawn again, the vacancies ranked beside it stay in step).
    site.write(
        "content/stories/zeven-clienten.md",
        &original.replace(
            "title: Zeven cliënten voor de lunch",
            "title: Acht cliënten voor de lunch",
        ),
    );
    live.forget(std::path::Path::new("content/stories/zeven-clienten.md"));
    let retitled = werkenbij::serve::rebuild::rebuild(&options, &live).unwrap();
    assert!(!retitled.full);
    assert!(
        retitled
            .changed
            .contains(&"og/verhalen/zeven-clienten.jpg".to_owned()),
        "{:?}",
        retitled.changed
    );
    let (memory, _) = werkenbij::serve::rebuild::build_in_memory(&options).unwrap();
    assert_same_files(&live.files(), &memory.into_files());
    // Back and forth: both cards are in the image cache now, and each rebuild must show the one
    // its title draws, not the one it showed before.
    for text in [
        original.clone(),
        original.replace(
            "title: Zeven cliënten voor de lunch",
            "title: Acht cliënten voor de lunch",
        ),
        original.clone(),
    ] {
        site.write("content/stories/zeven-clienten.md", &text);
        live.forget(std::path::Path::new("content/stories/zeven-clienten.md"));
        let again = werkenbij::serve::rebuild::rebuild(&options, &live).unwrap();
        assert!(!again.full);
        assert!(again
            .changed
            .contains(&"og/verhalen/zeven-clienten.jpg".to_owned()));
        let (memory, _) = werkenbij::serve::rebuild::build_in_memory(&options).unwrap();
        assert_same_files(&live.files(), &memory.into_files());
    }

    // A new story changes the set of pages: everything is rendered again, and still equal.
    site.write(
        "content/stories/nieuw-verhaal.md",
        &original.replace(
            "title: Zeven cliënten voor de lunch",
            "title: Nieuw verhaal",
        ),
    );
    let third = werkenbij::serve::rebuild::rebuild(&options, &live).unwrap();
    assert!(third.full);
    assert!(third
        .changed
        .contains(&"verhalen/nieuw-verhaal/index.html".to_owned()));
    let (memory, _) = werkenbij::serve::rebuild::build_in_memory(&options).unwrap();
    assert_same_files(&live.files(), &memory.into_files());
}

#[test]
fn a_body_kept_between_rebuilds_is_rendered_again_when_its_link_target_goes() {
    let site = TestSite::new("minimal");
    let options = options(&site);
    let live = werkenbij::serve::live::Live::default();
    werkenbij::serve::rebuild::rebuild(&options, &live).unwrap();
    let story = "content/stories/zeven-clienten.md";
    let page = "verhalen/zeven-clienten/index.html";
    let text = site.read(story);
    let linked = format!("{text}\nLees ook [kerst op de IC](kerst-op-de-ic.md).\n");
    edit(&site, &options, &live, &[(story, linked)]);
    let links = |live: &werkenbij::serve::live::Live| {
        let html = String::from_utf8(live.files()[page].clone()).unwrap();
        select(&html, "main a[href='/verhalen/kerst-op-de-ic/']")
    };
    assert_eq!(links(&live), ["kerst op de IC"]);
    // The story's own text is the same, but the story it links to is no longer published: its
    // body, kept from the last rebuild, must not be taken again.
    let consent = site.read("content/consent.yaml");
    let withdrawn = consent.replacen(
        "  expires: 2028-01-12\n",
        "  expires: 2028-01-12\n  withdrawn: 2026-06-01\n",
        1,
    );
    edit(
        &site,
        &options,
        &live,
        &[("content/consent.yaml", withdrawn)],
    );
    assert!(links(&live).is_empty());
}

#[test]
fn a_rebuild_draws_again_exactly_the_cards_an_edit_shows_on() {
    let (site, options, live) = built_live("minimal");
    // Each edit leaves the set of pages alone; `edit` checks the result equals a full build, and
    // the file goes back as it was after.
    let cases: [(&str, &str, &str, &[&str]); 3] = [
        // A story's title is on its card, drawn over its photo.
        (
            "content/stories/avonddienst/index.md",
            "Mijn avonddienst op de IC",
            "Mijn late dienst op de IC",
            &["og/verhalen/avonddienst.jpg"],
        ),
        // A vacancy's hours are on its text card.
        (
            "content/vacancies/ic-verpleegkundige.md",
            "{ min: 24, max: 36 }",
            "{ min: 32, max: 36 }",
            &["og/vacatures/ic-verpleegkundige.jpg"],
        ),
        // An ambassador's first name is on their card and on the card of each of their stories.
        (
            "content/ambassadors/anneke-van-t-hof.md",
            "name: Anneke",
            "name: Annemieke",
            &[
                "og/ambassadeurs/anneke-van-t-hof.jpg",
                "og/verhalen/avonddienst.jpg",
                "og/verhalen/kerst-op-de-ic.jpg",
            ],
        ),
    ];
    for (path, from, to, expected) in cases {
        let original = site.read(path);
        assert!(original.contains(from), "{path}");
        for (text, what) in [
            (original.replace(from, to), "edited"),
            (original, "restored"),
        ] {
            let rebuilt = edit(&site, &options, &live, &[(path, text)]);
            assert!(!rebuilt.full, "{path} {what}");
            let mut cards: Vec<&str> = rebuilt
                .changed
                .iter()
                .map(String::as_str)
                .filter(|c| c.starts_with("og/"))
                .collect();
            cards.sort();
            // Back as it was, the cards the image cache already holds come back.
            assert_eq!(cards, expected, "{path} {what}");
        }
    }
}

/// A copy of `fixture`, the options `serve` builds it with, and what its first (full) rebuild
/// holds.
fn built_live(fixture: &str) -> (TestSite, werkenbij::Options, werkenbij::serve::live::Live) {
    let site = TestSite::new(fixture);
    let options = options(&site);
    let live = werkenbij::serve::live::Live::default();
    assert!(
        werkenbij::serve::rebuild::rebuild(&options, &live)
            .unwrap()
            .full
    );
    (site, options, live)
}

/// Writes `files`, rebuilds `live` as `serve` does after the watcher saw them change, and checks
/// that the result equals a full build.
fn edit(
    site: &TestSite,
    options: &werkenbij::Options,
    live: &werkenbij::serve::live::Live,
    files: &[(&str, String)],
) -> werkenbij::serve::live::Rebuilt {
    for (path, text) in files {
        site.write(path, text);
        live.forget(std::path::Path::new(path));
    }
    let rebuilt = werkenbij::serve::rebuild::rebuild(options, live).unwrap();
    assert!(
        !rebuilt.diagnostics.has_errors(),
        "{:?}",
        rebuilt.diagnostics
    );
    let (memory, _) = werkenbij::serve::rebuild::build_in_memory(options).unwrap();
    assert_same_files(&live.files(), &memory.into_files());
    rebuilt
}

const PIETERS_KIT: &str = "ambassadeurs/pieter-bakker/delen/index.html";
const PIETERS_JSON: &str = "ambassadeurs/pieter-bakker/delen.json";
const PIETERS_CALENDAR: &str = "ambassadeurs/pieter-bakker/delen.ics";
const ANNEKES_KIT: &str = "ambassadeurs/anneke-van-t-hof/delen/index.html";
const ANNEKES_JSON: &str = "ambassadeurs/anneke-van-t-hof/delen.json";

/// Whether each path is among `changed`, to compare as one value.
fn among(changed: &[String], paths: &[&str]) -> Vec<(String, bool)> {
    paths
        .iter()
        .map(|p| (p.to_string(), changed.iter().any(|c| c == p)))
        .collect()
}

#[test]
fn every_edit_a_share_kit_shows_reaches_it_and_a_rebuild_still_equals_a_full_build() {
    let (site, options, live) = built_live("minimal");
    let story = "content/stories/zeven-clienten.md";
    let original = site.read(story);
    let profile = "content/ambassadors/pieter-bakker.md";
    let original_profile = site.read(profile);
    let register = "content/consent.yaml";
    let original_register = site.read(register);
    let restore = |site: &TestSite, live| {
        edit(
            site,
            &options,
            live,
            &[
                (story, original.clone()),
                (profile, original_profile.clone()),
                (register, original_register.clone()),
            ],
        );
    };
    let kits = [PIETERS_KIT, PIETERS_JSON, ANNEKES_KIT, ANNEKES_JSON];
    let yes_no = |pieter: bool, anneke: bool| -> Vec<(String, bool)> {
        kits.iter()
            .zip([pieter, pieter, anneke, anneke])
            .map(|(p, b)| (p.to_string(), b))
            .collect()
    };

    // Each of these leaves the set of pages alone, so only the kits `serve` judges touched are
    // rendered again: a kit judged untouched wrongly would differ from the full build.
    let retitled = edit(
        &site,
        &options,
        &live,
        &[(
            story,
            original.replace(
                "title: Zeven cliënten voor de lunch",
                "title: Acht cliënten voor de lunch",
            ),
        )],
    );
    assert!(!retitled.full);
    // Both kits hold the story: the author's own and a colleague's.
    assert_eq!(among(&retitled.changed, &kits), yes_no(true, true));
    restore(&site, &live);

    // The author's own words are in the author's kit only.
    let own_text = edit(
        &site,
        &options,
        &live,
        &[(
            story,
            original.replace(
                "hashtags: [verschilmakers, thuiszorg]\n",
                "hashtags: [verschilmakers, thuiszorg]\nshare: Ik schreef over mijn ochtend in Zeist.\n",
            ),
        )],
    );
    assert!(!own_text.full);
    assert_eq!(among(&own_text.changed, &kits), yes_no(true, false));
    restore(&site, &live);

    // The author's name is on the colleague's kit page too (its `delen.json` has the id).
    let renamed = edit(
        &site,
        &options,
        &live,
        &[(
            profile,
            original_profile.replace("name: Pieter Bakker", "name: Pieter de Bakker"),
        )],
    );
    assert!(!renamed.full);
    assert_eq!(
        among(&renamed.changed, &kits),
        [
            (PIETERS_KIT.to_owned(), true),
            (PIETERS_JSON.to_owned(), true),
            (ANNEKES_KIT.to_owned(), true),
            (ANNEKES_JSON.to_owned(), false),
        ]
    );
    restore(&site, &live);

    // A story consent without `social`: the story stays on the site and leaves both kits.
    let no_social = edit(
        &site,
        &options,
        &live,
        &[
            (
                register,
                format!(
                    "{original_register}TF-2026-0005:\n  subject: pieter-bakker\n  scope: [website]\n  granted: 2026-01-12\n"
                ),
            ),
            (
                story,
                original.replace("consent: TF-2026-0002", "consent: TF-2026-0005"),
            ),
        ],
    );
    assert!(!no_social.full);
    assert_eq!(among(&no_social.changed, &kits), yes_no(true, true));
    assert!(live.has_file("verhalen/zeven-clienten/index.html"));
    restore(&site, &live);

    // These change the set of pages or what every kit holds: everything is rendered again.
    // The ambassador's consent without `social`: the kit goes away, and nothing of it is left.
    let no_kit = edit(
        &site,
        &options,
        &live,
        &[(
            register,
            original_register.replacen("scope: [website, social]", "scope: [website]", 1),
        )],
    );
    assert!(no_kit.full);
    assert!(!live.has_file(PIETERS_KIT) && !live.has_file(PIETERS_CALENDAR));
    restore(&site, &live);
    assert!(live.has_file(PIETERS_KIT));

    for changed in [
        original.replace(
            "hashtags: [verschilmakers, thuiszorg]",
            "hashtags: [verschilmakers, wijkzorg]",
        ),
        original.replace("summary: Een", "draft: true\nsummary: Een"),
        original.replace("date: 2026-05-01", "date: 2026-06-20"),
        original
            .replace("ambassador: pieter-bakker", "ambassador: anneke-van-t-hof")
            .replace("consent: TF-2026-0002", "consent: TF-2026-0001"),
    ] {
        assert_ne!(changed, original);
        let rebuilt = edit(&site, &options, &live, &[(story, changed)]);
        assert!(
            rebuilt.changed.iter().any(|c| kits.contains(&c.as_str())),
            "{:?}",
            rebuilt.changed
        );
        restore(&site, &live);
    }
}

/// Compares two builds by path, naming the files that differ rather than dumping their bytes.
fn assert_same_files(
    live: &std::collections::BTreeMap<String, Vec<u8>>,
    full: &std::collections::BTreeMap<String, Vec<u8>>,
) {
    let only_live: Vec<_> = live.keys().filter(|k| !full.contains_key(*k)).collect();
    let only_full: Vec<_> = full.keys().filter(|k| !live.contains_key(*k)).collect();
    let differ: Vec<_> = live
        .iter()
        .filter(|(k, v)| full.get(*k).is_some_and(|f| f != *v))
        .map(|(k, _)| k)
        .collect();
    assert!(
        only_live.is_empty() && only_full.is_empty() && differ.is_empty(),
        "only in the live build: {only_live:?}; only in the full build: {only_full:?}; different: {differ:?}"
    );
}

#[test]
fn serve_outside_a_site_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_werkenbij"))
        .args(["serve", "--port", "0"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&run.stderr),
        "error: `.` is not a werkenbij site: `content/site.yaml` is missing\n  = hint: run it in the site folder, pass `--root DIR`, or make a new site with `werkenbij init DIR`\n"
    );
}
