//! Merging per-file results in path order: file indices, duplicate ids
//! across files, unit scores, progress counts and the summary. The order of
//! everything here depends only on the inputs, never on thread timing.

use std::collections::BTreeMap;

use crate::eval::{self, Plan};
use crate::outcome::{
    Finding, GroupProgress, InputError, KindProgress, Label, Origin, Outcome, Pending, UnitScore,
};
use crate::points::Points;
use crate::syntax::ast::Severity;

use super::{file, file_error, source_file};

/// A problem met walking the record paths: `(path, code, severity, message)`.
pub type WalkError = (String, &'static str, Severity, String);

#[derive(Default)]
struct Tally {
    records: usize,
    findings: usize,
    penalty: Points,
}

/// Folds file results into an [`Outcome`] one at a time, in path order, so
/// memory holds the findings and the counts, never the records.
pub struct Merger<'p> {
    plan: &'p Plan,
    /// Every id seen, for duplicates across files.
    ids: super::ids::Ids,
    units: BTreeMap<String, Tally>,
    progress: Vec<KindProgress>,
    groups: BTreeMap<(String, Option<String>), Vec<KindProgress>>,
    /// Group rules: counts per (rule, group), in order.
    tallies: BTreeMap<(usize, String), eval::group::Tally>,
}

