//! The derivation of one verdict, step by step, for `rectify explain`:
//! which extension set the effective deadline, how each due date was
//! counted (holidays and weekends skipped, make-up days counted, the
//! roll-forward), what it was compared with, the lateness, the penalty.

use jiff::civil::Date;

use crate::model::Record;

use super::check::{Verdicts, evaluate_rule};
use super::plan::Plan;
use super::value::{Ctx, effective_extension};

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
    let mut ctx = Ctx::new(plan, kind, record, as_of);
    ctx.trace = Some(vec![format!(
        "rule `{}` applies to `{}` records; `{}` is one; evaluated as of {as_of}",
        rule.id, kind.name, record.id.value
    )]);
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

fn conclusion(plan: &Plan, index: usize, verdicts: &Verdicts) -> Vec<String> {
    let rule = &plan.rules[index];
    let penalty = crate::run::describe_penalty(&rule.penalty);
    match verdicts.findings.first() {
        Some(f) if f.cannot_check => vec![format!(
            "verdict: cannot check ({}): an error finding with no penalty",
            f.message
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
                lines.push(format!("penalty: {note}"));
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
