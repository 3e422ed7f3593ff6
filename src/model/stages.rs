//! The structured fields of a record: `stages`, `extensions`, `waivers`.

use super::error::{MISSING_FIELD, UNKNOWN_STAGE, did_you_mean, error};
use super::fields::{
    self, Expected, In, check_keys, date, entries, items, lookup, string, strings, wrong_type,
};
use super::{Extension, Stage, Waiver};
use crate::diag::{Diagnostic as Error, Join, Message};
use crate::source::{Spanned, clip};
use crate::yaml::{Node, Value};

const STAGE_KEYS: [&str; 5] = ["date", "end", "by", "evidence", "note"];
const EXTENSION_KEYS: [&str; 4] = ["to", "approved_by", "approved_on", "reason"];
const WAIVER_KEYS: [&str; 4] = ["rule", "reason", "until", "approved_by"];

/// `stages:` in file order; names checked against `pipeline` (the kind and
/// its stages) when the kind is known.
pub(crate) fn stages(
    value: Option<&Node>,
    pipeline: Option<&(String, Vec<String>)>,
    errors: &mut Vec<Error>,
) -> Vec<Stage> {
    let Some(map) = value.and_then(|v| entries(v, errors)) else {
        return Vec::new();
    };
    let mut stages = Vec::with_capacity(map.len());
    for (k, v) in map {
        let Some(name) = string(k, errors) else {
            continue;
        };
        if let Some((kind, names)) = pipeline {
            check_stage_name(&name, kind, names, errors);
        }
        stages.extend(stage(name, k, v, errors));
    }
    stages
}

fn check_stage_name(name: &Spanned<String>, kind: &str, names: &[String], errors: &mut Vec<Error>) {
    if names.contains(&name.value) {
        return;
    }
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let message = Message::new("record-unknown-stage")
        .text("stage", clip(&name.value))
        .text("kind", kind);
    let help = did_you_mean(name, names.iter().copied()).unwrap_or_else(|| {
        Message::new("record-unknown-stage.help")
            .text("kind", kind)
            .names("stages", Join::Plain, &names)
    });
    errors.push(error(UNKNOWN_STAGE, name.span, message).with_help(help));
}

/// A stage entry: a date, or a mapping with `date` and optional details.
fn stage(
    name: Spanned<String>,
    key: &Node,
    value: &Node,
    errors: &mut Vec<Error>,
) -> Option<Stage> {
    let span = key.span.join(value.span);
    let map = match &value.value {
        Value::Str { .. } => {
            let date = date(value, errors)?;
            return Some(Stage {
                name,
                date,
                end: None,
                by: None,
                evidence: None,
                note: None,
                span,
            });
        }
        Value::Map(map) => map,
        Value::Null => return missing_date(&name, errors),
        _ => {
            errors.push(wrong_type(Expected::Stage, value));
            return None;
        }
    };
    check_keys(map, &STAGE_KEYS, In::Stage(&name.value), true, errors);
    let date = match lookup(map, "date") {
        Some(d) => date(d, errors),
        None => missing_date(&name, errors),
    };
    let end = lookup(map, "end").and_then(|v| fields::date(v, errors));
    let by = lookup(map, "by").and_then(|v| string(v, errors));
    let evidence = lookup(map, "evidence").and_then(|v| strings(v, errors));
    let note = lookup(map, "note").and_then(|v| string(v, errors));
    Some(Stage {
        name,
        date: date?,
        end,
        by,
        evidence,
        note,
        span,
    })
}

fn missing_date<T>(name: &Spanned<String>, errors: &mut Vec<Error>) -> Option<T> {
    let message = Message::new("record-missing-date").text("stage", clip(&name.value));
    let missing = error(MISSING_FIELD, name.span, message);
    errors.push(missing.with_help("record-missing-date.help"));
    None
}

/// The mappings of a list field, each with its keys checked (a warning).
fn mappings<'a>(
    value: Option<&'a Node>,
    allowed: &[&str],
    what: fn() -> In<'static>,
    errors: &mut Vec<Error>,
) -> Vec<(&'a Node, &'a [(Node, Node)])> {
    let Some(list) = value.and_then(|v| items(v, errors)) else {
        return Vec::new();
    };
    let maps = list
        .iter()
        .filter_map(|item| Some(item).zip(entries(item, errors)));
    let maps: Vec<_> = maps.collect();
    for (_, map) in &maps {
        check_keys(map, allowed, what(), false, errors);
    }
    maps
}

/// `extensions:`, oldest first; every key optional at load time.
pub(crate) fn extensions(value: Option<&Node>, errors: &mut Vec<Error>) -> Vec<Extension> {
    let maps = mappings(value, &EXTENSION_KEYS, || In::Extension, errors);
    maps.into_iter()
        .map(|(node, map)| Extension {
            to: lookup(map, "to").and_then(|v| date(v, errors)),
            approved_by: lookup(map, "approved_by").and_then(|v| string(v, errors)),
            approved_on: lookup(map, "approved_on").and_then(|v| date(v, errors)),
            reason: lookup(map, "reason").and_then(|v| string(v, errors)),
            span: node.span,
        })
        .collect()
}

/// `waivers:`; every key optional at load time. A value that cannot be read
/// is reported here and its key noted in [`Waiver::malformed`].
pub(crate) fn waivers(value: Option<&Node>, errors: &mut Vec<Error>) -> Vec<Waiver> {
    let maps = mappings(value, &WAIVER_KEYS, || In::Waiver, errors);
    maps.into_iter()
        .map(|(node, map)| {
            let mut malformed = Vec::new();
            Waiver {
                rule: field(map, "rule", string, errors, &mut malformed),
                reason: field(map, "reason", string, errors, &mut malformed),
                until: field(map, "until", date, errors, &mut malformed),
                approved_by: field(map, "approved_by", string, errors, &mut malformed),
                malformed,
                span: node.span,
            }
        })
        .collect()
}

/// One value of a waiver; when it is written but cannot be read, its key
/// is noted as malformed (the error is already pushed).
fn field<T>(
    map: &[(Node, Node)],
    key: &'static str,
    read: fn(&Node, &mut Vec<Error>) -> Option<T>,
    errors: &mut Vec<Error>,
    malformed: &mut Vec<&'static str>,
) -> Option<T> {
    let value = read(lookup(map, key)?, errors);
    if value.is_none() {
        malformed.push(key);
    }
    value
}
