//! The diagnostics of one open document, as `check` (record files) and
//! `rules check` (rule files) report them, at the same places; and the
//! did-you-mean fixes they carry, offered as code actions.

use std::collections::HashMap;
use std::path::Path;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Diagnostic,
    DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, TextEdit,
    WorkspaceEdit,
};
use serde_json::json;

use crate::diag::Severity;
use crate::outcome::{Finding, InputError, Origin, SourceFile};
use crate::run::workspace;
use crate::source::Span;

use super::text::Doc;
use super::{Kind, Server, kind_of, uri_of};

/// Everything to show in `doc`.
pub(super) fn of(server: &Server, path: &Path, doc: &Doc) -> Vec<Diagnostic> {
    let name = path.display().to_string();
    match kind_of(path) {
        Kind::Rules => rule_file(server, &name, doc),
        Kind::Records => record_file(server, &name, doc),
        Kind::Other => Vec::new(),
    }
}

fn record_file(server: &Server, name: &str, doc: &Doc) -> Vec<Diagnostic> {
    let outcome = &server.outcome;
    let at = At { server, doc };
    if server.workspace.plan().is_none() {
        if !server.workspace.has(Path::new(name)) {
            return Vec::new();
        }
        let mut note = InputError::new(
            "rules::not-checked",
            Severity::Info,
            "rules-not-checked",
            Origin::Record,
            None,
        );
        note.help = Some("rules-not-checked.help".into());
        return vec![at.input_error(&note)];
    }
    let Some(file) = workspace::file_index(outcome, name) else {
        return Vec::new();
    };
    let mut out: Vec<Diagnostic> = workspace::file_errors(outcome, file)
        .map(|e| at.input_error(e))
        .collect();
    out.extend(at.findings(Origin::Record, file));
    out
}

fn rule_file(server: &Server, name: &str, doc: &Doc) -> Vec<Diagnostic> {
    let at = At { server, doc };
    let loaded = server.workspace.rules();
    let Some(file) = loaded.files.iter().position(|f| f.name == name) else {
        return unlisted_rule_file(server, name, doc);
    };
    let mut out: Vec<Diagnostic> = rule_errors(server, loaded, file)
        .iter()
        .map(|e| at.input_error(e))
        .collect();
    // Group rules' findings are located at the rule.
    out.extend(at.findings(Origin::Rule, file));
    out
}

/// A rule file the project's rule set does not hold (yet): a new file in
/// a rule folder is checked with the rest of the set, as it will be once
/// saved; a file elsewhere on its own.
fn unlisted_rule_file(server: &Server, name: &str, doc: &Doc) -> Vec<Diagnostic> {
    let at = At { server, doc };
    let path = Path::new(name);
    let folders = &server.workspace.options().rules;
    let mut paths: Vec<std::path::PathBuf> = folders
        .iter()
        .filter(|f| path.starts_with(super::plain(f)))
        .cloned()
        .collect();
    if paths.is_empty() || !path.exists() {
        paths.push(path.to_path_buf());
    }
    let loaded = crate::load::rules_with(&paths, &super::overlay(&server.docs));
    let Some(file) = loaded.files.iter().position(|f| Path::new(&f.name) == path) else {
        return Vec::new();
    };
    rule_errors(server, &loaded, file)
        .iter()
        .map(|e| at.input_error(e))
        .collect()
}

/// The errors and warnings `rules check` gives about rule file `file` of `loaded`.
fn rule_errors(server: &Server, loaded: &crate::load::Rules, file: usize) -> Vec<InputError> {
    let mut errors = loaded.errors.clone();
    errors.extend(crate::load::warnings(loaded));
    if let Some(calendar) = loaded.plan.as_ref().and_then(|p| p.calendar.as_ref()) {
        let as_of = server.workspace.options().as_of;
        let near = crate::run::calendar_edge::near_end(&loaded.files, calendar, as_of);
        errors.extend(near);
    }
    let here = |e: &InputError| e.origin == Origin::Rule && e.place.is_some_and(|p| p.file == file);
    errors.retain(here);
    errors
}

/// Converts rectify's diagnostics to the protocol's, in one document.
struct At<'a> {
    server: &'a Server,
    doc: &'a Doc,
}

