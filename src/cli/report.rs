//! `rectify report`: run the same check as `rectify check`, then render the
//! progress disclosure and scoreboard instead of the findings.
//!
//! Exit code: 0 when the report was written from a run that can be trusted;
//! 2 when it cannot be (the report is still written, and stderr says why)
//! or the output cannot be written. Findings do not fail it: it is a
//! report, not a gate (use `check --fail-on` for that).

use std::io::Write;

use crate::report::progress::{self, Form};
use crate::run::{self, Options};

use super::UNTRUSTED;
use super::args::{ReportArgs, ReportFormat};
use super::check::{today, untrusted_reason};
use super::output;
use super::spinner::Spinner;

pub fn run(args: &ReportArgs) -> u8 {
    let as_of = args.as_of.unwrap_or_else(today);
    let options = Options {
        paths: args.paths.clone(),
        rules: args.rules.clone(),
        as_of,
        jobs: args.jobs.map(|n| n as usize),
        waivers: args.waivers.clone(),
        pending_within: Some(args.due_within),
        keep_sources: false,
        ..Options::new(as_of)
    };
    let outcome = {
        let _spinner = Spinner::start("checking records");
        run::check(&options)
    };
    let form = match args.format {
        ReportFormat::Table => Form::Table,
        ReportFormat::Markdown => Form::Markdown,
        ReportFormat::Html => Form::Html,
    };
    let render = |out: &mut dyn Write| progress::render(&outcome, form, Some(args.due_within), out);
    if output::refuse_inputs(args.output.as_deref(), &outcome) {
        return UNTRUSTED;
    }
    let written = match &args.output {
        Some(path) => output::write(path, render)
            .map_err(|e| format!("cannot write `{}`: {e}", path.display())),
        None => output::write_stdout(render).map_err(|e| format!("cannot write the report: {e}")),
    };
    if let Err(message) = written {
        eprintln!("error: {message}");
        return UNTRUSTED;
    }
    match untrusted_reason(&outcome) {
        Some(reason) => {
            eprintln!("error: the results cannot be trusted: {reason}");
            UNTRUSTED
        }
        None => 0,
    }
}
