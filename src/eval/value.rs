//! Expression evaluation over one record, with three-valued logic: a value
//! the record lacks makes a comparison unknown, never true or false.

use std::borrow::Cow;

use jiff::civil::Date;

use crate::calendar;
use crate::i18n::Args;
use crate::model::{Extension, Record, Status};
use crate::source::Span;
use crate::syntax::ast::Unit;
use crate::syntax::ast::{CmpOp, DateWord, Sign};
use crate::units::Units;
use crate::yaml;

use super::plan::{ExprKind as X, ExtensionField, Field, Kind, Plan};
use super::verdict::{Reason, Seen, Shown};

/// The result of a condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tri {
    True,
    False,
    Unknown,
}

impl Tri {
    fn from(b: bool) -> Tri {
        if b { Tri::True } else { Tri::False }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum V<'r> {
    Date(Date),
    Str(Cow<'r, str>),
    Num(f64),
    Bool(bool),
    List(usize),
    /// A mapping or other value no operator applies to.
    Other,
    /// The record lacks it; the reason is in [`Ctx::unknown`].
    Missing,
}

/// A value and where the record holds it.
#[derive(Clone, Debug)]
pub struct Val<'r> {
    pub v: V<'r>,
    pub span: Option<Span>,
}

/// An extension being checked by `each extension:`.
#[derive(Clone, Copy, Debug)]
pub struct ExtScope<'r> {
    pub ext: &'r Extension,
    /// The deadline in force before this extension.
    pub extends: Option<Date>,
}

/// Everything an expression can see.
pub struct Ctx<'r> {
    pub plan: &'r Plan,
    pub kind: &'r Kind,
    pub record: &'r Record,
    pub as_of: Date,
    pub ext: Option<ExtScope<'r>>,
    /// Why values were unknown ("record has no `assigned`").
    pub unknown: Vec<Reason>,
    /// Values read, for labels and messages: `(span, "`acceptance.by` is `…`")`.
    pub seen: Vec<(Option<Span>, Seen)>,
    /// Whether to fill `seen`: only while describing a failure, so passing
    /// records allocate nothing for messages.
    pub describe: bool,
    /// While testing presence: a missing value is an answer, not a reason
    /// the rule cannot be checked, so it is not recorded in `unknown`.
    quiet: bool,
    /// When explaining a verdict: the steps of the derivation, in order.
    pub trace: Option<Vec<String>>,
    /// The catalogue the steps of `trace` are written in.
    pub words: &'static crate::i18n::Catalogue,
    /// The calendar years a computation needed and the calendar lacks.
    pub uncovered: Vec<calendar::OutOfRange>,
}

