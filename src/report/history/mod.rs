//! `rectify report --history`: progress at each period end, from a
//! [`History`] (one outcome per end).
//!
//! What each period shows:
//! - per kind: the records assigned by the end (`total`), those whose last
//!   stage is dated on or before it (`completed` for tasks, `closed` for
//!   other kinds; on the evaluation date itself, the counts of `check`,
//!   which read today's `status`), recorded late, and overdue;
//! - the penalty points of all findings not waived at the end, and those
//!   incurred in the period: that total less the previous end's (negative
//!   when a finding went away, say an extension approved in the period);
//! - each unit's score and on-time rate at the end: of its records whose
//!   last stage is recorded or overdue, the share recorded on or before
//!   its due date (none yet: no rate);
//! - for the last period: the records completed in it, newly overdue at its
//!   end, and falling due before the next period's end.
//!
//! Forms: table, markdown, JSON (a contract: docs/history.md), HTML
//! ([`html`]). Owns: the layout and the figures derived from the outcomes.
//! Must not: evaluate anything or read the clock.

pub mod html;
pub mod xlsx;

use std::io::{self, Write};

use jiff::civil::Date;
use serde::Serialize;
use serde_json::Value;

use crate::i18n::{Args, Catalogue};
use crate::outcome::history::{Every, History, Item};
use crate::outcome::{KindProgress, Outcome};
use crate::points::Points;

use super::neutral;
use super::progress::{self, count};
use super::table::{Table, titled_markdown, titled_text};

/// The forms of `rectify report --history`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Table,
    Markdown,
    Json,
    Html,
}

pub fn render(
    history: &History,
    every: Every,
    form: Form,
    words: &Catalogue,
    out: &mut dyn Write,
) -> io::Result<()> {
    let view = View::new(history, every, words);
    match form {
        Form::Table => view.text(out),
        Form::Markdown => view.markdown(out),
        Form::Json => view.json(out),
        Form::Html => html::write(&view, out),
    }
}

/// One kind's counts at a period end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counts {
    pub kind: String,
    pub total: usize,
    /// Last stage recorded (today's counts of `check` on the evaluation date).
    pub done: usize,
    pub late: usize,
    pub overdue: usize,
}

impl Counts {
    /// The word for `done`: tasks are completed, other kinds closed.
    pub fn verb(&self) -> &'static str {
        match self.kind.as_str() {
            "task" => "completed",
            _ => "closed",
        }
    }
}

/// One unit at a period end.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitAt {
    pub unit: String,
    pub records: usize,
    pub score: Points,
    /// The grade as the scoring scheme names it (the JSON's `grade`).
    pub grade: String,
    /// The grade's names for runs in one language.
    pub grade_titles: Vec<(crate::i18n::Lang, String)>,
    /// Records whose last stage is recorded on time, and those recorded or
    /// overdue (the rate's denominator).
    pub on_time: (usize, usize),
}

impl UnitAt {
    /// The grade said in `lang`: its title for `lang`, else as written.
    pub fn grade_in(&self, lang: crate::i18n::Lang) -> &str {
        crate::syntax::ast::grade_in(&self.grade, &self.grade_titles, lang)
    }

    /// The on-time rate in [0, 1]; `None` when nothing is due yet.
    pub fn rate(&self) -> Option<f64> {
        let (on_time, due) = self.on_time;
        (due > 0).then(|| on_time as f64 / due as f64)
    }

    /// `87.5%`, or `-` when nothing is due yet.
    pub fn rate_text(&self) -> String {
        self.rate()
            .map_or_else(|| "-".into(), |r| format!("{:.1}%", r * 100.0))
    }
}

/// Everything at one period end.
#[derive(Clone, Debug)]
pub struct Period {
    pub end: Date,
    pub kinds: Vec<Counts>,
    pub penalty: Points,
    pub incurred: Points,
    pub units: Vec<UnitAt>,
}

/// The history as every form shows it.
pub struct View<'a> {
    pub history: &'a History,
    /// The words of the run's language.
    pub words: &'a Catalogue,
    pub every: Every,
    pub periods: Vec<Period>,
}

