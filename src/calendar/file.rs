//! Calendar files (`rules/calendars/*.yaml`): YAML tree -> [`Parts`] ->
//! [`Calendar`], with every error at the byte span of the offending value.
//!
//! Owns: the file format and its `calendar::…` error codes ([`super::codes`]).
//! Must not: do I/O (the caller hands in the text) or stop at the first
//! error: every error in the file is collected.
//!
//! ```yaml
//! name: cn
//! description: ...
//! weekend: [saturday, sunday]          # optional, this is the default
//! years:
//!   2024:
//!     source: { title: ..., document: ..., published: 2023-10-25, url: ... }
//!     holidays:
//!       - { name: 春节 Spring Festival, from: 2024-02-10, to: 2024-02-17 }
//!       - { name: 元旦 New Year's Day, date: 2024-01-01 }
//!     workdays:
//!       - { date: 2024-02-04, for: 春节 Spring Festival }
//! ```
//!
//! A year's dates may fall in that year or the one before (the 2023 New
//! Year holiday starts on 2022-12-31). `source` may also be a plain string.

use std::collections::HashMap;

use jiff::civil::{Date, Weekday};

use super::date::{add_days, days_between, parse_date};
use super::{Calendar, MAX_YEARS, Parts, codes};
use crate::diag::{Diagnostic, Join, Message};
use crate::source::Span;
use crate::yaml::{self, Node, Value};

/// Parse one calendar file. `name` names the calendar in later errors.
pub(super) fn parse(name: &str, text: &str) -> Result<Calendar, Vec<Diagnostic>> {
    let (docs, error) = yaml::parse(text, &yaml::Limits::default());
    if let Some(e) = error {
        return Err(vec![Diagnostic::error(codes::YAML, e.span, e.message)]);
    }
    let root = match docs.as_slice() {
        [one] => one,
        [] => {
            let message = "calendar-documents-empty";
            return Err(vec![Diagnostic::error(
                codes::DOCUMENTS,
                Span::new(0, 0),
                message,
            )]);
        }
        [_, second, ..] => {
            let message = "calendar-documents-many";
            return Err(vec![Diagnostic::error(
                codes::DOCUMENTS,
                second.span,
                message,
            )]);
        }
    };
    from_node(name, root)
}

/// Read a calendar from an already parsed YAML document.
pub(super) fn from_node(name: &str, root: &Node) -> Result<Calendar, Vec<Diagnostic>> {
    let mut reader = Reader {
        errors: Vec::new(),
        weekend: Vec::new(),
    };
    let parts = reader.root(name, root);
    match parts {
        Some(parts) if reader.errors.is_empty() => Calendar::build(parts)
            .map_err(|message| vec![Diagnostic::error(codes::BAD_YEAR, root.span, message)]),
        _ => Err(reader.errors),
    }
}

/// A day as written, for errors that point back at it.
struct Day {
    date: Date,
    name: String,
    span: Span,
}

struct Reader {
    errors: Vec<Diagnostic>,
    weekend: Vec<Weekday>,
}

impl Reader {
    fn error(&mut self, code: &'static str, span: Span, message: impl Into<Message>) {
        self.errors.push(Diagnostic::error(code, span, message));
    }

    fn root(&mut self, name: &str, root: &Node) -> Option<Parts> {
        let fields = self.fields(
            root,
            Part::Calendar,
            &["name", "description", "weekend", "years"],
        )?;
        for key in [0, 1] {
            if let Some(node) = fields[key] {
                self.text(node, Expected::Text);
            }
        }
        if let Some(node) = fields[2] {
            self.weekend(node);
        }
        if self.weekend.is_empty() {
            self.weekend = vec![Weekday::Saturday, Weekday::Sunday];
        }
        let Some(years) = fields[3] else {
            self.error(codes::MISSING_KEY, root.span, "calendar-missing-key-years");
            return None;
        };
        let mut parts = Parts {
            name: name.to_string(),
            weekend: self.weekend.clone(),
            ..Parts::default()
        };
        let (holidays, workdays) = self.years(years, &mut parts)?;
        self.cross_check(&holidays, &workdays);
        parts.holidays = holidays.into_iter().map(|d| (d.date, d.name)).collect();
        parts.workdays = workdays.into_iter().map(|d| (d.date, d.name)).collect();
        Some(parts)
    }

    fn weekend(&mut self, node: &Node) {
        let Value::Seq(items) = &node.value else {
            return self.wrong_type(node, Expected::Weekdays);
        };
        for item in items {
            let text = self.text(item, Expected::Weekday).unwrap_or_default();
            match weekday(text) {
                Some(w) => self.weekend.push(w),
                None => {
                    let message = Message::new("calendar-bad-weekday").text("text", text);
                    self.error(codes::BAD_WEEKDAY, item.span, message);
                }
            }
        }
    }

