//! Progress history (`rectify report --history`) and `rectify diff`,
//! through the binary:
//!
//! - a hand count of `tests/fixtures/history` at three past period ends,
//!   and the independent counter `tests/reference/history.py` (PyYAML,
//!   calendar walked day by day) at every period end, there and on the
//!   bundled example;
//! - the strong cross-check: at each of several period ends the history
//!   gives the scores, grades, penalty and progress counts that
//!   `check --as-of` that day gives;
//! - period ends against a day-by-day walk;
//! - every form and exit code, and the refusals (snapshots).

mod common;

use std::process::Command;

use common::cmd::rectify;
use jiff::ToSpan;
use jiff::civil::{Date, date};
use rectify::run::history::{Every, RangeError, period_ends};
use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/history";
const EXAMPLE: &str = "examples/jiangsu";
const CALENDAR: &str = "rules/calendars/cn.yaml";

fn json(args: &[&str]) -> Value {
    let (code, stdout, stderr) = rectify(args);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?}: {e}: {stdout}"))
}

/// The JSON history of `path`, monthly from `from` to `to`, as of `as_of`.
fn history(path: &str, from: &str, to: &str, as_of: &str) -> Value {
    json(&[
        "report",
        path,
        "--history",
        "monthly",
        "--from",
        from,
        "--to",
        to,
        "--as-of",
        as_of,
        "--format",
        "json",
        "--no-config",
    ])
}

fn period<'a>(history: &'a Value, end: &str) -> &'a Value {
    let periods = history["history"].as_array().expect("a history array");
    periods
        .iter()
        .find(|p| p["end"] == end)
        .unwrap_or_else(|| panic!("no period ends {end}"))
}

// ---- the hand count ---------------------------------------------------------

/// Counted by hand from tests/fixtures/history/ledger.yaml, evaluated as of
/// 2024-06-30 (so every end below is a past day and `status` is not read).
/// Due dates under the bundled rules: a task's is its `deadline`, a
/// petition's `assigned` + 60 days, each moved to the next working day.
///
/// 2023-01-31 — tasks: T1, T2 assigned (T3 on 02-15, T4 on 04-03 not yet):
///   total 2; T1's closure (02-20) and T2's (05-10) not known yet: 0
///   completed, 0 late; T1 due 03-31, T2 due 02-28: none overdue.
///   Petitions: P1 (01-05), P2 (01-20), P3 (01-03): total 3; P1 closed
///   02-10 and P3 04-20, not known yet: 0 closed; P1 due 03-06, P2 due
///   03-21, P3 due 03-04 (a Saturday) -> 03-06: none overdue yet.
/// 2023-03-31 — tasks: T1, T2, T3: total 3; T1 closed 02-20 on or before
///   its due 03-31: 1 completed, not late; T2's closure (05-10) not known
///   and its due 02-28 passed: 1 overdue; T3 due 04-30, a Sunday inside
///   the May Day holiday -> 05-04: not overdue.
///   Petitions: P1 closed 02-10 (due 03-06): 1 closed, on time; P2 (due
///   03-21) and P3 (due 03-06, closed 04-20 not known): 2 overdue.
/// 2023-06-30 — tasks: all four: total 4; T1, T2 (05-10), T4 (06-15):
///   3 completed; T2 after its due 02-28: 1 late; T3 past 05-04 with no
///   closure: 1 overdue.
///   Petitions: P1 and P3 (04-20): 2 closed; P3 after its due 03-06: 1
///   late; P2: 1 overdue.
#[test]
fn the_history_of_a_small_ledger_agrees_with_a_count_by_hand() {
    let h = history(FIXTURE, "2023-01-01", "2023-06-30", "2024-06-30");
    let expect = [
        ("2023-01-31", [2, 0, 0, 0], [3, 0, 0, 0]),
        ("2023-03-31", [3, 1, 0, 1], [3, 1, 0, 2]),
        ("2023-06-30", [4, 3, 1, 1], [3, 2, 1, 1]),
    ];
    for (end, [tt, tc, tl, to], [pt, pc, pl, po]) in expect {
        let p = period(&h, end);
        assert_eq!(
            p["task"],
            serde_json::json!({"total": tt, "completed": tc, "completed_late": tl, "overdue": to}),
            "tasks at {end}"
        );
        assert_eq!(
            p["petition"],
            serde_json::json!({"total": pt, "closed": pc, "closed_late": pl, "overdue": po}),
            "petitions at {end}"
        );
    }
    // The last period's lists: T4 was closed in June; nothing fell overdue
    // in June (T3 did on 05-05, P2 on 03-22).
    let this = &h["this_period"];
    assert_eq!(this["end"], "2023-06-30");
    let ids = |list: &Value| -> Vec<String> {
        list.as_array()
            .map(|l| l.iter().map(|i| i["record"].to_string()).collect())
            .unwrap_or_default()
    };
    assert_eq!(ids(&this["completed"]), ["\"T4\""]);
    assert!(ids(&this["newly_overdue"]).is_empty());
}

