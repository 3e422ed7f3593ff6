//! The working-day index: per-day data over the covered years, precomputed
//! once so that every working-day question is O(1).
//!
//! Owns: day ordinals (days since January 1 of the first covered year), a
//! prefix sum of working days by ordinal, and the ordinals of the working
//! days in order. Must not: know about files, names or holidays' meanings;
//! it sees one `bool` per day.
//!
//! Out-of-coverage answers name the first uncovered year the computation
//! touches: a queried day's own year when the day itself is outside, the
//! year after the last covered year when a walk runs off the end, and the
//! year before the first when it runs off the start.

use jiff::civil::Date;

use super::date::{add_days, days_between};

/// Where a computation left the coverage: the year it needed.
pub(crate) type Missing = i16;

#[derive(Clone, Debug)]
pub(crate) struct Index {
    /// January 1 of the first covered year (ordinal 0).
    start: Date,
    first_year: i16,
    last_year: i16,
    /// `prefix[i]` = working days among ordinals `0..i`; `len() == days + 1`.
    prefix: Vec<u32>,
    /// Ordinals of the working days, ascending.
    work: Vec<u32>,
}

impl Index {
    /// Build from the first covered day and one flag per day.
    pub(crate) fn new(
        start: Date,
        first_year: i16,
        last_year: i16,
        working: impl Iterator<Item = bool>,
    ) -> Index {
        let mut prefix = vec![0u32];
        let mut work = Vec::new();
        for (ord, is_work) in (0u32..).zip(working) {
            let before = prefix.last().copied().unwrap_or(0);
            if is_work {
                work.push(ord);
            }
            prefix.push(before + u32::from(is_work));
        }
        Index {
            start,
            first_year,
            last_year,
            prefix,
            work,
        }
    }

    fn days(&self) -> usize {
        self.prefix.len() - 1
    }

    fn before_start(&self) -> Missing {
        self.first_year.saturating_sub(1)
    }

    fn after_end(&self) -> Missing {
        self.last_year.saturating_add(1)
    }

    /// The ordinal of `day`, or the year that is not covered.
    fn ord(&self, day: Date) -> Result<usize, Missing> {
        let ord = days_between(self.start, day);
        match usize::try_from(ord) {
            Ok(ord) if ord < self.days() => Ok(ord),
            _ => Err(day.year()),
        }
    }

    fn date(&self, ord: u32) -> Date {
        // Every stored ordinal lies inside the covered years, so this stays
        // in jiff's range; fall back to `start` rather than panic.
        add_days(self.start, i64::from(ord)).unwrap_or(self.start)
    }

    pub(crate) fn is_workday(&self, day: Date) -> Result<bool, Missing> {
        let i = self.ord(day)?;
        Ok(self.prefix[i + 1] > self.prefix[i])
    }

    /// The `n`-th working day strictly after `day` (`day` itself for 0).
    pub(crate) fn after(&self, day: Date, n: u32) -> Result<Date, Missing> {
        let i = self.ord(day)?;
        if n == 0 {
            return Ok(day);
        }
        let k = (self.prefix[i + 1] as usize).saturating_add(n as usize - 1);
        self.work
            .get(k)
            .map(|&o| self.date(o))
            .ok_or(self.after_end())
    }

    /// The `n`-th working day strictly before `day` (`day` itself for 0).
    pub(crate) fn before(&self, day: Date, n: u32) -> Result<Date, Missing> {
        let i = self.ord(day)?;
        if n == 0 {
            return Ok(day);
        }
        let k = (self.prefix[i] as usize)
            .checked_sub(n as usize)
            .ok_or(self.before_start())?;
        Ok(self.date(self.work[k]))
    }

    /// `day` if it is a working day, else the next one.
    pub(crate) fn roll_forward(&self, day: Date) -> Result<Date, Missing> {
        let i = self.ord(day)?;
        self.work
            .get(self.prefix[i] as usize)
            .map(|&o| self.date(o))
            .ok_or(self.after_end())
    }

    /// Working days in `first..=last`; 0 when `last < first`.
    pub(crate) fn count_inclusive(&self, first: Date, last: Date) -> Result<i64, Missing> {
        if last < first {
            return Ok(0);
        }
        let a = self.ord(first)?;
        // `first` is covered and `last` is later, so a miss is past the end.
        let b = self.ord(last).map_err(|_| self.after_end())?;
        Ok(i64::from(self.prefix[b + 1]) - i64::from(self.prefix[a]))
    }

    /// Working days `d` with `from < d <= to`; 0 when `to <= from`.
    pub(crate) fn count_after(&self, from: Date, to: Date) -> Result<i64, Missing> {
        if to <= from {
            return Ok(0);
        }
        // `from` itself is not counted, so it may be the day before coverage.
        let first = add_days(from, 1).ok_or(from.year())?;
        self.count_inclusive(first, to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    /// 2024-01-01 (Mon) ..= 2024-01-14 with weekends off and Jan 1 a holiday.
    fn two_weeks() -> Index {
        let flags = (0..14).map(|i| i != 0 && i % 7 < 5);
        Index::new(date(2024, 1, 1), 2024, 2024, flags)
    }

    #[test]
    fn queries() {
        let ix = two_weeks();
        assert_eq!(ix.is_workday(date(2024, 1, 1)), Ok(false));
        assert_eq!(ix.is_workday(date(2024, 1, 2)), Ok(true));
        assert_eq!(ix.after(date(2024, 1, 1), 1), Ok(date(2024, 1, 2)));
        assert_eq!(ix.after(date(2024, 1, 5), 1), Ok(date(2024, 1, 8)));
        assert_eq!(ix.after(date(2024, 1, 5), 5), Ok(date(2024, 1, 12)));
        assert_eq!(ix.after(date(2024, 1, 5), 6), Err(2025));
        assert_eq!(ix.before(date(2024, 1, 8), 1), Ok(date(2024, 1, 5)));
        assert_eq!(ix.before(date(2024, 1, 3), 1), Ok(date(2024, 1, 2)));
        assert_eq!(ix.before(date(2024, 1, 3), 2), Err(2023));
        assert_eq!(ix.roll_forward(date(2024, 1, 6)), Ok(date(2024, 1, 8)));
        assert_eq!(ix.roll_forward(date(2024, 1, 13)), Err(2025));
        assert_eq!(
            ix.count_inclusive(date(2024, 1, 1), date(2024, 1, 14)),
            Ok(9)
        );
        assert_eq!(ix.count_after(date(2024, 1, 1), date(2024, 1, 14)), Ok(9));
        assert_eq!(ix.count_after(date(2023, 12, 31), date(2024, 1, 2)), Ok(1));
        assert_eq!(
            ix.count_after(date(2023, 12, 30), date(2024, 1, 2)),
            Err(2023)
        );
        assert_eq!(ix.is_workday(date(2019, 5, 1)), Err(2019));
        assert_eq!(
            ix.count_inclusive(date(2024, 1, 2), date(2026, 1, 1)),
            Err(2025)
        );
    }
}
