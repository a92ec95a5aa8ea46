//! Making the image files: each variant and card made, or taken from the content-addressed cache
//! when its key is there. Runs in parallel; each photo is read
//! and hashed once, and decoded once only when one of its files is not in the cache.

use std::collections::BTreeSet;

use fast_image_resize::ResizeAlg;
use image::RgbImage;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::base::colour::Colour;
use crate::base::diagnostics::{Diagnostic, Diagnostics};
use crate::base::error::Error;
use crate::images::cache::{ImageCache, Key};
use crate::images::card::draw::{self, Palette};
use crate::images::card::plan::{self, CardJob};
use crate::images::pixels;
use crate::model::cards::CardOf;
use crate::model::Site;
use crate::output::Output;
use crate::theme::cards::{self, CardTheme};
use crate::theme::Theme;

/// Changes whenever werkenbij or an encoder it uses could write other bytes for the same input.
const ENCODERS: &str = concat!(
    "werkenbij ",
    env!("CARGO_PKG_VERSION"),
    "; jpeg-encoder 0.6; webp 0.3 (libwebp-sys, method 2); fast_image_resize 5; images 1"
);

/// What the image stage did, for the summary line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ImageCounts {
    /// Image files written to the output.
    pub images: usize,
    /// Of those, taken from the cache as they were.
    pub cached: usize,
}

/// Which image files a run makes.
#[derive(Clone, Copy)]
pub enum Scope<'a> {
    /// Every photo variant and every card.
    All,
    /// Only the cards `keep` picks, and no photo variant: for `serve` after an edit that left
    /// every photo as it was (a photo that changes makes it build everything), so that the files
    /// of the rest, kept from the build before, are still what they would be.
    Cards(&'a (dyn Fn(CardOf) -> bool + Sync)),
}

/// One image file of the output: where it goes and the key of its bytes.
struct Planned {
    url: String,
    key: Key,
    product: Product,
}

enum Product {
    /// `Photo::variants[index]`, as WebP or JPEG.
    Variant { index: usize, webp: bool },
    /// A photo card: index into the card plan.
    Card(usize),
}

/// Everything the stage needs from the site and the theme, resolved once.
struct Settings<'a> {
    site: &'a Site,
    theme: &'a CardTheme,
    cards: Vec<CardJob>,
    /// Whether the photos' variants are made (`Scope::All`).
    variants: bool,
    filter: ResizeAlg,
    palette: Palette,
}

