//! GitHub Actions workflow commands: one annotation per finding and input
//! error, shown on the changed lines of a pull request.
//!
//! `::error file=F,line=L,col=C,endLine=L,endColumn=C,title=T::message`;
//! a warning is `::warning`, an info `::notice`. A waived finding is a
//! `::notice` whose title says it is waived, so reviewers see what a waiver
//! covers without it failing anything. `endColumn` is inclusive (the column
//! of the span's last character), as GitHub draws it; GitHub uses `col` and
//! `endColumn` only when the annotation is on one line. A finding with no
//! known position names only its file. After the annotations, one summary
//! line (not a command) says what was found.
//!
//! Values from records and file names pass through [`super::neutral`]
//! first (control characters shown as `[U+001B]`); then escaping follows
//! GitHub's runner: in the message `%`, `\r`, `\n` become `%25`, `%0D`,
//! `%0A`; in property values `:` and `,` also become `%3A` and `%2C`.
//! File names are given as written below the project root, without a
//! leading `./`.

use std::io::{self, Write};

use crate::diag::Severity;
use crate::i18n::{Args, Catalogue};
use crate::outcome::{Finding, InputError, Outcome, Scope};

use super::diagnostic::points_in;
use super::neutral::{self, command_data, command_property};
use super::region::{Locator, Region, clean};

pub fn write(outcome: &Outcome, words: &Catalogue, out: &mut dyn Write) -> io::Result<()> {
    let mut locator = Locator::default();
    for f in &outcome.findings {
        finding(&outcome.scope(), f, words, &mut locator, out)?;
    }
    tail(outcome, words, &mut locator, out)
}

/// What follows the findings' annotations: the input errors', then the
/// summary line.
pub(crate) fn tail(
    outcome: &Outcome,
    words: &Catalogue,
    locator: &mut Locator,
    out: &mut dyn Write,
) -> io::Result<()> {
    for e in &outcome.input_errors {
        writeln!(out, "{}", input_error(outcome, e, words, locator))?;
    }
    let s = &outcome.summary;
    let count = |id: &str, n: usize| words.format(id, &Args::new().count("n", n));
    let summary = Args::new()
        .text("errors", count("count-errors", s.errors))
        .text("warnings", count("count-warnings", s.warnings))
        .text("infos", count("count-infos", s.infos))
        .count("waived", s.waived)
        .count("pending", s.pending)
        .text("penalty", points_in(words, s.penalty));
    writeln!(out, "{}", words.format("github-summary", &summary))
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Commendation => "notice",
    }
}

/// One finding's annotation line.
pub(crate) fn finding(
    scope: &Scope<'_>,
    f: &Finding,
    words: &Catalogue,
    locator: &mut Locator,
    out: &mut dyn Write,
) -> io::Result<()> {
    // A group rule's finding sits at its rule: annotate the rule file only
    // when it is in the repository (not the bundled rule set).
    let file = scope.finding_file(f).filter(|s| s.on_disk());
    let region = file.and_then(|_| locator.finding(scope, f));
    let id = scope.rules.get(f.rule).map_or("", |r| r.id.as_str());
    let subject = f.subject();
    let (name, title) = if f.waived {
        let waived = Args::new().text("rule", id).text("subject", subject);
        ("notice", words.format("github-waived-title", &waived))
    } else {
        (command(f.severity), format!("{id}: {subject}"))
    };
    let mut message = f.message(words);
    if let Some(approval) = f.waiver_note(words) {
        let note = Args::new().text("note", approval);
        message.push_str(&words.format("annotation-waiver", &note));
    }
    if !f.waived && f.penalty.0 > 0 {
        let points = Args::new().text("points", points_in(words, f.penalty));
        message.push_str(&words.format("annotation-penalty", &points));
    }
    if !f.waived && f.reward.0 > 0 {
        let points = Args::new().text("points", points_in(words, f.reward));
        message.push_str(&words.format("annotation-reward", &points));
    }
    let line = annotation(
        name,
        file.map(|s| s.name.as_str()),
        region,
        &title,
        &message,
    );
    writeln!(out, "{line}")
}

fn input_error(
    outcome: &Outcome,
    e: &InputError,
    words: &Catalogue,
    locator: &mut Locator,
) -> String {
    let (file, region) = locator.input_error(outcome, e);
    let mut message = e.message.say(words);
    if let Some(help) = &e.help {
        message.push_str(&format!("\nhelp: {}", help.say(words)));
    }
    let name = command(e.severity);
    annotation(
        name,
        file.map(|s| s.name.as_str()),
        region,
        &e.code,
        &message,
    )
}

/// One workflow command line. `file`, `title` and `message` are shown
/// through [`neutral::lines`] (line feeds the caller put in `message` stay
/// line breaks in the annotation) before the command escapes.
pub fn annotation(
    name: &str,
    file: Option<&str>,
    region: Option<Region>,
    title: &str,
    message: &str,
) -> String {
    let mut props: Vec<(&str, String)> = Vec::new();
    if let Some(file) = file {
        props.push(("file", neutral::text(&clean(file)).into_owned()));
    }
    if let Some(r) = region {
        let (line, col) = r.start;
        props.push(("line", line.to_string()));
        props.push(("col", col.to_string()));
        if let Some((end_line, end_col)) = r.end {
            // Exclusive end to inclusive. On one line: the last character's
            // column. Across lines GitHub ignores columns, so give the line
            // only (a span ending at a line start ends on the line before).
            if end_line == line {
                props.push(("endLine", line.to_string()));
                props.push(("endColumn", end_col.saturating_sub(1).max(col).to_string()));
            } else {
                let last = if end_col == 1 { end_line - 1 } else { end_line };
                props.push(("endLine", last.max(line).to_string()));
            }
        }
    }
    props.push(("title", neutral::text(title).into_owned()));
    let props: Vec<String> = props
        .iter()
        .map(|(k, v)| format!("{k}={}", command_property(v)))
        .collect();
    format!(
        "::{name} {}::{}",
        props.join(","),
        command_data(&neutral::lines(message))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_runner() {
        let line = annotation(
            "error",
            Some("./a:b,c.yaml"),
            None,
            "t\x1b:",
            "100% done\nnext",
        );
        assert_eq!(
            line,
            "::error file=a%3Ab%2Cc.yaml,title=t[U+001B]%3A::100%25 done%0Anext"
        );
    }

    #[test]
    fn a_multi_line_span_ending_at_a_line_start_ends_on_the_line_before() {
        let region = Region {
            start: (3, 5),
            end: Some((5, 1)),
            chars: None,
        };
        let line = annotation("error", Some("a.yaml"), Some(region), "t", "m");
        assert_eq!(
            line,
            "::error file=a.yaml,line=3,col=5,endLine=4,title=t::m"
        );
    }
}
