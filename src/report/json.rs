//! The JSON report: a machine contract, version 1 (additive changes only).
//!
//! Keys come out in the contract's order because each object is a struct
//! serialised in field order. Positions are 1-based, columns count
//! characters; an unknown position is omitted, never 0 or -1. Points are
//! exact decimals ([`Points::to_json`]), never floats.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::Value;

use super::stream::Fill;
use crate::i18n::Catalogue;
use crate::outcome::{
    Finding, GroupFacts, GroupFigure, InputError, KindProgress, Origin, Outcome, Place, Scope,
    SourceFile,
};

/// The version of the JSON report's shape; bumped only on a breaking change.
pub const VERSION: u32 = 1;

/// Write the report pretty-printed, with a trailing newline. (There is no
/// `serde_json::Value` form: without `preserve_order` it would sort the keys.)
///
/// Finding messages are in the language of `words`; keys, codes and rule
/// ids stay English.
pub fn write(outcome: &Outcome, words: &Catalogue, out: &mut dyn Write) -> io::Result<()> {
    write_with(outcome, words, out, &mut |list| {
        (outcome.findings.iter()).try_for_each(|f| list.push(&finding(&outcome.scope(), f, words)))
    })
}

/// Where a finding of the report is written: inside `findings`, at the
/// second level.
pub(crate) const FINDING_INDENT: &str = "    ";

/// Write the report with its findings written by `findings` (the kept
/// ones, or those a streaming run spilled: [`super::stream`]).
pub(crate) fn write_with(
    outcome: &Outcome,
    words: &Catalogue,
    out: &mut dyn Write,
    findings: &mut Fill,
) -> io::Result<()> {
    let report = Report::new(outcome, words);
    super::stream::splice(out, &report, "  \"findings\"", findings, FINDING_INDENT)
}

/// One finding as the report writes it.
pub(crate) fn finding<'a>(
    scope: &Scope<'a>,
    f: &'a Finding,
    words: &Catalogue,
) -> impl Serialize + 'a {
    FindingJson::new(scope, f, words)
}

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    as_of: String,
    files: usize,
    records: usize,
    /// Written `[]` here, then filled in ([`write_with`]).
    findings: [(); 0],
    input_errors: Vec<InputErrorJson<'a>>,
    units: Vec<UnitJson<'a>>,
    progress: Progress<'a>,
    summary: SummaryJson,
}

impl<'a> Report<'a> {
    fn new(outcome: &'a Outcome, words: &Catalogue) -> Report<'a> {
        Report {
            version: VERSION,
            as_of: outcome.as_of.to_string(),
            files: outcome.record_files,
            records: outcome.records,
            findings: [],
            input_errors: outcome
                .input_errors
                .iter()
                .map(|e| InputErrorJson::new(outcome, e, words))
                .collect(),
            units: outcome.units.iter().map(UnitJson::new).collect(),
            progress: Progress(&outcome.progress),
            summary: SummaryJson::new(outcome),
        }
    }
}

#[derive(Serialize)]
struct FindingJson<'a> {
    rule: &'a str,
    severity: &'static str,
    message: String,
    /// Absent for a group rule's finding, which is about a group of records.
    #[serde(skip_serializing_if = "str::is_empty")]
    record: &'a str,
    kind: &'a str,
    /// Absent for a group rule's finding whose group is not a unit.
    #[serde(skip_serializing_if = "str::is_empty")]
    unit: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    actual: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    late_days: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    late_workdays: Option<i64>,
    /// A commendation: how early the rule's deadline was met.
    #[serde(skip_serializing_if = "Option::is_none")]
    early_days: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    early_workdays: Option<i64>,
    penalty: Value,
    /// The points a commendation earns; 0 for every other finding.
    reward: Value,
    waived: bool,
    /// Who waived it, until when, why, and where the waiver is written;
    /// present when `waived`.
    #[serde(skip_serializing_if = "Option::is_none")]
    waiver: Option<WaiverJson<'a>>,
    /// A group rule's finding: the group, its figure and its records.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    group: Option<GroupJson<'a>>,
}

/// The group fields of a group rule's finding: the first constraint it
/// fails at the top, and every failing one under `constraints` when more
/// than one fails.
#[derive(Serialize)]
struct GroupJson<'a> {
    group: GroupKey<'a>,
    #[serde(flatten)]
    first: FigureJson<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    constraints: Vec<FigureJson<'a>>,
}

