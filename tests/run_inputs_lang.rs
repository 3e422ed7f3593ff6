//! The input diagnostics of calendars, `rectify.toml`, waivers, units,
//! rule and record files, said in Chinese through the binary: one case per
//! class, its human output snapshot from the first diagnostic on, and every
//! word of the JSON report's input errors checked for English left over.

mod common;

use std::path::Path;

use common::cmd::rectify_env;
use common::scratch::Scratch;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const CHINESE: &[(&str, &str)] = &[("LANG", "zh_CN.UTF-8")];

/// The namespaces whose diagnostics these cases are about.
const OURS: &[&str] = &[
    "calendar", "config", "waiver", "unit", "input", "rules", "cli", "record",
];

/// A code line of the human format: `waiver::expired`.
fn is_code(line: &str) -> bool {
    line.split_once("::").is_some_and(|(ns, name)| {
        OURS.contains(&ns)
            && !name.is_empty()
            && name.chars().all(|c| c.is_ascii_lowercase() || c == '-')
    })
}

/// Human output from the first diagnostic on (findings before it are
/// other tests' concern), then stderr.
fn diagnostics(code: i32, out: &str, err: &str) -> String {
    let start = out.lines().position(is_code).map_or(out.len(), |i| {
        out.lines().take(i).map(|l| l.len() + 1).sum()
    });
    format!(
        "exit code: {code}\n--- stdout\n{}\n--- stderr\n{err}",
        &out[start..]
    )
}

/// Words in Latin letters left in a message once code (in backticks) and
/// the names Chinese text keeps (formats, file names) are taken out.
fn english_words(text: &str) -> Vec<String> {
    const KEPT: &[&str] = &[
        "TOML",
        "YAML",
        "UTF",
        "FIFO",
        "YYYY",
        "MM",
        "DD",
        "rectify",
        "toml",
        "docs",
        "calendars",
        "md",
    ];
    let mut outside = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            outside.push_str(part);
            outside.push(' ');
        }
    }
    outside
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() > 1 && !KEPT.contains(w))
        .map(str::to_string)
        .collect()
}

/// Every string of a JSON value but codes, severities and file names.
fn said(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| said(v, out)),
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                if !matches!(key.as_str(), "code" | "severity" | "file") {
                    said(v, out);
                }
            }
        }
        _ => {}
    }
}

/// Run `args` in `dir` in Chinese: the human output's diagnostics as a
/// snapshot, and the JSON report's input errors of `codes` free of English.
fn case(name: &str, dir: &Path, args: &[&str], codes: &[&str]) {
    let (code, out, err) = rectify_env(dir, args, CHINESE);
    insta::assert_snapshot!(name, diagnostics(code, &out, &err));
    let mut json = args.to_vec();
    json.extend(["--format", "json"]);
    let (_, out, err) = rectify_env(dir, &json, CHINESE);
    let report: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{name}: no JSON ({e}): {out}{err}"));
    let errors = report["input_errors"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let found: Vec<&str> = errors.iter().filter_map(|e| e["code"].as_str()).collect();
    for wanted in codes {
        assert!(found.contains(wanted), "{name}: no `{wanted}` in {found:?}");
    }
    for e in &errors {
        let mut texts = Vec::new();
        said(e, &mut texts);
        for text in texts {
            let left = english_words(&text);
            assert!(left.is_empty(), "{name}: English {left:?} in `{text}`");
        }
    }
}

const RULES: &str = r#"ruleset "t" {
  calendar "calendars/cn.yaml"
  pipeline task: plan -> closure
}

rule plan-on-time {
  for task
  require plan within 30 workdays after assigned
  severity error
}
"#;

const RECORD: &str = "- id: T-1
  responsible: { unit: Wuxi Municipal Government }
  assigned: 2024-03-01
  deadline: 2024-12-31
  status: in-progress
  stages: { plan: 2024-03-20 }
";

/// Every problem a calendar file can have at once: each is collected.
const BAD_CALENDAR: &str = "name: bad
colour: red
weekend: [saturday, sundy]
years:
  2024:
    source: { title: notice, documnt: x }
    holidays:
      - { name: A, date: 2024-02-30 }
      - { name: B, from: 2024-10-07, to: 2024-10-01 }
      - { name: C, date: 2021-10-01 }
      - { name: D }
      - { date: 2024-06-10 }
      - { name: E, date: 2024-05-01 }
      - { name: F, date: 2024-05-01 }
      - { name: G, date: 2024-05-04 }
    workdays:
      - { date: 2024-02-06, for: A }
      - { date: 2024-05-04, for: G }
  2026:
    holidays: 5
  twenty: {}
";

