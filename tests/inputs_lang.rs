//! The diagnostics of record files, YAML, spreadsheet import and rule-test
//! files in both languages: each message of their catalogue sections
//! rendered from a text that gives it (snapshots, English and Chinese), a
//! check that every message of those sections is reached, and the same
//! diagnostics through the binary with `--lang zh-CN`.

mod common;

use std::collections::BTreeSet;
use std::fmt::Write;

use rectify::diag::{Diagnostic, Message};
use rectify::i18n::{Catalogue, Lang};
use rectify::import::{self, Map};
use rectify::model::{self, Schema};
use rectify::ruletest;
use rectify::yaml::{self, Limits};

use common::cmd::rectify_in;

/// The message ids (and `id.attribute`s) of one section of the English
/// catalogue: from its `## title` line to its `# end of …` line.
fn section_ids(title: &str) -> BTreeSet<String> {
    let text = include_str!("../i18n/en/rectify.ftl");
    let start = text.find(title).expect("the section's title");
    let rest = &text[start..];
    let end = rest.find("\n# end of").expect("the section's end");
    let mut ids = BTreeSet::new();
    let mut current = String::new();
    for line in rest[..end].lines() {
        let attribute = line.trim_start().strip_prefix('.');
        if let Some(attr) = attribute.filter(|_| line.starts_with(' ')) {
            if let Some((name, _)) = attr.split_once(" =") {
                ids.insert(format!("{current}.{name}"));
            }
            continue;
        }
        if line.starts_with(|c: char| c.is_ascii_lowercase()) {
            if let Some((id, value)) = line.split_once(" =") {
                current = id.to_string();
                if !value.trim().is_empty() {
                    ids.insert(current.clone());
                }
            }
        }
    }
    ids
}

/// Every id `seen` lacks among `expected`, but those `unreachable`.
fn unreached(
    expected: &BTreeSet<String>,
    seen: &BTreeSet<String>,
    unreachable: &[&str],
) -> Vec<String> {
    expected
        .iter()
        .filter(|id| !seen.contains(*id) && !unreachable.contains(&id.as_str()))
        .cloned()
        .collect()
}

fn schema() -> Schema {
    let kind = |name: &str, stages: &[&str]| {
        (
            name.to_owned(),
            stages.iter().map(|s| s.to_string()).collect(),
        )
    };
    Schema {
        kinds: vec![
            kind("task", &["plan", "verification", "closure"]),
            kind("petition", &["replied", "closed"]),
        ],
        extra_fields: Vec::new(),
    }
}

/// Record texts, each giving the diagnostics named in its comment.
const RECORDS: &[&str] = &[
    "# yaml-syntax\nid: [1, 2\n",
    "# yaml-unknown-alias: an anchor of another document\nid: &a A\n---\nid: *a\n",
    "# record-wrong-type (number for a string, with help), a list for a mapping\nid: 5\nresponsible: [Wuxi]\n",
    "# record-wrong-type: a boolean, an empty value, a mapping, a stage\nid: true\nresponsible: { unit: Wuxi }\ndeadline: { day: 1 }\nextensions: { to: 2023-01-01 }\nstages: { plan: 5, closure: { date: 2023-01-01, evidence: [~] } }\n",
    "# record-not-a-record\n- JS-01\n",
    "# record-bad-date: form, month, day\n- { id: A, responsible: { unit: Wuxi }, deadline: 2023-6-30 }\n- { id: B, responsible: { unit: Wuxi }, deadline: 2023-13-01 }\n- { id: C, responsible: { unit: Wuxi }, deadline: 2023-02-30 }\n",
    "# record-unknown-key: with did-you-mean, and the keys each mapping takes\nid: A\nresponsible: { unit: Wuxi, unti: x, zzzzzz: y }\nstages: { plan: { date: 2023-01-01, dat: x, zzzzzz: y } }\nextensions: [{ to: 2023-02-01, zzzzzz: x }]\nwaivers: [{ rule: r, zzzzzz: x }]\n",
    "# record-unknown-key in a ledger file\nledger: { responsible: { unit: Wuxi } }\nzzzzzz: 1\nrecords:\n  - id: A\n",
    "# record-duplicate-key\nid: A\nid: B\nresponsible: { unit: Wuxi }\n",
    "# record-missing-field: id, responsible.unit\ntitle: no id\nresponsible: { lead: x }\n",
    "# record-missing-field: records\nledger: { responsible: { unit: Wuxi } }\n",
    "# record-missing-date\nid: A\nresponsible: { unit: Wuxi }\nstages: { plan: { by: x }, closure: }\n",
    "# record-unknown-kind: did you mean, the kinds\n- { id: A, kind: taks, responsible: { unit: Wuxi } }\n- { id: B, kind: zzzzzz, responsible: { unit: Wuxi } }\n",
    "# record-unknown-status: did you mean, the statuses\n- { id: A, status: complete, responsible: { unit: Wuxi } }\n- { id: B, status: zzzzzz, responsible: { unit: Wuxi } }\n",
    "# record-unknown-field\nid: A\nresponsible: { unit: Wuxi }\ndeadlin: 2023-01-01\n",
    "# record-unknown-stage: did you mean, the stages\nid: A\nresponsible: { unit: Wuxi }\nstages: { pla: 2023-01-01, zzzzzz: 2023-01-02 }\n",
    "",
];

