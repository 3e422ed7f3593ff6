//! Civil dates, durations and working days.
//!
//! Owns: date arithmetic as the rule language states it (start day not counted,
//! months clamp to the month's last day), and the working-day index built
//! from official holiday calendars (`rules/calendars/*.yaml`).
//! Must not: read the clock, do I/O (the caller hands in the calendar text).

pub mod codes;
mod date;
mod file;
mod index;

use jiff::civil::{Date, Weekday};

pub use date::{days_between, parse_date};
use index::Index;

use crate::diag::{Diagnostic, Message};
use crate::syntax::ast::Unit;

/// A working-day computation left the years the calendar covers.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("calendar `{calendar}` does not cover {year}")]
pub struct OutOfRange {
    pub calendar: String,
    pub year: i16,
}

/// Why a day is not a working day, or is one on a weekend (for `explain`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DayNote {
    Holiday(String),
    Weekend,
    MakeUpWorkday(String),
}

/// A merged calendar with an O(1) working-day index.
///
/// Covers whole years `first_year..=last_year`. A day is a working day
/// unless it is a holiday or a weekend day; a make-up workday (调休上班) is a
/// working day even on a weekend. Holidays listed outside the covered years
/// (a New Year holiday starting on December 31 of an uncovered year) are
/// kept for reference but do not enter the index.
#[derive(Clone, Debug)]
pub struct Calendar {
    name: String,
    first_year: i16,
    last_year: i16,
    weekend: Vec<Weekday>,
    holidays: Vec<(Date, String)>,
    workdays: Vec<(Date, String)>,
    sources: Vec<(i16, String)>,
    index: Index,
}

/// The plain data a [`Calendar`] is built from (see [`Calendar::build`]).
#[derive(Clone, Debug, Default)]
pub struct Parts {
    pub name: String,
    pub first_year: i16,
    pub last_year: i16,
    /// The non-working days of the week; empty means Saturday and Sunday.
    pub weekend: Vec<Weekday>,
    /// Each holiday day with its name (a multi-day holiday is one entry per day).
    pub holidays: Vec<(Date, String)>,
    /// Each make-up workday with the holiday it makes up for.
    pub workdays: Vec<(Date, String)>,
    /// The notice each year's schedule comes from.
    pub sources: Vec<(i16, String)>,
}

/// Coverage is capped so that a hostile file cannot make the index huge.
pub const MAX_YEARS: i16 = 400;

impl Calendar {
    /// Parse one calendar file. `name` names it in errors (`cn`).
    pub fn parse(name: &str, text: &str) -> Result<Calendar, Vec<Diagnostic>> {
        file::parse(name, text)
    }

    /// Build from plain data with a Saturday/Sunday weekend.
    pub fn from_parts(
        name: &str,
        first_year: i16,
        last_year: i16,
        holidays: Vec<(Date, String)>,
        workdays: Vec<(Date, String)>,
    ) -> Result<Calendar, Message> {
        let name = name.to_string();
        Calendar::build(Parts {
            name,
            first_year,
            last_year,
            holidays,
            workdays,
            ..Parts::default()
        })
    }

    /// Build from plain data. Errors (the catalogues'
    /// `calendar-build-problem`): no or too many years, a make-up workday
    /// that is not a weekend day, a day that is both a holiday and a
    /// make-up workday.
    pub fn build(parts: Parts) -> Result<Calendar, Message> {
        let Parts {
            name,
            first_year,
            last_year,
            mut weekend,
            mut holidays,
            mut workdays,
            mut sources,
        } = parts;
        let start = check_years(&name, first_year, last_year)?;
        if weekend.is_empty() {
            weekend = vec![Weekday::Saturday, Weekday::Sunday];
        }
        weekend.sort_by_key(|w| w.to_monday_zero_offset());
        weekend.dedup();
        sort_days(&mut holidays);
        sort_days(&mut workdays);
        sources.sort_by_key(|s| s.0);
        check_days(&weekend, &holidays, &workdays)?;
        let index = build_index(start, first_year, last_year, &weekend, &holidays, &workdays);
        Ok(Calendar {
            name,
            first_year,
            last_year,
            weekend,
            holidays,
            workdays,
            sources,
            index,
        })
    }