    /// Read `years`; fills coverage and sources, returns the listed days.
    fn years(&mut self, node: &Node, parts: &mut Parts) -> Option<(Vec<Day>, Vec<Day>)> {
        let Value::Map(entries) = &node.value else {
            self.wrong_type(node, Expected::Years);
            return None;
        };
        let mut seen: HashMap<i16, Span> = HashMap::new();
        let (mut holidays, mut workdays) = (Vec::new(), Vec::new());
        for (key, value) in entries {
            let Some(year) = self.year(key) else { continue };
            if seen.insert(year, key.span).is_some() {
                let message = Message::new("calendar-duplicate-year").int("year", year.into());
                self.error(codes::DUPLICATE_YEAR, key.span, message);
                continue;
            }
            self.year_entry(year, key, value, parts, &mut holidays, &mut workdays);
        }
        self.coverage(node, seen.keys().copied().collect(), parts)?;
        Some((holidays, workdays))
    }

    fn coverage(&mut self, node: &Node, mut years: Vec<i16>, parts: &mut Parts) -> Option<()> {
        years.sort_unstable();
        let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
            if matches!(&node.value, Value::Map(entries) if entries.is_empty()) {
                self.error(
                    codes::MISSING_KEY,
                    node.span,
                    "calendar-missing-key-no-year",
                );
            }
            return None;
        };
        if i32::from(last) - i32::from(first) >= i32::from(MAX_YEARS) {
            let message = Message::new("calendar-bad-year-span")
                .int("first", first.into())
                .int("last", last.into())
                .int("max", MAX_YEARS.into());
            self.error(codes::BAD_YEAR, node.span, message);
            return None;
        }
        let missing: Vec<String> = (first..=last)
            .filter(|y| !years.contains(y))
            .map(|y| y.to_string())
            .collect();
        if !missing.is_empty() {
            let message = Message::new("calendar-missing-year")
                .int("first", first.into())
                .int("last", last.into())
                .list("missing", Join::Plain, missing);
            self.error(codes::MISSING_YEAR, node.span, message);
        }
        (parts.first_year, parts.last_year) = (first, last);
        Some(())
    }

    fn year(&mut self, key: &Node) -> Option<i16> {
        let year = match &key.value {
            Value::Int(n) => i16::try_from(*n).ok(),
            Value::Str { text, .. }
                if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) =>
            {
                text.parse().ok()
            }
            _ => None,
        };
        let valid = year.filter(|y| (1..=9998).contains(y));
        if valid.is_none() {
            let message = Message::new("calendar-bad-year").text("text", show(key));
            self.error(codes::BAD_YEAR, key.span, message);
        }
        valid
    }

    fn year_entry(
        &mut self,
        year: i16,
        key: &Node,
        value: &Node,
        parts: &mut Parts,
        holidays: &mut Vec<Day>,
        workdays: &mut Vec<Day>,
    ) {
        let Some(f) = self.fields(value, Part::Year, &["source", "holidays", "workdays"]) else {
            return;
        };
        match f[0] {
            Some(node) => {
                if let Some(source) = self.source(node) {
                    parts.sources.push((year, source));
                }
            }
            None => {
                let message = Message::new("calendar-missing-source").int("year", year.into());
                self.error(codes::MISSING_SOURCE, key.span, message);
            }
        }
        for item in f[1].map(|n| self.list(n)).unwrap_or_default() {
            self.holiday(year, item, holidays);
        }
        for item in f[2].map(|n| self.list(n)).unwrap_or_default() {
            self.workday(year, item, workdays);
        }
    }

    /// A source: a non-empty string, or `{title, document, published, url}`.
    fn source(&mut self, node: &Node) -> Option<String> {
        if let Value::Str { text, .. } = &node.value {
            if text.trim().is_empty() {
                self.error(
                    codes::MISSING_SOURCE,
                    node.span,
                    "calendar-missing-source-empty",
                );
                return None;
            }
            return Some(text.clone());
        }
        let f = self.fields(
            node,
            Part::Source,
            &["title", "document", "published", "url"],
        )?;
        let title = self
            .required(node, f[0], "title")
            .and_then(|n| self.text(n, Expected::Text))?;
        let mut out = title.to_string();
        if let Some(doc) = f[1].and_then(|n| self.text(n, Expected::Text)) {
            out.push_str(&format!(" ({doc})"));
        }
        if let Some(published) = f[2].and_then(|n| self.date(n)) {
            out.push_str(&format!(", {published}"));
        }
        if let Some(url) = f[3].and_then(|n| self.text(n, Expected::Text)) {
            out.push_str(&format!(", {url}"));
        }
        Some(out)
    }

    fn holiday(&mut self, year: i16, node: &Node, out: &mut Vec<Day>) {
        let Some(f) = self.fields(node, Part::Holiday, &["name", "date", "from", "to"]) else {
            return;
        };
        let name = self
            .required(node, f[0], "name")
            .and_then(|n| self.text(n, Expected::Text))
            .map(str::to_string);
        let range = match (f[1], f[2], f[3]) {
            (Some(d), None, None) => self.in_year(year, d).map(|day| (day, day, d.span)),
            (None, Some(from), Some(to)) => self.range(year, from, to),
            _ => {
                let message = "calendar-missing-key-date";
                self.error(codes::MISSING_KEY, node.span, message);
                None
            }
        };
        let (Some(name), Some((from, to, span))) = (name, range) else {
            return;
        };
        let mut day = Some(from);
        while let Some(date) = day.filter(|d| *d <= to) {
            out.push(Day {
                date,
                name: name.clone(),
                span,
            });
            day = add_days(date, 1);
        }
    }

    fn range(&mut self, year: i16, from: &Node, to: &Node) -> Option<(Date, Date, Span)> {
        let (a, b) = (self.in_year(year, from)?, self.in_year(year, to)?);
        let span = from.span.join(to.span);
        if a > b {
            let message = Message::new("calendar-bad-range-reversed")
                .text("from", a.to_string())
                .text("to", b.to_string());
            self.error(codes::BAD_RANGE, span, message);
            return None;
        }
        if days_between(a, b) > 366 {
            let message = Message::new("calendar-bad-range-long")
                .text("from", a.to_string())
                .text("to", b.to_string());
            self.error(codes::BAD_RANGE, span, message);
            return None;
        }
        Some((a, b, span))
    }

    fn workday(&mut self, year: i16, node: &Node, out: &mut Vec<Day>) {
        let Some(f) = self.fields(node, Part::Workday, &["date", "for"]) else {
            return;
        };
        let date = self
            .required(node, f[0], "date")
            .and_then(|n| self.in_year(year, n));
        let name = self
            .required(node, f[1], "for")
            .and_then(|n| self.text(n, Expected::Text))
            .map(str::to_string);
        let (Some(date), Some(name), Some(span)) = (date, name, f[0].map(|n| n.span)) else {
            return;
        };
        if !self.weekend.contains(&date.weekday()) {
            let message = Message::new("calendar-workday-not-weekend")
                .text("date", date.to_string())
                .text("weekday", weekday_name(date.weekday()));
            self.error(codes::WORKDAY_NOT_WEEKEND, span, message);
            return;
        }
        out.push(Day { date, name, span });
    }

    /// Duplicates within each list, and days in both lists.
    fn cross_check(&mut self, holidays: &[Day], workdays: &[Day]) {
        for (days, what) in [(holidays, "holiday"), (workdays, "workday")] {
            let mut seen: HashMap<Date, &str> = HashMap::new();
            for d in days {
                if let Some(first) = seen.insert(d.date, &d.name) {
                    let message = Message::new("calendar-duplicate-day")
                        .text("date", d.date.to_string())
                        .text("what", what)
                        .text("first", first)
                        .text("second", d.name.as_str());
                    self.error(codes::DUPLICATE_DAY, d.span, message);
                }
            }
        }
        let holiday: HashMap<Date, &str> =
            holidays.iter().map(|d| (d.date, d.name.as_str())).collect();
        for w in workdays {
            if let Some(name) = holiday.get(&w.date) {
                let message = Message::new("calendar-holiday-and-workday")
                    .text("date", w.date.to_string())
                    .text("name", *name);
                self.error(codes::HOLIDAY_AND_WORKDAY, w.span, message);
            }
        }
    }

    /// A date that belongs to `year`'s notice: in `year` or the year before.
    fn in_year(&mut self, year: i16, node: &Node) -> Option<Date> {
        let date = self.date(node)?;
        if date.year() != year && date.year() != year - 1 {
            let message = Message::new("calendar-wrong-year")
                .text("date", date.to_string())
                .int("year", year.into())
                .int("before", i64::from(year) - 1);
            self.error(codes::WRONG_YEAR, node.span, message);
            return None;
        }
        Some(date)
    }

    fn date(&mut self, node: &Node) -> Option<Date> {
        let date = match &node.value {
            Value::Str { text, .. } => parse_date(text),
            _ => None,
        };
        if date.is_none() {
            let message = Message::new("calendar-bad-date").text("text", show(node));
            self.error(codes::BAD_DATE, node.span, message);
        }
        date
    }

    fn text<'a>(&mut self, node: &'a Node, what: Expected) -> Option<&'a str> {
        match &node.value {
            Value::Str { text, .. } => Some(text),
            _ => {
                self.wrong_type(node, what);
                None
            }
        }
    }

    fn list<'a>(&mut self, node: &'a Node) -> Vec<&'a Node> {
        match &node.value {
            Value::Seq(items) => items.iter().collect(),
            Value::Null => Vec::new(),
            _ => {
                self.wrong_type(node, Expected::List);
                Vec::new()
            }
        }
    }

    fn required<'a>(&mut self, map: &Node, field: Option<&'a Node>, key: &str) -> Option<&'a Node> {
        if field.is_none() {
            let message = Message::new("calendar-missing-key").text("key", key);
            self.error(codes::MISSING_KEY, map.span, message);
        }
        field
    }

    /// The values of `known` keys of a mapping, in `known` order; reports
    /// unknown and duplicate keys.
    fn fields<'a>(
        &mut self,
        node: &'a Node,
        what: Part,
        known: &[&str],
    ) -> Option<Vec<Option<&'a Node>>> {
        let Value::Map(entries) = &node.value else {
            self.wrong_type(node, Expected::Mapping(what));
            return None;
        };
        let mut out = vec![None; known.len()];
        for (key, value) in entries {
            let text = match &key.value {
                Value::Str { text, .. } => text.as_str(),
                _ => "",
            };
            match known.iter().position(|k| *k == text) {
                Some(i) if out[i].is_some() => {
                    let message = Message::new("calendar-duplicate-key").text("key", text);
                    self.error(codes::DUPLICATE_KEY, key.span, message);
                }
                Some(i) => out[i] = Some(value),
                None => self.unknown_key(key, what, known),
            }
        }
        Some(out)
    }

    fn unknown_key(&mut self, key: &Node, what: Part, known: &[&str]) {
        let text = show(key);
        let close = crate::suggest::within(
            &text,
            known.iter().copied(),
            2,
            crate::suggest::Metric::Levenshtein,
        )
        .min();
        let help = match close {
            Some((_, k)) => crate::diag::did_you_mean(k),
            None => Message::new("calendar-unknown-key.help")
                .text("part", what.as_str())
                .names("keys", Join::Plain, known),
        };
        let message = Message::new("calendar-unknown-key")
            .text("key", text)
            .text("part", what.as_str());
        let e = Diagnostic::error(codes::UNKNOWN_KEY, key.span, message).with_help(help);
        self.errors.push(e);
    }

    fn wrong_type(&mut self, node: &Node, expected: Expected) {
        let (expected, part) = match expected {
            Expected::Weekdays => ("weekdays", None),
            Expected::Weekday => ("weekday", None),
            Expected::Years => ("years", None),
            Expected::Text => ("text", None),
            Expected::List => ("list", None),
            Expected::Mapping(part) => ("mapping", Some(part)),
        };
        let message = Message::new("calendar-wrong-type")
            .text("expected", expected)
            .text("part", part.map_or("calendar", Part::as_str))
            .text("found", kind(&node.value));
        self.error(codes::WRONG_TYPE, node.span, message);
    }
}

