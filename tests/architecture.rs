//! ARCHITECTURE.md, enforced (in the manner of rust-analyzer's tidy
//! tests): the modules form one order, each may use only modules before
//! it, and only `cli` prints, exits, reads the environment or reads the
//! clock. The scan reads `src/` as text: every `crate::module` path outside
//! comments and `#[cfg(test)]` modules is an edge.

mod common;

use common::src_files::{code, rust_files};

use std::collections::BTreeMap;
use std::path::Path;

/// The modules, lowest first. A module may use the modules of earlier
/// layers only; the first layer uses nothing of the crate.
const LAYERS: &[&[&str]] = &[
    &["source", "points", "suggest", "units", "i18n"],
    &["diag"],
    &["yaml"],
    &["syntax"],
    &["calendar"],
    &["model"],
    &["eval"],
    &["outcome"],
    &["report"],
    &["walk"],
    &["load"],
    &["config"],
    &["run"],
    &["ruletest"],
    &["import"],
    &["lsp"],
    &["cli"],
];

/// What only `cli` may do: print, exit, read the environment or the clock.
const CLI_ONLY: &[(&str, &str)] = &[
    ("println!", "prints"),
    ("eprintln!", "prints"),
    ("print!(", "prints"),
    ("eprint!(", "prints"),
    ("dbg!(", "prints"),
    ("io::stdout()", "prints"),
    ("io::stderr()", "prints"),
    ("io::stdin()", "reads the terminal"),
    ("process::exit", "exits"),
    ("env::var", "reads the environment"),
    ("env::args", "reads the environment"),
    ("env::current_dir", "reads the environment"),
    ("env::set_current_dir", "changes the environment"),
    ("SystemTime::now", "reads the clock"),
    ("Instant::now", "reads the clock"),
    ("Timestamp::now", "reads the clock"),
    ("Zoned::now", "reads the clock"),
    ("Date::today", "reads the clock"),
];

fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The top-level module a file of `src/` belongs to (`src/run/merge.rs` ->
/// `run`); `None` for the crate root files.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main")).then(|| name.to_string())
}

/// The crate modules `code` names: `crate::run::…` -> `run`.
fn uses(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `rectify_crate::`, say.
        }
        let rest = &code[at + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            found.push(name);
        }
    }
    found
}

/// Every breach in `files` (`(module, path, code)`): an edge against the
/// order, or a module outside `cli` doing what only `cli` may do.
fn breaches(files: &[(String, String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (module, path, code) in files {
        let Some(own) = rank(module) else {
            out.push(format!(
                "{path}: module `{module}` has no place in the order (add it to LAYERS and to ARCHITECTURE.md)"
            ));
            continue;
        };
        for used in uses(code) {
            if used == *module {
                continue;
            }
            match rank(&used) {
                Some(r) if r < own => {}
                Some(_) => out.push(format!(
                    "{path}: `{module}` uses `crate::{used}`, which comes after it (or beside it) in the order"
                )),
                None => out.push(format!("{path}: `crate::{used}` is no module in the order")),
            }
        }
        if module != "cli" {
            for (token, what) in CLI_ONLY {
                if code.contains(token) {
                    out.push(format!(
                        "{path}: `{module}` {what} (`{token}`); only `cli` may"
                    ));
                }
            }
        }
    }
    out
}

fn sources() -> Vec<(String, String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .iter()
        .filter_map(|file| {
            let module = module_of(&src, file)?;
            let text = std::fs::read_to_string(file).expect("source");
            let shown = file
                .strip_prefix(&src)
                .unwrap_or(file)
                .display()
                .to_string();
            Some((module, format!("src/{shown}"), code(&text)))
        })
        .collect()
}

#[test]
fn modules_use_only_the_modules_before_them() {
    let found = breaches(&sources());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn every_module_of_the_crate_is_in_the_order() {
    let modules: BTreeMap<String, ()> = sources().into_iter().map(|(m, _, _)| (m, ())).collect();
    let missing: Vec<&String> = modules.keys().filter(|m| rank(m).is_none()).collect();
    assert!(missing.is_empty(), "not in LAYERS: {missing:?}");
    for layer in LAYERS {
        for name in *layer {
            assert!(
                modules.contains_key(*name),
                "LAYERS names `{name}`, which src/ lacks"
            );
        }
    }
}

#[test]
fn architecture_md_names_every_module() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md"))
            .expect("ARCHITECTURE.md");
    for layer in LAYERS {
        for name in *layer {
            assert!(
                doc.contains(&format!("`src/{name}")),
                "ARCHITECTURE.md does not describe `src/{name}`"
            );
        }
    }
    // The order itself is written out there, lowest first.
    let order: Vec<String> = LAYERS.iter().map(|layer| layer.join(", ")).collect();
    let written = order.join(" < ");
    assert!(
        doc.contains(&written),
        "ARCHITECTURE.md must state the order as `{written}`"
    );
}

/// The checks can fail: a breach of each kind is found.
#[test]
fn the_checks_find_breaches() {
    let file =
        |module: &str, text: &str| (module.to_string(), format!("src/{module}.rs"), code(text));
    let found = breaches(&[
        file("syntax", "use crate::calendar::Unit;"),
        file("walk", "fn f() { crate::load::io_reason(e) }"),
        file("report", "use crate::run::history::History;"),
        file("eval", "fn f() { println!(\"x\") }"),
        file("run", "let t = std::time::Instant::now();"),
        file("lsp", "let d = std::env::current_dir();"),
        file("nowhere", ""),
    ]);
    assert_eq!(found.len(), 7, "{found:#?}");
    // What is allowed stays allowed.
    let fine = breaches(&[
        file("cli", "println!(\"x\"); use crate::run::Options;"),
        file("run", "use crate::eval::Plan; use crate::run::merge;"),
        file(
            "eval",
            "// see crate::report\nuse crate::syntax::ast::Rule;",
        ),
    ]);
    assert!(fine.is_empty(), "{fine:#?}");
}

/// The stripper keeps code and literals and drops comments and tests.
#[test]
fn code_strips_comments_and_tests_but_not_literals() {
    let text = concat!(
        "//! a module doc naming crate::run\n",
        "let url = \"https://example.org\"; // a trailing crate::report\n",
        "let q = '\"'; let e = \"say \\\"hi\\\" // kept\"; let t: &'a str = x;\n",
        "/* a /* nested */ block\n naming crate::cli */ let raw = r#\"a \"// b\"#;\n",
        "let s = \"#[cfg(test)] in a string\"; let rule = 1;\n",
        "/// a doc line\n",
        "#[cfg(test)]\n",
        "mod tests { use crate::run; }\n",
    );
    assert_eq!(
        code(text),
        concat!(
            "\n",
            "let url = \"https://example.org\"; \n",
            "let q = '\"'; let e = \"say \\\"hi\\\" // kept\"; let t: &'a str = x;\n",
            "\n let raw = r#\"a \"// b\"#;\n",
            "let s = \"#[cfg(test)] in a string\"; let rule = 1;\n",
            "\n",
        )
    );
}