/// The counts at every period end, against `tests/reference/history.py`.
fn agrees_with_the_reference(path: &str, from: &str, to: &str) {
    let h = history(path, from, to, "2025-12-31");
    let ends: Vec<String> = h["history"]
        .as_array()
        .expect("periods")
        .iter()
        .map(|p| p["end"].as_str().unwrap_or("").to_string())
        .collect();
    let out = Command::new("python3")
        .arg("tests/reference/history.py")
        .arg(CALENDAR)
        .args(&ends)
        .arg("--")
        .arg(path)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("python3 runs (the reference needs python3 with PyYAML)");
    assert!(
        out.status.success(),
        "the reference failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let reference: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    for end in &ends {
        let ours = period(&h, end);
        for kind in ["task", "petition"] {
            assert_eq!(
                ours[kind], reference[end][kind],
                "{kind} of {path} at {end}"
            );
        }
    }
}

#[test]
fn the_history_of_the_small_ledger_agrees_with_the_reference() {
    agrees_with_the_reference(FIXTURE, "2022-12-01", "2024-03-31");
}

#[test]
fn the_history_of_the_example_agrees_with_the_reference() {
    agrees_with_the_reference(EXAMPLE, "2022-04-01", "2025-06-30");
}

// ---- the cross-check with check --as-of ---------------------------------------

/// At each period end the history is `check --as-of` that day: the same
/// scores and grades, the same total penalty, the same progress counts
/// (completed/closed on the evaluation date itself, where `check` reads
/// today's status; past ends count the last stage's date instead, checked
/// against the reference above).
#[test]
fn each_period_end_agrees_with_check_as_of_that_day() {
    let as_of = "2024-06-30";
    let h = history(EXAMPLE, "2022-06-01", as_of, as_of);
    for end in [
        "2022-06-30",
        "2022-12-31",
        "2023-06-30",
        "2023-11-30",
        as_of,
    ] {
        let (_, stdout, _) = rectify(&[
            "check",
            EXAMPLE,
            "--as-of",
            end,
            "--format",
            "json",
            "--no-config",
        ]);
        let check: Value = serde_json::from_str(&stdout).expect("the check's JSON");
        let p = period(&h, end);
        let scores = |units: &Value| -> Vec<(Value, Value, Value)> {
            let mut list: Vec<_> = units
                .as_array()
                .expect("units")
                .iter()
                .map(|u| (u["unit"].clone(), u["score"].clone(), u["grade"].clone()))
                .collect();
            list.sort_by_key(|u| u.0.to_string());
            list
        };
        assert_eq!(
            scores(&p["units"]),
            scores(&check["units"]),
            "scores at {end}"
        );
        assert_eq!(
            p["penalty"], check["summary"]["penalty"],
            "penalty at {end}"
        );
        for (kind, keys) in [
            ("task", ["total", "completed_late", "overdue"]),
            ("petition", ["total", "closed_late", "overdue"]),
        ] {
            for key in keys {
                assert_eq!(
                    p[kind][key], check["progress"][kind][key],
                    "{kind}.{key} at {end}"
                );
            }
        }
        if end == as_of {
            let (tasks, petitions) = (&check["progress"]["task"], &check["progress"]["petition"]);
            assert_eq!(p["task"]["completed"], tasks["completed"]);
            assert_eq!(p["petition"]["closed"], petitions["closed"]);
        }
    }
}

