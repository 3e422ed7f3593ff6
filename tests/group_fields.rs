//! Group rules keyed by record fields (`per region`, `per unit and round`)
//! and proportional group penalties (`penalty 1 point per percentage point
//! below`): the findings, the penalties and the scores on a fixture counted
//! by hand (tests/fixtures/group-fields), `rules check` errors, `explain`
//! on a pair group, waivers by a pair, and the shortfall against a slow
//! reference that walks the threshold one unit at a time.

use rectify::eval;
use rectify::points::Points;
use serde_json::Value;

mod common;
use common::cmd::rectify;
use common::findings_of as findings;

const RULES: &str = "tests/fixtures/group-fields/fields.rules";
const RECORDS: &str = "tests/fixtures/group-fields/records";
const AS_OF: &str = "2024-06-30";

fn check(format: &str, extra: &[&str]) -> (i32, String) {
    let mut args = vec![
        "check",
        RECORDS,
        "--rules",
        RULES,
        "--as-of",
        AS_OF,
        "--no-config",
        "--format",
        format,
    ];
    args.extend(extra);
    let (code, stdout, _) = rectify(&args);
    (code, stdout)
}

/// By hand (see the records file): Gulou in Nanjing/Gulou closed 19 of 22,
/// 86.36%, 8.64 percentage points below 95%, so 9 started points at 1 point
/// each, capped at 5; its records in Nanjing/Xuanwu closed 19 of 20, exactly
/// 95%, which meets `>= 95%`. Gulou has 4 open petitions in round r1, one
/// over 3: 1 + 0.5 × 1 = 1.5. Gulou's score: 100 − 5 − 1.5 = 93.5.
#[test]
fn pair_groups_and_proportional_penalties_by_hand() {
    let (code, stdout) = check("json", &[]);
    assert_eq!(code, 1, "GL-NR cannot be checked: an error");
    let report: Value = serde_json::from_str(&stdout).expect("JSON");

    let by_region = findings(&report, "closure-rate-by-region");
    let group: Vec<&&Value> = by_region
        .iter()
        .filter(|f| f["group"].is_object())
        .collect();
    assert_eq!(group.len(), 1, "only Nanjing/Gulou fails: {by_region:?}");
    let f = group[0];
    assert_eq!(f["group"]["by"], "unit and region");
    assert_eq!(f["group"]["value"], "Gulou, Nanjing/Gulou");
    assert_eq!(
        f["group"]["keys"],
        serde_json::json!([
            {"by": "unit", "value": "Gulou"},
            {"by": "region", "value": "Nanjing/Gulou"}
        ])
    );
    assert_eq!(
        (f["met"].as_u64(), f["members"].as_u64()),
        (Some(19), Some(22))
    );
    assert_eq!(f["penalty"].to_string(), "5");
    assert_eq!(f["unit"], "Gulou");

    // The record without a region is not dropped from the figure silently.
    let missing: Vec<&&Value> = by_region
        .iter()
        .filter(|f| f["record"] == "GL-NR")
        .collect();
    assert_eq!(missing.len(), 1, "{by_region:?}");
    assert_eq!(missing[0]["severity"], "error");
    assert!(
        missing[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("has no `region`")),
        "{}",
        missing[0]["message"]
    );

    let rounds = findings(&report, "open-per-unit-round");
    assert_eq!(rounds.len(), 1);
    assert_eq!(rounds[0]["group"]["by"], "unit and round");
    assert_eq!(rounds[0]["penalty"].to_string(), "1.5");

    // A lead groups records of every unit; with no penalty it reaches none.
    let lead = findings(&report, "open-per-lead");
    assert_eq!(lead.len(), 1);
    assert_eq!(lead[0]["group"]["value"], "Wang Lei");
    assert!(lead[0]["group"].get("keys").is_none(), "one key: no `keys`");

    let units = report["units"].as_array().expect("units");
    let gulou = units.iter().find(|u| u["unit"] == "Gulou").expect("Gulou");
    assert_eq!(gulou["penalty"].to_string(), "6.5");
    assert_eq!(gulou["score"].to_string(), "93.5");
}

