//! The derivation of one verdict, step by step, for `rectify explain`:
//! which extension set the effective deadline, how each due date was
//! counted (holidays and weekends skipped, make-up days counted, the
//! roll-forward), what it was compared with, the lateness, the penalty.

use jiff::civil::Date;

use crate::diag::{Join, join};
use crate::i18n::{Args, Catalogue};
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

/// Explain rule `index` of `plan` on `record`, in the words of `words`.
/// `None` when the rule is for another kind of record.
pub fn explain(
    plan: &Plan,
    record: &Record,
    index: usize,
    as_of: Date,
    words: &'static Catalogue,
) -> Option<Explanation> {
    let rule = plan.rules.get(index)?;
    let kind = plan
        .kinds
        .get(rule.kind)
        .filter(|k| k.name == record.kind.value)?;
    let known = record.known_on(as_of);
    let record = known.as_ref().unwrap_or(record);
    let mut ctx = Ctx::new(plan, kind, record, as_of);
    ctx.words = words;
    let args = Args::new()
        .text("rule", rule.id.as_str())
        .text("kind", kind.name.as_str())
        .text("record", record.id.value.as_str())
        .text("as_of", as_of.to_string());
    ctx.trace = Some(vec![words.format("explain-applies", &args)]);
    if known.is_some() {
        ctx.step(|w| {
            w.format(
                "explain-not-known-yet",
                &Args::new().text("as_of", as_of.to_string()),
            )
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
        steps.extend(membership(words, plan, obs));
        return Some(Explanation { steps, verdicts });
    }
    steps.extend(conclusion(words, plan, index, &verdicts));
    if !verdicts.findings.is_empty() {
        steps.extend(waiver_step(words, record, &rule.id, as_of));
    }
    Some(Explanation { steps, verdicts })
}

/// Which deadline is in force, when the record has one.
fn deadline_steps(ctx: &mut Ctx<'_>) {
    let record = ctx.record;
    let Some(original) = &record.deadline else {
        return;
    };
    let own = original.value.to_string();
    ctx.step(|w| {
        w.format(
            "explain-own-deadline",
            &Args::new().text("date", own.as_str()),
        )
    });
    for (i, ext) in record.extensions.iter().enumerate() {
        ctx.step(|w| {
            let to = ext
                .to
                .as_ref()
                .map_or_else(|| w.text("explain-no-date"), |t| t.value.to_string());
            let args = Args::new().int("n", i as i64 + 1).text("to", to);
            match (&ext.approved_by, &ext.approved_on) {
                (Some(by), Some(on)) => {
                    let args = args
                        .text("by", by.value.as_str())
                        .text("on", on.value.to_string());
                    w.format("explain-extension-approved", &args)
                }
                (Some(by), None) => {
                    let args = args.text("by", by.value.as_str());
                    w.format("explain-extension-approved-undated", &args)
                }
                (None, _) => w.format("explain-extension-unapproved", &args),
            }
        });
    }
    let effective = effective_extension(record);
    ctx.step(|w| match effective {
        Some((i, e)) => {
            let date = e.to.as_ref().map_or(String::new(), |t| t.value.to_string());
            let args = Args::new().text("date", date).int("n", i as i64 + 1);
            w.format("explain-effective-extension", &args)
        }
        None => w.format(
            "explain-effective-own",
            &Args::new().text("date", own.as_str()),
        ),
    });
}

/// `lateness: 6 calendar days, 4 working days`: a lateness or an
/// earliness, with `due` when it says before what.
fn amount_step(
    words: &Catalogue,
    id: &str,
    late: &super::check::Late,
    due: Option<Date>,
) -> String {
    let mut args = Args::new().int("days", late.days);
    if let Some(due) = due {
        args = args.text("due", due.to_string());
    }
    match late.workdays {
        Some(w) => words.format(&format!("{id}-workdays"), &args.int("workdays", w)),
        None => words.format(id, &args),
    }
}

/// A reward rule's conclusion: commended, with how early and the points,
/// or not.
fn commendation(
    words: &Catalogue,
    reward: &crate::eval::plan::Penalty,
    verdicts: &Verdicts,
) -> Vec<String> {
    let described = reward.describe(words, "early");
    let mut lines = vec![words.format(
        "explain-reward-rule",
        &Args::new().text("reward", described),
    )];
    let Some(f) = verdicts.findings.first() else {
        lines.push(words.text("explain-not-commended"));
        return lines;
    };
    if let Some(early) = &f.early {
        lines.push(amount_step(
            words,
            "explain-earliness",
            early,
            Some(early.due),
        ));
    }
    if let Some(note) = &f.penalty_note {
        lines.push(words.format("explain-reward", &Args::new().text("note", note.say(words))));
    }
    let args = Args::new().points("points", f.reward.to_string());
    lines.push(words.format("explain-commended", &args));
    lines
}

fn conclusion(words: &Catalogue, plan: &Plan, index: usize, verdicts: &Verdicts) -> Vec<String> {
    let rule = &plan.rules[index];
    if let Some(reward) = &rule.reward {
        return commendation(words, reward, verdicts);
    }
    match verdicts.findings.first() {
        Some(f) if f.cannot_check => {
            let args = Args::new().text("message", f.verdict.message(words));
            vec![words.format("explain-cannot-check", &args)]
        }
        Some(f) => {
            let penalty = rule.penalty.describe(words, "late");
            let mut lines = vec![words.format(
                "explain-penalty-rule",
                &Args::new().text("penalty", penalty),
            )];
            if let Some(late) = &f.late {
                lines.push(amount_step(words, "explain-lateness", late, None));
            }
            if let Some(note) = &f.penalty_note {
                lines.push(words.format(
                    "explain-penalty",
                    &Args::new().text("note", note.say(words)),
                ));
            }
            let args = Args::new()
                .text("severity", f.severity.as_str())
                .points("points", f.penalty.to_string());
            lines.push(words.format("explain-finding", &args));
            lines
        }
        None if !verdicts.pending.is_empty() => {
            let due = verdicts.pending.iter().map(|p| p.due.to_string());
            let args = Args::new().text("due", join(words, Join::Plain, due));
            vec![words.format("explain-pending", &args)]
        }
        None if verdicts.passed.contains(&index) => vec![words.text("explain-holds")],
        None => vec![words.text("explain-not-applicable")],
    }
}

/// A member record of a group rule: per constraint, whether it was
/// counted and whether it met the condition; the verdict is the group's.
fn membership(words: &Catalogue, plan: &Plan, obs: &group::Observation) -> Vec<String> {
    let rule = &plan.rules[obs.rule];
    let mut steps = Vec::new();
    for (c, holds) in rule.requires.iter().zip(&obs.holds) {
        steps.push(super::check::require(words, &c.text));
        let met = words.text(match holds {
            Tri::True => "explain-member-met",
            Tri::False => "explain-member-not-met",
            Tri::Unknown => "explain-member-unknown",
        });
        let id = match (&c.kind, holds) {
            (C::Count { .. }, Tri::True) => "explain-member-counted",
            (C::Count { .. }, _) => "explain-member-not-counted",
            _ => "explain-member-in-share",
        };
        let said = words.format(id, &Args::new().text("met", met));
        steps.push(format!("  -> {said}"));
    }
    let args = Args::new()
        .text("group", group::describe_in(words, rule, &obs.shown))
        .text(
            "command",
            format!("rectify explain {}{}", rule.id, flags(rule, &obs.shown)),
        );
    steps.push(words.format("explain-member-verdict", &args));
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

/// Why a record of a group is not counted.
enum Skipped {
    CannotCheck(crate::eval::verdict::Verdict),
    When(String),
    NotCounted,
}

impl Skipped {
    fn say(&self, words: &Catalogue) -> String {
        match self {
            Skipped::CannotCheck(v) => {
                let args = Args::new().text("reason", v.message(words));
                words.format("explain-cannot-check-reason", &args)
            }
            Skipped::When(text) => words.format(
                "explain-skipped-when",
                &Args::new().text("when", text.as_str()),
            ),
            Skipped::NotCounted => words.text("explain-skipped"),
        }
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
    skipped: Vec<(String, Skipped)>,
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
                    (Some(f), _) => Skipped::CannotCheck(f.verdict.clone()),
                    (None, Some(when)) => Skipped::When(when.text.clone()),
                    (None, None) => Skipped::NotCounted,
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
    /// penalty and the verdict, in the words of `words`.
    pub fn steps(self, words: &Catalogue) -> Vec<String> {
        let rule = &self.plan.rules[self.index];
        let kind = &self.plan.kinds[rule.kind].name;
        // A unit is shown as its members write it, the others as asked.
        let shown = match self.tally.shown.is_empty() {
            true => &self.shown,
            false => &self.tally.shown,
        };
        let group = group::describe_in(words, rule, shown);
        let keys = rule.group.as_ref().map_or(&[][..], |g| &g.keys[..]);
        let by = match keys {
            [] => words.text("explain-per-run"),
            keys => {
                let names: Vec<&str> = keys.iter().map(|k| k.name.as_str()).collect();
                names.join(&words.text("explain-by-and"))
            }
        };
        let args = Args::new()
            .text("rule", rule.id.as_str())
            .text("kind", kind.as_str())
            .text("by", by)
            .text("group", group.as_str())
            .count("n", self.members.len() + self.skipped.len())
            .text("as_of", self.as_of.to_string());
        let mut steps = vec![words.format("explain-group-applies", &args)];
        for (id, why) in &self.skipped {
            let args = Args::new()
                .text("record", id.as_str())
                .text("why", why.say(words));
            steps.push(words.format("explain-group-skipped", &args));
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
            steps.push(super::check::require(words, &c.text));
            let not_met = ids(&|t| t == Tri::False);
            let unknown = ids(&|t| t == Tri::Unknown);
            let all = ids(&|_| true);
            let lists: &[(&str, &[&str])] = match figure.measure {
                Measure::Share => &[
                    ("explain-list-counted", &all),
                    ("explain-list-met", &met),
                    ("explain-list-not-met", &not_met),
                ],
                Measure::Count => &[
                    ("explain-list-count-met", &met),
                    ("explain-list-count-not-met", &not_met),
                ],
            };
            for (what, ids) in lists {
                steps.push(list(words, what, ids));
            }
            if !unknown.is_empty() {
                steps.push(list(words, "explain-list-unknown", &unknown));
            }
            let args = Args::new()
                .text("shown", group::shown(&figure))
                .count("met", figure.met as usize)
                .count("members", figure.members as usize)
                .text("required", group::required(words, &figure))
                .text("verdict", if ok { "holds" } else { "fails" });
            let id = match figure.measure {
                Measure::Share => "explain-figure-share",
                Measure::Count => "explain-figure-count",
            };
            steps.push(format!("  -> {}", words.format(id, &args)));
            fails |= !ok;
        }
        let penalty = rule.penalty.describe(words, "late");
        steps.push(words.format(
            "explain-penalty-rule",
            &Args::new().text("penalty", penalty),
        ));
        let members = self.members.len() as u64;
        let (penalty, note) = group::charge(rule, &self.tally.holding, members);
        if let Some(note) = note.filter(|_| fails) {
            steps.push(format!("  -> {}", note.say(words)));
        }
        let args = Args::new().text("group", group.as_str());
        steps.push(if fails {
            let args = args
                .text("severity", rule.severity.as_str())
                .points("points", penalty.to_string());
            words.format("explain-group-finding", &args)
        } else {
            words.format("explain-group-meets", &args)
        });
        steps
    }
}

/// `  counted: 3 records: A, B, C`.
fn list(words: &Catalogue, what: &str, ids: &[&str]) -> String {
    let args = Args::new()
        .text("what", words.text(what))
        .count("n", ids.len())
        .text(
            "ids",
            join(words, Join::Plain, ids.iter().map(|id| id.to_string())),
        );
    format!("  {}", words.format("explain-list", &args))
}

/// What an inline waiver for the rule does to the finding, if the record has one.
fn waiver_step(words: &Catalogue, record: &Record, rule: &str, as_of: Date) -> Option<String> {
    use crate::model::WaiverState;
    let w = record
        .waivers
        .iter()
        .find(|w| w.rule.as_ref().is_some_and(|r| r.value == rule))?;
    let by = w.approved_by.as_ref().map_or("", |b| b.value.as_str());
    let reason = w.reason.as_ref().map_or("", |r| r.value.as_str());
    Some(match w.state(as_of) {
        WaiverState::Valid => {
            let until = w
                .until
                .as_ref()
                .map_or(String::new(), |u| u.value.to_string());
            let args = Args::new()
                .text("by", by)
                .text("until", until)
                .text("reason", reason);
            words.format("explain-waived", &args)
        }
        WaiverState::Expired(until) => words.format(
            "explain-waiver-expired",
            &Args::new().text("until", until.to_string()),
        ),
        WaiverState::Incomplete(field) => words.format(
            "explain-waiver-incomplete",
            &Args::new().text("field", field.to_string()),
        ),
        WaiverState::Malformed => words.text("explain-waiver-malformed"),
    })
}
