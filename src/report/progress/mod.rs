//! `rectify report`: the progress disclosure and scoreboard auditors
//! publish, from the same [`Outcome`] as `check`.
//!
//! - the headline in the disclosures' wording ("16 of 41 tasks completed;
//!   3,319 of 3,411 petitions closed");
//! - progress per kind, per inspection round and per unit;
//! - the unit scoreboard, worst score first;
//! - the exemplary cases: commendations (reward rules' findings), per unit;
//! - what is overdue: findings whose last stage (`closure`, `closed`) is
//!   still missing past its due date, the records the progress counts call
//!   overdue (waived ones are listed and marked); then, apart, findings
//!   whose earlier stage (a `plan`, say) is missing past its due date;
//! - what falls due within `--due-within` days (the outcome's pending
//!   stages).
//!
//! Forms: an aligned terminal table, markdown, and one self-contained HTML
//! file ([`html`]). Owns: the layout. Must not: compute scores or counts
//! (they come in the outcome) or read the clock.

pub mod html;

use std::collections::BTreeMap;
use std::io::{self, Write};

use jiff::civil::Date;

use crate::i18n::{Args, Catalogue};
use crate::outcome::{Finding, KindProgress, Outcome, Pending};

use super::json::finding_position;
use super::markdown::scoreboard;
use super::neutral;
use super::table::{Table, titled_markdown, titled_text};

/// The forms of `rectify report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Table,
    Markdown,
    Html,
}

/// What falls due within this many days when `--due-within` is not given.
pub const DEFAULT_DUE_WITHIN: u32 = 30;

pub fn render(
    outcome: &Outcome,
    form: Form,
    due_within: Option<u32>,
    words: &Catalogue,
    out: &mut dyn Write,
) -> io::Result<()> {
    let view = View::new(outcome, due_within.unwrap_or(DEFAULT_DUE_WITHIN), words);
    match form {
        Form::Table => view.text(out),
        Form::Markdown => view.markdown(out),
        Form::Html => html::write(&view, out),
    }
}

/// Everything the forms show, computed once.
pub struct View<'a> {
    pub outcome: &'a Outcome,
    /// The words of the run's language.
    pub words: &'a Catalogue,
    pub headline: String,
    pub due_within: u32,
    pub sections: Vec<(String, Table)>,
    pub overdue: Vec<&'a Finding>,
    pub due_soon: Vec<&'a Pending>,
}

impl<'a> View<'a> {
    fn new(outcome: &'a Outcome, due_within: u32, words: &'a Catalogue) -> View<'a> {
        let overdue = overdue(outcome, true);
        let earlier = overdue_table(outcome, &self::overdue(outcome, false), words);
        let due_soon = due_soon(outcome, due_within);
        let mut sections = vec![(words.text("report-progress"), by_kind(outcome, words))];
        if outcome.progress_by.iter().any(|g| g.round.is_some()) {
            let none = words.text("report-no-round");
            sections.push((
                words.text("report-progress-by-round"),
                grouped(outcome, "round", words, |g| {
                    g.round.clone().unwrap_or_else(|| none.clone())
                }),
            ));
        }
        if !outcome.progress_by.is_empty() {
            sections.push((
                words.text("report-progress-by-unit"),
                grouped(outcome, "unit", words, |g| g.unit.clone()),
            ));
        }
        let mut board = scoreboard(outcome, words.lang());
        for (header, key) in board.headers.iter_mut().zip(SCOREBOARD) {
            *header = words.text(&format!("scoreboard.{key}"));
        }
        sections.push((words.text("report-scoreboard"), board));
        sections.push((words.text("report-exemplary"), exemplary(outcome, words)));
        sections.push((
            words.text("report-overdue"),
            overdue_table(outcome, &overdue, words),
        ));
        sections.push((words.text("report-overdue-earlier"), earlier));
        let within = Args::new()
            .int("days", i64::from(due_within))
            .text("date", outcome.as_of.to_string());
        sections.push((
            words.format("report-due-within", &within),
            due_table(outcome, &due_soon, words),
        ));
        View {
            outcome,
            words,
            headline: headline(&outcome.progress, words),
            due_within,
            sections,
            overdue,
            due_soon,
        }
    }

    fn text(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{}", neutral::text(&self.headline))?;
        writeln!(out, "{}", self.words.format("report-as-of", &self.date()))?;
        titled_text(&self.sections, self.words, out)
    }

    fn markdown(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "# {}\n", self.title())?;
        writeln!(out, "**{}**", neutral::markdown(&self.headline))?;
        titled_markdown(&self.sections, self.words, out)
    }

    /// The evaluation date, as the `date` argument of a message.
    fn date(&self) -> Args<'static> {
        Args::new().text("date", self.outcome.as_of.to_string())
    }

    /// "Rectification progress as of 2025-06-30".
    pub fn title(&self) -> String {
        self.words.format("report-title", &self.date())
    }
}

