//! The progress history as one self-contained HTML file, in the progress
//! report's styles ([`crate::report::progress::html`]): inline CSS and SVG,
//! no scripts or links, printable on A4, well-formed XML.
//!
//! - per kind, a line chart of the records completed (or closed) at each
//!   period end against the total;
//! - the on-time rate of each unit at each period end, one line per unit:
//!   the [`UNIT_LINES`] units with the lowest rate at the last end drawn
//!   apart and the rest pooled into one "others" line, so many units stay
//!   legible; a legend names every line;
//! - the tables of the other forms, and the last period's lists.
//!
//! Record text (unit names, ids, file names) is escaped with [`xml::text`]
//! and [`xml::attr`] ([`crate::report::neutral`]); nothing else writes it.

use std::io::{self, Write};

use jiff::civil::Date;

use crate::calendar::days_between;
use crate::i18n::{Args, Catalogue};
use crate::report::progress::html::{head, html_table, language};
use crate::report::xml;

use super::View;

/// Units drawn as lines of their own on the on-time chart.
pub const UNIT_LINES: usize = 8;

const WIDTH: i64 = 880;
const HEIGHT: i64 = 260;
const LEFT: i64 = 56;
const RIGHT: i64 = WIDTH - 44;
const TOP: i64 = 16;
const BOTTOM: i64 = HEIGHT - 34;

/// Line colours, told apart in print too (with dash patterns).
const COLOURS: [&str; 9] = [
    "#1565c0", "#c62828", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#5d4037", "#ad1457",
    "#607d8b",
];

const EXTRA_STYLE: &str = "
.legend { display: flex; flex-wrap: wrap; gap: 0.3em 1.2em; font-size: 0.9em; margin: 0.3em 0 0.8em; padding: 0; list-style: none; }
.legend svg { vertical-align: middle; }
";

/// A line to draw: its name, colour, dashes and its values (None: a gap).
struct Line {
    name: String,
    colour: &'static str,
    dash: &'static str,
    values: Vec<Option<f64>>,
}

