//! Waiver authority: whether a record may waive its own findings, who may
//! approve a waiver, and for how long (`[waivers]` in `rectify.toml`).
//!
//! A waiver the authority refuses is an error at the offending value and
//! waives nothing. The same checks apply to inline waivers and to waiver
//! files, except `inline = "deny"`, which only concerns inline ones.
//!
//! Diagnostics, each an error at the offending value:
//!
//! - `waiver::inline-denied`: a waiver written in a record when
//!   `waivers.inline = "deny"`, at the waiver;
//! - `waiver::not-an-approver`: `approved_by` names no one in
//!   `waivers.approvers`, at the name;
//! - `waiver::too-long`: `until` is more than `waivers.max-days` after the
//!   evaluation date, at the date.
//!
//! Owns: the checks. Must not: decide what a waiver matches (that is
//! `waivers` and `file`).

use jiff::civil::Date;

use crate::config::{InlineWaivers, WaiverAuthority};
use crate::diag::{Message, Severity};
use crate::outcome::{InputError, Origin, Place};
use crate::source::{Span, Spanned};

/// Where a waiver is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// In the record it waives (`waivers:` in the record).
    Inline,
    /// In a waiver file (`--waivers FILE`).
    File,
}

/// The parts of a waiver the authority judges.
pub struct Claim<'a> {
    pub source: Source,
    /// The whole waiver.
    pub span: Span,
    pub approved_by: Option<&'a Spanned<String>>,
    pub until: Option<&'a Spanned<Date>>,
}

impl WaiverAuthority {
    /// Every reason to refuse a waiver, as errors located in file `file`;
    /// empty when the authority accepts it.
    pub fn refusals(&self, claim: &Claim<'_>, as_of: Date, file: usize) -> Vec<InputError> {
        let at = |span| Some(Place { file, span });
        if claim.source == Source::Inline && self.inline == InlineWaivers::Deny {
            let mut e = refusal(
                "waiver::inline-denied",
                "waiver-inline-denied".into(),
                at(claim.span),
            );
            e.help = Some("waiver-inline-denied.help".into());
            return vec![e];
        }
        let mut out = Vec::new();
        if let Some(by) = claim.approved_by.filter(|by| !self.may_approve(&by.value)) {
            let mut e = refusal(
                "waiver::not-an-approver",
                Message::new("waiver-not-an-approver")
                    .text("name", crate::units::visible(&by.value)),
                at(by.span),
            );
            e.help = Some(self.approvers_help(&by.value));
            out.push(e);
        }
        if let (Some(until), Some(days)) = (claim.until, self.max_days) {
            if until.value > last_allowed(as_of, days) {
                let message = Message::new("waiver-too-long")
                    .text("until", until.value.to_string())
                    .int("days", days.into())
                    .text("as-of", as_of.to_string());
                let mut e = refusal("waiver::too-long", message, at(until.span));
                e.help = Some(Message::new("waiver-too-long.help").int("days", days.into()));
                out.push(e);
            }
        }
        out
    }

    /// Whether `name` may approve a waiver: any name when no approvers are
    /// listed, else one of them, compared as unit names are (so case,
    /// spacing and invisible characters do not matter).
    pub fn may_approve(&self, name: &str) -> bool {
        if self.approvers.is_empty() {
            return true;
        }
        let key = crate::units::key(name);
        self.approvers.iter().any(|a| crate::units::key(a) == key)
    }

    fn approvers_help(&self, name: &str) -> Message {
        let names: Vec<&str> = self.approvers.iter().map(String::as_str).collect();
        let suggestion = crate::suggest::did_you_mean(name, names.iter().copied());
        let help = match suggestion {
            Some(name) => Message::new("waiver-not-an-approver.help-suggest")
                .said("suggest", crate::diag::did_you_mean(name)),
            None => Message::new("waiver-not-an-approver.help"),
        };
        help.names("approvers", crate::diag::Join::Plain, &names)
    }
}

