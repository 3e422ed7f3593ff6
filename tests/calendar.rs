//! Working-day arithmetic, correct to the day.
//!
//! The index is checked against a slow reference that walks day by day over
//! its own transcription of the State Council notices (below), not over
//! `rules/calendars/cn.yaml`; a separate test checks that the two
//! transcriptions agree.

use std::collections::HashSet;
use std::sync::LazyLock;

use jiff::civil::{Date, Weekday, date};
use proptest::prelude::*;
use rectify::calendar::{self, Calendar, DayNote, OutOfRange};
use rectify::syntax::ast::Unit;

/// Holiday ranges (name, first, last) as the notices for 2022..=2026 give them.
const HOLIDAYS: &[(&str, &str, &str)] = &[
    ("元旦 New Year's Day", "2022-01-01", "2022-01-03"),
    ("春节 Spring Festival", "2022-01-31", "2022-02-06"),
    ("清明节 Qingming Festival", "2022-04-03", "2022-04-05"),
    ("劳动节 Labour Day", "2022-04-30", "2022-05-04"),
    ("端午节 Dragon Boat Festival", "2022-06-03", "2022-06-05"),
    ("中秋节 Mid-Autumn Festival", "2022-09-10", "2022-09-12"),
    ("国庆节 National Day", "2022-10-01", "2022-10-07"),
    ("元旦 New Year's Day", "2022-12-31", "2023-01-02"),
    ("春节 Spring Festival", "2023-01-21", "2023-01-27"),
    ("清明节 Qingming Festival", "2023-04-05", "2023-04-05"),
    ("劳动节 Labour Day", "2023-04-29", "2023-05-03"),
    ("端午节 Dragon Boat Festival", "2023-06-22", "2023-06-24"),
    (
        "中秋节、国庆节 Mid-Autumn Festival and National Day",
        "2023-09-29",
        "2023-10-06",
    ),
    ("元旦 New Year's Day", "2024-01-01", "2024-01-01"),
    ("春节 Spring Festival", "2024-02-10", "2024-02-17"),
    ("清明节 Qingming Festival", "2024-04-04", "2024-04-06"),
    ("劳动节 Labour Day", "2024-05-01", "2024-05-05"),
    ("端午节 Dragon Boat Festival", "2024-06-10", "2024-06-10"),
    ("中秋节 Mid-Autumn Festival", "2024-09-15", "2024-09-17"),
    ("国庆节 National Day", "2024-10-01", "2024-10-07"),
    ("元旦 New Year's Day", "2025-01-01", "2025-01-01"),
    ("春节 Spring Festival", "2025-01-28", "2025-02-04"),
    ("清明节 Qingming Festival", "2025-04-04", "2025-04-06"),
    ("劳动节 Labour Day", "2025-05-01", "2025-05-05"),
    ("端午节 Dragon Boat Festival", "2025-05-31", "2025-06-02"),
    (
        "国庆节、中秋节 National Day and Mid-Autumn Festival",
        "2025-10-01",
        "2025-10-08",
    ),
    ("元旦 New Year's Day", "2026-01-01", "2026-01-03"),
    ("春节 Spring Festival", "2026-02-15", "2026-02-23"),
    ("清明节 Qingming Festival", "2026-04-04", "2026-04-06"),
    ("劳动节 Labour Day", "2026-05-01", "2026-05-05"),
    ("端午节 Dragon Boat Festival", "2026-06-19", "2026-06-21"),
    ("中秋节 Mid-Autumn Festival", "2026-09-25", "2026-09-27"),
    ("国庆节 National Day", "2026-10-01", "2026-10-07"),
];

