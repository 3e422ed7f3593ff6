//! A group rule's grouping (`per unit and region`) and its penalty: which
//! fields a group may be keyed by, whether a failing group's points reach a
//! unit, and what a proportional penalty (`plus 0.5 per record over`) is
//! measured against.

use crate::diag::Message;
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
                let message = Message::new("rules-bad-group-twice").text("field", &k.name);
                self.error(codes::BAD_GROUP, key.span, message).help =
                    Some("rules-bad-group-twice.help".into());
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
                let message = Message::new("rules-bad-group").text("field", &name);
                let help = match crate::suggest::did_you_mean(&name, known.iter().copied()) {
                    Some(word) => Message::new("rules-bad-group.help-suggest")
                        .said("suggest", crate::diag::did_you_mean(word)),
                    None => Message::new("rules-bad-group.help"),
                };
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
                    Message::new("rules-unreachable-penalty").text("by", by.clone()),
                    Message::new("rules-unreachable-penalty.help").text("by", by),
                )
            }
            None => (
                Message::new("rules-unreachable-penalty-all"),
                Message::new("rules-unreachable-penalty-all.help"),
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
                let message = Message::new("rules-bad-proportional-no-measure")
                    .text("unit", unit)
                    .text("dir", dir)
                    .text("measure", measure);
                let other = match s.unit {
                    ShortUnit::PercentagePoint => "rules-bad-proportional-no-measure.help-share",
                    ShortUnit::Record => "rules-bad-proportional-no-measure.help-count",
                };
                self.error(codes::BAD_PROPORTIONAL, s.span, message).help = Some(other.into());
                return None;
            }
            _ => {
                let message = Message::new("rules-bad-proportional-ambiguous")
                    .text("unit", unit)
                    .text("dir", dir)
                    .count("n", found.len())
                    .text("measure", measure);
                self.error(codes::BAD_PROPORTIONAL, s.span, message).help =
                    Some("rules-bad-proportional-ambiguous.help".into());
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
                let message = Message::new("rules-bad-proportional-no-direction")
                    .text("op", op.as_str())
                    .text("dir", dir);
                self.error(codes::BAD_PROPORTIONAL, s.span, message).help =
                    Some("rules-bad-proportional-no-direction.help".into());
                return None;
            }
        };
        if wanted != s.dir.value {
            let (id, word) = match wanted {
                ShortDir::Below => ("rules-bad-proportional-minimum", "below"),
                ShortDir::Over => ("rules-bad-proportional-maximum", "over"),
            };
            let message = Message::new(id).text("op", op.as_str()).text("dir", dir);
            let help = Message::new("rules-bad-proportional-direction.help")
                .text("unit", unit)
                .text("word", word);
            self.error(codes::BAD_PROPORTIONAL, s.dir.span, message)
                .help = Some(help);
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