/// Records assigned after a period end are not counted at it: on the
/// example every record is assigned by 2022-06-01, none before 2022-04-12.
#[test]
fn records_not_yet_assigned_are_not_counted() {
    let h = history(EXAMPLE, "2022-03-01", "2022-06-30", "2024-06-30");
    assert_eq!(period(&h, "2022-03-31")["task"]["total"], 0);
    assert!(period(&h, "2022-04-30")["task"]["total"].as_u64() < Some(42));
    assert_eq!(period(&h, "2022-06-30")["task"]["total"], 42);
}

// ---- period ends ----------------------------------------------------------------

/// Whether `day` and the day after lie in different periods.
fn last_of_period(every: Every, day: Date) -> bool {
    let next = day.saturating_add(1.day());
    match every {
        Every::Week => day.weekday() == jiff::civil::Weekday::Sunday,
        Every::Month => next.month() != day.month(),
        Every::Quarter => {
            (next.month() - 1) / 3 != (day.month() - 1) / 3 || next.year() != day.year()
        }
    }
}

/// The reference: walk back from `from` to the day before its period
/// starts (the baseline), then forward a day at a time to `to`.
fn walked(every: Every, from: Date, to: Date) -> Vec<Date> {
    let mut start = from;
    while !last_of_period(every, start.saturating_sub(1.day())) {
        start = start.saturating_sub(1.day());
    }
    let mut ends = vec![start.saturating_sub(1.day())];
    let mut day = from;
    while day < to {
        if last_of_period(every, day) {
            ends.push(day);
        }
        day = day.saturating_add(1.day());
    }
    ends.push(to);
    ends
}

#[test]
fn period_ends_agree_with_a_walk_day_by_day() {
    let mut from = date(2023, 12, 20);
    let mut checked = 0;
    while from < date(2025, 3, 10) {
        for length in [0, 1, 6, 13, 29, 31, 45, 92, 200, 400] {
            let to = from.saturating_add(length.days());
            for every in [Every::Week, Every::Month, Every::Quarter] {
                assert_eq!(
                    period_ends(every, from, to),
                    Ok(walked(every, from, to)),
                    "{every:?} from {from} to {to}"
                );
                checked += 1;
            }
        }
        from = from.saturating_add(5.days());
    }
    assert!(checked > 2000);
}

#[test]
fn a_backwards_or_absurd_range_is_refused() {
    assert_eq!(
        period_ends(Every::Month, date(2024, 2, 1), date(2024, 1, 1)),
        Err(RangeError::Backwards {
            from: date(2024, 2, 1),
            to: date(2024, 1, 1)
        })
    );
    assert!(matches!(
        period_ends(Every::Week, date(1990, 1, 1), date(2099, 1, 1)),
        Err(RangeError::TooLong { .. })
    ));
    assert!(period_ends(Every::Month, date(1990, 1, 1), date(2099, 1, 1)).is_ok());
}

// ---- forms and exit codes ---------------------------------------------------------

fn report(format: &str, more: &[&str]) -> (i32, String, String) {
    let mut args = vec![
        "report",
        FIXTURE,
        "--history",
        "monthly",
        "--from",
        "2023-01-01",
        "--as-of",
        "2023-06-30",
        "--no-config",
        "--format",
        format,
    ];
    args.extend(more);
    rectify(&args)
}

