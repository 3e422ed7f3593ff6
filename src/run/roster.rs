//! The roster of responsible units met in a run: one entry per unit key
//! ([`crate::units`]), however many spellings the records use, with the
//! name every output shows, its record and penalty tallies, and a warning
//! for each new spelling.
//!
//! The shown name is the registry's canonical name, else the clean form of
//! the first spelling met in path order (files are merged in path order, so
//! it does not depend on `--jobs`).
//!
//! Owns: unit keys, shown names, spellings, unit scores. Must not: decide
//! what a unit is (that is [`crate::units`]).

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use crate::diag::{Message, Severity};
use crate::eval::Plan;
use crate::outcome::{Finding, InputError, Origin, Outcome, Place, UnitScore};
use crate::points::Points;
use crate::source::Span;
use crate::units::{Units, visible};

use super::file::Spelling;

#[derive(Default)]
struct Tally {
    records: usize,
    findings: usize,
    penalty: Points,
    commendations: usize,
    reward: Points,
}

/// One responsible unit, however many spellings it is written in.
struct Unit {
    name: Arc<str>,
    /// The first spelling met, as written, and where (file, span).
    first: Option<(String, usize, Span)>,
    /// Every spelling met, as written.
    spellings: HashSet<String>,
    tally: Tally,
}

impl Unit {
    fn new(name: Arc<str>) -> Unit {
        Unit {
            name,
            first: None,
            spellings: HashSet::new(),
            tally: Tally::default(),
        }
    }
}

#[derive(Default)]
pub struct Roster {
    /// Units by key.
    units: BTreeMap<String, Unit>,
    /// The key of each shown name.
    keys: HashMap<Arc<str>, String>,
}

impl Roster {
    /// Count a file's spellings into their units; the name each spelling is
    /// shown by, in order. A spelling of a unit met before under another
    /// spelling (and not declared by the registry) is a warning, once.
    pub fn add(
        &mut self,
        registry: &Units,
        outcome: &mut Outcome,
        file: usize,
        spellings: &[Spelling],
    ) -> Vec<Arc<str>> {
        let mut names = Vec::with_capacity(spellings.len());
        for s in spellings {
            let unit = self.unit(&s.key, || {
                registry
                    .canonical(&s.name)
                    .map_or_else(|| crate::units::clean(&s.name), str::to_string)
                    .into()
            });
            unit.tally.records += s.records;
            names.push(unit.name.clone());
            if !unit.spellings.insert(s.name.clone()) {
                continue;
            }
            let first = unit.first.clone();
            if first.is_none() {
                unit.first = Some((s.name.clone(), file, s.span));
            }
            let declared = registry.is_declared(&s.name);
            let undeclared = !registry.is_empty() && registry.canonical(&s.name).is_none();
            if declared || undeclared || (registry.is_empty() && first.is_none()) {
                continue;
            }
            let shown = unit.name.clone();
            let warning = lookalike(&s.name, (file, s.span), first, &shown, registry);
            for f in std::iter::once(file).chain(warning.related.iter().map(|r| r.1.file)) {
                super::merge::ensure_text(outcome, f);
            }
            outcome.input_errors.push(warning);
        }
        names
    }

    /// The name a unit key is shown by.
    pub fn name(&self, key: &str) -> Option<&Arc<str>> {
        self.units.get(key).map(|u| &u.name)
    }

    /// Charge each finding that is not waived to its unit, and credit it
    /// with each commendation.
    pub fn charge(&mut self, findings: &[Finding]) {
        for f in findings.iter().filter(|f| !f.waived && !f.unit.is_empty()) {
            let key = self.keys.get(&f.unit).cloned();
            let key = key.unwrap_or_else(|| f.unit.to_string());
            let unit = self.unit(&key, || f.unit.clone());
            if f.severity == Severity::Commendation {
                unit.tally.commendations += 1;
                unit.tally.reward = unit.tally.reward.saturating_add(f.reward);
            } else {
                unit.tally.findings += 1;
                unit.tally.penalty = unit.tally.penalty.saturating_add(f.penalty);
            }
        }
    }

    /// Every unit's score and grade, by shown name.
    pub fn scores(self, plan: &Plan) -> Vec<UnitScore> {
        let scoring = &plan.scoring;
        let mut scores: Vec<UnitScore> = (self.units.into_values())
            .map(|Unit { name, tally: t, .. }| {
                let score = scoring.score(t.penalty, t.reward);
                let grade = scoring.grade(score);
                UnitScore {
                    unit: name.to_string(),
                    records: t.records,
                    findings: t.findings,
                    penalty: t.penalty,
                    commendations: t.commendations,
                    reward: t.reward,
                    score,
                    grade: grade.to_string(),
                    grade_titles: scoring.titles(grade).to_vec(),
                }
            })
            .collect();
        scores.sort_by(|a, b| a.unit.cmp(&b.unit));
        scores
    }

    fn unit(&mut self, key: &str, name: impl FnOnce() -> Arc<str>) -> &mut Unit {
        match self.units.entry(key.to_string()) {
            Entry::Occupied(unit) => unit.into_mut(),
            Entry::Vacant(slot) => {
                let name = name();
                self.keys.insert(name.clone(), key.to_string());
                slot.insert(Unit::new(name))
            }
        }
    }
}

/// "unit `Wuxi Municipal Government ` is another spelling of `Wuxi
/// Municipal Government`", at the new spelling, with the first one as a
/// related place.
fn lookalike(
    name: &str,
    (file, span): (usize, Span),
    first: Option<(String, usize, Span)>,
    shown: &str,
    registry: &Units,
) -> InputError {
    let (message, related) = match &first {
        Some((first, at, span)) => (
            Message::new("unit-lookalike")
                .text("name", visible(name))
                .text("first", visible(first)),
            vec![(
                Origin::Record,
                Place {
                    file: *at,
                    span: *span,
                },
                Message::new("unit-lookalike.first").text("first", visible(first)),
            )],
        ),
        None => (
            Message::new("unit-lookalike-registry").text("name", visible(name)),
            Vec::new(),
        ),
    };
    let place = Some(Place { file, span });
    let mut e = InputError::new(
        "unit::lookalike",
        Severity::Warning,
        message,
        Origin::Record,
        place,
    );
    e.related = related;
    let declared = if registry.is_empty() { "no" } else { "yes" };
    e.help = Some(
        Message::new("unit-lookalike.help")
            .text("shown", shown)
            .text("declared", declared),
    );
    e
}