pub fn write(view: &View<'_>, out: &mut dyn Write) -> io::Result<()> {
    let words = view.words;
    let title = view.title();
    let lang = view
        .history
        .last()
        .map_or("en", |outcome| language(outcome, words));
    head(out, lang, &title, EXTRA_STYLE)?;
    if let Some(last) = view.periods.last() {
        let parts: Vec<String> = (last.kinds.iter())
            .map(|k| {
                let args = Args::new()
                    .count("done", k.done)
                    .count("total", k.total)
                    .text("kind", k.kind.clone());
                words.format("history-headline-part", &args)
            })
            .collect();
        let args = Args::new().text("date", last.end.to_string()).text(
            "parts",
            parts.join(&words.text("report-headline-separator")),
        );
        let headline = words.format("history-headline", &args);
        writeln!(out, "<p class=\"headline\">{}</p>", xml::text(&headline))?;
    }
    let ends: Vec<Date> = view.periods.iter().map(|p| p.end).collect();
    let kinds = view.periods.first().map_or(0, |p| p.kinds.len());
    for k in 0..kinds {
        let Some(first) = view.periods.first().map(|p| &p.kinds[k]) else {
            continue;
        };
        let heading = words.format(
            "history-chart-kind",
            &Args::new()
                .text("kind", first.kind.clone())
                .text("name", capital(&first.kind)),
        );
        writeln!(out, "<section>\n<h2>{}</h2>", xml::text(&heading))?;
        let series = |f: &dyn Fn(&super::Counts) -> usize| -> Vec<Option<f64>> {
            (view.periods.iter())
                .map(|p| p.kinds.get(k).map(|c| f(c) as f64))
                .collect()
        };
        let lines = vec![
            Line {
                name: words.text("history-line-total"),
                colour: "#607d8b",
                dash: "6 4",
                values: series(&|c| c.total),
            },
            Line {
                name: words.format(
                    "history-done",
                    &Args::new().text("kind", first.kind.clone()),
                ),
                colour: "#2e7d32",
                dash: "",
                values: series(&|c| c.done),
            },
            Line {
                name: words.text("history-line-overdue"),
                colour: "#c62828",
                dash: "2 3",
                values: series(&|c| c.overdue),
            },
        ];
        let max =
            (lines.iter().flat_map(|l| l.values.iter().flatten())).fold(1.0_f64, |a, &b| a.max(b));
        chart(&ends, &lines, round_up(max), false, words, out)?;
        legend(&lines, out)?;
        writeln!(out, "</section>")?;
    }
    writeln!(
        out,
        "<section>\n<h2>{}</h2>",
        xml::text(&words.text("history-on-time"))
    )?;
    let lines = unit_lines(view);
    if lines.is_empty() {
        writeln!(
            out,
            "<p class=\"note\">{}</p>",
            xml::text(&words.text("history-no-units"))
        )?;
    } else {
        chart(&ends, &lines, (100.0, 4), true, words, out)?;
        legend(&lines, out)?;
        let note = Args::new().count("n", UNIT_LINES);
        writeln!(
            out,
            "<p class=\"note\">{}</p>",
            xml::text(&words.format("history-on-time-note", &note))
        )?;
    }
    writeln!(out, "</section>")?;
    // Every unit at every end is the JSON's and the workbook's to hold; the
    // page shows the last end (the chart shows the course).
    let last = view
        .periods
        .last()
        .map_or(String::new(), |p| p.end.to_string());
    let sections = [
        (words.text("history-progress"), view.progress()),
        (
            words.format("history-units-at", &Args::new().text("date", last)),
            view.units_at_last(),
        ),
    ];
    for (heading, table) in sections.into_iter().chain(view.lists()) {
        writeln!(out, "<section>\n<h2>{}</h2>", xml::text(&heading))?;
        match table.rows.is_empty() {
            true => writeln!(
                out,
                "<p class=\"note\">{}</p>",
                xml::text(&words.text("report-nothing-md"))
            )?,
            false => html_table(&table, out)?,
        }
        writeln!(out, "</section>")?;
    }
    writeln!(out, "</body>\n</html>")
}

/// The axis: a round step (1, 2, 2.5 or 5 times a power of ten) and the
/// fewest ticks of it, at most six, that reach `max`.
fn round_up(max: f64) -> (f64, u32) {
    let max = max.max(1.0);
    let mut power = 10f64.powf((max / 6.0).log10().floor()).max(1.0);
    loop {
        for m in [1.0, 2.0, 2.5, 5.0] {
            let step = m * power;
            let ticks = (max / step).ceil();
            if ticks <= 6.0 {
                return (step * ticks, ticks as u32);
            }
        }
        power *= 10.0;
    }
}

fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// The units with the lowest on-time rate at the last end, one line each,
/// then the rest pooled.
fn unit_lines(view: &View<'_>) -> Vec<Line> {
    let Some(last) = view.periods.last() else {
        return Vec::new();
    };
    let mut order: Vec<&super::UnitAt> = last.units.iter().collect();
    order.sort_by(|a, b| {
        let rate = |u: &super::UnitAt| u.rate().unwrap_or(2.0);
        rate(a).total_cmp(&rate(b)).then(a.unit.cmp(&b.unit))
    });
    let pool = order.len() > UNIT_LINES + 1;
    let apart = if pool { UNIT_LINES } else { order.len() };
    let rate_of = |names: &[&str]| -> Vec<Option<f64>> {
        (view.periods.iter())
            .map(|p| {
                let (on_time, due) = (p.units.iter())
                    .filter(|u| names.contains(&u.unit.as_str()))
                    .fold((0, 0), |(a, b), u| (a + u.on_time.0, b + u.on_time.1));
                (due > 0).then(|| on_time as f64 * 100.0 / due as f64)
            })
            .collect()
    };
    let dashes = ["", "6 3", "2 3", "8 3 2 3"];
    let mut lines: Vec<Line> = (order[..apart].iter().enumerate())
        .map(|(i, u)| Line {
            name: u.unit.clone(),
            colour: COLOURS[i % (COLOURS.len() - 1)],
            dash: dashes[i / 2 % dashes.len()],
            values: rate_of(&[u.unit.as_str()]),
        })
        .collect();
    if pool {
        let rest: Vec<&str> = order[apart..].iter().map(|u| u.unit.as_str()).collect();
        lines.push(Line {
            name: view
                .words
                .format("history-others", &Args::new().count("n", rest.len())),
            colour: COLOURS[COLOURS.len() - 1],
            dash: "1 3",
            values: rate_of(&rest),
        });
    }
    lines
}

