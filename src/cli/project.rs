//! The project a command works in: its `rectify.toml` (found by walking up
//! from the working folder, or named by `--config`, or none with
//! `--no-config`) and its root (the config file's folder, else the git
//! root, else the working folder).
//!
//! Commands work from the root: [`open`] changes into it, and every path
//! given on the command line is rebased onto it with [`Project::path`], so
//! every file name in every output is relative to the root, whatever folder
//! the command ran from. Paths in `rectify.toml` are relative to its folder,
//! which is the root.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, Config};
use crate::diag::{Diagnostic, Message};
use crate::i18n::Lang;
use crate::outcome::{InputError, Origin};
use crate::source::{LineIndex, Span};
use crate::walk::tidy;

use super::UNTRUSTED;
use super::args::ConfigChoice;

/// The largest `rectify.toml` read (it is a page of settings).
const MAX_CONFIG_SIZE: u64 = 1 << 20;

/// The project root and its configuration.
#[derive(Debug)]
pub struct Project {
    /// Absolute; the folder commands work from.
    pub root: PathBuf,
    /// The working folder the command was started in (absolute).
    pub cwd: PathBuf,
    /// Why the root is the root, for `rectify config`: an attribute of
    /// the catalogue's `cli-root-from` (`cli-root-from.config`).
    pub root_from: &'static str,
    pub config: Option<Loaded>,
    /// `--lang`, when given.
    pub lang_flag: Option<Lang>,
    /// `RECTIFY_LANG`, when set to a language rectify speaks (set to
    /// another, the command stops before it starts).
    pub lang_env: Option<Lang>,
}

/// A `rectify.toml` that was read and parsed.
#[derive(Debug)]
pub struct Loaded {
    /// As shown to the user: its file name (relative to the root).
    pub name: String,
    pub text: Arc<str>,
    pub lines: LineIndex,
    pub config: Config,
}

impl Loaded {
    /// `rectify.toml:3`: where a setting was made.
    pub fn at(&self, span: Span) -> String {
        let (line, _) = self.lines.line_col(&self.text, span.start);
        format!("{}:{line}", self.name)
    }
}

impl Project {
    /// A path from the command line, relative to the folder the command
    /// started in, as a path relative to the root (absolute when outside it).
    /// `-` (stdin or stdout) is kept.
    pub fn path(&self, given: &Path) -> PathBuf {
        if given.as_os_str() == "-" {
            return given.to_path_buf();
        }
        let full = tidy(&self.cwd.join(given));
        match full.strip_prefix(&self.root) {
            Ok(rest) if rest.as_os_str().is_empty() => PathBuf::from("."),
            Ok(rest) => rest.to_path_buf(),
            Err(_) => full,
        }
    }

    pub fn paths(&self, given: &[PathBuf]) -> Vec<PathBuf> {
        given.iter().map(|p| self.path(p)).collect()
    }

    /// The parsed configuration, if there is one.
    pub fn settings(&self) -> Option<&Config> {
        self.config.as_ref().map(|c| &c.config)
    }
}

/// Find and parse the configuration, settle the root and change into it.
/// Problems (an unreadable or invalid `rectify.toml`, a missing `--config`
/// file) are reported on stderr, as the exit code to end with.
pub fn open(choice: &ConfigChoice) -> Result<Project, u8> {
    let words = super::help::process_lang().catalogue();
    let cwd = std::env::current_dir().map_err(|e| {
        super::say_error(words, &super::io_error("cli-cannot-read-cwd", &e), None);
        UNTRUSTED
    })?;
    let file = match (&choice.config, choice.no_config) {
        (_, true) => None,
        (Some(file), false) => Some(tidy(&cwd.join(file))),
        (None, false) => find(&cwd),
    };
    let config = match &file {
        Some(path) => Some(load(path, choice)?),
        None => None,
    };
    let (root, root_from) = match &file {
        Some(path) => (
            path.parent().map_or_else(|| cwd.clone(), Path::to_path_buf),
            "cli-root-from.config",
        ),
        None => match git_root(&cwd) {
            Some(root) => (root, "cli-root-from.git"),
            None => (cwd.clone(), "cli-root-from.cwd"),
        },
    };
    if let Err(e) = std::env::set_current_dir(&root) {
        let message =
            super::io_error("cli-cannot-enter-root", &e).text("root", root.display().to_string());
        super::say_error(words, &message, None);
        return Err(UNTRUSTED);
    }
    let lang_env = lang_from_env()?;
    Ok(Project {
        root,
        cwd,
        root_from,
        config,
        lang_flag: choice.lang,
        lang_env,
    })
}

