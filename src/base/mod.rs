//! Building blocks every stage uses and that know nothing of the site: dates, slugs, languages,
//! source files and spans, shared HTML text, texts in two languages, diagnostics and errors, YAML with positions, XML escaping, colours.

pub(crate) mod colour;
pub mod date;
pub mod diagnostics;
pub mod error;
pub mod html;
pub(crate) mod language;
pub(crate) mod slug;
pub(crate) mod source;
pub mod text;
pub(crate) mod xml;
pub(crate) mod yaml;