/// Make-up workdays (调休上班), 2022..=2026.
const WORKDAYS: &[&str] = &[
    "2022-01-29",
    "2022-01-30",
    "2022-04-02",
    "2022-04-24",
    "2022-05-07",
    "2022-10-08",
    "2022-10-09", //
    "2023-01-28",
    "2023-01-29",
    "2023-04-23",
    "2023-05-06",
    "2023-06-25",
    "2023-10-07",
    "2023-10-08", //
    "2024-02-04",
    "2024-02-18",
    "2024-04-07",
    "2024-04-28",
    "2024-05-11",
    "2024-09-14",
    "2024-09-29",
    "2024-10-12", //
    "2025-01-26",
    "2025-02-08",
    "2025-04-27",
    "2025-09-28",
    "2025-10-11", //
    "2026-01-04",
    "2026-02-14",
    "2026-02-28",
    "2026-05-09",
    "2026-09-20",
    "2026-10-10",
];

fn d(text: &str) -> Date {
    calendar::parse_date(text).unwrap_or_else(|| panic!("bad date in test table: {text}"))
}

fn next(day: Date) -> Date {
    day.tomorrow()
        .expect("test dates stay far from the end of time")
}

fn prev(day: Date) -> Date {
    day.yesterday()
        .expect("test dates stay far from the start of time")
}

fn holiday_days() -> Vec<(Date, String)> {
    let mut days = Vec::new();
    for &(name, from, to) in HOLIDAYS {
        let mut day = d(from);
        while day <= d(to) {
            days.push((day, name.to_string()));
            day = next(day);
        }
    }
    days
}

fn workday_days() -> Vec<(Date, String)> {
    WORKDAYS
        .iter()
        .map(|w| (d(w), "make-up".to_string()))
        .collect()
}

fn cn() -> Calendar {
    Calendar::from_parts("cn", 2022, 2026, holiday_days(), workday_days())
        .expect("the test table is valid")
}

/// The slow, obviously correct calendar: sets of days and a walk.
struct Reference {
    holidays: HashSet<Date>,
    workdays: HashSet<Date>,
}

impl Reference {
    fn new() -> Reference {
        Reference {
            holidays: holiday_days().into_iter().map(|h| h.0).collect(),
            workdays: workday_days().into_iter().map(|w| w.0).collect(),
        }
    }

    /// `Err(year)` for a day outside 2022..=2026.
    fn is_workday(&self, day: Date) -> Result<bool, i16> {
        if !(2022..=2026).contains(&day.year()) {
            return Err(day.year());
        }
        let weekend = matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday);
        Ok(self.workdays.contains(&day) || !(weekend || self.holidays.contains(&day)))
    }

    fn add_workdays(&self, day: Date, n: u32) -> Result<Date, i16> {
        if n == 0 {
            return Ok(day);
        }
        self.is_workday(day)?;
        let (mut day, mut left) = (day, n);
        while left > 0 {
            day = next(day);
            if self.is_workday(day)? {
                left -= 1;
            }
        }
        Ok(day)
    }

    fn sub_workdays(&self, day: Date, n: u32) -> Result<Date, i16> {
        if n == 0 {
            return Ok(day);
        }
        self.is_workday(day)?;
        let (mut day, mut left) = (day, n);
        while left > 0 {
            day = prev(day);
            if self.is_workday(day)? {
                left -= 1;
            }
        }
        Ok(day)
    }

    fn roll_forward(&self, day: Date) -> Result<Date, i16> {
        let mut day = day;
        while !self.is_workday(day)? {
            day = next(day);
        }
        Ok(day)
    }

    fn workdays_inclusive(&self, first: Date, last: Date) -> Result<i64, i16> {
        let (mut day, mut count) = (first, 0);
        while day <= last {
            count += i64::from(self.is_workday(day)?);
            day = next(day);
        }
        Ok(count)
    }

    fn workdays_after(&self, from: Date, to: Date) -> Result<i64, i16> {
        if to <= from {
            Ok(0)
        } else {
            self.workdays_inclusive(next(from), to)
        }
    }
}

/// Our answers with the error reduced to its year (the calendar is always `cn`).
fn year<T>(result: Result<T, OutOfRange>) -> Result<T, i16> {
    result.map_err(|e| {
        assert_eq!(e.calendar, "cn");
        e.year
    })
}

/// A day in 2021-10-01..=2027-03-31, so walks also leave the coverage.
fn any_day() -> impl Strategy<Value = Date> {
    (0i64..(365 * 5 + 1 + 182)).prop_map(|i| {
        calendar::add(date(2021, 10, 1), i, Unit::Days, None)
            .unwrap()
            .unwrap()
    })
}