#[derive(Serialize)]
struct GroupKey<'a> {
    by: &'a str,
    value: &'a str,
    /// Grouped by more than one field: each field and its value.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    keys: Vec<KeyJson<'a>>,
}

#[derive(Serialize)]
struct KeyJson<'a> {
    by: &'a str,
    value: &'a str,
}

#[derive(Serialize)]
struct FigureJson<'a> {
    constraint: &'a str,
    measure: &'static str,
    comparison: &'static str,
    figure: Value,
    threshold: Value,
    met: u64,
    members: u64,
    unknown: u64,
    records: &'a [String],
}

impl<'a> GroupJson<'a> {
    fn new(facts: &'a GroupFacts) -> Option<GroupJson<'a>> {
        let figures: Vec<FigureJson<'a>> = facts.figures.iter().map(FigureJson::new).collect();
        let mut figures = figures.into_iter();
        let first = figures.next()?;
        let rest: Vec<FigureJson<'a>> = figures.collect();
        let constraints = if rest.is_empty() {
            rest
        } else {
            facts.figures.iter().map(FigureJson::new).collect()
        };
        Some(GroupJson {
            group: GroupKey {
                by: &facts.by,
                value: &facts.value,
                keys: match facts.keys.len() {
                    0 | 1 => Vec::new(),
                    _ => (facts.keys.iter())
                        .map(|(by, value)| KeyJson { by, value })
                        .collect(),
                },
            },
            first,
            constraints,
        })
    }
}

impl<'a> FigureJson<'a> {
    fn new(f: &'a GroupFigure) -> FigureJson<'a> {
        FigureJson {
            constraint: &f.constraint,
            measure: f.measure.as_str(),
            comparison: f.op.as_str(),
            figure: f.figure.to_json(),
            threshold: f.threshold.to_json(),
            met: f.met,
            members: f.members,
            unknown: f.unknown,
            records: &f.records,
        }
    }
}

#[derive(Serialize)]
struct WaiverJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    approved_by: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
    /// `inline` (in the record) or `file` (a waiver file).
    source: &'static str,
}

impl<'a> WaiverJson<'a> {
    fn new(f: &'a Finding) -> Option<WaiverJson<'a>> {
        f.waived.then(|| WaiverJson {
            approved_by: f.waiver_approved_by.as_deref(),
            until: f.waiver_until.map(|d| d.to_string()),
            reason: f.waiver_reason.as_deref(),
            source: if f.waiver_external { "file" } else { "inline" },
        })
    }
}

impl<'a> FindingJson<'a> {
    fn new(scope: &Scope<'a>, f: &'a Finding, words: &Catalogue) -> FindingJson<'a> {
        let file = scope.finding_file(f);
        let (line, column) = finding_position(file, f).unzip();
        let rule = scope.rules.get(f.rule);
        let rule_file = rule.and_then(|r| scope.rule_files.get(r.place.file));
        let rule_line = rule
            .and_then(|r| position(rule_file, r.place))
            .map(|(l, _)| l);
        FindingJson {
            rule: rule.map_or("", |r| r.id.as_str()),
            severity: f.severity.as_str(),
            message: f.message(words),
            record: &f.record,
            kind: &f.kind,
            unit: &f.unit,
            file: file.map(|s| s.name.as_str()),
            line,
            column,
            rule_file: rule_file.map(|s| s.name.as_str()),
            rule_line,
            due: f.due.map(|d| d.to_string()),
            actual: f.actual.map(|d| d.to_string()),
            late_days: f.late_days,
            late_workdays: f.late_workdays,
            early_days: f.early_days,
            early_workdays: f.early_workdays,
            penalty: f.penalty.to_json(),
            reward: f.reward.to_json(),
            waived: f.waived,
            group: f.group.as_deref().and_then(GroupJson::new),
            waiver: WaiverJson::new(f),
        }
    }
}

/// Where a finding starts: the producer's precomputed position, else the
/// primary label's start looked up in the kept text.
pub(crate) fn finding_position(file: Option<&SourceFile>, f: &Finding) -> Option<(usize, usize)> {
    f.line_col
        .or_else(|| file?.line_col(f.labels.first()?.span.start))
}

fn position(file: Option<&SourceFile>, place: Place) -> Option<(usize, usize)> {
    file?.line_col(place.span.start)
}

/// The file list an [`Origin`] indexes.
pub(crate) fn files(outcome: &Outcome, origin: Origin) -> &[SourceFile] {
    match origin {
        Origin::Record => &outcome.files,
        Origin::Rule => &outcome.rule_files,
    }
}

#[derive(Serialize)]
struct InputErrorJson<'a> {
    code: &'a str,
    severity: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<String>,
}

