//! Record files: inlay hints (each stage's due date, the deadline an
//! extension moves), hover (the `explain` derivation of a finding or of the
//! deadlines on a stage), go to definition (a finding's or a waiver's rule)
//! and completion (field names, stage names, status values).

use std::path::Path;

use jiff::civil::Date;
use lsp_types::{
    CompletionItem, CompletionItemKind, Hover, HoverContents, InlayHint, InlayHintLabel, Location,
    MarkupContent, MarkupKind, Range,
};

use crate::eval::{self, Plan};
use crate::model::{self, Record};
use crate::outcome::Origin;
use crate::report::neutral;
use crate::run::workspace;
use crate::source::Span;

use super::text::Doc;
use super::{Server, diagnostics};

/// The records of the buffer as it stands.
fn records(server: &Server, doc: &Doc) -> Vec<Record> {
    let Some(schema) = server.workspace.schema() else {
        return Vec::new();
    };
    model::load(&doc.text, schema, &crate::yaml::Limits::default()).records
}

fn contains(span: Span, offset: usize) -> bool {
    (span.start as usize..=span.end as usize).contains(&offset)
}

/// `due …` after each stage date, `effective …` after a moved deadline.
pub(super) fn inlay_hints(server: &Server, doc: &Doc, range: Range) -> Vec<InlayHint> {
    let Some(plan) = server.workspace.plan() else {
        return Vec::new();
    };
    let as_of = server.workspace.options().as_of;
    let (from, to) = (
        doc.offset(range.start, server.encoding),
        doc.offset(range.end, server.encoding),
    );
    let hint = |at: Span, label: String| InlayHint {
        position: doc.position(at.end as usize, server.encoding),
        label: InlayHintLabel::String(label),
        kind: None,
        text_edits: None,
        tooltip: None,
        padding_left: Some(true),
        padding_right: None,
        data: None,
    };
    let mut hints = Vec::new();
    for record in records(server, doc) {
        if record.span.end as usize <= from || record.span.start as usize >= to {
            continue;
        }
        let known = record.known_on(as_of);
        let judged = known.as_ref().unwrap_or(&record);
        for (stage, due) in stage_dues(plan, &record, judged, as_of) {
            hints.push(hint(stage.date.span, format!("due {due}")));
        }
        if let Some((moved, i)) = moved_deadline(&record, judged) {
            let label = format!("effective {moved} (extension {})", i + 1);
            hints.extend(record.deadline.as_ref().map(|d| hint(d.span, label)));
        }
    }
    hints.sort_by_key(|h| (h.position.line, h.position.character));
    hints
}

/// Each recorded stage with the due date the rules give it.
fn stage_dues<'r>(
    plan: &Plan,
    record: &'r Record,
    judged: &Record,
    as_of: Date,
) -> Vec<(&'r model::Stage, Date)> {
    let Some(kind) = plan.kinds.iter().find(|k| k.name == record.kind.value) else {
        return Vec::new();
    };
    record
        .stages
        .iter()
        .filter_map(|stage| {
            let index = kind.stages.iter().position(|s| *s == stage.name.value)?;
            let due = eval::check::stage_due(plan, judged, as_of, index)?;
            Some((stage, due))
        })
        .collect()
}

/// The deadline in force when an approved extension moves it, and which.
fn moved_deadline(record: &Record, judged: &Record) -> Option<(Date, usize)> {
    let own = record.deadline.as_ref()?.value;
    let (i, extension) = eval::value::effective_extension(judged)?;
    let to = extension.to.as_ref()?.value;
    (to != own).then_some((to, i))
}

/// The rules a hover or a definition at `offset` is about: those of the
/// findings located there, else those with a deadline on the stage there.
fn rules_at(server: &Server, path: &Path, record: &Record, offset: usize) -> Vec<usize> {
    let outcome = &server.outcome;
    let mut rules: Vec<usize> = Vec::new();
    if let Some(file) = workspace::file_index(outcome, &path.display().to_string()) {
        let here = outcome.findings.iter().filter(|f| {
            f.origin == Origin::Record
                && f.file == file
                && f.record == record.id.value
                && f.labels.first().is_some_and(|l| contains(l.span, offset))
        });
        rules.extend(here.map(|f| f.rule));
    }
    if !rules.is_empty() {
        return rules;
    }
    let Some(plan) = server.workspace.plan() else {
        return rules;
    };
    let Some(stage) = record.stages.iter().find(|s| contains(s.span, offset)) else {
        return rules;
    };
    let Some(k) = plan.kinds.iter().position(|k| k.name == record.kind.value) else {
        return rules;
    };
    let index = plan.kinds[k]
        .stages
        .iter()
        .position(|s| *s == stage.name.value);
    let on_stage = |r: &eval::plan::Rule| {
        r.kind == k && r.requires.iter().any(|c| c.kind.deadline_stage() == index)
    };
    plan.rules
        .iter()
        .enumerate()
        .filter(|(_, r)| index.is_some() && on_stage(r))
        .map(|(i, _)| i)
        .collect()
}