/// A day inside the coverage, 2022-01-01..=2026-12-31.
fn covered_day() -> impl Strategy<Value = Date> {
    (0i64..(365 * 5 + 1)).prop_map(|i| {
        calendar::add(date(2022, 1, 1), i, Unit::Days, None)
            .unwrap()
            .unwrap()
    })
}

/// Built once: the proptests ask thousands of questions of each.
static CN: LazyLock<Calendar> = LazyLock::new(cn);
static REFERENCE: LazyLock<Reference> = LazyLock::new(Reference::new);

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn add_workdays_matches_walk(day in covered_day(), n in 0u32..400) {
        let (cal, reference) = (&*CN, &*REFERENCE);
        prop_assert_eq!(year(cal.add_workdays(day, n)), reference.add_workdays(day, n));
        prop_assert_eq!(year(cal.sub_workdays(day, n)), reference.sub_workdays(day, n));
        let signed = calendar::add(day, -i64::from(n), Unit::Workdays, Some(cal));
        prop_assert_eq!(year(signed), reference.sub_workdays(day, n).map(Some));
    }

    #[test]
    fn outside_coverage_matches_walk(day in any_day(), n in 0u32..400) {
        let (cal, reference) = (&*CN, &*REFERENCE);
        prop_assert_eq!(year(cal.is_workday(day)), reference.is_workday(day));
        prop_assert_eq!(year(cal.add_workdays(day, n)), reference.add_workdays(day, n));
        prop_assert_eq!(year(cal.roll_forward(day)), reference.roll_forward(day));
    }

    #[test]
    fn roll_forward_matches_walk(day in covered_day()) {
        prop_assert_eq!(year(CN.roll_forward(day)), REFERENCE.roll_forward(day));
    }

    #[test]
    fn counts_match_walk(from in any_day(), len in -30i64..400) {
        let (cal, reference) = (&*CN, &*REFERENCE);
        let to = calendar::add(from, len, Unit::Days, None).unwrap().unwrap();
        prop_assert_eq!(year(cal.workdays_after(from, to)), reference.workdays_after(from, to));
        prop_assert_eq!(year(cal.workdays_inclusive(from, to)), reference.workdays_inclusive(from, to));
    }

    #[test]
    fn months_and_years_clamp_like_by_hand(
        y in 1900i16..2100, m in 1i8..=12, day in 1i8..=31, n in -600i64..600,
    ) {
        let start = Date::new(y, m, day.min(days_in_month(i64::from(y), m)));
        prop_assume!(start.is_ok());
        let start = start.unwrap();
        prop_assert_eq!(calendar::add(start, n, Unit::Months, None), Ok(Some(by_hand(start, n))));
        prop_assert_eq!(calendar::add(start, n / 12, Unit::Years, None), Ok(Some(by_hand(start, n / 12 * 12))));
    }
}

fn days_in_month(year: i64, month: i8) -> i8 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `start + months` built from year/month/day, clamping the day by hand.
fn by_hand(start: Date, months: i64) -> Date {
    let total = i64::from(start.year()) * 12 + i64::from(start.month() - 1) + months;
    let (year, month) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as i8);
    let day = start.day().min(days_in_month(year, month));
    Date::new(year as i16, month, day).unwrap()
}

