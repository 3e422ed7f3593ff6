//! Progress history (`rectify report --history`, `rectify diff`): the check
//! as it would have come out at each of several days, from one reading of
//! the records.
//!
//! Each record file is read and parsed once; each of its records is then
//! evaluated at every period end through the same code path as
//! `check --as-of END` (the record as known that day, [`Record::known_on`],
//! then the per-record evaluation and counts of [`super::file`]), and each
//! day's results are merged into that day's own [`Outcome`] by the same
//! [`super::merge::Merger`] (scores, group rules, progress). Parsing is the
//! cost of a check; evaluating a parsed record again is cheap.
//!
//! A record whose `assigned` is after a day had not been handed over yet:
//! it is left out of that day entirely. Stage dates after a past day are
//! not known on it and draw no warning there (they are expected); on the
//! evaluation date itself, they warn as `check` does.
//!
//! Owns: which days are period ends, and the per-day outcomes. Must not:
//! print, exit or read the clock.

use std::path::PathBuf;
use std::sync::Arc;

use jiff::ToSpan;
use jiff::civil::Date;
use rayon::prelude::*;

/// Files read, evaluated at every end and merged per day at a time: bounds
/// the results held between reading and merging.
const CHUNK: usize = 256;

use crate::eval::Plan;
use crate::model::{self, Record, Schema};
use crate::outcome::Outcome;
pub use crate::outcome::history::{Every, History, Item, Lists};
use crate::yaml;

use super::{Options, file, merge};

/// The most period ends a history may have: a range longer than this is
/// almost surely a mistyped date, and each end costs an evaluation of every
/// record and a check's findings in memory.
pub const MAX_PERIODS: usize = 2000;

/// Why a range of days cannot be a history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RangeError {
    /// `from` is after `to`.
    Backwards { from: Date, to: Date },
    /// More than [`MAX_PERIODS`] period ends.
    TooLong { every: Every, periods: usize },
}

impl std::fmt::Display for RangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RangeError::Backwards { from, to } => {
                write!(f, "the history starts on {from}, after its end {to}")
            }
            RangeError::TooLong { every, periods } => write!(
                f,
                "a {} history over this range has {periods} periods, more than {MAX_PERIODS}",
                every.as_str()
            ),
        }
    }
}

/// The period ends from the period holding `from` up to `to`: every end of
/// a period before `to`, then `to` itself (the period to date). First of
/// all comes the baseline: the end of the period before, which the first
/// period's changes are counted from.
pub fn period_ends(every: Every, from: Date, to: Date) -> Result<Vec<Date>, RangeError> {
    if from > to {
        return Err(RangeError::Backwards { from, to });
    }
    let start = match every {
        Every::Week => every.end_of(from).saturating_sub(6.days()),
        Every::Month => from.first_of_month(),
        Every::Quarter => every
            .end_of(from)
            .first_of_month()
            .saturating_sub(2.months()),
    };
    let mut ends = vec![start.saturating_sub(1.day())];
    let mut end = every.end_of(from);
    while end < to {
        ends.push(end);
        if ends.len() > MAX_PERIODS {
            let periods = estimate(every, from, to);
            return Err(RangeError::TooLong { every, periods });
        }
        end = every.end_of(end.saturating_add(1.day()));
    }
    ends.push(to);
    Ok(ends)
}

/// About how many periods lie between two days (for the message only).
fn estimate(every: Every, from: Date, to: Date) -> usize {
    let days = from.until(to).map_or(0, |s| s.get_days());
    let per = match every {
        Every::Week => 7,
        Every::Month => 30,
        Every::Quarter => 91,
    };
    usize::try_from(days / per + 1).unwrap_or(usize::MAX)
}

/// The end of the period after the one ending `end`.
pub fn next_end(every: Every, end: Date) -> Date {
    let last = every.end_of(end);
    match last > end {
        true => last,
        false => every.end_of(end.saturating_add(1.day())),
    }
}

