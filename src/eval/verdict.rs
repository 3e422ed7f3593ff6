//! What a rule found, as data: the kind of outcome and its arguments
//! (stage, due date, actual date, lateness, the constraint as written,
//! figures, ids), never prose. Evaluation builds these; every renderer
//! (the reports, `explain`, the language server) turns them into words
//! through one [`Catalogue`] at report time, so all of them say the same
//! thing, in the language the run chose.
//!
//! Stage names, field names, rule ids, expressions as written and record
//! values are data: they are shown as written in every language. Dates are
//! ISO 8601 in every language.

use jiff::civil::Date;

use crate::diag::{Join, join};
use crate::i18n::{Args, Catalogue};
use crate::points::Points;
use crate::syntax::ast::Unit;
use crate::syntax::ast::{CmpOp, LateUnit, OrderOp, ShortUnit};

use super::group::{Figure, Measure, SHOWN};

/// What one rule found on one record, or on one group of records.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// The parts of the rule that failed, and the reasons the other parts
    /// could not be checked.
    Failed { parts: Vec<Fact>, rest: Vec<Reason> },
    /// The rule could not be checked for lack of data (no penalty).
    CannotCheck { scope: Scope, reasons: Vec<Reason> },
    /// A reward rule's every part holds; with how early its deadline was
    /// met, when it has one.
    Commended(Option<Box<Earliness>>),
    /// A group rule's failing group and the figure of each constraint it
    /// fails.
    Group(Box<GroupVerdict>),
}

/// What a "cannot check" is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The rule's requirements.
    Rule,
    /// Whether the rule applies (its `when`).
    Applies,
    /// Which group of a group rule the record is in.
    Group,
}

/// One part of a rule that failed.
#[derive(Clone, Debug, PartialEq)]
pub enum Fact {
    /// A stage recorded after its due date.
    Late {
        stage: String,
        due: Due,
        actual: Date,
        lateness: Lateness,
    },
    /// A stage not recorded, its due date past: lateness runs to the
    /// evaluation date (`as_of`).
    Overdue {
        stage: String,
        due: Due,
        as_of: Date,
        lateness: Lateness,
    },
    /// `x is present` failed.
    Missing { expr: String },
    /// `x is missing` failed; the values read.
    Present { expr: String, seen: Vec<Seen> },
    /// A condition failed; the values read.
    Fails { expr: String, seen: Vec<Seen> },
    /// Two stages in the wrong order.
    Order {
        first: String,
        first_date: Date,
        op: OrderOp,
        second: String,
        second_date: Date,
    },
    /// A stage left out while a later one is recorded.
    Skipped { stage: String, later: String },
    /// A stage dated before the stage before it.
    OutOfOrder {
        stage: String,
        date: Date,
        previous: String,
        previous_date: Date,
    },
    /// A stage that lasts less than required.
    TooShort {
        stage: String,
        length: Amount,
        first: Date,
        last: Date,
        needed: Amount,
    },
    /// A stage whose evidence list is empty.
    NoEvidenceListed { stage: String },
    /// A stage without evidence.
    NoEvidence { stage: String },
    /// Extension `n` (1-based) fails the rule's condition on extensions.
    Extension { n: usize, parts: Vec<Fact> },
}

/// How a due date was reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Due {
    /// `n unit` after a date of the record (`after` as written, `base`
    /// its value); `computed` differs from `due` when it was not a working
    /// day and the due date moved forward.
    Within {
        due: Date,
        amount: Amount,
        after: String,
        base: Date,
        computed: Date,
    },
    /// `by` a date (`what` as written).
    By {
        due: Date,
        what: String,
        computed: Date,
    },
}

/// A number of days, working days, weeks, months or years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amount {
    pub n: i64,
    pub unit: Unit,
}

/// How late (or how early): calendar days, and working days when a
/// calendar covers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lateness {
    pub days: i64,
    pub workdays: Option<i64>,
}

/// How early a reward rule's deadline was met.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Earliness {
    pub stage: String,
    pub actual: Date,
    pub due: Date,
    pub early: Lateness,
    /// The deadline constraint as written.
    pub constraint: String,
}

