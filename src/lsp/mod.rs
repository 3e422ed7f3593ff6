//! `rectify lsp`: a language server for rule files (`.rules`) and record
//! files (YAML), over stdio with rust-analyzer's `lsp-server`.
//!
//! - [`text`]: open documents and positions (UTF-8 or UTF-16, as negotiated).
//! - [`diagnostics`]: what `rules check` and `check` report, per open file.
//! - [`rules`]: hover, definition, completion, formatting and symbols in rule files.
//! - [`records`]: inlay hints (due dates), hover (the `explain` derivation),
//!   definition and completion in record files.
//!
//! The server keeps a [`Workspace`]: the project's rules compiled once and
//! every record file evaluated once; an edit to a record file re-evaluates
//! that file alone and merges again, so group rules count the whole
//! workspace; an edit to a rule file reloads the rules and re-checks every
//! record file. Open buffers take the place of the files on disk.
//!
//! Owns: the protocol. Must not: print anything but the protocol on
//! stdout, read the clock (the evaluation date is given), or exit.

mod diagnostics;
mod records;
mod rules;
pub mod text;

use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, HoverProviderCapability, InitializeParams,
    InitializeResult, OneOf, PositionEncodingKind, PublishDiagnosticsParams, ServerCapabilities,
    ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind, Uri,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::i18n::Lang;
use crate::outcome::Outcome;
use crate::run::Options;
use crate::run::workspace::Workspace;

use text::{Doc, Encoding};

/// Serve on stdin and stdout until the client says `exit`. `options` gives
/// the options `check` would use (project root, rules, records, evaluation
/// date) for the editor's workspace folder, when the client names one,
/// and the language findings are said in.
pub fn serve(options: impl FnOnce(Option<PathBuf>) -> (Options, Lang)) -> Result<(), String> {
    let (connection, threads) = Connection::stdio();
    serve_on(connection, options)?;
    threads
        .join()
        .map_err(|e| format!("the connection failed: {e}"))
}

/// Serve on a connection (stdio, or in memory for tests).
pub fn serve_on(
    connection: Connection,
    options: impl FnOnce(Option<PathBuf>) -> (Options, Lang),
) -> Result<(), String> {
    let protocol = |e: lsp_server::ProtocolError| format!("protocol error: {e}");
    let (id, params) = connection.initialize_start().map_err(|e| {
        format!("the client sent no `initialize` request ({e}); editors start `rectify lsp` and speak to it over stdin and stdout")
    })?;
    let init: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let (options, lang) = options(workspace_folder(&init));
    let encoding = negotiate(&init);
    let result = InitializeResult {
        capabilities: capabilities(encoding),
        server_info: Some(ServerInfo {
            name: "rectify".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    let result = serde_json::to_value(result).map_err(|e| e.to_string())?;
    connection.initialize_finish(id, result).map_err(protocol)?;
    if watches(&init) {
        send_watch_request(&connection)?;
    }
    let mut server = Server::new(options, encoding, lang);
    let send = |message: Message| {
        connection
            .sender
            .send(message)
            .map_err(|e| format!("cannot send: {e}"))
    };
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request).map_err(protocol)? {
                    return Ok(());
                }
                send(Message::Response(server.request(request)))?;
            }
            Message::Notification(notification) => {
                for published in server.notify(notification) {
                    send(Message::Notification(published))?;
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

/// The editor's workspace folder: the first of `workspaceFolders`, else
/// the older `rootUri`; `None` when the client names neither.
#[allow(deprecated)] // `rootUri`: older clients send only that.
fn workspace_folder(init: &InitializeParams) -> Option<PathBuf> {
    let folders = init.workspace_folders.as_deref().unwrap_or_default();
    let uri = folders.first().map(|f| &f.uri).or(init.root_uri.as_ref())?;
    path_of(uri)
}

/// Whether the client can watch files for the server (dynamic registration).
fn watches(init: &InitializeParams) -> bool {
    let workspace = init.capabilities.workspace.as_ref();
    let watched = workspace.and_then(|w| w.did_change_watched_files.as_ref());
    watched.and_then(|w| w.dynamic_registration) == Some(true)
}

/// Ask the client to say when a record, rule or config file changes on
/// disk (a `git checkout`, another program), so those are read again.
fn send_watch_request(connection: &Connection) -> Result<(), String> {
    let options = lsp_types::DidChangeWatchedFilesRegistrationOptions {
        watchers: vec![lsp_types::FileSystemWatcher {
            glob_pattern: lsp_types::GlobPattern::String("**/*.{yaml,yml,rules}".into()),
            kind: None,
        }],
    };
    let params = lsp_types::RegistrationParams {
        registrations: vec![lsp_types::Registration {
            id: "rectify-files".into(),
            method: note::DidChangeWatchedFiles::METHOD.into(),
            register_options: serde_json::to_value(options).ok(),
        }],
    };
    let request = Request::new(
        lsp_server::RequestId::from("rectify-watch".to_string()),
        req::RegisterCapability::METHOD.into(),
        params,
    );
    connection
        .sender
        .send(Message::Request(request))
        .map_err(|e| format!("cannot send: {e}"))
}

/// UTF-8 when the client offers it (no conversion needed), else UTF-16,
/// which every client understands.
fn negotiate(init: &InitializeParams) -> Encoding {
    let offered = init
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(list) if list.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
        _ => Encoding::Utf16,
    }
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(
            TextDocumentSyncKind::INCREMENTAL,
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![".".into(), ":".into(), " ".into()]),
            ..CompletionOptions::default()
        }),
        document_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        inlay_hint_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    }
}

