//! Typed readers for field values: each checks one YAML node and either
//! returns the value with its span or pushes one diagnostic at the node.

use std::borrow::Cow;
use std::collections::HashMap;

use jiff::civil::Date;

use super::Error;
use super::error::{BAD_DATE, DUPLICATE_KEY, UNKNOWN_KEY, WRONG_TYPE, did_you_mean};
use crate::source::{Span, Spanned, clip};
use crate::yaml::{Node, Value};

/// What a value is, for "expected …, found …" (never a Rust type name).
pub(crate) fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "an empty value",
        Value::Bool(_) => "a boolean",
        Value::Int(_) | Value::Float(_) => "a number",
        Value::Str { .. } => "a string",
        Value::Seq(_) => "a list",
        Value::Map(_) => "a mapping",
    }
}

pub(crate) fn wrong_type(expected: &str, node: &Node) -> Error {
    let message = format!("expected {expected}, found {}", describe(&node.value));
    let error = Error::new(WRONG_TYPE, message, node.span);
    match node.value {
        Value::Int(_) | Value::Float(_) | Value::Bool(_) if expected == "a string" => {
            error.with_help("quote it to make it a string")
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
        _ => push(errors, wrong_type("a string", node)),
    }
}

pub(crate) fn entries<'a>(node: &'a Node, errors: &mut Vec<Error>) -> Option<&'a [(Node, Node)]> {
    match &node.value {
        Value::Map(entries) => Some(entries),
        _ => push(errors, wrong_type("a mapping", node)),
    }
}

pub(crate) fn items<'a>(node: &'a Node, errors: &mut Vec<Error>) -> Option<&'a [Node]> {
    match &node.value {
        Value::Seq(items) => Some(items),
        _ => push(errors, wrong_type("a list", node)),
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
        return push(errors, wrong_type("a date", node));
    };
    match parse_date(text) {
        Ok(date) => Some(Spanned::new(date, node.span)),
        Err(reason) => {
            let error = Error::new(
                BAD_DATE,
                format!("`{}` is not a valid date: {reason}", clip(text)),
                node.span,
            );
            push(
                errors,
                error.with_help("write dates as YYYY-MM-DD, e.g. 2023-12-31"),
            )
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn parse_date(text: &str) -> Result<Date, String> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err("expected the form YYYY-MM-DD".to_owned());
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<i16>().unwrap_or(0);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    if !(1..=12).contains(&month) {
        return Err(format!("there is no month {month}"));
    }
    let first = Date::new(year, month as i8, 1).map_err(|e| e.to_string().to_lowercase())?;
    let days = first.days_in_month();
    if day < 1 || day > i16::from(days) {
        return Err(format!(
            "{} {year} has {days} days",
            MONTHS[month as usize - 1]
        ));
    }
    Date::new(year, month as i8, day as i8).map_err(|e| e.to_string().to_lowercase())
}

/// Check the keys of a nested mapping against the ones it allows; an
/// unknown one is an error, or only a warning when `strict` is false.
pub(crate) fn check_keys(
    entries: &[(Node, Node)],
    allowed: &[&str],
    what: &str,
    strict: bool,
    errors: &mut Vec<Error>,
) {
    for (k, _) in entries {
        let name = key(k).unwrap_or("");
        if !allowed.contains(&name) {
            let message = format!("unknown key `{}` in {what}", clip(name));
            let help = did_you_mean(name, allowed.iter().copied())
                .unwrap_or_else(|| format!("{what} takes {}", list(allowed)));
            let error = Error::new(UNKNOWN_KEY, message, k.span).with_help(help);
            errors.push(if strict { error } else { error.warning() });
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

/// `a`, `b`, `c` in backticks.
pub(crate) fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
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
    Error::new(DUPLICATE_KEY, format!("duplicate key `{}`", clip(name)), at)
        .with_label(first, "first defined here")
        .with_help("a key may appear only once in a mapping; remove one of them")
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
