//! `rectify report`, `report --history` and `diff` in both languages,
//! through the binary: every form's words come from the catalogue of the
//! run's language (snapshots in English and Chinese), record data stays as
//! written, and the Chinese HTML pages hold no English phrase of the
//! report's catalogue section.

mod common;

use std::collections::BTreeSet;

use common::cmd::rectify;
use rectify::i18n::Lang;

const EXAMPLE: &str = "examples/jiangsu";
const FIXTURE: &str = "tests/fixtures/history";

/// `rectify ARGS… --lang LANG`, which must succeed; its stdout.
fn run(args: &[&str], lang: &str) -> String {
    let mut all = args.to_vec();
    all.extend(["--lang", lang]);
    let (code, stdout, stderr) = rectify(&all);
    assert_eq!(code, 0, "{all:?}: {stderr}");
    stdout
}

/// `rectify ARGS… --lang LANG`, which must be refused: its stderr.
fn refused(args: &[&str], lang: &str) -> String {
    let mut all = args.to_vec();
    all.extend(["--lang", lang]);
    let (code, stdout, stderr) = rectify(&all);
    assert_eq!((code, stdout.as_str()), (2, ""), "{all:?}: {stderr}");
    stderr
}

fn report(format: &str, lang: &str) -> String {
    run(
        &[
            "report",
            EXAMPLE,
            "--no-config",
            "--as-of",
            "2025-06-30",
            "--format",
            format,
        ],
        lang,
    )
}

fn history(format: &str, lang: &str) -> String {
    run(
        &[
            "report",
            FIXTURE,
            "--no-config",
            "--history",
            "monthly",
            "--from",
            "2023-01-01",
            "--as-of",
            "2023-06-30",
            "--format",
            format,
        ],
        lang,
    )
}

/// `diff` over the history fixture, from January to March 2023.
const DIFF: [&str; 7] = [
    "diff",
    FIXTURE,
    "--no-config",
    "--from",
    "2023-01-31",
    "--to",
    "2023-03-31",
];

fn diff(format: &str, lang: &str) -> String {
    let mut args = DIFF.to_vec();
    args.extend(["--format", format]);
    run(&args, lang)
}

/// A command's output in a format and a language.
type Render = fn(&str, &str) -> String;

/// Every text form of `report`, `report --history` and `diff`, each in a
/// snapshot of its own (`report_table_zh_cn`); the English history and
/// diff are tests/history.rs's.
#[test]
fn every_text_form_in_both_languages() {
    let forms: [(&str, Render, &str, &[&str]); 6] = [
        ("report", report, "table", &["en", "zh-CN"]),
        ("report", report, "markdown", &["en", "zh-CN"]),
        ("history", history, "table", &["zh-CN"]),
        ("history", history, "markdown", &["zh-CN"]),
        ("diff", diff, "human", &["zh-CN"]),
        ("diff", diff, "markdown", &["zh-CN"]),
    ];
    for (command, render, format, langs) in forms {
        for lang in langs {
            let name = format!(
                "{command}_{format}_{}",
                lang.to_lowercase().replace('-', "_")
            );
            insta::assert_snapshot!(name, render(format, lang));
        }
    }
}

#[test]
fn english_forms_are_the_ones_without_lang() {
    // `--lang en` is today's English: the same bytes as the run the other
    // tests pin with `RECTIFY_LANG=en` and no flag.
    let plain = |args: &[&str]| {
        let (code, stdout, stderr) = rectify(args);
        assert_eq!(code, 0, "{stderr}");
        stdout
    };
    assert_eq!(plain(&DIFF), diff("human", "en"));
}

#[test]
fn report_json_without_history_is_refused_zh_cn() {
    let stderr = refused(
        &["report", FIXTURE, "--no-config", "--format", "json"],
        "zh-CN",
    );
    insta::assert_snapshot!(stderr);
}

/// `report FIXTURE --history EVERY --from FROM --to TO` in Chinese, refused.
fn history_refused(every: &str, from: &str, to: &str) -> String {
    let args = [
        "report",
        FIXTURE,
        "--no-config",
        "--history",
        every,
        "--from",
        from,
        "--to",
        to,
    ];
    refused(&args, "zh-CN")
}

