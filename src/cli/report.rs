//! `rectify report`: run the same check as `rectify check`, then render the
//! progress disclosure and scoreboard instead of the findings.
//!
//! Exit code: 0 when the report was written from a run that can be trusted;
//! 2 when it cannot be (the report is still written, and stderr says why)
//! or the output cannot be written. Findings do not fail it: it is a
//! report, not a gate (use `check --fail-on` for that).

use std::io::{IsTerminal, Write};

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
    if args.format == ReportFormat::Json {
        let words = settings.lang.value.catalogue();
        eprintln!(
            "error: {}\n  = help: {}",
            words.text("report-json-needs-history"),
            words.text("report-json-needs-history-help")
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
        let _spinner = Spinner::start("checking records");
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
        Some(form) => progress::render(
            &outcome,
            form,
            Some(due_within),
            settings.lang.value.catalogue(),
            out,
        ),
        None => crate::report::xlsx::write(&outcome, settings.lang.value.catalogue(), out),
    };
    if let Err(code) = emit(out_file.as_deref(), form.is_none(), &outcome, render) {
        return code;
    }
    match untrusted_reason(&outcome) {
        Some(reason) => {
            eprintln!("error: the results cannot be trusted: {reason}");
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
    render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), u8> {
    if output::refuse_inputs(out_file, outcome) {
        return Err(UNTRUSTED);
    }
    let to_stdout = out_file.is_none_or(output::is_stdout);
    if binary && to_stdout && std::io::stdout().is_terminal() {
        eprintln!("{}", output::BINARY_TO_TERMINAL);
        return Err(UNTRUSTED);
    }
    let written = match out_file {
        Some(path) if !output::is_stdout(path) => output::write(path, render)
            .map_err(|e| format!("cannot write `{}`: {e}", path.display())),
        _ => output::write_stdout(render).map_err(|e| format!("cannot write the report: {e}")),
    };
    written.map_err(|message| {
        eprintln!("error: {message}");
        UNTRUSTED
    })
}