impl<'r> Ctx<'r> {
    pub fn new(plan: &'r Plan, kind: &'r Kind, record: &'r Record, as_of: Date) -> Ctx<'r> {
        Ctx {
            plan,
            kind,
            record,
            as_of,
            ext: None,
            unknown: Vec::new(),
            seen: Vec::new(),
            describe: false,
            quiet: false,
            trace: None,
            words: crate::i18n::Lang::En.catalogue(),
            uncovered: Vec::new(),
        }
    }

    /// `passes RULE` / `fails RULE`: the rule evaluated on the record as
    /// `check` evaluates it. Passes: it applied and held; fails: it gave a
    /// finding; neither: it does not apply, or its deadline is pending;
    /// unknown: it cannot check the record.
    fn verdict(&mut self, v: &super::plan::Verdict) -> Tri {
        let Some(rule) = &v.rule else {
            return Tri::Unknown;
        };
        let mut inner = Ctx::new(self.plan, self.kind, self.record, self.as_of);
        let mut out = super::check::Verdicts::default();
        super::check::judge(&mut inner, usize::MAX, rule, &mut out);
        super::check::add_uncovered(&mut self.uncovered, inner.uncovered);
        let (truth, why) = match out.findings.first() {
            Some(f) if f.cannot_check => (Tri::Unknown, "explain-rule-cannot-check"),
            Some(_) => (Tri::from(!v.passes), "explain-rule-fails"),
            // A rule whose deadline is pending is also counted among the
            // rule's passes; for a verdict it neither passes nor fails yet.
            None if !out.pending.is_empty() => (Tri::False, "explain-rule-pending"),
            None if !out.passed.is_empty() => (Tri::from(v.passes), "explain-rule-holds"),
            None => (Tri::False, "explain-rule-does-not-apply"),
        };
        if truth == Tri::Unknown {
            self.lacks(Reason::Rule { id: v.id.clone() });
        }
        self.step(|w| {
            format!(
                "  {}",
                w.format(why, &Args::new().text("rule", v.id.as_str()))
            )
        });
        truth
    }

    /// Record a derivation step when explaining; free otherwise.
    pub fn step(&mut self, text: impl FnOnce(&crate::i18n::Catalogue) -> String) {
        if let Some(trace) = &mut self.trace {
            trace.push(text(self.words));
        }
    }

    /// A computation needed a day outside the loaded calendars: the rule
    /// cannot be checked, and the run reports the missing year.
    pub fn uncovered(&mut self, out: calendar::OutOfRange) {
        self.lacks(Reason::from(out.clone()));
        if !self.uncovered.contains(&out) {
            self.uncovered.push(out);
        }
    }

    pub fn lacks(&mut self, why: Reason) {
        if !self.unknown.contains(&why) {
            self.unknown.push(why);
        }
    }

    pub fn truth(&mut self, e: &super::plan::Expr) -> Tri {
        match &e.kind {
            X::And(a, b) => match (self.truth(a), self.truth(b)) {
                (Tri::False, _) | (_, Tri::False) => Tri::False,
                (Tri::True, Tri::True) => Tri::True,
                _ => Tri::Unknown,
            },
            X::Or(a, b) => match (self.truth(a), self.truth(b)) {
                (Tri::True, _) | (_, Tri::True) => Tri::True,
                (Tri::False, Tri::False) => Tri::False,
                _ => Tri::Unknown,
            },
            X::Not(a) => match self.truth(a) {
                Tri::True => Tri::False,
                Tri::False => Tri::True,
                Tri::Unknown => Tri::Unknown,
            },
            X::Verdict(v) => self.verdict(v),
            X::Met(c) => {
                let mut inner = Ctx::new(self.plan, self.kind, self.record, self.as_of);
                let truth = super::check::met(&mut inner, c);
                super::check::add_uncovered(&mut self.uncovered, inner.uncovered);
                self.unknown.extend(inner.unknown);
                truth
            }
            X::IsPresent(a) => Tri::from(self.present(a)),
            X::IsMissing(a) => Tri::from(!self.present(a)),
            X::Cmp(op, a, b) => self.compare(*op, a, b),
            X::In(a, items) => self.member(a, items),
            X::Matches(a, re) => match self.value(a).v {
                V::Str(s) => Tri::from(re.is_match(&crate::units::clean(&s))),
                V::Missing => Tri::Unknown,
                _ => self.mismatch(Reason::NotText {
                    expr: a.text.clone(),
                }),
            },
            _ => match self.value(e).v {
                V::Bool(b) => Tri::from(b),
                V::Missing => Tri::Unknown,
                _ => self.mismatch(Reason::NotBool {
                    expr: e.text.clone(),
                }),
            },
        }
    }

    fn mismatch(&mut self, why: Reason) -> Tri {
        self.lacks(why);
        Tri::Unknown
    }

    fn present(&mut self, e: &super::plan::Expr) -> bool {
        let quiet = std::mem::replace(&mut self.quiet, true);
        let present = !matches!(self.value(e).v, V::Missing);
        self.quiet = quiet;
        present
    }

    fn compare(&mut self, op: CmpOp, a: &super::plan::Expr, b: &super::plan::Expr) -> Tri {
        let (x, y) = (self.value(a).v, self.value(b).v);
        match ordering(&x, &y, &self.plan.units) {
            Some(ord) => {
                if self.describe && ord.is_eq() {
                    self.same_name(&x, &y);
                }
                Tri::from(holds(op, ord))
            }
            None if x == V::Missing || y == V::Missing => Tri::Unknown,
            None => {
                self.lacks(Reason::CannotCompare {
                    a: a.text.clone(),
                    b: b.text.clone(),
                });
                Tri::Unknown
            }
        }
    }

    /// While describing a failure: say so when two texts written apart
    /// compared equal, since the message would otherwise show two names.
    fn same_name(&mut self, x: &V<'_>, y: &V<'_>) {
        if let (V::Str(a), V::Str(b)) = (x, y) {
            if a != b {
                let (a, b) = (crate::units::visible(a), crate::units::visible(b));
                let (a, b) = (a.to_string(), b.to_string());
                self.seen.push((None, Seen::SameUnit { a, b }));
            }
        }
    }

    fn member(&mut self, a: &super::plan::Expr, items: &[super::plan::Expr]) -> Tri {
        let x = self.value(a).v;
        if x == V::Missing {
            return Tri::Unknown;
        }
        let mut result = Tri::False;
        for item in items {
            match ordering(&x, &self.value(item).v, &self.plan.units) {
                Some(ord) if ord.is_eq() => return Tri::True,
                Some(_) => {}
                None => result = Tri::Unknown,
            }
        }
        result
    }

    /// A date value, or `None` with the reason recorded.
    pub fn date(&mut self, e: &super::plan::Expr) -> Option<(Date, Option<Span>)> {
        let val = self.value(e);
        match val.v {
            V::Date(d) => Some((d, val.span)),
            V::Missing => None,
            _ => {
                self.lacks(Reason::NotDate {
                    expr: e.text.clone(),
                });
                None
            }
        }
    }

    pub fn value(&mut self, e: &super::plan::Expr) -> Val<'r> {
        let val = match &e.kind {
            X::Field(f) => self.field(f),
            X::DateWord(w) => self.date_word(*w),
            X::Extended => Val {
                v: V::Bool(effective_extension(self.record).is_some()),
                span: None,
            },
            X::Str(s) => Val {
                v: V::Str(Cow::Owned(s.clone())),
                span: None,
            },
            X::Num(n) => Val {
                v: V::Num(*n),
                span: None,
            },
            X::Date(d) => Val {
                v: V::Date(*d),
                span: None,
            },
            X::Bool(b) => Val {
                v: V::Bool(*b),
                span: None,
            },
            X::DateAdd(d, sign, n, unit) => self.date_add(d, *sign, *n, *unit),
            _ => Val {
                v: V::Bool(self.truth(e) == Tri::True),
                span: None,
            },
        };
        if self.describe && matches!(e.kind, X::Field(_) | X::DateWord(_)) && val.v != V::Missing {
            let shown = Seen::Value {
                expr: e.text.clone(),
                value: show(&val.v),
            };
            if !self.seen.iter().any(|(_, s)| *s == shown) {
                self.seen.push((val.span, shown));
            }
        }
        if !self.quiet && val.v == V::Missing && matches!(e.kind, X::Field(_) | X::DateWord(_)) {
            let why = self.missing_reason(e);
            self.lacks(why);
        }
        val
    }

