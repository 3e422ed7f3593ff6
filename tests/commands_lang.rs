//! The code registry through `rectify codes`, `--help` in the run's
//! language, and the lines the commands print themselves (refusals,
//! notes, the untrusted reason, markdown headings, the GitHub summary,
//! JUnit's prose names), in English and Chinese, through the binary.

mod common;

use std::collections::BTreeSet;

use common::cmd::{rectify, rectify_env, rectify_in};
use rectify::diag::codes;

fn root() -> &'static std::path::Path {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `rectify ARGS… --lang LANG`: exit code, stdout, stderr.
fn run(args: &[&str], lang: &str) -> (i32, String, String) {
    let mut all = args.to_vec();
    all.extend(["--lang", lang]);
    rectify(&all)
}

/// Lines of Chinese output that still hold an English word of three
/// letters or more outside backticks, file names and codes.
fn english_words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let mut outside = String::new();
        for (i, piece) in line.split('`').enumerate() {
            if i % 2 == 0 {
                outside.push_str(piece);
                outside.push(' ');
            }
        }
        for word in outside.split(|c: char| {
            !c.is_ascii_alphabetic() && c != '.' && c != '-' && c != '_' && c != ':' && c != '/'
        }) {
            let letters = word.chars().filter(char::is_ascii_alphabetic).count();
            let machine = word.contains(['.', '-', '_', ':', '/'])
                || word
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || !c.is_ascii_alphabetic());
            if letters >= 3 && !machine && !ALLOWED.contains(&word) {
                found.push(format!("{word} in {line}"));
            }
        }
    }
    found
}

/// `check` of the waivers fixture (findings waived and not, waiver
/// diagnostics) on 2025-06-30, in `format`.
fn waivers(format: &str) -> Vec<&str> {
    vec![
        "check",
        "tests/fixtures/check/waivers",
        "--no-config",
        "--as-of",
        "2025-06-30",
        "--format",
        format,
    ]
}

/// Names that stay as written in every language.
const ALLOWED: &[&str] = &["rectify", "xlsx", "shell", "json", "yaml", "toml", "git"];

#[test]
fn codes_lists_the_whole_registry_by_namespace() {
    let (code, out, err) = run(&["codes"], "en");
    assert_eq!(code, 0, "{err}");
    for entry in codes::ALL {
        let line = out
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{} ", entry.code)));
        assert!(line.is_some(), "{} not listed", entry.code);
    }
    let headings: Vec<&str> = out
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.is_empty())
        .collect();
    assert_eq!(headings.len(), codes::NAMESPACES.len(), "{headings:?}");
    assert_eq!(headings[0], "rules:: — rule files");
    let (code, zh, err) = run(&["codes"], "zh-CN");
    assert_eq!(code, 0, "{err}");
    assert_eq!(zh.lines().count(), out.lines().count());
    let stray = english_words(&zh);
    assert!(stray.is_empty(), "{stray:#?}");
}

#[test]
fn codes_describes_one_code_or_one_namespace() {
    let (code, en, _) = run(&["codes", "record::bad-date"], "en");
    assert_eq!(code, 0);
    assert_eq!(
        en,
        "record::bad-date\na value that should be a date is not one, or names no day\n"
    );
    let (code, zh, _) = run(&["codes", "record::bad-date"], "zh-CN");
    assert_eq!(code, 0);
    insta::assert_snapshot!("codes_one_zh_cn", zh);
    let (code, waivers, _) = run(&["codes", "waiver::"], "zh-CN");
    assert_eq!(code, 0);
    insta::assert_snapshot!("codes_namespace_zh_cn", waivers);
    let (_, bare, _) = run(&["codes", "waiver"], "zh-CN");
    assert_eq!(bare, waivers, "a namespace with or without `::`");
}

#[test]
fn an_unknown_code_is_a_usage_error_with_the_closest_code() {
    for lang in ["en", "zh-CN"] {
        let (code, out, err) = run(&["codes", "record::bad-dat"], lang);
        assert_eq!((code, out.as_str()), (2, ""), "{lang}");
        insta::assert_snapshot!(
            format!("codes_unknown_{}", lang.replace('-', "_").to_lowercase()),
            err
        );
    }
    let (code, _, err) = run(&["codes", "nothing-like-a-code"], "en");
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: no diagnostic code or namespace `nothing-like-a-code`\n  help: `rectify codes` lists every code\n"
    );
}

#[test]
fn codes_as_json() {
    let (code, out, _) = run(&["codes", "--format", "json"], "en");
    assert_eq!(code, 0);
    let all: serde_json::Value = serde_json::from_str(&out).expect("json");
    let listed: Vec<&str> = all
        .as_array()
        .expect("an array")
        .iter()
        .map(|c| c["code"].as_str().unwrap_or_default())
        .collect();
    let registered: Vec<&str> = codes::ALL.iter().map(|c| c.code).collect();
    assert_eq!(listed, registered);
    let (_, one, _) = run(&["codes", "yaml::syntax", "--format", "json"], "zh-CN");
    let one: serde_json::Value = serde_json::from_str(&one).expect("json");
    assert_eq!(one["code"], "yaml::syntax");
    assert_eq!(one["namespace"], "yaml");
    assert_eq!(one["description"], "文本不是有效的 YAML");
}

