//! Resolving and typing expressions and constraints.

use crate::points::Points;
use crate::source::Span;
use crate::syntax::ast::{self, ConstraintKind as A, DateWord, ExprKind as E};

use super::super::plan::{
    self, ConstraintKind as P, DurationExpr, ExprKind as X, ExtensionField, Field, Kind,
};
use super::{Cx, codes};

/// What names mean where an expression is written.
pub(crate) struct Scope<'k> {
    pub kind: &'k Kind,
    pub calendar: bool,
    /// Inside `each extension:`.
    pub each: bool,
    /// Inside `share of (…)` / `count of (…)`, where `passes RULE` may stand.
    pub verdicts: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ty {
    Date,
    Str,
    Num,
    Bool,
    List,
    /// An extra field: its type is known only per record.
    Any,
}

impl Ty {
    fn name(self) -> &'static str {
        match self {
            Ty::Date => "a date",
            Ty::Str => "text",
            Ty::Num => "a number",
            Ty::Bool => "a condition",
            Ty::List => "a list",
            Ty::Any => "a value",
        }
    }

    fn fits(self, other: Ty) -> bool {
        self == other || self == Ty::Any || other == Ty::Any
    }
}

const TOP_FIELDS: &[&str] = &[
    "id",
    "kind",
    "title",
    "round",
    "region",
    "category",
    "responsible",
    "status",
    "stages",
    "extensions",
    "waivers",
    "assigned",
    "deadline",
];
const STAGE_FIELDS: &[&str] = &["date", "end", "by", "note", "evidence"];

/// The end of a help: how to use a field outside the record format.
fn declare_help(names: &[&str]) -> String {
    format!(
        " if records have it, declare it in the ruleset with `extra fields: {}`",
        names.join(".")
    )
}

/// A path the record format defines: a top-level field, or
/// `responsible.unit`/`responsible.lead`.
pub(super) fn is_core_path(path: &str) -> bool {
    TOP_FIELDS.contains(&path) || path == "responsible.unit" || path == "responsible.lead"
}
const EXTENSION_FIELDS: &[&str] = &["to", "approved_by", "approved_on", "reason"];

