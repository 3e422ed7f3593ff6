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
    let (code, report) = check_json(
        &format!("{FIX}/one-good-one-bad.rules"),
        "tests/fixtures/check/late-plan",
    );
    assert_eq!(code, 2);
    assert_eq!(report["findings"].as_array().map(Vec::len), Some(0));
    assert_eq!(input_codes(&report), ["rules::syntax"]);
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
        "--format",
        "json",
        "tests/fixtures/check/rule-errors/rules.rules",
    ]);
    assert_eq!(code, 2);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("json");
    let help = doc["diagnostics"]
        .as_array()
        .and_then(|d| d.iter().find(|d| d["code"] == "rules::calendar"))
        .and_then(|d| d["help"].as_str())
        .unwrap_or_default()
        .to_string();
    assert!(!help.contains("tasks.yaml"), "{help}");
    assert!(
        help.contains("`rectify init` writes the bundled calendar"),
        "{help}"
    );
}

const EXTRA: &str = "tests/fixtures/teach/extra-fields";

fn check_json(rules: &str, records: &str) -> (i32, serde_json::Value) {
    let (code, out, err) = rectify(&[
        "check",
        "--format",
        "json",
        "--as-of",
        "2024-02-01",
        "--rules",
        rules,
        records,
    ]);
    let report = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    (code, report)
}

fn input_codes(report: &serde_json::Value) -> Vec<String> {
    report["input_errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| e["code"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Declared extra fields: rules may read them, records may have them, and
/// nobody takes `regions` for a misspelt `region`.
#[test]
fn declared_extra_fields_are_read_by_rules_and_accepted_in_records() {
    let rules = format!("{EXTRA}/declared/rules.rules");
    let (code, out, _) = rectify(&["rules", "check", &rules]);
    assert_eq!(
        (code, out.trim()),
        (0, "1 rule file, 1 rule: 0 errors, 0 warnings")
    );
    let (code, report) = check_json(&rules, &format!("{EXTRA}/records"));
    assert_eq!(code, 0);
    assert_eq!(input_codes(&report), Vec::<String>::new());
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{report}");
    assert_eq!(findings[0]["record"], "T-2");
}

#[test]
fn undeclared_extra_fields_are_still_errors_in_rules_and_warnings_in_records() {
    let (code, out, _) = rectify(&["rules", "check", &format!("{EXTRA}/undeclared/rules.rules")]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("extra-fields-undeclared-rules", out);
    let (code, report) = check_json(
        &format!("{EXTRA}/plain/rules.rules"),
        &format!("{EXTRA}/records"),
    );
    assert_eq!(code, 0);
    assert_eq!(
        input_codes(&report),
        [
            "record::unknown-field",
            "record::unknown-key",
            "record::unknown-field"
        ]
    );
}

#[test]
fn rules_check_warns_once_per_undeclared_path() {
    let (code, out, _) = rectify(&[
        "rules",
        "check",
        "--format",
        "json",
        &format!("{FIX}/undeclared.rules"),
    ]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("json");
    let warned: Vec<(String, i64)> = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "rules::undeclared-field")
        .map(|d| {
            (
                d["message"].as_str().unwrap_or("").to_string(),
                d["line"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        warned,
        [
            (
                "`budget.yaun` is not a field of the record format".to_string(),
                8
            ),
            (
                "`owner` is not a field of the record format".to_string(),
                15
            ),
        ]
    );
}

#[test]
fn extra_fields_name_no_core_field_and_none_twice() {
    let (code, out, _) = rectify(&["rules", "check", &format!("{FIX}/not-extra.rules")]);
    assert_eq!(code, 2);
    assert!(out.contains("rules::not-extra") && out.contains("rules::duplicate-declaration"));
    insta::assert_snapshot!("extra-fields-not-extra", out);
}

/// A guard on a misspelt path never holds: `check` says so once per path,
/// at the rule's first use, when records have a near spelling.
#[test]
fn check_warns_when_a_path_rules_read_is_in_no_record_but_a_near_spelling_is() {
    let dir = format!("{FIX}/dead-guard");
    let (code, report) = check_json(&format!("{dir}/rules.rules"), &format!("{dir}/tasks.yaml"));
    assert_eq!(code, 1);
    let warned: Vec<(String, i64, i64)> = report["input_errors"]
        .as_array()
        .expect("input errors")
        .iter()
        .filter(|e| e["code"] == "rules::field-in-no-record")
        .map(|e| {
            assert_eq!(e["severity"], "warning");
            (
                e["message"].as_str().unwrap_or("").to_string(),
                e["line"].as_i64().unwrap_or(0),
                e["column"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        warned,
        [
            (
                "no record has `budget.yaun`, but records have `budget.yuan`".to_string(),
                9,
                8
            ),
            (
                "no record has `contact`, but records have `contatc`".to_string(),
                16,
                8
            ),
        ]
    );
    let (_, out, _) = rectify(&[
        "check",
        "--as-of",
        "2024-01-01",
        "--rules",
        &format!("{dir}/rules.rules"),
        &format!("{dir}/tasks.yaml"),
    ]);
    let warnings = out
        .split("\n\n")
        .filter(|block| block.contains("field-in-no-record") || block.contains("no record has"))
        .collect::<Vec<_>>()
        .join("\n\n");
    insta::assert_snapshot!("dead-guard", warnings);
}

/// A `files:` path that names nothing is an error at that value, naming
/// the path as written and as resolved; the other test files still run.
#[test]
fn rectify_test_names_a_missing_record_file_at_its_files_value() {
    let (code, out, err) = rectify(&["test", &format!("{FIX}/missing-files/tests")]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        out.contains("PASS tests/fixtures/teach/missing-files/tests/fine.yaml"),
        "{out}"
    );
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
    insta::assert_snapshot!("test-missing-files", errors.join("\n"));
}

/// `rules doc` lists the declared extra fields on its index page.
#[test]
fn rules_doc_lists_the_declared_extra_fields() {
    let name = format!("{EXTRA}/declared/rules.rules");
    let text = std::fs::read_to_string(&name).expect("fixture");
    let pages = rectify::cli::doc::pages(&[(name, text)], rectify::i18n::Lang::En.catalogue())
        .expect("parses");
    let index = pages
        .iter()
        .find(|(file, _)| file == "index.md")
        .map(|(_, page)| page.as_str())
        .unwrap_or_default();
    assert!(
        index.contains("## Extra fields")
            && index.contains("(`extra fields`): `regions`, `responsible.lead_deputy`."),
        "{index}"
    );
}

/// The calendars folder beside the rules folder is offered too, named as
/// the declaration would have to name it.
#[test]
fn a_missing_calendar_suggests_the_calendars_folder_beside_the_rules_folder() {
    let rules = format!("{FIX}/calendar-sibling/rules/rules.rules");
    let (code, out, _) = rectify(&["rules", "check", &rules]);
    assert_eq!(code, 2);
    assert!(
        out.contains("did you mean `../calendars/cn.yaml`?"),
        "{out}"
    );
}
