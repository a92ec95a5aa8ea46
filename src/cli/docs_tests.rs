//! The documentation in `docs/` against the code: every command and flag documented exists and
//! every one that exists is documented; the same for every key of every content file.

use std::collections::BTreeSet;

use clap::CommandFactory;

use super::args::Cli;

fn doc(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The keys in the first column of the tables under `### {heading}`, up to the next heading.
fn documented_keys(text: &str, heading: &str) -> BTreeSet<String> {
    let start = text
        .lines()
        .position(|l| l.trim() == format!("### {heading}"))
        .unwrap_or_else(|| panic!("no `### {heading}` section"));
    text.lines()
        .skip(start + 1)
        .take_while(|l| !l.starts_with('#'))
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .map(str::to_owned)
        .collect()
}

/// A schema's keys as the docs write them: top-level keys, and nested ones by their full path.
fn schema_keys(keys: &[&str], nested: &[(&str, &[&str])]) -> BTreeSet<String> {
    let mut all: BTreeSet<String> = keys.iter().map(|k| k.to_string()).collect();
    for (path, keys) in nested {
        all.extend(keys.iter().map(|k| format!("{path}.{k}")));
    }
    all
}

#[track_caller]
fn assert_same_keys(file: &str, heading: &str, code: BTreeSet<String>) {
    let documented = documented_keys(&doc(file), heading);
    let missing: Vec<_> = code.difference(&documented).collect();
    let unknown: Vec<_> = documented.difference(&code).collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "docs/{file}, `### {heading}`: keys the code accepts but the table lacks: {missing:?}; \
         keys in the table the code does not accept: {unknown:?}"
    );
}

#[test]
fn every_key_of_every_content_file_is_documented_and_exists() {
    use crate::content::{ambassador, config, consent, page, story, vacancy};
    assert_same_keys(
        "content.md",
        "site.yaml",
        schema_keys(config::KEYS, config::NESTED),
    );
    for (heading, schema) in [
        ("Story", &story::SCHEMA),
        ("Ambassador", &ambassador::SCHEMA),
        ("Vacancy", &vacancy::SCHEMA),
        ("Page", &page::SCHEMA),
    ] {
        assert_same_keys(
            "content.md",
            heading,
            schema_keys(schema.keys, schema.nested),
        );
    }
    assert_same_keys(
        "consent.md",
        "consent.yaml",
        schema_keys(consent::KEYS, &[]),
    );
    let layout = serde_yaml::to_value(crate::theme::cards::CardLayout::default())
        .expect("the layout serialises");
    let mut card: BTreeSet<String> = layout
        .as_mapping()
        .expect("the layout is a mapping")
        .keys()
        .filter_map(|k| k.as_str().map(|k| format!("card.{k}")))
        .collect();
    card.insert("card".to_owned());
    assert_same_keys("photos-and-cards.md", "theme.yaml", card);
}

/// Every command the binary has, as the words after `werkenbij` (`["cache", "prune"]`), with its
/// long flags.
fn commands() -> Vec<(Vec<String>, BTreeSet<String>)> {
    fn walk(
        command: &clap::Command,
        path: Vec<String>,
        out: &mut Vec<(Vec<String>, BTreeSet<String>)>,
    ) {
        if command.has_subcommands() {
            for sub in command.get_subcommands() {
                let mut path = path.clone();
                path.push(sub.get_name().to_owned());
                walk(sub, path, out);
            }
            return;
        }
        let flags = command
            .get_arguments()
            .filter_map(|a| a.get_long())
            .filter(|l| *l != "help" && *l != "version")
            .map(|l| format!("--{l}"))
            .collect();
        out.push((path, flags));
    }
    let mut out = Vec::new();
    walk(&Cli::command(), Vec::new(), &mut out);
    out
}

/// The flags on a synopsis line of docs/commands.md: `werkenbij build [--root DIR] …`.
fn flags_on(line: &str) -> BTreeSet<String> {
    line.split(|c: char| c.is_whitespace() || "[]|".contains(c))
        .filter(|w| w.starts_with("--"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_command_and_flag_is_documented_and_exists() {
    let text = doc("commands.md");
    let synopses: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("werkenbij "))
        .collect();
    let commands = commands();
    for (path, flags) in &commands {
        let prefix = format!("werkenbij {} ", path.join(" "));
        let line = synopses
            .iter()
            .find(|l| l.starts_with(&prefix) || **l == prefix.trim_end())
            .unwrap_or_else(|| panic!("docs/commands.md has no synopsis `{prefix}…`"));
        assert_eq!(
            &flags_on(line),
            flags,
            "the flags of `{}`",
            prefix.trim_end()
        );
        assert!(
            text.contains(&format!("## `werkenbij {}", path[0])),
            "docs/commands.md has no section for `werkenbij {}`",
            path[0]
        );
    }
    for line in synopses {
        assert!(
            commands
                .iter()
                .any(|(path, _)| line.starts_with(&format!("werkenbij {}", path.join(" ")))),
            "docs/commands.md documents `{line}`, which is no command"
        );
    }
}
