//! Evaluating one record against the plan: each rule gives at most one
//! finding, naming every part that failed.

use jiff::civil::Date;

use crate::calendar;
use crate::diag::Severity;
use crate::i18n::{Args, Catalogue};
use crate::model::Record;
use crate::points::Points;
use crate::source::Span;
use crate::syntax::ast::Unit;
use crate::syntax::ast::{OrderOp, RollPolicy};

use super::penalty;
use super::plan::{Constraint, ConstraintKind as C, DurationExpr, Penalty, Plan, Rule};
use super::value::{Ctx, ExtScope, Tri, deadline_before};
use super::verdict::{
    Amount, Due as DueSaid, Earliness, Fact, Lateness, Note, PenaltyNote, Reason, Scope, Verdict,
};

/// A rule that does not hold for a record (file-local: spans are in the
/// record's file).
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Index into [`Plan::rules`].
    pub rule: usize,
    pub severity: Severity,
    /// What was found, as data (said by [`Verdict::message`]).
    pub verdict: Verdict,
    /// In the record file; the first is the primary location.
    pub labels: Vec<(Span, Note)>,
    pub late: Option<Late>,
    pub penalty: Points,
    pub penalty_note: Option<PenaltyNote>,
    /// How early a reward rule's deadline was met (`due` is the due date,
    /// `actual` the stage's date; `days`, `workdays` before the due date).
    pub early: Option<Late>,
    /// A commendation's points (zero for every other finding); how they
    /// were reached goes in `penalty_note`.
    pub reward: Points,
    /// The rule could not be checked for lack of data: error, no penalty.
    pub cannot_check: bool,
}

/// How late a deadline was met, or how long it has been overdue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Late {
    /// Index of the stage in the kind's pipeline.
    pub stage: usize,
    pub due: Date,
    /// The stage's date, or the evaluation date when overdue.
    pub actual: Date,
    pub overdue: bool,
    pub days: i64,
    /// `None` when the calendar does not cover the span.
    pub workdays: Option<i64>,
}

/// A required stage not yet recorded and not yet due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    pub rule: usize,
    pub stage: usize,
    pub due: Date,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Verdicts {
    pub findings: Vec<Finding>,
    pub pending: Vec<Pending>,
    /// Rules that applied to the record and held (for rule-test coverage).
    pub passed: Vec<usize>,
    /// What the record contributes to group rules.
    pub observations: Vec<super::group::Observation>,
    /// Calendar years a computation needed and no loaded calendar covers
    /// (each such rule gave a "cannot check" finding).
    pub uncovered: Vec<calendar::OutOfRange>,
}

enum Part {
    Pass,
    /// A deadline met: the stage, its date and its due date; for a reward
    /// rule, how early ([`early`]) and the constraint as written.
    Met(usize, Date, Date),
    Early(Late, String),
    Pending(usize, Date),
    Fail {
        facts: Vec<Fact>,
        labels: Vec<(Span, Note)>,
        late: Option<Late>,
    },
    Unknown(Vec<Reason>),
}

/// Evaluate every rule for the record's kind. A record whose kind no
/// pipeline declares gets nothing here (the loader reports the kind).
pub fn evaluate(plan: &Plan, record: &Record, as_of: Date, out: &mut Verdicts) {
    let Some(k) = plan.kinds.iter().position(|k| k.name == record.kind.value) else {
        return;
    };
    for (index, _) in plan.rules.iter().enumerate().filter(|(_, r)| r.kind == k) {
        let mut ctx = Ctx::new(plan, &plan.kinds[k], record, as_of);
        evaluate_rule(&mut ctx, index, out);
        add_uncovered(&mut out.uncovered, ctx.uncovered);
    }
}

/// Add calendar years not covered to a list, each once.
pub fn add_uncovered(
    into: &mut Vec<calendar::OutOfRange>,
    from: impl IntoIterator<Item = calendar::OutOfRange>,
) {
    for out in from {
        if !into.contains(&out) {
            into.push(out);
        }
    }
}

/// Evaluate one rule (of the record's kind) in `ctx`; with `ctx.trace` set,
/// every step of the derivation is recorded there.
pub(crate) fn evaluate_rule(ctx: &mut Ctx<'_>, index: usize, out: &mut Verdicts) {
    let rule = &ctx.plan.rules[index];
    judge(ctx, index, rule, out);
}

