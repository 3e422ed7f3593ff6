//! Warnings about rule files that check but are probably not what the
//! writer meant: declarations nothing uses, conditions that can never hold,
//! penalties that can never grow, rules that say the same thing twice.
//!
//! Owns: those warnings, each at a span of a rule file. Must not: reject a
//! rule set (that is `compile`), do I/O or print.
//!
//! Codes (documented in docs/rule-language.md, "Warnings"):
//!
//! - [`codes::UNUSED_KIND`] `rules::unused-kind`: a pipeline declares a kind
//!   no rule is `for`.
//! - [`codes::UNUSED_CALENDAR`] `rules::unused-calendar`: a calendar, while
//!   no rule counts working days and deadlines do not move to the next workday.
//! - [`codes::UNUSED_SCORING`] `rules::unused-scoring`: a scoring scheme,
//!   while no rule has a penalty.
//! - [`codes::UNKNOWN_KIND_VALUE`] `rules::unknown-kind-value`: a condition
//!   compares `kind` with a kind no pipeline declares (`kind = "petiton"`),
//!   so it can never hold.
//! - [`codes::LATENESS_WITHOUT_DEADLINE`] `rules::lateness-without-deadline`:
//!   a penalty with a `plus … per … late` part on a rule with no deadline
//!   constraint (`within` or `by`), so there is never any lateness.
//! - [`codes::UNROLLED_DATE`] `rules::unrolled-date`: a stage's date
//!   compared with `deadline` or a computed date (`assigned + 30 days`) in a
//!   ruleset that moves due dates to the next workday: expressions do not
//!   move dates, so the comparison disagrees with the deadline rules.
//! - [`codes::UNDECLARED_FIELD`] `rules::undeclared-field`: a rule reads a
//!   field the record format does not define and no `extra fields`
//!   declaration names, so a misspelling would go unnoticed (at its first
//!   use).
//! - [`codes::DUPLICATE_CONSTRAINTS`] `rules::duplicate-constraints`: two
//!   rules with the same `for`, `when` and `require`s, so every record gets
//!   both findings or neither.

use crate::diag::{Diagnostic, Join, Message};
use crate::source::Span;
use crate::syntax::ast::Unit;
use crate::syntax::ast::{
    self, CmpOp, ConstraintKind, Decl, DurationExpr, Expr, ExprKind, LateUnit, RollPolicy,
};

use super::compile::{Located, Source, did_you_mean};
use super::plan::Plan;

/// Warning codes; each is described in the module documentation.
pub mod codes {
    pub const UNUSED_KIND: &str = "rules::unused-kind";
    pub const UNUSED_CALENDAR: &str = "rules::unused-calendar";
    pub const UNUSED_SCORING: &str = "rules::unused-scoring";
    pub const UNKNOWN_KIND_VALUE: &str = "rules::unknown-kind-value";
    pub const LATENESS_WITHOUT_DEADLINE: &str = "rules::lateness-without-deadline";
    pub const DUPLICATE_CONSTRAINTS: &str = "rules::duplicate-constraints";
    pub const UNROLLED_DATE: &str = "rules::unrolled-date";
    pub const UNDECLARED_FIELD: &str = "rules::undeclared-field";

    /// Every warning code, for documentation and tests.
    pub const ALL: [&str; 8] = [
        UNDECLARED_FIELD,
        UNROLLED_DATE,
        UNUSED_KIND,
        UNUSED_CALENDAR,
        UNUSED_SCORING,
        UNKNOWN_KIND_VALUE,
        LATENESS_WITHOUT_DEADLINE,
        DUPLICATE_CONSTRAINTS,
    ];
}

/// A warning at a span of a rule file: the file (the index given with its
/// AST) and the diagnostic, of severity warning.
pub type Warning = Located;

