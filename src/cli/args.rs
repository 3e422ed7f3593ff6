//! The clap definitions of every command and option.
//!
//! Only parsing lives here: a value that cannot be parsed (a bad `--as-of`)
//! is a usage error, which clap reports and exits 2 for.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use crate::diag::{Join, Message, Severity};
use crate::i18n::{Catalogue, Lang};

/// Check environmental-inspection rectification records against rules.
#[derive(Debug, Parser)]
#[command(name = "rectify", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub config: ConfigChoice,
}

/// `--lang`: a language rectify has a catalogue for, by any of its names
/// (`zh-CN`, `zh_CN.UTF-8`, `zh`, `en-US`).
fn parse_lang(name: &str) -> Result<Lang, String> {
    Lang::parse(name).ok_or_else(|| unknown_lang(name).say(words()))
}

/// The error for a language rectify does not speak.
pub fn unknown_lang(name: &str) -> Message {
    let known: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    Message::new("cli-unknown-lang")
        .text("name", name)
        .names("known", Join::And, known)
}

/// The words of a value that does not parse: clap parses before a
/// project's settings are known.
fn words() -> &'static Catalogue {
    super::help::process_lang().catalogue()
}

/// Which `rectify.toml` applies, and the language; global, so they may
/// follow the subcommand.
#[derive(Debug, Default, Args)]
pub struct ConfigChoice {
    /// The language of messages, summaries and reports: `en` or `zh-CN`
    /// (else RECTIFY_LANG, `lang` in rectify.toml, the locale, English)
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Use this configuration file instead of the nearest rectify.toml
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore every rectify.toml: command-line flags and defaults only
    #[arg(long, global = true)]
    pub no_config: bool,
}

/// How folders of records are walked (`check`, `report`, `explain`, `config`).
#[derive(Clone, Debug, Default, Args)]
pub struct WalkArgs {
    /// Walk hidden files and folders too
    #[arg(long)]
    pub hidden: bool,
    /// Do not honour .gitignore and .ignore files (nor `respect-gitignore`)
    #[arg(long)]
    pub no_ignore: bool,
    /// Skip files named on the command line that lie outside the configured
    /// `records` or inside `exclude` (for pre-commit's file lists)
    #[arg(long)]
    pub force_exclude: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check records against rules and report findings, scores and progress.
    Check(CheckArgs),
    /// The progress disclosure and unit scoreboard: tasks completed and
    /// overdue, petitions closed, per round and per unit; what falls due soon.
    Report(ReportArgs),
    /// Print the JSON Schema of the record format (for editors).
    Schema,
    /// Work with rule files: check them without records, generate their docs.
    #[command(subcommand)]
    Rules(super::rules::RulesCommand),
    /// Rewrite rule files in place in the one canonical layout, keeping every
    /// comment (`--check`: change nothing, show the diff).
    Fmt(super::fmt::FmtArgs),
    /// Run rule tests: records, an evaluation date and the findings expected.
    Test(super::test::TestArgs),
    /// Show how one rule's verdict on one record (or a group rule's on one group) was derived, step by step.
    Explain(super::explain::ExplainArgs),
    /// Show the resolved settings (rectify.toml, flags, defaults) and where each came from.
    Config(super::show::ConfigArgs),
    /// What changed between the check on one day and on a later one: new
    /// findings, resolved findings, each unit's score.
    Diff(super::diff::DiffArgs),
    /// Read a spreadsheet ledger (.xlsx, .csv) into record files, one ledger file per responsible unit.
    Import(super::import::ImportArgs),
    /// A language server for rule files and record files, over stdin and stdout.
    Lsp(super::lsp::LspArgs),
    /// Write a commented rectify.toml here (and with --rules a copy of the bundled rules).
    Init(super::init::InitArgs),
    /// List the diagnostic codes with their descriptions, or describe one code.
    Codes(super::codes::CodesArgs),
    /// Print a shell completion script.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Record files or folders (walked for *.yaml, *.yml) [default: `records` in rectify.toml, else .]
    pub paths: Vec<PathBuf>,
    /// A rule file or folder of *.rules; repeatable [default: `rules` in rectify.toml, else the bundled rule set]
    #[arg(long = "rules", value_name = "FILE|DIR")]
    pub rules: Vec<PathBuf>,
    /// The evaluation date, YYYY-MM-DD [default: `as-of` in rectify.toml, else today, local time]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// Output format [default: `format` in rectify.toml, else github when GITHUB_ACTIONS=true, else human]
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Write the report to FILE instead of stdout (atomically)
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write the report in FORMAT to FILE (atomically); repeatable,
    /// e.g. `--report sarif=rectify.sarif --report json=rectify.json`
    #[arg(long = "report", value_name = "FORMAT=FILE", value_parser = parse_report)]
    pub reports: Vec<ReportTarget>,
    /// Exit 1 when a finding at or above this severity is not waived [default: error]
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Check only this rule; repeatable
    #[arg(long, value_name = "RULE")]
    pub only: Vec<String>,
    /// Do not check this rule; repeatable
    #[arg(long, value_name = "RULE")]
    pub skip: Vec<String>,
    /// Worker threads, at most 4 per core [default: one per core]
    #[arg(long, value_name = "N", value_parser = parse_jobs)]
    pub jobs: Option<u32>,
    /// When to colour the output
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// List the stages that fall due within DAYS of the evaluation date
    /// (at most 36500, a hundred years)
    #[arg(long, value_name = "DAYS", value_parser = due_within_range())]
    pub due_within: Option<u32>,
    /// A waiver file (rule, record, reason, until, approved_by); repeatable
    #[arg(long = "waivers", value_name = "FILE")]
    pub waivers: Vec<PathBuf>,
    /// Refuse record files larger than BYTES [default: 64 MiB]
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,
    #[command(flatten)]
    pub walk: WalkArgs,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// miette's graphical diagnostics
    #[default]
    Human,
    /// miette's narratable diagnostics, plain sentences
    Plain,
    /// one line per finding: `file:line:col: rule: message [points]`
    Concise,
    /// the JSON report (version 1)
    Json,
    /// SARIF 2.1.0, for GitHub code scanning
    Sarif,
    /// JUnit XML, one test suite per rule
    Junit,
    /// GitHub Actions annotations (workflow commands)
    Github,
    /// a markdown summary for a pull-request comment
    Markdown,
    /// an Excel workbook: findings, scoreboard, progress by unit (needs --output)
    Xlsx,
}

