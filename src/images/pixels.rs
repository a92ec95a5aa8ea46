//! Pixels: photos decoded upright into sRGB, resized, cropped for cards, and re-encoded as JPEG
//! and WebP without metadata. No original byte reaches the output.

use fast_image_resize::ResizeAlg;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageReader, RgbImage};

use crate::content::photo::{limits, refusal, too_large, undecodable, Refusal};
use crate::content::story::Focus;
use crate::model::photos::{card_crop, CARD_HEIGHT, CARD_WIDTH};

/// Decodes a photo once: upright, in sRGB, transparent parts on white.
pub fn decode(bytes: &[u8], max_pixels: u64) -> Result<RgbImage, Refusal> {
    if bytes.starts_with(&[0xff, 0xd8]) && !jpeg_is_complete(bytes) {
        return Err(refusal(
            crate::text!(
                "the photo cannot be decoded: the JPEG file is truncated (it has no end-of-image marker)",
                "de foto is niet te openen: het JPEG-bestand is afgebroken (het einde ontbreekt)"
            ),
            crate::text!(
                "the file was cut off while copying or uploading: export it again as JPEG",
                "het bestand is bij het kopiëren of uploaden afgebroken: exporteer het opnieuw als JPEG"
            ),
        ));
    }
    let mut reader = ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| {
            refusal(
                crate::text!(
                    "cannot read the photo: {e}",
                    "de foto is niet te lezen: {e}"
                ),
                crate::text!("check the file", "controleer het bestand"),
            )
        })?;
    reader.limits(limits(max_pixels));
    let mut decoder = reader.into_decoder().map_err(|e| undecodable(&e))?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > max_pixels {
        return Err(too_large(width, height, max_pixels));
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten();
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| undecodable(&e))?;
    image.apply_orientation(orientation);
    let mut rgb = flatten(image);
    if let Some(icc) = icc {
        to_srgb(&mut rgb, &icc);
    }
    Ok(rgb)
}

/// Converts pixels described by an embedded RGB profile (Adobe RGB, Display P3, a camera's) to
/// sRGB, the space the written files are read in once their profile is stripped. CMYK JPEGs are
/// already turned into RGB by the decoder; a profile that cannot be read is ignored.
fn to_srgb(image: &mut RgbImage, icc: &[u8]) {
    use moxcms::{ColorProfile, DataColorSpace, Layout, TransformOptions};
    let Ok(source) = ColorProfile::new_from_slice(icc) else {
        return;
    };
    if source.color_space != DataColorSpace::Rgb {
        return;
    }
    let srgb = ColorProfile::new_srgb();
    let Ok(transform) =
        source.create_transform_8bit(Layout::Rgb, &srgb, Layout::Rgb, TransformOptions::default())
    else {
        return;
    };
    let mut out = vec![0u8; image.as_raw().len()];
    if transform.transform(image.as_raw(), &mut out).is_ok() {
        if let Some(converted) = RgbImage::from_raw(image.width(), image.height(), out) {
            *image = converted;
        }
    }
}

/// The resampling filter named in `images.filter` (one of `config::FILTERS`).
pub fn filter(name: &str) -> Option<ResizeAlg> {
    use fast_image_resize::FilterType as F;
    Some(match name {
        "lanczos3" => ResizeAlg::Convolution(F::Lanczos3),
        "catmullrom" => ResizeAlg::Convolution(F::CatmullRom),
        "mitchell" => ResizeAlg::Convolution(F::Mitchell),
        "triangle" => ResizeAlg::Convolution(F::Bilinear),
        "gaussian" => ResizeAlg::Convolution(F::Gaussian),
        "nearest" => ResizeAlg::Nearest,
        _ => return None,
    })
}

/// Scales `region` (x, y, width, height) of `image` to `width`×`height` with SIMD convolution
/// (`fast_image_resize`), in one pass.
fn scale(
    image: &RgbImage,
    region: (u32, u32, u32, u32),
    width: u32,
    height: u32,
    filter: ResizeAlg,
) -> RgbImage {
    let source = fast_image_resize::images::ImageRef::new(
        image.width(),
        image.height(),
        image.as_raw(),
        fast_image_resize::PixelType::U8x3,
    )
    .expect("an RgbImage holds three bytes a pixel");
    let mut target =
        fast_image_resize::images::Image::new(width, height, fast_image_resize::PixelType::U8x3);
    let (x, y, w, h) = region;
    let options = fast_image_resize::ResizeOptions::new()
        .resize_alg(filter)
        .crop(f64::from(x), f64::from(y), f64::from(w), f64::from(h));
    fast_image_resize::Resizer::new()
        .resize(&source, &mut target, &options)
        .expect("source and target are both RGB");
    RgbImage::from_raw(width, height, target.into_vec())
        .expect("the target has width×height pixels")
}

