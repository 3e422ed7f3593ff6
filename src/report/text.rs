//! The text formats: `human` (miette's graphical handler) and `plain` (its
//! narratable handler), each followed by the same footer: the counts, the
//! unit scoreboard, per-kind progress and the stages due soon.
//!
//! Every value from a record is shown through [`super::neutral`].
//!
//! Owns: the layout of the footer. Must not: compute scores or counts (they
//! come in the outcome), or read the clock (`as_of` is the outcome's).

use std::fmt;
use std::io::{self, Write};

use miette::{GraphicalReportHandler, GraphicalTheme, NarratableReportHandler};
use unicode_width::UnicodeWidthStr;

use crate::i18n::{Args, Catalogue, group_thousands};
use crate::outcome::{KindProgress, Outcome, Summary, UnitScore};

use super::Style;
use super::diagnostic::{self, Diag};
use super::neutral;

/// Every finding, then every input error, then the footer.
pub fn human(outcome: &Outcome, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .without_syntax_highlighting()
        .with_show_related_as_nested(true);
    diagnostics(outcome, style, out, |f, d| handler.render_report(f, d))?;
    footer(outcome, style, out)
}

/// As [`human`], in miette's narratable form (screen readers, logs).
pub fn plain(outcome: &Outcome, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let handler = NarratableReportHandler::new();
    diagnostics(outcome, style, out, |f, d| handler.render_report(f, d))?;
    footer(outcome, style, out)
}

/// Render each diagnostic with `render`, followed by a blank line. A
/// diagnostic whose snippet cannot be rendered is shown without it.
/// Findings are rendered on `style.jobs` threads, a window at a time, and
/// written in order.
fn diagnostics(
    outcome: &Outcome,
    style: &Style,
    out: &mut dyn Write,
    render: impl Fn(&mut String, &Diag) -> fmt::Result + Sync,
) -> io::Result<()> {
    let outcome = &*diagnostic::shown_sources(outcome);
    let words = style.lang.catalogue();
    // A rule's snippet is shown with its first finding only: a long run
    // would otherwise repeat the same five lines under every finding. The
    // rule's id still heads each diagnostic, and its help stays.
    let mut shown = vec![false; outcome.rules.len()];
    let first: Vec<bool> = (outcome.findings.iter())
        .map(|f| {
            shown
                .get_mut(f.rule)
                .is_none_or(|seen| !std::mem::replace(seen, true))
        })
        .collect();
    let finding = |i: usize| -> io::Result<Vec<u8>> {
        let f = &outcome.findings[i];
        let diag = diagnostic::finding(outcome, f, words);
        let diag = if first[i] {
            diag
        } else {
            diag.without_related()
        };
        let mut text = Vec::new();
        write_diagnostic(&diag, &render, &mut text)?;
        Ok(text)
    };
    in_order(outcome.findings.len(), style.jobs, finding, out)?;
    for e in &outcome.input_errors {
        write_diagnostic(&diagnostic::input_error(outcome, e, words), &render, out)?;
    }
    Ok(())
}

/// Findings rendered at once, at most: a window's text is all that waits
/// to be written.
const WINDOW: usize = 1024;

/// Write `one(i)` for every `i` in `0..count`, in order, computing a
/// window of them at a time on `jobs` threads (this one alone for one job,
/// or if threads cannot be started).
fn in_order(
    count: usize,
    jobs: usize,
    one: impl Fn(usize) -> io::Result<Vec<u8>> + Sync,
    out: &mut dyn Write,
) -> io::Result<()> {
    use rayon::prelude::*;
    let pool = (jobs > 1 && count > 1)
        .then(|| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(jobs)
                .build()
                .ok()
        })
        .flatten();
    let Some(pool) = pool else {
        return (0..count).try_for_each(|i| out.write_all(&one(i)?));
    };
    for start in (0..count).step_by(WINDOW) {
        let end = count.min(start + WINDOW);
        let texts: Vec<io::Result<Vec<u8>>> =
            pool.install(|| (start..end).into_par_iter().map(&one).collect());
        for text in texts {
            out.write_all(&text?)?;
        }
    }
    Ok(())
}

