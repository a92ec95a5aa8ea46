//! The editor's collections and fields, made from the front-matter types: one collection each for
//! stories, vacancies and ambassadors, every key of their `Schema` with its widget, its label and
//! help from `content::help`, required when the type requires it.

use serde_json::{json, Map, Value};

use crate::base::language::Language;
use crate::content::config::{SiteConfig, PLATFORMS};
use crate::content::help::{self, KeyHelp};
use crate::content::story::SUMMARY_LIMIT;
use crate::content::vacancy::{EMPLOYMENT_TYPES, REMOTE_VALUES, SALARY_UNITS};

/// The three collections of `config.yml`.
pub fn collections(config: &SiteConfig) -> Vec<Value> {
    let language = config.language;
    vec![
        json!({
            "name": "stories",
            "label": crate::text!("Stories", "Verhalen").get(language),
            "label_singular": crate::text!("Story", "Verhaal").get(language),
            "description": crate::text!(
                "A story in a folder of its own, with its photo beside it. It starts as a draft; communications publishes it.",
                "Een verhaal in een eigen map, met de foto ernaast. Het begint als concept; communicatie publiceert het."
            ).get(language),
            "folder": "content/stories",
            "path": "{{slug}}/index",
            "media_folder": "",
            "public_folder": "",
            "create": true,
            "extension": "md",
            "format": "frontmatter",
            "identifier_field": "title",
            "summary": "{{title}} ({{ambassador}}, {{date}})",
            "sortable_fields": ["date", "title"],
            "fields": with_body(story_fields(config), language, crate::text!("Your story", "Je verhaal")),
        }),
        json!({
            "name": "vacancies",
            "label": crate::text!("Vacancies", "Vacatures").get(language),
            "label_singular": crate::text!("Vacancy", "Vacature").get(language),
            "folder": "content/vacancies",
            "create": true,
            "extension": "md",
            "format": "frontmatter",
            "identifier_field": "title",
            "summary": "{{title}} ({{valid_through}})",
            "sortable_fields": ["date", "title", "valid_through"],
            "fields": with_body(vacancy_fields(language), language, crate::text!("The vacancy", "De vacature")),
        }),
        json!({
            "name": "ambassadors",
            "label": crate::text!("Ambassadors", "Ambassadeurs").get(language),
            "label_singular": crate::text!("Ambassador", "Ambassadeur").get(language),
            "folder": "content/ambassadors",
            "media_folder": "",
            "public_folder": "",
            "create": true,
            "extension": "md",
            "format": "frontmatter",
            "identifier_field": "name",
            "summary": "{{name}} ({{role}})",
            "sortable_fields": ["name"],
            "fields": with_body(ambassador_fields(language), language, crate::text!("Short bio", "Korte bio")),
        }),
    ]
}

/// One field: the key's label and help, the widget and whether it is required.
fn field(
    keys: &'static [KeyHelp],
    key: &str,
    language: Language,
    widget: &str,
    required: bool,
) -> Map<String, Value> {
    let help = help::of(keys, key);
    let mut map = Map::new();
    map.insert("name".into(), key.into());
    map.insert("label".into(), help.label(language).into());
    map.insert("hint".into(), help.text(language).into());
    map.insert("widget".into(), widget.into());
    map.insert("required".into(), required.into());
    map
}

fn with(mut map: Map<String, Value>, extra: Value) -> Value {
    if let Value::Object(extra) = extra {
        map.extend(extra);
    }
    Value::Object(map)
}

/// A date as the front-matter writes it (`2026-12-01`), picked without a time. A required date
/// starts at today; an optional one starts empty.
fn date(keys: &'static [KeyHelp], key: &str, language: Language, required: bool) -> Value {
    let mut extra = json!({"format": "YYYY-MM-DD", "date_format": "D-M-YYYY", "time_format": false, "picker_utc": true});
    if !required {
        extra["default"] = "".into();
    }
    with(field(keys, key, language, "datetime", required), extra)
}

/// A nested key (`location.city`): label and help are the nested key's own words.
fn sub(name: &str, label: &str, widget: &str, required: bool) -> Value {
    json!({"name": name, "label": label, "widget": widget, "required": required})
}

fn with_body(mut fields: Vec<Value>, language: Language, label: crate::base::text::Text) -> Value {
    fields.push(json!({
        "name": "body",
        "label": label.get(language),
        "widget": "markdown",
        "modes": ["rich_text", "raw"],
        // Photos inside the text are not published: the story's photo is `image`.
        "editor_components": [],
        "buttons": ["bold", "italic", "link", "heading-two", "heading-three", "quote", "bulleted-list", "numbered-list"],
    }));
    Value::Array(fields)
}

