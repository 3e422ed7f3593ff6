//! One registry of diagnostic codes (`src/diag/codes.rs`), and nothing
//! beside it: every code the source gives is registered, every registered
//! code is given, described in both catalogues and listed in docs/codes.md
//! with the same English description, and docs/codes.md lists nothing else.
//! Source-driven: the codes given are the string literals of the form
//! `"namespace::name"` in `src/` outside the registry (and outside
//! `#[cfg(test)]` modules), so a new code cannot ship unregistered.

mod common;

use common::src_files::{code, rust_files};

use std::collections::BTreeSet;
use std::path::Path;

use rectify::diag::codes;
use rectify::i18n::Lang;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
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

/// The string literals of `text`'s code (up to its `#[cfg(test)]` module,
/// without comments) that are codes.
fn codes_in(text: &str, into: &mut BTreeSet<String>) {
    let text = code(text);
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
        if file.ends_with("src/diag/codes.rs") {
            continue; // the registry itself: what it lists is checked against the rest
        }
        let text = std::fs::read_to_string(&file).expect("source");
        codes_in(&text, &mut codes);
    }
    codes
}

fn codes_page() -> String {
    std::fs::read_to_string(root().join("docs/codes.md")).expect("docs/codes.md")
}

fn registry() -> BTreeSet<String> {
    codes::ALL.iter().map(|c| c.code.to_string()).collect()
}

/// docs/codes.md's table rows: `(code, meaning)`.
fn documented() -> Vec<(String, String)> {
    codes_page()
        .lines()
        .filter_map(|l| {
            let (code, rest) = l.strip_prefix("| `")?.split_once("` | ")?;
            let (meaning, _example) = rest.rsplit_once(" | ")?;
            is_code(code).then(|| (code.to_string(), meaning.to_string()))
        })
        .collect()
}

#[test]
fn every_code_in_the_source_is_registered() {
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
    let registry = registry();
    let missing: Vec<&String> = codes.difference(&registry).collect();
    assert!(missing.is_empty(), "not in src/diag/codes.rs: {missing:?}");
    let stale: Vec<&String> = registry.difference(&codes).collect();
    assert!(stale.is_empty(), "registered but never given: {stale:?}");
}

#[test]
fn every_registered_code_is_described_in_both_languages() {
    for code in codes::ALL {
        for lang in Lang::ALL {
            let words = lang.catalogue();
            assert!(
                words.has(code.description),
                "{} has no description in {lang}",
                code.code
            );
            let said = code.describe().say(words);
            assert!(!said.trim().is_empty(), "{} in {lang}", code.code);
        }
    }
}

#[test]
fn the_codes_page_lists_exactly_the_registry_with_its_descriptions() {
    let documented = documented();
    let listed: Vec<&str> = documented.iter().map(|(c, _)| c.as_str()).collect();
    let registered: Vec<&str> = codes::ALL.iter().map(|c| c.code).collect();
    assert_eq!(listed, registered, "docs/codes.md and src/diag/codes.rs");
    for (code, meaning) in &documented {
        let Some(entry) = codes::find(code) else {
            continue;
        };
        assert_eq!(
            &entry.describe().english(),
            meaning,
            "docs/codes.md's meaning of {code} and its English description"
        );
    }
}

#[test]
fn the_reference_links_the_codes_page() {
    let reference =
        std::fs::read_to_string(root().join("docs/rule-language.md")).expect("reference");
    assert!(reference.contains("(codes.md)"));
}

/// The scan finds codes in string literals, whatever comes before them on
/// the line, and not in comments or unit tests.
#[test]
fn the_scan_reads_literals_only() {
    let text = concat!(
        "/// see \"record::in-a-doc\"\n",
        "let url = \"https://example.org\"; let c = \"record::bad-date\"; // \"record::in-a-comment\"\n",
        "let q = '\"'; let d = \"walk::not-regular\";\n",
        "#[cfg(test)]\n",
        "mod tests { const C: &str = \"record::in-a-test\"; }\n",
    );
    let mut found = BTreeSet::new();
    codes_in(text, &mut found);
    let found: Vec<&str> = found.iter().map(String::as_str).collect();
    assert_eq!(found, ["record::bad-date", "walk::not-regular"]);
}