/// `check` of one record with the rules `r.rules` and the calendar file
/// `calendar`, in a scratch folder `name`.
fn calendar_case(name: &str, calendar: &str, codes: &[&str]) {
    let dir = Scratch::new(name);
    dir.write("r.rules", RULES)
        .write("calendars/cn.yaml", calendar)
        .write("t.yaml", RECORD);
    let args = [
        "check",
        "t.yaml",
        "--rules",
        "r.rules",
        "--as-of",
        "2025-06-30",
    ];
    case(name, &dir.0, &args, codes);
}

#[test]
fn calendar_files_in_chinese() {
    let codes = [
        "calendar::bad-weekday",
        "calendar::unknown-key",
        "calendar::bad-date",
    ];
    calendar_case("calendar_file", BAD_CALENDAR, &codes);
    calendar_case("calendar_empty", "", &["calendar::documents"]);
}

#[test]
fn rule_files_and_their_calendars_in_chinese() {
    let dir = Scratch::new("rules");
    dir.write("rules/r.rules", &RULES.replace("cn.yaml", "cn.yml"))
        .copy("rules/calendars/cn.yaml", "rules/calendars/cn.yaml")
        .write("t.yaml", RECORD);
    case(
        "rules_calendar_misspelt",
        &dir.0,
        &[
            "check",
            "t.yaml",
            "--rules",
            "rules",
            "--as-of",
            "2025-06-30",
        ],
        &["rules::calendar"],
    );
    let gap = Scratch::new("rules-gap");
    let year = |y: u32| format!("years:\n  {y}:\n    source: notice\n    holidays: []\n");
    gap.write("a.rules", RULES.replace("cn.yaml", "a.yaml").as_str())
        .write(
            "b.rules",
            "ruleset \"u\" {\n  calendar \"calendars/b.yaml\"\n}\n",
        )
        .write("calendars/a.yaml", &year(2022))
        .write("calendars/b.yaml", &year(2024))
        .write("t.yaml", RECORD);
    case(
        "rules_calendars_disagree",
        &gap.0,
        &["check", "t.yaml", "--rules", ".", "--as-of", "2025-06-30"],
        &["rules::calendar"],
    );
    dir.write("solo/r.rules", &RULES.replace("cn.yaml", "none.yaml"));
    case(
        "rules_calendar_none_nearby",
        &dir.0,
        &[
            "check",
            "t.yaml",
            "--rules",
            "solo",
            "--as-of",
            "2025-06-30",
        ],
        &["rules::calendar"],
    );
    case(
        "rules_missing",
        &dir.0,
        &[
            "check",
            "t.yaml",
            "--rules",
            "nowhere.rules",
            "--as-of",
            "2025-06-30",
        ],
        &["rules::unreadable"],
    );
    std::fs::create_dir_all(dir.0.join("empty")).expect("folder");
    case(
        "rules_none",
        &dir.0,
        &[
            "check",
            "t.yaml",
            "--rules",
            "empty",
            "--as-of",
            "2025-06-30",
        ],
        &["rules::none"],
    );
}

#[test]
fn record_files_in_chinese() {
    let dir = Scratch::new("files");
    dir.write("ok.yaml", RECORD);
    std::fs::write(dir.0.join("gbk.yaml"), b"- id: \xd5\xe2\n").expect("write");
    case(
        "input_not_utf8_and_missing",
        &dir.0,
        &[
            "check",
            "ok.yaml",
            "gbk.yaml",
            "nowhere",
            "--as-of",
            "2025-06-30",
        ],
        &["input::not-utf8", "input::unreadable"],
    );
    case(
        "input_too_large",
        &dir.0,
        &[
            "check",
            "ok.yaml",
            "--max-file-size",
            "10",
            "--as-of",
            "2025-06-30",
        ],
        &["input::too-large"],
    );
    #[cfg(unix)]
    {
        let links = Scratch::new("links");
        links.write("records/ok.yaml", RECORD);
        std::os::unix::fs::symlink("ok.yaml", links.0.join("records/link.yaml")).expect("symlink");
        case(
            "input_symlink",
            &links.0,
            &["check", "records", "--as-of", "2025-06-30"],
            &["input::symlink"],
        );
    }
}