fn story_fields(config: &SiteConfig) -> Vec<Value> {
    let l = config.language;
    let k = help::STORY;
    let campaigns: Vec<String> = config
        .hashtags
        .campaigns
        .iter()
        .map(|tag| format!("#{}", tag.trim_start_matches('#')))
        .collect();
    let hashtag_hint = if campaigns.is_empty() {
        help::of(k, "hashtags").text(l).to_owned()
    } else {
        let list = campaigns.join(", ");
        let help = help::of(k, "hashtags").text(l);
        crate::text!(
            "{help}; the campaigns: {list}",
            "{help}; de campagnes: {list}"
        )
        .get(l)
        .to_owned()
    };
    let limit = SUMMARY_LIMIT;
    vec![
        Value::Object(field(k, "title", l, "string", true)),
        date(k, "date", l, true),
        with(
            field(k, "ambassador", l, "relation", true),
            json!({"collection": "ambassadors", "value_field": "{{slug}}", "search_fields": ["name"], "display_fields": ["name"]}),
        ),
        Value::Object(field(k, "consent", l, "string", true)),
        with(
            field(k, "summary", l, "text", true),
            json!({"pattern": [
                format!("^[\\s\\S]{{1,{limit}}}$"),
                crate::text!("at most {limit} characters", "hoogstens {limit} tekens").get(l),
            ]}),
        ),
        with(
            field(k, "hashtags", l, "list", false),
            json!({"hint": hashtag_hint, "default": [], "allow_add": true}),
        ),
        Value::Object(field(k, "role", l, "string", false)),
        Value::Object(field(k, "department", l, "string", false)),
        Value::Object(field(k, "location", l, "string", false)),
        with(
            field(k, "image", l, "image", false),
            json!({"choose_url": false}),
        ),
        Value::Object(field(k, "image_alt", l, "string", false)),
        with(
            field(k, "image_focus", l, "string", false),
            json!({"pattern": [
                "^\\s*(0(\\.\\d+)?|1(\\.0+)?)\\s*,\\s*(0(\\.\\d+)?|1(\\.0+)?)\\s*$",
                crate::text!("two numbers from 0 to 1: `0.5, 0.3`", "twee getallen van 0 tot 1: `0.5, 0.3`").get(l),
            ]}),
        ),
        Value::Object(field(k, "people_in_photo", l, "list", false)),
        Value::Object(field(k, "quote", l, "text", false)),
        with(
            field(k, "vacancies", l, "relation", false),
            json!({"collection": "vacancies", "multiple": true, "value_field": "{{slug}}", "search_fields": ["title"], "display_fields": ["title"]}),
        ),
        with(
            field(k, "share", l, "object", false),
            json!({"collapsed": true, "fields": PLATFORMS.iter().map(|p| sub(p, platform_label(p), "text", false)).collect::<Vec<_>>()}),
        ),
        with(
            field(k, "utm", l, "object", false),
            json!({"collapsed": true, "fields": [sub("medium", "utm_medium", "string", false), sub("campaign", "utm_campaign", "string", false)]}),
        ),
        date(k, "publish", l, false),
        with(
            field(k, "draft", l, "boolean", false),
            json!({"default": true}),
        ),
        with(
            field(k, "aliases", l, "list", false),
            json!({"default": []}),
        ),
    ]
}

fn platform_label(platform: &str) -> &str {
    match platform {
        "linkedin" => "LinkedIn",
        "facebook" => "Facebook",
        "x" => "X",
        "whatsapp" => "WhatsApp",
        "instagram" => "Instagram",
        "email" => "E-mail",
        "mastodon" => "Mastodon",
        other => other,
    }
}

