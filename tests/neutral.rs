//! Nothing from a record can drive a terminal or a CI log: a ledger crafted
//! with every escape class (CSI clear screen, OSC 8 hyperlink, OSC 52
//! clipboard write, BEL, U+202E, NUL, CR, C1 CSI), CI log commands in unit
//! names, ids and file names, and markup in titles, run through the binary
//! in every output format.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

const AS_OF: &str = "2025-06-30";

/// A record that is late (so it has a finding) with hostile id, title and
/// unit, and one with a hostile key and status (input errors quoting them).
const ESCAPES: &str = r#"- id: "JS-\e[2J\e]8;;https://evil.example/\e\\click\e]8;;\e\\-\u202E70\x9b"
  kind: task
  title: "\e]52;c;ZXZpbA==\a<img src=x onerror=alert(1)> `code` \0"
  round: central-2022-2
  responsible:
    unit: "Wuxi\r\e[31m <img src=x onerror=alert(1)> `Municipal\x9b Government\a"
  assigned: 2022-06-01
  deadline: 2023-12-31
  status: completed
  stages:
    plan: 2022-07-20
    verification: { date: 2023-10-09, evidence: [reports/verify.pdf] }
    acceptance: { date: 2023-11-20, by: Jiangsu Provincial Department of Ecology and Environment, evidence: [a.pdf] }
    notice: { date: 2023-11-21, end: 2023-12-04 }
    closure: 2023-12-08
- id: JS-2
  kind: task
  "\e[2Jbad-key\u202E": 1
  title: second
  responsible: { unit: "Changzhou\u2066 Government" }
  assigned: 2022-06-01
  deadline: 2026-12-31
  status: "\e]52;c;ZXZpbA==\a"
  stages: { plan: 2022-06-20 }
"#;

/// A late record written with raw characters YAML allows (U+202E, NEL) in
/// its unit, for snippets; in a file whose name holds an escape.
const RAW_ALLOWED: &str = "- id: JS-E\n  kind: task\n  title: t\n  responsible: { unit: \"Yixing\u{202e}\u{85} Government\" }\n  assigned: 2022-06-01\n  deadline: 2023-12-31\n  status: completed\n  stages:\n    plan: 2022-07-20\n    verification: { date: 2023-10-09, evidence: [v.pdf] }\n    acceptance: { date: 2023-11-20, by: Jiangsu Provincial Department of Ecology and Environment, evidence: [a.pdf] }\n    notice: { date: 2023-11-21, end: 2023-12-04 }\n    closure: 2023-12-08\n";

/// Raw control characters YAML refuses: the parse error shows them in its
/// snippet.
const RAW_REFUSED: &str = "- id: JS-R\n  title: \"\u{1b}[2J\u{1b}]8;;https://evil.example/\u{7}x\u{1b}]8;;\u{7} \u{9b}31m\r\0\"\n";

/// The file name of [`RAW_ALLOWED`].
const HOSTILE_NAME: &str = "led\u{1b}[2J\u{202e}ger.yaml";

/// CI log commands in a unit name, an id and a line break in an id.
const COMMANDS: &str = r###"- id: "##vso[task.setvariable variable=x]y"
  kind: task
  title: t
  responsible: { unit: "::error title=Injected::fake" }
  assigned: 2022-06-01
  deadline: 2023-12-31
  status: completed
  stages:
    plan: 2022-07-20
    verification: { date: 2023-10-09, evidence: [v.pdf] }
    acceptance: { date: 2023-11-20, by: Jiangsu Provincial Department of Ecology and Environment, evidence: [a.pdf] }
    notice: { date: 2023-11-21, end: 2023-12-04 }
    closure: 2023-12-08
- id: "JS-3\n::warning::from a newline"
  kind: task
  title: t
  responsible: { unit: "  ##[group]unit" }
  assigned: 2022-06-01
  deadline: 2023-12-31
  status: completed
  stages:
    plan: 2022-07-20
    verification: { date: 2023-10-09, evidence: [v.pdf] }
    acceptance: { date: 2023-11-20, by: Jiangsu Provincial Department of Ecology and Environment, evidence: [a.pdf] }
    notice: { date: 2023-11-21, end: 2023-12-04 }
    closure: 2023-12-08
"###;

struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("rectify-neutral-{}-{n}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        Dir(dir)
    }

    fn write(&self, name: &str, text: &str) {
        std::fs::write(self.0.join(name), text).expect("write fixture");
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `rectify args…` in `dir`: exit code and stdout and stderr as text.
fn rectify(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rectify"))
        .args(args)
        .current_dir(dir)
        .env_remove("GITHUB_ACTIONS")
        .env("NO_COLOR", "1")
        .output()
        .expect("rectify runs");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

/// Control characters no output may carry raw (line feed aside).
fn raw_controls(text: &str) -> Vec<String> {
    text.chars()
        .filter(|&c| c != '\n' && rectify::report::neutral::is_control(c))
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect()
}

/// Every text output of `check`, `report` and `explain` on the folder.
fn every_output(dir: &Path, record: &str) -> Vec<(String, String)> {
    let mut outputs = Vec::new();
    for format in [
        "human", "plain", "json", "sarif", "junit", "github", "markdown",
    ] {
        let (code, out, err) = rectify(
            dir,
            &[
                "check", ".", "--as-of", AS_OF, "--color", "never", "--format", format,
            ],
        );
        assert!(code == 1 || code == 2, "{format}: exit {code}\n{err}");
        outputs.push((format!("check --format {format}"), format!("{out}{err}")));
    }
    for form in ["table", "markdown", "html"] {
        let (code, out, err) = rectify(dir, &["report", ".", "--as-of", AS_OF, "--format", form]);
        assert!(code == 0 || code == 2, "report {form}: exit {code}\n{err}");
        outputs.push((format!("report --format {form}"), format!("{out}{err}")));
    }
    let (code, out, err) = rectify(
        dir,
        &["explain", "plan-on-time", record, ".", "--as-of", AS_OF],
    );
    assert_eq!(code, 0, "explain: {out}{err}");
    outputs.push(("explain".into(), format!("{out}{err}")));
    outputs
}

/// A folder with every escape class: in values, in raw text, in a name.
fn escapes(name: &str) -> Dir {
    let dir = Dir::new(name);
    dir.write("ledger.yaml", ESCAPES);
    dir.write(HOSTILE_NAME, RAW_ALLOWED);
    dir.write("raw.yaml", RAW_REFUSED);
    dir
}

#[test]
fn no_output_carries_a_raw_control_character() {
    let dir = escapes("escapes");
    for (name, text) in every_output(&dir.0, "JS-E") {
        assert_eq!(raw_controls(&text), Vec::<String>::new(), "{name}:\n{text}");
        if !name.contains("json") && !name.contains("sarif") {
            assert!(text.contains("U+001B"), "{name} shows the escapes:\n{text}");
        }
    }
}

#[test]
fn human_output_shows_escapes_in_messages_and_snippets() {
    let dir = escapes("escapes-human");
    let (code, out, err) = rectify(
        &dir.0,
        &["check", ".", "--as-of", AS_OF, "--color", "never"],
    );
    insta::assert_snapshot!(format!(
        "exit code: {code}\n--- stdout\n{out}\n--- stderr\n{err}"
    ));
}

#[test]
fn json_keeps_the_values_exact() {
    let dir = escapes("escapes-json");
    let (_, out, _) = rectify(
        &dir.0,
        &["check", ".", "--as-of", AS_OF, "--format", "json"],
    );
    assert!(out.contains("\\u009b") && out.contains("\\u202e"), "{out}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let units: Vec<&str> = report["units"]
        .as_array()
        .expect("units")
        .iter()
        .filter_map(|u| u["unit"].as_str())
        .collect();
    assert!(
        units.contains(
            &"Wuxi\r\u{1b}[31m <img src=x onerror=alert(1)> `Municipal\u{9b} Government\u{7}"
        ),
        "{units:?}"
    );
}

/// The lines of `text` that a CI runner would read as a command.
fn commands(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| {
            let l = l.trim_start();
            l.starts_with("::") || l.starts_with("##[") || l.to_ascii_lowercase().contains("##vso[")
        })
        .collect()
}

#[test]
fn no_value_starts_a_ci_log_command() {
    let dir = Dir::new("commands");
    dir.write("ledger.yaml", COMMANDS);
    dir.write(
        "::error title=file::x.yaml",
        &COMMANDS.replace("JS-3", "JS-4").replace("##vso", "id"),
    );
    for (name, text) in every_output(&dir.0, "##vso[task.setvariable variable=x]y") {
        if name == "check --format github" {
            // Its own commands only: one per finding and input error, each
            // with the hostile text escaped inside it.
            for line in commands(&text) {
                assert!(
                    ["::error file=", "::warning file=", "::notice file="]
                        .iter()
                        .any(|p| line.starts_with(p)),
                    "{line}"
                );
                assert!(!line.to_ascii_lowercase().contains("##vso["), "{line}");
            }
            assert!(!text.contains("title=Injected::"), "{text}");
        } else {
            assert_eq!(commands(&text), Vec::<&str>::new(), "{name}:\n{text}");
        }
        assert!(
            !text
                .lines()
                .any(|l| l.starts_with("::warning::from a newline")),
            "{name}: a line feed in an id starts no line:\n{text}"
        );
    }
}

#[test]
fn the_scoreboard_defuses_a_workflow_command_unit() {
    let dir = Dir::new("scoreboard");
    dir.write("ledger.yaml", COMMANDS);
    let (_, out, _) = rectify(&dir.0, &["check", ".", "--as-of", AS_OF]);
    assert!(
        out.lines()
            .any(|l| l.starts_with("[U+003A]:error title=Injected::fake ")),
        "{out}"
    );
}

#[test]
fn markdown_carries_no_html_and_no_code_span_break_out() {
    let dir = Dir::new("markdown");
    dir.write("ledger.yaml", ESCAPES);
    dir.write(
        "a`b|c.yaml",
        &ESCAPES
            .replace("JS-2\n", "JS-5\n")
            .replace("\"JS-\\e", "\"JT-\\e"),
    );
    let (_, out, _) = rectify(
        &dir.0,
        &["check", ".", "--as-of", AS_OF, "--format", "markdown"],
    );
    assert!(!out.contains("<img"), "{out}");
    assert!(out.contains("&lt;img"), "{out}");
    assert!(out.contains("a`b\\|c.yaml:11:11``"), "{out}");
    let (_, report, _) = rectify(
        &dir.0,
        &["report", ".", "--as-of", AS_OF, "--format", "markdown"],
    );
    assert!(!report.contains("<img"), "{report}");
}