#[test]
fn sarif_describes_input_codes_from_the_registry() {
    let args = waivers("sarif");
    for (lang, want) in [
        (
            "en",
            codes::find("waiver::expired").map(|c| c.describe().english()),
        ),
        (
            "zh-CN",
            Some("（警告）豁免的 `until` 早于评估日期（到期日当天仍有效）".to_string()),
        ),
    ] {
        let (_, out, _) = run(&args, lang);
        let sarif: serde_json::Value = serde_json::from_str(&out).expect("sarif");
        let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let rule = rules
            .iter()
            .find(|r| r["id"] == "waiver::expired")
            .expect("an input rule");
        assert_eq!(
            rule["shortDescription"]["text"].as_str(),
            want.as_deref(),
            "{lang}"
        );
    }
}

#[test]
fn help_follows_the_language_known_before_parsing() {
    let (code, en, _) = rectify(&["check", "--help"]);
    assert_eq!(code, 0);
    assert!(
        en.starts_with("Check records against rules and report findings, scores and progress\n")
    );
    assert!(en.contains("The evaluation date, YYYY-MM-DD"));
    let (code, flag, _) = run(&["check", "--help"], "zh-CN");
    assert_eq!(code, 0);
    assert!(
        flag.starts_with("按规则检查记录，报告发现的问题、得分和整改进度\n"),
        "{flag}"
    );
    assert!(flag.contains("评估日期，YYYY-MM-DD"));
    assert!(!flag.contains("The evaluation date"));
    let (_, flag_eq, _) = rectify(&["--lang=zh-CN", "check", "--help"]);
    assert_eq!(flag_eq, flag);
    for vars in [
        [("RECTIFY_LANG", "zh-CN")].as_slice(),
        [("LANG", "zh_CN.UTF-8")].as_slice(),
    ] {
        let (_, env, _) = rectify_env(root(), &["check", "--help"], vars);
        assert_eq!(env, flag, "{vars:?}");
    }
    let (_, codes_help, _) = run(&["codes", "--help"], "zh-CN");
    insta::assert_snapshot!("codes_help_zh_cn", codes_help);
    let (_, top, _) = rectify_env(root(), &["--help"], &[("LANG", "zh_CN.UTF-8")]);
    assert!(
        top.contains("codes        列出诊断代码及其说明，或说明一个代码"),
        "{top}"
    );
}

#[test]
fn a_bad_value_is_refused_in_the_language_of_the_command_line() {
    let (code, _, en) = rectify(&["check", "--as-of", "2023-02-30"]);
    assert_eq!(code, 2);
    assert!(
        en.contains("`2023-02-30` is not a date in the calendar"),
        "{en}"
    );
    let (code, _, zh) = run(&["check", "--as-of", "2023-02-30"], "zh-CN");
    assert_eq!(code, 2);
    assert!(zh.contains("`2023-02-30` 不是日历上的日期"), "{zh}");
}

