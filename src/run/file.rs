//! One record file: read it, load its records, evaluate each, apply inline
//! waivers. Runs on a worker thread; knows nothing of other files.

use std::path::Path;
use std::sync::Arc;

use crate::eval::{self, Plan};
use crate::model::{self, Record, Status, WaiverState};
use crate::outcome::{Finding, InputError, KindProgress, Label, Origin, Pending, Place};
use crate::source::{Span, clip};
use crate::syntax::ast::Severity;
use crate::yaml;

use super::{Options, file_error};

/// What one file gave. File indices inside are 0 until the merge sets them.
/// Records themselves are dropped once evaluated: only their findings and
/// the counts the merge needs are kept.
#[derive(Debug, Default)]
pub struct Result {
    pub name: String,
    pub text: Option<Arc<str>>,
    /// The records were given as YAML nodes, not read from a file (so the
    /// text cannot be read again).
    pub inline: bool,
    pub records: usize,
    /// Each record's id and where it is written, for duplicates across files.
    pub ids: Vec<(String, Span)>,
    /// Records per responsible unit.
    pub units: Vec<(String, usize)>,
    /// Progress counts per kind (indexed like the plan's kinds).
    pub progress: Vec<KindProgress>,
    /// Progress counts per (unit, round), kinds indexed like the plan's.
    pub groups: Vec<(Group, Vec<KindProgress>)>,
    pub findings: Vec<Finding>,
    pub pending: Vec<Pending>,
    pub errors: Vec<InputError>,
    /// Pending deadlines, listed in `pending` or not.
    pub pending_count: usize,
    /// Rule indices that applied to a record and held, one entry per record.
    pub passed: Vec<usize>,
    /// The kind and unit names the file's findings share.
    names: Vec<Arc<str>>,
    /// Group rules: the counts of each (rule, group) this file contributes.
    pub group_tallies: Vec<((usize, String), eval::group::Tally)>,
}

/// A responsible unit and an inspection round (`None`: the record names none).
pub type Group = (String, Option<String>);

impl Result {
    /// A kind or unit name, shared with the file's other findings.
    fn name(&mut self, text: &str) -> Arc<str> {
        if let Some(name) = self.names.iter().find(|n| &***n == text) {
            return name.clone();
        }
        let name: Arc<str> = Arc::from(text);
        self.names.push(name.clone());
        name
    }
}

/// Progress counts for each kind of the plan, all zero.
pub fn progress_template(plan: &Plan) -> Vec<KindProgress> {
    let kind = |k: &eval::plan::Kind| KindProgress {
        kind: k.name.clone(),
        ..KindProgress::default()
    };
    plan.kinds.iter().map(kind).collect()
}

/// Count one record into per-kind progress: completed, staged, in progress
/// and not started by status; overdue when a deadline on the last stage of
/// its pipeline has passed unmet; closed when that stage is recorded and the
/// status is not `staged`.
fn count(progress: &mut [KindProgress], record: &Record, final_recorded: bool, overdue: bool) {
    let Some(p) = progress.iter_mut().find(|p| p.kind == record.kind.value) else {
        return;
    };
    let status = record.status.as_ref().map(|s| &s.value);
    p.total += 1;
    match status {
        Some(Status::Completed) => p.completed += 1,
        Some(Status::Staged) => p.staged += 1,
        Some(Status::InProgress) => p.in_progress += 1,
        Some(Status::NotStarted) | None => p.not_started += 1,
    }
    p.overdue += usize::from(overdue);
    p.closed += usize::from(final_recorded && status != Some(&Status::Staged));
}

/// Add one set of per-kind counts into another (same kinds, same order).
pub fn add_progress(into: &mut [KindProgress], from: &[KindProgress]) {
    for (a, b) in into.iter_mut().zip(from) {
        a.add(b);
    }
}

pub fn process(path: &Path, plan: &Plan, schema: &model::Schema, options: &Options) -> Result {
    let mut result = Result {
        name: path.display().to_string(),
        ..Result::default()
    };
    let text = match read(path, options.max_file_size) {
        Ok(text) => text,
        Err(error) => {
            result.errors.push(*error);
            return result;
        }
    };
    let file = model::load(&text, schema, &yaml::Limits::default());
    evaluate_file(file, plan, options, &mut result);
    if !result.findings.is_empty() {
        let at = |f: &Finding| f.labels.first().map_or(0, |l| l.span.start);
        let offsets: Vec<u32> = result.findings.iter().map(at).collect();
        let positions = crate::source::line_cols(&text, &offsets);
        for (f, position) in result.findings.iter_mut().zip(positions) {
            f.line_col = f.labels.first().map(|_| position);
        }
    }
    if options.keep_sources || !result.errors.is_empty() {
        result.text = Some(Arc::from(text));
    }
    result
}

