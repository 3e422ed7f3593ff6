//! `rectify lsp` spoken to as an editor speaks to it: the real binary over
//! stdio, Content-Length framed JSON-RPC, every read with a timeout so a
//! hang fails the test instead of blocking it.
//!
//! The project is a copy of examples/jiangsu with the bundled rules copied
//! beside it and a fixed `as-of`, so `rectify check` in the same folder is
//! the reference for the diagnostics.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use serde_json::{Value, json};

const TIMEOUT: Duration = Duration::from_secs(60);
const AS_OF: &str = "2024-06-30";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A project folder: the example's records, the bundled rules and calendar.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let copy = |from: &Path, to: &Path| {
        std::fs::create_dir_all(to.parent().expect("a parent")).expect("a folder");
        std::fs::copy(from, to).expect("a copy");
    };
    for sub in ["tasks", "petitions"] {
        let from = repo().join("examples/jiangsu").join(sub);
        for entry in std::fs::read_dir(&from).expect("the example") {
            let path = entry.expect("an entry").path();
            copy(
                &path,
                &dir.path().join(sub).join(path.file_name().expect("a name")),
            );
        }
    }
    copy(
        &repo().join("rules/central-inspection.rules"),
        &dir.path().join("rules/central-inspection.rules"),
    );
    copy(
        &repo().join("rules/calendars/cn.yaml"),
        &dir.path().join("rules/calendars/cn.yaml"),
    );
    let config =
        format!("rules = [\"rules\"]\nrecords = [\"tasks\", \"petitions\"]\nas-of = {AS_OF}\n");
    std::fs::write(dir.path().join("rectify.toml"), config).expect("rectify.toml");
    dir
}

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next: i64,
    /// Notifications met while waiting for a response.
    notes: Vec<Value>,
    root: PathBuf,
}

impl Client {
    fn start(root: &Path) -> Client {
        Client::start_in(root, root)
    }

    /// The server started in `cwd`; the editor's workspace is `root`.
    fn start_in(cwd: &Path, root: &Path) -> Client {
        Client::start_speaking(cwd, root, "en")
    }

