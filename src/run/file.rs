//! One record file: read it, load its records, evaluate each, apply inline
//! waivers. Runs on a worker thread; knows nothing of other files.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use crate::diag::{Message, Severity};
use crate::eval::{self, Plan};
use crate::model::{self, Record, Status, WaiverState};
use crate::outcome::{Finding, InputError, KindProgress, Mark, Note, Origin, Pending, Place};
use crate::source::{Span, clip};
use crate::yaml;

use super::{Options, file_error};

/// What one file gave. File indices inside are 0 until the merge sets them.
/// Records themselves are dropped once evaluated: only their findings and
/// the counts the merge needs are kept.
#[derive(Clone, Debug, Default)]
pub struct Result {
    pub name: String,
    pub text: Option<Arc<str>>,
    /// The records were given as YAML nodes, not read from a file (so the
    /// text cannot be read again).
    pub inline: bool,
    pub records: usize,
    /// Each record's id and where it is written, for duplicates across files.
    pub ids: Vec<(String, Span)>,
    /// Each spelling of a responsible unit met in the file, in order.
    pub units: Vec<Spelling>,
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
    /// Calendar years the file's records needed and no calendar covers.
    pub uncovered: Vec<crate::calendar::OutOfRange>,
    /// The kind and unit names the file's findings share (hashed: a hostile
    /// file may spell its unit a different way on every record).
    names: HashSet<Arc<str>>,
    /// Index into `units` by spelling.
    spelt: HashMap<String, usize>,
    /// Where an undeclared unit was already reported (`start`, `end`).
    undeclared_at: HashSet<(u32, u32)>,
    /// Group rules: the counts of each (rule, group) this file contributes.
    pub group_tallies: Vec<((usize, String), eval::group::Tally)>,
    /// Which paths rules read outside the record format the records have.
    pub fields: super::dead_guard::Seen,
    /// The lines of `text`, indexed where the findings were rendered.
    pub lines: Option<Arc<crate::source::LineIndex>>,
    /// The findings, sorted and rendered by a streaming run's sink on the
    /// worker ([`Result::render`]), with the units as the file spells them.
    pub rendered: Option<crate::outcome::Rendered>,
}

/// A responsible unit's key ([`crate::units`]) and an inspection round
/// (`None`: the record names none).
pub type Group = (String, Option<String>);

/// One spelling of `responsible.unit`, as written, with its key (registry
/// aware), where the file first writes it and how many records use it.
#[derive(Clone, Debug)]
pub struct Spelling {
    pub name: String,
    pub key: String,
    pub span: Span,
    pub records: usize,
}

impl Result {
    /// Sort the findings in the report's order and render them with
    /// `renderer`, as the merge would if no unit were shown by another
    /// spelling ([`super::merge::Merger::add`] checks).
    pub fn render(
        &mut self,
        renderer: &dyn crate::outcome::Render,
        root: &Path,
        rules: &[crate::outcome::RuleInfo],
        rule_files: &[crate::outcome::SourceFile],
    ) {
        if self.findings.is_empty() {
            return;
        }
        super::merge::sort_findings(rules, &mut self.findings);
        let source = super::source_file(self.name.clone(), self.text.clone());
        let scope = crate::outcome::Scope::one(root, rules, rule_files, &source);
        self.rendered = Some(renderer.render(&scope, &self.findings));
        self.lines = source.lines;
    }

    /// An empty result for the file named `name`.
    pub fn named(name: String) -> Result {
        Result {
            name,
            ..Result::default()
        }
    }

    /// A kind or unit name, shared with the file's other findings.
    fn name(&mut self, text: &str) -> Arc<str> {
        if let Some(name) = self.names.get(text) {
            return name.clone();
        }
        let name: Arc<str> = Arc::from(text);
        self.names.insert(name.clone());
        name
    }
}

/// Progress counts for each kind of the plan, all zero.
pub fn progress_template(plan: &Plan) -> Vec<KindProgress> {
    let kind = |k: &eval::plan::Kind| KindProgress {
        kind: k.name.clone(),
        stage: k.stages.last().cloned().unwrap_or_default(),
        ..KindProgress::default()
    };
    plan.kinds.iter().map(kind).collect()
}

