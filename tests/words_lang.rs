//! The last words a Chinese run said in English: the notes for files the
//! walk leaves out, `explain`'s unreadable paths, the pages `rules doc`
//! writes and the scoring scheme's grade names, in English and Chinese,
//! through the binary.

mod common;

use std::path::Path;

use common::cmd::{rectify, rectify_in};
use common::scratch::Scratch;

/// A record with a late plan: a check of it exits 1.
const LATE: &str = "tests/fixtures/good-late-plan.yaml";

/// The `note:` lines of stderr.
fn notes(err: &str) -> String {
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("skipped") || l.contains("已跳过"))
        .collect();
    lines.join("\n")
}

/// The notes of `rectify ARGS…` in `dir`, in English then Chinese, each
/// run exiting with `code` when one is given.
fn notes_in_both_languages(dir: &Scratch, args: &[&str], code: Option<i32>) -> String {
    let mut said = Vec::new();
    for lang in ["en", "zh-CN"] {
        let mut all = args.to_vec();
        all.extend(["--lang", lang]);
        let (exit, _, err) = rectify_in(dir.path(), &all);
        assert!(code.is_none_or(|c| c == exit), "{lang}: exit {exit}: {err}");
        said.push(format!("--- {lang} (exit {exit})\n{}", notes(&err)));
    }
    said.join("\n")
}

#[test]
fn walk_notes_in_both_languages() {
    let dir = Scratch::new("walk-notes");
    dir.copy(LATE, "ledgers/good.yaml")
        .copy(LATE, ".secret.yaml")
        .write("mkdocs.yml", "site_name: docs\n")
        .write("ledgers/.ignore", "hidden-by-unit.yaml\n")
        .copy(LATE, "ledgers/hidden-by-unit.yaml");
    let args = [
        "check",
        "--no-config",
        "--as-of",
        "2025-06-30",
        "--format",
        "concise",
    ];
    let said = notes_in_both_languages(&dir, &args, Some(1));
    // English as it was before the notes moved into the catalogues.
    assert!(
        said.contains("note: skipped `.secret.yaml`: hidden (--hidden reads it)"),
        "{said}"
    );
    assert!(said.contains("已跳过 `.secret.yaml`：隐藏文件"), "{said}");
    insta::assert_snapshot!("walk_notes", said);
}

#[test]
fn a_force_excluded_file_is_noted_in_chinese() {
    let dir = Scratch::new("force-exclude");
    dir.write("rectify.toml", "exclude = [\"drafts\"]\n")
        .copy(LATE, "drafts/one.yaml");
    let args = [
        "check",
        "drafts/one.yaml",
        "--force-exclude",
        "--as-of",
        "2025-06-30",
    ];
    let said = notes_in_both_languages(&dir, &args, None);
    insta::assert_snapshot!("walk_force_exclude", said);
}

#[test]
fn explain_says_an_unreadable_path_in_the_run_language() {
    let record = [
        "explain",
        "plan-on-time",
        "P-1",
        "tests/fixtures/no-such-folder",
        "--no-config",
    ];
    let group = [
        "explain",
        "petition-closure-rate",
        "--unit",
        "Wuxi",
        "tests/fixtures/no-such-folder",
        "--no-config",
    ];
    let mut said = Vec::new();
    for args in [&record[..], &group[..]] {
        for lang in ["en", "zh-CN"] {
            let mut all = args.to_vec();
            all.extend(["--lang", lang]);
            let (code, out, err) = rectify(&all);
            assert_eq!(code, 2, "{out}{err}");
            said.push(format!("--- {} {lang}\n{err}", args[1]));
        }
    }
    let said = said.join("\n");
    assert!(
        said.contains(
            "error: tests/fixtures/no-such-folder: cannot read: no such file or directory"
        ),
        "{said}"
    );
    insta::assert_snapshot!("explain_unreadable", said);
}

// ---- grade names ------------------------------------------------------------

/// The bundled rules with grades the example's units spread over (pass at
/// 100, basic at 99), each with its Chinese name, in `dir`.
fn graded_rules(dir: &Scratch) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bundled =
        std::fs::read_to_string(root.join("rules/central-inspection.rules")).expect("rules");
    let calendar = root.join("rules/calendars/cn.yaml");
    let graded = bundled
        .replace("pass >= 90 title", "pass >= 100 title")
        .replace("basic >= 60 title", "basic >= 99 title")
        .replace(
            "calendar \"calendars/cn.yaml\"",
            &format!("calendar {:?}", calendar.display().to_string()),
        );
    assert_ne!(graded, bundled, "the bundled scoring scheme changed");
    dir.write("graded.rules", &graded);
    dir.path().join("graded.rules").display().to_string()
}

