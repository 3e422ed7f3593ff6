//! Which column is which field: the built-in presets of the usual Chinese
//! and English ledger headings, and the map file (`--map`) for other
//! layouts.
//!
//! A map file is TOML:
//!
//! ```toml
//! sheet = "台账"            # the sheet to read (default: the first)
//! header-row = 3            # the heading row, 1-based (default: found)
//! date-formats = ["%d/%m/%Y"]   # tried after the built-in forms
//!
//! [columns]                 # heading -> field (or "skip")
//! "问题序号" = "id"
//! "整改责任人" = "owner.name"
//!
//! [status]                  # cell text -> status
//! "已办结" = "completed"
//!
//! [defaults]                # field -> value for every row that has none
//! kind = "petition"
//! ```

use std::collections::HashMap;
use std::fmt;

use toml::de::{DeTable, DeValue};

use super::{Error, codes, lower, shown};
use crate::diag::Message;
use crate::model::Status;

/// A record field a column can fill.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    Kind,
    Title,
    Category,
    Round,
    Region,
    Unit,
    Lead,
    Assigned,
    Deadline,
    Status,
    /// `stages.NAME` (its date) or `stages.NAME.PART`.
    Stage(String, Part),
    /// `extension.to`, `extension.approved_on`, …: the record's one extension.
    Extension(&'static str),
    /// Any other field, by its path (`budget.yuan`).
    Extra(Vec<String>),
    /// A column read by nobody, on purpose.
    Skip,
}

/// A part of a stage entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    Date,
    End,
    By,
    Evidence,
    Note,
}

impl Part {
    pub fn key(self) -> &'static str {
        match self {
            Part::Date => "date",
            Part::End => "end",
            Part::By => "by",
            Part::Evidence => "evidence",
            Part::Note => "note",
        }
    }
}

const EXTENSION_PARTS: [&str; 4] = ["to", "approved_on", "approved_by", "reason"];

impl Field {
    /// A field from its path, as a map file names it.
    pub fn parse(path: &str) -> Option<Field> {
        let simple = match path {
            "id" => Field::Id,
            "kind" => Field::Kind,
            "title" => Field::Title,
            "category" => Field::Category,
            "round" => Field::Round,
            "region" => Field::Region,
            "responsible.unit" => Field::Unit,
            "responsible.lead" => Field::Lead,
            "assigned" => Field::Assigned,
            "deadline" => Field::Deadline,
            "status" => Field::Status,
            "skip" => Field::Skip,
            _ => return Field::compound(path),
        };
        Some(simple)
    }

    fn compound(path: &str) -> Option<Field> {
        let parts: Vec<&str> = path.split('.').collect();
        let name_ok = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
        };
        if !parts.iter().all(|p| name_ok(p)) {
            return None;
        }
        match parts.as_slice() {
            ["stages", name] => Some(Field::Stage((*name).to_string(), Part::Date)),
            ["stages", name, part] => {
                let part = [Part::Date, Part::End, Part::By, Part::Evidence, Part::Note]
                    .into_iter()
                    .find(|p| p.key() == *part)?;
                Some(Field::Stage((*name).to_string(), part))
            }
            ["extension" | "extensions", part] => EXTENSION_PARTS
                .iter()
                .find(|p| *p == part)
                .map(|p| Field::Extension(p)),
            [first, ..] if crate::model::record::FIELDS.contains(first) => None,
            _ => Some(Field::Extra(
                parts.iter().map(|p| (*p).to_string()).collect(),
            )),
        }
    }

    /// What a cell of this field must hold.
    pub fn is_date(&self) -> bool {
        matches!(
            self,
            Field::Assigned
                | Field::Deadline
                | Field::Stage(_, Part::Date | Part::End)
                | Field::Extension("to" | "approved_on")
        )
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Id => f.write_str("id"),
            Field::Kind => f.write_str("kind"),
            Field::Title => f.write_str("title"),
            Field::Category => f.write_str("category"),
            Field::Round => f.write_str("round"),
            Field::Region => f.write_str("region"),
            Field::Unit => f.write_str("responsible.unit"),
            Field::Lead => f.write_str("responsible.lead"),
            Field::Assigned => f.write_str("assigned"),
            Field::Deadline => f.write_str("deadline"),
            Field::Status => f.write_str("status"),
            Field::Stage(name, Part::Date) => write!(f, "stages.{name}"),
            Field::Stage(name, part) => write!(f, "stages.{name}.{}", part.key()),
            Field::Extension(part) => write!(f, "extension.{part}"),
            Field::Extra(path) => f.write_str(&path.join(".")),
            Field::Skip => f.write_str("skip"),
        }
    }
}

