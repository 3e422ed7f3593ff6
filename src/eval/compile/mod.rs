//! The semantic check and compilation of rule files into a [`Plan`].
//!
//! Resolves every name (kinds, stages, fields) against the pipelines the
//! rule sets declare, types expressions, builds regexes, and reports every
//! problem at its span in the rule file, with did-you-mean where a name is
//! close. All errors are collected; no plan is returned if there is one.

mod expr;
mod group;

use std::collections::HashMap;

use crate::calendar::Calendar;
use crate::diag::{Diagnostic, Message};
use crate::points::Points;
use crate::source::Span;
use crate::syntax::ast::Unit;
use crate::syntax::ast::{self, Decl, LateUnit, RollPolicy};

use super::plan::{self, Kind, Plan, Scoring};

/// A problem in a rule file: the rule file (the index given with its AST)
/// and the diagnostic at a span of it (codes in [`codes`]). Its related
/// places index the same list of files.
pub type Located = (usize, Diagnostic);

/// `declare one with `calendar "calendars/cn.yaml"``, the help of every
/// use of working days without a calendar.
/// The label at the first of two declarations.
const FIRST_DECLARED: &str = "rules-duplicate-declaration.first";

const DECLARE_CALENDAR: &str = "rules-bad-unit.help-calendar";

/// `did you mean `word`?` when `name` is a likely misspelling of one of
/// `candidates`.
pub(crate) fn did_you_mean(name: &str, candidates: &[&str]) -> Option<Message> {
    crate::suggest::did_you_mean(name, candidates.iter().copied()).map(crate::diag::did_you_mean)
}

/// Error codes of the semantic check.
pub mod codes {
    /// A rule's `for`, or a pipeline lookup, names a kind no pipeline declares.
    pub const UNKNOWN_KIND: &str = "rules::unknown-kind";
    /// A stage name not in the pipeline of the rule's kind.
    pub const UNKNOWN_STAGE: &str = "rules::unknown-stage";
    /// A field path that is a likely misspelling of a known field, or a
    /// sub-field that does not exist (`responsible.unti`, `plan.dat`).
    pub const UNKNOWN_FIELD: &str = "rules::unknown-field";
    /// Two rules with the same id (across all loaded files).
    pub const DUPLICATE_RULE: &str = "rules::duplicate-rule";
    /// Two pipelines for one kind, two scoring schemes, a stage twice in a pipeline.
    pub const DUPLICATE_DECL: &str = "rules::duplicate-declaration";
    /// A duration or lateness unit that cannot apply where it is used
    /// (working days without a calendar, a percentage outside a group rule).
    pub const BAD_UNIT: &str = "rules::bad-unit";
    /// An expression whose operands cannot be compared or combined.
    pub const TYPE: &str = "rules::type-mismatch";
    /// A `matches` pattern that is not a valid (linear-time) regular expression.
    pub const BAD_REGEX: &str = "rules::bad-regex";
    /// A rule without `require`, a scoring scheme that cannot work.
    pub const INCOMPLETE: &str = "rules::incomplete";
    /// `each` over something that is not a list of the record.
    pub const BAD_EACH: &str = "rules::bad-each";
    /// A penalty figure (fixed points, points per period, `at most`) over
    /// [`crate::points::Points::MAX_PENALTY`].
    pub const PENALTY_TOO_LARGE: &str = "rules::penalty-too-large";
    /// A reward figure over [`crate::points::Points::MAX_PENALTY`], a
    /// fixed part over the reward's own `at most`, or points per period of
    /// earliness on a rule with no deadline to be early for.
    pub const BAD_REWARD: &str = "rules::bad-reward";
    /// A group rule (`per …`, `share of`, `count of`) mixed with per-record
    /// constraints, or `per …` without a group constraint.
    pub const MIXED_GROUP: &str = "rules::mixed-group";
    /// A penalty on a group rule that does not group per unit: its
    /// findings belong to no unit, so the points would reach no score.
    pub const UNREACHABLE_PENALTY: &str = "rules::unreachable-penalty";
    /// `per` naming a field records cannot be grouped by (`per regoin`),
    /// or the same field twice.
    pub const BAD_GROUP: &str = "rules::bad-group";
    /// A proportional penalty (`per record over`) on a rule that is not a
    /// group rule, with no constraint of its measure or several, or
    /// counting in a direction its comparison does not fail in.
    pub const BAD_PROPORTIONAL: &str = "rules::bad-proportional";
    /// `passes RULE` / `fails RULE` outside `share of`/`count of`, naming
    /// no loaded rule, a group or reward rule, or a rule of another kind.
    pub const BAD_VERDICT: &str = "rules::bad-verdict";
    /// `extra fields` naming a field the record format defines (`region`).
    pub const NOT_EXTRA: &str = "rules::not-extra";
}

