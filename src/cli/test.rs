//! `rectify test`: run rule-test files (the format is documented in
//! [`crate::ruletest`]) against a rule set; pass/fail per case with the diff
//! of expected against found findings, then rule coverage.
//!
//! Exit: 0 every case passed (and coverage is at least `--coverage-min`),
//! 1 a case failed or coverage is too low, 2 a test file or rule file does
//! not load.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use crate::diag::{Diagnostic, Message};
use crate::i18n::{Args as Words, Catalogue};
use crate::load;
use crate::report::neutral::text;
use crate::ruletest::{self, CaseResult, Coverage, junit};
use crate::source::LineIndex;

use super::UNTRUSTED;
use super::project::Project;
use super::rules;
use super::settings;

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Test files, or folders walked for *.yaml [default: FOLDER/tests of `rules` in rectify.toml, else rules/tests]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// A rule file or folder of *.rules; repeatable [default: `rules` in rectify.toml, else the *.rules beside the tests folder, else the bundled set]
    #[arg(long = "rules", value_name = "FILE|DIR")]
    pub rules: Vec<PathBuf>,
    /// Fail (exit 1) when fewer than PERCENT of the rules fired in some case
    #[arg(long, value_name = "PERCENT", value_parser = percent)]
    pub coverage_min: Option<f64>,
    /// Output format
    #[arg(long, value_enum, default_value_t = TestFormat::Human)]
    pub format: TestFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TestFormat {
    /// `PASS`/`FAIL` lines, diffs and coverage
    Human,
    /// JUnit XML, one testcase per case (coverage goes to stderr)
    Junit,
}

/// A refused value of a flag, in the language known before parsing.
fn refused(id: &'static str, found: &str) -> String {
    let words = super::help::process_lang().catalogue();
    Message::new(id).text("found", found).say(words)
}

fn percent(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim_end_matches('%')
        .parse()
        .map_err(|_| refused("cli-arg-percent", text))?;
    if (0.0..=100.0).contains(&value) {
        Ok(value)
    } else {
        Err(refused("cli-arg-percent-range", text))
    }
}

/// One test file and what its cases gave.
struct Ran {
    name: String,
    results: Vec<CaseResult>,
}

pub fn run(args: &TestArgs, project: &Project) -> u8 {
    let words = settings::words(project);
    let rule_set = rules::rule_paths(project, &args.rules);
    let given = if !args.paths.is_empty() {
        project.paths(&args.paths)
    } else {
        default_tests(&rule_set.value)
    };
    let (files, mut broken) = test_files(&given, words);
    let rule_set = if rule_set.value.is_empty() && rule_set.from == settings::From::Default {
        let beside = beside_tests(&given);
        let from = settings::From::Inferred("cli-from-beside-tests");
        settings::Value {
            from: if beside.is_empty() {
                rule_set.from
            } else {
                from
            },
            value: beside,
        }
    } else {
        rule_set
    };
    if args.format == TestFormat::Human {
        rules::note_rule_set(&rule_set, words);
    }
    let rules = load::rules(&rule_set.value);
    let Some(plan) = rules.plan.as_ref() else {
        rules::report_load_failure(&rules, "cli-rules-do-not-load.no-test", words);
        return UNTRUSTED;
    };
    let mut ran = Vec::new();
    for path in &files {
        match run_file(path, plan, &rules.files, words) {
            Ok(results) => ran.push(Ran {
                name: path.display().to_string(),
                results,
            }),
            Err(message) => {
                eprintln!("{message}");
                broken += 1;
            }
        }
    }
    let results: Vec<CaseResult> = ran.iter().flat_map(|r| r.results.clone()).collect();
    let coverage = Coverage::new(plan, &results);
    let written = match args.format {
        TestFormat::Human => human(words, &ran, &coverage, &mut io::stdout().lock()),
        TestFormat::Junit => junit_out(words, &ran, &coverage),
    };
    if let Err(e) = written {
        if e.kind() != io::ErrorKind::BrokenPipe {
            let message = Message::new("cli-test-cannot-write").text("reason", e.to_string());
            super::say_error(words, &message, None);
            return UNTRUSTED;
        }
    }
    exit(broken, &results, &coverage, args.coverage_min, words)
}

fn exit(
    broken: usize,
    results: &[CaseResult],
    coverage: &Coverage,
    min: Option<f64>,
    words: &Catalogue,
) -> u8 {
    if broken > 0 {
        return UNTRUSTED;
    }
    let low = min.is_some_and(|m| coverage.fired_percent() < m);
    if low {
        let message = Message::new("cli-test-coverage-low")
            .text("percent", format!("{:.1}", coverage.fired_percent()))
            .text("min", min.unwrap_or_default().to_string());
        super::say_error(words, &message, None);
    }
    if results.is_empty() {
        super::say_error(words, &"cli-test-no-case".into(), None);
        return UNTRUSTED;
    }
    u8::from(low || results.iter().any(|r| !r.passed()))
}

/// The tests of the configured rule folders (`FOLDER/tests`), else `rules/tests`.
fn default_tests(rules: &[PathBuf]) -> Vec<PathBuf> {
    let beside: Vec<PathBuf> = rules
        .iter()
        .map(|r| r.join("tests"))
        .filter(|t| t.is_dir())
        .collect();
    if beside.is_empty() {
        vec![PathBuf::from("rules/tests")]
    } else {
        beside
    }
}

