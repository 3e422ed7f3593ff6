//! A sheet of an `.xlsx` workbook or a `.csv` file as rows of cells.
//!
//! Cells are read one at a time (calamine's cell reader), never as one
//! dense range, so a workbook that declares a cell at `XFD1048576` cannot
//! make rectify allocate the whole grid: cells beyond [`MAX_COLUMNS`] or
//! [`MAX_ROWS`] are an error.

use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};
use jiff::civil::Date;

use super::{Error, codes, lower, shown};
use crate::diag::Message;

/// Columns read (A to IV); a cell further right is an error.
pub const MAX_COLUMNS: u32 = 256;
/// Rows read (Excel's own limit).
pub const MAX_ROWS: u32 = 1_048_576;
/// How many times its own size a workbook may declare its parts to unpack
/// to: ordinary workbooks unpack to a few times their size, a zip bomb to
/// thousands.
pub const MAX_UNPACK_RATIO: u64 = 8;

/// One cell's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A cell formatted as a date; `None` when its serial is not a day
    /// rectify can hold.
    Date(Option<Date>),
    Bool(bool),
    /// A spreadsheet error such as `#N/A`.
    Error(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text: numbers without a needless `.0`, dates ISO.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => number(*n),
            Cell::Date(Some(d)) => d.to_string(),
            Cell::Date(None) => "#DATE?".to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// `3.0` as `3`, other numbers as Rust writes them.
fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        n.to_string()
    }
}

/// One sheet: its rows from its first used row, each from its first used
/// column.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    /// 0-based sheet row of `rows[0]`.
    pub first_row: u32,
    /// 0-based sheet column of every row's first cell.
    pub first_col: u32,
}

impl Sheet {
    /// `Sheet!C12` for `rows[row][column]`; a sheet name other than
    /// letters, digits and `_` is quoted, as spreadsheets write it.
    pub fn place(&self, row: usize, column: usize) -> String {
        let row = u64::from(self.first_row) + row as u64 + 1;
        let column = self
            .first_col
            .saturating_add(u32::try_from(column).unwrap_or(u32::MAX));
        let name = if self.name.chars().all(|c| c.is_alphanumeric() || c == '_') {
            shown(&self.name)
        } else {
            format!("'{}'", shown(&self.name.replace('\'', "''")))
        };
        format!("{name}!{}{row}", column_name(column))
    }

    /// The index in `rows` of 1-based sheet row `row`.
    pub fn index_of_row(&self, row: u32) -> Option<usize> {
        let index = row.checked_sub(1)?.checked_sub(self.first_row)?;
        let index = usize::try_from(index).ok()?;
        (index < self.rows.len()).then_some(index)
    }

    fn put(&mut self, row: u32, column: u32, cell: Cell) {
        let (Ok(row), Ok(column)) = (usize::try_from(row), usize::try_from(column)) else {
            return;
        };
        if self.rows.len() <= row {
            self.rows.resize(row + 1, Vec::new());
        }
        let cells = &mut self.rows[row];
        if cells.len() <= column {
            cells.resize(column + 1, Cell::Empty);
        }
        cells[column] = cell;
    }
}

/// `A`, `Z`, `AA`, … for a 0-based column.
pub fn column_name(column: u32) -> String {
    let mut n = u64::from(column) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = u8::try_from((n - 1) % 26).unwrap_or(0);
        letters.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// The sheet `wanted` (else the first) of an `.xlsx` workbook.
/// Boxed errors: an `Error` is large and the sheet is the common case.
pub fn xlsx(bytes: Vec<u8>, wanted: Option<&str>) -> Result<Sheet, Box<Error>> {
    let refused =
        |message: Message| Error::new(codes::UNREADABLE, None, message).help("import-save-as");
    let unreadable = |e: &dyn std::fmt::Display| {
        refused(Message::new("import-unreadable-workbook").text("reason", lower(&e.to_string())))
    };
    unpacked_size(&bytes).map_err(refused)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let names = book.sheet_names();
    let name = match wanted {
        Some(w) => names.iter().find(|n| *n == w).cloned().ok_or_else(|| {
            let all: Vec<String> = names.iter().map(|n| format!("`{}`", shown(n))).collect();
            let message = Message::new("import-no-sheet").text("sheet", shown(w));
            let help =
                Message::new("import-no-sheet.help").list("sheets", crate::diag::Join::Plain, all);
            Error::new(codes::UNREADABLE, None, message).help(help)
        })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| Error::new(codes::UNREADABLE, None, "import-no-sheets"))?,
    };
    let mut reader = book
        .worksheet_cells_reader(&name)
        .map_err(|e| unreadable(&e))?;
    let mut cells = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(|e| unreadable(&e))? {
        let (row, column) = cell.get_position();
        if column >= MAX_COLUMNS || row >= MAX_ROWS {
            let message = Message::new("import-sheet-too-large")
                .text("sheet", shown(&name))
                .text(
                    "cell",
                    format!("{}{}", column_name(column), u64::from(row) + 1),
                )
                .text("column", column_name(MAX_COLUMNS - 1))
                .int("rows", MAX_ROWS.into());
            return Err(Error::new(codes::UNREADABLE, None, message).into());
        }
        let value = convert(cell.get_value());
        if value != Cell::Empty {
            cells.push((row, column, value));
        }
    }
    Ok(from_cells(name, cells))
}

