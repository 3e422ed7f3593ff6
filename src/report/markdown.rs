//! `--format markdown`: a summary for a pull-request comment: the counts,
//! the unit scoreboard, then every finding and input diagnostic as a table
//! row. Every cell is plain text shown through [`super::neutral`]: HTML,
//! backticks, pipes and markdown punctuation from records are escaped, ids
//! and places are code spans no backtick can break out of, and a line break
//! is shown as `[U+000A]`, so a record can neither break the table nor put
//! markup in the comment.

use std::io::{self, Write};

use crate::i18n::Catalogue;
use crate::outcome::Outcome;

use super::json::{files, finding_position};
use super::table::Table;

pub fn write(outcome: &Outcome, words: &Catalogue, out: &mut dyn Write) -> io::Result<()> {
    let s = &outcome.summary;
    writeln!(out, "## rectify: {}\n", headline(outcome))?;
    writeln!(
        out,
        "As of {}: {} records in {} files.\n",
        outcome.as_of,
        outcome.records,
        outcome.files.len()
    )?;
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
        writeln!(out, "\n### Unit scoreboard\n")?;
        scoreboard(outcome).markdown(out)?;
    }
    if !outcome.findings.is_empty() {
        writeln!(out, "\n### Findings\n")?;
        findings(outcome, words).markdown(out)?;
    }
    if !outcome.input_errors.is_empty() {
        writeln!(out, "\n### Input diagnostics\n")?;
        inputs(outcome, words).markdown(out)?;
    }
    Ok(())
}

/// `4 errors, 1 warning` or `no findings`.
fn headline(outcome: &Outcome) -> String {
    let s = &outcome.summary;
    let mut parts = Vec::new();
    for (n, word) in [
        (s.errors, "error"),
        (s.warnings, "warning"),
        (s.infos, "info"),
        (s.commendations, "commendation"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {word}{}", if n == 1 { "" } else { "s" }));
        }
    }
    if s.waived > 0 {
        parts.push(format!("{} waived", s.waived));
    }
    if parts.is_empty() {
        "no findings".to_string()
    } else {
        parts.join(", ")
    }
}

/// Units worst score first, then by name.
pub fn scoreboard(outcome: &Outcome) -> Table {
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
            u.grade.clone(),
        ]);
    }
    table
}

fn findings(outcome: &Outcome, words: &Catalogue) -> Table {
    let mut table = Table::new(&[
        "location", "record", "rule", "severity", "message", "points#", "reward#",
    ])
    .with_code(&[0, 2]);
    for f in &outcome.findings {
        let file = outcome.finding_file(f);
        let at = match (file, finding_position(file, f)) {
            (Some(file), Some((l, c))) => format!("{}:{l}:{c}", file.name),
            (Some(file), None) => file.name.clone(),
            _ => String::new(),
        };
        let rule = outcome.rules.get(f.rule).map_or("", |r| r.id.as_str());
        let (severity, penalty, reward) = if let Some(note) = f.waiver_note(words) {
            let severity = f.severity.as_str();
            let zero = || "0".to_string();
            (format!("{severity} (waived, {note})"), zero(), zero())
        } else {
            let severity = f.severity.as_str().to_string();
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
            message.push_str(&format!("; help: {}", help.say(words).replace('\n', "; ")));
        }
        table.push(vec![
            at,
            e.code.clone(),
            e.severity.as_str().to_string(),
            message,
        ]);
    }
    table
}
