//! Every diagnostic code in the source is documented in docs/codes.md, and
//! every code documented there is one the source gives. Source-driven: the
//! codes are the string literals of the form `"namespace::name"` in `src/`
//! (outside `#[cfg(test)]` modules), so a new code cannot ship undocumented.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read src")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// `ns::kebab-name`: a lowercase namespace, `::`, a lowercase kebab name.
fn is_code(text: &str) -> bool {
    let Some((ns, name)) = text.split_once("::") else {
        return false;
    };
    let word = |s: &str, extra: &[char]| {
        s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || extra.contains(&c))
    };
    word(ns, &[]) && word(name, &['-'])
}

/// The string literals of `text` (up to its `#[cfg(test)]` module) that are codes.
fn codes_in(text: &str, into: &mut BTreeSet<String>) {
    let text = text.split("#[cfg(test)]").next().unwrap_or(text);
    // Quotes that open no string: a quote character, an escaped quote.
    let text = text.replace("'\"'", "' '").replace("\\\"", " ");
    for (i, piece) in text.split('"').enumerate() {
        // Odd pieces are inside quotes (good enough for code literals).
        if i % 2 == 1 && is_code(piece) {
            into.insert(piece.to_string());
        }
    }
}

fn source_codes() -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut codes = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source");
        codes_in(&text, &mut codes);
    }
    codes
}

fn codes_page() -> String {
    std::fs::read_to_string(root().join("docs/codes.md")).expect("docs/codes.md")
}

#[test]
fn every_code_in_the_source_is_documented() {
    let codes = source_codes();
    assert!(codes.len() > 100, "too few codes found: {codes:?}");
    for must in [
        "rules::syntax",
        "rules::unclosed",
        "record::duplicate-key",
        "calendar::near-end",
    ] {
        assert!(codes.contains(must), "{must} not found in the source");
    }
    let page = codes_page();
    let missing: Vec<&String> = codes
        .iter()
        .filter(|c| !page.contains(&format!("| `{c}` |")))
        .collect();
    assert!(missing.is_empty(), "not in docs/codes.md: {missing:?}");
}

#[test]
fn every_documented_code_is_one_the_source_gives() {
    let codes = source_codes();
    let page = codes_page();
    let documented: Vec<&str> = page
        .lines()
        .filter_map(|l| l.strip_prefix("| `")?.split_once("` |").map(|(c, _)| c))
        .filter(|c| is_code(c))
        .collect();
    let stale: Vec<&&str> = documented.iter().filter(|c| !codes.contains(**c)).collect();
    assert!(
        stale.is_empty(),
        "documented but not in the source: {stale:?}"
    );
}

#[test]
fn the_reference_links_the_codes_page() {
    let reference =
        std::fs::read_to_string(root().join("docs/rule-language.md")).expect("reference");
    assert!(reference.contains("(codes.md)"));
}
