//! Progress history as data: the check at each period end
//! (`rectify report --history`, `rectify diff`), which `run::history`
//! computes and `report::history` renders.

use jiff::ToSpan;
use jiff::civil::Date;

use super::{InputError, Outcome};

/// How long a period of the history is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Every {
    /// Weeks end on Sunday (ISO weeks, Monday to Sunday).
    Week,
    Month,
    /// Quarters end on 31 March, 30 June, 30 September and 31 December.
    Quarter,
}

impl Every {
    pub fn as_str(self) -> &'static str {
        match self {
            Every::Week => "weekly",
            Every::Month => "monthly",
            Every::Quarter => "quarterly",
        }
    }

    /// The last day of the period `day` lies in.
    pub fn end_of(self, day: Date) -> Date {
        match self {
            Every::Week => {
                let ahead = 7 - i64::from(day.weekday().to_monday_one_offset());
                day.saturating_add(ahead.days())
            }
            Every::Month => day.last_of_month(),
            Every::Quarter => {
                let month = (day.month() - 1) / 3 * 3 + 3;
                Date::new(day.year(), month, 1).map_or(day, |d| d.last_of_month())
            }
        }
    }
}

/// A record named in a "this period" list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub record: String,
    pub kind: String,
    /// The unit as the scoreboard shows it (registry name, else clean form).
    pub unit: String,
    pub file: String,
    /// The last stage's date (completed), or its due date (overdue, due).
    pub date: Date,
}

/// What changed in the last period of a history, record by record; each
/// list by date, then unit, then record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lists {
    /// The last stage (`closure`, `closed`) dated in the period.
    pub completed: Vec<Item>,
    /// Overdue at the period's end and not at the end before.
    pub newly_overdue: Vec<Item>,
    /// Last stage not recorded and due from the period's end to the day
    /// before the next period's end: overdue then unless recorded.
    pub due_next: Vec<Item>,
}

/// The check at each period end.
#[derive(Debug)]
pub struct History {
    pub ends: Vec<Date>,
    /// One outcome per end, as `check --as-of END` gives over the records
    /// assigned by then.
    pub outcomes: Vec<Outcome>,
    /// The last period's lists.
    pub lists: Lists,
    /// The day the lists' "due next" runs to (excluded), if given.
    pub next: Option<Date>,
    /// The evaluation date (`--as-of`): on it, and only on it, today's
    /// `status` is known.
    pub evaluation: Date,
}

impl History {
    /// Every input diagnostic of every day, each once, in the last day's
    /// order first.
    pub fn input_errors(&self) -> Vec<&InputError> {
        let mut seen = std::collections::HashSet::new();
        let mut all = Vec::new();
        for outcome in self.outcomes.iter().rev() {
            for e in &outcome.input_errors {
                let file = e.place.map(|p| (p.file, p.span.start, p.span.end));
                if seen.insert((e.code.clone(), file, e.message.clone())) {
                    all.push(e);
                }
            }
        }
        all
    }

    /// The last day's outcome: `check --as-of` on the last end.
    pub fn last(&self) -> Option<&Outcome> {
        self.outcomes.last()
    }
}
