//! The summary and status lines of `rules check`, `test` and `fmt` in
//! both languages: through the binary, with the exit codes, and the
//! English lines word for word as they always read.

mod common;
use common::cmd::{rectify, rectify_in};

/// `rectify ARGS… --lang LANG`: the exit code, stdout and stderr.
fn run(lang: &str, args: &[&str]) -> (i32, String, String) {
    rectify(&[args, &["--lang", lang]].concat())
}

#[test]
fn rules_check_summary_in_both_languages() {
    let one = [
        "rules",
        "check",
        "tests/fixtures/policy/failing-tests/rules.rules",
    ];
    let (code, out, _) = run("en", &one);
    assert_eq!(code, 0);
    assert_eq!(out, "1 rule file, 2 rules: 0 errors, 0 warnings\n");
    let (code, out, _) = run("zh-CN", &one);
    assert_eq!(code, 0);
    assert_eq!(out, "规则文件 1 个，规则 2 条：0 个错误，0 个警告\n");
    // Far from the calendar's end: no warning, whatever today is.
    let bundled = ["rules", "check", "rules/", "--as-of", "2025-06-30"];
    let (code, en, _) = run("en", &bundled);
    assert_eq!(code, 0);
    assert_eq!(en, "1 rule file, 12 rules: 0 errors, 0 warnings\n");
    // A broken rule file: the summary counts its errors, exit 2.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let broken = dir.path().join("broken.rules");
    std::fs::write(&broken, "rule broken {  for task\n  require\n}\n").expect("write");
    let path = broken.display().to_string();
    let (code, en, _) = run("en", &["rules", "check", &path]);
    assert_eq!(code, 2);
    assert!(
        en.ends_with("1 rule file, 0 rules: 1 error, 0 warnings\n"),
        "{en}"
    );
    let (code, zh, _) = run("zh-CN", &["rules", "check", &path]);
    assert_eq!(code, 2);
    assert!(
        zh.ends_with("规则文件 1 个，规则 0 条：1 个错误，0 个警告\n"),
        "{zh}"
    );
}

#[test]
fn test_results_in_chinese() {
    let args = ["test", "tests/fixtures/policy/failing-tests/tests"];
    let (code, out, err) = run("zh-CN", &args);
    assert_eq!(code, 1, "{err}");
    for english in ["PASS ", "FAIL ", "coverage:", "never fired", "test result"] {
        assert!(!out.contains(english), "`{english}` in:\n{out}");
    }
    insta::assert_snapshot!(out);
    // The coverage of `--format junit` goes to stderr, in the same words.
    let (code, _, err) = run("zh-CN", &[&args[..], &["--format", "junit"]].concat());
    assert_eq!(code, 1);
    assert!(
        err.contains("覆盖率：2 条规则中有 1 条在某个用例中触发（50.0%）"),
        "{err}"
    );
    assert!(err.contains("从未触发：closure-present"), "{err}");
}

#[test]
fn fmt_status_lines_in_both_languages() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let messy = std::fs::read_to_string("tests/fixtures/fmt/messy.rules").expect("fixture");
    for (lang, formatted, unchanged) in [
        (
            "en",
            "formatted messy.rules\n",
            "error: `broken.rules` was not changed",
        ),
        (
            "zh-CN",
            "已格式化 messy.rules\n",
            "error: `broken.rules` 未更改",
        ),
    ] {
        std::fs::write(dir.path().join("messy.rules"), &messy).expect("write");
        let (code, _, err) = rectify_in(dir.path(), &["fmt", "messy.rules", "--lang", lang]);
        assert_eq!((code, err.as_str()), (0, formatted));
        std::fs::write(dir.path().join("broken.rules"), "rule broken {\n").expect("write");
        let (code, _, err) = rectify_in(dir.path(), &["fmt", "broken.rules", "--lang", lang]);
        assert_eq!(code, 2);
        assert!(err.contains(unchanged), "{err}");
        std::fs::remove_file(dir.path().join("broken.rules")).expect("remove");
    }
}
