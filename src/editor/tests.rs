//! The editor's fields held against the front-matter types they are made from.

use std::collections::BTreeSet;

use serde_json::Value;

use super::*;
use crate::content::front_matter::Schema;

/// The minimal fixture's `site.yaml`, in `language`, with an editor.
fn site_with_editor(language: &str) -> SiteConfig {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/minimal/content/site.yaml"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let text = format!(
        "{}\neditor: {{backend: github, repo: zorggroep/werkenbij, editorial_workflow: true}}\n",
        text.replace("language: nl", &format!("language: {language}"))
    );
    let file = crate::base::source::SourceFile::new("content/site.yaml", text);
    crate::content::config::parse(&file).unwrap_or_else(|e| panic!("{e:?}"))
}

fn collection<'a>(config: &'a Value, name: &str) -> &'a Value {
    config["collections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no collection `{name}`"))
}

fn names(fields: &Value) -> Vec<&str> {
    fields
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .filter(|name| *name != "body")
        .collect()
}

/// The keys a type requires: those its stand-ins fill in.
fn required(schema: &Schema) -> BTreeSet<String> {
    let stand_ins: serde_yaml::Mapping = serde_yaml::from_str(schema.stand_ins).unwrap();
    stand_ins
        .keys()
        .map(|k| k.as_str().unwrap().to_owned())
        .collect()
}

/// A key added to a type and not to the editor (or the other way round) fails here.
#[test]
fn every_key_of_every_type_is_a_field_in_its_order_and_required_when_the_type_requires_it() {
    let config = config_value(&site_with_editor("nl"));
    for (name, schema) in fields::schemas() {
        let fields = &collection(&config, name)["fields"];
        assert_eq!(names(fields), schema.keys, "{name}");
        let required_fields: BTreeSet<String> = fields
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["required"] == true)
            .map(|f| f["name"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(required_fields, required(schema), "{name}");
        for (key, nested) in schema.nested {
            let field = fields
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["name"] == *key)
                .unwrap();
            assert_eq!(names(&field["fields"]), *nested, "{name}.{key}");
        }
        for field in fields.as_array().unwrap() {
            assert!(
                field["label"].as_str().is_some_and(|l| !l.is_empty()),
                "{field}"
            );
        }
    }
}

/// What each widget writes is what the type reads: a front-matter made of one value per field,
/// as Decap writes it, deserialises into the type (which refuses unknown keys).
#[test]
fn the_values_the_widgets_write_are_accepted_by_the_types() {
    let config = config_value(&site_with_editor("nl"));
    let yaml = |name: &str| {
        let mut map = serde_yaml::Mapping::new();
        for field in collection(&config, name)["fields"].as_array().unwrap() {
            let key = field["name"].as_str().unwrap();
            if key != "body" {
                map.insert(key.into(), sample(field));
            }
        }
        serde_yaml::to_string(&map).unwrap()
    };
    let story = yaml("stories");
    serde_yaml::from_str::<crate::content::story::StoryFront>(&story)
        .unwrap_or_else(|e| panic!("{e}\n{story}"));
    let vacancy = yaml("vacancies");
    serde_yaml::from_str::<crate::content::vacancy::VacancyFront>(&vacancy)
        .unwrap_or_else(|e| panic!("{e}\n{vacancy}"));
    let ambassador = yaml("ambassadors");
    serde_yaml::from_str::<crate::content::ambassador::AmbassadorFront>(&ambassador)
        .unwrap_or_else(|e| panic!("{e}\n{ambassador}"));
}

/// The value Decap writes for a field, as YAML.
fn sample(field: &Value) -> serde_yaml::Value {
    let text = |s: &str| serde_yaml::Value::String(s.to_owned());
    match field["widget"].as_str().unwrap() {
        "datetime" => text("2026-12-01"),
        "boolean" => serde_yaml::Value::Bool(true),
        "number" => serde_yaml::from_str("32").unwrap(),
        "list" => serde_yaml::from_str("[een, twee]").unwrap(),
        "select" if field["multiple"] == true => {
            serde_yaml::Value::Sequence(vec![text(field["options"][0].as_str().unwrap())])
        }
        "select" => text(field["options"][0].as_str().unwrap()),
        "relation" if field["multiple"] == true => serde_yaml::from_str("[iets]").unwrap(),
        "image_focus" => text("0.5, 0.3"),
        "object" => {
            let mut map = serde_yaml::Mapping::new();
            for sub in field["fields"].as_array().unwrap() {
                map.insert(sub["name"].as_str().unwrap().into(), sample(sub));
            }
            serde_yaml::Value::Mapping(map)
        }
        _ if field["name"] == "image_focus" => text("0.5, 0.3"),
        _ if field["name"] == "apply_url" => text("https://www.example.nl/solliciteren"),
        // A string, as Decap writes it: quoted YAML, although it looks like a number.
        _ if field["name"] == "since" => text("2019"),
        _ => text("iets"),
    }
}

#[test]
fn the_interface_and_the_help_follow_the_site_language() {
    let nl = config_value(&site_with_editor("nl"));
    assert_eq!(nl["locale"], "nl");
    assert_eq!(collection(&nl, "stories")["label"], "Verhalen");
    let title = &collection(&nl, "stories")["fields"][0];
    assert_eq!(title["label"], "Titel");
    assert_eq!(
        title["hint"],
        crate::content::help::of(crate::content::help::STORY, "title")
            .text(crate::base::language::Language::Nl)
    );
    let en = config_value(&site_with_editor("en"));
    assert_eq!(en["locale"], "en");
    assert_eq!(collection(&en, "stories")["label"], "Stories");
    assert_eq!(en["publish_mode"], "editorial_workflow");
}
