//! `rectify rules check` (parse and check rule files without records, plus
//! the lint warnings) and `rectify rules doc` (a reference page per rule).
//! Also the rendering of rule-file diagnostics the policy-writer commands
//! share (`fmt`, `test`, `explain`).

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;

use clap::{Args, Subcommand, ValueEnum};
use miette::{GraphicalReportHandler, GraphicalTheme, NarratableReportHandler};

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{Args as Words, Catalogue};
use crate::load::{self, Rules};
use crate::outcome::{InputError, Origin, Outcome, SourceFile, Summary};
use crate::report::diagnostic;

use super::UNTRUSTED;
use super::project::Project;
use super::settings::{self, Flags, Value};

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Parse and check rule files without records; errors and warnings with their places.
    Check(CheckArgs),
    /// Write a Markdown reference page per rule, and an index page.
    Doc(super::doc::DocArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Rule files or folders (walked for *.rules) [default: `rules` in rectify.toml, else the bundled set]
    #[arg(value_name = "FILE|DIR")]
    pub paths: Vec<PathBuf>,
    /// Treat warnings as failures: exit 1 when there are any
    #[arg(long, value_enum, value_name = "WHAT")]
    pub deny: Vec<Deny>,
    /// Output format
    #[arg(long, value_enum, default_value_t = DiagFormat::Human)]
    pub format: DiagFormat,
    /// When to colour the output
    #[arg(long, value_enum, default_value_t = super::args::ColorArg::Auto)]
    pub color: super::args::ColorArg,
    /// The evaluation date, YYYY-MM-DD: warn when the calendars end within
    /// 60 days of it [default: today, local time]
    #[arg(long, value_name = "DATE", value_parser = super::args::parse_date)]
    pub as_of: Option<jiff::civil::Date>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// lint warnings
    Warnings,
}

/// How diagnostics about rule files are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiagFormat {
    /// miette's graphical diagnostics
    Human,
    /// miette's narratable diagnostics
    Plain,
    /// one JSON document
    Json,
}

pub fn run(command: &RulesCommand, project: &Project) -> u8 {
    match command {
        RulesCommand::Check(args) => check(args, project),
        RulesCommand::Doc(args) => super::doc::run(args, project),
    }
}

/// The rule set every command uses: the paths given, else `rules` in
/// `rectify.toml`, else the bundled set (an empty list); and where it came from.
pub fn rule_paths(project: &Project, given: &[PathBuf]) -> Value<Vec<PathBuf>> {
    let flags = Flags {
        rules: given.to_vec(),
        ..Flags::default()
    };
    settings::resolve(project, &flags).rules
}

/// `note: rules: …` on stderr when the command line did not name the rules.
pub fn note_rule_set(rules: &Value<Vec<PathBuf>>, words: &Catalogue) {
    if rules.from != settings::From::CommandLine {
        let rules = Words::new().text("rules", settings::describe_rules(rules, words));
        let note = words.format("cli-note-rules", &rules);
        eprintln!("{}", super::note_line(words, &note));
    }
}

fn check(args: &CheckArgs, project: &Project) -> u8 {
    let paths = rule_paths(project, &args.paths);
    if args.format != DiagFormat::Json {
        note_rule_set(&paths, settings::words(project));
    }
    let rules = load::rules(&paths.value);
    let warnings = warnings(&rules);
    let mut diagnostics = rules.errors.clone();
    diagnostics.extend(warnings);
    if let Some(calendar) = rules.plan.as_ref().and_then(|p| p.calendar.as_ref()) {
        let as_of = args.as_of.unwrap_or_else(super::check::today);
        let near = crate::run::calendar_edge::near_end(&rules.files, calendar, as_of);
        diagnostics.extend(near);
    }
    let rule_count = rules.plan.as_ref().map_or(0, |p| p.rules.len());
    let errors = count(&diagnostics, Severity::Error);
    let warned = count(&diagnostics, Severity::Warning);
    let rule_files = rules
        .files
        .iter()
        .filter(|f| f.name.ends_with(".rules"))
        .count();
    let said = Words::new()
        .count("files", rule_files)
        .count("rules", rule_count)
        .count("errors", errors)
        .count("warnings", warned);
    let words = settings::words(project);
    let summary = words.format("rules-check-summary", &said);
    let written = match args.format {
        DiagFormat::Json => write_json(&rules.files, &diagnostics, words, rule_count),
        format => {
            let mut out = io::stdout().lock();
            let color = super::check::color(args.color, io::stdout().is_terminal());
            render(&rules.files, &diagnostics, words, format, color, &mut out)
                .and_then(|()| writeln!(out, "{summary}"))
        }
    };
    if let Err(e) = written {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write the report: {e}");
            return UNTRUSTED;
        }
    }
    if errors > 0 {
        UNTRUSTED
    } else if warned > 0 && args.deny.contains(&Deny::Warnings) {
        1
    } else {
        0
    }
}

