//! Photos named in front-matter (an ambassador's `photo`, a story's `image`): described, inside the
//! site, consented to by everyone in them, readable; each source is probed once and planned into
//! its widths.

use std::path::{Path, PathBuf};

use crate::base::diagnostics::did_you_mean_file;
use crate::base::language::Language;
use crate::base::slug::slugify;
use crate::content::front_matter::Document;
use crate::content::story::{Focus, PeopleInPhoto, StoryFront};
use crate::content::{Entry, Section};
use crate::model::photos;
use crate::model::{Origin, Photo, PhotoRef};
use crate::validate::links::inside_site;
use crate::validate::Validator;

/// A photo named in a document's front-matter.
pub(super) struct PhotoRequest<'a> {
    /// The key it is written at (`photo`, `image`), where its problems are reported.
    pub key: &'a str,
    /// The path as written, relative to the Markdown file.
    pub written: &'a str,
    pub alt: Option<&'a str>,
    pub alt_key: &'a str,
    /// The consent references of everyone recognisable, each with the key it is written at.
    pub consents: Vec<(&'a str, String)>,
    pub focus: Focus,
    /// Whose photo it is: the section decides the folder of its renditions, `owner` their name.
    pub section: Section,
    pub owner: &'a str,
}

/// Where a photo's file is: `relative` to the site root, and the `source` on disk.
struct Located {
    relative: PathBuf,
    source: PathBuf,
}

