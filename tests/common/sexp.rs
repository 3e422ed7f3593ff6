//! A rule AST as s-expressions a reviewer can read, for snapshots: one form
//! per ruleset, rule and comment, one item per line, no spans (they take no
//! part in equality; tests/syntax.rs checks them on their own).
//!
//! ```text
//! (rule plan-on-time
//!   (for task)
//!   (require (within plan (30 workdays) (after assigned)))
//!   (severity error)
//!   (penalty 1 (per workday 0.1) (at-most 3)))
//! ```

use std::fmt::{self, Display, Formatter};

use rectify::syntax::ast::Unit;
use rectify::syntax::ast::{
    CmpOp, Constraint, ConstraintKind as C, DateWord, Decl, Duration, DurationExpr, Expr,
    ExprKind as E, File, LateUnit, OrderOp, Penalty, RollPolicy, Rule, Ruleset, Scoring, Sign,
};

/// A whole file: rulesets, then rules, then comments, each on its own lines.
pub struct Sexp<'a>(pub &'a File);

impl Display for Sexp<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let file = self.0;
        for set in &file.rulesets {
            writeln!(f, "{}", ruleset(set))?;
        }
        for rule in &file.rules {
            writeln!(f, "{}", self::rule(rule))?;
        }
        for comment in &file.comments {
            writeln!(f, "(comment {:?})", comment.value)?;
        }
        Ok(())
    }
}

/// `(head item…)` with each item on its own line, indented.
fn form(head: String, items: Vec<String>) -> String {
    let mut out = format!("({head}");
    for item in items {
        out.push_str("\n  ");
        out.push_str(&item.replace('\n', "\n  "));
    }
    out.push(')');
    out
}

fn ruleset(set: &Ruleset) -> String {
    let items = set.decls.iter().map(decl).collect();
    form(format!("ruleset {:?}", set.name.value), items)
}

fn decl(d: &Decl) -> String {
    match d {
        Decl::Calendar(path) => format!("(calendar {:?})", path.value),
        Decl::Roll(policy) => match policy.value {
            RollPolicy::NextWorkday => "(roll next-workday)".into(),
            RollPolicy::Stay => "(roll stay)".into(),
        },
        Decl::Pipeline { kind, stages, .. } => {
            let stages: Vec<&str> = stages.iter().map(|s| s.value.as_str()).collect();
            format!("(pipeline {} {})", kind.value, stages.join(" "))
        }
        Decl::Score(scoring) => score(scoring),
        Decl::Fields { paths, .. } => {
            let paths: Vec<&str> = paths.iter().map(|p| p.value.as_str()).collect();
            format!("(extra-fields {})", paths.join(" "))
        }
    }
}

fn score(s: &Scoring) -> String {
    let grades: Vec<String> = s
        .grades
        .iter()
        .map(|g| {
            let titles: String = (g.titles.iter())
                .map(|t| format!(" (title {} {:?})", t.lang.code(), t.text.value))
                .collect();
            match &g.at_least {
                Some(at) => format!("({} {}{titles})", g.name.value, at.value),
                None => format!("({}{titles})", g.name.value),
            }
        })
        .collect();
    let ceiling = s
        .ceiling
        .as_ref()
        .map_or_else(String::new, |c| format!(" (at-most {})", c.value));
    format!(
        "(score (from {}) (not-below {}){ceiling} (grades {}))",
        s.start.value,
        s.floor.value,
        grades.join(" ")
    )
}

pub fn rule(r: &Rule) -> String {
    let mut items = Vec::new();
    let text = |name: &str, s: &Option<rectify::source::Spanned<String>>| {
        s.as_ref().map(|s| format!("({name} {:?})", s.value))
    };
    items.extend(text("title", &r.title));
    items.extend(text("cite", &r.cite));
    items.push(format!("(for {})", r.kind.value));
    if let Some(per) = &r.per {
        items.push(format!("(per {})", per.names().join(" ")));
    }
    if let Some(when) = &r.when {
        items.push(format!("(when {})", expr(when)));
    }
    items.extend(
        r.requires
            .iter()
            .map(|c| format!("(require {})", constraint(c))),
    );
    items.push(format!("(severity {})", r.severity.value.as_str()));
    items.extend(r.penalty.as_ref().map(penalty));
    items.extend(r.reward.as_ref().map(|p| {
        let p = penalty(p);
        format!("(reward{}", p.strip_prefix("(penalty").unwrap_or(&p))
    }));
    items.extend(text("help", &r.help));
    items.extend(r.variants.iter().map(|v| {
        format!(
            "({} {} {:?})",
            v.item.value.as_str(),
            v.lang.code(),
            v.text.value
        )
    }));
    form(format!("rule {}", r.id.value), items)
}

