//! The clap definitions of every command and option.
//!
//! Only parsing lives here: a value that cannot be parsed (a bad `--as-of`)
//! is a usage error, which clap reports and exits 2 for.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use crate::syntax::ast::Severity;

/// Check environmental-inspection rectification records against rules.
#[derive(Debug, Parser)]
#[command(name = "rectify", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check records against rules and report findings, scores and progress.
    Check(CheckArgs),
    /// Work with rule files: check them without records, generate their docs.
    #[command(subcommand)]
    Rules(super::rules::RulesCommand),
    /// Print rule files in the one canonical layout, keeping every comment.
    Fmt(super::fmt::FmtArgs),
    /// Run rule tests: records, an evaluation date and the findings expected.
    Test(super::test::TestArgs),
    /// Show how one rule's verdict on one record was derived, step by step.
    Explain(super::explain::ExplainArgs),
    /// Print a shell completion script.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Record files or folders (walked for *.yaml, *.yml) [default: .]
    pub paths: Vec<PathBuf>,
    /// A rule file or folder of *.rules; repeatable [default: the bundled rule set]
    #[arg(long = "rules", value_name = "FILE|DIR")]
    pub rules: Vec<PathBuf>,
    /// The evaluation date, YYYY-MM-DD [default: today, local time]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Output format [default: human]
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Write the report to FILE instead of stdout (atomically)
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when a finding at or above this severity is not waived
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Check only this rule; repeatable
    #[arg(long, value_name = "RULE")]
    pub only: Vec<String>,
    /// Do not check this rule; repeatable
    #[arg(long, value_name = "RULE")]
    pub skip: Vec<String>,
    /// Worker threads [default: one per core]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub jobs: Option<u32>,
    /// When to colour the output
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// List the stages that fall due within DAYS of the evaluation date
    #[arg(long, value_name = "DAYS")]
    pub due_within: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// miette's graphical diagnostics
    Human,
    /// miette's narratable diagnostics, plain sentences
    Plain,
    /// the JSON report (version 1)
    Json,
}

/// The lowest severity that makes `check` exit 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    /// never exit 1 (2 still means the run cannot be trusted)
    Never,
}

impl FailOn {
    /// The lowest failing severity; `None` for `never`.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// colour when stdout is a terminal and NO_COLOR is unset or empty
    Auto,
    Always,
    Never,
}

/// `YYYY-MM-DD`, a real civil date (`2023-02-30` is refused).
pub(crate) fn parse_date(text: &str) -> Result<Date, String> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped {
        return Err(format!(
            "expected a date of the form YYYY-MM-DD, found `{text}`"
        ));
    }
    Date::strptime("%Y-%m-%d", text).map_err(|_| format!("`{text}` is not a date in the calendar"))
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn dates_must_be_iso_and_real() {
        assert_eq!(
            parse_date("2024-01-15").map(|d| d.to_string()),
            Ok("2024-01-15".to_string())
        );
        for bad in [
            "2023-02-30",
            "2024-1-15",
            "15/01/2024",
            "2024-01-15T00:00",
            "",
            "today",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }
}
