//! The error codes of calendar files (`calendar::…`), each documented here
//! and only here; `rectify` reports them at the offending value.

/// The text is not valid YAML, or breaks a YAML limit.
pub const YAML: &str = "calendar::yaml";
/// The file is empty or holds more than one YAML document.
pub const DOCUMENTS: &str = "calendar::documents";
/// A value has the wrong type (a list where a mapping belongs, say).
pub const WRONG_TYPE: &str = "calendar::wrong-type";
/// A key the format does not know; the help suggests the closest one.
pub const UNKNOWN_KEY: &str = "calendar::unknown-key";
/// A key given twice in one mapping (at the second).
pub const DUPLICATE_KEY: &str = "calendar::duplicate-key";
/// A required key is missing (at the mapping that lacks it).
pub const MISSING_KEY: &str = "calendar::missing-key";
/// A date that is not a real ISO `YYYY-MM-DD` date (`2023-02-30`).
pub const BAD_DATE: &str = "calendar::bad-date";
/// A year key that is not a year, or coverage too long to index.
pub const BAD_YEAR: &str = "calendar::bad-year";
/// A year listed twice under `years` (at the second).
pub const DUPLICATE_YEAR: &str = "calendar::duplicate-year";
/// The years do not join up: a year between the first and last is missing.
pub const MISSING_YEAR: &str = "calendar::missing-year";
/// A year without a `source` citing the notice it comes from.
pub const MISSING_SOURCE: &str = "calendar::missing-source";
/// A date listed under a year other than its own or the next.
pub const WRONG_YEAR: &str = "calendar::wrong-year";
/// A holiday range whose `from` is after its `to`, or longer than a year.
pub const BAD_RANGE: &str = "calendar::bad-range";
/// A make-up workday that is not a weekend day (it would change nothing).
pub const WORKDAY_NOT_WEEKEND: &str = "calendar::workday-not-weekend";
/// A day that is both a holiday and a make-up workday.
pub const HOLIDAY_AND_WORKDAY: &str = "calendar::holiday-and-workday";
/// A day listed twice, as two holidays or two make-up workdays.
pub const DUPLICATE_DAY: &str = "calendar::duplicate-day";
/// An unknown day of the week under `weekend`.
pub const BAD_WEEKDAY: &str = "calendar::bad-weekday";
