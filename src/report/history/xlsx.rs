//! The progress history as an Excel workbook (`report --history …
//! --format xlsx`), in the manner of [`crate::report::xlsx`]: a frozen bold
//! heading row and set widths on every sheet, dates as dates, figures as
//! numbers, record text as inert text cells. Three sheets: progress at each
//! period end (one row per end and kind), units at each period end, and
//! the last period's lists.

use std::io::{self, Write};

use rust_xlsxwriter::{DocProperties, Workbook, Worksheet, XlsxError};

use crate::outcome::history::{Every, History, Item};
use crate::report::xlsx::{Cells, Column, col, excel_date, usize_number};

use super::View;
use crate::i18n::Catalogue;

/// The sheets' names, in order.
pub const SHEETS: [&str; 3] = ["History", "Units", "This period"];

pub const HISTORY: &[Column] = &[
    col("End", 11.0),
    col("Kind", 10.0),
    col("Total", 7.0),
    col("Completed or closed", 18.0),
    col("Late", 7.0),
    col("Overdue", 8.0),
    col("Penalty", 8.0),
    col("Incurred", 9.0),
];

pub const UNITS: &[Column] = &[
    col("End", 11.0),
    col("Unit", 36.0),
    col("Records", 8.0),
    col("Score", 7.0),
    col("Grade", 12.0),
    col("On-time rate", 12.0),
];

pub const LISTS: &[Column] = &[
    col("List", 16.0),
    col("Record", 22.0),
    col("Kind", 10.0),
    col("Unit", 36.0),
    col("Date", 11.0),
    col("File", 36.0),
];

pub fn write(
    history: &History,
    every: Every,
    words: &Catalogue,
    out: &mut dyn Write,
) -> io::Result<()> {
    let bytes =
        workbook(&View::new(history, every, words)).map_err(|e| io::Error::other(e.to_string()))?;
    out.write_all(&bytes)
}

fn workbook(view: &View<'_>) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let created = excel_date(view.history.evaluation)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let cells = Cells::new(view.words);
    periods(book.add_worksheet(), view, &cells)?;
    units(book.add_worksheet(), view, &cells)?;
    lists(book.add_worksheet(), view, &cells)?;
    book.save_to_buffer()
}

fn periods(sheet: &mut Worksheet, view: &View<'_>, cells: &Cells) -> Result<(), XlsxError> {
    cells.start(sheet, SHEETS[0], HISTORY)?;
    let rows = view
        .periods
        .iter()
        .flat_map(|p| p.kinds.iter().map(move |k| (p, k)));
    for (row, (p, k)) in (1u32..).zip(rows) {
        cells.date(sheet, row, 0, Some(p.end))?;
        cells.text(sheet, row, 1, &k.kind)?;
        for (column, n) in (2u16..).zip([k.total, k.done, k.late, k.overdue]) {
            cells.number(sheet, row, column, usize_number(n))?;
        }
        cells.points(sheet, row, 6, p.penalty)?;
        cells.points(sheet, row, 7, p.incurred)?;
    }
    Ok(())
}

fn units(sheet: &mut Worksheet, view: &View<'_>, cells: &Cells) -> Result<(), XlsxError> {
    cells.start(sheet, SHEETS[1], UNITS)?;
    let rows = view
        .periods
        .iter()
        .flat_map(|p| p.units.iter().map(move |u| (p, u)));
    for (row, (p, u)) in (1u32..).zip(rows) {
        cells.date(sheet, row, 0, Some(p.end))?;
        cells.text(sheet, row, 1, &u.unit)?;
        cells.number(sheet, row, 2, usize_number(u.records))?;
        cells.points(sheet, row, 3, u.score)?;
        cells.text(sheet, row, 4, u.grade_in(cells.words().lang()))?;
        if let Some(rate) = u.rate() {
            sheet.write_number(row, 5, (rate * 10_000.0).round() / 10_000.0)?;
        }
    }
    Ok(())
}

fn lists(sheet: &mut Worksheet, view: &View<'_>, cells: &Cells) -> Result<(), XlsxError> {
    cells.start(sheet, SHEETS[2], LISTS)?;
    let lists = &view.history.lists;
    let words = cells.words();
    let named = [
        (words.text("xlsx-list.completed"), &lists.completed),
        (words.text("xlsx-list.newly-overdue"), &lists.newly_overdue),
        (words.text("xlsx-list.due-next-period"), &lists.due_next),
    ];
    let rows = named
        .iter()
        .flat_map(|(name, list)| list.iter().map(move |i| (name.as_str(), i)));
    for (row, (name, i)) in (1u32..).zip(rows) {
        item(sheet, row, name, i, cells)?;
    }
    Ok(())
}

fn item(
    sheet: &mut Worksheet,
    row: u32,
    list: &str,
    i: &Item,
    cells: &Cells,
) -> Result<(), XlsxError> {
    cells.text(sheet, row, 0, list)?;
    cells.text(sheet, row, 1, &i.record)?;
    cells.text(sheet, row, 2, &i.kind)?;
    cells.text(sheet, row, 3, &i.unit)?;
    cells.date(sheet, row, 4, Some(i.date))?;
    cells.text(sheet, row, 5, &i.file)
}
