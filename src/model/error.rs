//! The codes of record-file diagnostics, each documented where it is defined,
//! and the constructors the loader uses.
//!
//! The YAML layer's own codes (`yaml::syntax`, `yaml::too-deep`,
//! `yaml::alias-limit`) pass through unchanged; see [`crate::yaml::parse`].
//!
//! Every message is a catalogue id named after its code (`record::bad-date`:
//! `record-bad-date`, with its variants, labels and help beside it in
//! `i18n/*/rectify.ftl`); values from the file are its arguments, clipped.

use crate::diag::{Diagnostic, Message, Severity};
use crate::source::Span;

/// A key appears twice in one mapping of a record (or of a ledger header).
/// At the second key, with a label at the first; the record is dropped.
pub const DUPLICATE_KEY: &str = "record::duplicate-key";

/// A required field is absent: `id`, `responsible.unit`, or a stage's `date`.
/// At the start of the record (or at the mapping that lacks it).
pub const MISSING_FIELD: &str = "record::missing-field";

/// A field's value has the wrong type: "expected a date, found a list".
/// At the value.
pub const WRONG_TYPE: &str = "record::wrong-type";

/// A value that should be an ISO `YYYY-MM-DD` date is not one, or names a
/// day that does not exist (`2023-02-30`). At the value.
pub const BAD_DATE: &str = "record::bad-date";

/// A record (a document, an item of a list, an item of `records:`) is not a
/// mapping. At the value.
pub const NOT_A_RECORD: &str = "record::not-a-record";

/// `kind` names a kind the rules do not declare. At the value, with a
/// did-you-mean.
pub const UNKNOWN_KIND: &str = "record::unknown-kind";

/// A stage name is not in the pipeline the rules declare for the record's
/// kind. At the stage name, with a did-you-mean.
pub const UNKNOWN_STAGE: &str = "record::unknown-stage";

/// `status` is not one of `not-started`, `in-progress`, `staged`,
/// `completed`. At the value, with a did-you-mean. Unlike other errors it
/// does not drop the record: the record is checked as one without a status
/// and counted `unknown` in progress (the run still exits 2).
pub const UNKNOWN_STATUS: &str = "record::unknown-status";

/// Warning: a top-level key one edit away from a known field (`deadlin`).
/// The value is kept as an extra field and not read as the core field.
pub const UNKNOWN_FIELD: &str = "record::unknown-field";

/// A key that a nested mapping does not allow: an error in a stage entry;
/// a warning in `responsible`, an extension, a waiver or a ledger file's
/// top level. At the key, with a did-you-mean.
pub const UNKNOWN_KEY: &str = "record::unknown-key";

/// Warning: a stage's date or an extension's `approved_on` is after the
/// evaluation date (`--as-of`). Not known yet on that day: the stage counts
/// as not recorded, the extension as not approved. At the date.
pub const FUTURE_DATE: &str = "record::future-date";

/// Warning: the file holds no records at all.
pub const EMPTY_FILE: &str = "record::empty-file";

/// An error at `span`.
pub(crate) fn error(code: &'static str, span: Span, message: Message) -> Diagnostic {
    Diagnostic::error(code, span, message)
}

/// Whether a diagnostic is an error (a warning keeps the record).
pub(crate) fn is_error(d: &Diagnostic) -> bool {
    d.severity == Severity::Error
}

/// "did you mean `x`?" for the closest of `candidates` within two edits.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<Message> {
    let limit = 2.max(word.chars().count() / 3);
    crate::suggest::within(word, candidates, limit, crate::suggest::Metric::Damerau)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, c)| crate::diag::did_you_mean(c))
}