/// `--report FORMAT=FILE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportTarget {
    pub format: FormatArg,
    pub file: PathBuf,
}

/// `sarif=out.sarif`: a format name, `=`, a file name.
fn parse_report(text: &str) -> Result<ReportTarget, String> {
    let Some((name, file)) = text.split_once('=') else {
        return Err(Message::new("cli-arg-report-shape")
            .text("found", text)
            .say(words()));
    };
    let format = FormatArg::from_str(name, true).map_err(|_| {
        let names: Vec<String> = FormatArg::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
            .collect();
        Message::new("cli-arg-report-format")
            .text("name", name)
            .list("names", Join::Plain, names)
            .say(words())
    })?;
    if file.is_empty() {
        return Err(Message::new("cli-arg-report-no-file")
            .text("name", name)
            .say(words()));
    }
    Ok(ReportTarget {
        format,
        file: PathBuf::from(file),
    })
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Record files or folders (walked for *.yaml, *.yml) [default: `records` in rectify.toml, else .]
    pub paths: Vec<PathBuf>,
    /// A rule file or folder of *.rules; repeatable [default: `rules` in rectify.toml, else the bundled rule set]
    #[arg(long = "rules", value_name = "FILE|DIR")]
    pub rules: Vec<PathBuf>,
    /// The evaluation date, YYYY-MM-DD [default: `as-of` in rectify.toml, else today, local time]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    /// List the stages that fall due within DAYS of the evaluation date
    /// (at most 36500, a hundred years) [default: 30]
    #[arg(long, value_name = "DAYS", value_parser = due_within_range())]
    pub due_within: Option<u32>,
    /// A waiver file (rule, record, reason, until, approved_by); repeatable
    #[arg(long = "waivers", value_name = "FILE")]
    pub waivers: Vec<PathBuf>,
    /// Output form
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
    /// Write the report to FILE instead of stdout (atomically)
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Worker threads, at most 4 per core [default: one per core]
    #[arg(long, value_name = "N", value_parser = parse_jobs)]
    pub jobs: Option<u32>,
    /// When to colour the output (the table has none; accepted for symmetry)
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    #[command(flatten)]
    pub walk: WalkArgs,
    /// Progress at each period end instead: as `check --as-of` would have
    /// given it on that day, from the stage dates
    #[arg(long, value_enum, value_name = "PERIOD")]
    pub history: Option<HistoryArg>,
    /// The first day of the history (its first period is the one holding
    /// it) [default: the earliest `assigned` of the records]
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "history")]
    pub from: Option<Date>,
    /// The last day of the history [default: the evaluation date]
    #[arg(long, value_name = "DATE", value_parser = parse_date, requires = "history")]
    pub to: Option<Date>,
}