impl<'a> Settings<'a> {
    fn new(site: &'a Site, theme: &'a Theme, scope: Scope) -> Result<Settings<'a>, Error> {
        let config = &site.config;
        let layout = &theme.cards.layout;
        let resolve = |name: &str, on: Colour| {
            cards::colour(name, config.brand.colours, on)
                .map_err(|e| Error::usage(format!("theme.yaml `card`: {e}"), None))
        };
        let background = resolve(&layout.background, Colour::default())?;
        let palette = Palette {
            background: background.0,
            stripe: resolve(&layout.stripe, background)?.0,
            text: resolve(&layout.text, background)?.0,
        };
        Ok(Settings {
            site,
            theme: &theme.cards,
            cards: match scope {
                Scope::All => plan::plan(site, &theme.strings),
                Scope::Cards(keep) => plan::plan_where(site, &theme.strings, keep),
            },
            variants: matches!(scope, Scope::All),
            filter: pixels::filter(&config.images.filter).unwrap_or(ResizeAlg::Convolution(
                fast_image_resize::FilterType::Lanczos3,
            )),
            palette,
        })
    }

    fn quality(&self) -> u8 {
        self.site.config.images.quality
    }

    fn variant_key(&self, source: &[u8; 32], width: u32, webp: bool) -> Key {
        let format: &[u8] = if webp { b"webp" } else { b"jpeg" };
        Key::of(&[
            b"variant",
            ENCODERS.as_bytes(),
            source,
            &width.to_le_bytes(),
            format,
            &[self.quality()],
            self.site.config.images.filter.as_bytes(),
        ])
    }

    fn card_key(&self, source: Option<&[u8; 32]>, job: &CardJob) -> Key {
        let focus = job
            .photo
            .map(|p| self.site.photos[p].focus)
            .unwrap_or_default();
        Key::of(&[
            b"card",
            ENCODERS.as_bytes(),
            source.map(|s| &s[..]).unwrap_or(b"text"),
            &focus.x.to_le_bytes(),
            &focus.y.to_le_bytes(),
            &job.text.key_bytes(),
            &self.theme.fingerprint,
            &self.palette.background,
            &self.palette.stripe,
            &self.palette.text,
            &[self.quality()],
            self.site.config.images.filter.as_bytes(),
        ])
    }

    /// The files made from photo `index` whose bytes hash to `source`.
    fn photo_files(&self, index: usize, source: &[u8; 32]) -> Vec<Planned> {
        let photo = &self.site.photos[index];
        let mut out = Vec::new();
        let variants = if self.variants {
            &photo.variants[..]
        } else {
            &[]
        };
        for (i, variant) in variants.iter().enumerate() {
            out.push(Planned {
                url: variant.jpeg_url.clone(),
                key: self.variant_key(source, variant.width, false),
                product: Product::Variant {
                    index: i,
                    webp: false,
                },
            });
            if let Some(url) = &variant.webp_url {
                out.push(Planned {
                    url: url.clone(),
                    key: self.variant_key(source, variant.width, true),
                    product: Product::Variant {
                        index: i,
                        webp: true,
                    },
                });
            }
        }
        for (i, job) in self.cards.iter().enumerate() {
            if job.photo == Some(index) {
                out.push(Planned {
                    url: job.url.clone(),
                    key: self.card_key(Some(source), job),
                    product: Product::Card(i),
                });
            }
        }
        out
    }

    fn encode_card(&self, image: &RgbImage) -> Result<Vec<u8>, crate::content::photo::Refusal> {
        // Cards must stay under 300 KB for the networks that fetch them; busy photos need less
        // quality for that.
        let mut quality = self.quality();
        loop {
            let bytes = pixels::encode_jpeg(image, quality)?;
            if bytes.len() < 300_000 || quality <= 40 {
                return Ok(bytes);
            }
            quality -= 10;
        }
    }

    fn text_card(&self, job: &CardJob) -> Result<Vec<u8>, crate::content::photo::Refusal> {
        let image = draw::text_card(
            &self.theme.fonts,
            &self.theme.layout,
            self.palette,
            &job.text,
        );
        self.encode_card(&image)
    }

    /// Decodes the photo and makes the files of `missing`.
    fn make(
        &self,
        index: usize,
        bytes: &[u8],
        missing: &[&Planned],
    ) -> Result<Vec<Vec<u8>>, crate::content::photo::Refusal> {
        let photo = &self.site.photos[index];
        let max_pixels = self.site.config.images.max_pixels;
        let upright = pixels::decode(bytes, max_pixels)?;
        // Resize from the widest variant down: each step starts from the one before.
        let mut sizes: Vec<RgbImage> = Vec::with_capacity(photo.variants.len());
        if missing
            .iter()
            .any(|p| matches!(p.product, Product::Variant { .. }))
        {
            let mut from = &upright;
            for variant in photo.variants.iter().rev() {
                let next = pixels::resize(from, variant.width, variant.height, self.filter);
                sizes.push(next);
                from = sizes.last().expect("just pushed");
            }
            sizes.reverse();
        }
        let base = missing
            .iter()
            .any(|p| matches!(p.product, Product::Card(_)))
            .then(|| pixels::card_base(&upright, photo.focus, self.filter));
        drop(upright);
        missing
            .iter()
            .map(|planned| match planned.product {
                Product::Variant { index, webp: true } => {
                    pixels::encode_webp(&sizes[index], self.quality())
                }
                Product::Variant { index, webp: false } => {
                    pixels::encode_jpeg(&sizes[index], self.quality())
                }
                Product::Card(job) => {
                    let card = draw::photo_card(
                        base.clone().expect("made when a card is missing"),
                        &self.theme.fonts,
                        &self.theme.layout,
                        self.palette,
                        &self.cards[job].text,
                    );
                    self.encode_card(&card)
                }
            })
            .collect()
    }
}

enum Unit {
    Photo(usize),
    Text(usize),
}

