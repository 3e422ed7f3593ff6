//! A table of text cells, drawn for a terminal (widths in display columns,
//! so Chinese names line up) and as a GitHub-flavoured markdown table; the
//! HTML progress report draws its own (`progress::html`).
//!
//! Owns: layout and escaping of cells. Must not: decide what goes in them.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

#[derive(Clone, Debug, Default)]
pub struct Table {
    pub headers: Vec<String>,
    /// Right-align this column (numbers).
    pub numeric: Vec<bool>,
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
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// Aligned columns two spaces apart, trailing spaces trimmed.
    pub fn text(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.width()).collect();
        for row in &self.rows {
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
        self.rows
            .iter()
            .try_for_each(|r| writeln!(out, "{}", line(r)))
    }

    pub fn markdown(&self, out: &mut dyn Write) -> io::Result<()> {
        let row = |cells: &[String]| {
            let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
            format!("| {} |", cells.join(" | "))
        };
        writeln!(out, "{}", row(&self.headers))?;
        let rule: Vec<&str> = self
            .numeric
            .iter()
            .map(|&n| if n { "---:" } else { "---" })
            .collect();
        writeln!(out, "|{}|", rule.join("|"))?;
        self.rows
            .iter()
            .try_for_each(|r| writeln!(out, "{}", row(r)))
    }
}

/// A markdown table cell: `|` escaped, line breaks as `<br>`, so a cell
/// never breaks the table.
pub fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace(['\n', '\r'], "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_a_markdown_table() {
        assert_eq!(cell("a | b\nc"), "a \\| b<br>c");
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