/// The `explain` derivation of each rule the cursor is on.
pub(super) fn hover(server: &Server, path: &Path, doc: &Doc, offset: usize) -> Option<Hover> {
    let plan = server.workspace.plan()?;
    let as_of = server.workspace.options().as_of;
    let record = records(server, doc)
        .into_iter()
        .find(|r| contains(r.span, offset))?;
    let mut sections = Vec::new();
    for index in rules_at(server, path, &record, offset) {
        let words = server.lang.catalogue();
        let Some(explanation) = eval::explain::explain(plan, &record, index, as_of, words) else {
            continue;
        };
        let rule = &plan.rules[index];
        let title = rule
            .title_in(server.lang)
            .map_or_else(String::new, |t| format!(": {}", neutral::markdown(t)));
        sections.push(format!(
            "**{}**{title}\n\n{}",
            neutral::markdown(&rule.id),
            fenced(&explanation.steps)
        ));
    }
    if sections.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: None,
    })
}

/// Steps as a fenced text block (their indentation kept), fenced with more
/// backticks than any run in them so record text cannot close it.
fn fenced(steps: &[String]) -> String {
    let body: Vec<String> = steps
        .iter()
        .map(|s| neutral::text(s).into_owned())
        .collect();
    let body = body.join("\n");
    let longest = body.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}text\n{body}\n{fence}")
}

/// A waiver's `rule:`, or a finding's place, to the rule.
pub(super) fn definition(
    server: &Server,
    path: &Path,
    doc: &Doc,
    offset: usize,
) -> Option<Location> {
    let record = records(server, doc)
        .into_iter()
        .find(|r| contains(r.span, offset))?;
    let waived = record
        .waivers
        .iter()
        .filter_map(|w| w.rule.as_ref())
        .find(|r| contains(r.span, offset));
    let rule = match waived {
        Some(id) => server.outcome.rules.iter().find(|r| r.id == id.value)?,
        None => {
            let index = *rules_at(server, path, &record, offset).first()?;
            server.outcome.rules.get(index)?
        }
    };
    let file = server.outcome.rule_files.get(rule.place.file)?;
    diagnostics::location(server, file.on_disk().then_some(file)?, rule.place.span)
}

const STAGE_FIELDS: &[&str] = &["date", "end", "by", "evidence", "note"];
const EXTENSION_FIELDS: &[&str] = &["to", "approved_by", "approved_on", "reason"];
const WAIVER_FIELDS: &[&str] = &["rule", "reason", "until", "approved_by"];

/// Field names, stage names, status values, kinds and rule ids, as the
/// line and the key it sits under ask.
pub(super) fn completion(server: &Server, doc: &Doc, offset: usize) -> Vec<CompletionItem> {
    let offset = offset.min(doc.text.len());
    let line_start = doc.text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = doc.text.get(line_start..offset).unwrap_or("");
    let item = |label: &str, kind, detail: &str| CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: Some(detail.to_string()),
        ..CompletionItem::default()
    };
    let key = before.trim_start().trim_start_matches("- ");
    let plan = server.workspace.plan();
    if let Some(value_of) = key.split_once(':').map(|(k, _)| k.trim()) {
        return match value_of {
            "status" => model::STATUSES
                .iter()
                .map(|(s, _)| item(s, CompletionItemKind::ENUM_MEMBER, "status"))
                .collect(),
            "kind" => plan
                .iter()
                .flat_map(|p| &p.kinds)
                .map(|k| item(&k.name, CompletionItemKind::CLASS, "kind"))
                .collect(),
            "rule" => server
                .outcome
                .rules
                .iter()
                .map(|r| item(&r.id, CompletionItemKind::REFERENCE, "rule"))
                .collect(),
            _ => Vec::new(),
        };
    }
    let indent = before.len() - before.trim_start_matches([' ', '-']).len();
    match parent_key(&doc.text[..line_start], indent).as_deref() {
        Some("stages") => plan
            .iter()
            .flat_map(|p| &p.kinds)
            .flat_map(|k| k.stages.iter().map(move |s| (s, &k.name)))
            .map(|(s, kind)| {
                item(
                    s,
                    CompletionItemKind::ENUM_MEMBER,
                    &format!("stage of `{kind}`"),
                )
            })
            .collect(),
        Some("extensions") => fields(EXTENSION_FIELDS, "extension"),
        Some("waivers") => fields(WAIVER_FIELDS, "waiver"),
        Some("responsible") => fields(&["unit", "lead"], "responsible"),
        Some(parent)
            if plan
                .is_some_and(|p| p.kinds.iter().any(|k| k.stages.iter().any(|s| s == parent))) =>
        {
            fields(STAGE_FIELDS, "stage")
        }
        _ => fields(&model::FIELDS, "record field"),
    }
}

fn fields(names: &[&str], detail: &str) -> Vec<CompletionItem> {
    names
        .iter()
        .map(|n| CompletionItem {
            label: n.to_string(),
            kind: Some(CompletionItemKind::FIELD),
            detail: Some(detail.to_string()),
            ..CompletionItem::default()
        })
        .collect()
}

/// The key of the nearest line above indented less than `indent`.
fn parent_key(above: &str, indent: usize) -> Option<String> {
    above.lines().rev().find_map(|line| {
        let content = line.trim_start_matches([' ', '-']);
        if content.is_empty() || content.starts_with('#') {
            return None;
        }
        let own = line.len() - content.len();
        if own >= indent {
            return None;
        }
        Some(content.split(':').next()?.trim().to_string())
    })
}
