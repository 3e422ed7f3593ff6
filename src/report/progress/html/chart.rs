//! The two inline SVG charts of the HTML progress report.
//!
//! - Unit scores: horizontal bars, worst first, coloured by grade. Every
//!   unit's full name is drawn, wrapped over up to [`LABEL_LINES`] lines
//!   (a longer one is cut with `…` on the last line and kept whole in the
//!   bar's tooltip), so units that share a long prefix can be told apart.
//! - Deadlines: a timeline over the full width with month, quarter or year
//!   ticks (whichever keeps the labels apart), the evaluation date as a
//!   dashed line labelled inside the chart.
//!
//! Widths are in SVG user units; the page scales the chart to its column
//! (and to the printed page). Text widths are estimated from display
//! columns (a Chinese character counts two), which is all the layout needs:
//! nothing here measures fonts.
//!
//! Owns: geometry and escaping of the charts. Must not: decide what is
//! overdue or pending (the outcome says), or read the clock.

use std::io::{self, Write};

use jiff::civil::Date;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::calendar::days_between;
use crate::i18n::{Args, Catalogue};
use crate::outcome::UnitScore;
use crate::report::xml;

use super::super::View;

/// At most this many rows on the timeline; the rest are counted below it.
pub const TIMELINE_ROWS: usize = 40;

/// The width of both charts, in user units (CSS pixels at full size).
const WIDTH: i64 = 880;
/// Estimated width of one display column of 12px text.
const COLUMN_PX: f64 = 6.6;
/// Unit names wrap at this many display columns.
const LABEL_COLUMNS: usize = 44;
/// A unit name takes at most this many lines.
const LABEL_LINES: usize = 3;
const LINE: i64 = 14;
const ROW: i64 = 22;
const BAR: i64 = 16;
/// Room right of the longest bar for "79.9 basic".
const SCORE_TEXT: i64 = 90;
/// Timeline row labels are cut at this many display columns.
const MARK_COLUMNS: usize = 40;

fn grade_class(grade: &str) -> &'static str {
    match grade {
        "pass" => "pass",
        "basic" => "basic",
        "fail" => "fail",
        _ => "other",
    }
}

/// The estimated width of `text` at 12px, in user units.
fn px(text: &str) -> i64 {
    (text.width() as f64 * COLUMN_PX).ceil() as i64
}

