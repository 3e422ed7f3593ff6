//! The four file forms: one record, a list of records, several documents
//! (each a record or a list), and a ledger (`ledger:` header + `records:`).

use std::collections::HashSet;
use std::sync::Arc;

use super::error::{EMPTY_FILE, MISSING_FIELD, error};
use super::fields::{self, In, entries, items, key, lookup};
use super::{File, Schema, record};
use crate::diag::{Diagnostic as Error, Message};
use crate::source::Span;
use crate::yaml::{self, Node, Value};

pub(crate) fn load(text: &str, schema: &Schema, limits: &yaml::Limits) -> File {
    let (docs, yaml_error) = yaml::parse(text, limits);
    let mut file = load_docs(docs, schema);
    if let Some(e) = yaml_error {
        file.errors.push(e);
    }
    finish(file)
}

/// Records from documents already parsed; no empty-file warning is given
/// for zero documents here unless the caller asks through [`finish`].
pub(crate) fn load_docs(docs: Vec<Node>, schema: &Schema) -> File {
    let mut file = File::default();
    for doc in docs {
        document(doc, schema, &mut file);
    }
    file
}

pub(crate) fn finish(mut file: File) -> File {
    if file.records.is_empty() && file.errors.is_empty() {
        let empty = Error::warning(EMPTY_FILE, Span::new(0, 0), "record-empty-file");
        file.errors.push(empty.with_help("record-empty-file.help"));
    }
    dedup(&mut file.errors);
    file
}

/// Documents are taken by value so that each record keeps its own nodes
/// without copying them.
fn document(doc: Node, schema: &Schema, file: &mut File) {
    match doc.value {
        Value::Null => {}
        Value::Seq(list) => records(list, None, schema, file),
        Value::Map(top) if is_ledger(&top) => ledger(doc.span, top, schema, file),
        value => records(vec![Node { value, ..doc }], None, schema, file),
    }
}

fn records(list: Vec<Node>, header: Option<&Arc<Node>>, schema: &Schema, file: &mut File) {
    file.records.reserve(list.len());
    for node in list {
        file.records
            .extend(record::record(node, header, schema, &mut file.errors));
    }
}

fn is_ledger(top: &[(Node, Node)]) -> bool {
    top.iter()
        .any(|(k, _)| matches!(key(k), Some("ledger" | "records")))
}

/// A ledger: `records:` inherit every key of the `ledger:` header they do
/// not set themselves.
fn ledger(span: Span, mut top: Vec<(Node, Node)>, schema: &Schema, file: &mut File) {
    let errors = &mut file.errors;
    fields::duplicates_in(&top, errors);
    fields::check_keys(&top, &["ledger", "records"], In::Ledger, false, errors);
    let header = lookup(&top, "ledger").filter(|h| entries(h, errors).is_some());
    if let Some(header) = header {
        fields::duplicates(header, errors);
    }
    let header = header.map(|h| Arc::new(h.clone()));
    let Some(list) = lookup(&top, "records") else {
        let at = top.first().map_or(span, |(k, _)| k.span);
        let message = Message::new("record-missing-field").text("field", "records");
        let missing = error(MISSING_FIELD, at, message);
        errors.push(missing.with_help("record-missing-field.help-records"));
        return;
    };
    if items(list, errors).is_none() {
        return;
    }
    // The same entry `lookup` found: the first `records` with a value.
    let Some(at) = top
        .iter()
        .position(|(k, v)| key(k) == Some("records") && v.value != Value::Null)
    else {
        return;
    };
    let Value::Seq(list) = std::mem::replace(&mut top[at].1.value, Value::Null) else {
        return;
    };
    records(list, header.as_ref(), schema, file);
}

/// Header errors are found once per record that inherits them: keep one.
fn dedup(errors: &mut Vec<Error>) {
    let mut seen = HashSet::new();
    errors.retain(|e| seen.insert((e.code, e.span.start, e.span.end, e.message.clone())));
}