impl Cx<'_> {
    pub(crate) fn condition(&mut self, e: &ast::Expr, scope: &mut Scope<'_>) -> Option<plan::Expr> {
        let (expr, ty) = self.expr(e, scope)?;
        self.expect(ty, Ty::Bool, e.span)?;
        Some(expr)
    }

    /// The condition of `share of (…)` / `count of (…)`, where verdicts of
    /// other rules may stand.
    fn members(&mut self, e: &ast::Expr, scope: &mut Scope<'_>) -> Option<plan::Expr> {
        scope.verdicts = true;
        let of = self.condition(e, scope);
        scope.verdicts = false;
        of
    }

    /// `passes RULE` / `fails RULE`: a per-record rule of the same kind,
    /// resolved by id (with did-you-mean).
    fn verdict(
        &mut self,
        passes: bool,
        rule: &ast::Ident,
        span: Span,
        scope: &Scope<'_>,
    ) -> Option<X> {
        let word = if passes { "passes" } else { "fails" };
        if !scope.verdicts {
            let message = format!(
                "`{word} {}` only counts inside `share of` or `count of`",
                rule.value
            );
            self.error(codes::BAD_VERDICT, span, message).help = Some(format!(
                "count it in a group rule: `require share of ({word} {}) >= 95%`",
                rule.value
            ));
            return None;
        }
        let Some((_, kind, single)) = self.ids.iter().find(|(id, ..)| *id == rule.value).cloned()
        else {
            let ids: Vec<&str> = self.ids.iter().map(|(id, ..)| id.as_str()).collect();
            let help = crate::suggest::help(&rule.value, &ids)
                .unwrap_or_else(|| "name a rule of the loaded rule files".into());
            let message = format!("no rule `{}` is loaded", rule.value);
            self.error(codes::BAD_VERDICT, rule.span, message).help = Some(help);
            return None;
        };
        if !single {
            let message = format!(
                "rule `{}` does not judge one record at a time, so it has no verdict on a record",
                rule.value
            );
            self.error(codes::BAD_VERDICT, rule.span, message).help =
                Some("name a per-record rule (not a group or reward rule)".into());
            return None;
        }
        if kind != scope.kind.name {
            let message = format!(
                "rule `{}` is for `{kind}`, not `{}`",
                rule.value, scope.kind.name
            );
            self.error(codes::BAD_VERDICT, rule.span, message).help =
                Some("a group rule counts verdicts on its own kind of record".into());
            return None;
        }
        Some(X::Verdict(Box::new(plan::Verdict {
            passes,
            id: rule.value.clone(),
            rule: None,
        })))
    }

    pub(crate) fn constraint(
        &mut self,
        c: &ast::Constraint,
        scope: &mut Scope<'_>,
    ) -> Option<plan::Constraint> {
        let kind = match &c.kind {
            A::Within {
                stage,
                within,
                after,
            } => {
                let stage = self.stage(stage, scope);
                let within = self.duration_expr(within, scope);
                let after_expr = self.date(after, scope);
                P::Within {
                    stage: stage?,
                    within: within?,
                    after: after_expr?,
                    after_text: self.snippet(after.span),
                }
            }
            A::By { stage, date } => {
                let stage = self.stage(stage, scope);
                let date_expr = self.date(date, scope);
                P::By {
                    stage: stage?,
                    date: date_expr?,
                    date_text: self.snippet(date.span),
                }
            }
            A::Order { first, op, second } => {
                let (first, second) = (self.stage(first, scope), self.stage(second, scope));
                P::Order {
                    first: first?,
                    op: op.value,
                    second: second?,
                }
            }
            A::StagesInOrder => P::StagesInOrder,
            A::Lasts { stage, at_least } => {
                self.workdays_need_calendar(at_least.unit, at_least.span, scope.calendar);
                P::Lasts {
                    stage: self.stage(stage, scope)?,
                    n: at_least.n,
                    unit: at_least.unit,
                }
            }
            A::HasEvidence { stage } => P::HasEvidence {
                stage: self.stage(stage, scope)?,
            },
            A::Each { list, body } => {
                if !matches!(list.value.as_str(), "extension" | "extensions") {
                    self.error(
                        codes::BAD_EACH,
                        list.span,
                        format!("cannot take `each` over `{}`", list.value),
                    )
                    .help = Some("`each extension:` checks every extension of the record".into());
                    return None;
                }
                let mut inner = Scope {
                    kind: scope.kind,
                    calendar: scope.calendar,
                    each: true,
                    verdicts: false,
                };
                P::EachExtension(self.condition(body, &mut inner)?)
            }
            A::Expr(e) => P::Expr(self.condition(e, scope)?),
            A::Share { of, op, threshold } => {
                let of = self.members(of, scope);
                let threshold = Points::parse(&threshold.value).or_else(|| {
                    let message = format!("`{}%` has more than two decimals", threshold.value);
                    self.error(codes::BAD_UNIT, threshold.span, message);
                    None
                });
                P::Share {
                    of: of?,
                    op: op.value,
                    threshold: threshold?,
                }
            }
            A::Count { of, op, n } => P::Count {
                of: self.members(of, scope)?,
                op: op.value,
                n: n.value,
            },
        };
        Some(plan::Constraint {
            kind,
            text: self.snippet(c.span),
        })
    }

    fn date(&mut self, e: &ast::Expr, scope: &mut Scope<'_>) -> Option<plan::Expr> {
        let (expr, ty) = self.expr(e, scope)?;
        self.expect(ty, Ty::Date, e.span)?;
        Some(expr)
    }

    fn expect(&mut self, found: Ty, want: Ty, span: Span) -> Option<()> {
        if found.fits(want) {
            return Some(());
        }
        let text = self.snippet(span);
        self.error(
            codes::TYPE,
            span,
            format!(
                "expected {}, found {} in `{text}`",
                want.name(),
                found.name()
            ),
        );
        None
    }

    fn duration_expr(
        &mut self,
        d: &ast::DurationExpr,
        scope: &mut Scope<'_>,
    ) -> Option<DurationExpr> {
        match d {
            ast::DurationExpr::Fixed(d) => {
                self.workdays_need_calendar(d.unit, d.span, scope.calendar);
                Some(DurationExpr::Fixed(d.n, d.unit))
            }
            ast::DurationExpr::If {
                cond,
                then,
                otherwise,
                ..
            } => {
                let cond = self.condition(cond, scope);
                let then = self.duration_expr(then, scope);
                let otherwise = self.duration_expr(otherwise, scope);
                Some(DurationExpr::If(
                    Box::new(cond?),
                    Box::new(then?),
                    Box::new(otherwise?),
                ))
            }
        }
    }

    pub(crate) fn stage(&mut self, name: &ast::Ident, scope: &Scope<'_>) -> Option<usize> {
        let found = scope.kind.stages.iter().position(|s| *s == name.value);
        if found.is_none() {
            let stages: Vec<&str> = scope.kind.stages.iter().map(String::as_str).collect();
            let help = crate::suggest::help(&name.value, &stages).unwrap_or_else(|| {
                format!("the stages of `{}` are {}", scope.kind.name, list(&stages))
            });
            let message = format!("`{}` is not a stage of `{}`", name.value, scope.kind.name);
            self.error(codes::UNKNOWN_STAGE, name.span, message).help = Some(help);
        }
        found
    }

    fn expr(&mut self, e: &ast::Expr, scope: &mut Scope<'_>) -> Option<(plan::Expr, Ty)> {
        let (kind, ty) = match &e.kind {
            E::Path(segments) => {
                let (field, ty) = self.path(segments, scope)?;
                (X::Field(field), ty)
            }
            E::DateWord(DateWord::ExtendedDeadline) if !scope.each => {
                self.error(
                    codes::UNKNOWN_FIELD,
                    e.span,
                    "`extended deadline` only has a meaning inside `each extension:`",
                );
                return None;
            }
            E::DateWord(word) => (X::DateWord(*word), Ty::Date),
            E::Extended => (X::Extended, Ty::Bool),
            E::Met(c) => {
                if !scope.verdicts {
                    let message =
                        "a deadline only counts as a condition inside `share of` or `count of`";
                    self.error(codes::BAD_VERDICT, e.span, message);
                    return None;
                }
                (X::Met(Box::new(self.constraint(c, scope)?)), Ty::Bool)
            }
            E::Verdict { passes, rule } => (self.verdict(*passes, rule, e.span, scope)?, Ty::Bool),
            E::Str(s) => (X::Str(s.clone()), Ty::Str),
            E::Num(n) => (X::Num(self.number(n, e.span)?), Ty::Num),
            E::Percent(_) => {
                self.error(
                    codes::BAD_UNIT,
                    e.span,
                    "a percentage only applies to the share of a group rule",
                );
                return None;
            }
            E::Date(d) => (X::Date(*d), Ty::Date),
            E::Bool(b) => (X::Bool(*b), Ty::Bool),
            E::Cmp { op, lhs, rhs } => self.compare(*op, lhs, rhs, scope)?,
            E::And(a, b) | E::Or(a, b) => {
                let (a, b) = (self.condition(a, scope), self.condition(b, scope));
                let (a, b) = (Box::new(a?), Box::new(b?));
                (
                    if matches!(e.kind, E::And(..)) {
                        X::And(a, b)
                    } else {
                        X::Or(a, b)
                    },
                    Ty::Bool,
                )
            }
            E::Not(a) => (X::Not(Box::new(self.condition(a, scope)?)), Ty::Bool),
            E::IsPresent(a) | E::IsMissing(a) => {
                let inner = Box::new(self.presence_operand(a, scope)?);
                (
                    if matches!(e.kind, E::IsPresent(_)) {
                        X::IsPresent(inner)
                    } else {
                        X::IsMissing(inner)
                    },
                    Ty::Bool,
                )
            }
            E::In { value, list } => self.in_list(value, list, scope)?,
            E::Matches { value, pattern } => {
                let (v, ty) = self.expr(value, scope)?;
                self.expect(ty, Ty::Str, value.span)?;
                let re = self.regex(pattern)?;
                (X::Matches(Box::new(v), re), Ty::Bool)
            }
            E::DateAdd {
                date,
                sign,
                duration,
            } => {
                let d = self.date(date, scope)?;
                self.workdays_need_calendar(duration.unit, duration.span, scope.calendar);
                (
                    X::DateAdd(Box::new(d), *sign, duration.n, duration.unit),
                    Ty::Date,
                )
            }
        };
        Some((
            plan::Expr {
                kind,
                text: self.snippet(e.span),
            },
            ty,
        ))
    }

    fn compare(
        &mut self,
        op: ast::CmpOp,
        lhs: &ast::Expr,
        rhs: &ast::Expr,
        scope: &mut Scope<'_>,
    ) -> Option<(X, Ty)> {
        let (l, r) = (self.expr(lhs, scope), self.expr(rhs, scope));
        let ((l, lt), (r, rt)) = (l?, r?);
        let ordered = !matches!(op, ast::CmpOp::Eq | ast::CmpOp::Ne);
        if !lt.fits(rt)
            || lt == Ty::List
            || rt == Ty::List
            || (ordered && (lt == Ty::Bool || rt == Ty::Bool))
        {
            let span = lhs.span.join(rhs.span);
            let message = format!("cannot compare {} with {}", lt.name(), rt.name());
            self.error(codes::TYPE, span, message);
            return None;
        }
        Some((X::Cmp(op, Box::new(l), Box::new(r)), Ty::Bool))
    }

    fn presence_operand(&mut self, e: &ast::Expr, scope: &mut Scope<'_>) -> Option<plan::Expr> {
        let (expr, _) = self.expr(e, scope)?;
        if matches!(expr.kind, X::Field(_) | X::DateWord(_)) {
            return Some(expr);
        }
        let text = self.snippet(e.span);
        self.error(
            codes::TYPE,
            e.span,
            format!("`{text}` is not a field, so it cannot be present or missing"),
        );
        None
    }

    fn in_list(
        &mut self,
        value: &ast::Expr,
        list: &[ast::Expr],
        scope: &mut Scope<'_>,
    ) -> Option<(X, Ty)> {
        let (v, vt) = self.expr(value, scope)?;
        let mut items = Vec::new();
        for item in list {
            let (i, it) = self.expr(item, scope)?;
            if !vt.fits(it) {
                self.error(
                    codes::TYPE,
                    item.span,
                    format!("cannot compare {} with {}", vt.name(), it.name()),
                );
                return None;
            }
            items.push(i);
        }
        Some((X::In(Box::new(v), items), Ty::Bool))
    }

    fn number(&mut self, text: &str, span: Span) -> Option<f64> {
        let n = text.parse::<f64>().ok().filter(|n| n.is_finite());
        if n.is_none() {
            self.error(codes::TYPE, span, format!("`{text}` is not a number"));
        }
        n
    }

    fn regex(&mut self, pattern: &crate::source::Spanned<String>) -> Option<regex::Regex> {
        match regex::RegexBuilder::new(&pattern.value)
            .size_limit(1 << 20)
            .build()
        {
            Ok(re) => Some(re),
            Err(err) => {
                let reason = err
                    .to_string()
                    .lines()
                    .last()
                    .unwrap_or("invalid pattern")
                    .trim()
                    .to_lowercase();
                self.error(
                    codes::BAD_REGEX,
                    pattern.span,
                    format!("invalid pattern: {reason}"),
                );
                None
            }
        }
    }

    fn path(&mut self, segments: &[ast::Ident], scope: &Scope<'_>) -> Option<(Field, Ty)> {
        let names: Vec<&str> = segments.iter().map(|s| s.value.as_str()).collect();
        let span = segments.first()?.span.join(segments.last()?.span);
        if scope.each {
            if let Some(f) = extension_field(names[0]) {
                return self.leaf(
                    segments,
                    1,
                    (
                        Field::Extension(f),
                        if f == ExtensionField::ApprovedBy || f == ExtensionField::Reason {
                            Ty::Str
                        } else {
                            Ty::Date
                        },
                    ),
                );
            }
        }
        if let Some(stage) = scope.kind.stages.iter().position(|s| s == names[0]) {
            return self.stage_field(stage, segments, 1);
        }
        match names[0] {
            "stages" if segments.len() > 1 => {
                let stage = self.stage(&segments[1], scope)?;
                self.stage_field(stage, segments, 2)
            }
            "id" => self.leaf(segments, 1, (Field::Id, Ty::Str)),
            "kind" => self.leaf(segments, 1, (Field::Kind, Ty::Str)),
            "status" => self.leaf(segments, 1, (Field::Status, Ty::Str)),
            "responsible" => match names.get(1) {
                Some(&"unit") => self.leaf(segments, 2, (Field::Unit, Ty::Str)),
                Some(&"lead") => self.leaf(segments, 2, (Field::Lead, Ty::Str)),
                Some(_) if super::plan::declared(&self.extra, &names.join(".")) => {
                    Some(self.extra_path(&names, span))
                }
                _ => {
                    let at = segments.get(1).map_or(span, |s| s.span);
                    let got = names.get(1).copied().unwrap_or("");
                    self.error(
                        codes::UNKNOWN_FIELD,
                        at,
                        format!("`responsible` has no field `{got}`"),
                    )
                    .help = Some(
                        crate::suggest::help(got, &["unit", "lead"])
                            .map(|h| format!("{h} or,"))
                            .unwrap_or_else(|| {
                                "use `responsible.unit` or `responsible.lead`; or,".into()
                            })
                            + &declare_help(&names),
                    );
                    None
                }
            },
            "title" | "round" | "region" | "category" => {
                self.leaf(segments, 1, (Field::Extra(vec![names[0].into()]), Ty::Str))
            }
            _ if super::plan::declared(&self.extra, &names.join(".")) => {
                Some(self.extra_path(&names, span))
            }
            first => {
                let mut known: Vec<&str> = TOP_FIELDS.to_vec();
                known.extend(scope.kind.stages.iter().map(String::as_str));
                if scope.each {
                    known.extend(EXTENSION_FIELDS);
                }
                if let Some(help) = crate::suggest::help(first, &known) {
                    self.error(
                        codes::UNKNOWN_FIELD,
                        segments[0].span,
                        format!("unknown field `{first}`"),
                    )
                    .help = Some(format!("{help} or,{}", declare_help(&names)));
                    return None;
                }
                Some(self.extra_path(&names, span))
            }
        }
    }

    /// A field outside the record format, kept for the warnings about paths
    /// undeclared or in no record.
    fn extra_path(&mut self, names: &[&str], span: crate::source::Span) -> (Field, Ty) {
        let path: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        self.uses.push(super::plan::FieldUse {
            declared: super::plan::declared(&self.extra, &path.join(".")),
            path: path.clone(),
            file: self.file,
            span,
        });
        (Field::Extra(path), Ty::Any)
    }

    fn stage_field(
        &mut self,
        stage: usize,
        segments: &[ast::Ident],
        at: usize,
    ) -> Option<(Field, Ty)> {
        let field = match segments.get(at).map(|s| s.value.as_str()) {
            None | Some("date") => (Field::StageDate(stage), Ty::Date),
            Some("end") => (Field::StageEnd(stage), Ty::Date),
            Some("by") => (Field::StageBy(stage), Ty::Str),
            Some("note") => (Field::StageNote(stage), Ty::Str),
            Some("evidence") => (Field::StageEvidence(stage), Ty::List),
            Some(other) => {
                let message = format!("a stage has no field `{other}`");
                self.error(codes::UNKNOWN_FIELD, segments[at].span, message)
                    .help = crate::suggest::help(other, STAGE_FIELDS)
                    .or_else(|| Some(format!("the fields of a stage are {}", list(STAGE_FIELDS))));
                return None;
            }
        };
        let consumed = if segments.len() > at { at + 1 } else { at };
        self.leaf(segments, consumed, field)
    }

    /// `segments[consumed..]` must be empty: the field has no sub-fields.
    fn leaf(
        &mut self,
        segments: &[ast::Ident],
        consumed: usize,
        field: (Field, Ty),
    ) -> Option<(Field, Ty)> {
        if let Some(extra) = segments.get(consumed) {
            let parent = segments[..consumed]
                .iter()
                .map(|s| s.value.as_str())
                .collect::<Vec<_>>()
                .join(".");
            self.error(
                codes::UNKNOWN_FIELD,
                extra.span,
                format!("`{parent}` has no field `{}`", extra.value),
            );
            return None;
        }
        Some(field)
    }
}

fn extension_field(name: &str) -> Option<ExtensionField> {
    Some(match name {
        "to" => ExtensionField::To,
        "approved_by" => ExtensionField::ApprovedBy,
        "approved_on" => ExtensionField::ApprovedOn,
        "reason" => ExtensionField::Reason,
        _ => return None,
    })
}

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