/// One diagnostic as a line with its labels and help, and the ids it says.
fn diagnostic(
    out: &mut String,
    text: &str,
    d: &Diagnostic,
    words: &Catalogue,
    seen: &mut BTreeSet<String>,
) {
    // The first line of what a span underlines.
    let at = |span: rectify::source::Span| {
        let under = text.get(span.range()).unwrap_or("");
        under.lines().next().unwrap_or("").to_string()
    };
    let mut note = |m: &Message| {
        seen.insert(m.id().to_string());
        m.say(words)
    };
    let _ = writeln!(
        out,
        "{} {} at `{}`: {}",
        d.severity.as_str(),
        d.code,
        at(d.span),
        note(&d.message)
    );
    for (span, label) in &d.labels {
        let _ = writeln!(out, "  label at `{}`: {}", at(*span), note(label));
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "  help: {}", note(help));
    }
}

/// Every record text's diagnostics in `lang`.
fn records(lang: Lang, seen: &mut BTreeSet<String>) -> String {
    let mut out = String::new();
    for text in RECORDS {
        let file = model::load(text, &schema(), &Limits::default());
        let _ = writeln!(out, "== {}", text.lines().next().unwrap_or("(empty file)"));
        for d in &file.errors {
            diagnostic(&mut out, text, d, lang.catalogue(), seen);
        }
    }
    // The YAML layer's limits, at small sizes.
    let limits = Limits {
        max_depth: 3,
        max_alias_nodes: 10,
    };
    for text in ["a: [[[[1]]]]\n", "a: &a [1, 2, 3, 4, 5, 6]\nb: [*a, *a]\n"] {
        let (_, error) = yaml::parse(text, &limits);
        let _ = writeln!(out, "== {}", text.trim_end());
        if let Some(d) = error {
            diagnostic(&mut out, text, &d, lang.catalogue(), seen);
        }
    }
    out
}

#[test]
fn record_and_yaml_diagnostics_in_both_languages() {
    let mut seen = BTreeSet::new();
    let en = records(Lang::En, &mut seen);
    insta::assert_snapshot!("records_en", en);
    insta::assert_snapshot!("records_zh_cn", records(Lang::ZhCn, &mut seen));
    let expected = section_ids("## Input diagnostics: YAML and records");
    // `yaml-syntax-unknown`: the YAML parser always gives a reason;
    // `record-bad-date-other`: every four-digit year is one the date
    // library knows. Both are kept so no input is left without words.
    let unreachable = ["yaml-syntax-unknown", "record-bad-date-other"];
    let missing = unreached(&expected, &seen, &unreachable);
    assert!(missing.is_empty(), "no record text gives {missing:?}");
    assert!(
        unreachable.iter().all(|id| expected.contains(*id)),
        "{expected:?}"
    );
}