/// What progress counts of one record, beyond its status: whether the
/// last stage of its pipeline is recorded, and how that stands against the
/// stage's due date (see [`KindProgress`]).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Closing {
    pub recorded: bool,
    pub late: bool,
    pub overdue: bool,
    /// The last stage's date, when recorded.
    pub date: Option<jiff::civil::Date>,
    /// The last stage's due date, when a deadline rule sets one.
    pub due: Option<jiff::civil::Date>,
}

impl Closing {
    /// As of `as_of`, for a record already stripped of later dates.
    fn of(plan: &Plan, record: &Record, as_of: jiff::civil::Date, result: &mut Result) -> Closing {
        let kind = plan.kinds.iter().find(|k| k.name == record.kind.value);
        let stage = kind.and_then(|k| k.stages.last());
        let date = stage.and_then(|s| record.stage(s)).map(|s| s.date.value);
        let due = eval::check::closing_due(plan, record, as_of, &mut result.uncovered);
        Closing {
            recorded: date.is_some(),
            late: date.zip(due).is_some_and(|(date, due)| date > due),
            overdue: date.is_none() && due.is_some_and(|due| due < as_of),
            date,
            due,
        }
    }
}

/// Count one record into per-kind progress: completed, staged, in progress,
/// not started or unknown by status; closed when the last stage is recorded
/// and the status is not `staged`; late and overdue as [`Closing`] says.
fn count(progress: &mut [KindProgress], record: &Record, closing: Closing) {
    let Some(p) = progress.iter_mut().find(|p| p.kind == record.kind.value) else {
        return;
    };
    let status = record.status.as_ref().map(|s| &s.value);
    p.total += 1;
    match status {
        Some(Status::Completed) => p.completed += 1,
        Some(Status::Staged) => p.staged += 1,
        Some(Status::InProgress) => p.in_progress += 1,
        Some(Status::NotStarted) => p.not_started += 1,
        None => p.unknown += 1,
    }
    p.overdue += usize::from(closing.overdue);
    p.late += usize::from(closing.late);
    p.closed += usize::from(closing.recorded && status != Some(&Status::Staged));
    p.recorded += usize::from(closing.recorded);
}

/// Add one set of per-kind counts into another (same kinds, same order).
pub fn add_progress(into: &mut [KindProgress], from: &[KindProgress]) {
    for (a, b) in into.iter_mut().zip(from) {
        a.add(b);
    }
}

pub fn process(path: &Path, plan: &Plan, schema: &model::Schema, options: &Options) -> Result {
    let mut result = Result::named(path.display().to_string());
    match read(path, options.max_file_size) {
        Ok(text) => process_text(result, text, plan, schema, options),
        Err(error) => {
            result.errors.push(*error);
            result
        }
    }
}

/// A record file's text already in memory (an editor's unsaved buffer, or
/// what [`process`] read), named `result.name`.
pub fn process_text(
    mut result: Result,
    text: String,
    plan: &Plan,
    schema: &model::Schema,
    options: &Options,
) -> Result {
    let file = model::load(&text, schema, &yaml::Limits::default());
    evaluate_file(file, plan, options, &mut result);
    locate(&mut result, &text);
    // Snippets are shown only where there is a finding or an error: a file
    // with neither keeps no text, whatever the format.
    if (options.keep_sources && !result.findings.is_empty()) || !result.errors.is_empty() {
        result.text = Some(Arc::from(text));
    }
    result
}

/// Give each finding the line and column of its primary label in `text`.
pub(super) fn locate(result: &mut Result, text: &str) {
    if !result.findings.is_empty() {
        let at = |f: &Finding| f.labels.first().map_or(0, |l| l.span.start);
        let offsets: Vec<u32> = result.findings.iter().map(at).collect();
        let positions = crate::source::line_cols(text, &offsets);
        for (f, position) in result.findings.iter_mut().zip(positions) {
            f.line_col = f.labels.first().map(|_| position);
        }
    }
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
    load_errors(file.errors, result);
    for record in &file.records {
        result.fields.observe(plan, record);
        evaluate(record, plan, options, result);
    }
}