/// A value a failing condition read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seen {
    /// `` `status` is `open` ``.
    Value { expr: String, value: Shown },
    /// Two names of one unit (a comparison of units by identity).
    SameUnit { a: String, b: String },
}

/// A record value as a message shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown {
    /// Written as is: a date, a number, `true`, or a quoted text.
    Literal(String),
    /// A list of `n` items.
    List(usize),
    Mapping,
    Missing,
}

/// Why a rule (or part of one) cannot be checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Another rule a condition names cannot check the record.
    Rule {
        id: String,
    },
    /// A working-day computation left the calendar's years.
    Calendar {
        calendar: String,
        year: i16,
    },
    /// A value is not text.
    NotText {
        expr: String,
    },
    /// A value is not true or false.
    NotBool {
        expr: String,
    },
    CannotCompare {
        a: String,
        b: String,
    },
    NotDate {
        expr: String,
    },
    /// A recorded stage lacks a field.
    StageField {
        stage: String,
        field: String,
    },
    /// An extension lacks a field.
    ExtensionField {
        field: String,
    },
    /// The record lacks a field (or a stage).
    RecordField {
        field: String,
    },
    /// Date arithmetic left the supported range.
    DateRange {
        expr: String,
    },
    /// `amount` after `base` left the supported range.
    AfterRange {
        amount: Amount,
        base: Date,
    },
    /// Working days without a calendar.
    NoCalendar,
    /// A group rule's grouping field is missing; `by`: every field the
    /// rule groups by.
    GroupField {
        field: String,
        by: Vec<String>,
    },
    /// Within extension `n` (1-based).
    Extension {
        n: usize,
        reason: Box<Reason>,
    },
}

/// What a label on a finding says at its place.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// Nothing (reports that show no label texts keep none).
    Empty,
    /// A failed part said at its place (boxed: labels are kept with every
    /// finding, most of them small).
    Fact(Box<Fact>),
    /// A value a failing condition read, at the value.
    Seen(Box<Seen>),
    /// An overdue stage: due, not recorded by the evaluation date.
    NotRecorded {
        stage: String,
        due: Date,
        as_of: Date,
    },
    /// A late stage's date.
    Late {
        lateness: Lateness,
        due: Date,
    },
    /// The record value a due date is counted from.
    DueFrom {
        due: Date,
    },
    Dated {
        stage: String,
        date: Date,
    },
    RecordedWithout {
        stage: String,
    },
    Before {
        stage: String,
        date: Date,
    },
    EndsAfter {
        length: Amount,
    },
    EmptyEvidence,
    NoEvidence,
    ThisRecord,
    GroupRule,
    Early {
        early: Lateness,
        due: Date,
    },
    Commended,
}

/// How a penalty (or a reward) was reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PenaltyNote {
    /// The fixed part plus points per started period of lateness.
    Periods {
        fixed: Points,
        points: Points,
        count: i64,
        every: u32,
        unit: LateUnit,
        total: Points,
        cap: Option<Points>,
    },
    /// The fixed part alone, above the cap.
    Capped { total: Points, cap: Points },
    /// A group's proportional penalty.
    Shortfall {
        shortfall: Shortfall,
        fixed: Points,
        points: Points,
        unit: ShortUnit,
        total: Points,
        cap: Option<Points>,
    },
}

/// How far a group is from a constraint's threshold, in the units a
/// proportional penalty counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shortfall {
    /// Started units: a share 8.64 percentage points below counts 9; a
    /// strict comparison (`>`, `<`) fails at the threshold itself, so
    /// there a whole shortfall counts one more (exactly 95% against `> 95%`
    /// is 1).
    pub units: i64,
    /// The derivation, as data.
    pub how: ShortfallHow,
}

/// The derivation of a [`Shortfall`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShortfallHow {
    /// `86.36% is 8.64 percentage points below 95%`; `strict`: the
    /// comparison fails at the threshold itself.
    Share {
        figure: Points,
        short: Points,
        below: bool,
        threshold: Points,
        strict: Option<CmpOp>,
    },
    /// `1 counted, 2 below the least required (3)`.
    Count { met: u64, below: bool, bound: i128 },
}

