//! The rule language: text -> [`ast::File`] with spans.
//!
//! Owns: `grammar/rules.pest`, lowering pest pairs to the AST (pest `Pair`s
//! never leave this module), and syntax errors located at byte spans.
//! Must not: know YAML, records or calendars; resolve names (the semantic
//! check in `eval::compile` does that).

pub mod ast;

use crate::source::Span;

/// A syntax error in a rule file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// `rules::syntax`, `rules::bad-number`, …
    pub code: &'static str,
    pub message: String,
    pub span: Span,
    pub help: Option<String>,
}

/// Parse and lower one rule file.
pub fn parse(text: &str) -> Result<ast::File, Vec<Error>> {
    let _ = text;
    todo!()
}
