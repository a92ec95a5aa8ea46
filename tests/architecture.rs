//! The source tree reads as the pipeline: every `crate::` path in `src/` points at a top-level
//! module listed before its own in `LAYERS`, and no two top-level modules import each other,
//! directly or in a circle. See ARCHITECTURE.md.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The top-level modules of `src/`, lowest first: each may use only those before it.
const LAYERS: &[&str] = &[
    "base", "output", "content", "theme", "model", "share", "editor", "validate", "images",
    "visits", "report", "render", "pipeline", "audit", "serve", "cli",
];

/// One `crate::` path in a source file.
#[derive(Debug)]
struct Import {
    file: String,
    line: usize,
    path: String,
    from: String,
    to: String,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its unit-test module (`#[cfg(test)] mod tests`), which may use
/// whatever it needs to set up a case.
fn code_without_tests(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    let end = (0..lines.len())
        .find(|&i| {
            lines[i].trim() == "#[cfg(test)]"
                && lines[i + 1..]
                    .iter()
                    .take(2)
                    .any(|l| l.trim_start().starts_with("mod tests"))
        })
        .unwrap_or(lines.len());
    lines[..end].to_vec()
}

fn ident(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The first segment of each path after `crate::` on a line: `crate::a::b` gives `a`,
/// `crate::{a::X, b}` gives `a` and `b`.
fn crate_paths(line: &str) -> Vec<(String, String)> {
    let code = match line.find("//") {
        Some(at) => &line[..at],
        None => line,
    };
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `my_crate::`
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && !c.is_whitespace() => {
                        let name = ident(&group[i..]);
                        found.push((name.to_owned(), format!("crate::{{{name}…}}")));
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident(rest);
            if rest[name.len()..].starts_with('!') {
                // `crate::text!`: the exported macros are at the crate's root but live in `base`.
                found.push(("base".to_owned(), format!("crate::{name}!")));
                continue;
            }
            let shown = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(rest, |end| &rest[..end])
                .trim_end_matches(':');
            found.push((name.to_owned(), format!("crate::{shown}")));
        }
    }
    found
}

fn imports(src: &Path) -> Vec<Import> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut imports = Vec::new();
    for path in files {
        let relative = path.strip_prefix(src).expect("a file under src/");
        let first = relative
            .components()
            .next()
            .expect("a path")
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_owned();
        if first == "lib" || first == "main" || relative.to_string_lossy().ends_with("tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a readable source file");
        for (index, line) in code_without_tests(&text).into_iter().enumerate() {
            for (to, shown) in crate_paths(line) {
                if to != first && to != "self" && to != "super" {
                    imports.push(Import {
                        file: format!("src/{}", relative.to_string_lossy().replace('\\', "/")),
                        line: index + 1,
                        path: shown,
                        from: first.clone(),
                        to,
                    });
                }
            }
        }
    }
    imports
}

/// Each group of top-level modules that import each other in a circle (a strongly connected
/// component), with one shortest circle through its first member: `a -> b -> c -> a`.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let reach = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_owned()];
        while let Some(node) = todo.pop() {
            for next in graph.get(&node).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    };
    let reachable: BTreeMap<&String, BTreeSet<String>> =
        graph.keys().map(|n| (n, reach(n))).collect();
    let mut placed = BTreeSet::new();
    let mut found = Vec::new();
    for (node, from_node) in &reachable {
        if placed.contains(*node) || !from_node.contains(*node) {
            continue;
        }
        let group: Vec<&String> = reachable
            .iter()
            .filter(|(other, from_other)| from_node.contains(**other) && from_other.contains(*node))
            .map(|(other, _)| *other)
            .collect();
        placed.extend(group.iter().map(|n| n.to_string()));
        // Breadth first from `node` back to itself: the shortest circle.
        let mut previous: BTreeMap<String, String> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([node.to_string()]);
        'search: while let Some(at) = queue.pop_front() {
            for next in graph.get(&at).into_iter().flatten() {
                if next == *node {
                    previous.insert(format!("{next}'"), at.clone());
                    break 'search;
                }
                if !previous.contains_key(next) {
                    previous.insert(next.clone(), at.clone());
                    queue.push_back(next.clone());
                }
            }
        }
        let mut circle = vec![node.to_string()];
        let mut at = format!("{node}'");
        while let Some(before) = previous.get(&at) {
            circle.push(before.clone());
            if before == *node {
                break;
            }
            at = before.clone();
        }
        circle.reverse();
        found.push(format!(
            "{} modules import each other in a circle ({}), e.g. {}",
            group.len(),
            group
                .iter()
                .map(|n| n.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            circle.join(" -> ")
        ));
    }
    found
}

