//! JUnit XML, for CI systems that show test results; valid against
//! Jenkins' `junit-10.xsd`.
//!
//! One `<testsuite>` per rule: a test case per finding of that rule (named
//! by record), and a passing case for the records the rule checked and
//! found right ("12 records pass"), so every declared rule shows and passes
//! read as passes. A finding at or above `--fail-on` is a `<failure>` (its
//! `type` is the severity); one below it is a passing case whose
//! `<system-out>` says what was found; a waived one is `<skipped>`. Suite
//! `records` has one passing case per unit for its records without any
//! finding. Input errors form suite `inputs`: `<error>` for errors, and
//! warnings and infos as findings are. The place of a finding (file, line,
//! column) is in its text, as the schema has no attribute for it.
//!
//! Every value from a record passes through [`super::neutral`]. No
//! timestamps or durations: the same outcome gives the same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use crate::diag::Severity;
use crate::i18n::{Args, Catalogue};
use crate::outcome::{Finding, InputError, Outcome};

use super::diagnostic::points_in;
use super::json::{files, finding_position};
use super::neutral;
use super::xml;

/// One `<testcase>`.
struct Case {
    class: String,
    name: String,
    verdict: Verdict,
}

enum Verdict {
    Pass,
    /// Passed, with what was found below `--fail-on` in `<system-out>`.
    Noted(String),
    /// `<failure type message>body</failure>`
    Failure(&'static str, String, String),
    /// `<error type message>body</error>`
    Error(String, String),
    Skipped(String),
}

/// Whether a finding or input diagnostic of `severity` fails the run.
fn fails(severity: Severity, fail_on: Option<Severity>) -> bool {
    fail_on.is_some_and(|threshold| severity >= threshold)
}

pub fn write(
    outcome: &Outcome,
    fail_on: Option<Severity>,
    words: &Catalogue,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut suites: Vec<(String, Vec<Case>)> = outcome
        .rules
        .iter()
        .map(|r| (r.id.clone(), Vec::new()))
        .collect();
    for f in &outcome.findings {
        if let Some((_, cases)) = suites.get_mut(f.rule) {
            cases.push(finding(outcome, f, fail_on, words));
        }
    }
    for (rule, (id, cases)) in suites.iter_mut().enumerate() {
        let passed = outcome.passes.get(rule).copied().unwrap_or(0);
        let judges = outcome
            .rules
            .get(rule)
            .map_or("record", |r| r.judges.as_str());
        if passed > 0 || cases.is_empty() {
            cases.insert(0, passes(id, judges, passed, words));
        }
    }
    suites.push(("records".into(), records(outcome, words)));
    let inputs: Vec<Case> = outcome
        .input_errors
        .iter()
        .map(|e| input_error(outcome, e, fail_on, words))
        .collect();
    if !inputs.is_empty() {
        suites.push(("inputs".into(), inputs));
    }
    document(&suites, out)
}

/// The passing case of a rule: the records (or, for a group rule, the
/// groups) it checked and found right.
fn passes(rule: &str, judges: &str, passed: usize, words: &Catalogue) -> Case {
    let what = match judges {
        "record" => "record",
        by @ ("unit" | "round" | "kind" | "region" | "category" | "status") => by,
        _ => "group",
    };
    let args = Args::new()
        .int("n", i64::try_from(passed).unwrap_or(i64::MAX))
        .text("thing", words.text(&format!("junit-thing.{what}")))
        .text("things", words.text(&format!("junit-things.{what}")));
    let name = words.format("junit-passes", &args);
    Case {
        class: rule.to_string(),
        name,
        verdict: Verdict::Pass,
    }
}

fn finding(outcome: &Outcome, f: &Finding, fail_on: Option<Severity>, words: &Catalogue) -> Case {
    let id = outcome.rules.get(f.rule).map_or("", |r| r.id.as_str());
    let file = outcome.finding_file(f);
    let message = neutral::text(&f.message(words)).into_owned();
    let mut body = vec![message.clone()];
    if let Some(file) = file {
        let at =
            finding_position(Some(file), f).map_or_else(String::new, |(l, c)| format!(":{l}:{c}"));
        let place = format!("{}{at}", neutral::text(&file.name));
        body.push(words.format("help-at", &Args::new().text("place", place)));
    }
    if !f.unit.is_empty() {
        let unit = Args::new().text("unit", neutral::text(&f.unit));
        body.push(words.format("help-unit", &unit));
    }
    let records = f.group_records();
    if !records.is_empty() {
        let ids = records.iter().map(|id| neutral::text(id).into_owned());
        let ids = crate::diag::join(words, crate::diag::Join::Plain, ids);
        body.push(words.format("help-records", &Args::new().text("ids", ids)));
    }
    if let Some(rule) = outcome.rules.get(f.rule) {
        let said = rule.help_in(words.lang());
        body.extend(said.map(|h| neutral::lines(h).into_owned()));
        body.extend(
            rule.cite
                .as_ref()
                .map(|c| words.format("help-cite", &Args::new().text("cite", neutral::text(c)))),
        );
    }
    let (what, amount) = match f.severity {
        Severity::Commendation => ("help-reward", f.reward),
        _ => ("help-penalty", f.penalty),
    };
    let shown = Args::new().text("shown", points_in(words, amount));
    body.push(words.format(what, &shown));
    if let Some(approval) = f.waiver_note(words) {
        let note = Args::new().text("note", neutral::text(&approval));
        body.push(words.format("help-waiver", &note));
    }
    let verdict = if f.waived {
        let why = match f.waiver_reason.as_deref() {
            Some(why) => neutral::text(why).into_owned(),
            None => words.text("junit-waiver-unknown"),
        };
        Verdict::Skipped(words.format("junit-waived", &Args::new().text("reason", why)))
    } else if fails(f.severity, fail_on) {
        Verdict::Failure(f.severity.as_str(), message, body.join("\n"))
    } else {
        Verdict::Noted(noted(f.severity, &body, words))
    };
    Case {
        class: id.to_string(),
        name: f.subject(),
        verdict,
    }
}

/// One passing case per unit: its records that have no finding at all.
fn records(outcome: &Outcome, words: &Catalogue) -> Vec<Case> {
    let mut with_findings: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    // A group rule's finding names no record: it flags none of them.
    for f in outcome.findings.iter().filter(|f| !f.record.is_empty()) {
        with_findings.entry(&f.unit).or_default().insert(&f.record);
    }
    outcome
        .units
        .iter()
        .map(|u| {
            let flagged = with_findings.get(u.unit.as_str()).map_or(0, BTreeSet::len);
            let clean = u.records.saturating_sub(flagged);
            let args = Args::new()
                .text("unit", neutral::text(&u.unit))
                .int("clean", i64::try_from(clean).unwrap_or(i64::MAX))
                .int("records", i64::try_from(u.records).unwrap_or(i64::MAX));
            Case {
                class: "records".into(),
                name: words.format("junit-unit-records", &args),
                verdict: Verdict::Pass,
            }
        })
        .collect()
}

fn input_error(
    outcome: &Outcome,
    e: &InputError,
    fail_on: Option<Severity>,
    words: &Catalogue,
) -> Case {
    let file = e.place.and_then(|p| files(outcome, e.origin).get(p.file));
    let line = e
        .place
        .and_then(|p| file?.line_col(p.span.start))
        .map(|(l, _)| l);
    let message = neutral::text(&e.message.say(words)).into_owned();
    let mut body = vec![message.clone()];
    body.extend(e.help.as_ref().map(|h| {
        words.format(
            "cli-help",
            &Args::new().text("help", neutral::lines(&h.say(words))),
        )
    }));
    let verdict = match e.severity {
        Severity::Error => Verdict::Error(message, body.join("\n")),
        s if fails(s, fail_on) => Verdict::Failure(s.as_str(), message, body.join("\n")),
        s => Verdict::Noted(noted(s, &body, words)),
    };
    let name = match (file, line) {
        (Some(f), Some(l)) => format!("{} at {}:{l}", e.code, neutral::text(&f.name)),
        (Some(f), None) => format!("{} in {}", e.code, neutral::text(&f.name)),
        _ => e.code.clone(),
    };
    Case {
        class: "inputs".into(),
        name,
        verdict,
    }
}

/// What was found below `--fail-on`: `warning: …`, in `words`' language.
fn noted(severity: Severity, body: &[String], words: &Catalogue) -> String {
    let args = Args::new()
        .text("severity", super::severity_word(severity, words))
        .text("body", body.join("\n"));
    words.format("junit-noted", &args)
}

fn document(suites: &[(String, Vec<Case>)], out: &mut dyn Write) -> io::Result<()> {
    let count = |p: fn(&Verdict) -> bool| -> usize {
        suites
            .iter()
            .map(|(_, cases)| cases.iter().filter(|c| p(&c.verdict)).count())
            .sum()
    };
    let tests: usize = suites.iter().map(|(_, c)| c.len()).sum();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="rectify" tests="{tests}" failures="{}" errors="{}">"#,
        count(|v| matches!(v, Verdict::Failure(..))),
        count(|v| matches!(v, Verdict::Error(..))),
    )?;
    for (name, cases) in suites {
        suite(name, cases, out)?;
    }
    writeln!(out, "</testsuites>")
}

