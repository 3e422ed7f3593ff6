//! `rectify check`: resolve the options (the one clock read is here), run
//! the check, render the report to stdout or `--output`, and pick the exit
//! code.

use std::io::{self, IsTerminal, Write};

use crate::outcome::Outcome;
use crate::report::{self, Format, Style};
use crate::run::{self, Options};

use super::UNTRUSTED;
use super::args::{CheckArgs, ColorArg, FailOn, FormatArg, ReportTarget};
use super::output;
use super::spinner::Spinner;

/// Columns for `human` output when stdout is not a terminal.
const DEFAULT_WIDTH: usize = 100;

/// Run `rectify check` and return the exit code. The report is rendered
/// even when the run cannot be trusted, so the user sees why.
pub fn run(args: &CheckArgs) -> u8 {
    let format = format(args.format, github_actions());
    let as_of = args.as_of.unwrap_or_else(today);
    let mut formats = std::iter::once(format).chain(args.reports.iter().map(|r| convert(r.format)));
    let keep_sources = formats.any(Format::wants_sources);
    let mut options = Options {
        paths: args.paths.clone(),
        rules: args.rules.clone(),
        as_of,
        only: args.only.clone(),
        skip: args.skip.clone(),
        jobs: args.jobs.map(|n| n as usize),
        waivers: args.waivers.clone(),
        // Only the pending deadlines the report lists are kept; all are counted.
        pending_within: Some(args.due_within.unwrap_or(0)),
        keep_sources,
        // Reports that show no snippets show no label texts either.
        lean: !keep_sources,
        ..Options::new(as_of)
    };
    if let Some(bytes) = args.max_file_size {
        options.max_file_size = bytes;
    }
    let outcome = {
        let _spinner = Spinner::start("checking records");
        run::check(&options)
    };
    let outputs = args
        .output
        .iter()
        .chain(args.reports.iter().map(|r| &r.file));
    if output::refuse_inputs(outputs.map(|p| p.as_path()), &outcome) {
        return UNTRUSTED;
    }
    let to_stdout = args.output.as_deref().is_none_or(output::is_stdout);
    let to_terminal = to_stdout && io::stdout().is_terminal();
    let style = Style {
        color: color(args.color, to_terminal),
        width: width(to_terminal),
        due_within: args.due_within,
    };
    let render = |out: &mut dyn Write| report::render(&outcome, format, &style, out);
    let written = match &args.output {
        Some(path) if !output::is_stdout(path) => output::write(path, render)
            .map_err(|e| format!("cannot write `{}`: {e}", path.display())),
        _ => output::write_stdout(render).map_err(|e| format!("cannot write the report: {e}")),
    };
    let extra = write_reports(&outcome, &args.reports, &style);
    if let Err(message) = written.and(extra) {
        eprintln!("error: {message}");
        return UNTRUSTED;
    }
    if let Some(reason) = untrusted_reason(&outcome) {
        eprintln!("error: the results cannot be trusted: {reason}");
    }
    exit_code(&outcome, args.fail_on)
}

/// 2 when the run cannot be trusted; else 1 when a finding (not waived) or
/// an input diagnostic is at or above `fail_on`; else 0.
pub fn exit_code(outcome: &Outcome, fail_on: FailOn) -> u8 {
    if !outcome.trusted() {
        return UNTRUSTED;
    }
    let Some(threshold) = fail_on.threshold() else {
        return 0;
    };
    let finding = outcome
        .findings
        .iter()
        .any(|f| !f.waived && f.severity >= threshold);
    let input = outcome.input_errors.iter().any(|e| e.severity >= threshold);
    u8::from(finding || input)
}

/// Why [`Outcome::trusted`] is false, for stderr.
pub(crate) fn untrusted_reason(outcome: &Outcome) -> Option<String> {
    if outcome.trusted() {
        return None;
    }
    let errors = outcome
        .input_errors
        .iter()
        .filter(|e| e.severity == crate::syntax::ast::Severity::Error)
        .count();
    Some(match (outcome.rules.is_empty(), outcome.records) {
        (true, _) => "no rules were loaded".to_string(),
        (false, 0) => "no records were found".to_string(),
        _ if errors == 1 => "1 input error".to_string(),
        _ => format!("{errors} input errors"),
    })
}

/// Each `--report FORMAT=FILE` (`-`: stdout); every one is tried,
/// and the failures are reported together.
fn write_reports(outcome: &Outcome, targets: &[ReportTarget], style: &Style) -> Result<(), String> {
    let plain = Style {
        color: false,
        ..style.clone()
    };
    let failures: Vec<String> = targets
        .iter()
        .filter_map(|t| {
            let render =
                |out: &mut dyn Write| report::render(outcome, convert(t.format), &plain, out);
            output::write(&t.file, render)
                .err()
                .map(|e| format!("cannot write `{}`: {e}", t.file.display()))
        })
        .collect();
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\nerror: "))
    }
}

/// Today in the local time zone: the one clock read of a run.
pub(crate) fn today() -> jiff::civil::Date {
    jiff::ZonedDateTime::now().date()
}

/// `GITHUB_ACTIONS=true`, as set on GitHub's runners.
fn github_actions() -> bool {
    std::env::var_os("GITHUB_ACTIONS").is_some_and(|v| v == "true")
}

/// The format: `--format`, else `github` on GitHub Actions,
/// else `human`.
pub(crate) fn format(arg: Option<FormatArg>, on_github: bool) -> Format {
    let default = if on_github {
        FormatArg::Github
    } else {
        FormatArg::Human
    };
    convert(arg.unwrap_or(default))
}

fn convert(arg: FormatArg) -> Format {
    match arg {
        FormatArg::Human => Format::Human,
        FormatArg::Plain => Format::Plain,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Junit => Format::Junit,
        FormatArg::Github => Format::Github,
        FormatArg::Markdown => Format::Markdown,
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
    fn github_is_the_default_on_github_actions() {
        assert_eq!(format(None, true), Format::Github);
        assert_eq!(format(None, false), Format::Human);
        assert_eq!(format(Some(FormatArg::Json), true), Format::Json);
    }

    #[test]
    fn colour_follows_the_choice_and_the_terminal() {
        assert!(color(ColorArg::Always, false));
        assert!(!color(ColorArg::Never, true));
        assert!(!color(ColorArg::Auto, false));
    }
}
