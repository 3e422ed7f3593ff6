//! `rectify fmt`: rewrite rule files in place in the canonical layout
//! ([`crate::syntax::fmt`]), or with `--check` show the diff and exit 1.
//! Files are replaced atomically and through symbolic links, keeping their
//! permissions and owner ([`super::output`]); a read-only file, a file that
//! does not parse, or one whose layout would not parse back the same is
//! reported (exit 2) and left untouched. A folder with no `*.rules` is an
//! error (exit 2), as it is for `rules check`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use crate::diag::Message;
use crate::i18n::{Args as Words, Catalogue};
use crate::syntax;

use super::UNTRUSTED;
use super::project::Project;
use super::rules::{self, DiagFormat};
use super::settings;

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Rule files or folders (walked for *.rules); `-` reads stdin and writes stdout [default: `rules` in rectify.toml]
    #[arg(value_name = "FILE|DIR|-")]
    pub paths: Vec<PathBuf>,
    /// Change nothing: print a unified diff of each file that is not formatted, and exit 1
    #[arg(long)]
    pub check: bool,
}

/// What happened to one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    Formatted,
    /// Not formatted (`--check`).
    Differs,
    /// Did not parse, or could not be read or written.
    Failed,
}

pub fn run(args: &FmtArgs, project: &Project) -> u8 {
    let words = settings::words(project);
    let (paths, errors) = files(project, &args.paths);
    for (message, help) in &errors {
        super::say_error(words, message, help.as_ref());
    }
    let mut worst = if errors.is_empty() {
        Status::Formatted
    } else {
        Status::Failed
    };
    for path in &paths {
        let status = if path.as_os_str() == "-" {
            stdin(args.check, words)
        } else {
            file(path, args.check, words)
        };
        worst = worst.max(status);
    }
    match worst {
        Status::Formatted => 0,
        Status::Differs => 1,
        Status::Failed => UNTRUSTED,
    }
}

/// The files to format: each path, with folders walked for `*.rules`; and
/// why there are none to format (no paths, or a folder without rule files).
/// None given: `rules` in `rectify.toml` (the bundled set cannot be rewritten).
type Refusal = (Message, Option<Message>);

fn files(project: &Project, given: &[PathBuf]) -> (Vec<PathBuf>, Vec<Refusal>) {
    let given = rules::rule_paths(project, given).value;
    if given.is_empty() {
        let help = Message::new("cli-fmt-no-files.help");
        return (Vec::new(), vec![("cli-fmt-no-files".into(), Some(help))]);
    }
    let (mut out, mut errors) = (Vec::new(), Vec::new());
    for path in given {
        if path.is_dir() {
            let found = crate::load::files_under(&path, &["rules"]);
            if found.is_empty() {
                let message =
                    Message::new("cli-fmt-empty-folder").text("folder", path.display().to_string());
                errors.push((message, None));
            }
            out.extend(found);
        } else {
            out.push(path);
        }
    }
    (out, errors)
}

fn stdin(check: bool, words: &Catalogue) -> Status {
    let text = match crate::load::read_text_from(io::stdin(), crate::load::MAX_FILE_SIZE) {
        Ok(text) => text,
        Err(e) => {
            let message = Message::new("cli-cannot-read-stdin").text("reason", e.to_string());
            super::say_error(words, &message, None);
            return Status::Failed;
        }
    };
    let Some(formatted) = format(&text, "<stdin>", words) else {
        return Status::Failed;
    };
    let mut out = io::stdout().lock();
    let result = if check {
        if formatted == text {
            return Status::Formatted;
        }
        out.write_all(diff(&text, &formatted, "<stdin>").as_bytes())
    } else {
        out.write_all(formatted.as_bytes())
    };
    match result {
        Ok(()) if check => Status::Differs,
        Ok(()) => Status::Formatted,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Status::Formatted,
        Err(e) => {
            let message = Message::new("cli-cannot-write-stdout").text("reason", e.to_string());
            super::say_error(words, &message, None);
            Status::Failed
        }
    }
}

fn file(path: &Path, check: bool, words: &Catalogue) -> Status {
    let name = path.display().to_string();
    let text = match crate::load::read_text(path, crate::load::MAX_FILE_SIZE) {
        Ok(text) => text,
        Err(e) => {
            let message = Message::new("cli-cannot-read-file")
                .text("file", name.as_str())
                .text("reason", e.to_string());
            super::say_error(words, &message, None);
            return Status::Failed;
        }
    };
    let Some(formatted) = format(&text, &name, words) else {
        return Status::Failed;
    };
    if formatted == text {
        return Status::Formatted;
    }
    if check {
        let diff = diff(&text, &formatted, &name);
        let _ = io::stdout().lock().write_all(diff.as_bytes());
        return Status::Differs;
    }
    match super::output::write(path, |out| out.write_all(formatted.as_bytes())) {
        Ok(()) => {
            let args = Words::new().text("file", name.as_str());
            eprintln!("{}", words.format("fmt-formatted", &args));
            Status::Formatted
        }
        Err(e) => {
            let message = Message::new("cli-cannot-write-file")
                .text("file", name.as_str())
                .text("reason", super::output::io_reason(&e, words));
            super::say_error(words, &message, None);
            Status::Failed
        }
    }
}

/// The formatted text, or `None` after reporting why the file does not parse.
fn format(text: &str, name: &str, words: &Catalogue) -> Option<String> {
    match syntax::fmt::format(text) {
        Ok(formatted) => Some(formatted),
        Err(errors) => {
            let files = [rules::source_file(name, text)];
            let diagnostics = rules::syntax_errors(errors);
            let mut err = io::stderr().lock();
            let color = super::check::color(
                super::args::ColorArg::Auto,
                std::io::IsTerminal::is_terminal(&io::stderr()),
            );
            let _ = rules::render(
                &files,
                &diagnostics,
                words,
                DiagFormat::Human,
                color,
                &mut err,
            );
            let args = Words::new().text("file", name);
            let _ = writeln!(err, "error: {}", words.format("fmt-not-changed", &args));
            None
        }
    }
}

/// A unified diff from `old` to `new`, headed with the file's name.
pub fn diff(old: &str, new: &str, name: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(name, &format!("{name} (formatted)"))
        .to_string()
}
