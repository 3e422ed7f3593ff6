//! Merging per-file results in path order: file indices, duplicate ids
//! across files, unit scores, progress counts and the summary. The order of
//! everything here depends only on the inputs, never on thread timing.

use std::collections::{BTreeMap, HashMap};

use crate::diag::Severity;
use crate::eval::{self, Plan};
use crate::outcome::{
    Finding, GroupProgress, KindProgress, Mark, Note, Origin, Outcome, Pending, Rendered,
};
use crate::points::Points;

use super::{Sink, file, file_error, source_file};

/// A problem met walking the record paths: `(path, code, severity, message)`.
pub type WalkError = (String, &'static str, Severity, crate::diag::Message);

/// Folds file results into an [`Outcome`] one at a time, in path order, so
/// memory holds the findings and the counts, never the records. Streaming
/// ([`Merger::streaming`]), it holds the counts only: each file's findings
/// are sorted, counted and handed to a [`Sink`] as the file is merged.
pub struct Merger<'p> {
    plan: &'p Plan,
    /// Where findings go as they are merged; `None`: into the outcome.
    sink: Option<&'p mut (dyn Sink + Send)>,
    /// The summary of the findings handed to the sink.
    streamed: crate::outcome::Summary,
    /// Every id seen, for duplicates across files.
    ids: super::ids::Ids,
    /// The units met, by key ([`crate::units`]).
    units: super::roster::Roster,
    progress: Vec<KindProgress>,
    groups: BTreeMap<(String, Option<String>), Vec<KindProgress>>,
    /// Group rules: counts per (rule, group), in order.
    tallies: BTreeMap<(usize, String), eval::group::Tally>,
    /// Calendar years needed and not covered: `(calendar, year)`.
    uncovered: std::collections::BTreeSet<(String, i16)>,
    /// Paths rules read that records have, or spell nearly.
    fields: super::dead_guard::Seen,
    /// Waiver files, waiving findings as they are merged.
    waivers: Option<super::waivers::FileWaivers>,
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
            sink: None,
            streamed: Default::default(),
            ids: super::ids::Ids::default(),
            units: super::roster::Roster::default(),
            progress: file::progress_template(plan),
            groups: BTreeMap::new(),
            tallies: BTreeMap::new(),
            uncovered: std::collections::BTreeSet::new(),
            fields: Default::default(),
            waivers: None,
        }
    }

    /// Waive the findings of every file merged from now on, and the group
    /// findings, with `waivers`.
    pub fn waive_with(&mut self, waivers: super::waivers::FileWaivers) {
        self.waivers = Some(waivers);
    }

    /// Add the waiver files to the outcome, with their diagnostics (which
    /// waivers matched nothing): once every finding is merged and judged.
    pub fn finish_waivers(&mut self, outcome: &mut Outcome) {
        if let Some(waivers) = self.waivers.take() {
            waivers.finish(outcome);
        }
    }

    /// Waive what the waiver files cover of `findings`; whether any was.
    fn waive(&mut self, outcome: &Outcome, findings: &mut [Finding]) -> bool {
        match &mut self.waivers {
            Some(waivers) => waivers.waive(findings, &outcome.rules, &self.plan.units),
            None => false,
        }
    }

    /// A merger that hands each file's findings to `sink`, sorted, and
    /// keeps none: [`Outcome::findings`] stays empty, while the summary and
    /// unit scores count every finding. The text of a file without input
    /// errors is dropped once its findings are handed on.
    pub fn streaming(
        plan: &'p Plan,
        outcome: &mut Outcome,
        walk_errors: Vec<WalkError>,
        sink: &'p mut (dyn Sink + Send),
    ) -> Merger<'p> {
        Merger {
            sink: Some(sink),
            ..Merger::new(plan, outcome, walk_errors)
        }
    }

    pub fn add(&mut self, outcome: &mut Outcome, result: file::Result) {
        // Errors about the file, its own or found merging it (a unit's
        // lookalike spelling), are shown at their place: its text stays.
        let errors_before = outcome.input_errors.len();
        let file = outcome.files.len();
        let source = super::indexed_source(result.name, result.text, result.lines);
        outcome.files.push(source);
        outcome.record_files += 1;
        self.fields.add(result.fields);
        for mut e in result.errors {
            if let Some(place) = &mut e.place {
                place.file = file;
            }
            outcome.input_errors.push(e);
        }
        for (id, span) in &result.ids {
            self.ids.add(file, *span, id, result.inline);
        }
        let names = (self.units).add(&self.plan.units, outcome, file, &result.units);
        let index: HashMap<&str, usize> = (result.units.iter().enumerate())
            .map(|(i, s)| (s.name.as_str(), i))
            .collect();
        let name = |spelling: &str| index.get(spelling).map(|&i| names[i].clone());
        file::add_progress(&mut self.progress, &result.progress);
        for (group, kinds) in result.groups {
            let into = self
                .groups
                .entry(group)
                .or_insert_with(|| file::progress_template(self.plan));
            file::add_progress(into, &kinds);
        }
        for out in result.uncovered {
            self.uncovered.insert((out.calendar, out.year));
        }
        for (key, tally) in result.group_tallies {
            let rule = &self.plan.rules[key.0];
            self.tallies.entry(key).or_default().merge(rule, tally);
        }
        outcome.records += result.records;
        outcome.summary.pending += result.pending_count;
        for rule in result.passed {
            outcome.passes[rule] += 1;
        }
        // Rendered on the worker with the units as the file spells them:
        // good unless the roster shows one by another name.
        let rendered = result.rendered.filter(|_| {
            (result.findings.iter()).all(|f| name(&f.unit).is_none_or(|n| n == f.unit))
        });
        let mut findings: Vec<Finding> = (result.findings.into_iter())
            .map(|f| Finding {
                file,
                unit: name(&f.unit).unwrap_or_else(|| f.unit.clone()),
                ..f
            })
            .collect();
        // A finding a waiver file waives reads otherwise than the worker
        // rendered it.
        let waived = self.waive(outcome, &mut findings);
        let rendered = rendered.filter(|_| !waived);
        if self.sink.is_some() {
            self.emit(outcome, findings, rendered);
            if outcome.input_errors.len() == errors_before {
                let source = &mut outcome.files[file];
                (source.text, source.lines) = (None, None);
            }
        } else {
            outcome.findings.extend(findings);
        }
        outcome
            .pending
            .extend(result.pending.into_iter().map(|p| Pending {
                file,
                unit: name(&p.unit).map_or_else(|| p.unit.clone(), |n| n.to_string()),
                ..p
            }));
    }

    /// Judge every group of every group rule: a finding per failing group.
    /// Call once every file is added and before waiver files are applied,
    /// so that they can waive group findings.
    pub fn judge_groups(&mut self, outcome: &mut Outcome) {
        let mut found = Vec::new();
        for ((rule, key), tally) in std::mem::take(&mut self.tallies) {
            // A unit is shown by its name in the roster (the registry's, or
            // its first spelling), whatever spelling the group met first.
            let mut shown = tally.shown.clone();
            let at = self.plan.rules[rule].group.as_ref().and_then(|g| g.unit());
            if let Some(at) = at {
                let unit = key.split(eval::group::SEP).nth(at).unwrap_or_default();
                if let (Some(name), Some(slot)) = (self.units.name(unit), shown.get_mut(at)) {
                    *slot = name.to_string();
                }
            }
            match eval::group::judge(self.plan, rule, &shown, tally) {
                Some(verdict) => {
                    let unit = at.and_then(|at| shown.get(at)).map(String::as_str);
                    found.push(group_finding(self.plan, rule, unit, verdict));
                }
                None => outcome.passes[rule] += 1,
            }
        }
        self.waive(outcome, &mut found);
        if self.sink.is_some() {
            self.emit(outcome, found, None);
        } else {
            outcome.findings.extend(found);
        }
    }

    /// Hand one file's findings (or the group findings) to the sink,
    /// sorted as the report orders them, after counting them; `rendered`:
    /// already sorted and rendered on the worker.
    fn emit(&mut self, outcome: &Outcome, mut findings: Vec<Finding>, rendered: Option<Rendered>) {
        if findings.is_empty() {
            return;
        }
        if rendered.is_none() {
            sort_findings(&outcome.rules, &mut findings);
        }
        self.units.charge(&findings);
        for f in &findings {
            count(&mut self.streamed, f);
        }
        if let Some(sink) = self.sink.as_mut() {
            match rendered {
                Some(rendered) => sink.rendered(outcome, &findings, rendered),
                None => sink.findings(outcome, &findings),
            }
        }
    }

    /// Sort, score units (waived findings cost nothing) and sum up. Group
    /// rules are judged first if [`Merger::judge_groups`] was not called.
    pub fn finish(mut self, outcome: &mut Outcome) {
        (outcome.input_errors).extend(self.fields.warnings(self.plan));
        self.judge_groups(outcome);
        self.ids.finish(outcome);
        for (calendar, year) in &self.uncovered {
            let error = super::calendar_edge::uncovered(outcome, calendar, *year);
            outcome.input_errors.push(error);
        }
        sort(outcome);
        let mut units = self.units;
        units.charge(&outcome.findings);
        let mut by = Vec::with_capacity(self.groups.len());
        for ((key, round), mut progress) in self.groups {
            progress.retain(|k| k.total > 0);
            let unit = units.name(&key).map_or(key.clone(), |n| n.to_string());
            by.push(GroupProgress {
                unit,
                round,
                progress,
            });
        }
        by.sort_by(|a, b| (&a.unit, &a.round).cmp(&(&b.unit, &b.round)));
        outcome.progress_by = by;
        outcome.units = units.scores(self.plan);
        outcome.progress = self.progress;
        outcome.summary = match self.sink {
            Some(_) => crate::outcome::Summary {
                pending: outcome.summary.pending,
                ..self.streamed
            },
            None => summary(outcome),
        };
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

/// A failing group: located at the rule, costing what the rule charges
/// ([`eval::group::charge`]), counted against `unit` when the rule groups
/// by unit (the only group rules that may have a penalty).
fn group_finding(
    plan: &Plan,
    index: usize,
    unit: Option<&str>,
    verdict: eval::group::Verdict,
) -> Finding {
    let rule = &plan.rules[index];
    let label = Mark {
        span: rule.id_span,
        note: Note::GroupRule,
    };
    Finding {
        rule: index,
        severity: rule.severity,
        verdict: verdict.verdict,
        record: String::new(),
        kind: plan.kinds[rule.kind].name.as_str().into(),
        unit: unit.unwrap_or_default().into(),
        file: rule.file,
        origin: Origin::Rule,
        labels: vec![label],
        due: None,
        actual: None,
        late_days: None,
        late_workdays: None,
        penalty: verdict.penalty,
        penalty_note: verdict.note.map(Box::new),
        reward: Points::ZERO,
        early_days: None,
        early_workdays: None,
        waived: false,
        line_col: None,
        waiver_reason: None,
        waiver_external: false,
        waiver_approved_by: None,
        waiver_until: None,
        stage: None,
        overdue: false,
        group: Some(Box::new(verdict.facts)),
    }
}

fn sort(outcome: &mut Outcome) {
    sort_findings(&outcome.rules, &mut outcome.findings);
    // Ties are broken by the message as English says it, so the order is
    // the same in every language.
    outcome.input_errors.sort_by_cached_key(|e| {
        (
            matches!(e.origin, Origin::Record),
            e.place.map(|p| (p.file, p.span.start)),
            e.code.clone(),
            e.message.english(),
        )
    });
    outcome
        .pending
        .sort_by(|a, b| (a.file, &a.record, a.rule).cmp(&(b.file, &b.record, b.rule)));
}

/// Findings in the report's order: record files first, in path order, by
/// position, rule, record and unit; then group findings at their rules.
/// File is the first key, so sorting each file's findings apart and
/// merging files in path order gives the same order as one sort.
pub(super) fn sort_findings(rules: &[crate::outcome::RuleInfo], findings: &mut [Finding]) {
    // The key is unique (one finding per record per rule, one per group),
    // so an unstable sort is deterministic and needs no scratch memory.
    findings.sort_unstable_by(|a, b| {
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
            )
        }
        // Ties (two groups of one rule that is not per unit) are broken
        // by the message, as English says it.
        key(a, rules).cmp(&key(b, rules)).then_with(|| {
            let words = crate::i18n::Lang::En.catalogue();
            a.message(words).cmp(&b.message(words))
        })
    });
}

fn summary(outcome: &Outcome) -> crate::outcome::Summary {
    let mut s = crate::outcome::Summary {
        pending: outcome.summary.pending,
        ..Default::default()
    };
    for f in &outcome.findings {
        count(&mut s, f);
    }
    s
}

/// Count one finding into a summary.
fn count(s: &mut crate::outcome::Summary, f: &Finding) {
    if f.waived {
        s.waived += 1;
        return;
    }
    match f.severity {
        Severity::Error => s.errors += 1,
        Severity::Warning => s.warnings += 1,
        Severity::Info => s.infos += 1,
        Severity::Commendation => s.commendations += 1,
    }
    s.penalty = s.penalty.saturating_add(f.penalty);
    s.reward = s.reward.saturating_add(f.reward);
}
