//! The record loader on arbitrary bytes (see `invariants::records`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../invariants.rs"]
#[allow(dead_code)] // each target uses one of the checks
mod invariants;

fuzz_target!(|bytes: &[u8]| invariants::records(bytes));
