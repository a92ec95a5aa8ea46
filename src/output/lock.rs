//! Locks between runs: a build holds its output folder alone, and `cache prune` holds the image
//! cache alone while builds and `serve` share it. They are the operating system's file locks
//! (`flock` on Unix), so a process that dies releases its lock at once.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::base::error::Error;

/// How long a run waits for another to let go, unless `WERKENBIJ_LOCK_WAIT` says otherwise.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(60);
/// The environment variable with the wait in seconds.
pub const WAIT_ENV_VAR: &str = "WERKENBIJ_LOCK_WAIT";

/// How often a waiting run tries again.
const POLL: Duration = Duration::from_millis(50);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// No other lock at the same time.
    Exclusive,
    /// Other shared locks at the same time, no exclusive one.
    Shared,
}

/// A lock held until it is dropped. The lock file stays: removing it would let a waiting run lock
/// a file that a third run no longer sees.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

impl Lock {
    /// Takes the lock on `path` (made when missing), waiting at most `wait` for other runs;
    /// `busy` is the message when they do not let go in time.
    pub fn take(path: &Path, kind: Kind, wait: Duration, busy: &str) -> Result<Lock, Error> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)
            .map_err(|e| Error::io(path, e))?;
        let started = Instant::now();
        loop {
            let tried = match kind {
                Kind::Exclusive => file.try_lock(),
                Kind::Shared => file.try_lock_shared(),
            };
            match tried {
                Ok(()) => return Ok(Lock { _file: file }),
                Err(TryLockError::Error(e)) => return Err(Error::io(path, e)),
                Err(TryLockError::WouldBlock) if started.elapsed() >= wait => {
                    return Err(Error::usage(
                        format!(
                            "{busy} (it holds `{}`; waited {} s)",
                            path.display(),
                            wait.as_secs()
                        ),
                        Some("wait for it to finish and run again, or set `WERKENBIJ_LOCK_WAIT` to the seconds to wait"),
                    ));
                }
                Err(TryLockError::WouldBlock) => std::thread::sleep(POLL),
            }
        }
    }
}

/// The lock file of an output folder: beside it, so it outlives the folder's swap.
pub fn output_lock_file(target: &Path) -> PathBuf {
    beside(target, "lock")
}

/// `PARENT/.NAME.werkenbij-WHAT` for the folder `PARENT/NAME`.
pub(crate) fn beside(target: &Path, what: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    parent(target).join(format!(".{name}.werkenbij-{what}"))
}

/// The folder that holds `target` (`.` for a bare name).
pub(crate) fn parent(target: &Path) -> &Path {
    target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exclusive_lock_excludes_and_shared_locks_share() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".lock");
        let none = Duration::ZERO;
        let first = Lock::take(&path, Kind::Shared, none, "busy").unwrap();
        let second = Lock::take(&path, Kind::Shared, none, "busy").unwrap();
        let refused = Lock::take(&path, Kind::Exclusive, none, "another build is running");
        assert_eq!(
            refused.unwrap_err().to_string(),
            format!(
                "another build is running (it holds `{}`; waited 0 s)",
                path.display()
            )
        );
        drop((first, second));
        let alone = Lock::take(&path, Kind::Exclusive, none, "busy").unwrap();
        assert!(Lock::take(&path, Kind::Shared, none, "busy").is_err());
        drop(alone);
        assert!(Lock::take(&path, Kind::Shared, none, "busy").is_ok());
    }

    #[test]
    fn the_lock_file_sits_beside_the_folder() {
        assert_eq!(
            output_lock_file(Path::new("site/public")),
            PathBuf::from("site/.public.werkenbij-lock")
        );
        assert_eq!(
            output_lock_file(Path::new("public")),
            PathBuf::from("./.public.werkenbij-lock")
        );
    }
}
