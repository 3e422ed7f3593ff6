//! Every diagnostic code rectify gives, in one registry: the code
//! (`record::bad-date`) and its one-line description, said through the
//! catalogues (`code-record-bad-date`), so `rectify codes`, SARIF's rule
//! entries and the language server describe a code in the run's language.
//! docs/codes.md lists exactly these codes, with examples.
//!
//! Owns: the list of codes and their descriptions' ids. Must not: say
//! anything (the catalogues do) or decide when a code is given (the
//! module that finds the problem does).

use super::Message;

/// One diagnostic code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code {
    /// `record::bad-date`: the namespace (where the problem is) and the name.
    pub code: &'static str,
    /// The catalogue id of its one-line description: `code-record-bad-date`.
    pub description: &'static str,
}

impl Code {
    /// The namespace: `record` of `record::bad-date`.
    pub fn namespace(&self) -> &'static str {
        self.code.split_once("::").map_or(self.code, |(ns, _)| ns)
    }

    /// The one-line description, as a message to say in a language.
    pub fn describe(&self) -> Message {
        Message::new(self.description)
    }
}

/// A namespace of codes: where the problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Namespace {
    /// `record`.
    pub name: &'static str,
    /// The catalogue id of what it covers: `code-namespace-record`.
    pub description: &'static str,
}

/// `"record" { "bad-date", … }` to `Code`s whose code and description id
/// are spelt from the same two words, so they cannot drift apart.
macro_rules! registry {
    ($($ns:literal { $($name:literal),* $(,)? })*) => {
        /// Every code, grouped by namespace in the order docs/codes.md gives them.
        pub const ALL: &[Code] = &[$($(Code {
            code: concat!($ns, "::", $name),
            description: concat!("code-", $ns, "-", $name),
        },)*)*];

        /// Every namespace, in the same order.
        pub const NAMESPACES: &[Namespace] = &[$(Namespace {
            name: $ns,
            description: concat!("code-namespace-", $ns),
        },)*];
    };
}

registry! {
    "rules" {
        "none",
        "unreadable",
        "syntax",
        "unclosed",
        "unmatched-brace",
        "too-deep",
        "bad-number",
        "bad-percent",
        "bad-date",
        "bad-escape",
        "bad-id",
        "bad-grades",
        "bad-ceiling",
        "duplicate-item",
        "missing-item",
        "unknown-language",
        "reward-rule",
        "fmt-unsafe",
        "internal",
        "calendar",
        "unknown-kind",
        "unknown-stage",
        "unknown-field",
        "not-extra",
        "duplicate-rule",
        "duplicate-declaration",
        "bad-unit",
        "type-mismatch",
        "bad-regex",
        "incomplete",
        "bad-each",
        "penalty-too-large",
        "bad-reward",
        "mixed-group",
        "unreachable-penalty",
        "bad-group",
        "bad-proportional",
        "bad-verdict",
        "unused-kind",
        "unused-calendar",
        "unused-scoring",
        "unknown-kind-value",
        "lateness-without-deadline",
        "unrolled-date",
        "duplicate-constraints",
        "undeclared-field",
        "field-in-no-record",
        "not-checked",
    }
    "record" {
        "duplicate-key",
        "duplicate-id",
        "ids-unchecked",
        "missing-field",
        "wrong-type",
        "bad-date",
        "not-a-record",
        "unknown-kind",
        "unknown-stage",
        "unknown-status",
        "unknown-field",
        "unknown-key",
        "future-date",
        "empty-file",
    }
    "yaml" {
        "syntax",
        "too-deep",
        "alias-limit",
    }
    "input" {
        "unreadable",
        "too-large",
        "not-utf8",
        "not-regular",
        "symlink",
        "bad-glob",
        "ignore-file",
    }
    "calendar" {
        "yaml",
        "documents",
        "wrong-type",
        "unknown-key",
        "duplicate-key",
        "missing-key",
        "bad-date",
        "bad-year",
        "duplicate-year",
        "missing-year",
        "missing-source",
        "wrong-year",
        "bad-range",
        "workday-not-weekend",
        "holiday-and-workday",
        "duplicate-day",
        "bad-weekday",
        "not-covered",
        "near-end",
    }
    "config" {
        "syntax",
        "unknown-key",
        "invalid-value",
        "invalid-glob",
        "duplicate-name",
        "duplicate-unit",
    }
    "unit" {
        "unknown",
        "lookalike",
        "conflict",
    }
    "waiver" {
        "unreadable",
        "bad-file",
        "bad-waiver",
        "incomplete",
        "unknown-rule",
        "unmatched",
        "expired",
        "inline-denied",
        "not-an-approver",
        "too-long",
    }
    "import" {
        "unreadable",
        "map",
        "no-heading",
        "ignored-column",
        "duplicate-column",
        "bad-date",
        "bad-status",
        "bad-cell",
        "missing-field",
        "duplicate-id",
    }
    "test" {
        "empty-file",
        "unknown-key",
        "bad-value",
        "missing-field",
        "missing-file",
    }
    "cli" {
        "unknown-rule",
    }
}

/// The entry of `code` (`record::bad-date`), if rectify gives it.
pub fn find(code: &str) -> Option<&'static Code> {
    ALL.iter().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn codes_are_unique_and_namespaced() {
        let mut seen = std::collections::BTreeSet::new();
        for code in ALL {
            assert!(seen.insert(code.code), "{} twice", code.code);
            assert!(
                NAMESPACES.iter().any(|ns| ns.name == code.namespace()),
                "{}",
                code.code
            );
        }
    }

    #[test]
    fn every_code_and_namespace_is_described_in_every_language() {
        let ids = ALL
            .iter()
            .map(|c| c.description)
            .chain(NAMESPACES.iter().map(|ns| ns.description));
        for id in ids {
            for lang in Lang::ALL {
                assert!(lang.catalogue().has(id), "{id} missing in {lang}");
            }
        }
    }

    #[test]
    fn codes_are_found_by_their_exact_name() {
        assert_eq!(
            find("record::bad-date").map(|c| c.namespace()),
            Some("record")
        );
        assert_eq!(find("record::bad-dat"), None);
        assert_eq!(find("record"), None, "a namespace is not a code");
    }
}
