//! Rule files: hover, go to definition, completion, formatting and
//! document symbols. Each works on the buffer as it parses; completion
//! still answers when it does not.

use lsp_types::{
    CompletionItem, CompletionItemKind, DocumentSymbol, Hover, HoverContents, Location,
    MarkupContent, MarkupKind, SymbolKind, TextEdit,
};

use crate::syntax::{self, ast};

use super::text::{Doc, Encoding};
use super::{Server, diagnostics};

/// The words of the language with a line on what each does, for hover and completion.
const KEYWORDS: &[(&str, &str)] = &[
    (
        "ruleset",
        "a named set of declarations: calendar, pipelines, scoring",
    ),
    ("calendar", "the holiday calendar workdays are counted with"),
    (
        "pipeline",
        "a kind of record and its stages, in order: `pipeline task: plan -> closure`",
    ),
    ("rule", "a rule: `rule some-id { … }`"),
    ("title", "the rule's title, shown with every finding"),
    ("cite", "the regulation the rule enforces"),
    ("help", "what to do about a finding"),
    ("for", "the kind of record the rule applies to"),
    (
        "per",
        "a group rule: judge the records of each `unit`, `round` or `kind` together",
    ),
    (
        "when",
        "the rule applies only to records for which the condition holds",
    ),
    (
        "require",
        "a constraint every record the rule applies to must meet",
    ),
    ("severity", "`error`, `warning` or `info`"),
    (
        "penalty",
        "points deducted for a finding: `1 point, plus 0.1 per workday late, at most 3`",
    ),
    (
        "within",
        "a deadline: `plan within 30 workdays after assigned`",
    ),
    (
        "after",
        "the date a `within` deadline counts from (the start day is not counted)",
    ),
    (
        "by",
        "a deadline on a date: `closure by deadline` (on or before)",
    ),
    ("before", "one stage dated before another"),
    (
        "lasts",
        "a stage's length from `date` to `end`: `notice lasts at least 10 workdays`",
    ),
    (
        "has",
        "`acceptance has evidence`: at least one evidence item",
    ),
    (
        "stages",
        "`stages in order`: recorded stages in pipeline order, none skipped",
    ),
    (
        "each",
        "`each extension: <condition>`: the condition holds for every element",
    ),
    (
        "share",
        "in a group rule, the share of records for which a condition holds",
    ),
    (
        "count",
        "in a group rule, how many records a condition holds for",
    ),
    ("is", "`is present`, `is missing`"),
    (
        "matches",
        "a regular expression match: `id matches \"^JS-\"`",
    ),
    (
        "deadline",
        "the record's deadline, moved by its last approved extension",
    ),
    ("assigned", "the date the task was assigned"),
    ("today", "the evaluation date (`--as-of`)"),
    (
        "original",
        "`original deadline`: the deadline before any extension",
    ),
    (
        "extended",
        "`extended deadline`: inside `each extension`, the deadline that extension moves",
    ),
    (
        "score",
        "how units are scored: `score per unit from 100, not below 0; grades: …`",
    ),
    (
        "deadlines",
        "`deadlines on a non-working day move to the next workday` (or `stay`)",
    ),
];

const DURATION_UNITS: &[&str] = &["days", "workdays", "weeks", "months", "years"];
const SEVERITIES: &[&str] = &["error", "warning", "info"];
/// The fields a group rule may group by (`per unit and region`).
const GROUPS: &[&str] = &[
    "unit",
    "round",
    "region",
    "category",
    "kind",
    "status",
    "responsible.lead",
];

/// The rule id, stage, kind or keyword under the cursor, described.
pub(super) fn hover(server: &Server, doc: &Doc, offset: usize) -> Option<Hover> {
    let (word, span) = doc.word_at(offset)?;
    let text = describe(server, doc, word)?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(doc.range(span, server.encoding)),
    })
}

fn describe(server: &Server, doc: &Doc, word: &str) -> Option<String> {
    if let Ok(file) = syntax::parse(&doc.text) {
        if let Some(rule) = file.rules.iter().find(|r| r.id.value == word) {
            return Some(describe_rule(&doc.text, rule, server.lang));
        }
    }
    if let Some((kind, stages)) = pipelines(server, doc)
        .into_iter()
        .find(|(kind, stages)| kind == word || stages.iter().any(|s| s == word))
    {
        let what = if kind == word { "kind" } else { "stage" };
        return Some(format!(
            "{what} `{word}`\n\n`pipeline {kind}: {}`",
            stages.join(" -> ")
        ));
    }
    if let Some((_, doc)) = KEYWORDS.iter().find(|(k, _)| *k == word) {
        return Some(format!("`{word}`: {doc}"));
    }
    describe_field(server, doc, word)
}