/// The check at each of `ends` (sorted, at least one), reading every record
/// file once. `next`: the end of the period after the last, for the lists.
pub fn run(options: &Options, ends: &[Date], next: Option<Date>) -> History {
    let last_end = ends.last().copied().unwrap_or(options.as_of);
    let options = Options {
        lean: true,
        keep_sources: false,
        ..options.clone()
    };
    let prepared = Options {
        as_of: last_end,
        ..options.clone()
    };
    let (base, plan) = super::prepare(&prepared);
    let mut history = History {
        ends: ends.to_vec(),
        outcomes: Vec::new(),
        lists: Lists::default(),
        next,
        evaluation: options.as_of,
    };
    let at = |end: Date| Outcome {
        as_of: end,
        ..base.clone()
    };
    let Some(plan) = plan else {
        history.outcomes = ends.iter().map(|&end| at(end)).collect();
        return history;
    };
    let schema = super::schema(&plan);
    let (paths, walk_errors, skipped) = super::walk(&options.paths, &options.discovery);
    let days: Vec<Options> = (ends.iter())
        .map(|&as_of| Options {
            as_of,
            ..options.clone()
        })
        .collect();
    let mut outcomes: Vec<Outcome> = ends.iter().map(|&end| at(end)).collect();
    let mut mergers: Vec<merge::Merger> = (outcomes.iter_mut())
        .map(|o| {
            o.skipped = skipped.clone();
            merge::Merger::new(&plan, o, walk_errors.clone())
        })
        .collect();
    let pool = options.jobs.and_then(|jobs| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build()
            .ok()
    });
    let day = Day {
        plan: &plan,
        schema: &schema,
        days: &days,
        next,
        evaluation: options.as_of,
        settle: !reads_today(&base),
    };
    let work = |path: &PathBuf| day.process(path);
    for chunk in paths.chunks(CHUNK) {
        let done: Vec<(Vec<file::Result>, Lists)> = match &pool {
            Some(pool) => pool.install(|| chunk.par_iter().map(work).collect()),
            None => chunk.par_iter().map(work).collect(),
        };
        // Each day's results in path order, then each day merged on its
        // own: the days are independent, so they merge in parallel.
        let mut by_day: Vec<Vec<file::Result>> = ends.iter().map(|_| Vec::new()).collect();
        for (results, lists) in done {
            for (day, result) in by_day.iter_mut().zip(results) {
                day.push(result);
            }
            history.lists.completed.extend(lists.completed);
            history.lists.newly_overdue.extend(lists.newly_overdue);
            history.lists.due_next.extend(lists.due_next);
        }
        let merge = |((merger, outcome), results): (
            (&mut merge::Merger, &mut Outcome),
            Vec<file::Result>,
        )| {
            for result in results {
                merger.add(outcome, result);
            }
        };
        let days = mergers
            .par_iter_mut()
            .zip(outcomes.par_iter_mut())
            .zip(by_day);
        match &pool {
            Some(pool) => pool.install(|| days.for_each(merge)),
            None => days.for_each(merge),
        }
    }
    for ((mut merger, outcome), day) in mergers.into_iter().zip(&mut outcomes).zip(&days) {
        merger.judge_groups(outcome);
        super::apply_waiver_files(outcome, day, &plan.units);
        merger.finish(outcome);
    }
    for list in [
        &mut history.lists.completed,
        &mut history.lists.newly_overdue,
        &mut history.lists.due_next,
    ] {
        list.sort_by(|a, b| (a.date, &a.unit, &a.record).cmp(&(b.date, &b.unit, &b.record)));
    }
    history.outcomes = outcomes;
    history
}

/// What evaluating one file at every period end needs.
struct Day<'a> {
    plan: &'a Plan,
    schema: &'a Schema,
    /// The options of each period end (`as_of` set to it).
    days: &'a [Options],
    next: Option<Date>,
    /// The evaluation date: the one day stages dated later draw a warning.
    evaluation: Date,
    /// Whether settled records may be counted again rather than evaluated
    /// again: not when a rule file reads `today`.
    settle: bool,
}

