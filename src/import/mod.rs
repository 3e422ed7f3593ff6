//! Spreadsheet ledgers (整改台账) to record files: `rectify import`.
//!
//! Owns: reading a sheet of an `.xlsx`, `.xls`, `.ods` or `.csv` ledger
//! ([`read`]), recognising its heading row and mapping columns to record
//! fields through the built-in presets or a map file ([`map`]), reading
//! each cell as the field's type ([`value`]), and writing one ledger file
//! of YAML per responsible unit ([`emit`]). Every cell that cannot be read
//! is an [`Error`] at its place, `Sheet!C12`.
//!
//! Must not: evaluate anything (the records it writes are checked by
//! `rectify check` like any other), print, exit or touch the file system
//! beyond what it is handed.

pub mod emit;
pub mod map;
pub mod read;
pub mod value;

use std::collections::HashMap;

use crate::diag::{Message, Severity};

pub use map::{Field, Map};
pub use read::{Cell, Sheet};

/// The rows scanned for the heading row when the map file does not name it.
const HEADING_ROWS: usize = 20;

/// A problem with the ledger or the map file, at a cell when it has one.
/// Its words are catalogue messages (`import-…` ids), said in the run's
/// language when `rectify import` prints them.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    /// `import::bad-date`, … (every code is listed in [`codes`]).
    pub code: &'static str,
    pub severity: Severity,
    /// The cell, `Sheet!C12` (or a map file's default for a field), or
    /// `None` for the file as a whole.
    pub place: Option<Message>,
    pub message: Message,
    pub help: Option<Message>,
}

impl Error {
    /// An error at cell `place` (`Sheet!C12`), or about the whole file.
    pub fn new(code: &'static str, place: Option<String>, message: impl Into<Message>) -> Error {
        Error {
            code,
            severity: Severity::Error,
            place: place.map(cell),
            message: message.into(),
            help: None,
        }
    }

    /// With advice.
    pub fn help(mut self, help: impl Into<Message>) -> Error {
        self.help = Some(help.into());
        self
    }

    fn warning(mut self) -> Error {
        self.severity = Severity::Warning;
        self
    }
}

/// Every diagnostic code of the import, with what it means.
pub mod codes {
    /// The file cannot be read as a spreadsheet, or has no such sheet.
    pub const UNREADABLE: &str = "import::unreadable";
    /// The map file is not valid TOML or names an unknown field or value.
    pub const MAP: &str = "import::map";
    /// No row of the first ones names both an id and a responsible unit column.
    pub const NO_HEADING: &str = "import::no-heading";
    /// A heading no preset or map entry knows: the column is not imported (warning).
    pub const IGNORED_COLUMN: &str = "import::ignored-column";
    /// Two columns map to the same field.
    pub const DUPLICATE_COLUMN: &str = "import::duplicate-column";
    /// A cell that should hold a date does not hold one.
    pub const BAD_DATE: &str = "import::bad-date";
    /// A status no translation knows.
    pub const BAD_STATUS: &str = "import::bad-status";
    /// A cell holding a spreadsheet error (`#N/A`) or a value of the wrong type.
    pub const BAD_CELL: &str = "import::bad-cell";
    /// A row without an id or a responsible unit, or a stage detail without its date.
    pub const MISSING_FIELD: &str = "import::missing-field";
    /// The same id on two rows.
    pub const DUPLICATE_ID: &str = "import::duplicate-id";
}

/// What an import gave: the files to write, and every problem found.
#[derive(Debug, Default)]
pub struct Import {
    /// `(file name, YAML text)`, sorted by name.
    pub files: Vec<(String, String)>,
    /// Rows that became records.
    pub records: usize,
    pub errors: Vec<Error>,
}

impl Import {
    /// Whether any problem is an error (the import then writes nothing).
    pub fn failed(&self) -> bool {
        self.errors.iter().any(|e| e.severity == Severity::Error)
    }
}

/// Turn `sheet` into ledger files. `source` names the spreadsheet in the
/// comment at the top of every file written.
pub fn ledger(sheet: &Sheet, source: &str, map: &Map) -> Import {
    let mut errors = Vec::new();
    let Some(heading) = heading_row(sheet, map) else {
        errors.push(no_heading(sheet, map));
        return Import {
            errors,
            ..Import::default()
        };
    };
    let columns = columns(sheet, heading, map, &mut errors);
    let mut records = Vec::new();
    let mut ids: HashMap<String, String> = HashMap::new();
    for row in heading + 1..sheet.rows.len() {
        if sheet.rows[row].iter().all(Cell::is_empty) {
            continue;
        }
        let before = errors.len();
        let record = value::record(sheet, row, &columns, map, &mut errors);
        let Some(record) = record.filter(|_| errors.len() == before) else {
            continue;
        };
        if let Some(first) = ids.get(&record.id) {
            let place = sheet.place(row, columns_of(&columns, &Field::Id));
            let message = Message::new("import-duplicate-id")
                .text("id", shown(&record.id))
                .text("first", first.as_str());
            errors.push(
                Error::new(codes::DUPLICATE_ID, Some(place), message)
                    .help("import-duplicate-id.help"),
            );
            continue;
        }
        ids.insert(
            record.id.clone(),
            sheet.place(row, columns_of(&columns, &Field::Id)),
        );
        records.push(record);
    }
    let count = records.len();
    Import {
        files: emit::files(records, source, &sheet.name),
        records: count,
        errors,
    }
}

