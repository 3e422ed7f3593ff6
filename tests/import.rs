//! `rectify import` through the binary: the sample ledger in examples/,
//! generated here from the YAML example, imports to records that give the
//! YAML example's task findings; a broken cell is reported at its place;
//! imports are byte-for-byte repeatable and never overwrite by accident.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::cmd::rectify_in;
use rectify::model::{self, Record, Schema, Status};
use rectify::yaml::{Limits, Value};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

const SAMPLE: &str = "examples/jiangsu/ledger.xlsx";
const TASKS: &str = "examples/jiangsu/tasks";
const AS_OF: &str = "2025-06-30";

/// The sample ledger's headings: the presets' Chinese ones.
const HEADINGS: [&str; 22] = [
    "序号",
    "整改任务",
    "类别",
    "轮次",
    "地区",
    "责任单位",
    "牵头单位",
    "交办日期",
    "整改时限",
    "延期至",
    "延期批准日期",
    "延期批准单位",
    "延期理由",
    "完成情况",
    "方案报送日期",
    "核查日期",
    "验收日期",
    "验收单位",
    "验收材料",
    "公示日期",
    "公示结束日期",
    "销号日期",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema() -> Schema {
    let stages = ["plan", "verification", "acceptance", "notice", "closure"];
    Schema {
        kinds: vec![(
            "task".into(),
            stages.iter().map(|s| s.to_string()).collect(),
        )],
        ..Schema::default()
    }
}

/// Every task of the YAML example, in file order.
fn tasks() -> Vec<Record> {
    let mut names: Vec<_> = std::fs::read_dir(root().join(TASKS))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    names.sort();
    names
        .iter()
        .flat_map(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            model::load(&text, &schema(), &Limits::default()).records
        })
        .collect()
}

fn text(record: &Record, key: &str) -> String {
    match record.get(&[key]).map(|n| &n.value) {
        Some(Value::Str { text, .. }) => text.clone(),
        _ => String::new(),
    }
}

fn status(s: &Status) -> &'static str {
    match s {
        Status::Completed => "已完成",
        Status::Staged => "阶段性完成",
        Status::InProgress => "整改中",
        Status::NotStarted => "未启动",
    }
}

/// The sample ledger: one row per task of the YAML example, dates mostly
/// as Excel dates, 交办日期 as `2022年6月1日` text and 公示结束日期 as
/// `2023.11.24` text, as real ledgers mix them. Deterministic: the
/// workbook's creation date is fixed.
fn sample_ledger() -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2025, 6, 30)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&fixed));
    let sheet = book.add_worksheet().set_name("整改台账")?;
    let bold = Format::new().set_bold();
    let day = Format::new().set_num_format("yyyy-mm-dd");
    sheet.merge_range(
        0,
        0,
        0,
        21,
        "江苏省中央第二轮生态环境保护督察反馈问题整改台账（示例）",
        &bold,
    )?;
    for (col, heading) in (0u16..).zip(HEADINGS) {
        sheet.write_string_with_format(1, col, heading, &bold)?;
        sheet.set_column_width(col, if col == 1 { 40.0 } else { 14.0 })?;
    }
    for (row, task) in (2u32..).zip(tasks()) {
        let mut date = |col: u16, d: Option<jiff::civil::Date>| -> Result<(), XlsxError> {
            if let Some(d) = d {
                let cell =
                    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                sheet.write_datetime_with_format(row, col, &cell, &day)?;
            }
            Ok(())
        };
        let stage = |name: &str| task.stage(name);
        let extension = task.extensions.first();
        date(8, task.deadline.as_ref().map(|d| d.value))?;
        date(9, extension.and_then(|e| e.to.as_ref()).map(|d| d.value))?;
        date(
            10,
            extension
                .and_then(|e| e.approved_on.as_ref())
                .map(|d| d.value),
        )?;
        for (col, name) in [
            (14, "plan"),
            (15, "verification"),
            (16, "acceptance"),
            (19, "notice"),
            (21, "closure"),
        ] {
            date(col, stage(name).map(|s| s.date.value))?;
        }
        let texts = [
            (0, task.id.value.clone()),
            (
                1,
                task.title
                    .as_ref()
                    .map(|t| t.value.clone())
                    .unwrap_or_default(),
            ),
            (2, text(&task, "category")),
            (
                3,
                task.round
                    .as_ref()
                    .map(|r| r.value.clone())
                    .unwrap_or_default(),
            ),
            (4, text(&task, "region")),
            (5, task.unit.value.clone()),
            (
                6,
                task.lead
                    .as_ref()
                    .map(|l| l.value.clone())
                    .unwrap_or_default(),
            ),
            (
                7,
                task.assigned
                    .as_ref()
                    .map(|d| {
                        format!(
                            "{}年{}月{}日",
                            d.value.year(),
                            d.value.month(),
                            d.value.day()
                        )
                    })
                    .unwrap_or_default(),
            ),
            (
                11,
                extension
                    .and_then(|e| e.approved_by.as_ref())
                    .map(|s| s.value.clone())
                    .unwrap_or_default(),
            ),
            (
                12,
                extension
                    .and_then(|e| e.reason.as_ref())
                    .map(|s| s.value.clone())
                    .unwrap_or_default(),
            ),
            (
                13,
                task.status
                    .as_ref()
                    .map(|s| status(&s.value).to_string())
                    .unwrap_or_default(),
            ),
            (
                17,
                stage("acceptance")
                    .and_then(|s| s.by.as_ref())
                    .map(|b| b.value.clone())
                    .unwrap_or_default(),
            ),
            (
                18,
                stage("acceptance")
                    .and_then(|s| s.evidence.as_ref())
                    .map(|e| {
                        e.value
                            .iter()
                            .map(|i| i.value.as_str())
                            .collect::<Vec<_>>()
                            .join("\n")
                    })
                    .unwrap_or_default(),
            ),
            (
                20,
                stage("notice")
                    .and_then(|s| s.end.as_ref())
                    .map(|d| format!("{}.{}.{}", d.value.year(), d.value.month(), d.value.day()))
                    .unwrap_or_default(),
            ),
        ];
        for (col, value) in texts {
            if !value.is_empty() {
                sheet.write_string(row, col, &value)?;
            }
        }
    }
    sheet.set_freeze_panes(2, 0)?;
    book.save_to_buffer()
}

