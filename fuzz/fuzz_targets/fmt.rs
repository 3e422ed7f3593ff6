//! `fmt` on arbitrary UTF-8 that parses: the formatted text parses to the
//! same rule sets and rules (spans take no part in equality), keeps every
//! comment (fmt may move a comment with the item it belongs to, so they are
//! compared as a multiset), and formatting it again changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rectify::syntax::{self, ast};

fn comments(file: &ast::File) -> Vec<&str> {
    let mut texts: Vec<&str> = file.comments.iter().map(|c| c.value.trim_end()).collect();
    texts.sort_unstable();
    texts
}

fuzz_target!(|text: &str| {
    let Ok(ast) = syntax::parse(text) else {
        return;
    };
    let Ok(formatted) = syntax::fmt::format(text) else {
        panic!("fmt refused a file that parses");
    };
    let again = match syntax::parse(&formatted) {
        Ok(again) => again,
        Err(errors) => panic!("fmt output does not parse: {errors:?}\n{formatted}"),
    };
    assert_eq!(ast.rulesets, again.rulesets, "fmt changed a ruleset:\n{formatted}");
    assert_eq!(ast.rules, again.rules, "fmt changed a rule:\n{formatted}");
    assert_eq!(comments(&ast), comments(&again), "fmt lost or changed a comment:\n{formatted}");
    match syntax::fmt::format(&formatted) {
        Ok(twice) => assert_eq!(formatted, twice, "fmt is not idempotent"),
        Err(errors) => panic!("fmt output does not format: {errors:?}"),
    }
});
