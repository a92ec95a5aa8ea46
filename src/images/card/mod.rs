//! Social cards: which card each page gets and what it says (`plan`), setting its text in the
//! theme's fonts (`typeset`) and drawing it (`draw`).

pub(crate) mod draw;
pub(crate) mod plan;
mod typeset;
