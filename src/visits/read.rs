//! The one place that reads visit files: access logs and CSV exports, plain or gzipped, each
//! into `Hit`s, with the lines that cannot be read counted per file.

use std::collections::HashSet;
use std::hash::RandomState;
use std::io::{BufRead, BufReader, Read as _};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::base::diagnostics::{Diagnostic, Severity};
use crate::base::error::Error;
use crate::base::source::Span;

use super::export::{self, COUNT_HEADERS, URL_HEADERS};
use super::log::{parse_line, LineContext};
use super::Hit;

/// Everything read from the visit files of one run.
#[derive(Debug, Default)]
pub struct Read {
    pub hits: Vec<Hit>,
    pub malformed: Vec<Malformed>,
    /// At least one access log was read (so visitors can be told apart).
    pub logs: bool,
}

/// The lines of one file that could not be read: how many, and the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    pub file: PathBuf,
    pub lines: u64,
    pub first: u64,
    pub export: bool,
}

impl Malformed {
    /// A warning at the first line, with the count.
    pub fn diagnostic(&self) -> Diagnostic {
        let file = self.file.display();
        let lines = self.lines;
        let message = match (self.export, lines) {
            (true, 1) => crate::text!(
                "1 row of `{file}` could not be read as a URL and a count; left out",
                "1 rij van `{file}` is geen URL met een aantal; weggelaten"
            ),
            (true, _) => crate::text!(
                "{lines} rows of `{file}` could not be read as a URL and a count; left out",
                "{lines} rijen van `{file}` zijn geen URL met een aantal; weggelaten"
            ),
            (false, 1) => crate::text!(
                "1 line of `{file}` is not in the Combined or Common Log Format; left out",
                "1 regel van `{file}` is niet in het Combined of Common Log Format; weggelaten"
            ),
            (false, _) => crate::text!(
                "{lines} lines of `{file}` are not in the Combined or Common Log Format; left out",
                "{lines} regels van `{file}` zijn niet in het Combined of Common Log Format; weggelaten"
            ),
        };
        Diagnostic::new(
            Severity::Warning,
            &self.file,
            Span::new(u32::try_from(self.first).unwrap_or(u32::MAX), 1, 0),
            message,
        )
        .with_hint(if lines == 1 {
            crate::text!(
                "this is the line; the report counts without it",
                "dit is die regel; het rapport telt zonder"
            )
        } else {
            crate::text!(
                "this is the first of them; the report counts without them",
                "dit is de eerste daarvan; het rapport telt zonder"
            )
        })
    }
}

/// Reads every file; a file that cannot be opened, or an export without a URL or count
/// column, stops the run. A file whose name ends in `.csv` (or `.csv.gz`) is an export, any
/// other an access log.
pub fn read_files(files: &[PathBuf]) -> Result<Read, Error> {
    let bots = isbot::Bots::default();
    // A new random key every run, never written: the same visitor cannot be followed across runs.
    let salt = RandomState::new();
    let context = LineContext {
        bots: &bots,
        salt: &salt,
    };
    let mut read = Read::default();
    let mut shared = Shared::default();
    for file in files {
        let name = file.to_string_lossy().to_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let mut bad = Vec::new();
        let export = name.ends_with(".csv");
        if export {
            let text = read_text(file)?;
            let rows = export::parse_export(&text).map_err(|header| {
                Error::usage(
                    format!(
                        "{}: no URL or count column in the header `{header}`",
                        file.display()
                    ),
                    Some(&format!(
                        "name the URL column one of {} and the count column one of {}",
                        URL_HEADERS.join(", "),
                        COUNT_HEADERS.join(", ")
                    )),
                )
            })?;
            for row in rows {
                match row {
                    Ok(hit) => read.hits.push(hit),
                    Err(line) => bad.push(line),
                }
            }
        } else {
            read.logs = true;
            // Line by line: a month of logs need not fit in memory as text.
            let mut lines = open(file)?;
            let mut bytes = Vec::new();
            let mut number = 0u64;
            loop {
                bytes.clear();
                let n = lines
                    .read_until(b'\n', &mut bytes)
                    .map_err(|e| Error::io(file, e))?;
                if n == 0 {
                    break;
                }
                number += 1;
                let line = String::from_utf8_lossy(&bytes);
                if line.trim().is_empty() {
                    continue;
                }
                match parse_line(&line, &context) {
                    Some(hit) => read.hits.push(shared.share(hit)),
                    None => bad.push(number),
                }
            }
        }
        if let Some(&first) = bad.first() {
            read.malformed.push(Malformed {
                file: file.clone(),
                lines: bad.len() as u64,
                first,
                export,
            });
        }
    }
    Ok(read)
}

/// One copy of each path and host: most requests ask for the same few pages.
#[derive(Default)]
struct Shared(HashSet<Rc<str>>);

impl Shared {
    fn one(&mut self, text: Rc<str>) -> Rc<str> {
        match self.0.get(&text) {
            Some(known) => Rc::clone(known),
            None => {
                self.0.insert(Rc::clone(&text));
                text
            }
        }
    }

    fn share(&mut self, mut hit: Hit) -> Hit {
        hit.target = self.one(hit.target);
        hit.referrer_host = hit.referrer_host.map(|h| self.one(h));
        hit
    }
}

/// The file, gunzipped when its name ends in `.gz` (every member of a concatenated gzip, as
/// `logrotate` and `cat a.gz b.gz` make).
fn open(file: &Path) -> Result<Box<dyn BufRead>, Error> {
    let handle = std::fs::File::open(file).map_err(|e| Error::io(file, e))?;
    let is_gz = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    Ok(if is_gz {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(
            BufReader::new(handle),
        )))
    } else {
        Box::new(BufReader::new(handle))
    })
}

/// The whole file as text; bytes that are not UTF-8 become U+FFFD.
fn read_text(file: &Path) -> Result<String, Error> {
    let mut bytes = Vec::new();
    open(file)?
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(file, e))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::language::Language;

    #[test]
    fn the_warning_names_the_count_and_points_at_the_first_line() {
        let malformed = Malformed {
            file: PathBuf::from("logs/access.log"),
            lines: 3,
            first: 16,
            export: false,
        };
        let d = malformed.diagnostic();
        assert_eq!((d.line, d.column, d.severity), (16, 1, Severity::Warning));
        assert_eq!(
            d.message.en(),
            "3 lines of `logs/access.log` are not in the Combined or Common Log Format; left out"
        );
        assert_eq!(
            d.message.get(Language::Nl),
            "3 regels van `logs/access.log` zijn niet in het Combined of Common Log Format; weggelaten"
        );
        let one = Malformed {
            lines: 1,
            export: true,
            ..malformed
        }
        .diagnostic();
        assert_eq!(
            one.message.en(),
            "1 row of `logs/access.log` could not be read as a URL and a count; left out"
        );
    }

    #[test]
    fn gzipped_files_with_several_members_are_read_whole() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("access.log.2.gz");
        let mut bytes = Vec::new();
        for part in ["first\n", "second\n"] {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            gz.write_all(part.as_bytes()).unwrap();
            bytes.extend(gz.finish().unwrap());
        }
        std::fs::write(&path, bytes).unwrap();
        assert_eq!(read_text(&path).unwrap(), "first\nsecond\n");
        let read = read_files(std::slice::from_ref(&path)).unwrap();
        assert_eq!(read.malformed[0].lines, 2);
        assert!(read.logs);
        assert!(read_files(&[dir.path().join("missing.log")]).is_err());
    }
}
