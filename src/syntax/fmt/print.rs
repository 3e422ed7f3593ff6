//! One AST node -> its canonical text on one line: single spaces,
//! parentheses only where precedence needs them, strings re-escaped,
//! numbers as written (taken from the source by span).

use crate::syntax::ast::Unit;
use crate::syntax::ast::{
    Constraint, ConstraintKind, DateWord, Decl, Duration, DurationExpr, Expr, ExprKind, LateUnit,
    OrderOp, Penalty, RollPolicy, Scoring, Sign,
};

/// Prints nodes of one file; `text` is the file, for numbers as written.
pub(super) struct Printer<'a> {
    pub text: &'a str,
}

impl Printer<'_> {
    /// A literal exactly as written at `span` (numbers, points).
    fn written(&self, span: crate::source::Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    pub fn decl(&self, decl: &Decl) -> String {
        match decl {
            Decl::Calendar(path) => format!("calendar {}", string(&path.value)),
            Decl::Roll(policy) => match policy.value {
                RollPolicy::NextWorkday => {
                    "deadlines on a non-working day move to the next workday".into()
                }
                RollPolicy::Stay => "deadlines on a non-working day stay".into(),
            },
            Decl::Pipeline { kind, stages, .. } => {
                let stages: Vec<&str> = stages.iter().map(|s| s.value.as_str()).collect();
                format!("pipeline {}: {}", kind.value, stages.join(" -> "))
            }
            Decl::Score(scoring) => self.scoring(scoring),
            Decl::Fields { paths, .. } => {
                let paths: Vec<&str> = paths.iter().map(|p| p.value.as_str()).collect();
                format!("extra fields: {}", paths.join(", "))
            }
        }
    }

    fn scoring(&self, s: &Scoring) -> String {
        let grades: Vec<String> = s
            .grades
            .iter()
            .map(|g| {
                let mut grade = match &g.at_least {
                    Some(t) => format!("{} >= {}", g.name.value, self.written(t.span)),
                    None => g.name.value.clone(),
                };
                for t in &g.titles {
                    grade.push_str(&format!(" title {} {}", t.tag.value, string(&t.text.value)));
                }
                grade
            })
            .collect();
        let ceiling = s.ceiling.as_ref().map_or_else(String::new, |c| {
            format!(", at most {}", self.written(c.span))
        });
        format!(
            "score per unit from {}, not below {}{ceiling}; grades: {}",
            self.written(s.start.span),
            self.written(s.floor.span),
            grades.join(", ")
        )
    }

    pub fn penalty(&self, p: &Penalty) -> String {
        self.figures("penalty", "late", p)
    }

    pub fn reward(&self, p: &Penalty) -> String {
        self.figures("reward", "early", p)
    }

    /// `penalty 1 point, plus … per … late, at most …` or the same with
    /// `reward` and `early`.
    fn figures(&self, keyword: &str, period: &str, p: &Penalty) -> String {
        let noun = |points: crate::points::Points| {
            if points == crate::points::Points(100) {
                "point"
            } else {
                "points"
            }
        };
        let mut out = match p.short.as_ref().filter(|s| !s.plus) {
            // `penalty 1 point per record over`: the number is per record.
            Some(s) => format!(
                "{keyword} {} {} per {} {}",
                self.written(s.points.span),
                noun(s.points.value),
                s.unit.as_str(),
                s.dir.value.as_str()
            ),
            None => format!(
                "{keyword} {} {}",
                self.written(p.fixed.span),
                noun(p.fixed.value)
            ),
        };
        if let Some(s) = p.short.as_ref().filter(|s| s.plus) {
            let points = self.written(s.points.span);
            let (unit, dir) = (s.unit.as_str(), s.dir.value.as_str());
            out.push_str(&format!(", plus {points} per {unit} {dir}"));
        }
        if let Some(per) = &p.per {
            let unit = match (per.unit, per.every) {
                (LateUnit::Days, 1) => "day".to_string(),
                (LateUnit::Workdays, 1) => "workday".to_string(),
                (LateUnit::Days, n) => format!("{n} days"),
                (LateUnit::Workdays, n) => format!("{n} workdays"),
            };
            let points = self.written(per.points.span);
            out.push_str(&format!(", plus {points} per {unit} {period}"));
        }
        if let Some(cap) = &p.cap {
            out.push_str(&format!(", at most {}", self.written(cap.span)));
        }
        out
    }

    pub fn constraint(&self, c: &Constraint) -> String {
        match &c.kind {
            ConstraintKind::Within {
                stage,
                within,
                after,
            } => format!(
                "{} within {} after {}",
                stage.value,
                self.dur_expr(within),
                self.expr(after)
            ),
            ConstraintKind::By { stage, date } => format!("{} by {}", stage.value, self.expr(date)),
            ConstraintKind::Order { first, op, second } => {
                let op = match op.value {
                    OrderOp::Before => "before",
                    OrderOp::OnOrBefore => "on or before",
                    OrderOp::After => "after",
                    OrderOp::OnOrAfter => "on or after",
                };
                format!("{} {op} {}", first.value, second.value)
            }
            ConstraintKind::StagesInOrder => "stages in order".into(),
            ConstraintKind::Lasts { stage, at_least } => {
                format!("{} lasts at least {}", stage.value, duration(at_least))
            }
            ConstraintKind::HasEvidence { stage } => format!("{} has evidence", stage.value),
            ConstraintKind::Each { list, body } => {
                format!("each {}: {}", list.value, self.expr(body))
            }
            ConstraintKind::Expr(e) => self.expr(e),
            ConstraintKind::Share { of, op, threshold } => format!(
                "share of ({}) {} {}",
                self.expr(of),
                op.value.as_str(),
                self.written(threshold.span)
            ),
            ConstraintKind::Count { of, op, n } => format!(
                "count of ({}) {} {}",
                self.expr(of),
                op.value.as_str(),
                self.written(n.span)
            ),
        }
    }

    fn dur_expr(&self, d: &DurationExpr) -> String {
        match d {
            DurationExpr::Fixed(d) => duration(d),
            DurationExpr::If {
                cond,
                then,
                otherwise,
                ..
            } => format!(
                "(if {} then {} else {})",
                self.expr(cond),
                self.dur_expr(then),
                self.dur_expr(otherwise)
            ),
        }
    }

    /// A whole expression (where the grammar takes `expr`).
    pub fn expr(&self, e: &Expr) -> String {
        self.at(e, Prec::Or)
    }

    /// `e` where the grammar needs at least `min`: in parentheses if it binds looser.
    fn at(&self, e: &Expr, min: Prec) -> String {
        let text = self.bare(e);
        if prec(e) < min {
            format!("({text})")
        } else {
            text
        }
    }

    fn bare(&self, e: &Expr) -> String {
        match &e.kind {
            ExprKind::Path(segments) => {
                let names: Vec<&str> = segments.iter().map(|s| s.value.as_str()).collect();
                names.join(".")
            }
            ExprKind::DateWord(word) => date_word(*word).into(),
            // Only the condition of `share of (…)`, which prints the brackets.
            ExprKind::Met(c) => self.constraint(c),
            ExprKind::Verdict { passes, rule } => {
                let word = if *passes { "passes" } else { "fails" };
                format!("{word} {}", rule.value)
            }
            ExprKind::Extended => "extended".into(),
            ExprKind::Str(s) => string(s),
            ExprKind::Num(n) => n.clone(),
            ExprKind::Percent(p) => format!("{p}%"),
            ExprKind::Date(d) => d.to_string(),
            ExprKind::Bool(b) => b.to_string(),
            ExprKind::Cmp { op, lhs, rhs } => format!(
                "{} {} {}",
                self.at(lhs, Prec::Postfix),
                op.as_str(),
                self.at(rhs, Prec::Postfix)
            ),
            ExprKind::And(l, r) => {
                format!("{} and {}", self.at(l, Prec::And), self.at(r, Prec::Not))
            }
            ExprKind::Or(l, r) => format!("{} or {}", self.at(l, Prec::Or), self.at(r, Prec::And)),
            ExprKind::Not(x) => format!("not {}", self.at(x, Prec::Cmp)),
            ExprKind::IsPresent(x) => format!("{} is present", self.at(x, Prec::Postfix)),
            ExprKind::IsMissing(x) => format!("{} is missing", self.at(x, Prec::Postfix)),
            ExprKind::In { value, list } => {
                let items: Vec<String> = list.iter().map(|i| self.expr(i)).collect();
                format!(
                    "{} in [{}]",
                    self.at(value, Prec::Postfix),
                    items.join(", ")
                )
            }
            ExprKind::Matches { value, pattern } => format!(
                "{} matches {}",
                self.at(value, Prec::Postfix),
                string(&pattern.value)
            ),
            ExprKind::DateAdd {
                date,
                sign,
                duration: d,
            } => {
                let sign = match sign {
                    Sign::Plus => '+',
                    Sign::Minus => '-',
                };
                format!("{} {sign} {}", self.at(date, Prec::Postfix), duration(d))
            }
        }
    }
}

