//! The rule AST. Every node a diagnostic can point at carries a [`Span`]
//! (byte range in the rule file); spans take no part in equality, so two
//! files that differ only in layout lower to equal ASTs.

use crate::diag::Severity;
use crate::i18n::Lang;
use crate::points::Points;
use crate::source::{Span, Spanned};

/// A name as written: a kind, a stage, a field segment, a grade, a rule id.
pub type Ident = Spanned<String>;

/// One parsed rule file.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    /// `ruleset "…" { … }` blocks, in file order (usually one).
    pub rulesets: Vec<Ruleset>,
    pub rules: Vec<Rule>,
    /// Every `#` comment, in file order, with its span (for `fmt`).
    pub comments: Vec<Spanned<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ruleset {
    pub name: Spanned<String>,
    pub decls: Vec<Decl>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Decl {
    /// `calendar "calendars/cn.yaml"`: path relative to the rule file.
    Calendar(Spanned<String>),
    /// `deadlines on a non-working day move to the next workday` (or `stay`).
    Roll(Spanned<RollPolicy>),
    /// `pipeline task: plan -> verification -> …`
    Pipeline {
        kind: Ident,
        stages: Vec<Ident>,
        span: Span,
    },
    /// `score per unit from 100, not below 0; grades: pass >= 90, basic >= 60, fail`
    Score(Scoring),
    /// `extra fields: regions, budget.yuan`: dotted paths, each covering
    /// its sub-fields too.
    Fields {
        paths: Vec<Spanned<String>>,
        span: Span,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RollPolicy {
    /// A due date on a non-working day moves to the next working day.
    NextWorkday,
    /// Due dates stay where they fall.
    Stay,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scoring {
    pub start: Spanned<Points>,
    pub floor: Spanned<Points>,
    /// `at most 105`: the highest score rewards can lift a unit to; `None`
    /// keeps scores at or below `start`.
    pub ceiling: Option<Spanned<Points>>,
    /// In order; the first whose threshold the score meets is the grade.
    /// The last has no threshold (`fail`).
    pub grades: Vec<Grade>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Grade {
    pub name: Ident,
    pub at_least: Option<Spanned<Points>>,
    /// `title zh-CN "合格"`: the grade's name for runs in one language, in
    /// the order written (each a [`TextItem::Title`]); the name as written
    /// serves every other language.
    pub titles: Vec<Variant>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// kebab-case, unique across all loaded rule files.
    pub id: Ident,
    pub title: Option<Spanned<String>>,
    pub cite: Option<Spanned<String>>,
    pub help: Option<Spanned<String>>,
    /// `title zh-CN "…"`, `help en "…"`: the title or help for runs in one
    /// language, titles first, each in the order written; the text as
    /// written serves every other language.
    pub variants: Vec<Variant>,
    /// `for task`: the record kind the rule applies to.
    pub kind: Ident,
    /// `per unit`, `per unit and region`: a group rule, whose constraints
    /// are over the records of each group (`share of`, `count of`). `None`
    /// for a per-record rule (or a group rule over all records).
    pub per: Option<Per>,
    /// `when <expr>`: the rule applies only when this holds.
    pub when: Option<Expr>,
    /// One or more `require` constraints; all must hold.
    pub requires: Vec<Constraint>,
    pub severity: Spanned<Severity>,
    pub penalty: Option<Penalty>,
    /// `reward 1 point, plus 0.5 per 30 days early, at most 3`: a reward
    /// rule, whose `require` describes the excellent case; a record that
    /// meets it is commended. Its `per` part counts periods of earliness.
    pub reward: Option<Penalty>,
    /// The whole `rule … { … }` block.
    pub span: Span,
}

/// `per unit and round`: the fields a group rule groups records by; a
/// group is the records with the same value of each.
#[derive(Clone, Debug, PartialEq)]
pub struct Per {
    /// One field path per key, as written (`unit`, `responsible.lead`).
    pub keys: Vec<Spanned<Vec<Ident>>>,
    /// From `per` to the last key.
    pub span: Span,
}

impl Per {
    /// The keys as written, each a dotted path: `["unit", "round"]`.
    pub fn names(&self) -> Vec<String> {
        self.keys.iter().map(|k| path_name(&k.value)).collect()
    }
}

/// A field path as written: `responsible.lead`.
pub fn path_name(segments: &[Ident]) -> String {
    segments
        .iter()
        .map(|s| s.value.as_str())
        .collect::<Vec<_>>()
        .join(".")
}

/// The unit of a duration as a rule writes it (`30 workdays`, `1 month`);
/// `calendar` does the arithmetic in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    Days,
    Workdays,
    Weeks,
    Months,
    Years,
}

/// `penalty 1 point, plus 0.1 per workday late, at most 3`, or a reward
/// (`reward 1 point, plus 0.5 per 30 days early, at most 3`)
#[derive(Clone, Debug, PartialEq)]
pub struct Penalty {
    /// The fixed part; zero in `penalty 1 point per record over`, whose
    /// number is the points per record (see [`PerShort::plus`]).
    pub fixed: Spanned<Points>,
    pub per: Option<PerLate>,
    /// A group rule's proportional part: points per started unit of
    /// shortfall against its constraint's threshold.
    pub short: Option<PerShort>,
    pub cap: Option<Spanned<Points>>,
    pub span: Span,
}

/// `plus 0.5 per record over`, `per percentage point below`: points for each
/// started unit by which a group misses its constraint's threshold.
#[derive(Clone, Debug, PartialEq)]
pub struct PerShort {
    pub points: Spanned<Points>,
    pub unit: ShortUnit,
    pub dir: Spanned<ShortDir>,
    /// Written `, plus N per …` after a fixed part; else `penalty N points
    /// per …`, whose fixed part is zero.
    pub plus: bool,
    pub span: Span,
}

/// What a proportional group penalty counts: percentage points of a
/// `share of`, records of a `count of`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShortUnit {
    PercentagePoint,
    Record,
}

/// `below` a minimum (`>=`, `>`) or `over` a maximum (`<=`, `<`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShortDir {
    Below,
    Over,
}

impl ShortUnit {
    /// `percentage point`, `record`.
    pub fn as_str(self) -> &'static str {
        match self {
            ShortUnit::PercentagePoint => "percentage point",
            ShortUnit::Record => "record",
        }
    }
}

impl ShortDir {
    pub fn as_str(self) -> &'static str {
        match self {
            ShortDir::Below => "below",
            ShortDir::Over => "over",
        }
    }
}

