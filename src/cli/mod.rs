//! The command line: clap commands; the only place that prints, exits or
//! reads the clock.
//!
//! - [`args`]: the clap definitions.
//! - [`check`]: `rectify check`: options, rendering, output files, exit code.
//! - [`report`]: `rectify report`: the progress disclosure and scoreboard.
//! - [`output`]: writing reports and formatted files: `-`, atomic
//!   replacement, links, devices, and never over an input.
//! - [`spinner`]: the stderr spinner for runs longer than about a second.
//! - [`rules`]: `rectify rules check` and `rectify rules doc` ([`doc`] builds the pages).
//! - [`import`]: `rectify import`, a spreadsheet ledger to record files.
//! - [`fmt`]: `rectify fmt`. [`test`]: `rectify test`. [`explain`]: `rectify explain`.
//! - [`project`]: finding `rectify.toml` and the project root, and working
//!   from it; [`settings`]: flags over `rectify.toml` over defaults, with
//!   where each value came from; [`show`]: `rectify config`; [`init`]: `rectify init`.
//! - [`lsp`]: `rectify lsp`, the language server ([`crate::lsp`]).
//! - [`codes`]: `rectify codes`, the diagnostic codes and what they mean.

pub mod args;
pub mod check;
pub mod codes;
pub mod diff;
pub mod doc;
pub mod explain;
pub mod fmt;
pub mod help;
pub mod history;
pub mod import;
pub mod init;
pub mod lsp;
pub mod output;
pub mod project;
pub mod report;
pub mod rules;
pub mod settings;
pub mod show;
pub mod spinner;
pub mod test;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::diag::Message;
use crate::i18n::{Args, Catalogue, Lang};

pub use args::{Cli, Command, FailOn};
pub use check::exit_code;

/// The exit code when the run cannot be trusted or the command cannot do its
/// job (bad usage, an unwritable output file).
pub const UNTRUSTED: u8 = 2;

/// Parse the command line, run the command, and say how to exit.
pub fn main() -> ExitCode {
    let lang = help::process_lang();
    let mut command = help::localize(Cli::command(), lang.catalogue());
    let parsed = command
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => e.format(&mut command).exit(),
    };
    let code = match cli.command {
        Command::Schema => schema(lang),
        Command::Completions { shell } => completions(shell, lang),
        Command::Init(args) => init::run(&args),
        Command::Import(args) => import::run(&args),
        command => match project::open(&cli.config) {
            Ok(project) => in_project(command, &project),
            Err(code) => code,
        },
    };
    ExitCode::from(code)
}

/// The commands that work in a project (its root and `rectify.toml`).
fn in_project(command: Command, project: &project::Project) -> u8 {
    match command {
        Command::Check(args) => check::run(&args, project),
        Command::Report(args) => report::run(&args, project),
        Command::Diff(args) => diff::run(&args, project),
        Command::Rules(command) => rules::run(&command, project),
        Command::Fmt(args) => fmt::run(&args, project),
        Command::Test(args) => test::run(&args, project),
        Command::Explain(args) => explain::run(&args, project),
        Command::Config(args) => show::run(&args, project),
        Command::Lsp(args) => lsp::run(&args, project),
        Command::Codes(args) => codes::run(&args, project),
        Command::Schema | Command::Completions { .. } | Command::Init(_) | Command::Import(_) => {
            UNTRUSTED
        }
    }
}

/// `rectify schema`: the record format's JSON Schema on stdout.
fn schema(lang: Lang) -> u8 {
    match crate::report::schema::write(&mut io::stdout().lock()) {
        Ok(()) => 0,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let message = Message::new("cli-cannot-write-schema").text("reason", e.to_string());
            say_error(lang.catalogue(), &message, None);
            UNTRUSTED
        }
    }
}

/// `rectify completions SHELL`: a completion script on stdout.
fn completions(shell: clap_complete::Shell, lang: Lang) -> u8 {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "rectify", &mut script);
    match io::stdout().lock().write_all(&script) {
        Ok(()) => 0,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let message =
                Message::new("cli-cannot-write-completions").text("reason", e.to_string());
            say_error(lang.catalogue(), &message, None);
            UNTRUSTED
        }
    }
}

/// A command's own error on stderr, in `words`' language: `error: …`,
/// then `  help: …` when there is advice.
pub(crate) fn say_error(words: &Catalogue, message: &Message, help: Option<&Message>) {
    eprintln!("{}", error_line(words, &message.say(words)));
    if let Some(help) = help {
        eprintln!("  {}", help_line(words, &help.say(words)));
    }
}

/// `error: {text}` in `words`' language.
pub(crate) fn error_line(words: &Catalogue, text: &str) -> String {
    words.format("cli-error", &Args::new().text("message", text))
}

/// `help: {text}` in `words`' language.
pub(crate) fn help_line(words: &Catalogue, text: &str) -> String {
    words.format("cli-help", &Args::new().text("help", text))
}

/// `note: {text}` in `words`' language.
pub(crate) fn note_line(words: &Catalogue, text: &str) -> String {
    words.format("cli-note", &Args::new().text("note", text))
}

/// Message `id` with the `reason` for `error`: in the run's words when
/// rectify has them (not found, permission denied, …), else the operating
/// system's.
pub(crate) fn io_error(id: &'static str, error: &io::Error) -> Message {
    Message::new(id).said("reason", crate::diag::io_message("input-reason", error))
}
