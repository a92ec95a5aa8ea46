//! Faults on purpose, for the tests in `tests/faults.rs`: in debug builds only, `WERKENBIJ_FAULT`
//! holds comma-separated faults. A release build has none of this.
//!
//! - `full-disk-after=N`: every write into the output after the N-th fails as on a full disk;
//! - `panic-at=PATH`: the thread that writes the output file PATH panics;
//! - `hang-at=POINT`: the build prints `werkenbij fault: hanging at POINT` and waits to be killed,
//!   at `staging` (made), `write-N` (the N-th file written), `swap` (all written, not yet swapped)
//!   or `cleanup` (swapped, the previous output not yet removed);
//! - `wait-at=POINT`: the build prints `werkenbij fault: waiting at POINT` and goes on when a line
//!   comes on its standard input (for a test that changes files while the build runs).

#[cfg(debug_assertions)]
const ENV_VAR: &str = "WERKENBIJ_FAULT";

#[cfg(debug_assertions)]
fn faults() -> Vec<(String, String)> {
    std::env::var(ENV_VAR)
        .unwrap_or_default()
        .split(',')
        .filter_map(|fault| fault.split_once('='))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .collect()
}

/// The build reached `point`.
#[cfg(debug_assertions)]
pub(super) fn reached(point: &str) {
    if faults()
        .iter()
        .any(|(name, value)| name == "hang-at" && value == point)
    {
        eprintln!("werkenbij fault: hanging at {point}");
        loop {
            std::thread::sleep(std::time::Duration::from_secs(1));
        }
    }
    if faults()
        .iter()
        .any(|(name, value)| name == "wait-at" && value == point)
    {
        eprintln!("werkenbij fault: waiting at {point}");
        let _ = std::io::stdin().read_line(&mut String::new());
    }
}

/// The `count`-th write into the output, of `path`.
#[cfg(debug_assertions)]
pub(super) fn on_write(count: usize, path: &str) -> std::io::Result<()> {
    for (name, value) in faults() {
        match name.as_str() {
            "full-disk-after" if value.parse().is_ok_and(|after: usize| count > after) => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::StorageFull,
                    "No space left on device (werkenbij fault)",
                ));
            }
            "panic-at" if value == path => panic!("werkenbij fault: panic writing `{path}`"),
            _ => {}
        }
    }
    reached(&format!("write-{count}"));
    Ok(())
}

#[cfg(not(debug_assertions))]
pub(super) fn reached(_point: &str) {}

#[cfg(not(debug_assertions))]
pub(super) fn on_write(_count: usize, _path: &str) -> std::io::Result<()> {
    Ok(())
}
