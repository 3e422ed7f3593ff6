//! `rectify explain` in Chinese: every step of a derivation comes from the
//! zh-CN catalogue (record values, rule texts and dates aside), for a late
//! plan, an overdue closure, an extension moved past a holiday, a
//! cannot-check, a commendation, a group rule on a unit (a share) and on a
//! count, a proportional group penalty and a member record of a group.
//! The English derivations are pinned by tests/policy_cli.rs and
//! tests/group.rs.

mod common;
use common::cmd::rectify;

/// `rectify explain ARGS… --lang zh-CN`: the exit code and what it printed.
fn explain_zh(args: &[&str]) -> String {
    let mut all = vec!["explain"];
    all.extend(args);
    all.extend(["--lang", "zh-CN"]);
    let (code, stdout, stderr) = rectify(&all);
    assert_eq!(code, 0, "{args:?}: {stdout}{stderr}");
    format!("$ rectify explain {}\n{stdout}{stderr}", args.join(" "))
}

/// Words of the English derivation that must not survive in Chinese.
const ENGLISH: [&str; 12] = [
    "verdict:",
    "require `",
    "is due",
    "lateness:",
    "penalty rule:",
    "calendar days",
    "working day",
    " records per ",
    "counted",
    "the rule",
    " point",
    "approved by",
];

fn assert_chinese(text: &str) {
    for word in ENGLISH {
        assert!(!text.contains(word), "`{word}` in:\n{text}");
    }
}

#[test]
fn explain_a_record_in_chinese() {
    let explain = "tests/fixtures/explain";
    let cases: [&[&str]; 6] = [
        // A late plan: the working days counted, a holiday skipped.
        &[
            "plan-on-time",
            "EX-LATE-PLAN",
            explain,
            "--as-of",
            "2024-06-30",
        ],
        // An approved extension, one without approval, a holiday roll-forward.
        &[
            "closed-by-deadline",
            "EX-EXTENDED",
            explain,
            "--as-of",
            "2024-06-30",
        ],
        &[
            "plan-on-time",
            "EX-NO-ASSIGNED",
            explain,
            "--as-of",
            "2024-06-30",
        ],
        &[
            "plan-on-time",
            "EX-PENDING",
            explain,
            "--as-of",
            "2024-06-30",
        ],
        // An overdue closure, and a waiver that covers it.
        &[
            "closed-by-deadline",
            "JS-2022-R2-XZ-05",
            "examples/jiangsu",
            "--as-of",
            "2025-06-30",
        ],
        &[
            "closed-by-deadline",
            "JS-2022-R2-SZ-05",
            "examples/jiangsu",
            "--as-of",
            "2025-06-30",
        ],
    ];
    let out: Vec<String> = cases.iter().map(|args| explain_zh(args)).collect();
    let out = out.join("\n");
    assert_chinese(&out);
    insta::assert_snapshot!(out);
}

#[test]
fn explain_a_commendation_in_chinese() {
    let out = explain_zh(&[
        "closed-early",
        "SZ-EARLY-150",
        "tests/fixtures/rewards/records",
        "--as-of",
        "2025-06-30",
    ]);
    assert_chinese(&out);
    assert!(out.contains("结论：表扬，加分 3 分"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn explain_group_rules_in_chinese() {
    let fields = "tests/fixtures/group-fields/";
    let cases: [&[&str]; 5] = [
        // A share on a unit.
        &[
            "petition-closure-rate",
            "--unit",
            "Xuzhou Municipal Government",
            "examples/jiangsu",
            "--as-of",
            "2024-01-15",
        ],
        // A member record of that group.
        &[
            "petition-closure-rate",
            "JS-2022-R2-XF-XZ-003",
            "examples/jiangsu",
            "--as-of",
            "2024-01-15",
        ],
        // A proportional group penalty on a pair group.
        &[
            "closure-rate-by-region",
            "--unit",
            "Gulou",
            "--group",
            "region=Nanjing/Gulou",
            &format!("{fields}records"),
            "--rules",
            &format!("{fields}fields.rules"),
            "--as-of",
            "2024-06-30",
            "--no-config",
        ],
        // A count per round.
        &[
            "open-per-round",
            "--rules",
            "tests/fixtures/group/group.rules",
            "--round",
            "r1",
            "tests/fixtures/group/records",
            "--as-of",
            "2024-06-30",
        ],
        // A group that meets its rule, with an empty list.
        &[
            "open-per-round",
            "--rules",
            "tests/fixtures/group/group.rules",
            "--round",
            "r2",
            "tests/fixtures/group/records",
            "--as-of",
            "2024-06-30",
        ],
    ];
    let out: Vec<String> = cases.iter().map(|args| explain_zh(args)).collect();
    let out = out.join("\n");
    assert_chinese(&out);
    insta::assert_snapshot!(out);
}

/// The same derivation in English is today's, word for word: the English
/// catalogue says what the code used to.
#[test]
fn explain_in_english_is_unchanged_by_the_language_flag() {
    let args = [
        "explain",
        "plan-on-time",
        "EX-LATE-PLAN",
        "tests/fixtures/explain",
        "--as-of",
        "2024-06-30",
    ];
    let (_, default, _) = rectify(&args);
    let (_, en, _) = rectify(&[&args[..], &["--lang", "en"]].concat());
    assert_eq!(default, en);
    assert!(en.contains("verdict: error finding, 1.4 points"), "{en}");
}

/// Every message id the explain, rules check, test and fmt code names is
/// in both catalogues: a missing one would print its id instead of words.
#[test]
fn every_message_the_code_names_is_in_both_catalogues() {
    use rectify::i18n::Lang;
    let files = [
        "src/eval/explain.rs",
        "src/eval/check.rs",
        "src/eval/value.rs",
        "src/cli/explain.rs",
        "src/cli/rules.rs",
        "src/cli/test.rs",
        "src/cli/fmt.rs",
    ];
    let prefixes = ["\"explain-", "\"test-", "\"fmt-", "\"rules-check-"];
    let mut named = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).expect("a source file");
        for prefix in prefixes {
            for (at, _) in text.match_indices(prefix) {
                let rest = &text[at + 1..];
                let id: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '-')
                    .collect();
                if rest[id.len()..].starts_with('"') {
                    named.push(id);
                }
            }
        }
    }
    assert!(named.len() > 80, "the ids were found: {named:?}");
    for id in &named {
        for lang in Lang::ALL {
            assert!(
                lang.catalogue().has(id),
                "`{id}` is not in the {lang} catalogue"
            );
            // The ids built as `{id}-workdays`.
            if id == "explain-lateness" || id == "explain-earliness" {
                assert!(lang.catalogue().has(&format!("{id}-workdays")), "{id}");
            }
        }
    }
}