/// One parsed rule file to compile.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    pub file: usize,
    pub text: &'a str,
    pub ast: &'a ast::File,
}

/// Check and compile the rule files. `calendar` is the merged calendar of
/// every `calendar` declaration (the caller reads the files).
pub fn compile<'a>(
    sources: &[Source<'a>],
    calendar: Option<Calendar>,
) -> Result<Plan, Vec<Located>> {
    let mut cx: Cx<'a> = Cx {
        errors: Vec::new(),
        file: 0,
        text: "",
        ids: Vec::new(),
        extra: Vec::new(),
        uses: Vec::new(),
    };
    cx.ids = (sources.iter().flat_map(|s| &s.ast.rules))
        .map(|r| {
            let group = r.per.is_some()
                || r.requires.iter().any(|c| {
                    matches!(
                        c.kind,
                        ast::ConstraintKind::Share { .. } | ast::ConstraintKind::Count { .. }
                    )
                });
            let single = !group && r.reward.is_none();
            (r.id.value.clone(), r.kind.value.clone(), single)
        })
        .collect();
    let decls = cx.declarations(sources);
    // Whether a calendar is declared, not whether it loaded: a calendar that
    // failed to load is reported by the loader, not again here as missing.
    let has_calendar = calendar.is_some()
        || sources
            .iter()
            .flat_map(|s| &s.ast.rulesets)
            .flat_map(|r| &r.decls)
            .any(|d| matches!(d, Decl::Calendar(_)));
    if decls.roll == RollPolicy::NextWorkday && !has_calendar {
        if let Some((file, span)) = decls.roll_at {
            cx.file = file;
            cx.error(codes::BAD_UNIT, span, "rules-bad-unit-roll").help =
                Some(DECLARE_CALENDAR.into());
        }
    }
    let mut rules = Vec::new();
    let mut seen: HashMap<&str, (usize, Span)> = HashMap::new();
    for source in sources {
        cx.file = source.file;
        cx.text = source.text;
        for rule in &source.ast.rules {
            if let Some(&(file, span)) = seen.get(rule.id.value.as_str()) {
                let message = Message::new("rules-duplicate-rule").text("rule", &rule.id.value);
                let e = cx.error(codes::DUPLICATE_RULE, rule.id.span, message);
                let label = "rules-duplicate-rule.first";
                e.related.push((file, span, label.into()));
                // Still check the second one, so its own errors are shown too.
                let _ = cx.rule(rule, &decls.kinds, has_calendar);
                continue;
            }
            seen.insert(&rule.id.value, (source.file, rule.id.span));
            if let Some(rule) = cx.rule(rule, &decls.kinds, has_calendar) {
                rules.push(rule);
            }
        }
    }
    if cx.errors.is_empty() {
        fill_verdicts(&mut rules);
        let closing = closing_rules(&rules, &decls.kinds);
        Ok(Plan {
            rules,
            kinds: decls.kinds,
            calendar,
            roll: decls.roll,
            scoring: decls.scoring,
            closing,
            units: crate::units::Units::default(),
            extra_fields: cx.extra,
            field_uses: cx.uses,
        })
    } else {
        Err(cx.errors)
    }
}

/// A penalty's or a reward's figures as the plan keeps them.
fn planned(p: &ast::Penalty) -> plan::Penalty {
    plan::Penalty {
        fixed: p.fixed.value,
        per: p
            .per
            .as_ref()
            .map(|per| (per.points.value, per.every.max(1), per.unit)),
        // Filled in by the group check, which knows the rule's constraints.
        short: None,
        cap: p.cap.as_ref().map(|c| c.value),
    }
}

