//! `fmt` on arbitrary UTF-8 that parses: the formatted text parses to an
//! equal AST (spans take no part in equality) and formatting it again
//! changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rectify::syntax;

fuzz_target!(|text: &str| {
    let Ok(ast) = syntax::parse(text) else {
        return;
    };
    let Ok(formatted) = syntax::fmt::format(text) else {
        panic!("fmt refused a file that parses");
    };
    match syntax::parse(&formatted) {
        Ok(again) => assert_eq!(ast, again, "fmt changed the meaning:\n{formatted}"),
        Err(errors) => panic!("fmt output does not parse: {errors:?}\n{formatted}"),
    }
    match syntax::fmt::format(&formatted) {
        Ok(twice) => assert_eq!(formatted, twice, "fmt is not idempotent"),
        Err(errors) => panic!("fmt output does not format: {errors:?}"),
    }
});