/// Every test file under the given paths, and how many paths do not exist.
fn test_files(paths: &[PathBuf], words: &Catalogue) -> (Vec<PathBuf>, usize) {
    let (mut files, mut missing) = (Vec::new(), 0);
    for path in paths {
        if path.is_dir() {
            let found = crate::load::files_under(path, &["yaml", "yml"]);
            files.extend(found);
        } else if path.exists() {
            // Read (or refused: a FIFO, a device) like any other file.
            files.push(path.clone());
        } else {
            let message = Message::new("cli-test-missing").text("path", path.display().to_string());
            super::say_error(words, &message, None);
            missing += 1;
        }
    }
    (files, missing)
}

/// The `*.rules` files in the folder above the (first) tests folder, so
/// that a copied `my-rules/tests` tests `my-rules/*.rules`; none: bundled.
fn beside_tests(paths: &[PathBuf]) -> Vec<PathBuf> {
    let Some(first) = paths.first() else {
        return Vec::new();
    };
    let tests_dir = if first.is_dir() {
        first.as_path()
    } else {
        first.parent().unwrap_or(Path::new("."))
    };
    let parent = match tests_dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Ok(entries) = std::fs::read_dir(&parent) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "rules"))
        .collect();
    found.sort();
    found
}

fn run_file(
    path: &Path,
    plan: &crate::eval::Plan,
    rule_files: &[crate::outcome::SourceFile],
    words: &Catalogue,
) -> Result<Vec<CaseResult>, String> {
    let name = path.display().to_string();
    let text = load::read_text(path, load::MAX_FILE_SIZE).map_err(|e| {
        let message = Message::new("cli-test-unreadable")
            .text("file", name.as_str())
            .text("reason", e.to_string());
        super::error_line(words, &message.say(words))
    })?;
    let suite = ruletest::parse(&text).map_err(|errors| located(&name, &text, &errors, words))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let missing = ruletest::missing_files(&suite, dir);
    if !missing.is_empty() {
        return Err(located(&name, &text, &missing, words));
    }
    Ok(ruletest::run(&suite, plan, rule_files, dir))
}

/// `error: FILE:LINE:COL: message`, one line per error of a test file.
fn located(name: &str, source: &str, errors: &[Diagnostic], words: &Catalogue) -> String {
    let lines = LineIndex::new(source);
    let shown: Vec<String> = errors
        .iter()
        .map(|e| {
            let (line, col) = lines.line_col(source, e.span.start);
            let at = format!(
                "{}:{line}:{col}: {}",
                text(name),
                text(&e.message.say(words))
            );
            super::error_line(words, &at)
        })
        .collect();
    shown.join("\n")
}

fn human(
    words: &Catalogue,
    ran: &[Ran],
    coverage: &Coverage,
    out: &mut dyn Write,
) -> io::Result<()> {
    let case = |id: &str, file: &Ran, r: &CaseResult| {
        let args = Words::new()
            .text("file", text(&file.name))
            .text("case", text(&r.name));
        words.format(id, &args)
    };
    let (mut passed, mut failed) = (0, 0);
    for file in ran {
        for r in &file.results {
            if r.passed() {
                passed += 1;
                writeln!(out, "{}", case("test-pass", file, r))?;
                continue;
            }
            failed += 1;
            writeln!(out, "{}", case("test-fail", file, r))?;
            let errors = r.error_lines(words).into_iter().map(|e| format!("! {e}"));
            for line in errors.chain(r.diff_lines(words)) {
                writeln!(out, "    {}", text(&line))?;
            }
        }
    }
    writeln!(out)?;
    coverage_lines(words, coverage, out)?;
    writeln!(out)?;
    let args = Words::new().count("passed", passed).count("failed", failed);
    writeln!(out, "{}", words.format("test-result", &args))
}

fn coverage_lines(words: &Catalogue, c: &Coverage, out: &mut dyn Write) -> io::Result<()> {
    let args = Words::new()
        .count("fired", c.fired())
        .count("rules", c.rules.len())
        .text("percent", format!("{:.1}", c.fired_percent()));
    writeln!(out, "{}", words.format("test-coverage", &args))?;
    for (what, ids) in [
        ("test-never-fired", &c.never_fired),
        ("test-never-passed", &c.never_passed),
        ("test-never-pending", &c.never_pending),
    ] {
        if !ids.is_empty() {
            let ids = crate::diag::join(words, crate::diag::Join::Plain, ids.iter().cloned());
            let args = Words::new().text("ids", ids);
            writeln!(out, "  {}", words.format(what, &args))?;
        }
    }
    Ok(())
}

fn junit_out(words: &Catalogue, ran: &[Ran], coverage: &Coverage) -> io::Result<()> {
    let files: Vec<junit::FileResults<'_>> = ran
        .iter()
        .map(|r| junit::FileResults {
            name: &r.name,
            results: &r.results,
        })
        .collect();
    io::stdout()
        .lock()
        .write_all(junit::junit(&files, words).as_bytes())?;
    coverage_lines(words, coverage, &mut io::stderr().lock())
}
