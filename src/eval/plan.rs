//! The evaluation plan: rules compiled once, names resolved to indices,
//! regexes built, rule text kept for messages.

use crate::diag::Severity;
use crate::i18n::{Args, Catalogue, Lang};
use crate::syntax::ast::{TextItem, text_in};
use jiff::civil::Date;

use crate::calendar::Calendar;
use crate::points::Points;
use crate::source::Span;
use crate::syntax::ast::Unit;
use crate::syntax::ast::{
    CmpOp, DateWord, LateUnit, OrderOp, RollPolicy, ShortDir, ShortUnit, Sign,
};

/// Every rule of every loaded file, ready to evaluate.
#[derive(Clone, Debug)]
pub struct Plan {
    pub rules: Vec<Rule>,
    /// Record kinds and their pipelines, in declaration order.
    pub kinds: Vec<Kind>,
    pub calendar: Option<Calendar>,
    pub roll: RollPolicy,
    pub scoring: Scoring,
    /// The rules that set a due date on the last stage of their kind's
    /// pipeline, as compiled: progress counts (`overdue`, `completed_late`)
    /// read their due dates from these, whatever `--only` and `--skip`
    /// select from [`Plan::rules`].
    pub closing: Vec<Rule>,
    /// The project's unit registry: how text is compared (see
    /// [`crate::units`]). Empty unless the run sets one.
    pub units: crate::units::Units,
    /// The extra fields the rule sets declare (`extra fields: regions`),
    /// as dotted paths; each covers its sub-fields too.
    pub extra_fields: Vec<String>,
    /// Every place a rule reads a field outside the record format, in
    /// file order: for the warnings about paths no record has.
    pub field_uses: Vec<FieldUse>,
}

/// A rule's use of a field outside the record format (`budget.yuan`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldUse {
    /// The path's parts: `["budget", "yuan"]`.
    pub path: Vec<String>,
    /// The rule file (the index given with its AST) and the path's span.
    pub file: usize,
    pub span: crate::source::Span,
    /// Whether an `extra fields` declaration covers it.
    pub declared: bool,
}

impl Plan {
    /// Whether `path` (dotted) is declared as an extra field, or is a
    /// sub-field of one.
    pub fn declares(&self, path: &str) -> bool {
        declared(&self.extra_fields, path)
    }
}