/// The files a notification changed, and the documents it closed.
#[derive(Default)]
struct Changed {
    paths: Vec<PathBuf>,
    closed: Vec<Uri>,
}

/// What a request handler gives: a result, or an error code and message.
type Reply = Result<Value, (i32, String)>;

/// Which kind of file a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Rules,
    Records,
    Other,
}

fn kind_of(path: &Path) -> Kind {
    match path.extension().and_then(|e| e.to_str()) {
        Some("rules") => Kind::Rules,
        Some("yaml" | "yml") => Kind::Records,
        _ => Kind::Other,
    }
}

struct Server {
    workspace: Workspace,
    /// Absolute.
    root: PathBuf,
    /// Open documents by path relative to the root (as the walk names files).
    docs: HashMap<PathBuf, Doc>,
    encoding: Encoding,
    /// The check of the whole workspace as it stands, merged after each change.
    outcome: Outcome,
    /// The language findings are said in (`--lang`'s resolution, as `check`).
    lang: Lang,
}

impl Server {
    fn new(options: Options, encoding: Encoding, lang: Lang) -> Server {
        // The project root as `cli` found it (absolute): the server itself
        // never asks the process where it is.
        let root = options.root.clone();
        let workspace = Workspace::open(options, &|_| None);
        let outcome = workspace.outcome();
        Server {
            workspace,
            root,
            docs: HashMap::new(),
            encoding,
            outcome,
            lang,
        }
    }

    fn request(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        match panic::catch_unwind(AssertUnwindSafe(|| self.handle(&request))) {
            Ok(Ok(value)) => Response::new_ok(id, value),
            Ok(Err((code, message))) => Response::new_err(id, code, message),
            Err(_) => Response::new_err(
                id,
                ErrorCode::InternalError as i32,
                format!("rectify failed on `{}`; please report it", request.method),
            ),
        }
    }

    fn handle(&self, request: &Request) -> Reply {
        match request.method.as_str() {
            req::HoverRequest::METHOD => {
                let p: lsp_types::HoverParams = params(request)?;
                let (path, doc, offset) = self.at(&p.text_document_position_params)?;
                reply(match kind_of(&path) {
                    Kind::Rules => rules::hover(self, doc, offset),
                    Kind::Records => records::hover(self, &path, doc, offset),
                    Kind::Other => None,
                })
            }
            req::GotoDefinition::METHOD => {
                let p: lsp_types::GotoDefinitionParams = params(request)?;
                let (path, doc, offset) = self.at(&p.text_document_position_params)?;
                reply(match kind_of(&path) {
                    Kind::Rules => rules::definition(self, doc, offset),
                    Kind::Records => records::definition(self, &path, doc, offset),
                    Kind::Other => None,
                })
            }
            req::Completion::METHOD => {
                let p: lsp_types::CompletionParams = params(request)?;
                let (path, doc, offset) = self.at(&p.text_document_position)?;
                reply(match kind_of(&path) {
                    Kind::Rules => Some(rules::completion(self, doc, offset)),
                    Kind::Records => Some(records::completion(self, doc, offset)),
                    Kind::Other => None,
                })
            }
            req::Formatting::METHOD => {
                let p: lsp_types::DocumentFormattingParams = params(request)?;
                let (path, doc) = self.doc(&p.text_document.uri)?;
                match kind_of(&path) {
                    Kind::Rules => {
                        rules::format(doc, self.encoding, self.lang.catalogue()).and_then(reply)
                    }
                    _ => reply(None::<()>),
                }
            }
            req::CodeActionRequest::METHOD => {
                let p: lsp_types::CodeActionParams = params(request)?;
                reply(diagnostics::actions(&p))
            }
            req::DocumentSymbolRequest::METHOD => {
                let p: lsp_types::DocumentSymbolParams = params(request)?;
                let (path, doc) = self.doc(&p.text_document.uri)?;
                reply(match kind_of(&path) {
                    Kind::Rules => Some(rules::symbols(doc, self.encoding, self.lang)),
                    _ => None,
                })
            }
            req::InlayHintRequest::METHOD => {
                let p: lsp_types::InlayHintParams = params(request)?;
                let (path, doc) = self.doc(&p.text_document.uri)?;
                reply(match kind_of(&path) {
                    Kind::Records => Some(records::inlay_hints(self, doc, p.range)),
                    _ => None,
                })
            }
            method => Err((
                ErrorCode::MethodNotFound as i32,
                format!("`{method}` is not supported"),
            )),
        }
    }