impl<'a> View<'a> {
    pub fn new(history: &'a History, every: Every, words: &'a Catalogue) -> View<'a> {
        // The first outcome is the baseline: the end of the period before
        // the first, which the first period's changes count from.
        let mut previous = history
            .outcomes
            .first()
            .map_or(Points::ZERO, |o| o.summary.penalty);
        let periods = (history.outcomes.iter().skip(1))
            .map(|outcome| {
                let today = outcome.as_of == history.evaluation;
                let penalty = outcome.summary.penalty;
                let period = Period {
                    end: outcome.as_of,
                    kinds: outcome.progress.iter().map(|p| counts(p, today)).collect(),
                    penalty,
                    incurred: penalty.saturating_sub(previous),
                    units: units(outcome),
                };
                previous = penalty;
                period
            })
            .collect();
        View {
            history,
            words,
            every,
            periods,
        }
    }

    /// "Progress history, monthly, 2022-04-30 to 2024-06-30".
    pub fn title(&self) -> String {
        let first = self.periods.first().map(|p| p.end);
        let last = self.periods.last().map(|p| p.end);
        match first.zip(last) {
            Some((first, last)) => {
                let args = Args::new()
                    .text("every", every_name(self.words, self.every))
                    .text("first", first.to_string())
                    .text("last", last.to_string());
                self.words.format("history-title", &args)
            }
            None => self.words.text("history-title-empty"),
        }
    }

    /// The table of counts per period end.
    pub fn progress(&self) -> Table {
        let kinds = self.periods.first().map_or(&[][..], |p| &p.kinds[..]);
        let words = self.words;
        let column = |key: &str| words.text(&format!("report-column.{key}"));
        let mut headers = vec![column("end")];
        for k in kinds {
            let kind = || Args::new().text("kind", k.kind.clone());
            for id in [
                "history-total",
                "history-done",
                "history-done-late",
                "history-overdue",
            ] {
                headers.push(format!("{}#", words.format(id, &kind())));
            }
        }
        headers.push(format!("{}#", column("penalty")));
        headers.push(format!("{}#", column("incurred")));
        let refs: Vec<&str> = headers.iter().map(String::as_str).collect();
        let mut table = Table::new(&refs);
        for p in &self.periods {
            let mut row = vec![p.end.to_string()];
            for k in &p.kinds {
                row.extend([
                    count(k.total),
                    count(k.done),
                    count(k.late),
                    count(k.overdue),
                ]);
            }
            row.push(p.penalty.to_string());
            row.push(signed(p.incurred));
            table.push(row);
        }
        table
    }

    /// Each unit at each period end (rows by end, then unit).
    pub fn units(&self) -> Table {
        self.units_of(&self.periods)
    }

    /// Each unit at the last period end.
    pub fn units_at_last(&self) -> Table {
        let last = self.periods.len().saturating_sub(1);
        self.units_of(&self.periods[last..])
    }

    fn units_of(&self, periods: &[Period]) -> Table {
        let mut table = progress::table(
            self.words,
            &["end", "unit", "records#", "score#", "grade", "on-time#"],
        );
        for p in periods {
            for u in &p.units {
                table.push(vec![
                    p.end.to_string(),
                    u.unit.clone(),
                    count(u.records),
                    u.score.to_string(),
                    u.grade_in(self.words.lang()).to_string(),
                    u.rate_text(),
                ]);
            }
        }
        table
    }

    /// The last period's lists, titled.
    pub fn lists(&self) -> Vec<(String, Table)> {
        let lists = &self.history.lists;
        let end = self.periods.last().map(|p| p.end);
        // The end before the last: the baseline when there is one period.
        let ends = &self.history.ends;
        let start = ends.len().checked_sub(2).map(|i| ends[i]);
        let words = self.words;
        let date = |d: Date| Args::new().text("date", d.to_string());
        let period = match (start, end) {
            (Some(start), Some(end)) => words.format(
                "history-period",
                &Args::new()
                    .text("start", start.to_string())
                    .text("end", end.to_string()),
            ),
            (None, Some(end)) => words.format(
                "history-period-to",
                &Args::new().text("end", end.to_string()),
            ),
            _ => String::new(),
        };
        let mut out = vec![
            (
                words.format("history-completed", &Args::new().text("period", period)),
                items(&lists.completed, "completed-on", words),
            ),
            (
                words.format(
                    "history-newly-overdue",
                    &Args::new().text("date", end.map_or(String::new(), |e| e.to_string())),
                ),
                items(&lists.newly_overdue, "due", words),
            ),
        ];
        if let Some(next) = self.history.next {
            out.push((
                words.format("history-due-next", &date(next)),
                items(&lists.due_next, "due", words),
            ));
        }
        out
    }

    /// The tables every text form shows, titled, in order.
    fn sections(&self) -> Vec<(String, Table)> {
        let mut sections = vec![
            (self.words.text("history-progress"), self.progress()),
            (self.words.text("history-units"), self.units()),
        ];
        sections.extend(self.lists());
        sections
    }

    fn text(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{}", self.title())?;
        titled_text(&self.sections(), self.words, out)
    }

    fn markdown(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "# {}", self.title())?;
        titled_markdown(&self.sections(), self.words, out)
    }

    fn json(&self, out: &mut dyn Write) -> io::Result<()> {
        let report = Json::new(self);
        neutral::json_pretty(out, &report)?;
        writeln!(out)
    }
}

/// How often the history looks: `monthly`, `按月`.
pub(crate) fn every_name(words: &Catalogue, every: Every) -> String {
    words.format(
        "history-every",
        &Args::new().text("every", every.as_str().to_string()),
    )
}