/// Records already parsed as YAML nodes (inline in a rule test); their spans
/// point into another file, so no text is kept.
pub fn process_nodes(
    name: &str,
    nodes: Vec<yaml::Node>,
    plan: &Plan,
    schema: &model::Schema,
    options: &Options,
) -> Result {
    let mut result = Result {
        name: name.to_string(),
        inline: true,
        ..Result::default()
    };
    evaluate_file(model::load_nodes(nodes, schema), plan, options, &mut result);
    result
}

fn evaluate_file(file: model::File, plan: &Plan, options: &Options, result: &mut Result) {
    for e in file.errors {
        result.errors.push(InputError {
            code: e.code.into(),
            severity: e.severity,
            message: e.message,
            origin: Origin::Record,
            place: Some(Place {
                file: 0,
                span: e.span,
            }),
            labels: e
                .labels
                .into_iter()
                .map(|(span, text)| Label { span, text })
                .collect(),
            related: Vec::new(),
            help: e.help,
        });
    }
    for record in &file.records {
        evaluate(record, plan, options, result);
    }
}

/// The file's text, or why it has none: a located error for bytes that are
/// not UTF-8, a whole-file one otherwise.
fn read(path: &Path, limit: u64) -> std::result::Result<String, Box<InputError>> {
    use crate::load::ReadError;
    crate::load::read_text(path, limit).map_err(|err| {
        let (code, message) = match &err {
            ReadError::Io(_) => ("input::unreadable", format!("cannot read file: {err}")),
            ReadError::Folder | ReadError::NotRegular => ("input::unreadable", err.to_string()),
            ReadError::TooLarge { .. } => ("input::too-large", err.to_string()),
            ReadError::NotUtf8 { .. } => ("input::not-utf8", err.to_string()),
        };
        let mut error = file_error(code, Severity::Error, message, Some(0));
        if let ReadError::NotUtf8 { at } = err {
            error.place = Some(Place {
                file: 0,
                span: Span::new(at, at),
            });
        }
        Box::new(error)
    })
}

fn evaluate(record: &Record, plan: &Plan, options: &Options, result: &mut Result) {
    let mut verdicts = eval::Verdicts::default();
    eval::evaluate(plan, record, options.as_of, &mut verdicts);
    let kind = plan.kinds.iter().find(|k| k.name == record.kind.value);
    let last_stage = kind.and_then(|k| k.stages.len().checked_sub(1));
    let overdue = verdicts
        .findings
        .iter()
        .any(|f| !f.cannot_check && f.late.as_ref().is_some_and(|l| Some(l.stage) == last_stage));
    let mut used = vec![false; record.waivers.len()];
    for f in verdicts.findings {
        let reason = waiver(record, &plan.rules[f.rule].id, options, &mut used, result);
        let stage = f
            .late
            .as_ref()
            .and_then(|l| kind.and_then(|k| k.stages.get(l.stage)).cloned());
        let (kind, unit) = (
            result.name(&record.kind.value),
            result.name(&record.unit.value),
        );
        result.findings.push(Finding {
            stage,
            kind,
            unit,
            waived: reason.is_some(),
            waiver_reason: reason,
            ..finding(record, f, options.lean)
        });
    }
    for (waiver, used) in record.waivers.iter().zip(used) {
        if !used {
            unmatched(waiver, options, result);
        }
    }
    result.passed.extend(verdicts.passed);
    for obs in &verdicts.observations {
        let key = (obs.rule, obs.key.clone());
        let at = match result.group_tallies.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                result
                    .group_tallies
                    .push((key, eval::group::Tally::default()));
                result.group_tallies.len() - 1
            }
        };
        result.group_tallies[at].1.add(obs, &record.id.value);
    }
    result.pending_count += verdicts.pending.len();
    let horizon = options
        .pending_within
        .map(|days| match jiff::Span::new().try_days(days) {
            Ok(span) => options.as_of.saturating_add(span),
            Err(_) => jiff::civil::Date::MAX,
        });
    for p in verdicts
        .pending
        .into_iter()
        .filter(|p| horizon.is_none_or(|h| p.due <= h))
    {
        let stage = kind.map_or(String::new(), |k| k.stages[p.stage].clone());
        let (record_id, unit) = (record.id.value.clone(), record.unit.value.clone());
        result.pending.push(Pending {
            rule: p.rule,
            record: record_id,
            unit,
            file: 0,
            stage,
            due: p.due,
        });
    }
    let final_recorded = kind
        .and_then(|k| k.stages.last())
        .is_some_and(|s| record.stage(s).is_some());
    tally(plan, record, final_recorded, overdue, result);
}

