//! Group rules: a constraint over all the records of a group (per unit,
//! per region, per unit and round, …), like "the share of each unit's
//! petitions fully closed is at least 95%". Each record contributes an
//! observation while it is evaluated; the run adds them up per group;
//! [`judge`] gives one finding per failing group, with its figures as data
//! ([`Facts`]) and its penalty, proportional to the shortfall when the
//! rule says so ([`charge`]).

use crate::points::Points;
use crate::syntax::ast::{CmpOp, ShortDir};

use super::verdict::{GroupVerdict, PenaltyNote, Shortfall, ShortfallHow};

use super::plan::{ConstraintKind as C, Field, Plan, Rule};
use super::value::{Ctx, Tri, V, holds};

/// Between the parts of a group's key: a control character, which a key
/// ([`crate::units::key`]) never holds, so two groups never share a key.
pub const SEP: char = '\u{1f}';

/// What one record says about one group rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Observation {
    pub rule: usize,
    /// The group: per key, the value's identity, joined by [`SEP`].
    pub key: String,
    /// The group as written: per key, the value's clean form.
    pub shown: Vec<String>,
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
    /// The group as first written (in record order): per key, a clean form.
    pub shown: Vec<String>,
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
pub(crate) const SHOWN: usize = 20;

impl Tally {
    pub fn add(&mut self, rule: &Rule, obs: &Observation, record: &str) {
        self.records += 1;
        if self.shown.is_empty() {
            self.shown.clone_from(&obs.shown);
        }
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
        if self.shown.is_empty() {
            self.shown = other.shown;
        }
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
    /// What the rule groups by: `unit`, `region`, `unit and round`, or
    /// `all` (one group of every record).
    pub by: String,
    /// The group: its value (`all records` for `all`); for several keys,
    /// their values joined by `, `.
    pub value: String,
    /// Per key, what it is and the group's value of it (empty for `all`).
    pub keys: Vec<(String, String)>,
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

/// A failing group's finding: what it says and its facts.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub verdict: super::verdict::Verdict,
    pub facts: Facts,
    /// What the failing group costs its unit, and how it was reached
    /// when more than the fixed part was involved.
    pub penalty: Points,
    pub note: Option<PenaltyNote>,
}

/// The group a record falls in for a rule: per key, the value's identity
/// (joined by [`SEP`]) and its clean form. A unit compares through the
/// unit registry, any other text as a unit name does without one
/// ([`crate::units::key`]), so a lookalike spelling is the same group.
/// `Err` names the key the record has no value for.
pub(crate) fn place(ctx: &mut Ctx<'_>, rule: &Rule) -> Result<(String, Vec<String>), String> {
    let Some(group) = &rule.group else {
        return Ok((String::new(), Vec::new()));
    };
    let mut key = String::new();
    let mut shown = Vec::new();
    for (i, k) in group.keys.iter().enumerate() {
        let value = ctx.field(&k.field).v;
        let text = match &value {
            V::Str(s) if !crate::units::key(s).is_empty() => s.to_string(),
            V::Num(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            V::Num(n) => n.to_string(),
            V::Bool(b) => b.to_string(),
            V::Date(d) => d.to_string(),
            _ => return Err(k.name.clone()),
        };
        if i > 0 {
            key.push(SEP);
        }
        key.push_str(&match k.field {
            Field::Unit => ctx.plan.units.key(&text),
            _ => crate::units::key(&text),
        });
        shown.push(crate::units::clean(&text));
    }
    if group.keys.is_empty() {
        shown.push("all records".into());
    }
    Ok((key, shown))
}

/// What a rule groups by, as words: `unit`, `unit and round`, or `all`.
pub fn by(rule: &Rule) -> String {
    rule.group.as_ref().map_or_else(|| "all".into(), |g| g.by())
}

/// Per key of a group rule, its name and the group's value (empty for a
/// rule over all records).
fn keys(rule: &Rule, shown: &[String]) -> Vec<(String, String)> {
    let names = rule.group.as_ref().map_or(&[][..], |g| &g.keys[..]);
    (names.iter().zip(shown))
        .map(|(k, v)| (k.name.clone(), v.clone()))
        .collect()
}

/// A group as `explain` says it: ``unit `Xuzhou` and round `2` ``, or
/// `all records`.
pub fn describe(rule: &Rule, shown: &[String]) -> String {
    describe_in(crate::i18n::Lang::En.catalogue(), rule, shown)
}

/// [`describe`], in the words of `words`.
pub fn describe_in(words: &crate::i18n::Catalogue, rule: &Rule, shown: &[String]) -> String {
    let group = GroupVerdict {
        keys: keys(rule, shown),
        kind: String::new(),
        figures: Vec::new(),
    };
    group.group(words)
}

/// Evaluate a group rule's conditions on one record, in the group it
/// falls in (see [`place`]).
pub(crate) fn observe(
    ctx: &mut Ctx<'_>,
    index: usize,
    key: String,
    shown: Vec<String>,
) -> Observation {
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
        key,
        shown,
        holds,
    }
}

/// The verdict on one group, shown as `shown` (per key, the value as the
/// reports name it): `None` when every constraint is met, else its
/// finding's message, facts and penalty.
pub fn judge(plan: &Plan, index: usize, shown: &[String], tally: Tally) -> Option<Verdict> {
    let rule = &plan.rules[index];
    let kind = &plan.kinds[rule.kind].name;
    let (penalty, note) = charge(rule, &tally.holding, tally.records);
    let mut ids = tally.ids.into_iter();
    let mut figures = Vec::new();
    for (i, c) in rule.requires.iter().enumerate() {
        let records = ids.next().unwrap_or_default();
        let met = tally.holding.get(i).copied().unwrap_or(0);
        let unknown = tally.unknown.get(i).copied().unwrap_or(0);
        let Some(figure) = figure(&c.kind, met, tally.records) else {
            continue;
        };
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
    let keys = keys(rule, shown);
    let value = match keys.is_empty() {
        true => "all records".to_string(),
        false => shown.join(", "),
    };
    Some(Verdict {
        verdict: super::verdict::Verdict::Group(Box::new(GroupVerdict {
            keys: keys.clone(),
            kind: kind.clone(),
            figures: figures.clone(),
        })),
        facts: Facts {
            by: by(rule),
            value,
            keys,
            figures,
        },
        penalty,
        note,
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

/// The penalty of a failing group whose constraints held for `holding`
/// of its `members` records: the rule's fixed part, plus its points per
/// started unit of shortfall ([`shortfall`]), within its cap; and, when
/// more than the fixed part was involved, how it was reached.
pub fn charge(rule: &Rule, holding: &[u64], members: u64) -> (Points, Option<PenaltyNote>) {
    let p = &rule.penalty;
    let cap = p
        .cap
        .map_or(Points::MAX_PENALTY, |c| c.min(Points::MAX_PENALTY));
    let Some(short) = p.short else {
        return (p.fixed.min(cap), None);
    };
    let c = &rule.requires[short.constraint];
    let met = holding.get(short.constraint).copied().unwrap_or(0);
    let Some(fall) = shortfall(&c.kind, met, members) else {
        return (p.fixed.min(cap), None);
    };
    let total = p
        .fixed
        .saturating_add(short.points.saturating_mul(fall.units));
    let note = PenaltyNote::Shortfall {
        shortfall: fall,
        fixed: p.fixed,
        points: short.points,
        unit: short.unit,
        total,
        cap: (total > cap).then_some(cap),
    };
    (total.min(cap), Some(note))
}

/// The shortfall of `met` of `members` records against a share or count
/// constraint, exactly (no floating point); `None` for another constraint.
/// Zero units when the group meets it.
pub fn shortfall(kind: &C, met: u64, members: u64) -> Option<Shortfall> {
    let (op, strict) = match kind {
        C::Share { op, .. } | C::Count { op, .. } => (*op, matches!(op, CmpOp::Gt | CmpOp::Lt)),
        _ => return None,
    };
    let dir = match op {
        CmpOp::Ge | CmpOp::Gt => ShortDir::Below,
        CmpOp::Le | CmpOp::Lt => ShortDir::Over,
        CmpOp::Eq | CmpOp::Ne => return None,
    };
    let sign = |d: i128| if dir == ShortDir::Below { d } else { -d };
    // The shortfall is `num / den` units.
    let (num, den, how) = match kind {
        C::Share { threshold, .. } => {
            let members = i128::from(members.max(1));
            // In hundredths of a percentage point, times `members`.
            let num = sign(i128::from(threshold.0) * members - i128::from(met) * 10_000);
            let figure =
                Points(i64::try_from(div_round(i128::from(met) * 10_000, members)).unwrap_or(0));
            let short = Points(
                i64::try_from(
                    num.max(0).div_euclid(members) + i128::from(num.max(0) % members != 0),
                )
                .unwrap_or(0),
            );
            let how = ShortfallHow::Share {
                figure,
                short,
                below: dir == ShortDir::Below,
                threshold: *threshold,
                strict: None,
            };
            (num, members * 100, how)
        }
        C::Count { n, .. } => {
            // The bound a group must reach: `< 3` allows at most 2.
            let bound = i128::from(*n)
                + match op {
                    CmpOp::Gt => 1,
                    CmpOp::Lt => -1,
                    _ => 0,
                };
            let num = sign(bound - i128::from(met));
            let units = num.max(0);
            return Some(Shortfall {
                units: i64::try_from(units).unwrap_or(i64::MAX),
                how: ShortfallHow::Count {
                    met,
                    below: dir == ShortDir::Below,
                    bound,
                },
            });
        }
        _ => return None,
    };
    let units = match (strict, num) {
        (_, n) if n < 0 => 0,
        (false, 0) => 0,
        (false, n) => n.div_euclid(den) + i128::from(n % den != 0),
        (true, n) => n.div_euclid(den) + 1,
    };
    let how = match how {
        ShortfallHow::Share {
            figure,
            short,
            below,
            threshold,
            ..
        } => ShortfallHow::Share {
            figure,
            short,
            below,
            threshold,
            strict: (strict && units > 0).then_some(op),
        },
        count => count,
    };
    Some(Shortfall {
        units: i64::try_from(units).unwrap_or(i64::MAX),
        how,
    })
}

/// `num / den` rounded half up, for non-negative values.
fn div_round(num: i128, den: i128) -> i128 {
    (num + den / 2) / den.max(1)
}

pub use super::verdict::{required, shown};

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
