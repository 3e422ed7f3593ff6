//! Errors that teach: every syntax error of a rule file in one run, blocks
//! left open named with their line, calendar paths shown as resolved with
//! the calendars nearby, dead guards, declared extra fields, missing test
//! files. Each through the binary, as a user meets it.

mod common;

use common::cmd::rectify;

const FIX: &str = "tests/fixtures/teach";

#[test]
fn rules_check_reports_every_syntax_error_of_a_file_in_source_order() {
    let (code, out, _) = rectify(&[
        "rules",
        "check",
        "tests/fixtures/syntax/err/three-errors.rules",
    ]);
    assert_eq!(code, 2);
    let lines: Vec<&str> = out.lines().filter(|l| l.contains(".rules:")).collect();
    let places: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.rsplit("three-errors.rules:").next())
        .map(|p| p.trim_end_matches(']'))
        .collect();
    assert_eq!(places, ["3:3", "11:29", "18:12"], "{out}");
    insta::assert_snapshot!("rules-check-three-errors", out);
}

#[test]
fn rules_check_names_the_block_left_open() {
    let (code, out, _) = rectify(&[
        "rules",
        "check",
        "tests/fixtures/syntax/err/unclosed-before-rule.rules",
    ]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("rules-check-unclosed", out);
}

/// Fail closed: the valid rule of a file with an error is not evaluated as
/// if the file were fine.
#[test]
fn check_with_a_rule_file_in_error_evaluates_nothing_and_exits_2() {
    let (code, out, _) = rectify(&[
        "check",
        "--format",
        "json",
        "--as-of",
        "2024-01-01",
        "--rules",
        &format!("{FIX}/one-good-one-bad.rules"),
        "tests/fixtures/check/late-plan",
    ]);
    assert_eq!(code, 2);
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(report["findings"].as_array().map(Vec::len), Some(0));
    let codes: Vec<&str> = report["input_errors"]
        .as_array()
        .expect("input errors")
        .iter()
        .filter_map(|e| e["code"].as_str())
        .collect();
    assert_eq!(codes, ["rules::syntax"]);
}

#[test]
fn a_missing_calendar_shows_the_resolved_path_and_the_calendar_nearby() {
    let (code, out, _) = rectify(&[
        "rules",
        "check",
        &format!("{FIX}/calendar-typo/rules.rules"),
    ]);
    assert_eq!(code, 2);
    assert!(
        out.contains("resolved to `tests/fixtures/teach/calendar-typo/")
            && out.contains("did you mean `calendars/cn.yaml`?"),
        "{out}"
    );
    insta::assert_snapshot!("calendar-typo", out);
}

/// A record file beside the rule file is no calendar, and is not offered as one.
#[test]
fn with_no_calendar_nearby_the_help_says_how_to_get_one() {
    let (code, out, _) = rectify(&[
        "rules",
        "check",
        "tests/fixtures/check/rule-errors/rules.rules",
    ]);
    assert_eq!(code, 2);
    assert!(!out.contains("tasks.yaml"), "{out}");
    assert!(out.contains("`rectify init`"), "{out}");
}
