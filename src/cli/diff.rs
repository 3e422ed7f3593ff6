//! `rectify diff --from DATE [--to DATE] [PATHS]`: the check on two days,
//! from one reading of the records ([`crate::run::history`]), compared
//! ([`crate::report::diff`]): new findings, resolved findings, score
//! changes per unit.
//!
//! Exit codes, like `git diff`: 0 whatever changed; with `--exit-code`, 1
//! when there are new findings; 2 when the run cannot be trusted, `--from`
//! is after `--to`, or the output cannot be written.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use jiff::civil::Date;

use crate::i18n::Args as Words;
use crate::report::diff::{Diff, Form};
use crate::run::{self, Options};

use super::UNTRUSTED;
use super::args::{ColorArg, WalkArgs};
use super::check::today;
use super::project::Project;
use super::settings::{self, Flags};
use super::spinner::Spinner;

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Record files or folders (walked for *.yaml, *.yml) [default: `records` in rectify.toml, else .]
    pub paths: Vec<PathBuf>,
    /// A rule file or folder of *.rules; repeatable [default: `rules` in rectify.toml, else the bundled rule set]
    #[arg(long = "rules", value_name = "FILE|DIR")]
    pub rules: Vec<PathBuf>,
    /// The earlier day, YYYY-MM-DD
    #[arg(long, value_name = "DATE", value_parser = super::args::parse_date)]
    pub from: Date,
    /// The later day [default: the evaluation date: `as-of` in rectify.toml, else today]
    #[arg(long, value_name = "DATE", value_parser = super::args::parse_date)]
    pub to: Option<Date>,
    /// Output format
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
    /// Write the report to FILE instead of stdout (atomically)
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when there are new findings (as `git diff --exit-code`)
    #[arg(long)]
    pub exit_code: bool,
    /// A waiver file (rule, record, reason, until, approved_by); repeatable
    #[arg(long = "waivers", value_name = "FILE")]
    pub waivers: Vec<PathBuf>,
    /// Worker threads, at most 4 per core [default: one per core]
    #[arg(long, value_name = "N", value_parser = super::args::parse_jobs)]
    pub jobs: Option<u32>,
    /// When to colour the output (the tables have none; accepted for symmetry)
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    #[command(flatten)]
    pub walk: WalkArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// aligned tables for a terminal
    Human,
    /// markdown, for the minutes of a scheduling meeting
    Markdown,
    /// JSON, version 1
    Json,
}

pub fn run(args: &DiffArgs, project: &Project) -> u8 {
    let flags = Flags {
        paths: args.paths.clone(),
        rules: args.rules.clone(),
        waivers: args.waivers.clone(),
        jobs: args.jobs,
        walk: args.walk.clone(),
        ..Flags::default()
    };
    let settings = settings::resolve(project, &flags);
    let to = args
        .to
        .unwrap_or_else(|| settings.as_of.value.unwrap_or_else(today));
    if args.from > to {
        let words = settings.lang.value.catalogue();
        let dates = Words::new()
            .text("from", args.from.to_string())
            .text("to", to.to_string());
        eprintln!(
            "{}\n  = {}",
            super::error_line(words, &words.format("diff-from-after-to", &dates)),
            super::help_line(words, &words.text("diff-from-after-to-help"))
        );
        return UNTRUSTED;
    }
    let options = Options {
        keep_sources: false,
        lean: true,
        pending_within: Some(0),
        ..settings.options(project, to)
    };
    let history = {
        let _spinner = Spinner::start(&settings.lang.value.catalogue().text("cli-spinner-diff"));
        run::history::run(&options, &[args.from, to], None)
    };
    let (Some(before), Some(after)) = (history.outcomes.first(), history.last()) else {
        return UNTRUSTED;
    };
    settings.notes(after, args.format == DiffFormat::Human);
    let words = settings.lang.value.catalogue();
    let diff = Diff::new(before, after, words);
    let form = match args.format {
        DiffFormat::Human => Form::Human,
        DiffFormat::Markdown => Form::Markdown,
        DiffFormat::Json => Form::Json,
    };
    let out_file = args.output.as_deref().map(|p| project.path(p));
    let render = |out: &mut dyn Write| diff.render(form, words, out);
    if let Err(code) = super::report::emit(out_file.as_deref(), false, after, words, render) {
        return code;
    }
    if let Some(reason) = super::history::untrusted(&history) {
        super::check::say_untrusted(words, &reason);
        return UNTRUSTED;
    }
    u8::from(args.exit_code && !diff.new.is_empty())
}