/// Evaluate `rule` (numbered `index` in what it gives) in `ctx`.
pub(crate) fn judge(ctx: &mut Ctx<'_>, index: usize, rule: &Rule, out: &mut Verdicts) {
    let record = ctx.record;
    if let Some(when) = &rule.when {
        let truth = ctx.truth(when);
        ctx.step(|w| {
            let args = Args::new().text("when", when.text.as_str());
            w.format(describe_truth(truth), &args)
        });
        match truth {
            Tri::False => return,
            Tri::True => {}
            Tri::Unknown => {
                let reasons = std::mem::take(&mut ctx.unknown);
                let finding = cannot_check(index, record, reasons, Scope::Applies);
                out.findings.push(finding);
                return;
            }
        }
    }
    if rule.group.is_some() {
        // A record without a value of a grouping field is in no group: it
        // cannot be counted, and says so rather than drop out of the figure.
        let (key, shown) = match super::group::place(ctx, rule) {
            Ok(place) => place,
            Err(field) => {
                let by = rule.group.as_ref().map_or_else(Vec::new, |g| {
                    g.keys.iter().map(|k| k.name.clone()).collect()
                });
                let reason = Reason::GroupField { field, by };
                ctx.step(|w| {
                    let args = Args::new().text("reason", reason.say(w));
                    w.format("explain-cannot-check-reason", &args)
                });
                out.findings
                    .push(cannot_check(index, record, vec![reason], Scope::Group));
                return;
            }
        };
        ctx.step(|w| {
            let group = super::group::describe_in(w, rule, &shown);
            w.format("explain-counts-towards", &Args::new().text("group", group))
        });
        let obs = super::group::observe(ctx, index, key, shown);
        out.observations.push(obs);
        return;
    }
    let mut parts = Vec::new();
    for c in &rule.requires {
        ctx.step(|w| require(w, &c.text));
        let part = match check(ctx, c) {
            Part::Met(stage, date, due) if rule.reward.is_some() => {
                early(ctx, (stage, date, due), &c.text)
            }
            Part::Met(..) => Part::Pass,
            part => part,
        };
        ctx.step(|w| {
            let said = match &part {
                Part::Pass | Part::Met(..) => w.text("explain-part-holds"),
                Part::Early(e, _) => {
                    let args = Args::new()
                        .text("amount", lateness(e).say(w))
                        .text("due", e.due.to_string());
                    w.format("explain-part-early", &args)
                }
                Part::Pending(_, due) => w.format(
                    "explain-part-pending",
                    &Args::new().text("due", due.to_string()),
                ),
                Part::Fail { facts, .. } => {
                    let failed = Verdict::Failed {
                        parts: facts.clone(),
                        rest: Vec::new(),
                    };
                    let args = Args::new().text("message", failed.message(w));
                    w.format("explain-part-fails", &args)
                }
                Part::Unknown(reasons) => {
                    let args = Args::new().text("reasons", Reason::list(w, reasons));
                    w.format("explain-part-unknown", &args)
                }
            };
            format!("  -> {said}")
        });
        parts.push(part);
    }
    match &rule.reward {
        Some(reward) => commend(index, (reward, &ctx.kind.stages), record, parts, out),
        None => verdict(index, rule, record, parts, out),
    }
}

/// The message saying what a rule's `when` gave.
fn describe_truth(truth: Tri) -> &'static str {
    match truth {
        Tri::True => "explain-when-holds",
        Tri::False => "explain-when-fails",
        Tri::Unknown => "explain-when-unknown",
    }
}

/// `require `…``: a step naming the constraint it details.
pub(crate) fn require(words: &Catalogue, text: &str) -> String {
    words.format("explain-require", &Args::new().text("text", text))
}

fn verdict(index: usize, rule: &Rule, record: &Record, parts: Vec<Part>, out: &mut Verdicts) {
    let (mut facts, mut labels, mut late, mut unknown) = (Vec::new(), Vec::new(), None, Vec::new());
    for part in parts {
        match part {
            Part::Pass | Part::Met(..) | Part::Early(..) => {}
            Part::Pending(stage, due) => out.pending.push(Pending {
                rule: index,
                stage,
                due,
            }),
            Part::Fail {
                facts: f,
                labels: l,
                late: t,
            } => {
                facts.extend(f);
                labels.extend(l);
                late = late.or(t);
            }
            Part::Unknown(reasons) => unknown.extend(reasons),
        }
    }
    if facts.is_empty() {
        if unknown.is_empty() {
            out.passed.push(index);
        } else {
            out.findings
                .push(cannot_check(index, record, unknown, Scope::Rule));
        }
        return;
    }
    let (points, note) = penalty::compute(&rule.penalty, late.as_ref());
    out.findings.push(Finding {
        rule: index,
        severity: rule.severity,
        verdict: Verdict::Failed {
            parts: facts,
            rest: unknown,
        },
        labels,
        late,
        penalty: points,
        penalty_note: note,
        early: None,
        reward: Points::ZERO,
        cannot_check: false,
    });
}

