//! The command-line contract (version 1): exit codes, the JSON report,
//! `--fail-on`, `--only`/`--skip`, `--jobs`, `--output`.

use std::path::Path;

use serde_json::Value;

mod common;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn rectify(args: &[&str]) -> (i32, String, String) {
    common::rectify_in(root(), args)
}

fn json(args: &[&str]) -> (i32, Value) {
    common::check_json_in(root(), args)
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

// ---- progress, the calendar's edge ------------------------------------------

fn json_on(as_of: &str, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--as-of", as_of, "--format", "json"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = rectify(&all);
    let value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}\n{stderr}"));
    (code, value)
}

/// Past the bundled calendar's last year (2026): no penalty is computed
/// without its working days, one input error names the calendar file and
/// 2027, and the run cannot be trusted.
#[test]
fn the_example_past_the_calendar_exits_2_and_names_the_year() {
    let (code, report) = json_on("2027-01-15", &["examples/jiangsu"]);
    assert_eq!(code, 2);
    let errors = report["input_errors"].as_array().expect("input errors");
    let uncovered: Vec<&Value> = errors
        .iter()
        .filter(|e| e["code"] == "calendar::not-covered")
        .collect();
    assert_eq!(uncovered.len(), 1, "one error per calendar and year");
    let message = uncovered[0]["message"].as_str().unwrap_or("");
    assert!(
        message.contains("cn.yaml") && message.contains("2027"),
        "{message}"
    );
    assert!(
        uncovered[0]["help"]
            .as_str()
            .is_some_and(|h| h.contains("docs/calendars.md"))
    );
    for f in report["findings"].as_array().expect("findings") {
        assert!(
            f["late_days"].is_null() || f["late_workdays"].is_u64(),
            "a penalty without its working days: {f}"
        );
        if f["message"]
            .as_str()
            .is_some_and(|m| m.contains("does not cover 2027"))
        {
            assert_eq!(f["penalty"], 0, "{f}");
        }
    }
    let plan = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "plan-on-time" && f["record"] == "JS-2022-R2-XZ-07")
        .expect("the missing plan is still reported");
    assert_eq!(
        plan["penalty"], 0,
        "cannot check, never a shrunk penalty: {plan}"
    );
}

/// `check` warns when the evaluation date is within 60 days of the last
/// day the calendar covers (2026-12-31), and not before; the warning alone
/// does not change the exit code.
#[test]
fn check_warns_near_the_end_of_the_calendar() {
    let near = |as_of: &str| {
        let (code, report) = json_on(as_of, &[&format!("{FIX}/clean")]);
        let warned = report["input_errors"]
            .as_array()
            .expect("input errors")
            .iter()
            .any(|e| e["code"] == "calendar::near-end" && e["severity"] == "warning");
        (code, warned)
    };
    assert_eq!(near("2026-10-31"), (0, false));
    assert_eq!(near("2026-11-01"), (0, true));
    assert_eq!(near("2026-12-31"), (0, true));
}

/// Progress counts facts: the same whatever `--only` and `--skip` select.
#[test]
fn progress_does_not_depend_on_the_rules_selected() {
    let (_, all) = json(&["examples/jiangsu"]);
    let (_, skipped) = json(&[
        "examples/jiangsu",
        "--skip",
        "closed-by-deadline",
        "--skip",
        "petition-closed",
    ]);
    assert_eq!(all["progress"], skipped["progress"]);
    let task = &all["progress"]["task"];
    assert_eq!(
        (task["completed_late"].as_u64(), task["overdue"].as_u64()),
        (Some(3), Some(2)),
        "a task closed late is not overdue: {task}"
    );
}

/// The report's overdue counts and its Overdue list name the same records.
#[test]
fn the_report_overdue_list_agrees_with_the_counts() {
    let (code, text, stderr) = rectify(&["report", "examples/jiangsu", "--as-of", "2025-06-30"]);
    assert_eq!(code, 0, "{stderr}");
    let (_, report) = json(&["examples/jiangsu"]);
    let counted = ["task", "petition"]
        .iter()
        .map(|k| report["progress"][k]["overdue"].as_u64().unwrap_or(0))
        .sum::<u64>();
    let section = text
        .split("\nOverdue\n")
        .nth(1)
        .expect("an Overdue section");
    let rows = section
        .lines()
        .skip(1)
        .take_while(|l| !l.is_empty())
        .count();
    assert!(counted > 0);
    assert_eq!(rows as u64, counted, "{section}");
}

/// A task whose status is not recognised is still checked and counted
/// (`unknown`), so the status buckets add up to the total; the run still
/// exits 2 for the input error.
#[test]
fn an_unrecognised_status_is_counted_unknown() {
    let (code, report) = json(&["tests/fixtures/records/unknown-status.yaml"]);
    assert_eq!(code, 2);
    let task = &report["progress"]["task"];
    assert_eq!(
        (task["total"].as_u64(), task["unknown"].as_u64()),
        (Some(1), Some(1)),
        "{task}"
    );
    let buckets: u64 = [
        "not_started",
        "in_progress",
        "staged",
        "completed",
        "unknown",
    ]
    .iter()
    .map(|k| task[k].as_u64().unwrap_or(0))
    .sum();
    assert_eq!(Some(buckets), task["total"].as_u64());
}
