//! The derivation of one verdict, step by step, for `rectify explain`:
//! which extension set the effective deadline, how each due date was
//! counted (holidays and weekends skipped, make-up days counted, the
//! roll-forward), what it was compared with, the lateness, the penalty.

use jiff::civil::Date;

use crate::model::Record;

use super::check::{Verdicts, evaluate_rule};
use super::group::{self, Measure, Tally};
use super::plan::{ConstraintKind as C, Plan};
use super::value::{Ctx, Tri, effective_extension};

/// One rule applied to one record, explained.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    /// Plain sentences, in order; indented ones detail the line before.
    pub steps: Vec<String>,
    /// What the evaluation gave (at most one finding, and pending deadlines).
    pub verdicts: Verdicts,
}

/// Explain rule `index` of `plan` on `record`. `None` when the rule is for
/// another kind of record.
pub fn explain(plan: &Plan, record: &Record, index: usize, as_of: Date) -> Option<Explanation> {
    let rule = plan.rules.get(index)?;
    let kind = plan
        .kinds
        .get(rule.kind)
        .filter(|k| k.name == record.kind.value)?;
    let known = record.known_on(as_of);
    let record = known.as_ref().unwrap_or(record);
    let mut ctx = Ctx::new(plan, kind, record, as_of);
    ctx.trace = Some(vec![format!(
        "rule `{}` applies to `{}` records; `{}` is one; evaluated as of {as_of}",
        rule.id, kind.name, record.id.value
    )]);
    if known.is_some() {
        ctx.step(|| {
            format!("dates after {as_of} are not known yet on that day: those stages count as not recorded, those extensions as not approved")
        });
    }
    let mut texts = rule
        .requires
        .iter()
        .map(|c| &c.text)
        .chain(rule.when.iter().map(|w| &w.text));
    if texts.any(|t| t.contains("deadline")) {
        deadline_steps(&mut ctx);
    }
    let mut verdicts = Verdicts::default();
    evaluate_rule(&mut ctx, index, &mut verdicts);
    let mut steps = ctx.trace.take().unwrap_or_default();
    if let Some(obs) = verdicts.observations.first() {
        steps.extend(membership(plan, obs));
        return Some(Explanation { steps, verdicts });
    }
    steps.extend(conclusion(plan, index, &verdicts));
    if !verdicts.findings.is_empty() {
        steps.extend(waiver_step(record, &rule.id, as_of));
    }
    Some(Explanation { steps, verdicts })
}

/// Which deadline is in force, when the record has one.
fn deadline_steps(ctx: &mut Ctx<'_>) {
    let record = ctx.record;
    let Some(original) = &record.deadline else {
        return;
    };
    ctx.step(|| format!("the record's own deadline is {}", original.value));
    for (i, ext) in record.extensions.iter().enumerate() {
        let to = ext
            .to
            .as_ref()
            .map_or("no date".to_string(), |t| t.value.to_string());
        ctx.step(|| match (&ext.approved_by, &ext.approved_on) {
            (Some(by), Some(on)) => format!(
                "extension {} to {to} was approved by {} on {}",
                i + 1,
                by.value,
                on.value
            ),
            (Some(by), None) => format!(
                "extension {} to {to} was approved by {} (no approval date)",
                i + 1,
                by.value
            ),
            (None, _) => format!(
                "extension {} to {to} has no `approved_by`, so it does not move the deadline",
                i + 1
            ),
        });
    }
    let effective = effective_extension(record);
    ctx.step(|| match effective {
        Some((i, e)) => format!(
            "the effective deadline is {}, set by extension {} (the last approved one)",
            e.to.as_ref().map_or(String::new(), |t| t.value.to_string()),
            i + 1
        ),
        None => format!(
            "the effective deadline is the record's own, {}",
            original.value
        ),
    });
}