/// `+1.5`, `-2`, `0`.
pub(crate) fn signed(p: Points) -> String {
    match p > Points::ZERO {
        true => format!("+{p}"),
        false => p.to_string(),
    }
}

fn counts(p: &KindProgress, today: bool) -> Counts {
    let done = match (today, p.kind.as_str()) {
        (true, "task") => p.completed,
        (true, _) => p.closed,
        (false, _) => p.recorded,
    };
    Counts {
        kind: p.kind.clone(),
        total: p.total,
        done,
        late: p.late,
        overdue: p.overdue,
    }
}

/// Each scored unit with its on-time figures (summed over its rounds and
/// kinds), in the outcome's order (by name).
fn units(outcome: &Outcome) -> Vec<UnitAt> {
    let mut units: Vec<UnitAt> = (outcome.units.iter())
        .map(|u| UnitAt {
            unit: u.unit.clone(),
            records: u.records,
            score: u.score,
            grade: u.grade.clone(),
            grade_titles: u.grade_titles.clone(),
            on_time: (0, 0),
        })
        .collect();
    for g in &outcome.progress_by {
        let Some(u) = units.iter_mut().find(|u| u.unit == g.unit) else {
            continue;
        };
        for p in &g.progress {
            u.on_time.0 += p.recorded.saturating_sub(p.late);
            u.on_time.1 += p.recorded + p.overdue;
        }
    }
    units
}

fn items(list: &[Item], date: &str, words: &Catalogue) -> Table {
    let mut table =
        progress::table(words, &["record", "kind", "unit", date, "file"]).with_code(&[0, 4]);
    for i in list {
        table.push(vec![
            i.record.clone(),
            progress::kind_name(words, &i.kind),
            i.unit.clone(),
            i.date.to_string(),
            i.file.clone(),
        ]);
    }
    table
}

/// The JSON history, version 1 (docs/history.md).
#[derive(Serialize)]
struct Json {
    version: u32,
    as_of: String,
    every: &'static str,
    history: Vec<PeriodJson>,
    this_period: ListsJson,
}

#[derive(Serialize)]
struct PeriodJson {
    end: String,
    #[serde(flatten)]
    kinds: serde_json::Map<String, Value>,
    penalty: Value,
    penalty_incurred: Value,
    units: Vec<UnitJson>,
}

#[derive(Serialize)]
struct UnitJson {
    unit: String,
    records: usize,
    score: Value,
    grade: String,
    /// `null` when none of the unit's records is due yet.
    on_time_rate: Option<f64>,
}

#[derive(Serialize)]
struct ListsJson {
    end: Option<String>,
    completed: Vec<ItemJson>,
    newly_overdue: Vec<ItemJson>,
    due_next_period: Vec<ItemJson>,
    next_end: Option<String>,
}

#[derive(Serialize)]
struct ItemJson {
    record: String,
    kind: String,
    unit: String,
    file: String,
    date: String,
}

impl Json {
    fn new(view: &View<'_>) -> Json {
        let lists = &view.history.lists;
        let item_list = |list: &[Item]| {
            list.iter()
                .map(|i| ItemJson {
                    record: i.record.clone(),
                    kind: i.kind.clone(),
                    unit: i.unit.clone(),
                    file: i.file.clone(),
                    date: i.date.to_string(),
                })
                .collect()
        };
        Json {
            version: 1,
            as_of: view.history.evaluation.to_string(),
            every: view.every.as_str(),
            history: view.periods.iter().map(period_json).collect(),
            this_period: ListsJson {
                end: view.periods.last().map(|p| p.end.to_string()),
                completed: item_list(&lists.completed),
                newly_overdue: item_list(&lists.newly_overdue),
                due_next_period: item_list(&lists.due_next),
                next_end: view.history.next.map(|d| d.to_string()),
            },
        }
    }
}

fn period_json(p: &Period) -> PeriodJson {
    let mut kinds = serde_json::Map::new();
    for k in &p.kinds {
        let verb = k.verb();
        let mut counts = serde_json::Map::new();
        counts.insert("total".into(), k.total.into());
        counts.insert(verb.into(), k.done.into());
        counts.insert(format!("{verb}_late"), k.late.into());
        counts.insert("overdue".into(), k.overdue.into());
        kinds.insert(k.kind.clone(), Value::Object(counts));
    }
    PeriodJson {
        end: p.end.to_string(),
        kinds,
        penalty: p.penalty.to_json(),
        penalty_incurred: p.incurred.to_json(),
        units: (p.units.iter())
            .map(|u| UnitJson {
                unit: u.unit.clone(),
                records: u.records,
                score: u.score.to_json(),
                grade: u.grade.clone(),
                on_time_rate: u.rate().map(|r| (r * 10_000.0).round() / 10_000.0),
            })
            .collect(),
    }
}