    /// The server started in `cwd` with `RECTIFY_LANG` set to `lang`.
    fn start_speaking(cwd: &Path, root: &Path, lang: &str) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rectify"))
            .env("RECTIFY_LANG", lang)
            .arg("lsp")
            .current_dir(cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("rectify lsp starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, messages) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        let root = root.canonicalize().expect("an absolute root");
        Client {
            child,
            stdin,
            messages,
            next: 0,
            notes: Vec::new(),
            root,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The whole response (`result` or `error`).
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.receive(method);
            if message["id"] == json!(id) {
                return message;
            }
            self.notes.push(message);
        }
    }

    fn receive(&mut self, waiting_for: &str) -> Value {
        match self.messages.recv_timeout(TIMEOUT) {
            Ok(message) => message,
            Err(e) => panic!("no answer to `{waiting_for}` within {TIMEOUT:?}: {e}"),
        }
    }

    fn result(&mut self, method: &str, params: Value) -> Value {
        let response = self.request(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    fn initialize(&mut self, encodings: &[&str]) -> Value {
        let uri = uri(&self.root);
        let result = self.result(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri,
                "capabilities": {"general": {"positionEncodings": encodings}},
            }),
        );
        self.notify("initialized", json!({}));
        result
    }

    fn uri(&self, relative: &str) -> String {
        uri(&self.root.join(relative))
    }

    fn open(&mut self, relative: &str, text: &str) -> String {
        let uri = self.uri(relative);
        let language = if relative.ends_with(".rules") {
            "rectify-rules"
        } else {
            "yaml"
        };
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
        uri
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let matches = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        if let Some(i) = self.notes.iter().position(matches) {
            let found = self.notes.remove(i);
            return found["params"]["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default();
        }
        loop {
            let message = self.receive("publishDiagnostics");
            if matches(&message) {
                return message["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
            self.notes.push(message);
        }
    }

    /// shutdown, then exit: the server answers and ends with status 0.
    fn shut_down(mut self) {
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response["result"], Value::Null, "{response}");
        self.notify("exit", Value::Null);
        for _ in 0..600 {
            if let Some(status) = self.child.try_wait().expect("wait") {
                assert!(status.success(), "exit status {status}");
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the server did not exit after `exit`");
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_str().expect("a UTF-8 path").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn read(root: &Path, relative: &str) -> String {
    std::fs::read_to_string(root.join(relative)).expect("the file")
}

fn check_json(root: &Path) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_rectify"))
        .env("RECTIFY_LANG", "en")
        .args(["check", "--format", "json"])
        .current_dir(root)
        .output()
        .expect("rectify check runs");
    serde_json::from_slice(&out.stdout).expect("a JSON report")
}

fn position(line: u64, character: u64) -> Value {
    json!({"line": line, "character": character})
}

/// (code, line, character) of each diagnostic, sorted.
fn places(diagnostics: &[Value]) -> Vec<(String, u64, u64)> {
    let mut out: Vec<(String, u64, u64)> = diagnostics
        .iter()
        .map(|d| {
            let start = &d["range"]["start"];
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                start["line"].as_u64().unwrap_or(u64::MAX),
                start["character"].as_u64().unwrap_or(u64::MAX),
            )
        })
        .collect();
    out.sort();
    out
}

const WUXI: &str = "tasks/wuxi.yaml";

/// How many of `diagnostics` are about Xuzhou (the example's one unit
/// below the petition closure rate).
fn xuzhou(diagnostics: &[Value]) -> usize {
    diagnostics
        .iter()
        .filter(|d| d["message"].as_str().is_some_and(|m| m.contains("Xuzhou")))
        .count()
}

#[test]
fn a_session_on_the_example_shows_what_check_reports() {
    let dir = project();
    let mut client = Client::start(dir.path());
    let init = client.initialize(&["utf-16"]);
    let caps = &init["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"], 2, "incremental sync");
    for cap in [
        "hoverProvider",
        "definitionProvider",
        "completionProvider",
        "documentFormattingProvider",
        "codeActionProvider",
        "documentSymbolProvider",
        "inlayHintProvider",
    ] {
        assert!(!caps[cap].is_null(), "no {cap} in {caps}");
    }

    let text = read(dir.path(), WUXI);
    let uri = client.open(WUXI, &text);
    let diagnostics = client.diagnostics(&uri);

    // The same findings as `check`, at the same places (check's line and
    // column are 1-based characters; the lines here are ASCII up to the value).
    let report = check_json(dir.path());
    let expected: Vec<Value> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["file"] == WUXI)
        .cloned()
        .collect();
    assert!(!expected.is_empty(), "the example has findings in {WUXI}");
    let mut wanted: Vec<(String, u64, u64)> = expected
        .iter()
        .map(|f| {
            let at = |k: &str| f[k].as_u64().expect("a position") - 1;
            (
                f["rule"].as_str().expect("a rule").to_string(),
                at("line"),
                at("column"),
            )
        })
        .collect();
    wanted.sort();
    let errors_here = report["input_errors"]
        .as_array()
        .map_or(0, |e| e.iter().filter(|e| e["file"] == WUXI).count());
    let got = places(&diagnostics);
    assert_eq!(got.len(), wanted.len() + errors_here, "{diagnostics:#?}");
    let findings: Vec<_> = got
        .into_iter()
        .filter(|(code, ..)| !code.contains("::"))
        .collect();
    assert_eq!(findings, wanted);
    assert!(diagnostics.iter().all(|d| d["source"] == "rectify"));
    let messages: Vec<&str> = diagnostics
        .iter()
        .filter_map(|d| d["message"].as_str())
        .collect();
    for f in &expected {
        let message = f["message"].as_str().expect("a message");
        assert!(
            messages.iter().any(|m| m.starts_with(message)),
            "{message} not shown"
        );
    }

    // Hover on a late stage: the explain derivation.
    let late = expected
        .iter()
        .find(|f| f["late_days"].as_i64().is_some_and(|d| d > 0))
        .expect("a late stage in the example");
    let at = position(
        late["line"].as_u64().expect("line") - 1,
        late["column"].as_u64().expect("column") - 1,
    );
    let hover = client.result(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": at}),
    );
    let shown = hover["contents"]["value"].as_str().expect("markdown");
    let rule = late["rule"].as_str().expect("a rule");
    let record = late["record"].as_str().expect("a record");
    assert!(
        shown.contains(&format!("rule `{rule}` applies to")),
        "{shown}"
    );
    assert!(shown.contains(record), "{shown}");
    let due = late["due"].as_str().expect("a due date");
    assert!(
        shown.contains(due),
        "the derivation names the due date {due}: {shown}"
    );
    assert!(shown.contains("late"), "{shown}");

    // The inlay hint beside the first record's `plan`: assigned 2022-06-01,
    // 30 workdays, the Dragon Boat Festival (2022-06-03) not counted.
    let line = text
        .lines()
        .position(|l| l.trim() == "plan: 2022-06-28")
        .expect("the plan of JS-2022-R2-WX-01") as u64;
    let hints = client.result(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": uri}, "range": {"start": position(0, 0), "end": position(line + 1, 0)}}),
    );
    let hint = hints
        .as_array()
        .expect("hints")
        .iter()
        .find(|h| h["position"]["line"] == line)
        .expect("a hint on the plan line");
    assert_eq!(hint["label"], "due 2022-07-14");
    assert_eq!(
        hint["position"]["character"],
        "      plan: 2022-06-28".len()
    );

    // Completion: stage names under `stages:`, status values after `status:`.
    let labels = |c: &Value| -> Vec<String> {
        let items = c.get("items").unwrap_or(c);
        items
            .as_array()
            .expect("completion items")
            .iter()
            .filter_map(|i| i["label"].as_str().map(String::from))
            .collect()
    };
    let status_line = text
        .lines()
        .position(|l| l.trim() == "status: completed")
        .expect("a status") as u64;
    let c = client.result(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": position(status_line, 12)}),
    );
    assert!(labels(&c).contains(&"in-progress".to_string()), "{c}");
    let c = client.result(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": position(line, 6)}),
    );
    assert!(labels(&c).contains(&"verification".to_string()), "{c}");

    // Definition: the finding's rule, in the rule file.
    let definition = client.result(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri}, "position": at}),
    );
    assert_eq!(
        definition["uri"],
        client.uri("rules/central-inspection.rules")
    );
    let rules_text = read(dir.path(), "rules/central-inspection.rules");
    let rule_line = rules_text
        .lines()
        .position(|l| l == format!("rule {rule} {{"))
        .expect("the rule") as u64;
    assert_eq!(definition["range"]["start"], position(rule_line, 5));