/// Whether `path` is one of `declared` or a sub-field of one.
pub fn declared(declared: &[String], path: &str) -> bool {
    declared.iter().any(|d| {
        path.strip_prefix(d.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
    })
}

#[derive(Clone, Debug)]
pub struct Kind {
    pub name: String,
    pub stages: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scoring {
    pub start: Points,
    pub floor: Points,
    /// The most rewards can lift a score to (`at most 105`); the start
    /// when the scheme states none.
    pub ceiling: Points,
    /// In order; the last has no threshold.
    pub grades: Vec<(String, Option<Points>)>,
    /// `title zh-CN "合格"`: each grade's names for runs in one language,
    /// as `(grade, names)`; a grade without any is not listed.
    pub titles: Vec<(String, Vec<(Lang, String)>)>,
}

impl Default for Scoring {
    /// The bundled scheme: from 100, not below 0; pass >= 90, basic >= 60, fail.
    fn default() -> Scoring {
        Scoring {
            start: Points(10_000),
            floor: Points(0),
            ceiling: Points(10_000),
            grades: vec![
                ("pass".into(), Some(Points(9_000))),
                ("basic".into(), Some(Points(6_000))),
                ("fail".into(), None),
            ],
            titles: Vec::new(),
        }
    }
}

impl Scoring {
    /// A unit's score: start − penalty + reward, not below the floor and
    /// not above the ceiling.
    pub fn score(&self, penalty: Points, reward: Points) -> Points {
        let score = self.start.saturating_sub(penalty).saturating_add(reward);
        score.min(self.ceiling).max(self.floor)
    }

    /// The names of `grade` for runs in one language (none: the name as
    /// written serves every language).
    pub fn titles(&self, grade: &str) -> &[(Lang, String)] {
        self.titles
            .iter()
            .find(|(name, _)| name == grade)
            .map_or(&[], |(_, titles)| titles.as_slice())
    }

    /// The first grade whose threshold `score` meets.
    pub fn grade(&self, score: Points) -> &str {
        self.grades
            .iter()
            .find(|(_, at_least)| at_least.is_none_or(|t| score >= t))
            .map_or("", |(name, _)| name.as_str())
    }
}

#[derive(Clone, Debug)]
pub struct Rule {
    pub id: String,
    /// The title as written; [`Rule::title_in`] for a run's language.
    pub title: Option<String>,
    pub cite: Option<String>,
    /// The help as written; [`Rule::help_in`] for a run's language.
    pub help: Option<String>,
    /// `title zh-CN "…"`, `help en "…"`: the title or help for one language.
    pub variants: Vec<(TextItem, Lang, String)>,
    pub severity: Severity,
    /// Index into [`Plan::kinds`].
    pub kind: usize,
    /// Which rule file (index given to `compile`) and where in it.
    pub file: usize,
    /// The whole rule block.
    pub span: Span,
    /// The rule's id, where diagnostics point.
    pub id_span: Span,
    /// A group rule: its constraints (`share of`, `count of`) are over
    /// the records of each group, and it gives one finding per failing group.
    pub group: Option<Group>,
    pub when: Option<Expr>,
    pub requires: Vec<Constraint>,
    pub penalty: Penalty,
    /// A reward rule's reward: a record that meets every `require` is
    /// commended and earns it. Its `per` counts periods of earliness.
    pub reward: Option<Penalty>,
}

impl Rule {
    /// The title said in `lang`: its variant for `lang`, else as written.
    pub fn title_in(&self, lang: Lang) -> Option<&str> {
        text_in(self.title.as_deref(), &self.variants, TextItem::Title, lang)
    }

    /// The help said in `lang`: its variant for `lang`, else as written.
    pub fn help_in(&self, lang: Lang) -> Option<&str> {
        text_in(self.help.as_deref(), &self.variants, TextItem::Help, lang)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Penalty {
    pub fixed: Points,
    pub per: Option<(Points, u32, LateUnit)>,
    /// A group rule's proportional part (`plus 0.5 per record over`).
    pub short: Option<Short>,
    pub cap: Option<Points>,
}

impl Penalty {
    /// A rule's penalty or reward as written, in the words of `words`:
    /// `1 point, plus 0.1 per workday late, at most 3`; `period` is `late`
    /// or `early`.
    pub fn describe(&self, words: &Catalogue, period: &str) -> String {
        let p = self;
        use crate::syntax::ast::{LateUnit, ShortDir, ShortUnit};
        let points = |n: crate::points::Points| {
            words.format(
                "explain-points",
                &Args::new().points("points", n.to_string()),
            )
        };
        let mut text = match p.short {
            Some(s) => {
                let args = Args::new()
                    .text("fixed", points(p.fixed))
                    .text("points", points(s.points))
                    .text("plus", s.points.to_string())
                    .text(
                        "unit",
                        match s.unit {
                            ShortUnit::PercentagePoint => "percentage-point",
                            ShortUnit::Record => "record",
                        },
                    )
                    .text(
                        "dir",
                        match s.dir {
                            ShortDir::Below => "below",
                            ShortDir::Over => "over",
                        },
                    );
                // `1 point per percentage point below`: no fixed part.
                match p.fixed == crate::points::Points::ZERO {
                    true => words.format("explain-figures-short", &args),
                    false => words.format("explain-figures-fixed-short", &args),
                }
            }
            None => points(p.fixed),
        };
        if let Some((points, every, unit)) = p.per {
            let unit = match unit {
                LateUnit::Days => "days",
                LateUnit::Workdays => "workdays",
            };
            let args = Args::new()
                .text("points", points.to_string())
                .int("every", i64::from(every))
                .text("unit", unit)
                .text("period", period);
            text.push_str(&words.format("explain-figures-per", &args));
        }
        if let Some(cap) = p.cap {
            let args = Args::new().text("cap", cap.to_string());
            text.push_str(&words.format("explain-figures-cap", &args));
        }
        text
    }
}

/// Points per started unit of shortfall of one group constraint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Short {
    pub points: Points,
    pub unit: ShortUnit,
    pub dir: ShortDir,
    /// The constraint (index into [`Rule::requires`]) it is measured against.
    pub constraint: usize,
}

#[derive(Clone, Debug)]
pub struct Constraint {
    pub kind: ConstraintKind,
    /// The constraint as written in the rule file, for messages.
    pub text: String,
}

#[derive(Clone, Debug)]
pub enum ConstraintKind {
    /// A deadline: `stage` is due `within` after `after`.
    Within {
        stage: usize,
        within: DurationExpr,
        after: Expr,
        after_text: String,
    },
    /// A deadline: `stage` is due on or before `date`.
    By {
        stage: usize,
        date: Expr,
        date_text: String,
    },
    Order {
        first: usize,
        op: OrderOp,
        second: usize,
    },
    StagesInOrder,
    Lasts {
        stage: usize,
        n: u32,
        unit: Unit,
    },
    HasEvidence {
        stage: usize,
    },
    /// The expression holds for every extension of the record.
    EachExtension(Expr),
    Expr(Expr),
    /// In a group rule: the share of the group's records for which the
    /// expression holds, compared with a percentage (in hundredths of a
    /// percent: 95% is 9500).
    Share {
        of: Expr,
        op: CmpOp,
        threshold: Points,
    },
    /// In a group rule: how many of the group's records it holds for.
    Count {
        of: Expr,
        op: CmpOp,
        n: u32,
    },
}

/// How a group rule groups records: a group is the records with the same
/// value of every key; no keys is one group of all records.
#[derive(Clone, Debug)]
pub struct Group {
    pub keys: Vec<GroupKey>,
}

/// One field a group rule groups by.
#[derive(Clone, Debug)]
pub struct GroupKey {
    /// As the reports name it: `unit` (also for `responsible.unit`),
    /// `round`, `responsible.lead`.
    pub name: String,
    /// The field; [`Field::Unit`] compares through the unit identity.
    pub field: Field,
}

impl Group {
    /// What it groups by, as a word: `unit`, `unit and round`, or `all`.
    pub fn by(&self) -> String {
        if self.keys.is_empty() {
            return "all".into();
        }
        let names: Vec<&str> = self.keys.iter().map(|k| k.name.as_str()).collect();
        names.join(" and ")
    }

    /// Where the unit is among the keys, when it is one: only then does a
    /// group's finding reach a unit's score.
    pub fn unit(&self) -> Option<usize> {
        self.keys.iter().position(|k| k.field == Field::Unit)
    }
}

impl ConstraintKind {
    /// The stage a deadline constraint is about.
    pub fn deadline_stage(&self) -> Option<usize> {
        match self {
            ConstraintKind::Within { stage, .. } | ConstraintKind::By { stage, .. } => Some(*stage),
            _ => None,
        }
    }
}

#[derive(Clone, Debug)]
pub enum DurationExpr {
    Fixed(u32, Unit),
    If(Box<Expr>, Box<DurationExpr>, Box<DurationExpr>),
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    /// As written, for messages (`acceptance.by`).
    pub text: String,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Field(Field),
    DateWord(DateWord),
    Extended,
    Str(String),
    Num(f64),
    Date(Date),
    Bool(bool),
    Cmp(CmpOp, Box<Expr>, Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    IsPresent(Box<Expr>),
    IsMissing(Box<Expr>),
    In(Box<Expr>, Vec<Expr>),
    Matches(Box<Expr>, regex::Regex),
    /// `passes RULE` (`true`) / `fails RULE`: the per-record rule's verdict
    /// on the record, evaluated exactly as `check` does (waivers aside:
    /// verdicts are facts). The rule is filled in once every rule is
    /// compiled ([`Verdict`]).
    Verdict(Box<Verdict>),
    /// A deadline (`within`, `by`) met, as the condition of `share of` /
    /// `count of`: due dates computed and moved as a `require`'s are.
    Met(Box<Constraint>),
    DateAdd(Box<Expr>, Sign, u32, Unit),
}

/// A rule whose verdict a group rule counts.
#[derive(Clone, Debug)]
pub struct Verdict {
    pub passes: bool,
    pub id: String,
    /// The rule as compiled; `None` only while compiling.
    pub rule: Option<Rule>,
}

/// A resolved field path.
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    /// A stage's date (index into the kind's pipeline).
    StageDate(usize),
    StageEnd(usize),
    StageBy(usize),
    StageNote(usize),
    StageEvidence(usize),
    Id,
    Kind,
    Unit,
    Lead,
    Status,
    /// Inside `each extension`: a field of the extension.
    Extension(ExtensionField),
    /// Any other path, looked up in the record then its ledger header.
    Extra(Vec<String>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtensionField {
    To,
    ApprovedBy,
    ApprovedOn,
    Reason,
}
