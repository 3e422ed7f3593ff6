//! Lists said in each language, and the suggestion read from a help.

use super::{Join, Message, code, did_you_mean, join};
use crate::i18n::Lang;

fn said(lang: Lang, how: Join, items: &[&str]) -> String {
    join(
        lang.catalogue(),
        how,
        items.iter().map(|item| item.to_string()),
    )
}

#[test]
fn a_list_is_joined_in_english() {
    let en = Lang::En;
    assert_eq!(said(en, Join::And, &["a", "b", "c"]), "a, b and c");
    assert_eq!(said(en, Join::Or, &["a", "b", "c"]), "a, b or c");
    assert_eq!(said(en, Join::Plain, &["a", "b", "c"]), "a, b, c");
    assert_eq!(said(en, Join::Clauses, &["a", "b", "c"]), "a; b; c");
    assert_eq!(said(en, Join::And, &["a", "b"]), "a and b");
    assert_eq!(said(en, Join::Or, &["a"]), "a");
    assert_eq!(said(en, Join::Plain, &[]), "nothing");
}

#[test]
fn a_list_is_joined_in_chinese() {
    let zh = Lang::ZhCn;
    assert_eq!(said(zh, Join::And, &["a", "b", "c"]), "a、b 和 c");
    assert_eq!(said(zh, Join::Or, &["a", "b", "c"]), "a、b 或 c");
    assert_eq!(said(zh, Join::Plain, &["a", "b", "c"]), "a、b、c");
    assert_eq!(said(zh, Join::Clauses, &["a", "b", "c"]), "a；b；c");
    assert_eq!(said(zh, Join::Or, &["a", "b"]), "a 或 b");
    assert_eq!(said(zh, Join::And, &[]), "无");
}

/// A list argument is said in the language of the message around it, its
/// items (names in backticks, other messages) first.
#[test]
fn a_list_argument_says_its_items_in_the_message_language() {
    let message = Message::new("rules-syntax-unexpected-end").list(
        "expected",
        Join::Or,
        [Message::new("rules-expected-operator").into(), code("}")],
    );
    assert_eq!(
        message.say(Lang::En.catalogue()),
        "unexpected end of file, expected an operator or `}`"
    );
    assert_eq!(
        message.say(Lang::ZhCn.catalogue()),
        "文件意外结束，应为：运算符 或 `}`"
    );
    let names = Message::new("record-unknown-status.help").names(
        "statuses",
        Join::Plain,
        ["open", "closed"],
    );
    assert_eq!(
        names.say(Lang::En.catalogue()),
        "status is one of `open`, `closed`"
    );
}

#[test]
fn the_suggestion_is_read_from_the_arguments() {
    assert_eq!(did_you_mean("deadline").suggestion(), Some("deadline"));
    let within = Message::new("rules-unknown-field.help-declare")
        .said("suggest", did_you_mean("closure"))
        .text("path", "closur");
    assert_eq!(within.suggestion(), Some("closure"));
    // A help that suggests nothing, even with a `name` argument.
    let none = Message::new("rules-calendar-unreadable.help-none").text("name", "x");
    assert_eq!(none.suggestion(), None);
}

/// A system error a library wrapped in words of its own (tempfile names
/// its temporary file) is still said by its kind, in the run's language.
#[test]
fn a_wrapped_system_error_is_said_by_its_kind() {
    let dir = tempfile::tempdir().expect("scratch");
    let file = dir.path().join("plain");
    std::fs::write(&file, "a file").expect("seed");
    let err = tempfile::Builder::new()
        .tempfile_in(&file)
        .expect_err("no temporary file under a regular file");
    let message = super::io_message("input-reason", &err);
    assert_eq!(message.say(Lang::En.catalogue()), "not a directory");
    assert_eq!(
        message.say(Lang::ZhCn.catalogue()),
        "路径中有一项不是文件夹"
    );
}
