//! The organisation's logo (`organization.logo` in site.yaml), held to the rules of photos: a file
//! inside the site folder, not reached through a symbolic link out of it, and an image (a PNG,
//! JPEG or WebP that decodes, or an SVG that runs no script and loads nothing).

use std::path::{Component, Path, PathBuf};

use quick_xml::events::{BytesStart, Event};

use crate::base::diagnostics::Diagnostic;
use crate::base::source::{SourceFile, Span};

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

const WHERE_HINT: &str =
    "`organization.logo` is relative to the site folder, e.g. `static/logo.svg`";

/// Checks the logo `written` in site.yaml at `span`; every refusal is one error there.
pub fn check(
    root: &Path,
    written: &str,
    file: &SourceFile,
    span: Span,
) -> Result<Logo, Diagnostic> {
    let refuse = |message: String, hint: &str| file.error(span, message).with_hint(hint.to_owned());
    let relative = relative_path(written).map_err(|message| refuse(message, WHERE_HINT))?;
    let full = root.join(&relative);
    let real_root = root
        .canonicalize()
        .map_err(|_| refuse(format!("logo `{written}` does not exist"), WHERE_HINT))?;
    let source = match full.canonicalize() {
        Ok(source) if source.is_file() => source,
        _ => {
            return Err(refuse(
                format!("logo `{written}` does not exist"),
                WHERE_HINT,
            ))
        }
    };
    if !source.starts_with(&real_root) {
        return Err(refuse(
            format!("logo `{written}` links to a file outside the site folder"),
            "copy the logo into `static/` instead of linking to it",
        ));
    }
    let bytes = read_limited(&source).map_err(|message| {
        refuse(
            format!("logo `{written}`: {message}"),
            "use a PNG, JPEG, WebP or SVG file",
        )
    })?;
    image_kind(&bytes).map_err(|message| {
        refuse(
            format!("logo `{written}` {message}"),
            "use a PNG, JPEG or WebP image, or an SVG without scripts, event attributes or links to other files",
        )
    })?;
    let linked = std::fs::symlink_metadata(&full).is_ok_and(|m| m.file_type().is_symlink());
    Ok(Logo {
        in_static: relative.starts_with("static") && !linked,
        relative,
        source,
    })
}

/// `written` as a path below the site folder: not absolute, not leaving it.
fn relative_path(written: &str) -> Result<PathBuf, String> {
    let mut relative = PathBuf::new();
    for component in Path::new(written).components() {
        match component {
            Component::Normal(part) => relative.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !relative.pop() {
                    return Err(format!("logo `{written}` leaves the site folder"));
                }
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err(format!("logo `{written}` is an absolute path"))
            }
        }
    }
    if relative.as_os_str().is_empty() || written.starts_with('\\') {
        return Err(format!("logo `{written}` names no file"));
    }
    Ok(relative)
}

fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| format!("cannot be read: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot be read: {e}"))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!("is larger than {} MB", MAX_BYTES / 1_000_000));
    }
    Ok(bytes)
}

/// Whether `bytes` are an image a logo may be: `Err` says what is wrong ("is not an image").
fn image_kind(bytes: &[u8]) -> Result<(), String> {
    if let Ok(format) = image::guess_format(bytes) {
        if !matches!(
            format,
            image::ImageFormat::Png | image::ImageFormat::Jpeg | image::ImageFormat::WebP
        ) {
            return Err("is not a PNG, JPEG, WebP or SVG image".to_owned());
        }
        let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
        reader.limits(crate::content::photo::limits(50_000_000));
        return reader
            .decode()
            .map(|_| ())
            .map_err(|e| format!("cannot be decoded: {e}"));
    }
    svg_problem(bytes)
}

/// An SVG a browser shows without running or loading anything: no script, no event attribute,
/// no reference to another file or host, no entity declarations.
fn svg_problem(bytes: &[u8]) -> Result<(), String> {
    let not_image = || "is not an image".to_owned();
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
                    return Err(format!("is an SVG with a `<{name}>` element"));
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
                    return Err("is an SVG that declares entities".to_owned());
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(_) => {
                return Err(if root_seen {
                    "is not a well-formed SVG".to_owned()
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

fn local_name(element: &BytesStart) -> String {
    element.local_name().as_ref().to_lowercase()
}

fn svg_attributes(element: &BytesStart) -> Result<(), String> {
    for attribute in element.attributes() {
        let attribute = attribute.map_err(|_| "is not a well-formed SVG".to_owned())?;
        let name = attribute.key.local_name().as_ref().to_lowercase();
        // Entities decoded first, so `&#x68;ttps:` is seen as `https:`.
        let value = quick_xml::escape::unescape(&attribute.value)
            .map_err(|_| "is not a well-formed SVG".to_owned())?
            .trim()
            .to_lowercase();
        if name.starts_with("on") {
            return Err(format!("is an SVG with an event attribute `{name}`"));
        }
        if name == "href" && !value.starts_with('#') {
            return Err(format!("is an SVG that links to `{value}`"));
        }
        loads_something(&value)?;
    }
    Ok(())
}

/// CSS or an attribute that loads another file: `url(…)` other than `url(#id)`, `@import`.
fn loads_something(text: &str) -> Result<(), String> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let loads = compact.contains("@import")
        || compact.contains("javascript:")
        || compact.match_indices("url(").any(|(i, _)| {
            !compact[i + 4..]
                .trim_start_matches(['"', '\''])
                .starts_with('#')
        });
    if loads {
        Err("is an SVG that loads another file".to_owned())
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