    client.shut_down();
}

#[test]
fn rule_files_get_diagnostics_formatting_symbols_and_definitions() {
    let dir = project();
    let mut client = Client::start(dir.path());
    client.initialize(&[]);
    let path = "rules/central-inspection.rules";
    let text = read(dir.path(), path);
    let uri = client.open(path, &text);
    // No errors or warnings; the group rules' findings, which `check`
    // locates at the rule, are here too.
    let shown = client.diagnostics(&uri);
    let report = check_json(dir.path());
    let at_rules: Vec<(String, u64)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["file"] == path)
        .map(|f| {
            (
                f["rule"].as_str().expect("a rule").to_string(),
                f["line"].as_u64().expect("a line") - 1,
            )
        })
        .collect();
    assert!(!at_rules.is_empty(), "the example fails a group rule");
    let got: Vec<(String, u64)> = places(&shown).into_iter().map(|(c, l, _)| (c, l)).collect();
    let mut wanted = at_rules;
    wanted.sort();
    assert_eq!(got, wanted);

    // Symbols: every rule.
    let symbols = client.result(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .expect("symbols")
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert!(
        names.contains(&"plan-on-time") && names.contains(&"closed-by-deadline"),
        "{names:?}"
    );

    // Definition: `plan` in a constraint to the pipeline.
    let require = text
        .lines()
        .position(|l| l.trim() == "require plan within 30 workdays after assigned")
        .expect("the plan rule") as u64;
    let pipeline = text
        .lines()
        .position(|l| l.trim().starts_with("pipeline task:"))
        .expect("the pipeline") as u64;
    let definition = client.result(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri}, "position": position(require, 11)}),
    );
    assert_eq!(definition["uri"], uri);
    assert_eq!(
        definition["range"]["start"],
        position(pipeline, "  pipeline task: ".len() as u64)
    );

    // Hover on a field path: what the record format says of it.
    let require = text
        .lines()
        .position(|l| l == "  require acceptance.by != responsible.unit")
        .expect("the acceptance rule") as u64;
    let field = |client: &mut Client, character: u64| {
        let hover = client.result(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(require, character)}),
        );
        hover["contents"]["value"]
            .as_str()
            .expect("markdown")
            .to_string()
    };
    let by = field(&mut client, "  require acceptance.".len() as u64);
    assert!(
        by.contains("field `acceptance.by`") && by.contains("the accepting unit"),
        "{by}"
    );
    let unit = field(
        &mut client,
        "  require acceptance.by != responsible.u".len() as u64,
    );
    assert!(unit.contains("The unit that is scored"), "{unit}");

    // Hover on a rule id: its title and penalty.
    let rule_line = text
        .lines()
        .position(|l| l == "rule plan-on-time {")
        .expect("the rule") as u64;
    let hover = client.result(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position(rule_line, 7)}),
    );
    let shown = hover["contents"]["value"].as_str().expect("markdown");
    assert!(
        shown.contains("Rectification plan within 30 working days"),
        "{shown}"
    );
    assert!(
        shown.contains("1 point, plus 0.1 per workday late, at most 3"),
        "{shown}"
    );

    // An edit that breaks the syntax: a located error with its code.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": position(rule_line, 0), "end": position(rule_line, 4)}, "text": "rul"}],
        }),
    );
    let broken = client.diagnostics(&uri);
    assert_eq!(broken.len(), 1, "{broken:#?}");
    assert_eq!(broken[0]["code"], "rules::syntax");
    assert_eq!(broken[0]["range"]["start"], position(rule_line, 0));
    // fmt refuses a file that does not parse: an error response.
    let refused = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert!(
        refused["error"]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("cannot format")),
        "{refused}"
    );

    // Formatting gives what `rectify fmt` prints.
    let messy = "rule   a-rule {  for task\n  require plan within 30 workdays after assigned # kept\nseverity error }\n";
    let messy_uri = client.open("rules/messy.rules", messy);
    client.diagnostics(&messy_uri);
    let edits = client.result(
        "textDocument/formatting",
        json!({"textDocument": {"uri": messy_uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    let mut fmt = Command::new(env!("CARGO_BIN_EXE_rectify"))
        .env("RECTIFY_LANG", "en")
        .args(["fmt", "-"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("rectify fmt runs");
    fmt.stdin
        .take()
        .expect("stdin")
        .write_all(messy.as_bytes())
        .expect("write");
    let printed = fmt.wait_with_output().expect("fmt output");
    let printed = String::from_utf8(printed.stdout).expect("UTF-8");
    assert!(printed.contains("# kept"));
    assert_eq!(edits[0]["newText"], printed);
    assert_eq!(edits[0]["range"]["start"], position(0, 0));
    assert_eq!(edits[0]["range"]["end"], position(3, 0));

    client.shut_down();
}

#[test]
fn positions_count_utf16_units_or_utf8_bytes_as_negotiated() {
    // The date error is on a line with Chinese text before it.
    let record = "records:\n  - { id: X-1, kind: task, title: 太湖整改, responsible: { unit: 无锡 }, assigned: 2022-06-01, deadline: 2022-13-01 }\n";
    let before = "  - { id: X-1, kind: task, title: 太湖整改, responsible: { unit: 无锡 }, assigned: 2022-06-01, deadline: ";
    for (encoding, character) in [
        ("utf-16", before.encode_utf16().count()),
        ("utf-8", before.len()),
    ] {
        let dir = project();
        std::fs::write(dir.path().join("tasks/new.yaml"), record).expect("a record file");
        let mut client = Client::start(dir.path());
        let init = client.initialize(&[encoding, "utf-16"]);
        assert_eq!(init["capabilities"]["positionEncoding"], encoding);
        let uri = client.open("tasks/new.yaml", record);
        let diagnostics = client.diagnostics(&uri);
        let bad_date = diagnostics
            .iter()
            .find(|d| d["range"]["start"]["line"] == 1)
            .unwrap_or_else(|| panic!("a diagnostic on the date: {diagnostics:#?}"));
        assert_eq!(
            bad_date["range"]["start"]["character"], character,
            "{encoding}"
        );
        client.shut_down();
    }
}

#[test]
fn a_misspelt_field_gets_a_did_you_mean_code_action() {
    let dir = project();
    let text = "records:\n  - id: X-2\n    kind: task\n    responsible: { unit: Wuxi }\n    assigned: 2022-06-01\n    deadlne: 2022-12-01\n";
    std::fs::write(dir.path().join("tasks/typo.yaml"), text).expect("a record file");
    let mut client = Client::start(dir.path());
    client.initialize(&[]);
    let uri = client.open("tasks/typo.yaml", text);
    let diagnostics = client.diagnostics(&uri);
    let typo = diagnostics
        .iter()
        .find(|d| d["range"]["start"]["line"] == 5)
        .unwrap_or_else(|| panic!("a diagnostic on `deadlne`: {diagnostics:#?}"));
    let actions = client.result(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": typo["range"], "context": {"diagnostics": [typo]}}),
    );
    let action = &actions[0];
    assert_eq!(action["title"], "replace with `deadline`");
    let edit = &action["edit"]["changes"][&uri][0];
    assert_eq!(edit["newText"], "deadline");
    assert_eq!(edit["range"]["start"], position(5, 4));
    assert_eq!(edit["range"]["end"], position(5, 11));
    client.shut_down();
}

#[test]
fn a_change_to_a_record_file_updates_its_diagnostics_and_a_broken_buffer_still_gets_answers() {
    let dir = project();
    let mut client = Client::start(dir.path());
    client.initialize(&[]);
    let text = read(dir.path(), WUXI);
    let uri = client.open(WUXI, &text);
    let before = client.diagnostics(&uri);
    // Replace everything with YAML that does not parse.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "records: [\n  - {"}]}),
    );
    let after = client.diagnostics(&uri);
    assert_ne!(places(&before), places(&after));
    assert!(
        after
            .iter()
            .any(|d| d["code"].as_str().is_some_and(|c| c.starts_with("yaml::"))),
        "{after:#?}"
    );
    for method in [
        "textDocument/hover",
        "textDocument/definition",
        "textDocument/completion",
    ] {
        let response = client.request(
            method,
            json!({"textDocument": {"uri": uri}, "position": position(1, 4)}),
        );
        assert!(
            response.get("result").is_some() || response.get("error").is_some(),
            "{response}"
        );
    }
    let unknown = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///nowhere.yaml"}, "position": position(0, 0)}),
    );
    assert!(
        unknown["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("is not open")),
        "{unknown}"
    );
    client.shut_down();
}

/// Random edits, as a clumsy typist makes them, to a record file and a
/// rule file: after each batch the server publishes diagnostics and
/// answers every request (a result or an error), and it is still alive at
/// the end.
#[test]
fn random_edits_never_stop_the_server() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};

    let dir = project();
    let mut client = Client::start(dir.path());
    client.initialize(&[]);
    let rules = "rules/central-inspection.rules";
    let docs = [
        (client.open(WUXI, &read(dir.path(), WUXI)), WUXI),
        (client.open(rules, &read(dir.path(), rules)), rules),
    ];
    for (uri, _) in &docs {
        client.diagnostics(uri);
    }
    let pieces = [
        "",
        "\n",
        "{",
        "}",
        "[",
        ":",
        "- ",
        "  ",
        "\"",
        "#",
        "plan",
        "太湖",
        "𝄞",
        "2022-13-45",
        "require ",
        "rule x {",
        "stages:\n",
        "&a *a",
        "\t",
        "\r\n",
        "within 3 days after",
    ];
    let edit = (
        0u32..120,
        0u32..60,
        0u32..4,
        0u32..30,
        proptest::sample::select(pieces.to_vec()),
    );
    let strategy = (
        0usize..2,
        proptest::collection::vec(edit, 1..6),
        0u32..120,
        0u32..60,
    );
    let mut runner = TestRunner::new(Config {
        cases: 100,
        failure_persistence: None,
        ..Config::default()
    });
    let version = std::cell::Cell::new(1);
    let client = std::cell::RefCell::new(client);
    runner
        .run(&strategy, |(which, edits, line, character)| {
            let mut client = client.borrow_mut();
            let (uri, _) = &docs[which];
            version.set(version.get() + 1);
            let changes: Vec<Value> = edits
                .iter()
                .map(|(line, character, lines, chars, text)| {
                    json!({"range": {"start": position((*line).into(), (*character).into()),
                                     "end": position((line + lines).into(), (character + chars).into())},
                           "text": text})
                })
                .collect();
            client.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": version.get()}, "contentChanges": changes}),
            );
            client.diagnostics(uri);
            let at = json!({"textDocument": {"uri": uri}, "position": position(line.into(), character.into())});
            let whole = json!({"textDocument": {"uri": uri}, "range": {"start": position(0, 0), "end": position(200, 0)}});
            let requests = [
                ("textDocument/hover", at.clone()),
                ("textDocument/definition", at.clone()),
                ("textDocument/completion", at),
                ("textDocument/inlayHint", whole),
                ("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}})),
                ("textDocument/formatting", json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}})),
            ];
            for (method, params) in requests {
                let response = client.request(method, params);
                prop_assert!(
                    response.get("result").is_some() || response.get("error").is_some(),
                    "{method}: {response}"
                );
                let internal = response["error"]["code"] == json!(-32603);
                prop_assert!(!internal, "{method} failed inside: {response}");
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    client.into_inner().shut_down();
}

/// Group rules count the whole workspace, with the open buffer in place of
/// its file: emptying Xuzhou's petitions in the editor (not on disk) drops
/// the finding on Xuzhou's closure rate shown at the rule.
#[test]
fn an_edit_to_one_record_file_updates_the_group_findings() {
    let dir = project();
    let mut client = Client::start(dir.path());
    client.initialize(&[]);
    let rules = client.open(
        "rules/central-inspection.rules",
        &read(dir.path(), "rules/central-inspection.rules"),
    );
    assert_eq!(xuzhou(&client.diagnostics(&rules)), 1);
    let path = "petitions/xuzhou.yaml";
    let text = read(dir.path(), path);
    let uri = client.open(path, &text);
    client.diagnostics(&uri);
    // Every open file is published again after a change.
    assert_eq!(xuzhou(&client.diagnostics(&rules)), 1);
    let end = text.lines().count() as u64 + 1;
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"range": {"start": position(0, 0), "end": position(end, 0)}, "text": "records: []\n"}]}),
    );
    assert_eq!(xuzhou(&client.diagnostics(&rules)), 0);
    assert_eq!(
        read(dir.path(), path),
        text,
        "the file on disk is untouched"
    );
    client.shut_down();
}

