//! What every diagnostic shares, below every module that gives one: how
//! serious a finding or an input problem is ([`Severity`]), and what it
//! says as data ([`Message`]: a catalogue id and its arguments, said in a
//! language only when rendered).
//!
//! Owns: the severity scale and the form of a message. Must not: depend on
//! any module of the crate but `source` and `i18n`.

pub mod codes;

use crate::i18n::{Args, Catalogue, Lang};
use crate::source::Span;

/// How serious a finding or a diagnostic is. Ordered, so a threshold
/// (`--fail-on warning`) is a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// A reward rule's finding: excellent work, never a failure (below
    /// every `--fail-on` threshold).
    Commendation,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Commendation => "commendation",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Words not yet said: a catalogue message id and its named arguments.
/// A diagnostic holds these, never prose, so it is said in the run's
/// language only when a renderer asks ([`Message::say`]); the language
/// server, the reports and `explain` all say it the same way.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// One named argument of a [`Message`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Arg {
    /// Shown as given: a field name, a value from a file, a path.
    Text(String),
    /// A whole number (days, a line, a limit): plural forms choose on it.
    Int(i64),
    /// A count of things: plural forms choose on it, `COUNT()` groups its
    /// thousands.
    Count(usize),
    /// Another message, said in the same language first: one item of a
    /// list that differs by language (`a, b or c`), or a phrase chosen
    /// where the problem is found (`end of file`).
    Said(Box<Message>),
}

impl Message {
    /// Message `id` of the catalogues, with no arguments yet.
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// Add a text argument.
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Message {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    /// Add a whole-number argument.
    pub fn int(mut self, name: &'static str, value: i64) -> Message {
        self.args.push((name, Arg::Int(value)));
        self
    }

    /// Add a count argument.
    pub fn count(mut self, name: &'static str, value: usize) -> Message {
        self.args.push((name, Arg::Count(value)));
        self
    }

    /// Add another message as an argument, said in the same language.
    pub fn said(mut self, name: &'static str, value: Message) -> Message {
        self.args.push((name, Arg::Said(Box::new(value))));
        self
    }

    /// The catalogue id.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The arguments, in the order they were given.
    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }

    /// A list as three arguments, so each language joins it its own way:
    /// `init`, every item but the last joined by `, `; `last`; and `more`,
    /// how many items come before the last (`{ $more -> [0] { $last }
    /// *[other] { $init } and { $last } }`).
    pub fn list(self, [init, last, more]: [&'static str; 3], items: &[String]) -> Message {
        let (last_item, rest) = match items.split_last() {
            Some((last, rest)) => (last.clone(), rest),
            None => (String::new(), items),
        };
        self.text(init, rest.join(", "))
            .text(last, last_item)
            .int(more, i64::try_from(rest.len()).unwrap_or(i64::MAX))
    }

    /// The same arguments under message `id`, whose text says this one
    /// within its own (`calendars do not agree: { calendar-merge-problem }`):
    /// a catalogue message refers to another by id and shares its arguments.
    pub fn within(&self, id: &'static str) -> Message {
        Message {
            id,
            args: self.args.clone(),
        }
    }

    /// The message in `words`' language.
    pub fn say(&self, words: &Catalogue) -> String {
        let mut args = Args::new();
        for (name, value) in &self.args {
            args = match value {
                Arg::Text(text) => args.text(name, text.as_str()),
                Arg::Int(n) => args.int(name, *n),
                Arg::Count(n) => args.count(name, *n),
                Arg::Said(message) => args.text(name, message.say(words)),
            };
        }
        words.format(self.id, &args)
    }

    /// The message in English: for logs, panics and tests, where no run
    /// chose a language.
    pub fn english(&self) -> String {
        self.say(Lang::En.catalogue())
    }
}

impl From<&'static str> for Message {
    /// A message id without arguments: `"yaml-not-mapping".into()`.
    fn from(id: &'static str) -> Message {
        Message::new(id)
    }
}

/// A problem in one input file, at a byte span of it: the one diagnostic
/// type every reader gives (YAML, records, rule syntax, the rules' meaning,
/// holiday calendars, `rectify.toml`, rule tests). Which file is known by
/// context; the run places it in a file list as an `InputError`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// A code such as `record::bad-date` (docs/codes.md lists them all).
    pub code: &'static str,
    pub severity: Severity,
    pub message: Message,
    pub span: Span,
    /// Further places in the same file, with what to say there.
    pub labels: Vec<(Span, Message)>,
    /// Places in other files of the same list (the first of two duplicate
    /// rules, say): `(file index, span, label)`.
    pub related: Vec<(usize, Span, Message)>,
    pub help: Option<Message>,
}

impl Diagnostic {
    /// An error at `span`, with no labels, related places or help.
    pub fn error(code: &'static str, span: Span, message: impl Into<Message>) -> Diagnostic {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            span,
            labels: Vec::new(),
            related: Vec::new(),
            help: None,
        }
    }

    /// A warning at `span`.
    pub fn warning(code: &'static str, span: Span, message: impl Into<Message>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, span, message)
        }
    }

    /// With advice.
    pub fn with_help(mut self, help: impl Into<Message>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// With a further label in the same file.
    pub fn with_label(mut self, span: Span, label: impl Into<Message>) -> Diagnostic {
        self.labels.push((span, label.into()));
        self
    }
}

/// Names as code, each in backticks, joined by `, `: `` `a`, `b` ``.
pub fn backticked<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> String {
    let quoted: Vec<String> = names
        .into_iter()
        .map(|n| format!("`{}`", n.as_ref()))
        .collect();
    quoted.join(", ")
}

/// Message `id`, whose text says why a file could not be read (the
/// catalogues' `input-reason`), with an I/O error's reason as arguments:
/// `why` names a reason the catalogues put in words (not found, permission
/// denied, a folder where a file was expected); any other reason is the
/// operating system's own text, `reason`, said as it is.
pub fn io_message(id: &'static str, err: &std::io::Error) -> Message {
    use std::io::ErrorKind;
    // An error rectify or a library made with its own words keeps them.
    let own_words = err.raw_os_error().is_none() && err.get_ref().is_some();
    let why = match err.kind() {
        _ if own_words => "other",
        ErrorKind::NotFound => "not-found",
        ErrorKind::PermissionDenied => "permission-denied",
        ErrorKind::IsADirectory => "is-a-directory",
        ErrorKind::NotADirectory => "not-a-directory",
        _ => "other",
    };
    Message::new(id)
        .text("why", why)
        .text("reason", io_reason(err))
}

/// "did you mean `name`?": the advice every reader gives for a near miss.
pub fn did_you_mean(name: impl Into<String>) -> Message {
    Message::new("did-you-mean").text("name", name)
}

/// An I/O error as a lowercase reason, without the Rust-specific suffix.
pub fn io_reason(err: &std::io::Error) -> String {
    let text = err.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text);
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => text.to_string(),
    }
}
