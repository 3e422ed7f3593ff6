//! `check --format xlsx` and `report --format xlsx` through the binary,
//! the workbook read back with calamine: sheets, headings, places, dates
//! as dates, figures as numbers, progress keys, and record text that
//! cannot become a formula.

mod common;

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use common::cmd::{rectify, rectify_in};

/// `rectify check examples/jiangsu` as of the example's date, then `more`.
fn check_example(more: &[&str]) -> (i32, String, String) {
    let mut args = vec![
        "check",
        "examples/jiangsu",
        "--as-of",
        "2025-06-30",
        "--no-config",
    ];
    args.extend(more);
    rectify(&args)
}

type Book = Xlsx<Cursor<Vec<u8>>>;

fn open(path: &Path) -> Book {
    let bytes = std::fs::read(path).unwrap_or_default();
    Xlsx::new(Cursor::new(bytes)).expect("a workbook")
}

fn rows(book: &mut Book, sheet: &str) -> Vec<Vec<Data>> {
    let range = book.worksheet_range(sheet).expect("the sheet");
    range.rows().map(<[Data]>::to_vec).collect()
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        other => format!("{other:?}"),
    }
}

fn day(cell: &Data) -> String {
    match cell {
        Data::DateTime(d) => {
            let (y, m, d, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        other => format!("not a date: {other:?}"),
    }
}

/// The row of `rows` whose columns `a` and `b` hold those texts.
fn row<'a>(rows: &'a [Vec<Data>], a: (usize, &str), b: (usize, &str)) -> &'a [Data] {
    rows.iter()
        .find(|r| text(&r[a.0]) == a.1 && text(&r[b.0]) == b.1)
        .map(Vec::as_slice)
        .unwrap_or_else(|| panic!("no row with {a:?} and {b:?}"))
}

#[test]
fn check_writes_findings_scores_and_progress_as_a_workbook() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("findings.xlsx");
    let out_arg = out.to_str().unwrap_or("");
    let (code, stdout, stderr) = check_example(&["--format", "xlsx", "--output", out_arg]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(stdout, "");
    let mut book = open(&out);
    assert_eq!(
        book.sheet_names(),
        ["Findings", "Scoreboard", "Progress", "Input errors"]
    );

    let findings = rows(&mut book, "Findings");
    let headings: Vec<String> = findings[0].iter().map(text).collect();
    assert_eq!(
        headings,
        [
            "File",
            "Line",
            "Column",
            "Rule",
            "Record",
            "Unit",
            "Severity",
            "Message",
            "Due",
            "Actual",
            "Late days",
            "Late workdays",
            "Penalty",
            "Waived",
            "Reward"
        ]
    );
    let wx04 = row(
        &findings,
        (3, "closed-by-deadline"),
        (4, "JS-2022-R2-WX-04"),
    );
    assert_eq!(text(&wx04[0]), "examples/jiangsu/tasks/wuxi.yaml");
    assert!(
        matches!(wx04[1], Data::Float(l) if l > 1.0),
        "{:?}",
        wx04[1]
    );
    assert_eq!(text(&wx04[5]), "Wuxi Municipal Government");
    assert_eq!(text(&wx04[6]), "error");
    assert_eq!(day(&wx04[8]), "2024-01-02");
    assert_eq!(day(&wx04[9]), "2024-03-15");
    assert_eq!(wx04[10], Data::Float(73.0));
    assert_eq!(wx04[12], Data::Float(5.0));
    assert_eq!(wx04[13], Data::Bool(false));
    let xz03 = row(&findings, (3, "plan-on-time"), (4, "JS-2022-R2-XZ-03"));
    assert_eq!(xz03[13], Data::Bool(true));
    let rate = row(
        &findings,
        (3, "petition-closure-rate"),
        (5, "Xuzhou Municipal Government"),
    );
    assert_eq!(text(&rate[0]), "<bundled>/central-inspection.rules");

    let nj01 = row(&findings, (3, "closed-early"), (4, "JS-2022-R2-NJ-01"));
    assert_eq!(nj01[12], Data::Float(0.0), "a commendation costs nothing");
    assert_eq!(nj01[14], Data::Float(1.5), "and earns its reward");
    assert_eq!(wx04[14], Data::Float(0.0));

    let scores = rows(&mut book, "Scoreboard");
    assert_eq!(text(&scores[0][4]), "Score");
    let headings: Vec<String> = scores[0].iter().map(text).collect();
    assert_eq!(headings[5..], ["Grade", "Commendations", "Reward"]);
    let suzhou = row(&scores, (0, "Suzhou Municipal Government"), (5, "pass"));
    assert_eq!(suzhou[6], Data::Float(4.0), "four commendations");
    assert_eq!(suzhou[7], Data::Float(7.0), "earning 7 points");
    assert_eq!(scores.len(), 13, "12 units and the heading");
    let figures: Vec<f64> = scores[1..]
        .iter()
        .map(|r| match r[4] {
            Data::Float(f) => f,
            _ => f64::NAN,
        })
        .collect();
    assert!(
        figures.windows(2).all(|w| w[0] <= w[1]),
        "worst first: {figures:?}"
    );

    let progress = rows(&mut book, "Progress");
    let headings: Vec<String> = progress[0].iter().map(text).collect();
    assert_eq!(
        headings[3..],
        [
            "Total",
            "Completed",
            "Completed late",
            "Overdue",
            "Staged",
            "In progress",
            "Not started",
            "Unknown",
            "Closed"
        ]
    );
    let tasks = row(&progress, (0, "All units"), (2, "task"));
    assert_eq!(tasks[3], Data::Float(42.0));
    let petitions = row(&progress, (0, "All units"), (2, "petition"));
    assert_eq!(petitions[3], Data::Float(120.0));
    let xuzhou = row(&progress, (0, "Xuzhou Municipal Government"), (2, "task"));
    assert_eq!(text(&xuzhou[1]), "central-2022-2");
    assert_eq!(xuzhou[3], Data::Float(7.0));
    assert_eq!(
        rows(&mut book, "Input errors").len(),
        2,
        "the heading and the expired waiver warning"
    );
}

