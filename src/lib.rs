//! werkenbij: a static-site generator for the careers sites of healthcare employers, built on
//! their own staff's stories.
//!
//! Data flows one way: [`content`] loads the site folder, [`validate`] resolves it into a
//! [`model::Site`] and collects every [`base::diagnostics::Diagnostic`], [`render`] turns the
//! site into pages and [`images`] into photos and cards, and [`output`] writes them (build aside,
//! then swap). [`pipeline`] ties these together for the commands in [`cli`]. [`serve`] runs the
//! same stages into memory and renders again only the pages a change touches.
//!
//! The modules below are listed in dependency order: each may use only those above it
//! (`tests/architecture.rs` checks this). `ARCHITECTURE.md` has the map.

// Building blocks, and the one writer of the output folder.
pub mod base;
pub mod output;
// Load.
pub(crate) mod content;
pub(crate) mod theme;
// The validated model, the pure sharing rules it is checked against, and validation.
pub mod model;
pub(crate) mod share;
pub(crate) mod editor;
pub(crate) mod validate;
// What is made from the model.
pub mod images;
pub(crate) mod visits;
pub(crate) mod report;
pub(crate) mod render;
// The stages together, the privacy audit of a built output, the dev server on top of them, and
// the command line.
pub mod pipeline;
pub mod audit;
pub mod serve;
pub mod cli;

pub use base::diagnostics::{Diagnostic, Diagnostics, Severity};
pub use pipeline::{Mode, Options, Report};