#[test]
fn a_backwards_history_is_refused_zh_cn() {
    insta::assert_snapshot!(history_refused("monthly", "2023-07-01", "2023-06-30"));
}

#[test]
fn a_history_of_thousands_of_periods_is_refused_zh_cn() {
    insta::assert_snapshot!(history_refused("weekly", "1900-01-01", "2023-06-30"));
}

#[test]
fn diff_refuses_a_backwards_range_zh_cn() {
    let args = [
        "diff",
        FIXTURE,
        "--no-config",
        "--from",
        "2023-03-31",
        "--to",
        "2023-01-31",
    ];
    insta::assert_snapshot!(refused(&args, "zh-CN"));
}

#[test]
fn record_data_and_dates_stay_as_written_in_chinese() {
    let zh = report("table", "zh-CN");
    let en = report("table", "en");
    for record in [
        "JS-2022-R2-PV-07",
        "Wuxi Municipal Government",
        "2025-06-30",
    ] {
        assert!(en.contains(record) && zh.contains(record), "{record}");
    }
}

// ---- the HTML pages -------------------------------------------------------

fn report_html(lang: &str) -> String {
    report("html", lang)
}

fn history_html(lang: &str) -> String {
    history("html", lang)
}

/// What a reader of the page sees: its text (the styles aside), the
/// charts' labels and tooltips.
fn visible(page: &str) -> String {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(page, options).expect("well-formed");
    // Columns of data: the ruleset's stage names (`closed`), the records'
    // file paths (`…/history/ledger.yaml`).
    let stage_headers: Vec<String> = (Lang::ALL.iter())
        .flat_map(|l| {
            ["stage", "file", "at", "place"]
                .map(|key| l.catalogue().text(&format!("report-column.{key}")))
        })
        .collect();
    let mut stage_cells = BTreeSet::new();
    for table in doc.descendants().filter(|n| n.has_tag_name("table")) {
        let headers: Vec<String> = (table.descendants())
            .filter(|n| n.has_tag_name("th"))
            .map(|th| th.text().unwrap_or("").to_string())
            .collect();
        let columns: Vec<usize> = (0..headers.len())
            .filter(|&i| stage_headers.contains(&headers[i]))
            .collect();
        for row in table.descendants().filter(|n| n.has_tag_name("tr")) {
            let cells: Vec<_> = row.children().filter(|n| n.has_tag_name("td")).collect();
            for &column in &columns {
                if let Some(cell) = cells.get(column) {
                    stage_cells.insert(cell.id().get());
                }
            }
        }
    }
    let mut seen = String::new();
    for node in doc.descendants() {
        if node
            .parent()
            .is_some_and(|p| stage_cells.contains(&p.id().get()))
        {
            continue;
        }
        if let Some(label) = node.attribute("aria-label") {
            seen.push_str(label);
            seen.push('\n');
        }
        let styled = node.ancestors().any(|a| a.has_tag_name("style"));
        if node.is_text() && !styled {
            seen.push_str(node.text().unwrap_or(""));
            seen.push('\n');
        }
    }
    seen
}

/// The ids (and `id.attribute`s) of the catalogue's `## report` section,
/// read from the English source.
fn report_ids() -> Vec<String> {
    let source = include_str!("../i18n/en/rectify.ftl");
    let section = source
        .split_once("\n## report\n")
        .map(|(_, rest)| rest)
        .expect("a `## report` section");
    // The section runs to the next `## ` heading, or the end.
    let section = section.split("\n## ").next().unwrap_or(section);
    let mut ids = Vec::new();
    let mut message = String::new();
    for line in section.lines() {
        if let Some((id, _)) = line.split_once(" =") {
            if !id.starts_with([' ', '#']) && !id.is_empty() {
                message = id.to_string();
                ids.push(message.clone());
            }
        }
        if let Some(attr) = line.trim_start().strip_prefix('.') {
            if let Some((name, _)) = attr.split_once(" =") {
                ids.push(format!("{message}.{name}"));
            }
        }
    }
    ids
}