impl<'a> InputErrorJson<'a> {
    fn new(outcome: &'a Outcome, e: &'a InputError, words: &Catalogue) -> InputErrorJson<'a> {
        let file = e.place.and_then(|p| files(outcome, e.origin).get(p.file));
        let (line, column) = e.place.and_then(|p| position(file, p)).unzip();
        InputErrorJson {
            code: &e.code,
            severity: e.severity.as_str(),
            file: file.map(|s| s.name.as_str()),
            line,
            column,
            message: e.message.say(words),
            help: e.help.as_ref().map(|h| h.say(words)),
        }
    }
}

#[derive(Serialize)]
struct UnitJson<'a> {
    unit: &'a str,
    records: usize,
    findings: usize,
    penalty: Value,
    commendations: usize,
    reward: Value,
    score: Value,
    grade: &'a str,
}

impl<'a> UnitJson<'a> {
    fn new(u: &'a crate::outcome::UnitScore) -> UnitJson<'a> {
        UnitJson {
            unit: &u.unit,
            records: u.records,
            findings: u.findings,
            penalty: u.penalty.to_json(),
            commendations: u.commendations,
            reward: u.reward.to_json(),
            score: u.score.to_json(),
            grade: &u.grade,
        }
    }
}

/// `{ "task": {…}, "petition": {…}, … }` in the outcome's kind order.
struct Progress<'a>(&'a [KindProgress]);

impl Serialize for Progress<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|p| (p.kind.as_str(), KindJson::new(p))))
    }
}

/// The contract names the counts of `task` and `petition`; any other kind
/// gets every generic count. The status buckets add up to `total`;
/// `*_late` and `overdue` are about the last stage of the pipeline.
#[derive(Serialize)]
#[serde(untagged)]
enum KindJson {
    Task {
        total: usize,
        not_started: usize,
        in_progress: usize,
        staged: usize,
        completed: usize,
        unknown: usize,
        completed_late: usize,
        overdue: usize,
    },
    Petition {
        total: usize,
        closed: usize,
        staged: usize,
        closed_late: usize,
        overdue: usize,
    },
    Other {
        total: usize,
        completed: usize,
        staged: usize,
        in_progress: usize,
        not_started: usize,
        unknown: usize,
        overdue: usize,
        closed: usize,
        closed_late: usize,
    },
}

impl KindJson {
    fn new(p: &KindProgress) -> KindJson {
        match p.kind.as_str() {
            "task" => KindJson::Task {
                total: p.total,
                not_started: p.not_started,
                in_progress: p.in_progress,
                staged: p.staged,
                completed: p.completed,
                unknown: p.unknown,
                completed_late: p.late,
                overdue: p.overdue,
            },
            "petition" => KindJson::Petition {
                total: p.total,
                closed: p.closed,
                staged: p.staged,
                closed_late: p.late,
                overdue: p.overdue,
            },
            _ => KindJson::Other {
                total: p.total,
                completed: p.completed,
                staged: p.staged,
                in_progress: p.in_progress,
                not_started: p.not_started,
                unknown: p.unknown,
                overdue: p.overdue,
                closed: p.closed,
                closed_late: p.late,
            },
        }
    }
}

#[derive(Serialize)]
struct SummaryJson {
    errors: usize,
    warnings: usize,
    infos: usize,
    commendations: usize,
    waived: usize,
    pending: usize,
    penalty: Value,
    reward: Value,
}

impl SummaryJson {
    fn new(outcome: &Outcome) -> SummaryJson {
        let s = &outcome.summary;
        SummaryJson {
            errors: s.errors,
            warnings: s.warnings,
            infos: s.infos,
            commendations: s.commendations,
            waived: s.waived,
            pending: s.pending,
            penalty: s.penalty.to_json(),
            reward: s.reward.to_json(),
        }
    }
}