impl<'p> Merger<'p> {
    pub fn new(plan: &'p Plan, outcome: &mut Outcome, walk_errors: Vec<WalkError>) -> Merger<'p> {
        for (path, code, severity, message) in walk_errors {
            let file = outcome.files.len();
            outcome.files.push(source_file(path, None));
            outcome.record_files += 1;
            outcome
                .input_errors
                .push(file_error(code, severity, message, Some(file)));
        }
        outcome.passes = vec![0; plan.rules.len()];
        Merger {
            plan,
            ids: super::ids::Ids::default(),
            units: BTreeMap::new(),
            progress: file::progress_template(plan),
            groups: BTreeMap::new(),
            tallies: BTreeMap::new(),
        }
    }

    pub fn add(&mut self, outcome: &mut Outcome, result: file::Result) {
        let file = outcome.files.len();
        outcome.files.push(source_file(result.name, result.text));
        outcome.record_files += 1;
        for mut e in result.errors {
            if let Some(place) = &mut e.place {
                place.file = file;
            }
            outcome.input_errors.push(e);
        }
        for (id, span) in &result.ids {
            self.ids.add(file, *span, id, result.inline);
        }
        for (unit, n) in result.units {
            self.units.entry(unit).or_default().records += n;
        }
        file::add_progress(&mut self.progress, &result.progress);
        for (group, kinds) in result.groups {
            let into = self
                .groups
                .entry(group)
                .or_insert_with(|| file::progress_template(self.plan));
            file::add_progress(into, &kinds);
        }
        for (key, tally) in result.group_tallies {
            self.tallies.entry(key).or_default().merge(tally);
        }
        outcome.records += result.records;
        outcome.summary.pending += result.pending_count;
        for rule in result.passed {
            outcome.passes[rule] += 1;
        }
        outcome
            .findings
            .extend(result.findings.into_iter().map(|f| Finding { file, ..f }));
        outcome
            .pending
            .extend(result.pending.into_iter().map(|p| Pending { file, ..p }));
    }

    pub fn finish(self, outcome: &mut Outcome) {
        self.ids.finish(outcome);
        for ((rule, key), tally) in &self.tallies {
            match eval::group::judge(self.plan, *rule, key, tally) {
                Some(message) => outcome
                    .findings
                    .push(group_finding(self.plan, *rule, key, message)),
                None => outcome.passes[*rule] += 1,
            }
        }
        sort(outcome);
        let mut units = self.units;
        for f in outcome
            .findings
            .iter()
            .filter(|f| !f.waived && !f.unit.is_empty())
        {
            let tally = units.entry(f.unit.to_string()).or_default();
            tally.findings += 1;
            tally.penalty = tally.penalty.saturating_add(f.penalty);
        }
        outcome.units = scores(self.plan, units);
        outcome.progress = self.progress;
        outcome.progress_by = self
            .groups
            .into_iter()
            .map(|((unit, round), mut progress)| {
                progress.retain(|k| k.total > 0);
                GroupProgress {
                    unit,
                    round,
                    progress,
                }
            })
            .collect();
        outcome.summary = summary(outcome);
    }
}

/// Read a record file's text again when it was not kept, so a diagnostic
/// about it can show its place.
pub(super) fn ensure_text(outcome: &mut Outcome, file: usize) {
    let source = &mut outcome.files[file];
    if source.text.is_none() {
        let path = std::path::Path::new(&source.name);
        if let Ok(text) = crate::load::read_text(path, crate::load::MAX_FILE_SIZE) {
            *source = source_file(source.name.clone(), Some(std::sync::Arc::from(text)));
        }
    }
}

/// A failing group: located at the rule, costing the rule's fixed points,
/// counted against the unit when the rule groups by unit.
fn group_finding(plan: &Plan, index: usize, key: &str, message: String) -> Finding {
    let rule = &plan.rules[index];
    let by_unit = rule.group.and_then(|g| g.by) == Some(crate::syntax::ast::GroupBy::Unit);
    let label = Label {
        span: rule.id_span,
        text: "group rule".into(),
    };
    Finding {
        rule: index,
        severity: rule.severity,
        message,
        record: String::new(),
        kind: plan.kinds[rule.kind].name.as_str().into(),
        unit: if by_unit { key.into() } else { "".into() },
        file: rule.file,
        origin: Origin::Rule,
        labels: vec![label],
        due: None,
        actual: None,
        late_days: None,
        late_workdays: None,
        penalty: rule
            .penalty
            .fixed
            .min(rule.penalty.cap.unwrap_or(rule.penalty.fixed)),
        penalty_note: None,
        waived: false,
        line_col: None,
        waiver_reason: None,
        waiver_external: false,
        stage: None,
        overdue: false,
    }
}

fn sort(outcome: &mut Outcome) {
    let rules = &outcome.rules;
    // The key is unique (one finding per record per rule, one per group),
    // so an unstable sort is deterministic and needs no scratch memory.
    outcome.findings.sort_unstable_by(|a, b| {
        // Record files first, in path order; then group findings at their rules.
        fn key<'a>(f: &'a Finding, rules: &'a [crate::outcome::RuleInfo]) -> impl Ord + 'a {
            let at = f.labels.first().map_or(0, |l| l.span.start);
            (
                f.origin == Origin::Rule,
                f.file,
                at,
                &rules[f.rule].id,
                &f.record,
                &f.unit,
                &f.message,
            )
        }
        key(a, rules).cmp(&key(b, rules))
    });
    outcome.input_errors.sort_by(|a, b| {
        let key = |e: &InputError| {
            let origin = matches!(e.origin, Origin::Record);
            (
                origin,
                e.place.map(|p| (p.file, p.span.start)),
                e.code.clone(),
                e.message.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    outcome
        .pending
        .sort_by(|a, b| (a.file, &a.record, a.rule).cmp(&(b.file, &b.record, b.rule)));
}

fn scores(plan: &Plan, units: BTreeMap<String, Tally>) -> Vec<UnitScore> {
    let scoring = &plan.scoring;
    units
        .into_iter()
        .map(|(unit, t)| {
            let score = scoring.start.saturating_sub(t.penalty).max(scoring.floor);
            let grade = scoring.grade(score).to_string();
            UnitScore {
                unit,
                records: t.records,
                findings: t.findings,
                penalty: t.penalty,
                score,
                grade,
            }
        })
        .collect()
}

fn summary(outcome: &Outcome) -> crate::outcome::Summary {
    let mut s = crate::outcome::Summary {
        pending: outcome.summary.pending,
        ..Default::default()
    };
    for f in &outcome.findings {
        if f.waived {
            s.waived += 1;
            continue;
        }
        match f.severity {
            Severity::Error => s.errors += 1,
            Severity::Warning => s.warnings += 1,
            Severity::Info => s.infos += 1,
        }
        s.penalty = s.penalty.saturating_add(f.penalty);
    }
    s
}
