//! What the fuzz targets assert, in one place: the targets in
//! `fuzz_targets/` call these on generated inputs, and `cargo test`
//! (tests/hostile.rs) calls them on every committed seed in `corpus/` and
//! every input in tests/fixtures/fuzz-regressions, so the seeds are checked
//! on each test run, not only under cargo-fuzz. Each function panics when
//! an invariant does not hold.

use std::sync::OnceLock;

use rectify::eval;
use rectify::model::{self, Schema};
use rectify::source::Span;
use rectify::syntax::{self, ast};
use rectify::yaml::{self, Limits, Node, Value};

/// The record loader on arbitrary bytes (read as lossy UTF-8, as a file
/// would be after the not-UTF-8 check), with the bundled rules' schema:
/// never panics, every span it reports lies inside the text on character
/// boundaries (line and column are computed from them), and where the YAML
/// fast path answers, its tree is the general parser's, which finds no
/// error.
pub fn records(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let limits = Limits::default();
    yaml_fast_path(&text, &limits);
    let (docs, error) = yaml::parse(&text, &limits);
    for doc in &docs {
        walk(&text, doc);
    }
    if let Some(e) = error {
        inside(&text, e.span);
    }
    let file = model::load(&text, bundled_schema(), &limits);
    for e in &file.errors {
        inside(&text, e.span);
        e.labels.iter().for_each(|(span, _)| inside(&text, *span));
    }
    for r in &file.records {
        inside(&text, r.span);
        inside(&text, r.id.span);
    }
}

/// Where the YAML fast path answers, the general parser finds no error and
/// the same tree, every span included; `true` when the fast path answered.
pub fn yaml_fast_path(text: &str, limits: &Limits) -> bool {
    let Some(fast) = yaml::fast_only(text, limits) else {
        return false;
    };
    let (general, error) = yaml::general(text, limits);
    assert!(
        error.is_none(),
        "the fast path accepted a text the general parser rejects ({error:?}):\n{text:?}"
    );
    // Values as Debug text, so that NaN equals NaN.
    assert_eq!(
        brief(&fast),
        brief(&general),
        "trees differ (left: fast, right: general) for\n{text:?}"
    );
    true
}

/// A tree on one line: each node's value and span.
fn brief(docs: &[Node]) -> String {
    fn one(node: &Node, out: &mut String) {
        let span = format!("@{}..{}", node.span.start, node.span.end);
        match &node.value {
            Value::Seq(items) => {
                out.push('[');
                for item in items {
                    one(item, out);
                    out.push_str(", ");
                }
                out.push(']');
            }
            Value::Map(pairs) => {
                out.push('{');
                for (key, value) in pairs {
                    one(key, out);
                    out.push_str(": ");
                    one(value, out);
                    out.push_str(", ");
                }
                out.push('}');
            }
            other => out.push_str(&format!("{other:?}")),
        }
        out.push_str(&span);
    }
    let mut out = String::new();
    for doc in docs {
        one(doc, &mut out);
        out.push_str(" --- ");
    }
    out
}

/// The rule parser and the semantic check on arbitrary UTF-8: an AST or
/// errors, never a panic, and every error span inside the text.
pub fn rules(text: &str) {
    let ast = match syntax::parse(text) {
        Ok(ast) => ast,
        Err(errors) => {
            assert!(!errors.is_empty(), "parse failed without an error");
            errors.iter().for_each(|e| inside(text, e.span));
            return;
        }
    };
    let source = eval::Source {
        file: 0,
        text,
        ast: &ast,
    };
    if let Err(errors) = eval::compile(&[source], None) {
        for (_, e) in &errors {
            inside(text, e.span);
            e.related
                .iter()
                .for_each(|(_, span, _)| inside(text, *span));
        }
    }
}

/// `fmt` on arbitrary UTF-8 that parses: the formatted text parses to the
/// same rule sets and rules (spans take no part in equality), keeps every
/// comment (fmt may move a comment with the item it belongs to, so they are
/// compared as a multiset), and formatting it again changes nothing.
pub fn fmt(text: &str) {
    let Ok(ast) = syntax::parse(text) else {
        return;
    };
    let formatted = match syntax::fmt::format(text) {
        Ok(formatted) => formatted,
        Err(errors) => panic!("fmt refused a file that parses: {errors:?}"),
    };
    let again = match syntax::parse(&formatted) {
        Ok(again) => again,
        Err(errors) => panic!("fmt output does not parse: {errors:?}\n{formatted}"),
    };
    assert_eq!(
        ast.rulesets, again.rulesets,
        "fmt changed a ruleset:\n{formatted}"
    );
    assert_eq!(ast.rules, again.rules, "fmt changed a rule:\n{formatted}");
    assert_eq!(
        comments(&ast),
        comments(&again),
        "fmt lost or changed a comment:\n{formatted}"
    );
    match syntax::fmt::format(&formatted) {
        Ok(twice) => assert_eq!(formatted, twice, "fmt is not idempotent"),
        Err(errors) => panic!("fmt output does not format: {errors:?}"),
    }
}

/// The kinds and stages of the bundled rule set, computed once.
fn bundled_schema() -> &'static Schema {
    static SCHEMA: OnceLock<Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| match rectify::load::rules(&[]).plan {
        Some(plan) => rectify::run::schema(&plan),
        None => panic!("the bundled rule set does not compile"),
    })
}

fn comments(file: &ast::File) -> Vec<&str> {
    let mut texts: Vec<&str> = file.comments.iter().map(|c| c.value.trim_end()).collect();
    texts.sort_unstable();
    texts
}

fn inside(text: &str, span: Span) {
    let (start, end) = (span.start as usize, span.end as usize);
    assert!(
        start <= end && end <= text.len(),
        "span {span:?} outside {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "span {span:?} splits a character"
    );
}

fn walk(text: &str, node: &yaml::Node) {
    inside(text, node.span);
    match &node.value {
        yaml::Value::Seq(items) => items.iter().for_each(|n| walk(text, n)),
        yaml::Value::Map(entries) => entries.iter().for_each(|(k, v)| {
            walk(text, k);
            walk(text, v);
        }),
        _ => {}
    }
}
