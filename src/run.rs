//! The check driver: load rule sets, walk record paths, parse and evaluate
//! files in parallel, merge findings in a deterministic order, score units.
//!
//! Owns: file-system access for records and rules. Must not: print or exit
//! (that is `cli`), or read the clock (the evaluation date is an input).

use std::path::PathBuf;

use jiff::civil::Date;

use crate::outcome::Outcome;
use crate::syntax::ast::Severity;

/// Everything `rectify check` needs, already resolved by the CLI.
#[derive(Clone, Debug)]
pub struct Options {
    /// Record files or folders; empty means the current directory.
    pub paths: Vec<PathBuf>,
    /// Rule files or folders; empty means the bundled rule set.
    pub rules: Vec<PathBuf>,
    pub as_of: Date,
    /// Only these rule ids (empty: all).
    pub only: Vec<String>,
    pub skip: Vec<String>,
    /// Worker threads; `None` lets rayon decide.
    pub jobs: Option<usize>,
    /// Keep file texts for snippets (human and plain output need them).
    pub keep_sources: bool,
}

/// Run a check. Never fails as a whole: every problem with the inputs is an
/// [`crate::outcome::InputError`] in the outcome, and [`Outcome::trusted`]
/// says whether the run can be trusted (exit code 2 when not).
pub fn check(options: &Options) -> Outcome {
    let _ = options;
    todo!()
}

impl Outcome {
    /// False when a rule file did not parse or check, a record file could
    /// not be read or parsed, or zero rules or zero records were loaded.
    pub fn trusted(&self) -> bool {
        self.rules.is_empty() == false
            && self.records > 0
            && !self.input_errors.iter().any(|e| e.severity == Severity::Error)
    }
}
