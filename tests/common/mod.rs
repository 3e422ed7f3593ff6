//! The hand-built outcome the report tests render: it mirrors what a run
//! over `tests/fixtures/report` would give (two record files with Chinese
//! text, one rule file, findings with and without lateness, a waived one, a
//! "cannot check" one, an overdue one, input errors, two units).
#![allow(dead_code)]

pub mod sexp;

use std::sync::Arc;

use jiff::civil::{Date, date};
use rectify::outcome::{
    Finding, InputError, KindProgress, Label, Origin, Outcome, Pending, Place, RuleInfo,
    SourceFile, Summary, UnitScore,
};
use rectify::points::Points;
use rectify::report::{self, Format, Style};
use rectify::source::{LineIndex, Span};
use rectify::syntax::ast::Severity;

pub const WUXI: &str = include_str!("../fixtures/report/ledgers/wuxi.yaml");
pub const PETITIONS: &str = include_str!("../fixtures/report/ledgers/petitions.yaml");
pub const RULES: &str = include_str!("../fixtures/report/central.rules");

pub const WUXI_UNIT: &str = "Wuxi Municipal Government";
pub const YIXING_UNIT: &str = "宜兴市人民政府";

// ---- building the outcome -------------------------------------------------

pub fn source(name: &str, text: &str) -> SourceFile {
    SourceFile {
        name: name.into(),
        text: Some(Arc::from(text)),
        lines: Some(Arc::new(LineIndex::new(text))),
    }
}