/// A field path (`responsible.unit`, `acceptance.by`, `budget.yuan`): what
/// the record format says of its last part, or that it is an extra field.
fn describe_field(server: &Server, doc: &Doc, path: &str) -> Option<String> {
    let parts: Vec<&str> = path.split('.').collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.starts_with(|c: char| c.is_ascii_alphabetic()))
    {
        return None;
    }
    let stage = pipelines(server, doc)
        .into_iter()
        .find(|(_, stages)| stages.iter().any(|s| s == parts[0]));
    let schema: serde_json::Value =
        serde_json::from_str(crate::report::schema::RECORD_SCHEMA).ok()?;
    let last = parts[parts.len() - 1];
    let described = description(&schema, last).filter(|_| parts.len() > 1 || stage.is_none());
    let mut out = format!("field `{path}`");
    if let Some((kind, _)) = &stage {
        out.push_str(&format!(" (stage `{}` of `{kind}` records)", parts[0]));
    }
    match described {
        Some(text) => out.push_str(&format!(": {text}")),
        None if stage.is_none() => out.push_str(
            ": not a field the record format defines; rules read it from the record by its path (an extra field)",
        ),
        None => {}
    }
    Some(out)
}

/// The description of property `name` anywhere in the record schema.
fn description<'a>(schema: &'a serde_json::Value, name: &str) -> Option<&'a str> {
    match schema {
        serde_json::Value::Object(map) => {
            let own = map
                .get("properties")
                .and_then(|p| p.get(name))
                .and_then(|p| p.get("description"))
                .and_then(serde_json::Value::as_str);
            own.or_else(|| map.values().find_map(|v| description(v, name)))
        }
        serde_json::Value::Array(items) => items.iter().find_map(|v| description(v, name)),
        _ => None,
    }
}

fn describe_rule(text: &str, rule: &ast::Rule, lang: crate::i18n::Lang) -> String {
    let mut out = format!("rule `{}`", rule.id.value);
    if let Some(title) = rule.title_in(lang) {
        out.push_str(&format!(": **{title}**"));
    }
    out.push_str(&format!(
        "\n\nfor `{}`, severity {}",
        rule.kind.value,
        rule.severity.value.as_str()
    ));
    if let Some(p) = &rule.penalty {
        out.push_str(&format!("\n\npenalty: {}", syntax::fmt::penalty(text, p)));
    }
    if let Some(cite) = &rule.cite {
        out.push_str(&format!("\n\ncite: {}", cite.value));
    }
    if let Some(help) = rule.help_in(lang) {
        out.push_str(&format!("\n\nhelp: {help}"));
    }
    out
}

/// Every pipeline the buffer and the project's rule set declare: `(kind, stages)`.
fn pipelines(server: &Server, doc: &Doc) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    if let Ok(file) = syntax::parse(&doc.text) {
        for (kind, stages, _) in declared(&file) {
            out.push((
                kind.value.clone(),
                stages.iter().map(|s| s.value.clone()).collect(),
            ));
        }
    }
    if let Some(plan) = server.workspace.plan() {
        for k in &plan.kinds {
            if !out.iter().any(|(kind, _)| *kind == k.name) {
                out.push((k.name.clone(), k.stages.clone()));
            }
        }
    }
    out
}

/// The pipeline declarations of a parsed file.
fn declared(file: &ast::File) -> impl Iterator<Item = (&ast::Ident, &[ast::Ident], ())> {
    file.rulesets
        .iter()
        .flat_map(|r| &r.decls)
        .filter_map(|d| match d {
            ast::Decl::Pipeline { kind, stages, .. } => Some((kind, stages.as_slice(), ())),
            _ => None,
        })
}

/// A stage or kind name to where its `pipeline` declares it: in this
/// buffer, else in the project's other rule files.
pub(super) fn definition(server: &Server, doc: &Doc, offset: usize) -> Option<Location> {
    let (word, _) = doc.word_at(offset)?;
    let find = |file: &ast::File| {
        declared(file).find_map(|(kind, stages, ())| {
            std::iter::once(kind)
                .chain(stages)
                .find(|i| i.value == word)
                .map(|i| i.span)
        })
    };
    if let Some(span) = syntax::parse(&doc.text).ok().as_ref().and_then(find) {
        return Some(Location::new(
            doc.uri.clone(),
            doc.range(span, server.encoding),
        ));
    }
    server.workspace.rules().files.iter().find_map(|f| {
        let file = syntax::parse(f.text.as_deref()?).ok()?;
        diagnostics::location(server, f, find(&file)?)
    })
}

