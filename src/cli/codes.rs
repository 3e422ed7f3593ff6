//! `rectify codes [CODE]`: the diagnostic codes rectify gives, each with
//! its one-line description in the run's language (like `ruff rule`).
//! Without a code, every code, by namespace; with a namespace (`record`,
//! `record::`), that namespace's codes; with a code, that code. A name
//! that is none of these is a usage error (exit 2), with the closest code.

use std::io::{self, Write};

use clap::{Args, ValueEnum};
use serde_json::json;

use crate::diag::Message;
use crate::diag::codes::{self, Code, Namespace};
use crate::i18n::Catalogue;

use super::UNTRUSTED;
use super::project::Project;
use super::settings;

#[derive(Debug, Args)]
pub struct CodesArgs {
    /// A code (`record::bad-date`) or a namespace (`record`); every code when omitted
    pub code: Option<String>,
    /// Output form
    #[arg(long, value_enum, default_value_t = CodesFormat::Human)]
    pub format: CodesFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CodesFormat {
    /// a heading per namespace, then one line per code
    Human,
    /// JSON: one object for a code, else an array of objects
    Json,
}

/// What the command line asked for.
enum Asked {
    All,
    Namespace(&'static Namespace),
    One(&'static Code),
}

pub fn run(args: &CodesArgs, project: &Project) -> u8 {
    let words = settings::words(project);
    let asked = match args.code.as_deref() {
        None => Asked::All,
        Some(name) => match lookup(name) {
            Some(asked) => asked,
            None => {
                let mut help = Message::new("cli-codes-list-help");
                let all = codes::ALL.iter().map(|c| c.code);
                if let Some(near) = crate::suggest::did_you_mean(name.trim(), all) {
                    help = crate::diag::did_you_mean(near);
                }
                super::say_error(
                    words,
                    &Message::new("cli-codes-unknown")
                        .text("code", crate::report::neutral::text(name)),
                    Some(&help),
                );
                return UNTRUSTED;
            }
        },
    };
    let text = match args.format {
        CodesFormat::Human => human(&asked, words),
        CodesFormat::Json => json(&asked, words),
    };
    match io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            super::say_error(words, &super::io_error("cli-cannot-write-codes", &e), None);
            UNTRUSTED
        }
        _ => 0,
    }
}

/// A code, or a namespace with or without its `::`.
fn lookup(name: &str) -> Option<Asked> {
    let name = name.trim();
    if let Some(code) = codes::find(name) {
        return Some(Asked::One(code));
    }
    let namespace = name.strip_suffix("::").unwrap_or(name);
    codes::NAMESPACES
        .iter()
        .find(|ns| ns.name == namespace)
        .map(Asked::Namespace)
}

fn namespaces(asked: &Asked) -> Vec<&'static Namespace> {
    match asked {
        Asked::All => codes::NAMESPACES.iter().collect(),
        Asked::Namespace(ns) => vec![*ns],
        Asked::One(_) => Vec::new(),
    }
}

fn codes_of(namespace: &Namespace) -> impl Iterator<Item = &'static Code> + '_ {
    codes::ALL
        .iter()
        .filter(move |c| c.namespace() == namespace.name)
}

/// `record::bad-date` and its description on the next line; or, per
/// namespace, `record:: — record files` and its codes in aligned columns.
fn human(asked: &Asked, words: &Catalogue) -> String {
    if let Asked::One(code) = asked {
        return format!("{}\n{}\n", code.code, code.describe().say(words));
    }
    let width = codes::ALL.iter().map(|c| c.code.len()).max().unwrap_or(0);
    let mut out = String::new();
    for (i, namespace) in namespaces(asked).into_iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let about = Message::new(namespace.description).say(words);
        out.push_str(&format!("{}:: — {about}\n", namespace.name));
        for code in codes_of(namespace) {
            let description = code.describe().say(words);
            out.push_str(&format!("  {:<width$}  {description}\n", code.code));
        }
    }
    out
}

fn entry(code: &Code, words: &Catalogue) -> serde_json::Value {
    json!({
        "code": code.code,
        "namespace": code.namespace(),
        "description": code.describe().say(words),
    })
}

fn json(asked: &Asked, words: &Catalogue) -> String {
    let value = match asked {
        Asked::One(code) => entry(code, words),
        _ => namespaces(asked)
            .into_iter()
            .flat_map(codes_of)
            .map(|c| entry(c, words))
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}