fn tally(plan: &Plan, record: &Record, final_recorded: bool, overdue: bool, result: &mut Result) {
    result.records += 1;
    result.ids.push((record.id.value.clone(), record.id.span));
    match result
        .units
        .iter_mut()
        .find(|(u, _)| *u == record.unit.value)
    {
        Some((_, n)) => *n += 1,
        None => result.units.push((record.unit.value.clone(), 1)),
    }
    if result.progress.is_empty() {
        result.progress = progress_template(plan);
    }
    count(&mut result.progress, record, final_recorded, overdue);
    let (unit, round) = (
        &record.unit.value,
        record.round.as_ref().map(|r| r.value.as_str()),
    );
    let same = |((u, r), _): &(Group, _)| u == unit && r.as_deref() == round;
    let at = match result.groups.iter().position(same) {
        Some(at) => at,
        None => {
            let group = (unit.clone(), round.map(str::to_string));
            result.groups.push((group, progress_template(plan)));
            result.groups.len() - 1
        }
    };
    count(&mut result.groups[at].1, record, final_recorded, overdue);
}

/// A finding as the outcome keeps it: strings trimmed to their length (a
/// run can keep a hundred thousand of them); with `lean`, only the primary
/// label's place and no label texts (for reports that show neither).
fn finding(record: &Record, f: eval::Finding, lean: bool) -> Finding {
    let late = f.late.as_ref();
    let shrink = |mut s: String| {
        s.shrink_to_fit();
        s
    };
    let labels: Vec<Label> = match lean {
        true => f
            .labels
            .into_iter()
            .take(1)
            .map(|(span, _)| Label {
                span,
                text: String::new(),
            })
            .collect(),
        false => f
            .labels
            .into_iter()
            .map(|(span, text)| Label {
                span,
                text: shrink(text),
            })
            .collect(),
    };
    Finding {
        rule: f.rule,
        severity: f.severity,
        message: shrink(f.message),
        record: record.id.value.clone(),
        kind: Arc::from(""),
        unit: Arc::from(""),
        file: 0,
        origin: Origin::Record,
        labels,
        due: late.map(|l| l.due),
        actual: late.map(|l| l.actual),
        late_days: late.map(|l| l.days),
        late_workdays: late.and_then(|l| l.workdays),
        penalty: f.penalty,
        penalty_note: f.penalty_note.filter(|_| !lean).map(shrink),
        waived: false,
        line_col: None,
        waiver_reason: None,
        waiver_external: false,
        stage: None,
        overdue: late.is_some_and(|l| l.overdue),
    }
}

/// The reason of the inline waiver that covers a finding of `rule`, if one
/// does; an expired or incomplete one does not, and says so.
fn waiver(
    record: &Record,
    rule: &str,
    options: &Options,
    used: &mut [bool],
    result: &mut Result,
) -> Option<String> {
    let i = record
        .waivers
        .iter()
        .position(|w| w.rule.as_ref().is_some_and(|r| r.value == rule))?;
    used[i] = true;
    let w = &record.waivers[i];
    match w.state(options.as_of) {
        WaiverState::Valid => w.reason.as_ref().map(|r| r.value.clone()),
        WaiverState::Incomplete(field) => {
            let message = format!(
                "waiver for `{}` has no `{field}`, so it does not apply",
                clip(rule)
            );
            result.errors.push(located(
                "waiver::incomplete",
                Severity::Error,
                message,
                w.span,
            ));
            None
        }
        WaiverState::Expired(until) => {
            let message = format!("waiver for `{}` expired on {until}", clip(rule));
            let span = w.until.as_ref().map_or(w.span, |u| u.span);
            result
                .errors
                .push(located("waiver::expired", Severity::Warning, message, span));
            None
        }
    }
}

fn unmatched(w: &model::Waiver, options: &Options, result: &mut Result) {
    let rule = w.rule.as_ref().map_or("?", |r| r.value.as_str());
    if let Some(until) = w.until.as_ref().filter(|u| u.value < options.as_of) {
        let message = format!("waiver for `{}` expired on {}", clip(rule), until.value);
        result.errors.push(located(
            "waiver::expired",
            Severity::Warning,
            message,
            until.span,
        ));
        return;
    }
    let (severity, message) = match &w.rule {
        Some(_) => (
            Severity::Warning,
            format!("waiver for `{}` matches no finding", clip(rule)),
        ),
        None => (Severity::Error, "waiver names no `rule`".to_string()),
    };
    result
        .errors
        .push(located("waiver::unmatched", severity, message, w.span));
}

fn located(code: &str, severity: Severity, message: String, span: Span) -> InputError {
    let mut e = file_error(code, severity, message, Some(0));
    e.place = Some(Place { file: 0, span });
    e
}
