//! Typed readers for field values: each checks one YAML node and either
//! returns the value with its span or pushes one diagnostic at the node.

use std::borrow::Cow;
use std::collections::HashMap;

use jiff::civil::Date;

use super::error::{BAD_DATE, DUPLICATE_KEY, UNKNOWN_KEY, WRONG_TYPE, did_you_mean, error};
use crate::diag::{Diagnostic as Error, Join, Message};
use crate::source::{Span, Spanned, clip};
use crate::yaml::{Node, Value};

/// What a value is, for "expected …, found …" (never a Rust type name): a
/// key the catalogues choose the words on (`record-wrong-type`).
pub(crate) fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "empty",
        Value::Bool(_) => "boolean",
        Value::Int(_) | Value::Float(_) => "number",
        Value::Str { .. } => "string",
        Value::Seq(_) => "list",
        Value::Map(_) => "mapping",
    }
}

/// What a value should have been: a key the catalogues choose on, like
/// [`describe`]'s.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expected {
    String,
    Mapping,
    List,
    Date,
    /// A stage entry: a date, or a mapping with `date`.
    Stage,
}

impl Expected {
    fn key(self) -> &'static str {
        match self {
            Expected::String => "string",
            Expected::Mapping => "mapping",
            Expected::List => "list",
            Expected::Date => "date",
            Expected::Stage => "stage",
        }
    }
}

pub(crate) fn wrong_type(expected: Expected, node: &Node) -> Error {
    let message = Message::new("record-wrong-type")
        .text("expected", expected.key())
        .text("found", describe(&node.value));
    let error = error(WRONG_TYPE, node.span, message);
    match node.value {
        Value::Int(_) | Value::Float(_) | Value::Bool(_) if expected == Expected::String => {
            error.with_help("record-wrong-type.help")
        }
        _ => error,
    }
}

/// The text of a string key, if it is one.
pub(crate) fn key(node: &Node) -> Option<&str> {
    match &node.value {
        Value::Str { text, .. } => Some(text),
        _ => None,
    }
}

pub(crate) fn string(node: &Node, errors: &mut Vec<Error>) -> Option<Spanned<String>> {
    match &node.value {
        Value::Str { text, .. } => Some(Spanned::new(text.clone(), node.span)),
        _ => push(errors, wrong_type(Expected::String, node)),
    }
}

pub(crate) fn entries<'a>(node: &'a Node, errors: &mut Vec<Error>) -> Option<&'a [(Node, Node)]> {
    match &node.value {
        Value::Map(entries) => Some(entries),
        _ => push(errors, wrong_type(Expected::Mapping, node)),
    }
}

pub(crate) fn items<'a>(node: &'a Node, errors: &mut Vec<Error>) -> Option<&'a [Node]> {
    match &node.value {
        Value::Seq(items) => Some(items),
        _ => push(errors, wrong_type(Expected::List, node)),
    }
}

pub(crate) fn strings(
    node: &Node,
    errors: &mut Vec<Error>,
) -> Option<Spanned<Vec<Spanned<String>>>> {
    let list = items(node, errors)?;
    let before = errors.len();
    let values: Vec<_> = list
        .iter()
        .filter_map(|item| string(item, errors))
        .collect();
    (errors.len() == before).then(|| Spanned::new(values, node.span))
}

/// An ISO `YYYY-MM-DD` civil date, quoted or not.
pub(crate) fn date(node: &Node, errors: &mut Vec<Error>) -> Option<Spanned<Date>> {
    let Value::Str { text, .. } = &node.value else {
        return push(errors, wrong_type(Expected::Date, node));
    };
    match parse_date(text) {
        Ok(date) => Some(Spanned::new(date, node.span)),
        Err(why) => {
            let message = why.text("value", clip(text));
            let error = error(BAD_DATE, node.span, message);
            push(errors, error.with_help("record-bad-date.help"))
        }
    }
}

/// A date, or why the text is not one: a `record-bad-date-…` message
/// still to be given the value.
fn parse_date(text: &str) -> Result<Date, Message> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(Message::new("record-bad-date-form"));
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<i16>().unwrap_or(0);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    if !(1..=12).contains(&month) {
        return Err(Message::new("record-bad-date-month").int("month", month.into()));
    }
    let other = |e: jiff::Error| {
        Message::new("record-bad-date-other").text("reason", e.to_string().to_lowercase())
    };
    let first = Date::new(year, month as i8, 1).map_err(other)?;
    let days = first.days_in_month();
    if day < 1 || day > i16::from(days) {
        return Err(Message::new("record-bad-date-day")
            .int("month", month.into())
            .int("year", year.into())
            .int("days", days.into()));
    }
    Date::new(year, month as i8, day as i8).map_err(other)
}

