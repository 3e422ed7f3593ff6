//! Rendering the outcome of a real run over `tests/fixtures/report`
//! (`tests/common`): the JSON contract, the human and plain diagnostics
//! (snapshots, colour off, 100 columns), and the exit code.
//!
//! The HTML progress report is checked through the binary, on the bundled
//! example and on `tests/fixtures/html` (Chinese unit names, and a record
//! whose id, title, unit and round are markup): structure here, the
//! rendered page in `tests/clients/html.sh`.

mod common;

use common::*;
use rectify::cli::{FailOn, exit_code};
use rectify::diag::Severity;
use rectify::outcome::{Finding, InputError, Mark, Note, Outcome};
use rectify::report::{Format, Style};
use rectify::source::Span;

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
        Mark {
            span: Span::new(10_000, 10_004),
            note: Note::ThisRecord,
        },
    );
    // Byte 2 of the Wuxi ledger is inside `无`.
    let acceptance_07 = position(&outcome, "independent-acceptance", "JS-2022-R2-07");
    outcome.findings[acceptance_07].labels = vec![Mark {
        span: Span::new(2, 3),
        note: Note::ThisRecord,
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
        .env("RECTIFY_LANG", "en")
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
        .env("RECTIFY_LANG", "en")
        .args(["completions", "bash"])
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&assert.get_output().stdout).contains("--fail-on"));
}

// ---- the HTML progress report ------------------------------------------------

/// `rectify report PATH --format html` through the binary.
fn html_report(path: &str, as_of: &str) -> String {
    let assert = assert_cmd::Command::cargo_bin("rectify")
        .expect("binary")
        .env("RECTIFY_LANG", "en")
        .args(["report", path, "--as-of", as_of, "--format", "html"])
        .assert()
        .success();
    String::from_utf8(assert.get_output().stdout.clone()).expect("UTF-8")
}

fn xhtml(text: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(text, options).expect("well-formed")
}

/// All the text under `node`, as a reader sees it.
fn text_of(node: roxmltree::Node<'_, '_>) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

fn lang<'a>(doc: &'a roxmltree::Document<'_>) -> Option<&'a str> {
    doc.root_element().attribute("lang")
}

/// The chart labelled `label`.
fn chart<'a, 'i>(doc: &'a roxmltree::Document<'i>, label: &str) -> roxmltree::Node<'a, 'i> {
    doc.descendants()
        .find(|n| n.has_tag_name("svg") && n.attribute("aria-label") == Some(label))
        .unwrap_or_else(|| panic!("no `{label}` chart"))
}

const HOSTILE: &str = "<img src=x onerror=alert(1)>";

#[test]
fn html_report_shows_markup_from_records_as_text() {
    let text = html_report("tests/fixtures/html", "2023-01-15");
    let doc = xhtml(&text);
    for tag in ["img", "script", "i"] {
        assert!(
            !doc.descendants().any(|n| n.has_tag_name(tag)),
            "a `<{tag}>` element from a record"
        );
        assert!(!text.contains(&format!("<{tag}")), "raw `<{tag}`");
    }
    let cells: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("td"))
        .map(text_of)
        .collect();
    for shown in [HOSTILE, "JS-<i>XSS</i>-01", "<script>alert(1)</script>"] {
        assert!(cells.iter().any(|c| c == shown), "`{shown}` in a cell");
    }
    let chart = chart(&doc, "unit scores");
    assert!(
        chart
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .any(|n| text_of(n) == HOSTILE),
        "the hostile unit is drawn, as text"
    );
}

#[test]
fn html_report_is_chinese_when_most_units_are() {
    let text = html_report("tests/fixtures/html", "2023-01-15");
    assert_eq!(
        lang(&xhtml(&text)),
        Some("zh-CN"),
        "2 of 3 units are Chinese"
    );
    let mut outcome = outcome();
    outcome.units.retain(|u| u.unit == WUXI_UNIT);
    let mut out = Vec::new();
    rectify::report::progress::render(
        &outcome,
        rectify::report::progress::Form::Html,
        None,
        rectify::i18n::Lang::En.catalogue(),
        &mut out,
    )
    .expect("in memory");
    let text = String::from_utf8(out).expect("UTF-8");
    assert_eq!(lang(&xhtml(&text)), Some("en"));
}

/// The unit names of the bundled example, from the JSON report.
fn example_units() -> Vec<String> {
    let assert = assert_cmd::Command::cargo_bin("rectify")
        .expect("binary")
        .env("RECTIFY_LANG", "en")
        .args(["check", "examples/jiangsu", "--as-of", "2025-06-30"])
        .args(["--format", "json"])
        .assert()
        .code(1);
    let report: serde_json::Value =
        serde_json::from_slice(&assert.get_output().stdout).expect("JSON");
    report["units"]
        .as_array()
        .expect("units")
        .iter()
        .filter_map(|u| u["unit"].as_str().map(String::from))
        .collect()
}

