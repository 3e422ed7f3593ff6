//! The record loader, driven by data: every `tests/fixtures/records/*.yaml`
//! is one case whose snapshot lists the records it gave and every error,
//! with the exact source text each one underlines.

use std::fmt::Write;

use rectify::model::{self, Record, Schema};
use rectify::source::{LineIndex, Span};
use rectify::yaml::{self, Value};

fn schema() -> Schema {
    let kind = |name: &str, stages: &[&str]| {
        (
            name.to_owned(),
            stages.iter().map(|s| s.to_string()).collect(),
        )
    };
    Schema {
        kinds: vec![
            kind(
                "task",
                &["plan", "verification", "acceptance", "notice", "closure"],
            ),
            kind("petition", &["replied", "closed"]),
        ],
        ..Schema::default()
    }
}

/// The one helper: load a fixture and render what came out.
fn check(text: &str) -> String {
    let file = model::load(text, &schema(), &yaml::Limits::default());
    let index = LineIndex::new(text);
    let at = |span: Span| {
        let (line, col) = index.line_col(text, span.start);
        format!("{line}:{col} `{}`", &text[span.range()])
    };
    let mut out = String::from("records:\n");
    for record in &file.records {
        render_record(&mut out, record, &at);
    }
    out.push_str("errors:\n");
    for e in &file.errors {
        let (line, col) = index.line_col(text, e.span.start);
        let _ = writeln!(
            out,
            "{} {} {line}:{col} {}",
            e.severity.as_str(),
            e.code,
            e.message.english()
        );
        let _ = writeln!(out, "  at {}", at(e.span));
        for (span, label) in &e.labels {
            let _ = writeln!(out, "  label {}: {}", at(*span), label.english());
        }
        if let Some(help) = &e.help {
            let _ = writeln!(out, "  help: {}", help.english());
        }
    }
    out
}

fn render_record(out: &mut String, r: &Record, at: &dyn Fn(Span) -> String) {
    let _ = writeln!(out, "- id {}", at(r.id.span));
    let _ = writeln!(out, "  kind {} at {}", r.kind.value, at(r.kind.span));
    let _ = writeln!(out, "  unit {}", at(r.unit.span));
    for (name, value) in [("lead", &r.lead), ("title", &r.title), ("round", &r.round)] {
        if let Some(v) = value {
            let _ = writeln!(out, "  {name} {}", at(v.span));
        }
    }
    for (name, value) in [("assigned", &r.assigned), ("deadline", &r.deadline)] {
        if let Some(v) = value {
            let _ = writeln!(out, "  {name} {} at {}", v.value, at(v.span));
        }
    }
    if let Some(status) = &r.status {
        let _ = writeln!(out, "  status {:?}", status.value);
    }
    for s in &r.stages {
        let evidence = s
            .evidence
            .as_ref()
            .map(|e| e.value.iter().map(|x| x.value.as_str()).collect::<Vec<_>>());
        let _ = writeln!(
            out,
            "  stage {} {} end={:?} by={:?} evidence={evidence:?}",
            s.name.value,
            s.date.value,
            s.end.as_ref().map(|d| d.value.to_string()),
            s.by.as_ref().map(|b| b.value.as_str())
        );
    }
    for e in &r.extensions {
        let _ = writeln!(
            out,
            "  extension to={:?} approved_by={:?}",
            e.to.as_ref().map(|d| d.value.to_string()),
            e.approved_by.as_ref().map(|b| b.value.as_str())
        );
    }
    for w in &r.waivers {
        let _ = writeln!(
            out,
            "  waiver rule={:?} until={:?}",
            w.rule.as_ref().map(|d| d.value.as_str()),
            w.until.as_ref().map(|d| d.value.to_string())
        );
    }
}

#[test]
fn fixtures() {
    insta::glob!("fixtures/records/*.yaml", |path| {
        let text = std::fs::read_to_string(path).expect("fixture is readable");
        insta::assert_snapshot!(check(&text));
    });
}

#[test]
fn get_looks_in_the_record_then_the_header() {
    let text = "ledger:\n  budget: {yuan: 5}\n  source: 督察组\nrecords:\n  - {id: A, responsible: {unit: U}, budget: {wan: 1}}\n";
    let file = model::load(text, &schema(), &yaml::Limits::default());
    let record = &file.records[0];
    let text_of = |path: &[&str]| record.get(path).map(|n| n.value.clone());
    assert_eq!(text_of(&["budget", "wan"]), Some(Value::Int(1)));
    assert_eq!(text_of(&["budget", "yuan"]), None);
    assert_eq!(
        text_of(&["source"]),
        Some(Value::Str {
            text: "督察组".into(),
            plain: true
        })
    );
    assert_eq!(
        text_of(&["id"]),
        Some(Value::Str {
            text: "A".into(),
            plain: true
        })
    );
    assert_eq!(text_of(&[]), None);
}
