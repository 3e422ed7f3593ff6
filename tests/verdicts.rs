//! Group rules over per-record verdicts (`passes RULE`, `fails RULE`)
//! through the binary: they count exactly the verdicts `check` gives, with
//! the same roll-forward, where a plain date comparison does not move a due
//! date to a working day; and `rules check` refuses verdicts that cannot be
//! counted. The figures are counted by hand in the fixture files.

use std::path::Path;

use serde_json::Value;

mod common;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const RULES: &str = "tests/fixtures/verdicts/verdicts.rules";
const RECORDS: &str = "tests/fixtures/verdicts/records";

fn group_finding<'a>(report: &'a Value, rule: &str) -> Option<&'a Value> {
    let findings = report["findings"].as_array().expect("findings");
    findings.iter().find(|f| f["rule"] == rule)
}

#[test]
fn a_rate_built_on_verdicts_agrees_with_the_per_record_rule() {
    let (code, report) = common::check_json_in(root(), &[RECORDS, "--rules", RULES]);
    assert_eq!(code, 1, "VD-4 is closed late: {report:#}");
    let late: Vec<&Value> = (report["findings"].as_array().expect("findings").iter())
        .filter(|f| f["rule"] == "closed-by-deadline")
        .collect();
    assert_eq!(late.len(), 1, "{report:#}");
    assert_eq!(late[0]["record"], "VD-4");
    // 3 of 4 on time (VD-1 is due on 2024-01-02, the next working day):
    // 75% meets `>= 75%`, so no finding.
    assert!(
        group_finding(&report, "on-time-rate").is_none(),
        "{report:#}"
    );
    // The plain comparison ignores the roll-forward: 2 of 4, 50%.
    let plain = group_finding(&report, "plain-rate").expect("plain-rate fails");
    assert_eq!(plain["figure"].to_string(), "50");
    assert_eq!(plain["records"], serde_json::json!(["VD-1", "VD-4"]));
    // A deadline inside `share of` rolls forward as a `require` does: VD-1
    // is on time, 3 of 4 (75%), below the 80% this rule asks.
    let met = group_finding(&report, "deadline-rate").expect("deadline-rate fails");
    assert_eq!(met["figure"].to_string(), "75");
    assert_eq!(met["records"], serde_json::json!(["VD-4"]));
    let count = group_finding(&report, "late-count").expect("late-count fails");
    assert_eq!(
        (count["met"].as_u64(), count["members"].as_u64()),
        (Some(1), Some(4))
    );
    assert_eq!(count["records"], serde_json::json!(["VD-4"]));
}

#[test]
fn explain_shows_the_verdicts_a_group_rule_counts() {
    let (code, out, err) = common::rectify_in(
        root(),
        &[
            "explain",
            "on-time-rate",
            "--unit",
            "Nanjing Municipal Government",
            RECORDS,
            "--rules",
            RULES,
            "--as-of",
            "2025-06-30",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("met the condition: 3 records: VD-1, VD-2, VD-3"),
        "{out}"
    );
    assert!(
        out.contains("-> 75% (3 of 4), at least 75% required: holds"),
        "{out}"
    );
}

#[test]
fn rules_check_refuses_verdicts_it_cannot_count() {
    let (code, out, err) = common::rectify_in(
        root(),
        &["rules", "check", "tests/fixtures/verdicts/bad/bad.rules"],
    );
    assert_eq!(code, 2);
    insta::assert_snapshot!("verdicts-rules-check", format!("{out}\n--- stderr\n{err}"));
}

#[test]
fn rules_check_warns_where_a_date_comparison_ignores_the_roll_forward() {
    let (code, out, err) =
        common::rectify_in(root(), &["rules", "check", RULES, "--as-of", "2025-06-30"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(
        "verdicts-unrolled-date",
        format!("{out}\n--- stderr\n{err}")
    );
}

#[test]
fn fmt_keeps_a_verdict() {
    let (code, out, err) = common::rectify_in(root(), &["fmt", "--check", RULES]);
    assert_eq!(code, 0, "{out}{err}");
}
