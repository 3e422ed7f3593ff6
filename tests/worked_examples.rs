//! The worked examples of docs/examples.md (examples/worked/): each is run
//! and its figures checked against numbers counted by hand here, and the
//! page's tables and rule blocks against the run and the files, so the docs
//! cannot drift from the tool.

use std::collections::BTreeMap;

use serde_json::Value;

mod common;
use common::cmd::rectify;

const DOCS: &str = "docs/examples.md";

struct Example {
    name: &'static str,
    rules: &'static str,
    as_of: &'static str,
    /// Per unit, counted by hand: (penalty, reward, score).
    units: &'static [(&'static str, &'static str, &'static str, &'static str)],
    /// Per finding, counted by hand: (rule, subject, penalty, reward).
    findings: &'static [(&'static str, &'static str, &'static str, &'static str)],
}

const EXAMPLES: &[Example] = &[
    // Time limit 2024-06-30; a commendation is due by 2024-05-31.
    // YX-1 closed 2024-04-01: 60 days early, 2 periods: 1 + 0.5 × 2 = 2.
    // YX-2, JY-1, JY-2 closed 2024-01-02: 30 + 29 + 31 + 30 + 30 = 150 days
    // early, 5 periods: 1 + 2.5 = 3.5, capped at 3.
    // YX-3 closed 2024-07-20: 20 days late, 1 period: 2 + 1 = 3.
    // Yixing 100 − 3 + 2 + 3 = 102; Jiangyin 100 + 3 + 3 = 106 → at most 103.
    Example {
        name: "provincial",
        rules: "provincial.rules",
        as_of: "2025-01-31",
        units: &[
            ("Yixing City", "3", "5", "102"),
            ("Jiangyin City", "0", "6", "103"),
        ],
        findings: &[
            ("closed-early", "YX-1", "0", "2"),
            ("closed-early", "YX-2", "0", "3"),
            ("closed-by-deadline", "YX-3", "3", "0"),
            ("closed-early", "JY-1", "0", "3"),
            ("closed-early", "JY-2", "0", "3"),
        ],
    },
    // Plans due 2022-07-14; a plan on 2022-07-20 is 4 workdays late
    // (07-15, 07-18, 07-19, 07-20): 1 + 0.1 × 4 = 1.4.
    // Nanjing 9 of 10 on time = 90%: meets `>= 90%`; 100 − 1.4 = 98.6.
    // Wuxi 8 of 10 = 80%: the rate fails, 2; 100 − 1.4 − 1.4 − 2 = 95.2.
    Example {
        name: "on-time-rate",
        rules: "on-time-rate.rules",
        as_of: "2025-01-31",
        units: &[
            ("Wuxi Municipal Government", "4.8", "0", "95.2"),
            ("Nanjing Municipal Government", "1.4", "0", "98.6"),
        ],
        findings: &[
            ("plan-on-time", "NJ-10", "1.4", "0"),
            ("plan-on-time", "WX-09", "1.4", "0"),
            ("plan-on-time", "WX-10", "1.4", "0"),
            (
                "plan-on-time-rate",
                "unit Wuxi Municipal Government",
                "2",
                "0",
            ),
        ],
    },
    // Liangxi 19/22: 95 − 86.36… = 8.63… points below, 9 started, capped 5.
    // Xinwu 5/10: 45 below, capped 5; 5 open is 2 over 3: 0.5 × 2 = 1.
    // Gusu 23/25 = 92%: 3 below exactly, 3. Wuzhong 19/20 = 95%: met.
    // Wuxi 100 − 5 − 5 − 1 = 89; Suzhou 100 − 3 = 97.
    Example {
        name: "by-region",
        rules: "by-region.rules",
        as_of: "2024-06-30",
        units: &[
            ("Wuxi Municipal Government", "11", "0", "89"),
            ("Suzhou Municipal Government", "3", "0", "97"),
        ],
        findings: &[
            (
                "closure-rate-by-region",
                "unit Suzhou Municipal Government, region Suzhou/Gusu",
                "3",
                "0",
            ),
            (
                "closure-rate-by-region",
                "unit Wuxi Municipal Government, region Wuxi/Liangxi",
                "5",
                "0",
            ),
            (
                "closure-rate-by-region",
                "unit Wuxi Municipal Government, region Wuxi/Xinwu",
                "5",
                "0",
            ),
            (
                "open-petitions-by-region",
                "unit Wuxi Municipal Government, region Wuxi/Xinwu",
                "1",
                "0",
            ),
        ],
    },
];

fn run(e: &Example) -> Value {
    let dir = format!("examples/worked/{}", e.name);
    let (_, stdout, stderr) = rectify(&[
        "check",
        &format!("{dir}/records"),
        "--rules",
        &format!("{dir}/{}", e.rules),
        "--as-of",
        e.as_of,
        "--no-config",
        "--format",
        "json",
    ]);
    serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("{}: {stdout}{stderr}", e.name))
}