/// The committed sample is what the generator makes; run with
/// `RECTIFY_REGENERATE=1` after changing the generator or the example.
#[test]
fn the_sample_ledger_is_the_generated_one() {
    let generated = sample_ledger().expect("the sample ledger is generated");
    let path = root().join(SAMPLE);
    if std::env::var_os("RECTIFY_REGENERATE").is_some() {
        std::fs::write(&path, &generated).expect("the sample ledger is written");
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{SAMPLE} is stale: run `RECTIFY_REGENERATE=1 cargo test --test import`"
    );
}

/// `(rule, record)` of every finding of `rectify check PATH` as of the
/// example's date.
fn findings(dir: &Path, path: &str) -> BTreeSet<(String, String)> {
    let (code, stdout, stderr) = rectify_in(
        dir,
        &[
            "check",
            path,
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "--no-config",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or("").to_string(),
                f["record"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn import(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["import"];
    all.extend(args);
    rectify_in(dir, &all)
}

#[test]
fn the_imported_sample_gives_the_yaml_examples_task_findings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sample = root().join(SAMPLE);
    let (code, _, stderr) = import(
        dir.path(),
        &[sample.to_str().unwrap_or(""), "--out", "records"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("imported 42 records into 12 files in `records`"),
        "{stderr}"
    );
    let imported = findings(dir.path(), "records");
    let expected = findings(root(), TASKS);
    assert_eq!(imported, expected);
    assert!(expected.len() >= 15, "{expected:?}");
}

#[test]
fn reimporting_the_same_sheet_gives_byte_identical_yaml_the_loader_reads_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sample = root().join(SAMPLE);
    let sample = sample.to_str().unwrap_or("");
    for out in ["a", "b"] {
        assert_eq!(import(dir.path(), &[sample, "--out", out]).0, 0);
    }
    let names = |d: &str| -> Vec<String> {
        let mut n: Vec<String> = std::fs::read_dir(dir.path().join(d))
            .map(|r| {
                r.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        n.sort();
        n
    };
    assert_eq!(names("a"), names("b"));
    let mut records = 0;
    for name in names("a") {
        let a = std::fs::read(dir.path().join("a").join(&name)).unwrap_or_default();
        let b = std::fs::read(dir.path().join("b").join(&name)).unwrap_or_default();
        assert!(a == b, "{name} differs between imports");
        let file = model::load(&String::from_utf8_lossy(&a), &schema(), &Limits::default());
        assert!(file.errors.is_empty(), "{name}: {:?}", file.errors);
        records += file.records.len();
    }
    assert_eq!(records, 42);
    let nanjing = std::fs::read_to_string(dir.path().join("a/nanjing-municipal-government.yaml"))
        .unwrap_or_default();
    insta::assert_snapshot!("imported_nanjing", nanjing);
}

#[test]
fn existing_files_are_refused_without_force_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sample = root().join(SAMPLE);
    let sample = sample.to_str().unwrap_or("");
    std::fs::write(dir.path().join("wuxi-municipal-government.yaml"), "keep").expect("write");
    let (code, _, stderr) = import(dir.path(), &[sample]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("`./wuxi-municipal-government.yaml` already exists; nothing was written"),
        "{stderr}"
    );
    assert!(
        !dir.path()
            .join("nanjing-municipal-government.yaml")
            .exists()
    );
    let (code, _, stderr) = import(dir.path(), &[sample, "--force"]);
    assert_eq!(code, 0, "{stderr}");
    let wuxi = std::fs::read_to_string(dir.path().join("wuxi-municipal-government.yaml"))
        .unwrap_or_default();
    assert!(wuxi.contains("JS-2022-R2-WX-01"));
}

/// A ledger with hostile and broken cells: an impossible day, text in a
/// date column (with a terminal escape), an unknown status, a row without
/// a unit, a duplicate id, a column nobody knows.
fn broken_ledger() -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2025, 6, 30)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&fixed));
    let sheet = book.add_worksheet().set_name("台账")?;
    let rows: [[&str; 6]; 6] = [
        [
            "编号",
            "整改任务",
            "责任单位",
            "整改时限",
            "完成情况",
            "备注",
        ],
        [
            "T-1",
            "好的一行",
            "南京市人民政府",
            "2023/6/30",
            "已完成",
            "",
        ],
        [
            "T-2",
            "日子不存在",
            "南京市人民政府",
            "2023-02-30",
            "整改中",
            "",
        ],
        [
            "T-3",
            "日期写成文字",
            "南京市人民政府",
            "明年六月底前\u{1b}[31m",
            "差不多了",
            "",
        ],
        ["T-4", "没有责任单位", "", "2023年6月30日", "未启动", ""],
        [
            "T-1",
            "=HYPERLINK(\"http://x\")",
            "无锡市人民政府",
            "2023.6.30",
            "已完成",
            "",
        ],
    ];
    for (r, cells) in (0u32..).zip(rows) {
        for (c, value) in (0u16..).zip(cells) {
            if !value.is_empty() {
                sheet.write_string(r, c, value)?;
            }
        }
    }
    book.save_to_buffer()
}

