//! werkenbij: a static-site generator for the careers sites of healthcare employers, built on
//! their own staff's stories.
//!
//! Data flows one way: [`content`] loads the site folder, [`validate`] resolves it into a
//! [`model::Site`] and collects every [`base::diagnostics::Diagnostic`], [`render`] turns the
//! site into pages and [`images`] into photos and cards, and [`output`] writes them (build aside,
//! then swap). [`pipeline`] ties these together for the commands in [`cli`]. [`serve`] runs the
//! same stages into memory and renders again only the pages a change touches.
//!
//! The modules below are listed in dependency order: each may use only those above it.
//! `ARCHITECTURE.md` has the map.

pub mod base;
pub mod cli;
pub(crate) mod content;
pub mod images;
pub mod model;
pub mod output;
pub mod pipeline;
pub(crate) mod render;
pub(crate) mod report;
pub mod serve;
pub(crate) mod share;
pub(crate) mod theme;
pub(crate) mod validate;

pub use base::diagnostics::{Diagnostic, Diagnostics, Severity};
pub use pipeline::{Mode, Options, Report};
