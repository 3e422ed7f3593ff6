//! Every class of finding said in English and in Simplified Chinese, from
//! the same verdicts: late, overdue, cannot check, waived, a group's share
//! and count with proportional penalties, a commendation. Snapshots of the
//! concise format (one line per finding) in both languages, the human
//! format in Chinese (labels, help, penalty notes), the Jiangsu example
//! under a Chinese locale, and JSON and SARIF messages following `--lang`
//! while their keys and codes stay English.

mod common;

use std::path::Path;

const AS_OF: &str = "2025-06-30";

/// `rectify` from the crate root with no language in the environment but
/// `vars`.
fn rectify(args: &[&str], vars: &[(&str, &str)]) -> (i32, String, String) {
    common::cmd::rectify_env(Path::new(env!("CARGO_MANIFEST_DIR")), args, vars)
}

/// Each class of finding: records, and the rules (`None`: the bundled set).
const CLASSES: &[(&str, &str, Option<&str>)] = &[
    ("late", "tests/fixtures/check/late-plan", None),
    ("overdue", "tests/fixtures/check/overdue-closure", None),
    ("cannot_check", "tests/fixtures/check/cannot-check", None),
    ("waived", "tests/fixtures/check/waivers", None),
    (
        "group_share_and_count",
        "tests/fixtures/group/records",
        Some("tests/fixtures/group/group.rules"),
    ),
    (
        "group_proportional",
        "tests/fixtures/group-fields/records",
        Some("tests/fixtures/group-fields/fields.rules"),
    ),
    ("commendation", "tests/fixtures/rewards/records", None),
];

fn check(records: &str, rules: Option<&str>, format: &str, lang: &str) -> (i32, String) {
    let mut args = vec![
        "check",
        records,
        "--no-config",
        "--as-of",
        AS_OF,
        "--lang",
        lang,
        "--format",
        format,
        "--color",
        "never",
    ];
    if let Some(rules) = rules {
        args.extend(["--rules", rules]);
    }
    let (code, out, _) = rectify(&args, &[]);
    (code, out)
}

#[test]
fn every_class_of_finding_in_both_languages() {
    for (name, records, rules) in CLASSES {
        let (en_code, en) = check(records, *rules, "concise", "en");
        let (zh_code, zh) = check(records, *rules, "concise", "zh-CN");
        // The language changes the words, never the verdict.
        assert_eq!(en_code, zh_code, "{name}");
        assert_eq!(en.lines().count(), zh.lines().count(), "{name}");
        assert!(en.lines().count() > 1, "{name}: no finding\n{en}");
        insta::assert_snapshot!(format!("{name}_en"), en);
        insta::assert_snapshot!(format!("{name}_zh_cn"), zh);
    }
}

/// The findings' words in Chinese are Chinese: no English phrase of the
/// English catalogue is left in a Chinese finding line (what stands in
/// backticks, rule text and record values, stays as written).
#[test]
fn chinese_findings_have_no_english_phrases() {
    let english = [
        "was due",
        "it is dated",
        "overdue",
        " late",
        "cannot check",
        "commended",
        "does not hold",
        "required",
        "records that",
        "capped at",
        "workday",
        " days",
        "(waived)",
    ];
    for (name, records, rules) in CLASSES {
        let (_, zh) = check(records, *rules, "concise", "zh-CN");
        // Input diagnostics (`waiver::…`, `record::…`) are not verdicts.
        for line in zh.lines().filter(|l| !l.contains("::")) {
            // `file:line:col: rule: message [points]`: the message alone.
            let Some(line) = line.splitn(3, ": ").nth(2) else {
                continue;
            };
            // Rule text and record values in backticks are data.
            let line: String = line.split('`').step_by(2).collect();
            for phrase in english {
                assert!(!line.contains(phrase), "{name}: `{phrase}` in {line}");
            }
        }
    }
}

#[test]
fn human_format_says_labels_help_and_penalty_notes_in_chinese() {
    for (name, records, rules) in [CLASSES[0], CLASSES[3], CLASSES[5]] {
        let (code, out) = check(records, rules, "human", "zh-CN");
        insta::assert_snapshot!(
            format!("human_{name}_zh_cn"),
            format!("exit code: {code}\n{out}")
        );
    }
}

#[test]
fn the_example_under_a_chinese_locale() {
    let args = ["check", "examples/jiangsu", "--no-config", "--as-of", AS_OF];
    let mut concise = args.to_vec();
    concise.extend(["--format", "concise"]);
    let (code, out, _) = rectify(&concise, &[("LANG", "zh_CN.UTF-8")]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("jiangsu_concise_zh_cn", out);
    let one = [
        "check",
        "examples/jiangsu/tasks/suzhou.yaml",
        "--no-config",
        "--as-of",
        AS_OF,
        "--color",
        "never",
    ];
    let (code, out, _) = rectify(&one, &[("LANG", "zh_CN.UTF-8")]);
    insta::assert_snapshot!(
        "jiangsu_suzhou_human_zh_cn",
        format!("exit code: {code}\n{out}")
    );
}

/// JSON and SARIF messages follow the language; keys, rule ids, severities
/// and every figure stay as they are.
#[test]
fn machine_formats_say_messages_in_the_chosen_language() {
    let (records, rules) = (CLASSES[0].1, CLASSES[0].2);
    let json = |lang| {
        let (_, out) = check(records, rules, "json", lang);
        serde_json::from_str::<serde_json::Value>(&out).expect("json")
    };
    let (en, zh) = (json("en"), json("zh-CN"));
    let (ef, zf) = (&en["findings"][0], &zh["findings"][0]);
    assert!(
        ef["message"].as_str().is_some_and(|m| m.contains("late")),
        "{ef}"
    );
    assert!(
        zf["message"].as_str().is_some_and(|m| m.contains("逾期")),
        "{zf}"
    );
    let without_message = |f: &serde_json::Value| {
        let mut f = f.clone();
        f.as_object_mut().map(|o| o.remove("message"));
        f
    };
    assert_eq!(without_message(ef), without_message(zf));
    let (_, sarif) = check(records, rules, "sarif", "zh-CN");
    let sarif: serde_json::Value = serde_json::from_str(&sarif).expect("sarif");
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "plan-on-time");
    assert!(
        result["message"]["text"]
            .as_str()
            .is_some_and(|m| m.contains("逾期")),
        "{result}"
    );
}

/// JUnit and GitHub annotations in Chinese: the message and the words
/// around it (penalty, waiver, unit), the XML and workflow-command syntax
/// unchanged.
#[test]
fn ci_formats_in_chinese() {
    let (records, rules) = (CLASSES[3].1, CLASSES[3].2);
    for format in ["junit", "github"] {
        let (code, out) = check(records, rules, format, "zh-CN");
        insta::assert_snapshot!(
            format!("{format}_waived_zh_cn"),
            format!("exit code: {code}\n{out}")
        );
    }
    let (_, junit) = check(records, rules, "junit", "zh-CN");
    roxmltree::Document::parse(&junit).expect("well-formed XML");
}
