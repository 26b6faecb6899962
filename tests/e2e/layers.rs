//! The layer rules of ARCHITECTURE.md, checked: every `crate::` path in `src/` is read,
//! per top-level module, and an import that points up a layer, or a cycle between the
//! adapters, fails this test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module and its layer; a module may use modules of lower layers only
/// (and itself). Adapters (one layer) may use each other, but never in a cycle.
const LAYERS: &[(&str, u8)] = &[
    // Pure rules, and the leaves everything may use.
    ("domain", 0),
    ("clock", 0),
    ("logging", 0),
    // What the bot has in hand (the test barrier reads it).
    ("activity", 0),
    // SQL, settings, counters, drawing.
    ("storage", 1),
    ("config", 1),
    ("metrics", 1),
    ("chart", 1),
    ("embedding", 1),
    // Use cases: load, decide, write; plain results.
    ("app", 2),
    // Wording: every sentence, and the CSV history.
    ("messages", 3),
    ("export", 3),
    // Adapters, and the background tasks beside them.
    ("telegram", 4),
    ("http", 4),
    ("speech", 4),
    ("scheduler", 4),
    ("upkeep", 4),
    // The stash board (Telegram Mini App): its page and API.
    ("webapp", 4),
    // Wires everything together.
    ("startup", 5),
];

/// The layer the adapters share.
const ADAPTERS: u8 = 4;

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
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

/// The top-level modules `code` names through `crate::`, including in groups such as
/// `use crate::{clock::Clock, storage::Db}`. Comments are skipped.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in code.lines() {
        let line = line.split("//").next().unwrap_or("");
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            let before = &rest[..at];
            rest = &rest[at + "crate::".len()..];
            // `mycrate::` or `$crate::` is not this crate.
            if before
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$')
            {
                continue;
            }
            if let Some(group) = rest.strip_prefix('{') {
                // Top-level names of the group: the first word after `{` or a `,` at
                // depth 0.
                let mut depth = 0;
                let mut start = true;
                for (i, c) in group.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => start = true,
                        c if start && (c.is_alphanumeric() || c == '_') => {
                            let word: String = group[i..]
                                .chars()
                                .take_while(|c| c.is_alphanumeric() || *c == '_')
                                .collect();
                            found.insert(word);
                            start = false;
                        }
                        _ => {}
                    }
                }
            } else {
                let word: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !word.is_empty() {
                    found.insert(word);
                }
            }
        }
    }
    found
}

/// For each top-level module, the other top-level modules it uses.
fn module_uses() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(&src).expect("under src/");
        let first = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .expect("a file name");
        let module = first.trim_end_matches(".rs").to_owned();
        if module == "lib" || module == "main" {
            continue;
        }
        let code = std::fs::read_to_string(&file).expect("a readable source file");
        let used = uses.entry(module.clone()).or_default();
        used.extend(crate_paths(&code).into_iter().filter(|m| *m != module));
    }
    uses
}

/// Upward imports, as "from → to" lines.
fn upward(uses: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut wrong = Vec::new();
    for (from, used) in uses {
        let Some(mine) = layer(from) else {
            wrong.push(format!("{from} has no layer (add it to LAYERS)"));
            continue;
        };
        for to in used {
            match layer(to) {
                None => wrong.push(format!("{from} → {to}: {to} has no layer")),
                Some(theirs) if theirs > mine => {
                    wrong.push(format!("{from} (layer {mine}) → {to} (layer {theirs})"))
                }
                Some(theirs) if theirs == mine && mine != ADAPTERS => {
                    wrong.push(format!("{from} → {to}: same layer {mine}"))
                }
                _ => {}
            }
        }
    }
    wrong
}

/// A cycle among the adapters, if there is one, as "a → b → a".
fn adapter_cycle(uses: &BTreeMap<String, BTreeSet<String>>) -> Option<String> {
    let adapters: Vec<&String> = uses.keys().filter(|m| layer(m) == Some(ADAPTERS)).collect();
    fn visit<'a>(
        at: &'a String,
        uses: &'a BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'a String>,
        done: &mut BTreeSet<&'a String>,
    ) -> Option<String> {
        if let Some(start) = path.iter().position(|m| *m == at) {
            let mut cycle: Vec<&str> = path[start..].iter().map(|m| m.as_str()).collect();
            cycle.push(at);
            return Some(cycle.join(" → "));
        }
        if !done.insert(at) {
            return None;
        }
        path.push(at);
        for next in uses.get(at).into_iter().flatten() {
            if layer(next) == Some(ADAPTERS)
                && let Some(cycle) = visit(next, uses, path, done)
            {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    adapters
        .into_iter()
        .find_map(|a| visit(a, uses, &mut Vec::new(), &mut done))
}

#[test]
fn imports_point_down_the_layers() {
    let uses = module_uses();
    // The reader finds imports at all (a broken reader would pass everything).
    assert!(uses["telegram"].contains("domain"), "{uses:?}");
    let wrong = upward(&uses);
    assert!(wrong.is_empty(), "upward imports:\n{}", wrong.join("\n"));
}

#[test]
fn adapters_do_not_import_each_other_in_a_cycle() {
    let uses = module_uses();
    assert_eq!(adapter_cycle(&uses), None, "{uses:?}");
}

#[test]
fn the_checks_catch_what_they_should() {
    let paths = crate_paths(
        "use crate::{clock::Clock, storage::{Db, Row}};\n\
         // crate::telegram in a comment\n\
         let x = crate::app::act(); let y = mycrate::http::x;",
    );
    let expected: BTreeSet<String> = ["clock", "storage", "app"].map(String::from).into();
    assert_eq!(paths, expected);
    let uses = |pairs: &[(&str, &[&str])]| -> BTreeMap<String, BTreeSet<String>> {
        pairs
            .iter()
            .map(|(m, to)| (m.to_string(), to.iter().map(|t| t.to_string()).collect()))
            .collect()
    };
    assert_eq!(
        upward(&uses(&[("domain", &["storage"]), ("app", &["domain"])])),
        vec!["domain (layer 0) → storage (layer 1)"]
    );
    assert_eq!(upward(&uses(&[("app", &["messages"])])).len(), 1);
    assert_eq!(
        adapter_cycle(&uses(&[
            ("telegram", &["http"]),
            ("http", &["scheduler"]),
            ("scheduler", &["telegram"]),
        ])),
        Some("http → scheduler → telegram → http".into())
    );
    assert_eq!(
        adapter_cycle(&uses(&[
            ("http", &["telegram"]),
            ("scheduler", &["telegram"])
        ])),
        None
    );
}
