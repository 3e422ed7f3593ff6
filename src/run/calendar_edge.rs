//! The edge of the loaded calendars: one input error per calendar and year
//! a computation needed and no calendar covers, and the warning that the
//! evaluation date is close to the last covered day.

use jiff::civil::Date;

use crate::calendar::Calendar;
use crate::diag::{Join, Message, Severity};
use crate::outcome::{InputError, Origin, Outcome, Place, SourceFile};
use crate::source::Span;

/// Code of the error: a record needed a year the calendar does not cover.
pub const NOT_COVERED: &str = "calendar::not-covered";

/// Code of the warning: the evaluation date is near the calendar's end.
pub const NEAR_END: &str = "calendar::near-end";

/// How close to the last covered day the evaluation date may come before
/// [`near_end`] warns.
pub const NEAR_END_DAYS: i64 = 60;

/// `calendar` (a calendar's name, or several joined by `+`) lacks `year`,
/// which a record's due date, roll-forward or working-day count needed.
pub fn uncovered(outcome: &Outcome, calendar: &str, year: i16) -> InputError {
    let (files, file) = calendar_files(&outcome.rule_files, calendar);
    let message = Message::new("calendar-not-covered")
        .list("files", Join::And, files.clone())
        .int("year", year.into());
    let mut error = InputError::new(NOT_COVERED, Severity::Error, message, Origin::Rule, file);
    error.help = Some(add_year_help(year, &files));
    error
}

/// A warning when `as_of` is within [`NEAR_END_DAYS`] days of the last day
/// `calendar` covers (or past it): due dates and working days soon need the
/// next year.
pub fn near_end(files: &[SourceFile], calendar: &Calendar, as_of: Date) -> Option<InputError> {
    let (_, last_year) = calendar.years();
    let last = Date::new(last_year, 12, 31).ok()?;
    let left = crate::calendar::days_between(as_of, last);
    if left > NEAR_END_DAYS {
        return None;
    }
    let next = last_year.saturating_add(1);
    let (names, file) = calendar_files(files, calendar.name());
    let message = Message::new("calendar-near-end")
        .list("files", Join::And, names.clone())
        .text("last", last.to_string())
        .text("after", if left >= 0 { "yes" } else { "no" })
        .int("left", left)
        .text("as-of", as_of.to_string());
    let mut warning = InputError::new(NEAR_END, Severity::Warning, message, Origin::Rule, file);
    warning.help = Some(add_year_help(next, &names));
    Some(warning)
}

fn add_year_help(year: i16, files: &[String]) -> Message {
    let bundled = files.iter().any(|f| f.contains("<bundled>"));
    Message::new("calendar-not-covered.help")
        .int("year", year.into())
        .text("bundled", if bundled { "yes" } else { "no" })
}

/// The calendar files (by file stem) of a calendar name, each in
/// backticks, and the place of the first (a whole-file place), if it is
/// loaded.
fn calendar_files(files: &[SourceFile], calendar: &str) -> (Vec<String>, Option<Place>) {
    let mut names = Vec::new();
    let mut first = None;
    for part in calendar.split('+') {
        let found = files.iter().enumerate().find(|(_, f)| {
            let stem = std::path::Path::new(&f.name).file_stem();
            !f.name.ends_with(".rules") && stem.is_some_and(|s| s.to_string_lossy() == part)
        });
        match found {
            Some((i, f)) => {
                names.push(format!("`{}`", f.name));
                first.get_or_insert(Place {
                    file: i,
                    span: Span::default(),
                });
            }
            None => names.push(format!("`{part}`")),
        }
    }
    (names, first)
}
