//! Penalty points for a finding: a fixed part, points per started period of
//! lateness, and a cap on the total. A reward is computed the same way over
//! the periods of earliness.

use crate::points::Points;
use crate::syntax::ast::LateUnit;

use super::check::Late;
use super::plan::Penalty;
use super::verdict::PenaltyNote;

/// The points (after the cap) and, when more than the fixed part was
/// involved, how they were reached (`1 + 0.1 × 4 workdays = 1.4`).
pub fn compute(penalty: &Penalty, late: Option<&Late>) -> (Points, Option<PenaltyNote>) {
    let fixed = penalty.fixed;
    let per = penalty.per.and_then(|(points, every, unit)| {
        let late = late?;
        let amount = match unit {
            LateUnit::Days => late.days,
            LateUnit::Workdays => late.workdays?,
        };
        Some((points, periods(amount, every), every, unit))
    });
    let limit = cap(penalty);
    let Some((points, count, every, unit)) = per else {
        return match fixed > limit {
            true => (
                limit,
                Some(PenaltyNote::Capped {
                    total: fixed,
                    cap: limit,
                }),
            ),
            false => (fixed, None),
        };
    };
    let total = fixed.saturating_add(points.saturating_mul(count));
    let note = PenaltyNote::Periods {
        fixed,
        points,
        count,
        every,
        unit,
        total,
        cap: (total > limit).then_some(limit),
    };
    (total.min(limit), Some(note))
}

/// The rule's `at most`, and in any case [`Points::MAX_PENALTY`].
pub fn cap(penalty: &Penalty) -> Points {
    penalty
        .cap
        .map_or(Points::MAX_PENALTY, |c| c.min(Points::MAX_PENALTY))
}

/// Started periods of `every` in `amount` (a started period counts).
pub fn periods(amount: i64, every: u32) -> i64 {
    if amount <= 0 {
        return 0;
    }
    let every = i64::from(every.max(1));
    (amount + every - 1) / every
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::check::Late;
    use jiff::civil::date;

    fn said(note: Option<PenaltyNote>) -> Option<String> {
        note.map(|n| n.say(crate::i18n::Lang::En.catalogue()))
    }

    fn late(days: i64, workdays: i64) -> Late {
        let due = date(2022, 7, 14);
        Late {
            stage: 0,
            due,
            actual: due,
            overdue: false,
            days,
            workdays: Some(workdays),
        }
    }

    #[test]
    fn started_periods_count() {
        assert_eq!(periods(0, 30), 0);
        assert_eq!(periods(1, 30), 1);
        assert_eq!(periods(30, 30), 1);
        assert_eq!(periods(31, 30), 2);
        assert_eq!(periods(4, 1), 4);
    }

    #[test]
    fn plan_on_time_penalty() {
        let p = Penalty {
            fixed: Points(100),
            per: Some((Points(10), 1, LateUnit::Workdays)),
            short: None,
            cap: Some(Points(300)),
        };
        let (points, note) = compute(&p, Some(&late(6, 4)));
        assert_eq!(points, Points(140));
        assert_eq!(said(note).as_deref(), Some("1 + 0.1 × 4 workdays = 1.4"));
        let (points, note) = compute(&p, Some(&late(60, 40)));
        assert_eq!(points, Points(300));
        assert_eq!(
            said(note).as_deref(),
            Some("1 + 0.1 × 40 workdays = 5, capped at 3")
        );
    }

    #[test]
    fn closed_by_deadline_penalty() {
        let p = Penalty {
            fixed: Points(200),
            per: Some((Points(100), 30, LateUnit::Days)),
            short: None,
            cap: Some(Points(1000)),
        };
        let (points, note) = compute(&p, Some(&late(31, 20)));
        assert_eq!(points, Points(400));
        assert_eq!(
            said(note).as_deref(),
            Some("2 + 1 × 2 started periods of 30 days = 4")
        );
        assert_eq!(compute(&p, Some(&late(1000, 700))).0, Points(1000));
        assert_eq!(compute(&p, None), (Points(200), None));
    }
}
