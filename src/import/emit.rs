//! Records to YAML text, written by hand so that the same sheet always
//! gives the same bytes: keys in one fixed order, every text value
//! double-quoted and escaped, dates and statuses plain.

use std::collections::HashMap;

use super::map::{Field, Part};
use super::value::{Row, Value};
use crate::model::Status;

/// Top-level keys moved into a unit's `ledger:` header when every record
/// of the unit has the same value.
const HEADER_KEYS: [&str; 5] = ["kind", "round", "region", "responsible", "assigned"];

/// A YAML value as it will be written.
#[derive(Clone, Debug, PartialEq)]
enum Node {
    /// Already in YAML form (quoted, or a date or status).
    Scalar(String),
    Map(Vec<(String, Node)>),
    List(Vec<Node>),
}

/// One ledger file per responsible unit (units compared by their key, in
/// the order first met), named after the unit, sorted by name.
pub fn files(rows: Vec<Row>, source: &str, sheet: &str) -> Vec<(String, String)> {
    let mut units: Vec<(String, Vec<Row>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for row in rows {
        let key = crate::units::key(&row.unit);
        let at = *index.entry(key).or_insert_with(|| {
            units.push((crate::units::clean(&row.unit), Vec::new()));
            units.len() - 1
        });
        units[at].1.push(row);
    }
    let mut taken: HashMap<String, usize> = HashMap::new();
    let mut files: Vec<(String, String)> = units
        .into_iter()
        .map(|(unit, rows)| {
            let stem = file_stem(&unit);
            let n = taken.entry(stem.clone()).or_insert(0);
            *n += 1;
            let name = match *n {
                1 => format!("{stem}.yaml"),
                n => format!("{stem}-{n}.yaml"),
            };
            (name, ledger(&unit, &rows, source, sheet))
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

/// A file name from a unit name: letters and digits kept (Chinese too),
/// ASCII lower-cased, every other run of characters one `-`.
fn file_stem(unit: &str) -> String {
    let mut stem = String::new();
    for c in unit.chars() {
        if c.is_alphanumeric() {
            stem.extend(c.to_lowercase());
        } else if !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem = stem.trim_matches('-');
    if stem.is_empty() {
        "unit".to_string()
    } else {
        stem.chars().take(80).collect()
    }
}

/// One unit's ledger file.
fn ledger(unit: &str, rows: &[Row], source: &str, sheet: &str) -> String {
    let mut records: Vec<Node> = rows.iter().map(record).collect();
    let header = hoist(&mut records);
    let shown = |s: &str| crate::report::neutral::text(s).into_owned();
    let mut out = format!(
        "# {}: imported by `rectify import` from {}, sheet {}\n",
        shown(unit),
        shown(source),
        shown(sheet)
    );
    out.push_str("# edit the spreadsheet and import it again rather than this file\n");
    if !header.is_empty() {
        out.push_str("ledger:\n");
        write_map(&header, 2, &mut out);
    }
    out.push_str("records:\n");
    for (row, node) in rows.iter().zip(&records) {
        out.push_str(&format!("  # {}\n", shown(&row.place)));
        if let Node::Map(entries) = node {
            item(entries, 2, &mut out);
        }
    }
    out
}

/// Move the [`HEADER_KEYS`] every record shares into the header.
fn hoist(records: &mut [Node]) -> Vec<(String, Node)> {
    let mut header = Vec::new();
    for key in HEADER_KEYS {
        let value = |n: &Node| match n {
            Node::Map(entries) => entries
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone()),
            _ => None,
        };
        let Some(first) = records.first().and_then(value) else {
            continue;
        };
        if records.iter().all(|r| value(r).as_ref() == Some(&first)) {
            for r in records.iter_mut() {
                if let Node::Map(entries) = r {
                    entries.retain(|(k, _)| k != key);
                }
            }
            header.push((key.to_string(), first));
        }
    }
    header
}

/// A row's fields as a record mapping, keys in the README's order.
fn record(row: &Row) -> Node {
    let get = |field: &Field| {
        row.fields
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, v)| scalar(v))
    };
    let mut entries = Vec::new();
    let simple = [
        ("id", Field::Id),
        ("kind", Field::Kind),
        ("title", Field::Title),
        ("category", Field::Category),
        ("round", Field::Round),
        ("region", Field::Region),
    ];
    for (key, field) in &simple {
        if let Some(v) = get(field) {
            entries.push((key.to_string(), v));
        }
    }
    let responsible: Vec<(String, Node)> = [("unit", Field::Unit), ("lead", Field::Lead)]
        .into_iter()
        .filter_map(|(k, f)| get(&f).map(|v| (k.to_string(), v)))
        .collect();
    entries.push(("responsible".into(), Node::Map(responsible)));
    for (key, field) in [
        ("assigned", Field::Assigned),
        ("deadline", Field::Deadline),
        ("status", Field::Status),
    ] {
        if let Some(v) = get(&field) {
            entries.push((key.to_string(), v));
        }
    }
    if let Some(stages) = stages(row) {
        entries.push(("stages".into(), stages));
    }
    let extension: Vec<(String, Node)> = ["to", "approved_on", "approved_by", "reason"]
        .into_iter()
        .filter_map(|p| get(&Field::Extension(p)).map(|v| (p.to_string(), v)))
        .collect();
    if !extension.is_empty() {
        entries.push(("extensions".into(), Node::List(vec![Node::Map(extension)])));
    }
    for (field, value) in &row.fields {
        if let Field::Extra(path) = field {
            insert(&mut entries, path, scalar(value));
        }
    }
    Node::Map(entries)
}

/// The `stages:` mapping, stages in column order: a date alone, or a
/// mapping of its parts.
fn stages(row: &Row) -> Option<Node> {
    let mut names: Vec<&str> = Vec::new();
    for (field, _) in &row.fields {
        if let Field::Stage(name, _) = field {
            if !names.contains(&name.as_str()) {
                names.push(name);
            }
        }
    }
    if names.is_empty() {
        return None;
    }
    let entries = names
        .into_iter()
        .map(|name| {
            let parts: Vec<(String, Node)> =
                [Part::Date, Part::End, Part::By, Part::Evidence, Part::Note]
                    .into_iter()
                    .filter_map(|part| {
                        let field = Field::Stage(name.to_string(), part);
                        row.fields
                            .iter()
                            .find(|(f, _)| *f == field)
                            .map(|(_, v)| (part.key().to_string(), scalar(v)))
                    })
                    .collect();
            let node = match parts.as_slice() {
                [(key, date)] if key == "date" => date.clone(),
                _ => Node::Map(parts),
            };
            (name.to_string(), node)
        })
        .collect();
    Some(Node::Map(entries))
}

/// Put `value` at `path` in nested mappings.
fn insert(entries: &mut Vec<(String, Node)>, path: &[String], value: Node) {
    let [first, rest @ ..] = path else {
        return;
    };
    if rest.is_empty() {
        entries.push((first.clone(), value));
        return;
    }
    let at = match entries.iter().position(|(k, _)| k == first) {
        Some(at) => at,
        None => {
            entries.push((first.clone(), Node::Map(Vec::new())));
            entries.len() - 1
        }
    };
    if let Node::Map(inner) = &mut entries[at].1 {
        insert(inner, rest, value);
    }
}

fn scalar(value: &Value) -> Node {
    match value {
        Value::Text(t) => Node::Scalar(quote(t)),
        Value::Date(d) => Node::Scalar(d.to_string()),
        Value::Status(s) => Node::Scalar(status(s).to_string()),
        Value::List(items) => Node::List(items.iter().map(|i| Node::Scalar(quote(i))).collect()),
    }
}

fn status(s: &Status) -> &'static str {
    match s {
        Status::NotStarted => "not-started",
        Status::InProgress => "in-progress",
        Status::Staged => "staged",
        Status::Completed => "completed",
    }
}

/// A YAML double-quoted scalar: `\` and `"` escaped, control, bidi and
/// BOM characters as `\uXXXX` escapes, so no value can end the string,
/// start a line or hide what follows.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if crate::report::neutral::is_control(c) || c == '\u{feff}' => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn write_map(entries: &[(String, Node)], indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    for (key, node) in entries {
        match node {
            Node::Scalar(s) => out.push_str(&format!("{pad}{key}: {s}\n")),
            Node::Map(inner) if inner.is_empty() => out.push_str(&format!("{pad}{key}: {{}}\n")),
            Node::Map(inner) => {
                out.push_str(&format!("{pad}{key}:\n"));
                write_map(inner, indent + 2, out);
            }
            Node::List(items) if items.is_empty() => out.push_str(&format!("{pad}{key}: []\n")),
            Node::List(items) => {
                out.push_str(&format!("{pad}{key}:\n"));
                for node in items {
                    match node {
                        Node::Map(inner) => item(inner, indent + 2, out),
                        Node::Scalar(s) => out.push_str(&format!("{pad}  - {s}\n")),
                        Node::List(_) => {}
                    }
                }
            }
        }
    }
}

/// A mapping as a list item: `- ` then its entries, indented under it.
fn item(entries: &[(String, Node)], indent: usize, out: &mut String) {
    let mut body = String::new();
    write_map(entries, indent + 2, &mut body);
    out.push_str(&" ".repeat(indent));
    out.push_str("- ");
    out.push_str(&body[indent + 2..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_escapes_what_could_break_out() {
        assert_eq!(quote("a\"b\\c\nd\u{202e}"), "\"a\\\"b\\\\c\\nd\\u202E\"");
    }

    #[test]
    fn file_stems_keep_chinese_and_fold_the_rest() {
        assert_eq!(
            file_stem("Nanjing Municipal Government"),
            "nanjing-municipal-government"
        );
        assert_eq!(file_stem("南京市人民政府"), "南京市人民政府");
        assert_eq!(file_stem("../../etc"), "etc");
        assert_eq!(file_stem("///"), "unit");
    }
}