/// Completions for what the line so far asks for.
pub(super) fn completion(server: &Server, doc: &Doc, offset: usize) -> Vec<CompletionItem> {
    let line_start = doc.text[..offset.min(doc.text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let before = doc.text.get(line_start..offset).unwrap_or("");
    let words: Vec<&str> = before.split_whitespace().collect();
    // The word being typed is not context.
    let typing = !before.ends_with(char::is_whitespace);
    let previous = match typing {
        true => words.len().checked_sub(2).and_then(|i| words.get(i)),
        false => words.last(),
    };
    let item = |label: &str, kind, detail: &str| CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: Some(detail.to_string()).filter(|d| !d.is_empty()),
        ..CompletionItem::default()
    };
    let pipelines = pipelines(server, doc);
    match previous.copied() {
        Some("for") => pipelines
            .iter()
            .map(|(kind, _)| item(kind, CompletionItemKind::CLASS, "kind"))
            .collect(),
        Some("severity") => SEVERITIES
            .iter()
            .map(|s| item(s, CompletionItemKind::ENUM_MEMBER, "severity"))
            .collect(),
        Some("per") if words.first() == Some(&"per") => GROUPS
            .iter()
            .map(|g| item(g, CompletionItemKind::ENUM_MEMBER, "group by"))
            .collect(),
        Some(n) if n.chars().all(|c| c.is_ascii_digit()) => DURATION_UNITS
            .iter()
            .map(|u| item(u, CompletionItemKind::UNIT, "duration"))
            .collect(),
        _ => {
            let mut items: Vec<CompletionItem> = KEYWORDS
                .iter()
                .map(|(k, d)| item(k, CompletionItemKind::KEYWORD, d))
                .collect();
            for (kind, stages) in &pipelines {
                let detail = format!("stage of `{kind}`");
                items.extend(
                    stages
                        .iter()
                        .map(|s| item(s, CompletionItemKind::ENUM_MEMBER, &detail)),
                );
            }
            items.extend(field_paths().map(|f| item(&f, CompletionItemKind::FIELD, "field")));
            items
        }
    }
}

/// The record fields a rule can name, with the parts of a stage and of the
/// responsible unit.
fn field_paths() -> impl Iterator<Item = String> {
    const PARTS: [&str; 2] = ["responsible.unit", "responsible.lead"];
    crate::model::FIELDS
        .iter()
        .map(|f| f.to_string())
        .chain(PARTS.iter().map(|p| p.to_string()))
}

/// What `rectify fmt` prints, as one edit; an error when `fmt` would refuse.
pub(super) fn format(
    doc: &Doc,
    encoding: Encoding,
    words: &crate::i18n::Catalogue,
) -> Result<Vec<TextEdit>, (i32, String)> {
    match syntax::fmt::format(&doc.text) {
        Ok(formatted) if formatted == doc.text => Ok(Vec::new()),
        Ok(formatted) => {
            let whole = doc.range(crate::source::Span::new(0, doc.text.len()), encoding);
            Ok(vec![TextEdit::new(whole, formatted)])
        }
        Err(errors) => {
            let message = match errors.into_iter().next() {
                Some(e) => crate::diag::Message::new("rules-fmt-refused").said("reason", e.message),
                None => crate::diag::Message::new("rules-fmt-refused.no-reason"),
            };
            Err((
                lsp_server::ErrorCode::RequestFailed as i32,
                message.say(words),
            ))
        }
    }
}

/// Rulesets and rules, in file order.
pub(super) fn symbols(
    doc: &Doc,
    encoding: Encoding,
    lang: crate::i18n::Lang,
) -> Vec<DocumentSymbol> {
    let Ok(file) = syntax::parse(&doc.text) else {
        return Vec::new();
    };
    #[allow(deprecated)] // `deprecated` is a field the type still requires
    let symbol = |name: &str, detail: Option<String>, kind, span, at| DocumentSymbol {
        name: name.to_string(),
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: doc.range(span, encoding),
        selection_range: doc.range(at, encoding),
        children: None,
    };
    let rulesets = file.rulesets.iter().map(|r| {
        symbol(
            &r.name.value,
            None,
            SymbolKind::NAMESPACE,
            r.span,
            r.name.span,
        )
    });
    let rules = file.rules.iter().map(|r| {
        let title = r.title_in(lang).map(str::to_string);
        symbol(&r.id.value, title, SymbolKind::FUNCTION, r.span, r.id.span)
    });
    rulesets.chain(rules).collect()
}
