//! The rule parser and the semantic check on arbitrary UTF-8 (see
//! `invariants::rules`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../invariants.rs"]
#[allow(dead_code)] // each target uses one of the checks
mod invariants;

fuzz_target!(|text: &str| invariants::rules(text));
