//! Progress counts against an independent reference: `tests/reference/progress.py`
//! reads the calendar and the records itself, walks the calendar day by day
//! and implements the bundled rules' due dates directly. Both must give the
//! same `progress` on the example and on generated records, at several
//! evaluation dates (before, inside and past the calendar's years).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

mod common;

use common::lcg::Lcg;

const CALENDAR: &str = "rules/calendars/cn.yaml";

fn rectify_progress(as_of: &str, path: &Path) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_rectify"))
        .env("RECTIFY_LANG", "en")
        .args(["check", "--format", "json", "--as-of", as_of])
        .arg(path)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("GITHUB_ACTIONS")
        .output()
        .expect("rectify runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    report["progress"].clone()
}

fn reference_progress(as_of: &str, path: &Path) -> Value {
    let out = Command::new("python3")
        .arg("tests/reference/progress.py")
        .args([CALENDAR, as_of])
        .arg(path)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("python3 runs (the reference needs python3 with PyYAML)");
    assert!(
        out.status.success(),
        "the reference failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the reference prints JSON")
}

fn agree(path: &Path, dates: &[&str]) {
    for as_of in dates {
        let (ours, reference) = (
            rectify_progress(as_of, path),
            reference_progress(as_of, path),
        );
        assert_eq!(
            ours,
            reference,
            "progress of {} as of {as_of}",
            path.display()
        );
    }
}

#[test]
fn progress_of_the_example_agrees_with_the_reference() {
    let dates = [
        "2022-06-15",
        "2022-09-01",
        "2023-12-31",
        "2024-01-02",
        "2025-06-30",
        "2026-11-30",
        "2027-01-15",
    ];
    agree(Path::new("examples/jiangsu"), &dates);
}

#[test]
fn progress_of_generated_records_agrees_with_the_reference() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("reference-generated");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let mut rng = Lcg(0x5eed);
    for file in 0..4 {
        let records: String = (0..60).map(|i| record(&mut rng, file * 100 + i)).collect();
        std::fs::write(dir.join(format!("f{file}.yaml")), records).expect("write records");
    }
    let dates = [
        "2022-03-01",
        "2023-01-20",
        "2023-10-09",
        "2024-06-10",
        "2026-12-31",
    ];
    agree(&dir, &dates);
    let progress = rectify_progress("2024-06-10", &dir);
    for (kind, key) in [
        ("task", "completed_late"),
        ("task", "overdue"),
        ("task", "unknown"),
        ("petition", "closed_late"),
        ("petition", "overdue"),
    ] {
        assert!(
            progress[kind][key].as_u64() > Some(0),
            "the cases reach {kind}.{key}: {progress}"
        );
    }
}

/// A day from 2022-01-01 plus up to `range` days.
fn day(rng: &mut Lcg, from: jiff::civil::Date, range: u64) -> jiff::civil::Date {
    from.saturating_add(jiff::Span::new().days(rng.below(range) as i64))
}

/// One record as a YAML document: tasks and petitions with due dates on
/// and around holidays, stages on either side of them and of the
/// evaluation dates, missing statuses, extensions approved or not, some
/// approved after an evaluation date.
fn record(rng: &mut Lcg, n: u64) -> String {
    let start = jiff::civil::date(2022, 1, 1);
    let assigned = day(rng, start, 900);
    let mut text = format!(
        "---\nid: GEN-{n}\nresponsible:\n  unit: Unit {}\nassigned: {assigned}\n",
        n % 5
    );
    let petition = rng.below(3) == 0;
    let status = [
        "not-started",
        "in-progress",
        "staged",
        "completed",
        "",
        "finished",
    ][rng.below(6) as usize];
    if !status.is_empty() {
        text += &format!("status: {status}\n");
    }
    let last = if petition { "closed" } else { "closure" };
    if petition {
        text += "kind: petition\n";
    } else {
        let deadline = day(rng, assigned, 700);
        text += &format!("deadline: {deadline}\n");
    }
    if rng.below(2) == 0 {
        let done = day(rng, assigned, 800);
        text += &format!("stages:\n  {last}: {done}\n");
    }
    if rng.below(3) == 0 {
        let to = day(rng, assigned, 900);
        let on = day(rng, assigned, 600);
        let by = if rng.below(4) == 0 {
            ""
        } else {
            "  approved_by: Leading Group\n"
        };
        text += &format!("extensions:\n- to: {to}\n  approved_on: {on}\n{by}  reason: weather\n");
    }
    text
}