    /// The open document `uri` names, and its path relative to the root.
    fn doc(&self, uri: &Uri) -> Result<(PathBuf, &Doc), (i32, String)> {
        let path = self.relative(uri).ok_or_else(|| not_open(uri))?;
        let doc = self.docs.get(&path).ok_or_else(|| not_open(uri))?;
        Ok((path, doc))
    }

    /// The document, its path and the byte offset a position names.
    fn at(
        &self,
        at: &lsp_types::TextDocumentPositionParams,
    ) -> Result<(PathBuf, &Doc, usize), (i32, String)> {
        let (path, doc) = self.doc(&at.text_document.uri)?;
        Ok((path, doc, doc.offset(at.position, self.encoding)))
    }

    /// Apply a notification; the diagnostics to publish.
    fn notify(&mut self, notification: Notification) -> Vec<Notification> {
        let applied = panic::catch_unwind(AssertUnwindSafe(|| {
            let changed = self.change(notification);
            for path in &changed.paths {
                self.reevaluate(path);
            }
            changed
        }));
        match applied {
            Ok(changed) if !changed.paths.is_empty() => self.publish_all(changed.closed),
            _ => Vec::new(),
        }
    }

    /// Update the documents; which files changed.
    fn change(&mut self, n: Notification) -> Changed {
        let mut changed = Changed::default();
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params)
                else {
                    return changed;
                };
                let doc = p.text_document;
                if let Some(path) = self.relative(&doc.uri) {
                    let opened = Doc::new(doc.uri, doc.text, doc.version);
                    self.docs.insert(path.clone(), opened);
                    changed.paths.push(path);
                }
            }
            note::DidChangeTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params)
                else {
                    return changed;
                };
                let path = self.relative(&p.text_document.uri);
                if let Some((path, doc)) =
                    path.and_then(|p| Some((p.clone(), self.docs.get_mut(&p)?)))
                {
                    for change in p.content_changes {
                        doc.apply(change, self.encoding);
                    }
                    doc.version = p.text_document.version;
                    changed.paths.push(path);
                }
            }
            note::DidCloseTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params)
                else {
                    return changed;
                };
                if let Some(path) = self.relative(&p.text_document.uri) {
                    if let Some(doc) = self.docs.remove(&path) {
                        changed.closed.push(doc.uri);
                        changed.paths.push(path);
                    }
                }
            }
            note::DidChangeWatchedFiles::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeWatchedFilesParams>(n.params)
                else {
                    return changed;
                };
                // An open buffer wins over its file on disk.
                let paths = p.changes.iter().filter_map(|e| self.relative(&e.uri));
                let on_disk: Vec<PathBuf> = paths.filter(|p| !self.docs.contains_key(p)).collect();
                changed.paths = on_disk;
            }
            _ => {}
        }
        changed
    }

    /// Evaluate again after `path` changed: the rules reloaded for a rule
    /// file; for a record file, that file alone from its buffer or its
    /// file, dropped when it is gone, and a new file on disk found by
    /// walking the record paths again.
    fn reevaluate(&mut self, path: &Path) {
        let overlay = overlay(&self.docs);
        match kind_of(path) {
            Kind::Rules => self.workspace.reload(&overlay),
            Kind::Records => {
                let text = self.docs.get(path).map(|d| d.text.as_str());
                let exists = self.root.join(path).is_file();
                match (self.workspace.has(path), text, exists) {
                    (true, Some(_), _) | (true, None, true) => self.workspace.update(path, text),
                    (true, None, false) => self.workspace.remove(path),
                    (false, None, true) => self.workspace.reload(&overlay),
                    // A new record file the editor has not saved yet.
                    (false, Some(_), false) if self.workspace.would_have(path) => {
                        self.workspace.update(path, text)
                    }
                    (false, ..) => {}
                }
            }
            Kind::Other => {}
        }
    }

    /// The diagnostics of every open document (a change to one file can
    /// change another's: duplicate ids, group rules), and empty ones for
    /// the documents just closed.
    fn publish_all(&mut self, closed: Vec<Uri>) -> Vec<Notification> {
        self.outcome = self.workspace.outcome();
        let mut published: Vec<Notification> = self
            .docs
            .iter()
            .map(|(path, doc)| publish(doc, diagnostics::of(self, path, doc)))
            .collect();
        published.extend(closed.into_iter().map(|uri| {
            Notification::new(
                note::PublishDiagnostics::METHOD.into(),
                PublishDiagnosticsParams::new(uri, Vec::new(), None),
            )
        }));
        published
    }

    /// `uri` as a path relative to the root (absolute when outside it).
    fn relative(&self, uri: &Uri) -> Option<PathBuf> {
        let path = path_of(uri)?;
        Some(plain(path.strip_prefix(&self.root).unwrap_or(&path)))
    }
}

