//! Content problems as data: collected over the whole run, sorted, then printed once by `cli`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::base::language::Language;
use crate::base::source::{SourceFile, Span};
use crate::base::text::Text;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem in one place of one file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Relative to the site root: the same text on every machine.
    pub path: PathBuf,
    pub line: u32,
    pub column: u32,
    /// How many characters the caret line underlines (0: none).
    pub len: u32,
    /// Starts lowercase, puts values in backticks, says what was expected.
    pub message: Text,
    /// How to fix it.
    pub hint: Option<Text>,
    /// The offending source line, when there is one to show.
    pub snippet: Option<String>,
}

impl Diagnostic {
    pub fn new(severity: Severity, path: &Path, span: Span, message: impl Into<Text>) -> Self {
        Diagnostic {
            severity,
            path: path.to_owned(),
            line: span.line.max(1),
            column: span.column.max(1),
            len: span.len,
            message: message.into(),
            hint: None,
            snippet: None,
        }
    }

    /// A problem with a file as a whole (an image that cannot be decoded, a folder).
    pub fn file(severity: Severity, path: &Path, message: impl Into<Text>) -> Self {
        Diagnostic::new(severity, path, Span::file_start(), message)
    }

    pub fn with_hint(mut self, hint: impl Into<Text>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col: error: message`, the offending line with a caret under the problem, and the
    /// hint, in `language` (the words `error` and `warning` stay English, for the tools that parse
    /// them). `shown_path` is how the user sees the site folder (`--root`), joined to `path`.
    pub fn render(&self, shown_path: &Path, language: Language) -> String {
        let mut out = self.render_line(shown_path, language);
        if let Some(snippet) = &self.snippet {
            let number = self.line.to_string();
            let gutter = " ".repeat(number.len());
            let _ = writeln!(out, "{gutter} |");
            let _ = writeln!(out, "{number} | {snippet}");
            if self.len > 0 {
                let pad = " ".repeat(self.column as usize - 1);
                let carets = "^".repeat(self.len as usize);
                let _ = writeln!(out, "{gutter} | {pad}{carets}");
            }
            if let Some(hint) = &self.hint {
                let _ = writeln!(out, "{gutter} = hint: {}", hint.get(language));
            }
        } else if let Some(hint) = &self.hint {
            let _ = writeln!(out, "  = hint: {}", hint.get(language));
        }
        out
    }

    /// Only the first line of `render`: `path:line:col: warning: message`.
    pub fn render_line(&self, shown_path: &Path, language: Language) -> String {
        format!(
            "{}:{}:{}: {}: {}\n",
            shown_path.display(),
            self.line,
            self.column,
            self.severity.label(),
            self.message.get(language)
        )
    }

    /// A GitHub Actions workflow command, so the problem shows on the line in a pull request.
    pub fn github_annotation(&self, shown_path: &Path, language: Language) -> String {
        let mut message = self.message.get(language).to_owned();
        if let Some(hint) = &self.hint {
            message.push_str(" (hint: ");
            message.push_str(hint.get(language));
            message.push(')');
        }
        format!(
            "::{} file={},line={},col={}::{}",
            self.severity.label(),
            escape_property(&shown_path.display().to_string()),
            self.line,
            self.column,
            escape_data(&message)
        )
    }
}

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Every diagnostic of a run.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Diagnostics::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// How many diagnostics there are so far: a mark for [`Diagnostics::has_errors_since`].
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether a diagnostic pushed after `mark` (an earlier [`Diagnostics::len`]) is an error.
    pub fn has_errors_since(&self, mark: usize) -> bool {
        self.items[mark.min(self.items.len())..]
            .iter()
            .any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Sorted by path, line and column, each reported once: the order does not depend on threads.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            (&a.path, a.line, a.column, a.severity, &a.message)
                .cmp(&(&b.path, b.line, b.column, b.severity, &b.message))
        });
        self.items.dedup();
        self.items
    }
}

/// How much of a diagnostic a run prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// The message, the offending line and the hint (`Diagnostic::render`).
    Full,
    /// The message line alone (`Diagnostic::render_line`).
    Line,
    /// Counted in the note after the others, not printed.
    Counted,
}

impl Diagnostics {
    /// Errors first, then warnings, each sorted, with how much of each to print. With `verbose`
    /// everything in full; else errors in full, and warnings one line each when there is no
    /// error or only counted when there is, so the errors are not buried under them.
    pub fn in_print_order(self, verbose: bool) -> Vec<(Diagnostic, Detail)> {
        let (errors, warnings): (Vec<_>, Vec<_>) =
            self.sorted().into_iter().partition(Diagnostic::is_error);
        let warning_detail = match (verbose, errors.is_empty()) {
            (true, _) => Detail::Full,
            (false, true) => Detail::Line,
            (false, false) => Detail::Counted,
        };
        errors
            .into_iter()
            .map(|d| (d, Detail::Full))
            .chain(warnings.into_iter().map(|d| (d, warning_detail)))
            .collect()
    }
}

/// The line after the diagnostics that says what `--verbose` would add, when it would add anything.
pub fn verbose_note(listed: &[(Diagnostic, Detail)]) -> Option<Text> {
    let counted = listed.iter().filter(|(_, d)| *d == Detail::Counted).count();
    let brief = listed
        .iter()
        .filter(|(d, detail)| *detail == Detail::Line && (d.snippet.is_some() || d.hint.is_some()))
        .count();
    if counted > 0 {
        let s = if counted == 1 { "" } else { "s" };
        let en = if counted == 1 { "" } else { "en" };
        let (it, nl_it) = if counted == 1 {
            ("it", "hem")
        } else {
            ("them", "ze")
        };
        Some(crate::text!(
            "{counted} warning{s} not shown; --verbose lists {it}",
            "{counted} waarschuwing{en} niet getoond; met --verbose zie je {nl_it}"
        ))
    } else if brief > 0 {
        Some(crate::text!(
            "--verbose shows each warning with its line and hint",
            "met --verbose zie je bij elke waarschuwing de regel en een tip"
        ))
    } else {
        None
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<T: IntoIterator<Item = Diagnostic>>(iter: T) -> Self {
        Diagnostics {
            items: iter.into_iter().collect(),
        }
    }
}

/// "did you mean `consent`?" when a known name is close to what was written: the same but for
/// case, a typo away, or the only known name that begins with it or has it as a word (`linda` for
/// `linda-de-boer`).
pub fn did_you_mean<'a>(written: &str, known: impl IntoIterator<Item = &'a str>) -> Option<Text> {
    closest_name(written, known)
        .map(|candidate| crate::text!("did you mean `{candidate}`?", "bedoel je `{candidate}`?"))
}

/// The known name [`did_you_mean`] suggests for `written`.
pub fn closest_name<'a>(
    written: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let known: Vec<&str> = known.into_iter().filter(|k| *k != written).collect();
    let lower = written.trim().to_lowercase();
    if lower.is_empty() {
        return None;
    }
    if let Some(same) = known.iter().find(|k| k.to_lowercase() == lower) {
        return Some(same);
    }
    let typo = known
        .iter()
        .map(|candidate| (strsim::damerau_levenshtein(written, candidate), *candidate))
        .filter(|(distance, candidate)| {
            *distance <= 2.max(candidate.len() / 3) && *distance < candidate.len()
        })
        .min();
    if let Some((_, candidate)) = typo {
        return Some(candidate);
    }
    let is_word = |candidate: &str| {
        let candidate = candidate.to_lowercase();
        candidate.starts_with(&lower)
            || candidate
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| word == lower)
    };
    match known
        .iter()
        .filter(|k| is_word(k))
        .collect::<Vec<_>>()
        .as_slice()
    {
        [only] => Some(only),
        _ => None,
    }
}

/// The hint for a file name that is not there when `files` (the names in its folder) has one
/// that differs only in case (a web server tells `IMG_2031.JPG` from `img_2031.jpg`) or in its
/// extension (`.jpeg` for `.jpg`), or is otherwise close.
pub fn did_you_mean_file<'a>(
    written: &str,
    files: impl IntoIterator<Item = &'a str>,
) -> Option<Text> {
    let files: Vec<&str> = files.into_iter().collect();
    let lower = written.to_lowercase();
    if let Some(file) = files.iter().find(|f| f.to_lowercase() == lower) {
        return Some(crate::text!(
            "the file is `{file}`: names are case-sensitive on the web server",
            "het bestand heet `{file}`: de webserver ziet hoofdletters en kleine letters als verschillend"
        ));
    }
    let stem = |name: &str| {
        let name = name.to_lowercase();
        match name.rsplit_once('.') {
            Some((stem, _)) if !stem.is_empty() => stem.to_owned(),
            _ => name,
        }
    };
    let written_stem = stem(written);
    let same_stem: Vec<&&str> = files.iter().filter(|f| stem(f) == written_stem).collect();
    if let [file] = same_stem.as_slice() {
        return Some(crate::text!(
            "the file is `{file}`: write its name with the same extension",
            "het bestand heet `{file}`: schrijf de naam met dezelfde extensie"
        ));
    }
    did_you_mean(written, files)
}

/// Diagnostics at a place in a source file, with the line shown under the message.
impl SourceFile {
    pub fn error(&self, span: Span, message: impl Into<Text>) -> Diagnostic {
        self.diagnostic(Severity::Error, span, message)
    }

    pub fn warning(&self, span: Span, message: impl Into<Text>) -> Diagnostic {
        self.diagnostic(Severity::Warning, span, message)
    }

    fn diagnostic(&self, severity: Severity, span: Span, message: impl Into<Text>) -> Diagnostic {
        let mut diagnostic = Diagnostic::new(severity, &self.path, span, message);
        diagnostic.snippet = self.line_text(span.line).map(str::to_owned);
        diagnostic
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_with_snippet_caret_and_hint() {
        let mut d = Diagnostic::new(
            Severity::Error,
            Path::new("content/stories/a.md"),
            Span::new(4, 10, 12),
            "consent reference `TF-2026-0099` is not in the consent register",
        )
        .with_hint("add it to the register, or check the spelling");
        d.snippet = Some("consent: TF-2026-0099".into());
        assert_eq!(
            d.render(&d.path.clone(), Language::En),
            "content/stories/a.md:4:10: error: consent reference `TF-2026-0099` is not in the consent register\n  |\n4 | consent: TF-2026-0099\n  |          ^^^^^^^^^^^^\n  = hint: add it to the register, or check the spelling\n"
        );
    }

    #[test]
    fn github_annotations_escape_their_properties() {
        let d = Diagnostic::new(
            Severity::Warning,
            Path::new("a,b.md"),
            Span::new(2, 3, 1),
            "50%\nmore",
        );
        assert_eq!(
            d.github_annotation(Path::new("a,b.md"), Language::En),
            "::warning file=a%2Cb.md,line=2,col=3::50%25%0Amore"
        );
    }

    #[test]
    fn errors_come_first_and_warnings_are_shown_by_how_the_run_went() {
        let at = |severity, path: &str, line| {
            Diagnostic::new(severity, Path::new(path), Span::new(line, 1, 1), "x").with_hint("h")
        };
        let mixed: Diagnostics = [
            at(Severity::Warning, "a.md", 1),
            at(Severity::Error, "b.md", 2),
            at(Severity::Warning, "c.md", 3),
        ]
        .into_iter()
        .collect();
        let order = |listed: &[(Diagnostic, Detail)]| {
            listed
                .iter()
                .map(|(d, detail)| (d.path.display().to_string(), *detail))
                .collect::<Vec<_>>()
        };
        let brief = mixed.clone().in_print_order(false);
        assert_eq!(
            order(&brief),
            [
                ("b.md".to_owned(), Detail::Full),
                ("a.md".to_owned(), Detail::Counted),
                ("c.md".to_owned(), Detail::Counted),
            ]
        );
        let note = verbose_note(&brief).unwrap();
        assert_eq!(note.en(), "2 warnings not shown; --verbose lists them");
        assert_eq!(
            note.get(Language::Nl),
            "2 waarschuwingen niet getoond; met --verbose zie je ze"
        );
        let full = mixed.in_print_order(true);
        assert!(full.iter().all(|(_, detail)| *detail == Detail::Full));
        assert_eq!(verbose_note(&full), None);

        let warnings: Diagnostics = [at(Severity::Warning, "a.md", 1)].into_iter().collect();
        let brief = warnings.in_print_order(false);
        assert_eq!(order(&brief), [("a.md".to_owned(), Detail::Line)]);
        assert_eq!(
            verbose_note(&brief).unwrap().en(),
            "--verbose shows each warning with its line and hint"
        );
        // A warning with no line and no hint has nothing more to show.
        let bare: Diagnostics = [Diagnostic::file(Severity::Warning, Path::new("a.md"), "x")]
            .into_iter()
            .collect();
        assert_eq!(verbose_note(&bare.in_print_order(false)), None);
        assert_eq!(
            at(Severity::Warning, "a.md", 1).render_line(Path::new("site/a.md"), Language::En),
            "site/a.md:1:1: warning: x\n"
        );
    }

    #[test]
    fn suggests_close_names_only() {
        let keys = ["consent", "summary", "title"];
        assert_eq!(
            did_you_mean("consnet", keys).as_deref(),
            Some("did you mean `consent`?")
        );
        assert_eq!(
            did_you_mean("titel", keys).as_deref(),
            Some("did you mean `title`?")
        );
        assert_eq!(did_you_mean("colour", keys), None);
    }

    #[test]
    fn suggests_the_one_id_that_begins_with_or_has_the_word() {
        let ids = [
            "linda-de-boer",
            "karim-haddou",
            "anneke-van-t-hof",
            "bram-scholten",
        ];
        assert_eq!(
            did_you_mean("linda", ids).as_deref(),
            Some("did you mean `linda-de-boer`?")
        );
        assert_eq!(
            did_you_mean("haddou", ids).as_deref(),
            Some("did you mean `karim-haddou`?")
        );
        assert_eq!(
            did_you_mean("Linda-De-Boer", ids).as_deref(),
            Some("did you mean `linda-de-boer`?")
        );
        // Two ids have the word `de`: no guess.
        assert_eq!(
            did_you_mean("de", ["linda-de-boer", "daniel-de-vries"]),
            None
        );
        assert_eq!(did_you_mean("", ids), None);
        assert_eq!(did_you_mean("piet", ids), None);
    }

    #[test]
    fn file_names_that_differ_in_case_or_extension() {
        let files = ["IMG_2031.JPG", "portret.jpeg", "team.png", "team.webp"];
        assert_eq!(
            did_you_mean_file("img_2031.jpg", files).as_deref(),
            Some("the file is `IMG_2031.JPG`: names are case-sensitive on the web server")
        );
        assert_eq!(
            did_you_mean_file("portret.jpg", files).as_deref(),
            Some("the file is `portret.jpeg`: write its name with the same extension")
        );
        // Two files share the stem `team`: the closest name.
        assert_eq!(
            did_you_mean_file("team.jpg", files).as_deref(),
            Some("did you mean `team.png`?")
        );
        assert_eq!(did_you_mean_file("vakantie.jpg", files), None);
    }
}
