//! What every diagnostic shares, below every other module: how serious a
//! finding or an input problem is ([`Severity`]).
//!
//! Owns: the severity scale. Must not: depend on any other module of the
//! crate but `source` and `i18n`.

/// How serious a finding or a diagnostic is. Ordered, so a threshold
/// (`--fail-on warning`) is a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// A reward rule's finding: excellent work, never a failure (below
    /// every `--fail-on` threshold).
    Commendation,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Commendation => "commendation",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}
