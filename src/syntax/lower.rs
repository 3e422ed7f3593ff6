//! Lowering of files, rulesets and rules: pest pairs -> [`ast`] nodes. One
//! function per grammar rule, each taking its pair's span first. Errors are
//! collected in [`Lower`], never returned early, so one run reports them all.

use std::cell::RefCell;

use super::ast::{self, Decl, LateUnit, RollPolicy};
use super::literal::{self, Problem};
use super::parser::{P, Rule, all, find, kids, span};
use crate::diag::{Diagnostic, Message, Severity};
use crate::points::Points;
use crate::source::{Span, Spanned};

/// `rules::duplicate-item`: a rule item that may appear once appears again
/// (at the second one).
pub(super) const DUPLICATE_ITEM: &str = "rules::duplicate-item";
/// `rules::missing-item`: a rule without `for`, `severity` or any `require`
/// (at the rule id).
pub(super) const MISSING_ITEM: &str = "rules::missing-item";
/// `rules::bad-grades`: a grade other than the last without a threshold, a
/// last grade with one, or thresholds that do not decrease.
pub(super) const BAD_GRADES: &str = "rules::bad-grades";
/// `rules::internal`: the parser produced a tree the lowering did not expect;
/// a bug in rectify, never the user's fault.
pub(super) const INTERNAL: &str = "rules::internal";
/// `rules::reward-rule`: a rule with both `penalty` and `reward`, with a
/// `severity` beside its `reward`, or a group rule with a `reward`.
pub(super) const REWARD_RULE: &str = "rules::reward-rule";
/// `rules::unknown-language`: a title's or help's language tag names no
/// language rectify speaks (`title fr "…"`).
pub(super) const UNKNOWN_LANGUAGE: &str = "rules::unknown-language";
/// `rules::bad-ceiling`: a scoring scheme whose `at most` is below its start.
pub(super) const BAD_CEILING: &str = "rules::bad-ceiling";

/// The lowering context: the errors found so far.
pub(super) struct Lower {
    errors: RefCell<Vec<Diagnostic>>,
}

/// Lower the `file` pair; every lowering error, or the file.
pub(super) fn file(pair: P<'_>) -> Result<ast::File, Vec<Diagnostic>> {
    let lower = Lower {
        errors: RefCell::new(Vec::new()),
    };
    let comments = pair
        .clone()
        .into_inner()
        .flatten()
        .filter(|p| p.as_rule() == Rule::COMMENT)
        .map(|p| Spanned::new(p.as_str().to_string(), span(&p)))
        .collect();
    let mut file = ast::File {
        rulesets: Vec::new(),
        rules: Vec::new(),
        comments,
    };
    for p in kids(&pair) {
        match p.as_rule() {
            Rule::ruleset => file.rulesets.extend(lower.ruleset(p)),
            Rule::rule => file.rules.extend(lower.rule(p)),
            _ => {}
        }
    }
    let mut errors = lower.errors.into_inner();
    errors.sort_by_key(|e| e.span.start);
    if errors.is_empty() {
        Ok(file)
    } else {
        Err(errors)
    }
}

impl Lower {
    /// Record an error; `None` so callers can `return lower.fail(…)`.
    pub fn fail<T>(&self, error: Diagnostic) -> Option<T> {
        self.errors.borrow_mut().push(error);
        None
    }

    /// Record a literal's problem at its place inside the literal at `at`.
    pub fn problem<T>(&self, code: &'static str, at: Span, problem: Problem) -> Option<T> {
        let start = at.start as usize + problem.range.start;
        let span = Span::new(start, at.start as usize + problem.range.end);
        self.fail(Diagnostic::error(code, span, problem.message).with_help(problem.help))
    }

