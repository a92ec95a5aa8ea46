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

/// One front-matter line: `key: value`, or commented out when there is nothing to fill in yet.
struct Line {
    key: &'static str,
    value: Option<String>,
    example: &'static str,
    nl: &'static str,
    en: &'static str,
}

fn line(
    key: &'static str,
    value: Option<String>,
    example: &'static str,
    nl: &'static str,
    en: &'static str,
) -> Line {
    Line {
        key,
        value,
        example,
        nl,
        en,
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
        line("title", Some(name.title_value("Titel van het verhaal")), "", "de kop van het verhaal; de URL blijft gelijk als je hem later wijzigt", "the headline; the URL stays the same when you change it later"),
        line("date", Some(today.to_string()), "", "de datum van het verhaal (JJJJ-MM-DD)", "the story's date (YYYY-MM-DD)"),
        line("ambassador", Some(entry.slug.clone()), "", "wie het verhaal vertelt: een bestand in content/ambassadors/", "who tells the story: a file in content/ambassadors/"),
        line("consent", Some(a.consent.clone()), "", "de toestemming uit content/consent.yaml (scope website; social voor de deelkit)", "the consent from content/consent.yaml (scope website; social for the share kit)"),
        line("summary", Some(quoted("Een zin over het verhaal.")), "", "één of twee zinnen, hoogstens 200 tekens; voor zoekmachines en sociale media", "one or two sentences, at most 200 characters; for search engines and social media"),
        line("hashtags", Some(format!("[{}]", a.hashtags.join(", "))), "", "onderwerpen, met of zonder #", "topics, with or without #"),
        line("role", a_value(&Some(a.role.clone())), "Verpleegkundige", "de functie in dit verhaal (standaard die van de ambassadeur)", "the role in this story (default: the ambassador's)"),
        line("department", a_value(&a.department), "Intensive care", "de afdeling (standaard die van de ambassadeur)", "the department (default: the ambassador's)"),
        line("location", a_value(&a.location), "Utrecht", "de plaats (standaard die van de ambassadeur)", "the place (default: the ambassador's)"),
        line("image", None, "foto.jpg", "een foto naast dit bestand (JPEG, PNG of WebP; HEIC eerst omzetten)", "a photo beside this file (JPEG, PNG or WebP; convert HEIC first)"),
        line("image_alt", None, "\"Wat er op de foto te zien is\"", "verplicht bij een foto: wat er te zien is, voor wie hem niet ziet", "required with a photo: what it shows, for those who cannot see it"),
        line("image_focus", None, "0.5, 0.3", "het punt dat bij uitsnijden in beeld blijft (links, boven; 0 tot 1)", "the point kept in crops (from left, from top; 0 to 1)"),
        line("people_in_photo", None, "none", "toestemmingen van anderen die herkenbaar op de foto staan, of none", "consents of others recognisable in the photo, or none"),
        line("quote", None, "\"Een zin die je bijblijft.\"", "een citaat dat op de pagina uitgelicht wordt", "a quote highlighted on the page"),
        line("vacancies", None, "[verpleegkundige-ic]", "vacatures bij dit verhaal (namen uit content/vacancies/)", "vacancies for this story (names from content/vacancies/)"),
        line("share", None, "{ linkedin: \"Eigen tekst voor LinkedIn\" }", "eigen deelteksten per platform (linkedin, facebook, x, whatsapp, instagram, email, mastodon)", "own share texts per platform (linkedin, facebook, x, whatsapp, instagram, email, mastodon)"),
        line("utm", None, "{ campaign: zomercampagne }", "andere utm_medium of utm_campaign voor de gedeelde links van dit verhaal", "another utm_medium or utm_campaign for this story's shared links"),
        line("publish", None, "2026-12-01", "pas vanaf deze datum online (ingepland)", "online only from this date (scheduled)"),
        line("draft", Some("true".into()), "", "concept: niet gepubliceerd; zet op false als het verhaal klaar is", "draft: not published; set to false when the story is ready"),
        line("aliases", None, "[/oud/adres/]", "oude adressen die naar dit verhaal doorverwijzen", "old addresses that redirect to this story"),
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
        line("title", Some(name.title_value("Functietitel")), "", "de functietitel", "the job title"),
        line("date", Some(today.to_string()), "", "de datum van plaatsing (JJJJ-MM-DD)", "the date it is posted (YYYY-MM-DD)"),
        line("valid_through", Some(today.add_days(30).to_string()), "", "de laatste dag om te solliciteren; daarna sluit de vacature vanzelf", "the last day to apply; the vacancy closes by itself afterwards"),
        line("department", None, "\"Intensive care\"", "de afdeling", "the department"),
        line("role", None, "\"Verpleegkundige\"", "de functie; verhalen met dezelfde functie worden erbij getoond", "the role; stories with the same role are shown with it"),
        line("location", Some("{ city: \"Plaats\" }".into()), "", "city verplicht; ook postal_code, street, region", "city required; also postal_code, street, region"),
        line("hours_per_week", None, "{ min: 24, max: 32 }", "uren per week: een getal of { min, max }", "hours per week: a number or { min, max }"),
        line("salary", None, "{ min: 3000, max: 4200, unit: MONTH, currency: EUR, scale: \"FWG 45\" }", "het salaris", "the salary"),
        line("employment_type", None, "[PART_TIME]", "FULL_TIME, PART_TIME, TEMPORARY, INTERN, …", "FULL_TIME, PART_TIME, TEMPORARY, INTERN, …"),
        line("apply_url", None, "https://www.example.nl/solliciteren", "waar je solliciteert (een volledige URL)", "where to apply (a full URL)"),
        line("direct_apply", None, "true", "true als apply_url meteen het sollicitatieformulier is (Google for Jobs)", "true when apply_url is the application form itself (Google for Jobs)"),
        line("remote", None, "hybrid", "hybrid of full als (een deel van) het werk op afstand kan", "hybrid or full when (part of) the work can be done remotely"),
        line("contact", None, "{ name: \"Naam\", role: \"Functie\", email: \"naam@example.nl\", phone: \"030 123 45 67\" }", "wie vragen beantwoordt", "who answers questions"),
        line("hashtags", Some("[]".into()), "", "onderwerpen, met of zonder #", "topics, with or without #"),
        line("identifier", None, "LW-2026-001", "het vacaturenummer (standaard de naam van het bestand)", "the vacancy number (default: the file name)"),
        line("stories", Some("[]".into()), "", "verhalen bij deze vacature (namen uit content/stories/)", "stories for this vacancy (names from content/stories/)"),
        line("draft", Some("true".into()), "", "concept: niet gepubliceerd; zet op false als de vacature klaar is", "draft: not published; set to false when the vacancy is ready"),
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
        line(
            "name",
            Some(quoted(name)),
            "",
            "de naam zoals die op de site komt",
            "the name as shown on the site",
        ),
        line(
            "role",
            Some(quoted("Functie")),
            "",
            "de functie",
            "the role",
        ),
        line(
            "department",
            None,
            "\"Intensive care\"",
            "de afdeling",
            "the department",
        ),
        line(
            "location",
            None,
            "Utrecht",
            "de plaats waar je werkt",
            "where you work",
        ),
        line(
            "photo",
            None,
            "../stories/een-verhaal/portret.jpg",
            "een portretfoto, relatief aan dit bestand (toestemming met photo nodig)",
            "a portrait, relative to this file (needs a consent with photo)",
        ),
        line(
            "photo_alt",
            None,
            "\"Portret van …\"",
            "verplicht bij een foto: wat er te zien is",
            "required with a photo: what it shows",
        ),
        line(
            "consent",
            Some(consent.unwrap_or_else(|| "TF-JJJJ-NNNN".into())),
            "",
            "de toestemming uit content/consent.yaml met subject gelijk aan deze bestandsnaam",
            "the consent in content/consent.yaml whose subject is this file's name",
        ),
        line(
            "socials",
            None,
            "{ linkedin: https://www.linkedin.com/in/… }",
            "profielen: linkedin, instagram, x, facebook",
            "profiles: linkedin, instagram, x, facebook",
        ),
        line(
            "hashtags",
            Some("[]".into()),
            "",
            "onderwerpen, met of zonder #",
            "topics, with or without #",
        ),
        line(
            "since",
            None,
            "2019",
            "in dienst sinds (jaar of datum)",
            "with us since (a year or a date)",
        ),
    ]
}

const AMBASSADOR_BODY: Body = (
    "Een korte bio in de derde persoon.\n",
    "A short bio in the third person.\n",
);

fn render(lines: &[Line], (nl_body, en_body): Body, language: Language) -> String {
    let mut text = String::from("---\n");
    for l in lines {
        let comment = match language {
            Language::Nl => l.nl,
            Language::En => l.en,
        };
        let _ = writeln!(text, "# {comment}");
        match &l.value {
            Some(value) => {
                let _ = writeln!(text, "{}: {value}", l.key);
            }
            None => {
                let _ = writeln!(text, "# {}: {}", l.key, l.example);
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