/// A reward rule's verdict: a commendation when every part holds; nothing
/// when any fails, is pending or cannot be checked (missing data earns no
/// reward, and is no failure of a rule that only rewards).
fn commend(
    index: usize,
    (reward, stages): (&Penalty, &[String]),
    record: &Record,
    parts: Vec<Part>,
    out: &mut Verdicts,
) {
    let mut early = None;
    for part in parts {
        match part {
            Part::Pass | Part::Met(..) => {}
            Part::Early(e, text) => early = early.or(Some((e, text))),
            Part::Pending(..) | Part::Fail { .. } | Part::Unknown(_) => return,
        }
    }
    // The commendation is the record's verdict: not counted again as a pass.
    let (early, constraint) = early.unzip();
    let (points, note) = penalty::compute(reward, early.as_ref());
    let name = early.as_ref().map_or("", |e| stages[e.stage].as_str());
    let said = early.as_ref().map(|e| {
        Box::new(Earliness {
            stage: name.to_string(),
            actual: e.actual,
            due: e.due,
            early: lateness(e),
            constraint: constraint.clone().unwrap_or_default(),
        })
    });
    let label = match &early {
        Some(e) => Note::Early {
            early: lateness(e),
            due: e.due,
        },
        None => Note::Commended,
    };
    let span = record
        .stage(name)
        .filter(|_| early.is_some())
        .map_or(record.id.span, |s| s.date.span);
    out.findings.push(Finding {
        rule: index,
        severity: Severity::Commendation,
        verdict: Verdict::Commended(said),
        labels: vec![(span, label)],
        late: None,
        penalty: Points::ZERO,
        penalty_note: note,
        early,
        reward: points,
        cannot_check: false,
    });
}

fn cannot_check(rule: usize, record: &Record, reasons: Vec<Reason>, scope: Scope) -> Finding {
    Finding {
        rule,
        severity: Severity::Error,
        verdict: Verdict::CannotCheck { scope, reasons },
        labels: vec![(record.id.span, Note::ThisRecord)],
        late: None,
        penalty: Points::ZERO,
        penalty_note: None,
        early: None,
        reward: Points::ZERO,
        cannot_check: true,
    }
}

fn check(ctx: &mut Ctx<'_>, c: &Constraint) -> Part {
    ctx.unknown.clear();
    ctx.seen.clear();
    let part = match &c.kind {
        C::Within { .. } | C::By { .. } => match due_of(ctx, c) {
            Some(d) => deadline(ctx, d),
            None => Part::Unknown(Vec::new()),
        },
        C::Order { first, op, second } => order(ctx, *first, *op, *second),
        C::StagesInOrder => in_order(ctx),
        C::Lasts { stage, n, unit } => lasts(ctx, *stage, *n, *unit),
        C::HasEvidence { stage } => evidence(ctx, *stage),
        C::EachExtension(body) => each_extension(ctx, body),
        // Group constraints are observed per record and judged per group.
        C::Share { .. } | C::Count { .. } => Part::Pass,
        C::Expr(e) => match ctx.truth(e) {
            Tri::True => Part::Pass,
            Tri::Unknown => Part::Unknown(Vec::new()),
            Tri::False => {
                let (facts, labels) = failing(ctx, e);
                Part::Fail {
                    facts,
                    labels,
                    late: None,
                }
            }
        },
    };
    match part {
        Part::Unknown(_) => Part::Unknown(std::mem::take(&mut ctx.unknown)),
        other => other,
    }
}

/// Whether a deadline constraint is met on the record, as a `require` of
/// it would judge (for `share of (closed within … after …)`): met, missed
/// (late or overdue), or neither while pending (false); unknown when the
/// due date cannot be computed.
pub(crate) fn met(ctx: &mut Ctx<'_>, c: &Constraint) -> Tri {
    match check(ctx, c) {
        Part::Pass | Part::Met(..) | Part::Early(..) => Tri::True,
        Part::Fail { .. } | Part::Pending(..) => Tri::False,
        Part::Unknown(reasons) => {
            ctx.unknown = reasons;
            Tri::Unknown
        }
    }
}

