//! rectify: check environmental-inspection rectification records against rules.
//!
//! The crate is a pipeline; each module owns one stage and has its own error type:
//!
//! - [`syntax`]: rule text -> rule AST with spans (pest stays in there).
//! - [`yaml`]: YAML text -> a span-carrying tree; the only module that knows the YAML crate.
//! - [`model`]: YAML tree -> typed records with spans.
//! - [`calendar`]: civil dates, durations and the working-day index.
//! - [`eval`]: compiled rules x records -> findings; no I/O, never reads the clock.
//! - [`report`]: findings -> human, plain, JSON, SARIF, JUnit, GitHub and markdown output; the progress report.
//! - [`cli`]: clap commands; the only place that prints or exits.

pub mod calendar;
pub mod cli;
pub mod eval;
pub mod load;
pub mod model;
pub mod outcome;
pub mod points;
pub mod report;
pub mod ruletest;
pub mod run;
pub mod source;
pub mod suggest;
pub mod syntax;
pub mod yaml;
