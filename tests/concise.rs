//! `--format concise`: one line per finding and input diagnostic, then the
//! summary line; the exit code of any other format.

mod common;

use common::cmd::rectify;

const EXAMPLE: &[&str] = &[
    "check",
    "examples/jiangsu",
    "--no-config",
    "--as-of",
    "2025-06-30",
    "--format",
    "concise",
];

#[test]
fn one_line_per_finding_then_the_summary() {
    let (code, out, err) = rectify(EXAMPLE);
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!("concise_example", out);

    let mut json_args = EXAMPLE.to_vec();
    json_args.pop();
    json_args.push("json");
    let (json_code, json, _) = rectify(&json_args);
    assert_eq!(json_code, code, "the same exit code as every format");
    let report: serde_json::Value = serde_json::from_str(&json).expect("json");
    let findings = report["findings"].as_array().map_or(0, Vec::len);
    let inputs = report["input_errors"].as_array().map_or(0, Vec::len);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), findings + inputs + 1, "{out}");
    assert!(lines[lines.len() - 1].starts_with("summary: "));
    for line in &lines[..findings] {
        // `file:line:col: rule: message` for every finding of the example
        // (each has a place: a record value, or the rule of a group).
        let mut parts = line.splitn(4, ':');
        let (file, row, col) = (parts.next(), parts.next(), parts.next());
        assert!(
            file.is_some_and(|f| f.ends_with(".yaml") || f.ends_with(".rules")),
            "{line}"
        );
        assert!(row.is_some_and(|r| r.parse::<usize>().is_ok()), "{line}");
        assert!(col.is_some_and(|c| c.parse::<usize>().is_ok()), "{line}");
    }
}

#[test]
fn brackets_say_what_a_finding_costs_or_earns() {
    let (_, out, _) = rectify(EXAMPLE);
    let line = |needle: &str| {
        out.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle}:\n{out}"))
            .to_string()
    };
    assert!(line("petition-closure-rate: unit `Xuzhou").ends_with(" [1 point]"));
    assert!(line(": closed-early: ").ends_with(" points]"));
    assert!(line(": closed-early: ").contains(" [reward "));
    assert!(out.lines().any(|l| l.ends_with(" [waived]")), "{out}");
}

#[test]
fn concise_in_chinese_and_from_the_config() {
    let mut args = EXAMPLE.to_vec();
    args.extend(["--lang", "zh-CN"]);
    let (_, out, _) = rectify(&args);
    let last = out.lines().last().unwrap_or_default();
    assert!(last.starts_with("汇总："), "{last}");
    assert!(out.contains(" [已豁免]"), "{out}");
    assert!(out.contains(" [加分 "), "{out}");

    let dir = std::env::temp_dir().join(format!("rectify-concise-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    std::fs::write(dir.join("rectify.toml"), "format = \"concise\"\n").expect("config");
    std::fs::write(
        dir.join("late.yaml"),
        "id: LATE-1\ntitle: t\nresponsible: { unit: Wuxi Municipal Government }\n\
         assigned: 2022-06-01\ndeadline: 2023-12-31\nstatus: in-progress\n\
         stages:\n  plan: 2022-07-20\n",
    )
    .expect("record");
    let (code, out, err) = common::rectify_in(&dir, &["check", "--as-of", "2025-06-30"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("\nlate.yaml:8:9: plan-on-time: "), "{out}");
    assert!(
        out.starts_with("late.yaml:5:11: closed-by-deadline: "),
        "{out}"
    );
}
