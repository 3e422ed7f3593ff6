//! The language of the words through the binary: `--lang`, `RECTIFY_LANG`,
//! `lang` in rectify.toml and the POSIX locale, in that order; English
//! when none names a language rectify speaks; machine formats unchanged.

mod common;

use std::path::{Path, PathBuf};

use common::cmd::rectify_env;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const EXAMPLE: &[&str] = &[
    "check",
    "examples/jiangsu",
    "--no-config",
    "--as-of",
    "2025-06-30",
    "--due-within",
    "30",
];

/// The footer: from the summary line to the end.
fn footer(stdout: &str) -> &str {
    let start = stdout
        .find("\nsummary: ")
        .or_else(|| stdout.find("\n汇总："))
        .expect("a summary line");
    &stdout[start + 1..]
}

#[test]
fn the_chinese_locale_gives_the_chinese_footer() {
    let (code, out, _) = rectify_env(root(), EXAMPLE, &[("LANG", "zh_CN.UTF-8")]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("footer_zh_cn", footer(&out));
}

#[test]
fn english_is_the_default_and_lang_en_keeps_it() {
    let (_, default, _) = rectify_env(root(), EXAMPLE, &[]);
    insta::assert_snapshot!("footer_en", footer(&default));
    let mut args = EXAMPLE.to_vec();
    args.extend(["--lang", "en"]);
    let (_, flagged, _) = rectify_env(root(), &args, &[("LANG", "zh_CN.UTF-8")]);
    assert_eq!(flagged, default, "--lang en outranks the locale");
}

#[test]
fn the_choice_goes_flag_then_env_then_config_then_locale() {
    let dir = Scratch::new("order");
    std::fs::write(dir.0.join("rectify.toml"), "lang = \"zh-CN\"\n").expect("config");
    let config = |vars: &[(&str, &str)], extra: &[&str]| {
        let mut args = vec!["config", "--format", "json"];
        args.extend(extra);
        let (code, out, err) = rectify_env(&dir.0, &args, vars);
        assert_eq!(code, 0, "{err}");
        let report: serde_json::Value = serde_json::from_str(&out).expect("json");
        let lang = &report["settings"]["lang"];
        (
            lang["value"].as_str().unwrap_or_default().to_string(),
            lang["from"].as_str().unwrap_or_default().to_string(),
        )
    };
    assert_eq!(config(&[], &[]), ("zh-CN".into(), "rectify.toml:1".into()));
    assert_eq!(
        config(&[("LANG", "en_US.UTF-8")], &[]),
        ("zh-CN".into(), "rectify.toml:1".into()),
        "the project's config outranks the locale"
    );
    assert_eq!(
        config(&[("RECTIFY_LANG", "en")], &[]),
        ("en".into(), "environment (RECTIFY_LANG)".into()),
        "RECTIFY_LANG outranks the config"
    );
    assert_eq!(
        config(&[("RECTIFY_LANG", "en")], &["--lang", "zh_CN.UTF-8"]),
        ("zh-CN".into(), "command line".into())
    );
    std::fs::remove_file(dir.0.join("rectify.toml")).expect("remove");
    assert_eq!(
        config(&[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")], &[]),
        ("zh-CN".into(), "environment (the locale)".into())
    );
    assert_eq!(
        config(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")], &[]),
        ("en".into(), "default".into()),
        "LC_ALL=C means no language of its own: English"
    );
    assert_eq!(
        config(&[("LANG", "zh_TW.UTF-8")], &[]),
        ("en".into(), "default".into()),
        "traditional Chinese has no catalogue yet"
    );
}

#[test]
fn an_unknown_language_is_an_error_where_it_was_named() {
    let (code, out, err) = rectify_env(root(), &["check", "--lang", "fr", "examples/jiangsu"], &[]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("rectify has no messages in `fr`; it speaks `en` and `zh-CN`"),
        "{err}"
    );

    let (code, out, err) = rectify_env(root(), EXAMPLE, &[("RECTIFY_LANG", "klingon")]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    insta::assert_snapshot!("rectify_lang_unknown", err);

    let (code, _, err) = rectify_env(root(), EXAMPLE, &[("RECTIFY_LANG", "")]);
    assert_eq!(code, 1, "an empty RECTIFY_LANG is unset: {err}");

    let dir = Scratch::new("bad-config");
    std::fs::write(dir.0.join("rectify.toml"), "lang = \"zh-TW\"\n").expect("config");
    let (code, _, err) = rectify_env(&dir.0, &["config"], &[]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("config_lang_unknown", err);
}

#[test]
fn machine_formats_keep_their_english_keys() {
    let mut args = EXAMPLE.to_vec();
    args.extend(["--format", "json"]);
    let (_, english, _) = rectify_env(root(), &args, &[]);
    let (_, chinese, _) = rectify_env(root(), &args, &[("LANG", "zh_CN.UTF-8")]);
    let keys = |text: &str| {
        let report: serde_json::Value = serde_json::from_str(text).expect("json");
        report
            .as_object()
            .map(|o| o.keys().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    };
    assert!(!keys(&english).is_empty());
    assert_eq!(keys(&english), keys(&chinese));
}

/// A scratch folder outside any git repository, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let path = std::env::temp_dir().join(format!("rectify-lang-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("scratch folder");
        Scratch(path)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The README's Chinese example is what rectify prints: every line it
/// shows (the `…` lines stand for what it leaves out) is a line of the run.
#[test]
fn readme_chinese_example_is_real() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let section = &readme[readme.find("## Languages").expect("a Languages section")..];
    let open = section.find("```console\n").expect("a console block") + "```console\n".len();
    let block = &section[open..open + section[open..].find("```").expect("closing fence")];
    let mut lines = block.lines();
    let command = lines.next().expect("a command line");
    let args: Vec<&str> = command
        .strip_prefix("$ LANG=zh_CN.UTF-8 rectify ")
        .expect("the command sets LANG")
        .split_whitespace()
        .collect();
    let (_, out, _) = rectify_env(root(), &args, &[("LANG", "zh_CN.UTF-8")]);
    let printed: Vec<&str> = out.lines().collect();
    let shown: Vec<&str> = lines.filter(|l| *l != "…").collect();
    assert!(shown.len() >= 3, "{block}");
    for line in shown {
        assert!(
            printed.contains(&line),
            "README shows a line rectify does not print: {line}"
        );
    }
}
