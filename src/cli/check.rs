//! `rectify check`: resolve the options (the one clock read is here), run
//! the check, render the report to stdout or `--output`, and pick the exit
//! code.

use std::io::{self, IsTerminal, Write};

use crate::diag::{Message, Severity};
use crate::i18n::Catalogue;
use crate::outcome::Outcome;
use crate::report::{self, Format, Style};
use crate::run::{self, Options};

use super::UNTRUSTED;
use super::args::{CheckArgs, ColorArg, FailOn, FormatArg, ReportTarget};
use super::output;
use super::project::Project;
use super::settings::{self, Flags};
use super::spinner::Spinner;

/// Columns for `human` output when stdout is not a terminal.
const DEFAULT_WIDTH: usize = 100;

/// Run `rectify check` and return the exit code. The report is rendered
/// even when the run cannot be trusted, so the user sees why.
pub fn run(args: &CheckArgs, project: &Project) -> u8 {
    let settings = settings::resolve(project, &flags(args));
    let words = settings.lang.value.catalogue();
    let format = convert(settings.format.value);
    let as_of = settings.as_of.value.unwrap_or_else(today);
    let reports: Vec<ReportTarget> = args
        .reports
        .iter()
        .map(|r| ReportTarget {
            format: r.format,
            file: project.path(&r.file),
        })
        .collect();
    let out_file = args.output.as_deref().map(|p| project.path(p));
    let keep_sources = std::iter::once(format)
        .chain(reports.iter().map(|r| convert(r.format)))
        .any(Format::wants_sources);
    let options = Options {
        only: args.only.clone(),
        skip: args.skip.clone(),
        // Only the pending deadlines the report lists are kept; all are counted.
        pending_within: Some(settings.due_within.value.unwrap_or(0)),
        keep_sources,
        // Reports that show no snippets show no label texts either.
        lean: !keep_sources,
        ..settings.options(project, as_of)
    };
    let to_stdout = out_file.as_deref().is_none_or(output::is_stdout);
    let to_terminal = to_stdout && io::stdout().is_terminal();
    let style = Style {
        color: color(args.color, to_terminal),
        width: width(to_terminal),
        due_within: settings.due_within.value,
        fail_on: settings.fail_on.value.threshold(),
        lang: settings.lang.value,
        jobs: options.threads(),
    };
    let formats: Vec<Format> = std::iter::once(format)
        .chain(reports.iter().map(|r| convert(r.format)))
        .collect();
    let mut streams = streams(&formats, &style);
    let streaming = streams.is_some();
    let outcome = {
        let _spinner = Spinner::start(&words.text("cli-spinner-check"));
        match &mut streams {
            Some(streams) => run::check_streaming(&options, streams),
            None => run::check(&options),
        }
    };
    settings.notes(&outcome, matches!(format, Format::Human | Format::Plain));
    let outputs = out_file.iter().chain(reports.iter().map(|r| &r.file));
    if output::refuse_inputs(outputs.map(|p| p.as_path()), &outcome, words) {
        return UNTRUSTED;
    }
    if format == Format::Xlsx && to_terminal {
        output::refuse_binary_to_terminal(words);
        return UNTRUSTED;
    }
    // One streamed output per format, in order: the main one, then each
    // `--report`.
    let mut streamed = streams.into_iter().flat_map(|s| s.0).map(Some);
    let main = streamed.next().flatten();
    let render = |out: &mut dyn Write| match main {
        Some(stream) => stream.finish(&outcome, out),
        None => report::render(&outcome, format, &style, out),
    };
    let written = match &out_file {
        Some(path) if !output::is_stdout(path) => {
            output::write(path, render).map_err(|e| cannot_write(path, &e, words))
        }
        _ => output::write_stdout(render).map_err(|e| cannot_write_report(&e, words)),
    };
    let extra = write_reports(&outcome, &reports, &style, streamed, words);
    let mut failures: Vec<Message> = written.err().into_iter().collect();
    failures.extend(extra);
    if !failures.is_empty() {
        for failure in &failures {
            super::say_error(words, failure, None);
        }
        return UNTRUSTED;
    }
    if all_excluded(&outcome, &settings) {
        // pre-commit passes every changed YAML file; a commit touching
        // only a workflow or mkdocs.yml has no record to check.
        eprintln!(
            "{}",
            super::note_line(words, &words.text("cli-all-excluded"))
        );
        return 0;
    }
    if let Some(reason) = untrusted_reason(&outcome) {
        say_untrusted(words, &reason);
    }
    match streaming {
        true => streamed_exit_code(&outcome, settings.fail_on.value),
        false => exit_code(&outcome, settings.fail_on.value),
    }
}

