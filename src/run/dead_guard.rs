//! Guards that can never hold: a path a rule reads (`budget.yaun is present
//! and …`) that no record has, while records have a near spelling of it
//! (`budget.yuan`). Such a rule silently never applies, so the run warns,
//! once per path, at the rule's first use of it.
//!
//! Owns: noting, record by record, which of the paths rules read outside
//! the record format are present, and the near spellings records have
//! instead; merging those notes; the warnings. Must not: keep records.

use std::collections::BTreeSet;

use crate::diag::Severity;
use crate::eval::Plan;
use crate::model::Record;
use crate::outcome::{InputError, Origin, Place};
use crate::source::clip;
use crate::yaml::{Node, Value};

/// `rules::field-in-no-record`: a path rules read is in no record, while a
/// near spelling of it is.
pub const FIELD_IN_NO_RECORD: &str = "rules::field-in-no-record";

/// At most this many near spellings are kept per path.
const MAX_NEAR: usize = 4;

/// What the records seen so far say of each distinct path rules read
/// (indexed like the first uses of [`Plan::field_uses`]).
#[derive(Clone, Debug, Default)]
pub struct Seen {
    /// [`first_uses`], computed at the first record.
    firsts: Option<Vec<usize>>,
    found: Vec<bool>,
    near: Vec<BTreeSet<String>>,
}

/// The index in `plan.field_uses` of the first use of each distinct path.
fn first_uses(plan: &Plan) -> Vec<usize> {
    let uses = &plan.field_uses;
    (0..uses.len())
        .filter(|&i| !uses[..i].iter().any(|u| u.path == uses[i].path))
        .collect()
}

impl Seen {
    /// Note which paths `record` has, and its near spellings of the others.
    pub fn observe(&mut self, plan: &Plan, record: &Record) {
        if plan.field_uses.is_empty() {
            return;
        }
        let firsts = self.firsts.get_or_insert_with(|| first_uses(plan));
        self.found.resize(firsts.len(), false);
        self.near.resize(firsts.len(), BTreeSet::new());
        for (i, &use_at) in firsts.iter().enumerate() {
            if self.found[i] {
                continue;
            }
            let path: Vec<&str> = plan.field_uses[use_at]
                .path
                .iter()
                .map(String::as_str)
                .collect();
            if record.get(&path).is_some() {
                self.found[i] = true;
            } else if self.near[i].len() < MAX_NEAR {
                self.near[i].extend(near_spelling(record, &path));
            }
        }
    }

    /// Fold another file's notes into these.
    pub fn add(&mut self, other: Seen) {
        if self.found.len() < other.found.len() {
            self.found.resize(other.found.len(), false);
            self.near.resize(other.found.len(), BTreeSet::new());
        }
        for (i, (found, near)) in other.found.into_iter().zip(other.near).enumerate() {
            self.found[i] |= found;
            if self.near[i].len() < MAX_NEAR {
                self.near[i].extend(near);
            }
        }
    }

    /// One warning per path no record has while some record has a near
    /// spelling of it, at the rule's first use of the path.
    pub fn warnings(&self, plan: &Plan) -> Vec<InputError> {
        let firsts = first_uses(plan);
        let mut out = Vec::new();
        for (i, &use_at) in firsts.iter().enumerate() {
            let Some(near) = self.near.get(i).filter(|n| !n.is_empty()) else {
                continue;
            };
            if self.found.get(i).copied().unwrap_or(false) {
                continue;
            }
            let used = &plan.field_uses[use_at];
            let path = used.path.join(".");
            let message = crate::diag::Message::new("rules-field-in-no-record")
                .text("path", path.as_str())
                .names("spellings", crate::diag::Join::Plain, near);
            let place = Place {
                file: used.file,
                span: used.span,
            };
            let mut warning = InputError::new(
                FIELD_IN_NO_RECORD,
                Severity::Warning,
                message,
                Origin::Rule,
                Some(place),
            );
            warning.help =
                Some(crate::diag::Message::new("rules-field-in-no-record.help").text("path", path));
            out.push(warning);
        }
        out
    }
}

/// The record's spellings near `path`: where the path first leaves the
/// record, the keys there one or two edits from the missing part.
fn near_spelling(record: &Record, path: &[&str]) -> Vec<String> {
    for depth in 0..path.len() {
        let (prefix, missing) = (&path[..depth], path[depth]);
        let keys: Vec<&str> = if depth == 0 {
            let header = record.header.as_deref().map(keys).unwrap_or_default();
            keys(&record.node).into_iter().chain(header).collect()
        } else {
            match record.get(prefix) {
                Some(node) => keys(node),
                None => return Vec::new(),
            }
        };
        if keys.contains(&missing) {
            continue;
        }
        return keys
            .into_iter()
            .filter(|k| crate::suggest::did_you_mean(missing, [*k]).is_some())
            .map(|k| {
                let mut spelt: Vec<String> = prefix.iter().map(|p| p.to_string()).collect();
                spelt.push(clip(k).to_string());
                spelt.join(".")
            })
            .take(MAX_NEAR)
            .collect();
    }
    Vec::new()
}

/// The string keys of a mapping.
fn keys(node: &Node) -> Vec<&str> {
    match &node.value {
        Value::Map(entries) => entries
            .iter()
            .filter_map(|(k, _)| match &k.value {
                Value::Str { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}
