//! `werkenbij serve`: builds the site into memory through the pipeline, serves it on loopback,
//! watches the site folder and tells open pages to reload over server-sent events. Which pages an
//! edit renders again is decided by `render::touched` (it matches over the page kinds); the
//! in-memory rebuild that asks it is `rebuild.rs`.

pub mod live;
pub mod rebuild;

mod change;
mod reply;

use std::io::Write;
use std::net::{SocketAddr, TcpListener};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use notify::RecursiveMode;

use change::{classify, is_edit, Seen};
use reply::{reply, Reply};

use crate::base::diagnostics::{verbose_note, Detail};
use crate::base::error::Error;
use crate::content::config::{base_path_of, language_of};
use crate::pipeline::Options;
use crate::serve::live::Live;

/// The serve-only settings; the build itself is configured by `Options` like any other.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub bind: std::net::IpAddr,
    pub port: u16,
    pub open: bool,
    /// Every warning in full, as `build --verbose` prints them.
    pub verbose: bool,
}

/// Progress lines for the terminal; the command line decides where they go.
pub type Log = Arc<dyn Fn(&str) + Send + Sync>;

/// Open event streams, one sender per browser tab.
#[derive(Default)]
struct Listeners(Mutex<Vec<Sender<String>>>);

impl Listeners {
    fn add(&self) -> mpsc::Receiver<String> {
        let (sender, receiver) = mpsc::channel();
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(sender);
        receiver
    }

    /// Sends to every tab; tabs that went away are dropped.
    fn send(&self, paths: &[String]) {
        let data = serde_json::to_string(paths).unwrap_or_else(|_| "[\"*\"]".into());
        let mut senders = self.0.lock().unwrap_or_else(|p| p.into_inner());
        senders.retain(|sender| sender.send(data.clone()).is_ok());
    }
}

/// Runs until Ctrl-C. Content errors never stop it; a port in use or a watcher that cannot start do.
pub fn run(options: &Options, serve: &ServeOptions, log: &Log) -> Result<(), Error> {
    crate::content::require_site(&options.root)?;
    crate::output::folders::check_cache(&options.root, &crate::pipeline::cache_dir(options), None)?;
    let address = SocketAddr::new(serve.bind, serve.port);
    let listener = TcpListener::bind(address).map_err(|e| bind_error(address, e))?;
    let local = listener
        .local_addr()
        .map_err(|e| Error::usage(format!("cannot serve on {address}: {e}"), None))?;
    let server = Arc::new(
        tiny_http::Server::from_listener(listener, None)
            .map_err(|e| Error::usage(format!("cannot serve on {local}: {e}"), None))?,
    );

    // The address first, before whatever the first build has to say: requests wait in the
    // listener's queue until that build is done.
    let url = format!("http://{local}{}/", base_path_of(&options.root));
    let serving = crate::text!(
        "Serving {url} (drafts and scheduled stories shown; Ctrl-C stops)",
        "De site staat op {url} (met concepten en ingeplande verhalen; Ctrl-C stopt)"
    );
    log(serving.get(language_of(&options.root)));
    let live = Arc::new(Live::default());
    let started = Instant::now();
    let failing = rebuild(options, serve.verbose, &live, log, started).failing;
    let listeners = Arc::new(Listeners::default());
    let _watcher = watch(options, serve.verbose, &live, &listeners, log, failing)?;
    if serve.open {
        open_browser(&url, language_of(&options.root), log);
    }
    {
        let server = Arc::clone(&server);
        // Only the first handler of a process can be set; a second `run` keeps the first one.
        let _ = ctrlc::set_handler(move || server.unblock());
    }
    for request in server.incoming_requests() {
        if reply::is_events(&live, request.url()) {
            let receiver = listeners.add();
            std::thread::spawn(move || stream_events(request, receiver));
            continue;
        }
        let answer = if *request.method() == tiny_http::Method::Get
            || *request.method() == tiny_http::Method::Head
        {
            reply(&live, request.url())
        } else {
            Reply {
                status: 405,
                content_type: "text/plain; charset=utf-8",
                body: b"only GET and HEAD".to_vec(),
                location: None,
            }
        };
        let _ = request.respond(response(answer));
    }
    log(crate::text!("Stopped", "Gestopt").get(language_of(&options.root)));
    Ok(())
}

fn bind_error(address: SocketAddr, error: std::io::Error) -> Error {
    if error.kind() == std::io::ErrorKind::AddrInUse {
        Error::usage(
            format!("port {} on {} is already in use", address.port(), address.ip()),
            Some("stop the other server, or pick another port with `--port 1112` (`--port 0` picks a free one)"),
        )
    } else {
        Error::usage(format!("cannot serve on {address}: {error}"), None)
    }
}

fn response(answer: Reply) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let mut response = tiny_http::Response::from_data(answer.body)
        .with_status_code(answer.status)
        .with_header(header("Content-Type", answer.content_type))
        .with_header(header("Cache-Control", "no-store"));
    if let Some(location) = answer.location {
        response = response.with_header(header("Location", &location));
    }
    response
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("header names and values here are ASCII without newlines")
}