/// Which mapping a key is checked in, for `record::unknown-key`.
pub(crate) enum In<'a> {
    Ledger,
    Responsible,
    Extension,
    Waiver,
    /// A stage entry, by its name.
    Stage(&'a str),
}

impl In<'_> {
    /// `unknown key `k` in …`, or with the keys it takes, its help.
    fn message(&self, id: &'static str) -> Message {
        let what = match self {
            In::Ledger => "ledger",
            In::Responsible => "responsible",
            In::Extension => "extension",
            In::Waiver => "waiver",
            In::Stage(_) => "stage",
        };
        let stage = match self {
            In::Stage(name) => clip(name).into_owned(),
            _ => String::new(),
        };
        Message::new(id).text("in", what).text("stage", stage)
    }
}

/// Check the keys of a nested mapping against the ones it allows; an
/// unknown one is an error, or only a warning when `strict` is false.
pub(crate) fn check_keys(
    entries: &[(Node, Node)],
    allowed: &[&str],
    what: In<'_>,
    strict: bool,
    errors: &mut Vec<Error>,
) {
    for (k, _) in entries {
        let name = key(k).unwrap_or("");
        if !allowed.contains(&name) {
            let message = what.message("record-unknown-key").text("key", clip(name));
            let help = did_you_mean(name, allowed.iter().copied()).unwrap_or_else(|| {
                what.message("record-unknown-key-takes")
                    .names("keys", Join::Plain, allowed)
            });
            let error = match strict {
                true => Error::error(UNKNOWN_KEY, k.span, message),
                false => Error::warning(UNKNOWN_KEY, k.span, message),
            };
            errors.push(error.with_help(help));
        }
    }
}

/// The value under `name` in a mapping (the first, if duplicated); an
/// empty value counts as absent.
pub(crate) fn lookup<'a>(entries: &'a [(Node, Node)], name: &str) -> Option<&'a Node> {
    entries
        .iter()
        .find(|(k, _)| key(k) == Some(name))
        .map(|(_, v)| v)
        .filter(|v| v.value != Value::Null)
}

/// Every duplicate key in every mapping under `node`, walked with a stack
/// (no recursion), each at the second key with a label at the first.
pub(crate) fn duplicates(node: &Node, errors: &mut Vec<Error>) {
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        match &node.value {
            Value::Map(entries) => {
                duplicates_in(entries, errors);
                stack.extend(entries.iter().rev().map(|(_, v)| v));
            }
            Value::Seq(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
}

pub(crate) fn duplicates_in(entries: &[(Node, Node)], errors: &mut Vec<Error>) {
    // Records have a dozen keys: comparing each key with the ones before it
    // costs less than hashing (and allocating) every key. Large mappings
    // (hostile or generated input) use a map so they stay linear.
    if entries.len() > SMALL_MAP {
        return duplicates_hashed(entries, errors);
    }
    for (i, (k, _)) in entries.iter().enumerate() {
        let Some(name) = scalar_text(&k.value) else {
            continue;
        };
        let first = entries[..i]
            .iter()
            .find(|(other, _)| scalar_text(&other.value).as_deref() == Some(&*name));
        if let Some((first, _)) = first {
            errors.push(duplicate(&name, k.span, first.span));
        }
    }
}

/// Up to this many keys, duplicates are found by comparing pairs.
const SMALL_MAP: usize = 32;

fn duplicates_hashed(entries: &[(Node, Node)], errors: &mut Vec<Error>) {
    let mut seen: HashMap<Cow<'_, str>, Span> = HashMap::with_capacity(entries.len());
    for (k, _) in entries {
        let Some(name) = scalar_text(&k.value) else {
            continue;
        };
        if let Some(&first) = seen.get(&name) {
            errors.push(duplicate(&name, k.span, first));
        } else {
            seen.insert(name, k.span);
        }
    }
}

fn duplicate(name: &str, at: Span, first: Span) -> Error {
    let message = Message::new("record-duplicate-key").text("key", clip(name));
    error(DUPLICATE_KEY, at, message)
        .with_label(first, "record-duplicate-key.label")
        .with_help("record-duplicate-key.help")
}

/// The text a scalar key compares by; strings are borrowed, not copied.
fn scalar_text(value: &Value) -> Option<Cow<'_, str>> {
    match value {
        Value::Str { text, .. } => Some(Cow::Borrowed(text)),
        Value::Int(i) => Some(Cow::Owned(i.to_string())),
        Value::Bool(b) => Some(Cow::Borrowed(if *b { "true" } else { "false" })),
        Value::Null => Some(Cow::Borrowed("null")),
        _ => None,
    }
}

fn push<T>(errors: &mut Vec<Error>, error: Error) -> Option<T> {
    errors.push(error);
    None
}
