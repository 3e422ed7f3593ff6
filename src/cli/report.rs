//! `rectify report`: run the same check as `rectify check`, then render the
//! progress disclosure and scoreboard instead of the findings.
//!
//! Exit code: 0 when the report was written from a run that can be trusted;
//! 2 when it cannot be (the report is still written, and stderr says why)
//! or the output cannot be written. Findings do not fail it: it is a
//! report, not a gate (use `check --fail-on` for that).

use std::io::{IsTerminal, Write};

use crate::i18n::Catalogue;
use crate::report::progress::{self, Form};
use crate::run::{self, Options};

/// Days ahead the report lists what falls due, unless told otherwise.
const DUE_WITHIN: u32 = 30;

use super::UNTRUSTED;
use super::args::{ReportArgs, ReportFormat};
use super::check::{today, untrusted_reason};
use super::output;
use super::project::Project;
use super::settings::{self, Flags};
use super::spinner::Spinner;

pub fn run(args: &ReportArgs, project: &Project) -> u8 {
    if let Some(every) = args.history {
        return super::history::run(args, every.every(), project);
    }
    let flags = Flags {
        paths: args.paths.clone(),
        rules: args.rules.clone(),
        waivers: args.waivers.clone(),
        as_of: args.as_of,
        due_within: args.due_within,
        jobs: args.jobs,
        walk: args.walk.clone(),
        ..Flags::default()
    };
    let settings = settings::resolve(project, &flags);
    let words = settings.lang.value.catalogue();
    if args.format == ReportFormat::Json {
        eprintln!(
            "{}\n  = {}",
            super::error_line(words, &words.text("report-json-needs-history")),
            super::help_line(words, &words.text("report-json-needs-history-help"))
        );
        return UNTRUSTED;
    }
    let as_of = settings.as_of.value.unwrap_or_else(today);
    let due_within = settings.due_within.value.unwrap_or(DUE_WITHIN);
    let out_file = args.output.as_deref().map(|p| project.path(p));
    let options = Options {
        pending_within: Some(due_within),
        keep_sources: false,
        ..settings.options(project, as_of)
    };
    let outcome = {
        let _spinner = Spinner::start(&words.text("cli-spinner-check"));
        run::check(&options)
    };
    settings.notes(&outcome, args.format == ReportFormat::Table);
    let form = match args.format {
        ReportFormat::Table => Some(Form::Table),
        ReportFormat::Markdown => Some(Form::Markdown),
        ReportFormat::Html => Some(Form::Html),
        ReportFormat::Xlsx | ReportFormat::Json => None,
    };
    let render = |out: &mut dyn Write| match form {
        Some(form) => progress::render(&outcome, form, Some(due_within), words, out),
        None => crate::report::xlsx::write(&outcome, words, out),
    };
    if let Err(code) = emit(out_file.as_deref(), form.is_none(), &outcome, words, render) {
        return code;
    }
    match untrusted_reason(&outcome) {
        Some(reason) => {
            super::check::say_untrusted(words, &reason);
            UNTRUSTED
        }
        None => 0,
    }
}

/// Write a report to `out_file` (or stdout), refusing to overwrite an
/// input or to send a binary workbook to a terminal; the exit code when it
/// cannot be written.
pub(super) fn emit(
    out_file: Option<&std::path::Path>,
    binary: bool,
    outcome: &crate::outcome::Outcome,
    words: &Catalogue,
    render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), u8> {
    if output::refuse_inputs(out_file, outcome, words) {
        return Err(UNTRUSTED);
    }
    let to_stdout = out_file.is_none_or(output::is_stdout);
    if binary && to_stdout && std::io::stdout().is_terminal() {
        output::refuse_binary_to_terminal(words);
        return Err(UNTRUSTED);
    }
    let written = match out_file {
        Some(path) if !output::is_stdout(path) => {
            output::write(path, render).map_err(|e| super::check::cannot_write(path, &e, words))
        }
        _ => output::write_stdout(render).map_err(|e| super::check::cannot_write_report(&e, words)),
    };
    written.map_err(|message| {
        super::say_error(words, &message, None);
        UNTRUSTED
    })
}
