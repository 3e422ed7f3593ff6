//! The rule parser on arbitrary UTF-8: it returns an AST or errors, never
//! panics, and every error span lies inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Err(errors) = rectify::syntax::parse(text) {
        for e in errors {
            assert!(e.span.start <= e.span.end && (e.span.end as usize) <= text.len());
        }
    }
});