/// `rectify ARGS… --lang LANG` on the example with `rules` as of its date.
fn example(rules: &str, lang: &str, more: &[&str]) -> (i32, String, String) {
    let mut args = vec![
        "check",
        "examples/jiangsu",
        "--rules",
        rules,
        "--as-of",
        "2025-06-30",
        "--no-config",
        "--lang",
        lang,
    ];
    args.extend(more);
    rectify(&args)
}

/// The scoreboard of `text`: the blank-line separated block where the
/// example's worst unit (Xuzhou, after `start`) comes before Wuxi, as
/// only worst-first order has it.
fn block<'a>(text: &'a str, start: &str) -> &'a str {
    let wuxi = start.replace("Xuzhou", "Wuxi");
    text.split("\n\n")
        .find(|b| {
            let at = |s: &str| b.lines().position(|l| l.starts_with(s));
            at(start).zip(at(&wuxi)).is_some_and(|(x, w)| x < w)
        })
        .unwrap_or_else(|| panic!("no scoreboard in:\n{text}"))
}

#[test]
fn scoreboards_name_grades_in_the_run_language() {
    let dir = Scratch::new("grades");
    let rules = graded_rules(&dir);
    let mut said = Vec::new();
    for lang in ["en", "zh-CN"] {
        let (code, human, err) = example(&rules, lang, &["--format", "human"]);
        assert_eq!(code, 1, "{err}");
        said.push(format!("--- human {lang}\n{}", block(&human, "Xuzhou")));
        let (_, plain, _) = example(&rules, lang, &["--format", "plain"]);
        let units: Vec<&str> = plain.lines().filter(|l| l.starts_with("Xuzhou")).collect();
        said.push(format!("--- plain {lang}\n{}", units.join("\n")));
        let (_, markdown, _) = example(&rules, lang, &["--format", "markdown"]);
        said.push(format!(
            "--- markdown {lang}\n{}",
            block(&markdown, "| Xuzhou")
        ));
    }
    insta::assert_snapshot!("grades_check", said.join("\n"));
}

