//! Merging per-file results in path order: file indices, duplicate ids
//! across files, unit scores, progress counts and the summary. The order of
//! everything here depends only on the inputs, never on thread timing.

use std::collections::{BTreeMap, HashMap};

use crate::eval::Plan;
use crate::model::Status;
use crate::outcome::{InputError, KindProgress, Origin, Outcome, Place, UnitScore};
use crate::points::Points;
use crate::source::Span;
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

pub fn merge(
    outcome: &mut Outcome,
    plan: &Plan,
    results: Vec<file::Result>,
    walk_errors: Vec<WalkError>,
) {
    for (path, code, severity, message) in walk_errors {
        let file = outcome.files.len();
        outcome.files.push(source_file(path, None));
        outcome
            .input_errors
            .push(file_error(code, severity, message, Some(file)));
    }
    let mut ids: HashMap<String, (usize, Span)> = HashMap::new();
    let mut units: BTreeMap<String, Tally> = BTreeMap::new();
    let mut progress: Vec<KindProgress> = plan
        .kinds
        .iter()
        .map(|k| KindProgress {
            kind: k.name.clone(),
            ..KindProgress::default()
        })
        .collect();
    let mut groups: BTreeMap<(String, Option<String>), Vec<KindProgress>> = BTreeMap::new();
    for result in results {
        let file = outcome.files.len();
        outcome.files.push(source_file(result.name, result.text));
        for mut e in result.errors {
            if let Some(place) = &mut e.place {
                place.file = file;
            }
            outcome.input_errors.push(e);
        }
        for r in &result.records {
            if let Some(&(first_file, first_span)) = ids.get(&r.id) {
                outcome
                    .input_errors
                    .push(duplicate_id(&r.id, file, r.id_span, first_file, first_span));
            } else {
                ids.insert(r.id.clone(), (file, r.id_span));
            }
            units.entry(r.unit.clone()).or_default().records += 1;
            count(&mut progress, r);
            let group = (r.unit.clone(), r.round.clone());
            let kinds = groups
                .entry(group)
                .or_insert_with(|| progress_template(plan));
            count(kinds, r);
        }
        outcome.records += result.records.len();
        outcome.passes.resize(plan.rules.len(), 0);
        for rule in result.passed {
            outcome.passes[rule] += 1;
        }
        outcome
            .findings
            .extend(result.findings.into_iter().map(|mut f| {
                f.file = file;
                f
            }));
        outcome
            .pending
            .extend(result.pending.into_iter().map(|mut p| {
                p.file = file;
                p
            }));
    }
    sort(outcome);
    for f in outcome.findings.iter().filter(|f| !f.waived) {
        let tally = units.entry(f.unit.clone()).or_default();
        tally.findings += 1;
        tally.penalty = tally.penalty.saturating_add(f.penalty);
    }
    outcome.units = scores(plan, units);
    outcome.progress = progress;
    outcome.progress_by = groups
        .into_iter()
        .map(|((unit, round), mut kinds)| {
            kinds.retain(|k| k.total > 0);
            crate::outcome::GroupProgress {
                unit,
                round,
                progress: kinds,
            }
        })
        .collect();
    outcome.summary = summary(outcome);
}

fn duplicate_id(
    id: &str,
    file: usize,
    span: Span,
    first_file: usize,
    first_span: Span,
) -> InputError {
    InputError {
        code: "record::duplicate-id".into(),
        severity: Severity::Error,
        message: format!("record id `{id}` is used twice"),
        origin: Origin::Record,
        place: Some(Place { file, span }),
        labels: Vec::new(),
        related: vec![(
            Origin::Record,
            Place {
                file: first_file,
                span: first_span,
            },
            "first used here".into(),
        )],
        help: Some("ids must be unique across every file checked".into()),
    }
}

fn progress_template(plan: &Plan) -> Vec<KindProgress> {
    plan.kinds
        .iter()
        .map(|k| KindProgress {
            kind: k.name.clone(),
            ..KindProgress::default()
        })
        .collect()
}

fn count(progress: &mut [KindProgress], r: &file::Summary) {
    let Some(p) = progress.iter_mut().find(|p| p.kind == r.kind) else {
        return;
    };
    p.total += 1;
    match r.status {
        Some(Status::Completed) => p.completed += 1,
        Some(Status::Staged) => p.staged += 1,
        Some(Status::InProgress) => p.in_progress += 1,
        Some(Status::NotStarted) | None => p.not_started += 1,
    }
    if r.overdue {
        p.overdue += 1;
    }
    if r.final_recorded && r.status != Some(Status::Staged) {
        p.closed += 1;
    }
}

fn sort(outcome: &mut Outcome) {
    let rules = &outcome.rules;
    outcome.findings.sort_by(|a, b| {
        let at = |f: &crate::outcome::Finding| f.labels.first().map_or(0, |l| l.span.start);
        (a.file, at(a), &rules[a.rule].id, &a.record).cmp(&(
            b.file,
            at(b),
            &rules[b.rule].id,
            &b.record,
        ))
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
        pending: outcome.pending.len(),
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