fn problems(src: &Path) -> Vec<String> {
    let imports = imports(src);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for import in &imports {
        graph
            .entry(import.from.clone())
            .or_default()
            .insert(import.to.clone());
    }
    let mut problems: Vec<String> = cycles(&graph)
        .into_iter()
        .map(|circle| format!("import cycle: {circle}"))
        .collect();
    let rank = |module: &str| LAYERS.iter().position(|m| *m == module);
    let mut unknown = BTreeSet::new();
    for import in &imports {
        for module in [&import.from, &import.to] {
            if rank(module).is_none() && unknown.insert(module.clone()) {
                problems.push(format!(
                    "{}:{}: top-level module `{module}` is not in LAYERS of tests/architecture.rs",
                    import.file, import.line
                ));
            }
        }
        if let (Some(from), Some(to)) = (rank(&import.from), rank(&import.to)) {
            if to > from {
                problems.push(format!(
                    "{}:{}: `{}` imports `{}` from `{}`, a layer above it",
                    import.file, import.line, import.from, import.path, import.to
                ));
            }
        }
    }
    problems
}

#[test]
fn modules_import_only_from_layers_below_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let problems = problems(&src);
    assert!(
        problems.is_empty(),
        "{} problems in the module structure (layers, lowest first: {}):\n{}",
        problems.len(),
        LAYERS.join(", "),
        problems.join("\n")
    );
}

#[test]
fn every_top_level_module_is_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules: Vec<String> = std::fs::read_dir(&src)
        .expect("src/")
        .map(|e| e.expect("an entry").path())
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            let name = name.strip_suffix(".rs").map(str::to_owned).unwrap_or(name);
            (name != "lib" && name != "main").then_some(name)
        })
        .collect();
    modules.sort();
    modules.dedup(); // `x.rs` beside `x/`
    let mut layers: Vec<String> = LAYERS.iter().map(|m| m.to_string()).collect();
    layers.sort();
    assert_eq!(
        modules, layers,
        "the folders and files of src/ against LAYERS"
    );
}

#[test]
fn the_checker_sees_grouped_imports_upward_edges_and_cycles() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let src = dir.path();
    std::fs::create_dir_all(src.join("base")).unwrap();
    std::fs::write(
        src.join("base/mod.rs"),
        "use crate::{render::View, model};\n// crate::cli in a comment\n",
    )
    .unwrap();
    std::fs::write(
        src.join("render.rs"),
        "use crate::base::X;\n#[cfg(test)]\nmod tests {\n    use crate::cli::Y;\n}\n",
    )
    .unwrap();
    std::fs::write(src.join("model.rs"), "fn f() { crate::base::g() }\n").unwrap();
    let found = problems(src);
    assert!(
        found.contains(&"import cycle: 3 modules import each other in a circle (base, model, render), e.g. base -> model -> base".to_owned()),
        "{found:#?}"
    );
    assert!(
        found.contains(
            &"src/base/mod.rs:1: `base` imports `crate::{render…}` from `render`, a layer above it"
                .to_owned()
        ),
        "{found:#?}"
    );
    assert!(!found.iter().any(|p| p.contains("cli")), "{found:#?}");
}

/// Calls that change the file system.
const WRITES: &[&str] = &[
    "fs::write",
    "File::create",
    "create_dir",
    "remove_file",
    "remove_dir",
    "fs::rename",
    "fs::copy",
    "OpenOptions",
    "hard_link",
];

/// Where a file of `src/` may change the file system: the output folder, the image cache (with
/// the store of what parsing found, in it), the commands that write new content files, and the
/// reach report's `--out` (checked to be outside the site's output and sources).
const WRITERS: &[&str] = &[
    "src/output.rs",
    "src/output/lock.rs",
    "src/output/spare.rs",
    "src/images/cache.rs",
    "src/content/cache.rs",
    "src/cli/init/mod.rs",
    "src/cli/new.rs",
    "src/cli/visits.rs",
];

/// The stages after loading read nothing from disk: only the model, the theme and the figures.
/// (`audit`, above `pipeline`, reads a built output folder back: the one module that reads the
/// output, and it writes nothing.)
const READ_NOTHING: &[&str] = &[
    "src/model/",
    "src/share/",
    "src/editor/",
    "src/render/",
    "src/report/",
];

#[test]
fn only_output_the_image_cache_and_new_files_write_and_later_stages_read_nothing() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut problems = Vec::new();
    for path in files {
        let relative = format!(
            "src/{}",
            path.strip_prefix(&src)
                .expect("a file under src/")
                .to_string_lossy()
                .replace('\\', "/")
        );
        if relative.ends_with("tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a readable source file");
        for (index, line) in code_without_tests(&text).into_iter().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let writes = WRITES.iter().find(|w| code.contains(*w));
            if let (Some(call), false) = (writes, WRITERS.contains(&relative.as_str())) {
                problems.push(format!(
                    "{relative}:{}: `{call}` outside {WRITERS:?}",
                    index + 1
                ));
            }
            let reads = code.contains("std::fs") || code.contains("File::open");
            if reads && READ_NOTHING.iter().any(|f| relative.starts_with(f)) {
                problems.push(format!(
                    "{relative}:{}: reads a file in a stage that reads nothing",
                    index + 1
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
