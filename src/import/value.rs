//! One row to one record: each cell read as its field's type (text, date,
//! status, list), every cell that cannot be read an error at its place.

use jiff::civil::Date;

use super::map::{Field, Map, Part};
use super::read::{Cell, Sheet};
use super::{Error, codes, shown};
use crate::diag::Message;
use crate::model::Status;

/// The serial of 1900-03-01 in Excel's 1900 date system: below it the
/// serials count a 29 February 1900 that never was.
const FIRST_SERIAL: f64 = 61.0;
/// The serial of 9999-12-31.
const LAST_SERIAL: f64 = 2_958_465.0;

/// A cell's value, typed.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Date(Date),
    Status(Status),
    List(Vec<String>),
}

/// A row that became a record: its fields in column order.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub id: String,
    pub unit: String,
    /// Where the row is, `Sheet!A5`, for a comment in the YAML.
    pub place: String,
    pub fields: Vec<(Field, Value)>,
}

/// Read row `row`; `None` (with errors) when it cannot be a record.
pub fn record(
    sheet: &Sheet,
    row: usize,
    columns: &[(usize, Field)],
    map: &Map,
    errors: &mut Vec<Error>,
) -> Option<Row> {
    let mut fields: Vec<(Field, Value)> = Vec::new();
    let empty = Cell::Empty;
    for (column, field) in columns {
        let cell = sheet.rows[row].get(*column).unwrap_or(&empty);
        let place = || sheet.place(row, *column);
        if cell.is_empty() {
            continue;
        }
        match read(cell, field, map) {
            Ok(value) => fields.push((field.clone(), value)),
            Err(e) => errors.push(e.at(super::cell(place()), field)),
        }
    }
    for (field, text) in &map.defaults {
        if !fields.iter().any(|(f, _)| f == field) {
            match read(&Cell::Text(text.clone()), field, map) {
                Ok(value) => fields.push((field.clone(), value)),
                Err(e) => {
                    let place = Message::new("import-default").text("field", field.to_string());
                    errors.push(e.at(place, field));
                }
            }
        }
    }
    let first = sheet.place(row, 0);
    let text_of = |wanted: &Field| {
        fields.iter().find_map(|(f, v)| match v {
            Value::Text(t) if f == wanted => Some(t.clone()),
            _ => None,
        })
    };
    let required = |field: &Field, what: &'static str, errors: &mut Vec<Error>| {
        let text = text_of(field);
        if text.is_none() {
            let column = columns.iter().find(|(_, f)| f == field).map(|(c, _)| *c);
            let place = column.map_or_else(|| first.clone(), |c| sheet.place(row, c));
            let message = Message::new("import-missing-field").text("what", what);
            let help = Message::new("import-missing-field.help").text("field", field.to_string());
            errors.push(Error::new(codes::MISSING_FIELD, Some(place), message).help(help));
        }
        text
    };
    let id = required(&Field::Id, "id", errors);
    let unit = required(&Field::Unit, "unit", errors);
    details_need_dates(&fields, sheet, row, columns, errors);
    Some(Row {
        id: id?,
        unit: unit?,
        place: first,
        fields,
    })
}

/// A stage's `end`, `by`, … without its date, or an extension without
/// `to`, is an error at the detail's cell.
fn details_need_dates(
    fields: &[(Field, Value)],
    sheet: &Sheet,
    row: usize,
    columns: &[(usize, Field)],
    errors: &mut Vec<Error>,
) {
    let has = |wanted: &Field| fields.iter().any(|(f, _)| f == wanted);
    for (field, _) in fields {
        let needs = match field {
            Field::Stage(name, part) if *part != Part::Date => {
                Field::Stage(name.clone(), Part::Date)
            }
            Field::Extension(part) if *part != "to" => Field::Extension("to"),
            _ => continue,
        };
        if !has(&needs) {
            let column = columns
                .iter()
                .find(|(_, f)| f == field)
                .map_or(0, |(c, _)| *c);
            let needs = needs.to_string();
            let message = Message::new("import-missing-date")
                .text("field", field.to_string())
                .text("needs", needs.as_str());
            let help = Message::new("import-missing-date.help").text("needs", needs);
            let place = Some(sheet.place(row, column));
            errors.push(Error::new(codes::MISSING_FIELD, place, message).help(help));
        }
    }
}

/// Why a cell could not be read, before its place is known.
pub struct Problem {
    code: &'static str,
    message: Message,
    /// The advice's message id; it names the field read (`field`).
    help: &'static str,
}

impl Problem {
    fn at(self, place: Message, field: &Field) -> Error {
        Error {
            place: Some(place),
            ..Error::new(self.code, None, self.message)
        }
        .help(Message::new(self.help).text("field", field.to_string()))
    }
}

fn read(cell: &Cell, field: &Field, map: &Map) -> Result<Value, Problem> {
    if let Cell::Error(e) = cell {
        return Err(Problem {
            code: codes::BAD_CELL,
            message: Message::new("import-bad-cell").text("error", shown(e)),
            help: "import-bad-cell.help",
        });
    }
    if field.is_date() {
        return date(cell, &map.date_formats).map(Value::Date);
    }
    match field {
        Field::Status => status(cell, map).map(Value::Status),
        Field::Stage(_, Part::Evidence) => Ok(Value::List(list(&cell.text()))),
        _ => Ok(Value::Text(cell.text().trim().to_string())),
    }
}