/// A ledger as a CSV file with every cell problem the CSV form can have.
const LEDGER: &str = "编号,序号,责任单位,整改时限,整改状态,验收单位,备注2,整改时限（年月日）\n\
    T-1,1,南京市人民政府,2023-02-30,差不多了,王五,x,2023-01-01\n\
    T-2,2,,2023-13-01,已完成,,,\n\
    ,3,无锡市人民政府,明年六月,已完成,,,\n\
    T-5,4,无锡市人民政府,2023-06-30,已完成,,,\n\
    T-5,5,无锡市人民政府,2023-06-30,已完成,,,\n";

/// Map files, each with problems.
const MAPS: &[&str] = &[
    "header-row = 0\ndate-formats = [1]\nsheet = 3\nstatus = 1\nextra = 1\n[columns]\n\"问题\" = \"stages.plan.when\"\n\"单位\" = 5\n[defaults]\ndeadline = 5\n",
    "[status]\n\"办结\" = \"done\"\n",
    "[columns\n",
    "header-row = 40\n",
    "[defaults]\ndeadline = \"soon\"\n",
];

/// Every import problem in `lang`, as `rectify import` prints them.
fn imports(lang: Lang, seen: &mut BTreeSet<String>) -> String {
    let words = lang.catalogue();
    let mut errors: Vec<(&str, import::Error)> = Vec::new();
    let sheet = import::read::csv(LEDGER, "台账").expect("a CSV sheet");
    errors.extend(
        import::ledger(&sheet, "台账.csv", &Map::preset())
            .errors
            .into_iter()
            .map(|e| ("台账.csv", e)),
    );
    for map in MAPS {
        match Map::parse(map, "map.toml") {
            Err(found) => errors.extend(found.into_iter().map(|e| ("map.toml", e))),
            Ok(map) => {
                let found = import::ledger(&sheet, "台账.csv", &map).errors;
                errors.extend(found.into_iter().map(|e| ("台账.csv", e)));
            }
        }
    }
    let headless = import::read::csv("任务,单位\nx,y\n", "无表头").expect("a CSV sheet");
    let found = import::ledger(&headless, "无表头.csv", &Map::preset()).errors;
    errors.extend(found.into_iter().map(|e| ("无表头.csv", e)));
    for csv in ["a,\"b\n", &"a,".repeat(300)] {
        let found = import::read::csv(csv, "wide").err();
        errors.extend(found.map(|e| ("wide.csv", *e)));
    }
    let workbook = workbook().expect("an xlsx workbook");
    for (wanted, bytes) in [
        (None, b"not a zip".to_vec()),
        (Some("台账2"), workbook.clone()),
    ] {
        let found = import::read::xlsx(bytes, wanted).err();
        errors.extend(found.map(|e| ("台账.xlsx", *e)));
    }
    let mut sheet = import::read::xlsx(workbook, None).expect("the workbook's sheet");
    // Cells only a workbook holds: a spreadsheet error and a date outside
    // the years rectify handles.
    sheet.rows[1].resize(5, import::Cell::Empty);
    sheet.rows[1][2] = import::Cell::Date(None);
    sheet.rows[1][4] = import::Cell::Error("#N/A".into());
    errors.extend(
        import::ledger(&sheet, "台账.xlsx", &Map::preset())
            .errors
            .into_iter()
            .map(|e| ("台账.xlsx", e)),
    );
    let mut out = String::new();
    for (file, e) in &errors {
        for m in [Some(&e.message), e.place.as_ref(), e.help.as_ref()]
            .into_iter()
            .flatten()
        {
            seen.insert(m.id().to_string());
        }
        out.push_str(&rectify::cli::import::render(file, e, words));
    }
    out
}

/// A workbook with a number that is no Excel date (`验收日期`, C2) and
/// room for the cells the test puts in the sheet it reads.
fn workbook() -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("台账")?;
    let headings = ["编号", "责任单位", "整改时限", "验收日期", "整改状态"];
    for (c, heading) in (0u16..).zip(headings) {
        sheet.write_string(0, c, heading)?;
    }
    sheet.write_string(1, 0, "T-1")?;
    sheet.write_string(1, 1, "南京市人民政府")?;
    sheet.write_number(1, 3, 12.0)?;
    Ok(book.save_to_buffer()?.to_vec())
}

