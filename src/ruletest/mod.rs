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

use crate::diag::Severity;
use crate::eval::Plan;
use crate::outcome::{Finding, InputError, Outcome};
use crate::source::Span;

pub use coverage::Coverage;
pub use spec::{Case, Expected, Suite, parse};

/// A problem in a test file, at a byte span of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub message: String,
    pub span: Span,
}

/// What one case gave.
#[derive(Clone, Debug)]
pub struct CaseResult {
    pub name: String,
    /// Where the case is written in the test file.
    pub span: Span,
    /// Expected findings not found, as `- …` lines, then findings not
    /// expected, as `+ …` lines; empty when the case passed.
    pub diff: Vec<String>,
    /// Problems loading the case's records (a case with any fails).
    pub errors: Vec<String>,
    /// The findings of the compared rules (for coverage).
    pub fired: Vec<String>,
    /// Rules that were evaluated on a record and gave no finding.
    pub passed: Vec<String>,
    /// Rules with a pending deadline.
    pub pending: Vec<String>,
}

impl CaseResult {
    pub fn passed(&self) -> bool {
        self.diff.is_empty() && self.errors.is_empty()
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
            None => diff.push(format!("- expected {want}")),
        }
    }
    for (f, _) in actual.iter().zip(&matched).filter(|(_, m)| !**m) {
        diff.push(format!(
            "+ found    {}",
            describe(&outcome.rules[f.rule].id, f)
        ));
    }
    let pending = outcome
        .pending
        .iter()
        .filter(|p| compared(&outcome.rules[p.rule].id))
        .count();
    if let Some(want) = case.pending {
        if want != pending {
            diff.push(format!("- expected {want} pending deadline(s)"));
            diff.push(format!("+ found    {pending} pending deadline(s)"));
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
            .map(error_line)
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
pub fn missing_files(suite: &Suite, dir: &Path) -> Vec<Error> {
    let mut missing = Vec::new();
    for case in &suite.cases {
        for (file, at) in case.files.iter().zip(&case.files_at) {
            let resolved = dir.join(file);
            if !resolved.exists() {
                missing.push(Error {
                    message: format!(
                        "no such record file `{file}` (resolved to `{}`); `files:` paths are relative to the test file",
                        resolved.display()
                    ),
                    span: *at,
                });
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

fn error_line(e: &InputError) -> String {
    format!("{}: {}", e.code, e.message.english())
}

fn describe(rule: &str, f: &Finding) -> String {
    let mut text = format!(
        "{rule} on {} ({}, penalty {}",
        f.record,
        f.severity.as_str(),
        f.penalty
    );
    if let Some(due) = f.due {
        text.push_str(&format!(", due {due}"));
    }
    if let Some(days) = f.late_days {
        text.push_str(&format!(", {days} days late"));
    }
    if let Some(w) = f.late_workdays {
        text.push_str(&format!(", {w} workdays late"));
    }
    if f.severity == crate::diag::Severity::Commendation {
        text.push_str(&format!(", reward {}", f.reward));
    }
    if let Some(days) = f.early_days {
        text.push_str(&format!(", {days} days early"));
    }
    if let Some(w) = f.early_workdays {
        text.push_str(&format!(", {w} workdays early"));
    }
    if f.waived {
        text.push_str(", waived");
    }
    text.push(')');
    text
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

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut group: Vec<String> = self.unit.iter().map(|u| format!("unit {u}")).collect();
        group.extend(self.group.iter().map(|(by, v)| format!("{by} {v}")));
        match self.record.is_empty() {
            true => write!(f, "{} for {}", self.rule, group.join(", "))?,
            false => write!(f, "{} on {}", self.rule, self.record)?,
        }
        let mut parts: Vec<String> = Vec::new();
        if let Some(s) = self.severity {
            parts.push(s.as_str().to_string());
        }
        if let Some(p) = self.penalty {
            parts.push(format!("penalty {p}"));
        }
        if let Some(d) = self.due {
            parts.push(format!("due {d}"));
        }
        if let Some(d) = self.late_days {
            parts.push(format!("{d} days late"));
        }
        if let Some(d) = self.late_workdays {
            parts.push(format!("{d} workdays late"));
        }
        if let Some(p) = self.reward {
            parts.push(format!("reward {p}"));
        }
        if let Some(d) = self.early_days {
            parts.push(format!("{d} days early"));
        }
        if let Some(d) = self.early_workdays {
            parts.push(format!("{d} workdays early"));
        }
        if let Some(w) = self.waived {
            parts.push(if w {
                "waived".into()
            } else {
                "not waived".into()
            });
        }
        if !parts.is_empty() {
            write!(f, " ({})", parts.join(", "))?;
        }
        Ok(())
    }
}
