//! Lowering of constraints, durations and expressions. Expressions go
//! through a [`PrattParser`], loosest first: `or`, `and`, prefix `not`,
//! comparisons, then the postfix operators (`is present`, `is missing`,
//! `in [..]`, `matches "…"`, `+ 1 month`). The grammar already allows one
//! comparison operator at most, so comparisons do not associate.

use std::sync::LazyLock;

use pest::pratt_parser::{Assoc, Op, PrattParser};

use super::MAX_TOKENS;
use super::ast::Unit;
use super::ast::{
    CmpOp, Constraint, ConstraintKind, DateWord, Duration, DurationExpr, Expr, ExprKind, OrderOp,
    Sign,
};
use super::error::TOO_DEEP;
use super::literal;
use super::lower::Lower;
use super::parser::{P, Rule, all, find, kids, span};
use crate::diag::{Diagnostic, Message};
use crate::source::Spanned;

static PRATT: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    let cmp = [
        Rule::op_eq,
        Rule::op_ne,
        Rule::op_lt,
        Rule::op_le,
        Rule::op_gt,
        Rule::op_ge,
    ];
    let post = [
        Rule::is_present,
        Rule::is_missing,
        Rule::in_list,
        Rule::matches,
        Rule::date_add,
    ];
    let cmp = cmp
        .into_iter()
        .map(|r| Op::infix(r, Assoc::Left))
        .reduce(|a, b| a | b);
    let post = post.into_iter().map(Op::postfix).reduce(|a, b| a | b);
    let mut pratt = PrattParser::new()
        .op(Op::infix(Rule::op_or, Assoc::Left))
        .op(Op::infix(Rule::op_and, Assoc::Left))
        .op(Op::prefix(Rule::op_not));
    for op in [cmp, post].into_iter().flatten() {
        pratt = pratt.op(op);
    }
    pratt
});

impl Lower {
    pub fn constraint(&self, pair: P<'_>) -> Option<Constraint> {
        let span = span(&pair);
        let inner = kids(&pair).next()?;
        let ident = |p: &P<'_>| self.child(p, Rule::ident).map(|i| self.ident(i));
        let kind = match inner.as_rule() {
            Rule::within | Rule::by => self.deadline(&inner)?,
            Rule::order => self.order(&inner)?,
            Rule::in_order => ConstraintKind::StagesInOrder,
            Rule::lasts => {
                let stage = ident(&inner);
                let at_least = self
                    .child(&inner, Rule::duration)
                    .and_then(|d| self.duration(d));
                ConstraintKind::Lasts {
                    stage: stage?,
                    at_least: at_least?,
                }
            }
            Rule::has_evidence => ConstraintKind::HasEvidence {
                stage: ident(&inner)?,
            },
            Rule::each => {
                let list = ident(&inner);
                let body = self.child(&inner, Rule::expr).and_then(|e| self.expr(e));
                ConstraintKind::Each {
                    list: list?,
                    body: body?,
                }
            }
            Rule::expr => ConstraintKind::Expr(self.expr(inner)?),
            Rule::share | Rule::count => self.group_constraint(&inner)?,
            _ => return self.unexpected(&inner),
        };
        Some(Constraint { kind, span })
    }

    /// `plan within 30 workdays after assigned`, `closure by deadline`.
    fn deadline(&self, inner: &P<'_>) -> Option<ConstraintKind> {
        let stage = self.child(inner, Rule::ident).map(|i| self.ident(i));
        let date = self.child(inner, Rule::expr).and_then(|e| self.expr(e));
        if inner.as_rule() == Rule::by {
            return Some(ConstraintKind::By {
                stage: stage?,
                date: date?,
            });
        }
        let within = self
            .child(inner, Rule::dur_expr)
            .and_then(|d| self.dur_expr(d));
        Some(ConstraintKind::Within {
            stage: stage?,
            within: within?,
            after: date?,
        })
    }