/// The conjuncts of a false condition that are themselves false, each
/// described with the values it read, and labels at those values.
fn failing(ctx: &mut Ctx<'_>, e: &super::plan::Expr) -> (Vec<Fact>, Vec<(Span, Note)>) {
    use super::plan::ExprKind as X;
    if let X::And(a, b) = &e.kind {
        let (mut facts, mut labels) = (Vec::new(), Vec::new());
        for side in [a, b] {
            if ctx.truth(side) == Tri::False {
                let (t, l) = failing(ctx, side);
                facts.extend(t);
                labels.extend(l);
            }
        }
        if !facts.is_empty() {
            return (facts, labels);
        }
    }
    ctx.seen.clear();
    ctx.describe = true;
    let _ = ctx.truth(e);
    ctx.describe = false;
    let seen = || ctx.seen.iter().map(|(_, s)| s.clone()).collect();
    let fact = match &e.kind {
        X::IsPresent(x) => Fact::Missing {
            expr: x.text.clone(),
        },
        X::IsMissing(x) => Fact::Present {
            expr: x.text.clone(),
            seen: seen(),
        },
        _ => Fact::Fails {
            expr: e.text.clone(),
            seen: seen(),
        },
    };
    let mut labels: Vec<(Span, Note)> = ctx
        .seen
        .iter()
        .filter_map(|(span, shown)| span.map(|s| (s, Note::Seen(Box::new(shown.clone())))))
        .collect();
    if labels.is_empty() {
        labels.push((ctx.record.id.span, Note::Fact(Box::new(fact.clone()))));
    }
    (vec![fact], labels)
}

/// A deadline constraint's stage and due date as computed, before any
/// roll-forward.
struct Deadline<'a> {
    stage: usize,
    computed: Date,
    /// The record value the due date comes from.
    reference: Option<Span>,
    how: Due<'a>,
}

/// The due date a deadline constraint (`within … after`, `by`) computes
/// for its stage; `None` when it cannot be computed (the reasons are in
/// `ctx.unknown`) or the constraint is not a deadline.
fn due_of<'a>(ctx: &mut Ctx<'_>, c: &'a Constraint) -> Option<Deadline<'a>> {
    match &c.kind {
        C::Within {
            stage,
            within,
            after,
            after_text,
        } => {
            let (n, unit) = duration(ctx, within)?;
            let (base, reference) = ctx.date(after)?;
            ctx.step(|w| is_date(w, after_text, base));
            match calendar::add(base, i64::from(n), unit, ctx.plan.calendar.as_ref()) {
                Ok(Some(computed)) => {
                    let cal = ctx.plan.calendar.as_ref();
                    ctx.step(|w| counting(w, cal, base, computed, n, unit));
                    let how = Due::Within {
                        n,
                        unit,
                        after: after_text,
                        base,
                    };
                    Some(Deadline {
                        stage: *stage,
                        computed,
                        reference,
                        how,
                    })
                }
                Ok(None) => {
                    ctx.lacks(Reason::AfterRange {
                        amount: Amount::new(i64::from(n), unit),
                        base,
                    });
                    None
                }
                Err(out) => {
                    ctx.uncovered(out);
                    None
                }
            }
        }
        C::By {
            stage,
            date,
            date_text,
        } => {
            let (computed, reference) = ctx.date(date)?;
            ctx.step(|w| is_date(w, date_text, computed));
            Some(Deadline {
                stage: *stage,
                computed,
                reference,
                how: Due::By(date_text),
            })
        }
        _ => None,
    }
}

/// `computed`, or the next working day when the rule set says so; `None`
/// when the calendar does not cover the days needed.
fn roll(ctx: &mut Ctx<'_>, computed: Date) -> Option<Date> {
    let calendar = ctx.plan.calendar.as_ref();
    match (ctx.plan.roll, calendar) {
        (RollPolicy::NextWorkday, Some(cal)) => match cal.roll_forward(computed) {
            Ok(rolled) => {
                if rolled != computed {
                    ctx.step(|w| rolling(w, cal, computed, rolled));
                }
                Some(rolled)
            }
            Err(out) => {
                ctx.uncovered(out);
                None
            }
        },
        _ => Some(computed),
    }
}

/// The due date of the last stage of the record's pipeline: the earliest
/// that the applicable [`Plan::closing`] rules set, rolled forward like
/// every due date. `None` when no rule sets one or it cannot be computed;
/// the calendar years that would have been needed are added to `uncovered`.
pub fn closing_due(
    plan: &Plan,
    record: &Record,
    as_of: Date,
    uncovered: &mut Vec<calendar::OutOfRange>,
) -> Option<Date> {
    let k = plan
        .kinds
        .iter()
        .position(|k| k.name == record.kind.value)?;
    let last = plan.kinds[k].stages.len().checked_sub(1)?;
    earliest_due(plan, &plan.closing, record, as_of, (k, last), uncovered)
}

