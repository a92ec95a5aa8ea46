//! The organisation's logo (`organization.logo` in site.yaml), held to the rules of photos: a file
//! inside the site folder, not reached through a symbolic link out of it, and an image (a PNG,
//! JPEG or WebP that decodes, or an SVG that runs no script and loads nothing).

use std::path::{Component, Path, PathBuf};

use quick_xml::events::{BytesStart, Event};

use crate::base::diagnostics::Diagnostic;
use crate::base::language::Language;
use crate::base::source::{SourceFile, Span};
use crate::base::text::Text;

/// A logo that passed its checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    /// As written, relative to the site folder, without `.` parts.
    pub relative: PathBuf,
    /// The file on disk, every symbolic link resolved.
    pub source: PathBuf,
    /// Written as a file in `static/` (not a link): published there with the static files.
    pub in_static: bool,
}

/// More than any logo needs; keeps a wrong file from being read whole.
const MAX_BYTES: u64 = 5_000_000;

fn where_hint() -> Text {
    crate::text!(
        "`organization.logo` is relative to the site folder, e.g. `static/logo.svg`",
        "`organization.logo` is gerekend vanaf de map van de site, bijvoorbeeld `static/logo.svg`"
    )
}

/// Checks the logo `written` in site.yaml at `span`; every refusal is one error there.
pub fn check(
    root: &Path,
    written: &str,
    file: &SourceFile,
    span: Span,
) -> Result<Logo, Diagnostic> {
    let refuse = |message: Text, hint: Text| file.error(span, message).with_hint(hint);
    let relative = relative_path(written).map_err(|message| refuse(message, where_hint()))?;
    let full = root.join(&relative);
    let real_root = root
        .canonicalize()
        .map_err(|_| refuse(missing(written), where_hint()))?;
    let source = match full.canonicalize() {
        Ok(source) if source.is_file() => source,
        _ => return Err(refuse(missing(written), where_hint())),
    };
    if !source.starts_with(&real_root) {
        return Err(refuse(
            crate::text!(
                "logo `{written}` links to a file outside the site folder",
                "logo `{written}` verwijst naar een bestand buiten de map van de site"
            ),
            crate::text!(
                "copy the logo into `static/` instead of linking to it",
                "kopieer het logo naar `static/` in plaats van ernaar te verwijzen"
            ),
        ));
    }
    let bytes = read_limited(&source).map_err(|message| {
        let nl = message.get(Language::Nl);
        refuse(
            crate::text!("logo `{written}`: {message}", "logo `{written}`: {nl}"),
            crate::text!(
                "use a PNG, JPEG, WebP or SVG file",
                "gebruik een PNG-, JPEG-, WebP- of SVG-bestand"
            ),
        )
    })?;
    image_kind(&bytes).map_err(|message| {
        let nl = message.get(Language::Nl);
        refuse(
            crate::text!("logo `{written}` {message}", "logo `{written}` {nl}"),
            crate::text!(
                "use a PNG, JPEG or WebP image, or an SVG without scripts, event attributes or links to other files",
                "gebruik een PNG-, JPEG- of WebP-afbeelding, of een SVG zonder scripts, event-attributen of verwijzingen naar andere bestanden"
            ),
        )
    })?;
    let linked = std::fs::symlink_metadata(&full).is_ok_and(|m| m.file_type().is_symlink());
    Ok(Logo {
        in_static: relative.starts_with("static") && !linked,
        relative,
        source,
    })
}

fn missing(written: &str) -> Text {
    crate::text!(
        "logo `{written}` does not exist",
        "logo `{written}` bestaat niet"
    )
}

/// `written` as a path below the site folder: not absolute, not leaving it.
fn relative_path(written: &str) -> Result<PathBuf, Text> {
    let mut relative = PathBuf::new();
    for component in Path::new(written).components() {
        match component {
            Component::Normal(part) => relative.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !relative.pop() {
                    return Err(crate::text!(
                        "logo `{written}` leaves the site folder",
                        "logo `{written}` ligt buiten de map van de site"
                    ));
                }
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err(crate::text!(
                    "logo `{written}` is an absolute path",
                    "logo `{written}` is een absoluut pad"
                ))
            }
        }
    }
    if relative.as_os_str().is_empty() || written.starts_with('\\') {
        return Err(crate::text!(
            "logo `{written}` names no file",
            "logo `{written}` noemt geen bestand"
        ));
    }
    Ok(relative)
}