    /// `share of (<expr>) >= 95%`, `count of (<expr>) <= 3`, or of a
    /// deadline: `share of (closed within 60 days after assigned) >= 95%`.
    fn group_constraint(&self, pair: &P<'_>) -> Option<ConstraintKind> {
        let of = match find(pair, Rule::met) {
            Some(met) => {
                let inner = kids(&met).find(|p| matches!(p.as_rule(), Rule::within | Rule::by));
                let inner = inner.or_else(|| self.unexpected(&met))?;
                let c = Constraint {
                    kind: self.deadline(&inner)?,
                    span: span(&inner),
                };
                Some(Expr {
                    kind: ExprKind::Met(Box::new(c)),
                    span: span(&met),
                })
            }
            None => self.child(pair, Rule::paren).and_then(|p| self.primary(p)),
        };
        let op_pair = self.child(pair, Rule::cmp_op)?;
        let which = kids(&op_pair).next().map_or(Rule::op_eq, |p| p.as_rule());
        let op = Spanned::new(cmp_op(which), span(&op_pair));
        if pair.as_rule() == Rule::share {
            let pct = self.child(pair, Rule::percent)?;
            let threshold = match literal::percent(pct.as_str()) {
                Ok(share) => Spanned::new(share, span(&pct)),
                Err(problem) => return self.problem(literal::BAD_PERCENT, span(&pct), problem),
            };
            return Some(ConstraintKind::Share {
                of: of?,
                op,
                threshold,
            });
        }
        let int = self.child(pair, Rule::int)?;
        let n = Spanned::new(self.count(int.clone())?, span(&int));
        Some(ConstraintKind::Count { of: of?, op, n })
    }

    /// `acceptance before closure`, `closure on or after notice`.
    fn order(&self, pair: &P<'_>) -> Option<ConstraintKind> {
        let mut stages = all(pair, Rule::ident).map(|i| self.ident(i));
        let (first, second) = (stages.next()?, stages.next()?);
        let op_pair = self.child(pair, Rule::order_op)?;
        let op = match kids(&op_pair).next().map(|p| p.as_rule()) {
            Some(Rule::on_or_before) => OrderOp::OnOrBefore,
            Some(Rule::on_or_after) => OrderOp::OnOrAfter,
            Some(Rule::before) => OrderOp::Before,
            _ => OrderOp::After,
        };
        Some(ConstraintKind::Order {
            first,
            op: Spanned::new(op, span(&op_pair)),
            second,
        })
    }

    /// `30 days`, or `(if extended then 90 days else 60 days)`.
    fn dur_expr(&self, pair: P<'_>) -> Option<DurationExpr> {
        let inner = kids(&pair).next()?;
        if inner.as_rule() == Rule::duration {
            return self.duration(inner).map(DurationExpr::Fixed);
        }
        let span = span(&inner);
        let cond = self.child(&inner, Rule::expr).and_then(|e| self.expr(e));
        let mut arms = all(&inner, Rule::dur_expr).map(|d| self.dur_expr(d));
        let (then, otherwise) = (arms.next().flatten(), arms.next().flatten());
        Some(DurationExpr::If {
            cond: Box::new(cond?),
            then: Box::new(then?),
            otherwise: Box::new(otherwise?),
            span,
        })
    }

    pub fn duration(&self, pair: P<'_>) -> Option<Duration> {
        let span = span(&pair);
        let n = self.count(self.child(&pair, Rule::int)?);
        let unit = match self
            .child(&pair, Rule::unit)
            .and_then(|u| kids(&u).next())
            .map(|u| u.as_rule())?
        {
            Rule::kw_day | Rule::kw_days => Unit::Days,
            Rule::kw_workday | Rule::kw_workdays => Unit::Workdays,
            Rule::kw_week | Rule::kw_weeks => Unit::Weeks,
            Rule::kw_month | Rule::kw_months => Unit::Months,
            _ => Unit::Years,
        };
        Some(Duration { n: n?, unit, span })
    }

    pub fn expr(&self, pair: P<'_>) -> Option<Expr> {
        // Every operator nests the tree one level deeper.
        if kids(&pair).count() > MAX_TOKENS {
            let message = Message::new("rules-too-deep-expression").int("max", MAX_TOKENS as i64);
            let error = Diagnostic::error(TOO_DEEP, span(&pair), message);
            return self.fail(error.with_help("rules-too-deep.help"));
        }
        PRATT
            .map_primary(|p| self.primary(p))
            .map_prefix(|op, rhs| {
                let rhs = rhs?;
                Some(Expr {
                    span: span(&op).join(rhs.span),
                    kind: ExprKind::Not(Box::new(rhs)),
                })
            })
            .map_postfix(|lhs, op| self.postfix(lhs, op))
            .map_infix(|lhs, op, rhs| {
                let (lhs, rhs) = (lhs?, rhs?);
                let span = lhs.span.join(rhs.span);
                let (lhs, rhs) = (Box::new(lhs), Box::new(rhs));
                let kind = match op.as_rule() {
                    Rule::op_or => ExprKind::Or(lhs, rhs),
                    Rule::op_and => ExprKind::And(lhs, rhs),
                    other => ExprKind::Cmp {
                        op: cmp_op(other),
                        lhs,
                        rhs,
                    },
                };
                Some(Expr { kind, span })
            })
            .parse(kids(&pair))
    }

