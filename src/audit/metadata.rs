//! Metadata in the output's images, found by walking their segments (JPEG) and chunks (PNG, WebP):
//! EXIF, XMP, IPTC, comments and text, and ICC profiles other than a device-free sRGB one. The
//! build writes none of these; a photo copied as is (from `static/`, or by hand) has them.

/// The kinds of metadata in the image at `path`, joined with ", "; `None` for a clean image or a
/// file that is not one.
pub(super) fn found(path: &str, bytes: &[u8]) -> Option<String> {
    let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
    let kinds = match extension.as_str() {
        "jpg" | "jpeg" => jpeg(bytes),
        "png" => png(bytes),
        "webp" => webp(bytes),
        _ => return None,
    };
    (!kinds.is_empty()).then(|| kinds.join(", "))
}

fn push(kinds: &mut Vec<&'static str>, kind: &'static str) {
    if !kinds.contains(&kind) {
        kinds.push(kind);
    }
}

/// JPEG segments up to the start of the scan.
fn jpeg(bytes: &[u8]) -> Vec<&'static str> {
    let mut kinds = Vec::new();
    let mut icc = Vec::new();
    let mut at = 2;
    while at + 4 <= bytes.len() && bytes[at] == 0xFF {
        let marker = bytes[at + 1];
        if marker == 0xD8 || marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            at += 2;
            continue;
        }
        if marker == 0xDA || marker == 0xD9 {
            break;
        }
        let length = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        let data = &bytes[(at + 4).min(bytes.len())..(at + 2 + length).min(bytes.len())];
        match marker {
            0xE1 if data.starts_with(b"Exif\0") => push(&mut kinds, "EXIF"),
            0xE1 if data.starts_with(b"http://ns.adobe.com/xap/") => push(&mut kinds, "XMP"),
            0xE1 => push(&mut kinds, "APP1 data"),
            0xE2 if data.starts_with(b"ICC_PROFILE\0") && data.len() > 14 => {
                icc.extend_from_slice(&data[14..]);
            }
            0xED => push(&mut kinds, "IPTC"),
            0xFE => push(&mut kinds, "comment"),
            _ => {}
        }
        at += 2 + length;
    }
    if !icc.is_empty() && !plain_srgb(&icc) {
        push(&mut kinds, "ICC profile");
    }
    kinds
}

/// PNG chunks.
fn png(bytes: &[u8]) -> Vec<&'static str> {
    let mut kinds = Vec::new();
    let mut at = 8;
    while at + 8 <= bytes.len() {
        let length = u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
        let kind = &bytes[at + 4..at + 8];
        let data = &bytes[(at + 8).min(bytes.len())..(at + 8 + length as usize).min(bytes.len())];
        match kind {
            b"eXIf" => push(&mut kinds, "EXIF"),
            b"iTXt" | b"tEXt" | b"zTXt" if data.starts_with(b"XML:com.adobe.xmp") => {
                push(&mut kinds, "XMP");
            }
            b"iTXt" | b"tEXt" | b"zTXt" => push(&mut kinds, "text"),
            b"tIME" => push(&mut kinds, "time"),
            // Compressed; a PNG the build writes never has one, so any is reported.
            b"iCCP" => push(&mut kinds, "ICC profile"),
            b"IEND" => break,
            _ => {}
        }
        at += 12 + length as usize;
    }
    kinds
}

/// WebP (RIFF) chunks.
fn webp(bytes: &[u8]) -> Vec<&'static str> {
    let mut kinds = Vec::new();
    let mut at = 12;
    while at + 8 <= bytes.len() {
        let kind = &bytes[at..at + 4];
        let length =
            u32::from_le_bytes([bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]]);
        let data = &bytes[(at + 8).min(bytes.len())..(at + 8 + length as usize).min(bytes.len())];
        match kind {
            b"EXIF" => push(&mut kinds, "EXIF"),
            b"XMP " => push(&mut kinds, "XMP"),
            b"ICCP" if !plain_srgb(data) => push(&mut kinds, "ICC profile"),
            _ => {}
        }
        at += 8 + length as usize + (length as usize & 1);
    }
    kinds
}

/// An ICC profile that names no device (manufacturer and model zero) and describes itself as
/// sRGB: the only one an image may carry.
fn plain_srgb(icc: &[u8]) -> bool {
    let Some(header) = icc.get(..128) else {
        return false;
    };
    let no_device = header[48..56].iter().all(|b| *b == 0);
    let utf16: Vec<u8> = "sRGB".bytes().flat_map(|b| [0, b]).collect();
    let says_srgb = icc.windows(4).any(|w| w == b"sRGB") || icc.windows(8).any(|w| w == utf16);
    no_device && says_srgb
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jpeg_segments_name_their_metadata() {
        let mut jpeg = vec![0xFF, 0xD8];
        for (marker, data) in [
            (0xE0, &b"JFIF\0"[..]),
            (0xE1, b"Exif\0\0MM"),
            (0xFE, b"taken by"),
        ] {
            jpeg.extend([0xFF, marker]);
            jpeg.extend(u16::try_from(data.len() + 2).unwrap().to_be_bytes());
            jpeg.extend(data);
        }
        jpeg.extend([0xFF, 0xDA, 0, 2, 0xFF, 0xD9]);
        assert_eq!(found("a.jpg", &jpeg).as_deref(), Some("EXIF, comment"));
        assert_eq!(found("a.jpg", &[0xFF, 0xD8, 0xFF, 0xD9]), None);
        assert_eq!(found("a.txt", &jpeg), None);
    }

    #[test]
    fn an_icc_profile_that_names_a_device_is_metadata() {
        let mut icc = vec![0u8; 132];
        icc.extend(b"sRGB IEC61966-2.1");
        assert!(plain_srgb(&icc));
        icc[48..52].copy_from_slice(b"APPL");
        assert!(!plain_srgb(&icc));
    }
}