/// A command's own refusals and notes in Chinese: each line snapshotted,
/// none with an English word but names and values.
#[test]
fn the_commands_own_lines_in_chinese() {
    let scratch =
        std::env::temp_dir().join(format!("rectify-commands-lang-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).expect("scratch");
    let empty = scratch.join("empty");
    std::fs::create_dir_all(&empty).expect("empty");
    let empty = empty.to_string_lossy().into_owned();
    let cases: Vec<(&str, Vec<&str>)> = vec![
        (
            "no_records",
            vec![
                "check",
                &empty,
                "--no-config",
                "--as-of",
                "2025-06-30",
                "--format",
                "concise",
            ],
        ),
        (
            "explain_no_rule",
            vec!["explain", "plan-on-tme", "JS-1", "--no-config"],
        ),
        (
            "explain_not_a_group",
            vec![
                "explain",
                "plan-on-time",
                "--unit",
                "Xuzhou",
                "examples/jiangsu",
                "--no-config",
            ],
        ),
        (
            "explain_no_record",
            vec![
                "explain",
                "plan-on-time",
                "NO-SUCH-ID",
                "examples/jiangsu",
                "--no-config",
                "--as-of",
                "2025-06-30",
            ],
        ),
        ("test_missing", vec!["test", "no/such/tests", "--no-config"]),
        ("fmt_nothing", vec!["fmt", "--no-config"]),
        ("output_is_input", {
            let mut args = waivers("human");
            args.extend(["--output", "tests/fixtures/check/waivers/tasks.yaml"]);
            args
        }),
    ];
    let mut shown = String::new();
    for (name, args) in &cases {
        let (code, _, err) = run(args, "zh-CN");
        assert_eq!(code, 2, "{name}: {err}");
        let err = err.replace(&empty, "EMPTY");
        let stray = english_words(&err);
        assert!(stray.is_empty(), "{name}: {stray:#?}");
        shown.push_str(&format!("## {name} (exit {code})\n{err}\n"));
        let (en_code, _, en) = run(args, "en");
        assert_eq!(en_code, code, "{name}");
        assert!(
            en.contains("error: ") && !en.contains("错误"),
            "{name}: {en}"
        );
    }
    let _ = std::fs::remove_dir_all(&scratch);
    insta::assert_snapshot!("commands_own_lines_zh_cn", shown);
}

#[test]
fn markdown_github_and_junit_prose_in_chinese() {
    for format in ["markdown", "github", "junit"] {
        let args = waivers(format);
        let (en_code, en, _) = run(&args, "en");
        let (zh_code, zh, _) = run(&args, "zh-CN");
        assert_eq!(en_code, zh_code, "{format}");
        assert_eq!(en.lines().count(), zh.lines().count(), "{format}");
        insta::assert_snapshot!(format!("{format}_prose_zh_cn"), zh);
    }
    let (_, zh, _) = run(&waivers("markdown"), "zh-CN");
    let headings: BTreeSet<&str> = zh.lines().filter(|l| l.starts_with('#')).collect();
    for heading in &headings {
        assert!(english_words(heading).is_empty(), "{heading}");
    }
}

#[test]
fn config_in_chinese() {
    let args = [
        "config",
        "--no-config",
        "--as-of",
        "2025-06-30",
        "--jobs",
        "2",
    ];
    let (code, zh, err) = run(&args, "zh-CN");
    assert_eq!(code, 0, "{err}");
    let shown = zh.replace(&root().display().to_string(), "ROOT");
    // Each setting line starts with its key, as written in rectify.toml.
    let said: String = shown
        .lines()
        .map(|l| l.split_once("  ").map_or(l, |(_, rest)| rest))
        .collect::<Vec<_>>()
        .join("\n");
    let stray = english_words(&said);
    // Keys and values as written (`error`, `human`, `allow`, `true`) stay.
    let written = ["error", "human", "allow", "true", "false"];
    let stray: Vec<&String> = stray
        .iter()
        .filter(|s| !written.iter().any(|w| s.starts_with(&format!("{w} in"))))
        .collect();
    assert!(stray.is_empty(), "{stray:#?}");
    insta::assert_snapshot!("config_zh_cn", shown);
    let (_, en, _) = run(&args, "en");
    assert!(
        en.contains("as-of              2025-06-30  command line"),
        "{en}"
    );
}

#[test]
fn a_refused_output_says_why_in_the_run_language() {
    let scratch = std::env::temp_dir().join(format!("rectify-refused-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).expect("scratch");
    let file = scratch.join("out.json");
    std::fs::write(&file, "{}").expect("seed");
    let mut permissions = std::fs::metadata(&file).expect("meta").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&file, permissions).expect("read-only");
    let out = file.to_string_lossy().into_owned();
    let mut args = waivers("json");
    args.extend(["--output", &out]);
    let (en_code, _, en) = run(&args, "en");
    let (zh_code, _, zh) = run(&args, "zh-CN");
    let _ = std::fs::remove_dir_all(&scratch);
    assert_eq!((en_code, zh_code), (2, 2));
    assert_eq!(
        en,
        format!("error: cannot write `{out}`: the file is read-only\n")
    );
    assert_eq!(zh, format!("错误：无法写入 `{out}`：该文件为只读\n"));
}

/// An output the system will not write (`--output` and `--report` under a
/// regular file, which fails even as root) says why in the run's words,
/// not the system's English (`Not a directory (os error 20)`).
#[test]
fn a_failed_write_says_why_in_the_run_language() {
    let dir = tempfile::tempdir().expect("scratch");
    std::fs::write(dir.path().join("plain"), "a file, not a folder").expect("seed");
    let fixture = root().join("tests/fixtures/check/waivers");
    let fixture = fixture.to_string_lossy();
    let mut shown = String::new();
    for lang in ["en", "zh-CN"] {
        for output in [
            ["--output", "plain/out.json"],
            ["--report", "sarif=plain/out.sarif"],
        ] {
            let mut args = waivers("json");
            args[1] = &fixture;
            args.extend(output);
            args.extend(["--lang", lang]);
            let (code, _, stderr) = rectify_in(dir.path(), &args);
            shown.push_str(&format!(
                "$ {} --lang {lang}\nexit {code}\n{stderr}\n",
                output.join(" ")
            ));
        }
    }
    insta::assert_snapshot!("failed_write", shown);
}

/// A list of three or more is joined once, in the run's language: "round,
/// kind and county" (it read "round and kind and county"), "round、kind 和 county".
#[test]
fn explain_names_the_fields_a_rule_does_not_group_by_as_one_list() {
    let args = [
        "explain",
        "petition-closure-rate",
        "--round",
        "r1",
        "--kind",
        "petition",
        "--group",
        "county=Gulou",
        "examples/jiangsu",
        "--as-of",
        "2024-01-15",
    ];
    let mut shown = String::new();
    for lang in ["en", "zh-CN"] {
        let (code, stdout, stderr) = run(&args, lang);
        shown.push_str(&format!("--lang {lang}\nexit {code}\n{stdout}{stderr}\n"));
    }
    insta::assert_snapshot!("explain_not_grouped_by_lists", shown);
}