/// A reward rule's conclusion: commended, with how early and the points,
/// or not.
fn commendation(reward: &crate::eval::plan::Penalty, verdicts: &Verdicts) -> Vec<String> {
    let mut lines = vec![format!(
        "reward rule: {}",
        crate::run::describe_reward(reward)
    )];
    let Some(f) = verdicts.findings.first() else {
        lines.push("verdict: not commended: a requirement does not hold, is not yet due or cannot be checked; no finding".into());
        return lines;
    };
    if let Some(early) = &f.early {
        let workdays = early
            .workdays
            .map_or(String::new(), |w| format!(", {w} working days"));
        lines.push(format!(
            "earliness: {} calendar days{workdays} before {}",
            early.days, early.due
        ));
    }
    if let Some(note) = &f.penalty_note {
        lines.push(format!("reward: {}", note.say(en())));
    }
    lines.push(format!("verdict: commendation, {} points earned", f.reward));
    lines
}

fn conclusion(plan: &Plan, index: usize, verdicts: &Verdicts) -> Vec<String> {
    let rule = &plan.rules[index];
    let penalty = crate::run::describe_penalty(&rule.penalty);
    if let Some(reward) = &rule.reward {
        return commendation(reward, verdicts);
    }
    match verdicts.findings.first() {
        Some(f) if f.cannot_check => vec![format!(
            "verdict: cannot check ({}): an error finding with no penalty",
            f.verdict.message(en())
        )],
        Some(f) => {
            let mut lines = vec![format!("penalty rule: {penalty}")];
            if let Some(late) = &f.late {
                let workdays = late
                    .workdays
                    .map_or(String::new(), |w| format!(", {w} working days"));
                lines.push(format!("lateness: {} calendar days{workdays}", late.days));
            }
            if let Some(note) = &f.penalty_note {
                lines.push(format!("penalty: {}", note.say(en())));
            }
            lines.push(format!(
                "verdict: {} finding, {} points",
                f.severity.as_str(),
                f.penalty
            ));
            lines
        }
        None if !verdicts.pending.is_empty() => {
            let due: Vec<String> = verdicts.pending.iter().map(|p| p.due.to_string()).collect();
            vec![format!(
                "verdict: pending, not yet due (due {}); no finding",
                due.join(", ")
            )]
        }
        None if verdicts.passed.contains(&index) => {
            vec!["verdict: the rule holds; no finding".to_string()]
        }
        None => vec!["verdict: the rule does not apply to this record; no finding".to_string()],
    }
}

/// A member record of a group rule: per constraint, whether it was
/// counted and whether it met the condition; the verdict is the group's.
fn membership(plan: &Plan, obs: &group::Observation) -> Vec<String> {
    let rule = &plan.rules[obs.rule];
    let mut steps = Vec::new();
    for (c, holds) in rule.requires.iter().zip(&obs.holds) {
        steps.push(format!("require `{}`", c.text));
        let met = match holds {
            Tri::True => "it meets the condition",
            Tri::False => "it does not meet the condition",
            Tri::Unknown => "the condition cannot be checked for it, so it counts as not met",
        };
        steps.push(match (&c.kind, holds) {
            (C::Count { .. }, Tri::True) => format!("  -> counted: {met}"),
            (C::Count { .. }, _) => format!("  -> not counted: {met}"),
            _ => format!("  -> counted in the share: {met}"),
        });
    }
    steps.push(format!(
        "verdict: a group rule judges {} as a whole, not each record; to see its figure, run `rectify explain {}{}`",
        group::describe(rule, &obs.shown),
        rule.id,
        flags(rule, &obs.shown)
    ));
    steps
}

/// The `explain` flags that name a group: ` --unit Xuzhou --group round=2`.
fn flags(rule: &crate::eval::plan::Rule, shown: &[String]) -> String {
    let keys = rule.group.as_ref().map_or(&[][..], |g| &g.keys[..]);
    keys.iter()
        .zip(shown)
        .map(|(k, v)| match k.name.as_str() {
            "unit" | "round" | "kind" => format!(" --{} {}", k.name, quote(v)),
            name => format!(" --group {}", quote(&format!("{name}={v}"))),
        })
        .collect()
}

/// A command-line argument, quoted when it has spaces or quotes.
fn quote(text: &str) -> String {
    if text
        .chars()
        .any(|c| c.is_whitespace() || "\"'$`\\".contains(c))
    {
        format!("'{}'", text.replace('\'', "'\\''"))
    } else {
        text.to_string()
    }
}