#[test]
fn html_report_draws_every_unit_by_its_full_name() {
    let text = html_report("examples/jiangsu", "2025-06-30");
    let doc = xhtml(&text);
    let chart = chart(&doc, "unit scores");
    // A wrapped name is one `<text>` with a `<tspan>` per line.
    let drawn: Vec<String> = chart
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let lines: Vec<String> = n.children().map(text_of).collect();
            lines.join(" ")
        })
        .collect();
    let units = example_units();
    assert_eq!(units.len(), 12);
    for unit in &units {
        assert!(drawn.contains(unit), "`{unit}` not drawn whole: {drawn:#?}");
    }
    assert_eq!(lang(&doc), Some("en"), "the example's units are English");
}

#[test]
fn html_report_timeline_spans_the_chart_with_date_ticks() {
    let text = html_report("examples/jiangsu", "2025-06-30");
    let doc = xhtml(&text);
    let chart = chart(&doc, "deadlines");
    let width: f64 = chart
        .attribute("viewBox")
        .and_then(|v| v.split(' ').nth(2))
        .and_then(|w| w.parse().ok())
        .expect("a viewBox");
    let number = |n: roxmltree::Node<'_, '_>, name| -> f64 {
        n.attribute(name)
            .and_then(|v| v.parse().ok())
            .expect("a number")
    };
    let ticks: Vec<String> = chart
        .descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("axis"))
        .flat_map(|g| g.descendants().filter(|n| n.has_tag_name("text")))
        .map(text_of)
        .collect();
    assert!(ticks.len() >= 4, "{ticks:?}");
    assert!(
        ticks.iter().all(|t| t.len() == 7 && t.starts_with("20")),
        "month ticks: {ticks:?}"
    );
    let rightmost = chart
        .descendants()
        .filter(|n| n.has_tag_name("circle"))
        .map(|n| number(n, "cx"))
        .fold(0.0, f64::max);
    assert!(rightmost > 0.9 * width, "{rightmost} of {width}");
    // "as of 2025-06-30" (16 characters, under 7 units each at 12px) lies
    // inside the chart, whichever end it is anchored at.
    let label = chart
        .descendants()
        .find(|n| n.has_tag_name("text") && text_of(*n) == "as of 2025-06-30")
        .expect("the evaluation date, whole");
    let x = number(label, "x");
    let half = 16.0 * 7.0 / 2.0;
    let (from, to) = match label.attribute("text-anchor") {
        Some("end") => (x - 2.0 * half, x),
        Some("middle") => (x - half, x + half),
        _ => (x, x + 2.0 * half),
    };
    assert!(from >= 0.0 && to <= width, "{from}..{to} of {width}");
}

#[test]
fn html_report_prints_on_a4_without_breaking_ids_or_dates() {
    let text = html_report("examples/jiangsu", "2025-06-30");
    for external in [
        "http://", "https://", "//", "<script", "<link", "url(", "@import", "<img",
    ] {
        assert!(!text.contains(external), "`{external}` in the page");
    }
    assert!(text.contains(
        "font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"PingFang SC\", sans-serif;"
    ));
    assert!(
        text.contains("@page { size: A4; margin:"),
        "A4 with margins"
    );
    assert!(text.contains("td.num, td.token { white-space: nowrap; }"));
    // Only small blocks are kept whole: a section may flow across pages.
    for rule in text
        .split('}')
        .filter(|r| r.contains("break-inside: avoid"))
    {
        let selectors = rule.split('{').next().unwrap_or("").trim();
        let selectors = selectors.rsplit('\n').next().unwrap_or("").trim();
        assert_eq!(selectors, "svg.chart, tr, .note", "{rule}");
    }
    assert!(!text.contains("break-before: page") && !text.contains("break-after: page"));
    let doc = xhtml(&text);
    let is_id = |t: &str| t.starts_with("JS-2022-") && !t.contains(' ');
    let is_date = |t: &str| t.len() == 10 && jiff::civil::Date::strptime("%Y-%m-%d", t).is_ok();
    let mut checked = 0;
    for td in doc.descendants().filter(|n| n.has_tag_name("td")) {
        let cell = text_of(td);
        if is_id(&cell) || is_date(&cell) {
            assert_eq!(td.attribute("class"), Some("token"), "`{cell}`");
            checked += 1;
        }
    }
    assert!(
        checked >= 16,
        "7 overdue and 1 due soon, an id and a date each"
    );
}

#[test]
fn human_and_plain_are_the_same_on_any_number_of_threads() {
    for format in [Format::Human, Format::Plain] {
        let one = rendered(&outcome(), format, &Style::default());
        for jobs in [2, 3] {
            let style = Style {
                jobs,
                ..Style::default()
            };
            assert_eq!(
                rendered(&outcome(), format, &style),
                one,
                "{format:?}, {jobs} jobs"
            );
        }
    }
}