/// The record loader's diagnostics, as input errors of the file.
pub(super) fn load_errors(errors: Vec<crate::diag::Diagnostic>, result: &mut Result) {
    let placed = errors
        .into_iter()
        .map(|e| InputError::placed(e, Origin::Record, 0));
    result.errors.extend(placed);
}

/// The file's text, or why it has none: a located error for bytes that are
/// not UTF-8, a whole-file one otherwise.
pub(super) fn read(path: &Path, limit: u64) -> std::result::Result<String, Box<InputError>> {
    use crate::load::ReadError;
    crate::load::read_text(path, limit).map_err(|err| {
        let (code, message) = match &err {
            ReadError::Io(_) => ("input::unreadable", err.message("input-unreadable")),
            ReadError::Folder | ReadError::NotRegular => {
                ("input::unreadable", err.message("input-reason"))
            }
            ReadError::TooLarge { .. } => ("input::too-large", err.message("input-reason")),
            ReadError::NotUtf8 { .. } => ("input::not-utf8", err.message("input-reason")),
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

/// Evaluate a record as `check` does, warning at each date it gives after
/// the evaluation date; how its last stage stands.
pub(super) fn evaluate(
    record: &Record,
    plan: &Plan,
    options: &Options,
    result: &mut Result,
) -> Closing {
    let (known, warnings) = super::future::known_on(record, options.as_of);
    result.errors.extend(warnings);
    evaluate_known(known.as_ref().unwrap_or(record), plan, options, result).0
}

/// Evaluate a record already stripped of what is dated after
/// `options.as_of` ([`Record::known_on`]) and count it; how its last stage
/// stands, and whether the verdicts are settled: none of them can change on
/// a later day while the record stays as it is (no deadline pending or
/// overdue, the last stage recorded or past due or without a due date, and
/// no group observation, waiver or calendar year not covered), unless a
/// rule reads `today`.
pub(super) fn evaluate_known(
    record: &Record,
    plan: &Plan,
    options: &Options,
    result: &mut Result,
) -> (Closing, bool) {
    let mut verdicts = eval::Verdicts::default();
    eval::evaluate(plan, record, options.as_of, &mut verdicts);
    let settled = verdicts.pending.is_empty()
        && verdicts.observations.is_empty()
        && verdicts.uncovered.is_empty()
        && record.waivers.is_empty()
        && !(verdicts.findings.iter()).any(|f| f.late.as_ref().is_some_and(|l| l.overdue));
    eval::check::add_uncovered(&mut result.uncovered, verdicts.uncovered.drain(..));
    let kind = plan.kinds.iter().find(|k| k.name == record.kind.value);
    check_waivers(record, result);
    let mut used = vec![false; record.waivers.len()];
    let refused = refuse_waivers(record, options, result);
    for f in verdicts.findings {
        let rule = &plan.rules[f.rule].id;
        let waiver = waiver(record, rule, options, (&mut used, &refused), result);
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
            waived: waiver.is_some(),
            waiver_reason: waiver
                .and_then(|w| w.reason.as_ref())
                .map(|r| r.value.clone()),
            waiver_approved_by: waiver
                .and_then(|w| w.approved_by.as_ref())
                .map(|a| a.value.clone()),
            waiver_until: waiver.and_then(|w| w.until.as_ref()).map(|u| u.value),
            ..finding(record, f, options.lean)
        });
    }
    for ((waiver, used), refused) in record.waivers.iter().zip(used).zip(refused) {
        if !used && !refused {
            unmatched(waiver, plan, options, result);
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
        result.group_tallies[at]
            .1
            .add(&plan.rules[obs.rule], obs, &record.id.value);
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
    let closing = Closing::of(plan, record, options.as_of, result);
    tally(plan, record, closing, result);
    let settled = settled && (closing.recorded || closing.overdue || closing.due.is_none());
    (closing, settled)
}

/// Count a settled record again ([`evaluate_known`]) on a later day, from
/// what its evaluation gave: the same findings and passes, the same counts.
pub(super) fn replay(
    record: &Record,
    plan: &Plan,
    (findings, passed, closing): (&[Finding], &[usize], Closing),
    result: &mut Result,
) {
    for f in findings {
        let (kind, unit) = (result.name(&f.kind), result.name(&f.unit));
        result.findings.push(Finding {
            kind,
            unit,
            ..f.clone()
        });
    }
    result.passed.extend_from_slice(passed);
    tally(plan, record, closing, result);
}

fn tally(plan: &Plan, record: &Record, closing: Closing, result: &mut Result) {
    result.records += 1;
    result.ids.push((record.id.value.clone(), record.id.span));
    let unit = unit_key(plan, record, result);
    if result.progress.is_empty() {
        result.progress = progress_template(plan);
    }
    count(&mut result.progress, record, closing);
    let (unit, round) = (&unit, record.round.as_ref().map(|r| r.value.as_str()));
    let same = |((u, r), _): &(Group, _)| u == unit && r.as_deref() == round;
    let at = match result.groups.iter().position(same) {
        Some(at) => at,
        None => {
            let group = (unit.clone(), round.map(str::to_string));
            result.groups.push((group, progress_template(plan)));
            result.groups.len() - 1
        }
    };
    count(&mut result.groups[at].1, record, closing);
}

/// Count the record under its unit's spelling; its unit's key. With a
/// registry, a unit it does not declare is an error at the name, once per
/// place (records inheriting a ledger header's unit share its place).
fn unit_key(plan: &Plan, record: &Record, result: &mut Result) -> String {
    let (name, span) = (&record.unit.value, record.unit.span);
    let i = match result.spelt.get(name) {
        Some(&i) => i,
        None => {
            result.spelt.insert(name.clone(), result.units.len());
            result.units.push(Spelling {
                name: name.clone(),
                key: plan.units.key(name),
                span,
                records: 0,
            });
            result.units.len() - 1
        }
    };
    result.units[i].records += 1;
    let undeclared = !plan.units.is_empty() && plan.units.canonical(name).is_none();
    if undeclared && result.undeclared_at.insert((span.start, span.end)) {
        result.errors.push(undeclared_unit(plan, name, span));
    }
    result.units[i].key.clone()
}

/// "unknown unit `苏州市政付`", with the closest declared name.
fn undeclared_unit(plan: &Plan, name: &str, span: Span) -> InputError {
    let message = Message::new("unit-unknown").text("name", crate::units::visible(name));
    let mut e = located("unit::unknown", Severity::Error, message, span);
    let names = plan.units.names();
    e.help = Some(
        match crate::suggest::did_you_mean(&crate::units::clean(name), names) {
            Some(s) => crate::diag::did_you_mean(s),
            None => "unit-unknown.help".into(),
        },
    );
    e
}

/// A finding as the outcome keeps it: strings trimmed to their length (a
/// run can keep a hundred thousand of them); with `lean`, only the primary
/// label's place and no label texts (for reports that show neither).
fn finding(record: &Record, f: eval::Finding, lean: bool) -> Finding {
    let late = f.late.as_ref();
    let early = f.early.as_ref();
    let labels: Vec<Mark> = match lean {
        true => f
            .labels
            .into_iter()
            .take(1)
            .map(|(span, _)| Mark {
                span,
                note: Note::Empty,
            })
            .collect(),
        false => f
            .labels
            .into_iter()
            .map(|(span, note)| Mark { span, note })
            .collect(),
    };
    Finding {
        rule: f.rule,
        severity: f.severity,
        verdict: f.verdict,
        record: record.id.value.clone(),
        kind: Arc::from(""),
        unit: Arc::from(""),
        file: 0,
        origin: Origin::Record,
        labels,
        due: late.or(early).map(|l| l.due),
        actual: late.or(early).map(|l| l.actual),
        late_days: late.map(|l| l.days),
        late_workdays: late.and_then(|l| l.workdays),
        penalty: f.penalty,
        penalty_note: f.penalty_note.filter(|_| !lean).map(Box::new),
        reward: f.reward,
        early_days: early.map(|l| l.days),
        early_workdays: early.and_then(|l| l.workdays),
        waived: false,
        line_col: None,
        waiver_reason: None,
        waiver_external: false,
        waiver_approved_by: None,
        waiver_until: None,
        stage: None,
        overdue: late.is_some_and(|l| l.overdue),
        group: None,
    }
}

/// Which of the record's inline waivers the waiver authority refuses (each
/// refusal an error); a refused waiver waives nothing and is not reported
/// as unmatched.
fn refuse_waivers(record: &Record, options: &Options, result: &mut Result) -> Vec<bool> {
    record
        .waivers
        .iter()
        .map(|w| {
            let claim = super::authority::Claim {
                source: super::authority::Source::Inline,
                span: w.span,
                approved_by: w.approved_by.as_ref(),
                until: w.until.as_ref(),
            };
            let refusals = options.waiver_authority.refusals(&claim, options.as_of, 0);
            let refused = !refusals.is_empty();
            result.errors.extend(refusals);
            refused
        })
        .collect()
}

/// The inline waiver that covers a finding of `rule`, if one does; an
/// expired or incomplete one does not, and says so; a refused one is
/// passed over.
fn waiver<'r>(
    record: &'r Record,
    rule: &str,
    options: &Options,
    (used, refused): (&mut [bool], &[bool]),
    result: &mut Result,
) -> Option<&'r model::Waiver> {
    let i = (0..record.waivers.len()).find(|&i| {
        !refused[i]
            && record.waivers[i]
                .rule
                .as_ref()
                .is_some_and(|r| r.value == rule)
    })?;
    used[i] = true;
    let w = &record.waivers[i];
    match w.state(options.as_of) {
        WaiverState::Valid => Some(w),
        // Reported by `check_waivers`, whether or not a finding matches.
        WaiverState::Incomplete(_) | WaiverState::Malformed => None,
        WaiverState::Expired(until) => {
            let message = super::waivers::expired(rule, until);
            let span = w.until.as_ref().map_or(w.span, |u| u.span);
            result
                .errors
                .push(located("waiver::expired", Severity::Warning, message, span));
            None
        }
    }
}

/// Report every inline waiver that can waive nothing: absent keys, a blank
/// `reason` or `approved_by` (a value that could not be read was reported
/// when the record was loaded).
fn check_waivers(record: &Record, result: &mut Result) {
    for w in &record.waivers {
        let required = [
            ("rule", w.rule.is_none()),
            ("reason", w.reason.is_none()),
            ("until", w.until.is_none()),
            ("approved_by", w.approved_by.is_none()),
        ];
        let shape = super::waivers::Shape {
            rule: w.rule.as_ref().map(|r| r.value.as_str()),
            span: w.span,
            absent: required
                .into_iter()
                .filter(|(key, absent)| *absent && !w.malformed.contains(key))
                .map(|(key, _)| key)
                .collect(),
            reason: w.reason.as_ref(),
            approved_by: w.approved_by.as_ref(),
        };
        result
            .errors
            .extend(super::waivers::validate(&shape, 0, Origin::Record));
    }
}

fn unmatched(w: &model::Waiver, plan: &Plan, options: &Options, result: &mut Result) {
    let Some(rule) = &w.rule else {
        return; // reported by `check_waivers`
    };
    let rule = &rule.value;
    if matches!(
        w.state(options.as_of),
        WaiverState::Incomplete(_) | WaiverState::Malformed
    ) {
        return; // reported: it could waive nothing
    }
    if let Some(until) = w.until.as_ref().filter(|u| u.value < options.as_of) {
        let message = super::waivers::expired(rule, until.value);
        result.errors.push(located(
            "waiver::expired",
            Severity::Warning,
            message,
            until.span,
        ));
        return;
    }
    let message = Message::new("waiver-unmatched").text("rule", clip(rule));
    let mut e = located("waiver::unmatched", Severity::Warning, message, w.span);
    if plan
        .rules
        .iter()
        .any(|r| r.id == *rule && r.group.is_some())
    {
        e.help = Some(Message::new("waiver-unmatched.help-group").text("rule", clip(rule)));
    }
    result.errors.push(e);
}

fn located(code: &str, severity: Severity, message: Message, span: Span) -> InputError {
    let mut e = file_error(code, severity, message, Some(0));
    e.place = Some(Place { file: 0, span });
    e
}
