//! `rectify diff`: what changed between the check on one day and the check
//! on a later one: new findings, resolved findings and each unit's score.
//!
//! A finding is the same on both days when its rule, its record (or group)
//! and its unit are; a waived finding and a commendation count as no
//! finding (they cost nothing). Human (aligned tables), markdown and JSON
//! (docs/history.md). Owns: the comparison and its layout. Must not:
//! evaluate anything or read the clock.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use serde::Serialize;
use serde_json::Value;

use crate::diag::Severity;
use crate::i18n::{Args, Catalogue};
use crate::outcome::{Finding, Outcome};
use crate::points::Points;

use super::history::signed;
use super::json::finding_position;
use super::neutral;
use super::table::{Table, titled_markdown, titled_text};

/// The forms of `rectify diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Human,
    Markdown,
    Json,
}

/// A finding present on one day only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub rule: String,
    /// The record's id, or the group (`unit Wuxi`).
    pub subject: String,
    pub unit: String,
    pub severity: &'static str,
    pub penalty: Points,
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

/// A unit's score on each day (absent: no records that day): the score,
/// the grade as the scoring scheme names it, and the grade as the run's
/// language says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreChange {
    pub unit: String,
    pub from: Option<(Points, String, String)>,
    pub to: Option<(Points, String, String)>,
}

/// The difference between two days' outcomes.
#[derive(Clone, Debug)]
pub struct Diff {
    pub from: jiff::civil::Date,
    pub to: jiff::civil::Date,
    pub new: Vec<Change>,
    pub resolved: Vec<Change>,
    /// Units whose score or grade differs, by name.
    pub units: Vec<ScoreChange>,
}

type Key = (String, String, String);

impl Diff {
    pub fn new(from: &Outcome, to: &Outcome, words: &Catalogue) -> Diff {
        let before = findings(from);
        let after = findings(to);
        let new = (after.iter())
            .filter(|(k, _)| !before.contains_key(*k))
            .map(|(_, f)| change(to, f, words))
            .collect();
        let resolved = (before.iter())
            .filter(|(k, _)| !after.contains_key(*k))
            .map(|(_, f)| change(from, f, words))
            .collect();
        let scores = |o: &Outcome| -> BTreeMap<String, (Points, String, String)> {
            (o.units.iter())
                .map(|u| {
                    let shown = u.grade_in(words.lang()).to_string();
                    (u.unit.clone(), (u.score, u.grade.clone(), shown))
                })
                .collect()
        };
        let (a, b) = (scores(from), scores(to));
        let names: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
        let units = (names.into_iter())
            .map(|name| ScoreChange {
                unit: name.clone(),
                from: a.get(name).cloned(),
                to: b.get(name).cloned(),
            })
            .filter(|c| c.from != c.to)
            .collect();
        Diff {
            from: from.as_of,
            to: to.as_of,
            new,
            resolved,
            units,
        }
    }

    pub fn render(&self, form: Form, words: &Catalogue, out: &mut dyn Write) -> io::Result<()> {
        match form {
            Form::Human => self.text(words, out),
            Form::Markdown => self.markdown(words, out),
            Form::Json => self.json(out),
        }
    }

    fn headline(&self, words: &Catalogue) -> String {
        let args = Args::new()
            .count("new", self.new.len())
            .count("resolved", self.resolved.len())
            .count("units", self.units.len());
        words.format("diff-headline", &args)
    }

    /// "Changes from 2025-03-31 to 2025-06-30".
    fn title(&self, words: &Catalogue) -> String {
        let args = Args::new()
            .text("from", self.from.to_string())
            .text("to", self.to.to_string());
        words.format("diff-title", &args)
    }

    fn sections(&self, words: &Catalogue) -> [(String, Table); 3] {
        [
            (words.text("diff-new"), changes(&self.new, words)),
            (words.text("diff-resolved"), changes(&self.resolved, words)),
            (words.text("diff-scores"), self.scores(words)),
        ]
    }

    fn scores(&self, words: &Catalogue) -> Table {
        let column = |key: &str| words.text(&format!("report-column.{key}"));
        let from = format!("{}#", self.from);
        let to = format!("{}#", self.to);
        let change = format!("{}#", column("change"));
        let mut table = Table::new(&[&column("unit"), &from, &to, &change, &column("grade")]);
        for c in &self.units {
            let score = |s: &Option<(Points, String, String)>| {
                s.as_ref().map_or("-".into(), |s| s.0.to_string())
            };
            let grade = |s: &Option<(Points, String, String)>| {
                s.as_ref().map_or("-".into(), |s| s.2.clone())
            };
            let change = match (&c.from, &c.to) {
                (Some(a), Some(b)) => signed(b.0.saturating_sub(a.0)),
                _ => "-".into(),
            };
            let grades = match grade(&c.from) == grade(&c.to) {
                true => grade(&c.to),
                false => format!("{} -> {}", grade(&c.from), grade(&c.to)),
            };
            table.push(vec![
                c.unit.clone(),
                score(&c.from),
                score(&c.to),
                change,
                grades,
            ]);
        }
        table
    }