/// A failing group: its keys as said (field and value; empty for every
/// record), the records' kind, and each failing constraint's figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupVerdict {
    pub keys: Vec<(String, String)>,
    pub kind: String,
    pub figures: Vec<Figure>,
}

fn op_key(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "eq",
        CmpOp::Ne => "ne",
        CmpOp::Lt => "lt",
        CmpOp::Le => "le",
        CmpOp::Gt => "gt",
        CmpOp::Ge => "ge",
    }
}

fn unit_key(unit: Unit) -> &'static str {
    match unit {
        Unit::Days => "day",
        Unit::Workdays => "workday",
        Unit::Weeks => "week",
        Unit::Months => "month",
        Unit::Years => "year",
    }
}

impl Verdict {
    /// The finding's message.
    pub fn message(&self, words: &Catalogue) -> String {
        match self {
            Verdict::Failed { parts, rest } => {
                let mut said: Vec<String> = parts.iter().map(|p| p.say(words)).collect();
                if !rest.is_empty() {
                    let reasons = Reason::list(words, rest);
                    said.push(words.format("verdict-rest", &Args::new().text("reasons", reasons)));
                }
                join(words, Join::Clauses, said)
            }
            Verdict::CannotCheck { scope, reasons } => {
                let scope = match scope {
                    Scope::Rule => "rule",
                    Scope::Applies => "applies",
                    Scope::Group => "group",
                };
                let args = Args::new()
                    .text("scope", scope)
                    .text("reasons", Reason::list(words, reasons));
                words.format("verdict-cannot-check", &args)
            }
            Verdict::Commended(None) => words.text("verdict-commended"),
            Verdict::Commended(Some(e)) => {
                let args = Args::new()
                    .text("stage", e.stage.as_str())
                    .text("actual", e.actual.to_string())
                    .text("early", e.early.say(words))
                    .text("constraint", e.constraint.as_str())
                    .text("due", e.due.to_string());
                words.format("verdict-commended-early", &args)
            }
            Verdict::Group(g) => g.message(words),
        }
    }

    /// Whether the rule could not be checked.
    pub fn cannot_check(&self) -> bool {
        matches!(self, Verdict::CannotCheck { .. })
    }
}

impl GroupVerdict {
    /// The group as said: ``unit `Xuzhou` and round `2` ``, `all records`.
    pub fn group(&self, words: &Catalogue) -> String {
        if self.keys.is_empty() {
            return words.text("group-all");
        }
        let keys = self.keys.iter().map(|(k, v)| {
            words.format(
                "group-key",
                &Args::new()
                    .text("key", k.as_str())
                    .text("value", v.as_str()),
            )
        });
        keys.collect::<Vec<_>>().join(&words.text("group-and"))
    }

    fn message(&self, words: &Catalogue) -> String {
        let figures = self.figures.iter().map(|f| figure(words, f, &self.kind));
        let args = Args::new()
            .text("group", self.group(words))
            .text("figures", join(words, Join::Clauses, figures));
        words.format("verdict-group", &args)
    }
}

/// A figure as said in a message: `86.4%`, `3`.
pub fn shown(f: &Figure) -> String {
    match f.measure {
        Measure::Share => format!("{}%", f.figure),
        Measure::Count => f.figure.to_string(),
    }
}

/// What a constraint requires, as said in a message: `at least 95%`.
pub fn required(words: &Catalogue, f: &Figure) -> String {
    let threshold = match f.measure {
        Measure::Share => format!("{}%", f.threshold),
        Measure::Count => f.threshold.to_string(),
    };
    let args = Args::new()
        .text("op", op_key(f.op))
        .text("threshold", threshold);
    words.format("group-required", &args)
}

