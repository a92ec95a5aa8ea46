//! Aliases: the old addresses of a published story or page, each a plain site path (normalised,
//! no `..`, `//`, backslash, percent-encoded dot or slash, query or fragment) that no page, file or
//! other alias of the output has, redirected to its current URL. What validation cannot know yet
//! (feeds, images, the theme's files) is held against the aliases by [`collisions`] once the
//! output is planned.

use std::collections::BTreeMap;

use foldhash::HashMap;

use crate::base::diagnostics::Diagnostics;
use crate::base::text::Text;
use crate::content::front_matter::Document;
use crate::model::{Alias, Origin};
use crate::validate::links::LinkIndex;
use crate::validate::pages::AcceptedPage;
use crate::validate::Validator;

fn path_hint() -> Text {
    crate::text!(
        "write the old address from its first `/`, e.g. `/verhalen/oude-titel/`",
        "schrijf het oude adres vanaf de eerste `/`, bijvoorbeeld `/verhalen/oude-titel/`"
    )
}

/// Why `normalise` refused a path, in Dutch.
fn why_nl(why: &str) -> &str {
    match why {
        "it must start with a single `/`" => "het moet met één `/` beginnen",
        "it has a backslash" => "er staat een backslash in",
        "it has a query or fragment" => "er staat een `?` of `#` in",
        "it has a space, a control character or a quote" => {
            "er staat een spatie, een stuurteken of een aanhalingsteken in"
        }
        "it has a percent-encoded dot, slash or backslash" => {
            "er staat een punt, slash of backslash in, geschreven met `%`"
        }
        "it has an empty segment (`//`)" => "er staat een leeg deel in (`//`)",
        "it has a `.` or `..` segment" => "er staat een deel `.` of `..` in",
        other => other,
    }
}

/// `written` as the site path of a redirect page (`/oud` → `/oud/`, `/oud/index.html` → `/oud/`),
/// or why it is not a plain path of this site.
fn normalise(written: &str) -> Result<String, &'static str> {
    let lower = written.to_ascii_lowercase();
    if !written.starts_with('/') || written.starts_with("//") {
        return Err("it must start with a single `/`");
    }
    if written.contains('\\') {
        return Err("it has a backslash");
    }
    if written.contains(['?', '#']) {
        return Err("it has a query or fragment");
    }
    if written
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>'))
    {
        return Err("it has a space, a control character or a quote");
    }
    if ["%2e", "%2f", "%5c", "%00"]
        .iter()
        .any(|p| lower.contains(p))
    {
        return Err("it has a percent-encoded dot, slash or backslash");
    }
    let segments: Vec<&str> = written[1..].split('/').collect();
    let (last, folders) = segments
        .split_last()
        .expect("split gives one part at least");
    if folders.iter().any(|s| s.is_empty()) {
        return Err("it has an empty segment (`//`)");
    }
    if segments.iter().any(|s| *s == "." || *s == "..") {
        return Err("it has a `.` or `..` segment");
    }
    let folder: String = folders.iter().map(|s| format!("/{s}")).collect();
    Ok(
        if last.is_empty() || last.eq_ignore_ascii_case("index.html") {
            format!("{folder}/")
        } else if last.contains('.') {
            format!("{folder}/{last}")
        } else {
            format!("{folder}/{last}/")
        },
    )
}

/// The file of the output a site path is written to: `/x/` → `x/index.html`, `/x.json` → `x.json`.
fn output_file(path: &str) -> String {
    let trimmed = path.trim_start_matches('/');
    if trimmed.is_empty() || trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else {
        trimmed.to_owned()
    }
}