/// The periods of `report --history`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum HistoryArg {
    /// weeks ending on Sunday
    Weekly,
    /// calendar months
    Monthly,
    /// calendar quarters
    Quarterly,
}

impl HistoryArg {
    pub fn every(self) -> crate::run::history::Every {
        use crate::run::history::Every;
        match self {
            HistoryArg::Weekly => Every::Week,
            HistoryArg::Monthly => Every::Month,
            HistoryArg::Quarterly => Every::Quarter,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// aligned columns for a terminal
    Table,
    /// markdown, for a wiki page or a pull-request comment
    Markdown,
    /// one self-contained HTML file with charts (no external resources)
    Html,
    /// an Excel workbook: findings, scoreboard, progress by unit (needs --output)
    Xlsx,
    /// the JSON progress history, version 1 (with --history only; the
    /// check's own JSON is `rectify check --format json`)
    Json,
}

/// The lowest severity that makes `check` exit 1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    #[default]
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

/// The longest `--due-within`, in days: a hundred years.
pub const MAX_DUE_WITHIN: u32 = 36_500;

/// Worker threads per core `--jobs` may ask for: more only adds switching,
/// and tens of thousands of threads exhaust the process.
pub const JOBS_PER_CORE: u32 = 4;

fn due_within_range() -> clap::builder::RangedI64ValueParser<u32> {
    clap::value_parser!(u32).range(0..=i64::from(MAX_DUE_WITHIN))
}

/// `--jobs N`: from 1 to [`JOBS_PER_CORE`] per core of this machine.
pub(crate) fn parse_jobs(text: &str) -> Result<u32, String> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let max = u32::try_from(cores)
        .unwrap_or(u32::MAX)
        .saturating_mul(JOBS_PER_CORE);
    jobs_within(text, max)
}

fn jobs_within(text: &str, max: u32) -> Result<u32, String> {
    let n: u32 = text.parse().map_err(|_| {
        Message::new("cli-arg-jobs-number")
            .text("found", text)
            .say(words())
    })?;
    if n == 0 || n > max {
        let message = Message::new("cli-arg-jobs-range")
            .int("n", i64::from(n))
            .int("max", i64::from(max))
            .int("per-core", i64::from(JOBS_PER_CORE));
        return Err(message.say(words()));
    }
    Ok(n)
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
        return Err(Message::new("cli-arg-date-shape")
            .text("found", text)
            .say(words()));
    }
    Date::strptime("%Y-%m-%d", text).map_err(|_| {
        Message::new("cli-arg-date-invalid")
            .text("found", text)
            .say(words())
    })
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn report_targets_name_a_format_and_a_file() {
        use super::{FormatArg, parse_report};
        let target = parse_report("sarif=out/rectify.sarif").expect("valid");
        assert_eq!(target.format, FormatArg::Sarif);
        assert_eq!(target.file.to_str(), Some("out/rectify.sarif"));
        assert!(parse_report("JSON=a=b.json").is_ok_and(|t| t.file.to_str() == Some("a=b.json")));
        for bad in ["sarif", "sarif=", "xml=out.xml", "=out"] {
            assert!(parse_report(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn jobs_are_bounded_by_the_cores() {
        use super::jobs_within;
        assert_eq!(jobs_within("8", 8), Ok(8));
        for bad in ["0", "9", "100000", "-1", "many", "99999999999"] {
            assert!(jobs_within(bad, 8).is_err(), "{bad}");
        }
    }

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