/// `` `share of (…) >= 95%` is 86.4% (19 of 22 `petition` records), at
/// least 95% required; records that do not meet it: … ``
fn figure(words: &Catalogue, f: &Figure, kind: &str) -> String {
    let (id, listed) = match f.measure {
        Measure::Share => ("group-figure-share", "group-listed-share"),
        Measure::Count => ("group-figure-count", "group-listed-count"),
    };
    let args = Args::new()
        .text("constraint", f.constraint.as_str())
        .text("figure", shown(f))
        .count("met", f.met as usize)
        .count("members", f.members as usize)
        .text("kind", kind)
        .text("required", required(words, f));
    let mut said = words.format(id, &args);
    if f.unknown > 0 {
        said.push_str(&words.format("group-unknown", &Args::new().count("n", f.unknown as usize)));
    }
    if !f.records.is_empty() {
        let ids = |ids: &[String]| join(words, Join::Plain, ids.iter().cloned());
        let ids = match f.records.len() {
            n if n > SHOWN => words.format(
                "group-more",
                &Args::new()
                    .text("ids", ids(&f.records[..SHOWN]))
                    .count("n", n - SHOWN),
            ),
            _ => ids(&f.records),
        };
        said.push_str(&words.format(listed, &Args::new().text("ids", ids)));
    }
    said
}

impl Fact {
    pub fn say(&self, words: &Catalogue) -> String {
        let args = match self {
            Fact::Late {
                stage,
                due,
                actual,
                lateness,
            } => Args::new()
                .text("stage", stage.as_str())
                .text("due", due.say(words))
                .text("actual", actual.to_string())
                .text("lateness", lateness.say(words)),
            Fact::Overdue {
                stage,
                due,
                as_of,
                lateness,
            } => Args::new()
                .text("stage", stage.as_str())
                .text("due", due.say(words))
                .text("as_of", as_of.to_string())
                .text("lateness", lateness.say(words)),
            Fact::Missing { expr } => Args::new().text("expr", expr.as_str()),
            Fact::Present { expr, seen } | Fact::Fails { expr, seen } => Args::new()
                .text("expr", expr.as_str())
                .text("details", Seen::details(words, seen)),
            Fact::Order {
                first,
                first_date,
                op,
                second,
                second_date,
            } => Args::new()
                .text("first", first.as_str())
                .text("first_date", first_date.to_string())
                .text(
                    "op",
                    match op {
                        OrderOp::Before => "before",
                        OrderOp::OnOrBefore => "on-or-before",
                        OrderOp::After => "after",
                        OrderOp::OnOrAfter => "on-or-after",
                    },
                )
                .text("second", second.as_str())
                .text("second_date", second_date.to_string()),
            Fact::Skipped { stage, later } => Args::new()
                .text("stage", stage.as_str())
                .text("later", later.as_str()),
            Fact::OutOfOrder {
                stage,
                date,
                previous,
                previous_date,
            } => Args::new()
                .text("stage", stage.as_str())
                .text("date", date.to_string())
                .text("previous", previous.as_str())
                .text("previous_date", previous_date.to_string()),
            Fact::TooShort {
                stage,
                length,
                first,
                last,
                needed,
            } => Args::new()
                .text("stage", stage.as_str())
                .text("length", length.say(words))
                .text("first", first.to_string())
                .text("last", last.to_string())
                .text("needed", needed.say(words)),
            Fact::NoEvidenceListed { stage } | Fact::NoEvidence { stage } => {
                Args::new().text("stage", stage.as_str())
            }
            Fact::Extension { n, parts } => Args::new().count("n", *n).text(
                "parts",
                join(words, Join::Clauses, parts.iter().map(|p| p.say(words))),
            ),
        };
        words.format(self.id(), &args)
    }

    fn id(&self) -> &'static str {
        match self {
            Fact::Late { .. } => "fact-late",
            Fact::Overdue { .. } => "fact-overdue",
            Fact::Missing { .. } => "fact-missing",
            Fact::Present { .. } => "fact-present",
            Fact::Fails { .. } => "fact-fails",
            Fact::Order { .. } => "fact-order",
            Fact::Skipped { .. } => "fact-skipped",
            Fact::OutOfOrder { .. } => "fact-out-of-order",
            Fact::TooShort { .. } => "fact-too-short",
            Fact::NoEvidenceListed { .. } => "fact-no-evidence-listed",
            Fact::NoEvidence { .. } => "fact-no-evidence",
            Fact::Extension { .. } => "fact-extension",
        }
    }
}