    fn missing_reason(&self, e: &super::plan::Expr) -> Reason {
        match e.text.split_once('.') {
            Some((stage, field))
                if self.kind.stages.iter().any(|s| s == stage)
                    && self.record.stage(stage).is_some() =>
            {
                Reason::StageField {
                    stage: stage.into(),
                    field: field.into(),
                }
            }
            _ if self.ext.is_some() => Reason::ExtensionField {
                field: e.text.clone(),
            },
            _ => Reason::RecordField {
                field: e.text.clone(),
            },
        }
    }

    fn date_add(&mut self, d: &super::plan::Expr, sign: Sign, n: u32, unit: Unit) -> Val<'r> {
        let Some((date, _)) = self.date(d) else {
            return Val {
                v: V::Missing,
                span: None,
            };
        };
        let n = if sign == Sign::Minus {
            -i64::from(n)
        } else {
            i64::from(n)
        };
        match calendar::add(date, n, unit, self.plan.calendar.as_ref()) {
            Ok(Some(d)) => Val {
                v: V::Date(d),
                span: None,
            },
            Ok(None) => {
                self.lacks(Reason::DateRange {
                    expr: d.text.clone(),
                });
                Val {
                    v: V::Missing,
                    span: None,
                }
            }
            Err(out) => {
                self.uncovered(out);
                Val {
                    v: V::Missing,
                    span: None,
                }
            }
        }
    }

    fn date_word(&mut self, word: DateWord) -> Val<'r> {
        let r = self.record;
        let spanned = |d: Option<&crate::source::Spanned<Date>>| match d {
            Some(d) => Val {
                v: V::Date(d.value),
                span: Some(d.span),
            },
            None => Val {
                v: V::Missing,
                span: None,
            },
        };
        match word {
            DateWord::Assigned => spanned(r.assigned.as_ref()),
            DateWord::OriginalDeadline => spanned(r.deadline.as_ref()),
            DateWord::Deadline => spanned(effective_deadline(r)),
            DateWord::Today => Val {
                v: V::Date(self.as_of),
                span: None,
            },
            DateWord::ExtendedDeadline => match self.ext.and_then(|e| e.extends) {
                Some(d) => Val {
                    v: V::Date(d),
                    span: None,
                },
                None => Val {
                    v: V::Missing,
                    span: None,
                },
            },
        }
    }

    pub(crate) fn field(&mut self, field: &Field) -> Val<'r> {
        let r = self.record;
        let stage = |i: usize| r.stage(&self.kind.stages[i]);
        let text = |s: Option<&'r crate::source::Spanned<String>>| match s {
            Some(s) => Val {
                v: V::Str(Cow::Borrowed(&s.value)),
                span: Some(s.span),
            },
            None => Val {
                v: V::Missing,
                span: None,
            },
        };
        let date = |d: Option<&crate::source::Spanned<Date>>| match d {
            Some(d) => Val {
                v: V::Date(d.value),
                span: Some(d.span),
            },
            None => Val {
                v: V::Missing,
                span: None,
            },
        };
        match field {
            Field::StageDate(i) => date(stage(*i).map(|s| &s.date)),
            Field::StageEnd(i) => date(stage(*i).and_then(|s| s.end.as_ref())),
            Field::StageBy(i) => text(stage(*i).and_then(|s| s.by.as_ref())),
            Field::StageNote(i) => text(stage(*i).and_then(|s| s.note.as_ref())),
            Field::StageEvidence(i) => match stage(*i).and_then(|s| s.evidence.as_ref()) {
                Some(e) => Val {
                    v: V::List(e.value.len()),
                    span: Some(e.span),
                },
                None => Val {
                    v: V::Missing,
                    span: None,
                },
            },
            Field::Id => text(Some(&r.id)),
            Field::Kind => text(Some(&r.kind)),
            Field::Unit => text(Some(&r.unit)),
            Field::Lead => text(r.lead.as_ref()),
            Field::Status => match &r.status {
                Some(s) => Val {
                    v: V::Str(Cow::Borrowed(status_name(&s.value))),
                    span: Some(s.span),
                },
                None => Val {
                    v: V::Missing,
                    span: None,
                },
            },
            Field::Extension(f) => self.extension_field(*f),
            Field::Extra(path) => {
                let path: Vec<&str> = path.iter().map(String::as_str).collect();
                match r.get(&path) {
                    Some(node) => Val {
                        v: node_value(node),
                        span: Some(node.span),
                    },
                    None => Val {
                        v: V::Missing,
                        span: None,
                    },
                }
            }
        }
    }

    fn extension_field(&self, field: ExtensionField) -> Val<'r> {
        let Some(scope) = self.ext else {
            return Val {
                v: V::Missing,
                span: None,
            };
        };
        let e = scope.ext;
        let (text, date) = match field {
            ExtensionField::ApprovedBy => (e.approved_by.as_ref(), None),
            ExtensionField::Reason => (e.reason.as_ref(), None),
            ExtensionField::To => (None, e.to.as_ref()),
            ExtensionField::ApprovedOn => (None, e.approved_on.as_ref()),
        };
        match (text, date) {
            (Some(s), _) => Val {
                v: V::Str(Cow::Borrowed(&s.value)),
                span: Some(s.span),
            },
            (_, Some(d)) => Val {
                v: V::Date(d.value),
                span: Some(d.span),
            },
            _ => Val {
                v: V::Missing,
                span: None,
            },
        }
    }
}