/// The last `until` a waiver may carry: `days` after the evaluation date
/// (or no limit, past the end of the calendar).
fn last_allowed(as_of: Date, days: u32) -> Date {
    jiff::Span::new()
        .try_days(i64::from(days))
        .ok()
        .and_then(|span| as_of.checked_add(span).ok())
        .unwrap_or(Date::MAX)
}

fn refusal(code: &str, message: Message, place: Option<Place>) -> InputError {
    InputError::new(code, Severity::Error, message, Origin::Record, place)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn claim<'a>(source: Source, by: &'a Spanned<String>, until: &'a Spanned<Date>) -> Claim<'a> {
        Claim {
            source,
            span: Span::new(0, 40),
            approved_by: Some(by),
            until: Some(until),
        }
    }

    fn codes(errors: Vec<InputError>) -> Vec<String> {
        errors.into_iter().map(|e| e.code).collect()
    }

    #[test]
    fn the_default_accepts_every_waiver() {
        let by = Spanned::new("me".to_string(), Span::new(30, 32));
        let until = Spanned::new(date(9999, 12, 31), Span::new(10, 20));
        let as_of = date(2025, 6, 30);
        let refusals =
            WaiverAuthority::default().refusals(&claim(Source::Inline, &by, &until), as_of, 0);
        assert!(refusals.is_empty());
    }

    #[test]
    fn deny_refuses_inline_waivers_only() {
        let authority = WaiverAuthority {
            inline: InlineWaivers::Deny,
            ..WaiverAuthority::default()
        };
        let by = Spanned::new("me".to_string(), Span::new(30, 32));
        let until = Spanned::new(date(2025, 7, 1), Span::new(10, 20));
        let as_of = date(2025, 6, 30);
        assert_eq!(
            codes(authority.refusals(&claim(Source::Inline, &by, &until), as_of, 0)),
            ["waiver::inline-denied"]
        );
        assert!(
            authority
                .refusals(&claim(Source::File, &by, &until), as_of, 0)
                .is_empty()
        );
    }

    #[test]
    fn approvers_compare_like_unit_names() {
        let authority = WaiverAuthority {
            approvers: vec!["Jiangsu Provincial Leading Group".into()],
            ..WaiverAuthority::default()
        };
        assert!(authority.may_approve("jiangsu provincial  leading group\u{200B} "));
        assert!(!authority.may_approve("me"));
        let help = authority
            .approvers_help("Jiangsu Provincial Leading Grop")
            .english();
        assert!(
            help.starts_with("did you mean `Jiangsu Provincial Leading Group`?"),
            "{help}"
        );
    }

    #[test]
    fn max_days_counts_from_the_evaluation_date_inclusive() {
        let authority = WaiverAuthority {
            max_days: Some(30),
            ..WaiverAuthority::default()
        };
        let by = Spanned::new("me".to_string(), Span::new(30, 32));
        let as_of = date(2025, 6, 30);
        let ok = Spanned::new(date(2025, 7, 30), Span::new(10, 20));
        let late = Spanned::new(date(2025, 7, 31), Span::new(10, 20));
        assert!(
            authority
                .refusals(&claim(Source::File, &by, &ok), as_of, 0)
                .is_empty()
        );
        let refused = authority.refusals(&claim(Source::File, &by, &late), as_of, 3);
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].code, "waiver::too-long");
        assert_eq!(
            refused[0].message.english(),
            "waiver runs until 2025-07-31, more than 30 days after 2025-06-30"
        );
        assert_eq!(
            refused[0].place.map(|p| (p.file, p.span)),
            Some((3, Span::new(10, 20)))
        );
    }

    #[test]
    fn a_huge_max_days_is_no_limit() {
        assert_eq!(last_allowed(date(2025, 6, 30), u32::MAX), Date::MAX);
    }
}