/// Every warning about rule files that compiled into `plan`, in file order.
pub fn lint(sources: &[Source<'_>], plan: &Plan) -> Vec<Warning> {
    let mut out = Vec::new();
    let rules: Vec<(usize, &ast::Rule)> = sources
        .iter()
        .flat_map(|s| s.ast.rules.iter().map(move |r| (s.file, r)))
        .collect();
    unused_declarations(sources, &rules, &mut out);
    let kinds: Vec<&str> = plan.kinds.iter().map(|k| k.name.as_str()).collect();
    for &(file, rule) in &rules {
        for e in rule.when.iter().chain(rule.requires.iter().filter_map(|c| {
            if let ConstraintKind::Expr(e) = &c.kind {
                Some(e)
            } else {
                None
            }
        })) {
            kind_values(e, &kinds, file, &mut out);
        }
        lateness_without_deadline(file, rule, &mut out);
        if plan.roll == RollPolicy::NextWorkday && plan.calendar.is_some() {
            unrolled_dates(file, rule, &mut out);
        }
    }
    duplicates(sources, &rules, &mut out);
    undeclared_fields(plan, &mut out);
    out.sort_by_key(|(file, w)| (*file, w.span.start));
    out
}

fn warning(
    code: &'static str,
    file: usize,
    span: Span,
    message: Message,
    help: impl Into<Message>,
) -> Warning {
    (
        file,
        Diagnostic::warning(code, span, message).with_help(help),
    )
}

fn unused_declarations(
    sources: &[Source<'_>],
    rules: &[(usize, &ast::Rule)],
    out: &mut Vec<Warning>,
) {
    let workdays = rules.iter().any(|(_, r)| counts_workdays(r));
    // Rewards use the scoring scheme as penalties do.
    let penalties = rules.iter().any(|(_, r)| {
        (r.penalty.iter().chain(&r.reward))
            .any(|p| p.fixed.value.0 > 0 || p.per.is_some() || p.short.is_some())
    });
    let decls = sources.iter().flat_map(|s| {
        s.ast
            .rulesets
            .iter()
            .flat_map(move |r| r.decls.iter().map(move |d| (s.file, d)))
    });
    let decls: Vec<(usize, &Decl)> = decls.collect();
    let rolls = decls
        .iter()
        .any(|(_, d)| matches!(d, Decl::Roll(p) if p.value == RollPolicy::NextWorkday));
    for (file, decl) in decls {
        match decl {
            Decl::Pipeline { kind, .. }
                if !rules.iter().any(|(_, r)| r.kind.value == kind.value) =>
            {
                out.push(warning(
                    codes::UNUSED_KIND,
                    file,
                    kind.span,
                    Message::new("rules-unused-kind").text("kind", &kind.value),
                    Message::new("rules-unused-kind.help").text("kind", &kind.value),
                ));
            }
            Decl::Calendar(path) if !workdays && !rolls => out.push(warning(
                codes::UNUSED_CALENDAR,
                file,
                path.span,
                Message::new("rules-unused-calendar").text("calendar", &path.value),
                "rules-unused-calendar.help",
            )),
            Decl::Score(s) if !penalties => out.push(warning(
                codes::UNUSED_SCORING,
                file,
                s.span,
                Message::new("rules-unused-scoring"),
                "rules-unused-scoring.help",
            )),
            _ => {}
        }
    }
}

/// The rule counts working days somewhere (a duration, a lateness period).
fn counts_workdays(rule: &ast::Rule) -> bool {
    let per = (rule.penalty.iter().chain(&rule.reward))
        .filter_map(|p| p.per.as_ref())
        .any(|p| p.unit == LateUnit::Workdays);
    let when = rule.when.as_ref().is_some_and(expr_workdays);
    per || when
        || rule.requires.iter().any(|c| match &c.kind {
            ConstraintKind::Within { within, after, .. } => {
                dur_workdays(within) || expr_workdays(after)
            }
            ConstraintKind::By { date, .. } => expr_workdays(date),
            ConstraintKind::Lasts { at_least, .. } => at_least.unit == Unit::Workdays,
            ConstraintKind::Each { body, .. } | ConstraintKind::Expr(body) => expr_workdays(body),
            _ => false,
        })
}

fn dur_workdays(d: &DurationExpr) -> bool {
    match d {
        DurationExpr::Fixed(d) => d.unit == Unit::Workdays,
        DurationExpr::If {
            cond,
            then,
            otherwise,
            ..
        } => expr_workdays(cond) || dur_workdays(then) || dur_workdays(otherwise),
    }
}

fn expr_workdays(e: &Expr) -> bool {
    let mut found = false;
    visit(e, &mut |e| {
        if let ExprKind::DateAdd { duration, .. } = &e.kind {
            found |= duration.unit == Unit::Workdays;
        }
    });
    found
}

/// Comparisons of a stage's date with `deadline` or a computed date, which
/// no roll-forward moves (`closure <= deadline`, `closed <= assigned + 30
/// days`).
fn unrolled_dates(file: usize, rule: &ast::Rule, out: &mut Vec<Warning>) {
    let exprs = rule
        .when
        .iter()
        .chain(rule.requires.iter().filter_map(|c| match &c.kind {
            ConstraintKind::Expr(e)
            | ConstraintKind::Share { of: e, .. }
            | ConstraintKind::Count { of: e, .. } => Some(e),
            _ => None,
        }));
    let stage = |e: &Expr| matches!(&e.kind, ExprKind::Path(p) if p.len() == 1);
    let computed = |e: &Expr| {
        matches!(
            e.kind,
            ExprKind::DateAdd { .. }
                | ExprKind::DateWord(ast::DateWord::Deadline | ast::DateWord::OriginalDeadline)
        )
    };
    for e in exprs {
        visit(e, &mut |e| {
            let ExprKind::Cmp { op, lhs, rhs } = &e.kind else {
                return;
            };
            let ordered = matches!(op, CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge);
            if ordered && ((stage(lhs) && computed(rhs)) || (computed(lhs) && stage(rhs))) {
                out.push(warning(
                    codes::UNROLLED_DATE,
                    file,
                    e.span,
                    Message::new("rules-unrolled-date"),
                    "rules-unrolled-date.help",
                ));
            }
        });
    }
}

/// Call `f` on `e` and every expression inside it.
fn visit(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    f(e);
    match &e.kind {
        ExprKind::Cmp { lhs, rhs, .. } => {
            visit(lhs, f);
            visit(rhs, f);
        }
        ExprKind::And(l, r) | ExprKind::Or(l, r) => {
            visit(l, f);
            visit(r, f);
        }
        ExprKind::Not(x)
        | ExprKind::IsPresent(x)
        | ExprKind::IsMissing(x)
        | ExprKind::Matches { value: x, .. }
        | ExprKind::DateAdd { date: x, .. } => visit(x, f),
        ExprKind::In { value, list } => {
            visit(value, f);
            list.iter().for_each(|i| visit(i, f));
        }
        _ => {}
    }
}

/// `kind = "petiton"`, `kind in ["task", "petiton"]`: a kind nothing declares.
fn kind_values(e: &Expr, kinds: &[&str], file: usize, out: &mut Vec<Warning>) {
    let is_kind =
        |e: &Expr| matches!(&e.kind, ExprKind::Path(p) if p.len() == 1 && p[0].value == "kind");
    let mut check = |value: &Expr| {
        let ExprKind::Str(name) = &value.kind else {
            return;
        };
        // Text compares by key, so `kind = "Petition"` matches `petition`.
        let key = crate::units::key(name);
        if kinds.iter().any(|k| crate::units::key(k) == key) {
            return;
        }
        let help = did_you_mean(name, kinds).unwrap_or_else(|| {
            Message::new("rules-unknown-kind-value.help").names("kinds", Join::Plain, kinds)
        });
        out.push(warning(
            codes::UNKNOWN_KIND_VALUE,
            file,
            value.span,
            Message::new("rules-unknown-kind-value").text("kind", name),
            help,
        ));
    };
    visit(e, &mut |e| match &e.kind {
        ExprKind::Cmp {
            op: CmpOp::Eq | CmpOp::Ne,
            lhs,
            rhs,
        } => {
            if is_kind(lhs) {
                check(rhs);
            } else if is_kind(rhs) {
                check(lhs);
            }
        }
        ExprKind::In { value, list } if is_kind(value) => list.iter().for_each(&mut check),
        _ => {}
    });
}

fn lateness_without_deadline(file: usize, rule: &ast::Rule, out: &mut Vec<Warning>) {
    let Some(per) = rule.penalty.as_ref().and_then(|p| p.per.as_ref()) else {
        return;
    };
    let deadline = rule.requires.iter().any(|c| {
        matches!(
            c.kind,
            ConstraintKind::Within { .. } | ConstraintKind::By { .. }
        )
    });
    if !deadline {
        out.push(warning(
            codes::LATENESS_WITHOUT_DEADLINE,
            file,
            per.span,
            Message::new("rules-lateness-without-deadline").text("rule", &rule.id.value),
            "rules-lateness-without-deadline.help",
        ));
    }
}

/// Two rules with equal `for`, `when` and `require`s (spans aside). Rules
/// are bucketed by a text that equal rules always share, so a rule is
/// compared only with the few before it that could equal it, not with all
/// of them (ten thousand rules took seconds).
fn duplicates(sources: &[Source<'_>], rules: &[(usize, &ast::Rule)], out: &mut Vec<Warning>) {
    let mut buckets: std::collections::HashMap<String, Vec<usize>> = Default::default();
    for (i, &(file, rule)) in rules.iter().enumerate() {
        let text = sources
            .iter()
            .find(|s| s.file == file)
            .map_or("", |s| s.text);
        let bucket = buckets.entry(same_key(text, rule)).or_default();
        let same = bucket.iter().map(|&j| &rules[j]).find(|(_, first)| {
            first.kind == rule.kind && first.when == rule.when && first.requires == rule.requires
        });
        bucket.push(i);
        if let Some(&(first_file, first)) = same {
            let mut w = warning(
                codes::DUPLICATE_CONSTRAINTS,
                file,
                rule.id.span,
                Message::new("rules-duplicate-constraints")
                    .text("rule", &rule.id.value)
                    .text("first", &first.id.value),
                "rules-duplicate-constraints.help",
            );
            w.1.related.push((
                first_file,
                first.id.span,
                Message::new("rules-duplicate-constraints.first").text("rule", &first.id.value),
            ));
            out.push(w);
        }
    }
}

/// The canonical text of a rule's `for`, `when` and `require`s, which rules
/// equal in those always share. Group thresholds print as written (`95%`,
/// `95.0%`), so a group constraint counts only by its place.
fn same_key(text: &str, rule: &ast::Rule) -> String {
    let mut key = rule.kind.value.clone();
    if let Some(e) = &rule.when {
        key.push_str("\nwhen ");
        key.push_str(&crate::syntax::fmt::expr(text, e));
    }
    for c in &rule.requires {
        key.push_str("\nrequire ");
        match &c.kind {
            ConstraintKind::Share { .. } | ConstraintKind::Count { .. } => key.push_str("group"),
            _ => key.push_str(&crate::syntax::fmt::constraint(text, c)),
        }
    }
    key
}

/// The first use of each field path outside the record format that no
/// `extra fields` declaration covers.
fn undeclared_fields(plan: &Plan, out: &mut Vec<Warning>) {
    let mut seen: Vec<&[String]> = Vec::new();
    for used in plan.field_uses.iter().filter(|u| !u.declared) {
        if seen.contains(&used.path.as_slice()) {
            continue;
        }
        seen.push(&used.path);
        let path = used.path.join(".");
        out.push(warning(
            codes::UNDECLARED_FIELD,
            used.file,
            used.span,
            Message::new("rules-undeclared-field").text("path", &path),
            Message::new("rules-undeclared-field.help").text("path", &path),
        ));
    }
}