    /// Merge several calendars (the union of their years; a day both a
    /// holiday and a make-up workday is an error).
    ///
    /// The years must join up without a gap and the weekends must agree;
    /// the merged calendar is named after its parts (`cn+hk`). Errors are
    /// the catalogues' `calendar-merge-problem`.
    pub fn merge(calendars: Vec<Calendar>) -> Result<Calendar, Message> {
        let mut calendars = calendars;
        calendars.sort_by_key(|c| (c.first_year, c.last_year));
        let problem = |what: &str| Message::new("calendar-merge-problem").text("problem", what);
        let Some(first) = calendars.first() else {
            return Err(problem("none"));
        };
        if calendars.len() == 1 {
            return Ok(first.clone());
        }
        let mut parts = Parts {
            first_year: first.first_year,
            last_year: first.last_year,
            ..Parts::default()
        };
        parts.weekend = first.weekend.clone();
        let mut names: Vec<&str> = Vec::new();
        for c in &calendars {
            if c.weekend != parts.weekend {
                return Err(problem("weekends")
                    .text("first", first.name.as_str())
                    .text("other", c.name.as_str()));
            }
            if c.first_year > parts.last_year.saturating_add(1) {
                return Err(problem("gap")
                    .int("from", i64::from(parts.last_year) + 1)
                    .int("to", i64::from(c.first_year) - 1));
            }
            parts.last_year = parts.last_year.max(c.last_year);
            if !names.contains(&c.name.as_str()) {
                names.push(&c.name);
            }
            parts.holidays.extend(c.holidays.iter().cloned());
            parts.workdays.extend(c.workdays.iter().cloned());
            parts.sources.extend(c.sources.iter().cloned());
        }
        parts.name = names.join("+");
        Calendar::build(parts)
            .map_err(|e| e.within("calendar-merge-problem").text("problem", "build"))
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// First and last year covered.
    pub fn years(&self) -> (i16, i16) {
        (self.first_year, self.last_year)
    }

    /// The holidays, one entry per day, in date order.
    pub fn holidays(&self) -> &[(Date, String)] {
        &self.holidays
    }

    /// The make-up workdays with the holiday each makes up for, in date order.
    pub fn workdays(&self) -> &[(Date, String)] {
        &self.workdays
    }

    /// The source cited for each year, in year order.
    pub fn sources(&self) -> &[(i16, String)] {
        &self.sources
    }

    /// The non-working days of the week.
    pub fn weekend(&self) -> &[Weekday] {
        &self.weekend
    }

    fn out_of_range(&self, year: i16) -> OutOfRange {
        OutOfRange {
            calendar: self.name.clone(),
            year,
        }
    }

    /// The error for a walk that runs off the end (`forward`) or the start.
    pub(crate) fn out_of_range_beyond(&self, forward: bool) -> OutOfRange {
        let year = if forward {
            self.last_year.saturating_add(1)
        } else {
            self.first_year.saturating_sub(1)
        };
        self.out_of_range(year)
    }

    pub fn is_workday(&self, day: Date) -> Result<bool, OutOfRange> {
        self.index.is_workday(day).map_err(|y| self.out_of_range(y))
    }

    /// The `n`-th working day strictly after `day` (n = 0 gives `day`).
    pub fn add_workdays(&self, day: Date, n: u32) -> Result<Date, OutOfRange> {
        if n == 0 {
            return Ok(day);
        }
        self.index.after(day, n).map_err(|y| self.out_of_range(y))
    }

    /// The `n`-th working day strictly before `day` (n = 0 gives `day`).
    pub fn sub_workdays(&self, day: Date, n: u32) -> Result<Date, OutOfRange> {
        if n == 0 {
            return Ok(day);
        }
        self.index.before(day, n).map_err(|y| self.out_of_range(y))
    }

    /// `day` if it is a working day, else the next working day.
    pub fn roll_forward(&self, day: Date) -> Result<Date, OutOfRange> {
        self.index
            .roll_forward(day)
            .map_err(|y| self.out_of_range(y))
    }

    /// Working days `d` with `from < d <= to` (0 when `to <= from`).
    pub fn workdays_after(&self, from: Date, to: Date) -> Result<i64, OutOfRange> {
        self.index
            .count_after(from, to)
            .map_err(|y| self.out_of_range(y))
    }

    /// Working days from `first` to `last`, both counted (0 when `last < first`).
    pub fn workdays_inclusive(&self, first: Date, last: Date) -> Result<i64, OutOfRange> {
        self.index
            .count_inclusive(first, last)
            .map_err(|y| self.out_of_range(y))
    }

    /// The non-working days and make-up workdays in `from..=to`, for `explain`.
    ///
    /// Only days inside the covered years are listed (outside them nothing
    /// is known). A holiday on a weekend is listed as the holiday.
    pub fn notes_between(&self, from: Date, to: Date) -> Vec<(Date, DayNote)> {
        let (Ok(lo), Ok(hi)) = (
            Date::new(self.first_year, 1, 1),
            Date::new(self.last_year, 12, 31),
        ) else {
            return Vec::new();
        };
        let (from, to) = (from.max(lo), to.min(hi));
        let mut notes = Vec::new();
        let mut day = from;
        while day <= to {
            if let Some(note) = self.note(day) {
                notes.push((day, note));
            }
            match day.tomorrow() {
                Ok(next) => day = next,
                Err(_) => break,
            }
        }
        notes
    }

    fn note(&self, day: Date) -> Option<DayNote> {
        if let Some(name) = find(&self.holidays, day) {
            Some(DayNote::Holiday(name.to_string()))
        } else if let Some(name) = find(&self.workdays, day) {
            Some(DayNote::MakeUpWorkday(name.to_string()))
        } else {
            self.weekend
                .contains(&day.weekday())
                .then_some(DayNote::Weekend)
        }
    }
}

/// The name recorded for `day` in a date-sorted list.
fn find(days: &[(Date, String)], day: Date) -> Option<&str> {
    days.binary_search_by_key(&day, |d| d.0)
        .ok()
        .map(|i| days[i].1.as_str())
}

/// Sort by date; a day listed twice keeps its first name.
fn sort_days(days: &mut Vec<(Date, String)>) {
    days.sort_by_key(|d| d.0);
    days.dedup_by_key(|d| d.0);
}

/// A reason [`Calendar::build`] refuses its parts: the catalogues'
/// `calendar-build-problem`, chosen by `fault`.
fn build_problem(fault: &str) -> Message {
    Message::new("calendar-build-problem").text("fault", fault)
}

/// January 1 of the first year, when the coverage makes sense.
fn check_years(name: &str, first: i16, last: i16) -> Result<Date, Message> {
    let years = |fault| {
        build_problem(fault)
            .text("name", name)
            .int("first", first.into())
            .int("last", last.into())
    };
    if first > last {
        return Err(years("no-year"));
    }
    if i32::from(last) - i32::from(first) >= i32::from(MAX_YEARS) {
        return Err(years("too-many-years").int("max", MAX_YEARS.into()));
    }
    match (Date::new(first, 1, 1), Date::new(last, 12, 31)) {
        (Ok(start), Ok(_)) => Ok(start),
        _ => Err(years("unsupported-years")),
    }
}

fn check_days(
    weekend: &[Weekday],
    holidays: &[(Date, String)],
    workdays: &[(Date, String)],
) -> Result<(), Message> {
    for (day, name) in workdays {
        if !weekend.contains(&day.weekday()) {
            return Err(build_problem("workday-not-weekend")
                .text("date", day.to_string())
                .text("name", name.as_str())
                .text("weekday", file::weekday_name(day.weekday())));
        }
        if let Some(holiday) = find(holidays, *day) {
            return Err(build_problem("holiday-and-workday")
                .text("date", day.to_string())
                .text("holiday", holiday)
                .text("name", name.as_str()));
        }
    }
    Ok(())
}

fn build_index(
    start: Date,
    first_year: i16,
    last_year: i16,
    weekend: &[Weekday],
    holidays: &[(Date, String)],
    workdays: &[(Date, String)],
) -> Index {
    let days = date::days_between(start, Date::new(last_year, 12, 31).unwrap_or(start)) + 1;
    let weekday = start.weekday();
    let mut working: Vec<bool> = (0..days)
        .map(|i| !weekend.contains(&weekday.wrapping_add(i)))
        .collect();
    let mut set = |day: Date, value: bool| {
        if let Ok(i) = usize::try_from(date::days_between(start, day)) {
            if let Some(slot) = working.get_mut(i) {
                *slot = value;
            }
        }
    };
    holidays.iter().for_each(|h| set(h.0, false));
    workdays.iter().for_each(|w| set(w.0, true));
    Index::new(start, first_year, last_year, working.into_iter())
}

/// `day + n unit` with the rule language's semantics: months and years clamp to the
/// month's last day (2024-01-31 + 1 month = 2024-02-29); workdays need the
/// calendar. `None` when the result leaves the supported date range.
///
/// `Workdays` counts strictly after `day` (negative `n`: strictly before).
/// With no calendar, `Workdays` gives `Ok(None)`: nothing can be counted,
/// and the caller reports that no calendar is loaded.
pub fn add(
    day: Date,
    n: i64,
    unit: Unit,
    calendar: Option<&Calendar>,
) -> Result<Option<Date>, OutOfRange> {
    date::add(day, n, unit, calendar)
}