/// The nearest `rectify.toml` in `start` or a folder above it.
pub fn find(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(config::FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// The nearest folder holding `.git` (a folder, or a file in a worktree).
fn git_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join(".git").exists())
        .map(Path::to_path_buf)
}

/// Read and parse the configuration; it is named by its file name, as
/// every path is named relative to the project root, its folder. Problems
/// are said in [`fallback_lang`].
fn load(path: &Path, choice: &ConfigChoice) -> Result<Loaded, u8> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let text = crate::load::read_text(path, MAX_CONFIG_SIZE).map_err(|reason| {
        let message = reason
            .message("config-unreadable")
            .text("name", crate::report::neutral::text(&name));
        eprintln!("{}", message.say(fallback_lang(choice).catalogue()));
        UNTRUSTED
    })?;
    let text: Arc<str> = Arc::from(text);
    match config::parse(&text) {
        Ok(config) => Ok(Loaded {
            lines: LineIndex::new(&text),
            name,
            text,
            config,
        }),
        Err(errors) => {
            report(&name, &text, &errors, fallback_lang(choice));
            Err(UNTRUSTED)
        }
    }
}

/// The language to say a configuration's problems in, before any setting
/// is resolved: `--lang`, else `RECTIFY_LANG`, else the locale, else
/// English, as for any run. The `lang` key of the file is not trusted: a
/// file that cannot be read or does not check may be wrong in that very
/// key. `RECTIFY_LANG` naming no language rectify speaks is reported
/// later, on its own; here it is passed over.
fn fallback_lang(choice: &ConfigChoice) -> Lang {
    choice.lang.unwrap_or_else(super::help::process_lang)
}

/// The configuration's errors, rendered as rule-file diagnostics are, in
/// `lang`.
fn report(name: &str, text: &str, errors: &[Diagnostic], lang: Lang) {
    let files = [super::rules::source_file(name, text)];
    let diagnostics: Vec<InputError> = errors
        .iter()
        .map(|e| InputError::placed(e.clone(), Origin::Rule, 0))
        .collect();
    let color = super::check::color(super::args::ColorArg::Auto, io::stderr().is_terminal());
    let _ = super::rules::render(
        &files,
        &diagnostics,
        lang.catalogue(),
        super::rules::DiagFormat::Human,
        color,
        &mut io::stderr().lock(),
    );
    let summary = Message::new("config-errors")
        .text("name", crate::report::neutral::text(name))
        .count("n", errors.len());
    eprintln!("{}", summary.say(lang.catalogue()));
}

/// `RECTIFY_LANG`: unset or empty is no choice; a language rectify does not
/// speak is an error (a setting someone made on purpose is never ignored).
pub(super) fn lang_from_env() -> Result<Option<Lang>, u8> {
    let Some(value) = std::env::var_os("RECTIFY_LANG") else {
        return Ok(None);
    };
    let value = value.to_string_lossy();
    if value.trim().is_empty() {
        return Ok(None);
    }
    match Lang::parse(&value) {
        Some(lang) => Ok(Some(lang)),
        None => {
            let words = super::help::process_lang().catalogue();
            let unknown = super::args::unknown_lang(&crate::report::neutral::text(&value));
            let message = Message::new("cli-rectify-lang").text("message", unknown.say(words));
            super::say_error(words, &message, None);
            Err(UNTRUSTED)
        }
    }
}