#[test]
fn broken_cells_are_reported_at_their_sheet_and_cell_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("broken.xlsx"),
        broken_ledger().expect("xlsx"),
    )
    .expect("write");
    let (code, stdout, stderr) = import(dir.path(), &["broken.xlsx", "--out", "records"]);
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert!(!dir.path().join("records").exists());
    insta::assert_snapshot!("import_broken_cells", stderr);
}

#[test]
fn a_csv_ledger_with_a_map_file_imports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = "问题序号,任务,单位,期限,进度,经费（万元）,说明\n\
               A-01,\"清理, 整治\",Suzhou Municipal Government,30/06/2023,已办结,120,\n\
               A-02,\"说\"\"明\"\"\",Suzhou Municipal Government,2024-01-31,推进中,80,x\n";
    let map = "[columns]\n\"问题序号\" = \"id\"\n\"任务\" = \"title\"\n\"单位\" = \"responsible.unit\"\n\
               \"期限\" = \"deadline\"\n\"进度\" = \"status\"\n\"经费\" = \"budget.wan\"\n\"说明\" = \"skip\"\n\
               date-formats = [\"%d/%m/%Y\"]\n[status]\n\"已办结\" = \"completed\"\n\"推进中\" = \"in-progress\"\n\
               [defaults]\nround = \"provincial-2023\"\n";
    // `date-formats` must come before the tables in TOML.
    let map = format!(
        "date-formats = [\"%d/%m/%Y\"]\n{}",
        map.replace("date-formats = [\"%d/%m/%Y\"]\n", "")
    );
    std::fs::write(dir.path().join("ledger.csv"), csv).expect("write");
    std::fs::write(dir.path().join("map.toml"), map).expect("write");
    let (code, _, stderr) = import(dir.path(), &["ledger.csv", "--map", "map.toml"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr, "imported 2 records into 1 file in `.`\n");
    let yaml = std::fs::read_to_string(dir.path().join("suzhou-municipal-government.yaml"))
        .unwrap_or_default();
    insta::assert_snapshot!("imported_csv", yaml);
}

#[test]
fn a_ledger_without_an_id_column_says_how_to_map_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("l.csv"), "任务,单位\nx,y\n").expect("write");
    let (code, _, stderr) = import(dir.path(), &["l.csv"]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("import_no_heading", stderr);
}

