//! Dates after the evaluation date. A record is judged as it stood on the
//! evaluation date: a stage dated later counts as not recorded and an
//! extension approved later as not approved, each with a warning at the
//! date, so that checking as of a past day means what it says.

use jiff::civil::Date;

use crate::diag::{Message, Severity};
use crate::model::{Record, error::FUTURE_DATE};
use crate::outcome::{InputError, Place};
use crate::source::Span;

/// The record as known on `as_of` ([`Record::known_on`]) and a warning
/// for each date in it that is later.
pub fn known_on(record: &Record, as_of: Date) -> (Option<Record>, Vec<InputError>) {
    let stages = record.stages.iter().filter(|s| s.date.value > as_of);
    let mut warnings: Vec<InputError> = stages
        .map(|s| {
            let message = Message::new("record-future-date")
                .text("stage", s.name.value.as_str())
                .text("date", s.date.value.to_string())
                .text("as-of", as_of.to_string());
            warning(message, s.date.span, "record-future-date.help")
        })
        .collect();
    let approvals = record
        .extensions
        .iter()
        .filter_map(|e| e.approved_on.as_ref())
        .filter(|on| on.value > as_of);
    warnings.extend(approvals.map(|on| {
        let message = Message::new("record-future-date-extension")
            .text("date", on.value.to_string())
            .text("as-of", as_of.to_string());
        warning(message, on.span, "record-future-date-extension.help")
    }));
    (record.known_on(as_of), warnings)
}

fn warning(message: Message, span: Span, help: &'static str) -> InputError {
    let place = Place { file: 0, span };
    let mut e = InputError::new(
        FUTURE_DATE,
        Severity::Warning,
        message,
        crate::outcome::Origin::Record,
        Some(place),
    );
    e.help = Some(help.into());
    e
}