#[test]
fn history_table() {
    let (code, stdout, stderr) = report("table", &[]);
    assert_eq!(code, 0, "{stderr}");
    insta::assert_snapshot!(stdout);
}

#[test]
fn history_markdown() {
    let (code, stdout, stderr) = report("markdown", &[]);
    assert_eq!(code, 0, "{stderr}");
    insta::assert_snapshot!(stdout);
}

#[test]
fn history_json_is_version_1_with_the_period_keys() {
    let (code, stdout, stderr) = report("json", &[]);
    assert_eq!(code, 0, "{stderr}");
    let h: Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(h["version"], 1);
    assert_eq!(h["every"], "monthly");
    let ends: Vec<&str> = h["history"]
        .as_array()
        .expect("periods")
        .iter()
        .filter_map(|p| p["end"].as_str())
        .collect();
    assert_eq!(
        ends,
        [
            "2023-01-31",
            "2023-02-28",
            "2023-03-31",
            "2023-04-30",
            "2023-05-31",
            "2023-06-30"
        ]
    );
    let last = period(&h, "2023-06-30");
    let unit = &last["units"][0];
    assert_eq!(unit["unit"], "Unit A");
    // Unit A: T1 on time, T2 late, P1 on time: 2 of 3.
    assert_eq!(unit["on_time_rate"], 0.6667);
    assert!(last["penalty_incurred"].is_number());
    // Nothing of Unit B is due on 2023-01-31 (T3 is not assigned yet, P2
    // and P3 fall due in March): no rate.
    let first = period(&h, "2023-01-31");
    let b = first["units"]
        .as_array()
        .and_then(|u| u.iter().find(|u| u["unit"] == "Unit B"));
    assert_eq!(b.map(|b| b["on_time_rate"].clone()), Some(Value::Null));
}

#[test]
fn history_html_is_one_self_contained_page_with_the_charts() {
    let (code, stdout, stderr) = report("html", &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("<!DOCTYPE html>"));
    assert!(stdout.contains("Tasks completed over time"));
    assert!(stdout.contains("On-time rate by unit"));
    assert!(stdout.contains("<path d=\"M"), "a line is drawn");
    for outside in ["http://", "https://", "<script", "<link", "<img"] {
        let allowed = outside == "http://"
            && stdout.matches(outside).count()
                == stdout.matches("http://www.w3.org/2000/svg").count();
        assert!(
            !stdout.contains(outside) || allowed,
            "{outside} in the page"
        );
    }
}

#[test]
fn history_xlsx_has_a_sheet_per_view() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("history.xlsx");
    let (code, _, stderr) = report("xlsx", &["--output", out.to_str().unwrap_or("")]);
    assert_eq!(code, 0, "{stderr}");
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&out).expect("a workbook");
    assert_eq!(book.sheet_names(), ["History", "Units", "This period"]);
    let rows = book.worksheet_range("History").expect("History");
    assert_eq!(rows.height(), 1 + 6 * 2, "heading, then 6 ends x 2 kinds");
}

/// Run a command that must be refused: exit 2, nothing on stdout; its stderr.
fn refused(args: &[&str]) -> String {
    let (code, stdout, stderr) = rectify(args);
    assert_eq!((code, stdout.as_str()), (2, ""), "{args:?}: {stderr}");
    stderr
}

/// `report FIXTURE --history EVERY --from FROM --to TO`.
fn ranged<'a>(every: &'a str, from: &'a str, to: &'a str) -> Vec<&'a str> {
    vec![
        "report",
        FIXTURE,
        "--no-config",
        "--history",
        every,
        "--from",
        from,
        "--to",
        to,
    ]
}

#[test]
fn report_json_without_history_is_refused() {
    let stderr = refused(&["report", FIXTURE, "--no-config", "--format", "json"]);
    insta::assert_snapshot!(stderr);
}