impl Due {
    pub fn due(&self) -> Date {
        match self {
            Due::Within { due, .. } | Due::By { due, .. } => *due,
        }
    }

    /// `was due 2022-07-14, 30 workdays after `assigned` 2022-06-01`.
    pub fn say(&self, words: &Catalogue) -> String {
        match self {
            Due::Within {
                due,
                amount,
                after,
                base,
                computed,
            } => {
                let id = match computed == due {
                    true => "due-within",
                    false => "due-within-rolled",
                };
                let args = Args::new()
                    .text("due", due.to_string())
                    .text("amount", amount.say(words))
                    .text("after", after.as_str())
                    .text("base", base.to_string())
                    .text("computed", computed.to_string());
                words.format(id, &args)
            }
            Due::By {
                due,
                what,
                computed,
            } => {
                let id = match computed == due {
                    true => "due-by",
                    false => "due-by-rolled",
                };
                let args = Args::new()
                    .text("due", due.to_string())
                    .text("what", what.as_str())
                    .text("computed", computed.to_string());
                words.format(id, &args)
            }
        }
    }
}

impl Amount {
    pub fn new(n: i64, unit: Unit) -> Amount {
        Amount { n, unit }
    }

    /// `30 workdays`, `1 day`.
    pub fn say(&self, words: &Catalogue) -> String {
        let args = Args::new()
            .int("n", self.n)
            .text("unit", unit_key(self.unit));
        words.format("amount", &args)
    }
}

impl Lateness {
    /// `6 days (4 workdays)`, or `6 days` without a calendar.
    pub fn say(&self, words: &Catalogue) -> String {
        let days = Amount::new(self.days.max(0), Unit::Days).say(words);
        match self.workdays {
            Some(w) => {
                let workdays = Amount::new(w.max(0), Unit::Workdays).say(words);
                let args = Args::new().text("days", days).text("workdays", workdays);
                words.format("lateness", &args)
            }
            None => days,
        }
    }
}

impl Seen {
    /// ` (a, b)`: the values read, or nothing.
    fn details(words: &Catalogue, seen: &[Seen]) -> String {
        if seen.is_empty() {
            return String::new();
        }
        let said = seen.iter().map(|s| s.say(words));
        let args = Args::new().text("seen", join(words, Join::Plain, said));
        words.format("seen-details", &args)
    }

    pub fn say(&self, words: &Catalogue) -> String {
        match self {
            Seen::Value { expr, value } => {
                let args = Args::new().text("expr", expr.as_str());
                match value {
                    Shown::Literal(text) => {
                        words.format("seen-value", &args.text("value", text.as_str()))
                    }
                    Shown::List(n) => words.format("seen-list", &args.count("n", *n)),
                    Shown::Mapping => words.format("seen-mapping", &args),
                    Shown::Missing => words.format("seen-missing", &args),
                }
            }
            Seen::SameUnit { a, b } => words.format(
                "seen-same-unit",
                &Args::new().text("a", a.as_str()).text("b", b.as_str()),
            ),
        }
    }
}

impl Reason {
    /// Reasons joined: `record has no `deadline`; …`.
    pub fn list(words: &Catalogue, reasons: &[Reason]) -> String {
        join(words, Join::Clauses, reasons.iter().map(|r| r.say(words)))
    }

