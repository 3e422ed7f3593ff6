//! The progress report as one self-contained HTML file: inline CSS, inline
//! SVG, no scripts, fonts, images or links to anything outside the file, so
//! it can be mailed, archived and printed as it is. The markup is also
//! well-formed XML (void elements closed, text escaped), which the tests
//! check with an XML parser.
//!
//! Two charts: the unit scores as horizontal bars (worst first, coloured by
//! grade), and a timeline of deadlines. The outcome does not carry every
//! task's deadline, only those of findings (late or overdue stages) and of
//! pending stages, so the timeline shows exactly those: a dot at the due
//! date, a bar to the stage's date when it was late, to the evaluation date
//! when it is overdue, and a hollow dot for a stage not yet due. Tasks with
//! no deadline finding and nothing pending (on time, or all done) are not on
//! it; at most [`TIMELINE_ROWS`] rows are drawn, the earliest due first.

use std::io::{self, Write};

use jiff::civil::Date;

use crate::calendar::days_between;
use crate::outcome::UnitScore;
use crate::report::xml;

use super::View;

/// At most this many rows on the timeline; the rest are counted below it.
pub const TIMELINE_ROWS: usize = 40;

const STYLE: &str = "
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 72em; color: #1b1b1b; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; }
.headline { font-size: 1.2em; font-weight: 600; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border-bottom: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: #555; font-size: 0.9em; }
svg text { font-size: 12px; fill: #1b1b1b; }
.pass { fill: #2e7d32; } .basic { fill: #f9a825; } .fail { fill: #c62828; } .other { fill: #607d8b; }
.late { stroke: #ef6c00; } .overdue { stroke: #c62828; } .pending { stroke: #607d8b; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  section { break-inside: avoid; }
  .note { color: #000; }
}
";

pub fn write(view: &View<'_>, out: &mut dyn Write) -> io::Result<()> {
    let outcome = view.outcome;
    let title = format!("Rectification progress as of {}", outcome.as_of);
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>")?;
    writeln!(out, "<title>{}</title>", xml::text(&title))?;
    writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>")?;
    writeln!(out, "<h1>{}</h1>", xml::text(&title))?;
    writeln!(
        out,
        "<p class=\"headline\">{}</p>",
        xml::text(&view.headline)
    )?;
    writeln!(out, "<section>\n<h2>Unit scores</h2>")?;
    scores(&outcome.units, out)?;
    writeln!(out, "</section>\n<section>\n<h2>Deadlines</h2>")?;
    timeline(view, out)?;
    writeln!(out, "</section>")?;
    for (heading, table) in &view.sections {
        writeln!(out, "<section>\n<h2>{}</h2>", xml::text(heading))?;
        if table.rows.is_empty() {
            writeln!(out, "<p class=\"note\">Nothing.</p>")?;
        } else {
            table.html(out)?;
        }
        writeln!(out, "</section>")?;
    }
    writeln!(out, "</body>\n</html>")
}

fn grade_class(grade: &str) -> &'static str {
    match grade {
        "pass" => "pass",
        "basic" => "basic",
        "fail" => "fail",
        _ => "other",
    }
}

/// At most `max` display columns, with `…` when cut.
fn clip(text: &str, max: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut width = 0;
    let mut out = String::new();
    for c in text.chars() {
        width += c.width().unwrap_or(0);
        if width > max {
            out.push('…');
            return out;
        }
        out.push(c);
    }
    out
}

const LABEL: i64 = 230;
const BAR: i64 = 420;
const ROW: i64 = 22;

/// Horizontal bars of unit scores, worst first.
fn scores(units: &[UnitScore], out: &mut dyn Write) -> io::Result<()> {
    let mut sorted: Vec<&UnitScore> = units.iter().collect();
    sorted.sort_by(|a, b| a.score.cmp(&b.score).then_with(|| a.unit.cmp(&b.unit)));
    let top = sorted
        .iter()
        .map(|u| u.score.0)
        .max()
        .unwrap_or(0)
        .max(10_000);
    let height = ROW * sorted.len() as i64 + 10;
    let width = LABEL + BAR + 80;
    writeln!(
        out,
        "<svg viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"unit scores\">"
    )?;
    for (i, u) in sorted.iter().enumerate() {
        let y = ROW * i as i64 + 5;
        let w = u.score.0.max(0) * BAR / top;
        writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            LABEL - 8,
            y + 14,
            xml::text(&clip(&u.unit, 32))
        )?;
        writeln!(
            out,
            "<rect class=\"{}\" x=\"{LABEL}\" y=\"{y}\" width=\"{w}\" height=\"16\"><title>{}: {} ({})</title></rect>",
            grade_class(&u.grade),
            xml::text(&u.unit),
            u.score,
            xml::text(&u.grade)
        )?;
        writeln!(
            out,
            "<text x=\"{}\" y=\"{}\">{} {}</text>",
            LABEL + w + 6,
            y + 14,
            u.score,
            xml::text(&u.grade)
        )?;
    }
    writeln!(out, "</svg>")
}

/// One row of the timeline.
struct Mark {
    label: String,
    due: Date,
    /// The end of the lateness bar: the stage's date, or the evaluation date.
    until: Option<Date>,
    class: &'static str,
}

fn marks(view: &View<'_>) -> Vec<Mark> {
    let outcome = view.outcome;
    let mut marks: Vec<Mark> = outcome
        .findings
        .iter()
        .filter_map(|f| {
            let due = f.due?;
            let stage = f.stage.as_deref().unwrap_or("deadline");
            Some(Mark {
                label: format!("{} · {stage}", f.record),
                due,
                until: f.actual,
                class: if f.overdue { "overdue" } else { "late" },
            })
        })
        .collect();
    marks.extend(outcome.pending.iter().map(|p| Mark {
        label: format!("{} · {}", p.record, p.stage),
        due: p.due,
        until: None,
        class: "pending",
    }));
    marks.sort_by(|a, b| (a.due, &a.label).cmp(&(b.due, &b.label)));
    marks
}

fn timeline(view: &View<'_>, out: &mut dyn Write) -> io::Result<()> {
    let all = marks(view);
    if all.is_empty() {
        return writeln!(out, "<p class=\"note\">No deadlines to show.</p>");
    }
    let shown = &all[..all.len().min(TIMELINE_ROWS)];
    let as_of = view.outcome.as_of;
    let dates = shown.iter().flat_map(|m| [Some(m.due), m.until]).flatten();
    let first = dates.clone().chain([as_of]).min().unwrap_or(as_of);
    let last = dates.chain([as_of]).max().unwrap_or(as_of);
    let span = days_between(first, last).max(1);
    let x = |d: Date| LABEL + days_between(first, d) * BAR / span;
    let height = ROW * shown.len() as i64 + 40;
    let width = LABEL + BAR + 20;
    writeln!(
        out,
        "<svg viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"deadlines\">"
    )?;
    let today = x(as_of);
    writeln!(
        out,
        "<line x1=\"{today}\" y1=\"0\" x2=\"{today}\" y2=\"{}\" stroke=\"#1b1b1b\" stroke-dasharray=\"4 3\"/>",
        height - 20
    )?;
    writeln!(
        out,
        "<text x=\"{today}\" y=\"{}\" text-anchor=\"middle\">as of {as_of}</text>",
        height - 6
    )?;
    writeln!(
        out,
        "<text x=\"{LABEL}\" y=\"{}\">{first}</text>",
        height - 6
    )?;
    for (i, m) in shown.iter().enumerate() {
        let y = ROW * i as i64 + 14;
        writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            LABEL - 8,
            y + 4,
            xml::text(&clip(&m.label, 34))
        )?;
        let due = x(m.due);
        if let Some(until) = m.until {
            writeln!(
                out,
                "<line class=\"{}\" x1=\"{due}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke-width=\"6\"/>",
                m.class,
                x(until)
            )?;
        }
        let fill = if m.class == "pending" {
            "none"
        } else {
            "#1b1b1b"
        };
        let tip = match m.until {
            Some(until) if m.class == "overdue" => {
                format!("due {}, still missing on {until}", m.due)
            }
            Some(until) => format!("due {}, done {until}", m.due),
            None => format!("due {}", m.due),
        };
        writeln!(
            out,
            "<circle class=\"{}\" cx=\"{due}\" cy=\"{y}\" r=\"5\" fill=\"{fill}\" stroke-width=\"2\"><title>{}: {}</title></circle>",
            m.class,
            xml::text(&m.label),
            xml::text(&tip)
        )?;
    }
    writeln!(out, "</svg>")?;
    let mut note = String::from(
        "Dot: due date. Orange bar: done late. Red bar: missing past its due date, to the evaluation date. Hollow dot: not yet due. Only deadlines with a finding or still pending are shown.",
    );
    if all.len() > shown.len() {
        note.push_str(&format!(" {} more not drawn.", all.len() - shown.len()));
    }
    writeln!(out, "<p class=\"note\">{}</p>", xml::text(&note))
}

#[cfg(test)]
mod tests {
    use super::clip;

    #[test]
    fn clipping_counts_display_columns() {
        assert_eq!(clip("宜兴市人民政府", 6), "宜兴市…");
        assert_eq!(clip("Wuxi", 6), "Wuxi");
    }
}