    /// The child `rule` of `pair`, which the grammar guarantees.
    pub fn child<'i>(&self, pair: &P<'i>, which: Rule) -> Option<P<'i>> {
        find(pair, which).or_else(|| self.unexpected(pair))
    }

    /// A tree the grammar does not produce: a bug, reported, never a panic.
    pub fn unexpected<T>(&self, pair: &P<'_>) -> Option<T> {
        let message = Message::new("rules-internal").text("text", pair.as_str());
        self.fail(Diagnostic::error(INTERNAL, span(pair), message).with_help("rules-internal.help"))
    }

    fn ruleset(&self, pair: P<'_>) -> Option<ast::Ruleset> {
        let span = span(&pair);
        let name = self.string(self.child(&pair, Rule::string)?);
        let decls: Vec<_> = all(&pair, Rule::decl).map(|d| self.decl(d)).collect();
        Some(ast::Ruleset {
            name: name?,
            decls: decls.into_iter().collect::<Option<_>>()?,
            span,
        })
    }

    fn decl(&self, pair: P<'_>) -> Option<Decl> {
        let inner = kids(&pair).next()?;
        match inner.as_rule() {
            Rule::calendar => Some(Decl::Calendar(
                self.string(self.child(&inner, Rule::string)?)?,
            )),
            Rule::roll => self.roll(inner),
            Rule::pipeline => self.pipeline(inner),
            Rule::score => self.score(inner).map(Decl::Score),
            Rule::extra => Some(Decl::Fields {
                span: span(&inner),
                paths: all(&inner, Rule::path)
                    .map(|p| Spanned::new(p.as_str().to_string(), span(&p)))
                    .collect(),
            }),
            _ => self.unexpected(&inner),
        }
    }

    fn roll(&self, pair: P<'_>) -> Option<Decl> {
        let span = span(&pair);
        let policy = if find(&pair, Rule::roll_stay).is_some() {
            RollPolicy::Stay
        } else {
            RollPolicy::NextWorkday
        };
        Some(Decl::Roll(Spanned::new(policy, span)))
    }

    fn pipeline(&self, pair: P<'_>) -> Option<Decl> {
        let span = span(&pair);
        let mut names = all(&pair, Rule::ident).map(|p| self.ident(p));
        let kind = names.next()?;
        Some(Decl::Pipeline {
            kind,
            stages: names.collect(),
            span,
        })
    }

    fn score(&self, pair: P<'_>) -> Option<ast::Scoring> {
        let span = span(&pair);
        let numbers: Vec<_> = all(&pair, Rule::number).map(|p| self.points(p)).collect();
        let grades: Vec<_> = all(&pair, Rule::grade).map(|p| self.grade(p)).collect();
        let ceiling = match find(&pair, Rule::ceiling) {
            Some(c) => Some(self.points(self.child(&c, Rule::number)?)?),
            None => None,
        };
        let [start, floor] = <[Option<_>; 2]>::try_from(numbers).ok()?;
        let grades: Vec<ast::Grade> = grades.into_iter().collect::<Option<_>>()?;
        self.check_grades(&grades)?;
        let (start, floor) = (start?, floor?);
        if let Some(c) = ceiling.as_ref().filter(|c| c.value < start.value) {
            let message = Message::new("rules-bad-ceiling")
                .text("ceiling", c.value.to_string())
                .text("start", start.value.to_string());
            let help = "rules-bad-ceiling.help";
            return self.fail(Diagnostic::error(BAD_CEILING, c.span, message).with_help(help));
        }
        Some(ast::Scoring {
            start,
            floor,
            ceiling,
            grades,
            span,
        })
    }

    fn grade(&self, pair: P<'_>) -> Option<ast::Grade> {
        let name = self.ident(self.child(&pair, Rule::ident)?);
        let at_least = match find(&pair, Rule::number) {
            Some(n) => Some(self.points(n)?),
            None => None,
        };
        let mut titles = Vec::new();
        let mut ok = true;
        for title in all(&pair, Rule::grade_title) {
            match self.grade_title(&title, &name.value, &titles) {
                Some(t) => titles.push(t),
                None => ok = false,
            }
        }
        ok.then_some(ast::Grade {
            name,
            at_least,
            titles,
        })
    }

    /// Every grade but the last has a threshold, lower than the one before.
    fn check_grades(&self, grades: &[ast::Grade]) -> Option<()> {
        let bad = |span, message: Message, help: &'static str| {
            self.fail::<()>(Diagnostic::error(BAD_GRADES, span, message).with_help(help))
        };
        let Some((last, rest)) = grades.split_last() else {
            return Some(());
        };
        let mut ok = true;
        let mut previous: Option<Points> = None;
        for grade in rest {
            match &grade.at_least {
                None => {
                    let message = Message::new("rules-bad-grades-no-threshold")
                        .text("grade", &grade.name.value);
                    let help = "rules-bad-grades-no-threshold.help";
                    ok = bad(grade.name.span, message, help).is_some();
                }
                Some(t) if previous.is_some_and(|p| t.value >= p) => {
                    let message =
                        Message::new("rules-bad-grades-order").text("grade", &grade.name.value);
                    ok = bad(t.span, message, "rules-bad-grades-order.help").is_some();
                }
                Some(t) => previous = Some(t.value),
            }
        }
        if let Some(t) = &last.at_least {
            let message = Message::new("rules-bad-grades-last").text("grade", &last.name.value);
            ok = bad(t.span, message, "rules-bad-grades-last.help").is_some();
        }
        ok.then_some(())
    }

    fn rule(&self, pair: P<'_>) -> Option<ast::Rule> {
        let span = span(&pair);
        let id = self.rule_id(self.child(&pair, Rule::rule_id)?);
        let mut items = Items {
            ok: true,
            ..Items::default()
        };
        for item in all(&pair, Rule::item) {
            self.item(item, &mut items);
        }
        let id = id?;
        if items.reward.is_some() && self.check_reward(&items).is_none() {
            items.ok = false;
        }
        let kind = self.required(items.kind, &id, "for", "rules-missing-item.help-for");
        let severity = match (&items.reward, items.severity.clone()) {
            (Some(reward), None) => Some(Spanned::new(Severity::Commendation, reward.span)),
            (_, severity) => self.required(
                severity,
                &id,
                "severity",
                "rules-missing-item.help-severity",
            ),
        };

        if items.requires.is_empty() && items.ok {
            let help = "rules-missing-item.help-require";
            return self.required::<ast::Rule>(None, &id, "require", help);
        }
        // A variant whose text as written failed to lower is not missing it.
        let lowered = items.ok;
        for item in [ast::TextItem::Title, ast::TextItem::Help] {
            let written = match item {
                ast::TextItem::Title => items.title.is_some(),
                ast::TextItem::Help => items.help.is_some(),
            };
            let first = items.variants.iter().find(|v| v.item.value == item);
            if let Some(v) = first.filter(|_| lowered && !written) {
                let message = Message::new("rules-missing-written")
                    .text("rule", &id.value)
                    .text("item", item.as_str())
                    .text("tag", &v.tag.value);
                let help = Message::new("rules-missing-written.help").text("item", item.as_str());
                let error = Diagnostic::error(MISSING_ITEM, v.item.span, message).with_help(help);
                self.fail::<()>(error);
                items.ok = false;
            }
        }
        let (kind, severity) = (kind?, severity?);
        if !items.ok {
            return None;
        }
        // Titles first, each item's variants in the order written: the
        // order `fmt` writes them in, so formatting keeps the AST.
        let mut variants = items.variants;
        variants.sort_by_key(|v| v.item.value == ast::TextItem::Help);
        let (title, cite, help, when, penalty) = (
            items.title,
            items.cite,
            items.help,
            items.when,
            items.penalty,
        );
        Some(ast::Rule {
            id,
            title,
            cite,
            help,
            variants,
            kind,
            per: items.per,
            when,
            requires: items.requires,
            severity,
            penalty,
            reward: items.reward,
            span,
        })
    }

    /// A reward rule has neither a penalty nor a severity, and judges one
    /// record at a time.
    fn check_reward(&self, items: &Items) -> Option<()> {
        let fail = |span, message: &'static str, help: &'static str| {
            self.fail::<()>(Diagnostic::error(REWARD_RULE, span, message).with_help(help))
        };
        if let Some(p) = &items.penalty {
            let help = "rules-reward-rule-penalty.help";
            return fail(p.span, "rules-reward-rule-penalty", help);
        }
        if let Some(s) = &items.severity {
            let help = "rules-reward-rule-severity.help";
            return fail(s.span, "rules-reward-rule-severity", help);
        }
        if let Some(per) = &items.per {
            let help = "rules-reward-rule-group.help";
            return fail(per.span, "rules-reward-rule-group", help);
        }
        Some(())
    }

    /// `value`, or a `rules::missing-item` error at the rule id.
    fn required<T>(
        &self,
        value: Option<T>,
        id: &ast::Ident,
        item: &str,
        help: &'static str,
    ) -> Option<T> {
        value.or_else(|| {
            let message = Message::new("rules-missing-item")
                .text("rule", &id.value)
                .text("item", item);
            self.fail(Diagnostic::error(MISSING_ITEM, id.span, message).with_help(help))
        })
    }

    fn rule_id(&self, pair: P<'_>) -> Option<ast::Ident> {
        let span = span(&pair);
        let id = pair.as_str();
        if !literal::is_kebab(id) {
            let message = Message::new("rules-bad-id").text("id", id);
            let error = Diagnostic::error(literal::BAD_ID, span, message);
            return self.fail(error.with_help("rules-bad-id.help"));
        }
        Some(Spanned::new(id.to_string(), span))
    }

    /// One rule item into `items`; a second `title`, `for`, … is an error.
    fn item(&self, pair: P<'_>, items: &mut Items) {
        let Some(inner) = kids(&pair).next() else {
            return;
        };
        let which = inner.as_rule();
        if let Some(tag) = find(&inner, Rule::lang_tag) {
            let ok = self.variant(&inner, tag, items).is_some();
            items.ok &= ok;
            return;
        }
        if which != Rule::require && items.seen.contains(&which) {
            let name = inner.as_str().split_whitespace().next().unwrap_or_default();
            let message = Message::new("rules-duplicate-item").text("item", name);
            let error = Diagnostic::error(DUPLICATE_ITEM, span(&inner), message);
            items.ok = false;
            self.fail::<()>(error.with_help("rules-duplicate-item.help"));
            return;
        }
        items.seen.push(which);
        let ok = match which {
            Rule::title => set(&mut items.title, self.item_string(&inner)),
            Rule::cite => set(&mut items.cite, self.item_string(&inner)),
            Rule::help => set(&mut items.help, self.item_string(&inner)),
            Rule::for_kind => set(
                &mut items.kind,
                self.child(&inner, Rule::ident).map(|p| self.ident(p)),
            ),
            Rule::per_group => set(&mut items.per, Some(self.per(&inner))),
            Rule::when => set(
                &mut items.when,
                self.child(&inner, Rule::expr).and_then(|p| self.expr(p)),
            ),
            Rule::require => self
                .child(&inner, Rule::constraint)
                .and_then(|p| self.constraint(p))
                .map(|c| items.requires.push(c))
                .is_some(),
            Rule::severity => set(&mut items.severity, self.severity(&inner)),
            Rule::penalty => set(&mut items.penalty, self.penalty(inner)),
            Rule::reward => set(&mut items.reward, self.penalty(inner)),
            _ => self.unexpected::<()>(&inner).is_some(),
        };
        items.ok &= ok;
    }

    /// `title zh-CN "…"`: a language rectify speaks, once per item.
    fn variant(&self, pair: &P<'_>, tag: P<'_>, items: &mut Items) -> Option<()> {
        let item = match pair.as_rule() {
            Rule::help => ast::TextItem::Help,
            _ => ast::TextItem::Title,
        };
        let variant = self.lang_text(pair, tag, item, "rules-unknown-language.help")?;
        let (lang, tag) = (variant.lang, &variant.tag.value);
        if let Some(first) = items
            .variants
            .iter()
            .find(|v| v.item.value == item && v.lang == lang)
        {
            let message = Message::new("rules-duplicate-variant")
                .text("item", item.as_str())
                .text("tag", tag)
                .text("lang", lang.code());
            let error = Diagnostic::error(DUPLICATE_ITEM, variant.item.span, message)
                .with_label(
                    first.item.span,
                    Message::new("rules-duplicate-variant.first")
                        .text("item", item.as_str())
                        .text("lang", lang.code()),
                )
                .with_help(
                    Message::new("rules-duplicate-variant.help").text("item", item.as_str()),
                );
            return self.fail(error);
        }
        items.variants.push(variant);
        Some(())
    }

    /// `title zh-CN "…"` after a grade: a language rectify speaks, once per
    /// grade.
    fn grade_title(
        &self,
        pair: &P<'_>,
        grade: &str,
        titles: &[ast::Variant],
    ) -> Option<ast::Variant> {
        let tag = self.child(pair, Rule::lang_tag)?;
        let help = "rules-grade-title-language";
        let variant = self.lang_text(pair, tag, ast::TextItem::Title, help)?;
        let lang = variant.lang;
        if let Some(first) = titles.iter().find(|v| v.lang == lang) {
            let message = Message::new("rules-duplicate-grade-title")
                .text("grade", grade)
                .text("tag", &variant.tag.value)
                .text("lang", lang.code());
            let first_label = Message::new("rules-duplicate-grade-title.first")
                .text("grade", grade)
                .text("lang", lang.code());
            let error = Diagnostic::error(DUPLICATE_ITEM, variant.item.span, message)
                .with_label(first.item.span, first_label)
                .with_help("rules-duplicate-grade-title.help");
            return self.fail(error);
        }
        Some(variant)
    }

    /// The text of `title zh-CN "…"` (or `help`) and the language its tag
    /// names; a language rectify does not speak is an error at the tag,
    /// with a did-you-mean, else `help`.
    fn lang_text(
        &self,
        pair: &P<'_>,
        tag: P<'_>,
        item: ast::TextItem,
        help: &'static str,
    ) -> Option<ast::Variant> {
        let tag = Spanned::new(tag.as_str().to_string(), span(&tag));
        let Some(lang) = crate::i18n::Lang::parse(&tag.value) else {
            let codes = crate::i18n::Lang::ALL.map(|l| l.code());
            let help = match crate::suggest::did_you_mean(&tag.value, codes) {
                Some(code) => crate::diag::did_you_mean(code),
                None => Message::new(help),
            };
            let message = Message::new("rules-unknown-language").text("tag", &tag.value);
            return self
                .fail(Diagnostic::error(UNKNOWN_LANGUAGE, tag.span, message).with_help(help));
        };
        let text = self.item_string(pair)?;
        Some(ast::Variant {
            item: Spanned::new(item, span(pair)),
            tag,
            lang,
            text,
        })
    }

    fn item_string(&self, pair: &P<'_>) -> Option<Spanned<String>> {
        self.string(self.child(pair, Rule::string)?)
    }

    fn severity(&self, pair: &P<'_>) -> Option<Spanned<Severity>> {
        let level = self.child(pair, Rule::level)?;
        let severity = match kids(&level).next().map(|p| p.as_rule()) {
            Some(Rule::kw_error) => Severity::Error,
            Some(Rule::kw_warning) => Severity::Warning,
            _ => Severity::Info,
        };
        Some(Spanned::new(severity, span(&level)))
    }

    fn penalty(&self, pair: P<'_>) -> Option<ast::Penalty> {
        let span = span(&pair);
        let fixed = self.points(self.child(&pair, Rule::number)?);
        let per = find(&pair, Rule::per_late)
            .or_else(|| find(&pair, Rule::per_early))
            .map(|p| self.per_late(p));
        let (fixed, short) = match (find(&pair, Rule::plus_short), find(&pair, Rule::per_short)) {
            (Some(p), _) => {
                let points = self.points(self.child(&p, Rule::number)?);
                (fixed, Some(shortfall(&p, points?, true)))
            }
            // `penalty 1 point per record over`: the number is per record.
            (None, Some(p)) => {
                let at = fixed.as_ref().map_or(span, |f| f.span);
                let zero = Spanned::new(
                    Points::ZERO,
                    Span::new(at.start as usize, at.start as usize),
                );
                (Some(zero), Some(shortfall(&p, fixed?, false)))
            }
            (None, None) => (fixed, None),
        };
        let cap = find(&pair, Rule::cap)
            .map(|p| self.child(&p, Rule::number).and_then(|n| self.points(n)));
        let per = match per {
            Some(p) => Some(p?),
            None => None,
        };
        let cap = match cap {
            Some(c) => Some(c?),
            None => None,
        };
        Some(ast::Penalty {
            fixed: fixed?,
            per,
            short,
            cap,
            span,
        })
    }

    /// `per unit and round`: each key a field path, spanned.
    fn per(&self, pair: &P<'_>) -> ast::Per {
        let keys = all(pair, Rule::group_key)
            .map(|key| {
                let segments = find(&key, Rule::path)
                    .map(|p| all(&p, Rule::ident).map(|i| self.ident(i)).collect())
                    .unwrap_or_default();
                Spanned::new(segments, span(&key))
            })
            .collect();
        ast::Per {
            keys,
            span: span(pair),
        }
    }

    /// `plus 0.1 per workday late`, `plus 1 per 30 days late` (or `early`
    /// in a reward); its span
    /// starts at `plus`, after the comma.
    fn per_late(&self, pair: P<'_>) -> Option<ast::PerLate> {
        let span = after_comma(&pair);
        let points = self.points(self.child(&pair, Rule::number)?);
        let every = match find(&pair, Rule::int) {
            Some(n) => self.period(n),
            None => Some(1),
        };
        let unit = match self
            .child(&pair, Rule::late_unit)
            .and_then(|u| kids(&u).next())
            .map(|u| u.as_rule())
        {
            Some(Rule::kw_workday | Rule::kw_workdays) => LateUnit::Workdays,
            _ => LateUnit::Days,
        };
        Some(ast::PerLate {
            points: points?,
            every: every?,
            unit,
            span,
        })
    }

    /// The `30` of `per 30 days`: at least 1.
    fn period(&self, pair: P<'_>) -> Option<u32> {
        let n = self.count(pair.clone())?;
        if n == 0 {
            let error =
                Diagnostic::error(literal::BAD_NUMBER, span(&pair), "rules-bad-number-period");
            return self.fail(error.with_help("rules-bad-number-period.help"));
        }
        Some(n)
    }

    pub fn ident(&self, pair: P<'_>) -> ast::Ident {
        Spanned::new(pair.as_str().to_string(), span(&pair))
    }

    /// A string literal: its value, spanned with its quotes.
    pub fn string(&self, pair: P<'_>) -> Option<Spanned<String>> {
        let span = span(&pair);
        let body = self.child(&pair, Rule::str_inner)?;
        let at = super::parser::span(&body);
        match literal::unescape(body.as_str()) {
            Ok(value) => Some(Spanned::new(value, span)),
            Err(problems) => {
                for problem in problems {
                    self.problem::<()>(literal::BAD_ESCAPE, at, problem);
                }
                None
            }
        }
    }

    pub fn points(&self, pair: P<'_>) -> Option<Spanned<Points>> {
        let span = span(&pair);
        match literal::points(pair.as_str()) {
            Ok(points) => Some(Spanned::new(points, span)),
            Err(problem) => self.problem(literal::BAD_NUMBER, span, problem),
        }
    }

    pub fn count(&self, pair: P<'_>) -> Option<u32> {
        match literal::count(pair.as_str()) {
            Ok(n) => Some(n),
            Err(problem) => self.problem(literal::BAD_NUMBER, span(&pair), problem),
        }
    }
}

