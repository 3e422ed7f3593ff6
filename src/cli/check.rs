//! `rectify check`: resolve the options (the one clock read is here), run
//! the check, render the report to stdout or `--output`, and pick the exit
//! code.

use std::fs::{self, OpenOptions};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;

use crate::outcome::Outcome;
use crate::report::{self, Format, Style};
use crate::run::{self, Options};

use super::UNTRUSTED;
use super::args::{CheckArgs, ColorArg, FailOn, FormatArg, ReportTarget};
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
        // The project root, until a configuration file names one.
        root: std::env::current_dir().unwrap_or_default(),
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
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let style = Style {
        color: color(args.color, to_terminal),
        width: width(to_terminal),
        due_within: args.due_within,
        fail_on: args.fail_on.threshold(),
    };
    let render = |out: &mut dyn Write| report::render(&outcome, format, &style, out);
    let written = match &args.output {
        Some(path) => write_atomically(path, render)
            .map_err(|e| format!("cannot write `{}`: {e}", path.display())),
        None => write_stdout(render).map_err(|e| format!("cannot write the report: {e}")),
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

/// Each `--report FORMAT=FILE`, written atomically; every one is tried,
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
            write_atomically(&t.file, render)
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

/// Render to stdout; a closed pipe (`rectify check | head`) is not an error.
pub(crate) fn write_stdout(
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    match render(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Render into a temporary file beside `path`, then rename it over `path`,
/// so a reader never sees half a report.
pub(crate) fn write_atomically(
    path: &Path,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let temp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut out = BufWriter::new(
            OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temp)?,
        );
        // Keep the permissions of a file being replaced (a rule file `fmt` rewrites).
        if let Ok(meta) = fs::metadata(path) {
            let _ = fs::set_permissions(&temp, meta.permissions());
        }
        render(&mut out)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
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

    #[test]
    fn output_file_is_replaced_whole() {
        let dir = std::env::temp_dir().join(format!("rectify-cli-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("report.json");
        fs::write(&path, "old").expect("seed");
        write_atomically(&path, |out| out.write_all(b"new\n")).expect("write");
        assert_eq!(fs::read_to_string(&path).expect("read"), "new\n");
        let failed = write_atomically(&path, |_| Err(io::Error::other("boom")));
        assert!(failed.is_err());
        assert_eq!(
            fs::read_to_string(&path).expect("read"),
            "new\n",
            "a failed render leaves the old file"
        );
        assert_eq!(
            fs::read_dir(&dir).expect("list").count(),
            1,
            "no temporary file left behind"
        );
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn unwritable_output_is_an_error() {
        let path = Path::new("/nonexistent-rectify-dir/report.json");
        assert!(write_atomically(path, |out| out.write_all(b"x")).is_err());
    }
}
