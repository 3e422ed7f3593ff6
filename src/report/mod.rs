//! Findings -> text: human (miette graphical), plain (narratable) and JSON.
//!
//! Owns: every output format. Must not: evaluate anything, read the clock,
//! or write anywhere but the writer it is handed.
