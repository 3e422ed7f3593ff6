//! Merging per-file results in path order: file indices, duplicate ids
//! across files, unit scores, progress counts and the summary. The order of
//! everything here depends only on the inputs, never on thread timing.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use crate::eval::{self, Plan};
use crate::outcome::{
    Finding, GroupProgress, InputError, KindProgress, Label, Origin, Outcome, Pending, UnitScore,
};
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

/// One responsible unit, however many spellings it is written in.
struct Unit {
    /// The name every output shows: the registry's canonical name, else the
    /// clean form of the first spelling met in path order.
    name: Arc<str>,
    /// The first spelling met, as written, and where.
    first: Option<(String, usize, Span)>,
    /// Every spelling met, as written.
    spellings: HashSet<String>,
    tally: Tally,
}

/// Folds file results into an [`Outcome`] one at a time, in path order, so
/// memory holds the findings and the counts, never the records.
pub struct Merger<'p> {
    plan: &'p Plan,
    /// Every id seen, for duplicates across files.
    ids: super::ids::Ids,
    /// Units by key ([`crate::units`]).
    units: BTreeMap<String, Unit>,
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
        let names = self.add_units(outcome, file, &result.units);
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
            .extend(result.findings.into_iter().map(|f| Finding {
                file,
                unit: name(&f.unit).unwrap_or_else(|| f.unit.clone()),
                ..f
            }));
        outcome
            .pending
            .extend(result.pending.into_iter().map(|p| Pending {
                file,
                unit: name(&p.unit).map_or_else(|| p.unit.clone(), |n| n.to_string()),
                ..p
            }));
    }

    /// Count a file's unit spellings into their units; the name each
    /// spelling is shown by. A spelling of a unit met before under another
    /// spelling (and not declared by the registry) is a warning, once.
    fn add_units(
        &mut self,
        outcome: &mut Outcome,
        file: usize,
        spellings: &[file::Spelling],
    ) -> Vec<Arc<str>> {
        let registry = &self.plan.units;
        let mut names = Vec::with_capacity(spellings.len());
        for s in spellings {
            let unit = self.units.entry(s.key.clone()).or_insert_with(|| Unit {
                name: registry
                    .canonical(&s.name)
                    .map_or_else(|| crate::units::clean(&s.name), str::to_string)
                    .into(),
                first: None,
                spellings: HashSet::new(),
                tally: Tally::default(),
            });
            unit.tally.records += s.records;
            names.push(unit.name.clone());
            if !unit.spellings.insert(s.name.clone()) {
                continue;
            }
            let declared = registry.is_declared(&s.name);
            let unknown = !registry.is_empty() && registry.canonical(&s.name).is_none();
            let first = unit.first.clone();
            if first.is_none() {
                unit.first = Some((s.name.clone(), file, s.span));
            }
            if declared || unknown || (registry.is_empty() && first.is_none()) {
                continue;
            }
            let warning = lookalike(&s.name, (file, s.span), first, &unit.name, registry);
            for f in std::iter::once(file).chain(warning.related.iter().map(|r| r.1.file)) {
                ensure_text(outcome, f);
            }
            outcome.input_errors.push(warning);
        }
        names
    }

    pub fn finish(self, outcome: &mut Outcome) {
        self.ids.finish(outcome);
        let shown = |key: &str| self.units.get(key).map(|u| u.name.clone());
        for ((rule, key), tally) in &self.tallies {
            let by_unit = self.plan.rules[*rule].group.and_then(|g| g.by)
                == Some(crate::syntax::ast::GroupBy::Unit);
            let name = shown(key).filter(|_| by_unit);
            let key = name.as_deref().unwrap_or(key);
            match eval::group::judge(self.plan, *rule, key, tally) {
                Some(message) => outcome
                    .findings
                    .push(group_finding(self.plan, *rule, key, message)),
                None => outcome.passes[*rule] += 1,
            }
        }
        sort(outcome);
        let mut units = self.units;
        let keys: HashMap<Arc<str>, String> = units
            .iter()
            .map(|(key, u)| (u.name.clone(), key.clone()))
            .collect();
        for f in outcome
            .findings
            .iter()
            .filter(|f| !f.waived && !f.unit.is_empty())
        {
            let key = keys
                .get(&f.unit)
                .cloned()
                .unwrap_or_else(|| f.unit.to_string());
            let unit = units.entry(key).or_insert_with(|| Unit {
                name: f.unit.clone(),
                first: None,
                spellings: HashSet::new(),
                tally: Tally::default(),
            });
            unit.tally.findings += 1;
            unit.tally.penalty = unit.tally.penalty.saturating_add(f.penalty);
        }
        let names: HashMap<&str, &Arc<str>> = units
            .iter()
            .map(|(key, u)| (key.as_str(), &u.name))
            .collect();
        let mut by = Vec::with_capacity(self.groups.len());
        for ((key, round), mut progress) in self.groups {
            progress.retain(|k| k.total > 0);
            let unit = names
                .get(key.as_str())
                .map_or(key.clone(), |n| n.to_string());
            by.push(GroupProgress {
                unit,
                round,
                progress,
            });
        }
        by.sort_by(|a, b| (&a.unit, &a.round).cmp(&(&b.unit, &b.round)));
        outcome.progress_by = by;
        outcome.units = scores(self.plan, units);
        outcome.progress = self.progress;
        outcome.summary = summary(outcome);
    }
}

/// Read a record file's text again when it was not kept, so a diagnostic
/// about it can show its place.
pub(super) fn ensure_text(outcome: &mut Outcome, file: usize) {
    let source = &mut outcome.files[file];
    if source.text.is_none() {
        if let Ok(text) = std::fs::read_to_string(&source.name) {
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
        waiver_approved_by: None,
        waiver_until: None,
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

/// "unit `Wuxi Municipal Government ` is another spelling of `Wuxi
/// Municipal Government`", at the new spelling, with the first one as a
/// related place.
fn lookalike(
    name: &str,
    (file, span): (usize, Span),
    first: Option<(String, usize, Span)>,
    shown: &str,
    registry: &crate::units::Units,
) -> InputError {
    use crate::units::visible;
    let (message, related) = match &first {
        Some((first, at, span)) => (
            format!(
                "unit `{}` is another spelling of `{}`",
                visible(name),
                visible(first)
            ),
            vec![(
                Origin::Record,
                crate::outcome::Place {
                    file: *at,
                    span: *span,
                },
                format!("first written `{}` here", visible(first)),
            )],
        ),
        None => (
            format!(
                "unit `{}` is not written as the unit registry declares it",
                visible(name)
            ),
            Vec::new(),
        ),
    };
    let mut e = InputError::new(
        "unit::lookalike",
        Severity::Warning,
        message,
        Origin::Record,
        Some(crate::outcome::Place { file, span }),
    );
    e.related = related;
    let declared = if registry.is_empty() {
        String::new()
    } else {
        " (the name the unit registry declares)".to_string()
    };
    e.help = Some(format!(
        "both are scored as one unit, `{shown}`{declared}; write its name the same way everywhere"
    ));
    e
}

fn scores(plan: &Plan, units: BTreeMap<String, Unit>) -> Vec<UnitScore> {
    let scoring = &plan.scoring;
    let mut scores: Vec<UnitScore> = units
        .into_values()
        .map(|Unit { name, tally: t, .. }| {
            let unit = name.to_string();
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
        .collect();
    scores.sort_by(|a, b| a.unit.cmp(&b.unit));
    scores
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