/// The built-in headings: each field and the headings that name it.
/// Headings are compared after [`normalize`].
pub const PRESET: &[(&str, &[&str])] = &[
    (
        "id",
        &[
            "编号",
            "问题编号",
            "任务编号",
            "序号",
            "id",
            "no",
            "no.",
            "number",
        ],
    ),
    (
        "title",
        &[
            "整改任务",
            "问题",
            "整改问题",
            "问题描述",
            "任务名称",
            "title",
            "task",
            "problem",
            "issue",
        ],
    ),
    (
        "responsible.unit",
        &[
            "责任单位",
            "整改责任单位",
            "responsibleunit",
            "responsible",
            "unit",
        ],
    ),
    (
        "responsible.lead",
        &["牵头单位", "牵头部门", "leadunit", "lead"],
    ),
    (
        "assigned",
        &["交办日期", "交办时间", "assigned", "assigneddate"],
    ),
    ("deadline", &["整改时限", "完成时限", "deadline"]),
    (
        "status",
        &[
            "完成情况",
            "整改进展",
            "整改进度",
            "整改状态",
            "status",
            "progress",
        ],
    ),
    (
        "stages.plan",
        &["方案报送日期", "整改方案日期", "plan", "plandate"],
    ),
    (
        "stages.verification",
        &["核查日期", "verification", "verificationdate"],
    ),
    (
        "stages.acceptance",
        &["验收日期", "acceptance", "acceptancedate"],
    ),
    (
        "stages.acceptance.by",
        &["验收单位", "acceptedby", "acceptanceby"],
    ),
    (
        "stages.acceptance.evidence",
        &["验收材料", "佐证材料", "evidence", "acceptanceevidence"],
    ),
    (
        "stages.notice",
        &["公示日期", "公示开始日期", "notice", "noticedate"],
    ),
    (
        "stages.notice.end",
        &["公示结束日期", "公示截止日期", "noticeend"],
    ),
    ("stages.closure", &["销号日期", "closure", "closuredate"]),
    ("category", &["类别", "问题类别", "category"]),
    ("round", &["轮次", "督察轮次", "round"]),
    ("region", &["地区", "区域", "region"]),
    ("kind", &["类型", "kind"]),
    (
        "extension.to",
        &["延期至", "延期时限", "extendedto", "extensionto"],
    ),
    (
        "extension.approved_on",
        &["延期批准日期", "extensionapprovedon"],
    ),
    (
        "extension.approved_by",
        &["延期批准单位", "extensionapprovedby"],
    ),
    (
        "extension.reason",
        &["延期理由", "延期原因", "extensionreason"],
    ),
];

/// The built-in status translations (besides the four statuses' own names).
pub const STATUS: &[(&str, Status)] = &[
    ("已完成", Status::Completed),
    ("完成", Status::Completed),
    ("已销号", Status::Completed),
    ("整改中", Status::InProgress),
    ("推进中", Status::InProgress),
    ("序时推进", Status::InProgress),
    ("正在整改", Status::InProgress),
    ("阶段性完成", Status::Staged),
    ("基本完成", Status::Staged),
    ("未启动", Status::NotStarted),
    ("未开始", Status::NotStarted),
    ("completed", Status::Completed),
    ("in-progress", Status::InProgress),
    ("inprogress", Status::InProgress),
    ("staged", Status::Staged),
    ("not-started", Status::NotStarted),
    ("notstarted", Status::NotStarted),
];

