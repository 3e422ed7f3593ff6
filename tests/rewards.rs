//! Rewards through the binary: commendations in every format, the unit
//! score with its ceiling, exit codes that commendations never change, the
//! exemplary cases of `report`, and the errors `rules check` gives a reward.
//!
//! The figures are counted by hand (see the fixture files): the bundled
//! `closed-early` rule is due `deadline - 30 days`, 2024-05-31 for a
//! deadline of 2024-06-30; closed 2024-01-02 is 150 days (103 workdays)
//! early, 5 started periods of 30 days: 1 + 2.5 = 3.5, capped at 3; closed
//! 2024-04-01 is 60 days early: 1 + 1 = 2.

use std::path::Path;

use serde_json::Value;

mod common;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const RECORDS: &str = "tests/fixtures/rewards/records";
const ONLY: [&str; 4] = ["--only", "closed-early", "--only", "closed-by-deadline"];

fn json(args: &[&str]) -> (i32, Value) {
    let mut all = args.to_vec();
    all.extend(ONLY);
    common::check_json_in(root(), &all)
}

fn run(args: &[&str]) -> (i32, String, String) {
    let mut all = args.to_vec();
    all.extend(["--as-of", "2025-06-30"]);
    all.extend(ONLY);
    common::rectify_in(root(), &all)
}

fn finding<'a>(report: &'a Value, record: &str) -> &'a Value {
    let findings = report["findings"].as_array().expect("findings");
    findings
        .iter()
        .find(|f| f["record"] == record)
        .unwrap_or_else(|| panic!("no finding on {record}: {report:#}"))
}

fn unit<'a>(report: &'a Value, name: &str) -> &'a Value {
    let units = report["units"].as_array().expect("units");
    units
        .iter()
        .find(|u| u["unit"] == name)
        .unwrap_or_else(|| panic!("no unit {name}: {report:#}"))
}

#[test]
fn json_gives_commendations_their_reward_and_units_their_rewards() {
    let (code, report) = json(&[RECORDS]);
    assert_eq!(code, 1, "the late closure is an error: {report:#}");
    let early = finding(&report, "SZ-EARLY-150");
    assert_eq!(early["rule"], "closed-early");
    assert_eq!(early["severity"], "commendation");
    assert_eq!(early["due"], "2024-05-31");
    assert_eq!(early["actual"], "2024-01-02");
    assert_eq!(early["early_days"], 150);
    assert_eq!(early["early_workdays"], 103);
    assert_eq!(early["reward"].to_string(), "3");
    assert_eq!(early["penalty"].to_string(), "0");
    assert!(early.get("late_days").is_none(), "{early:#}");
    let sixty = finding(&report, "SZ-EARLY-60");
    assert_eq!(
        (sixty["early_days"].as_i64(), sixty["reward"].to_string()),
        (Some(60), "2".to_string())
    );
    let late = finding(&report, "SZ-LATE");
    assert_eq!(late["severity"], "error");
    assert_eq!(late["reward"].to_string(), "0");
    assert_eq!(late["penalty"].to_string(), "3");

    let suzhou = unit(&report, "Suzhou Municipal Government");
    assert_eq!(suzhou["findings"], 1, "commendations are not findings");
    assert_eq!(suzhou["commendations"], 2);
    assert_eq!(suzhou["penalty"].to_string(), "3");
    assert_eq!(suzhou["reward"].to_string(), "5");
    assert_eq!(suzhou["score"].to_string(), "102", "100 - 3 + 5");

    let summary = &report["summary"];
    assert_eq!(summary["errors"], 1);
    assert_eq!(summary["commendations"], 5);
    assert_eq!(summary["reward"].to_string(), "14");
    assert_eq!(summary["penalty"].to_string(), "3");
}

#[test]
fn the_ceiling_caps_a_unit_score() {
    let (_, report) = json(&[RECORDS]);
    let wuxi = unit(&report, "Wuxi Municipal Government");
    assert_eq!(wuxi["reward"].to_string(), "9");
    assert_eq!(wuxi["score"].to_string(), "105", "100 + 9, at most 105");
}

#[test]
fn commendations_never_fail_a_run_whatever_fail_on_says() {
    let wuxi = format!("{RECORDS}/wuxi.yaml");
    for fail_on in ["error", "warning", "info"] {
        let (code, report) = json(&[&wuxi, "--fail-on", fail_on]);
        assert_eq!(code, 0, "--fail-on {fail_on}: {report:#}");
        assert_eq!(report["summary"]["commendations"], 3);
    }
}