#[test]
fn hand_checked_days() {
    let cal = cn();
    // 2024-02-04 is a Sunday worked for the Spring Festival.
    assert_eq!(cal.is_workday(date(2024, 2, 4)), Ok(true));
    for day in 10..=17 {
        assert_eq!(
            cal.is_workday(date(2024, 2, day)),
            Ok(false),
            "2024-02-{day}"
        );
    }
    assert_eq!(cal.is_workday(date(2024, 2, 18)), Ok(true));
    // 2023-12-31 is a Sunday and 2024-01-01 a holiday.
    assert_eq!(date(2023, 12, 31).weekday(), Weekday::Sunday);
    assert_eq!(cal.roll_forward(date(2023, 12, 31)), Ok(date(2024, 1, 2)));
    for day in 1..=8 {
        assert_eq!(
            cal.is_workday(date(2025, 10, day)),
            Ok(false),
            "2025-10-0{day}"
        );
    }
    assert_eq!(cal.is_workday(date(2025, 9, 28)), Ok(true));
    assert_eq!(cal.is_workday(date(2025, 10, 11)), Ok(true));
    assert_eq!(date(2026, 1, 4).weekday(), Weekday::Sunday);
    assert_eq!(cal.is_workday(date(2026, 1, 4)), Ok(true));
    // The 2023 New Year holiday starts in 2022.
    assert_eq!(cal.is_workday(date(2022, 12, 30)), Ok(true));
    assert_eq!(cal.is_workday(date(2023, 1, 2)), Ok(false));
}

#[test]
fn thirty_workdays_after_2022_06_01() {
    // Strictly after Wed 2022-06-01: Thu 06-02 is 1; 06-03..05 is the Dragon
    // Boat Festival; 06-06..10 are 2-6, 06-13..17 7-11, 06-20..24 12-16,
    // 06-27..07-01 17-21, 07-04..08 22-26, and 07-11..14 27-30.
    let due = date(2022, 7, 14);
    assert_eq!(cn().add_workdays(date(2022, 6, 1), 30), Ok(due));
    assert_eq!(
        calendar::add(date(2022, 6, 1), 30, Unit::Workdays, Some(&cn())),
        Ok(Some(due))
    );
    assert_eq!(cn().workdays_after(date(2022, 6, 1), due), Ok(30));
}

#[test]
fn leaving_coverage_names_the_year() {
    let cal = cn();
    let after = OutOfRange {
        calendar: "cn".into(),
        year: 2027,
    };
    assert_eq!(cal.add_workdays(date(2026, 12, 20), 30), Err(after.clone()));
    assert_eq!(cal.roll_forward(date(2027, 1, 1)), Err(after.clone()));
    assert_eq!(
        cal.workdays_inclusive(date(2026, 12, 1), date(2027, 1, 5)),
        Err(after)
    );
    let before = OutOfRange {
        calendar: "cn".into(),
        year: 2021,
    };
    // 2022-01-04 is the only working day of 2022 before 01-05.
    assert_eq!(cal.sub_workdays(date(2022, 1, 5), 2), Err(before.clone()));
    assert_eq!(cal.is_workday(date(2021, 12, 31)), Err(before.clone()));
    assert_eq!(
        cal.workdays_after(date(2021, 12, 30), date(2022, 1, 10)),
        Err(before)
    );
    // The start day is not counted, so it may lie just before the coverage.
    assert_eq!(
        cal.workdays_after(date(2021, 12, 31), date(2022, 1, 10)),
        Ok(5)
    );
    assert_eq!(cal.add_workdays(date(2021, 6, 1), 0), Ok(date(2021, 6, 1)));
}

#[test]
fn workdays_without_calendar_is_none() {
    assert_eq!(
        calendar::add(date(2024, 1, 1), 3, Unit::Workdays, None),
        Ok(None)
    );
}

#[test]
fn notes_name_holidays_weekends_and_make_up_days() {
    let notes = cn().notes_between(date(2024, 2, 3), date(2024, 2, 19));
    let holiday = DayNote::Holiday("春节 Spring Festival".into());
    let mut expected = vec![
        (date(2024, 2, 3), DayNote::Weekend),
        (date(2024, 2, 4), DayNote::MakeUpWorkday("make-up".into())),
    ];
    expected.extend((10..=17).map(|day| (date(2024, 2, day), holiday.clone())));
    expected.push((date(2024, 2, 18), DayNote::MakeUpWorkday("make-up".into())));
    assert_eq!(notes, expected);
    // Nothing is known outside the coverage.
    assert_eq!(
        cn().notes_between(date(2021, 12, 25), date(2022, 1, 1))
            .len(),
        1
    );
}

