//! The policy-writer commands end to end: `rules check`, `rules doc`, `fmt`,
//! `test` and `explain`, each run as the binary, with exit code, stdout and
//! stderr recorded (snapshots for what a user reads).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run `rectify args…` in the repository root, with colour off.
fn rectify(args: &[&str]) -> Output {
    rectify_in(&root(), args, None)
}

fn rectify_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rectify"));
    cmd.env("RECTIFY_LANG", "en")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_ACTIONS")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("rectify runs");
    if let Some(input) = stdin {
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("rectify finishes")
}

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Exit code, stdout and stderr in one text, for snapshots.
fn transcript(out: &Output) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        code(out),
        stdout(out),
        stderr(out)
    )
}

/// A scratch folder under the target directory, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

// ------------------------------------------------------------ rules check

#[test]
fn rules_check_of_the_bundled_rules_is_clean() {
    let out = rectify(&[
        "rules",
        "check",
        "rules/central-inspection.rules",
        "--as-of",
        "2025-06-30",
    ]);
    assert_eq!(code(&out), 0, "{}", transcript(&out));
    assert_eq!(
        stdout(&out),
        "1 rule file, 12 rules: 0 errors, 0 warnings\n"
    );
}

#[test]
fn rules_check_shows_every_lint_warning() {
    let out = rectify(&[
        "rules",
        "check",
        "tests/fixtures/policy/lint",
        "--as-of",
        "2025-06-30",
    ]);
    assert_eq!(code(&out), 0, "warnings alone exit 0");
    insta::assert_snapshot!("rules-check-lint", transcript(&out));
    let denied = rectify(&[
        "rules",
        "check",
        "tests/fixtures/policy/lint",
        "--deny",
        "warnings",
    ]);
    assert_eq!(code(&denied), 1, "--deny warnings exits 1");
}

#[test]
fn rules_check_json_names_every_warning_code() {
    let mut codes = Vec::new();
    for dir in [
        "tests/fixtures/policy/lint",
        "tests/fixtures/policy/unused-scoring",
        // `rules::unrolled-date` needs a ruleset that moves due dates.
        "tests/fixtures/verdicts/verdicts.rules",
    ] {
        let out = rectify(&[
            "rules",
            "check",
            dir,
            "--format",
            "json",
            "--as-of",
            "2025-06-30",
        ]);
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(doc["errors"], 0, "{dir}: {doc}");
        assert!(doc["diagnostics"][0]["line"].is_number());
        for d in doc["diagnostics"].as_array().expect("diagnostics") {
            codes.extend(d["code"].as_str().map(String::from));
        }
    }
    for code in rectify::eval::lint::codes::ALL {
        assert!(
            codes.iter().any(|c| c == code),
            "{code} missing from {codes:?}"
        );
    }
}

#[test]
fn rules_check_errors_exit_2() {
    let out = rectify(&[
        "rules",
        "check",
        "tests/fixtures/check/rule-syntax/rules.rules",
    ]);
    assert_eq!(code(&out), 2);
    insta::assert_snapshot!("rules-check-syntax-error", transcript(&out));
    let plain = rectify(&[
        "rules",
        "check",
        "tests/fixtures/check/rule-errors/rules.rules",
        "--format",
        "plain",
    ]);
    assert_eq!(code(&plain), 2);
    assert!(
        stdout(&plain).contains("diagnostic code: rules::"),
        "{}",
        stdout(&plain)
    );
}

#[test]
fn rules_check_a_clean_file_without_warnings() {
    let out = rectify(&[
        "rules",
        "check",
        "tests/fixtures/policy/clean",
        "--deny",
        "warnings",
    ]);
    assert_eq!(code(&out), 0, "{}", transcript(&out));
}

// -------------------------------------------------------------- rules doc

