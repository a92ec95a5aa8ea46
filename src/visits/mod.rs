//! Reach from the site's own visit data: web server access logs (`log.rs`) and analytics CSV
//! exports (`export.rs`) read into `Hit`s (files only in `read.rs`), each page view's source
//! (`source.rs`) and the figures of a period (`count.rs`). No IP address, user agent or full
//! referrer leaves the line it was read from: a `Hit` holds only the referrer's host and a daily
//! salted hash of the visitor.

mod count;
mod export;
mod log;
mod read;
mod source;

pub use count::{count, period, Period, Visits};
pub use read::read_files;
pub use source::Source;

use std::rc::Rc;

use crate::base::date::Day;

/// One request (a log line) or one row of an export (`count` views), with the visitor's
/// identity already reduced to a hash. The texts are shared between hits (`read.rs` keeps one
/// copy of each path and host), so a month of logs stays small.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// `None` for an export without a date column: it counts in the period asked for.
    pub day: Option<Day>,
    /// `true` for GET (and for every export row).
    pub get: bool,
    /// The path with its query string, as requested: `/verhalen/x/?utm_source=linkedin`.
    pub target: Rc<str>,
    /// The HTTP status (200 for every export row).
    pub status: u16,
    /// The referrer's host, lowercase, without `www.`; `None` for no referrer (`-`).
    pub referrer_host: Option<Rc<str>>,
    /// The export does not know where a view came from.
    pub referrer_known: bool,
    pub bot: bool,
    /// A hash of day, IP address and user agent with a salt that lives only in this run.
    pub visitor: Option<u64>,
    pub count: u64,
}