/// Give every `passes RULE` / `fails RULE` its compiled rule. Only group
/// rules hold verdicts, and only of per-record rules, so no verdict holds
/// another.
fn fill_verdicts(rules: &mut [plan::Rule]) {
    fn fill(e: &mut plan::Expr, rules: &[plan::Rule]) {
        use plan::ExprKind as X;
        match &mut e.kind {
            X::Verdict(v) => v.rule = rules.iter().find(|r| r.id == v.id).cloned(),
            X::And(a, b) | X::Or(a, b) | X::Cmp(_, a, b) => {
                fill(a, rules);
                fill(b, rules);
            }
            X::Not(a) | X::IsPresent(a) | X::IsMissing(a) => fill(a, rules),
            _ => {}
        }
    }
    let singles: Vec<plan::Rule> = rules
        .iter()
        .filter(|r| r.group.is_none())
        .cloned()
        .collect();
    for rule in rules.iter_mut().filter(|r| r.group.is_some()) {
        for c in &mut rule.requires {
            if let plan::ConstraintKind::Share { of, .. } | plan::ConstraintKind::Count { of, .. } =
                &mut c.kind
            {
                fill(of, &singles);
            }
        }
    }
}

/// The rules with a deadline on the last stage of their kind's pipeline;
/// not reward rules, whose deadline is the bar for excellence (`deadline -
/// 30 days`), not the time limit.
fn closing_rules(rules: &[plan::Rule], kinds: &[Kind]) -> Vec<plan::Rule> {
    let last = |r: &plan::Rule| {
        kinds
            .get(r.kind)
            .and_then(|k| k.stages.len().checked_sub(1))
    };
    rules
        .iter()
        .filter(|r| r.group.is_none() && r.reward.is_none())
        .filter(|r| {
            let last = last(r);
            r.requires
                .iter()
                .any(|c| last.is_some() && c.kind.deadline_stage() == last)
        })
        .cloned()
        .collect()
}

struct Decls {
    kinds: Vec<Kind>,
    roll: RollPolicy,
    roll_at: Option<(usize, Span)>,
    scoring: Scoring,
}

pub(crate) struct Cx<'a> {
    pub(crate) errors: Vec<Located>,
    pub(crate) file: usize,
    pub(crate) text: &'a str,
    /// Every rule of every file, for `passes RULE`: its id, its kind and
    /// whether it judges one record at a time (not a group or reward rule).
    pub(crate) ids: Vec<(String, String, bool)>,
    /// The declared extra fields (`extra fields: …`), dotted.
    pub(crate) extra: Vec<String>,
    /// Where rules read fields outside the record format.
    pub(crate) uses: Vec<plan::FieldUse>,
}

impl<'a> Cx<'a> {
    /// Record an error at `span` of the current file; the caller may add
    /// help and related places to it.
    pub(crate) fn error(
        &mut self,
        code: &'static str,
        span: Span,
        message: impl Into<Message>,
    ) -> &mut Diagnostic {
        self.errors
            .push((self.file, Diagnostic::error(code, span, message)));
        let last = self.errors.len() - 1;
        &mut self.errors[last].1
    }