impl At<'_> {
    /// The findings located in file `file` of the `origin` list.
    fn findings(&self, origin: Origin, file: usize) -> Vec<Diagnostic> {
        let here = |f: &&Finding| f.origin == origin && f.file == file;
        let findings = self.server.outcome.findings.iter().filter(here);
        findings.map(|f| self.finding(f)).collect()
    }

    fn range(&self, span: Span) -> lsp_types::Range {
        self.doc.range(span, self.server.encoding)
    }

    fn finding(&self, f: &Finding) -> Diagnostic {
        let outcome = &self.server.outcome;
        let rule = outcome.rules.get(f.rule);
        let span = f.labels.first().map_or(Span::default(), |l| l.span);
        let words = self.server.lang.catalogue();
        let mut message = f.message(words);
        if let Some(note) = f.note(words) {
            let id = match f.severity {
                crate::diag::Severity::Commendation => "help-reward",
                _ => "help-penalty",
            };
            let shown = crate::i18n::Args::new().text("shown", note);
            message.push_str(&format!("\n{}", words.format(id, &shown)));
        }
        if f.waived {
            let said = match f.waiver_note(words) {
                Some(note) => words.format(
                    "lsp-waived-note",
                    &crate::i18n::Args::new().text("note", note),
                ),
                None => words.text("lsp-waived"),
            };
            message.push_str(&format!("\n{said}"));
        }
        let labels = f.labels_in(words);
        let mut related = self.labels(&labels[labels.len().min(1)..]);
        if let Some(rule) = rule {
            let title = rule.title_in(self.server.lang).unwrap_or("rule");
            let file = outcome.rule_files.get(rule.place.file);
            related.extend(self.elsewhere(file, rule.place.span, format!("rule: {title}")));
        }
        Diagnostic {
            range: self.range(span),
            severity: Some(if f.waived {
                DiagnosticSeverity::HINT
            } else {
                severity(f.severity)
            }),
            code: rule.map(|r| NumberOrString::String(r.id.clone())),
            source: Some("rectify".into()),
            message,
            related_information: Some(related).filter(|r| !r.is_empty()),
            ..Diagnostic::default()
        }
    }

    fn input_error(&self, e: &InputError) -> Diagnostic {
        let span = e.place.map_or(Span::default(), |p| p.span);
        let words = self.server.lang.catalogue();
        let mut message = e.message.say(words);
        if let Some(help) = &e.help {
            message.push_str(&format!("\nhelp: {}", help.say(words)));
        }
        let labels: Vec<crate::outcome::Label> = e
            .labels
            .iter()
            .map(|(span, text)| crate::outcome::Label {
                span: *span,
                text: text.say(words),
            })
            .collect();
        let mut related = self.labels(&labels);
        for (origin, place, text) in &e.related {
            let outcome = &self.server.outcome;
            let file = match origin {
                Origin::Record => outcome.files.get(place.file),
                Origin::Rule => self.server.workspace.rules().files.get(place.file),
            };
            related.extend(self.elsewhere(file, place.span, text.say(words)));
        }
        // The suggestion is read from the help's arguments, so it is the
        // same whatever language the message is shown in.
        let fix = e
            .help
            .as_ref()
            .and_then(|h| h.suggestion().map(str::to_string));
        Diagnostic {
            range: self.range(span),
            severity: Some(severity(e.severity)),
            code: Some(NumberOrString::String(e.code.clone())),
            source: Some("rectify".into()),
            message,
            related_information: Some(related).filter(|r| !r.is_empty()),
            data: fix.map(|fix| json!({ "replace": fix })),
            ..Diagnostic::default()
        }
    }

    /// Labels in this document.
    fn labels(&self, labels: &[crate::outcome::Label]) -> Vec<DiagnosticRelatedInformation> {
        labels
            .iter()
            .filter(|l| !l.text.is_empty())
            .map(|l| DiagnosticRelatedInformation {
                location: Location::new(self.doc.uri.clone(), self.range(l.span)),
                message: l.text.clone(),
            })
            .collect()
    }

    /// A place in another file on disk (none for the bundled rule set).
    fn elsewhere(
        &self,
        file: Option<&SourceFile>,
        span: Span,
        message: String,
    ) -> Option<DiagnosticRelatedInformation> {
        let file = file.filter(|f| f.on_disk())?;
        let location = location(self.server, file, span)?;
        Some(DiagnosticRelatedInformation { location, message })
    }
}

/// Where `span` of `file` is, in the open document when it is open (its
/// text may differ from the disk's), else in the file's kept text.
pub(super) fn location(server: &Server, file: &SourceFile, span: Span) -> Option<Location> {
    let path = Path::new(&file.name);
    if let Some(doc) = server.docs.get(path) {
        return Some(Location::new(
            doc.uri.clone(),
            doc.range(span, server.encoding),
        ));
    }
    let text = file.text.as_deref()?;
    let uri = uri_of(&server.root.join(path))?;
    let doc = Doc::new(uri.clone(), text.to_string(), 0);
    Some(Location::new(uri, doc.range(span, server.encoding)))
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        // A commendation is good news, never a problem to fix.
        Severity::Commendation => DiagnosticSeverity::HINT,
    }
}

/// The did-you-mean fixes of the diagnostics the client sends back.
// `WorkspaceEdit` is keyed by `Uri`, whose inner cell only caches parsing.
#[allow(clippy::mutable_key_type)]
pub(super) fn actions(params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
    params
        .context
        .diagnostics
        .iter()
        .filter_map(|d| {
            let fix = d.data.as_ref()?.get("replace")?.as_str()?;
            let edit = TextEdit::new(d.range, fix.to_string());
            let changes = HashMap::from([(params.text_document.uri.clone(), vec![edit])]);
            Some(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("replace with `{fix}`"),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![d.clone()]),
                edit: Some(WorkspaceEdit::new(changes)),
                is_preferred: Some(true),
                ..CodeAction::default()
            }))
        })
        .collect()
}