#[test]
fn rules_doc_writes_the_committed_pages() {
    let dir = scratch("rules-doc");
    let out = rectify(&[
        "rules",
        "doc",
        "rules/",
        "--output",
        dir.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(code(&out), 0, "{}", transcript(&out));
    let page = std::fs::read_to_string(dir.join("plan-on-time.md")).expect("page");
    let committed =
        std::fs::read_to_string(root().join("docs/rules/plan-on-time.md")).expect("committed");
    assert_eq!(page, committed);
    assert!(dir.join("index.md").exists());
}

// -------------------------------------------------------------------- fmt

#[test]
fn fmt_check_of_shipped_rules_passes() {
    let out = rectify(&["fmt", "--check", "rules/"]);
    assert_eq!(code(&out), 0, "{}", transcript(&out));
}

#[test]
fn fmt_check_shows_a_diff_and_exits_1() {
    let out = rectify(&["fmt", "--check", "tests/fixtures/fmt/messy.rules"]);
    assert_eq!(code(&out), 1);
    insta::assert_snapshot!("fmt-check-messy", transcript(&out));
}

#[test]
fn fmt_rewrites_a_file_in_place_and_then_it_is_formatted() {
    let dir = scratch("fmt-in-place");
    let file = dir.join("messy.rules");
    std::fs::copy(root().join("tests/fixtures/fmt/messy.rules"), &file).expect("copy");
    let out = rectify_in(&dir, &["fmt", "messy.rules"], None);
    assert_eq!(code(&out), 0, "{}", transcript(&out));
    let again = rectify_in(&dir, &["fmt", "--check", "messy.rules"], None);
    assert_eq!(code(&again), 0, "{}", transcript(&again));
    let names: Vec<String> = std::fs::read_dir(&dir)
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["messy.rules"], "no temporary file is left behind");
}

#[test]
fn fmt_leaves_a_file_that_does_not_parse_untouched() {
    let dir = scratch("fmt-broken");
    let file = dir.join("broken.rules");
    let text = "rule broken {  for task\n  require\n}\n";
    std::fs::write(&file, text).expect("write");
    let out = rectify_in(&dir, &["fmt", "broken.rules"], None);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("rules::syntax"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), text);
}

#[test]
fn fmt_dash_reads_stdin_and_writes_stdout() {
    let out = rectify_in(
        &root(),
        &["fmt", "-"],
        Some("rule a { for task require x   is present severity info }"),
    );
    assert_eq!(code(&out), 0, "{}", transcript(&out));
    assert_eq!(
        stdout(&out),
        "rule a {\n  for task\n  require x is present\n  severity info\n}\n"
    );
}

// ------------------------------------------------------------------- test

#[test]
fn test_of_the_bundled_rule_tests_passes() {
    let out = rectify(&["test", "rules/tests", "--coverage-min", "100"]);
    assert_eq!(code(&out), 0, "{}", transcript(&out));
    let text = stdout(&out);
    assert!(text.contains("coverage: 12 of 12 rules fired"), "{text}");
    assert!(!text.contains("FAIL"), "{text}");
}

#[test]
fn test_with_no_path_runs_rules_tests() {
    let out = rectify(&["test"]);
    assert_eq!(code(&out), 0, "{}", transcript(&out));
}

#[test]
fn a_failing_case_shows_its_diff_and_coverage() {
    let out = rectify(&["test", "tests/fixtures/policy/failing-tests/tests"]);
    assert_eq!(code(&out), 1);
    insta::assert_snapshot!("test-failing", transcript(&out));
}

#[test]
fn test_junit_has_one_testcase_per_case() {
    let out = rectify(&[
        "test",
        "tests/fixtures/policy/failing-tests/tests",
        "--format",
        "junit",
    ]);
    assert_eq!(code(&out), 1);
    let xml = stdout(&out);
    assert_eq!(xml.matches("<testcase ").count(), 2, "{xml}");
    assert_eq!(xml.matches("<failure ").count(), 1, "{xml}");
}

