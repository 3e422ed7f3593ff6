//! Every message id the source names is in both catalogues. A missing id
//! would show the id itself to the user (`record-bad-date`), in one
//! language or both; this finds it before a user does. The ids are read
//! from the places the source names them: `Message::new("…")`,
//! `….format("…", …)`, `….text("…")` (a catalogue's message without
//! arguments) and `"…".into()` where a `Message` is wanted.

mod common;

use common::src_files::{code, rust_files};

use std::collections::BTreeSet;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `id` and `id.attribute` of every entry of a catalogue.
fn catalogue(lang: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join("i18n").join(lang).join("rectify.ftl"))
        .expect("catalogue");
    let mut ids = BTreeSet::new();
    let mut current = String::new();
    for line in text.lines() {
        let first = line.chars().next();
        if first.is_some_and(|c| c.is_ascii_lowercase()) {
            if let Some((id, _)) = line.split_once(" =") {
                current = id.trim().to_string();
                ids.insert(current.clone());
            }
        } else if let Some(rest) = line.trim_start().strip_prefix('.') {
            if let Some((attribute, _)) = rest.split_once(" =") {
                ids.insert(format!("{current}.{}", attribute.trim()));
            }
        }
    }
    ids
}

/// An id as the catalogues write them: `record-bad-date`, `rules-unclosed.help`.
fn is_id(text: &str) -> bool {
    let (id, attribute) = text.split_once('.').unwrap_or((text, ""));
    let word = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    word(id) && (attribute.is_empty() || word(attribute)) && text.contains('-')
}

/// The first string literal after each occurrence of `opener` in `code`,
/// and what follows it.
fn literals_after<'a>(code: &'a str, opener: &str) -> Vec<(&'a str, &'a str)> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices(opener) {
        let rest = code[at + opener.len()..].trim_start();
        let Some(rest) = rest.strip_prefix('"') else {
            continue;
        };
        if let Some(end) = rest.find('"') {
            out.push((&rest[..end], rest[end + 1..].trim_start()));
        }
    }
    out
}

/// Literals the scan meets that are not message ids.
const NOT_MESSAGES: &[&str] = &[
    // The language server's file-watch registration id.
    "rectify-files",
];

fn source_ids() -> BTreeSet<(String, String)> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut ids = BTreeSet::new();
    for file in files {
        if file.file_name().is_some_and(|n| n == "tests.rs") {
            continue; // A module of unit tests names ids that do not exist.
        }
        let text = std::fs::read_to_string(&file).expect("source");
        // Without tests and comments: a doc example is not a use.
        let code = code(&text);
        let code = code.as_str();
        let name = file
            .strip_prefix(root())
            .unwrap_or(&file)
            .display()
            .to_string();
        let mut add = |id: &str| {
            if is_id(id) && !NOT_MESSAGES.contains(&id) {
                ids.insert((id.to_string(), name.clone()));
            }
        };
        for (id, _) in literals_after(code, "Message::new(") {
            add(id);
        }
        for (id, after) in literals_after(code, ".format(") {
            if after.starts_with(',') {
                add(id);
            }
        }
        for (id, after) in literals_after(code, ".text(") {
            // `words.text("id")`, not `message.text("name", value)`.
            if after.starts_with(')') {
                add(id);
            }
        }
        for (at, _) in code.match_indices("\".into()") {
            let start = code[..at].rfind('"').map_or(at, |s| s + 1);
            add(&code[start..at]);
        }
    }
    ids
}

#[test]
fn every_id_the_source_names_is_in_both_catalogues() {
    let ids = source_ids();
    assert!(
        ids.len() > 300,
        "the scan found only {} ids: is it still reading the source?",
        ids.len()
    );
    for lang in ["en", "zh-CN"] {
        let known = catalogue(lang);
        let missing: Vec<String> = ids
            .iter()
            .filter(|(id, _)| !known.contains(id))
            .map(|(id, file)| format!("{id} ({file})"))
            .collect();
        assert!(
            missing.is_empty(),
            "not in i18n/{lang}/rectify.ftl:\n{}",
            missing.join("\n")
        );
    }
}

/// The scan finds each form, and a missing id is reported.
#[test]
fn the_scan_reads_each_form() {
    let code = r#"
        let a = Message::new("record-bad-date").text("value", v);
        let b = words.format("summary-line", &args);
        let c = words.text("concise-waived");
        let d: Message = "rules-not-checked.help".into();
        let e = m.text("name", "not-an-id");
    "#;
    let found: Vec<&str> = literals_after(code, "Message::new(")
        .into_iter()
        .chain(
            literals_after(code, ".format(")
                .into_iter()
                .filter(|(_, a)| a.starts_with(',')),
        )
        .chain(
            literals_after(code, ".text(")
                .into_iter()
                .filter(|(_, a)| a.starts_with(')')),
        )
        .map(|(id, _)| id)
        .collect();
    assert_eq!(found, ["record-bad-date", "summary-line", "concise-waived"]);
    assert!(is_id("rules-not-checked.help"));
    assert!(!is_id("record::bad-date"));
    assert!(!catalogue("en").contains("no-such-message-anywhere"));
}
