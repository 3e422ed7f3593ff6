//! One record mapping (plus the ledger header it inherits) -> [`Record`].

use std::sync::Arc;

use super::error::{
    MISSING_FIELD, NOT_A_RECORD, UNKNOWN_FIELD, UNKNOWN_KIND, UNKNOWN_STATUS, did_you_mean, error,
    is_error,
};
use super::fields::{self, In, check_keys, date, describe, entries, key, string};
use super::{Record, Schema, Status, stages};
use crate::diag::{Diagnostic as Error, Join, Message};
use crate::source::{Span, Spanned, clip};
use crate::yaml::{Node, Value};

/// The core fields of a record; any other key is an extra field.
pub const FIELDS: [&str; 13] = [
    "id",
    "kind",
    "title",
    "round",
    "region",
    "category",
    "responsible",
    "assigned",
    "deadline",
    "status",
    "stages",
    "extensions",
    "waivers",
];

/// The values `status` may take.
pub const STATUSES: [(&str, Status); 4] = [
    ("not-started", Status::NotStarted),
    ("in-progress", Status::InProgress),
    ("staged", Status::Staged),
    ("completed", Status::Completed),
];

/// A record's top-level fields: its own first, then the ledger header's.
pub(crate) struct Fields<'a> {
    pub(crate) own: &'a [(Node, Node)],
    pub(crate) header: &'a [(Node, Node)],
}

impl<'a> Fields<'a> {
    /// The value of a top-level field; the record's own key wins.
    pub(crate) fn get(&self, name: &str) -> Option<&'a Node> {
        let own = self.own.iter().find(|(k, _)| key(k) == Some(name));
        match own {
            Some((_, v)) => Some(v).filter(|v| v.value != Value::Null),
            None => fields::lookup(self.header, name),
        }
    }

    fn string(&self, name: &str, errors: &mut Vec<Error>) -> Option<Spanned<String>> {
        self.get(name).and_then(|v| string(v, errors))
    }
}

/// Read one record; `None` (with the reasons in `errors`) when it has an
/// error. Warnings do not drop it.
pub(crate) fn record(
    node: Node,
    header: Option<&Arc<Node>>,
    schema: &Schema,
    errors: &mut Vec<Error>,
) -> Option<Record> {
    let Value::Map(own) = &node.value else {
        let message = Message::new("record-not-a-record").text("found", describe(&node.value));
        errors.push(error(NOT_A_RECORD, node.span, message));
        return None;
    };
    let before = errors.len();
    fields::duplicates(&node, errors);
    let header_entries = match header.map(|h| &h.value) {
        Some(Value::Map(entries)) => &entries[..],
        _ => &[],
    };
    let fields = Fields {
        own,
        header: header_entries,
    };
    misspelt_fields(&fields, schema, errors);
    let record = read(&node, &fields, header, schema, errors);
    // An unknown status keeps the record: it is checked as one without a
    // status (rules on `status` cannot check it) and counted `unknown` in
    // progress, so the error hides no record from the figures.
    let dropping = |e: &Error| is_error(e) && e.code != UNKNOWN_STATUS;
    if errors[before..].iter().any(dropping) {
        return None;
    }
    // The record owns its node: moved here, never copied.
    record.map(|r| Record { node, ..r })
}

/// Read every core field (so that every error is reported), then assemble.
fn read(
    node: &Node,
    fields: &Fields<'_>,
    header: Option<&Arc<Node>>,
    schema: &Schema,
    errors: &mut Vec<Error>,
) -> Option<Record> {
    let start = start_of(node);
    let id = id(fields, start, errors);
    let kind = kind(
        fields,
        schema,
        id.as_ref().map_or(start, |id| id.span),
        errors,
    );
    let (unit, lead) = responsible(fields, schema, start, errors);
    let [title, round] = ["title", "round"].map(|name| fields.string(name, errors));
    for name in ["region", "category"] {
        fields.string(name, errors);
    }
    let [assigned, deadline] =
        ["assigned", "deadline"].map(|name| fields.get(name).and_then(|v| date(v, errors)));
    let status = status(fields, errors);
    let pipeline = kind
        .as_ref()
        .and_then(|k| schema.kinds.iter().find(|(name, _)| *name == k.value));
    let stages = stages::stages(fields.get("stages"), pipeline, errors);
    let extensions = stages::extensions(fields.get("extensions"), errors);
    let waivers = stages::waivers(fields.get("waivers"), errors);
    Some(Record {
        id: id?,
        kind: kind?,
        unit: unit?,
        lead,
        title,
        round,
        assigned,
        deadline,
        status,
        stages,
        extensions,
        waivers,
        node: Node {
            value: Value::Null,
            span: node.span,
        },
        header: header.cloned(),
        span: node.span,
    })
}