/// Refuse a workbook whose parts declare more than [`MAX_UNPACK_RATIO`]
/// times its size (and at least 64 MiB) once unpacked, before any is
/// unpacked.
fn unpacked_size(bytes: &[u8]) -> Result<(), Message> {
    let unreadable = |e: zip::result::ZipError| {
        Message::new("import-unreadable-workbook").text("reason", lower(&e.to_string()))
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    let packed = bytes.len() as u64;
    let limit = packed.saturating_mul(MAX_UNPACK_RATIO).max(64 << 20);
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(unreadable)?;
        total = total.saturating_add(part.size());
    }
    if total > limit {
        return Err(Message::new("import-workbook-too-large")
            .text("total", total.to_string())
            .text("ratio", MAX_UNPACK_RATIO.to_string())
            .text("packed", packed.to_string()));
    }
    Ok(())
}

/// A sheet from `(row, column, cell)`, rows and columns counted from the
/// first used ones.
fn from_cells(name: String, cells: Vec<(u32, u32, Cell)>) -> Sheet {
    let first_row = cells.iter().map(|c| c.0).min().unwrap_or(0);
    let first_col = cells.iter().map(|c| c.1).min().unwrap_or(0);
    let mut sheet = Sheet {
        name,
        first_row,
        first_col,
        ..Sheet::default()
    };
    for (row, column, value) in cells {
        sheet.put(row - first_row, column - first_col, value);
    }
    sheet
}

fn convert(value: &DataRef<'_>) -> Cell {
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
            Cell::Text(s.clone())
        }
        DataRef::SharedString(s) => Cell::Text((*s).to_string()),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            let day = match (i16::try_from(y), i8::try_from(m), i8::try_from(d)) {
                (Ok(y), Ok(m), Ok(d)) => Date::new(y, m, d).ok(),
                _ => None,
            };
            Cell::Date(day)
        }
        DataRef::DateTime(dt) => Cell::Number(dt.as_f64()),
        DataRef::Error(e) => Cell::Error(e.to_string()),
    }
}

/// A CSV file (RFC 4180: quoted fields may hold commas, quotes doubled and
/// line breaks); the sheet is named after the file.
pub fn csv(text: &str, name: &str) -> Result<Sheet, Box<Error>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut cells = Vec::new();
    let (mut row, mut column) = (0u32, 0u32);
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut push = |row: u32, column: u32, field: &mut String| -> Result<(), Box<Error>> {
        if column >= MAX_COLUMNS || row >= MAX_ROWS {
            let message = Message::new("import-csv-too-large")
                .text("file", shown(name))
                .int("columns", MAX_COLUMNS.into())
                .int("rows", MAX_ROWS.into());
            return Err(Error::new(codes::UNREADABLE, None, message).into());
        }
        let value = std::mem::take(field);
        if !value.is_empty() {
            cells.push((row, column, Cell::Text(value)));
        }
        Ok(())
    };
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => {
                push(row, column, &mut field)?;
                column += 1;
            }
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n' | '\r') => {
                push(row, column, &mut field)?;
                row += 1;
                column = 0;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        let message = Message::new("import-open-quote").text("file", shown(name));
        let error = Error::new(codes::UNREADABLE, None, message).help("import-open-quote.help");
        return Err(error.into());
    }
    push(row, column, &mut field)?;
    let mut sheet = from_cells(name.to_string(), cells);
    // Keep A1 as the corner, as a spreadsheet shows a CSV file.
    sheet
        .rows
        .splice(0..0, (0..sheet.first_row).map(|_| Vec::new()));
    for cells in &mut sheet.rows {
        cells.splice(0..0, (0..sheet.first_col).map(|_| Cell::Empty));
    }
    sheet.first_row = 0;
    sheet.first_col = 0;
    Ok(sheet)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_run_past_z() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(255), "IV");
    }

    #[test]
    fn csv_keeps_quoted_commas_quotes_and_line_breaks() {
        let sheet = csv("a,\"b,\"\"c\"\"\"\r\n\"x\ny\",z\n", "t").unwrap_or_default();
        assert_eq!(sheet.rows[0][1], Cell::Text("b,\"c\"".into()));
        assert_eq!(sheet.rows[1][0], Cell::Text("x\ny".into()));
        assert_eq!(sheet.place(1, 1), "t!B2");
    }

    #[test]
    fn sheet_names_with_spaces_are_quoted() {
        let sheet = Sheet {
            name: "my sheet".into(),
            ..Sheet::default()
        };
        assert_eq!(sheet.place(0, 2), "'my sheet'!C1");
    }
}
