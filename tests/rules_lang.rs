//! The diagnostics about rule files said in English and in Simplified
//! Chinese: every syntax error fixture (`tests/fixtures/syntax/err`), the
//! semantic check's errors and the lint warnings through `rules check`, in
//! the human and JSON formats. Each message id the rule-file readers use is
//! in both catalogues, and the Chinese texts leave no English word outside
//! backticks.

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rectify::diag::Message;
use rectify::i18n::Lang;
use rectify::source::LineIndex;
use rectify::syntax;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn rectify(args: &[&str]) -> (i32, String, String) {
    common::cmd::rectify_env(Path::new(ROOT), args, &[])
}

/// `rules check` on a fixture folder of `tests/fixtures/rules-lang`.
fn rules_check(dir: &str, lang: &str, format: &str) -> (i32, String) {
    let path = format!("tests/fixtures/rules-lang/{dir}");
    let args = [
        "rules",
        "check",
        path.as_str(),
        "--lang",
        lang,
        "--format",
        format,
        "--color",
        "never",
        "--as-of",
        "2025-06-30",
    ];
    let (code, out, err) = rectify(&args);
    assert!(err.is_empty(), "{dir} {lang} {format}: stderr {err}");
    (code, out)
}

fn err_fixtures() -> Vec<PathBuf> {
    let dir = Path::new(ROOT).join("tests/fixtures/syntax/err");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .map(|e| e.expect("fixture entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rules"))
        .collect();
    paths.sort();
    assert!(paths.len() > 20, "too few syntax fixtures");
    paths
}

/// English words left in a Chinese text, outside backticks: none but the
/// names that are Latin in Chinese too.
fn english_words(text: &str) -> Vec<String> {
    const KEPT: [&str; 2] = ["Unicode", "rectify"];
    let outside: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    outside
        .split(|c: char| !c.is_ascii_alphabetic())
        // Upper case: hexadecimal digits (`DFFF`), a date's pattern.
        .filter(|w| w.len() > 1 && !KEPT.contains(w) && w.chars().any(|c| c.is_ascii_lowercase()))
        .map(str::to_string)
        .collect()
}

#[track_caller]
fn assert_chinese(said: &str, context: &str) {
    let words = english_words(said);
    assert!(
        words.is_empty(),
        "English {words:?} in {said:?} ({context})"
    );
}

/// Every syntax error of the fixtures, said in `lang`: code, line:column,
/// message, the underlined text and the help.
fn syntax_errors(lang: Lang) -> String {
    let words = lang.catalogue();
    let mut out = String::new();
    for path in err_fixtures() {
        let text = std::fs::read_to_string(&path).expect("fixture text");
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_default();
        let errors = syntax::parse(&text).expect_err("a syntax error fixture");
        let index = LineIndex::new(&text);
        let _ = writeln!(out, "## {name}");
        for e in errors {
            let (line, col) = index.line_col(&text, e.span.start);
            let message = e.message.say(words);
            let _ = writeln!(out, "{} at {line}:{col}: {message}", e.code);
            let _ = writeln!(out, "  underlined: {:?}", &text[e.span.range()]);
            let help = e.help.as_ref().map(|h| h.say(words));
            if let Some(help) = &help {
                let _ = writeln!(out, "  help: {help}");
            }
            if lang == Lang::ZhCn {
                assert_chinese(&message, &name);
                if let Some(help) = &help {
                    assert_chinese(help, &name);
                }
            }
        }
        out.push('\n');
    }
    out
}

#[test]
fn syntax_errors_in_chinese() {
    insta::assert_snapshot!("syntax-errors-zh", syntax_errors(Lang::ZhCn));
}

#[test]
fn syntax_errors_in_english_are_the_fixtures_own() {
    // The per-fixture English snapshots of tests/syntax.rs hold the same
    // texts; this one puts them beside the Chinese for review.
    insta::assert_snapshot!("syntax-errors-en", syntax_errors(Lang::En));
}

/// The lines of human output that carry words: the message (after `×` or
/// `⚠`), help and labels; frames and source lines aside.
fn worded_lines(out: &str) -> Vec<&str> {
    out.lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let l = l
                .strip_prefix("× ")
                .or_else(|| l.strip_prefix("⚠ "))
                .or_else(|| l.strip_prefix("help: "))?;
            Some(l)
        })
        .collect()
}

#[test]
fn semantic_errors_in_both_languages() {
    for lang in ["en", "zh-CN"] {
        let (code, out) = rules_check("semantic", lang, "human");
        assert_eq!(code, 2, "{lang}: {out}");
        insta::assert_snapshot!(format!("semantic-human-{lang}"), out);
        let (code, json) = rules_check("semantic", lang, "json");
        assert_eq!(code, 2, "{lang}: {json}");
        insta::assert_snapshot!(format!("semantic-json-{lang}"), json);
    }
}

#[test]
fn lint_warnings_in_both_languages() {
    for dir in ["lint", "unused"] {
        for lang in ["en", "zh-CN"] {
            let (code, out) = rules_check(dir, lang, "human");
            assert_eq!(code, 0, "{dir} {lang}: {out}");
            insta::assert_snapshot!(format!("{dir}-human-{lang}"), out);
        }
        let (_, json) = rules_check(dir, "zh-CN", "json");
        insta::assert_snapshot!(format!("{dir}-json-zh-CN"), json);
    }
}

/// The Chinese human output says every message and help in Chinese; the
/// wrapped continuation lines are checked with the line they continue.
#[test]
fn chinese_rule_diagnostics_leave_no_english() {
    for dir in ["semantic", "lint", "unused"] {
        let (_, out) = rules_check(dir, "zh-CN", "human");
        let lines = worded_lines(&out);
        assert!(lines.len() > 3, "{dir}: {out}");
        for line in lines {
            // A regular expression's error is the regex library's own text.
            let line = match line.split_once("匹配模式无效：") {
                Some((before, _)) => before,
                None => line,
            };
            assert_chinese(line, dir);
        }
    }
}

/// Every `"rules-…"` message id written in the rule-file readers, in both
/// catalogues (an id a catalogue lacks would be said as the id itself).
#[test]
fn every_rule_message_id_is_in_both_catalogues() {
    let mut files = Vec::new();
    for dir in ["src/syntax", "src/eval/compile"] {
        for entry in std::fs::read_dir(Path::new(ROOT).join(dir)).expect("source folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.push(Path::new(ROOT).join("src/eval/lint.rs"));
    let mut ids = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("source");
        for (at, _) in text.match_indices("\"rules-") {
            let rest = &text[at + 1..];
            let end = rest.find('"').unwrap_or(rest.len());
            ids.push(rest[..end].to_string());
        }
    }
    ids.sort();
    ids.dedup();
    assert!(ids.len() > 100, "found only {} ids", ids.len());
    for lang in Lang::ALL {
        let words = lang.catalogue();
        for id in &ids {
            let id: &'static str = Box::leak(id.clone().into_boxed_str());
            let said = Message::new(id).say(words);
            assert_ne!(said, id, "{lang} lacks `{id}`");
        }
    }
}
