//! The Excel workbook (`check --format xlsx`, `report --format xlsx`):
//! what auditors pass around. Four sheets: findings with their place, the
//! unit scoreboard, progress by unit and round, and input errors. Each has
//! a bold, frozen heading row and set column widths; dates are Excel dates,
//! figures are numbers.
//!
//! Headings live in one table per sheet ([`FINDINGS`], [`SCOREBOARD`],
//! [`PROGRESS`], [`INPUT_ERRORS`]) under their English names, which name
//! them in the catalogues too: sheet names and headings are written in the
//! run's language (`xlsx-sheet.*`, `xlsx-heading.*`: [`Cells::start`]).
//!
//! Text from records is written as text cells, never as formulas: every
//! value goes through [`neutral::text`] (control characters shown as
//! `[U+0009]`, so a tab or carriage return cannot split a cell), is written
//! with `write_string` (a string cell, which no spreadsheet evaluates), and
//! a value starting with `=`, `+`, `-` or `@` also gets Excel's quote
//! prefix, so editing the cell later does not turn it into a formula.
//!
//! Must not: evaluate, re-sort or read the clock: the workbook's creation
//! date is the evaluation date, so the same run gives the same bytes.

use std::io::{self, Write};

use jiff::civil::Date;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::json::finding_position;
use super::neutral;
use crate::i18n::Catalogue;
use crate::outcome::{KindProgress, Outcome};
use crate::points::Points;

/// A column: its heading and its width in characters.
pub struct Column {
    pub heading: &'static str,
    pub width: f64,
}

pub(crate) const fn col(heading: &'static str, width: f64) -> Column {
    Column { heading, width }
}

/// The sheets' names, in order.
pub const SHEETS: [&str; 4] = ["Findings", "Scoreboard", "Progress", "Input errors"];

pub const FINDINGS: &[Column] = &[
    col("File", 36.0),
    col("Line", 6.0),
    col("Column", 7.0),
    col("Rule", 24.0),
    col("Record", 22.0),
    col("Unit", 30.0),
    col("Severity", 9.0),
    col("Message", 60.0),
    col("Due", 11.0),
    col("Actual", 11.0),
    col("Late days", 9.0),
    col("Late workdays", 13.0),
    col("Penalty", 8.0),
    col("Waived", 7.0),
    col("Reward", 8.0),
];

pub const SCOREBOARD: &[Column] = &[
    col("Unit", 36.0),
    col("Records", 8.0),
    col("Findings", 9.0),
    col("Penalty", 8.0),
    col("Score", 7.0),
    col("Grade", 12.0),
    col("Commendations", 14.0),
    col("Reward", 8.0),
];

pub const PROGRESS: &[Column] = &[
    col("Unit", 36.0),
    col("Round", 18.0),
    col("Kind", 9.0),
    col("Total", 7.0),
    col("Completed", 10.0),
    col("Completed late", 14.0),
    col("Overdue", 8.0),
    col("Staged", 7.0),
    col("In progress", 11.0),
    col("Not started", 11.0),
    col("Unknown", 9.0),
    col("Closed", 7.0),
];

pub const INPUT_ERRORS: &[Column] = &[
    col("File", 36.0),
    col("Line", 6.0),
    col("Column", 7.0),
    col("Code", 26.0),
    col("Severity", 9.0),
    col("Message", 70.0),
];

/// Write the workbook of `outcome` to `out`.
pub fn write(outcome: &Outcome, words: &Catalogue, out: &mut dyn Write) -> io::Result<()> {
    let bytes = workbook(outcome, words).map_err(|e| io::Error::other(e.to_string()))?;
    out.write_all(&bytes)
}

fn workbook(outcome: &Outcome, words: &Catalogue) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let created = excel_date(outcome.as_of)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let cells = Cells::new(words);
    findings(book.add_worksheet(), outcome, words, &cells)?;
    scoreboard(book.add_worksheet(), outcome, &cells)?;
    progress(book.add_worksheet(), outcome, &cells)?;
    input_errors(book.add_worksheet(), outcome, words, &cells)?;
    book.save_to_buffer()
}

