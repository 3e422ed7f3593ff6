//! Waiver files (`--waivers FILE`): waivers kept apart from the records,
//! each naming the rule, the record (or, for a group rule, the unit), a
//! reason, who approved it and until when.
//!
//! ```yaml
//! waivers:
//!   - rule: plan-on-time
//!     record: JS-2022-R2-07
//!     reason: plan approval delayed by the provincial leading group
//!     until: 2026-12-31          # inclusive, compared with --as-of
//!     approved_by: Jiangsu Provincial Leading Group
//! ```
//!
//! A waived finding is reported as waived and costs no points; an expired
//! waiver and a waiver that matches no finding are warnings; a waiver
//! without a reason, an approver or an expiry date is an error and waives
//! nothing.

use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

use crate::outcome::{InputError, Origin, Outcome, Place};
use crate::source::{Span, Spanned, clip};
use crate::syntax::ast::Severity;
use crate::yaml::{self, Node, Value};

/// Whether waivers written in a record itself are accepted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InlineWaivers {
    #[default]
    Allow,
    /// Inline waivers are errors that waive nothing (`waivers.inline = "deny"`).
    Deny,
}

/// Who may waive what, and for how long (`[waivers]` in `rectify.toml`).
/// The default accepts every well-formed waiver.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WaiverAuthority {
    pub inline: InlineWaivers,
    /// The only names `approved_by` may carry; empty: any name.
    pub approvers: Vec<String>,
    /// The longest allowed `until` after the evaluation date, in days.
    pub max_days: Option<u32>,
}

/// One waiver from a waiver file.
#[derive(Clone, Debug)]
pub struct Waiver {
    pub rule: Spanned<String>,
    /// The record id it waives; `None` when it names a `unit` instead.
    pub record: Option<Spanned<String>>,
    pub unit: Option<Spanned<String>>,
    pub reason: Option<Spanned<String>>,
    pub until: Option<Spanned<Date>>,
    pub approved_by: Option<Spanned<String>>,
    pub span: Span,
}

/// Read a waiver file into the outcome's files; its waivers, and every
/// problem found reading it (as input errors located in it).
/// Read like a record file: a regular file of at most `limit` bytes.
pub fn load(path: &Path, limit: u64, outcome: &mut Outcome) -> Vec<Waiver> {
    let file = outcome.files.len();
    let name = path.display().to_string();
    let text = match crate::load::read_text(path, limit) {
        Ok(text) => text,
        Err(err) => {
            outcome.files.push(super::source_file(name, None));
            let message = format!("cannot read waiver file: {err}");
            outcome.input_errors.push(super::file_error(
                "waiver::unreadable",
                Severity::Error,
                message,
                Some(file),
            ));
            return Vec::new();
        }
    };
    let (docs, error) = yaml::parse(&text, &yaml::Limits::default());
    outcome
        .files
        .push(super::source_file(name, Some(Arc::from(text.as_str()))));
    let mut reader = Reader {
        file,
        errors: Vec::new(),
    };
    if let Some(e) = error {
        reader.error(e.code, e.span, e.message);
    }
    let waivers = docs.iter().flat_map(|d| reader.document(d)).collect();
    outcome.input_errors.extend(reader.errors);
    waivers
}

/// Apply waivers to the findings: waive what they cover, warn about the
/// expired ones and the ones that match nothing. Inline waivers were
/// applied earlier and take precedence.
pub fn apply(outcome: &mut Outcome, waivers: &[Waiver], file: usize) {
    for w in waivers {
        if !outcome.rules.iter().any(|r| r.id == w.rule.value) {
            let ids: Vec<&str> = outcome.rules.iter().map(|r| r.id.as_str()).collect();
            let message = format!(
                "waiver names `{}`, which is not a loaded rule",
                clip(&w.rule.value)
            );
            let mut e = error(
                "waiver::unknown-rule",
                Severity::Warning,
                message,
                Some(Place {
                    file,
                    span: w.rule.span,
                }),
            );
            e.help = crate::suggest::help(&w.rule.value, &ids);
            outcome.input_errors.push(e);
            continue;
        }
        let (Some(reason), Some(until), Some(_)) = (&w.reason, &w.until, &w.approved_by) else {
            continue;
        };
        let rules = &outcome.rules;
        let matches = |f: &crate::outcome::Finding| {
            rules[f.rule].id == w.rule.value
                && match (&w.record, &w.unit) {
                    (Some(r), _) => f.record == r.value,
                    (None, Some(u)) => f.record.is_empty() && *f.unit == *u.value,
                    (None, None) => false,
                }
        };
        let hits: Vec<usize> = (0..outcome.findings.len())
            .filter(|&i| matches(&outcome.findings[i]))
            .collect();
        let place = |span| Some(Place { file, span });
        if until.value < outcome.as_of {
            let message = format!(
                "waiver for `{}` expired on {}",
                clip(&w.rule.value),
                until.value
            );
            outcome.input_errors.push(error(
                "waiver::expired",
                Severity::Warning,
                message,
                place(until.span),
            ));
            continue;
        }
        if hits.is_empty() {
            let message = format!("waiver for `{}` matches no finding", clip(&w.rule.value));
            outcome.input_errors.push(error(
                "waiver::unmatched",
                Severity::Warning,
                message,
                place(w.span),
            ));
        }
        for i in hits {
            let f = &mut outcome.findings[i];
            if !f.waived {
                f.waived = true;
                f.waiver_reason = Some(reason.value.clone());
                f.waiver_external = true;
            }
        }
    }
}