fn publish(doc: &Doc, diagnostics: Vec<lsp_types::Diagnostic>) -> Notification {
    Notification::new(
        note::PublishDiagnostics::METHOD.into(),
        PublishDiagnosticsParams::new(doc.uri.clone(), diagnostics, Some(doc.version)),
    )
}

fn not_open(uri: &Uri) -> (i32, String) {
    (
        ErrorCode::InvalidParams as i32,
        format!("`{}` is not open", uri.as_str()),
    )
}

fn params<P: DeserializeOwned>(request: &Request) -> Result<P, (i32, String)> {
    serde_json::from_value(request.params.clone()).map_err(|e| {
        (
            ErrorCode::InvalidParams as i32,
            format!("invalid parameters for `{}`: {e}", request.method),
        )
    })
}

fn reply(value: impl Serialize) -> Reply {
    serde_json::to_value(value).map_err(|e| (ErrorCode::InternalError as i32, e.to_string()))
}

/// The open documents' texts in place of their files.
fn overlay(docs: &HashMap<PathBuf, Doc>) -> impl Fn(&Path) -> Option<Arc<str>> + '_ {
    |p: &Path| docs.get(&plain(p)).map(|d| Arc::from(d.text.as_str()))
}

/// A path without `.` components, as the walk names files.
fn plain(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| *c != Component::CurDir)
        .collect()
}

/// The local path of a `file:` URI, percent-decoded.
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file://host/path`: only the local host (empty or `localhost`).
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let mut bytes = Vec::with_capacity(rest.len());
    let mut input = rest.bytes();
    while let Some(b) = input.next() {
        if b == b'%' {
            let hex = [input.next()?, input.next()?];
            let hex = std::str::from_utf8(&hex).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
        } else {
            bytes.push(b);
        }
    }
    let path = String::from_utf8(bytes).ok()?;
    // Windows: `file:///C:/dir` is `C:/dir`.
    let path = match path.as_bytes() {
        [b'/', drive, b':', ..] if drive.is_ascii_alphabetic() => path[1..].to_string(),
        _ => path,
    };
    Some(PathBuf::from(path))
}

/// The `file:` URI of an absolute path, percent-encoded.
pub fn uri_of(path: &Path) -> Option<Uri> {
    let text = path.to_str()?.replace('\\', "/");
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => {
                uri.push(b as char)
            }
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_and_paths_round_trip_with_chinese_names() {
        let path = Path::new("/tmp/台账 2022/无锡.yaml");
        let uri = uri_of(path).expect("an absolute path has a uri");
        assert!(uri.as_str().starts_with("file:///tmp/%E5%8F%B0"));
        assert_eq!(path_of(&uri).as_deref(), Some(path));
    }

    #[test]
    fn only_file_uris_are_paths() {
        let uri: Uri = "untitled:Untitled-1".parse().expect("a valid uri");
        assert_eq!(path_of(&uri), None);
    }
}