/// A group rule explained on one group: which records of the rule's kind
/// fall in it, which were counted, which met each condition, the figure,
/// the threshold and the penalty. Records are added one at a time.
pub struct GroupExplanation<'p> {
    plan: &'p Plan,
    index: usize,
    /// The group as asked for: per key of the rule, its value.
    shown: Vec<String>,
    /// What a member's group key must equal ([`group::place`]).
    wanted: String,
    as_of: Date,
    members: Vec<(String, Vec<Tri>)>,
    /// Records of the group the rule does not count, and why.
    skipped: Vec<(String, String)>,
    tally: Tally,
    /// Every group met, for a suggestion when the asked one has no records.
    pub groups: std::collections::BTreeSet<String>,
}

impl<'p> GroupExplanation<'p> {
    /// The rule's group with `values`, one per key of the rule, in the
    /// rule's order.
    pub fn new(
        plan: &'p Plan,
        index: usize,
        values: &[String],
        as_of: Date,
    ) -> GroupExplanation<'p> {
        let keys = plan.rules[index]
            .group
            .as_ref()
            .map_or(&[][..], |g| &g.keys[..]);
        let wanted: Vec<String> = (keys.iter().zip(values))
            .map(|(k, v)| match k.field {
                crate::eval::plan::Field::Unit => plan.units.key(v),
                _ => crate::units::key(v),
            })
            .collect();
        GroupExplanation {
            plan,
            index,
            shown: values.to_vec(),
            wanted: wanted.join(&group::SEP.to_string()),
            as_of,
            members: Vec::new(),
            skipped: Vec::new(),
            tally: Tally::default(),
            groups: std::collections::BTreeSet::new(),
        }
    }

    /// Evaluate the rule's conditions on a record, when it is of the
    /// rule's kind and in the group.
    pub fn add(&mut self, record: &Record) {
        let plan = self.plan;
        let rule = &plan.rules[self.index];
        let kind = &plan.kinds[rule.kind];
        if kind.name != record.kind.value {
            return;
        }
        let mut ctx = Ctx::new(plan, kind, record, self.as_of);
        match group::place(&mut ctx, rule) {
            Ok((key, _)) if key == self.wanted => {}
            // Suggest groups as they are written, not as they are compared.
            Ok((_, shown)) => {
                self.groups.insert(shown.join(", "));
                return;
            }
            Err(_) => return,
        }
        let mut verdicts = Verdicts::default();
        evaluate_rule(&mut ctx, self.index, &mut verdicts);
        let id = record.id.value.clone();
        match verdicts.observations.pop() {
            Some(obs) => {
                self.tally.add(rule, &obs, &id);
                self.members.push((id, obs.holds));
            }
            None => {
                let why = match (verdicts.findings.first(), &rule.when) {
                    (Some(f), _) => format!("cannot check: {}", f.verdict.message(en())),
                    (None, Some(when)) => format!("`when {}` does not hold", when.text),
                    (None, None) => "not counted".to_string(),
                };
                self.skipped.push((id, why));
            }
        }
    }

    /// Whether no record of the rule's kind is in the group.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty() && self.skipped.is_empty()
    }

    /// The steps: the group, each constraint's counts and figure, the
    /// penalty and the verdict.
    pub fn steps(self) -> Vec<String> {
        let rule = &self.plan.rules[self.index];
        let kind = &self.plan.kinds[rule.kind].name;
        // A unit is shown as its members write it, the others as asked.
        let shown = match self.tally.shown.is_empty() {
            true => &self.shown,
            false => &self.tally.shown,
        };
        let group = group::describe(rule, shown);
        let mut steps = vec![format!(
            "rule `{}` judges `{kind}` records per {}; {group} has {} of them; evaluated as of {}",
            rule.id,
            match group::by(rule).as_str() {
                "all" => "run".to_string(),
                by => by.to_string(),
            },
            self.members.len() + self.skipped.len(),
            self.as_of
        )];
        for (id, why) in &self.skipped {
            steps.push(format!("`{id}` is not counted: {why}"));
        }
        let mut fails = false;
        for (i, c) in rule.requires.iter().enumerate() {
            let ids = |pick: &dyn Fn(Tri) -> bool| -> Vec<&str> {
                let holds = |h: &Vec<Tri>| h.get(i).copied().unwrap_or(Tri::Unknown);
                self.members
                    .iter()
                    .filter(|(_, h)| pick(holds(h)))
                    .map(|(id, _)| id.as_str())
                    .collect()
            };
            let met = ids(&|t| t == Tri::True);
            let Some((figure, ok)) =
                group::assess(&c.kind, met.len() as u64, self.members.len() as u64)
            else {
                continue;
            };
            steps.push(format!("require `{}`", c.text));
            let not_met = ids(&|t| t == Tri::False);
            let unknown = ids(&|t| t == Tri::Unknown);
            let all = ids(&|_| true);
            match figure.measure {
                Measure::Share => {
                    steps.push(list("  counted", &all));
                    steps.push(list("  met the condition", &met));
                    steps.push(list("  did not meet it", &not_met));
                }
                Measure::Count => {
                    steps.push(list("  counted (the condition holds)", &met));
                    steps.push(list("  not counted (it does not hold)", &not_met));
                }
            }
            if !unknown.is_empty() {
                steps.push(list(
                    "  could not be checked (counted as not met)",
                    &unknown,
                ));
            }
            let verdict = if ok { "holds" } else { "fails" };
            let figure_text = match figure.measure {
                Measure::Share => format!(
                    "{} ({} of {})",
                    group::shown(&figure),
                    figure.met,
                    figure.members
                ),
                Measure::Count => format!("{} of {} counted", figure.met, figure.members),
            };
            steps.push(format!(
                "  -> {figure_text}, {} required: {verdict}",
                group::required(en(), &figure)
            ));
            fails |= !ok;
        }
        steps.push(format!(
            "penalty rule: {}",
            crate::run::describe_penalty(&rule.penalty)
        ));
        let members = self.members.len() as u64;
        let (penalty, note) = group::charge(rule, &self.tally.holding, members);
        if let Some(note) = note.filter(|_| fails) {
            steps.push(format!("  -> {}", note.say(en())));
        }
        steps.push(if fails {
            format!(
                "verdict: {} finding on {group}, {penalty} point{}",
                rule.severity.as_str(),
                if penalty == crate::points::Points(100) {
                    ""
                } else {
                    "s"
                }
            )
        } else {
            format!("verdict: {group} meets the rule; no finding")
        });
        steps
    }
}