/// A region written in full-width letters is the same region: it cannot
/// form a group of its own to dodge the rule.
#[test]
fn a_lookalike_region_is_the_same_group() {
    let (_, stdout) = check("json", &[]);
    let report: Value = serde_json::from_str(&stdout).expect("JSON");
    let f = findings(&report, "closure-rate-by-region")
        .into_iter()
        .find(|f| f["group"].is_object())
        .expect("a group finding");
    let records: Vec<&str> = f["records"]
        .as_array()
        .expect("records")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        records,
        ["GL-20", "GL-21", "GL-22"],
        "GL-21, GL-22: Ｎａｎｊｉｎｇ"
    );
}

#[test]
fn pair_groups_in_human_output() {
    let (code, stdout) = check("human", &["--color", "never"]);
    insta::assert_snapshot!(format!("exit code: {code}\n{stdout}"));
}

#[test]
fn pair_groups_in_every_format() {
    for format in ["plain", "github", "markdown", "junit"] {
        let (_, stdout) = check(format, &[]);
        insta::assert_snapshot!(format!("group-fields-{format}"), stdout);
    }
}

/// SARIF carries a pair group's fields apart, as JSON does.
#[test]
fn sarif_carries_the_keys_of_a_pair_group() {
    let (_, stdout) = check("sarif", &[]);
    let sarif: Value = serde_json::from_str(&stdout).expect("SARIF is JSON");
    let group = sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["ruleId"] == "open-per-unit-round")
        .map(|r| r["properties"]["group"].clone())
        .expect("the pair group's result");
    assert_eq!(group["by"], "unit and round");
    assert_eq!(
        group["keys"],
        serde_json::json!([{"by": "unit", "value": "Gulou"}, {"by": "round", "value": "r1"}])
    );
}

#[test]
fn rules_check_refuses_groupings_and_proportional_penalties_that_cannot_work() {
    let (code, out, err) = common::cmd::rectify_in(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
        &[
            "rules",
            "check",
            "tests/fixtures/group-fields/bad.rules",
            "--color",
            "never",
        ],
    );
    assert_eq!(code, 2, "{out}{err}");
    insta::assert_snapshot!("group-fields-bad", format!("{out}\n--- stderr\n{err}"));
}

/// `explain` on a pair group: the members, the figure, and how the
/// proportional penalty was reached; and the flags a rule wants.
#[test]
fn explain_a_pair_group_with_its_proportional_penalty() {
    let cases: [&[&str]; 5] = [
        &[
            "closure-rate-by-region",
            "--unit",
            "Gulou",
            "--group",
            "region=Nanjing/Gulou",
        ],
        &["open-per-unit-round", "--unit", "gulou", "--round", "r1"],
        &["closure-rate-by-region", "--group", "region=Nanjing/Gulou"],
        &["closure-rate-by-region", "GL-05"],
        &["closure-rate-by-region", "GL-NR"],
    ];
    let mut out = String::new();
    for args in cases {
        let mut all = vec!["explain"];
        all.extend(args);
        all.extend([RECORDS, "--rules", RULES, "--as-of", AS_OF, "--no-config"]);
        let (code, stdout, stderr) = rectify(&all);
        out.push_str(&format!(
            "$ explain {}\nexit code: {code}\n{stdout}{stderr}\n",
            args.join(" ")
        ));
    }
    insta::assert_snapshot!(out);
}

/// A waiver file names a pair group by both its fields; a waiver naming
/// only one of them waives nothing and says which fields to name.
#[test]
fn a_waiver_names_a_pair_group_by_both_fields() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let waivers = dir.path().join("waivers.yaml");
    std::fs::write(
        &waivers,
        "waivers:
  - rule: closure-rate-by-region
    unit: gulou
    region: Ｎａｎｊｉｎｇ/Gulou
    reason: the district was merged in May
    until: 2024-12-31
    approved_by: Provincial Inspection Office
  - rule: open-per-unit-round
    unit: Gulou
    reason: transferred
    until: 2024-12-31
    approved_by: Provincial Inspection Office
",
    )
    .expect("write");
    let path = waivers.to_str().expect("UTF-8");
    let (_, stdout) = check("json", &["--waivers", path]);
    let report: Value = serde_json::from_str(&stdout).expect("JSON");
    let waived = |rule: &str| {
        findings(&report, rule)
            .iter()
            .filter(|f| f["group"].is_object())
            .map(|f| f["waived"] == true)
            .collect::<Vec<bool>>()
    };
    assert_eq!(waived("closure-rate-by-region"), [true]);
    assert_eq!(waived("open-per-unit-round"), [false]);
    let text = stdout.to_string();
    assert!(
        text.contains(
            "groups records per unit and round: name `unit` and `round` instead of `unit`"
        ),
        "{text}"
    );
}

