//! `rectify lsp`: resolve the project's settings as `check` does (the one
//! clock read is here), then hand them to the language server.

use std::path::PathBuf;

use clap::Args;

use super::UNTRUSTED;
use super::args::ConfigChoice;
use super::project::Project;
use super::settings::{self, Flags};

#[derive(Debug, Args)]
pub struct LspArgs {
    /// The evaluation date, YYYY-MM-DD [default: `as-of` in rectify.toml, else today, local time]
    #[arg(long, value_name = "DATE", value_parser = super::args::parse_date)]
    pub as_of: Option<jiff::civil::Date>,
    /// Talk over stdin and stdout (the only transport; accepted because
    /// editors pass it)
    #[arg(long)]
    pub stdio: bool,
}

pub fn run(args: &LspArgs, project: &Project) -> u8 {
    let flags = Flags {
        as_of: args.as_of,
        ..Flags::default()
    };
    // The project is the one the server was started in, unless the editor
    // names a workspace folder outside it: then that folder's project (its
    // `rectify.toml`, else its git root), found as `check` finds one there.
    let options = |folder: Option<PathBuf>| {
        let elsewhere = folder.filter(|f| !f.starts_with(&project.root));
        let reopened = elsewhere.and_then(|folder| {
            std::env::set_current_dir(&folder).ok()?;
            super::project::open(&ConfigChoice::default()).ok()
        });
        let project = reopened.as_ref().unwrap_or(project);
        let settings = settings::resolve(project, &flags);
        let as_of = settings.as_of.value.unwrap_or_else(super::check::today);
        (settings.options(project, as_of), settings.lang.value)
    };
    match crate::lsp::serve(options) {
        Ok(()) => 0,
        Err(message) => {
            let words = super::settings::words(project);
            eprintln!("{}", super::error_line(words, &message));
            UNTRUSTED
        }
    }
}