pub fn status_name(status: &Status) -> &'static str {
    match status {
        Status::NotStarted => "not-started",
        Status::InProgress => "in-progress",
        Status::Staged => "staged",
        Status::Completed => "completed",
    }
}

fn node_value(node: &yaml::Node) -> V<'_> {
    match &node.value {
        yaml::Value::Null => V::Missing,
        yaml::Value::Bool(b) => V::Bool(*b),
        yaml::Value::Int(i) => V::Num(*i as f64),
        yaml::Value::Float(f) => V::Num(*f),
        yaml::Value::Str { text, .. } => match text.parse::<Date>() {
            Ok(d) if text.len() == 10 => V::Date(d),
            _ => V::Str(Cow::Borrowed(text)),
        },
        yaml::Value::Seq(items) => V::List(items.len()),
        yaml::Value::Map(_) => V::Other,
    }
}

/// How two values order, when they can be compared at all. Text compares
/// by its unit key: normalised, lower case, an alias as its canonical name
/// (so `acceptance.by != responsible.unit` cannot be passed by respelling).
fn ordering(x: &V<'_>, y: &V<'_>, units: &Units) -> Option<std::cmp::Ordering> {
    match (x, y) {
        (V::Date(a), V::Date(b)) => Some(a.cmp(b)),
        (V::Str(a), V::Str(b)) if a == b => Some(std::cmp::Ordering::Equal),
        (V::Str(a), V::Str(b)) => Some(units.key(a).cmp(&units.key(b))),
        (V::Num(a), V::Num(b)) => a.partial_cmp(b),
        (V::Bool(a), V::Bool(b)) => Some(a.cmp(b)),
        (V::Date(a), V::Str(s)) => s.parse::<Date>().ok().map(|b| a.cmp(&b)),
        (V::Str(s), V::Date(b)) => s.parse::<Date>().ok().map(|a| a.cmp(b)),
        _ => None,
    }
}

