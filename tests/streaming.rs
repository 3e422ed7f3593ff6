//! Streaming output (JSON, SARIF, JUnit, concise, GitHub written as files are
//! merged, findings not kept) against the same formats rendered from a kept
//! outcome (a run that also writes markdown keeps its findings): the same
//! bytes, whatever the run holds — no findings, an unreadable file among
//! readable ones, group findings, several outputs at once, waiver files
//! (which waive each file's findings as it is merged) —
//! and a reader that stops early does not make the run fail.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const AS_OF: &str = "2025-06-30";
const STREAMED: &[&str] = &["json", "sarif", "junit", "concise", "github"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A run at [`AS_OF`], unless `args` give the date.
fn rectify(args: &[&str]) -> (i32, Vec<u8>, String) {
    let as_of: &[&str] = match args.contains(&"--as-of") {
        true => &[],
        false => &["--as-of", AS_OF],
    };
    let out = Command::new(env!("CARGO_BIN_EXE_rectify"))
        .env("RECTIFY_LANG", "en")
        .args(args)
        .args(as_of)
        .arg("--no-config")
        .current_dir(root())
        .env_remove("GITHUB_ACTIONS")
        .env("NO_COLOR", "1")
        .output()
        .expect("rectify runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), out.stdout, stderr)
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rectify-stream-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Each streaming format's stdout, and the same format written by a run
/// that keeps its findings (`--format markdown --report FORMAT=FILE`):
/// equal, byte for byte, with the same exit code.
fn same_streamed_and_kept(case: &str, path: &str, extra: &[&str]) {
    let dir = scratch(case);
    for format in STREAMED {
        let mut args = vec!["check", path, "--format", format];
        args.extend_from_slice(extra);
        let (code, streamed, stderr) = rectify(&args);
        assert!(code != 101 && !stderr.contains("panicked"), "{stderr}");
        let file = dir.join(format!("kept.{format}"));
        let target = format!("{format}={}", file.display());
        let mut args = vec!["check", path, "--format", "markdown", "--report", &target];
        args.extend_from_slice(extra);
        let (kept_code, _, _) = rectify(&args);
        let kept = std::fs::read(&file).expect("the kept report is written");
        assert_eq!(
            String::from_utf8_lossy(&streamed),
            String::from_utf8_lossy(&kept),
            "{case}: {format} streamed differs from {format} kept"
        );
        assert_eq!(code, kept_code, "{case}: {format} exit code");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn streamed_output_is_the_kept_output_on_every_golden_case() {
    for (case, path) in [
        ("jiangsu", "examples/jiangsu"),
        ("mixed", "tests/fixtures/golden/mixed"),
        // Every record drawn to fail: group findings after the files'.
        ("failing", "tests/fixtures/golden/failing"),
        ("one-record", "tests/fixtures/golden/one-record"),
    ] {
        same_streamed_and_kept(case, path, &[]);
    }
}

#[test]
fn streamed_output_is_the_kept_output_with_no_findings() {
    same_streamed_and_kept("clean", "tests/fixtures/check/clean", &[]);
    let (code, out, _) = rectify(&["check", "tests/fixtures/check/clean", "--format", "json"]);
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    assert_eq!(report["findings"], serde_json::json!([]));
}

#[test]
fn streamed_output_with_waiver_files_and_input_errors() {
    same_streamed_and_kept(
        "waiver-file",
        "tests/fixtures/check/waiver-file",
        &["--waivers", "tests/fixtures/waivers.yaml"],
    );
    same_streamed_and_kept("record-errors", "tests/fixtures/check/record-errors", &[]);
    same_streamed_and_kept("duplicate-ids", "tests/fixtures/check/duplicate-ids", &[]);
    // Waivers of group findings: by the key the rule groups by, by another
    // (unmatched, with the key to name), malformed; and all expired.
    for as_of in ["2024-06-30", "2025-06-30"] {
        same_streamed_and_kept(
            &format!("group-waivers-{as_of}"),
            "tests/fixtures/group/records",
            &[
                "--rules",
                "tests/fixtures/group/group.rules",
                "--waivers",
                "tests/fixtures/group/waivers.yaml",
                "--as-of",
                as_of,
            ],
        );
    }
    // Warnings found while merging a file (a unit's other spelling) keep
    // its text, so they are shown at their place.
    same_streamed_and_kept(
        "unit-lookalikes",
        "tests/fixtures/check/unit-lookalikes",
        &[],
    );
}

#[test]
fn an_unreadable_file_in_the_middle_hides_neither_neighbour() {
    let dir = scratch("unreadable");
    let example = root().join("tests/fixtures/check/late-plan/wuxi.yaml");
    let text = std::fs::read_to_string(&example).expect("fixture");
    std::fs::write(dir.join("a.yaml"), &text).expect("a");
    std::fs::write(
        dir.join("b.yaml"),
        [b'i', b'd', b':', b' ', 0xff, 0xfe, b'\n'],
    )
    .expect("b");
    std::fs::write(
        dir.join("c.yaml"),
        text.replace("JS-2022-R2-07", "JS-2022-R2-08"),
    )
    .expect("c");
    let path = dir.display().to_string();
    same_streamed_and_kept("unreadable-kept", &path, &[]);
    let (code, out, _) = rectify(&["check", &path, "--format", "json"]);
    assert_eq!(code, 2, "an unreadable file makes the run untrusted");
    let report: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    let files: Vec<&str> = (report["findings"].as_array().expect("findings").iter())
        .filter_map(|f| f["file"].as_str())
        .collect();
    assert!(files.iter().any(|f| f.ends_with("a.yaml")), "{files:?}");
    assert!(files.iter().any(|f| f.ends_with("c.yaml")), "{files:?}");
    let errors = report["input_errors"].as_array().expect("input errors");
    assert!(
        errors
            .iter()
            .any(|e| e["file"].as_str().is_some_and(|f| f.ends_with("b.yaml"))),
        "{errors:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn several_streamed_reports_at_once_match_each_alone() {
    let dir = scratch("several");
    let path = "tests/fixtures/golden/mixed";
    let targets: Vec<String> = ["sarif", "concise", "github"]
        .iter()
        .map(|f| format!("{f}={}", dir.join(format!("out.{f}")).display()))
        .collect();
    let mut args = vec!["check", path, "--format", "json"];
    for t in &targets {
        args.extend(["--report", t.as_str()]);
    }
    let (code, json, _) = rectify(&args);
    let (alone_code, alone, _) = rectify(&["check", path, "--format", "json"]);
    assert_eq!((code, &json), (alone_code, &alone));
    for format in ["sarif", "concise", "github"] {
        let (_, alone, _) = rectify(&["check", path, "--format", format]);
        let written = std::fs::read(dir.join(format!("out.{format}"))).expect("report written");
        assert_eq!(
            String::from_utf8_lossy(&written),
            String::from_utf8_lossy(&alone),
            "--report {format}"
        );
    }
    // A human report on stdout with JSON to a file: the run keeps its
    // findings, and the JSON is the same.
    let file = dir.join("with-human.json");
    let target = format!("json={}", file.display());
    let (_, human, _) = rectify(&["check", path, "--format", "human", "--report", &target]);
    assert!(!human.is_empty());
    let written = std::fs::read(&file).expect("json written");
    assert_eq!(
        String::from_utf8_lossy(&written),
        String::from_utf8_lossy(&alone_json(path))
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn alone_json(path: &str) -> Vec<u8> {
    rectify(&["check", path, "--format", "json"]).1
}

#[test]
fn a_reader_that_stops_after_one_line_is_not_an_error() {
    for format in STREAMED {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rectify"))
            .args(["check", "tests/fixtures/golden/failing", "--format", format])
            .args(["--as-of", AS_OF, "--no-config"])
            .current_dir(root())
            .env_remove("GITHUB_ACTIONS")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("rectify runs");
        let stdout = child.stdout.take().expect("stdout");
        let mut first = String::new();
        BufReader::new(stdout)
            .read_line(&mut first)
            .expect("one line");
        // The reader is gone (`| head -1`).
        let out = child.wait_with_output().expect("rectify ends");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!first.is_empty(), "{format}");
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
        assert!(
            matches!(out.status.code(), Some(0..=2)),
            "{format}: {:?} {stderr}",
            out.status
        );
        assert!(!stderr.contains("cannot write"), "{format}: {stderr}");
    }
}

#[test]
fn a_kept_run_keeps_the_text_of_files_with_findings_only() {
    let as_of = jiff::civil::date(2025, 6, 30);
    let mut options = rectify::run::Options::new(as_of);
    options.paths = vec![
        root().join("tests/fixtures/check/clean"),
        root().join("tests/fixtures/check/late-plan"),
    ];
    options.keep_sources = true;
    let outcome = rectify::run::check(&options);
    let kept = |part: &str| {
        let file = outcome.files.iter().find(|f| f.name.contains(part));
        file.expect("the file was read").text.is_some()
    };
    assert!(kept("late-plan"), "a snippet needs the text");
    assert!(!kept("clean"), "a file with no finding keeps no text");
}

#[test]
fn junit_with_more_rules_than_spill_files_is_the_kept_report() {
    // The JUnit spill shares its temporary files among rules past 64: a
    // suite must still list its own cases only, in order.
    let dir = scratch("many-rules");
    let bundled = std::fs::read_to_string(root().join("rules/central-inspection.rules"))
        .expect("bundled rules");
    let mut rules = bundled.replace("\"calendars/cn.yaml\"", "\"cn.yaml\"");
    for i in 0..70 {
        rules.push_str(&format!(
            "\nrule extra-{i:02} {{\n  for task\n  require closure by deadline - 30 days\n  severity {}\n  penalty 1 point\n}}\n",
            ["error", "warning", "info"][i % 3]
        ));
    }
    std::fs::write(dir.join("many.rules"), rules).expect("write rules");
    std::fs::copy(root().join("rules/calendars/cn.yaml"), dir.join("cn.yaml"))
        .expect("copy calendar");
    let rules = dir.join("many.rules");
    let rules = rules.to_str().expect("UTF-8 path");
    let path = "tests/fixtures/golden/failing";
    let (code, streamed, stderr) = rectify(&["check", path, "--rules", rules, "--format", "junit"]);
    assert!(
        code == 1 && !stderr.contains("panicked"),
        "{code}: {stderr}"
    );
    let file = dir.join("kept.xml");
    let target = format!("junit={}", file.display());
    let (kept_code, _, _) = rectify(&[
        "check", path, "--rules", rules, "--format", "markdown", "--report", &target,
    ]);
    let kept = std::fs::read(&file).expect("the kept report is written");
    assert_eq!(
        String::from_utf8_lossy(&streamed),
        String::from_utf8_lossy(&kept)
    );
    assert_eq!(code, kept_code);
    // Every extra rule's suite holds only its own cases, and has some.
    let text = String::from_utf8_lossy(&streamed);
    for i in [0, 63, 64, 69] {
        let suite = format!("<testsuite name=\"extra-{i:02}\"");
        let at = text.find(&suite).expect("the rule's suite");
        let body = &text[at..at + text[at..].find("</testsuite>").expect("closed")];
        assert!(
            body.contains(&format!("classname=\"extra-{i:02}\"")),
            "{body}"
        );
        let others = body.matches("classname=").count();
        let own = body.matches(&format!("classname=\"extra-{i:02}\"")).count();
        assert_eq!(others, own, "a case of another rule in extra-{i:02}");
        assert!(own > 1, "extra-{i:02} found nothing");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn without_a_temporary_folder_the_run_keeps_its_findings_and_reports_the_same() {
    // No spill can be made: the run keeps its findings instead, and every
    // streaming format writes what it writes when it streams.
    let path = "tests/fixtures/golden/mixed";
    for format in STREAMED {
        let (code, streamed, _) = rectify(&["check", path, "--format", format]);
        let out = Command::new(env!("CARGO_BIN_EXE_rectify"))
            .env("RECTIFY_LANG", "en")
            .env("TMPDIR", "/nonexistent/rectify-no-tmp")
            .args(["check", path, "--format", format])
            .args(["--as-of", AS_OF, "--no-config"])
            .current_dir(root())
            .env_remove("GITHUB_ACTIONS")
            .env("NO_COLOR", "1")
            .output()
            .expect("rectify runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(out.status.code(), Some(code), "{format}: {stderr}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&streamed),
            "{format} without a temporary folder"
        );
    }
}