/// A cell's place, `Sheet!C12`, as a place to show.
fn cell(place: String) -> Message {
    Message::new("import-cell").text("cell", place)
}

/// A value quoted in a message: neutralised and clipped.
pub(crate) fn shown(text: &str) -> String {
    crate::report::neutral::text(&crate::source::clip(text)).into_owned()
}

/// An error message from a library, lowercase first, as rectify's are.
pub(crate) fn lower(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The column a field was read from (0 when it has none).
fn columns_of(columns: &[(usize, Field)], field: &Field) -> usize {
    columns
        .iter()
        .find(|(_, f)| f == field)
        .map_or(0, |(c, _)| *c)
}

/// The heading row: the map's `header-row`, else the first of the first
/// rows naming an id column and a responsible unit column.
fn heading_row(sheet: &Sheet, map: &Map) -> Option<usize> {
    if let Some(row) = map.header_row {
        return sheet.index_of_row(row);
    }
    sheet.rows.iter().take(HEADING_ROWS).position(|cells| {
        let fields: Vec<Field> = cells.iter().filter_map(|c| map.field(&c.text())).collect();
        fields.contains(&Field::Id) && fields.contains(&Field::Unit)
    })
}

fn no_heading(sheet: &Sheet, map: &Map) -> Error {
    let message = match map.header_row {
        Some(row) => Message::new("import-no-row").int("row", row.into()),
        None => Message::new("import-no-heading").int("rows", HEADING_ROWS as i64),
    };
    let message = message.text("sheet", shown(&sheet.name));
    Error::new(codes::NO_HEADING, None, message).help("import-no-heading.help")
}

/// The field of each heading cell, in column order. An unknown heading is
/// a warning; when two columns name one field the lower-ranked is read
/// (`编号` over `序号`) and the other is a warning, and two of one rank
/// are an error at the second.
fn columns(sheet: &Sheet, row: usize, map: &Map, errors: &mut Vec<Error>) -> Vec<(usize, Field)> {
    let mut columns: Vec<(usize, Field, usize)> = Vec::new();
    let heading_of = |column: usize| {
        let text = sheet.rows[row]
            .get(column)
            .map(Cell::text)
            .unwrap_or_default();
        shown(text.trim())
    };
    for (column, cell) in sheet.rows[row].iter().enumerate() {
        let heading = cell.text();
        if heading.trim().is_empty() {
            continue;
        }
        let place = Some(sheet.place(row, column));
        let Some((field, rank)) = map.ranked(&heading) else {
            let message =
                Message::new("import-ignored-column").text("column", shown(heading.trim()));
            errors.push(
                Error::new(codes::IGNORED_COLUMN, place, message)
                    .help("import-ignored-column.help")
                    .warning(),
            );
            continue;
        };
        if field == Field::Skip {
            continue;
        }
        let Some(at) = columns.iter().position(|(_, f, _)| *f == field) else {
            columns.push((column, field, rank));
            continue;
        };
        let (first, _, first_rank) = columns[at];
        if rank == first_rank {
            let message = Message::new("import-duplicate-column")
                .text("column", shown(heading.trim()))
                .text("field", field.to_string())
                .text("other", heading_of(first))
                .text("place", sheet.place(row, first));
            errors.push(
                Error::new(codes::DUPLICATE_COLUMN, place, message)
                    .help("import-duplicate-column.help"),
            );
            continue;
        }
        let (kept, dropped) = if rank < first_rank {
            columns[at] = (column, field.clone(), rank);
            (column, first)
        } else {
            (first, column)
        };
        let message = Message::new("import-ignored-column-given")
            .text("column", heading_of(dropped))
            .text("kept", heading_of(kept))
            .text("field", field.to_string());
        errors.push(
            Error::new(
                codes::IGNORED_COLUMN,
                Some(sheet.place(row, dropped)),
                message,
            )
            .help("import-ignored-column-given.help")
            .warning(),
        );
    }
    columns.into_iter().map(|(c, f, _)| (c, f)).collect()
}