fn error(code: &str, severity: Severity, message: String, place: Option<Place>) -> InputError {
    InputError::new(code, severity, message, Origin::Record, place)
}

struct Reader {
    file: usize,
    errors: Vec<InputError>,
}

impl Reader {
    fn error(&mut self, code: &str, span: Span, message: String) {
        let place = Some(Place {
            file: self.file,
            span,
        });
        self.errors
            .push(error(code, Severity::Error, message, place));
    }

    /// A document: `waivers: [...]` or a bare list.
    fn document(&mut self, doc: &Node) -> Vec<Waiver> {
        let list = match &doc.value {
            Value::Seq(items) => items,
            Value::Map(entries) => match entries.iter().find(|(k, _)| text(k) == Some("waivers")) {
                Some((
                    _,
                    Node {
                        value: Value::Seq(items),
                        ..
                    },
                )) => items,
                _ => {
                    self.error(
                        "waiver::bad-file",
                        doc.span,
                        "expected `waivers:` with a list of waivers".into(),
                    );
                    return Vec::new();
                }
            },
            Value::Null => return Vec::new(),
            _ => {
                self.error(
                    "waiver::bad-file",
                    doc.span,
                    "expected a list of waivers".into(),
                );
                return Vec::new();
            }
        };
        list.iter().filter_map(|n| self.waiver(n)).collect()
    }

    fn waiver(&mut self, node: &Node) -> Option<Waiver> {
        let Value::Map(entries) = &node.value else {
            self.error(
                "waiver::bad-waiver",
                node.span,
                "a waiver must be a mapping".into(),
            );
            return None;
        };
        let mut w = Waiver {
            rule: Spanned::new(String::new(), node.span),
            record: None,
            unit: None,
            reason: None,
            until: None,
            approved_by: None,
            span: node.span,
        };
        let mut rule = None;
        for (k, v) in entries {
            match text(k) {
                Some("rule") => rule = self.string(v),
                Some("record") => w.record = self.string(v),
                Some("unit") => w.unit = self.string(v),
                Some("reason") => w.reason = self.string(v),
                Some("approved_by") => w.approved_by = self.string(v),
                Some("until") => w.until = self.date(v),
                _ => {
                    let key = text(k).unwrap_or("?");
                    let known = ["rule", "record", "unit", "reason", "until", "approved_by"];
                    let message = format!("unknown key `{}` in a waiver", clip(key));
                    self.error("waiver::bad-waiver", k.span, message);
                    if let (Some(help), Some(last)) =
                        (crate::suggest::help(key, &known), self.errors.last_mut())
                    {
                        last.help = Some(help);
                    }
                }
            }
        }
        let missing: Vec<&str> = [
            ("rule", rule.is_none()),
            ("record` or `unit", w.record.is_none() && w.unit.is_none()),
            ("reason", w.reason.is_none()),
            ("until", w.until.is_none()),
            ("approved_by", w.approved_by.is_none()),
        ]
        .into_iter()
        .filter_map(|(name, missing)| missing.then_some(name))
        .collect();
        if !missing.is_empty() {
            let list = missing
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ");
            self.error(
                "waiver::incomplete",
                node.span,
                format!("waiver has no {list}, so it waives nothing"),
            );
        }
        w.rule = rule?;
        Some(w)
    }

    fn string(&mut self, v: &Node) -> Option<Spanned<String>> {
        match &v.value {
            Value::Str { text, .. } => Some(Spanned::new(text.clone(), v.span)),
            Value::Int(n) => Some(Spanned::new(n.to_string(), v.span)),
            _ => {
                self.error("waiver::bad-waiver", v.span, "expected text".into());
                None
            }
        }
    }

    fn date(&mut self, v: &Node) -> Option<Spanned<Date>> {
        let parsed = match &v.value {
            Value::Str { text, .. } => crate::calendar::parse_date(text),
            _ => None,
        };
        if parsed.is_none() {
            self.error(
                "waiver::bad-waiver",
                v.span,
                "expected a date (YYYY-MM-DD)".into(),
            );
        }
        parsed.map(|d| Spanned::new(d, v.span))
    }
}

fn text(k: &Node) -> Option<&str> {
    match &k.value {
        Value::Str { text, .. } => Some(text),
        _ => None,
    }
}
