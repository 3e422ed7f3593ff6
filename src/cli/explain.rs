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
use crate::report::neutral;
use crate::run::{self, FindError};

use super::UNTRUSTED;
use super::rules;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule id, like `plan-on-time`
    pub rule: String,
    /// The record id, like `JS-2022-R2-07`
    pub record: String,
    /// Record files or folders to search (walked for *.yaml, *.yml) [default: .]
    pub paths: Vec<PathBuf>,
    /// A rule file or folder of *.rules; repeatable [default: the bundled rule set]
    #[arg(long = "rules", value_name = "FILE|DIR")]
    pub rules: Vec<PathBuf>,
    /// The evaluation date, YYYY-MM-DD [default: today, local time]
    #[arg(long, value_name = "DATE", value_parser = super::args::parse_date)]
    pub as_of: Option<Date>,
}

pub fn run(args: &ExplainArgs) -> u8 {
    let as_of = args
        .as_of
        .unwrap_or_else(|| jiff::ZonedDateTime::now().date());
    let rules = load::rules(&args.rules);
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
    let found = match run::find_record(&args.paths, &args.record, &schema) {
        Ok(found) => found,
        Err(FindError::NotFound { files }) => {
            eprintln!(
                "error: no record `{}` in {files} record file{}",
                neutral::text(&args.record),
                if files == 1 { "" } else { "s" }
            );
            return UNTRUSTED;
        }
        Err(FindError::Unreadable(problems)) => {
            for p in problems {
                eprintln!("error: {}", neutral::text(&p.to_string()));
            }
            return UNTRUSTED;
        }
    };
    for (path, line) in &found.duplicates {
        eprintln!(
            "warning: record id `{}` is also defined at {}:{line}; explaining the first",
            neutral::text(&args.record),
            neutral::text(&path.display().to_string())
        );
    }
    let line = run::find::line(&found.text, found.record.id.span.start);
    let place = format!(
        "{}:{line}",
        neutral::text(&found.path.display().to_string())
    );
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
                args.rule,
                neutral::text(&args.record),
                neutral::text(&found.record.kind.value)
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

/// Numbered steps; an indented step details the one before and is not
/// numbered. Steps quote record values, so each is shown through
/// [`neutral::text`].
fn print(
    out: &mut dyn Write,
    rule: &str,
    record: &str,
    place: &str,
    steps: &[String],
) -> io::Result<()> {
    writeln!(
        out,
        "rule `{rule}` on record `{}` ({place})",
        neutral::text(record)
    )?;
    let mut n = 0;
    for step in steps {
        let shown = neutral::text(step.trim_start());
        if step.starts_with(' ') {
            writeln!(out, "    {shown}")?;
        } else {
            n += 1;
            writeln!(out, "{n:>2}. {shown}")?;
        }
    }
    Ok(())
}