/// The rules of the shortfall tests: one group constraint, compiled.
fn rule_with(constraint: &str) -> eval::Plan {
    let text = format!(
        "ruleset \"t\" {{\n  pipeline petition: replied -> closed\n  score per unit from 100, not below 0; grades: pass >= 90, fail\n}}\n\nrule r {{\n  for petition\n  per unit\n  require {constraint}\n  severity warning\n  penalty 1 point, plus 1 per {} {}, at most 10000\n}}\n",
        if constraint.starts_with("share") {
            "percentage point"
        } else {
            "record"
        },
        if constraint.contains('>') {
            "below"
        } else {
            "over"
        },
    );
    let ast = rectify::syntax::parse(&text).expect("parses");
    let sources = [eval::Source {
        file: 0,
        text: &text,
        ast: &ast,
    }];
    eval::compile(&sources, None).expect("compiles")
}

/// The slow reference: how many whole units the threshold must move (down
/// for a minimum, up for a maximum) for the group to meet it, found by
/// trying 0, 1, 2, … with exact integer comparisons.
fn walk(op: &str, threshold: i64, scale: i64, met: i64, members: i64) -> i64 {
    // Shares compare met × 10000 with threshold (hundredths of a percent) ×
    // members; counts compare met with the count (scale 1, members 1).
    let value = met * if scale == 100 { 10_000 } else { 1 };
    let m = if scale == 100 { members } else { 1 };
    (0..)
        .find(|k| {
            let moved = |t: i64| t * m;
            match op {
                ">=" => value >= moved(threshold - k * scale),
                ">" => value > moved(threshold - k * scale),
                "<=" => value <= moved(threshold + k * scale),
                _ => value < moved(threshold + k * scale),
            }
        })
        .unwrap_or(i64::MAX)
}

#[test]
fn shares_fall_short_by_started_percentage_points_as_a_slow_walk_says() {
    for op in [">=", ">", "<=", "<"] {
        for threshold in ["0", "50", "75", "94.99", "95", "99.5", "100"] {
            let plan = rule_with(&format!("share of (closed is present) {op} {threshold}%"));
            let rule = &plan.rules[0];
            let t = Points::parse(threshold).expect("threshold").0;
            for members in 1..=40u64 {
                for met in 0..=members {
                    let fall = eval::group::shortfall(&rule.requires[0].kind, met, members)
                        .expect("a share");
                    let want = walk(op, t, 100, met as i64, members as i64);
                    assert_eq!(
                        fall.units,
                        want,
                        "{met} of {members} {op} {threshold}%: {}",
                        fall.say(rectify::i18n::Lang::En.catalogue())
                    );
                }
            }
        }
    }
}

#[test]
fn counts_fall_short_by_records_as_a_slow_walk_says() {
    for op in [">=", ">", "<=", "<"] {
        for n in [0u64, 1, 3, 10] {
            let plan = rule_with(&format!("count of (closed is present) {op} {n}"));
            let rule = &plan.rules[0];
            for met in 0..=20u64 {
                let fall =
                    eval::group::shortfall(&rule.requires[0].kind, met, 20).expect("a count");
                let want = walk(op, n as i64, 1, met as i64, 1);
                let said = fall.say(rectify::i18n::Lang::En.catalogue());
                assert_eq!(fall.units, want, "{met} {op} {n}: {said}");
            }
        }
    }
}