/// The due date of the record's stage `stage` (indexed in its kind's
/// pipeline): the earliest that the applicable rules of the plan set,
/// rolled forward like every due date; `None` when no rule sets one or it
/// cannot be computed. Dates the record has after `as_of` should be dropped
/// first ([`Record::known_on`]).
pub fn stage_due(plan: &Plan, record: &Record, as_of: Date, stage: usize) -> Option<Date> {
    let k = plan
        .kinds
        .iter()
        .position(|k| k.name == record.kind.value)?;
    earliest_due(
        plan,
        &plan.rules,
        record,
        as_of,
        (k, stage),
        &mut Vec::new(),
    )
}

/// The earliest due date `rules` set for stage `.1` of kind `.0`.
fn earliest_due(
    plan: &Plan,
    rules: &[super::plan::Rule],
    record: &Record,
    as_of: Date,
    (k, stage): (usize, usize),
    uncovered: &mut Vec<calendar::OutOfRange>,
) -> Option<Date> {
    let mut earliest: Option<Date> = None;
    for rule in rules.iter().filter(|r| r.kind == k) {
        let mut ctx = Ctx::new(plan, &plan.kinds[k], record, as_of);
        if rule
            .when
            .as_ref()
            .is_some_and(|w| ctx.truth(w) != Tri::True)
        {
            continue;
        }
        for c in rule
            .requires
            .iter()
            .filter(|c| c.kind.deadline_stage() == Some(stage))
        {
            let due = due_of(&mut ctx, c).and_then(|d| roll(&mut ctx, d.computed));
            if let Some(due) = due {
                earliest = Some(earliest.map_or(due, |e| e.min(due)));
            }
        }
        add_uncovered(uncovered, ctx.uncovered);
    }
    earliest
}

fn duration(ctx: &mut Ctx<'_>, d: &DurationExpr) -> Option<(u32, Unit)> {
    match d {
        DurationExpr::Fixed(n, unit) => Some((*n, *unit)),
        DurationExpr::If(cond, then, otherwise) => match ctx.truth(cond) {
            Tri::True => duration(ctx, then),
            Tri::False => duration(ctx, otherwise),
            Tri::Unknown => None,
        },
    }
}

/// Where a due date comes from, for messages (formatted only when the
/// deadline is missed, so records that meet it allocate nothing).
enum Due<'a> {
    /// `30 workdays after `assigned` 2022-06-01`
    Within {
        n: u32,
        unit: Unit,
        after: &'a str,
        base: Date,
    },
    /// `` `deadline` ``
    By(&'a str),
}

impl Due<'_> {
    /// How the due date `due`, computed as `computed`, was reached.
    fn said(&self, computed: Date, due: Date) -> DueSaid {
        match self {
            Due::Within {
                n,
                unit,
                after,
                base,
            } => DueSaid::Within {
                due,
                amount: Amount::new(i64::from(*n), *unit),
                after: after.to_string(),
                base: *base,
                computed,
            },
            Due::By(what) => DueSaid::By {
                due,
                what: what.to_string(),
                computed,
            },
        }
    }
}