/// One line per diagnostic: `line:character severity code: message`.
fn rendered(diagnostics: &[Value]) -> String {
    diagnostics
        .iter()
        .map(|d| {
            let start = &d["range"]["start"];
            format!(
                "{}:{} {} {}: {}\n",
                start["line"],
                start["character"],
                d["severity"],
                d["code"].as_str().unwrap_or_default(),
                d["message"].as_str().unwrap_or_default()
            )
        })
        .collect()
}

/// The texts the server shows of its own: record diagnostics with help,
/// the note when the rules do not check, refusals as error responses.
#[test]
fn what_the_server_says_in_its_own_words() {
    let dir = project();
    let typo = "records:\n  - id: X-2\n    kind: task\n    responsible: { unit: Wuxi }\n    assigned: 2022-06-01\n    deadlne: 2022-12-01\n    status: complete\n";
    std::fs::write(dir.path().join("tasks/typo.yaml"), typo).expect("a record file");
    let mut client = Client::start(dir.path());
    client.initialize(&[]);
    let mut shown = String::new();
    let uri = client.open("tasks/typo.yaml", typo);
    shown.push_str("# a record file with mistakes\n");
    shown.push_str(&rendered(&client.diagnostics(&uri)));
    let rules = "rules/central-inspection.rules";
    let rules_uri = client.open(rules, "rule broken {\n");
    shown.push_str("# a rule file that does not parse\n");
    shown.push_str(&rendered(&client.diagnostics(&rules_uri)));
    shown.push_str("# the record file meanwhile\n");
    shown.push_str(&rendered(&client.diagnostics(&uri)));
    let refused = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": rules_uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    shown.push_str(&format!(
        "# formatting it\n{}\n",
        refused["error"]["message"]
    ));
    let unknown = client.request("workspace/symbol", json!({"query": ""}));
    shown.push_str(&format!(
        "# an unsupported request\n{}\n",
        unknown["error"]["message"]
    ));
    insta::assert_snapshot!(shown);
    client.shut_down();
}

