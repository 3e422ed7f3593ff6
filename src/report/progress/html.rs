//! The progress report as one self-contained HTML file: inline CSS, inline
//! SVG, no scripts, fonts, images or links to anything outside the file, so
//! it can be mailed, archived and printed as it is. The markup is also
//! well-formed XML (void elements closed, text escaped), which the tests
//! check with an XML parser.
//!
//! Made to be read by people, on screen and on paper:
//!
//! - Chinese text: a font stack that finds a Chinese (Simplified) font on
//!   Linux, Windows and macOS, and `lang="zh-CN"` when most unit names are
//!   Chinese (`en` otherwise), so browsers pick Simplified glyphs.
//! - Charts ([`chart`]): unit scores with every unit's full name, and a
//!   timeline of deadlines over the full width with date ticks.
//! - Print: A4 pages with margins; sections flow across pages (only a chart
//!   or a table row is kept whole), table headers repeat, and cells holding
//!   ids, dates and other single tokens never break mid-token; only columns
//!   of free text wrap: unit names at spaces, paths after a `/`, and a word
//!   (or a run of Chinese) too long for any column anywhere.
//!
//! Every text that comes from a record (ids, units, rounds, stages, waiver
//! reasons) is escaped with [`xml::text`] or [`xml::attr`], here and in
//! [`chart`]; nothing else writes record text into the page.

mod chart;

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use crate::i18n::{Catalogue, Lang};
use crate::outcome::Outcome;
use crate::report::table::Table;
use crate::report::xml;

use super::View;

pub use chart::TIMELINE_ROWS;

/// Fonts that hold Chinese characters, one per platform, then the generic
/// family: Linux (Noto, Source Han), Windows, macOS.
pub const FONTS: &str = "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"PingFang SC\", sans-serif";

