//! Civil-date arithmetic as the rule language states it: ISO date parsing, calendar
//! day differences, and `date + N unit` for every duration unit.
//!
//! Owns: the meaning of days, weeks, months and years (months and years
//! clamp to the month's last day, Civil Code art. 202). Working days are
//! delegated to the [`Calendar`] index.
//! Must not: read the clock, or guess when a calendar is missing.

use jiff::civil::Date;
use jiff::{SignedDuration, Span};

use super::{Calendar, OutOfRange};
use crate::syntax::ast::Unit;

/// Parse a strict ISO `YYYY-MM-DD` civil date (four-digit year, two-digit
/// month and day). `None` for anything else, including `2023-02-30`.
pub fn parse_date(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<i16> {
        b[r].iter().try_fold(0i16, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + i16::from(c - b'0'))
        })
    };
    let year = digits(0..4)?;
    let month = i8::try_from(digits(5..7)?).ok()?;
    let day = i8::try_from(digits(8..10)?).ok()?;
    Date::new(year, month, day).ok()
}

/// Calendar days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    to.duration_since(from).as_hours() / 24
}

/// `day` moved by `n` whole days; `None` when it leaves jiff's date range.
pub(crate) fn add_days(day: Date, n: i64) -> Option<Date> {
    let hours = n.checked_mul(24)?;
    day.checked_add(SignedDuration::from_hours(hours)).ok()
}

/// `day + n unit` (see [`super::add`]).
pub fn add(
    day: Date,
    n: i64,
    unit: Unit,
    calendar: Option<&Calendar>,
) -> Result<Option<Date>, OutOfRange> {
    let span = match unit {
        Unit::Days => return Ok(add_days(day, n)),
        Unit::Weeks => return Ok(n.checked_mul(7).and_then(|d| add_days(day, d))),
        Unit::Workdays => return add_workdays(day, n, calendar),
        Unit::Months => Span::new().try_months(n),
        Unit::Years => Span::new().try_years(n),
    };
    // jiff clamps a day past the month's end to its last day.
    Ok(span.ok().and_then(|s| day.checked_add(s).ok()))
}

/// Signed working-day steps: the `n`-th working day strictly after `day`,
/// or for negative `n` the `|n|`-th strictly before. Without a calendar
/// there are no working days to count, so the answer is `None` (the
/// caller reports the missing calendar; the rule checker refuses such
/// rules before evaluation).
fn add_workdays(
    day: Date,
    n: i64,
    calendar: Option<&Calendar>,
) -> Result<Option<Date>, OutOfRange> {
    let Some(calendar) = calendar else {
        return Ok(None);
    };
    let Ok(steps) = u32::try_from(n.unsigned_abs()) else {
        // More working days than any calendar covers: the walk leaves the
        // coverage, unless `day` itself is already outside it.
        calendar.is_workday(day)?;
        return Err(calendar.out_of_range_beyond(n > 0));
    };
    if n >= 0 {
        calendar.add_workdays(day, steps)
    } else {
        calendar.sub_workdays(day, steps)
    }
    .map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn parse_date_is_strict() {
        assert_eq!(parse_date("2024-02-29"), Some(date(2024, 2, 29)));
        for bad in [
            "2023-02-30",
            "2024-2-29",
            "2024-02-29T00:00",
            "+02024-02-29",
            "２024-02-29",
            "2024/02/29",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn months_and_years_clamp() {
        let months = |d, n| add(d, n, Unit::Months, None).ok().flatten();
        let years = |d, n| add(d, n, Unit::Years, None).ok().flatten();
        assert_eq!(months(date(2024, 1, 31), 1), Some(date(2024, 2, 29)));
        assert_eq!(months(date(2023, 1, 31), 1), Some(date(2023, 2, 28)));
        assert_eq!(months(date(2024, 3, 31), -1), Some(date(2024, 2, 29)));
        assert_eq!(years(date(2024, 2, 29), 1), Some(date(2025, 2, 28)));
        assert_eq!(years(date(2024, 2, 29), 4), Some(date(2028, 2, 29)));
    }

    #[test]
    fn days_and_weeks() {
        assert_eq!(
            add(date(2022, 6, 1), 30, Unit::Days, None),
            Ok(Some(date(2022, 7, 1)))
        );
        assert_eq!(
            add(date(2022, 6, 1), 2, Unit::Weeks, None),
            Ok(Some(date(2022, 6, 15)))
        );
        assert_eq!(days_between(date(2022, 6, 1), date(2022, 7, 1)), 30);
        assert_eq!(days_between(date(2022, 7, 1), date(2022, 6, 1)), -30);
    }

    #[test]
    fn overflow_is_none() {
        assert_eq!(add(date(9999, 12, 1), 1, Unit::Months, None), Ok(None));
        assert_eq!(add(date(2024, 1, 1), i64::MAX, Unit::Days, None), Ok(None));
        assert_eq!(add(date(2024, 1, 1), i64::MIN, Unit::Weeks, None), Ok(None));
        assert_eq!(add(date(2024, 1, 1), i64::MAX, Unit::Years, None), Ok(None));
        assert_eq!(add(date(2024, 1, 1), 5, Unit::Workdays, None), Ok(None));
    }
}
