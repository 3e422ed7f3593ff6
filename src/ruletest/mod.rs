//! Rule tests: cases of records, an evaluation date and the findings they
//! must give, checked against a rule set.
//!
//! A test file is YAML:
//!
//! ```yaml
//! rules: [plan-on-time]          # optional: compare only these rules' findings
//! as_of: 2025-06-30              # optional default for every case
//! cases:
//!   - name: plan four working days late
//!     as_of: 2025-06-30
//!     records:                   # inline: any record-file form (record, list, ledger)
//!       - { id: P-LATE, responsible: { unit: Wuxi }, assigned: 2022-06-01, stages: { plan: 2022-07-20 } }
//!     files: [../ledgers/wuxi.yaml]   # and/or record files, relative to the test file
//!     expect:                    # or `expect: none`
//!       - { rule: plan-on-time, record: P-LATE, severity: error, penalty: 1.4,
//!           due: 2022-07-14, late_days: 6, late_workdays: 4, waived: false }
//!     pending: 0                 # optional: how many deadlines are pending
//! ```
//!
//! Owns: reading test files and comparing. Must not: print or exit.

pub mod coverage;
pub mod junit;
mod spec;

use std::path::Path;

use crate::diag::{Diagnostic, Message, Severity};
use crate::eval::Plan;
use crate::i18n::{Args, Catalogue};
use crate::outcome::{Finding, Outcome};
use crate::points::Points;
use crate::source::{Span, clip};

pub use coverage::Coverage;
pub use spec::{Case, Expected, Suite, parse};

/// The codes of a test file's diagnostics. A test file's YAML problems
/// keep their `yaml::` codes.
pub mod codes {
    /// The test file holds no YAML document.
    pub const EMPTY_FILE: &str = "test::empty-file";
    /// A key the file, a case or an expected finding does not take.
    pub const UNKNOWN_KEY: &str = "test::unknown-key";
    /// A value of the wrong type or form (`as_of: tomorrow`, `cases: 3`).
    pub const BAD_VALUE: &str = "test::bad-value";
    /// The file has no `cases`, a case no `as_of` or `expect`, an expected
    /// finding no `rule` or no `record` (nor `unit` or `group`).
    pub const MISSING_FIELD: &str = "test::missing-field";
    /// A `files:` entry names no file.
    pub const MISSING_FILE: &str = "test::missing-file";
}

/// What one case gave.
#[derive(Clone, Debug)]
pub struct CaseResult {
    pub name: String,
    /// Where the case is written in the test file.
    pub span: Span,
    /// Expected findings not found, then findings not expected; empty
    /// when the case passed. Said by [`CaseResult::diff_lines`].
    pub diff: Vec<Diff>,
    /// Problems loading the case's records (a case with any fails): each
    /// error's code and message, said by [`CaseResult::error_lines`].
    pub errors: Vec<(String, Message)>,
    /// The findings of the compared rules (for coverage).
    pub fired: Vec<String>,
    /// Rules that were evaluated on a record and gave no finding.
    pub passed: Vec<String>,
    /// Rules with a pending deadline.
    pub pending: Vec<String>,
}

/// One line of a failing case's diff, as data.
#[derive(Clone, Debug)]
pub enum Diff {
    /// An expected finding that no finding matched: `- expected …`.
    Missing(Expected),
    /// A finding nothing expected: `+ found    …`, with every detail the
    /// finding has.
    Unexpected(Expected),
    /// The pending deadlines counted differ from those expected: a `-`
    /// and a `+` line.
    Pending { expected: usize, found: usize },
}

impl CaseResult {
    pub fn passed(&self) -> bool {
        self.diff.is_empty() && self.errors.is_empty()
    }

    /// The problems loading the case's records, `code: message`, in the
    /// language of `words`.
    pub fn error_lines(&self, words: &Catalogue) -> Vec<String> {
        let line = |(code, message): &(String, Message)| {
            let args = Args::new()
                .text("code", code.as_str())
                .text("message", message.say(words));
            words.format("test-case-error", &args)
        };
        self.errors.iter().map(line).collect()
    }

    /// The diff, `- expected …` then `+ found    …` lines, in the language
    /// of `words`.
    pub fn diff_lines(&self, words: &Catalogue) -> Vec<String> {
        let mut lines = Vec::new();
        for diff in &self.diff {
            match diff {
                Diff::Missing(want) => {
                    let args = Args::new().text("finding", want.say(words));
                    lines.push(words.format("test-diff-missing", &args));
                }
                Diff::Unexpected(found) => {
                    let args = Args::new().text("finding", found.say(words));
                    lines.push(words.format("test-diff-unexpected", &args));
                }
                Diff::Pending { expected, found } => {
                    for (id, n) in [
                        ("test-diff-pending-missing", expected),
                        ("test-diff-pending-unexpected", found),
                    ] {
                        let args = Args::new().int("n", i64::try_from(*n).unwrap_or(i64::MAX));
                        lines.push(words.format(id, &args));
                    }
                }
            }
        }
        lines
    }