impl Day<'_> {
    /// Read and parse the file once; evaluate each record at each end.
    fn process(&self, path: &std::path::Path) -> (Vec<file::Result>, Lists) {
        let name = path.display().to_string();
        let mut results: Vec<file::Result> = (self.days.iter())
            .map(|_| file::Result::named(name.clone()))
            .collect();
        let limit = self.days.first().map_or(0, |d| d.max_file_size);
        let text = match file::read(path, limit) {
            Ok(text) => text,
            Err(error) => {
                for r in &mut results {
                    r.errors.push((*error).clone());
                }
                return (results, Lists::default());
            }
        };
        let loaded = model::load(&text, self.schema, &yaml::Limits::default());
        for r in &mut results {
            file::load_errors(loaded.errors.clone(), r);
        }
        let mut lists = Lists::default();
        for record in &loaded.records {
            self.record(record, &name, &mut results, &mut lists);
        }
        let shared: Arc<str> = Arc::from(text);
        for r in &mut results {
            file::locate(r, &shared);
            if !r.errors.is_empty() {
                r.text = Some(shared.clone());
            }
        }
        (results, lists)
    }

    /// One record at every end it was assigned by; the last period's lists.
    fn record(&self, record: &Record, name: &str, results: &mut [file::Result], lists: &mut Lists) {
        let mut before = file::Closing::default();
        let mut closing = file::Closing::default();
        let mut seen = false;
        // The record as known at the previous end, and how many of its
        // dates were later than that end: while no date falls between two
        // ends, the record known at both is the same (ends only grow).
        let mut known: Option<(usize, Option<Record>)> = None;
        // While the record stays as known and its verdicts are settled
        // ([`file::evaluate_known`]), a later end gives what the settling
        // one gave: its findings, passes and counts, kept here.
        let mut kept: Option<(Vec<crate::outcome::Finding>, Vec<usize>)> = None;
        for (options, result) in self.days.iter().zip(results.iter_mut()) {
            let end = options.as_of;
            if record.assigned.as_ref().is_some_and(|a| a.value > end) {
                continue;
            }
            before = if seen {
                closing
            } else {
                file::Closing::default()
            };
            seen = true;
            if end == self.evaluation {
                closing = file::evaluate(record, self.plan, options, result);
                continue;
            }
            let later = later_than(record, end);
            if known.as_ref().is_none_or(|(n, _)| *n != later) {
                known = Some((later, record.known_on(end)));
                kept = None;
            }
            if let Some((findings, passed)) = &kept {
                file::replay(record, self.plan, (findings, passed, closing), result);
                continue;
            }
            let as_known = known.as_ref().and_then(|(_, k)| k.as_ref());
            let (findings, passed) = (result.findings.len(), result.passed.len());
            let settled;
            (closing, settled) =
                file::evaluate_known(as_known.unwrap_or(record), self.plan, options, result);
            if settled && self.settle {
                kept = Some((
                    result.findings[findings..].to_vec(),
                    result.passed[passed..].to_vec(),
                ));
            }
        }
        let Some(last) = self.days.last().map(|d| d.as_of) else {
            return;
        };
        if !seen || record.assigned.as_ref().is_some_and(|a| a.value > last) {
            return;
        }
        let previous = self.days.len().checked_sub(2).map(|i| self.days[i].as_of);
        let item = |date: Date| Item {
            record: record.id.value.clone(),
            kind: record.kind.value.clone(),
            unit: self
                .plan
                .units
                .canonical(&record.unit.value)
                .map_or_else(|| crate::units::clean(&record.unit.value), str::to_string),
            file: name.to_string(),
            date,
        };
        if let Some(date) = closing.date.filter(|d| previous.is_none_or(|p| *d > p)) {
            lists.completed.push(item(date));
        }
        if closing.overdue && !before.overdue {
            if let Some(due) = closing.due {
                lists.newly_overdue.push(item(due));
            }
        }
        let due_next = closing
            .due
            .filter(|due| !closing.recorded && *due >= last && self.next.is_some_and(|n| *due < n));
        if let Some(due) = due_next {
            lists.due_next.push(item(due));
        }
    }
}

/// Whether a rule file of the run mentions `today` (a rule reading it is
/// never settled; a comment that names it only costs the shortcut).
fn reads_today(outcome: &Outcome) -> bool {
    (outcome.rule_files.iter()).any(|f| f.text.as_deref().is_none_or(|t| t.contains("today")))
}

/// How many of the record's stage dates and extension approvals are later
/// than `day` (what [`Record::known_on`] drops).
fn later_than(record: &Record, day: Date) -> usize {
    let stages = record.stages.iter().filter(|s| s.date.value > day).count();
    let approvals = (record.extensions.iter())
        .filter(|e| e.approved_on.as_ref().is_some_and(|on| on.value > day))
        .count();
    stages + approvals
}

/// The earliest `assigned` of the records under `options.paths` (a first,
/// parse-only pass, for a history with no start given); `None` when no
/// record gives one or no rule set loads.
pub fn earliest_assigned(options: &Options) -> Option<Date> {
    let (_, plan) = super::prepare(options);
    let schema = super::schema(&plan?);
    let (paths, _, _) = super::walk(&options.paths, &options.discovery);
    let earliest = |path: &PathBuf| {
        let text = file::read(path, options.max_file_size).ok()?;
        let loaded = model::load(&text, &schema, &yaml::Limits::default());
        let dates = loaded.records.iter().filter_map(|r| r.assigned.as_ref());
        dates.map(|a| a.value).min()
    };
    paths.par_iter().filter_map(earliest).min()
}