/// A line chart over the period ends: values from 0 to `max`.
fn chart(
    ends: &[Date],
    lines: &[Line],
    (max, ticks): (f64, u32),
    percent: bool,
    words: &Catalogue,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (Some(&first), Some(&last)) = (ends.first(), ends.last()) else {
        return Ok(());
    };
    let span = days_between(first, last).max(1);
    let x = |d: Date| match ends.len() {
        1 => (LEFT + RIGHT) / 2,
        _ => LEFT + days_between(first, d) * (RIGHT - LEFT) / span,
    };
    let y = |v: f64| BOTTOM - ((v / max) * (BOTTOM - TOP) as f64).round() as i64;
    writeln!(
        out,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-label=\"{}\">",
        xml::attr(&words.text("history-chart-label"))
    )?;
    writeln!(out, "<g class=\"axis\">")?;
    for step in 0..=ticks {
        let v = max * f64::from(step) / f64::from(ticks.max(1));
        let at = y(v);
        let label = match percent {
            true => format!("{v:.0}%"),
            false => format!("{v:.0}"),
        };
        writeln!(
            out,
            "<line class=\"grid\" x1=\"{LEFT}\" y1=\"{at}\" x2=\"{RIGHT}\" y2=\"{at}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{label}</text>",
            LEFT - 6,
            at + 4
        )?;
    }
    let every = ends.len().div_ceil(12).max(1);
    for (i, end) in ends.iter().enumerate() {
        if i % every != 0 && i + 1 != ends.len() {
            continue;
        }
        if i + 1 != ends.len() && ends.len() - 1 - i < every {
            continue; // keep the last label clear of this one
        }
        writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{end}</text>",
            x(*end),
            BOTTOM + 18
        )?;
    }
    writeln!(out, "</g>")?;
    for line in lines {
        let mut path = String::new();
        let mut pen = false;
        for (end, v) in ends.iter().zip(&line.values) {
            match v {
                Some(v) => {
                    path.push_str(&format!(
                        "{}{},{} ",
                        if pen { "L" } else { "M" },
                        x(*end),
                        y(*v)
                    ));
                    pen = true;
                }
                None => pen = false,
            }
        }
        let dash = match line.dash {
            "" => String::new(),
            d => format!(" stroke-dasharray=\"{d}\""),
        };
        writeln!(
            out,
            "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{dash}><title>{}</title></path>",
            path.trim_end(),
            line.colour,
            xml::text(&line.name)
        )?;
        if ends.len() <= 60 {
            for (end, v) in ends.iter().zip(&line.values) {
                if let Some(v) = v {
                    writeln!(
                        out,
                        "<circle cx=\"{}\" cy=\"{}\" r=\"2.5\" fill=\"{}\"/>",
                        x(*end),
                        y(*v),
                        line.colour
                    )?;
                }
            }
        }
    }
    writeln!(out, "</svg>")
}

fn legend(lines: &[Line], out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<ul class=\"legend\">")?;
    for line in lines {
        let dash = match line.dash {
            "" => String::new(),
            d => format!(" stroke-dasharray=\"{d}\""),
        };
        writeln!(
            out,
            "<li><svg width=\"28\" height=\"10\" xmlns=\"http://www.w3.org/2000/svg\"><line x1=\"0\" y1=\"5\" x2=\"28\" y2=\"5\" stroke=\"{}\" stroke-width=\"2\"{dash}/></svg> {}</li>",
            line.colour,
            xml::text(&line.name)
        )?;
    }
    writeln!(out, "</ul>")
}
