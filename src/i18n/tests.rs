//! The catalogues agree with each other and format without errors.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;
use fluent_syntax::parser;

use super::{Args, Lang, SOURCES, group_thousands};

/// Every message and attribute id of a catalogue (`scoreboard.unit`), with
/// the variables its patterns use; panics on a syntax error or a
/// duplicate id.
fn entries(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let source = SOURCES
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, s)| *s)
        .unwrap_or_default();
    let resource = match parser::parse(source) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("{lang} catalogue does not parse: {errors:?}"),
    };
    let mut ids = BTreeMap::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(message) => {
                let id = message.id.name.to_string();
                let mut vars = BTreeSet::new();
                if let Some(value) = &message.value {
                    pattern_vars(value, &mut vars);
                }
                for attribute in &message.attributes {
                    let mut attr_vars = BTreeSet::new();
                    pattern_vars(&attribute.value, &mut attr_vars);
                    let attr_id = format!("{id}.{}", attribute.id.name);
                    assert!(
                        ids.insert(attr_id.clone(), attr_vars).is_none(),
                        "{lang}: `{attr_id}` twice"
                    );
                }
                assert!(
                    ids.insert(id.clone(), vars).is_none(),
                    "{lang}: `{id}` twice"
                );
            }
            ast::Entry::Term(term) => panic!("{lang}: term `-{}`: use messages", term.id.name),
            ast::Entry::Junk { content } => panic!("{lang}: junk `{content}`"),
            _ => {}
        }
    }
    with_references(ids)
}

/// Each message's variables with those of the messages it refers to (to
/// any depth) in place of the references.
fn with_references(ids: BTreeMap<String, BTreeSet<String>>) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (id, vars) in &ids {
        let mut found = BTreeSet::new();
        let mut todo: Vec<&String> = vars.iter().collect();
        let mut seen = BTreeSet::new();
        while let Some(var) = todo.pop() {
            match var.strip_prefix('@') {
                Some(reference) if seen.insert(reference.to_string()) => {
                    let referred = ids.get(reference);
                    assert!(
                        referred.is_some(),
                        "`{id}` refers to no message `{reference}`"
                    );
                    todo.extend(referred.into_iter().flatten());
                }
                Some(_) => {}
                None => {
                    found.insert(var.clone());
                }
            }
        }
        out.insert(id.clone(), found);
    }
    out
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_vars(arg, vars);
            }
            for arg in &arguments.named {
                inline_vars(&arg.value, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        // A message referred to shares the arguments of the one that refers
        // to it; [`with_references`] puts its variables in their place.
        ast::InlineExpression::MessageReference { id, attribute } => {
            let name = match attribute {
                Some(a) => format!("{}.{}", id.name, a.name),
                None => id.name.to_string(),
            };
            vars.insert(format!("@{name}"));
        }
        _ => {}
    }
}

#[test]
fn both_catalogues_hold_the_same_messages_with_the_same_arguments() {
    let en = entries(Lang::En);
    let zh = entries(Lang::ZhCn);
    let only_en: Vec<_> = en.keys().filter(|id| !zh.contains_key(*id)).collect();
    let only_zh: Vec<_> = zh.keys().filter(|id| !en.contains_key(*id)).collect();
    assert!(only_en.is_empty(), "missing from zh-CN: {only_en:?}");
    assert!(only_zh.is_empty(), "missing from en: {only_zh:?}");
    for (id, vars) in &en {
        assert_eq!(Some(vars), zh.get(id), "arguments of `{id}` differ");
    }
    assert!(en.len() > 10, "the catalogue is nearly empty: {en:?}");
}

#[test]
fn every_message_formats_without_errors_in_both_languages() {
    for (id, vars) in entries(Lang::En) {
        for lang in Lang::ALL {
            let mut args = Args::new();
            for var in &vars {
                args = args.count(var, 2);
            }
            let catalogue = lang.catalogue();
            let (message, attribute) = match id.split_once('.') {
                Some((m, a)) => (m, Some(a)),
                None => (id.as_str(), None),
            };
            let Some(found) = catalogue.bundle.get_message(message) else {
                panic!("{lang}: no `{id}`");
            };
            let pattern = match attribute {
                Some(a) => found.get_attribute(a).map(|a| a.value()),
                None => found.value(),
            };
            let Some(pattern) = pattern else {
                continue; // a message of attributes only
            };
            let mut errors = Vec::new();
            let text = catalogue
                .bundle
                .format_pattern(pattern, Some(&args.0), &mut errors);
            assert!(errors.is_empty(), "{lang} `{id}`: {errors:?}");
            assert!(!text.trim().is_empty(), "{lang} `{id}` is empty");
            assert!(
                !text.contains('\u{2068}') && !text.contains('\u{2069}'),
                "{lang} `{id}` has isolation marks"
            );
        }
    }
}

