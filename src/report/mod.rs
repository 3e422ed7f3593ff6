//! Findings -> text: human (miette graphical), plain (narratable) and JSON.
//!
//! Owns: every output format. Must not: evaluate anything, read the clock,
//! or write anywhere but the writer it is handed.
//!
//! - [`json`]: the JSON report contract (DESIGN §6).
//! - [`diagnostic`]: findings and input errors as miette diagnostics.
//! - [`text`]: `human` and `plain`, with the summary footer.

pub mod diagnostic;
pub mod json;
pub mod text;

use std::io::{self, Write};

use crate::outcome::Outcome;

/// An output format of `rectify check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// miette's graphical output: snippets, underlines, colour when asked.
    Human,
    /// miette's narratable output: the same content as plain sentences.
    Plain,
    /// The JSON report contract, version 1.
    Json,
}

/// How to present text output; JSON ignores all of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Style {
    /// ANSI colour in `human` output.
    pub color: bool,
    /// Columns to wrap `human` output at.
    pub width: usize,
    /// List the stages due within this many days of the evaluation date
    /// (`--due-within`); `None` lists none.
    pub due_within: Option<u32>,
}

impl Default for Style {
    /// No colour, 100 columns: what tests and non-terminals get.
    fn default() -> Style {
        Style {
            color: false,
            width: 100,
            due_within: None,
        }
    }
}

/// Render one outcome in `format` to `out`.
pub fn render(
    outcome: &Outcome,
    format: Format,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => text::human(outcome, style, out),
        Format::Plain => text::plain(outcome, style, out),
        Format::Json => json::write(outcome, out),
    }
}