    pub(crate) fn snippet(&self, span: Span) -> String {
        self.text
            .get(span.range())
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn declarations(&mut self, sources: &[Source<'a>]) -> Decls {
        let mut decls = Decls {
            kinds: Vec::new(),
            roll: RollPolicy::Stay,
            roll_at: None,
            scoring: Scoring::default(),
        };
        let mut pipeline_at: HashMap<String, (usize, Span)> = HashMap::new();
        let mut scoring_at: Option<(usize, Span)> = None;
        let mut fields_at: HashMap<String, (usize, Span)> = HashMap::new();
        for source in sources {
            self.file = source.file;
            self.text = source.text;
            for decl in source.ast.rulesets.iter().flat_map(|r| &r.decls) {
                match decl {
                    Decl::Calendar(_) => {}
                    Decl::Fields { paths, .. } => self.extra_fields(paths, &mut fields_at),
                    Decl::Roll(policy) => self.roll(&mut decls, policy),
                    Decl::Pipeline { kind, stages, span } => {
                        if let Some(&(file, first)) = pipeline_at.get(&kind.value) {
                            let message = Message::new("rules-duplicate-declaration-pipeline")
                                .text("kind", &kind.value);
                            let e = self.error(codes::DUPLICATE_DECL, *span, message);
                            e.related.push((file, first, FIRST_DECLARED.into()));
                            continue;
                        }
                        pipeline_at.insert(kind.value.clone(), (source.file, *span));
                        decls.kinds.push(self.pipeline(kind, stages));
                    }
                    Decl::Score(scoring) => {
                        if let Some((file, first)) = scoring_at {
                            let message = "rules-duplicate-declaration-scoring";
                            let e = self.error(codes::DUPLICATE_DECL, scoring.span, message);
                            e.related.push((file, first, FIRST_DECLARED.into()));
                            continue;
                        }
                        scoring_at = Some((source.file, scoring.span));
                        decls.scoring = self.scoring(scoring);
                    }
                }
            }
        }
        decls
    }

    /// `extra fields: …`: each path once, and none the record format defines.
    fn extra_fields(
        &mut self,
        paths: &[crate::source::Spanned<String>],
        seen: &mut HashMap<String, (usize, Span)>,
    ) {
        for path in paths {
            if expr::is_core_path(&path.value) {
                let message = Message::new("rules-not-extra").text("field", &path.value);
                self.error(codes::NOT_EXTRA, path.span, message).help =
                    Some("rules-not-extra.help".into());
                continue;
            }
            if let Some(&(file, first)) = seen.get(&path.value) {
                let message =
                    Message::new("rules-duplicate-declaration-field").text("field", &path.value);
                let e = self.error(codes::DUPLICATE_DECL, path.span, message);
                e.related.push((file, first, FIRST_DECLARED.into()));
                continue;
            }
            seen.insert(path.value.clone(), (self.file, path.span));
            self.extra.push(path.value.clone());
        }
    }

    fn roll(&mut self, decls: &mut Decls, policy: &crate::source::Spanned<RollPolicy>) {
        if let Some((file, first)) = decls.roll_at {
            if decls.roll != policy.value {
                let message = "rules-duplicate-declaration-roll";
                let e = self.error(codes::DUPLICATE_DECL, policy.span, message);
                e.related.push((file, first, FIRST_DECLARED.into()));
            }
            return;
        }
        decls.roll = policy.value;
        decls.roll_at = Some((self.file, policy.span));
    }

    fn pipeline(&mut self, kind: &ast::Ident, stages: &[ast::Ident]) -> Kind {
        let mut names: Vec<String> = Vec::new();
        for stage in stages {
            if names.contains(&stage.value) {
                let message =
                    Message::new("rules-duplicate-declaration-stage").text("stage", &stage.value);
                self.error(codes::DUPLICATE_DECL, stage.span, message);
            } else {
                names.push(stage.value.clone());
            }
        }
        Kind {
            name: kind.value.clone(),
            stages: names,
        }
    }

    fn scoring(&mut self, scoring: &ast::Scoring) -> Scoring {
        if scoring.floor.value > scoring.start.value {
            self.error(
                codes::INCOMPLETE,
                scoring.floor.span,
                "rules-incomplete-floor",
            );
        }
        let mut last: Option<Points> = None;
        for grade in &scoring.grades {
            if let (Some(t), Some(prev)) = (&grade.at_least, last) {
                if t.value >= prev {
                    self.error(codes::INCOMPLETE, t.span, "rules-incomplete-grades");
                }
            }
            last = grade.at_least.as_ref().map(|t| t.value).or(last);
        }
        if scoring.grades.last().is_none_or(|g| g.at_least.is_some()) {
            self.error(
                codes::INCOMPLETE,
                scoring.span,
                "rules-incomplete-last-grade",
            )
            .help = Some("rules-incomplete-last-grade.help".into());
        }
        Scoring {
            start: scoring.start.value,
            floor: scoring.floor.value,
            ceiling: scoring
                .ceiling
                .as_ref()
                .map_or(scoring.start.value, |c| c.value),
            grades: scoring
                .grades
                .iter()
                .map(|g| (g.name.value.clone(), g.at_least.as_ref().map(|t| t.value)))
                .collect(),
            titles: (scoring.grades.iter())
                .filter(|g| !g.titles.is_empty())
                .map(|g| {
                    let titles = g.titles.iter();
                    let titles = titles.map(|t| (t.lang, t.text.value.clone())).collect();
                    (g.name.value.clone(), titles)
                })
                .collect(),
        }
    }

    fn rule(&mut self, rule: &ast::Rule, kinds: &[Kind], has_calendar: bool) -> Option<plan::Rule> {
        let before = self.errors.len();
        let kind = self.kind(&rule.kind, kinds);
        if rule.requires.is_empty() {
            let message = Message::new("rules-incomplete-require").text("rule", &rule.id.value);
            self.error(codes::INCOMPLETE, rule.id.span, message);
        }
        let mut penalty = self.penalty(rule.penalty.as_ref(), has_calendar);
        let reward = rule
            .reward
            .as_ref()
            .map(|r| self.reward(rule, r, has_calendar));
        let group = self.group(rule, kind.map(|k| &kinds[k]));
        match (&group, rule.penalty.as_ref().and_then(|p| p.short.as_ref())) {
            (Some(_), Some(_)) => {
                penalty.short = rule.penalty.as_ref().and_then(|p| self.short(rule, p));
            }
            (None, Some(s)) => {
                let message = Message::new("rules-bad-proportional-not-group")
                    .text("unit", s.unit.as_str())
                    .text("dir", s.dir.value.as_str());
                self.error(codes::BAD_PROPORTIONAL, s.span, message).help =
                    Some("rules-bad-proportional-not-group.help".into());
            }
            _ => {}
        }
        let (when, requires) = match kind {
            Some(k) => {
                let mut scope = expr::Scope {
                    kind: &kinds[k],
                    calendar: has_calendar,
                    each: false,
                    verdicts: false,
                };
                let when = rule.when.as_ref().map(|w| self.condition(w, &mut scope));
                let requires = rule
                    .requires
                    .iter()
                    .map(|c| self.constraint(c, &mut scope))
                    .collect();
                (when, requires)
            }
            None => (None, Vec::new()),
        };
        if self.errors.len() > before {
            return None;
        }
        Some(plan::Rule {
            id: rule.id.value.clone(),
            title: rule.title.as_ref().map(|s| s.value.clone()),
            cite: rule.cite.as_ref().map(|s| s.value.clone()),
            help: rule.help.as_ref().map(|s| s.value.clone()),
            variants: (rule.variants.iter())
                .map(|v| (v.item.value, v.lang, v.text.value.clone()))
                .collect(),
            severity: rule.severity.value,
            kind: kind?,
            file: self.file,
            span: rule.span,
            id_span: rule.id.span,
            group,
            when: when.flatten(),
            requires: requires.into_iter().flatten().collect(),
            penalty,
            reward,
        })
    }

    /// A reward's figures: like a penalty's, each at most
    /// [`Points::MAX_PENALTY`]; the fixed part within the reward's own cap;
    /// points per period of earliness only on a rule with a deadline.
    fn reward(&mut self, rule: &ast::Rule, r: &ast::Penalty, has_calendar: bool) -> plan::Penalty {
        let max = Points::MAX_PENALTY;
        let figures = std::iter::once(&r.fixed)
            .chain(r.per.as_ref().map(|per| &per.points))
            .chain(r.cap.as_ref());
        for figure in figures.filter(|f| f.value > max) {
            let message = Message::new("rules-bad-reward-too-large")
                .text("points", figure.value.to_string())
                .text("max", max.to_string());
            self.error(codes::BAD_REWARD, figure.span, message).help =
                Some(Message::new("rules-bad-reward-too-large.help").text("max", max.to_string()));
        }
        if let Some(cap) = r.cap.as_ref().filter(|c| c.value < r.fixed.value) {
            let message = Message::new("rules-bad-reward-cap")
                .text("cap", cap.value.to_string())
                .text("fixed", r.fixed.value.to_string());
            self.error(codes::BAD_REWARD, cap.span, message).help =
                Some("rules-bad-reward-cap.help".into());
        }
        let deadline = rule.requires.iter().any(|c| {
            matches!(
                c.kind,
                ast::ConstraintKind::Within { .. } | ast::ConstraintKind::By { .. }
            )
        });
        if let Some(per) = r.per.as_ref().filter(|_| !deadline) {
            let message = Message::new("rules-bad-reward-early").text("rule", &rule.id.value);
            self.error(codes::BAD_REWARD, per.span, message).help =
                Some("rules-bad-reward-early.help".into());
        }
        if let Some(per) = r.per.as_ref().filter(|p| p.unit == LateUnit::Workdays) {
            if !has_calendar {
                self.error(codes::BAD_UNIT, per.span, "rules-bad-unit-points")
                    .help = Some(DECLARE_CALENDAR.into());
            }
        }
        planned(r)
    }

    /// A rule is a group rule when it says `per …` or uses `share of` /
    /// `count of`; then every constraint must be a group constraint.
    fn group(&mut self, rule: &ast::Rule, kind: Option<&Kind>) -> Option<plan::Group> {
        let is_group = |c: &&ast::Constraint| {
            matches!(
                c.kind,
                ast::ConstraintKind::Share { .. } | ast::ConstraintKind::Count { .. }
            )
        };
        let grouped = rule.requires.iter().filter(is_group).count();
        if rule.per.is_none() && grouped == 0 {
            return None;
        }
        if grouped == 0 {
            if let Some(per) = &rule.per {
                self.error(codes::MIXED_GROUP, per.span, "rules-mixed-group-per")
                    .help = Some("rules-mixed-group-per.help".into());
            }
        }
        for c in rule.requires.iter().filter(|c| !is_group(c) && grouped > 0) {
            self.error(codes::MIXED_GROUP, c.span, "rules-mixed-group")
                .help = Some("rules-mixed-group.help".into());
        }
        let keys = match (&rule.per, kind) {
            (Some(per), Some(kind)) => self.grouping(per, kind),
            _ => Vec::new(),
        };
        let group = plan::Group { keys };
        self.reach(rule, &group);
        Some(group)
    }

    fn kind(&mut self, kind: &ast::Ident, kinds: &[Kind]) -> Option<usize> {
        let found = kinds.iter().position(|k| k.name == kind.value);
        if found.is_none() {
            let names: Vec<&str> = kinds.iter().map(|k| k.name.as_str()).collect();
            let help = did_you_mean(&kind.value, &names).unwrap_or_else(|| {
                Message::new("rules-unknown-kind.help").text("kind", &kind.value)
            });
            let message = Message::new("rules-unknown-kind").text("kind", &kind.value);
            self.error(codes::UNKNOWN_KIND, kind.span, message).help = Some(help);
        }
        found
    }

    fn penalty(&mut self, penalty: Option<&ast::Penalty>, has_calendar: bool) -> plan::Penalty {
        let Some(p) = penalty else {
            return plan::Penalty {
                fixed: Points::ZERO,
                per: None,
                short: None,
                cap: None,
            };
        };
        let figures = std::iter::once(&p.fixed)
            .chain(p.per.as_ref().map(|per| &per.points))
            .chain(p.short.as_ref().map(|s| &s.points))
            .chain(p.cap.as_ref());
        for figure in figures.filter(|f| f.value > Points::MAX_PENALTY) {
            let max = Points::MAX_PENALTY;
            let message = Message::new("rules-penalty-too-large")
                .text("points", figure.value.to_string())
                .text("max", max.to_string());
            self.error(codes::PENALTY_TOO_LARGE, figure.span, message)
                .help =
                Some(Message::new("rules-penalty-too-large.help").text("max", max.to_string()));
        }
        if let Some(per) = &p.per {
            if per.unit == LateUnit::Workdays && !has_calendar {
                self.error(codes::BAD_UNIT, per.span, "rules-bad-unit-points")
                    .help = Some(DECLARE_CALENDAR.into());
            }
            if per.every == 0 {
                self.error(codes::BAD_UNIT, per.span, "rules-bad-unit-period");
            }
        }
        planned(p)
    }

    pub(crate) fn workdays_need_calendar(&mut self, unit: Unit, span: Span, has_calendar: bool) {
        if unit == Unit::Workdays && !has_calendar {
            self.error(codes::BAD_UNIT, span, "rules-bad-unit-workdays")
                .help = Some(DECLARE_CALENDAR.into());
        }
    }
}
