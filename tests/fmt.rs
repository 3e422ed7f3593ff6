//! `rectify fmt` as a library function: snapshots of messy files, and over
//! every rule file in the repository: idempotence, meaning preserved (equal
//! ASTs; spans take no part in equality), every comment kept.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use rectify::syntax::{self, fmt};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `*.rules` file under `dir`, sorted.
fn rule_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walk(dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "rules"))
        .collect();
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("readable folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Every rule file the repository has that parses (error fixtures excluded).
fn parsing_files() -> Vec<(String, String)> {
    let mut files = rule_files(&root().join("tests/fixtures"));
    files.extend(rule_files(&root().join("rules")));
    files.extend(rule_files(&root().join("examples")));
    let files: Vec<(String, String)> = files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable rule file");
            (p.display().to_string(), text)
        })
        .filter(|(_, text)| syntax::parse(text).is_ok())
        .collect();
    assert!(files.len() >= 15, "only {} rule files found", files.len());
    files
}

fn comments(text: &str) -> Vec<String> {
    let file = syntax::parse(text).expect("parses");
    let mut texts: Vec<String> = file
        .comments
        .iter()
        .map(|c| c.value.trim_end().to_string())
        .collect();
    texts.sort();
    texts
}

#[test]
fn messy_fixtures_format_to_their_snapshot() {
    let files = rule_files(&root().join("tests/fixtures/fmt"));
    assert!(files.len() >= 4);
    for path in files {
        let name = path
            .file_stem()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(&path).expect("fixture");
        let formatted = fmt::format(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        insta::assert_snapshot!(format!("fmt-{name}"), formatted);
    }
}

#[test]
fn formatting_twice_changes_nothing() {
    for (name, text) in parsing_files() {
        let once = fmt::format(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let twice = fmt::format(&once).unwrap_or_else(|e| panic!("{name} formatted: {e:?}"));
        assert_eq!(once, twice, "{name}: fmt(fmt(x)) != fmt(x)");
    }
}

#[test]
fn formatting_keeps_the_meaning() {
    for (name, text) in parsing_files() {
        let before = syntax::parse(&text).expect("parses");
        let formatted = fmt::format(&text).expect("formats");
        let after = syntax::parse(&formatted)
            .unwrap_or_else(|e| panic!("{name}: the formatted file does not parse: {e:?}"));
        assert_eq!(before.rulesets, after.rulesets, "{name}: rulesets differ");
        assert_eq!(before.rules, after.rules, "{name}: rules differ");
    }
}

#[test]
fn formatting_keeps_every_comment() {
    for (name, text) in parsing_files() {
        let formatted = fmt::format(&text).expect("formats");
        assert_eq!(comments(&text), comments(&formatted), "{name}");
    }
}

#[test]
fn end_of_line_comments_stay_at_the_end_of_their_line() {
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/fmt/comments.rules")).expect("fixture");
    let formatted = fmt::format(&text).expect("formats");
    for line in [
        "  calendar \"../../../rules/calendars/cn.yaml\"  # eol on calendar",
        "  require closure is present  # eol on require",
        "  title \"One\"  # eol on title",
        "}  # after a closing brace",
    ] {
        assert!(
            formatted.lines().any(|l| l == line),
            "missing {line:?} in\n{formatted}"
        );
    }
}

#[test]
fn shipped_rule_files_are_formatted() {
    for path in rule_files(&root().join("rules")) {
        let text = std::fs::read_to_string(&path).expect("readable");
        let formatted = fmt::format(&text).expect("formats");
        assert!(
            formatted == text,
            "{} is not formatted; run `rectify fmt {}`",
            path.display(),
            path.display()
        );
    }
}

/// The ```rules blocks of the docs that are whole files (they parse on
/// their own) are in the canonical layout; fragments are skipped.
#[test]
fn whole_file_examples_in_the_docs_are_formatted() {
    let mut checked = 0;
    for path in walk(&root().join("docs")) {
        if path.extension().is_none_or(|x| x != "md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable");
        for block in rules_blocks(&text) {
            if syntax::parse(&block).is_err() {
                continue;
            }
            let formatted = fmt::format(&block).expect("formats");
            if block.trim_start().starts_with("rule") || block.trim_start().starts_with('#') {
                checked += 1;
                assert_eq!(
                    block,
                    formatted,
                    "{}: example not formatted",
                    path.display()
                );
            }
        }
    }
    assert!(checked >= 2, "only {checked} whole-file examples");
}

fn rules_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match &mut current {
            None if line.trim() == "```rules" => current = Some(String::new()),
            Some(block) if line.trim() == "```" => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
            None => {}
        }
    }
    blocks
}

#[test]
fn a_file_that_does_not_parse_is_an_error() {
    assert!(fmt::format("rule broken { for task").is_err());
}

proptest! {
    /// Any string survives being printed and parsed again.
    #[test]
    fn strings_survive_formatting(s in "\\PC*|[\"\\\\\t\n\u{7}\u{85}]{0,5}") {
        let text = format!(
            "rule s {{\n  title {}\n  for task\n  require x\n  severity info\n}}\n",
            escape(&s)
        );
        let formatted = fmt::format(&text).expect("formats");
        let file = syntax::parse(&formatted).expect("parses");
        prop_assert_eq!(file.rules[0].title.as_ref().map(|t| t.value.clone()), Some(s));
    }
}

/// Escape with `\u{…}` for everything that is not plain ASCII text.
fn escape(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    out.push('"');
    out
}