/// `stage` is due on `computed`, or on the next working day when the rule
/// set says so; `reference` is the record value the due date comes from.
fn deadline(ctx: &mut Ctx<'_>, d: Deadline<'_>) -> Part {
    let Deadline {
        stage,
        computed,
        reference,
        how,
    } = d;
    let Some(due) = roll(ctx, computed) else {
        return Part::Unknown(Vec::new());
    };
    let calendar = ctx.plan.calendar.as_ref();
    let name = &ctx.kind.stages[stage];
    let recorded = ctx.record.stage(name).map(|s| (s.date.value, s.date.span));
    ctx.step(|w| {
        let args = Args::new()
            .text("stage", name.as_str())
            .text("due", due.to_string());
        format!("  {}", w.format("explain-stage-due", &args))
    });
    let (actual, overdue, span) = match recorded {
        Some((date, _)) if date <= due => {
            ctx.step(|w| {
                let args = Args::new()
                    .text("stage", name.as_str())
                    .text("date", date.to_string())
                    .text("due", due.to_string());
                format!("  {}", w.format("explain-stage-in-time", &args))
            });
            return Part::Met(stage, date, due);
        }
        Some((date, span)) => (date, false, span),
        None if due >= ctx.as_of => return Part::Pending(stage, due),
        None => (ctx.as_of, true, reference.unwrap_or(ctx.record.id.span)),
    };
    let how = how.said(computed, due);
    let days = calendar::days_between(due, actual);
    // Lateness in working days needs every day up to `actual` in the
    // calendar: without them the penalty would be guessed, so the rule
    // cannot be checked.
    let workdays = match calendar.map(|cal| cal.workdays_after(due, actual)) {
        Some(Ok(n)) => Some(n),
        Some(Err(out)) => {
            ctx.uncovered(out);
            return Part::Unknown(Vec::new());
        }
        None => None,
    };
    ctx.step(|w| {
        let args = Args::new()
            .text("stage", name.as_str())
            .text("actual", actual.to_string())
            .text("due", due.to_string());
        let id = match overdue {
            true => "explain-stage-overdue",
            false => "explain-stage-late",
        };
        format!("  {}", w.format(id, &args))
    });
    ctx.step(|w| {
        let args = Args::new()
            .int("days", days)
            .text("due", due.to_string())
            .text("actual", actual.to_string());
        let said = match workdays {
            Some(n) => w.format(
                "explain-lateness-counted-workdays",
                &args.int("workdays", n),
            ),
            None => w.format("explain-lateness-counted", &args),
        };
        format!("  {said}")
    });
    let lateness = Lateness { days, workdays };
    let stage_name = name.to_string();
    let (fact, label) = if overdue {
        (
            Fact::Overdue {
                stage: stage_name.clone(),
                due: how,
                as_of: actual,
                lateness,
            },
            Note::NotRecorded {
                stage: stage_name,
                due,
                as_of: actual,
            },
        )
    } else {
        (
            Fact::Late {
                stage: stage_name,
                due: how,
                actual,
                lateness,
            },
            Note::Late { lateness, due },
        )
    };
    let mut labels = vec![(span, label)];
    if let (false, Some(reference)) = (overdue, reference) {
        labels.push((reference, Note::DueFrom { due }));
    }
    Part::Fail {
        facts: vec![fact],
        labels,
        late: Some(Late {
            stage,
            due,
            actual,
            overdue,
            days,
            workdays,
        }),
    }
}

/// A deadline met on `date`, due `due`: how early, in calendar and (with a
/// calendar) working days. Working days the calendar does not cover make
/// the earliness unknown: no reward is guessed. Computed for reward rules
/// only, so that a penalty rule never needs the days before a due date.
fn early(ctx: &mut Ctx<'_>, (stage, date, due): (usize, Date, Date), text: &str) -> Part {
    let days = calendar::days_between(date, due);
    let workdays = match ctx
        .plan
        .calendar
        .as_ref()
        .map(|c| c.workdays_after(date, due))
    {
        Some(Ok(n)) => Some(n),
        Some(Err(out)) => {
            ctx.uncovered(out);
            return Part::Unknown(Vec::new());
        }
        None => None,
    };
    let early = Late {
        stage,
        due,
        actual: date,
        overdue: false,
        days,
        workdays,
    };
    Part::Early(early, text.to_string())
}

/// How early (or late) as said: calendar and working days.
fn lateness(e: &Late) -> Lateness {
    Lateness {
        days: e.days,
        workdays: e.workdays,
    }
}

/// `45 days (30 workdays)`, how early a deadline was met (for `explain`).
fn order(ctx: &mut Ctx<'_>, first: usize, op: OrderOp, second: usize) -> Part {
    let stages = &ctx.kind.stages;
    let (a, b) = (
        ctx.record.stage(&stages[first]),
        ctx.record.stage(&stages[second]),
    );
    let (Some(a), Some(b)) = (a, b) else {
        return Part::Pass;
    };
    let holds = match op {
        OrderOp::Before => a.date.value < b.date.value,
        OrderOp::OnOrBefore => a.date.value <= b.date.value,
        OrderOp::After => a.date.value > b.date.value,
        OrderOp::OnOrAfter => a.date.value >= b.date.value,
    };
    if holds {
        return Part::Pass;
    }
    let (an, bn) = (&stages[first], &stages[second]);
    let fact = Fact::Order {
        first: an.clone(),
        first_date: a.date.value,
        op,
        second: bn.clone(),
        second_date: b.date.value,
    };
    let labels = vec![
        (
            a.date.span,
            Note::Dated {
                stage: an.clone(),
                date: a.date.value,
            },
        ),
        (
            b.date.span,
            Note::Dated {
                stage: bn.clone(),
                date: b.date.value,
            },
        ),
    ];
    Part::Fail {
        facts: vec![fact],
        labels,
        late: None,
    }
}

