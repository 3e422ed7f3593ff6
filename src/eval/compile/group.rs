//! A group rule's grouping (`per unit and region`) and its penalty: which
//! fields a group may be keyed by, whether a failing group's points reach a
//! unit, and what a proportional penalty (`plus 0.5 per record over`) is
//! measured against.

use crate::points::Points;
use crate::source::Spanned;
use crate::syntax::ast::{self, CmpOp, ConstraintKind as A, ShortDir, ShortUnit};

use super::super::plan::{self, Field, GroupKey, Kind};
use super::{Cx, codes};

/// The fields a group may be keyed by, besides a stage's `by`.
const GROUP_FIELDS: &[&str] = &[
    "unit",
    "responsible.unit",
    "responsible.lead",
    "round",
    "region",
    "category",
    "kind",
    "status",
];

impl Cx<'_> {
    /// The keys of `per …`: each a text field of the record format, none twice.
    pub(super) fn grouping(&mut self, per: &ast::Per, kind: &Kind) -> Vec<GroupKey> {
        let mut keys: Vec<GroupKey> = Vec::new();
        for key in &per.keys {
            let Some(k) = self.group_key(key, kind) else {
                continue;
            };
            if keys.iter().any(|seen| seen.name == k.name) {
                let message = format!("records are grouped by `{}` twice", k.name);
                self.error(codes::BAD_GROUP, key.span, message).help =
                    Some("name each field once".into());
                continue;
            }
            keys.push(k);
        }
        keys
    }

    fn group_key(&mut self, key: &Spanned<Vec<ast::Ident>>, kind: &Kind) -> Option<GroupKey> {
        let name = ast::path_name(&key.value);
        let stage_by = |stage: &str| kind.stages.iter().position(|s| s == stage);
        let field = match (name.as_str(), key.value.as_slice()) {
            ("unit" | "responsible.unit", _) => Field::Unit,
            ("responsible.lead", _) => Field::Lead,
            ("kind", _) => Field::Kind,
            ("status", _) => Field::Status,
            ("round" | "region" | "category", _) => Field::Extra(vec![name.clone()]),
            (_, [stage, by]) if by.value == "by" && stage_by(&stage.value).is_some() => {
                Field::StageBy(stage_by(&stage.value)?)
            }
            _ if crate::eval::plan::declared(&self.extra, &name) => {
                Field::Extra(key.value.iter().map(|i| i.value.clone()).collect())
            }
            _ => {
                let mut known: Vec<String> = GROUP_FIELDS.iter().map(|s| s.to_string()).collect();
                known.extend(kind.stages.iter().map(|s| format!("{s}.by")));
                let known: Vec<&str> = known.iter().map(String::as_str).collect();
                let message = format!("records cannot be grouped by `{name}`");
                let allowed = "records can be grouped by `unit`, `round`, `region`, `category`, `kind`, `status`, `responsible.lead` or a stage's `by`, by an extra field the ruleset declares (`extra fields: county`), or by several at once (`per unit and region`)";
                let help = crate::suggest::help(&name, &known)
                    .map_or_else(|| allowed.to_string(), |h| format!("{h} {allowed}"));
                self.error(codes::BAD_GROUP, key.span, message).help = Some(help);
                return None;
            }
        };
        let name = if field == Field::Unit {
            "unit".to_string()
        } else {
            name
        };
        Some(GroupKey { name, field })
    }

    /// A penalty on a group rule is counted against the unit of each failing
    /// group, so the grouping must include the unit.
    pub(super) fn reach(&mut self, rule: &ast::Rule, group: &plan::Group) {
        let costs = rule
            .penalty
            .as_ref()
            .filter(|p| p.fixed.value > Points::ZERO || p.per.is_some() || p.short.is_some());
        let Some(p) = costs else {
            return;
        };
        if group.unit().is_some() {
            return;
        }
        let (message, help) = match rule.per.as_ref() {
            Some(per) => {
                let by = per.names().join(" and ");
                (
                    format!("a penalty grouped per `{by}` reaches no unit"),
                    format!(
                        "group `per unit and {by}` so that each failing unit is charged, or remove the penalty to report the figure only"
                    ),
                )
            }
            None => (
                "a penalty on a group rule over all records reaches no unit".to_string(),
                "group `per unit` so that each failing unit is charged, or remove the penalty to report the figure only".to_string(),
            ),
        };
        self.error(codes::UNREACHABLE_PENALTY, p.span, message).help = Some(help);
    }

    /// A proportional penalty: on a group rule, against its one constraint
    /// of the unit's measure, in the direction its comparison sets.
    pub(super) fn short(&mut self, rule: &ast::Rule, p: &ast::Penalty) -> Option<plan::Short> {
        let s = p.short.as_ref()?;
        let unit = s.unit.as_str();
        let dir = s.dir.value.as_str();
        let measure = match s.unit {
            ShortUnit::PercentagePoint => "share of",
            ShortUnit::Record => "count of",
        };
        let fits = |c: &&ast::Constraint| {
            matches!(
                (&c.kind, s.unit),
                (A::Share { .. }, ShortUnit::PercentagePoint)
                    | (A::Count { .. }, ShortUnit::Record)
            )
        };
        let found: Vec<(usize, &ast::Constraint)> = rule
            .requires
            .iter()
            .enumerate()
            .filter(|(_, c)| fits(c))
            .collect();
        let (index, c) = match found.as_slice() {
            [one] => *one,
            [] => {
                let message =
                    format!("a penalty per {unit} {dir} needs a `{measure}` constraint to measure");
                let other = match s.unit {
                    ShortUnit::PercentagePoint => {
                        "a `count of` is measured `per record`, a `share of` `per percentage point`"
                    }
                    ShortUnit::Record => {
                        "a `share of` is measured `per percentage point`, a `count of` `per record`"
                    }
                };
                self.error(codes::BAD_PROPORTIONAL, s.span, message).help = Some(other.into());
                return None;
            }
            _ => {
                let message = format!(
                    "a penalty per {unit} {dir} is ambiguous: the rule has {} `{measure}` constraints",
                    found.len()
                );
                self.error(codes::BAD_PROPORTIONAL, s.span, message).help =
                    Some("split the rule in two, one constraint each".into());
                return None;
            }
        };
        let op = match &c.kind {
            A::Share { op, .. } | A::Count { op, .. } => op.value,
            _ => return None,
        };
        let wanted = match op {
            CmpOp::Ge | CmpOp::Gt => ShortDir::Below,
            CmpOp::Le | CmpOp::Lt => ShortDir::Over,
            CmpOp::Eq | CmpOp::Ne => {
                let message = format!(
                    "`{}` has no direction to fall short in, so there is nothing to count {dir} it",
                    op.as_str()
                );
                self.error(codes::BAD_PROPORTIONAL, s.span, message).help = Some(
                    "compare with `>=` or `>` and count `below`, or with `<=` or `<` and count `over`"
                        .into(),
                );
                return None;
            }
        };
        if wanted != s.dir.value {
            let (sets, word) = match wanted {
                ShortDir::Below => ("a minimum", "below"),
                ShortDir::Over => ("a maximum", "over"),
            };
            let message = format!(
                "`{}` sets {sets}, so a failing group is {word} it, never {dir}",
                op.as_str()
            );
            self.error(codes::BAD_PROPORTIONAL, s.dir.span, message)
                .help = Some(format!("write `per {unit} {word}`"));
            return None;
        }
        Some(plan::Short {
            points: s.points.value,
            unit: s.unit,
            dir: s.dir.value,
            constraint: index,
        })
    }
}