/// The boundaries of `penalty 1 point, plus 1 per percentage point below`:
/// on the threshold a `>=` group meets it and a `>` group pays one started
/// point; 94.99% is 0.01 short, one started point; 86.36% is 9.
#[test]
fn proportional_penalty_boundaries() {
    let at = |constraint: &str, met: u64, members: u64| {
        let plan = rule_with(constraint);
        let (points, note) = eval::group::charge(&plan.rules[0], &[met], members);
        let words = rectify::i18n::Lang::En.catalogue();
        (
            points.to_string(),
            note.map(|n| n.say(words)).unwrap_or_default(),
        )
    };
    let ge = "share of (closed is present) >= 95%";
    let gt = "share of (closed is present) > 95%";
    assert_eq!(
        at(ge, 19, 20).0,
        "1",
        "met: nothing started, the fixed part"
    );
    assert_eq!(
        at(gt, 19, 20).0,
        "2",
        "exactly 95% against `> 95%`: 1 started"
    );
    assert_eq!(at(ge, 9499, 10_000).0, "2", "94.99%: 0.01 short, 1 started");
    let (points, note) = at(ge, 19, 22);
    assert_eq!(points, "10", "1 + 9 started points");
    assert_eq!(
        note,
        "86.36% is 8.64 percentage points below 95%, 9 started: 1 + 1 × 9 percentage points = 10"
    );
    let le = "count of (closed is present) <= 3";
    assert_eq!(at(le, 3, 10).0, "1", "on the maximum");
    assert_eq!(at(le, 4, 10).0, "2", "one record over");
    assert_eq!(at(le, 5, 10).0, "3", "two records over");
}

/// A field the ruleset declares (`extra fields: county`) can be grouped by;
/// undeclared, it is `rules::bad-group` with the way out in its help.
#[test]
fn a_declared_extra_field_can_be_grouped_by() {
    let dir = std::env::temp_dir().join(format!("rectify-group-extra-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    let rules = |declare: &str| {
        format!(
            "ruleset \"t\" {{\n  pipeline petition: replied -> closed\n{declare}  score per unit from 100, not below 0; grades: pass >= 90, fail\n}}\n\n\
             rule county-rate {{\n  for petition\n  per unit and county\n  require share of (closed is present) >= 50%\n  severity warning\n  penalty 1 point\n}}\n"
        )
    };
    let record = |id: &str, county: &str, closed: bool| {
        format!(
            "  - id: {id}\n    responsible: {{ unit: Gulou }}\n    county: {county}\n    assigned: 2024-01-02\n    stages: {{ replied: 2024-01-05{} }}\n",
            if closed { ", closed: 2024-02-01" } else { "" }
        )
    };
    // Gulou in county A: 1 of 2 closed, 50%, meets; in county B: 0 of 2, fails.
    let records = format!(
        "ledger:\n  kind: petition\nrecords:\n{}{}{}{}",
        record("A-1", "A", true),
        record("A-2", "A", false),
        record("B-1", "B", false),
        record("B-2", "B", false)
    );
    std::fs::write(dir.join("petitions.yaml"), records).expect("records");
    std::fs::write(
        dir.join("declared.rules"),
        rules("  extra fields: county\n"),
    )
    .expect("rules");
    std::fs::write(dir.join("undeclared.rules"), rules("")).expect("rules");
    let run = |rules: &str| {
        let rules = dir.join(rules).display().to_string();
        let records = dir.join("petitions.yaml").display().to_string();
        rectify(&[
            "check",
            &records,
            "--rules",
            &rules,
            "--as-of",
            "2024-06-30",
            "--no-config",
            "--format",
            "json",
        ])
    };
    let (code, out, err) = run("declared.rules");
    let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    let groups: Vec<&str> = report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["rule"] == "county-rate")
        .filter_map(|f| f["group"]["value"].as_str())
        .collect();
    assert_eq!(code, 0, "a warning only: {out}{err}");
    assert_eq!(groups, ["Gulou, B"], "{out}");
    let (code, out, err) = run("undeclared.rules");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, 2, "{out}");
    assert!(
        err.contains("rules::bad-group") || out.contains("rules::bad-group"),
        "{out}{err}"
    );
    assert!(
        format!("{out}{err}").contains("extra fields: county"),
        "{out}{err}"
    );
}
