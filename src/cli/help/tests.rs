use std::ffi::OsString;

use clap::CommandFactory;

use super::*;
use crate::cli::Cli;

/// Every `(catalogue id, derived text)` of the command tree: each
/// command's `about`, each argument's help.
fn texts(command: &Command, parent: &str, out: &mut Vec<(String, String)>) {
    let id = format!("{parent}-{}", command.get_name());
    if let Some(about) = command.get_about() {
        out.push((id.clone(), about.to_string()));
    }
    for arg in command.get_arguments() {
        if arg.is_hide_set() {
            continue;
        }
        if let Some(help) = arg.get_help() {
            let key = format!("{id}.{}", attribute(arg.get_id().as_str()));
            out.push((key, help.to_string()));
        }
    }
    let child_parent = if command.get_name() == "rectify" {
        "help".to_string()
    } else {
        id
    };
    for sub in command.get_subcommands() {
        texts(sub, &child_parent, out);
    }
}

#[test]
fn the_english_catalogue_holds_the_derived_help_word_for_word() {
    let mut derived = Vec::new();
    texts(&Cli::command(), "help", &mut derived);
    assert!(derived.len() > 100, "{}", derived.len());
    let words = Lang::En.catalogue();
    for (id, text) in &derived {
        assert_eq!(
            super::text(words, id).as_deref(),
            Some(text.as_str()),
            "{id}: i18n/en/rectify.ftl and the doc comment differ"
        );
    }
}

#[test]
fn chinese_help_covers_every_command_and_argument() {
    let mut derived = Vec::new();
    texts(&Cli::command(), "help", &mut derived);
    let words = Lang::ZhCn.catalogue();
    for (id, english) in &derived {
        let said = super::text(words, id);
        assert!(said.is_some(), "{id} has no Chinese help");
        assert_ne!(
            said.as_deref(),
            Some(english.as_str()),
            "{id} is not translated"
        );
    }
    let mut localized = Vec::new();
    texts(&localize(Cli::command(), words), "help", &mut localized);
    // `--help` and `--version` are rectify's own in a localized command.
    localized.retain(|(id, _)| !id.ends_with(".help") && !id.ends_with(".version"));
    let ids = |v: &[(String, String)]| v.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&localized), ids(&derived));
    for ((id, text), (_, english)) in localized.iter().zip(&derived) {
        assert_ne!(text, english, "{id} stayed English");
    }
}

#[test]
fn english_help_is_left_as_derived() {
    let render = |mut command: Command| command.render_long_help().to_string();
    let derived = render(Cli::command());
    let localized = render(localize(Cli::command(), Lang::En.catalogue()));
    assert_eq!(derived, localized);
}

fn os(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

#[test]
fn the_early_language_is_the_flag_then_the_environment_then_the_locale() {
    let none = |_: &str| None;
    assert_eq!(
        early_lang(os(&["check", "--lang", "zh-CN"]), none),
        Lang::ZhCn
    );
    assert_eq!(
        early_lang(os(&["--lang=zh_CN.UTF-8", "check"]), none),
        Lang::ZhCn
    );
    assert_eq!(
        early_lang(os(&["--lang=zh-CN", "--lang", "en"]), none),
        Lang::En,
        "the last flag wins, as clap takes it"
    );
    assert_eq!(
        early_lang(os(&["check", "--", "--lang", "zh-CN"]), none),
        Lang::En,
        "after `--` it is a path"
    );
    assert_eq!(early_lang(os(&["--lang", "fr"]), none), Lang::En);
    let env = |name: &str| match name {
        "RECTIFY_LANG" => Some("zh-CN".to_string()),
        _ => Some("en_US.UTF-8".to_string()),
    };
    assert_eq!(early_lang(os(&["check"]), env), Lang::ZhCn);
    assert_eq!(early_lang(os(&["check", "--lang", "en"]), env), Lang::En);
    let locale = |name: &str| (name == "LANG").then(|| "zh_CN.UTF-8".to_string());
    assert_eq!(early_lang(os(&["check"]), locale), Lang::ZhCn);
}

#[test]
fn chinese_help_replaces_clap_s_own_words_but_keeps_the_actions() {
    let words = Lang::ZhCn.catalogue();
    let mut command = localize(Cli::command(), words);
    let help = command.render_long_help().to_string();
    assert!(help.contains("用法：rectify [OPTIONS] <COMMAND>"), "{help}");
    assert!(help.contains("命令:") && help.contains("选项:"), "{help}");
    assert!(
        help.contains("显示帮助") && help.contains("显示版本"),
        "{help}"
    );
    assert!(
        !help.contains("Print help") && !help.contains("Usage:"),
        "{help}"
    );
    use clap::error::ErrorKind::{DisplayHelp, DisplayVersion};
    for (flag, want) in [
        ("--help", DisplayHelp),
        ("-h", DisplayHelp),
        ("-V", DisplayVersion),
    ] {
        let parsed =
            localize(Cli::command(), words).try_get_matches_from(["rectify", "check", flag]);
        assert_eq!(parsed.err().map(|e| e.kind()), Some(want), "{flag}");
    }
}