/// One tab's event stream: written straight to the socket, flushed per event, with a comment
/// now and then so a closed tab is noticed.
fn stream_events(request: tiny_http::Request, receiver: mpsc::Receiver<String>) {
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n: connected\n\n";
    if writer
        .write_all(head.as_bytes())
        .and_then(|()| writer.flush())
        .is_err()
    {
        return;
    }
    loop {
        let message = match receiver.recv_timeout(Duration::from_secs(15)) {
            Ok(data) => format!("event: reload\ndata: {data}\n\n"),
            Err(RecvTimeoutError::Timeout) => ": ping\n\n".to_owned(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if writer
            .write_all(message.as_bytes())
            .and_then(|()| writer.flush())
            .is_err()
        {
            return;
        }
    }
}

struct Outcome {
    failing: bool,
    changed: Vec<String>,
}

/// Builds into `live` and logs the outcome in the site's language, errors first (and the
/// warnings as `build` prints them, see `Diagnostics::in_print_order`).
fn rebuild(options: &Options, verbose: bool, live: &Live, log: &Log, started: Instant) -> Outcome {
    let language = language_of(&options.root);
    live.set_language(language);
    match rebuild::rebuild(options, live) {
        Ok(rebuilt) => {
            live.set_failure(None);
            let errors = rebuilt.diagnostics.error_count();
            let listed = rebuilt.diagnostics.clone().in_print_order(verbose);
            for (diagnostic, detail) in &listed {
                let text = match detail {
                    Detail::Full => diagnostic.render(&diagnostic.path, language),
                    Detail::Line => diagnostic.render_line(&diagnostic.path, language),
                    Detail::Counted => continue,
                };
                log(text.trim_end());
            }
            if let Some(note) = verbose_note(&listed) {
                log(note.get(language));
            }
            let line = if errors > 0 {
                let (s, en) = if errors == 1 { ("", "") } else { ("s", "en") };
                crate::text!(
                    "{errors} error{s}: the browser shows them until the file is fixed",
                    "{errors} fout{en}: de browser toont ze tot je het bestand hebt verbeterd"
                )
            } else {
                let rendered = rebuilt.rendered;
                let (s, nl_s) = if rendered == 1 { ("", "") } else { ("s", "'s") };
                let ms = started.elapsed().as_millis();
                if rebuilt.full {
                    crate::text!(
                        "Rebuilt {rendered} page{s} in {ms} ms",
                        "{rendered} pagina{nl_s} opnieuw gebouwd in {ms} ms"
                    )
                } else {
                    crate::text!(
                        "Rebuilt {rendered} page{s} (only what changed) in {ms} ms",
                        "{rendered} pagina{nl_s} opnieuw gebouwd (alleen wat veranderde) in {ms} ms"
                    )
                }
            };
            log(line.get(language));
            Outcome {
                failing: errors > 0,
                changed: rebuilt.changed,
            }
        }
        Err(error) => {
            let mut message = format!("error: {error}");
            if let Some(hint) = error.hint() {
                message.push_str(&format!("\n  = hint: {hint}"));
            }
            log(&message);
            live.set_failure(Some(message));
            Outcome {
                failing: true,
                changed: Vec::new(),
            }
        }
    }
}

type Watcher = notify_debouncer_full::Debouncer<
    notify::RecommendedWatcher,
    notify_debouncer_full::RecommendedCache,
>;

/// How long the watcher waits for more events of the same save.
const DEBOUNCE: Duration = Duration::from_millis(20);

/// Watches `content/`, `themes/` and `static/`; each debounced batch rebuilds and notifies.
fn watch(
    options: &Options,
    verbose: bool,
    live: &Arc<Live>,
    listeners: &Arc<Listeners>,
    log: &Log,
    mut failing: bool,
) -> Result<Watcher, Error> {
    let (sender, receiver) = mpsc::channel();
    // The events of one save (an editor's temporary file, its rename, a second write) come
    // within a few milliseconds: 20 ms groups them, and is a fifth of the time a rebuild has.
    let mut debouncer = notify_debouncer_full::new_debouncer(DEBOUNCE, Some(DEBOUNCE / 4), sender)
        .map_err(|e| Error::usage(format!("cannot watch the site folder: {e}"), None))?;
    for folder in ["content", "themes", "static"] {
        let path = options.root.join(folder);
        if path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| Error::io(&path, std::io::Error::other(e.to_string())))?;
        }
    }
    let options = options.clone();
    let live = Arc::clone(live);
    let listeners = Arc::clone(listeners);
    let log = Arc::clone(log);
    std::thread::spawn(move || {
        let mut seen = Seen::default();
        for batch in receiver {
            let Ok(events) = batch else { continue };
            let paths: Vec<_> = events
                .into_iter()
                .filter(|e| is_edit(&e.kind))
                .flat_map(|e| e.event.paths)
                .collect();
            let change = classify(&options.root, &paths);
            if change.is_empty() || !seen.needs_rebuild(&options.root, &change) {
                continue;
            }
            let started = Instant::now();
            for path in &change.content {
                live.forget(path);
            }
            if change.everything {
                live.forget_theme();
            }
            let was_failing = failing;
            let outcome = rebuild(&options, verbose, &live, &log, started);
            failing = outcome.failing;
            let targets = if failing || was_failing {
                vec!["*".to_owned()]
            } else {
                reply::reload_targets(&outcome.changed, &live.base_path())
            };
            if !targets.is_empty() {
                listeners.send(&targets);
            }
        }
    });
    Ok(debouncer)
}

fn open_browser(url: &str, language: crate::base::language::Language, log: &Log) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut command = std::process::Command::new("cmd");
        command.args(["/C", "start", ""]);
        command
    } else {
        std::process::Command::new("xdg-open")
    };
    if command.arg(url).spawn().is_err() {
        let text = crate::text!(
            "could not open a browser; open {url} yourself",
            "kon geen browser openen; open {url} zelf"
        );
        log(text.get(language));
    }
}
