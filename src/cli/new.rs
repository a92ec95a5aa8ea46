//! `werkenbij new`: a new story, vacancy or ambassador file with every front-matter key, filled in
//! from what the site already knows and explained in the site's language.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::base::date::Day;
use crate::base::diagnostics::did_you_mean;
use crate::base::error::Error;
use crate::base::language::Language;
use crate::base::slug::slugify;
use crate::content::help::{self, KeyHelp};
use crate::content::{self, Content, Loaded};

use super::args::NewCommand;
use super::print;

/// What to make.
enum NewFile {
    Story {
        name: Name,
        ambassador: String,
        bundle: bool,
    },
    Vacancy {
        name: Name,
    },
    Ambassador {
        id: String,
    },
}

/// The title as typed and the URL name: `--slug`, or made from the title. A title that is
/// already a URL name (`nachtdienst-op-de-ic`) is taken as the name only, and the file gets the
/// placeholder title to fill in.
struct Name {
    title: Option<String>,
    slug: String,
}

impl Name {
    fn new(title: &str, slug: Option<&str>, what: &str) -> Result<Name, Error> {
        let slug = slug_of(slug.unwrap_or(title), what)?;
        let title = title.trim();
        let is_a_slug = slugify(title) == title;
        Ok(Name {
            title: (!is_a_slug).then(|| title.to_owned()),
            slug,
        })
    }

    /// The `title:` value: the typed title, or the placeholder.
    fn title_value(&self, placeholder: &str) -> String {
        quoted(self.title.as_deref().unwrap_or(placeholder))
    }
}

/// What was written, with a note for the author when something still has to be done elsewhere.
struct Written {
    /// Relative to the site folder.
    path: PathBuf,
    note: Option<String>,
}

/// One front-matter line: `key: value`, or commented out when there is nothing to fill in yet,
/// with the key's help above it.
struct Line {
    help: &'static KeyHelp,
    value: Option<String>,
}

fn line(keys: &'static [KeyHelp], key: &str, value: Option<String>) -> Line {
    Line {
        help: help::of(keys, key),
        value,
    }
}