#[test]
fn the_same_run_gives_the_same_bytes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str| {
        let out = dir.path().join(name);
        let args = [
            "report",
            "examples/jiangsu",
            "--as-of",
            "2025-06-30",
            "--no-config",
            "--format",
            "xlsx",
            "--output",
        ];
        let mut args: Vec<&str> = args.to_vec();
        let out_arg = out.to_str().unwrap_or("").to_string();
        args.push(&out_arg);
        let (code, _, stderr) = rectify(&args);
        assert_eq!(code, 0, "{stderr}");
        std::fs::read(&out).unwrap_or_default()
    };
    let a = write("a.xlsx");
    assert!(a.starts_with(b"PK"), "a zip file");
    assert!(a == write("b.xlsx"));
}

#[test]
fn xlsx_goes_to_a_redirected_stdout_and_as_an_extra_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, stdout, _) = check_example(&["--format", "xlsx"]);
    assert_eq!(code, 1);
    assert!(stdout.starts_with("PK"));
    let extra = dir.path().join("extra.xlsx");
    let report = format!("xlsx={}", extra.display());
    let (code, _, stderr) = check_example(&["--format", "json", "--report", &report]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(open(&extra).sheet_names().len(), 4);
}

/// Record text that a spreadsheet would run as a formula stays text:
/// a string cell, with Excel's quote prefix, control characters shown.
#[test]
fn record_text_never_becomes_a_formula() {
    let dir = tempfile::tempdir().expect("tempdir");
    let record = "- id: \"=HYPERLINK(\\\"http://evil\\\",\\\"x\\\")\"\n  title: \"@SUM(1)\\tx\"\n  responsible: { unit: \"+cmd|' /C calc'!A0\" }\n  assigned: 2022-06-01\n  deadline: 2023-06-30\n  status: in-progress\n";
    std::fs::write(dir.path().join("r.yaml"), record).expect("write");
    let (code, _, stderr) = rectify_in(
        dir.path(),
        &[
            "check",
            "r.yaml",
            "--as-of",
            "2025-06-30",
            "--no-config",
            "--format",
            "xlsx",
            "--output",
            "f.xlsx",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    let mut book = open(&dir.path().join("f.xlsx"));
    let findings = rows(&mut book, "Findings");
    let first = &findings[1];
    assert_eq!(
        first[4],
        Data::String("=HYPERLINK(\"http://evil\",\"x\")".into())
    );
    assert_eq!(first[5], Data::String("+cmd|' /C calc'!A0".into()));
    let formulas = book.worksheet_formula("Findings").expect("formulas");
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no formula cell"
    );
    let scores = rows(&mut book, "Scoreboard");
    assert_eq!(scores[1][0], Data::String("+cmd|' /C calc'!A0".into()));
    // The quote prefix is in the styles; shared strings hold the text as is.
    let bytes = std::fs::read(dir.path().join("f.xlsx")).unwrap_or_default();
    let styles = zip_entry(&bytes, "xl/styles.xml");
    assert!(styles.contains("quotePrefix=\"1\""), "{styles}");
}

/// One file of the workbook's zip, as text.
fn zip_entry(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut text = String::new();
    zip.by_name(name)
        .expect("entry")
        .read_to_string(&mut text)
        .expect("utf-8");
    text
}

/// A workbook is binary: written to a terminal it is refused (exit 2).
/// The terminal is util-linux `script`'s pseudo-terminal; without `script`
/// the test says so and passes.
#[test]
fn xlsx_is_refused_on_a_terminal() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no `script` to give rectify a terminal");
        return;
    }
    for command in ["check", "report"] {
        let line = format!(
            "{} {command} examples/jiangsu --no-config --as-of 2025-06-30 --format xlsx",
            env!("CARGO_BIN_EXE_rectify")
        );
        let out = std::process::Command::new("script")
            .args(["-qec", &line, "/dev/null"])
            .output()
            .expect("script runs");
        let shown = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(2), "{shown}");
        assert!(
            shown.contains("error: an xlsx workbook is binary and stdout is a terminal"),
            "{shown}"
        );
        assert!(!shown.contains("PK"), "{shown}");
    }
}