/// What a value should have been, for `calendar::wrong-type`.
#[derive(Clone, Copy)]
enum Expected {
    Weekdays,
    Weekday,
    Years,
    Text,
    List,
    Mapping(Part),
}

/// A mapping of the format (the catalogues name each).
#[derive(Clone, Copy)]
enum Part {
    Calendar,
    Year,
    Source,
    Holiday,
    Workday,
}

impl Part {
    fn as_str(self) -> &'static str {
        match self {
            Part::Calendar => "calendar",
            Part::Year => "year",
            Part::Source => "source",
            Part::Holiday => "holiday",
            Part::Workday => "workday",
        }
    }
}

/// A scalar as the user wrote it, for messages.
fn show(node: &Node) -> String {
    match &node.value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Int(n) => n.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Str { text, .. } => text.clone(),
        Value::Seq(_) => "[...]".into(),
        Value::Map(_) => "{...}".into(),
    }
}

/// The kind of a value, as the catalogues' `calendar-wrong-type` names it.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing",
        Value::Bool(_) => "boolean",
        Value::Int(_) | Value::Float(_) => "number",
        Value::Str { .. } => "string",
        Value::Seq(_) => "list",
        Value::Map(_) => "mapping",
    }
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

fn weekday(text: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(text))
        .map(|(_, w)| *w)
}

pub(super) fn weekday_name(w: Weekday) -> &'static str {
    WEEKDAYS
        .iter()
        .find(|(_, d)| *d == w)
        .map_or("weekday", |(n, _)| n)
}
