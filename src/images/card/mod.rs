//! Social cards: which card each page gets and what it says (`plan`), and drawing it (`draw`).

pub(crate) mod draw;
pub(crate) mod plan;