/// A new rule file, not yet saved, in the project's rule folder is checked
/// with the rest of the rule set (it knows the `task` pipeline), and its
/// misspelt stage gets the did-you-mean fix.
#[test]
fn a_new_rule_file_is_checked_with_the_rule_set_and_offers_its_fix() {
    let dir = project();
    let mut client = Client::start(dir.path());
    client.initialize(&[]);
    let text = "rule c-d {\n  for task\n  require plna within 3 days after assigned\n  severity error\n}\n";
    let uri = client.open("rules/new.rules", text);
    let diagnostics = client.diagnostics(&uri);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let d = &diagnostics[0];
    assert_eq!(d["code"], "rules::unknown-stage");
    assert_eq!(d["range"]["start"], position(2, 10));
    let actions = client.result(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    assert_eq!(actions[0]["edit"]["changes"][&uri][0]["newText"], "plan");
    client.shut_down();
}

/// The did-you-mean fix is read from the diagnostic's data, not its
/// words: under `RECTIFY_LANG=zh-CN` a misspelt record key, a misspelt
/// `per` field and a misspelt field in a condition (whose helps say more
/// than the suggestion) each still get their quick fix.
#[test]
fn did_you_mean_fixes_are_offered_in_chinese() {
    let dir = project();
    let record = "records:\n  - id: X-2\n    kind: task\n    responsible: { unit: Wuxi }\n    assigned: 2022-06-01\n    deadlne: 2022-12-01\n";
    std::fs::write(dir.path().join("tasks/typo.yaml"), record).expect("a record file");
    let mut client = Client::start_speaking(dir.path(), dir.path(), "zh-CN");
    client.initialize(&[]);
    let rules = "rule g {\n  for petition\n  per unti\n  require share of (closed is present) >= 95%\n  severity warning\n}\n\nrule w {\n  for task\n  when statsu = \"completed\"\n  require closure is present\n  severity error\n}\n";
    let mut fixes = Vec::new();
    for (path, text) in [("tasks/typo.yaml", record), ("rules/typos.rules", rules)] {
        let uri = client.open(path, text);
        for d in client.diagnostics(&uri) {
            let message = d["message"].as_str().unwrap_or_default().to_string();
            if !message.contains("是否应为") {
                continue;
            }
            let actions = client.result(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}),
            );
            let fix = actions[0]["edit"]["changes"][&uri][0]["newText"].clone();
            fixes.push((d["code"].as_str().unwrap_or_default().to_string(), fix));
        }
    }
    fixes.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        fixes,
        [
            ("record::unknown-field".to_string(), json!("deadline")),
            ("rules::bad-group".to_string(), json!("unit")),
            ("rules::unknown-field".to_string(), json!("status")),
        ]
    );
    client.shut_down();
}