/// What a finding is about, as the docs' tables name it.
fn subject(f: &Value) -> String {
    match f["record"].as_str().filter(|r| !r.is_empty()) {
        Some(record) => record.to_string(),
        None => match f["group"]["keys"].as_array() {
            Some(keys) => keys
                .iter()
                .map(|k| format!("{} {}", str(&k["by"]), str(&k["value"])))
                .collect::<Vec<_>>()
                .join(", "),
            None => format!("{} {}", str(&f["group"]["by"]), str(&f["group"]["value"])),
        },
    }
}

fn str(v: &Value) -> &str {
    v.as_str().unwrap_or_default()
}

/// The figures of a run: per unit (penalty, reward, score), per finding
/// (rule, subject) its (penalty, reward).
type Units = BTreeMap<String, (String, String, String)>;
type Findings = BTreeMap<(String, String), (String, String)>;

fn figures(report: &Value) -> (Units, Findings) {
    let units = report["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| {
            let n = |k: &str| u[k].to_string();
            (
                str(&u["unit"]).to_string(),
                (n("penalty"), n("reward"), n("score")),
            )
        })
        .collect();
    let findings = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                (str(&f["rule"]).to_string(), subject(f)),
                (f["penalty"].to_string(), f["reward"].to_string()),
            )
        })
        .collect();
    (units, findings)
}

#[test]
fn each_example_gives_the_figures_counted_by_hand() {
    for e in EXAMPLES {
        let (units, findings) = figures(&run(e));
        let want: Units = e
            .units
            .iter()
            .map(|(u, p, r, s)| (u.to_string(), (p.to_string(), r.to_string(), s.to_string())))
            .collect();
        assert_eq!(units, want, "{}: unit scores", e.name);
        let want: Findings = e
            .findings
            .iter()
            .map(|(rule, s, p, r)| {
                (
                    (rule.to_string(), s.to_string()),
                    (p.to_string(), r.to_string()),
                )
            })
            .collect();
        assert_eq!(findings, want, "{}: findings", e.name);
    }
}

/// The section of the docs about example `name`: from its heading to the next.
fn section(docs: &str, name: &str) -> String {
    docs.split("\n## ")
        .find(|s| s.contains(&format!("`examples/worked/{name}/`")))
        .unwrap_or_else(|| panic!("docs/examples.md has no section on examples/worked/{name}/"))
        .to_string()
}

/// The rows of the Markdown tables in `text` whose header starts with `first`.
fn table(text: &str, first: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        let cells: Vec<String> = line
            .trim()
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect();
        if !line.trim_start().starts_with('|') {
            inside = false;
        } else if cells.first().is_some_and(|c| c == first) {
            inside = true;
        } else if inside
            && !cells
                .iter()
                .all(|c| c.starts_with("--") || c.starts_with(":-") || c.starts_with("-"))
        {
            rows.push(cells);
        }
    }
    rows
}

/// The docs state the same figures as the run: the unit table and the
/// finding table of each example, row for row.
#[test]
fn the_docs_quote_the_figures_of_the_run() {
    let docs = std::fs::read_to_string(DOCS).expect("docs/examples.md");
    for e in EXAMPLES {
        let (units, findings) = figures(&run(e));
        let text = section(&docs, e.name);
        let quoted: Units = table(&text, "unit")
            .into_iter()
            .map(|r| (r[0].clone(), (r[1].clone(), r[2].clone(), r[3].clone())))
            .collect();
        assert_eq!(quoted, units, "{}: the docs' unit table", e.name);
        let quoted: Findings = table(&text, "rule")
            .into_iter()
            .map(|r| ((r[0].clone(), r[1].clone()), (r[2].clone(), r[3].clone())))
            .collect();
        assert_eq!(quoted, findings, "{}: the docs' finding table", e.name);
    }
}

/// The docs show each example's rule file as it is.
#[test]
fn the_docs_show_each_rule_file_whole() {
    let docs = std::fs::read_to_string(DOCS).expect("docs/examples.md");
    for e in EXAMPLES {
        let path = format!("examples/worked/{}/{}", e.name, e.rules);
        let rules = std::fs::read_to_string(&path).expect("the example's rules");
        let block = format!("```rules\n{rules}```");
        assert!(
            section(&docs, e.name).contains(&block),
            "docs/examples.md does not show {path} as it is"
        );
    }
}

/// Each example's rule tests pass, and cover every rule of the example.
#[test]
fn each_examples_rule_tests_pass() {
    for e in EXAMPLES {
        let tests = format!("examples/worked/{}/tests", e.name);
        let (code, stdout, stderr) =
            rectify(&["test", &tests, "--coverage-min", "100", "--no-config"]);
        assert_eq!(code, 0, "{}: {stdout}{stderr}", e.name);
    }
}
