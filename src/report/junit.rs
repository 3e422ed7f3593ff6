//! JUnit XML, for CI systems that show test results.
//!
//! One `<testsuite>` per rule: a test case per finding of that rule (named
//! by record), a `<failure>` when it counts (its `type` is the severity) and
//! `<skipped>` when it is waived; a rule with no finding gets one passing
//! case, so every declared rule shows. The outcome lists findings, not the
//! (record, rule) pairs that passed (that would be records × rules entries),
//! so passes are summarised: suite `records` has one passing case per unit
//! for its records without any finding. Input errors form suite `inputs`:
//! `<error>` for errors, `<failure type="warning">` for warnings.
//!
//! No timestamps or durations: the same outcome gives the same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use crate::outcome::{Finding, InputError, Outcome};
use crate::syntax::ast::Severity;

use super::diagnostic::points;
use super::json::{files, finding_position};
use super::xml;

/// One `<testcase>`.
struct Case {
    class: String,
    name: String,
    file: Option<String>,
    line: Option<usize>,
    verdict: Verdict,
}

enum Verdict {
    Pass,
    /// `<failure type message>body</failure>`
    Failure(&'static str, String, String),
    /// `<error type message>body</error>`
    Error(String, String),
    Skipped(String),
}

pub fn write(outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
    let mut suites: Vec<(String, Vec<Case>)> = outcome
        .rules
        .iter()
        .map(|r| (r.id.clone(), Vec::new()))
        .collect();
    for f in &outcome.findings {
        if let Some((_, cases)) = suites.get_mut(f.rule) {
            cases.push(finding(outcome, f));
        }
    }
    for (id, cases) in &mut suites {
        if cases.is_empty() {
            cases.push(Case {
                class: id.clone(),
                name: format!("no finding in {} records", outcome.records),
                file: None,
                line: None,
                verdict: Verdict::Pass,
            });
        }
    }
    suites.push(("records".into(), records(outcome)));
    let inputs: Vec<Case> = outcome
        .input_errors
        .iter()
        .map(|e| input_error(outcome, e))
        .collect();
    if !inputs.is_empty() {
        suites.push(("inputs".into(), inputs));
    }
    document(&suites, out)
}

fn finding(outcome: &Outcome, f: &Finding) -> Case {
    let id = outcome.rules.get(f.rule).map_or("", |r| r.id.as_str());
    let file = outcome.finding_file(f);
    let line = finding_position(file, f).map(|(l, _)| l);
    let mut body = vec![f.message.clone()];
    if let Some(file) = file {
        let at =
            finding_position(Some(file), f).map_or_else(String::new, |(l, c)| format!(":{l}:{c}"));
        body.push(format!("at: {}{at}", file.name));
    }
    if !f.unit.is_empty() {
        body.push(format!("unit: {}", f.unit));
    }
    let records = f.group_records();
    if !records.is_empty() {
        body.push(format!("records: {}", records.join(", ")));
    }
    if let Some(rule) = outcome.rules.get(f.rule) {
        body.extend(rule.help.clone());
        body.extend(rule.cite.as_ref().map(|c| format!("cite: {c}")));
    }
    body.push(format!("penalty: {}", points(f.penalty)));
    let verdict = if f.waived {
        let why = f.waiver_reason.as_deref().unwrap_or("an approved waiver");
        Verdict::Skipped(format!("waived: {why}"))
    } else {
        Verdict::Failure(f.severity.as_str(), f.message.clone(), body.join("\n"))
    };
    Case {
        class: id.to_string(),
        name: f.subject(),
        file: file.map(|s| s.name.clone()),
        line,
        verdict,
    }
}

/// One passing case per unit: its records that have no finding at all.
fn records(outcome: &Outcome) -> Vec<Case> {
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
            Case {
                class: "records".into(),
                name: format!(
                    "{}: {clean} of {} records pass every rule",
                    u.unit, u.records
                ),
                file: None,
                line: None,
                verdict: Verdict::Pass,
            }
        })
        .collect()
}

fn input_error(outcome: &Outcome, e: &InputError) -> Case {
    let file = e.place.and_then(|p| files(outcome, e.origin).get(p.file));
    let line = e
        .place
        .and_then(|p| file?.line_col(p.span.start))
        .map(|(l, _)| l);
    let mut body = vec![e.message.clone()];
    body.extend(e.help.as_ref().map(|h| format!("help: {h}")));
    let verdict = match e.severity {
        Severity::Error => Verdict::Error(e.message.clone(), body.join("\n")),
        s => Verdict::Failure(s.as_str(), e.message.clone(), body.join("\n")),
    };
    let name = match (file, line) {
        (Some(f), Some(l)) => format!("{} at {}:{l}", e.code, f.name),
        (Some(f), None) => format!("{} in {}", e.code, f.name),
        _ => e.code.clone(),
    };
    Case {
        class: "inputs".into(),
        name,
        file: file.map(|s| s.name.clone()),
        line,
        verdict,
    }
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
        r#"<testsuites name="rectify" tests="{tests}" failures="{}" errors="{}" skipped="{}">"#,
        count(|v| matches!(v, Verdict::Failure(..))),
        count(|v| matches!(v, Verdict::Error(..))),
        count(|v| matches!(v, Verdict::Skipped(..))),
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
        let mut head = format!(
            r#"    <testcase classname="{}" name="{}""#,
            xml::attr(&case.class),
            xml::attr(&case.name)
        );
        if let Some(file) = &case.file {
            head.push_str(&format!(r#" file="{}""#, xml::attr(file)));
        }
        if let Some(line) = case.line {
            head.push_str(&format!(r#" line="{line}""#));
        }
        match &case.verdict {
            Verdict::Pass => writeln!(out, "{head}/>")?,
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