#[test]
fn records_as_the_run_sees_them_in_chinese() {
    case(
        "record_duplicate_id",
        root(),
        &[
            "check",
            "tests/fixtures/check/duplicate-ids",
            "--as-of",
            "2025-06-30",
        ],
        &["record::duplicate-id"],
    );
    case(
        "record_future_date",
        root(),
        &[
            "check",
            "tests/fixtures/check/future-dates",
            "--as-of",
            "2024-01-15",
        ],
        &["record::future-date"],
    );
    case(
        "calendar_not_covered",
        root(),
        &[
            "check",
            "tests/fixtures/check/calendar-edge",
            "--as-of",
            "2027-01-15",
        ],
        &["calendar::not-covered", "calendar::near-end"],
    );
    case(
        "cli_unknown_rule",
        root(),
        &[
            "check",
            "tests/fixtures/check/clean",
            "--only",
            "plan-on-tme",
            "--as-of",
            "2025-06-30",
        ],
        &["cli::unknown-rule"],
    );
    case(
        "rules_field_in_no_record",
        root(),
        &[
            "check",
            "--rules",
            "tests/fixtures/teach/dead-guard/rules.rules",
            "tests/fixtures/teach/dead-guard/tasks.yaml",
            "--as-of",
            "2025-06-30",
        ],
        &["rules::field-in-no-record"],
    );
}

#[test]
fn waivers_in_chinese() {
    case(
        "waiver_inline",
        root(),
        &[
            "check",
            "tests/fixtures/check/waivers",
            "--as-of",
            "2025-06-30",
        ],
        &["waiver::expired", "waiver::unmatched", "waiver::incomplete"],
    );
    let dir = Scratch::new("waivers");
    dir.copy("tests/fixtures/check/waiver-file/tasks.yaml", "records/tasks.yaml")
        .copy("tests/fixtures/waivers.yaml", "waivers.yaml")
        .write(
            "bad-waivers.yaml",
            "waivers:\n  - rule: plan-on-time\n    recrod: X\n    until: 2025-13-01\n  - 7\n  - { unit: Wuxi, reason: ok, until: 2025-12-31, approved_by: me }\n",
        );
    case(
        "waiver_file",
        &dir.0,
        &[
            "check",
            "records",
            "--waivers",
            "waivers.yaml",
            "--waivers",
            "bad-waivers.yaml",
            "--waivers",
            "nowhere.yaml",
            "--as-of",
            "2025-06-30",
        ],
        &[
            "waiver::bad-waiver",
            "waiver::incomplete",
            "waiver::unreadable",
        ],
    );
    dir.write("map.yaml", "rule: plan-on-time\n")
        .write("scalar.yaml", "7\n");
    let bad = [
        "check",
        "records",
        "--waivers",
        "map.yaml",
        "--waivers",
        "scalar.yaml",
    ];
    let args = [&bad[..], &["--as-of", "2025-06-30"]].concat();
    case("waiver_bad_file", &dir.0, &args, &["waiver::bad-file"]);
    let authority = Scratch::new("authority");
    authority
        .copy(
            "tests/fixtures/units/authority/records.yaml",
            "records/records.yaml",
        )
        .copy(
            "tests/fixtures/units/authority-waivers.yaml",
            "waivers.yaml",
        )
        .write(
            "rectify.toml",
            "[waivers]\napprovers = [\"Jiangsu Provincial Leading Group\", \"men\"]\nmax-days = 30\n",
        );
    case(
        "waiver_authority",
        &authority.0,
        &[
            "check",
            "records",
            "--waivers",
            "waivers.yaml",
            "--as-of",
            "2025-06-30",
        ],
        &["waiver::not-an-approver", "waiver::too-long"],
    );
    authority.write("rectify.toml", "[waivers]\ninline = \"deny\"\n");
    case(
        "waiver_inline_denied",
        &authority.0,
        &["check", "records", "--as-of", "2025-06-30"],
        &["waiver::inline-denied"],
    );
}

#[test]
fn units_in_chinese() {
    case(
        "unit_lookalike",
        root(),
        &[
            "check",
            "tests/fixtures/check/unit-lookalikes",
            "--as-of",
            "2025-06-30",
        ],
        &["unit::lookalike"],
    );
    let dir = Scratch::new("units");
    dir.copy("tests/fixtures/units/registry/typo.yaml", "records/typo.yaml")
        .write(
            "rectify.toml",
            "[units]\n\"苏州市人民政府\" = [\"苏州市政府\"]\n\"无锡市人民政府\" = [\"Ｗｕｘｉ\"]\n\"Wuxi\" = []\n",
        );
    case(
        "unit_unknown_and_conflict",
        &dir.0,
        &["check", "records", "--as-of", "2025-06-30"],
        &["unit::unknown", "unit::conflict"],
    );
}