fn vacancy_fields(l: Language) -> Vec<Value> {
    let k = help::VACANCY;
    let currency = crate::text!("Currency", "Valuta").get(l).to_owned();
    vec![
        Value::Object(field(k, "title", l, "string", true)),
        date(k, "date", l, true),
        date(k, "valid_through", l, true),
        Value::Object(field(k, "department", l, "string", false)),
        Value::Object(field(k, "role", l, "string", false)),
        with(
            field(k, "location", l, "object", true),
            json!({"fields": [
                sub("city", crate::text!("City", "Plaats").get(l), "string", true),
                sub("postal_code", crate::text!("Postal code", "Postcode").get(l), "string", false),
                sub("street", crate::text!("Street and number", "Straat en huisnummer").get(l), "string", false),
                sub("region", crate::text!("Province", "Provincie").get(l), "string", false),
            ]}),
        ),
        with(
            field(k, "hours_per_week", l, "object", false),
            json!({"fields": [
                number("min", crate::text!("At least", "Minimaal").get(l)),
                number("max", crate::text!("At most (the same for a fixed number)", "Maximaal (hetzelfde voor een vast aantal)").get(l)),
            ]}),
        ),
        with(
            field(k, "salary", l, "object", false),
            json!({"collapsed": true, "fields": [
                number("min", crate::text!("From", "Vanaf").get(l)),
                number("max", crate::text!("Up to", "Tot en met").get(l)),
                json!({"name": "unit", "label": "Per", "widget": "select", "required": false,
                    "options": SALARY_UNITS.iter().map(|(_, name, _)| *name).collect::<Vec<_>>(), "default": "MONTH"}),
                json!({"name": "currency", "label": currency, "widget": "select", "required": false, "options": ["EUR"], "default": "EUR"}),
                sub("scale", crate::text!("Scale", "Schaal").get(l), "string", false),
            ]}),
        ),
        with(
            field(k, "employment_type", l, "select", false),
            json!({"multiple": true, "options": EMPLOYMENT_TYPES}),
        ),
        with(
            field(k, "apply_url", l, "string", false),
            json!({"pattern": ["^https?://\\S+$", crate::text!("a full address, starting with https://", "een volledig adres, dat begint met https://").get(l)]}),
        ),
        with(
            field(k, "direct_apply", l, "boolean", false),
            json!({"default": false}),
        ),
        with(
            field(k, "remote", l, "select", false),
            json!({"options": REMOTE_VALUES.iter().map(|(_, name)| *name).collect::<Vec<_>>()}),
        ),
        with(
            field(k, "contact", l, "object", false),
            json!({"collapsed": true, "fields": [
                sub("name", crate::text!("Name", "Naam").get(l), "string", false),
                sub("role", crate::text!("Role", "Functie").get(l), "string", false),
                sub("email", crate::text!("E-mail", "E-mail").get(l), "string", false),
                sub("phone", crate::text!("Phone", "Telefoon").get(l), "string", false),
            ]}),
        ),
        with(
            field(k, "hashtags", l, "list", false),
            json!({"default": []}),
        ),
        Value::Object(field(k, "identifier", l, "string", false)),
        with(
            field(k, "stories", l, "relation", false),
            json!({"collection": "stories", "multiple": true, "value_field": "{{slug}}", "search_fields": ["title"], "display_fields": ["title"]}),
        ),
        with(
            field(k, "draft", l, "boolean", false),
            json!({"default": true}),
        ),
    ]
}

fn number(name: &str, label: &str) -> Value {
    json!({"name": name, "label": label, "widget": "number", "value_type": "float", "required": false})
}

fn ambassador_fields(l: Language) -> Vec<Value> {
    let k = help::AMBASSADOR;
    let socials: Vec<Value> = ["linkedin", "instagram", "x", "facebook"]
        .iter()
        .map(|p| sub(p, platform_label(p), "string", false))
        .collect();
    vec![
        Value::Object(field(k, "name", l, "string", true)),
        Value::Object(field(k, "role", l, "string", true)),
        Value::Object(field(k, "department", l, "string", false)),
        Value::Object(field(k, "location", l, "string", false)),
        with(
            field(k, "photo", l, "image", false),
            json!({"choose_url": false}),
        ),
        Value::Object(field(k, "photo_alt", l, "string", false)),
        Value::Object(field(k, "consent", l, "string", true)),
        with(
            field(k, "socials", l, "object", false),
            json!({"collapsed": true, "fields": socials}),
        ),
        with(
            field(k, "hashtags", l, "list", false),
            json!({"default": []}),
        ),
        with(
            field(k, "since", l, "string", false),
            json!({"pattern": ["^\\d{4}(-\\d{2}-\\d{2})?$", crate::text!("a year (`2019`) or a date (`2019-09-01`)", "een jaar (`2019`) of een datum (`2019-09-01`)").get(l)]}),
        ),
    ]
}

/// The schema each collection is made from, for the test that holds them together.
#[cfg(test)]
pub(super) fn schemas() -> [(&'static str, &'static crate::content::front_matter::Schema); 3] {
    [
        ("stories", &crate::content::story::SCHEMA),
        ("vacancies", &crate::content::vacancy::SCHEMA),
        ("ambassadors", &crate::content::ambassador::SCHEMA),
    ]
}