    fn text(&self, words: &Catalogue, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{}", self.title(words))?;
        writeln!(out, "{}", self.headline(words))?;
        titled_text(&self.sections(words), words, out)
    }

    fn markdown(&self, words: &Catalogue, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "# {}\n", self.title(words))?;
        writeln!(out, "**{}**", self.headline(words))?;
        titled_markdown(&self.sections(words), words, out)
    }

    fn json(&self, out: &mut dyn Write) -> io::Result<()> {
        let report = Json {
            version: 1,
            from: self.from.to_string(),
            to: self.to.to_string(),
            new: self.new.iter().map(change_json).collect(),
            resolved: self.resolved.iter().map(change_json).collect(),
            units: (self.units.iter())
                .map(|c| UnitJson {
                    unit: c.unit.clone(),
                    from: c.from.as_ref().map(score_json),
                    to: c.to.as_ref().map(score_json),
                    change: match (&c.from, &c.to) {
                        (Some(a), Some(b)) => Some(b.0.saturating_sub(a.0).to_json()),
                        _ => None,
                    },
                })
                .collect(),
        };
        neutral::json_pretty(out, &report)?;
        writeln!(out)
    }
}

/// The findings that cost or count: not waived, not commendations; by key.
fn findings(outcome: &Outcome) -> BTreeMap<Key, &Finding> {
    (outcome.findings.iter())
        .filter(|f| !f.waived && f.severity != Severity::Commendation)
        .map(|f| {
            let rule = outcome.rules.get(f.rule).map_or("", |r| r.id.as_str());
            ((rule.to_string(), f.subject(), f.unit.to_string()), f)
        })
        .collect()
}

fn change(outcome: &Outcome, f: &Finding, words: &Catalogue) -> Change {
    let file = outcome.finding_file(f);
    Change {
        rule: outcome
            .rules
            .get(f.rule)
            .map_or(String::new(), |r| r.id.clone()),
        subject: f.subject(),
        unit: f.unit.to_string(),
        severity: f.severity.as_str(),
        penalty: f.penalty,
        file: file.map_or(String::new(), |s| s.name.clone()),
        line: finding_position(file, f).map(|(line, _)| line),
        message: f.message(words),
    }
}

fn changes(list: &[Change], words: &Catalogue) -> Table {
    let mut table = super::progress::table(
        words,
        &["rule", "record", "unit", "penalty#", "place", "message"],
    )
    .with_code(&[0, 1, 4]);
    for c in list {
        let place = match c.line {
            Some(line) => format!("{}:{line}", c.file),
            None => c.file.clone(),
        };
        table.push(vec![
            c.rule.clone(),
            c.subject.clone(),
            c.unit.clone(),
            c.penalty.to_string(),
            place,
            c.message.clone(),
        ]);
    }
    table
}

#[derive(Serialize)]
struct Json {
    version: u32,
    from: String,
    to: String,
    new: Vec<ChangeJson>,
    resolved: Vec<ChangeJson>,
    units: Vec<UnitJson>,
}

#[derive(Serialize)]
struct ChangeJson {
    rule: String,
    record: String,
    unit: String,
    severity: &'static str,
    penalty: Value,
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    message: String,
}

#[derive(Serialize)]
struct UnitJson {
    unit: String,
    from: Option<ScoreJson>,
    to: Option<ScoreJson>,
    change: Option<Value>,
}

#[derive(Serialize)]
struct ScoreJson {
    score: Value,
    grade: String,
}

fn change_json(c: &Change) -> ChangeJson {
    ChangeJson {
        rule: c.rule.clone(),
        record: c.subject.clone(),
        unit: c.unit.clone(),
        severity: c.severity,
        penalty: c.penalty.to_json(),
        file: c.file.clone(),
        line: c.line,
        message: c.message.clone(),
    }
}

fn score_json(s: &(Points, String, String)) -> ScoreJson {
    ScoreJson {
        score: s.0.to_json(),
        grade: s.1.clone(),
    }
}
