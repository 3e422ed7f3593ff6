//! Resolving and typing expressions and constraints.

use crate::diag::{Join, Message};
use crate::points::Points;
use crate::source::Span;
use crate::syntax::ast::{self, ConstraintKind as A, DateWord, ExprKind as E};

use super::super::plan::{
    self, ConstraintKind as P, DurationExpr, ExprKind as X, ExtensionField, Field, Kind,
};
use super::{Cx, codes, did_you_mean};

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
    /// How a policy writer calls values of this type.
    fn name(self) -> Message {
        Message::new("rules-type").text(
            "type",
            match self {
                Ty::Date => "date",
                Ty::Str => "text",
                Ty::Num => "number",
                Ty::Bool => "condition",
                Ty::List => "list",
                Ty::Any => "value",
            },
        )
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
            let verdict = format!("{word} {}", rule.value);
            let message = Message::new("rules-bad-verdict-outside").text("verdict", &verdict);
            self.error(codes::BAD_VERDICT, span, message).help =
                Some(Message::new("rules-bad-verdict-outside.help").text("verdict", verdict));
            return None;
        }
        let Some((_, kind, single)) = self.ids.iter().find(|(id, ..)| *id == rule.value).cloned()
        else {
            let ids: Vec<&str> = self.ids.iter().map(|(id, ..)| id.as_str()).collect();
            let help = did_you_mean(&rule.value, &ids)
                .unwrap_or_else(|| Message::new("rules-bad-verdict-unknown.help"));
            let message = Message::new("rules-bad-verdict-unknown").text("rule", &rule.value);
            self.error(codes::BAD_VERDICT, rule.span, message).help = Some(help);
            return None;
        };
        if !single {
            let message = Message::new("rules-bad-verdict-group").text("rule", &rule.value);
            self.error(codes::BAD_VERDICT, rule.span, message).help =
                Some("rules-bad-verdict-group.help".into());
            return None;
        }
        if kind != scope.kind.name {
            let message = Message::new("rules-bad-verdict-kind")
                .text("rule", &rule.value)
                .text("kind", kind)
                .text("expected", &scope.kind.name);
            self.error(codes::BAD_VERDICT, rule.span, message).help =
                Some("rules-bad-verdict-kind.help".into());
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
                    let message = Message::new("rules-bad-each").text("list", &list.value);
                    self.error(codes::BAD_EACH, list.span, message).help =
                        Some("rules-bad-each.help".into());
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
                    let message = Message::new("rules-bad-unit-share-places")
                        .text("percent", format!("{}%", threshold.value));
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
        let message = Message::new("rules-type-mismatch")
            .said("expected", want.name())
            .said("found", found.name())
            .text("expr", text);
        self.error(codes::TYPE, span, message);
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
            let help = did_you_mean(&name.value, &stages).unwrap_or_else(|| {
                Message::new("rules-unknown-stage.help")
                    .text("kind", &scope.kind.name)
                    .names("stages", Join::Plain, &stages)
            });
            let message = Message::new("rules-unknown-stage")
                .text("stage", &name.value)
                .text("kind", &scope.kind.name);
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
                self.error(codes::UNKNOWN_FIELD, e.span, "rules-unknown-field-extended");
                return None;
            }
            E::DateWord(word) => (X::DateWord(*word), Ty::Date),
            E::Extended => (X::Extended, Ty::Bool),
            E::Met(c) => {
                if !scope.verdicts {
                    let message = "rules-bad-verdict-deadline";
                    self.error(codes::BAD_VERDICT, e.span, message);
                    return None;
                }
                (X::Met(Box::new(self.constraint(c, scope)?)), Ty::Bool)
            }
            E::Verdict { passes, rule } => (self.verdict(*passes, rule, e.span, scope)?, Ty::Bool),
            E::Str(s) => (X::Str(s.clone()), Ty::Str),
            E::Num(n) => (X::Num(self.number(n, e.span)?), Ty::Num),
            E::Percent(_) => {
                self.error(codes::BAD_UNIT, e.span, "rules-bad-unit-percent");
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
            let message = Message::new("rules-type-compare")
                .said("left", lt.name())
                .said("right", rt.name());
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
            Message::new("rules-type-presence").text("expr", text),
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
                    Message::new("rules-type-compare")
                        .said("left", vt.name())
                        .said("right", it.name()),
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
            let message = Message::new("rules-type-number").text("number", text);
            self.error(codes::TYPE, span, message);
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
                let text = err.to_string();
                let message = match text.lines().last().map(str::trim) {
                    Some(reason) => {
                        Message::new("rules-bad-regex").text("reason", reason.to_lowercase())
                    }
                    None => Message::new("rules-bad-regex.no-reason"),
                };
                self.error(codes::BAD_REGEX, pattern.span, message);
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
                    let message =
                        Message::new("rules-unknown-field-responsible").text("field", got);
                    let path = names.join(".");
                    let help = match crate::suggest::did_you_mean(got, ["unit", "lead"]) {
                        Some(word) => Message::new("rules-unknown-field.help-declare")
                            .said("suggest", crate::diag::did_you_mean(word))
                            .text("path", path),
                        None => {
                            Message::new("rules-unknown-field-responsible.help").text("path", path)
                        }
                    };
                    self.error(codes::UNKNOWN_FIELD, at, message).help = Some(help);
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
                if let Some(word) = crate::suggest::did_you_mean(first, known.iter().copied()) {
                    let message = Message::new("rules-unknown-field").text("field", first);
                    self.error(codes::UNKNOWN_FIELD, segments[0].span, message)
                        .help = Some(
                        Message::new("rules-unknown-field.help-declare")
                            .said("suggest", crate::diag::did_you_mean(word))
                            .text("path", names.join(".")),
                    );
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
                let message = Message::new("rules-unknown-field-stage").text("field", other);
                let help = did_you_mean(other, STAGE_FIELDS).unwrap_or_else(|| {
                    Message::new("rules-unknown-field-stage.help").names(
                        "fields",
                        Join::Plain,
                        STAGE_FIELDS,
                    )
                });
                self.error(codes::UNKNOWN_FIELD, segments[at].span, message)
                    .help = Some(help);
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
            let message = Message::new("rules-unknown-field-leaf")
                .text("parent", parent)
                .text("field", &extra.value);
            self.error(codes::UNKNOWN_FIELD, extra.span, message);
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
