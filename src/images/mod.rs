//! Every image file the site publishes: the responsive variants of each photo and a social card
//! for each page, all made through the content-addressed cache. A photo's size is probed while
//! validating (`content::photo`); here it is decoded, resized and re-encoded.
//!
//! - `renditions`: every image file of the output, made or taken from the cache (start here)
//! - `cache`: the content-addressed image cache: keys, entries, size and pruning
//! - `pixels`: decoding, resizing, cropping for cards, encoding JPEG and WebP
//! - `card::plan`: which cards the site has and what each says
//! - `card::typeset`: setting a card's text in the theme's fonts
//! - `card::draw`: drawing a card, on a photo or in the brand colours

pub mod cache;
pub(crate) mod card;
pub(crate) mod pixels;
pub(crate) mod renditions;