/// With `--force-exclude`, every file named was skipped and nothing else
/// went wrong: there was nothing to check, which is not a failure.
fn all_excluded(outcome: &Outcome, settings: &settings::Settings) -> bool {
    settings.force_exclude.value
        && settings.records.from == settings::From::CommandLine
        && outcome.record_files == 0
        && !outcome.skipped.is_empty()
        && outcome.input_errors.is_empty()
        && !outcome.rules.is_empty()
}

/// The flags of `check` that settings can come from.
pub(crate) fn flags(args: &CheckArgs) -> Flags {
    Flags {
        paths: args.paths.clone(),
        rules: args.rules.clone(),
        waivers: args.waivers.clone(),
        fail_on: args.fail_on,
        format: args.format,
        as_of: args.as_of,
        due_within: args.due_within,
        jobs: args.jobs,
        max_file_size: args.max_file_size,
        walk: args.walk.clone(),
    }
}

/// 2 when the run cannot be trusted; else 1 when a finding (not waived) or
/// an input diagnostic is at or above `fail_on`; else 0.
pub fn exit_code(outcome: &Outcome, fail_on: FailOn) -> u8 {
    decide(outcome, fail_on, |threshold| {
        (outcome.findings.iter()).any(|f| !f.waived && f.severity >= threshold)
    })
}

/// [`exit_code`] of a streamed run, which kept no findings: from the
/// summary, which counts every finding not waived by severity.
fn streamed_exit_code(outcome: &Outcome, fail_on: FailOn) -> u8 {
    let s = &outcome.summary;
    let counts = [
        (Severity::Error, s.errors),
        (Severity::Warning, s.warnings),
        (Severity::Info, s.infos),
        (Severity::Commendation, s.commendations),
    ];
    decide(outcome, fail_on, |threshold| {
        (counts.iter()).any(|&(severity, n)| n > 0 && severity >= threshold)
    })
}

fn decide(outcome: &Outcome, fail_on: FailOn, finding: impl Fn(Severity) -> bool) -> u8 {
    if !outcome.trusted() {
        return UNTRUSTED;
    }
    let Some(threshold) = fail_on.threshold() else {
        return 0;
    };
    let input = outcome.input_errors.iter().any(|e| e.severity >= threshold);
    u8::from(finding(threshold) || input)
}

/// Why [`Outcome::trusted`] is false, for stderr.
pub(crate) fn untrusted_reason(outcome: &Outcome) -> Option<Message> {
    if outcome.trusted() {
        return None;
    }
    let errors = outcome
        .input_errors
        .iter()
        .filter(|e| e.severity == crate::diag::Severity::Error)
        .count();
    Some(match (outcome.rules.is_empty(), outcome.records) {
        (true, _) => "cli-untrusted-no-rules".into(),
        (false, 0) => "cli-untrusted-no-records".into(),
        _ => input_errors(errors),
    })
}

/// `3 input errors`: why a run with input errors cannot be trusted.
pub(crate) fn input_errors(n: usize) -> Message {
    Message::new("cli-untrusted-input-errors").int("n", i64::try_from(n).unwrap_or(i64::MAX))
}

