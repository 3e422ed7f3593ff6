//! `rectify report --history PERIOD [--from DATE] [--to DATE]`: progress at
//! each period end ([`crate::run::history`]), as a table, markdown, JSON,
//! HTML or an xlsx workbook.
//!
//! `--to` defaults to the evaluation date (`--as-of`, else today), `--from`
//! to the earliest `assigned` of the records (found by a parse-only pass
//! first; give `--from` to spare it). Exit codes as `rectify report`: 0, or
//! 2 when the run cannot be trusted (the report is still written), the
//! range is refused, or the output cannot be written.

use std::io::Write;

use crate::diag::Message;
use crate::i18n::{Args, Catalogue};
use crate::report::history::{self, Form};
use crate::run::history::{Every, History, RangeError};
use crate::run::{self, Options};

use super::UNTRUSTED;
use super::args::{ReportArgs, ReportFormat};
use super::check::today;
use super::project::Project;
use super::settings::{self, Flags};
use super::spinner::Spinner;

pub fn run(args: &ReportArgs, every: Every, project: &Project) -> u8 {
    let flags = Flags {
        paths: args.paths.clone(),
        rules: args.rules.clone(),
        waivers: args.waivers.clone(),
        as_of: args.as_of,
        jobs: args.jobs,
        walk: args.walk.clone(),
        ..Flags::default()
    };
    let settings = settings::resolve(project, &flags);
    let words = settings.lang.value.catalogue();
    let as_of = settings.as_of.value.unwrap_or_else(today);
    let options = Options {
        keep_sources: false,
        lean: true,
        pending_within: Some(0),
        ..settings.options(project, as_of)
    };
    let to = args.to.unwrap_or(as_of);
    let from = match args.from {
        Some(from) => from,
        None => {
            let _spinner = Spinner::start(&words.text("cli-spinner-earliest"));
            run::history::earliest_assigned(&options).unwrap_or(to)
        }
    };
    let ends = match run::history::period_ends(every, from, to) {
        Ok(ends) => ends,
        Err(e) => {
            let (message, help) = range_error(&e, words);
            let (message, help) = (
                super::error_line(words, &message),
                super::help_line(words, &help),
            );
            eprintln!("{message}\n  = {help}");
            return UNTRUSTED;
        }
    };
    let next = Some(run::history::next_end(every, to));
    let history = {
        let _spinner = Spinner::start(&words.text("cli-spinner-history"));
        run::history::run(&options, &ends, next)
    };
    let Some(last) = history.last() else {
        return UNTRUSTED;
    };
    settings.notes(last, args.format == ReportFormat::Table);
    let out_file = args.output.as_deref().map(|p| project.path(p));
    let form = match args.format {
        ReportFormat::Table => Some(Form::Table),
        ReportFormat::Markdown => Some(Form::Markdown),
        ReportFormat::Json => Some(Form::Json),
        ReportFormat::Html => Some(Form::Html),
        ReportFormat::Xlsx => None,
    };
    let render = |out: &mut dyn Write| match form {
        Some(form) => history::render(&history, every, form, words, out),
        None => history::xlsx::write(&history, every, words, out),
    };
    if let Err(code) = super::report::emit(out_file.as_deref(), form.is_none(), last, words, render)
    {
        return code;
    }
    match untrusted(&history) {
        Some(reason) => {
            super::check::say_untrusted(words, &reason);
            UNTRUSTED
        }
        None => 0,
    }
}

/// A refused range's message and help, in the run's language.
fn range_error(e: &RangeError, words: &Catalogue) -> (String, String) {
    let max = i64::try_from(run::history::MAX_PERIODS).unwrap_or(i64::MAX);
    match e {
        RangeError::Backwards { from, to } => {
            let dates = Args::new()
                .text("from", from.to_string())
                .text("to", to.to_string());
            (
                words.format("history-range-backwards", &dates),
                words.text("history-range-backwards-help"),
            )
        }
        RangeError::TooLong { every, periods } => {
            let args = Args::new()
                .text("every", history::every_name(words, *every))
                .count("periods", *periods)
                .int("max", max);
            (
                words.format("history-range-too-long", &args),
                words.format("history-range-too-long-help", &args),
            )
        }
    }
}

/// Why the history cannot be trusted: the last day's check cannot be, or
/// an input error met on any day.
pub(super) fn untrusted(history: &History) -> Option<Message> {
    if let Some(reason) = history.last().and_then(super::check::untrusted_reason) {
        return Some(reason);
    }
    let errors = (history.input_errors().into_iter())
        .filter(|e| e.severity == crate::diag::Severity::Error)
        .count();
    (errors > 0).then(|| super::check::input_errors(errors))
}