#[test]
fn import_diagnostics_in_both_languages() {
    let mut seen = BTreeSet::new();
    insta::assert_snapshot!("import_en", imports(Lang::En, &mut seen));
    insta::assert_snapshot!("import_zh_cn", imports(Lang::ZhCn, &mut seen));
    let expected: BTreeSet<String> = section_ids("## Input diagnostics: spreadsheet import")
        .into_iter()
        .filter(|id| id.starts_with("import-"))
        .collect();
    // Said only by the command (a file it cannot read or import), tested
    // through the binary below; and limits too large to reach here.
    let by_the_command = [
        "import-unreadable",
        "import-unreadable-map",
        "import-not-a-ledger",
        "import-workbook-too-large",
        "import-sheet-too-large",
        "import-no-sheets",
    ];
    let missing = unreached(&expected, &seen, &by_the_command);
    assert!(missing.is_empty(), "no import gives {missing:?}");
}

/// `rectify import` in Chinese: each problem, with its place and advice,
/// and the exit code.
#[test]
fn import_through_the_binary_in_chinese() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("台账.csv"), LEDGER).expect("write");
    std::fs::write(dir.path().join("l.txt"), "x").expect("write");
    let mut out = String::new();
    for args in [
        &["import", "台账.csv", "--lang", "zh-CN"][..],
        &[
            "import",
            "台账.csv",
            "--map",
            "none.toml",
            "--lang",
            "zh-CN",
        ],
        &["import", "none.csv", "--lang", "zh-CN"],
        &["import", "l.txt", "--lang", "zh-CN"],
    ] {
        let (code, stdout, stderr) = rectify_in(dir.path(), args);
        let reason = |text: &str| text.replace(&dir.path().display().to_string(), "DIR");
        let _ = writeln!(
            out,
            "$ rectify {}\nexit: {code}\n{stdout}{}",
            args.join(" "),
            reason(&stderr)
        );
    }
    insta::assert_snapshot!("import_binary_zh_cn", out);
}

/// Rule-test files, each with problems.
const TEST_FILES: &[&str] = &[
    "",
    "[1, 2]\n",
    "cases: 3\nextra: 1\n",
    "rules: plan-on-time\nas_of: 2025-6-30\n",
    "cases:\n  - 5\n  - name: no as_of, no expect\n    extra: 1\n  - name: bad values\n    as_of: 2025-06-30\n    pending: many\n    expect: [5, { rule: r }, { rule: r, record: R, severity: fatal, penalty: 1.234, waived: maybe, late_days: x, due: soon, extra: 1, group: [x] }]\n  - name: n\n    as_of: 2025-06-30\n    expect: some\n    files: [nowhere.yaml]\n    name2: x\n  - name: 5\n    as_of: 2025-06-30\n    expect: none\n    records: []\n    files: missing\n    severity: [x]\n",
    "cases:\n  - name: [x]\n    as_of: 2025-06-30\n    expect:\n      - { rule: r, record: R, severity: 5 }\n",
    "cases: [ { name: x\n",
    "as_of: 2025-06-30\ncases:\n  - name: n\n    expect: none\n    files: [nowhere.yaml]\n",
];

/// A suite whose cases fail in every way a diff line can say.
const FAILING: &str = "\
as_of: 2025-06-30
cases:
  - name: late plan, expected wrongly
    records:
      - { id: P-1, responsible: { unit: Wuxi }, assigned: 2022-06-01, stages: { plan: 2022-07-20 } }
      - { id: P-2, kind: tsak, responsible: { unit: Wuxi } }
    expect:
      - { rule: plan-on-time, record: P-1, severity: warning, penalty: 2, due: 2022-07-15, late_days: 5, late_workdays: 3, waived: false }
      - { rule: closure-on-time, unit: Wuxi, group: { round: r1 }, reward: 1, early_days: 2, early_workdays: 1, waived: true }
    pending: 7
  - name: a unit's only petition not closed
    records:
      - { id: X-1, kind: petition, responsible: { unit: Wuxi }, assigned: 2025-06-20, status: in-progress }
    expect: none