#[test]
fn sarif_gives_a_commendation_as_a_note_with_its_reward() {
    let (code, out, err) = run(&["check", RECORDS, "--format", "sarif"]);
    assert_eq!(code, 1, "{err}");
    let sarif: Value = serde_json::from_str(&out).expect("SARIF is JSON");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    let commended: Vec<&Value> = results
        .iter()
        .filter(|r| r["ruleId"] == "closed-early")
        .collect();
    assert_eq!(commended.len(), 5);
    for r in &commended {
        assert_eq!(r["level"], "note", "{r:#}");
        assert_eq!(r["properties"]["commendation"], true, "{r:#}");
    }
    let first = commended
        .iter()
        .find(|r| r["properties"]["record"] == "SZ-EARLY-60")
        .expect("SZ-EARLY-60");
    assert_eq!(first["properties"]["reward"].to_string(), "2");
    assert_eq!(first["properties"]["early_days"], 60);
    let late = results
        .iter()
        .find(|r| r["ruleId"] == "closed-by-deadline")
        .expect("the late closure");
    assert!(late["properties"].get("commendation").is_none(), "{late:#}");
}

#[test]
fn junit_gives_a_commendation_as_a_passing_case() {
    let (_, out, err) = run(&["check", RECORDS, "--format", "junit"]);
    let cases: Vec<&str> = out.split("<testcase").skip(1).collect();
    let commended: Vec<&&str> = cases
        .iter()
        .filter(|c| c.contains("classname=\"closed-early\""))
        .collect();
    assert_eq!(commended.len(), 5, "{out}\n{err}");
    for case in commended {
        let case = case.split("</testcase>").next().unwrap_or(case);
        assert!(!case.contains("<failure"), "{case}");
        assert!(
            case.contains("reward: 3 points") || case.contains("reward: 2 points"),
            "{case}"
        );
    }
    assert_eq!(
        out.matches("<failure").count(),
        1,
        "only the late closure fails: {out}"
    );
}

#[test]
fn github_annotates_a_commendation_as_a_notice() {
    let (_, out, err) = run(&["check", RECORDS, "--format", "github"]);
    let line = out
        .lines()
        .find(|l| l.contains("SZ-EARLY-60::"))
        .unwrap_or_else(|| panic!("no annotation for SZ-EARLY-60:\n{out}\n{err}"));
    assert!(line.starts_with("::notice "), "{line}");
    assert!(line.contains("(reward 2 points)"), "{line}");
}

#[test]
fn human_output_shows_a_commendation_and_the_reward_column() {
    let (code, out, _) = run(&["check", &format!("{RECORDS}/suzhou.yaml")]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("rewards-human", out);
}

#[test]
fn report_lists_the_exemplary_cases_per_unit() {
    let (code, out, err) =
        common::rectify_in(root(), &["report", RECORDS, "--as-of", "2025-06-30"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("rewards-report", out);
}

#[test]
fn markdown_shows_penalties_and_rewards_apart() {
    let (_, out, _) = run(&["check", RECORDS, "--format", "markdown"]);
    assert!(
        out.contains("| unit | records | findings | penalty | reward | score | grade |"),
        "{out}"
    );
    assert!(
        out.contains("| Wuxi Municipal Government | 3 | 0 | 0 | 9 | 105 | pass |"),
        "{out}"
    );
    assert!(out.contains("5 commendations"), "{out}");
}

#[test]
fn rules_check_refuses_rewards_that_cannot_work() {
    let (code, out, err) = common::rectify_in(
        root(),
        &["rules", "check", "tests/fixtures/rewards/bad/bad.rules"],
    );
    assert_eq!(code, 2);
    insta::assert_snapshot!("rewards-rules-check", format!("{out}\n--- stderr\n{err}"));
}

#[test]
fn explain_derives_a_reward_step_by_step() {
    let (code, out, err) = common::rectify_in(
        root(),
        &[
            "explain",
            "closed-early",
            "SZ-EARLY-150",
            RECORDS,
            "--as-of",
            "2025-06-30",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("earliness: 150 calendar days, 103 working days before 2024-05-31"),
        "{out}"
    );
    assert!(
        out.contains("reward: 1 + 0.5 × 5 started periods of 30 days = 3.5, capped at 3"),
        "{out}"
    );
    assert!(
        out.contains("verdict: commendation, 3 points earned"),
        "{out}"
    );
}