#[test]
fn the_json_report_keeps_the_grade_as_named() {
    let dir = Scratch::new("grades-json");
    let rules = graded_rules(&dir);
    let (code, json, err) = example(&rules, "zh-CN", &["--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let grades: Vec<&str> = (report["units"].as_array().expect("units").iter())
        .filter_map(|u| u["grade"].as_str())
        .collect();
    assert!(
        grades.contains(&"fail") && grades.contains(&"basic") && grades.contains(&"pass"),
        "{grades:?}"
    );
    assert!(
        !json.contains("不合格"),
        "a grade's title leaked into the JSON report"
    );
}

/// `rectify COMMAND examples/jiangsu --rules RULES --no-config --lang LANG ARGS…`.
fn on_example(command: &str, rules: &str, lang: &str, more: &[&str]) -> (i32, String, String) {
    let mut args = vec![
        command,
        "examples/jiangsu",
        "--rules",
        rules,
        "--no-config",
        "--lang",
        lang,
    ];
    args.extend(more);
    rectify(&args)
}

/// Every text cell of every sheet of the workbook at `path`.
fn workbook_texts(path: &Path) -> Vec<String> {
    use calamine::{Data, Reader, Xlsx};
    let bytes = std::fs::read(path).expect("the workbook");
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("a workbook");
    let mut texts = Vec::new();
    for sheet in book.sheet_names() {
        let range = book.worksheet_range(&sheet).expect("the sheet");
        for cell in range.rows().flatten() {
            if let Data::String(s) = cell {
                texts.push(s.clone());
            }
        }
    }
    texts
}

#[test]
fn reports_histories_and_diffs_name_grades_in_the_run_language() {
    let dir = Scratch::new("grade-reports");
    let rules = graded_rules(&dir);
    let as_of = ["--as-of", "2025-06-30"];
    let history = [
        "--history",
        "monthly",
        "--from",
        "2025-05-01",
        "--as-of",
        "2025-06-30",
    ];
    let mut said = Vec::new();
    for lang in ["en", "zh-CN"] {
        let (code, table, err) = on_example("report", &rules, lang, &as_of);
        assert_eq!(code, 0, "{err}");
        said.push(format!("--- report {lang}\n{}", block(&table, "Xuzhou")));
        let markdown = [&as_of[..], &["--format", "markdown"]].concat();
        let (_, markdown, _) = on_example("report", &rules, lang, &markdown);
        said.push(format!(
            "--- report markdown {lang}\n{}",
            block(&markdown, "| Xuzhou")
        ));
        let (code, table, err) = on_example("report", &rules, lang, &history);
        assert_eq!(code, 0, "{err}");
        let units: Vec<&str> = table.lines().filter(|l| l.contains("Xuzhou")).collect();
        said.push(format!("--- history {lang}\n{}", units.join("\n")));
        let diff = ["--from", "2023-06-30", "--to", "2025-06-30"];
        let (_, diff, err) = on_example("diff", &rules, lang, &diff);
        let units: Vec<&str> = diff.lines().filter(|l| l.starts_with("Wuxi")).collect();
        said.push(format!("--- diff {lang}\n{}{err}", units.join("\n")));
    }
    insta::assert_snapshot!("grades_reports", said.join("\n"));
}

#[test]
fn html_and_workbooks_name_grades_in_the_run_language() {
    let dir = Scratch::new("grade-files");
    let rules = graded_rules(&dir);
    for (lang, fail, basic) in [("en", "fail", "basic"), ("zh-CN", "不合格", "基本合格")] {
        let html = dir.path().join(format!("report-{lang}.html"));
        let html_name = html.display().to_string();
        let args = [
            "--as-of",
            "2025-06-30",
            "--format",
            "html",
            "--output",
            &html_name,
        ];
        let (code, _, err) = on_example("report", &rules, lang, &args);
        assert_eq!(code, 0, "{err}");
        let page = std::fs::read_to_string(&html).expect("the page");
        // The bar keeps the grade's class; its label says the grade's name.
        let bar = "<title>Xuzhou Municipal Government: 82.9 (";
        assert!(page.contains(&format!("{bar}{fail})</title>")), "{lang}");
        assert!(page.contains("class=\"fail\""), "{lang}");
        for (command, more) in [
            ("check", &["--format", "xlsx"][..]),
            ("report", &["--format", "xlsx"][..]),
            (
                "report",
                &[
                    "--format",
                    "xlsx",
                    "--history",
                    "monthly",
                    "--from",
                    "2025-05-01",
                ][..],
            ),
        ] {
            let book = dir
                .path()
                .join(format!("{command}-{lang}-{}.xlsx", more.len()));
            let book_name = book.display().to_string();
            let args = [&["--as-of", "2025-06-30", "--output", &book_name][..], more].concat();
            let (code, _, err) = on_example(command, &rules, lang, &args);
            assert!(code <= 1, "{command} {more:?}: {err}");
            let texts = workbook_texts(&book);
            for grade in [fail, basic] {
                assert!(
                    texts.iter().any(|t| t == grade),
                    "{command} {more:?} {lang}: no {grade}"
                );
            }
            if lang != "en" {
                assert!(
                    !texts.iter().any(|t| t == "fail"),
                    "{command} {more:?}: English grade"
                );
            }
        }
    }
}

// ---- rules doc --------------------------------------------------------------

#[test]
fn rules_doc_writes_pages_in_the_run_language() {
    let dir = Scratch::new("rules-doc");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut said = Vec::new();
    for lang in ["en", "zh-CN"] {
        let out = dir.path().join(lang);
        let out_name = out.display().to_string();
        let args = [
            "rules",
            "doc",
            "rules",
            "--output",
            &out_name,
            "--no-config",
            "--lang",
            lang,
        ];
        let (code, _, err) = rectify(&args);
        assert_eq!(code, 0, "{err}");
        for page in [
            "index.md",
            "plan-on-time.md",
            "petition-closure-rate.md",
            "closed-early.md",
        ] {
            let text = std::fs::read_to_string(out.join(page)).expect("page");
            if lang == "en" {
                // English pages are the committed ones, byte for byte.
                let committed = std::fs::read_to_string(root.join("docs/rules").join(page))
                    .expect("committed page");
                assert_eq!(text, committed, "{page}");
            } else {
                said.push(format!("=== {page}\n{text}"));
            }
        }
    }
    insta::assert_snapshot!("rules_doc_zh", said.join("\n"));
}