fn in_order(ctx: &mut Ctx<'_>) -> Part {
    let stages = &ctx.kind.stages;
    let recorded: Vec<Option<&crate::model::Stage>> =
        stages.iter().map(|s| ctx.record.stage(s)).collect();
    let last = recorded.iter().rposition(Option::is_some);
    let (mut facts, mut labels) = (Vec::new(), Vec::new());
    let mut previous: Option<&crate::model::Stage> = None;
    for (i, stage) in recorded.iter().enumerate() {
        match stage {
            None if last.is_some_and(|l| i < l) => {
                let later = recorded[i + 1..].iter().flatten().next();
                if let Some(later) = later {
                    facts.push(Fact::Skipped {
                        stage: stages[i].clone(),
                        later: later.name.value.clone(),
                    });
                    let stage = stages[i].clone();
                    labels.push((later.name.span, Note::RecordedWithout { stage }));
                }
            }
            None => {}
            Some(s) => {
                if let Some(p) = previous.filter(|p| s.date.value < p.date.value) {
                    facts.push(Fact::OutOfOrder {
                        stage: s.name.value.clone(),
                        date: s.date.value,
                        previous: p.name.value.clone(),
                        previous_date: p.date.value,
                    });
                    let (stage, date) = (p.name.value.clone(), p.date.value);
                    labels.push((s.date.span, Note::Before { stage, date }));
                }
                previous = Some(s);
            }
        }
    }
    if facts.is_empty() {
        Part::Pass
    } else {
        Part::Fail {
            facts,
            labels,
            late: None,
        }
    }
}

fn lasts(ctx: &mut Ctx<'_>, stage: usize, n: u32, unit: Unit) -> Part {
    let name = &ctx.kind.stages[stage];
    let Some(s) = ctx.record.stage(name) else {
        ctx.lacks(Reason::RecordField {
            field: name.clone(),
        });
        return Part::Unknown(Vec::new());
    };
    let Some(end) = &s.end else {
        ctx.lacks(Reason::StageField {
            stage: name.clone(),
            field: "end".into(),
        });
        return Part::Unknown(Vec::new());
    };
    let (first, last) = (s.date.value, end.value);
    let long_enough = match unit {
        Unit::Workdays => match ctx
            .plan
            .calendar
            .as_ref()
            .map(|c| c.workdays_inclusive(first, last))
        {
            Some(Ok(count)) => Ok((count >= i64::from(n), Amount::new(count, Unit::Workdays))),
            Some(Err(out)) => {
                ctx.uncovered(out);
                return Part::Unknown(Vec::new());
            }
            None => Err(Reason::NoCalendar),
        },
        _ => match calendar::add(first, i64::from(n), unit, None) {
            Ok(Some(needed)) => {
                let days = calendar::days_between(first, last) + 1;
                Ok((
                    last >= needed.yesterday().unwrap_or(needed),
                    Amount::new(days.max(0), Unit::Days),
                ))
            }
            _ => Err(Reason::AfterRange {
                amount: Amount::new(i64::from(n), unit),
                base: first,
            }),
        },
    };
    match long_enough {
        Err(why) => {
            ctx.lacks(why);
            Part::Unknown(Vec::new())
        }
        Ok((true, _)) => Part::Pass,
        Ok((false, length)) => {
            let fact = Fact::TooShort {
                stage: name.clone(),
                length,
                first,
                last,
                needed: Amount::new(i64::from(n), unit),
            };
            Part::Fail {
                facts: vec![fact],
                labels: vec![(end.span, Note::EndsAfter { length })],
                late: None,
            }
        }
    }
}

fn evidence(ctx: &mut Ctx<'_>, stage: usize) -> Part {
    let name = &ctx.kind.stages[stage];
    let Some(s) = ctx.record.stage(name) else {
        ctx.lacks(Reason::RecordField {
            field: name.clone(),
        });
        return Part::Unknown(Vec::new());
    };
    let stage = name.clone();
    match &s.evidence {
        Some(list) if !list.value.is_empty() => Part::Pass,
        Some(list) => Part::Fail {
            facts: vec![Fact::NoEvidenceListed { stage }],
            labels: vec![(list.span, Note::EmptyEvidence)],
            late: None,
        },
        None => Part::Fail {
            facts: vec![Fact::NoEvidence { stage }],
            labels: vec![(s.name.span, Note::NoEvidence)],
            late: None,
        },
    }
}

