//! Every image file the site publishes: photos probed, decoded and re-encoded as responsive
//! variants, social cards planned and drawn, all through the content-addressed cache.

pub mod cache;
pub(crate) mod card;
pub(crate) mod pixels;
pub(crate) mod renditions;
