//! `rectify check` on each fixture folder in tests/fixtures/check/, snapshot
//! as rendered (human with colour off at a fixed width, and JSON) together
//! with the exit code. One folder per case; a folder with `*.rules` files
//! is checked with those rules, otherwise with the bundled rule set.

mod common;

use std::path::Path;

const AS_OF: &str = "2025-06-30";

fn rectify(args: &[&str]) -> (i32, String, String) {
    common::rectify_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn check(case: &str, format: &str) -> String {
    let dir = format!("tests/fixtures/check/{case}");
    let mut args = vec![
        "check", &dir, "--as-of", AS_OF, "--color", "never", "--format", format,
    ];
    let has_rules = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(&dir))
        .expect("fixture folder")
        .flatten()
        .any(|e| e.path().extension().is_some_and(|x| x == "rules"));
    if has_rules {
        args.extend(["--rules", &dir]);
    }
    let (code, stdout, stderr) = rectify(&args);
    format!("exit code: {code}\n--- stdout\n{stdout}\n--- stderr\n{stderr}")
}

macro_rules! cases {
    ($($name:ident => $dir:literal,)*) => {
        mod human {
            $(#[test] fn $name() { insta::assert_snapshot!(super::check($dir, "human")); })*
        }
        mod json {
            $(#[test] fn $name() { insta::assert_snapshot!(super::check($dir, "json")); })*
        }
    };
}

cases! {
    late_plan => "late-plan",
    overdue_closure => "overdue-closure",
    cannot_check => "cannot-check",
    record_errors => "record-errors",
    duplicate_ids => "duplicate-ids",
    rule_errors => "rule-errors",
    rule_syntax => "rule-syntax",
    clean => "clean",
    waivers => "waivers",
    waiver_validation => "waiver-validation",
    hostile => "hostile",
    unit_lookalikes => "unit-lookalikes",
}

/// Waivers kept in a file of their own: waived, expired (the day before the
/// evaluation date), incomplete, unmatched and misspelt ones.
#[test]
fn waiver_file() {
    let dir = "tests/fixtures/check/waiver-file";
    for format in ["human", "json"] {
        let args = [
            "check",
            dir,
            "--waivers",
            "tests/fixtures/waivers.yaml",
            "--as-of",
            AS_OF,
            "--color",
            "never",
            "--format",
            format,
        ];
        let (code, stdout, stderr) = rectify(&args);
        let name = format!("waiver_file_{format}");
        insta::assert_snapshot!(
            name,
            format!("exit code: {code}\n--- stdout\n{stdout}\n--- stderr\n{stderr}")
        );
    }
}

/// SARIF marks a waiver from a waiver file as an external suppression and
/// one written in the record as an in-source one.
#[test]
fn sarif_suppression_kind_follows_where_the_waiver_is_written() {
    let kinds = |args: &[&str]| -> Vec<String> {
        let (_, stdout, _) = rectify(args);
        let sarif: serde_json::Value = serde_json::from_str(&stdout).expect("SARIF is JSON");
        let results = sarif["runs"][0]["results"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        results
            .iter()
            .filter_map(|r| r["suppressions"][0]["kind"].as_str().map(str::to_string))
            .collect()
    };
    let file = kinds(&[
        "check",
        "tests/fixtures/check/waiver-file",
        "--waivers",
        "tests/fixtures/waivers.yaml",
        "--as-of",
        AS_OF,
        "--format",
        "sarif",
    ]);
    assert_eq!(file, ["external"]);
    let inline = kinds(&[
        "check",
        "tests/fixtures/check/waivers",
        "--as-of",
        AS_OF,
        "--format",
        "sarif",
    ]);
    assert_eq!(inline, ["inSource"]);
}

/// `check` on a fixture folder at an evaluation date of its own.
fn check_on(case: &str, format: &str, as_of: &str) -> (i32, String) {
    let dir = format!("tests/fixtures/check/{case}");
    let args = [
        "check", &dir, "--as-of", as_of, "--color", "never", "--format", format,
    ];
    let (code, stdout, stderr) = rectify(&args);
    let text = format!("exit code: {code}\n--- stdout\n{stdout}\n--- stderr\n{stderr}");
    (code, text)
}

/// A stage dated after the evaluation date is not known yet (a warning at
/// the date; the closure counts as not recorded, so overdue); one dated on
/// the evaluation date is known; an extension approved later does not count.
#[test]
fn dates_after_the_evaluation_date() {
    for format in ["human", "json"] {
        let (code, text) = check_on("future-dates", format, "2024-01-15");
        assert_eq!(code, 1, "{text}");
        insta::assert_snapshot!(format!("future_dates_{format}"), text);
    }
    let (_, json) = check_on("future-dates", "json", "2024-01-15");
    let report: serde_json::Value = serde_json::from_str(
        json.split("--- stdout\n")
            .nth(1)
            .and_then(|s| s.split("\n--- stderr").next())
            .unwrap_or(""),
    )
    .expect("JSON");
    let task = &report["progress"]["task"];
    assert_eq!(
        (task["completed_late"].as_u64(), task["overdue"].as_u64()),
        (Some(1), Some(2)),
        "{task}"
    );
    let warned: Vec<&str> = report["input_errors"]
        .as_array()
        .expect("input errors")
        .iter()
        .filter(|e| e["code"] == "record::future-date")
        .filter_map(|e| {
            e["line"]
                .as_u64()
                .map(|_| e["severity"].as_str().unwrap_or(""))
        })
        .collect();
    assert_eq!(warned, ["warning", "warning"]);
}

/// Past the calendar's last year: no penalty counted without its working
/// days ("cannot check"), one input error naming the calendar file and the
/// year, exit 2.
#[test]
fn the_calendar_edge_fails_closed() {
    for format in ["human", "json"] {
        let (code, text) = check_on("calendar-edge", format, "2027-01-15");
        assert_eq!(code, 2, "{text}");
        insta::assert_snapshot!(format!("calendar_edge_{format}"), text);
    }
}
