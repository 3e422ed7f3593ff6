//! clap's `--help` in the run's language, and the language known before
//! the command line is parsed.
//!
//! clap renders help and usage errors while it parses, before
//! `rectify.toml` can be read, so the language of `--help` is `--lang`
//! (scanned from the raw arguments), else `RECTIFY_LANG`, else the locale,
//! else English; `lang` in `rectify.toml` does not reach it.
//!
//! The texts are the catalogues' `help-…` messages: `help-check` is the
//! `about` of `rectify check`, its attribute `.as-of` the help of
//! `--as-of`; `help-rules-check` is `rectify rules check`; `help-rectify`
//! the top level and its global flags. The English catalogue holds the
//! doc comments of the clap definitions word for word (a test compares
//! them), so English help is what clap derives.

use std::ffi::OsString;

use clap::{Arg, ArgAction, Command};

use crate::i18n::{Args, Catalogue, Lang};

/// The language of `--help` and of what a command says before a project
/// is opened: the last `--lang X` or `--lang=X` among `args` (up to a
/// `--`) that names a language rectify speaks, else `RECTIFY_LANG`, else
/// the locale, else English.
pub fn early_lang(
    args: impl IntoIterator<Item = OsString>,
    var: impl Fn(&str) -> Option<String>,
) -> Lang {
    let mut chosen = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let Some(arg) = arg.to_str().map(str::to_string) else {
            continue;
        };
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next().and_then(|v| v.to_str().map(str::to_string)),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(lang) = value.as_deref().and_then(Lang::parse) {
            chosen = Some(lang);
        }
    }
    chosen
        .or_else(|| var("RECTIFY_LANG").as_deref().and_then(Lang::parse))
        .or_else(|| Lang::from_locale(&var))
        .unwrap_or_default()
}

/// The language of this process's command line and environment.
pub fn process_lang() -> Lang {
    early_lang(std::env::args_os().skip(1), |name| std::env::var(name).ok())
}

/// `command` with its `about` and every argument's help from `words`,
/// subcommands too; a text the catalogue lacks stays as derived. English
/// is left as derived.
pub fn localize(command: Command, words: &Catalogue) -> Command {
    if words.lang() == Lang::En {
        return command;
    }
    localize_in(command, "help", words)
}

fn localize_in(mut command: Command, parent: &str, words: &Catalogue) -> Command {
    let id = format!("{parent}-{}", command.get_name());
    if let Some(about) = text(words, &id) {
        command = command.about(about.clone()).long_about(None::<&str>);
    }
    let (options, arguments) = (
        words.text("cli-help-heading.options"),
        words.text("cli-help-heading.arguments"),
    );
    let args: Vec<(String, bool)> = command
        .get_arguments()
        .map(|a| (a.get_id().as_str().to_string(), a.is_positional()))
        .collect();
    for (arg, positional) in args {
        let heading = if positional { &arguments } else { &options };
        let help = text(words, &format!("{id}.{}", attribute(&arg)));
        command = command.mut_arg(arg.as_str(), |a| {
            let a = a.help_heading(heading.clone());
            match help {
                Some(help) => a.help(help).long_help(None::<&str>),
                None => a,
            }
        });
    }
    // clap's own words around them: the usage line's and the subcommands'
    // headings, `--help` and `--version` (replaced by the same actions
    // with the catalogue's words).
    let usage = words.format("cli-help-usage", &Args::new().text("usage", "{usage}"));
    let template =
        format!("{{before-help}}{{about-with-newline}}\n{usage}\n\n{{all-args}}{{after-help}}");
    command = command
        .help_template(template)
        .subcommand_help_heading(words.text("cli-help-heading.commands"))
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(flag("help", 'h', ArgAction::Help, words).help_heading(options.clone()))
        .arg(flag("version", 'V', ArgAction::Version, words).help_heading(options));
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    let child_parent = if parent == "help" && command.get_name() == "rectify" {
        "help".to_string()
    } else {
        id.clone()
    };
    for name in subcommands {
        command = command.mut_subcommand(name.as_str(), |c| localize_in(c, &child_parent, words));
    }
    command
}

/// `-h, --help` or `-V, --version`: clap's action, the catalogue's words.
fn flag(name: &'static str, short: char, action: ArgAction, words: &Catalogue) -> Arg {
    Arg::new(name)
        .short(short)
        .long(name)
        .action(action)
        .help(words.text(&format!("cli-help-flag.{name}")))
}

/// An argument's id as a catalogue attribute: `as_of` -> `as-of`.
fn attribute(id: &str) -> String {
    id.replace('_', "-")
}

/// Message `id` when the catalogue holds it.
fn text(words: &Catalogue, id: &str) -> Option<String> {
    let (message, attribute) = id.split_once('.').unwrap_or((id, ""));
    if !words.has(message) {
        return None;
    }
    let said = words.text(id);
    // A missing attribute formats as its id.
    (said != id && !(attribute.is_empty() && said.is_empty())).then_some(said)
}

#[cfg(test)]
mod tests;
