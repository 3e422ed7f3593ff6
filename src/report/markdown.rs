//! `--format markdown`: a summary for a pull-request comment: the counts,
//! the unit scoreboard, then every finding and input diagnostic as a table
//! row. Every cell is plain text shown through [`super::neutral`]: HTML,
//! backticks, pipes and markdown punctuation from records are escaped, ids
//! and places are code spans no backtick can break out of, and a line break
//! is shown as `[U+000A]`, so a record can neither break the table nor put
//! markup in the comment.

use std::io::{self, Write};

use crate::i18n::{Args, Catalogue};
use crate::outcome::Outcome;

use super::json::{files, finding_position};
use super::table::Table;

pub fn write(outcome: &Outcome, words: &Catalogue, out: &mut dyn Write) -> io::Result<()> {
    let s = &outcome.summary;
    let title = Args::new().text("headline", headline(outcome, words));
    writeln!(out, "## {}\n", words.format("markdown-title", &title))?;
    let scope = Args::new()
        .text("date", outcome.as_of.to_string())
        .int("records", count(outcome.records))
        .int("files", count(outcome.files.len()));
    writeln!(out, "{}\n", words.format("markdown-scope", &scope))?;
    let mut counts = Table::new(&[
        "errors#",
        "warnings#",
        "infos#",
        "waived#",
        "pending#",
        "points#",
        "commendations#",
        "reward#",
    ]);
    relabel(&mut counts, "markdown-column", words);
    counts.push(vec![
        s.errors.to_string(),
        s.warnings.to_string(),
        s.infos.to_string(),
        s.waived.to_string(),
        s.pending.to_string(),
        s.penalty.to_string(),
        s.commendations.to_string(),
        s.reward.to_string(),
    ]);
    counts.markdown(out)?;
    if !outcome.units.is_empty() {
        let heading = words.text("markdown-heading.scoreboard");
        writeln!(out, "\n### {heading}\n")?;
        let mut board = scoreboard(outcome, words.lang());
        relabel(&mut board, "scoreboard", words);
        board.markdown(out)?;
    }
    if !outcome.findings.is_empty() {
        writeln!(out, "\n### {}\n", words.text("markdown-heading.findings"))?;
        findings(outcome, words).markdown(out)?;
    }
    if !outcome.input_errors.is_empty() {
        writeln!(out, "\n### {}\n", words.text("markdown-heading.inputs"))?;
        inputs(outcome, words).markdown(out)?;
    }
    Ok(())
}

/// A count as a catalogue number (counts are far below `i64::MAX`).
fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Each column heading of `table` from attribute `group.<heading>` of the
/// catalogue (`markdown-column.errors`), its English name being the key.
fn relabel(table: &mut Table, group: &str, words: &Catalogue) {
    for header in &mut table.headers {
        *header = words.text(&format!("{group}.{header}"));
    }
}

/// `4 errors, 1 warning` or `no findings`.
fn headline(outcome: &Outcome, words: &Catalogue) -> String {
    let s = &outcome.summary;
    let mut parts = Vec::new();
    for (n, id) in [
        (s.errors, "count-errors"),
        (s.warnings, "count-warnings"),
        (s.infos, "count-infos"),
        (s.commendations, "count-commendations"),
    ] {
        if n > 0 {
            parts.push(words.format(id, &Args::new().count("n", n)));
        }
    }
    if s.waived > 0 {
        parts.push(words.format("markdown-waived", &Args::new().count("n", s.waived)));
    }
    if parts.is_empty() {
        words.text("markdown-no-findings")
    } else {
        crate::diag::join(words, crate::diag::Join::Plain, parts)
    }
}

/// Units worst score first, then by name; English column headings (the
/// keys of the catalogue's `scoreboard` attributes).
pub fn scoreboard(outcome: &Outcome, lang: crate::i18n::Lang) -> Table {
    let mut units: Vec<_> = outcome.units.iter().collect();
    units.sort_by(|a, b| a.score.cmp(&b.score).then_with(|| a.unit.cmp(&b.unit)));
    let mut table = Table::new(&[
        "unit",
        "records#",
        "findings#",
        "penalty#",
        "reward#",
        "score#",
        "grade",
    ]);
    for u in units {
        table.push(vec![
            u.unit.clone(),
            u.records.to_string(),
            u.findings.to_string(),
            u.penalty.to_string(),
            u.reward.to_string(),
            u.score.to_string(),
            u.grade_in(lang).to_string(),
        ]);
    }
    table
}

fn findings(outcome: &Outcome, words: &Catalogue) -> Table {
    let mut table = Table::new(&[
        "location", "record", "rule", "severity", "message", "points#", "reward#",
    ])
    .with_code(&[0, 2]);
    relabel(&mut table, "markdown-column", words);
    for f in &outcome.findings {
        let file = outcome.finding_file(f);
        let at = match (file, finding_position(file, f)) {
            (Some(file), Some((l, c))) => format!("{}:{l}:{c}", file.name),
            (Some(file), None) => file.name.clone(),
            _ => String::new(),
        };
        let rule = outcome.rules.get(f.rule).map_or("", |r| r.id.as_str());
        let severity = super::severity_word(f.severity, words);
        let (severity, penalty, reward) = if let Some(note) = f.waiver_note(words) {
            let waived = Args::new().text("severity", severity).text("note", note);
            let zero = || "0".to_string();
            (
                words.format("markdown-waived-severity", &waived),
                zero(),
                zero(),
            )
        } else {
            (severity, f.penalty.to_string(), f.reward.to_string())
        };
        table.push(vec![
            at,
            f.subject(),
            rule.to_string(),
            severity,
            f.message(words),
            penalty,
            reward,
        ]);
    }
    table
}

fn inputs(outcome: &Outcome, words: &Catalogue) -> Table {
    let mut table = Table::new(&["location", "code", "severity", "message"]).with_code(&[0, 1]);
    relabel(&mut table, "markdown-column", words);
    for e in &outcome.input_errors {
        let file = e.place.and_then(|p| files(outcome, e.origin).get(p.file));
        let at = match (file, e.place) {
            (Some(f), Some(p)) => match f.line_col(p.span.start) {
                Some((l, c)) => format!("{}:{l}:{c}", f.name),
                None => f.name.clone(),
            },
            _ => String::new(),
        };
        let mut message = e.message.say(words);
        if let Some(help) = &e.help {
            // One line: a cell shows a line feed as `[U+000A]`.
            let help = help
                .say(words)
                .replace('\n', &words.text("verdict-separator"));
            let both = Args::new().text("message", message).text("help", help);
            message = words.format("markdown-with-help", &both);
        }
        table.push(vec![
            at,
            e.code.clone(),
            super::severity_word(e.severity, words),
            message,
        ]);
    }
    table
}