/// One diagnostic rendered by `render`, then a blank line; shown without
/// its snippets when they cannot be rendered.
pub(crate) fn write_diagnostic(
    diag: &Diag,
    render: impl Fn(&mut String, &Diag) -> fmt::Result,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut text = String::new();
    if render(&mut text, diag).is_err() {
        text.clear();
        render(&mut text, &diag.without_snippets())
            .map_err(|_| io::Error::other("cannot render a diagnostic"))?;
    }
    out.write_all(text.trim_end().as_bytes())?;
    out.write_all(b"\n\n")
}

/// Counts, scoreboard, progress and what is due soon, in `style.lang`.
fn footer(outcome: &Outcome, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let words = style.lang.catalogue();
    writeln!(
        out,
        "{}",
        summary_line(words, &outcome.summary, outcome.input_errors.len())
    )?;
    if !outcome.units.is_empty() {
        writeln!(out)?;
        scoreboard(words, &outcome.units, out)?;
    }
    if !outcome.progress.is_empty() {
        writeln!(out)?;
        let parts: Vec<String> = outcome
            .progress
            .iter()
            .map(|p| progress(words, p))
            .collect();
        let parts = parts.join(&words.text("progress-separator"));
        let line = words.format("progress", &Args::new().text("parts", parts));
        writeln!(out, "{}", neutral::text(&line))?;
    }
    if let Some(days) = style.due_within {
        due_soon(words, outcome, days, out)?;
    }
    Ok(())
}

/// `summary: 3 errors, 1 warning, 0 infos, 1 waived, 4 pending; penalty 7.5 points`
pub(crate) fn summary_line(words: &Catalogue, s: &Summary, input_errors: usize) -> String {
    let counted = |id: &str, n: usize| words.format(id, &Args::new().count("n", n));
    let points = |p| diagnostic::points_in(words, p);
    let mut line = words.format(
        "summary",
        &Args::new()
            .text("errors", counted("count-errors", s.errors))
            .text("warnings", counted("count-warnings", s.warnings))
            .text("infos", counted("count-infos", s.infos))
            .count("waived", s.waived)
            .count("pending", s.pending)
            .text("penalty", points(s.penalty)),
    );
    if s.commendations > 0 {
        line.push_str(
            &words.format(
                "summary-rewards",
                &Args::new()
                    .text(
                        "commendations",
                        counted("count-commendations", s.commendations),
                    )
                    .text("reward", points(s.reward)),
            ),
        );
    }
    if input_errors > 0 {
        line.push_str(&words.format(
            "summary-inputs",
            &Args::new().text("diagnostics", counted("count-diagnostics", input_errors)),
        ));
    }
    line
}

/// The scoreboard's columns, by catalogue attribute of `scoreboard`.
const COLUMNS: [&str; 7] = [
    "unit", "records", "findings", "penalty", "reward", "score", "grade",
];

/// An aligned table, worst score first, then by unit name.
fn scoreboard(words: &Catalogue, units: &[UnitScore], out: &mut dyn Write) -> io::Result<()> {
    let mut sorted: Vec<&UnitScore> = units.iter().collect();
    sorted.sort_by(|a, b| a.score.cmp(&b.score).then_with(|| a.unit.cmp(&b.unit)));
    let rows: Vec<[String; 7]> = sorted
        .iter()
        .map(|u| {
            [
                neutral::text(&u.unit).into_owned(),
                count(u.records),
                count(u.findings),
                u.penalty.to_string(),
                u.reward.to_string(),
                u.score.to_string(),
                neutral::text(u.grade_in(words.lang())).into_owned(),
            ]
        })
        .collect();
    let headers = COLUMNS.map(|c| words.text(&format!("scoreboard.{c}")));
    let mut widths = headers.each_ref().map(|h| h.width());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    row(&headers, &widths, out)?;
    rows.iter().try_for_each(|r| row(r, &widths, out))
}