";

fn rule_tests(lang: Lang, seen: &mut BTreeSet<String>) -> String {
    let words = lang.catalogue();
    let mut out = String::new();
    for text in TEST_FILES {
        let _ = writeln!(out, "== {}", text.lines().next().unwrap_or("(empty file)"));
        match ruletest::parse(text) {
            Err(errors) => {
                for d in &errors {
                    diagnostic(&mut out, text, d, words, seen);
                }
            }
            Ok(suite) => {
                let dir = std::path::Path::new("tests");
                for d in &ruletest::missing_files(&suite, dir) {
                    diagnostic(&mut out, text, d, words, seen);
                }
            }
        }
    }
    let rules = rectify::load::rules(&[]);
    let plan = rules.plan.as_ref().expect("the bundled rules compile");
    let suite = ruletest::parse(FAILING).expect("the failing suite parses");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let _ = writeln!(out, "== a failing case");
    for result in ruletest::run(&suite, plan, &rules.files, dir) {
        for (_, message) in &result.errors {
            seen.insert(message.id().to_string());
        }
        for line in result.lines(words) {
            let _ = writeln!(out, "{line}");
        }
    }
    out
}

#[test]
fn rule_test_diagnostics_and_diffs_in_both_languages() {
    let mut seen = BTreeSet::new();
    insta::assert_snapshot!("rule_tests_en", rule_tests(Lang::En, &mut seen));
    let zh = rule_tests(Lang::ZhCn, &mut seen);
    insta::assert_snapshot!("rule_tests_zh_cn", zh);
    // The diff's words are said straight from the catalogue: check the
    // Chinese has them, as the ids of parse errors are checked below.
    for word in [
        "预期：",
        "实际：",
        "待办时限",
        "逾期",
        "提前",
        "加分",
        "已豁免",
        "未豁免",
    ] {
        assert!(zh.contains(word), "{word} not in\n{zh}");
    }
    let expected: BTreeSet<String> = section_ids("## Input diagnostics: spreadsheet import")
        .into_iter()
        .filter(|id| id.starts_with("test-"))
        .filter(|id| !id.starts_with("test-diff") && !id.starts_with("test-detail"))
        .filter(|id| !id.starts_with("test-finding") && !id.starts_with("test-group"))
        .filter(|id| *id != "test-separator" && *id != "test-case-error")
        .collect();
    let missing = unreached(&expected, &seen, &[]);
    assert!(missing.is_empty(), "no test file gives {missing:?}");
}

/// `rectify test` in Chinese: a broken test file's errors at their places
/// (exit 2), and a failing case's diff (exit 1).
#[test]
fn rule_tests_through_the_binary_in_chinese() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("broken.yaml"), TEST_FILES[4]).expect("write");
    std::fs::write(dir.path().join("failing.yaml"), FAILING).expect("write");
    let mut out = String::new();
    for file in ["broken.yaml", "failing.yaml"] {
        let args = ["test", file, "--lang", "zh-CN"];
        let (code, stdout, stderr) = rectify_in(dir.path(), &args);
        let _ = writeln!(
            out,
            "$ rectify {}\nexit: {code}\n--- stdout\n{stdout}--- stderr\n{stderr}",
            args.join(" ")
        );
    }
    insta::assert_snapshot!("rule_tests_binary_zh_cn", out);
}

/// `rectify check` on the record-errors fixture in Chinese, human and
/// JSON: the record diagnostics in the run's language, codes unchanged.
#[test]
fn record_errors_through_the_binary_in_chinese() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for format in ["human", "json"] {
        let args = [
            "check",
            "tests/fixtures/check/record-errors",
            "--as-of",
            "2025-06-30",
            "--color",
            "never",
            "--format",
            format,
            "--lang",
            "zh-CN",
        ];
        let (code, stdout, stderr) = rectify_in(root, &args);
        insta::assert_snapshot!(
            format!("record_errors_{format}_zh_cn"),
            format!("exit code: {code}\n--- stdout\n{stdout}\n--- stderr\n{stderr}")
        );
    }
}