/// How tightly an expression binds, loosest first (the grammar's order).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Prec {
    Or,
    And,
    Not,
    Cmp,
    Postfix,
    Primary,
}

fn prec(e: &Expr) -> Prec {
    match &e.kind {
        ExprKind::Or(..) => Prec::Or,
        ExprKind::And(..) => Prec::And,
        ExprKind::Not(_) => Prec::Not,
        ExprKind::Cmp { .. } => Prec::Cmp,
        ExprKind::IsPresent(_)
        | ExprKind::IsMissing(_)
        | ExprKind::In { .. }
        | ExprKind::Matches { .. }
        | ExprKind::DateAdd { .. } => Prec::Postfix,
        _ => Prec::Primary,
    }
}

fn date_word(word: DateWord) -> &'static str {
    match word {
        DateWord::Assigned => "assigned",
        DateWord::Deadline => "deadline",
        DateWord::OriginalDeadline => "original deadline",
        DateWord::Today => "today",
        DateWord::ExtendedDeadline => "extended deadline",
    }
}

/// `30 workdays`, `1 month`: singular for exactly one.
pub(super) fn duration(d: &Duration) -> String {
    let unit = match d.unit {
        Unit::Days => "day",
        Unit::Workdays => "workday",
        Unit::Weeks => "week",
        Unit::Months => "month",
        Unit::Years => "year",
    };
    let plural = if d.n == 1 { "" } else { "s" };
    format!("{} {unit}{plural}", d.n)
}

/// A string literal, escaped canonically: `\"`, `\\`, `\n`, `\t`, other
/// control characters as `\u{…}`; everything else as itself.
pub(super) fn string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:X}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