fn read_limited(path: &Path) -> Result<Vec<u8>, Text> {
    use std::io::Read;
    let file = std::fs::File::open(path)
        .map_err(|e| crate::text!("cannot be read: {e}", "is niet te lezen: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| crate::text!("cannot be read: {e}", "is niet te lezen: {e}"))?;
    if bytes.len() as u64 > MAX_BYTES {
        let mb = MAX_BYTES / 1_000_000;
        return Err(crate::text!(
            "is larger than {mb} MB",
            "is groter dan {mb} MB"
        ));
    }
    Ok(bytes)
}

/// Whether `bytes` are an image a logo may be: `Err` says what is wrong ("is not an image").
fn image_kind(bytes: &[u8]) -> Result<(), Text> {
    if let Ok(format) = image::guess_format(bytes) {
        if !matches!(
            format,
            image::ImageFormat::Png | image::ImageFormat::Jpeg | image::ImageFormat::WebP
        ) {
            return Err(crate::text!(
                "is not a PNG, JPEG, WebP or SVG image",
                "is geen PNG-, JPEG-, WebP- of SVG-afbeelding"
            ));
        }
        let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
        reader.limits(crate::content::photo::limits(50_000_000));
        return reader
            .decode()
            .map(|_| ())
            .map_err(|e| crate::text!("cannot be decoded: {e}", "is niet te openen: {e}"));
    }
    svg_problem(bytes)
}

/// An SVG a browser shows without running or loading anything: no script, no event attribute,
/// no reference to another file or host, no entity declarations.
fn svg_problem(bytes: &[u8]) -> Result<(), Text> {
    let not_image = || crate::text!("is not an image", "is geen afbeelding");
    let text = std::str::from_utf8(bytes).map_err(|_| not_image())?;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut root_seen = false;
    let mut in_style = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(element)) | Ok(Event::Empty(element)) => {
                let name = local_name(&element);
                if !root_seen && name != "svg" {
                    return Err(not_image());
                }
                root_seen = true;
                if ["script", "foreignobject", "iframe", "embed", "object"].contains(&name.as_str())
                {
                    return Err(crate::text!(
                        "is an SVG with a `<{name}>` element",
                        "is een SVG met een `<{name}>`-element"
                    ));
                }
                in_style = name == "style";
                svg_attributes(&element)?;
            }
            Ok(Event::Text(text)) if in_style => {
                let css = text.to_lowercase();
                loads_something(&css)?;
            }
            Ok(Event::CData(text)) if in_style => {
                let css = text.to_lowercase();
                loads_something(&css)?;
            }
            Ok(Event::End(_)) => in_style = false,
            Ok(Event::DocType(doctype)) => {
                if doctype.to_lowercase().contains("<!entity") {
                    return Err(crate::text!(
                        "is an SVG that declares entities",
                        "is een SVG die entities declareert"
                    ));
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(_) => {
                return Err(if root_seen {
                    not_well_formed()
                } else {
                    not_image()
                })
            }
        }
    }
    if root_seen {
        Ok(())
    } else {
        Err(not_image())
    }
}

fn not_well_formed() -> Text {
    crate::text!("is not a well-formed SVG", "is geen geldige SVG")
}

fn local_name(element: &BytesStart) -> String {
    element.local_name().as_ref().to_lowercase()
}

fn svg_attributes(element: &BytesStart) -> Result<(), Text> {
    for attribute in element.attributes() {
        let attribute = attribute.map_err(|_| not_well_formed())?;
        let name = attribute.key.local_name().as_ref().to_lowercase();
        // Entities decoded first, so `&#x68;ttps:` is seen as `https:`.
        let value = quick_xml::escape::unescape(&attribute.value)
            .map_err(|_| not_well_formed())?
            .trim()
            .to_lowercase();
        if name.starts_with("on") {
            return Err(crate::text!(
                "is an SVG with an event attribute `{name}`",
                "is een SVG met een event-attribuut `{name}`"
            ));
        }
        if name == "href" && !value.starts_with('#') {
            return Err(crate::text!(
                "is an SVG that links to `{value}`",
                "is een SVG die verwijst naar `{value}`"
            ));
        }
        loads_something(&value)?;
    }
    Ok(())
}

/// CSS or an attribute that loads another file: `url(…)` other than `url(#id)`, `@import`.
fn loads_something(text: &str) -> Result<(), Text> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let loads = compact.contains("@import")
        || compact.contains("javascript:")
        || compact.match_indices("url(").any(|(i, _)| {
            !compact[i + 4..]
                .trim_start_matches(['"', '\''])
                .starts_with('#')
        });
    if loads {
        Err(crate::text!(
            "is an SVG that loads another file",
            "is een SVG die een ander bestand laadt"
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_logos_may_not_run_or_load_anything() {
        let ok = br##"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use href="#g"/></svg>"##;
        assert_eq!(image_kind(ok), Ok(()));
        let cases: [(&[u8], &str); 7] = [
            (
                b"<svg><script>alert(1)</script></svg>",
                "is an SVG with a `<script>` element",
            ),
            (
                b"<svg onload=\"alert(1)\"/>",
                "is an SVG with an event attribute `onload`",
            ),
            (
                b"<svg><image href=\"https://t.example/p.gif\"/></svg>",
                "is an SVG that links to `https://t.example/p.gif`",
            ),
            (
                b"<svg><style>rect { fill: url(https://t.example/x) }</style></svg>",
                "is an SVG that loads another file",
            ),
            (b"TF-2026-0001:\n  subject: anneke\n", "is not an image"),
            (b"<html><svg/></html>", "is not an image"),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "cannot be decoded: "),
        ];
        for (bytes, expected) in cases {
            let found = image_kind(bytes).unwrap_err();
            assert!(found.starts_with(expected), "{found}");
        }
    }

    #[test]
    fn logo_paths_stay_inside_the_site() {
        assert_eq!(
            relative_path("./static/logo.svg").unwrap(),
            PathBuf::from("static/logo.svg")
        );
        assert_eq!(
            relative_path("../logo.svg").unwrap_err(),
            "logo `../logo.svg` leaves the site folder"
        );
        assert_eq!(
            relative_path("/etc/passwd").unwrap_err(),
            "logo `/etc/passwd` is an absolute path"
        );
    }
}