#[test]
fn merge_joins_years() {
    let (early, late): (Vec<_>, Vec<_>) =
        holiday_days().into_iter().partition(|h| h.0.year() <= 2023);
    let (early_w, late_w): (Vec<_>, Vec<_>) =
        workday_days().into_iter().partition(|w| w.0.year() <= 2023);
    let a = Calendar::from_parts("cn", 2022, 2023, early, early_w).unwrap();
    let b = Calendar::from_parts("cn", 2024, 2026, late, late_w).unwrap();
    let merged = Calendar::merge(vec![b, a.clone()]).unwrap();
    assert_eq!(merged.name(), "cn");
    assert_eq!(merged.years(), (2022, 2026));
    let (whole, reference) = (cn(), Reference::new());
    let mut day = date(2022, 1, 1);
    while day.year() <= 2026 {
        assert_eq!(merged.is_workday(day), whole.is_workday(day));
        assert_eq!(merged.is_workday(day).ok(), reference.is_workday(day).ok());
        day = next(day);
    }
    let lone = Calendar::from_parts("x", 2025, 2025, vec![], vec![]).unwrap();
    let gap = Calendar::merge(vec![a, lone]).unwrap_err();
    assert_eq!(
        gap.english(),
        "no calendar covers 2024..=2024 (between the calendars merged)"
    );
    assert_eq!(
        Calendar::merge(vec![]).unwrap_err().english(),
        "no calendar to merge"
    );
}

#[test]
fn merge_rejects_conflicts() {
    let holiday = Calendar::from_parts(
        "a",
        2024,
        2024,
        vec![(date(2024, 2, 4), "x".into())],
        vec![],
    )
    .unwrap();
    let workday = Calendar::from_parts(
        "b",
        2024,
        2024,
        vec![],
        vec![(date(2024, 2, 4), "y".into())],
    )
    .unwrap();
    let message = Calendar::merge(vec![holiday, workday]).unwrap_err();
    assert_eq!(
        message.english(),
        "cannot merge calendars: `2024-02-04` is both a holiday (`x`) and a make-up workday (for `y`)"
    );
}

#[test]
fn from_parts_rejects_bad_data() {
    let weekday = Calendar::from_parts(
        "a",
        2024,
        2024,
        vec![],
        vec![(date(2024, 2, 5), "x".into())],
    );
    assert_eq!(
        weekday.unwrap_err().english(),
        "make-up workday `2024-02-05` for `x` is a monday, not a weekend day"
    );
    let reversed = Calendar::from_parts("a", 2025, 2024, vec![], vec![]);
    assert_eq!(
        reversed.unwrap_err().english(),
        "calendar `a` covers no year (2025 is after 2024)"
    );
    assert!(Calendar::from_parts("a", 1, 9000, vec![], vec![]).is_err());
}

/// The bundled file, parsed with the real YAML layer.
fn bundled() -> Calendar {
    let text = include_str!("../rules/calendars/cn.yaml");
    Calendar::parse("cn", text).unwrap_or_else(|errors| panic!("cn.yaml has errors: {errors:#?}"))
}

#[test]
fn bundled_cn_yaml_matches_the_test_table() {
    let cal = bundled();
    assert_eq!(cal.name(), "cn");
    assert_eq!(cal.years(), (2022, 2026));
    let mut expected = holiday_days();
    expected.sort();
    assert_eq!(cal.holidays(), expected.as_slice());
    let workdays: Vec<Date> = cal.workdays().iter().map(|w| w.0).collect();
    let mut expected: Vec<Date> = WORKDAYS.iter().map(|w| d(w)).collect();
    expected.sort();
    assert_eq!(workdays, expected);
}

#[test]
fn bundled_cn_yaml_cites_a_notice_each_year() {
    let cal = bundled();
    let years: Vec<i16> = cal.sources().iter().map(|s| s.0).collect();
    assert_eq!(years, vec![2022, 2023, 2024, 2025, 2026]);
    for (year, source) in cal.sources() {
        assert!(
            source.contains(&format!("国务院办公厅关于{year}年部分节假日安排的通知")),
            "{year}: {source}"
        );
    }
}

