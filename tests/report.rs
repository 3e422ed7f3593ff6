//! Rendering the outcome of a real run over `tests/fixtures/report`
//! (`tests/common`): the JSON contract, the human and plain diagnostics
//! (snapshots, colour off, 100 columns), and the exit code.

mod common;

use common::*;
use rectify::cli::{FailOn, exit_code};
use rectify::outcome::{Finding, InputError, Label, Outcome};
use rectify::report::{Format, Style};
use rectify::source::Span;
use rectify::syntax::ast::Severity;

// ---- snapshots ------------------------------------------------------------

#[test]
fn json_report() {
    insta::assert_snapshot!(rendered(&outcome(), Format::Json, &Style::default()));
}

#[test]
fn human_report() {
    let style = Style {
        due_within: Some(30),
        ..Style::default()
    };
    insta::assert_snapshot!(rendered(&outcome(), Format::Human, &style));
}

#[test]
fn plain_report() {
    insta::assert_snapshot!(rendered(&outcome(), Format::Plain, &Style::default()));
}

/// The fixture is what the binary prints: the same command line gives the
/// same JSON and plain reports, byte for byte (a hand-built outcome once
/// drifted from the real wording and figures).
#[test]
fn the_fixture_is_what_rectify_check_prints() {
    let run = |format: &str| {
        let ledgers = format!("{DIR}/ledgers");
        let out = rectify(&[
            "check",
            &ledgers,
            "--rules",
            RULES_FILE,
            "--as-of",
            "2024-01-15",
            "--format",
            format,
            "--color",
            "never",
        ]);
        assert_eq!(out.status.code(), Some(2), "a duplicate id: untrusted");
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let outcome = outcome();
    assert_eq!(
        run("json"),
        rendered(&outcome, Format::Json, &Style::default())
    );
    assert_eq!(
        run("plain"),
        rendered(&outcome, Format::Plain, &Style::default())
    );
}

#[test]
fn colour_only_when_asked() {
    let coloured = Style {
        color: true,
        ..Style::default()
    };
    assert!(rendered(&outcome(), Format::Human, &coloured).contains('\u{1b}'));
    assert!(!rendered(&outcome(), Format::Human, &Style::default()).contains('\u{1b}'));
    assert!(!rendered(&outcome(), Format::Plain, &coloured).contains('\u{1b}'));
}

// ---- positions ------------------------------------------------------------

/// The 1-based line of the first `needle` in `text`.
fn line_of(text: &str, needle: &str) -> u64 {
    let start = at(text, needle, 0).start as usize;
    text[..start].matches('\n').count() as u64 + 1
}

#[test]
fn columns_count_characters_on_chinese_lines() {
    let outcome = outcome();
    let report = json(&outcome);
    // `    plan: { note: 方案已批复, date: 2022-08-30 }`: 31 characters (41 bytes) precede the date.
    let plan_08 = &report["findings"][position(&outcome, "plan-on-time", "JS-2022-R2-08")];
    let line = line_of(WUXI, "2022-08-30");
    assert_eq!(
        (plan_08["line"].as_u64(), plan_08["column"].as_u64()),
        (Some(line), Some(32))
    );
    assert_eq!(plan_08["rule_file"], RULES_FILE);
    assert_eq!(
        plan_08["rule_line"].as_u64(),
        Some(line_of(RULES, "rule plan-on-time {"))
    );
    // The graphical header agrees: miette alone would say column 42 (bytes).
    let human = rendered(&outcome, Format::Human, &Style::default());
    assert!(
        human.contains(&format!("[{WUXI_FILE}:{line}:32]")),
        "{human}"
    );
}

#[test]
fn json_keys_follow_the_contract_and_positions_are_omitted_when_unknown() {
    let mut outcome = outcome();
    let petitions = outcome
        .files
        .iter()
        .position(|f| f.name == PETITIONS_FILE)
        .expect("the petitions file");
    // A file whose text was not kept and whose findings carry no
    // precomputed position, and a lateness without working days.
    outcome.files[petitions].text = None;
    let reply = position(&outcome, "petition-reply", "XF-2022-0001");
    outcome.findings[reply].line_col = None;
    outcome.findings[reply].late_workdays = None;
    let text = rendered(&outcome, Format::Json, &Style::default());
    let contract = [
        "version",
        "as_of",
        "files",
        "records",
        "findings",
        "input_errors",
        "units",
        "progress",
        "summary",
    ];
    let at: Vec<Option<usize>> = contract
        .iter()
        .map(|key| text.find(&format!("\n  \"{key}\":")))
        .collect();
    assert!(
        at.iter().all(Option::is_some) && at.is_sorted(),
        "top-level keys in contract order: {at:?}"
    );
    assert!(text.ends_with("}\n"));
    let report = json(&outcome);
    let reply = &report["findings"][reply];
    assert_eq!(reply["file"], PETITIONS_FILE);
    assert!(
        reply.get("line").is_none() && reply.get("column").is_none(),
        "{reply}"
    );
    assert!(
        reply.get("late_workdays").is_none(),
        "only present when known: {reply}"
    );
    assert_eq!(reply["penalty"].to_string(), "0.2");
}

#[test]
fn a_precomputed_position_wins_over_the_text() {
    let mut outcome = outcome();
    assert_eq!(
        (outcome.findings[0].file, outcome.findings[1].file),
        (0, 0),
        "the first two findings are in the first file"
    );
    outcome.files[0].text = None;
    outcome.findings[0].line_col = Some((10, 11));
    outcome.findings[1].line_col = None;
    let report = json(&outcome);
    assert_eq!(
        (
            report["findings"][0]["line"].as_u64(),
            report["findings"][0]["column"].as_u64()
        ),
        (Some(10), Some(11))
    );
    assert!(report["findings"][1].get("line").is_none());
}

#[test]
fn a_label_outside_its_text_is_dropped_not_fatal() {
    let mut outcome = outcome();
    let plan_07 = position(&outcome, "plan-on-time", "JS-2022-R2-07");
    outcome.findings[plan_07].labels.insert(
        0,
        Label {
            span: Span::new(10_000, 10_004),
            text: "lost".into(),
        },
    );
    // Byte 2 of the Wuxi ledger is inside `无`.
    let acceptance_07 = position(&outcome, "independent-acceptance", "JS-2022-R2-07");
    outcome.findings[acceptance_07].labels = vec![Label {
        span: Span::new(2, 3),
        text: "inside a character".into(),
    }];
    let human = rendered(&outcome, Format::Human, &Style::default());
    let plan = line_of(WUXI, "plan: 2022-07-20");
    assert!(
        human.contains(&format!("[{WUXI_FILE}:{plan}:11]")),
        "{human}"
    );
    assert!(
        human.contains(&format!("at: {WUXI_FILE}")),
        "a finding with no usable label names its file: {human}"
    );
}

// ---- exit code ------------------------------------------------------------

const LEVELS: [FailOn; 4] = [FailOn::Error, FailOn::Warning, FailOn::Info, FailOn::Never];

/// The exit code at each level, in the order of [`LEVELS`].
fn codes(outcome: &Outcome) -> [u8; 4] {
    LEVELS.map(|level| exit_code(outcome, level))
}

/// The fixture, trusted, with only the findings and input errors kept.
fn with(
    keep_finding: impl Fn(&Finding) -> bool,
    keep_input: impl Fn(&InputError) -> bool,
) -> Outcome {
    let mut outcome = outcome();
    outcome.findings.retain(|f| keep_finding(f));
    outcome.input_errors.retain(|e| keep_input(e));
    outcome
}

#[test]
fn untrusted_runs_exit_2_at_every_level() {
    assert_eq!(codes(&outcome()), [2; 4], "an input error");
    let no_records = Outcome {
        records: 0,
        ..with(|_| false, |_| false)
    };
    assert_eq!(codes(&no_records), [2; 4], "no records");
    let no_rules = Outcome {
        rules: Vec::new(),
        ..with(|_| false, |_| false)
    };
    assert_eq!(codes(&no_rules), [2; 4], "no rules");
}

#[test]
fn errors_fail_every_level_but_never() {
    let outcome = with(|_| true, |e| e.severity != Severity::Error);
    assert_eq!(codes(&outcome), [1, 1, 1, 0]);
}

#[test]
fn warnings_fail_at_warning_and_info() {
    let findings = with(|f| f.severity == Severity::Warning, |_| false);
    assert_eq!(codes(&findings), [0, 1, 1, 0]);
    let inputs = with(|_| false, |e| e.severity == Severity::Warning);
    assert_eq!(
        codes(&inputs),
        [0, 1, 1, 0],
        "an input warning counts like a finding"
    );
}

#[test]
fn infos_fail_only_at_info() {
    let mut outcome = with(|f| f.record == "XF-2022-0001", |_| false);
    outcome.findings[0].severity = Severity::Info;
    assert_eq!(codes(&outcome), [0, 0, 1, 0]);
}

#[test]
fn waived_findings_never_fail() {
    let outcome = with(|f| f.waived, |_| false);
    assert_eq!(outcome.findings.len(), 1);
    assert_eq!(codes(&outcome), [0; 4]);
}

#[test]
fn a_clean_run_exits_0() {
    assert_eq!(codes(&with(|_| false, |_| false)), [0; 4]);
}

// ---- command line (what works before `run::check` exists) -----------------

#[test]
fn a_date_that_is_not_in_the_calendar_is_a_usage_error() {
    let assert = assert_cmd::Command::cargo_bin("rectify")
        .expect("binary")
        .args(["check", "--as-of", "2023-02-30"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.contains("`2023-02-30` is not a date in the calendar"),
        "{stderr}"
    );
}

#[test]
fn completions_are_printed_for_a_shell() {
    let assert = assert_cmd::Command::cargo_bin("rectify")
        .expect("binary")
        .args(["completions", "bash"])
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&assert.get_output().stdout).contains("--fail-on"));
}