    /// Every line a failing case shows: its errors, then its diff.
    pub fn lines(&self, words: &Catalogue) -> Vec<String> {
        let mut lines = self.error_lines(words);
        lines.extend(self.diff_lines(words));
        lines
    }
}

/// Run every case of a suite against a compiled plan.
pub fn run(
    suite: &Suite,
    plan: &Plan,
    rule_files: &[crate::outcome::SourceFile],
    dir: &Path,
) -> Vec<CaseResult> {
    suite
        .cases
        .iter()
        .map(|case| run_case(suite, case, plan, rule_files, dir))
        .collect()
}

fn run_case(
    suite: &Suite,
    case: &Case,
    plan: &Plan,
    rule_files: &[crate::outcome::SourceFile],
    dir: &Path,
) -> CaseResult {
    let outcome = crate::run::check_records(
        plan,
        rule_files,
        case.as_of,
        &case.records,
        &resolve(dir, &case.files),
    );
    let compared = |rule: &str| suite.rules.is_empty() || suite.rules.iter().any(|r| r == rule);
    let actual: Vec<&Finding> = outcome
        .findings
        .iter()
        .filter(|f| compared(&outcome.rules[f.rule].id))
        .collect();
    let mut diff = Vec::new();
    let mut matched = vec![false; actual.len()];
    for want in &case.expect {
        let hit = actual
            .iter()
            .enumerate()
            .find(|(i, f)| !matched[*i] && want.matches(&outcome.rules[f.rule].id, f));
        match hit {
            Some((i, _)) => matched[i] = true,
            None => diff.push(Diff::Missing(want.clone())),
        }
    }
    for (f, _) in actual.iter().zip(&matched).filter(|(_, m)| !**m) {
        diff.push(Diff::Unexpected(found(&outcome.rules[f.rule].id, f)));
    }
    let pending = outcome
        .pending
        .iter()
        .filter(|p| compared(&outcome.rules[p.rule].id))
        .count();
    if let Some(want) = case.pending {
        if want != pending {
            diff.push(Diff::Pending {
                expected: want,
                found: pending,
            });
        }
    }
    CaseResult {
        name: case.name.clone(),
        span: case.span,
        diff,
        errors: outcome
            .input_errors
            .iter()
            .filter(|e| e.severity == Severity::Error)
            .map(|e| (e.code.clone(), e.message.clone()))
            .collect(),
        fired: actual
            .iter()
            .map(|f| outcome.rules[f.rule].id.clone())
            .collect(),
        passed: passed_rules(&outcome),
        pending: outcome
            .pending
            .iter()
            .map(|p| outcome.rules[p.rule].id.clone())
            .collect(),
    }
}

/// Every `files:` entry of the suite that names nothing on disk, at its
/// value, with the path as written and as resolved (relative to the test
/// file's folder `dir`).
pub fn missing_files(suite: &Suite, dir: &Path) -> Vec<Diagnostic> {
    let mut missing = Vec::new();
    for case in &suite.cases {
        for (file, at) in case.files.iter().zip(&case.files_at) {
            let resolved = dir.join(file);
            if !resolved.exists() {
                let message = Message::new("test-missing-file")
                    .text("file", clip(file))
                    .text("resolved", resolved.display().to_string());
                missing.push(Diagnostic::error(codes::MISSING_FILE, *at, message));
            }
        }
    }
    missing
}

fn resolve(dir: &Path, files: &[String]) -> Vec<std::path::PathBuf> {
    files.iter().map(|f| dir.join(f)).collect()
}

/// Rules that applied to some record and held.
fn passed_rules(outcome: &Outcome) -> Vec<String> {
    let held = outcome.passes.iter().enumerate().filter(|(_, n)| **n > 0);
    held.map(|(i, _)| outcome.rules[i].id.clone()).collect()
}