/// The sheet names and each sheet's heading row of the workbook at `path`.
fn headings(path: &Path) -> Vec<(String, Vec<String>)> {
    let mut book = open(path);
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let first = rows(&mut book, &name)
                .into_iter()
                .next()
                .unwrap_or_default();
            (name, first.iter().map(text).collect())
        })
        .collect()
}

#[test]
fn workbooks_speak_chinese_under_lang_zh_cn() {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = dir.path().join("report.xlsx");
    let history = dir.path().join("history.xlsx");
    let runs: [(&Path, Vec<&str>); 2] = [
        (
            &report,
            vec!["report", "examples/jiangsu", "--as-of", "2025-06-30"],
        ),
        (
            &history,
            vec![
                "report",
                "examples/jiangsu",
                "--as-of",
                "2025-06-30",
                "--history",
                "quarterly",
                "--from",
                "2025-01-01",
            ],
        ),
    ];
    for (path, args) in &runs {
        let mut args = args.clone();
        let out = path.to_str().unwrap_or("");
        args.extend(["--no-config", "--format", "xlsx", "--output", out]);
        args.extend(["--lang", "zh-CN"]);
        let (code, _, stderr) = rectify(&args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
    }
    let report = headings(&report);
    let names: Vec<&str> = report.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["问题", "得分", "整改进度", "输入错误"]);
    assert_eq!(report[1].1[..3], ["责任单位", "记录数", "问题数"]);
    assert_eq!(
        report[2].1[..5],
        ["责任单位", "轮次", "类型", "总数", "已完成"]
    );
    let history = headings(&history);
    let names: Vec<&str> = history.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["进度历史", "责任单位", "本期"]);
    assert_eq!(history[1].1.last().map(String::as_str), Some("按期完成率"));
    // Every heading is Chinese: no ASCII letter in any of them.
    for (sheet, heads) in report.iter().chain(&history) {
        for h in heads {
            assert!(!h.chars().any(|c| c.is_ascii_alphabetic()), "{sheet}: {h}");
        }
    }
}