    fn primary(&self, pair: P<'_>) -> Option<Expr> {
        let span = span(&pair);
        let text = pair.as_str();
        let kind = match pair.as_rule() {
            Rule::date => match literal::date(text) {
                Ok(date) => ExprKind::Date(date),
                Err(problem) => return self.problem(literal::BAD_DATE, span, problem),
            },
            Rule::percent => match literal::percent(text) {
                Ok(share) => ExprKind::Percent(share),
                Err(problem) => return self.problem(literal::BAD_PERCENT, span, problem),
            },
            Rule::number => ExprKind::Num(text.to_string()),
            Rule::string => ExprKind::Str(self.string(pair)?.value),
            Rule::boolean => ExprKind::Bool(find(&pair, Rule::kw_true).is_some()),
            Rule::date_word => ExprKind::DateWord(date_word(&pair)),
            Rule::extended => ExprKind::Extended,
            Rule::verdict => {
                let passes = find(&pair, Rule::kw_passes).is_some();
                let id = self.child(&pair, Rule::rule_id)?;
                let rule = Spanned::new(id.as_str().to_string(), super::parser::span(&id));
                ExprKind::Verdict { passes, rule }
            }
            Rule::path => ExprKind::Path(all(&pair, Rule::ident).map(|i| self.ident(i)).collect()),
            Rule::paren => {
                return self
                    .child(&pair, Rule::expr)
                    .and_then(|e| self.expr(e))
                    .map(|e| Expr { span, ..e });
            }
            _ => return self.unexpected(&pair),
        };
        Some(Expr { kind, span })
    }

    /// `lhs is present`, `lhs in [..]`, `lhs matches "…"`, `lhs + 1 month`.
    fn postfix(&self, lhs: Option<Expr>, op: P<'_>) -> Option<Expr> {
        let span = span(&op);
        let kind = match op.as_rule() {
            Rule::is_present => ExprKind::IsPresent(Box::new(lhs?)),
            Rule::is_missing => ExprKind::IsMissing(Box::new(lhs?)),
            Rule::in_list => {
                let list: Vec<_> = all(&op, Rule::expr).map(|e| self.expr(e)).collect();
                ExprKind::In {
                    value: Box::new(lhs?),
                    list: list.into_iter().collect::<Option<_>>()?,
                }
            }
            Rule::matches => {
                let pattern = self.child(&op, Rule::string).and_then(|s| self.string(s));
                ExprKind::Matches {
                    value: Box::new(lhs?),
                    pattern: pattern?,
                }
            }
            Rule::date_add => {
                let sign = if find(&op, Rule::minus).is_some() {
                    Sign::Minus
                } else {
                    Sign::Plus
                };
                let duration = self
                    .child(&op, Rule::duration)
                    .and_then(|d| self.duration(d));
                ExprKind::DateAdd {
                    date: Box::new(lhs?),
                    sign,
                    duration: duration?,
                }
            }
            _ => return self.unexpected(&op),
        };
        let start = match &kind {
            ExprKind::IsPresent(e) | ExprKind::IsMissing(e) => e.span,
            ExprKind::In { value: e, .. }
            | ExprKind::Matches { value: e, .. }
            | ExprKind::DateAdd { date: e, .. } => e.span,
            _ => span,
        };
        Some(Expr {
            kind,
            span: start.join(span),
        })
    }
}

fn cmp_op(which: Rule) -> CmpOp {
    match which {
        Rule::op_ne => CmpOp::Ne,
        Rule::op_lt => CmpOp::Lt,
        Rule::op_le => CmpOp::Le,
        Rule::op_gt => CmpOp::Gt,
        Rule::op_ge => CmpOp::Ge,
        _ => CmpOp::Eq,
    }
}

fn date_word(pair: &P<'_>) -> DateWord {
    match kids(pair).next().map(|p| p.as_rule()) {
        Some(Rule::original_deadline) => DateWord::OriginalDeadline,
        Some(Rule::extended_deadline) => DateWord::ExtendedDeadline,
        Some(Rule::kw_assigned) => DateWord::Assigned,
        Some(Rule::kw_today) => DateWord::Today,
        _ => DateWord::Deadline,
    }
}