impl Validator<'_> {
    /// Whether every alias of a story is a plain site path; an error for each that is not.
    pub(super) fn alias_paths<F>(&mut self, doc: &Document<F>, aliases: &[String]) -> bool {
        let mut ok = true;
        for (i, alias) in aliases.iter().enumerate() {
            if let Err(why) = normalise(alias) {
                ok = false;
                self.diagnostics.push(
                    doc.error(&format!("aliases.{i}"), {
                        let nl = why_nl(why);
                        crate::text!(
                            "alias `{alias}` is not a site path: {why}",
                            "alias `{alias}` is geen adres op de site: {nl}"
                        )
                    })
                    .with_hint(path_hint()),
                );
            }
        }
        ok
    }

    /// The redirects of published stories and pages (drafts only in a preview), sorted by old
    /// address. An alias that is the address of a page or of another alias is an error.
    pub(super) fn aliases(&mut self, index: &LinkIndex, pages: &[AcceptedPage]) -> Vec<Alias> {
        let stories = &self.content.stories;
        let any = stories.iter().any(|e| !e.doc.front.aliases.is_empty())
            || pages.iter().any(|(e, _)| !e.doc.front.aliases.is_empty());
        if !any {
            // Most sites have none: then the map of every address is not worth making.
            return Vec::new();
        }
        let taken: HashMap<String, String> = index
            .paths()
            .map(|path| (output_file(path).to_lowercase(), path.to_owned()))
            .collect();
        let paths = &self.content.config.paths;
        let mut out: Vec<Alias> = Vec::new();
        for entry in stories {
            if !entry.doc.front.aliases.is_empty() && index.is_published(&entry.doc.file.path) {
                let to = paths.story(&entry.slug);
                self.redirects(&entry.doc, &entry.doc.front.aliases, &to, &taken, &mut out);
            }
        }
        for (entry, _) in pages {
            let aliases = &entry.doc.front.aliases;
            if self.alias_paths(&entry.doc, aliases) {
                let to = paths.page(&entry.slug);
                self.redirects(&entry.doc, aliases, &to, &taken, &mut out);
            }
        }
        out.sort_by(|a, b| a.from.cmp(&b.from));
        out
    }

    /// The aliases of one document, redirecting to `to`, added to `out` unless taken.
    fn redirects<F>(
        &mut self,
        doc: &Document<F>,
        aliases: &[String],
        to: &str,
        taken: &HashMap<String, String>,
        out: &mut Vec<Alias>,
    ) {
        for (i, written) in aliases.iter().enumerate() {
            let Ok(from) = normalise(written) else {
                continue;
            };
            let key = format!("aliases.{i}");
            let file = output_file(&from);
            if let Some(page) = taken.get(&file.to_lowercase()) {
                self.diagnostics.push(
                    doc.error(
                        &key,
                        crate::text!(
                            "alias `{written}` is taken: `{page}` is a page or file of the site",
                            "alias `{written}` is al bezet: `{page}` is een pagina of bestand van de site"
                        ),
                    )
                    .with_hint(crate::text!(
                        "remove the alias: a redirect may not replace a page",
                        "haal de alias weg: een doorverwijzing mag geen pagina vervangen"
                    )),
                );
                continue;
            }
            if let Some(other) = out
                .iter()
                .find(|a| output_file(&a.from).eq_ignore_ascii_case(&file))
            {
                self.diagnostics.push(
                    doc.error(&key, {
                        let to = &other.to;
                        crate::text!(
                            "alias `{written}` already redirects to `{to}`",
                            "alias `{written}` verwijst al door naar `{to}`"
                        )
                    })
                    .with_hint(crate::text!(
                        "keep the alias in one file only",
                        "zet de alias in maar één bestand"
                    )),
                );
                continue;
            }
            let span = doc.yaml.span(&key);
            out.push(Alias {
                from,
                to: to.to_owned(),
                origin: Origin {
                    path: doc.file.path.clone(),
                    span,
                    snippet: doc.file.line_text(span.line).map(str::to_owned),
                },
            });
        }
    }
}

/// An error for each alias whose redirect page would be, or be inside, or hold a file the output
/// already has (`outputs`: output file → what it is), which validation could not know: feeds,
/// share kits' files, photos, cards, `static/` and the theme's files.
pub fn collisions(aliases: &[Alias], outputs: &BTreeMap<String, String>) -> Diagnostics {
    let lower: BTreeMap<String, &String> = outputs
        .iter()
        .map(|(file, what)| (file.to_lowercase(), what))
        .collect();
    let mut found = Diagnostics::new();
    for alias in aliases {
        let file = output_file(&alias.from).to_lowercase();
        let folders = file.match_indices('/').map(|(i, _)| &file[..i]);
        let clash = lower
            .get(&file)
            .map(|what| format!("`{}`, {what}", file))
            .or_else(|| {
                folders
                    .filter_map(|folder| {
                        lower.get(folder).map(|what| format!("`{folder}`, {what}"))
                    })
                    .next()
            })
            .or_else(|| {
                let inside = format!("{}/", file);
                lower
                    .range(inside.clone()..)
                    .next()
                    .filter(|(f, _)| f.starts_with(&inside))
                    .map(|(f, what)| format!("`{f}`, {what}"))
            });
        if let Some(clash) = clash {
            let from = &alias.from;
            found.push(
                alias
                    .origin
                    .error(crate::text!(
                        "alias `{from}` would overwrite {clash}",
                        "alias `{from}` zou {clash} overschrijven"
                    ))
                    .with_hint(crate::text!(
                        "remove the alias: a redirect may not replace a file of the site",
                        "haal de alias weg: een doorverwijzing mag geen bestand van de site vervangen"
                    )),
            );
        }
    }
    found
}
