//! Rule coverage of a test run: which rules no case made fire, which never
//! held on a record, which deadline rules were never pending.

use crate::eval::Plan;

use super::CaseResult;

/// Coverage of the rules of one plan by a set of case results.
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    /// Every rule id, in plan order.
    pub rules: Vec<String>,
    pub never_fired: Vec<String>,
    pub never_passed: Vec<String>,
    /// Deadline rules (a `within` or `by` constraint) never pending;
    /// reward rules are never pending and not listed.
    pub never_pending: Vec<String>,
}

impl Coverage {
    pub fn new(plan: &Plan, results: &[CaseResult]) -> Coverage {
        let seen = |pick: fn(&CaseResult) -> &Vec<String>, id: &str| {
            results.iter().any(|r| pick(r).iter().any(|x| x == id))
        };
        let mut c = Coverage {
            rules: Vec::new(),
            never_fired: Vec::new(),
            never_passed: Vec::new(),
            never_pending: Vec::new(),
        };
        for rule in &plan.rules {
            let id = rule.id.clone();
            if !seen(|r| &r.fired, &id) {
                c.never_fired.push(id.clone());
            }
            // A reward rule commends (fires) or says nothing: no passes.
            if rule.reward.is_none() && !seen(|r| &r.passed, &id) {
                c.never_passed.push(id.clone());
            }
            // A reward rule's pending deadline is no finding to come: it
            // is never listed as pending.
            let deadline = rule.reward.is_none()
                && rule
                    .requires
                    .iter()
                    .any(|k| k.kind.deadline_stage().is_some());
            if deadline && !seen(|r| &r.pending, &id) {
                c.never_pending.push(id.clone());
            }
            c.rules.push(id);
        }
        c
    }

    /// How many rules fired at least once.
    pub fn fired(&self) -> usize {
        self.rules.len() - self.never_fired.len()
    }

    /// The share of rules that fired at least once, in percent (100 when
    /// there are no rules).
    pub fn fired_percent(&self) -> f64 {
        if self.rules.is_empty() {
            return 100.0;
        }
        self.fired() as f64 * 100.0 / self.rules.len() as f64
    }
}
