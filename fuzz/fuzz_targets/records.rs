//! The record loader on arbitrary bytes (read as lossy UTF-8, as a file
//! would be after the not-UTF-8 check), with the bundled rules' schema:
//! never panics, and every span it reports lies inside the text on
//! character boundaries (line/column is computed from them).
#![no_main]

use libfuzzer_sys::fuzz_target;
use rectify::model::{self, Schema};
use rectify::source::Span;
use rectify::yaml::{self, Limits};

fn schema() -> Schema {
    let stages = |s: &[&str]| s.iter().map(|s| s.to_string()).collect();
    Schema {
        kinds: vec![
            ("task".into(), stages(&["plan", "verification", "acceptance", "notice", "closure"])),
            ("petition".into(), stages(&["replied", "closed"])),
        ],
    }
}

fn check(text: &str, span: Span) {
    let (start, end) = (span.start as usize, span.end as usize);
    assert!(start <= end && end <= text.len(), "span {span:?} outside {} bytes", text.len());
    assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "span {span:?} splits a character");
}

fn walk(text: &str, node: &yaml::Node) {
    check(text, node.span);
    match &node.value {
        yaml::Value::Seq(items) => items.iter().for_each(|n| walk(text, n)),
        yaml::Value::Map(entries) => entries.iter().for_each(|(k, v)| {
            walk(text, k);
            walk(text, v);
        }),
        _ => {}
    }
}

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let limits = Limits::default();
    let (docs, error) = yaml::parse(&text, &limits);
    for doc in &docs {
        walk(&text, doc);
    }
    if let Some(e) = error {
        check(&text, e.span);
    }
    let file = model::load(&text, &schema(), &limits);
    for e in &file.errors {
        check(&text, e.span);
        e.labels.iter().for_each(|(span, _)| check(&text, *span));
    }
    for r in &file.records {
        check(&text, r.span);
        check(&text, r.id.span);
    }
});