fn penalty(p: &Penalty) -> String {
    let mut out = format!("(penalty {}", p.fixed.value);
    if let Some(per) = &p.per {
        let unit = match (per.unit, per.every) {
            (LateUnit::Days, 1) => "day".to_string(),
            (LateUnit::Workdays, 1) => "workday".to_string(),
            (LateUnit::Days, n) => format!("({n} days)"),
            (LateUnit::Workdays, n) => format!("({n} workdays)"),
        };
        out.push_str(&format!(" (per {unit} {})", per.points.value));
    }
    if let Some(s) = &p.short {
        let (unit, dir) = (s.unit.as_str(), s.dir.value.as_str());
        out.push_str(
            &format!(" (per-{unit}-{dir} {})", s.points.value).replace("percentage point", "pp"),
        );
    }
    if let Some(cap) = &p.cap {
        out.push_str(&format!(" (at-most {})", cap.value));
    }
    out.push(')');
    out
}

pub fn constraint(c: &Constraint) -> String {
    match &c.kind {
        C::Within {
            stage,
            within,
            after,
        } => format!(
            "(within {} {} (after {}))",
            stage.value,
            dur_expr(within),
            expr(after)
        ),
        C::By { stage, date } => format!("(by {} {})", stage.value, expr(date)),
        C::Order { first, op, second } => {
            let op = match op.value {
                OrderOp::Before => "before",
                OrderOp::OnOrBefore => "on-or-before",
                OrderOp::After => "after",
                OrderOp::OnOrAfter => "on-or-after",
            };
            format!("({op} {} {})", first.value, second.value)
        }
        C::StagesInOrder => "(stages-in-order)".into(),
        C::Lasts { stage, at_least } => {
            format!("(lasts-at-least {} {})", stage.value, duration(at_least))
        }
        C::HasEvidence { stage } => format!("(has-evidence {})", stage.value),
        C::Each { list, body } => format!("(each {} {})", list.value, expr(body)),
        C::Expr(e) => expr(e),
        C::Share { of, op, threshold } => format!(
            "(share-of {} {} {}%)",
            expr(of),
            cmp(op.value),
            threshold.value
        ),
        C::Count { of, op, n } => {
            format!("(count-of {} {} {})", expr(of), cmp(op.value), n.value)
        }
    }
}

fn dur_expr(d: &DurationExpr) -> String {
    match d {
        DurationExpr::Fixed(d) => duration(d),
        DurationExpr::If {
            cond,
            then,
            otherwise,
            ..
        } => format!(
            "(if {} {} {})",
            expr(cond),
            dur_expr(then),
            dur_expr(otherwise)
        ),
    }
}

fn duration(d: &Duration) -> String {
    let unit = match d.unit {
        Unit::Days => "days",
        Unit::Workdays => "workdays",
        Unit::Weeks => "weeks",
        Unit::Months => "months",
        Unit::Years => "years",
    };
    format!("({} {unit})", d.n)
}

fn cmp(op: CmpOp) -> &'static str {
    op.as_str()
}

/// An expression on one line: `(or (and (not a) b) c)`.
pub fn expr(e: &Expr) -> String {
    match &e.kind {
        E::Path(segments) => {
            let names: Vec<&str> = segments.iter().map(|s| s.value.as_str()).collect();
            names.join(".")
        }
        E::Met(c) => format!("(met {})", constraint(c)),
        E::Verdict { passes, rule } => {
            format!(
                "({} {})",
                if *passes { "passes" } else { "fails" },
                rule.value
            )
        }
        E::DateWord(word) => match word {
            DateWord::Assigned => "assigned",
            DateWord::Deadline => "deadline",
            DateWord::OriginalDeadline => "original-deadline",
            DateWord::Today => "today",
            DateWord::ExtendedDeadline => "extended-deadline",
        }
        .into(),
        E::Extended => "extended".into(),
        E::Str(s) => format!("{s:?}"),
        E::Num(n) => n.clone(),
        E::Percent(p) => format!("{p}%"),
        E::Date(d) => d.to_string(),
        E::Bool(b) => b.to_string(),
        E::Cmp { op, lhs, rhs } => format!("({} {} {})", cmp(*op), expr(lhs), expr(rhs)),
        E::And(a, b) => format!("(and {} {})", expr(a), expr(b)),
        E::Or(a, b) => format!("(or {} {})", expr(a), expr(b)),
        E::Not(a) => format!("(not {})", expr(a)),
        E::IsPresent(a) => format!("(present {})", expr(a)),
        E::IsMissing(a) => format!("(missing {})", expr(a)),
        E::In { value, list } => {
            let items: Vec<String> = list.iter().map(expr).collect();
            format!("(in {} [{}])", expr(value), items.join(" "))
        }
        E::Matches { value, pattern } => {
            format!("(matches {} {:?})", expr(value), pattern.value)
        }
        E::DateAdd {
            date,
            sign,
            duration: d,
        } => {
            let sign = match sign {
                Sign::Plus => "+",
                Sign::Minus => "-",
            };
            format!("({sign} {} {})", expr(date), duration(d))
        }
    }
}
