//! `rectify explain RULE RECORD-ID [PATHS...]`: the derivation of one
//! rule's verdict on one record, as numbered steps
//! ([`crate::eval::explain`]), with the record's place.
//!
//! Exit: 0 explained (whatever the verdict), 2 the rules do not load, or the
//! rule or the record is not found.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::Args;
use jiff::civil::Date;

use crate::eval::explain::explain;
use crate::load;
use crate::run::{self, FindError};

use super::UNTRUSTED;
use super::project::Project;
use super::rules;
use super::settings::{self, Flags};

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule id, like `plan-on-time`
    pub rule: String,
    /// The record id, like `JS-2022-R2-07`
    pub record: String,
    /// Record files or folders to search (walked for *.yaml, *.yml) [default: .]
    pub paths: Vec<PathBuf>,
    /// A rule file or folder of *.rules; repeatable [default: `rules` in rectify.toml, else the bundled rule set]
    #[arg(long = "rules", value_name = "FILE|DIR")]
    pub rules: Vec<PathBuf>,
    /// The evaluation date, YYYY-MM-DD [default: `as-of` in rectify.toml, else today, local time]
    #[arg(long, value_name = "DATE", value_parser = super::args::parse_date)]
    pub as_of: Option<Date>,
    #[command(flatten)]
    pub walk: super::args::WalkArgs,
}

pub fn run(args: &ExplainArgs, project: &Project) -> u8 {
    let flags = Flags {
        paths: args.paths.clone(),
        rules: args.rules.clone(),
        as_of: args.as_of,
        walk: args.walk.clone(),
        ..Flags::default()
    };
    let settings = settings::resolve(project, &flags);
    let as_of = settings.as_of.value.unwrap_or_else(super::check::today);
    let rules = load::rules(&settings.rules.value);
    let Some(plan) = rules.plan.as_ref() else {
        rules::report_load_failure(&rules, "");
        return UNTRUSTED;
    };
    let ids: Vec<&str> = plan.rules.iter().map(|r| r.id.as_str()).collect();
    let Some(index) = ids.iter().position(|id| *id == args.rule) else {
        eprintln!("error: no rule `{}` is loaded", args.rule);
        if let Some(help) = crate::suggest::help(&args.rule, &ids) {
            eprintln!("  help: {help}");
        }
        return UNTRUSTED;
    };
    let schema = run::schema(plan);
    let options = settings.options(project, as_of);
    let found = match run::find_record(&options.paths, &args.record, &schema, &options.discovery) {
        Ok(found) => found,
        Err(FindError::NotFound { files }) => {
            eprintln!(
                "error: no record `{}` in {files} record file{}",
                args.record,
                if files == 1 { "" } else { "s" }
            );
            return UNTRUSTED;
        }
        Err(FindError::Unreadable(problems)) => {
            for p in problems {
                eprintln!("error: {p}");
            }
            return UNTRUSTED;
        }
    };
    for (path, line) in &found.duplicates {
        eprintln!(
            "warning: record id `{}` is also defined at {}:{line}; explaining the first",
            args.record,
            path.display()
        );
    }
    let line = run::find::line(&found.text, found.record.id.span.start);
    let place = format!("{}:{line}", found.path.display());
    let mut out = io::stdout().lock();
    let written = match explain(plan, &found.record, index, as_of) {
        Some(explanation) => print(
            &mut out,
            &args.rule,
            &args.record,
            &place,
            &explanation.steps,
        ),
        None => {
            let kind = &plan.kinds[plan.rules[index].kind].name;
            writeln!(
                out,
                "rule `{}` applies to `{kind}` records; record `{}` ({place}) is a `{}`, so the rule does not apply to it",
                args.rule, args.record, found.record.kind.value
            )
        }
    };
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("error: cannot write the explanation: {e}");
            UNTRUSTED
        }
        _ => 0,
    }
}

/// Numbered steps; an indented step details the one before and is not numbered.
fn print(
    out: &mut dyn Write,
    rule: &str,
    record: &str,
    place: &str,
    steps: &[String],
) -> io::Result<()> {
    writeln!(out, "rule `{rule}` on record `{record}` ({place})")?;
    let mut n = 0;
    for step in steps {
        if step.starts_with(' ') {
            writeln!(out, "    {}", step.trim_start())?;
        } else {
            n += 1;
            writeln!(out, "{n:>2}. {step}")?;
        }
    }
    Ok(())
}
