//! Findings -> text: every output format of `check`, the progress report
//! and the record schema.
//!
//! Owns: every output format. Must not: evaluate anything, read the clock,
//! or write anywhere but the writer it is handed.
//!
//! - [`json`]: the JSON report contract (version 1).
//! - [`diagnostic`]: findings and input errors as miette diagnostics.
//! - [`text`]: `human` and `plain`, with the summary footer.
//! - [`concise`]: one line per finding, then the summary line.
//! - [`sarif`], [`junit`], [`github`], [`markdown`]: machine and CI formats.
//! - [`xlsx`]: the Excel workbook of `check` and `report` (findings,
//!   scoreboard, progress by unit, input errors).
//! - [`progress`]: `rectify report` (table, markdown, self-contained HTML).
//! - [`schema`]: the JSON Schema of the record format (`rectify schema`).
//! - [`stream`]: JSON, SARIF, concise and GitHub output written as a run
//!   merges each file, findings spilled to a temporary file, not kept.
//! - [`neutral`]: the one door every untrusted text passes before it is
//!   written (terminal-, log-, markdown-, XML- and HTML-safe).
//! - [`region`], [`table`], [`xml`], [`ordered`]: shared helpers.

pub mod concise;
pub mod diagnostic;
pub mod diff;
pub mod github;
pub mod history;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod neutral;
pub mod ordered;
pub mod progress;
pub mod region;
pub mod sarif;
pub mod schema;
pub mod stream;
pub mod table;
pub mod text;
pub mod xlsx;
pub mod xml;

use std::io::{self, Write};

use crate::diag::Severity;
use crate::i18n::Lang;
use crate::outcome::Outcome;

/// An output format of `rectify check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// miette's graphical output: snippets, underlines, colour when asked.
    Human,
    /// miette's narratable output: the same content as plain sentences.
    Plain,
    /// One line per finding and input diagnostic, then the summary line.
    Concise,
    /// The JSON report contract, version 1.
    Json,
    /// SARIF 2.1.0 (GitHub code scanning).
    Sarif,
    /// JUnit XML, one suite per rule.
    Junit,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// A markdown summary for a pull-request comment.
    Markdown,
    /// An Excel workbook (binary): findings, scoreboard, progress by unit.
    Xlsx,
}

impl Format {
    /// Whether the format shows more when every file's text is kept
    /// (snippets; end positions and character offsets).
    pub fn wants_sources(self) -> bool {
        matches!(
            self,
            Format::Human | Format::Plain | Format::Sarif | Format::Github
        )
    }
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
    /// The lowest severity that fails the run (`--fail-on`; `None`:
    /// nothing does). JUnit makes failures of these only.
    pub fail_on: Option<Severity>,
    /// The language of the words (`--lang`); machine formats keep their
    /// English keys and codes.
    pub lang: Lang,
    /// Threads that render `human` and `plain` diagnostics (`--jobs`); 1:
    /// the calling thread alone.
    pub jobs: usize,
}

impl Default for Style {
    /// No colour, 100 columns, errors fail, English: what tests and non-terminals
    /// get.
    fn default() -> Style {
        Style {
            color: false,
            width: 100,
            due_within: None,
            fail_on: Some(Severity::Error),
            lang: Lang::En,
            jobs: 1,
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
    let words = style.lang.catalogue();
    match format {
        Format::Human => text::human(outcome, style, out),
        Format::Plain => text::plain(outcome, style, out),
        Format::Concise => concise::write(outcome, style, out),
        Format::Json => json::write(outcome, words, out),
        Format::Sarif => sarif::write(outcome, words, out),
        Format::Junit => junit::write(outcome, style.fail_on, words, out),
        Format::Github => github::write(outcome, words, out),
        Format::Markdown => markdown::write(outcome, words, out),
        Format::Xlsx => xlsx::write(outcome, words, out),
    }
}

/// A severity as people read it (`error`, `warning`; `错误`, `警告`) in
/// `words`' language; machine formats keep [`Severity::as_str`].
pub(crate) fn severity_word(severity: Severity, words: &crate::i18n::Catalogue) -> String {
    let args = crate::i18n::Args::new().text("severity", severity.as_str());
    words.format("severity", &args)
}
