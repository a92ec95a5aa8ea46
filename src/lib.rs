//! werkenbij: a static-site generator for the careers sites of healthcare employers, built on
//! their own staff's stories.
//!
//! Data flows one way: [`content`] loads the site folder, [`validate`] resolves it into a
//! [`site::Site`] and collects every [`diagnostics::Diagnostic`], [`render`] turns the site into
//! pages, and [`output`] writes them (build aside, then swap). [`pipeline`] ties these together for
//! the commands in [`cli`]. `serve` runs the same pipeline into memory ([`pipeline::rebuild`] into a
//! [`live::Live`]) and renders again only the pages a change touches.

pub(crate) mod ambassador;
pub(crate) mod card_layout;
pub(crate) mod card_render;
pub(crate) mod cards;
pub mod cli;
pub(crate) mod config;
pub(crate) mod consent;
pub(crate) mod content;
pub(crate) mod content_cache;
pub mod date;
pub mod diagnostics;
pub mod error;
pub(crate) mod feed;
pub(crate) mod front_matter;
pub mod image_cache;
pub(crate) mod images;
pub(crate) mod init;
pub(crate) mod job_feed;
pub(crate) mod language;
pub(crate) mod links;
pub mod live;
pub(crate) mod markdown;
pub(crate) mod new;
pub mod output;
pub(crate) mod page;
pub mod pipeline;
pub(crate) mod related;
pub(crate) mod render;
pub(crate) mod renditions;
pub(crate) mod report;
pub(crate) mod seo;
pub(crate) mod serve;
pub(crate) mod share;
pub(crate) mod share_kit;
pub(crate) mod share_render;
pub mod site;
pub(crate) mod slug;
pub(crate) mod source;
pub(crate) mod story;
pub(crate) mod theme;
pub(crate) mod vacancy;
pub(crate) mod vacancy_filter;
pub(crate) mod vacancy_rules;
pub(crate) mod validate;
pub(crate) mod xml;
pub(crate) mod yaml;

pub use diagnostics::{Diagnostic, Diagnostics, Severity};
pub use pipeline::{Mode, Options, Report};