/// The scoreboard's columns, as `scoreboard.*` names them.
const SCOREBOARD: [&str; 7] = [
    "unit", "records", "findings", "penalty", "reward", "score", "grade",
];

/// "16 of 41 tasks completed; 3,319 of 3,411 petitions closed".
pub fn headline(progress: &[KindProgress], words: &Catalogue) -> String {
    let parts: Vec<String> = progress
        .iter()
        .filter(|p| p.total > 0)
        .map(|p| {
            let (id, done) = match p.kind.as_str() {
                "petition" => ("report-headline-petition", p.closed),
                "task" => ("report-headline-task", p.completed),
                _ => ("report-headline-other", p.completed),
            };
            let args = Args::new()
                .count("done", done)
                .count("total", p.total)
                .text("kind", plural_kind(&p.kind));
            words.format(id, &args)
        })
        .collect();
    if parts.is_empty() {
        words.text("report-no-records")
    } else {
        parts.join(&words.text("report-headline-separator"))
    }
}

fn plural_kind(kind: &str) -> String {
    if kind.ends_with('s') {
        kind.to_string()
    } else {
        format!("{kind}s")
    }
}

/// A table whose columns are named by `report-column.<key>`; a key ending
/// in `#` makes its column numeric, as [`Table::new`] reads it.
pub(crate) fn table(words: &Catalogue, keys: &[&str]) -> Table {
    let headers: Vec<String> = keys
        .iter()
        .map(|key| {
            let (key, numeric) = match key.strip_suffix('#') {
                Some(key) => (key, "#"),
                None => (*key, ""),
            };
            format!("{}{numeric}", words.text(&format!("report-column.{key}")))
        })
        .collect();
    let refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    Table::new(&refs)
}

/// A kind of record as the tables name it (`整改任务` for `task`).
pub(crate) fn kind_name(words: &Catalogue, kind: &str) -> String {
    words.format("report-kind", &Args::new().text("kind", kind.to_string()))
}

/// `3,319`.
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

const COLUMNS: [&str; 9] = [
    "total#",
    "completed#",
    "staged#",
    "in-progress#",
    "not-started#",
    "unknown#",
    "closed#",
    "late#",
    "overdue#",
];

/// One row of counts for a kind, as the JSON report counts them: the
/// status buckets (which add up to the total), then what the last stage of
/// the pipeline says: closed, recorded late (`completed_late`,
/// `closed_late`), overdue.
fn counts(p: &KindProgress) -> Vec<String> {
    vec![
        count(p.total),
        count(p.completed),
        count(p.staged),
        count(p.in_progress),
        count(p.not_started),
        count(p.unknown),
        count(p.closed),
        count(p.late),
        count(p.overdue),
    ]
}

fn by_kind(outcome: &Outcome, words: &Catalogue) -> Table {
    let mut headers = vec!["kind"];
    headers.extend(&COLUMNS);
    let mut table = table(words, &headers);
    for p in outcome.progress.iter().filter(|p| p.total > 0) {
        let mut row = vec![kind_name(words, &p.kind)];
        row.extend(counts(p));
        table.push(row);
    }
    table
}

/// Progress summed over the groups that share a key (a round, a unit).
fn grouped(
    outcome: &Outcome,
    name: &str,
    words: &Catalogue,
    key: impl Fn(&crate::outcome::GroupProgress) -> String,
) -> Table {
    let mut sums: BTreeMap<(String, usize), KindProgress> = BTreeMap::new();
    for g in &outcome.progress_by {
        for p in &g.progress {
            let order = outcome
                .progress
                .iter()
                .position(|k| k.kind == p.kind)
                .unwrap_or(usize::MAX);
            let sum = sums.entry((key(g), order)).or_insert_with(|| KindProgress {
                kind: p.kind.clone(),
                ..KindProgress::default()
            });
            add(sum, p);
        }
    }
    let mut headers = vec![name, "kind"];
    headers.extend(&COLUMNS);
    let mut table = table(words, &headers);
    for ((group, _), p) in sums {
        let mut row = vec![group, kind_name(words, &p.kind)];
        row.extend(counts(&p));
        table.push(row);
    }
    table
}

fn add(sum: &mut KindProgress, p: &KindProgress) {
    sum.add(p);
}