fn suite(name: &str, cases: &[Case], out: &mut dyn Write) -> io::Result<()> {
    let count = |p: fn(&Verdict) -> bool| cases.iter().filter(|c| p(&c.verdict)).count();
    writeln!(
        out,
        r#"  <testsuite name="{}" tests="{}" failures="{}" errors="{}" skipped="{}">"#,
        xml::attr(name),
        cases.len(),
        count(|v| matches!(v, Verdict::Failure(..))),
        count(|v| matches!(v, Verdict::Error(..))),
        count(|v| matches!(v, Verdict::Skipped(..))),
    )?;
    for case in cases {
        let head = format!(
            r#"    <testcase classname="{}" name="{}""#,
            xml::attr(&case.class),
            xml::attr(&case.name)
        );
        match &case.verdict {
            Verdict::Pass => writeln!(out, "{head}/>")?,
            Verdict::Noted(text) => writeln!(
                out,
                "{head}>\n      <system-out>{}</system-out>\n    </testcase>",
                xml::text(text)
            )?,
            Verdict::Failure(kind, message, body) => writeln!(
                out,
                "{head}>\n      <failure type=\"{kind}\" message=\"{}\">{}</failure>\n    </testcase>",
                xml::attr(message),
                xml::text(body)
            )?,
            Verdict::Error(message, body) => writeln!(
                out,
                "{head}>\n      <error type=\"error\" message=\"{}\">{}</error>\n    </testcase>",
                xml::attr(message),
                xml::text(body)
            )?,
            Verdict::Skipped(message) => writeln!(
                out,
                "{head}>\n      <skipped message=\"{}\"/>\n    </testcase>",
                xml::attr(message)
            )?,
        }
    }
    writeln!(out, "  </testsuite>")
}
