//! The rule language: text -> [`ast::File`] with spans.
//!
//! Owns: `grammar/rules.pest`, lowering pest pairs to the AST (pest `Pair`s
//! never leave this module), and syntax errors located at byte spans.
//! Must not: know YAML, records or calendars; resolve names (the semantic
//! check in `eval::compile` does that).
//!
//! Error codes (each documented where it is raised, and in
//! `docs/rule-language.md`):
//!
//! - `rules::syntax`: the text does not follow the grammar ([`error`]).
//! - `rules::unclosed`, `rules::unmatched-brace`: a `{` never closed, a
//!   `}` that closes nothing ([`recover`]).
//! - `rules::too-deep`: brackets nested deeper than [`MAX_DEPTH`], or an
//!   expression longer than [`MAX_TOKENS`] operands and operators.
//! - `rules::fmt-unsafe`: `fmt` would write a layout that does not parse
//!   back to the same rules ([`fmt::UNSAFE`]).
//! - `rules::bad-number`, `rules::bad-percent`, `rules::bad-date`,
//!   `rules::bad-escape`: a literal the grammar accepts but that has no value.
//! - `rules::bad-id`, `rules::bad-grades`, `rules::bad-ceiling`,
//!   `rules::duplicate-item`, `rules::missing-item`, `rules::reward-rule`:
//!   well-formed text that is not a usable rule.

pub mod ast;
mod error;
mod expr;
pub mod fmt;
mod literal;
mod lower;
mod parser;
mod recover;

use crate::diag::Diagnostic;

/// Brackets (`(`, `[`) may nest this deep; deeper input is refused before
/// parsing so that hostile input cannot exhaust the stack.
pub const MAX_DEPTH: usize = 32;

/// The most operands and operators one expression may have outside brackets
/// (`a and b and …`); with [`MAX_DEPTH`] this bounds the depth of the AST.
pub const MAX_TOKENS: usize = 256;

/// Parse and lower one rule file. On failure, every error found is returned,
/// in source order: a file that does not parse is cut into its top-level
/// blocks and each is parsed on its own, so an error in one rule hides no
/// error in another.
pub fn parse(text: &str) -> Result<ast::File, Vec<Diagnostic>> {
    if let Some(error) = error::too_deep(text) {
        return Err(vec![error]);
    }
    match parser::parse_file(text) {
        Ok(pair) => lower::file(pair),
        Err(_) => Err(recover::errors(text)),
    }
}