/// Writes the file and says where, with a note when something is still to be done elsewhere.
pub(super) fn run(command: NewCommand) -> Result<ExitCode, Error> {
    let (common, what) = match command {
        NewCommand::Story {
            title,
            slug,
            ambassador,
            bundle,
            common,
        } => (
            common,
            NewFile::Story {
                name: Name::new(&title, slug.as_deref(), "story")?,
                ambassador,
                bundle,
            },
        ),
        NewCommand::Vacancy {
            title,
            slug,
            common,
        } => (
            common,
            NewFile::Vacancy {
                name: Name::new(&title, slug.as_deref(), "vacancy")?,
            },
        ),
        NewCommand::Ambassador { id, common } => (common, NewFile::Ambassador { id }),
    };
    let written = create(&common.root, &what, common.today()?)?;
    eprintln!(
        "Wrote {}",
        print::shown(&common.root, &written.path).display()
    );
    if let Some(note) = written.note {
        eprintln!("note: {note}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the new file; refuses to overwrite and names what is wrong.
fn create(root: &Path, what: &NewFile, today: Day) -> Result<Written, Error> {
    let content = match content::load_cached(root, None)? {
        Loaded::Ready(content, _) => content,
        Loaded::ConfigErrors(_) => {
            return Err(Error::usage(
                format!("`{}` has problems", crate::content::config::SITE_FILE),
                Some("run `werkenbij check` to see them"),
            ))
        }
    };
    let language = content.config.language;
    let (path, lines, body, note) = match what {
        NewFile::Story {
            name,
            ambassador,
            bundle,
        } => {
            let slug = &name.slug;
            let path = if *bundle {
                PathBuf::from(format!("content/stories/{slug}/index.md"))
            } else {
                PathBuf::from(format!("content/stories/{slug}.md"))
            };
            for existing in [
                format!("content/stories/{slug}.md"),
                format!("content/stories/{slug}/index.md"),
            ] {
                refuse_existing(root, Path::new(&existing))?;
            }
            let (lines, body) = story(&content, name, ambassador, today)?;
            (path, lines, body, None)
        }
        NewFile::Vacancy { name } => {
            let path = PathBuf::from(format!("content/vacancies/{}.md", name.slug));
            refuse_existing(root, &path)?;
            let (lines, body) = vacancy(name, today);
            (path, lines, body, None)
        }
        NewFile::Ambassador { id } => {
            let id_written = id;
            let id = slug_of(id, "ambassador")?;
            let path = PathBuf::from(format!("content/ambassadors/{id}.md"));
            refuse_existing(root, &path)?;
            let (lines, body, note) = ambassador(&content, &id, id_written);
            (path, lines, body, note)
        }
    };
    let text = render(&lines, body, language);
    let full = root.join(&path);
    if let Some(parent) = full.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    std::fs::write(&full, text).map_err(|e| Error::io(&full, e))?;
    Ok(Written { path, note })
}

fn slug_of(written: &str, what: &str) -> Result<String, Error> {
    let slug = slugify(written);
    if slug.is_empty() {
        return Err(Error::usage(
            format!("`{written}` gives an empty {what} name"),
            Some("use letters or digits, e.g. `nachtdienst-op-de-ic`"),
        ));
    }
    Ok(slug)
}

fn refuse_existing(root: &Path, relative: &Path) -> Result<(), Error> {
    if root.join(relative).exists() {
        return Err(Error::usage(
            format!(
                "`{}` already exists; nothing was written",
                relative.display()
            ),
            Some("pick another name, or edit the existing file"),
        ));
    }
    Ok(())
}

fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

fn story(content: &Content, name: &Name, id: &str, today: Day) -> Result<(Vec<Line>, Body), Error> {
    let Some(entry) = content.ambassadors.iter().find(|a| a.slug == id) else {
        let known = content.ambassadors.iter().map(|a| a.slug.as_str());
        let hint = did_you_mean(id, known);
        return Err(Error::usage(
            format!("there is no ambassador `{id}` in `content/ambassadors/`"),
            Some(
                hint.as_deref()
                    .unwrap_or("make one first with `werkenbij new ambassador ID`"),
            ),
        ));
    };
    let a = &entry.doc.front;
    let lines = vec![
        line(
            help::STORY,
            "title",
            Some(name.title_value("Titel van het verhaal")),
        ),
        line(help::STORY, "date", Some(today.to_string())),
        line(help::STORY, "ambassador", Some(entry.slug.clone())),
        line(help::STORY, "consent", Some(a.consent.clone())),
        line(
            help::STORY,
            "summary",
            Some(quoted("Een zin over het verhaal.")),
        ),
        line(
            help::STORY,
            "hashtags",
            Some(format!("[{}]", a.hashtags.join(", "))),
        ),
        line(help::STORY, "role", a_value(&Some(a.role.clone()))),
        line(help::STORY, "department", a_value(&a.department)),
        line(help::STORY, "location", a_value(&a.location)),
        line(help::STORY, "image", None),
        line(help::STORY, "image_alt", None),
        line(help::STORY, "image_focus", None),
        line(help::STORY, "people_in_photo", None),
        line(help::STORY, "quote", None),
        line(help::STORY, "vacancies", None),
        line(help::STORY, "share", None),
        line(help::STORY, "utm", None),
        line(help::STORY, "publish", None),
        line(help::STORY, "draft", Some("true".into())),
        line(help::STORY, "aliases", None),
    ];
    Ok((lines, STORY_BODY))
}

fn a_value(value: &Option<String>) -> Option<String> {
    value.as_deref().map(quoted)
}

/// The text below the front-matter, in Dutch and in English.
type Body = (&'static str, &'static str);

const STORY_BODY: Body = (
    "Schrijf hier je verhaal in Markdown.\n",
    "Write your story here in Markdown.\n",
);

fn vacancy(name: &Name, today: Day) -> (Vec<Line>, Body) {
    let lines = vec![
        line(
            help::VACANCY,
            "title",
            Some(name.title_value("Functietitel")),
        ),
        line(help::VACANCY, "date", Some(today.to_string())),
        line(
            help::VACANCY,
            "valid_through",
            Some(today.add_days(30).to_string()),
        ),
        line(help::VACANCY, "department", None),
        line(help::VACANCY, "role", None),
        line(
            help::VACANCY,
            "location",
            Some("{ city: \"Plaats\" }".into()),
        ),
        line(help::VACANCY, "hours_per_week", None),
        line(help::VACANCY, "salary", None),
        line(help::VACANCY, "employment_type", None),
        line(help::VACANCY, "apply_url", None),
        line(help::VACANCY, "direct_apply", None),
        line(help::VACANCY, "remote", None),
        line(help::VACANCY, "contact", None),
        line(help::VACANCY, "hashtags", Some("[]".into())),
        line(help::VACANCY, "identifier", None),
        line(help::VACANCY, "stories", Some("[]".into())),
        line(help::VACANCY, "draft", Some("true".into())),
    ];
    (lines, VACANCY_BODY)
}

const VACANCY_BODY: Body = (
    "## Wat ga je doen\n\n## Wat vragen we\n\n## Wat bieden we\n",
    "## What you will do\n\n## What we ask\n\n## What we offer\n",
);

/// `written` is the name as typed: "Özlem Yılmaz" names the file `ozlem-yilmaz.md` and stays the name.
fn ambassador(content: &Content, id: &str, written: &str) -> (Vec<Line>, Body, Option<String>) {
    let consent = consent_of(content, id);
    let note = consent.is_none().then(|| {
        format!("add a consent record with `subject: {id}` to content/consent.yaml and put its reference in `consent`")
    });
    let lines = ambassador_lines(&display_name(id, written), consent);
    (lines, AMBASSADOR_BODY, note)
}

/// The reference of the consent record whose subject is the ambassador `id`, if there is one.
fn consent_of(content: &Content, id: &str) -> Option<String> {
    content
        .consent
        .records
        .iter()
        .find(|(_, record)| record.subject == id)
        .map(|(reference, _)| reference.clone())
}

/// The name as typed, or, when only the id was typed, made from it: `ozlem-yilmaz` → "Ozlem Yilmaz".
fn display_name(id: &str, written: &str) -> String {
    if written != id {
        return written.trim().to_owned();
    }
    let words: Vec<String> = id
        .split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
        .collect();
    words.join(" ")
}

/// Every key of an ambassador file; `consent` is the register's record for them, when it has one.
fn ambassador_lines(name: &str, consent: Option<String>) -> Vec<Line> {
    vec![
        line(help::AMBASSADOR, "name", Some(quoted(name))),
        line(help::AMBASSADOR, "role", Some(quoted("Functie"))),
        line(help::AMBASSADOR, "department", None),
        line(help::AMBASSADOR, "location", None),
        line(help::AMBASSADOR, "photo", None),
        line(help::AMBASSADOR, "photo_alt", None),
        line(
            help::AMBASSADOR,
            "consent",
            Some(consent.unwrap_or_else(|| "TF-JJJJ-NNNN".into())),
        ),
        line(help::AMBASSADOR, "socials", None),
        line(help::AMBASSADOR, "hashtags", Some("[]".into())),
        line(help::AMBASSADOR, "since", None),
    ]
}

const AMBASSADOR_BODY: Body = (
    "Een korte bio in de derde persoon.\n",
    "A short bio in the third person.\n",
);

fn render(lines: &[Line], (nl_body, en_body): Body, language: Language) -> String {
    let mut text = String::from("---\n");
    for l in lines {
        let _ = writeln!(text, "# {}", l.help.text(language));
        match &l.value {
            Some(value) => {
                let _ = writeln!(text, "{}: {value}", l.help.key);
            }
            None => {
                let _ = writeln!(text, "# {}: {}", l.help.key, l.help.example);
            }
        }
    }
    text.push_str("---\n");
    text.push_str(match language {
        Language::Nl => nl_body,
        Language::En => en_body,
    });
    text
}
