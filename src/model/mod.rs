//! Records: YAML tree -> typed records with spans.
//!
//! Owns: the record format, the four file forms (one record, a list, several
//! documents, a ledger with an inherited header), strict core fields, free
//! extra fields reachable by path, and every input error §2 names, each at the
//! offending value. Must not: know any rule beyond the [`Schema`] it is given,
//! read the clock, or stop at the first bad record.

pub mod error;
mod fields;
mod load;
pub(crate) mod record;
mod stages;

pub use record::{FIELDS, STATUSES};

use std::sync::Arc;

use jiff::civil::Date;

use crate::diag::Diagnostic;
use crate::source::{Span, Spanned};
use crate::yaml;

/// What the rules declare that the loader must check against: the record
/// kinds and the stages of each kind's pipeline.
#[derive(Clone, Debug, Default)]
pub struct Schema {
    /// `(kind, stages in pipeline order)`; the first kind is not special:
    /// a record without `kind` is a `task`.
    pub kinds: Vec<(String, Vec<String>)>,
    /// Extra fields the rules declare (`extra fields: regions`), dotted:
    /// a declared key is never taken for a misspelt core field.
    pub extra_fields: Vec<String>,
}

impl Schema {
    /// The keys declared under `parent` (`""` for the top level): the
    /// segment after it of every declared path.
    fn declared_keys<'a>(&'a self, parent: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.extra_fields.iter().filter_map(move |path| {
            let rest = if parent.is_empty() {
                path.as_str()
            } else {
                path.strip_prefix(parent)?.strip_prefix('.')?
            };
            rest.split('.').next()
        })
    }
}

/// Everything one record file gave: its records and its errors.
#[derive(Debug, Default)]
pub struct File {
    pub records: Vec<Record>,
    /// `record::` diagnostics (every code is documented in [`error`]), or
    /// the YAML layer's `yaml::` one.
    pub errors: Vec<Diagnostic>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    InProgress,
    Staged,
    Completed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub id: Spanned<String>,
    /// `task` when the record has no `kind` (then the span is the id's).
    pub kind: Spanned<String>,
    pub unit: Spanned<String>,
    pub lead: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub round: Option<Spanned<String>>,
    pub assigned: Option<Spanned<Date>>,
    /// The record's own (original) deadline.
    pub deadline: Option<Spanned<Date>>,
    pub status: Option<Spanned<Status>>,
    /// In file order; names are checked against the kind's pipeline.
    pub stages: Vec<Stage>,
    /// Oldest first.
    pub extensions: Vec<Extension>,
    pub waivers: Vec<Waiver>,
    /// The record's own mapping, for paths to extra fields.
    pub node: yaml::Node,
    /// The ledger header the record inherits from, if any.
    pub header: Option<Arc<yaml::Node>>,
    /// The whole record.
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stage {
    pub name: Spanned<String>,
    pub date: Spanned<Date>,
    pub end: Option<Spanned<Date>>,
    pub by: Option<Spanned<String>>,
    /// `None` when the key is absent; `Some` (maybe empty) when present.
    pub evidence: Option<Spanned<Vec<Spanned<String>>>>,
    pub note: Option<Spanned<String>>,
    /// The whole entry, key included.
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Extension {
    pub to: Option<Spanned<Date>>,
    pub approved_by: Option<Spanned<String>>,
    pub approved_on: Option<Spanned<Date>>,
    pub reason: Option<Spanned<String>>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Waiver {
    pub rule: Option<Spanned<String>>,
    pub reason: Option<Spanned<String>>,
    pub until: Option<Spanned<Date>>,
    pub approved_by: Option<Spanned<String>>,
    /// Keys written with a value that could not be read (reported where it
    /// was read): the waiver waives nothing, and they are not absent.
    pub malformed: Vec<&'static str>,
    pub span: Span,
}

/// Whether a waiver applies on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WaiverState {
    /// Complete and not expired (expiry is inclusive).
    Valid,
    /// Complete, but `until` is before the day.
    Expired(Date),
    /// Lacks this field, or it is blank, so it waives nothing.
    Incomplete(&'static str),
    /// A value could not be read (already reported), so it waives nothing.
    Malformed,
}

impl Waiver {
    pub fn state(&self, as_of: Date) -> WaiverState {
        if !self.malformed.is_empty() {
            return WaiverState::Malformed;
        }
        let blank =
            |t: &Option<Spanned<String>>| t.as_ref().is_none_or(|t| t.value.trim().is_empty());
        let missing = [
            ("reason", blank(&self.reason)),
            ("approved_by", blank(&self.approved_by)),
            ("until", self.until.is_none()),
        ];
        if let Some((field, _)) = missing.iter().find(|(_, m)| *m) {
            return WaiverState::Incomplete(field);
        }
        match &self.until {
            Some(until) if until.value < as_of => WaiverState::Expired(until.value),
            _ => WaiverState::Valid,
        }
    }
}

impl Record {
    /// The record as it stood on `day`: without the stages dated later and
    /// the extensions approved later, which are not known yet on that day.
    /// `None` when nothing in it is later (the record is itself).
    pub fn known_on(&self, day: Date) -> Option<Record> {
        let later = |d: &Spanned<Date>| d.value > day;
        let stages = self.stages.iter().any(|s| later(&s.date));
        let approvals = self
            .extensions
            .iter()
            .any(|e| e.approved_on.as_ref().is_some_and(later));
        if !stages && !approvals {
            return None;
        }
        let mut known = self.clone();
        known.stages.retain(|s| !later(&s.date));
        known
            .extensions
            .retain(|e| !e.approved_on.as_ref().is_some_and(later));
        Some(known)
    }

    pub fn stage(&self, name: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.name.value == name)
    }

    /// The value at a path of extra (or core) fields, looking in the record
    /// first and then in the ledger header: `["budget", "yuan"]`.
    ///
    /// Inheritance is per top-level key: when the record sets `budget`, the
    /// header's `budget` is not looked at, even for `budget.yuan`.
    pub fn get(&self, path: &[&str]) -> Option<&yaml::Node> {
        let (first, _) = path.split_first()?;
        let own = Some(&self.node).filter(|node| find(node, first).is_some());
        let start = own.or(self.header.as_deref())?;
        path.iter().try_fold(start, |node, name| find(node, name))
    }
}

/// Load one record file. Never fails as a whole: what cannot be read becomes
/// errors, and every record that could be read is returned.
pub fn load(text: &str, schema: &Schema, limits: &yaml::Limits) -> File {
    load::load(text, schema, limits)
}

/// The value under string key `name` of a mapping (the first, if repeated).
fn find<'a>(node: &'a yaml::Node, name: &str) -> Option<&'a yaml::Node> {
    match &node.value {
        yaml::Value::Map(entries) => entries
            .iter()
            .find(|(k, _)| fields::key(k) == Some(name))
            .map(|(_, v)| v),
        _ => None,
    }
}

/// Load records from YAML documents already parsed (each a record, a list
/// or a ledger), as [`load`] does after parsing.
pub fn load_nodes(docs: Vec<yaml::Node>, schema: &Schema) -> File {
    load::finish(load::load_docs(docs, schema))
}