/// The items of one rule as they are lowered.
#[derive(Default)]
struct Items {
    seen: Vec<Rule>,
    ok: bool,
    title: Option<Spanned<String>>,
    cite: Option<Spanned<String>>,
    help: Option<Spanned<String>>,
    variants: Vec<ast::Variant>,
    kind: Option<ast::Ident>,
    per: Option<ast::Per>,
    when: Option<ast::Expr>,
    requires: Vec<ast::Constraint>,
    severity: Option<Spanned<Severity>>,
    penalty: Option<ast::Penalty>,
    reward: Option<ast::Penalty>,
}

/// Store a lowered item; whether it lowered.
fn set<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    let ok = value.is_some();
    *slot = value;
    ok
}

/// The span of a `, …` pair without its leading comma.
fn after_comma(pair: &P<'_>) -> Span {
    let whole = span(pair);
    kids(pair)
        .find(|p| p.as_rule() != Rule::comma)
        .map_or(whole, |p| {
            Span::new(span(&p).start as usize, whole.end as usize)
        })
}

/// `plus 0.5 per record over` (`plus`: after a fixed part) or `per
/// percentage point below`.
fn shortfall(pair: &P<'_>, points: Spanned<Points>, plus: bool) -> ast::PerShort {
    let unit = match find(pair, Rule::short_unit).and_then(|u| kids(&u).next()) {
        Some(u) if u.as_rule() == Rule::kw_record => ast::ShortUnit::Record,
        _ => ast::ShortUnit::PercentagePoint,
    };
    let dir = find(pair, Rule::short_dir).map_or_else(
        || Spanned::new(ast::ShortDir::Below, span(pair)),
        |d| {
            let over = kids(&d)
                .next()
                .is_some_and(|k| k.as_rule() == Rule::kw_over);
            let dir = if over {
                ast::ShortDir::Over
            } else {
                ast::ShortDir::Below
            };
            Spanned::new(dir, span(&d))
        },
    );
    ast::PerShort {
        points,
        unit,
        dir,
        plus,
        span: if plus { after_comma(pair) } else { span(pair) },
    }
}
