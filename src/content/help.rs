//! What each front-matter key is for, in the site's language: the comments `werkenbij new` writes
//! above each key and the help texts of the web editor's fields come from here, so the two never
//! say different things.

use crate::base::language::Language;

/// The help of one key: what it is for, and an example value for a key left out.
pub struct KeyHelp {
    pub key: &'static str,
    /// The field's name in the editor: (Dutch, English).
    label: (&'static str, &'static str),
    /// YAML, as written after `key: ` in a commented-out line.
    pub example: &'static str,
    nl: &'static str,
    en: &'static str,
}

impl KeyHelp {
    pub fn label(&self, language: Language) -> &'static str {
        match language {
            Language::Nl => self.label.0,
            Language::En => self.label.1,
        }
    }

    pub fn text(&self, language: Language) -> &'static str {
        match language {
            Language::Nl => self.nl,
            Language::En => self.en,
        }
    }
}

/// The help of `key` in `keys` (one of the lists below); every key of a file type has one.
pub fn of(keys: &'static [KeyHelp], key: &str) -> &'static KeyHelp {
    keys.iter()
        .find(|help| help.key == key)
        .unwrap_or_else(|| panic!("no help text for the key `{key}`"))
}

const fn help(
    key: &'static str,
    label: (&'static str, &'static str),
    example: &'static str,
    nl: &'static str,
    en: &'static str,
) -> KeyHelp {
    KeyHelp {
        key,
        label,
        example,
        nl,
        en,
    }
}

/// The keys of a story, in the order `werkenbij new` writes them.
pub const STORY: &[KeyHelp] = &[
    help("title", ("Titel", "Title"), "", "de kop van het verhaal; de URL blijft gelijk als je hem later wijzigt", "the headline; the URL stays the same when you change it later"),
    help("date", ("Datum", "Date"), "", "de datum van het verhaal (JJJJ-MM-DD)", "the story's date (YYYY-MM-DD)"),
    help("ambassador", ("Ambassadeur", "Ambassador"), "", "wie het verhaal vertelt: een bestand in content/ambassadors/", "who tells the story: a file in content/ambassadors/"),
    help("consent", ("Toestemming (referentie)", "Consent (reference)"), "", "de toestemming uit content/consent.yaml (scope website; social voor de deelkit)", "the consent from content/consent.yaml (scope website; social for the share kit)"),
    help("summary", ("Samenvatting", "Summary"), "", "één of twee zinnen, hoogstens 200 tekens; voor zoekmachines en sociale media", "one or two sentences, at most 200 characters; for search engines and social media"),
    help("hashtags", ("Hashtags", "Hashtags"), "", "onderwerpen, met of zonder #", "topics, with or without #"),
    help("role", ("Functie", "Role"), "Verpleegkundige", "de functie in dit verhaal (standaard die van de ambassadeur)", "the role in this story (default: the ambassador's)"),
    help("department", ("Afdeling", "Department"), "Intensive care", "de afdeling (standaard die van de ambassadeur)", "the department (default: the ambassador's)"),
    help("location", ("Plaats", "Place"), "Utrecht", "de plaats (standaard die van de ambassadeur)", "the place (default: the ambassador's)"),
    help("image", ("Foto", "Photo"), "foto.jpg", "een foto naast dit bestand (JPEG, PNG of WebP; HEIC eerst omzetten)", "a photo beside this file (JPEG, PNG or WebP; convert HEIC first)"),
    help("image_alt", ("Beschrijving van de foto", "Photo description"), "\"Wat er op de foto te zien is\"", "verplicht bij een foto: wat er te zien is, voor wie hem niet ziet", "required with a photo: what it shows, for those who cannot see it"),
    help("image_focus", ("Focuspunt van de foto", "Photo focus point"), "0.5, 0.3", "het punt dat bij uitsnijden in beeld blijft (links, boven; 0 tot 1)", "the point kept in crops (from left, from top; 0 to 1)"),
    help("people_in_photo", ("Anderen op de foto (toestemmingen)", "Others in the photo (consents)"), "none", "toestemmingen van anderen die herkenbaar op de foto staan, of none", "consents of others recognisable in the photo, or none"),
    help("quote", ("Citaat", "Quote"), "\"Een zin die je bijblijft.\"", "een citaat dat op de pagina uitgelicht wordt", "a quote highlighted on the page"),
    help("vacancies", ("Vacatures", "Vacancies"), "[verpleegkundige-ic]", "vacatures bij dit verhaal (namen uit content/vacancies/)", "vacancies for this story (names from content/vacancies/)"),
    help("share", ("Eigen deelteksten", "Own share texts"), "{ linkedin: \"Eigen tekst voor LinkedIn\" }", "eigen deelteksten per platform (linkedin, facebook, x, whatsapp, instagram, email, mastodon)", "own share texts per platform (linkedin, facebook, x, whatsapp, instagram, email, mastodon)"),
    help("utm", ("Campagne van de deellinks", "Campaign of the share links"), "{ campaign: zomercampagne }", "andere utm_medium of utm_campaign voor de gedeelde links van dit verhaal", "another utm_medium or utm_campaign for this story's shared links"),
    help("publish", ("Publiceren vanaf", "Publish from"), "2026-12-01", "pas vanaf deze datum online (ingepland)", "online only from this date (scheduled)"),
    help("draft", ("Concept", "Draft"), "", "concept: niet gepubliceerd; zet op false als het verhaal klaar is", "draft: not published; set to false when the story is ready"),
    help("aliases", ("Oude adressen", "Old addresses"), "[/oud/adres/]", "oude adressen die naar dit verhaal doorverwijzen", "old addresses that redirect to this story"),
];

/// The keys of a vacancy, in the order `werkenbij new` writes them.
pub const VACANCY: &[KeyHelp] = &[
    help("title", ("Functietitel", "Job title"), "", "de functietitel", "the job title"),
    help("date", ("Geplaatst op", "Posted on"), "", "de datum van plaatsing (JJJJ-MM-DD)", "the date it is posted (YYYY-MM-DD)"),
    help("valid_through", ("Solliciteren tot en met", "Apply until"), "", "de laatste dag om te solliciteren; daarna sluit de vacature vanzelf", "the last day to apply; the vacancy closes by itself afterwards"),
    help("department", ("Afdeling", "Department"), "\"Intensive care\"", "de afdeling", "the department"),
    help("role", ("Functie", "Role"), "\"Verpleegkundige\"", "de functie; verhalen met dezelfde functie worden erbij getoond", "the role; stories with the same role are shown with it"),
    help("location", ("Locatie", "Location"), "", "city verplicht; ook postal_code, street, region", "city required; also postal_code, street, region"),
    help("hours_per_week", ("Uren per week", "Hours per week"), "{ min: 24, max: 32 }", "uren per week: een getal of { min, max }", "hours per week: a number or { min, max }"),
    help("salary", ("Salaris", "Salary"), "{ min: 3000, max: 4200, unit: MONTH, currency: EUR, scale: \"FWG 45\" }", "het salaris", "the salary"),
    help("employment_type", ("Soort dienstverband", "Employment type"), "[PART_TIME]", "FULL_TIME, PART_TIME, TEMPORARY, INTERN, …", "FULL_TIME, PART_TIME, TEMPORARY, INTERN, …"),
    help("apply_url", ("Sollicitatielink", "Application link"), "https://www.example.nl/solliciteren", "waar je solliciteert (een volledige URL)", "where to apply (a full URL)"),
    help("direct_apply", ("Link is het sollicitatieformulier", "Link is the application form"), "true", "true als apply_url meteen het sollicitatieformulier is (Google for Jobs)", "true when apply_url is the application form itself (Google for Jobs)"),
    help("remote", ("Thuiswerken", "Remote work"), "hybrid", "hybrid of full als (een deel van) het werk op afstand kan", "hybrid or full when (part of) the work can be done remotely"),
    help("contact", ("Contactpersoon", "Contact"), "{ name: \"Naam\", role: \"Functie\", email: \"naam@example.nl\", phone: \"030 123 45 67\" }", "wie vragen beantwoordt", "who answers questions"),
    help("hashtags", ("Hashtags", "Hashtags"), "", "onderwerpen, met of zonder #", "topics, with or without #"),
    help("identifier", ("Vacaturenummer", "Vacancy number"), "LW-2026-001", "het vacaturenummer (standaard de naam van het bestand)", "the vacancy number (default: the file name)"),
    help("stories", ("Verhalen", "Stories"), "", "verhalen bij deze vacature (namen uit content/stories/)", "stories for this vacancy (names from content/stories/)"),
    help("draft", ("Concept", "Draft"), "", "concept: niet gepubliceerd; zet op false als de vacature klaar is", "draft: not published; set to false when the vacancy is ready"),
];

/// The keys of an ambassador, in the order `werkenbij new` writes them.
pub const AMBASSADOR: &[KeyHelp] = &[
    help(
        "name",
        ("Naam", "Name"),
        "",
        "de naam zoals die op de site komt",
        "the name as shown on the site",
    ),
    help("role", ("Functie", "Role"), "", "de functie", "the role"),
    help(
        "department",
        ("Afdeling", "Department"),
        "\"Intensive care\"",
        "de afdeling",
        "the department",
    ),
    help(
        "location",
        ("Plaats", "Place"),
        "Utrecht",
        "de plaats waar je werkt",
        "where you work",
    ),
    help(
        "photo",
        ("Portretfoto", "Portrait"),
        "../stories/een-verhaal/portret.jpg",
        "een portretfoto, relatief aan dit bestand (toestemming met photo nodig)",
        "a portrait, relative to this file (needs a consent with photo)",
    ),
    help(
        "photo_alt",
        ("Beschrijving van de foto", "Photo description"),
        "\"Portret van …\"",
        "verplicht bij een foto: wat er te zien is",
        "required with a photo: what it shows",
    ),
    help(
        "consent",
        ("Toestemming (referentie)", "Consent (reference)"),
        "",
        "de toestemming uit content/consent.yaml met subject gelijk aan deze bestandsnaam",
        "the consent in content/consent.yaml whose subject is this file's name",
    ),
    help(
        "socials",
        ("Sociale media", "Social media"),
        "{ linkedin: https://www.linkedin.com/in/… }",
        "profielen: linkedin, instagram, x, facebook",
        "profiles: linkedin, instagram, x, facebook",
    ),
    help(
        "hashtags",
        ("Hashtags", "Hashtags"),
        "",
        "onderwerpen, met of zonder #",
        "topics, with or without #",
    ),
    help(
        "since",
        ("In dienst sinds", "With us since"),
        "2019",
        "in dienst sinds (jaar of datum)",
        "with us since (a year or a date)",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// A key added to a file type without help would leave `new` and the editor without a word
    /// for it.
    #[test]
    fn every_key_of_every_file_type_has_help_in_its_schema_order() {
        for (keys, schema) in [
            (STORY, &crate::content::story::SCHEMA),
            (VACANCY, &crate::content::vacancy::SCHEMA),
            (AMBASSADOR, &crate::content::ambassador::SCHEMA),
        ] {
            let helped: Vec<&str> = keys.iter().map(|h| h.key).collect();
            assert_eq!(helped, schema.keys, "{}", schema.what);
            for help in keys {
                assert!(!help.text(Language::Nl).is_empty() && !help.text(Language::En).is_empty());
            }
        }
    }
}