fn status(cell: &Cell, map: &Map) -> Result<Status, Problem> {
    let text = cell.text();
    map.status(&text).ok_or_else(|| Problem {
        code: codes::BAD_STATUS,
        message: Message::new("import-bad-status").text("status", shown(text.trim())),
        help: "import-bad-status.help",
    })
}

/// Evidence: one item per line, or separated by `;` or `；`.
fn list(text: &str) -> Vec<String> {
    text.split(['\n', ';', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A date cell, an Excel serial number, or text in one of the built-in
/// forms or the map's `date-formats`.
pub fn date(cell: &Cell, formats: &[String]) -> Result<Date, Problem> {
    let bad = |message: Message| Problem {
        code: codes::BAD_DATE,
        message,
        help: "import-bad-date.help",
    };
    match cell {
        Cell::Date(Some(d)) => Ok(*d),
        Cell::Date(None) => Err(bad(Message::new("import-bad-date-years"))),
        Cell::Number(n) => serial(*n).ok_or_else(|| {
            bad(Message::new("import-bad-date-serial").text("value", Cell::Number(*n).text()))
        }),
        _ => {
            let text = cell.text();
            let text = text.trim();
            if let Some(d) = text_date(text) {
                return d.map_err(|why| bad(why.text("value", shown(text))));
            }
            formats
                .iter()
                .find_map(|f| Date::strptime(f, text).ok())
                .ok_or_else(|| bad(Message::new("import-bad-date").text("value", shown(text))))
        }
    }
}

/// An Excel serial (1900 date system) as a day; the time of day is dropped.
fn serial(n: f64) -> Option<Date> {
    if !(FIRST_SERIAL..=LAST_SERIAL + 0.999_999).contains(&n) {
        return None;
    }
    let days = n.floor() as i64;
    Date::constant(1899, 12, 30)
        .checked_add(jiff::Span::new().days(days))
        .ok()
}

/// `2023-06-30`, `2023/6/30`, `2023.6.30`, `2023年6月30日`: `None` when the
/// text has none of those shapes; an error when it has one but is not a
/// day of the calendar (`2023-02-30`).
fn text_date(text: &str) -> Option<Result<Date, Message>> {
    let parts: Vec<&str> = if let Some(rest) = text.strip_suffix('日') {
        let (year, rest) = rest.split_once('年')?;
        let (month, day) = rest.split_once('月')?;
        vec![year, month, day]
    } else {
        let sep = ['-', '/', '.'].into_iter().find(|s| text.contains(*s))?;
        text.split(sep).collect()
    };
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str, max: usize| {
        !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
    };
    if year.len() != 4 || !digits(year, 4) || !digits(month, 2) || !digits(day, 2) {
        return None;
    }
    let (Ok(y), Ok(m), Ok(d)) = (year.parse::<i16>(), month.parse::<i8>(), day.parse::<i8>())
    else {
        return None;
    };
    Some(Date::new(y, m, d).map_err(|_| {
        match m {
            1..=12 => Message::new("import-bad-date-day")
                .int("month", m.into())
                .int("year", y.into())
                .int("day", d.into()),
            _ => Message::new("import-bad-date-month").int("month", m.into()),
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Option<Date> {
        date(&Cell::Text(text.into()), &[]).ok()
    }

    #[test]
    fn the_built_in_date_forms_read_alike() {
        let june = Date::new(2023, 6, 30).ok();
        for text in [
            "2023-06-30",
            "2023/6/30",
            "2023.6.30",
            "2023年6月30日",
            " 2023-6-30 ",
        ] {
            assert_eq!(day(text), june, "{text}");
        }
        assert_eq!(date(&Cell::Number(45107.0), &[]).ok(), june);
        assert_eq!(date(&Cell::Number(45107.75), &[]).ok(), june);
    }

    #[test]
    fn impossible_days_and_other_text_are_errors() {
        for text in [
            "2023-02-30",
            "2023-13-01",
            "30/6/2023",
            "明年六月",
            "45107",
            "2023-06",
        ] {
            assert_eq!(day(text), None, "{text}");
        }
        assert_eq!(date(&Cell::Number(12.0), &[]).ok(), None);
        let reason = date(&Cell::Text("2023-02-30".into()), &[])
            .err()
            .map(|p| p.message.english());
        assert_eq!(
            reason.as_deref(),
            Some("`2023-02-30` is not a date: month 2 of 2023 has no day 30")
        );
    }

    #[test]
    fn map_date_formats_are_tried_after_the_built_in_ones() {
        let formats = vec!["%d/%m/%Y".to_string()];
        assert_eq!(
            date(&Cell::Text("30/6/2023".into()), &formats).ok(),
            Date::new(2023, 6, 30).ok()
        );
    }

    #[test]
    fn a_spreadsheet_error_is_an_error_in_any_column() {
        let map = Map::preset();
        for field in [Field::Title, Field::Deadline, Field::Status] {
            let problem = read(&Cell::Error("#N/A".into()), &field, &map).err();
            assert_eq!(
                problem.map(|p| (p.code, p.message.english())),
                Some((
                    codes::BAD_CELL,
                    "the cell holds the spreadsheet error `#N/A`".to_string()
                ))
            );
        }
    }

    #[test]
    fn evidence_splits_on_lines_and_semicolons() {
        assert_eq!(
            list("a.pdf\nb.pdf；c.zip; "),
            vec!["a.pdf", "b.pdf", "c.zip"]
        );
    }
}