/// A heading or status as compared: NFKC, spaces and `_` dropped, lower
/// case, and a trailing note in brackets (`整改时限（年月日）`) cut.
pub fn normalize(text: &str) -> String {
    let clean = crate::units::clean(text);
    let cut = clean
        .find(['(', '（'])
        .map_or(clean.as_str(), |i| &clean[..i]);
    cut.chars()
        .filter(|c| !c.is_whitespace() && *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

/// How to read one ledger: the presets, and what a map file adds.
#[derive(Clone, Debug, Default)]
pub struct Map {
    pub sheet: Option<String>,
    pub header_row: Option<u32>,
    /// strftime forms tried after the built-in ones.
    pub date_formats: Vec<String>,
    /// Normalized heading -> field and rank: 0 for the map file's entries,
    /// else 1 + the heading's place in its preset list (`编号` before `序号`).
    columns: HashMap<String, (Field, usize)>,
    /// Normalized status text -> status.
    status: HashMap<String, Status>,
    /// Field -> value for rows whose cell is empty or missing.
    pub defaults: Vec<(Field, String)>,
}

impl Map {
    /// The presets alone.
    pub fn preset() -> Map {
        let mut map = Map::default();
        for (field, headings) in PRESET {
            let Some(field) = Field::parse(field) else {
                continue;
            };
            for (rank, heading) in (1..).zip(*headings) {
                map.columns
                    .insert(normalize(heading), (field.clone(), rank));
            }
        }
        for (text, status) in STATUS {
            map.status.insert(normalize(text), status.clone());
        }
        map
    }

    /// The field a heading names.
    pub fn field(&self, heading: &str) -> Option<Field> {
        self.ranked(heading).map(|(field, _)| field)
    }

    /// The field a heading names and its rank: when two columns name one
    /// field, the lower rank is read (the map file's, else the preset's
    /// first-listed heading).
    pub fn ranked(&self, heading: &str) -> Option<(Field, usize)> {
        self.columns.get(&normalize(heading)).cloned()
    }

    /// The status a cell's text means.
    pub fn status(&self, text: &str) -> Option<Status> {
        self.status.get(&normalize(text)).cloned()
    }

    /// The presets with a map file's entries on top; `name` is the file's
    /// name for messages. Every problem is reported, in line order.
    pub fn parse(text: &str, name: &str) -> Result<Map, Vec<Error>> {
        let mut problems = Problems {
            text,
            name,
            found: Vec::new(),
        };
        let table = match DeTable::parse(text) {
            Ok(table) => table,
            Err(e) => {
                let at = e.span().map_or(0, |s| s.start);
                let reason = lower(first_line(e.message()));
                problems.add(
                    at,
                    Message::new("import-map-toml").text("reason", reason),
                    None,
                );
                return Err(problems.into_errors());
            }
        };
        let mut map = Map::preset();
        for (key, value) in table.get_ref() {
            let at = key.span().start;
            match (key.get_ref().as_ref(), value.get_ref()) {
                ("sheet", DeValue::String(s)) => map.sheet = Some(s.to_string()),
                ("header-row", DeValue::Integer(i)) => {
                    match i.as_str().parse::<u32>().ok().filter(|r| *r >= 1) {
                        Some(row) => map.header_row = Some(row),
                        None => problems.add(
                            at,
                            Message::new("import-map-header-row").text("found", shown(i.as_str())),
                            Some("import-map-header-row.help"),
                        ),
                    }
                }
                ("date-formats", DeValue::Array(list)) => {
                    for item in list.iter() {
                        match item.get_ref() {
                            DeValue::String(s) => map.date_formats.push(s.to_string()),
                            _ => problems.add(
                                item.span().start,
                                Message::new("import-map-date-formats"),
                                Some("import-map-date-formats.help"),
                            ),
                        }
                    }
                }
                ("columns", DeValue::Table(t)) => map.columns_from(t, &mut problems),
                ("status", DeValue::Table(t)) => map.status_from(t, &mut problems),
                ("defaults", DeValue::Table(t)) => map.defaults_from(t, &mut problems),
                (key @ ("sheet" | "header-row" | "date-formats"), _) => {
                    let message = Message::new("import-map-wrong-type").text("key", key);
                    problems.add(at, message, Some(KEYS_HELP))
                }
                (key @ ("columns" | "status" | "defaults"), _) => {
                    let message = Message::new("import-map-not-a-table").text("key", key);
                    problems.add(at, message, Some(KEYS_HELP))
                }
                (key, _) => {
                    let message = Message::new("import-map-unknown-key").text("key", shown(key));
                    problems.add(at, message, Some(KEYS_HELP))
                }
            }
        }
        if problems.found.is_empty() {
            Ok(map)
        } else {
            Err(problems.into_errors())
        }
    }

    fn columns_from(&mut self, table: &DeTable<'_>, problems: &mut Problems<'_>) {
        for (heading, field) in table.iter() {
            let at = heading.span().start;
            let parsed = match field.get_ref() {
                DeValue::String(f) => Field::parse(f).ok_or_else(|| shown(f)),
                _ => Err(String::new()),
            };
            match parsed {
                Ok(field) => {
                    self.columns
                        .insert(normalize(heading.get_ref()), (field, 0));
                }
                Err(f) if !f.is_empty() => problems.add(
                    at,
                    Message::new("import-map-not-a-field").text("field", f),
                    Some(FIELDS_HELP),
                ),
                Err(_) => problems.add(
                    at,
                    Message::new("import-map-column").text("column", shown(heading.get_ref())),
                    Some(FIELDS_HELP),
                ),
            }
        }
    }

    fn status_from(&mut self, table: &DeTable<'_>, problems: &mut Problems<'_>) {
        for (cell, status) in table.iter() {
            let found = match status.get_ref() {
                // Only the statuses' own names, as records write them.
                DeValue::String(s) => STATUS
                    .iter()
                    .filter(|(n, _)| {
                        ["not-started", "in-progress", "staged", "completed"].contains(n)
                    })
                    .find(|(n, _)| *n == s.as_ref()),
                _ => None,
            };
            match found {
                Some((_, status)) => {
                    self.status
                        .insert(normalize(cell.get_ref()), status.clone());
                }
                None => problems.add(
                    cell.span().start,
                    Message::new("import-map-status").text("status", shown(cell.get_ref())),
                    Some("import-map-status.help"),
                ),
            }
        }
    }

    fn defaults_from(&mut self, table: &DeTable<'_>, problems: &mut Problems<'_>) {
        for (field, value) in table.iter() {
            match (Field::parse(field.get_ref()), value.get_ref()) {
                (Some(field), DeValue::String(v)) => self.defaults.push((field, v.to_string())),
                _ => problems.add(
                    field.span().start,
                    Message::new("import-map-default").text("field", shown(field.get_ref())),
                    Some(FIELDS_HELP),
                ),
            }
        }
    }
}

/// A map file's problems, each at a byte offset of the file.
struct Problems<'a> {
    text: &'a str,
    name: &'a str,
    found: Vec<(usize, Error)>,
}

impl Problems<'_> {
    /// A problem at byte `at`: `message` (an `import-map-…` message)
    /// is given the file's name and the line, `help` is a message id.
    fn add(&mut self, at: usize, message: Message, help: Option<&'static str>) {
        let line = self.text.as_bytes()[..at.min(self.text.len())]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        let message = message
            .text("file", shown(self.name))
            .int("line", i64::try_from(line + 1).unwrap_or(i64::MAX));
        let mut error = Error::new(codes::MAP, None, message);
        error.help = help.map(Message::new);
        self.found.push((at, error));
    }

    fn into_errors(mut self) -> Vec<Error> {
        self.found.sort_by_key(|(at, _)| *at);
        self.found.into_iter().map(|(_, e)| e).collect()
    }
}