/// Each error of a calendar file as (code, message, the text it underlines).
fn errors(text: &str) -> Vec<(&'static str, String, String)> {
    let errors = Calendar::parse("t", text).err().unwrap_or_default();
    errors
        .into_iter()
        .map(|e| {
            (
                e.code,
                e.message.english(),
                text[e.span.range()].to_string(),
            )
        })
        .collect()
}

const SOURCE: &str = "source: { title: notice, published: 2023-10-25 }";

#[test]
fn calendar_file_errors_point_at_the_value() {
    let text = format!(
        "years:
  2024:
    {SOURCE}
    holidays:
      - {{ name: a, from: 2024-02-30, to: 2024-03-01 }}
      - {{ name: b, from: 2024-05-05, to: 2024-05-01 }}
      - {{ name: c, date: 2024-10-05 }}
    workdays:
      - {{ date: 2024-02-05, for: a }}
      - {{ date: 2024-10-05, for: c }}
  2025:
    holidays: []
  2024:
    {SOURCE}
"
    );
    let code = |c: &str| format!("calendar::{c}");
    let got: Vec<_> = errors(&text)
        .into_iter()
        .map(|(c, m, u)| (c.to_string(), m, u))
        .collect();
    let expected = vec![
        (
            code("bad-date"),
            "`2024-02-30` is not a valid date (expected `YYYY-MM-DD`)".into(),
            "2024-02-30".into(),
        ),
        (
            code("bad-range"),
            "the holiday runs from `2024-05-05` to the earlier `2024-05-01`".into(),
            "2024-05-05, to: 2024-05-01".into(),
        ),
        (
            code("workday-not-weekend"),
            "make-up workday `2024-02-05` is a monday, not a weekend day".into(),
            "2024-02-05".into(),
        ),
        (
            code("missing-source"),
            "year `2025` has no `source` citing its notice".into(),
            "2025".into(),
        ),
        (
            code("duplicate-year"),
            "year `2024` is listed twice".into(),
            "2024".into(),
        ),
        (
            code("holiday-and-workday"),
            "`2024-10-05` is both a holiday (`c`) and a make-up workday".into(),
            "2024-10-05".into(),
        ),
    ];
    assert_eq!(got, expected);
}

#[test]
fn calendar_file_structure_errors() {
    let cases: &[(&str, &str, &str)] = &[
        ("", "calendar::documents", ""),
        ("years: {}", "calendar::missing-key", "{}"),
        ("name: cn", "calendar::missing-key", "name: cn"),
        ("years: []", "calendar::wrong-type", "[]"),
        ("years:\n  nope: {}", "calendar::bad-year", "nope"),
        (
            "weekend: [caturday]\nyears: {2024: {source: s}}",
            "calendar::bad-weekday",
            "caturday",
        ),
        (
            "years: {2024: {source: s, holiday: []}}",
            "calendar::unknown-key",
            "holiday",
        ),
        (
            "years: {2024: {source: s, source: t}}",
            "calendar::duplicate-key",
            "source",
        ),
        (
            "years: {2024: {source: ''}}",
            "calendar::missing-source",
            "''",
        ),
        (
            "years: {2024: {source: s}, 2026: {source: s}}",
            "calendar::missing-year",
            "{2024: {source: s}, 2026: {source: s}}",
        ),
        (
            "years: {2024: {source: s, workdays: [{date: 2022-01-01, for: x}]}}",
            "calendar::wrong-year",
            "2022-01-01",
        ),
        (
            "years: {2024: {source: s, holidays: [{name: x, from: 2024-01-01}]}}",
            "calendar::missing-key",
            "{name: x, from: 2024-01-01}",
        ),
        (
            "years: {2024: {source: s, holidays: [{name: x, date: 2024-01-01}, {name: y, date: 2024-01-01}]}}",
            "calendar::duplicate-day",
            "2024-01-01",
        ),
        ("years: [", "calendar::yaml", ""),
    ];
    for &(text, code, underlined) in cases {
        let got = errors(text);
        assert_eq!(got.len(), 1, "{text:?}: {got:#?}");
        assert_eq!(
            (got[0].0, got[0].2.as_str()),
            (code, underlined),
            "{text:?}: {}",
            got[0].1
        );
    }
}