    pub fn say(&self, words: &Catalogue) -> String {
        let (id, args) = match self {
            Reason::Rule { id } => ("reason-rule", Args::new().text("id", id.as_str())),
            Reason::Calendar { calendar, year } => (
                "reason-calendar",
                Args::new()
                    .text("calendar", calendar.as_str())
                    .text("year", year.to_string()),
            ),
            Reason::NotText { expr } => {
                ("reason-not-text", Args::new().text("expr", expr.as_str()))
            }
            Reason::NotBool { expr } => {
                ("reason-not-bool", Args::new().text("expr", expr.as_str()))
            }
            Reason::CannotCompare { a, b } => (
                "reason-cannot-compare",
                Args::new().text("a", a.as_str()).text("b", b.as_str()),
            ),
            Reason::NotDate { expr } => {
                ("reason-not-date", Args::new().text("expr", expr.as_str()))
            }
            Reason::StageField { stage, field } => (
                "reason-stage-field",
                Args::new()
                    .text("stage", stage.as_str())
                    .text("field", field.as_str()),
            ),
            Reason::ExtensionField { field } => (
                "reason-extension-field",
                Args::new().text("field", field.as_str()),
            ),
            Reason::RecordField { field } => (
                "reason-record-field",
                Args::new().text("field", field.as_str()),
            ),
            Reason::DateRange { expr } => {
                ("reason-date-range", Args::new().text("expr", expr.as_str()))
            }
            Reason::AfterRange { amount, base } => (
                "reason-after-range",
                Args::new()
                    .text("amount", amount.say(words))
                    .text("base", base.to_string()),
            ),
            Reason::NoCalendar => ("reason-no-calendar", Args::new()),
            Reason::GroupField { field, by } => (
                "reason-group-field",
                Args::new()
                    .text("field", field.as_str())
                    .text("by", by.join(&words.text("group-and"))),
            ),
            Reason::Extension { n, reason } => (
                "reason-extension",
                Args::new().count("n", *n).text("reason", reason.say(words)),
            ),
        };
        words.format(id, &args)
    }
}

impl From<crate::calendar::OutOfRange> for Reason {
    fn from(out: crate::calendar::OutOfRange) -> Reason {
        Reason::Calendar {
            calendar: out.calendar,
            year: out.year,
        }
    }
}

impl Note {
    /// The label's text (empty for [`Note::Empty`]).
    pub fn say(&self, words: &Catalogue) -> String {
        let (id, args) = match self {
            Note::Empty => return String::new(),
            Note::Fact(fact) => return fact.say(words),
            Note::Seen(seen) => return seen.say(words),
            Note::NotRecorded { stage, due, as_of } => (
                "label-not-recorded",
                Args::new()
                    .text("stage", stage.as_str())
                    .text("due", due.to_string())
                    .text("as_of", as_of.to_string()),
            ),
            Note::Late { lateness, due } => (
                "label-late",
                Args::new()
                    .text("lateness", lateness.say(words))
                    .text("due", due.to_string()),
            ),
            Note::DueFrom { due } => ("label-due-from", Args::new().text("due", due.to_string())),
            Note::Dated { stage, date } => (
                "label-dated",
                Args::new()
                    .text("stage", stage.as_str())
                    .text("date", date.to_string()),
            ),
            Note::RecordedWithout { stage } => (
                "label-recorded-without",
                Args::new().text("stage", stage.as_str()),
            ),
            Note::Before { stage, date } => (
                "label-before",
                Args::new()
                    .text("stage", stage.as_str())
                    .text("date", date.to_string()),
            ),
            Note::EndsAfter { length } => (
                "label-ends-after",
                Args::new().text("length", length.say(words)),
            ),
            Note::EmptyEvidence => ("label-empty-evidence", Args::new()),
            Note::NoEvidence => ("label-no-evidence", Args::new()),
            Note::ThisRecord => ("label-this-record", Args::new()),
            Note::GroupRule => ("label-group-rule", Args::new()),
            Note::Early { early, due } => (
                "label-early",
                Args::new()
                    .text("early", early.say(words))
                    .text("due", due.to_string()),
            ),
            Note::Commended => ("label-commended", Args::new()),
        };
        words.format(id, &args)
    }
}