fn each_extension(ctx: &mut Ctx<'_>, body: &super::plan::Expr) -> Part {
    let record = ctx.record;
    let (mut facts, mut labels, mut unknown) = (Vec::new(), Vec::new(), Vec::new());
    for (i, ext) in record.extensions.iter().enumerate() {
        ctx.ext = Some(ExtScope {
            ext,
            extends: deadline_before(record, i),
        });
        ctx.unknown.clear();
        ctx.seen.clear();
        match ctx.truth(body) {
            Tri::True => {}
            Tri::False => {
                let (parts, _) = failing(ctx, body);
                let fact = Fact::Extension { n: i + 1, parts };
                labels.push((ext.span, Note::Fact(Box::new(fact.clone()))));
                facts.push(fact);
            }
            Tri::Unknown => unknown.extend(ctx.unknown.drain(..).map(|u| Reason::Extension {
                n: i + 1,
                reason: Box::new(u),
            })),
        }
    }
    ctx.ext = None;
    if !facts.is_empty() {
        return Part::Fail {
            facts,
            labels,
            late: None,
        };
    }
    if unknown.is_empty() {
        Part::Pass
    } else {
        ctx.unknown = unknown;
        Part::Unknown(Vec::new())
    }
}

/// `  `feedback` is 2025-01-06`: the date a rule's date expression gave.
fn is_date(words: &Catalogue, text: &str, date: Date) -> String {
    let args = Args::new()
        .text("expr", text)
        .text("date", date.to_string());
    format!("  {}", words.format("explain-expr-is", &args))
}

/// How a due date was counted, naming the non-working days skipped and the
/// make-up working days counted.
fn counting(
    words: &Catalogue,
    calendar: Option<&calendar::Calendar>,
    base: Date,
    due: Date,
    n: u32,
    unit: Unit,
) -> String {
    let args = || {
        Args::new()
            .text("amount", Amount::new(i64::from(n), unit).say(words))
            .text("base", base.to_string())
            .text("due", due.to_string())
    };
    let Some(cal) = calendar.filter(|_| unit == Unit::Workdays) else {
        return format!("  {}", words.format("explain-counted-days", &args()));
    };
    let Some(first) = base.tomorrow().ok() else {
        return format!("  {}", words.format("explain-counted", &args()));
    };
    let notes = cal.notes_between(first, due);
    let args = args().text("notes", describe_notes(words, &notes));
    format!("  {}", words.format("explain-counted-workdays", &args))
}

fn rolling(words: &Catalogue, cal: &calendar::Calendar, due: Date, rolled: Date) -> String {
    let notes = cal.notes_between(due, rolled.yesterday().unwrap_or(rolled));
    let args = Args::new()
        .text("due", due.to_string())
        .text("notes", describe_notes(words, &notes))
        .text("rolled", rolled.to_string());
    format!("  {}", words.format("explain-rolled", &args))
}

/// The days skipped and worked between two dates: ` (Spring Festival
/// 2025-01-28 to 2025-02-04 off; 2 weekend days off)`, or nothing.
fn describe_notes(words: &Catalogue, notes: &[(Date, calendar::DayNote)]) -> String {
    use calendar::DayNote;
    let weekends = notes.iter().filter(|(_, n)| *n == DayNote::Weekend).count();
    let mut parts: Vec<String> = Vec::new();
    let mut holidays: Vec<(String, Vec<Date>)> = Vec::new();
    for (day, note) in notes {
        match note {
            DayNote::Holiday(name) => match holidays.iter_mut().find(|(n, _)| n == name) {
                Some((_, days)) => days.push(*day),
                None => holidays.push((name.clone(), vec![*day])),
            },
            DayNote::MakeUpWorkday(name) => {
                let args = Args::new()
                    .text("day", day.to_string())
                    .text("holiday", name.as_str());
                parts.push(words.format("explain-note-makeup", &args));
            }
            DayNote::Weekend => {}
        }
    }
    for (name, days) in holidays.iter().rev() {
        let span = match (days.first(), days.last()) {
            (Some(a), Some(b)) if a != b => {
                let args = Args::new()
                    .text("from", a.to_string())
                    .text("to", b.to_string());
                words.format("explain-note-span", &args)
            }
            (Some(a), _) => a.to_string(),
            _ => String::new(),
        };
        let args = Args::new()
            .text("holiday", name.as_str())
            .text("span", span);
        parts.insert(0, words.format("explain-note-holiday", &args));
    }
    if weekends > 0 {
        let args = Args::new().int("n", weekends as i64);
        parts.push(words.format("explain-note-weekends", &args));
    }
    if parts.is_empty() {
        String::new()
    } else {
        let args = Args::new().text("notes", parts.join(&words.text("explain-note-sep")));
        words.format("explain-notes", &args)
    }
}
