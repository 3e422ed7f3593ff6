//! The diagnostics about rule files said in English and in Simplified
//! Chinese: every syntax error fixture (`tests/fixtures/syntax/err`), the
//! semantic check's errors and the lint warnings through `rules check`, in
//! the human and JSON formats. Each message id the rule-file readers use is
//! in both catalogues, and the Chinese texts leave no English word outside
//! backticks. A rule's title and help in either language (`title zh-CN
//! "…"`): shown in the run's language by every format, kept by `fmt`,
//! listed by `rules doc`.

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
    let args = ["rules", "check", path.as_str(), "--as-of", "2025-06-30"];
    let (code, out, err) = common::cmd::rectify_said(&args, lang, format);
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

/// `check` with the rule file whose title and help have a Chinese variant.
fn check_variants(lang: &str, format: &str) -> String {
    let args = [
        "check",
        "tests/fixtures/check/late-plan",
        "--rules",
        "tests/fixtures/rules-lang/variants",
        "--no-config",
        "--as-of",
        "2025-06-30",
    ];
    let (code, out, err) = common::cmd::rectify_said(&args, lang, format);
    assert_eq!(code, 1, "{lang} {format}: {out}{err}");
    out
}

#[test]
fn a_rules_title_and_help_follow_the_run_language() {
    let en = check_variants("en", "human");
    let zh = check_variants("zh-CN", "human");
    assert!(
        en.contains("help: submit the plan within 30 days of assignment"),
        "{en}"
    );
    assert!(
        en.contains("rule `plan-on-time`: plan submitted on time"),
        "{en}"
    );
    assert!(zh.contains("help: 请在交办后 30 日内报送整改方案"), "{zh}");
    assert!(zh.contains("规则 `plan-on-time`：整改方案按时报送"), "{zh}");
    insta::assert_snapshot!("variants-human-zh-CN", zh);
    for (lang, title, help) in [
        ("en", "plan submitted on time", "submit the plan"),
        (
            "zh-CN",
            "整改方案按时报送",
            "请在交办后 30 日内报送整改方案",
        ),
    ] {
        let sarif: serde_json::Value =
            serde_json::from_str(&check_variants(lang, "sarif")).expect("SARIF is JSON");
        let rules = &sarif["runs"][0]["tool"]["driver"]["rules"];
        let rule = |id: &str| {
            rules
                .as_array()
                .and_then(|r| r.iter().find(|r| r["id"] == id))
                .cloned()
                .unwrap_or_default()
        };
        let plan = rule("plan-on-time");
        assert_eq!(plan["shortDescription"]["text"], title, "{lang}: {plan}");
        assert!(plan.to_string().contains(help), "{lang}: {plan}");
        // A rule without a variant shows its title as written in every language.
        let closure = rule("closure-recorded");
        assert_eq!(
            closure["shortDescription"]["text"], "closure recorded",
            "{lang}"
        );
        let junit = check_variants(lang, "junit");
        assert!(junit.contains(help), "{lang}: {junit}");
    }
}

#[test]
fn fmt_keeps_variants_and_their_comments() {
    let text = "rule plan-on-time {\n  help zh-CN   \"请报送\"   # Chinese help\n  for task\n  # the official wording\n  title zh-CN \"整改方案按时报送\"\n  title \"plan submitted on time\"\n  require plan within 30 days after assigned\n  severity error\n  help \"submit the plan\"\n}\n";
    let formatted = syntax::fmt::format(text).expect("formats");
    assert_eq!(
        formatted,
        "rule plan-on-time {\n  title \"plan submitted on time\"\n  # the official wording\n  title zh-CN \"整改方案按时报送\"\n  for task\n  require plan within 30 days after assigned\n  severity error\n  help \"submit the plan\"\n  help zh-CN \"请报送\"  # Chinese help\n}\n"
    );
    assert_eq!(syntax::fmt::format(&formatted).expect("formats"), formatted);
    let fixture = std::fs::read_to_string(
        Path::new(ROOT).join("tests/fixtures/rules-lang/variants/variants.rules"),
    )
    .expect("fixture");
    assert_eq!(syntax::fmt::format(&fixture).expect("formats"), fixture);
}

#[test]
fn rules_doc_lists_the_variants() {
    let out = std::env::temp_dir().join(format!("rectify-rules-doc-{}", std::process::id()));
    let dir = out.to_string_lossy().into_owned();
    let args = [
        "rules",
        "doc",
        "tests/fixtures/rules-lang/variants",
        "--output",
        dir.as_str(),
    ];
    let (code, _, err) = rectify(&args);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(out.join("plan-on-time.md")).expect("page");
    let _ = std::fs::remove_dir_all(&out);
    insta::assert_snapshot!("variants-doc", page);
}