/// A finding as an expectation that would match it, with every detail it
/// has: a group rule's group (its unit, its other keys), the reward only
/// for a commendation, `waived` only when it is.
fn found(rule: &str, f: &Finding) -> Expected {
    let commended = f.severity == Severity::Commendation;
    let keys = f.group.as_deref().map_or(&[][..], |g| &g.keys[..]);
    let unit = keys
        .iter()
        .find(|(by, _)| by == "unit")
        .map(|(_, v)| v.clone());
    let group = keys
        .iter()
        .filter(|(by, _)| by != "unit")
        .cloned()
        .collect();
    Expected {
        rule: rule.to_string(),
        record: f.record.clone(),
        unit,
        group,
        severity: Some(f.severity),
        penalty: Some(f.penalty),
        due: f.due,
        late_days: f.late_days,
        late_workdays: f.late_workdays,
        reward: commended.then_some(f.reward),
        early_days: f.early_days,
        early_workdays: f.early_workdays,
        waived: f.waived.then_some(true),
    }
}

impl Expected {
    fn matches(&self, rule: &str, f: &Finding) -> bool {
        self.rule == rule
            && self.record == f.record
            && self
                .unit
                .as_ref()
                .is_none_or(|u| crate::units::key(u) == crate::units::key(&f.unit))
            && self.group.iter().all(|(by, value)| {
                let keys = f.group.as_deref().map_or(&[][..], |g| &g.keys[..]);
                (keys.iter())
                    .any(|(b, v)| b == by && crate::units::key(v) == crate::units::key(value))
            })
            && self.severity.is_none_or(|s| s == f.severity)
            && self.penalty.is_none_or(|p| p == f.penalty)
            && self.due.is_none_or(|d| Some(d) == f.due)
            && self.late_days.is_none_or(|d| Some(d) == f.late_days)
            && self
                .late_workdays
                .is_none_or(|d| Some(d) == f.late_workdays)
            && self.reward.is_none_or(|p| p == f.reward)
            && self.early_days.is_none_or(|d| Some(d) == f.early_days)
            && self
                .early_workdays
                .is_none_or(|d| Some(d) == f.early_workdays)
            && self.waived.is_none_or(|w| w == f.waived)
    }
}

impl Expected {
    /// What is expected, in the language of `words`: `plan-on-time on P-1
    /// (error, penalty 1.4, due 2022-07-14, 6 days late)`, or for a group
    /// rule `share-on-time for unit Wuxi, round r1` (`for all records`
    /// when it groups every record).
    pub fn say(&self, words: &Catalogue) -> String {
        let separator = words.text("test-separator");
        let subject = if self.record.is_empty() {
            let mut group: Vec<String> = (self.unit.iter())
                .map(|u| words.format("test-group-unit", &Args::new().text("unit", u.as_str())))
                .collect();
            group.extend(self.group.iter().map(|(by, value)| {
                let args = Args::new()
                    .text("field", by.as_str())
                    .text("value", value.as_str());
                words.format("test-group-field", &args)
            }));
            if group.is_empty() {
                group.push(words.text("test-group-all"));
            }
            let args = Args::new()
                .text("rule", self.rule.as_str())
                .text("group", group.join(&separator));
            words.format("test-finding-for", &args)
        } else {
            let args = Args::new()
                .text("rule", self.rule.as_str())
                .text("record", self.record.as_str());
            words.format("test-finding-on", &args)
        };
        let details = self.details(words);
        if details.is_empty() {
            return subject;
        }
        let args = Args::new()
            .text("finding", subject)
            .text("details", details.join(&separator));
        words.format("test-finding-details", &args)
    }

    /// The details given, each in the language of `words`.
    fn details(&self, words: &Catalogue) -> Vec<String> {
        let int = |id: &str, n: i64| words.format(id, &Args::new().int("n", n));
        let points =
            |id: &str, p: Points| words.format(id, &Args::new().text("points", p.to_string()));
        let mut parts = Vec::new();
        if let Some(s) = self.severity {
            let args = Args::new().text("severity", s.as_str());
            parts.push(words.format("test-detail-severity", &args));
        }
        parts.extend(self.penalty.map(|p| points("test-detail-penalty", p)));
        if let Some(d) = self.due {
            let args = Args::new().text("date", d.to_string());
            parts.push(words.format("test-detail-due", &args));
        }
        parts.extend(self.late_days.map(|n| int("test-detail-late-days", n)));
        parts.extend(
            self.late_workdays
                .map(|n| int("test-detail-late-workdays", n)),
        );
        parts.extend(self.reward.map(|p| points("test-detail-reward", p)));
        parts.extend(self.early_days.map(|n| int("test-detail-early-days", n)));
        parts.extend(
            self.early_workdays
                .map(|n| int("test-detail-early-workdays", n)),
        );
        if let Some(w) = self.waived {
            let id = if w {
                "test-detail-waived"
            } else {
                "test-detail-not-waived"
            };
            parts.push(words.text(id));
        }
        parts
    }
}