/// Started by hand, with nothing on stdin: exit 2, and a message that says
/// what the command is for.
#[test]
fn without_a_client_the_server_exits_2_and_says_why() {
    let dir = project();
    let out = Command::new(env!("CARGO_BIN_EXE_rectify"))
        .env("RECTIFY_LANG", "en")
        .arg("lsp")
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .expect("rectify lsp runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stderr));
}

/// An approved extension moves the deadline: the hint beside `deadline`
/// says where to; a hover on a stage with no finding still explains the
/// deadlines on it.
#[test]
fn a_moved_deadline_is_hinted_and_a_stage_explained() {
    let dir = project();
    let text = "records:\n  - id: X-3\n    kind: task\n    responsible: { unit: Wuxi }\n    assigned: 2022-06-01\n    deadline: 2022-12-31\n    extensions:\n      - { to: 2023-06-30, approved_by: Jiangsu, approved_on: 2022-12-01 }\n    stages:\n      plan: 2022-06-28\n";
    std::fs::write(dir.path().join("tasks/moved.yaml"), text).expect("a record file");
    let mut client = Client::start(dir.path());
    client.initialize(&[]);
    let uri = client.open("tasks/moved.yaml", text);
    client.diagnostics(&uri);
    let hints = client.result(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": uri}, "range": {"start": position(0, 0), "end": position(20, 0)}}),
    );
    let labels: Vec<(u64, String)> = hints
        .as_array()
        .expect("hints")
        .iter()
        .map(|h| {
            (
                h["position"]["line"].as_u64().expect("a line"),
                h["label"].as_str().expect("a label").to_string(),
            )
        })
        .collect();
    assert_eq!(
        labels,
        vec![
            (5, "effective 2023-06-30 (extension 1)".to_string()),
            (9, "due 2022-07-14".to_string()),
        ]
    );
    let hover = client.result(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position(9, 8)}),
    );
    let shown = hover["contents"]["value"].as_str().expect("markdown");
    assert!(
        shown.contains("rule `plan-on-time` applies to `task` records; `X-3` is one"),
        "{shown}"
    );
    client.shut_down();
}