/// Where "missing field" points: the record's first key, else the record.
fn start_of(node: &Node) -> Span {
    match &node.value {
        Value::Map(entries) if !entries.is_empty() => entries[0].0.span,
        _ => node.span,
    }
}

fn id(fields: &Fields<'_>, start: Span, errors: &mut Vec<Error>) -> Option<Spanned<String>> {
    let Some(value) = fields.get("id") else {
        let message = Message::new("record-missing-field").text("field", "id");
        let missing = error(MISSING_FIELD, start, message);
        errors.push(missing.with_help("record-missing-field.help-id"));
        return None;
    };
    string(value, errors)
}

fn kind(
    fields: &Fields<'_>,
    schema: &Schema,
    default: Span,
    errors: &mut Vec<Error>,
) -> Option<Spanned<String>> {
    let Some(value) = fields.get("kind") else {
        return Some(Spanned::new("task".to_owned(), default));
    };
    let kind = string(value, errors)?;
    let known: Vec<&str> = schema.kinds.iter().map(|(name, _)| name.as_str()).collect();
    if known.is_empty() || known.contains(&kind.value.as_str()) {
        return Some(kind);
    }
    let help = did_you_mean(&kind, known.iter().copied()).unwrap_or_else(|| {
        Message::new("record-unknown-kind.help").names("kinds", Join::Plain, &known)
    });
    let message = Message::new("record-unknown-kind").text("kind", clip(&kind.value));
    errors.push(error(UNKNOWN_KIND, kind.span, message).with_help(help));
    None
}

type Responsible = (Option<Spanned<String>>, Option<Spanned<String>>);

/// `responsible.unit` (required; from the header's `responsible` when the
/// record's own lacks it) and `responsible.lead`.
fn responsible(
    fields: &Fields<'_>,
    schema: &Schema,
    start: Span,
    errors: &mut Vec<Error>,
) -> Responsible {
    let own = fields
        .own
        .iter()
        .find(|(k, _)| key(k) == Some("responsible"));
    let (at, value) = match (own, fields.get("responsible")) {
        (Some((k, v)), _) => (k.span, v),
        (None, Some(v)) => (v.span, v),
        (None, None) => return (missing_unit(start, errors), None),
    };
    let Some(map) = entries(value, errors) else {
        return (None, None);
    };
    let mut allowed = vec!["unit", "lead"];
    allowed.extend(schema.declared_keys("responsible"));
    check_keys(map, &allowed, In::Responsible, false, errors);
    let header_unit = || {
        fields::lookup(fields.header, "responsible").and_then(|h| match &h.value {
            Value::Map(entries) => fields::lookup(entries, "unit"),
            _ => None,
        })
    };
    let unit = match fields::lookup(map, "unit").or_else(header_unit) {
        Some(unit) => string(unit, errors),
        None => missing_unit(at, errors),
    };
    (
        unit,
        fields::lookup(map, "lead").and_then(|lead| string(lead, errors)),
    )
}

fn missing_unit(at: Span, errors: &mut Vec<Error>) -> Option<Spanned<String>> {
    let message = Message::new("record-missing-field").text("field", "responsible.unit");
    let missing = error(MISSING_FIELD, at, message);
    errors.push(missing.with_help("record-missing-field.help-unit"));
    None
}

fn status(fields: &Fields<'_>, errors: &mut Vec<Error>) -> Option<Spanned<Status>> {
    let text = fields.string("status", errors)?;
    if let Some((_, status)) = STATUSES.iter().find(|(name, _)| *name == text.value) {
        return Some(Spanned::new(status.clone(), text.span));
    }
    let names: Vec<&str> = STATUSES.iter().map(|(name, _)| *name).collect();
    let help = did_you_mean(&text, names.iter().copied()).unwrap_or_else(|| {
        Message::new("record-unknown-status.help").names("statuses", Join::Plain, &names)
    });
    let message = Message::new("record-unknown-status").text("status", clip(&text.value));
    errors.push(error(UNKNOWN_STATUS, text.span, message).with_help(help));
    None
}

/// A top-level key one edit away from a core field is a likely typo.
fn misspelt_fields(fields: &Fields<'_>, schema: &Schema, errors: &mut Vec<Error>) {
    for (k, _) in fields.own.iter().chain(fields.header) {
        let Some(name) = key(k) else { continue };
        if FIELDS.contains(&name) || schema.declared_keys("").any(|d| d == name) {
            continue;
        }
        // `name` is no core field, so "at most one edit" means exactly one.
        if let Some(field) = FIELDS
            .iter()
            .find(|f| crate::suggest::within_one_edit(name, f, crate::suggest::Metric::Damerau))
        {
            let message = Message::new("record-unknown-field").text("field", clip(name));
            errors.push(
                Error::warning(UNKNOWN_FIELD, k.span, message)
                    .with_help(crate::diag::did_you_mean(*field)),
            );
        }
    }
}