impl PenaltyNote {
    /// `1 + 0.1 × 4 workdays = 1.4`, `…, capped at 3`.
    pub fn say(&self, words: &Catalogue) -> String {
        let (said, cap): (String, Option<Points>) = match self {
            PenaltyNote::Periods {
                fixed,
                points,
                count,
                every,
                unit,
                total,
                cap,
            } => {
                let unit = match unit {
                    LateUnit::Days => Unit::Days,
                    LateUnit::Workdays => Unit::Workdays,
                };
                let per = match every {
                    1 => Amount::new(*count, unit).say(words),
                    _ => words.format(
                        "note-periods",
                        &Args::new()
                            .int("count", *count)
                            .text("every", Amount::new(i64::from(*every), unit).say(words)),
                    ),
                };
                let args = Args::new()
                    .text("fixed", fixed.to_string())
                    .text("points", points.to_string())
                    .text("per", per)
                    .text("total", total.to_string());
                (words.format("note-penalty", &args), *cap)
            }
            PenaltyNote::Capped { total, cap } => (total.to_string(), Some(*cap)),
            PenaltyNote::Shortfall {
                shortfall,
                fixed,
                points,
                unit,
                total,
                cap,
            } => {
                let fixed = match *fixed {
                    Points::ZERO => String::new(),
                    f => format!("{f} + "),
                };
                let unit = match unit {
                    ShortUnit::PercentagePoint => "percentage-point",
                    ShortUnit::Record => "record",
                };
                let args = Args::new()
                    .text("shortfall", shortfall.say(words))
                    .text("fixed", fixed)
                    .text("points", points.to_string())
                    .int("units", shortfall.units)
                    .text("unit", unit)
                    .text("total", total.to_string());
                (words.format("note-shortfall", &args), *cap)
            }
        };
        // `cap` is set only when it applied (the total was above it).
        match cap {
            Some(cap) => words.format(
                "note-capped",
                &Args::new().text("note", said).text("cap", cap.to_string()),
            ),
            None => said,
        }
    }
}