/// At most `max` display columns, with `…` when cut.
pub(super) fn clip(text: &str, max: usize) -> String {
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

/// Characters after which a line may break without a space: CJK text has
/// no spaces between words.
fn breaks_anywhere(c: char) -> bool {
    c.width() == Some(2)
}

/// `text` in lines of at most `max` display columns, broken at spaces, after
/// wide (CJK) characters, or inside a word too long for a line; at most
/// `lines` lines, the last cut with `…` when the text does not fit.
pub(super) fn wrap(text: &str, max: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    // A byte offset in `line` where it may break.
    let mut cut: Option<usize> = None;
    let mut rest = text.trim().chars().peekable();
    while let Some(c) = rest.next() {
        if line.width() + c.width().unwrap_or(0) > max && !line.is_empty() {
            let tail = match cut {
                Some(at) if at > 0 => line.split_off(at),
                _ => String::new(),
            };
            out.push(line.trim_end().to_string());
            line = tail.trim_start().to_string();
            cut = None;
            if out.len() == lines {
                let left: String = line.chars().chain([c]).chain(rest).collect();
                if let Some(last) = out.last_mut() {
                    *last = clip(&format!("{last} {left}"), max.saturating_sub(1));
                    if !last.ends_with('…') {
                        last.push('…');
                    }
                }
                return out;
            }
        }
        if c == ' ' && line.is_empty() {
            continue;
        }
        if breaks_anywhere(c) {
            cut = Some(line.len());
        }
        line.push(c);
        if c == ' ' || breaks_anywhere(c) {
            cut = Some(line.len());
        }
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

/// `<text>` with one `<tspan>` per line, right-aligned at `x`, the lines
/// centred on `middle`.
fn lines_at(x: i64, middle: i64, lines: &[String], out: &mut dyn Write) -> io::Result<()> {
    let first = middle + 4 - (lines.len() as i64 - 1) * LINE / 2;
    write!(out, "<text x=\"{x}\" y=\"{first}\" text-anchor=\"end\">")?;
    for (i, line) in lines.iter().enumerate() {
        let dy = if i == 0 { 0 } else { LINE };
        write!(
            out,
            "<tspan x=\"{x}\" dy=\"{dy}\">{}</tspan>",
            xml::text(line)
        )?;
    }
    writeln!(out, "</text>")
}

fn open(out: &mut dyn Write, height: i64, label: &str) -> io::Result<()> {
    writeln!(
        out,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-label=\"{}\">",
        xml::attr(label)
    )
}

/// Horizontal bars of unit scores, worst first.
pub fn scores(units: &[UnitScore], words: &Catalogue, out: &mut dyn Write) -> io::Result<()> {
    let mut sorted: Vec<&UnitScore> = units.iter().collect();
    sorted.sort_by(|a, b| a.score.cmp(&b.score).then_with(|| a.unit.cmp(&b.unit)));
    let labels: Vec<Vec<String>> = sorted
        .iter()
        .map(|u| wrap(&u.unit, LABEL_COLUMNS, LABEL_LINES))
        .collect();
    let label = labels
        .iter()
        .flatten()
        .map(|l| px(l))
        .max()
        .unwrap_or(0)
        .clamp(60, px(&"m".repeat(LABEL_COLUMNS)));
    let left = label + 16;
    let room = WIDTH - left - SCORE_TEXT;
    let top = sorted
        .iter()
        .map(|u| u.score.0)
        .max()
        .unwrap_or(0)
        .max(10_000);
    let heights: Vec<i64> = labels
        .iter()
        .map(|l| ROW.max(l.len() as i64 * LINE + 8))
        .collect();
    open(
        out,
        heights.iter().sum::<i64>() + 10,
        &words.text("report-chart-scores-label"),
    )?;
    let mut y = 5;
    for ((u, lines), height) in sorted.iter().zip(&labels).zip(&heights) {
        let middle = y + height / 2;
        let w = u.score.0.max(0) * room / top;
        lines_at(left - 8, middle, lines, out)?;
        writeln!(
            out,
            "<rect class=\"{}\" x=\"{left}\" y=\"{}\" width=\"{w}\" height=\"{BAR}\"><title>{}: {} ({})</title></rect>",
            grade_class(&u.grade),
            middle - BAR / 2,
            xml::text(&u.unit),
            u.score,
            xml::text(u.grade_in(words.lang()))
        )?;
        writeln!(
            out,
            "<text x=\"{}\" y=\"{}\">{} {}</text>",
            left + w + 6,
            middle + 4,
            u.score,
            xml::text(u.grade_in(words.lang()))
        )?;
        y += height;
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
        // A commendation's due date was met early: nothing late to draw.
        .filter(|f| f.severity != crate::diag::Severity::Commendation)
        .filter_map(|f| {
            let due = f.due?;
            let stage = match f.stage.as_deref() {
                Some(stage) => stage.to_string(),
                None => view.words.text("report-chart-deadline"),
            };
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

/// Ticks on the first day of every `step` months.
#[derive(Debug, PartialEq)]
struct Axis {
    ticks: Vec<Date>,
    /// Months between ticks.
    step: i32,
}

/// Months since year 0, so steps of a quarter or a year line up with the
/// calendar.
fn month_index(d: Date) -> i32 {
    i32::from(d.year()) * 12 + i32::from(d.month()) - 1
}

fn month_start(index: i32) -> Option<Date> {
    let year = i16::try_from(index.div_euclid(12)).ok()?;
    let month = i8::try_from(index.rem_euclid(12) + 1).ok()?;
    Date::new(year, month, 1).ok()
}

/// The coarsest ticks that are still the finest with at most `max` of them:
/// monthly, every two months, quarterly, half-yearly, yearly, then every
/// few years; from the tick at or before `first` to the one at or after
/// `last`.
fn axis(first: Date, last: Date, max: usize) -> Option<Axis> {
    let steps = [1, 2, 3, 6, 12, 24, 60, 120, 600, 1200];
    let from = month_index(first);
    let to = month_index(last) + i32::from(last.day() > 1);
    for step in steps {
        let start = from.div_euclid(step) * step;
        let end = (to + step - 1).div_euclid(step) * step;
        let count = ((end - start) / step + 1) as usize;
        if count <= max.max(2) || step == 1200 {
            let ticks = (0..count as i32)
                .map(|i| month_start(start + i * step))
                .collect::<Option<Vec<Date>>>()?;
            return Some(Axis { ticks, step });
        }
    }
    None
}

fn tick_label(d: Date, step: i32) -> String {
    if step % 12 == 0 {
        d.year().to_string()
    } else {
        format!("{}-{:02}", d.year(), d.month())
    }
}

pub fn timeline(view: &View<'_>, out: &mut dyn Write) -> io::Result<()> {
    let words = view.words;
    let all = marks(view);
    if all.is_empty() {
        return writeln!(
            out,
            "<p class=\"note\">{}</p>",
            xml::text(&words.text("report-chart-no-deadlines"))
        );
    }
    let shown = &all[..all.len().min(TIMELINE_ROWS)];
    let as_of = view.outcome.as_of;
    let labels: Vec<String> = shown.iter().map(|m| clip(&m.label, MARK_COLUMNS)).collect();
    let left = labels.iter().map(|l| px(l)).max().unwrap_or(0) + 24;
    let right = WIDTH - 30;
    let dates = shown.iter().flat_map(|m| [Some(m.due), m.until]).flatten();
    let first = dates.clone().chain([as_of]).min().unwrap_or(as_of);
    let last = dates.chain([as_of]).max().unwrap_or(as_of);
    let max_ticks = usize::try_from((right - left) / 64).unwrap_or(2);
    let axis = axis(first, last, max_ticks).unwrap_or(Axis {
        ticks: vec![first, last],
        step: 0,
    });
    let start = axis.ticks.first().copied().unwrap_or(first);
    let end = axis.ticks.last().copied().unwrap_or(last);
    let span = days_between(start, end).max(1);
    let x = |d: Date| left + days_between(start, d) * (right - left) / span;
    let top = 24;
    let bottom = top + ROW * shown.len() as i64;
    open(
        out,
        bottom + 26,
        &words.text("report-chart-deadlines-label"),
    )?;
    writeln!(out, "<g class=\"axis\">")?;
    for tick in &axis.ticks {
        let at = x(*tick);
        writeln!(
            out,
            "<line class=\"grid\" x1=\"{at}\" y1=\"{}\" x2=\"{at}\" y2=\"{}\"/>",
            top - 6,
            bottom + 4
        )?;
        writeln!(
            out,
            "<text x=\"{at}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            bottom + 18,
            tick_label(*tick, axis.step)
        )?;
    }
    writeln!(out, "</g>")?;
    let today = x(as_of);
    writeln!(
        out,
        "<line x1=\"{today}\" y1=\"{}\" x2=\"{today}\" y2=\"{}\" stroke=\"#1b1b1b\" stroke-dasharray=\"4 3\"/>",
        top - 6,
        bottom + 4
    )?;
    let note = words.format("report-as-of", &Args::new().text("date", as_of.to_string()));
    let anchor = if today + px(&note) / 2 > WIDTH {
        "end"
    } else if today - px(&note) / 2 < left {
        "start"
    } else {
        "middle"
    };
    writeln!(
        out,
        "<text x=\"{today}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
        top - 10,
        xml::text(&note)
    )?;
    for (i, (m, label)) in shown.iter().zip(&labels).enumerate() {
        let y = top + ROW * i as i64 + ROW / 2;
        writeln!(
            out,
            "<line class=\"guide\" x1=\"{left}\" y1=\"{y}\" x2=\"{right}\" y2=\"{y}\"/>"
        )?;
        writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            left - 10,
            y + 4,
            xml::text(label)
        )?;
        mark(m, y, &x, words, out)?;
    }
    writeln!(out, "</svg>")?;
    let mut note = words.text("report-chart-legend");
    if all.len() > shown.len() {
        let more = Args::new().count("n", all.len() - shown.len());
        note.push_str(&words.format("report-chart-more", &more));
    }
    writeln!(out, "<p class=\"note\">{}</p>", xml::text(&note))
}

/// The bar and dot of one deadline, with the full label in the tooltip.
fn mark(
    m: &Mark,
    y: i64,
    x: &dyn Fn(Date) -> i64,
    words: &Catalogue,
    out: &mut dyn Write,
) -> io::Result<()> {
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
        "#fff"
    } else {
        "#1b1b1b"
    };
    let due_args = || Args::new().text("due", m.due.to_string());
    let tip = match m.until {
        Some(until) if m.class == "overdue" => words.format(
            "report-chart-due-missing",
            &due_args().text("until", until.to_string()),
        ),
        Some(until) => words.format(
            "report-chart-due-done",
            &due_args().text("until", until.to_string()),
        ),
        None => words.format("report-chart-due", &due_args()),
    };
    writeln!(
        out,
        "<circle class=\"{}\" cx=\"{due}\" cy=\"{y}\" r=\"5\" fill=\"{fill}\" stroke-width=\"2\"><title>{}: {}</title></circle>",
        m.class,
        xml::text(&m.label),
        xml::text(&tip)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn clipping_counts_display_columns() {
        assert_eq!(clip("宜兴市人民政府", 6), "宜兴市…");
        assert_eq!(clip("Wuxi", 6), "Wuxi");
    }

    #[test]
    fn long_names_wrap_at_spaces() {
        assert_eq!(
            wrap(
                "Jiangsu Provincial Department of Housing and Urban-Rural Development",
                30,
                3
            ),
            [
                "Jiangsu Provincial Department",
                "of Housing and Urban-Rural",
                "Development"
            ]
        );
        assert_eq!(wrap("Wuxi", 30, 3), ["Wuxi"]);
        assert_eq!(wrap("", 30, 3), [""]);
    }

    #[test]
    fn chinese_names_wrap_between_characters() {
        assert_eq!(
            wrap("江苏省住房和城乡建设厅", 10, 3),
            ["江苏省住房", "和城乡建设", "厅"]
        );
    }

    #[test]
    fn a_word_longer_than_a_line_is_split_and_the_last_line_cut() {
        assert_eq!(wrap("abcdefghij", 4, 3), ["abcd", "efgh", "ij"]);
        let lines = wrap("one two three four five six", 5, 2);
        assert_eq!(lines, ["one", "two …"]);
        assert!(lines.iter().all(|l| l.width() <= 5), "{lines:?}");
    }

    #[test]
    fn ticks_are_as_fine_as_the_width_allows() {
        let ticks = |a, b, max| {
            let axis = axis(a, b, max).expect("in range");
            let labels: Vec<String> = axis
                .ticks
                .iter()
                .map(|d| tick_label(*d, axis.step))
                .collect();
            labels.join(" ")
        };
        let (a, b) = (date(2022, 4, 22), date(2025, 6, 30));
        assert_eq!(
            ticks(a, b, 8),
            "2022-01 2022-07 2023-01 2023-07 2024-01 2024-07 2025-01 2025-07"
        );
        assert_eq!(ticks(a, b, 4), "2022 2024 2026");
        assert_eq!(
            ticks(date(2024, 1, 10), date(2024, 3, 1), 8),
            "2024-01 2024-02 2024-03"
        );
        assert_eq!(
            ticks(date(2024, 1, 10), date(2024, 1, 20), 8),
            "2024-01 2024-02"
        );
    }
}