/// The English words of message `id`: its text with every placeholder
/// cut out, split at them; the runs of at least two words or one word of
/// four letters or more (shorter ones, `at`, `due`, could be part of any
/// record's text).
fn english_phrases(id: &str) -> Vec<String> {
    let en = Lang::En.catalogue().text(id);
    en.split(['{', '}', '(', ')', ':', ';', ',', '.', '`'])
        .map(str::trim)
        .filter(|p| !p.starts_with('$'))
        .filter(|p| {
            p.split_whitespace().count() >= 2
                || p.chars().filter(char::is_ascii_alphabetic).count() >= 4
        })
        .filter(|p| p.chars().any(|c| c.is_ascii_alphabetic()))
        .map(str::to_string)
        .collect()
}

/// The names of the units of the records at `path` on `as_of`.
fn unit_names(path: &str, as_of: &str) -> Vec<String> {
    let json = run(
        &[
            "check",
            path,
            "--no-config",
            "--as-of",
            as_of,
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
        "en",
    );
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let units = json["units"].as_array().expect("units");
    let names: Vec<String> = (units.iter())
        .filter_map(|u| u["unit"].as_str().map(str::to_string))
        .collect();
    assert!(!names.is_empty(), "{path}: no units");
    names
}

/// The English phrases of the report's catalogue section that `page`
/// shows, as whole words.
fn english_in(page: &str, path: &str, as_of: &str) -> BTreeSet<String> {
    let mut page_text = visible(page);
    // Unit names are the records' (`Unit B`): cut them out first.
    for unit in unit_names(path, as_of) {
        page_text = page_text.replace(&unit, " ");
    }
    // A timeline mark reads `record · stage`: the stage's name is the
    // ruleset's (`closed`), not the catalogue's.
    let seen: String = page_text
        .lines()
        .map(|line| line.split_once(" · ").map_or(line, |(record, _)| record))
        .collect::<Vec<_>>()
        .join("\n");
    // Ids (`closed-by-deadline`) are one word: `-` and `_` join.
    let words = |text: &str| -> String {
        text.chars()
            .map(
                |c| match c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    true => c,
                    false => ' ',
                },
            )
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let seen = format!(" {} ", words(&seen).to_lowercase());
    let mut found = BTreeSet::new();
    for id in report_ids() {
        for phrase in english_phrases(&id) {
            let phrase = words(&phrase).to_lowercase();
            if !phrase.is_empty() && seen.contains(&format!(" {phrase} ")) {
                found.insert(format!("{id}: {phrase}"));
            }
        }
    }
    found
}

#[test]
fn the_check_finds_english_phrases_in_the_english_pages() {
    // Without this the test below could pass by finding nothing anywhere.
    let found = english_in(&report_html("en"), EXAMPLE, "2025-06-30");
    for id in [
        "report-chart-scores",
        "report-scoreboard",
        "report-column.overdue",
    ] {
        assert!(
            found.iter().any(|f| f.starts_with(&format!("{id}:"))),
            "{id}: {found:?}"
        );
    }
    let found = english_in(&history_html("en"), FIXTURE, "2023-06-30");
    assert!(
        found.iter().any(|f| f.starts_with("history-on-time:")),
        "{found:?}"
    );
}

#[test]
fn the_chinese_pages_hold_no_english_phrase_of_the_report_catalogue() {
    let pages = [
        ("report", report_html("zh-CN"), EXAMPLE, "2025-06-30"),
        ("history", history_html("zh-CN"), FIXTURE, "2023-06-30"),
    ];
    for (name, page, path, as_of) in pages {
        let found = english_in(&page, path, as_of);
        assert!(
            found.is_empty(),
            "{name}: English in the zh-CN page: {found:#?}"
        );
        assert!(
            page.contains("<html lang=\"zh-CN\">"),
            "{name}: the page says it is Chinese"
        );
        assert!(
            page.contains("Noto Sans CJK SC"),
            "{name}: a CJK font stack"
        );
    }
}
