//! Compiled rules x records -> findings.
//!
//! Owns: the semantic check of rule files (names, kinds, stages, durations),
//! compiling them once into a [`Plan`], and evaluating one record at a time.
//! Must not: do I/O, read the clock (the evaluation date is given), or print.

pub mod check;
pub mod compile;
pub mod explain;
pub mod group;
pub mod lint;
mod penalty;
pub mod plan;
pub mod value;
pub mod verdict;

pub use check::{Finding, Late, Pending, Verdicts, evaluate};
pub use compile::{Located, Source, compile};
pub use plan::Plan;