#[test]
fn a_history_that_ends_before_it_starts_is_refused() {
    let stderr = refused(&ranged("monthly", "2023-07-01", "2023-06-30"));
    insta::assert_snapshot!(stderr);
}

#[test]
fn a_history_of_thousands_of_periods_is_refused() {
    let stderr = refused(&ranged("weekly", "1900-01-01", "2023-06-30"));
    insta::assert_snapshot!(stderr);
}

#[test]
fn from_needs_history() {
    let (code, _, stderr) = rectify(&["report", FIXTURE, "--no-config", "--from", "2023-01-01"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--history"), "{stderr}");
}

#[test]
fn from_defaults_to_the_earliest_assigned_date() {
    let (code, stdout, stderr) = rectify(&[
        "report",
        FIXTURE,
        "--no-config",
        "--history",
        "quarterly",
        "--as-of",
        "2023-06-30",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let h: Value = serde_json::from_str(&stdout).expect("JSON");
    // P3, assigned 2023-01-03, is the earliest: the first quarter of 2023.
    assert_eq!(h["history"][0]["end"], "2023-03-31");
    assert_eq!(h["history"].as_array().map(Vec::len), Some(2));
}

#[test]
fn a_history_with_no_records_cannot_be_trusted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, _, stderr) = rectify(&[
        "report",
        dir.path().to_str().unwrap_or(""),
        "--no-config",
        "--history",
        "monthly",
        "--from",
        "2023-01-01",
        "--as-of",
        "2023-03-31",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no records were found"), "{stderr}");
}

// ---- diff ---------------------------------------------------------------------------

fn diff(more: &[&str]) -> (i32, String, String) {
    let mut args = vec![
        "diff",
        FIXTURE,
        "--no-config",
        "--from",
        "2023-01-31",
        "--to",
        "2023-03-31",
    ];
    args.extend(more);
    rectify(&args)
}

#[test]
fn diff_human() {
    let (code, stdout, stderr) = diff(&[]);
    assert_eq!(code, 0, "without --exit-code, 0 whatever changed: {stderr}");
    insta::assert_snapshot!(stdout);
}

#[test]
fn diff_markdown() {
    let (code, stdout, stderr) = diff(&["--format", "markdown"]);
    assert_eq!(code, 0, "{stderr}");
    insta::assert_snapshot!(stdout);
}

#[test]
fn diff_exit_code_is_1_with_new_findings_and_0_without() {
    assert_eq!(diff(&["--exit-code"]).0, 1);
    let same = rectify(&[
        "diff",
        FIXTURE,
        "--no-config",
        "--from",
        "2023-03-31",
        "--to",
        "2023-03-31",
        "--exit-code",
    ]);
    assert_eq!(same.0, 0, "{}", same.2);
}

#[test]
fn diff_refuses_a_backwards_range() {
    let stderr = refused(&[
        "diff",
        FIXTURE,
        "--no-config",
        "--from",
        "2023-03-31",
        "--to",
        "2023-01-31",
    ]);
    insta::assert_snapshot!(stderr);
}

/// The JSON names new and resolved findings by rule and record, and each
/// unit's score on both days is the one `check --as-of` gives.
#[test]
fn diff_json_agrees_with_check_on_both_days() {
    let d = json(&[
        "diff",
        EXAMPLE,
        "--no-config",
        "--from",
        "2022-12-31",
        "--to",
        "2023-12-31",
        "--format",
        "json",
    ]);
    assert_eq!(d["version"], 1);
    let check = |day: &str| -> Value {
        json_any(&[
            "check",
            EXAMPLE,
            "--no-config",
            "--as-of",
            day,
            "--format",
            "json",
        ])
    };
    let (before, after) = (check("2022-12-31"), check("2023-12-31"));
    let keys = |report: &Value| -> std::collections::BTreeSet<(String, String)> {
        report["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["waived"] == false && f["severity"] != "commendation")
            .map(|f| {
                let subject = f["record"]
                    .as_str()
                    .map_or_else(|| f["unit"].to_string(), str::to_string);
                (f["rule"].as_str().unwrap_or("").to_string(), subject)
            })
            .collect()
    };
    let (a, b) = (keys(&before), keys(&after));
    let listed = |list: &Value| -> usize { list.as_array().map_or(0, Vec::len) };
    assert_eq!(listed(&d["new"]), b.difference(&a).count());
    assert_eq!(listed(&d["resolved"]), a.difference(&b).count());
    for u in d["units"].as_array().expect("units") {
        let score = |report: &Value| {
            report["units"]
                .as_array()
                .and_then(|l| l.iter().find(|x| x["unit"] == u["unit"]))
                .map(|x| x["score"].clone())
        };
        assert_eq!(Some(u["from"]["score"].clone()), score(&before));
        assert_eq!(Some(u["to"]["score"].clone()), score(&after));
    }
}

/// JSON from a command that may exit 1 (findings).
fn json_any(args: &[&str]) -> Value {
    let (_, stdout, _) = rectify(args);
    serde_json::from_str(&stdout).expect("JSON")
}

#[test]
fn untrusted_reason_is_shared() {
    // `--rules` naming nothing: no rules, exit 2 for both commands.
    for command in ["report", "diff"] {
        let mut args = vec![
            command,
            FIXTURE,
            "--no-config",
            "--rules",
            "no-such.rules",
            "--from",
            "2023-01-01",
            "--to",
            "2023-02-01",
        ];
        if command == "report" {
            args.extend(["--history", "monthly"]);
        }
        assert_eq!(rectify(&args).0, 2, "{command}");
    }
}

// ---- text from records ------------------------------------------------------------

const HOSTILE: &str = "<img src=x onerror=alert(1)>";

/// The history page shows markup from records as text: in the tables and
/// in the on-time chart's legend and line titles; it is well-formed XML.
#[test]
fn history_html_shows_markup_from_records_as_text() {
    let (code, page, stderr) = rectify(&[
        "report",
        "tests/fixtures/html",
        "--no-config",
        "--history",
        "quarterly",
        "--as-of",
        "2023-01-15",
        "--format",
        "html",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(&page, options).expect("well-formed XHTML");
    for tag in ["img", "script", "i"] {
        assert!(
            !doc.descendants().any(|n| n.has_tag_name(tag)),
            "a `<{tag}>` from a record"
        );
        assert!(!page.contains(&format!("<{tag}")), "raw `<{tag}`");
    }
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.is_element())
        .map(|n| n.descendants().filter_map(|t| t.text()).collect())
        .collect();
    assert!(
        texts.iter().any(|t| t.trim() == HOSTILE),
        "the hostile unit, as text"
    );
}

/// Control characters from records are shown, not sent to the terminal.
#[test]
fn history_table_shows_control_characters_from_records() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ledger = "records:\n  - id: \"T\\u001b[2J\\u202e1\"\n    responsible: { unit: Unit A }\n    assigned: 2023-01-10\n    deadline: 2023-02-28\n    stages: { plan: 2023-01-20, closure: 2023-02-20 }\n";
    std::fs::write(dir.path().join("ledger.yaml"), ledger).expect("write");
    let path = dir.path().to_str().unwrap_or("");
    for format in ["table", "markdown"] {
        let (code, out, stderr) = rectify(&[
            "report",
            path,
            "--no-config",
            "--history",
            "monthly",
            "--from",
            "2023-02-01",
            "--to",
            "2023-02-28",
            "--as-of",
            "2023-06-30",
            "--format",
            format,
        ]);
        assert_eq!(code, 0, "{stderr}");
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{202e}'),
            "{format}: {out}"
        );
        assert!(
            out.contains("[U+001B]") && out.contains("[U+202E]"),
            "{format}: {out}"
        );
    }
}
