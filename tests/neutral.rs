//! Nothing from a record can drive a terminal or a CI log: a ledger crafted
//! with every escape class (CSI clear screen, OSC 8 hyperlink, OSC 52
//! clipboard write, BEL, U+202E, NUL, CR, C1 CSI), CI log commands in unit
//! names, ids and file names, and markup in titles, run through the binary
//! in every output format.

mod common;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

const AS_OF: &str = "2025-06-30";

/// A task whose plan is late (so it has a finding), with `id`, `title` and
/// `unit` as written in YAML.
fn late(id: &str, title: &str, unit: &str) -> String {
    format!(
        "- id: {id}\n  kind: task\n  title: {title}\n  responsible: {{ unit: {unit} }}
  assigned: 2022-06-01
  deadline: 2023-12-31
  status: completed
  stages:
    plan: 2022-07-20
    verification: {{ date: 2023-10-09, evidence: [v.pdf] }}
    acceptance: {{ date: 2023-11-20, by: Jiangsu Provincial Department of Ecology and Environment, evidence: [a.pdf] }}
    notice: {{ date: 2023-11-21, end: 2023-12-04 }}
    closure: 2023-12-08
"
    )
}

/// A late record with hostile id, title and unit, and one with a hostile
/// key and status (input errors quoting them).
fn escapes_ledger() -> String {
    let id = r#""JS-\e[2J\e]8;;https://evil.example/\e\\click\e]8;;\e\\-\u202E70\x9b""#;
    let title = r#""\e]52;c;ZXZpbA==\a<img src=x onerror=alert(1)> `code` \0""#;
    let unit = r#""Wuxi\r\e[31m <img src=x onerror=alert(1)> `Municipal\x9b Government\a""#;
    late(id, title, unit) + BAD_KEY_AND_STATUS
}

const BAD_KEY_AND_STATUS: &str = r#"- id: JS-2
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
fn raw_allowed() -> String {
    late("JS-E", "t", "\"Yixing\u{202e}\u{85} Government\"")
}

/// Raw control characters YAML refuses: the parse error shows them in its
/// snippet.
const RAW_REFUSED: &str = "- id: JS-R\n  title: \"\u{1b}[2J\u{1b}]8;;https://evil.example/\u{7}x\u{1b}]8;;\u{7} \u{9b}31m\r\0\"\n";

/// The file name of [`raw_allowed`].
const HOSTILE_NAME: &str = "led\u{1b}[2J\u{202e}ger.yaml";

/// CI log commands in a unit name, an id and a line break in an id.
fn commands_ledger() -> String {
    late(
        "\"##vso[task.setvariable variable=x]y\"",
        "t",
        r#""::error title=Injected::fake""#,
    ) + &late(
        r#""JS-3\n::warning::from a newline""#,
        "t",
        "\"  ##[group]unit\"",
    ) + VSO_STATUS
}

/// An Azure command in a value an input error's snippet shows.
const VSO_STATUS: &str = "- id: JS-V
  kind: task
  title: t
  responsible: { unit: Wuxi }
  assigned: 2022-06-01
  deadline: 2026-12-31
  status: \"##vso[task.complete result=Succeeded]done\"
  stages: { plan: 2022-06-20 }
";

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

use common::rectify_in as rectify;

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
        "human", "plain", "concise", "json", "sarif", "junit", "github", "markdown",
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
    dir.write("ledger.yaml", &escapes_ledger());
    dir.write(HOSTILE_NAME, &raw_allowed());
    dir.write("raw.yaml", RAW_REFUSED);
    dir
}

#[test]
fn no_output_carries_a_raw_control_character() {
    let dir = escapes("escapes");
    for (name, text) in every_output(&dir.0, "JS-E") {
        assert_eq!(raw_controls(&text), Vec::<String>::new(), "{name}:\n{text}");
        // `report` shows units, not record values, and a unit is shown by its
        // cleaned name (control characters dropped: see units.rs), so only
        // the formats that quote record values show the escapes.
        if !name.contains("json") && !name.contains("sarif") && !name.starts_with("report") {
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
            // The unit's cleaned name: one identity however it is spelt,
            // control characters dropped, whitespace folded.
            &"Wuxi [31m <img src=x onerror=alert(1)> `Municipal Government"
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
    dir.write("ledger.yaml", &commands_ledger());
    dir.write(
        "::error title=file::x.yaml",
        &commands_ledger()
            .replace("JS-3", "JS-4")
            .replace("##vso", "id"),
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
    dir.write("ledger.yaml", &commands_ledger());
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
    dir.write("ledger.yaml", &escapes_ledger());
    dir.write(
        "a`b|c.yaml",
        &escapes_ledger()
            .replace("JS-2\n", "JS-5\n")
            .replace("\"JS-\\e", "\"JT-\\e"),
    );
    let (_, out, _) = rectify(
        &dir.0,
        &["check", ".", "--as-of", AS_OF, "--format", "markdown"],
    );
    assert!(!out.contains("<img"), "{out}");
    assert!(out.contains("&lt;img"), "{out}");
    assert!(out.contains("a`b\\|c.yaml:9:11``"), "{out}");
    let (_, report, _) = rectify(
        &dir.0,
        &["report", ".", "--as-of", AS_OF, "--format", "markdown"],
    );
    assert!(!report.contains("<img"), "{report}");
}