pub fn show(v: &V<'_>) -> Shown {
    match v {
        V::Date(d) => Shown::Literal(d.to_string()),
        // Clipped first, so a huge value costs no more than its quote.
        V::Str(s) => Shown::Literal(format!(
            "`{}`",
            crate::units::visible(&crate::source::clip(s))
        )),
        V::Num(n) => Shown::Literal(n.to_string()),
        V::Bool(b) => Shown::Literal(b.to_string()),
        V::List(n) => Shown::List(*n),
        V::Other => Shown::Mapping,
        V::Missing => Shown::Missing,
    }
}

/// The last approved extension (one with `approved_by`) that gives a `to`.
pub fn effective_extension(record: &Record) -> Option<(usize, &Extension)> {
    last_approved(&record.extensions)
}

/// The last of `extensions` that is approved (has `approved_by`) and gives a `to`.
fn last_approved(extensions: &[Extension]) -> Option<(usize, &Extension)> {
    extensions
        .iter()
        .enumerate()
        .rev()
        .find(|(_, e)| e.approved_by.is_some() && e.to.is_some())
}

/// The effective deadline: the `to` of the last approved extension, else the record's.
pub fn effective_deadline(record: &Record) -> Option<&crate::source::Spanned<Date>> {
    match effective_extension(record) {
        Some((_, e)) => e.to.as_ref(),
        None => record.deadline.as_ref(),
    }
}

/// The deadline in force before extension `index`: the `to` of the last
/// earlier approved extension, else the record's own.
pub fn deadline_before(record: &Record, index: usize) -> Option<Date> {
    last_approved(&record.extensions[..index])
        .and_then(|(_, e)| e.to.as_ref())
        .or(record.deadline.as_ref())
        .map(|d| d.value)
}

/// Whether `a op b` holds for two values that order as `ord`.
pub fn holds(op: CmpOp, ord: std::cmp::Ordering) -> bool {
    match op {
        CmpOp::Eq => ord.is_eq(),
        CmpOp::Ne => ord.is_ne(),
        CmpOp::Lt => ord.is_lt(),
        CmpOp::Le => ord.is_le(),
        CmpOp::Gt => ord.is_gt(),
        CmpOp::Ge => ord.is_ge(),
    }
}