/// `plus 0.1 per workday late` / `plus 1 per 30 days late`: points for each
/// started period of lateness (of earliness in a reward: `per 30 days early`).
#[derive(Clone, Debug, PartialEq)]
pub struct PerLate {
    pub points: Spanned<Points>,
    /// Length of one period (`30` in `per 30 days`; 1 when omitted).
    pub every: u32,
    pub unit: LateUnit,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LateUnit {
    Days,
    Workdays,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Constraint {
    pub kind: ConstraintKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ConstraintKind {
    /// `plan within 30 workdays after assigned`: a deadline; the stage is due
    /// `within` after `after`.
    Within {
        stage: Ident,
        within: DurationExpr,
        after: Expr,
    },
    /// `closure by deadline` (on or before): a deadline.
    By { stage: Ident, date: Expr },
    /// `acceptance before closure`, `notice after acceptance`,
    /// `closure on or after notice`: compares two recorded stage dates.
    Order {
        first: Ident,
        op: Spanned<OrderOp>,
        second: Ident,
    },
    /// `stages in order`: recorded stages carry non-decreasing dates in
    /// pipeline order and none is skipped.
    StagesInOrder,
    /// `notice lasts at least 10 workdays`: from its `date` to its `end`, both counted.
    Lasts { stage: Ident, at_least: Duration },
    /// `acceptance has evidence`: at least one evidence item.
    HasEvidence { stage: Ident },
    /// `each extension: <expr>`: the expression holds for every element of the
    /// list; inside, paths are relative to the element and the date word
    /// `extended deadline` is the deadline that element extends.
    Each { list: Ident, body: Expr },
    /// Any boolean expression (`acceptance.by != responsible.unit`).
    Expr(Expr),
    /// `share of (<expr>) >= 95%`: in a group rule, the share of the group's
    /// records for which the expression holds.
    Share {
        of: Expr,
        op: Spanned<CmpOp>,
        threshold: Spanned<String>,
    },
    /// `count of (<expr>) <= 3`: in a group rule, how many of the group's
    /// records the expression holds for.
    Count {
        of: Expr,
        op: Spanned<CmpOp>,
        n: Spanned<u32>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrderOp {
    Before,
    OnOrBefore,
    After,
    OnOrAfter,
}

/// A duration, or a choice of durations (`if extended then 90 days else 60 days`).
#[derive(Clone, Debug, PartialEq)]
pub enum DurationExpr {
    Fixed(Duration),
    If {
        cond: Box<Expr>,
        then: Box<DurationExpr>,
        otherwise: Box<DurationExpr>,
        span: Span,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Duration {
    pub n: u32,
    pub unit: Unit,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// `category`, `budget.yuan`, `acceptance.by`, `plan` (a stage: its date).
    Path(Vec<Ident>),
    /// A date word: `assigned`, `deadline`, `original deadline`, `today`,
    /// `extended deadline` (inside `each extension`).
    DateWord(DateWord),
    /// `extended`: the record has at least one approved extension.
    Extended,
    /// `passes plan-on-time` (`passes: true`), `fails plan-on-time`: the
    /// verdict another rule gives the record, as `check` computes it.
    Verdict {
        passes: bool,
        rule: Ident,
    },
    /// `(closed within 60 days after assigned)` as the condition of `share
    /// of`/`count of`: the deadline is met (a `within` or `by` constraint,
    /// its due date computed and moved as a `require`'s is).
    Met(Box<Constraint>),
    Str(String),
    /// A number literal as written (`95`, `0.5`, `1000000`).
    Num(String),
    /// `95%` (as written, without the sign).
    Percent(String),
    Date(jiff::civil::Date),
    Bool(bool),
    Cmp {
        op: CmpOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    IsPresent(Box<Expr>),
    IsMissing(Box<Expr>),
    In {
        value: Box<Expr>,
        list: Vec<Expr>,
    },
    /// `title matches "蓝藻"`: the pattern is checked to be a valid
    /// linear-time regex by the semantic check.
    Matches {
        value: Box<Expr>,
        pattern: Spanned<String>,
    },
    /// `assigned + 60 days`, `deadline - 1 month`.
    DateAdd {
        date: Box<Expr>,
        sign: Sign,
        duration: Duration,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateWord {
    Assigned,
    /// The effective deadline: `to` of the last approved extension, else the record's.
    Deadline,
    OriginalDeadline,
    Today,
    ExtendedDeadline,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    /// The operator as written in a rule (`>=`).
    pub fn as_str(self) -> &'static str {
        match self {
            CmpOp::Eq => "=",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    Plus,
    Minus,
}

impl Rule {
    /// The title said in `lang`: its variant for `lang`, else as written.
    pub fn title_in(&self, lang: Lang) -> Option<&str> {
        self.text_in(TextItem::Title, lang)
    }

    /// The help said in `lang`: its variant for `lang`, else as written.
    pub fn help_in(&self, lang: Lang) -> Option<&str> {
        self.text_in(TextItem::Help, lang)
    }

    fn text_in(&self, item: TextItem, lang: Lang) -> Option<&str> {
        let written = match item {
            TextItem::Title => self.title.as_ref(),
            TextItem::Help => self.help.as_ref(),
        };
        self.variants
            .iter()
            .find(|v| v.item.value == item && v.lang == lang)
            .map(|v| v.text.value.as_str())
            .or(written.map(|t| t.value.as_str()))
    }
}

/// Which of a rule's texts a language variant replaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextItem {
    Title,
    Help,
}

impl TextItem {
    /// The keyword: `title`, `help`.
    pub fn as_str(self) -> &'static str {
        match self {
            TextItem::Title => "title",
            TextItem::Help => "help",
        }
    }
}

/// `title zh-CN "整改方案按时报送"`: a rule's title or help for runs in
/// one language.
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    /// Title or help, spanning the whole item (keyword to string).
    pub item: Spanned<TextItem>,
    /// The language as written (`zh-CN`), and the language it names.
    pub tag: Spanned<String>,
    pub lang: Lang,
    pub text: Spanned<String>,
}

/// A grade's name said in `lang`: its title for `lang` if it has one,
/// else the name as written. For every holder of a grade (the plan, a
/// unit's score, a unit in the progress history), so each picks the same
/// way.
pub fn grade_in<'a>(name: &'a str, titles: &'a [(Lang, String)], lang: Lang) -> &'a str {
    titles
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or(name, |(_, title)| title.as_str())
}

/// A rule's title or help said in `lang`: its variant for `lang` if it
/// has one, else the text as written. For every holder of a rule's texts
/// (the AST, the plan, the outcome), so each picks the same way.
pub fn text_in<'a>(
    written: Option<&'a str>,
    variants: &'a [(TextItem, Lang, String)],
    item: TextItem,
    lang: Lang,
) -> Option<&'a str> {
    variants
        .iter()
        .find(|(i, l, _)| *i == item && *l == lang)
        .map(|(_, _, text)| text.as_str())
        .or(written)
}
