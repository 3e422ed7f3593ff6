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
//! - [`config`]: `rectify.toml`, parsed and validated with spans; [`walk`]: which files a run reads.
//! - [`cli`]: clap commands; the only place that prints or exits.
//!
//! The library is usable on its own. Checking records against the bundled
//! rule set, as `rectify check` does:
//!
//! ```
//! use rectify::run::{self, Options};
//!
//! let as_of = jiff::civil::date(2025, 6, 30);
//! let options = Options { paths: vec!["examples/jiangsu".into()], ..Options::new(as_of) };
//! let outcome = run::check(&options);
//! assert!(outcome.trusted());
//! assert_eq!(outcome.records, 162);
//! let late = outcome.findings.iter().filter(|f| f.late_days.is_some()).count();
//! assert!(late > 0);
//! ```
//!
//! Penalty points are exact hundredths, never floats:
//!
//! ```
//! use rectify::points::Points;
//!
//! let fixed = Points::parse("1").expect("a decimal");
//! let per_day = Points::parse("0.1").expect("a decimal");
//! assert_eq!(fixed.saturating_add(per_day.saturating_mul(4)).to_string(), "1.4");
//! ```

pub mod calendar;
pub mod cli;
pub mod config;
pub mod diag;
pub mod eval;
pub mod i18n;
pub mod import;
pub mod load;
pub mod lsp;
pub mod model;
pub mod outcome;
pub mod points;
pub mod report;
pub mod ruletest;
pub mod run;
pub mod source;
pub mod suggest;
pub mod syntax;
pub mod units;
pub mod walk;
pub mod yaml;
