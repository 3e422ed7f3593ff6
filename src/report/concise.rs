//! The concise format: one line per finding and input diagnostic, then the
//! summary line — greppable, and short on long runs, as ruff's concise
//! output is.
//!
//! `file:line:col: rule: message [points]`. The bracket gives what the
//! finding costs or earns: `[1.4 points]`, `[reward 1.5 points]`,
//! `[waived]`; a finding that costs nothing has none. A finding whose place
//! is unknown drops the position (`file: rule: …`), one without a file the
//! file too. An input diagnostic gives its code where a finding gives its
//! rule. Findings come in the report's order (file, then place), then input
//! diagnostics.
//!
//! File names and messages pass through [`super::neutral`], so no value
//! from a record can start a line of its own.

use std::io::{self, Write};

use crate::diag::Severity;
use crate::outcome::{Finding, InputError, Outcome, Scope};

use super::Style;
use super::diagnostic::points_in;
use super::neutral;
use super::region::{Locator, Region};
use super::text::summary_line;

pub fn write(outcome: &Outcome, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let words = style.lang.catalogue();
    let mut locator = Locator::default();
    for f in &outcome.findings {
        finding(&outcome.scope(), f, words, &mut locator, out)?;
    }
    tail(outcome, style, &mut locator, out)
}

/// One finding's line.
pub(crate) fn finding(
    scope: &Scope<'_>,
    f: &Finding,
    words: &crate::i18n::Catalogue,
    locator: &mut Locator,
    out: &mut dyn Write,
) -> io::Result<()> {
    let file = scope.finding_file(f).map(|s| s.name.as_str());
    let region = locator.finding(scope, f);
    let rule = scope.rules.get(f.rule).map_or("", |r| r.id.as_str());
    writeln!(
        out,
        "{}{}: {}{}",
        place(file, region),
        rule,
        neutral::text(&f.message(words)),
        cost(words, f)
    )
}

/// What follows the findings: the input diagnostics, then the summary line.
pub(crate) fn tail(
    outcome: &Outcome,
    style: &Style,
    locator: &mut Locator,
    out: &mut dyn Write,
) -> io::Result<()> {
    let words = style.lang.catalogue();
    for e in &outcome.input_errors {
        writeln!(out, "{}", input_error(outcome, e, words, locator))?;
    }
    writeln!(
        out,
        "{}",
        summary_line(words, &outcome.summary, outcome.input_errors.len())
    )
}

/// `file:line:col: `, `file: ` or nothing.
fn place(file: Option<&str>, region: Option<Region>) -> String {
    match (file, region) {
        (
            Some(file),
            Some(Region {
                start: (line, col), ..
            }),
        ) => {
            format!("{}:{line}:{col}: ", neutral::text(file))
        }
        (Some(file), None) => format!("{}: ", neutral::text(file)),
        (None, _) => String::new(),
    }
}

/// ` [1.4 points]`, ` [reward 1.5 points]`, ` [waived]` or nothing.
fn cost(words: &crate::i18n::Catalogue, f: &Finding) -> String {
    let points = |p| points_in(words, p);
    if f.waived {
        format!(" [{}]", words.text("concise-waived"))
    } else if f.severity == Severity::Commendation && f.reward.0 > 0 {
        let reward = words.format(
            "concise-reward",
            &crate::i18n::Args::new().text("points", points(f.reward)),
        );
        format!(" [{reward}]")
    } else if f.penalty.0 > 0 {
        format!(" [{}]", points(f.penalty))
    } else {
        String::new()
    }
}

fn input_error(
    outcome: &Outcome,
    e: &InputError,
    words: &crate::i18n::Catalogue,
    locator: &mut Locator,
) -> String {
    let (file, region) = locator.input_error(outcome, e);
    format!(
        "{}{}: {}",
        place(file.map(|s| s.name.as_str()), region),
        neutral::text(&e.code),
        neutral::text(&e.message.say(words))
    )
}
