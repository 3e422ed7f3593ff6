//! `fmt` on arbitrary UTF-8 that parses: same AST, every comment kept,
//! idempotent (see `invariants::fmt`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../invariants.rs"]
#[allow(dead_code)] // each target uses one of the checks
mod invariants;

fuzz_target!(|text: &str| invariants::fmt(text));