/// `error: the results cannot be trusted: {reason}` on stderr.
pub(crate) fn say_untrusted(words: &Catalogue, reason: &Message) {
    let reason = Message::new("cli-untrusted").text("reason", reason.say(words));
    super::say_error(words, &reason, None);
}

/// `cannot write `out.json`: {reason}`.
pub(crate) fn cannot_write(
    path: &std::path::Path,
    error: &io::Error,
    words: &Catalogue,
) -> Message {
    Message::new("cli-cannot-write-file")
        .text("file", path.display().to_string())
        .text("reason", output::io_reason(error, words))
}

/// `cannot write the report: {reason}`.
pub(crate) fn cannot_write_report(error: &io::Error, words: &Catalogue) -> Message {
    Message::new("cli-cannot-write-report").text("reason", output::io_reason(error, words))
}

/// The run's outputs as streams, when every one of them streams (and a
/// temporary file can be made for each); `None`: the run keeps its
/// findings and every output is rendered from them.
fn streams(formats: &[Format], style: &Style) -> Option<report::stream::Streams> {
    let plain = Style {
        color: false,
        ..style.clone()
    };
    let made: Option<Vec<_>> = (formats.iter().enumerate())
        .map(|(i, &f)| report::stream::Streamed::new(f, if i == 0 { style } else { &plain }))
        .collect();
    let made: std::io::Result<Vec<_>> = made?.into_iter().collect();
    made.ok().map(report::stream::Streams)
}

/// Each `--report FORMAT=FILE` (`-`: stdout); every one is tried,
/// and the failures are reported together. `streamed` gives each one's
/// stream, when the run streamed.
fn write_reports(
    outcome: &Outcome,
    targets: &[ReportTarget],
    style: &Style,
    mut streamed: impl Iterator<Item = Option<report::stream::Streamed>>,
    words: &Catalogue,
) -> Vec<Message> {
    let plain = Style {
        color: false,
        ..style.clone()
    };
    targets
        .iter()
        .filter_map(|t| {
            let stream = streamed.next().flatten();
            let render = |out: &mut dyn Write| match stream {
                Some(stream) => stream.finish(outcome, out),
                None => report::render(outcome, convert(t.format), &plain, out),
            };
            output::write(&t.file, render)
                .err()
                .map(|e| cannot_write(&t.file, &e, words))
        })
        .collect()
}

/// Today in the local time zone: the one clock read of a run.
pub(crate) fn today() -> jiff::civil::Date {
    jiff::ZonedDateTime::now().date()
}

/// `GITHUB_ACTIONS=true`, as set on GitHub's runners.
pub(crate) fn github_actions() -> bool {
    std::env::var_os("GITHUB_ACTIONS").is_some_and(|v| v == "true")
}

pub(crate) fn convert(arg: FormatArg) -> Format {
    match arg {
        FormatArg::Human => Format::Human,
        FormatArg::Plain => Format::Plain,
        FormatArg::Concise => Format::Concise,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Junit => Format::Junit,
        FormatArg::Github => Format::Github,
        FormatArg::Markdown => Format::Markdown,
        FormatArg::Xlsx => Format::Xlsx,
    }
}

/// `auto`: colour only on a terminal, and not when `NO_COLOR` is set to
/// anything but the empty string.
pub(crate) fn color(arg: ColorArg, to_terminal: bool) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

pub(crate) fn width(to_terminal: bool) -> usize {
    let terminal = to_terminal
        .then(|| terminal_size::terminal_size_of(io::stdout()))
        .flatten();
    terminal.map_or(DEFAULT_WIDTH, |(terminal_size::Width(w), _)| usize::from(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_follows_the_choice_and_the_terminal() {
        assert!(color(ColorArg::Always, false));
        assert!(!color(ColorArg::Never, true));
        assert!(!color(ColorArg::Auto, false));
    }
}