/// The formats cells are written with, and the words of the headings.
pub(crate) struct Cells<'w> {
    words: &'w Catalogue,
    heading: Format,
    date: Format,
    points: Format,
    quoted: Format,
}

impl<'w> Cells<'w> {
    pub(crate) fn new(words: &'w Catalogue) -> Cells<'w> {
        Cells {
            words,
            heading: Format::new().set_bold(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            points: Format::new().set_num_format("0.00"),
            quoted: Format::new().set_quote_prefix(),
        }
    }

    /// Untrusted text as an inert text cell.
    pub(crate) fn text(
        &self,
        sheet: &mut Worksheet,
        row: u32,
        col: u16,
        value: &str,
    ) -> Result<(), XlsxError> {
        let shown = neutral::text(value);
        if shown.starts_with(['=', '+', '-', '@']) {
            sheet.write_string_with_format(row, col, shown.as_ref(), &self.quoted)?;
        } else {
            sheet.write_string(row, col, shown.as_ref())?;
        }
        Ok(())
    }

    pub(crate) fn date(
        &self,
        sheet: &mut Worksheet,
        row: u32,
        col: u16,
        day: Option<Date>,
    ) -> Result<(), XlsxError> {
        if let Some(day) = day {
            sheet.write_datetime_with_format(row, col, excel_date(day)?, &self.date)?;
        }
        Ok(())
    }

    pub(crate) fn number(
        &self,
        sheet: &mut Worksheet,
        row: u32,
        col: u16,
        n: Option<i64>,
    ) -> Result<(), XlsxError> {
        if let Some(n) = n {
            sheet.write_number(row, col, n as f64)?;
        }
        Ok(())
    }

    pub(crate) fn points(
        &self,
        sheet: &mut Worksheet,
        row: u32,
        col: u16,
        p: Points,
    ) -> Result<(), XlsxError> {
        // Hundredths to a number: exact for every figure rectify allows.
        sheet.write_number_with_format(row, col, p.0 as f64 / 100.0, &self.points)?;
        Ok(())
    }

    /// The words of the run's language.
    pub(crate) fn words(&self) -> &'w Catalogue {
        self.words
    }

    /// Name the sheet, write its heading row, set widths, freeze the row:
    /// the name and headings in the run's language, looked up by their
    /// English ones (`Late days`: `xlsx-heading.late-days`).
    pub(crate) fn start(
        &self,
        sheet: &mut Worksheet,
        name: &str,
        columns: &[Column],
    ) -> Result<(), XlsxError> {
        sheet.set_name(self.words.text(&format!("xlsx-sheet.{}", slug(name))))?;
        for (i, column) in (0u16..).zip(columns) {
            let heading = self
                .words
                .text(&format!("xlsx-heading.{}", slug(column.heading)));
            sheet.write_string_with_format(0, i, heading, &self.heading)?;
            sheet.set_column_width(i, column.width)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        Ok(())
    }
}

/// The catalogue's name for an English sheet name or heading:
/// `Late workdays` -> `late-workdays`.
fn slug(english: &str) -> String {
    english.to_ascii_lowercase().replace(' ', "-")
}

pub(crate) fn excel_date(day: Date) -> Result<ExcelDateTime, XlsxError> {
    let part = |n: i8| u8::try_from(n).unwrap_or(1);
    ExcelDateTime::from_ymd(
        u16::try_from(day.year()).unwrap_or(1900),
        part(day.month()),
        part(day.day()),
    )
}

pub(crate) fn usize_number(n: usize) -> Option<i64> {
    i64::try_from(n).ok()
}

fn findings(
    sheet: &mut Worksheet,
    outcome: &Outcome,
    words: &Catalogue,
    cells: &Cells,
) -> Result<(), XlsxError> {
    cells.start(sheet, SHEETS[0], FINDINGS)?;
    for (row, f) in (1u32..).zip(&outcome.findings) {
        let file = outcome.finding_file(f);
        let (line, column) = finding_position(file, f).unzip();
        let rule = outcome.rules.get(f.rule).map_or("", |r| r.id.as_str());
        cells.text(sheet, row, 0, file.map_or("", |s| s.name.as_str()))?;
        cells.number(sheet, row, 1, line.and_then(usize_number))?;
        cells.number(sheet, row, 2, column.and_then(usize_number))?;
        cells.text(sheet, row, 3, rule)?;
        cells.text(sheet, row, 4, &f.subject())?;
        cells.text(sheet, row, 5, &f.unit)?;
        cells.text(sheet, row, 6, f.severity.as_str())?;
        cells.text(sheet, row, 7, &f.message(words))?;
        cells.date(sheet, row, 8, f.due)?;
        cells.date(sheet, row, 9, f.actual)?;
        cells.number(sheet, row, 10, f.late_days)?;
        cells.number(sheet, row, 11, f.late_workdays)?;
        cells.points(sheet, row, 12, f.penalty)?;
        sheet.write_boolean(row, 13, f.waived)?;
        cells.points(sheet, row, 14, f.reward)?;
    }
    Ok(())
}

fn scoreboard(sheet: &mut Worksheet, outcome: &Outcome, cells: &Cells) -> Result<(), XlsxError> {
    cells.start(sheet, SHEETS[1], SCOREBOARD)?;
    // Worst score first, as every scoreboard rectify shows.
    let mut units: Vec<_> = outcome.units.iter().collect();
    units.sort_by(|a, b| a.score.cmp(&b.score).then_with(|| a.unit.cmp(&b.unit)));
    for (row, u) in (1u32..).zip(units) {
        cells.text(sheet, row, 0, &u.unit)?;
        cells.number(sheet, row, 1, usize_number(u.records))?;
        cells.number(sheet, row, 2, usize_number(u.findings))?;
        cells.points(sheet, row, 3, u.penalty)?;
        cells.points(sheet, row, 4, u.score)?;
        cells.text(sheet, row, 5, u.grade_in(cells.words().lang()))?;
        cells.number(sheet, row, 6, usize_number(u.commendations))?;
        cells.points(sheet, row, 7, u.reward)?;
    }
    Ok(())
}

/// Every unit's counts first as one row per kind, then each unit and round.
fn progress(sheet: &mut Worksheet, outcome: &Outcome, cells: &Cells) -> Result<(), XlsxError> {
    cells.start(sheet, SHEETS[2], PROGRESS)?;
    let all_units = cells.words().text("xlsx-all-units");
    let all = (outcome.progress.iter()).map(|p| (all_units.as_str(), None, p));
    let groups = outcome.progress_by.iter().flat_map(|g| {
        g.progress
            .iter()
            .map(move |p| (g.unit.as_str(), g.round.as_deref(), p))
    });
    for (row, (unit, round, p)) in (1u32..).zip(all.chain(groups)) {
        cells.text(sheet, row, 0, unit)?;
        cells.text(sheet, row, 1, round.unwrap_or(""))?;
        cells.text(sheet, row, 2, &p.kind)?;
        for (col, n) in (3u16..).zip(counts(p)) {
            cells.number(sheet, row, col, usize_number(n))?;
        }
    }
    Ok(())
}

/// The counts in [`PROGRESS`] order, from `Total` on.
fn counts(p: &KindProgress) -> [usize; 9] {
    [
        p.total,
        p.completed,
        p.late,
        p.overdue,
        p.staged,
        p.in_progress,
        p.not_started,
        p.unknown,
        p.closed,
    ]
}

fn input_errors(
    sheet: &mut Worksheet,
    outcome: &Outcome,
    words: &Catalogue,
    cells: &Cells,
) -> Result<(), XlsxError> {
    cells.start(sheet, SHEETS[3], INPUT_ERRORS)?;
    for (row, e) in (1u32..).zip(&outcome.input_errors) {
        let files = super::json::files(outcome, e.origin);
        let file = e.place.and_then(|p| files.get(p.file));
        let position = e.place.and_then(|p| file?.line_col(p.span.start));
        let (line, column) = position.unzip();
        cells.text(sheet, row, 0, file.map_or("", |f| f.name.as_str()))?;
        cells.number(sheet, row, 1, line.and_then(usize_number))?;
        cells.number(sheet, row, 2, column.and_then(usize_number))?;
        cells.text(sheet, row, 3, &e.code)?;
        cells.text(sheet, row, 4, e.severity.as_str())?;
        cells.text(sheet, row, 5, &e.message.say(words))?;
    }
    Ok(())
}
