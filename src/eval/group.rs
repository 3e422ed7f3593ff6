//! Group rules: a constraint over all the records of a group (per unit,
//! round or kind), like "the share of each unit's petitions fully closed is
//! at least 95%". Each record contributes an observation while it is
//! evaluated; the run adds them up per group; [`judge`] gives one finding
//! per failing group, with its figures as data ([`Facts`]).

use crate::model::Record;
use crate::points::Points;
use crate::syntax::ast::{CmpOp, GroupBy};

use super::plan::{ConstraintKind as C, Plan, Rule};
use super::value::{Ctx, Tri, holds};

/// What one record says about one group rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Observation {
    pub rule: usize,
    /// The group: the unit, the round or the kind.
    pub key: String,
    /// Per constraint of the rule: whether its condition holds for the record.
    pub holds: Vec<Tri>,
}

/// The running counts of one group of one rule.
///
/// Memory: a group keeps, per constraint, only the ids its finding would
/// list ([`listed`]), and drops them once the constraint is met for good (a
/// `count of … >= n` that has reached `n`), so a run over a million records
/// keeps no ids of the records that pass.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub records: u64,
    /// Per constraint: records it held for.
    pub holding: Vec<u64>,
    /// Per constraint: records it could not be checked for (counted as not holding).
    pub unknown: Vec<u64>,
    /// Per constraint: the ids of the records its finding would list, in
    /// record order (see [`listed`]); emptied once it is settled.
    pub ids: Vec<Vec<String>>,
    /// Per constraint: met whatever records come later, so no ids are kept.
    pub settled: Vec<bool>,
}

/// Whether a group finding lists a record, given whether the constraint's
/// condition holds for it: `share of` lists the records that do not meet
/// the condition (unknown counts as not meeting it), `count of` the
/// records counted.
pub fn listed(kind: &C, holds: Tri) -> bool {
    match kind {
        C::Share { .. } => holds != Tri::True,
        C::Count { .. } => holds == Tri::True,
        _ => false,
    }
}

/// How many ids a message lists before "and N more" (the data lists all).
const SHOWN: usize = 20;

impl Tally {
    pub fn add(&mut self, rule: &Rule, obs: &Observation, record: &str) {
        self.records += 1;
        self.resize(obs.holds.len());
        for (i, t) in obs.holds.iter().enumerate() {
            self.holding[i] += u64::from(*t == Tri::True);
            self.unknown[i] += u64::from(*t == Tri::Unknown);
            let kind = rule.requires.get(i).map(|c| &c.kind);
            if !self.settled[i] && kind.is_some_and(|k| listed(k, *t)) {
                self.ids[i].push(record.to_string());
            }
        }
        self.settle(rule);
    }

    /// Fold another tally of the same group in (later files after earlier).
    pub fn merge(&mut self, rule: &Rule, other: Tally) {
        self.records += other.records;
        self.resize(other.holding.len());
        let others = other
            .holding
            .iter()
            .zip(&other.unknown)
            .zip(other.ids.into_iter().zip(&other.settled));
        for (i, ((holding, unknown), (ids, settled))) in others.enumerate() {
            self.holding[i] += holding;
            self.unknown[i] += unknown;
            // Counts only grow, so a part met for good makes the whole so.
            self.settled[i] |= settled;
            if self.settled[i] {
                self.ids[i] = Vec::new();
            } else {
                self.ids[i].extend(ids);
            }
        }
        self.settle(rule);
    }

    fn resize(&mut self, n: usize) {
        let n = n.max(self.holding.len());
        self.holding.resize(n, 0);
        self.unknown.resize(n, 0);
        self.ids.resize(n, Vec::new());
        self.settled.resize(n, false);
    }

    /// Drop the ids of every constraint that no later record can make fail.
    fn settle(&mut self, rule: &Rule) {
        for (i, c) in rule.requires.iter().enumerate().take(self.holding.len()) {
            let met_for_good = match &c.kind {
                C::Count {
                    op: op @ (CmpOp::Ge | CmpOp::Gt),
                    n,
                    ..
                } => holds(*op, self.holding[i].cmp(&u64::from(*n))),
                _ => false,
            };
            if met_for_good && !self.settled[i] {
                self.settled[i] = true;
                self.ids[i] = Vec::new();
            }
        }
    }
}

/// What a group rule is measured by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// `share of (…)`: a percentage of the group's records.
    Share,
    /// `count of (…)`: how many of the group's records.
    Count,
}

impl Measure {
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Share => "share",
            Measure::Count => "count",
        }
    }
}

