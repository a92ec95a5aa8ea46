//! Suggested share dates: spread over `share.spread_days` after publication, stable on every
//! machine.

use crate::base::date::Day;

/// Days after publication that `ambassador` is asked to share `slug`: 0 for the story's own
/// ambassador; for colleagues 1 to `spread_days - 1`, from a stable hash (FNV-1a, 64 bits) so
/// that the same input always gives the same date on every machine and Rust version.
pub fn share_offset(ambassador: &str, slug: &str, own: bool, spread_days: u32) -> u32 {
    if own || spread_days <= 1 {
        return 0;
    }
    let hash = fnv1a(format!("{ambassador}\n{slug}").as_bytes());
    1 + (hash % u64::from(spread_days - 1)) as u32
}

pub fn suggested_date(published: Day, offset: u32) -> Day {
    published.add_days(i64::from(offset))
}

pub(super) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