fn count(diagnostics: &[InputError], severity: Severity) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .count()
}

/// The lint warnings of rule sets that loaded and compiled.
pub fn warnings(rules: &Rules) -> Vec<InputError> {
    load::warnings(rules)
}

/// An outcome holding only rule files and diagnostics about them, so the
/// report's diagnostic builder can render them.
fn outcome(files: &[SourceFile], diagnostics: &[InputError]) -> Outcome {
    Outcome {
        as_of: jiff::civil::Date::constant(2000, 1, 1),
        root: std::path::PathBuf::new(),
        files: Vec::new(),
        rule_files: files.to_vec(),
        rules: Vec::new(),
        records: 0,
        record_files: 0,
        findings: Vec::new(),
        input_errors: diagnostics.to_vec(),
        units: Vec::new(),
        progress: Vec::new(),
        progress_by: Vec::new(),
        pending: Vec::new(),
        passes: Vec::new(),
        summary: Summary::default(),
        skipped: Vec::new(),
    }
}

/// Diagnostics about rule files, rendered as `check` renders input errors.
pub fn render(
    files: &[SourceFile],
    diagnostics: &[InputError],
    words: &Catalogue,
    format: DiagFormat,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let outcome = outcome(files, diagnostics);
    let outcome = diagnostic::shown_sources(&outcome).into_owned();
    let color = format == DiagFormat::Human && color;
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let graphical = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false)
        .without_syntax_highlighting()
        .with_show_related_as_nested(true);
    let narratable = NarratableReportHandler::new();
    for e in &outcome.input_errors {
        let diag = diagnostic::input_error(&outcome, e, words);
        let render = |text: &mut String, d: &diagnostic::Diag| match format {
            DiagFormat::Plain => narratable.render_report(text, d),
            _ => graphical.render_report(text, d),
        };
        crate::report::text::write_diagnostic(&diag, render, out)?;
    }
    Ok(())
}

/// Syntax errors of one rule file as input diagnostics (file 0).
pub fn syntax_errors(errors: Vec<Diagnostic>) -> Vec<InputError> {
    errors
        .into_iter()
        .map(|e| InputError::placed(e, Origin::Rule, 0))
        .collect()
}

/// A source file with its text, for diagnostics.
pub fn source_file(name: &str, text: &str) -> SourceFile {
    let text: Arc<str> = Arc::from(text);
    SourceFile {
        name: name.to_string(),
        lines: Some(Arc::new(crate::source::LineIndex::new(&text))),
        text: Some(text),
    }
}

fn write_json(
    files: &[SourceFile],
    diagnostics: &[InputError],
    words: &Catalogue,
    rules: usize,
) -> io::Result<()> {
    let items: Vec<serde_json::Value> = diagnostics
        .iter()
        .map(|d| {
            let mut item = serde_json::json!({
                "code": d.code,
                "severity": d.severity.as_str(),
                "message": d.message.say(words),
            });
            let file = d.place.and_then(|p| files.get(p.file).map(|f| (f, p)));
            if let Some((f, place)) = file {
                item["file"] = f.name.clone().into();
                if let Some((line, column)) = f.line_col(place.span.start) {
                    item["line"] = line.into();
                    item["column"] = column.into();
                }
            }
            if let Some(help) = &d.help {
                item["help"] = help.say(words).into();
            }
            item
        })
        .collect();
    let names: Vec<&str> = files
        .iter()
        .filter(|f| f.name.ends_with(".rules"))
        .map(|f| f.name.as_str())
        .collect();
    let doc = serde_json::json!({
        "version": 1,
        "files": names,
        "rules": rules,
        "errors": count(diagnostics, Severity::Error),
        "warnings": count(diagnostics, Severity::Warning),
        "diagnostics": items,
    });
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &doc).map_err(io::Error::other)?;
    writeln!(out)
}

/// Show why the rules did not load (on stderr) and say what could not run.
/// `what`: the catalogue id of the closing line (`cli-rules-do-not-load`,
/// or an attribute of it that says what did not run).
pub(crate) fn report_load_failure(rules: &crate::load::Rules, what: &str, words: &Catalogue) {
    let color = super::check::color(super::args::ColorArg::Auto, io::stderr().is_terminal());
    let _ = render(
        &rules.files,
        &rules.errors,
        words,
        DiagFormat::Human,
        color,
        &mut io::stderr(),
    );
    eprintln!("{}", super::error_line(words, &words.text(what)));
}