#[test]
fn coverage_below_the_minimum_fails() {
    let out = rectify(&[
        "test",
        "tests/fixtures/policy/failing-tests/tests",
        "--coverage-min",
        "75",
    ]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("below --coverage-min"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_test_file_that_does_not_load_exits_2() {
    let dir = scratch("test-broken");
    std::fs::write(dir.join("bad.yaml"), "cases: [ { name: x } ]\n").expect("write");
    let out = rectify(&["test", dir.to_str().expect("utf-8"), "--rules", "rules/"]);
    assert_eq!(code(&out), 2, "{}", transcript(&out));
    assert!(stderr(&out).contains("bad.yaml:1:"), "{}", stderr(&out));
    let missing = rectify(&["test", "no/such/tests"]);
    assert_eq!(code(&missing), 2);
}

// ---------------------------------------------------------------- explain

fn explain(rule: &str, record: &str) -> Output {
    rectify(&[
        "explain",
        rule,
        record,
        "tests/fixtures/explain",
        "--as-of",
        "2024-06-30",
    ])
}

#[test]
fn explain_snapshots() {
    for (name, rule, record) in [
        ("late-plan", "plan-on-time", "EX-LATE-PLAN"),
        ("on-time", "plan-on-time", "EX-ON-TIME"),
        ("pending", "plan-on-time", "EX-PENDING"),
        ("cannot-check", "plan-on-time", "EX-NO-ASSIGNED"),
        ("extension-and-holiday", "closed-by-deadline", "EX-EXTENDED"),
        ("other-kind", "petition-reply", "EX-ON-TIME"),
    ] {
        let out = explain(rule, record);
        assert_eq!(code(&out), 0, "{name}: {}", transcript(&out));
        insta::assert_snapshot!(format!("explain-{name}"), transcript(&out));
    }
}

#[test]
fn explain_an_unknown_rule_suggests_one() {
    let out = explain("plan-on-tme", "EX-LATE-PLAN");
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("did you mean `plan-on-time`?"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn explain_an_unknown_record_exits_2() {
    let out = explain("plan-on-time", "NO-SUCH-RECORD");
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("no record `NO-SUCH-RECORD`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn explain_warns_of_a_duplicate_id() {
    let out = rectify(&[
        "explain",
        "plan-on-time",
        "YC-01",
        "tests/fixtures/check/duplicate-ids",
        "--as-of",
        "2024-06-30",
    ]);
    assert_eq!(code(&out), 0, "{}", transcript(&out));
    assert!(
        stderr(&out).contains("is also defined at"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn explain_says_when_a_waiver_covers_the_finding() {
    let out = rectify(&[
        "explain",
        "closed-by-deadline",
        "JS-2022-R2-SZ-05",
        "examples/jiangsu",
        "--as-of",
        "2025-06-30",
    ]);
    assert_eq!(code(&out), 0, "{}", transcript(&out));
    let text = stdout(&out);
    assert!(text.contains("verdict: error finding, 5 points"), "{text}");
    assert!(text.contains("waived: approved by"), "{text}");
    assert!(text.contains("it costs no points"), "{text}");
}

#[test]
fn rules_check_warns_near_the_end_of_the_calendar() {
    let args = [
        "rules",
        "check",
        "rules/central-inspection.rules",
        "--as-of",
        "2026-11-15",
    ];
    let out = rectify(&args);
    assert_eq!(code(&out), 0, "a warning alone exits 0");
    insta::assert_snapshot!("rules-check-calendar-near-end", transcript(&out));
}

#[test]
fn explain_says_dates_after_the_evaluation_date_are_not_known_yet() {
    let out = rectify(&[
        "explain",
        "closed-by-deadline",
        "WX-day-after",
        "tests/fixtures/check/future-dates",
        "--as-of",
        "2024-01-15",
    ]);
    let text = stdout(&out);
    assert!(
        text.contains("dates after 2024-01-15 are not known yet"),
        "{text}"
    );
    assert!(text.contains("`closure` is not recorded"), "{text}");
}
