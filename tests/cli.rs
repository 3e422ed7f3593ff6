//! The command-line contract (version 1): exit codes, the JSON report,
//! `--fail-on`, `--only`/`--skip`, `--jobs`, `--output`.

mod common;

use std::path::Path;

use serde_json::Value;

fn rectify(args: &[&str]) -> (i32, String, String) {
    common::rectify_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn json(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--as-of", "2025-06-30", "--format", "json"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = rectify(&all);
    let value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}\n{stderr}"));
    (code, value)
}

const FIX: &str = "tests/fixtures/check";

#[test]
fn exit_0_when_nothing_fails() {
    let (code, report) = json(&[&format!("{FIX}/clean")]);
    assert_eq!(code, 0);
    assert_eq!(report["summary"]["errors"], 0);
    assert_eq!(report["records"], 1);
}

#[test]
fn exit_1_on_an_error_finding_and_json_points_at_the_value() {
    let (code, report) = json(&[&format!("{FIX}/late-plan")]);
    assert_eq!(code, 1);
    let findings = report["findings"].as_array().expect("findings");
    let plan = findings
        .iter()
        .find(|f| f["rule"] == "plan-on-time")
        .expect("plan-on-time fires");
    assert_eq!(plan["record"], "JS-2022-R2-07");
    assert_eq!(plan["file"], "tests/fixtures/check/late-plan/wuxi.yaml");
    assert_eq!(
        (plan["line"].as_u64(), plan["column"].as_u64()),
        (Some(14), Some(9))
    );
    assert_eq!(plan["due"], "2022-07-14");
    assert_eq!(plan["actual"], "2022-07-20");
    assert_eq!(
        (plan["late_days"].as_i64(), plan["late_workdays"].as_i64()),
        (Some(6), Some(4))
    );
    assert_eq!(plan["penalty"].to_string(), "1.4");
    assert_eq!(plan["waived"], false);
    assert_eq!(plan["rule_file"], "<bundled>/central-inspection.rules");
    assert!(plan["rule_line"].as_u64().is_some_and(|l| l > 1));
    let unit = &report["units"][0];
    assert_eq!(unit["unit"], "Wuxi Municipal Government");
    assert_eq!(unit["score"].to_string(), "98.6");
    assert_eq!(unit["grade"], "pass");
}

#[test]
fn json_report_has_the_contract_keys_in_order() {
    let (_, report) = json(&[&format!("{FIX}/late-plan")]);
    let keys: Vec<&str> = report
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    for key in [
        "version",
        "as_of",
        "files",
        "records",
        "findings",
        "input_errors",
        "units",
        "progress",
        "summary",
    ] {
        assert!(keys.contains(&key), "missing `{key}` in {keys:?}");
    }
    assert_eq!(report["version"], 1);
    assert_eq!(report["as_of"], "2025-06-30");
    for key in ["total", "completed", "staged", "in_progress", "overdue"] {
        assert!(
            report["progress"]["task"][key].is_u64(),
            "progress.task.{key}"
        );
    }
    for key in ["total", "closed", "staged"] {
        assert!(
            report["progress"]["petition"][key].is_u64(),
            "progress.petition.{key}"
        );
    }
    for key in [
        "errors", "warnings", "infos", "waived", "pending", "penalty",
    ] {
        assert!(!report["summary"][key].is_null(), "summary.{key}");
    }
}

#[test]
fn fail_on_sets_the_threshold() {
    let dir = format!("{FIX}/warning-only");
    let (code, report) = json(&[&dir]);
    assert_eq!(report["summary"]["warnings"], 1, "{report}");
    assert_eq!(
        code, 0,
        "a warning does not fail at the default `--fail-on error`"
    );
    assert_eq!(json(&[&dir, "--fail-on", "warning"]).0, 1);
    assert_eq!(json(&[&dir, "--fail-on", "info"]).0, 1);
    assert_eq!(
        json(&[&format!("{FIX}/late-plan"), "--fail-on", "never"]).0,
        0
    );
}

#[test]
fn exit_2_when_the_run_cannot_be_trusted() {
    assert_eq!(
        json(&[&format!("{FIX}/record-errors")]).0,
        2,
        "malformed records"
    );
    assert_eq!(json(&[&format!("{FIX}/hostile")]).0, 2, "a binary file");
    assert_eq!(
        json(&[
            &format!("{FIX}/rule-errors"),
            "--rules",
            &format!("{FIX}/rule-errors")
        ])
        .0,
        2
    );
    assert_eq!(json(&["tests/fixtures/cli"]).0, 2, "zero records");
    let (code, _) = json(&[
        &format!("{FIX}/clean"),
        "--rules",
        "tests/fixtures/cli/no-rules.rules",
    ]);
    assert_eq!(code, 2, "zero rules");
    assert_eq!(
        json(&[&format!("{FIX}/clean"), "--only", "plan-on-tim"]).0,
        2,
        "unknown rule in --only"
    );
    assert_eq!(
        json(&["tests/fixtures/does-not-exist"]).0,
        2,
        "missing path"
    );
}

#[test]
fn bad_arguments_exit_2() {
    assert_eq!(rectify(&["check", "--as-of", "2025-02-30"]).0, 2);
    assert_eq!(rectify(&["check", "--format", "yaml"]).0, 2);
}

#[test]
fn only_and_skip_select_rules() {
    let dir = format!("{FIX}/overdue-closure");
    let rules_of = |report: &Value| -> Vec<String> {
        report["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| f["rule"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let (_, all) = json(&[&dir]);
    assert!(rules_of(&all).len() > 1);
    let (_, only) = json(&[&dir, "--only", "closed-by-deadline"]);
    assert!(rules_of(&only).iter().all(|r| r == "closed-by-deadline"));
    let (_, skip) = json(&[&dir, "--skip", "closed-by-deadline"]);
    assert!(!rules_of(&skip).iter().any(|r| r == "closed-by-deadline"));
}

#[test]
fn output_does_not_depend_on_jobs() {
    let args = |jobs: &'static str| {
        vec![
            "check",
            "tests/fixtures/check",
            "--as-of",
            "2025-06-30",
            "--format",
            "json",
            "--jobs",
            jobs,
        ]
    };
    let one = rectify(&args("1"));
    let two = rectify(&args("2"));
    let four = rectify(&args("4"));
    assert_eq!(one.1, two.1);
    assert_eq!(one.1, four.1);
}

#[test]
fn output_file_gets_the_report() {
    let dir = std::env::temp_dir().join(format!("rectify-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("report.json");
    let path = file.to_string_lossy().into_owned();
    let (code, stdout, _) = rectify(&[
        "check",
        &format!("{FIX}/late-plan"),
        "--as-of",
        "2025-06-30",
        "--format",
        "json",
        "--output",
        &path,
    ]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("written")).expect("JSON");
    assert_eq!(written["version"], 1);
    let _ = std::fs::remove_dir_all(dir);
}
