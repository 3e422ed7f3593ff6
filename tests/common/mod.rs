//! The outcome the report and format tests render: a real [`run::check`]
//! of the fixture folder `tests/fixtures/report` as of 2024-01-15, so every
//! message, figure and position is what rectify prints. Two record files
//! with Chinese text and one rule file (over the shipped calendar) give
//! findings with and without lateness, a waived one with its reason, a
//! "cannot check" one with no penalty, an overdue petition reply, a closure
//! pending within 30 days, a duplicate id with a related place in the other
//! file, a misspelt field, two units and a round. Tests that need what no
//! honest record produces (hostile text in a message) change a copy.
#![allow(dead_code)]

pub mod lcg;
pub mod scratch;
pub mod sexp;
pub mod src_files;

use jiff::civil::{Date, date};
use rectify::outcome::{Finding, Label, Outcome};
use rectify::report::{self, Format, Style};
use rectify::run::{self, Options};
use rectify::source::Span;

/// The fixture folder, relative to the crate root (the working directory
/// of every test), so file names in reports do not depend on the machine.
pub const DIR: &str = "tests/fixtures/report";
pub const WUXI_FILE: &str = "tests/fixtures/report/ledgers/wuxi.yaml";
pub const PETITIONS_FILE: &str = "tests/fixtures/report/ledgers/petitions.yaml";
pub const RULES_FILE: &str = "tests/fixtures/report/central.rules";

pub const WUXI: &str = include_str!("../fixtures/report/ledgers/wuxi.yaml");
pub const PETITIONS: &str = include_str!("../fixtures/report/ledgers/petitions.yaml");
pub const RULES: &str = include_str!("../fixtures/report/central.rules");

pub const WUXI_UNIT: &str = "Wuxi Municipal Government";
pub const YIXING_UNIT: &str = "宜兴市人民政府";

pub const AS_OF: Date = date(2024, 1, 15);

/// `rectify check tests/fixtures/report/ledgers --rules
/// tests/fixtures/report/central.rules --as-of 2024-01-15`, as an outcome.
pub fn outcome() -> Outcome {
    let options = Options {
        paths: vec![format!("{DIR}/ledgers").into()],
        rules: vec![RULES_FILE.into()],
        ..Options::new(AS_OF)
    };
    let outcome = run::check(&options);
    assert!(
        !outcome.rules.is_empty() && outcome.records > 0,
        "the report fixture did not load: {:#?}",
        outcome.input_errors
    );
    outcome
}

/// Where the finding of `rule` about `record` is in `outcome.findings`
/// (the report order); the fixture has exactly one.
pub fn position(outcome: &Outcome, rule: &str, record: &str) -> usize {
    let hits: Vec<usize> = (0..outcome.findings.len())
        .filter(|&i| {
            let f = &outcome.findings[i];
            outcome.rules[f.rule].id == rule && f.record == record
        })
        .collect();
    match hits[..] {
        [one] => one,
        _ => panic!("{} findings of `{rule}` about `{record}`", hits.len()),
    }
}

pub fn finding<'a>(outcome: &'a Outcome, rule: &str, record: &str) -> &'a Finding {
    &outcome.findings[position(outcome, rule, record)]
}

/// The `nth` occurrence of `needle` in `text`.
pub fn at(text: &str, needle: &str, nth: usize) -> Span {
    let (start, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` #{nth} is not in the fixture"));
    Span::new(start, start + needle.len())
}

pub fn label(text: &str, needle: &str, nth: usize, says: &str) -> Label {
    Label {
        span: at(text, needle, nth),
        text: says.into(),
    }
}

/// Run the binary from the crate root with colour off, outside GitHub
/// Actions (whose environment changes the default format).
pub fn rectify(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_rectify"))
        .env("RECTIFY_LANG", "en")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_ACTIONS")
        .output()
        .expect("rectify runs")
}

pub fn rendered(outcome: &Outcome, format: Format, style: &Style) -> String {
    let mut out = Vec::new();
    report::render(outcome, format, style, &mut out).expect("rendering into memory does not fail");
    String::from_utf8(out).expect("reports are UTF-8")
}

pub fn json(outcome: &Outcome) -> serde_json::Value {
    serde_json::from_str(&rendered(outcome, Format::Json, &Style::default()))
        .expect("the JSON report parses")
}

// ---- running the binary ---------------------------------------------------

pub mod cmd;
pub use cmd::rectify_in;

/// `rectify check --as-of 2025-06-30 --format json ARGS` in `dir`: the exit
/// code and the report.
pub fn check_json_in(dir: &std::path::Path, args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec!["check", "--as-of", "2025-06-30", "--format", "json"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = rectify_in(dir, &all);
    let report = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}\n{stderr}"));
    (code, report)
}

/// A SARIF result's locations, then its related locations.
pub fn sarif_locations(result: &serde_json::Value) -> impl Iterator<Item = &serde_json::Value> {
    let related = result["relatedLocations"].as_array().into_iter().flatten();
    result["locations"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(related)
}

/// The findings of one rule in a JSON report.
pub fn findings_of<'a>(report: &'a serde_json::Value, rule: &str) -> Vec<&'a serde_json::Value> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}