/// One table row: names left-aligned, numbers right-aligned.
fn row(cells: &[String; 7], widths: &[usize; 7], out: &mut dyn Write) -> io::Result<()> {
    let mut line = String::new();
    for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
        let pad = " ".repeat(width.saturating_sub(cell.width()));
        let sep = if i == 0 { "" } else { "  " };
        match i {
            0 | 6 => line.push_str(&format!("{sep}{cell}{pad}")),
            _ => line.push_str(&format!("{sep}{pad}{cell}")),
        }
    }
    writeln!(out, "{}", line.trim_end())
}

/// `tasks: 16 of 41 completed (2 late), 3 overdue`,
/// `petitions: 3,319 of 3,411 closed (40 late), 5 overdue`.
fn progress(words: &Catalogue, p: &KindProgress) -> String {
    let (id, done) = match p.kind.as_str() {
        "task" => ("progress-task", p.completed),
        "petition" => ("progress-petition", p.closed),
        _ => ("progress-other", p.completed),
    };
    let kinds = if p.kind.ends_with('s') {
        p.kind.clone()
    } else {
        format!("{}s", p.kind)
    };
    words.format(
        id,
        &Args::new()
            .text("kind", kinds)
            .count("done", done)
            .count("total", p.total)
            .count("late", p.late)
            .count("overdue", p.overdue),
    )
}

/// Stages not yet recorded and due within `days` of the evaluation date.
fn due_soon(
    words: &Catalogue,
    outcome: &Outcome,
    days: u32,
    out: &mut dyn Write,
) -> io::Result<()> {
    let until = outcome
        .as_of
        .checked_add(jiff::Span::new().days(i64::from(days)))
        .unwrap_or(jiff::civil::Date::MAX);
    let mut soon: Vec<_> = outcome
        .pending
        .iter()
        .filter(|p| p.due >= outcome.as_of && p.due <= until)
        .collect();
    soon.sort_by(|a, b| (a.due, &a.record, &a.stage).cmp(&(b.due, &b.record, &b.stage)));
    writeln!(out)?;
    let days = Args::new().count("days", days as usize);
    if soon.is_empty() {
        return writeln!(out, "{}", words.format("due-soon-none", &days));
    }
    writeln!(out, "{}", words.format("due-soon", &days))?;
    for p in soon {
        let file = outcome.files.get(p.file).map_or("", |f| f.name.as_str());
        writeln!(
            out,
            "  {}  {}  `{}`  {}  ({})",
            p.due,
            neutral::text(&p.record),
            neutral::text(&p.stage),
            neutral::text(&p.unit),
            neutral::text(file)
        )?;
    }
    Ok(())
}

/// `3,319`: digits grouped by thousands.
fn count(n: usize) -> String {
    group_thousands(n as u64)
}

#[cfg(test)]
mod tests {
    use super::{WINDOW, in_order};

    #[test]
    fn written_in_order_across_windows_whatever_the_threads() {
        let one = |i: usize| Ok(format!("{i},").into_bytes());
        for jobs in [1, 2, 3] {
            for count in [0, 1, WINDOW, WINDOW + 1, 3 * WINDOW + 5] {
                let mut out = Vec::new();
                in_order(count, jobs, one, &mut out).expect("written");
                let want: String = (0..count).map(|i| format!("{i},")).collect();
                assert_eq!(
                    String::from_utf8_lossy(&out),
                    want,
                    "jobs {jobs}, count {count}"
                );
            }
        }
    }

    #[test]
    fn an_error_stops_the_writing_after_what_came_before() {
        for jobs in [1, 2] {
            let mut out = Vec::new();
            let failed = in_order(
                2 * WINDOW,
                jobs,
                |i| match i {
                    7 => Err(std::io::Error::other("cannot render")),
                    _ => Ok(vec![b'x']),
                },
                &mut out,
            );
            assert!(failed.is_err(), "jobs {jobs}");
            assert_eq!(out, vec![b'x'; 7], "jobs {jobs}");
        }
    }
}
