//! A table of text cells, drawn for a terminal (widths in display columns,
//! so Chinese names line up) and as a GitHub-flavoured markdown table; the
//! HTML progress report draws its own (`progress::html`).
//!
//! Cells hold plain text, as often as not from records: every form shows
//! each cell through [`super::neutral`] (a column marked as code becomes a
//! markdown code span).
//!
//! Owns: layout and escaping of cells. Must not: decide what goes in them.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::neutral;
use crate::i18n::Catalogue;

#[derive(Clone, Debug, Default)]
pub struct Table {
    pub headers: Vec<String>,
    /// Right-align this column (numbers).
    pub numeric: Vec<bool>,
    /// Show this column as code in markdown (ids, places).
    pub code: Vec<bool>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// Headers ending in `#` are numeric (the `#` is dropped).
    pub fn new(headers: &[&str]) -> Table {
        Table {
            headers: headers
                .iter()
                .map(|h| h.trim_end_matches('#').to_string())
                .collect(),
            numeric: headers.iter().map(|h| h.ends_with('#')).collect(),
            code: vec![false; headers.len()],
            rows: Vec::new(),
        }
    }

    /// Mark the columns at `columns` as code.
    pub fn with_code(mut self, columns: &[usize]) -> Table {
        for &i in columns {
            if let Some(c) = self.code.get_mut(i) {
                *c = true;
            }
        }
        self
    }

    /// Every row's cells as shown in text (see [`neutral::text`]).
    fn shown(&self) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|r| r.iter().map(|c| neutral::text(c).into_owned()).collect())
            .collect()
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// Aligned columns two spaces apart, trailing spaces trimmed.
    pub fn text(&self, out: &mut dyn Write) -> io::Result<()> {
        let rows = self.shown();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.width()).collect();
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.width());
            }
        }
        let line = |cells: &[String]| {
            let mut line = String::new();
            for (i, (cell, width)) in cells.iter().zip(&widths).enumerate() {
                let pad = " ".repeat(width.saturating_sub(cell.width()));
                if i > 0 {
                    line.push_str("  ");
                }
                if self.numeric.get(i).copied().unwrap_or(false) {
                    line.push_str(&pad);
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    line.push_str(&pad);
                }
            }
            line.trim_end().to_string()
        };
        writeln!(out, "{}", line(&self.headers))?;
        rows.iter().try_for_each(|r| writeln!(out, "{}", line(r)))
    }

    pub fn markdown(&self, out: &mut dyn Write) -> io::Result<()> {
        let row = |cells: &[String], code: &[bool]| {
            let cells: Vec<String> = cells
                .iter()
                .enumerate()
                .map(|(i, c)| cell(c, code.get(i).copied().unwrap_or(false)))
                .collect();
            format!("| {} |", cells.join(" | "))
        };
        writeln!(out, "{}", row(&self.headers, &[]))?;
        let rule: Vec<&str> = self
            .numeric
            .iter()
            .map(|&n| if n { "---:" } else { "---" })
            .collect();
        writeln!(out, "|{}|", rule.join("|"))?;
        self.rows
            .iter()
            .try_for_each(|r| writeln!(out, "{}", row(r, &self.code)))
    }
}

/// A markdown table cell from plain text: markdown text
/// ([`neutral::markdown`]) or a code span ([`neutral::code`], its `|`
/// escaped as GitHub's tables need even in code). Line breaks are shown as
/// `[U+000A]`, so a cell never breaks the table.
/// Titled tables for a terminal: a blank line and the title before each,
/// `  nothing` (in the run's language) for an empty one.
pub fn titled_text<'a>(
    sections: impl IntoIterator<Item = &'a (String, Table)>,
    words: &Catalogue,
    out: &mut dyn Write,
) -> io::Result<()> {
    for (title, table) in sections {
        writeln!(out, "\n{title}")?;
        match table.rows.is_empty() {
            true => writeln!(out, "  {}", words.text("report-nothing"))?,
            false => table.text(out)?,
        }
    }
    Ok(())
}

/// Titled tables in markdown: a `##` heading before each, `Nothing.` for
/// an empty one (in the run's language).
pub fn titled_markdown<'a>(
    sections: impl IntoIterator<Item = &'a (String, Table)>,
    words: &Catalogue,
    out: &mut dyn Write,
) -> io::Result<()> {
    for (title, table) in sections {
        writeln!(out, "\n## {title}\n")?;
        match table.rows.is_empty() {
            true => writeln!(out, "{}", words.text("report-nothing-md"))?,
            false => table.markdown(out)?,
        }
    }
    Ok(())
}

pub fn cell(text: &str, code: bool) -> String {
    if code {
        neutral::code(text).replace('|', "\\|")
    } else {
        neutral::markdown(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_a_markdown_table() {
        assert_eq!(cell("a | b\nc", false), "a \\| b\\[U+000A\\]c");
        assert_eq!(
            cell("<img src=x onerror=alert(1)>", false),
            "&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(cell("a|`b", true), "``a\\|`b``");
    }

    #[test]
    fn columns_align_by_display_width() {
        let mut t = Table::new(&["unit", "score#"]);
        t.push(vec!["宜兴市".into(), "96.8".into()]);
        t.push(vec!["Wuxi City".into(), "100".into()]);
        let mut out = Vec::new();
        t.text(&mut out).expect("in memory");
        assert_eq!(
            String::from_utf8_lossy(&out),
            "unit       score\n宜兴市      96.8\nWuxi City    100\n"
        );
    }
}