/// A record file changed on disk while not open (a `git checkout`), as the
/// client's file watcher reports it: deleted, it no longer counts for the
/// group rules. A client that can watch files is asked to.
#[test]
fn a_record_file_deleted_on_disk_is_dropped_from_the_group_figures() {
    let dir = project();
    let mut client = Client::start(dir.path());
    let uri = uri(&client.root);
    let init = client.result(
        "initialize",
        json!({"processId": null, "rootUri": uri,
               "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}}),
    );
    assert!(!init.is_null());
    client.notify("initialized", json!({}));
    let register = client.receive("client/registerCapability");
    assert_eq!(register["method"], "client/registerCapability");
    assert_eq!(
        register["params"]["registrations"][0]["method"],
        "workspace/didChangeWatchedFiles"
    );
    client.send(json!({"jsonrpc": "2.0", "id": register["id"], "result": null}));
    let rules = client.open(
        "rules/central-inspection.rules",
        &read(dir.path(), "rules/central-inspection.rules"),
    );
    assert_eq!(xuzhou(&client.diagnostics(&rules)), 1);
    let path = "petitions/xuzhou.yaml";
    std::fs::remove_file(dir.path().join(path)).expect("removed");
    let gone = client.uri(path);
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": gone, "type": 3}]}),
    );
    assert_eq!(xuzhou(&client.diagnostics(&rules)), 0);
    client.shut_down();
}

#[test]
fn waiver_files_of_the_project_waive_in_the_editor_as_in_check() {
    let dir = project();
    std::fs::write(
        dir.path().join("waivers.yaml"),
        "waivers:\n  - rule: notice-period\n    record: JS-2022-R2-WX-06\n    reason: relocation approved by the provincial group\n    until: 2026-12-31\n    approved_by: Provincial Inspection Office\n",
    )
    .expect("waivers.yaml");
    let config = read(dir.path(), "rectify.toml") + "waivers = [\"waivers.yaml\"]\n";
    std::fs::write(dir.path().join("rectify.toml"), config).expect("rectify.toml");
    // `check` waives it ...
    let report = check_json(dir.path());
    let waived = |f: &&Value| f["rule"] == "notice-period" && f["record"] == "JS-2022-R2-WX-06";
    let finding = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(waived)
        .expect("the finding");
    assert_eq!(finding["waived"], true, "{finding}");
    // ... and so does the editor.
    let mut client = Client::start(dir.path());
    client.initialize(&[]);
    let path = "tasks/wuxi.yaml";
    let uri = client.open(path, &read(dir.path(), path));
    let diagnostics = client.diagnostics(&uri);
    let shown: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == "notice-period")
        .collect();
    assert_eq!(shown.len(), 1, "{diagnostics:?}");
    assert!(
        shown[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("waived: approved by `Provincial Inspection Office`")),
        "{}",
        shown[0]
    );
    client.shut_down();
}

#[test]
fn the_editors_workspace_folder_is_the_project_wherever_the_server_starts() {
    let dir = project();
    let elsewhere = tempfile::tempdir().expect("another folder");
    let mut client = Client::start_in(elsewhere.path(), dir.path());
    client.initialize(&[]);
    let path = "tasks/wuxi.yaml";
    let uri = client.open(path, &read(dir.path(), path));
    // The project's rectify.toml (rules/, as-of) applies: the same
    // findings as `check` run in the project.
    let shown: Vec<(String, u64, u64)> = places(&client.diagnostics(&uri));
    let report = check_json(dir.path());
    let expected: usize = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["file"] == path)
        .count();
    assert!(expected > 0);
    let findings = shown
        .iter()
        .filter(|(code, _, _)| !code.contains("::"))
        .count();
    assert_eq!(findings, expected, "{shown:?}");
    client.shut_down();
}