/// The `nth` occurrence of `needle` in `text`.
pub fn at(text: &str, needle: &str, nth: usize) -> Span {
    let (start, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` #{nth} is not in the fixture"));
    Span::new(start, start + needle.len())
}

pub fn label(text: &str, needle: &str, nth: usize, says: &str) -> Label {
    Label {
        span: at(text, needle, nth),
        text: says.into(),
    }
}

/// A rule's whole `rule id { … }` block in the rule file.
pub fn rule(id: &str, title: &str, severity: Severity, penalty: &str) -> RuleInfo {
    let start = at(RULES, &format!("rule {id} {{"), 0).start as usize;
    let end = start + RULES[start..].find("\n}").expect("rule block ends") + 2;
    let help = (id == "plan-on-time")
        .then(|| "Record the date the plan was approved under stages.plan.".into());
    let cite = (id == "plan-on-time")
        .then(|| "Central Eco-environmental Protection Inspection Rules (2019)".into());
    RuleInfo {
        id: id.into(),
        title: Some(title.into()),
        cite,
        help,
        severity,
        place: Place {
            file: 0,
            span: Span::new(start, end),
        },
        penalty: penalty.into(),
    }
}

pub fn rules() -> Vec<RuleInfo> {
    vec![
        rule(
            "plan-on-time",
            "Rectification plan within 30 working days of the feedback",
            Severity::Error,
            "1 point, plus 0.1 per workday late, at most 3",
        ),
        rule(
            "independent-acceptance",
            "Accepted by a unit other than the responsible unit",
            Severity::Error,
            "2 points",
        ),
        rule(
            "closed-by-deadline",
            "Closed by the effective deadline",
            Severity::Error,
            "2 points, plus 1 per 30 days late, at most 10",
        ),
        rule(
            "notice-period",
            "Public notice lasts at least 10 workdays",
            Severity::Warning,
            "1 point",
        ),
        rule(
            "petition-reply",
            "Petition replied within 10 days",
            Severity::Warning,
            "0.2 points",
        ),
    ]
}

/// A finding with no lateness, no penalty, not waived; tests fill in the rest.
pub fn finding(
    rule: usize,
    severity: Severity,
    record: &str,
    kind: &str,
    unit: &str,
    file: usize,
) -> Finding {
    Finding {
        rule,
        severity,
        message: String::new(),
        record: record.into(),
        kind: kind.into(),
        unit: unit.into(),
        file,
        origin: rectify::outcome::Origin::Record,
        labels: Vec::new(),
        line_col: None,
        due: None,
        actual: None,
        late_days: None,
        late_workdays: None,
        penalty: Points::ZERO,
        penalty_note: None,
        waived: false,
        waiver_reason: None,
        waiver_external: false,
        stage: None,
        overdue: false,
    }
}

pub fn late(f: Finding, due: Date, actual: Date, days: i64, workdays: Option<i64>) -> Finding {
    Finding {
        due: Some(due),
        actual: Some(actual),
        late_days: Some(days),
        late_workdays: workdays,
        ..f
    }
}

pub fn findings() -> Vec<Finding> {
    let plan_07 = Finding {
        message:
            "`plan` was due 2022-07-14, 30 workdays after assigned 2022-06-01; it is dated 2022-07-20, 4 workdays late"
                .into(),
        labels: vec![
            label(WUXI, "2022-07-20", 0, "dated 2022-07-20"),
            label(WUXI, "2022-06-01", 0, "assigned"),
        ],
        penalty: Points(140),
        penalty_note: Some("1 + 0.1 × 4 workdays = 1.4".into()),
        ..finding(0, Severity::Error, "JS-2022-R2-07", "task", WUXI_UNIT, 0)
    };
    let acceptance_07 = Finding {
        message: "`acceptance.by` is the responsible unit `Wuxi Municipal Government`".into(),
        labels: vec![
            label(WUXI, WUXI_UNIT, 1, "accepted by"),
            label(WUXI, WUXI_UNIT, 0, "responsible unit"),
        ],
        penalty: Points(200),
        waived: true,
        ..finding(1, Severity::Error, "JS-2022-R2-07", "task", WUXI_UNIT, 0)
    };
    let closure_07 = Finding {
        message: "`closure` was due 2024-01-02, the deadline 2023-12-31 moved to the next workday; it is dated 2024-01-05, 3 days late".into(),
        labels: vec![label(WUXI, "2024-01-05", 0, "closed 2024-01-05"), label(WUXI, "2023-12-31", 0, "deadline (a Sunday)")],
        penalty: Points(300),
        penalty_note: Some("2 + 1 × 1 started 30 days = 3".into()),
        ..finding(2, Severity::Error, "JS-2022-R2-07", "task", WUXI_UNIT, 0)
    };
    let plan_08 = Finding {
        message:
            "`plan` was due 2022-07-14, 30 workdays after assigned 2022-06-01; it is dated 2022-08-30, 33 workdays late"
                .into(),
        labels: vec![
            label(WUXI, "2022-08-30", 0, "dated 2022-08-30"),
            label(WUXI, "2022-06-01", 1, "assigned"),
        ],
        penalty: Points(300),
        penalty_note: Some("1 + 0.1 × 33 workdays = 4.3, at most 3".into()),
        ..finding(0, Severity::Error, "JS-2022-R2-08", "task", YIXING_UNIT, 0)
    };
    let notice_08 = Finding {
        message: "cannot check: `notice` has no `end`".into(),
        labels: vec![label(
            WUXI,
            "{ date: 2023-05-01, note: 公示期未结束 }",
            0,
            "no `end` here",
        )],
        ..finding(3, Severity::Error, "JS-2022-R2-08", "task", YIXING_UNIT, 0)
    };
    let reply = Finding {
        message: "`replied` was due 2022-06-15, 10 days after assigned 2022-06-05; it is dated 2022-06-20, 5 days late"
            .into(),
        labels: vec![label(PETITIONS, "2022-06-20", 0, "replied 2022-06-20")],
        penalty: Points(20),
        ..finding(4, Severity::Warning, "XF-2022-0001", "petition", YIXING_UNIT, 1)
    };
    vec![
        late(plan_07, date(2022, 7, 14), date(2022, 7, 20), 6, Some(4)),
        acceptance_07,
        late(closure_07, date(2024, 1, 2), date(2024, 1, 5), 3, Some(3)),
        late(plan_08, date(2022, 7, 14), date(2022, 8, 30), 47, Some(33)),
        notice_08,
        late(reply, date(2022, 6, 15), date(2022, 6, 20), 5, None),
    ]
}

pub fn input_errors() -> Vec<InputError> {
    let duplicate = InputError {
        code: "record::duplicate-id".into(),
        severity: Severity::Error,
        message: "duplicate record id `JS-2022-R2-08`".into(),
        origin: Origin::Record,
        place: Some(Place {
            file: 1,
            span: at(PETITIONS, "JS-2022-R2-08", 0),
        }),
        labels: Vec::new(),
        related: vec![(
            Origin::Record,
            Place {
                file: 0,
                span: at(WUXI, "JS-2022-R2-08", 0),
            },
            "first used here".into(),
        )],
        help: Some("record ids are unique across every file loaded".into()),
    };
    let misspelt = InputError {
        code: "record::unknown-field".into(),
        severity: Severity::Warning,
        message: "unknown field `deadlin`".into(),
        origin: Origin::Record,
        place: Some(Place {
            file: 1,
            span: at(PETITIONS, "deadlin", 0),
        }),
        labels: Vec::new(),
        related: Vec::new(),
        help: Some("did you mean `deadline`?".into()),
    };
    vec![duplicate, misspelt]
}

pub fn unit(name: &str, records: usize, findings: usize, penalty: i64, grade: &str) -> UnitScore {
    let score = Points(10_000 - penalty);
    UnitScore {
        unit: name.into(),
        records,
        findings,
        penalty: Points(penalty),
        score,
        grade: grade.into(),
    }
}

pub fn progress(
    kind: &str,
    total: usize,
    done: usize,
    in_progress: usize,
    overdue: usize,
) -> KindProgress {
    let (completed, closed) = if kind == "task" { (done, 0) } else { (0, done) };
    KindProgress {
        kind: kind.into(),
        total,
        completed,
        in_progress,
        overdue,
        closed,
        ..KindProgress::default()
    }
}

pub fn outcome() -> Outcome {
    Outcome {
        as_of: date(2024, 1, 15),
        root: std::path::PathBuf::new(),
        files: vec![
            source("ledgers/wuxi.yaml", WUXI),
            source("ledgers/petitions.yaml", PETITIONS),
        ],
        rule_files: vec![source("rules/central.rules", RULES)],
        rules: rules(),
        records: 4,
        record_files: 2,
        findings: findings(),
        input_errors: input_errors(),
        units: vec![
            unit(WUXI_UNIT, 1, 3, 440, "pass"),
            unit(YIXING_UNIT, 3, 3, 320, "pass"),
        ],
        progress: vec![
            progress("task", 2, 1, 1, 1),
            progress("petition", 2, 1, 0, 0),
        ],
        pending: vec![Pending {
            rule: 2,
            record: "JS-2022-R2-08".into(),
            unit: YIXING_UNIT.into(),
            file: 0,
            stage: "closure".into(),
            due: date(2024, 1, 31),
        }],
        passes: Vec::new(),
        summary: Summary {
            errors: 4,
            warnings: 1,
            infos: 0,
            waived: 1,
            pending: 1,
            penalty: Points(760),
        },
        progress_by: Vec::new(),
    }
}

pub fn rendered(outcome: &Outcome, format: Format, style: &Style) -> String {
    let mut out = Vec::new();
    report::render(outcome, format, style, &mut out).expect("rendering into memory does not fail");
    String::from_utf8(out).expect("reports are UTF-8")
}

pub fn json(outcome: &Outcome) -> serde_json::Value {
    serde_json::from_str(&rendered(outcome, Format::Json, &Style::default()))
        .expect("the JSON report parses")
}