/// The advice on a map file's keys.
const KEYS_HELP: &str = "import-map-keys";

/// The advice on the fields a column can fill.
const FIELDS_HELP: &str = "import-map-fields";

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message).trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_heading_names_a_field() {
        for (field, _) in PRESET {
            assert!(Field::parse(field).is_some(), "{field}");
        }
    }

    #[test]
    fn headings_compare_without_notes_spaces_or_case() {
        let map = Map::preset();
        assert_eq!(map.field("整改时限（年月日）"), Some(Field::Deadline));
        assert_eq!(map.field(" Responsible Unit "), Some(Field::Unit));
        assert_eq!(
            map.field("Closure_Date"),
            Some(Field::Stage("closure".into(), Part::Date))
        );
        assert_eq!(map.field("说明"), None);
    }

    #[test]
    fn a_map_file_adds_columns_status_and_defaults() {
        let text = "sheet = \"台账\"\nheader-row = 2\n[columns]\n\"问题序号\" = \"id\"\n\"责任人\" = \"owner.name\"\n[status]\n\"已办结\" = \"completed\"\n[defaults]\nkind = \"petition\"\n";
        let map = Map::parse(text, "map.toml").unwrap_or_default();
        assert_eq!(map.sheet.as_deref(), Some("台账"));
        assert_eq!(map.header_row, Some(2));
        assert_eq!(map.field("问题序号"), Some(Field::Id));
        assert_eq!(
            map.field("责任人"),
            Some(Field::Extra(vec!["owner".into(), "name".into()]))
        );
        assert_eq!(map.status("已办结"), Some(Status::Completed));
        assert_eq!(map.defaults, vec![(Field::Kind, "petition".into())]);
    }

    #[test]
    fn a_map_file_naming_an_unknown_field_is_an_error() {
        let errors = Map::parse("[columns]\n\"x\" = \"stages.plan.when\"\n", "m.toml")
            .err()
            .unwrap_or_default();
        assert_eq!(errors.len(), 1);
        let message = errors[0].message.english();
        assert!(
            message.contains("`stages.plan.when` is not a field"),
            "{message}"
        );
    }
}