/// A failing group, as data: which group, and each constraint it fails.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    /// What the rule groups by: `unit`, `round`, `kind`, or `all` (one
    /// group of every record).
    pub by: &'static str,
    /// The group: the unit, round or kind (`all records` for `all`).
    pub value: String,
    /// One per constraint the group fails, in the rule's order.
    pub figures: Vec<Figure>,
}

/// One group constraint's figure against its threshold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    /// The constraint as written (`share of (…) >= 95%`).
    pub constraint: String,
    pub measure: Measure,
    /// The comparison (`>=`).
    pub op: CmpOp,
    /// A share in percent to one decimal (a failing 94.96% reads 94.9, not
    /// 95); a count as a whole number.
    pub figure: Points,
    /// The percentage or the count the rule requires.
    pub threshold: Points,
    /// Records the condition held for.
    pub met: u64,
    /// Records in the group.
    pub members: u64,
    /// Records the condition could not be checked for (not met).
    pub unknown: u64,
    /// The ids behind the figure, in record order: for a share, the records
    /// that do not meet the condition; for a count, the records counted.
    pub records: Vec<String>,
}

/// A failing group's finding: its message and its facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub message: String,
    pub facts: Facts,
}

/// The group a record falls in for a rule. A unit group is the unit's key
/// ([`crate::units`]), so every spelling of a unit is one group.
pub fn key(rule: &Rule, record: &Record, units: &crate::units::Units) -> String {
    match rule.group.and_then(|g| g.by) {
        Some(GroupBy::Unit) => units.key(&record.unit.value),
        Some(GroupBy::Round) => record
            .round
            .as_ref()
            .map_or_else(|| "(no round)".into(), |r| r.value.clone()),
        Some(GroupBy::Kind) => record.kind.value.clone(),
        None => "all records".into(),
    }
}

/// The group a record falls in, as people write it: a unit's name cleaned
/// ([`crate::units::clean`]) rather than the key it is compared by.
pub fn group_of(rule: &Rule, record: &Record) -> String {
    match rule.group.and_then(|g| g.by) {
        Some(GroupBy::Unit) => crate::units::clean(&record.unit.value),
        _ => key(rule, record, &crate::units::Units::default()),
    }
}

/// What a rule groups by, as a word: `unit`, `round`, `kind` or `all`.
pub fn by(rule: &Rule) -> &'static str {
    match rule.group.and_then(|g| g.by) {
        Some(GroupBy::Unit) => "unit",
        Some(GroupBy::Round) => "round",
        Some(GroupBy::Kind) => "kind",
        None => "all",
    }
}

/// Evaluate a group rule's conditions on one record.
pub(crate) fn observe(ctx: &mut Ctx<'_>, index: usize) -> Observation {
    let rule = &ctx.plan.rules[index];
    let holds = rule
        .requires
        .iter()
        .map(|c| match &c.kind {
            C::Share { of, .. } | C::Count { of, .. } => ctx.truth(of),
            _ => Tri::Unknown,
        })
        .collect();
    Observation {
        rule: index,
        key: key(rule, ctx.record, &ctx.plan.units),
        holds,
    }
}

/// The verdict on one group: `None` when every constraint is met, else its
/// finding's message and facts (the penalty is the rule's fixed part).
pub fn judge(plan: &Plan, index: usize, key: &str, tally: Tally) -> Option<Verdict> {
    let rule = &plan.rules[index];
    let kind = &plan.kinds[rule.kind].name;
    let mut ids = tally.ids.into_iter();
    let mut figures = Vec::new();
    let mut parts = Vec::new();
    for (i, c) in rule.requires.iter().enumerate() {
        let records = ids.next().unwrap_or_default();
        let met = tally.holding.get(i).copied().unwrap_or(0);
        let unknown = tally.unknown.get(i).copied().unwrap_or(0);
        let Some(figure) = figure(&c.kind, met, tally.records) else {
            continue;
        };
        parts.push(describe(&c.text, &figure, kind, unknown, &records));
        figures.push(Figure {
            constraint: c.text.clone(),
            unknown,
            records,
            ..figure
        });
    }
    if figures.is_empty() {
        return None;
    }
    let by = by(rule);
    let group = match by {
        "all" => "all records".to_string(),
        by => format!("{by} `{key}`"),
    };
    Some(Verdict {
        message: format!("{group}: {}", parts.join("; ")),
        facts: Facts {
            by,
            value: key.to_string(),
            figures,
        },
    })
}

/// A constraint's figure when the group fails it, `None` when it is met
/// (an empty group meets every share).
fn figure(kind: &C, met: u64, members: u64) -> Option<Figure> {
    assess(kind, met, members).and_then(|(figure, holds)| (!holds).then_some(figure))
}