/// Makes and writes every image of the site; a photo that cannot be processed is a diagnostic.
pub fn run(
    site: &Site,
    theme: &Theme,
    cache: &ImageCache,
    output: &dyn Output,
    progress: bool,
    scope: Scope,
) -> Result<Result<ImageCounts, Diagnostics>, Error> {
    let settings = Settings::new(site, theme, scope)?;
    // Without variants, a photo is read only for a card that is made.
    let with_card: BTreeSet<usize> = settings.cards.iter().filter_map(|c| c.photo).collect();
    let units: Vec<Unit> = (0..site.photos.len())
        .filter(|i| settings.variants || with_card.contains(i))
        .map(Unit::Photo)
        .chain(
            settings
                .cards
                .iter()
                .enumerate()
                .filter(|(_, job)| job.photo.is_none())
                .map(|(i, _)| Unit::Text(i)),
        )
        .collect();
    let bar = if progress {
        let bar = ProgressBar::new(units.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("images {bar:30} {pos}/{len} {elapsed}")
                .expect("the template is valid"),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    // A photo costs a hundred text cards: one unit per task, or rayon hands one thread a run of
    // photos that no idle thread may split (measured: 1.2× instead of 2× on two cores).
    let outcomes: Vec<Result<Result<ImageCounts, Diagnostic>, Error>> = units
        .par_iter()
        .with_max_len(1)
        .map(|unit| {
            let outcome = run_unit(&settings, unit, cache, output);
            bar.inc(1);
            outcome
        })
        .collect();
    bar.finish_and_clear();
    let mut counts = ImageCounts::default();
    let mut problems = Diagnostics::default();
    for outcome in outcomes {
        match outcome? {
            Ok(done) => {
                counts.images += done.images;
                counts.cached += done.cached;
            }
            Err(diagnostic) => problems.push(diagnostic),
        }
    }
    Ok(if problems.is_empty() {
        Ok(counts)
    } else {
        Err(problems)
    })
}

/// What `check` does in place of `run`: the card settings made from the theme and every photo
/// decoded by the function a build decodes with, so `check` passes exactly when the images of a
/// build would. Nothing is written or cached.
pub fn check(site: &Site, theme: &Theme) -> Result<Diagnostics, Error> {
    Settings::new(site, theme, Scope::All)?;
    let max_pixels = site.config.images.max_pixels;
    let outcomes: Vec<Result<Option<Diagnostic>, Error>> = site
        .photos
        .par_iter()
        .with_max_len(1)
        .map(|photo| {
            let bytes = std::fs::read(&photo.source).map_err(|e| Error::io(&photo.source, e))?;
            Ok(pixels::decode(&bytes, max_pixels)
                .err()
                .map(|refusal| photo.origin.error(refusal.message).with_hint(refusal.hint)))
        })
        .collect();
    let mut problems = Diagnostics::default();
    for outcome in outcomes {
        if let Some(problem) = outcome? {
            problems.push(problem);
        }
    }
    Ok(problems)
}

fn run_unit(
    settings: &Settings,
    unit: &Unit,
    cache: &ImageCache,
    output: &dyn Output,
) -> Result<Result<ImageCounts, Diagnostic>, Error> {
    let write = |url: &str, bytes: &[u8], entry: &std::path::Path| {
        output.write_cached(url.trim_start_matches('/'), bytes, entry)
    };
    match *unit {
        Unit::Text(i) => {
            let job = &settings.cards[i];
            let key = settings.card_key(None, job);
            if let Some(entry) = cache.entry(&key) {
                output.copy_from(job.url.trim_start_matches('/'), &entry)?;
                return Ok(Ok(ImageCounts {
                    images: 1,
                    cached: 1,
                }));
            }
            let bytes = match settings.text_card(job) {
                Ok(bytes) => bytes,
                Err(refusal) => {
                    return Err(Error::Image {
                        path: job.url.clone().into(),
                        message: refusal.message.en().to_owned(),
                    })
                }
            };
            let entry = cache.put(&key, &bytes)?;
            write(&job.url, &bytes, &entry)?;
            Ok(Ok(ImageCounts {
                images: 1,
                cached: 0,
            }))
        }
        Unit::Photo(index) => {
            let photo = &settings.site.photos[index];
            let bytes = std::fs::read(&photo.source).map_err(|e| Error::io(&photo.source, e))?;
            let source = *blake3::hash(&bytes).as_bytes();
            let planned = settings.photo_files(index, &source);
            let mut missing = Vec::new();
            let mut counts = ImageCounts {
                images: planned.len(),
                cached: 0,
            };
            for file in &planned {
                match cache.entry(&file.key) {
                    Some(entry) => {
                        output.copy_from(file.url.trim_start_matches('/'), &entry)?;
                        counts.cached += 1;
                    }
                    None => missing.push(file),
                }
            }
            if missing.is_empty() {
                return Ok(Ok(counts));
            }
            let made = match settings.make(index, &bytes, &missing) {
                Ok(made) => made,
                Err(refusal) => {
                    return Ok(Err(photo
                        .origin
                        .error(refusal.message)
                        .with_hint(refusal.hint)))
                }
            };
            for (file, bytes) in missing.iter().zip(made) {
                let entry = cache.put(&file.key, &bytes)?;
                write(&file.url, &bytes, &entry)?;
            }
            Ok(Ok(counts))
        }
    }
}

/// The site path of every image file `run` writes, with what it is.
pub fn planned_files(site: &Site, theme: &Theme) -> Vec<(String, &'static str)> {
    let variants = site.photos.iter().flat_map(|photo| {
        photo
            .variants
            .iter()
            .flat_map(|v| std::iter::once(v.jpeg_url.clone()).chain(v.webp_url.clone()))
    });
    variants
        .map(|url| (url, "a photo"))
        .chain(
            plan::plan(site, &theme.strings)
                .into_iter()
                .map(|card| (card.url, "a social card")),
        )
        .collect()
}

/// The keys of every image the site uses now (for `cache prune`).
pub fn used_keys(site: &Site, theme: &Theme) -> Result<BTreeSet<Key>, Error> {
    let settings = Settings::new(site, theme, Scope::All)?;
    let mut keys: BTreeSet<Key> = settings
        .cards
        .iter()
        .filter(|job| job.photo.is_none())
        .map(|job| settings.card_key(None, job))
        .collect();
    let photo_keys: Vec<Vec<Key>> = (0..site.photos.len())
        .into_par_iter()
        .map(|index| {
            let photo = &site.photos[index];
            let bytes = std::fs::read(&photo.source).map_err(|e| Error::io(&photo.source, e))?;
            let source = *blake3::hash(&bytes).as_bytes();
            Ok(settings
                .photo_files(index, &source)
                .into_iter()
                .map(|p| p.key)
                .collect())
        })
        .collect::<Result<_, Error>>()?;
    keys.extend(photo_keys.into_iter().flatten());
    Ok(keys)
}