/// A broken `rectify.toml` is reported in the language the command line,
/// `RECTIFY_LANG` or the locale chose; the `lang` it sets itself is not
/// trusted, as the file did not check.
#[test]
fn a_broken_configuration_in_the_chosen_language() {
    let dir = Scratch::new("config");
    dir.write(
        "rectify.toml",
        "lang = \"en\"\nrecrods = \"x\"\njobs = 0\nfail-on = \"warn\"\nexclude = [\"[a\"]\n\
         respect-gitignore = \"yes\"\n[waivers]\ninlin = \"deny\"\napprovers = [\"a\", \"a\"]\n\
         [units]\n\"A\" = \"B\"\n\"C\" = [\"c \", \"C\"]\n",
    );
    let (code, out, err) = rectify_env(&dir.0, &["check", "."], CHINESE);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    insta::assert_snapshot!("config_errors_zh_cn", err);
    let (_, _, english) = rectify_env(&dir.0, &["check", ".", "--lang", "en"], CHINESE);
    assert!(english.contains("error: `rectify.toml` has "), "{english}");
    let (_, _, flagged) = rectify_env(&dir.0, &["check", "."], &[("RECTIFY_LANG", "zh-CN")]);
    assert_eq!(flagged, err, "RECTIFY_LANG chooses as the locale does");

    dir.write("rectify.toml", "lang = \"zh-CN\"\nrecords = [\n");
    let (code, _, err) = rectify_env(&dir.0, &["check", "."], CHINESE);
    assert_eq!(code, 2);
    assert!(err.contains("TOML 格式无效："), "{err}");
    assert!(
        err.contains("错误：`rectify.toml` 有 1 个错误，未执行任何操作"),
        "{err}"
    );

    std::fs::create_dir_all(dir.0.join("folder.toml")).expect("folder");
    let (code, _, err) = rectify_env(&dir.0, &["check", "--config", "folder.toml"], CHINESE);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        "错误：无法读取配置文件 `folder.toml`：这是文件夹，不是文件"
    );
}

/// The issue's example: every diagnostic, the summary and the scoreboard's
/// and progress's words in Chinese under a Chinese locale (record data and
/// the rule set's own texts aside).
#[test]
fn the_example_says_every_diagnostic_in_chinese() {
    let args = ["check", "examples/jiangsu", "--as-of", "2025-06-30"];
    let (code, out, _) = rectify_env(root(), &args, CHINESE);
    assert_eq!(code, 1);
    insta::assert_snapshot!("example_diagnostics_zh_cn", diagnostics(code, &out, ""));
    let start = out.lines().position(is_code).expect("a diagnostic");
    let text = out.lines().skip(start).collect::<Vec<_>>().join("\n");
    let footer = text.find("汇总：").expect("the summary in Chinese");
    for line in text[..footer]
        .lines()
        .filter(|l| !l.contains('│') && !l.contains('·'))
    {
        if is_code(line) || line.trim_start().starts_with('╭') || line.trim_start().starts_with('╰')
        {
            continue;
        }
        let left = english_words(line);
        assert!(left.is_empty(), "English {left:?} in `{line}`");
    }
    let words = |l: &str| english_words(l).is_empty();
    let lines: Vec<&str> = text[footer..].lines().collect();
    assert!(words(lines[0]), "{}", lines[0]);
    assert!(
        lines.iter().any(|l| l.starts_with("责任单位") && words(l)),
        "{text}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("整改进度：") && words(l)),
        "{text}"
    );
}

/// Why a file could not be read is said by its kind in either language;
/// an error made with its own words keeps them, and a kind rectify has no
/// words for is the operating system's text.
#[test]
fn io_reasons_are_said_by_their_kind() {
    use rectify::diag::io_message;
    use rectify::i18n::Lang;
    use std::io::{Error, ErrorKind};
    let say = |e: &Error, lang: Lang| io_message("input-reason", e).say(lang.catalogue());
    let cases = [
        (
            ErrorKind::NotFound,
            "no such file or directory",
            "文件或文件夹不存在",
        ),
        (
            ErrorKind::PermissionDenied,
            "permission denied",
            "没有访问权限",
        ),
        (ErrorKind::IsADirectory, "is a directory", "这是一个文件夹"),
    ];
    for (kind, en, zh) in cases {
        let e = Error::from(kind);
        assert_eq!(
            (say(&e, Lang::En).as_str(), say(&e, Lang::ZhCn).as_str()),
            (en, zh)
        );
    }
    let own = Error::new(ErrorKind::NotFound, "no calendar named cn");
    assert_eq!(say(&own, Lang::ZhCn), "no calendar named cn");
    // EAGAIN: no words of rectify's, so the system's own, lowercased.
    let other = Error::from_raw_os_error(11);
    let system = other.to_string();
    let system = system
        .split(" (os error")
        .next()
        .unwrap_or_default()
        .to_lowercase();
    assert_eq!(say(&other, Lang::ZhCn), system);
}