/// A group constraint's figure for `met` of `members` records, and whether
/// the group meets it; `None` for a constraint that is not a group one.
/// The figure's `constraint`, `unknown` and `records` are left empty.
pub fn assess(kind: &C, met: u64, members: u64) -> Option<(Figure, bool)> {
    let (measure, op, figure, threshold, ok) = match kind {
        C::Share { op, threshold, .. } => {
            let ok = members == 0 || share_holds(met, members, *op, *threshold);
            let figure = percent(met, members, *op, *threshold, ok);
            (Measure::Share, *op, figure, *threshold, ok)
        }
        C::Count { op, n, .. } => {
            let ok = holds(*op, met.cmp(&u64::from(*n)));
            let n = Points(i64::from(*n) * 100);
            (Measure::Count, *op, whole(met), n, ok)
        }
        _ => return None,
    };
    let figure = Figure {
        constraint: String::new(),
        measure,
        op,
        figure,
        threshold,
        met,
        members,
        unknown: 0,
        records: Vec::new(),
    };
    Some((figure, ok))
}

/// The penalty of a failing group: the rule's fixed part, within its cap.
pub fn penalty(rule: &Rule) -> Points {
    rule.penalty
        .fixed
        .min(rule.penalty.cap.unwrap_or(rule.penalty.fixed))
}

/// A figure as said in a message: `86.4%`, `3`.
pub fn shown(f: &Figure) -> String {
    match f.measure {
        Measure::Share => format!("{}%", f.figure),
        Measure::Count => f.figure.to_string(),
    }
}

/// What a constraint requires, as said in a message: `at least 95%`.
pub fn required(f: &Figure) -> String {
    match f.measure {
        Measure::Share => format!("{} {}%", words(f.op), f.threshold),
        Measure::Count => format!("{} {}", words(f.op), f.threshold),
    }
}

/// `` `share of (…) >= 95%` is 86.4% (19 of 22 `petition` records), at
/// least 95% required; records that do not meet it: … ``
fn describe(text: &str, f: &Figure, kind: &str, unknown: u64, records: &[String]) -> String {
    let of = format!("{} of {} `{kind}` records", f.met, f.members);
    let (figure, listed) = match f.measure {
        Measure::Share => (
            format!(
                "is {}% ({of}), {} {}% required",
                f.figure,
                words(f.op),
                f.threshold
            ),
            "records that do not meet it",
        ),
        Measure::Count => (
            format!("holds for {of}, {} {} required", words(f.op), f.threshold),
            "records counted",
        ),
    };
    let unknown = match unknown {
        0 => String::new(),
        n => format!(" ({n} could not be checked)"),
    };
    let list = match records.len() {
        0 => String::new(),
        n if n > SHOWN => format!(
            "; {listed}: {} and {} more",
            records[..SHOWN].join(", "),
            n - SHOWN
        ),
        _ => format!("; {listed}: {}", records.join(", ")),
    };
    format!("`{text}` {figure}{unknown}{list}")
}

/// Whether `met` of `members` meets a share threshold (in hundredths of a
/// percent), exactly: cross-multiplied, no division.
fn share_holds(met: u64, members: u64, op: CmpOp, threshold: Points) -> bool {
    let lhs = u128::from(met) * 10_000;
    let rhs = u128::try_from(threshold.0).unwrap_or(0) * u128::from(members);
    holds(op, lhs.cmp(&rhs))
}

/// `met` of `members` in percent, rounded to one decimal; when a failing
/// figure would round to one that meets the threshold (94.96% against
/// 95%), rounded away from it instead, so it never reads as passing.
fn percent(met: u64, members: u64, op: CmpOp, threshold: Points, ok: bool) -> Points {
    let (num, den) = (u128::from(met) * 1000, u128::from(members.max(1)));
    let tenths = |t: u128| Points(i64::try_from(t * 10).unwrap_or(i64::MAX));
    let rounded = tenths((num + den / 2) / den);
    if ok || !holds(op, rounded.cmp(&threshold)) {
        return rounded;
    }
    match op {
        CmpOp::Ge | CmpOp::Gt => tenths(num / den),
        _ => tenths(num.div_ceil(den)),
    }
}

fn whole(n: u64) -> Points {
    Points(
        i64::try_from(n)
            .unwrap_or(i64::MAX / 100)
            .saturating_mul(100),
    )
}

fn words(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "exactly",
        CmpOp::Ne => "other than",
        CmpOp::Lt => "below",
        CmpOp::Le => "at most",
        CmpOp::Gt => "above",
        CmpOp::Ge => "at least",
    }
}
