//! Every output format, byte for byte, on the bundled example and on small
//! generated ledgers (`bench/generate.py`, several shares of failing
//! records): a change made for speed or memory must not change a byte of
//! what users see. The expected files are under `tests/golden/`; after an
//! intended change to an output, regenerate them with
//! `GOLDEN_UPDATE=1 cargo test --test golden` and read the diff.

use std::path::{Path, PathBuf};
use std::process::Command;

const AS_OF: &str = "2025-06-30";

/// `(case name, record path)`, relative to the crate root.
const CASES: &[(&str, &str)] = &[
    ("jiangsu", "examples/jiangsu"),
    ("mixed", "tests/fixtures/golden/mixed"),
    ("failing", "tests/fixtures/golden/failing"),
    ("one-record", "tests/fixtures/golden/one-record"),
];

/// `(output name, arguments after the record path)`.
const OUTPUTS: &[(&str, &[&str])] = &[
    (
        "check-human.txt",
        &["check", "--format", "human", "--color", "never"],
    ),
    (
        "check-human-colour.txt",
        &["check", "--format", "human", "--color", "always"],
    ),
    ("check-plain.txt", &["check", "--format", "plain"]),
    ("check.json", &["check", "--format", "json"]),
    ("check.sarif", &["check", "--format", "sarif"]),
    ("check-junit.xml", &["check", "--format", "junit"]),
    ("check-github.txt", &["check", "--format", "github"]),
    ("check.md", &["check", "--format", "markdown"]),
    (
        "check-jobs1.json",
        &["check", "--format", "json", "--jobs", "1"],
    ),
    ("report-table.txt", &["report", "--format", "table"]),
    ("report.md", &["report", "--format", "markdown"]),
    ("report.html", &["report", "--format", "html"]),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Stdout, then the exit code and stderr, so a change in either shows.
fn run(path: &str, args: &[&str]) -> Vec<u8> {
    let (command, rest) = args.split_first().expect("a subcommand");
    let out = Command::new(env!("CARGO_BIN_EXE_rectify"))
        .arg(command)
        .arg(path)
        .args(rest)
        .args(["--as-of", AS_OF, "--no-config"])
        .current_dir(root())
        .env_remove("GITHUB_ACTIONS")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("COLUMNS", "100")
        .output()
        .expect("rectify runs");
    let mut text = String::from_utf8(out.stdout).expect("utf-8 output");
    text.push_str(&format!("\n--- exit {:?}\n", out.status.code()));
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    // SARIF names the project root as an absolute URI: not the machine's.
    let uri = format!("file://{}", root().display());
    text.replace(&uri, "file://<root>").into_bytes()
}

fn expected(case: &str, output: &str) -> PathBuf {
    root().join("tests/golden").join(case).join(output)
}

/// The first line where two outputs differ, for the failure message.
fn first_difference(want: &[u8], got: &[u8]) -> String {
    let want = String::from_utf8_lossy(want);
    let got = String::from_utf8_lossy(got);
    let mut lines = want.lines().zip(got.lines()).enumerate();
    match lines.find(|(_, (w, g))| w != g) {
        Some((n, (w, g))) => format!("line {}:\n  want: {w}\n  got:  {g}", n + 1),
        None => format!(
            "one is a prefix of the other ({} vs {} lines)",
            want.lines().count(),
            got.lines().count()
        ),
    }
}

#[test]
fn every_output_is_byte_identical_to_the_recorded_one() {
    let update = std::env::var_os("GOLDEN_UPDATE").is_some();
    let mut failures = Vec::new();
    for (case, path) in CASES {
        for (output, args) in OUTPUTS {
            let got = run(path, args);
            let file = expected(case, output);
            if update {
                std::fs::create_dir_all(file.parent().expect("a folder")).expect("mkdir");
                std::fs::write(&file, &got).expect("write the expected output");
                continue;
            }
            match std::fs::read(&file) {
                Ok(want) if want == got => {}
                Ok(want) => failures.push(format!(
                    "{case}/{output} differs, {}",
                    first_difference(&want, &got)
                )),
                Err(e) => failures.push(format!(
                    "{case}/{output}: cannot read `{}`: {e}",
                    file.display()
                )),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The runs above are not vacuous: each case has records, and the failing
/// ledgers have findings of every severity the generator draws.
#[test]
fn the_cases_have_records_and_findings() {
    for (case, path) in CASES {
        let out = run(path, &["check", "--format", "json"]);
        let text = String::from_utf8_lossy(&out);
        let json = text.split("\n--- exit").next().expect("stdout");
        let report: serde_json::Value = serde_json::from_str(json).expect("json");
        assert!(report["records"].as_u64().is_some_and(|n| n > 0), "{case}");
        let findings = report["findings"].as_array().expect("findings").len();
        assert!(findings > 0, "{case} has no findings");
    }
}