#[test]
fn unknown_key_suggests_the_closest() {
    let text = "years: {2024: {source: s, holiday: []}}";
    let errors = Calendar::parse("t", text).unwrap_err();
    assert_eq!(
        errors[0].message.english(),
        "unknown key `holiday` in a year"
    );
    let help = errors[0].help.as_ref().map(|h| h.english());
    assert_eq!(help.as_deref(), Some("did you mean `holidays`?"));
}

#[test]
fn holidays_may_start_the_year_before() {
    let text = format!(
        "years:\n  2023:\n    {SOURCE}\n    holidays:\n      - {{ name: n, from: 2022-12-31, to: 2023-01-02 }}\n"
    );
    let cal = Calendar::parse("t", &text).unwrap();
    // 2022 is not covered, so its December 31 is kept but not indexed.
    assert_eq!(
        cal.holidays().first().map(|h| h.0),
        Some(date(2022, 12, 31))
    );
    assert_eq!(cal.is_workday(date(2023, 1, 2)), Ok(false));
    assert_eq!(cal.is_workday(date(2023, 1, 3)), Ok(true));
}

#[test]
fn count_running_two_years_past_the_end_names_the_first_missing_year() {
    // Found by proptest: the range ends in 2028 but the count needs 2027 first.
    let missing = cn().workdays_inclusive(date(2026, 12, 6), date(2028, 1, 1));
    assert_eq!(
        missing,
        Err(OutOfRange {
            calendar: "cn".into(),
            year: 2027
        })
    );
}

/// Every scalar in a YAML tree, depth first.
fn scalars<'a>(node: &'a rectify::yaml::Node, out: &mut Vec<&'a rectify::yaml::Node>) {
    use rectify::yaml::Value;
    match &node.value {
        Value::Seq(items) => items.iter().for_each(|n| scalars(n, out)),
        Value::Map(entries) => entries.iter().for_each(|(k, v)| {
            scalars(k, out);
            scalars(v, out);
        }),
        _ => out.push(node),
    }
}

#[test]
fn example_ledger_dates_are_real_and_ids_unique() {
    use rectify::yaml::Value;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/jiangsu");
    let (mut ids, mut tasks, mut petitions) = (HashSet::new(), 0, 0);
    for dir in ["tasks", "petitions"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let (docs, error) = rectify::yaml::parse(&text, &rectify::yaml::Limits::default());
            assert!(error.is_none(), "{}: {error:?}", path.display());
            let mut nodes = Vec::new();
            docs.iter().for_each(|d| scalars(d, &mut nodes));
            for pair in nodes.windows(2) {
                let (Value::Str { text: key, .. }, Value::Str { text: value, .. }) =
                    (&pair[0].value, &pair[1].value)
                else {
                    continue;
                };
                if key == "id" {
                    assert!(ids.insert(value.clone()), "duplicate id {value}");
                    *(if dir == "tasks" {
                        &mut tasks
                    } else {
                        &mut petitions
                    }) += 1;
                }
            }
            for node in nodes {
                let Value::Str { text, .. } = &node.value else {
                    continue;
                };
                let looks_like_date =
                    text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
                assert!(
                    !looks_like_date || calendar::parse_date(text).is_some(),
                    "{}: {text}",
                    path.display()
                );
            }
        }
    }
    assert_eq!((tasks, petitions), (42, 120));
}

#[test]
fn huge_workday_counts_leave_the_coverage() {
    let out = |year| {
        Err(OutOfRange {
            calendar: "cn".into(),
            year,
        })
    };
    assert_eq!(
        calendar::add(date(2024, 1, 1), i64::MAX, Unit::Workdays, Some(&CN)),
        out(2027)
    );
    assert_eq!(
        calendar::add(date(2024, 1, 1), i64::MIN, Unit::Workdays, Some(&CN)),
        out(2021)
    );
    assert_eq!(
        calendar::add(date(2030, 1, 1), i64::MAX, Unit::Workdays, Some(&CN)),
        out(2030)
    );
}
