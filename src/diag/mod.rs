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
    /// Another message, said in the same language first: a phrase chosen
    /// where the problem is found (`end of file`).
    Said(Box<Message>),
    /// A list, its items said first and then joined the way the run's
    /// language joins a list ([`Join`]).
    List(Join, Vec<Arg>),
}

impl Arg {
    /// The argument as text in `words`' language.
    fn say(&self, words: &Catalogue) -> String {
        match self {
            Arg::Text(text) => text.clone(),
            Arg::Int(n) => n.to_string(),
            Arg::Count(n) => n.to_string(),
            Arg::Said(message) => message.say(words),
            Arg::List(how, items) => join(words, *how, items.iter().map(|i| i.say(words))),
        }
    }
}

impl From<String> for Arg {
    /// Shown as given.
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<Message> for Arg {
    /// Said in the same language.
    fn from(message: Message) -> Arg {
        Arg::Said(Box::new(message))
    }
}

/// A name as code, in backticks, as a list item: `` `deadline` ``.
pub fn code(name: impl AsRef<str>) -> Arg {
    Arg::Text(format!("`{}`", name.as_ref()))
}

/// How the items of a list are joined. The catalogues say the words
/// (`list-between`, `list-last`, `list-empty`): English `a, b and c`,
/// Chinese `a、b 和 c`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Join {
    /// Things that all hold or all count: `a, b and c`; `a、b 和 c`.
    And,
    /// Alternatives: `a, b or c`; `a、b 或 c`.
    Or,
    /// An enumeration: `a, b, c`; `a、b、c`.
    Plain,
    /// Clauses of one sentence: `a; b; c`; `a；b；c`.
    Clauses,
}

impl Join {
    /// The variant key the catalogues choose on.
    fn key(self) -> &'static str {
        match self {
            Join::And => "and",
            Join::Or => "or",
            Join::Plain => "plain",
            Join::Clauses => "clauses",
        }
    }
}

/// `items`, already said, joined in `words`' language; an empty list
/// says `nothing`.
pub fn join(words: &Catalogue, how: Join, items: impl IntoIterator<Item = String>) -> String {
    let mut items: Vec<String> = items.into_iter().collect();
    let Some(last) = items.pop() else {
        return words.text("list-empty");
    };
    if items.is_empty() {
        return last;
    }
    let key = how.key();
    let between = words.format("list-between", &Args::new().text("join", key));
    let args = Args::new()
        .text("join", key)
        .text("init", items.join(&between))
        .text("last", last);
    words.format("list-last", &args)
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

    /// Add a list argument: `items` (texts, messages, [`code`] names)
    /// joined as `how` says, in the language the message is said in.
    pub fn list<I: Into<Arg>>(
        mut self,
        name: &'static str,
        how: Join,
        items: impl IntoIterator<Item = I>,
    ) -> Message {
        let items = items.into_iter().map(Into::into).collect();
        self.args.push((name, Arg::List(how, items)));
        self
    }

    /// Add a list of names, each as code in backticks: `` `a`, `b` and `c` ``.
    pub fn names<S: AsRef<str>>(
        self,
        name: &'static str,
        how: Join,
        names: impl IntoIterator<Item = S>,
    ) -> Message {
        self.list(name, how, names.into_iter().map(code))
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
                Arg::Int(n) => args.int(name, *n),
                Arg::Count(n) => args.count(name, *n),
                other => args.text(name, other.say(words)),
            };
        }
        words.format(self.id, &args)
    }

    /// The name a did-you-mean advice suggests: this message's, when it
    /// is one ([`did_you_mean`]), else the first of the messages it says
    /// within its own (`did you mean `x`? or, if records have it, …`).
    /// Read from the arguments, so it is the same in every language.
    pub fn suggestion(&self) -> Option<&str> {
        if self.id == DID_YOU_MEAN {
            return self.args.iter().find_map(|(name, value)| match value {
                Arg::Text(text) if *name == "name" => Some(text.as_str()),
                _ => None,
            });
        }
        self.args.iter().find_map(|(_, value)| match value {
            Arg::Said(message) => message.suggestion(),
            _ => None,
        })
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

/// Message `id`, whose text says why a file could not be read (the
/// catalogues' `input-reason`), with an I/O error's reason as arguments:
/// `why` names a reason the catalogues put in words (not found, permission
/// denied, a folder where a file was expected); any other reason is the
/// operating system's own text, `reason`, said as it is.
pub fn io_message(id: &'static str, err: &std::io::Error) -> Message {
    use std::io::ErrorKind;
    // An error rectify or a library made with its own words keeps them;
    // a system error a library wrapped (tempfile adds the path of its
    // temporary file: `… (os error 20) at path …`) is still the system's.
    let own_words = err.raw_os_error().is_none()
        && err.get_ref().is_some()
        && !err.to_string().contains("(os error");
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
    Message::new(DID_YOU_MEAN).text("name", name)
}

/// The catalogue id of [`did_you_mean`], which [`Message::suggestion`] reads.
const DID_YOU_MEAN: &str = "did-you-mean";

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

#[cfg(test)]
mod tests;