#[test]
fn a_ledger_that_is_not_a_spreadsheet_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("l.xlsx"), "not a zip").expect("write");
    let (code, _, stderr) = import(dir.path(), &["l.xlsx"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("error[import::unreadable]: cannot read the workbook"),
        "{stderr}"
    );
    let (code, _, stderr) = import(dir.path(), &["/dev/zero"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("not an .xlsx or .csv file"), "{stderr}");
}

/// A workbook whose parts unpack to far more than its size (a zip bomb)
/// is refused before anything is unpacked.
#[test]
fn a_zip_bomb_is_refused_unpacked() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("tempdir");
    let file = std::fs::File::create(dir.path().join("bomb.xlsx")).expect("create");
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/sharedStrings.xml", options)
        .expect("entry");
    let zeros = vec![b'0'; 1 << 20];
    for _ in 0..65 {
        zip.write_all(&zeros).expect("write");
    }
    zip.finish().expect("finish");
    let (code, _, stderr) = import(dir.path(), &["bomb.xlsx"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("its parts unpack to 68157440 bytes, more than 8 times the file's"),
        "{stderr}"
    );
}

/// 序号 and 编号 both name `id`: 编号 is read and 序号 is a warning; a
/// heading twice is an error.
#[test]
fn columns_naming_one_field_keep_the_preferred_heading() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = "序号,编号,责任单位,整改时限\n1,T-1,南京市人民政府,2023-06-30\n";
    std::fs::write(dir.path().join("two-ids.csv"), csv).expect("write");
    let (code, _, stderr) = import(dir.path(), &["two-ids.csv"]);
    assert_eq!(code, 0, "{stderr}");
    let yaml = std::fs::read_to_string(dir.path().join("南京市人民政府.yaml")).unwrap_or_default();
    assert!(yaml.contains("  - id: \"T-1\"\n"), "{yaml}");
    let csv =
        "编号,责任单位,整改时限,整改时限（年月日）\nT-1,南京市人民政府,2023-06-30,2023-07-31\n";
    std::fs::write(dir.path().join("two-deadlines.csv"), csv).expect("write");
    let (code, _, stderr2) = import(dir.path(), &["two-deadlines.csv"]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("import_column_conflicts", format!("{stderr}---\n{stderr2}"));
}

#[test]
fn a_bad_map_file_is_reported_at_its_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("l.csv"), "编号,责任单位\nT-1,x\n").expect("write");
    let map = "sheet = 3\n[columns]\n\"问题\" = \"stages.plan.when\"\n\"单位\" = \"responsible\"\n[status]\n\"办结\" = \"done\"\n";
    std::fs::write(dir.path().join("map.toml"), map).expect("write");
    std::fs::write(dir.path().join("broken.toml"), "[columns\n").expect("write");
    let (code, _, bad) = import(dir.path(), &["l.csv", "--map", "map.toml"]);
    assert_eq!(code, 2);
    let (code, _, broken) = import(dir.path(), &["l.csv", "--map", "broken.toml"]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("import_bad_map", format!("{bad}---\n{broken}"));
}

/// Text a unit wrote comes back exactly through rectify's own loader:
/// quotes, backslashes, line breaks, tabs, bidi controls, YAML syntax and
/// values YAML would read as another type.
#[test]
fn hostile_text_round_trips_through_the_loader() {
    let titles = [
        "say \"yes\" \\ no",
        "line one\nline two\ttab",
        "evil\u{202e}txt.exe",
        "- [a, b]: {c: d} # not a comment",
        "null",
        "2023-06-30",
        "&anchor *alias !tag",
    ];
    let mut csv = String::from("编号,整改任务,责任单位\n");
    for (i, title) in titles.iter().enumerate() {
        let quoted = title.replace('"', "\"\"");
        csv.push_str(
            &format!("00{i},\"{quoted}\",O'Brien \"Unit\"\n")
                .replace("O'Brien \"Unit\"", "\"O'Brien \"\"Unit\"\"\""),
        );
    }
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("h.csv"), &csv).expect("write");
    let (code, _, stderr) = import(dir.path(), &["h.csv"]);
    assert_eq!(code, 0, "{stderr}");
    let yaml = std::fs::read_to_string(dir.path().join("o-brien-unit.yaml")).unwrap_or_default();
    let file = model::load(&yaml, &schema(), &Limits::default());
    assert!(file.errors.is_empty(), "{:?}\n{yaml}", file.errors);
    let read: Vec<(String, String, String)> = file
        .records
        .iter()
        .map(|r| {
            let title = r
                .title
                .as_ref()
                .map(|t| t.value.clone())
                .unwrap_or_default();
            (r.id.value.clone(), title, r.unit.value.clone())
        })
        .collect();
    let expected: Vec<(String, String, String)> = titles
        .iter()
        .enumerate()
        .map(|(i, t)| {
            (
                format!("00{i}"),
                (*t).to_string(),
                "O'Brien \"Unit\"".to_string(),
            )
        })
        .collect();
    assert_eq!(read, expected);
}