/// `  counted: 3 records: A, B, C`.
fn list(what: &str, ids: &[&str]) -> String {
    match ids.len() {
        0 => format!("{what}: none"),
        1 => format!("{what}: 1 record: {}", ids[0]),
        n => format!("{what}: {n} records: {}", ids.join(", ")),
    }
}

/// What an inline waiver for the rule does to the finding, if the record has one.
fn waiver_step(record: &Record, rule: &str, as_of: Date) -> Option<String> {
    use crate::model::WaiverState;
    let w = record
        .waivers
        .iter()
        .find(|w| w.rule.as_ref().is_some_and(|r| r.value == rule))?;
    let by = w.approved_by.as_ref().map_or("", |b| b.value.as_str());
    let reason = w.reason.as_ref().map_or("", |r| r.value.as_str());
    Some(match w.state(as_of) {
        WaiverState::Valid => format!(
            "waived: approved by {by} until {} ({reason}); it costs no points",
            w.until
                .as_ref()
                .map_or(String::new(), |u| u.value.to_string())
        ),
        WaiverState::Expired(until) => {
            format!("a waiver expired on {until}, so the finding counts")
        }
        WaiverState::Incomplete(field) => {
            format!("a waiver has no `{field}` (or it is empty), so it does not apply")
        }
        WaiverState::Malformed => {
            "a waiver has a value that cannot be read, so it does not apply".to_string()
        }
    })
}

/// The catalogue a derivation is written in: verdicts, reasons and notes
/// are said as every report says them, in English.
fn en() -> &'static crate::i18n::Catalogue {
    crate::i18n::Lang::En.catalogue()
}