const STYLE: &str = "
body { font-family: FONTS; margin: 2em auto; padding: 0 1em; max-width: 72em; color: #1b1b1b; line-height: 1.4; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin: 1.4em 0 0.4em; break-after: avoid; page-break-after: avoid; }
.headline { font-size: 1.2em; font-weight: 600; margin-top: 0; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border-bottom: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; vertical-align: top; }
th { vertical-align: bottom; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td.token { white-space: nowrap; }
td.text { overflow-wrap: break-word; word-break: keep-all; }
td.long { overflow-wrap: anywhere; word-break: normal; }
.note { color: #555; font-size: 0.9em; }
svg.chart { display: block; width: 100%; height: auto; }
svg text { font-size: 12px; fill: #1b1b1b; }
.axis text { fill: #555; } .grid { stroke: #ddd; } .guide { stroke: #f0f0f0; }
.pass { fill: #2e7d32; } .basic { fill: #f9a825; } .fail { fill: #c62828; } .other { fill: #607d8b; }
.late { stroke: #ef6c00; } .overdue { stroke: #c62828; } .pending { stroke: #607d8b; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 9pt; }
  svg.chart, tr, .note { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .note { color: #000; }
}
";

pub fn write(view: &View<'_>, out: &mut dyn Write) -> io::Result<()> {
    let outcome = view.outcome;
    let words = view.words;
    let title = view.title();
    head(out, language(outcome, words), &title, "")?;
    writeln!(
        out,
        "<p class=\"headline\">{}</p>",
        xml::text(&view.headline)
    )?;
    writeln!(
        out,
        "<section>\n<h2>{}</h2>",
        xml::text(&words.text("report-chart-scores"))
    )?;
    chart::scores(&outcome.units, words, out)?;
    writeln!(
        out,
        "</section>\n<section>\n<h2>{}</h2>",
        xml::text(&words.text("report-chart-deadlines"))
    )?;
    chart::timeline(view, out)?;
    writeln!(out, "</section>")?;
    for (heading, table) in &view.sections {
        writeln!(out, "<section>\n<h2>{}</h2>", xml::text(heading))?;
        if table.rows.is_empty() {
            writeln!(
                out,
                "<p class=\"note\">{}</p>",
                xml::text(&words.text("report-nothing-md"))
            )?;
        } else {
            html_table(table, out)?;
        }
        writeln!(out, "</section>")?;
    }
    writeln!(out, "</body>\n</html>")
}

/// The page up to its `<h1>` title: language, title, the report's styles
/// and `extra` ones.
pub(crate) fn head(out: &mut dyn Write, lang: &str, title: &str, extra: &str) -> io::Result<()> {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(
        out,
        "<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\"/>"
    )?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
    )?;
    writeln!(out, "<title>{}</title>", xml::text(title))?;
    writeln!(
        out,
        "<style>{}{extra}</style>\n</head>\n<body>",
        STYLE.replace("FONTS", FONTS)
    )?;
    writeln!(out, "<h1>{}</h1>", xml::text(title))
}

/// `zh-CN` when the page speaks Chinese, or when at least half the unit
/// names hold a Chinese character; else `en`: the unit names are most of
/// the record text the page shows.
pub(crate) fn language(outcome: &Outcome, words: &Catalogue) -> &'static str {
    if words.lang() == Lang::ZhCn {
        return Lang::ZhCn.code();
    }
    let chinese = outcome.units.iter().filter(|u| has_han(&u.unit)).count();
    if chinese > 0 && chinese * 2 >= outcome.units.len() {
        "zh-CN"
    } else {
        "en"
    }
}

/// Holds a CJK ideograph (the unified blocks and their extensions).
fn has_han(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(u32::from(c),
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
    })
}

/// Cells of a column of short single tokens (ids, dates, rule and stage
/// names) are never broken: "JS-2022-R2-08" stays on one line.
const TOKEN_COLUMNS: usize = 24;

/// How a column's cells wrap: `num` (right-aligned, never broken), `token`
/// (never broken) or `text` (wraps, inside a word if it must). Decided from
/// the cells, so a column of long or spaced text (unit names, file paths, a
/// hostile id) always wraps rather than pushing the table off the page.
fn column_class(table: &Table, column: usize) -> &'static str {
    if table.numeric.get(column).copied().unwrap_or(false) {
        return "num";
    }
    let token = |cell: &str| {
        cell.width() <= TOKEN_COLUMNS && !cell.contains(char::is_whitespace) && !has_han(cell)
    };
    let cells = table.rows.iter().filter_map(|row| row.get(column));
    if cells.clone().all(|c| token(c)) {
        "token"
    } else {
        "text"
    }
}

pub(crate) fn html_table(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    let classes: Vec<&str> = (0..table.headers.len())
        .map(|i| column_class(table, i))
        .collect();
    writeln!(out, "<table>")?;
    let head: Vec<String> = table
        .headers
        .iter()
        .zip(&classes)
        .map(|(h, &class)| format!("<th class=\"{class}\">{}</th>", xml::text(h)))
        .collect();
    writeln!(out, "<thead><tr>{}</tr></thead>", head.concat())?;
    writeln!(out, "<tbody>")?;
    for row in &table.rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&classes)
            .map(|(c, &class)| td(c, class))
            .collect();
        writeln!(out, "<tr>{}</tr>", cells.concat())?;
    }
    writeln!(out, "</tbody>\n</table>")
}

/// A word this wide in a text cell may break anywhere; shorter ones wrap
/// only at spaces and after `/`, so "徐州市人民政府" stays on one line as
/// "Xuzhou" does (CSS would otherwise break Chinese between any two
/// characters and squeeze the column to one).
const LONG_WORD: usize = 30;

/// One cell. In a text column a path may break after each `/`, and a cell
/// with a word too long for any column (a hostile id, a path segment) may
/// break inside it, so it cannot push the table off the page.
fn td(cell: &str, class: &str) -> String {
    if class != "text" {
        return format!("<td class=\"{class}\">{}</td>", xml::text(cell));
    }
    let long = cell
        .split(|c: char| c.is_whitespace() || c == '/')
        .any(|word| word.width() > LONG_WORD);
    format!(
        "<td class=\"text{}\">{}</td>",
        if long { " long" } else { "" },
        xml::text(cell).replace('/', "/<wbr/>")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_characters_are_recognised() {
        assert!(has_han("宜兴市人民政府"));
        assert!(has_han("Wuxi 无锡"));
        assert!(!has_han("Wuxi Municipal Government"));
        assert!(
            !has_han("ＡＢＣ、。"),
            "full-width Latin and punctuation are not Han"
        );
    }

    #[test]
    fn id_and_date_columns_never_break_and_text_columns_wrap() {
        let mut t = Table::new(&["due", "record", "unit", "at", "days#"]);
        t.push(vec![
            "2022-06-13".into(),
            "JS-2022-R2-XF-XZ-003".into(),
            "Xuzhou Municipal Government".into(),
            "examples/jiangsu/petitions/xuzhou.yaml:33".into(),
            "1113".into(),
        ]);
        let classes: Vec<&str> = (0..5).map(|i| column_class(&t, i)).collect();
        assert_eq!(classes, ["token", "token", "text", "text", "num"]);
    }

    #[test]
    fn paths_wrap_after_slashes_and_only_long_words_anywhere() {
        assert_eq!(
            td("ledgers/wuxi.yaml:21", "text"),
            "<td class=\"text\">ledgers/<wbr/>wuxi.yaml:21</td>"
        );
        assert_eq!(
            td("徐州市人民政府", "text"),
            "<td class=\"text\">徐州市人民政府</td>"
        );
        let hostile = "X".repeat(LONG_WORD + 1);
        assert_eq!(
            td(&format!("a {hostile}"), "text"),
            format!("<td class=\"text long\">a {hostile}</td>")
        );
        assert_eq!(td("<b>", "token"), "<td class=\"token\">&lt;b&gt;</td>");
    }
}