pub fn resize(image: &RgbImage, width: u32, height: u32, filter: ResizeAlg) -> RgbImage {
    if image.width() == width && image.height() == height {
        image.clone()
    } else {
        scale(
            image,
            (0, 0, image.width(), image.height()),
            width,
            height,
            filter,
        )
    }
}

/// The photo cropped around `focus` and scaled to 1200×630.
pub fn card_base(image: &RgbImage, focus: Focus, filter: ResizeAlg) -> RgbImage {
    let region = card_crop(image.width(), image.height(), focus);
    scale(image, region, CARD_WIDTH, CARD_HEIGHT, filter)
}

/// Decoders fill a cut-off JPEG with grey instead of failing; a complete one has its end-of-image
/// marker after its last scan (inside entropy-coded data `FF` is never followed by `D9`).
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let last = |marker: u8| {
        bytes
            .windows(2)
            .rposition(|w| w[0] == 0xff && w[1] == marker)
    };
    match (last(0xda), last(0xd9)) {
        (Some(scan), Some(end)) => end > scan,
        _ => false,
    }
}

/// RGB without alpha: transparent parts of a PNG become white, as on the page.
fn flatten(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let blend =
            |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([blend(r), blend(g), blend(b)])
    })
}

/// A baseline JPEG (`jpeg-encoder`, 4:2:0) with a JFIF header and no
/// metadata segments at all (no EXIF, XMP, ICC or comments).
pub fn encode_jpeg(image: &RgbImage, quality: u8) -> Result<Vec<u8>, Refusal> {
    let mut bytes = Vec::new();
    let (Ok(width), Ok(height)) = (u16::try_from(image.width()), u16::try_from(image.height()))
    else {
        return Err(refusal(
            crate::text!(
                "the photo is too large for a JPEG variant",
                "de foto is te groot voor een JPEG-versie"
            ),
            crate::text!(
                "use `images.widths` of at most 4096 pixels",
                "gebruik `images.widths` van hoogstens 4096 pixels"
            ),
        ));
    };
    // Its optimised Huffman tables are not read correctly by every decoder (zune-jpeg, the one
    // of the `image` crate, shows wrong colours): the standard tables are safe everywhere.
    let encoder = jpeg_encoder::Encoder::new(&mut bytes, quality);
    encoder
        .encode(image.as_raw(), width, height, jpeg_encoder::ColorType::Rgb)
        .map_err(|e| {
            refusal(
                crate::text!(
                    "cannot encode the photo: {e}",
                    "de foto kan niet worden opgeslagen: {e}"
                ),
                crate::text!("report this as a bug", "meld dit als fout in werkenbij"),
            )
        })?;
    Ok(bytes)
}

/// A lossy WebP (libwebp): only the image data, no EXIF, XMP or ICC chunk. Method 2 of 0–6 is
/// about twice as fast as libwebp's default 4 for files a few per cent larger.
pub fn encode_webp(image: &RgbImage, quality: u8) -> Result<Vec<u8>, Refusal> {
    let failed = |why: String| {
        refusal(
            crate::text!(
                "cannot encode the photo as WebP: {why}",
                "de foto kan niet als WebP worden opgeslagen: {why}"
            ),
            crate::text!(
                "set `images.webp: false` in content/site.yaml, and report this as a bug",
                "zet `images.webp: false` in content/site.yaml, en meld dit als fout in werkenbij"
            ),
        )
    };
    let mut config = webp::WebPConfig::new().map_err(|()| failed("no encoder".into()))?;
    config.lossless = 0;
    config.quality = f32::from(quality);
    config.method = 2;
    webp::Encoder::from_rgb(image.as_raw(), image.width(), image.height())
        .encode_advanced(&config)
        .map(|memory| memory.to_vec())
        .map_err(|e| failed(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_filter_site_yaml_accepts_is_one() {
        for name in crate::content::config::FILTERS {
            assert!(filter(name).is_some(), "{name}");
        }
    }
}