#[test]
fn counts_choose_plural_forms_and_group_thousands() {
    let en = Lang::En.catalogue();
    let zh = Lang::ZhCn.catalogue();
    let errors = |n| Args::new().count("n", n);
    assert_eq!(en.format("count-errors", &errors(1)), "1 error");
    assert_eq!(en.format("count-errors", &errors(0)), "0 errors");
    assert_eq!(en.format("count-errors", &errors(3319)), "3,319 errors");
    assert_eq!(zh.format("count-errors", &errors(1)), "1 个错误");
    assert_eq!(
        zh.format("count-errors", &errors(1234567)),
        "1,234,567 个错误"
    );
}

#[test]
fn points_are_shown_as_written() {
    let en = Lang::En.catalogue();
    let zh = Lang::ZhCn.catalogue();
    for (written, english, chinese) in [
        ("1", "1 point", "1 分"),
        ("7.5", "7.5 points", "7.5 分"),
        ("0.25", "0.25 points", "0.25 分"),
        ("1.5", "1.5 points", "1.5 分"),
        ("10000", "10000 points", "10000 分"),
    ] {
        let args = Args::new().points("points", written.to_string());
        assert_eq!(en.format("points", &args), english);
        assert_eq!(zh.format("points", &args), chinese);
    }
}

#[test]
fn attributes_and_missing_ids() {
    assert_eq!(Lang::ZhCn.catalogue().text("scoreboard.unit"), "责任单位");
    assert_eq!(Lang::En.catalogue().text("scoreboard.unit"), "unit");
    // An id neither catalogue has shows itself rather than nothing.
    assert_eq!(
        Lang::ZhCn.catalogue().text("no-such-message"),
        "no-such-message"
    );
}

#[test]
fn language_names() {
    for (name, lang) in [
        ("en", Some(Lang::En)),
        ("EN", Some(Lang::En)),
        ("en-US", Some(Lang::En)),
        ("en_GB.UTF-8", Some(Lang::En)),
        ("zh-CN", Some(Lang::ZhCn)),
        ("zh_CN.UTF-8", Some(Lang::ZhCn)),
        ("zh_CN.GB18030", Some(Lang::ZhCn)),
        ("zh_cn.utf8", Some(Lang::ZhCn)),
        ("zh", Some(Lang::ZhCn)),
        ("zh-Hans", Some(Lang::ZhCn)),
        ("zh-Hans-CN", Some(Lang::ZhCn)),
        ("zh_SG", Some(Lang::ZhCn)),
        ("zh-TW", None),
        ("zh_HK.UTF-8", None),
        ("zh-Hant", None),
        ("fr_FR.UTF-8", None),
        ("C", None),
        ("POSIX", None),
        ("C.UTF-8", None),
        ("", None),
        ("zh-", None),
        ("--", None),
    ] {
        assert_eq!(Lang::parse(name), lang, "{name:?}");
    }
}

#[test]
fn the_locale_follows_posix_precedence() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(
        Lang::from_locale(env(&[("LANG", "zh_CN.UTF-8")])),
        Some(Lang::ZhCn)
    );
    assert_eq!(
        Lang::from_locale(env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "C")])),
        None,
        "LC_ALL overrides LANG"
    );
    assert_eq!(
        Lang::from_locale(env(&[
            ("LANG", "en_US.UTF-8"),
            ("LC_MESSAGES", "zh_CN.UTF-8")
        ])),
        Some(Lang::ZhCn),
        "LC_MESSAGES overrides LANG"
    );
    assert_eq!(
        Lang::from_locale(env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "")])),
        Some(Lang::ZhCn),
        "an empty LC_ALL is unset"
    );
    assert_eq!(Lang::from_locale(env(&[])), None);
}

#[test]
fn thousands() {
    for (n, shown) in [
        (0, "0"),
        (999, "999"),
        (1000, "1,000"),
        (3319, "3,319"),
        (1234567, "1,234,567"),
    ] {
        assert_eq!(group_thousands(n), shown);
    }
}