#[test]
fn a_new_record_file_gets_diagnostics_before_it_is_saved() {
    let dir = project();
    let mut client = Client::start(dir.path());
    client.initialize(&[]);
    let text = "id: JS-NEW-01\nresponsible: { unit: Wuxi Municipal Government }\nassigned: 2022-06-01\ndeadline: 2023-12-31\nstatus: in-progress\nstages:\n  plan: 2022-07-20\n";
    let uri = client.open("tasks/new.yaml", text);
    let codes: Vec<(String, u64, u64)> = places(&client.diagnostics(&uri));
    assert!(
        codes
            .iter()
            .any(|(code, line, _)| code == "plan-on-time" && *line == 6),
        "{codes:?}"
    );
    assert!(
        !dir.path().join("tasks/new.yaml").exists(),
        "nothing written"
    );
    // A YAML buffer outside the project's records is not a record file.
    let other = client.open("notes.yaml", "site_name: docs\n");
    assert_eq!(places(&client.diagnostics(&other)), Vec::new());
    client.shut_down();
}

/// The server says findings in the project's language, as `check` does:
/// the same verdict, in Chinese under `RECTIFY_LANG=zh-CN`.
#[test]
fn findings_are_said_in_the_chosen_language() {
    let dir = project();
    let mut client = Client::start_speaking(dir.path(), dir.path(), "zh-CN");
    client.initialize(&["utf-16"]);
    let text = read(dir.path(), WUXI);
    let uri = client.open(WUXI, &text);
    let diagnostics = client.diagnostics(&uri);
    let messages: Vec<&str> = diagnostics
        .iter()
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("逾期") && m.contains("个工作日")),
        "{messages:?}"
    );
    // Input diagnostics (a stage dated after the evaluation date) are not
    // verdicts and stay English for now.
    assert!(
        messages
            .iter()
            .all(|m| !m.contains("was due") && !m.contains("commended")),
        "{messages:?}"
    );
    // The hover on a late stage derives the verdict in the same language.
    let late = diagnostics
        .iter()
        .find(|d| d["message"].as_str().is_some_and(|m| m.contains("逾期")))
        .expect("a late finding");
    let hover = client.result(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": late["range"]["start"]}),
    );
    let shown = hover["contents"]["value"].as_str().expect("markdown");
    assert!(
        shown.contains("适用于") && shown.contains("结论："),
        "{shown}"
    );
    assert!(
        !shown.contains("applies to") && !shown.contains("verdict:"),
        "{shown}"
    );
    client.shut_down();
}

/// A rule file in the editor under `RECTIFY_LANG=zh-CN`: its diagnostics in
/// Chinese, and the hover and outline showing the rule's Chinese title and
/// help where the rule gives them, the text as written where it does not.
#[test]
fn rule_files_are_said_in_the_chosen_language() {
    let dir = project();
    let mut client = Client::start_speaking(dir.path(), dir.path(), "zh-CN");
    client.initialize(&["utf-16"]);
    let broken = client.open("rules/broken.rules", "rule a {\n  titel \"x\"\n}\n");
    let messages: Vec<String> = client
        .diagnostics(&broken)
        .iter()
        .filter_map(|d| d["message"].as_str().map(str::to_string))
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("此处不应出现 `titel`")),
        "{messages:?}"
    );
    let text = "rule plan-on-time {\n  title \"plan submitted on time\"\n  title zh-CN \"整改方案按时报送\"\n  for task\n  require plan within 30 days after assigned\n  severity error\n  help \"submit the plan\"\n  help zh-CN \"请报送整改方案\"\n}\n\nrule plan-present {\n  title \"plan recorded\"\n  for task\n  require plan is present\n  severity info\n}\n";
    let uri = client.open("rules/variants.rules", text);
    let hover = |client: &mut Client, line: u64| {
        let hover = client.result(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position(line, "rule p".len() as u64)}),
        );
        hover["contents"]["value"]
            .as_str()
            .expect("markdown")
            .to_string()
    };
    let shown = hover(&mut client, 0);
    assert!(
        shown.contains("**整改方案按时报送**") && shown.contains("help: 请报送整改方案"),
        "{shown}"
    );
    assert!(!shown.contains("plan submitted on time"), "{shown}");
    let shown = hover(&mut client, 10);
    assert!(shown.contains("**plan recorded**"), "{shown}");
    let symbols = client.result(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let details: Vec<&str> = symbols
        .as_array()
        .map(|s| s.iter().filter_map(|s| s["detail"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(details, ["整改方案按时报送", "plan recorded"]);
    client.shut_down();
}