impl Shortfall {
    /// `86.36% is 8.64 percentage points below 95%, 9 started`.
    pub fn say(&self, words: &Catalogue) -> String {
        match &self.how {
            ShortfallHow::Share {
                figure,
                short,
                below,
                threshold,
                strict,
            } => {
                let strict = match strict {
                    Some(op) => {
                        words.format("shortfall-strict", &Args::new().text("op", op.as_str()))
                    }
                    None => String::new(),
                };
                let args = Args::new()
                    .text("figure", figure.to_string())
                    .points("short", short.to_string())
                    .text("dir", if *below { "below" } else { "over" })
                    .text("threshold", threshold.to_string())
                    .text("strict", strict)
                    .int("units", self.units);
                words.format("shortfall-share", &args)
            }
            ShortfallHow::Count { met, below, bound } => {
                let args = Args::new()
                    .text("met", met.to_string())
                    .int("units", self.units)
                    .text("dir", if *below { "below" } else { "over" })
                    .text("bound", bound.to_string());
                words.format("shortfall-count", &args)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use jiff::civil::date;

    /// The message of `verdict` in English and in Chinese.
    fn said(verdict: &Verdict) -> (String, String) {
        (
            verdict.message(Lang::En.catalogue()),
            verdict.message(Lang::ZhCn.catalogue()),
        )
    }

    fn failed(parts: Vec<Fact>, rest: Vec<Reason>) -> Verdict {
        Verdict::Failed { parts, rest }
    }

    #[test]
    fn a_late_stage_in_both_languages() {
        let late = Fact::Late {
            stage: "plan".into(),
            due: Due::Within {
                due: date(2022, 7, 14),
                amount: Amount::new(30, Unit::Workdays),
                after: "assigned".into(),
                base: date(2022, 6, 1),
                computed: date(2022, 7, 14),
            },
            actual: date(2022, 7, 20),
            lateness: Lateness {
                days: 6,
                workdays: Some(4),
            },
        };
        assert_eq!(
            said(&failed(vec![late], Vec::new())),
            (
                "`plan` was due 2022-07-14, 30 workdays after `assigned` 2022-06-01; it is dated 2022-07-20, 6 days (4 workdays) late".into(),
                "`plan` 应于 2022-07-14 前完成（`assigned` 2022-06-01 后 30 个工作日）；实际为 2022-07-20，逾期 6 天（4 个工作日）".into()
            )
        );
    }

    #[test]
    fn stages_in_the_wrong_order_and_what_could_not_be_checked() {
        let order = Fact::Order {
            first: "plan".into(),
            first_date: date(2022, 7, 20),
            op: OrderOp::OnOrBefore,
            second: "verification".into(),
            second_date: date(2022, 7, 1),
        };
        let rest = vec![
            Reason::RecordField {
                field: "deadline".into(),
            },
            Reason::Extension {
                n: 1,
                reason: Box::new(Reason::ExtensionField {
                    field: "approved_by".into(),
                }),
            },
        ];
        assert_eq!(
            said(&failed(vec![order, Fact::Missing { expr: "closure".into() }], rest)),
            (
                "`plan` (2022-07-20) should be on or before `verification` (2022-07-01); `closure` is missing; cannot check the rest: record has no `deadline`; extension 1: the extension has no `approved_by`".into(),
                "`plan`（2022-07-20）应不晚于 `verification`（2022-07-01）；缺少 `closure`；其余部分无法检查：记录缺少 `deadline`；第 1 次延期：该延期缺少 `approved_by`".into()
            )
        );
    }

    #[test]
    fn a_failed_condition_names_the_values_it_read() {
        let fails = Fact::Fails {
            expr: "status == \"completed\"".into(),
            seen: vec![
                Seen::Value {
                    expr: "status".into(),
                    value: Shown::Literal("`open`".into()),
                },
                Seen::Value {
                    expr: "closure.evidence".into(),
                    value: Shown::List(0),
                },
            ],
        };
        assert_eq!(
            said(&failed(vec![fails], Vec::new())),
            (
                "`status == \"completed\"` does not hold (`status` is `open`, `closure.evidence` is a list of 0)".into(),
                "`status == \"completed\"` 不成立（`status` 为 `open`、`closure.evidence` 为含 0 项的列表）".into()
            )
        );
    }

    #[test]
    fn a_record_outside_every_group() {
        let verdict = Verdict::CannotCheck {
            scope: Scope::Group,
            reasons: vec![Reason::GroupField {
                field: "region".into(),
                by: vec!["unit".into(), "region".into()],
            }],
        };
        assert_eq!(
            said(&verdict),
            (
                "cannot check which group the record is in: the record has no `region`, and the rule groups records per unit and region".into(),
                "无法判断记录所属的分组：记录缺少 `region`，而该规则按 unit、region 分组".into()
            )
        );
    }

    /// Findings are kept by the hundred thousand: what they hold beyond
    /// their verdict stays small (a label's note, the penalty note boxed).
    #[test]
    fn what_a_finding_keeps_stays_small() {
        use std::mem::size_of;
        assert!(size_of::<Note>() <= 40, "{}", size_of::<Note>());
        assert!(size_of::<Verdict>() <= 48, "{}", size_of::<Verdict>());
        assert!(size_of::<Option<Box<PenaltyNote>>>() <= 8);
    }

    #[test]
    fn amounts_choose_their_plural_and_notes_their_cap() {
        let en = Lang::En.catalogue();
        let zh = Lang::ZhCn.catalogue();
        assert_eq!(Amount::new(1, Unit::Days).say(en), "1 day");
        assert_eq!(Amount::new(2, Unit::Months).say(en), "2 months");
        assert_eq!(Amount::new(1, Unit::Workdays).say(zh), "1 个工作日");
        let capped = PenaltyNote::Capped {
            total: Points(500),
            cap: Points(300),
        };
        assert_eq!(capped.say(en), "5, capped at 3");
        assert_eq!(capped.say(zh), "5，封顶 3");
        let strict = Shortfall {
            units: 1,
            how: ShortfallHow::Share {
                figure: Points(9500),
                short: Points::ZERO,
                below: true,
                threshold: Points(9500),
                strict: Some(CmpOp::Gt),
            },
        };
        assert_eq!(
            strict.say(en),
            "95% is 0 percentage points below 95%, `>` fails at the threshold itself, 1 started"
        );
    }
}
