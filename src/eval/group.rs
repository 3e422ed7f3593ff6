//! Group rules: a constraint over all the records of a group (per unit,
//! round or kind), like "the share of each unit's petitions fully closed is
//! at least 95%". Each record contributes an observation while it is
//! evaluated; the run adds them up per group; [`judge`] gives one finding
//! per failing group.

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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub records: u64,
    /// Per constraint: records it held for.
    pub holding: Vec<u64>,
    /// Per constraint: records it could not be checked for (counted as not holding).
    pub unknown: Vec<u64>,
    /// Ids of the first records that did not meet every constraint (for messages).
    pub missed: Vec<String>,
    pub missed_count: u64,
}

/// How many ids a message lists before "and N more".
const SHOWN: usize = 20;

impl Tally {
    pub fn add(&mut self, obs: &Observation, record: &str) {
        self.records += 1;
        self.holding.resize(obs.holds.len(), 0);
        self.unknown.resize(obs.holds.len(), 0);
        for (i, t) in obs.holds.iter().enumerate() {
            self.holding[i] += u64::from(*t == Tri::True);
            self.unknown[i] += u64::from(*t == Tri::Unknown);
        }
        if obs.holds.iter().any(|t| *t != Tri::True) {
            self.missed_count += 1;
            if self.missed.len() < SHOWN {
                self.missed.push(record.to_string());
            }
        }
    }

    /// Fold another tally of the same group in (later files after earlier).
    pub fn merge(&mut self, other: Tally) {
        self.records += other.records;
        self.holding
            .resize(other.holding.len().max(self.holding.len()), 0);
        self.unknown
            .resize(other.unknown.len().max(self.unknown.len()), 0);
        for (a, b) in self.holding.iter_mut().zip(&other.holding) {
            *a += b;
        }
        for (a, b) in self.unknown.iter_mut().zip(&other.unknown) {
            *a += b;
        }
        self.missed_count += other.missed_count;
        let room = SHOWN.saturating_sub(self.missed.len());
        self.missed.extend(other.missed.into_iter().take(room));
    }
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

/// The verdict on one group: `None` when every constraint is met, else the
/// message of its finding (the penalty is the rule's fixed part).
pub fn judge(plan: &Plan, index: usize, key: &str, tally: &Tally) -> Option<String> {
    let rule = &plan.rules[index];
    let kind = &plan.kinds[rule.kind].name;
    let mut parts = Vec::new();
    for (i, c) in rule.requires.iter().enumerate() {
        let holding = tally.holding.get(i).copied().unwrap_or(0);
        let of = format!("{holding} of {} `{kind}` records", tally.records);
        let figure = match &c.kind {
            C::Share { op, threshold, .. } => share(holding, tally.records, *op, *threshold)
                .map(|pct| format!("is {pct} ({of}), {} {}% required", words(*op), threshold)),
            C::Count { op, n, .. } => count(holding, *op, *n)
                .then(|| format!("holds for {of}, {} {n} required", words(*op))),
            _ => None,
        };
        if let Some(figure) = figure {
            let unknown = tally.unknown.get(i).copied().unwrap_or(0);
            let unknown = if unknown > 0 {
                format!(" ({unknown} could not be checked)")
            } else {
                String::new()
            };
            parts.push(format!("`{}` {figure}{unknown}", c.text));
        }
    }
    if parts.is_empty() {
        return None;
    }
    let group = match rule.group.and_then(|g| g.by) {
        Some(GroupBy::Unit) => format!("unit `{key}`"),
        Some(GroupBy::Round) => format!("round `{key}`"),
        Some(GroupBy::Kind) => format!("kind `{key}`"),
        None => "all records".to_string(),
    };
    let more = tally.missed_count.saturating_sub(tally.missed.len() as u64);
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    let missed = if tally.missed.is_empty() {
        String::new()
    } else {
        format!(
            "; records that do not meet it: {}{more}",
            tally.missed.join(", ")
        )
    };
    Some(format!("{group}: {}{missed}", parts.join("; ")))
}

/// The share as a percentage with one decimal (`86.4%`) when it fails the
/// threshold, `None` when it is met (or the group is empty).
fn share(holding: u64, total: u64, op: CmpOp, threshold: Points) -> Option<String> {
    if total == 0 {
        return None;
    }
    // Exact: holding / total against threshold / 10000, cross-multiplied.
    let lhs = u128::from(holding) * 10_000;
    let rhs = u128::try_from(threshold.0).unwrap_or(0) * u128::from(total);
    if holds(op, lhs.cmp(&rhs)) {
        return None;
    }
    let tenths = (u128::from(holding) * 1000 + u128::from(total) / 2) / u128::from(total);
    Some(format!("{}.{}%", tenths / 10, tenths % 10))
}

/// Whether a count fails.
fn count(holding: u64, op: CmpOp, n: u32) -> bool {
    !holds(op, holding.cmp(&u64::from(n)))
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
