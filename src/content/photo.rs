//! Photo files before any pixel is decoded: the header (format, upright size), read when
//! validation meets a photo, and the refusal of a file that is no usable photo. `images` decodes.

use std::io::{BufReader, Read};
use std::path::Path;

use image::metadata::Orientation;
use image::{ImageDecoder, ImageReader, Limits};

use crate::base::text::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Probe {
    /// Upright size.
    pub width: u32,
    pub height: u32,
}

/// A photo that cannot be used, with what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: Text,
    pub hint: Text,
}

pub fn refusal(message: impl Into<Text>, hint: impl Into<Text>) -> Refusal {
    Refusal {
        message: message.into(),
        hint: hint.into(),
    }
}

/// Reads only the header: format, size and orientation, and refuses what cannot or must not be
/// decoded (HEIC, huge images) before any pixel is.
pub fn probe(path: &Path, max_pixels: u64) -> Result<Probe, Refusal> {
    let mut head = [0u8; 16];
    let read = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(|e| {
            refusal(
                crate::text!(
                    "cannot read the photo: {e}",
                    "de foto is niet te lezen: {e}"
                ),
                crate::text!(
                    "check that the file exists and is readable",
                    "controleer of het bestand bestaat en te lezen is"
                ),
            )
        })?;
    if read >= 12 && &head[4..8] == b"ftyp" {
        let brand = String::from_utf8_lossy(&head[8..12]).to_string();
        if ["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"].contains(&brand.as_str()) {
            return Err(refusal(
                crate::text!(
                    "the photo is HEIC/HEIF (an iPhone photo), which browsers cannot show",
                    "de foto is HEIC/HEIF (een iPhone-foto), en die kunnen browsers niet tonen"
                ),
                crate::text!(
                    "convert it to JPEG, e.g. `heif-convert foto.heic foto.jpg` (Debian package libheif-examples), or on the iPhone choose Settings → Camera → Formats → Most Compatible",
                    "zet hem om naar JPEG, bijvoorbeeld met `heif-convert foto.heic foto.jpg` (Debian-pakket libheif-examples), of kies op de iPhone Instellingen → Camera → Structuur → Meest compatibel"
                ),
            ));
        }
        return Err(refusal(
            crate::text!(
                "the photo is in a format that is not supported (`{brand}`)",
                "de foto heeft een bestandsformaat dat niet wordt ondersteund (`{brand}`)"
            ),
            crate::text!("convert it to JPEG or PNG", "zet hem om naar JPEG of PNG"),
        ));
    }
    if image::guess_format(&head[..read]).is_err() {
        return Err(not_an_image());
    }
    let reader = open(path, max_pixels)?;
    let format = reader.format();
    let mut decoder = reader.into_decoder().map_err(|e| undecodable(&e))?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > max_pixels {
        return Err(too_large(width, height, max_pixels));
    }
    if !matches!(
        format,
        Some(image::ImageFormat::Jpeg | image::ImageFormat::Png | image::ImageFormat::WebP)
    ) {
        return Err(refusal(
            crate::text!(
                "the photo is not a JPEG, PNG or WebP file",
                "de foto is geen JPEG-, PNG- of WebP-bestand"
            ),
            crate::text!("convert it to JPEG", "zet hem om naar JPEG"),
        ));
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let (width, height) = if turns_sideways(orientation) {
        (height, width)
    } else {
        (width, height)
    };
    Ok(Probe { width, height })
}

fn open(path: &Path, max_pixels: u64) -> Result<ImageReader<BufReader<std::fs::File>>, Refusal> {
    let unreadable = |e: std::io::Error| {
        refusal(
            crate::text!(
                "cannot read the photo: {e}",
                "de foto is niet te lezen: {e}"
            ),
            crate::text!(
                "check that the file exists",
                "controleer of het bestand bestaat"
            ),
        )
    };
    let mut reader = ImageReader::open(path)
        .map_err(unreadable)?
        .with_guessed_format()
        .map_err(unreadable)?;
    reader.limits(limits(max_pixels));
    if reader.format().is_none() {
        return Err(not_an_image());
    }
    Ok(reader)
}

/// Memory a decoder may take: four bytes a pixel plus room for its own buffers.
pub fn limits(max_pixels: u64) -> Limits {
    let mut limits = Limits::default();
    limits.max_alloc = Some(max_pixels.saturating_mul(8));
    limits
}

fn turns_sideways(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

fn not_an_image() -> Refusal {
    refusal(
        crate::text!("the file is not an image", "het bestand is geen afbeelding"),
        crate::text!(
            "use a JPEG, PNG or WebP photo",
            "gebruik een JPEG-, PNG- of WebP-foto"
        ),
    )
}

pub fn undecodable(error: &image::ImageError) -> Refusal {
    refusal(
        crate::text!(
            "the photo cannot be decoded: {error}",
            "de foto is niet te openen: {error}"
        ),
        crate::text!(
            "the file may be truncated or damaged: export it again as JPEG",
            "het bestand is misschien afgebroken of beschadigd: exporteer het opnieuw als JPEG"
        ),
    )
}

pub fn too_large(width: u32, height: u32, max_pixels: u64) -> Refusal {
    refusal(
        crate::text!(
            "the photo is {width}×{height} pixels, more than `images.max_pixels` ({max_pixels}) allows",
            "de foto is {width}×{height} pixels, meer dan `images.max_pixels` ({max_pixels}) toestaat"
        ),
        crate::text!(
            "scale it down to at most 6000 pixels on the long side before committing it",
            "maak hem kleiner, tot hoogstens 6000 pixels aan de lange kant, voordat je hem toevoegt"
        ),
    )
}