/// Overdue findings, earliest due first: those about the last stage of the
/// pipeline (what the progress counts call overdue) when `closing`, the
/// others when not.
fn overdue(outcome: &Outcome, closing: bool) -> Vec<&Finding> {
    let last = |f: &Finding| {
        let p = outcome.progress.iter().find(|p| *p.kind == *f.kind);
        p.is_some_and(|p| f.stage.as_deref() == Some(p.stage.as_str()))
    };
    let mut list: Vec<&Finding> = outcome
        .findings
        .iter()
        .filter(|f| f.overdue && last(f) == closing)
        .collect();
    list.sort_by(|a, b| (a.due, &a.record, a.rule).cmp(&(b.due, &b.record, b.rule)));
    list
}

/// `file:line` of a finding's record, as far as known.
fn file_line(outcome: &Outcome, f: &Finding) -> String {
    let file = outcome.files.get(f.file);
    match (file, finding_position(file, f)) {
        (Some(file), Some((l, _))) => format!("{}:{l}", file.name),
        (Some(file), None) => file.name.clone(),
        _ => String::new(),
    }
}

/// The commendations not waived, by unit, then record and rule: the
/// exemplary cases a province publishes beside the scoreboard.
fn exemplary(outcome: &Outcome, words: &Catalogue) -> Table {
    let mut list: Vec<&Finding> = outcome
        .findings
        .iter()
        .filter(|f| f.severity == crate::diag::Severity::Commendation && !f.waived)
        .collect();
    list.sort_by(|a, b| (&a.unit, &a.record, a.rule).cmp(&(&b.unit, &b.record, b.rule)));
    let mut table = table(
        words,
        &[
            "unit",
            "record",
            "rule",
            "due",
            "early-days#",
            "reward#",
            "at",
        ],
    );
    for f in list {
        let at = file_line(outcome, f);
        table.push(vec![
            f.unit.to_string(),
            f.record.clone(),
            outcome
                .rules
                .get(f.rule)
                .map_or_else(String::new, |r| r.id.clone()),
            date(f.due),
            f.early_days.map_or_else(String::new, |d| d.to_string()),
            f.reward.to_string(),
            at,
        ]);
    }
    table
}

fn overdue_table(outcome: &Outcome, list: &[&Finding], words: &Catalogue) -> Table {
    let mut table = table(
        words,
        &[
            "due", "days#", "record", "unit", "stage", "rule", "points#", "at",
        ],
    );
    for f in list {
        let at = file_line(outcome, f);
        let points = if f.waived {
            words.text("report-waived")
        } else {
            f.penalty.to_string()
        };
        table.push(vec![
            date(f.due),
            f.late_days.map_or_else(String::new, |d| d.to_string()),
            f.record.clone(),
            f.unit.to_string(),
            f.stage.clone().unwrap_or_default(),
            outcome
                .rules
                .get(f.rule)
                .map_or_else(String::new, |r| r.id.clone()),
            points,
            at,
        ]);
    }
    table
}

fn date(d: Option<Date>) -> String {
    d.map_or_else(String::new, |d| d.to_string())
}

/// Pending stages due from the evaluation date to `days` after it.
fn due_soon(outcome: &Outcome, days: u32) -> Vec<&Pending> {
    let until = outcome
        .as_of
        .checked_add(jiff::Span::new().days(i64::from(days)))
        .unwrap_or(Date::MAX);
    let mut soon: Vec<&Pending> = outcome
        .pending
        .iter()
        .filter(|p| p.due >= outcome.as_of && p.due <= until)
        .collect();
    soon.sort_by(|a, b| (a.due, &a.record, &a.stage).cmp(&(b.due, &b.record, &b.stage)));
    soon
}

fn due_table(outcome: &Outcome, list: &[&Pending], words: &Catalogue) -> Table {
    let mut table = table(
        words,
        &["due", "in-days#", "record", "unit", "stage", "rule"],
    );
    for p in list {
        table.push(vec![
            p.due.to_string(),
            crate::calendar::days_between(outcome.as_of, p.due).to_string(),
            p.record.clone(),
            p.unit.clone(),
            p.stage.clone(),
            outcome
                .rules
                .get(p.rule)
                .map_or_else(String::new, |r| r.id.clone()),
        ]);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_headline_uses_the_disclosures_wording() {
        let task = KindProgress {
            kind: "task".into(),
            total: 41,
            completed: 16,
            ..KindProgress::default()
        };
        let petition = KindProgress {
            kind: "petition".into(),
            total: 3411,
            closed: 3319,
            ..KindProgress::default()
        };
        assert_eq!(
            headline(&[task.clone(), petition.clone()], Lang::En.catalogue()),
            "16 of 41 tasks completed; 3,319 of 3,411 petitions closed"
        );
        assert_eq!(
            headline(&[task, petition], Lang::ZhCn.catalogue()),
            "整改任务 41 项，已完成 16 项；信访件 3,411 件，已办结 3,319 件"
        );
        assert_eq!(headline(&[], Lang::ZhCn.catalogue()), "没有记录");
    }
}