impl Validator<'_> {
    /// The photo of a story that passed its rules: `Err` when `people_in_photo` is wrong, which
    /// leaves the whole story out; `Ok(None)` when it has no photo or the photo is left out.
    pub(super) fn story_photo(
        &mut self,
        entry: &Entry<StoryFront>,
    ) -> Result<Option<PhotoRef>, ()> {
        let doc = &entry.doc;
        let f = &doc.front;
        let Some(written) = &f.image else {
            return Ok(None);
        };
        let mut consents: Vec<(&str, String)> = vec![(&f.consent, "consent".to_owned())];
        match &f.people_in_photo {
            Some(PeopleInPhoto::Word(word)) if word == "none" => {}
            Some(PeopleInPhoto::Word(word)) => {
                self.diagnostics.push(
                    doc.error(
                        "people_in_photo",
                        crate::text!(
                            "`people_in_photo` is `{word}`",
                            "`people_in_photo` is `{word}`"
                        ),
                    )
                    .with_hint(crate::text!(
                        "list the consent references of everyone recognisable, or write `none`",
                        "noem de toestemmingsnummers van iedereen die herkenbaar is, of schrijf `none`"
                    )),
                );
                return Err(());
            }
            Some(PeopleInPhoto::References(refs)) => consents.extend(
                refs.iter()
                    .enumerate()
                    .map(|(i, r)| (r.as_str(), format!("people_in_photo.{i}"))),
            ),
            None => {}
        }
        let request = PhotoRequest {
            key: "image",
            written,
            alt: f.image_alt.as_deref(),
            alt_key: "image_alt",
            consents,
            focus: f.image_focus.unwrap_or_default(),
            section: Section::Stories,
            owner: &entry.slug,
        };
        Ok(self.photo(doc, &request))
    }

    /// The photo of a story left out for another reason: its description and its file are still
    /// checked, so that every problem of the file is reported in one run.
    pub(super) fn left_out_story_photo(&mut self, entry: &Entry<StoryFront>) {
        let f = &entry.doc.front;
        let Some(written) = &f.image else {
            return;
        };
        let request = PhotoRequest {
            key: "image",
            written,
            alt: f.image_alt.as_deref(),
            alt_key: "image_alt",
            consents: Vec::new(),
            focus: Focus::default(),
            section: Section::Stories,
            owner: &entry.slug,
        };
        self.photo_alt(&entry.doc, &request);
        self.locate_photo(&entry.doc, &request);
    }

    /// Resolves, probes and registers a photo named in front-matter; `None` when it is left out.
    pub(super) fn photo<F>(
        &mut self,
        doc: &Document<F>,
        request: &PhotoRequest,
    ) -> Option<PhotoRef> {
        let alt = self.photo_alt(doc, request);
        let located = self.locate_photo(doc, request)?;
        let alt = alt?;
        if !self.photo_consents(doc, request.key, &request.consents) {
            return None;
        }
        let alt = alt.trim().to_owned();
        if let Some(&index) = self.photo_by_source.get(&located.source) {
            if self.photos[index].focus == request.focus {
                return Some(PhotoRef { photo: index, alt });
            }
        }
        let photo = self.probe_photo(doc, request, located)?;
        self.photo_by_source
            .insert(photo.source.clone(), self.photos.len());
        self.photos.push(photo);
        Some(PhotoRef {
            photo: self.photos.len() - 1,
            alt,
        })
    }

    /// The photo's description, or an error when it has none.
    fn photo_alt<'r, F>(
        &mut self,
        doc: &Document<F>,
        request: &PhotoRequest<'r>,
    ) -> Option<&'r str> {
        let (key, alt_key) = (request.key, request.alt_key);
        let alt = request.alt.filter(|a| !a.trim().is_empty());
        if alt.is_none() {
            self.diagnostics.push(
                doc.error(
                    key,
                    crate::text!(
                        "`{key}` has no `{alt_key}`",
                        "`{key}` heeft geen `{alt_key}`"
                    ),
                )
                .with_hint(crate::text!(
                    "describe the photo for people who cannot see it: `{alt_key}: …`",
                    "beschrijf de foto voor wie hem niet kan zien: `{alt_key}: …`"
                )),
            );
        }
        alt
    }

    /// The photo's file, which must exist inside the site folder (a link out of it is refused).
    fn locate_photo<F>(&mut self, doc: &Document<F>, request: &PhotoRequest) -> Option<Located> {
        let (key, written) = (request.key, request.written);
        let relative = match inside_site(&doc.file.path, written) {
            Ok(relative) => relative,
            Err(message) => {
                self.diagnostics
                    .push(doc.error(key, message).with_hint(crate::text!(
                        "name a file in the site folder, relative to this Markdown file",
                        "noem een bestand in de map van de site, gezien vanaf dit Markdown-bestand"
                    )));
                return None;
            }
        };
        let root = &self.content.root;
        let source = root.join(&relative);
        let siblings = file_names_beside(&source);
        let name = source.file_name().map(|n| n.to_string_lossy().into_owned());
        // A file system that ignores case finds `img_2031.jpg` for `IMG_2031.JPG`; a web server
        // does not.
        let exact = match (&siblings, &name) {
            (Some(siblings), Some(name)) => siblings.contains(name),
            _ => true,
        };
        if !source.is_file() || !exact {
            let shown = relative.display();
            let hint = name
                .as_deref()
                .and_then(|name| {
                    did_you_mean_file(name, siblings.iter().flatten().map(String::as_str))
                })
                .unwrap_or_else(|| {
                    crate::text!(
                        "the path is relative to this Markdown file; a story's photos sit beside its index.md",
                        "het pad gaat uit van dit Markdown-bestand; de foto's van een verhaal staan naast de index.md"
                    )
                });
            self.diagnostics.push(
                doc.error(
                    key,
                    crate::text!(
                        "photo `{written}` does not exist (looked for `{shown}`)",
                        "foto `{written}` bestaat niet (gezocht naar `{shown}`)"
                    ),
                )
                .with_hint(hint),
            );
            return None;
        }
        if let (Ok(real), Ok(root)) = (source.canonicalize(), root.canonicalize()) {
            if !real.starts_with(&root) {
                self.diagnostics.push(doc.error(
                    key,
                    crate::text!(
                        "photo `{written}` links to a file outside the site folder",
                        "foto `{written}` verwijst naar een bestand buiten de map van de site"
                    ),
                ));
                return None;
            }
        }
        Some(Located { relative, source })
    }

    /// Reads the photo's size and plans its renditions; warns when it is too small for a card.
    fn probe_photo<F>(
        &mut self,
        doc: &Document<F>,
        request: &PhotoRequest,
        Located { relative, source }: Located,
    ) -> Option<Photo> {
        let (key, written) = (request.key, request.written);
        let config = &self.content.config;
        let probe = match crate::content::photo::probe(&source, config.images.max_pixels) {
            Ok(probe) => probe,
            Err(refusal) => {
                self.diagnostics.push(
                    doc.error(key, {
                        let (en, nl) = (refusal.message.en(), refusal.message.get(Language::Nl));
                        crate::text!("`{written}`: {en}", "`{written}`: {nl}")
                    })
                    .with_hint(refusal.hint),
                );
                return None;
            }
        };
        let stem = relative
            .file_stem()
            .map(|s| slugify(&s.to_string_lossy()))
            .unwrap_or_default();
        let folder = match request.section {
            Section::Ambassadors => &config.paths.ambassadors,
            _ => &config.paths.stories,
        };
        let fits_card = photos::fits_card(probe.width, probe.height);
        if !fits_card {
            self.diagnostics.push(
                doc.warning(key, {
                    let (width, height) = (probe.width, probe.height);
                    crate::text!(
                        "`{written}` is {width}×{height} pixels, too small for a sharp 1200×630 social card; a text card is used instead",
                        "`{written}` is {width}×{height} pixels, te klein voor een scherpe deelafbeelding van 1200×630; er wordt een afbeelding met alleen tekst gebruikt"
                    )
                })
                .with_hint(crate::text!(
                    "use a photo at least 1200 pixels wide and 630 high",
                    "gebruik een foto van minstens 1200 pixels breed en 630 hoog"
                )),
            );
        }
        let variants = photos::plan_variants(
            probe.width,
            probe.height,
            &photos::variant_base(folder, request.owner, &stem),
            &config.images,
        );
        // Browsers without `srcset` get a middle width; the widest sets the aspect ratio.
        let fallback = photos::fallback_variant(&variants).expect("there is at least one width");
        let widest = variants.last().expect("there is at least one width");
        let span = doc.yaml.span(key);
        Some(Photo {
            source,
            origin: Origin {
                path: doc.file.path.clone(),
                span,
                snippet: doc.file.line_text(span.line).map(str::to_owned),
            },
            width: probe.width,
            height: probe.height,
            display_url: fallback.jpeg_url.clone(),
            display_width: widest.width,
            display_height: widest.height,
            fits_card,
            variants,
            focus: request.focus,
        })
    }
}

/// The names of the files in the folder of `path`; `None` when the folder cannot be read.
fn file_names_beside(path: &Path) -> Option<Vec<String>> {
    let folder = path.parent()?;
    let entries = std::fs::read_dir(folder).ok()?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| !t.is_dir()))
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    Some(names)
}
