//! `deadline + 1 month` and `within 1 month after deadline` count from the
//! deadline as given (the record's, or its last approved extension's), not
//! from the deadline rolled to a working day; the due date they compute is
//! then rolled forward once. Pinned against a slow reference that walks the
//! calendar day by day, for every deadline from 2024-01-01 to 2025-10-31.

/// A civil date as `(year, month, day)`, walked one day at a time.
type Day = (i32, u32, u32);

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn next(d: Day) -> Day {
    let (y, m, day) = d;
    let len = match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    match (day < len, m < 12) {
        (true, _) => (y, m, day + 1),
        (false, true) => (y, m + 1, 1),
        (false, false) => (y + 1, 1, 1),
    }
}

fn show(d: Day) -> String {
    format!("{:04}-{:02}-{:02}", d.0, d.1, d.2)
}

/// The same day of the next month, or that month's last day (Civil Code
/// art. 202), found by walking: past the end of `d`'s month, then along
/// the next month while the day of the month is at most `d`'s.
fn plus_one_month(d: Day) -> Day {
    let mut x = d;
    while x.1 == d.1 {
        x = next(x);
    }
    let month = x.1;
    let mut best = x;
    while x.1 == month && x.2 <= d.2 {
        best = x;
        x = next(x);
    }
    best
}

const HOLIDAYS: [Day; 8] = [
    (2024, 10, 1),
    (2024, 10, 2),
    (2024, 10, 3),
    (2024, 10, 4),
    (2024, 10, 5),
    (2024, 10, 6),
    (2024, 10, 7),
    (2025, 1, 1),
];
/// Make-up working days (both Saturdays).
const WORKDAYS: [Day; 2] = [(2024, 10, 12), (2025, 1, 4)];

/// Saturday or Sunday, counted from Monday 2024-01-01 day by day.
fn weekend(d: Day) -> bool {
    let (mut x, mut n) = ((2024, 1, 1), 0u32);
    while x != d {
        x = next(x);
        n += 1;
    }
    n % 7 >= 5
}

fn working(d: Day) -> bool {
    WORKDAYS.contains(&d) || !(weekend(d) || HOLIDAYS.contains(&d))
}

fn rolled(d: Day) -> Day {
    let mut x = d;
    while !working(x) {
        x = next(x);
    }
    x
}

const CALENDAR: &str = "name: test
description: weekends, National Day 2024 and New Year 2025
weekend: [saturday, sunday]
years:
  2024:
    source: { title: test calendar 2024, document: none, published: 2023-10-25 }
    holidays:
      - { name: National Day, from: 2024-10-01, to: 2024-10-07 }
    workdays:
      - { date: 2024-10-12, for: National Day }
  2025:
    source: { title: test calendar 2025, document: none, published: 2024-10-25 }
    holidays:
      - { name: New Year, date: 2025-01-01 }
    workdays:
      - { date: 2025-01-04, for: New Year }
";

const RULES: &str = r#"ruleset "A month after the deadline" {
  calendar "cal.yaml"
  deadlines on a non-working day move to the next workday
  pipeline task: plan -> closure
}

rule closure-by {
  for task
  require closure by deadline + 1 month
  severity error
}

rule closure-within {
  for task
  require closure within 1 month after deadline
  severity error
}
"#;

#[test]
fn a_month_after_the_deadline_counts_from_the_given_deadline_then_rolls() {
    let dir = std::env::temp_dir().join(format!("rectify-deadline-month-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("cal.yaml"), CALENDAR).expect("calendar");
    std::fs::write(dir.join("rules.rules"), RULES).expect("rules");
    let rules = rectify::load::rules(&[dir.join("rules.rules")]);
    let _ = std::fs::remove_dir_all(&dir);
    let plan = rules
        .plan
        .as_ref()
        .unwrap_or_else(|| panic!("{:?}", rules.errors));

    let mut deadlines = Vec::new();
    let mut d = (2024, 1, 1);
    while d <= (2025, 10, 31) {
        deadlines.push(d);
        d = next(d);
    }
    let mut yaml = String::new();
    for d in &deadlines {
        yaml.push_str(&format!(
            "- {{ id: T-{0}, responsible: {{ unit: Wuxi }}, deadline: {0} }}\n",
            show(*d)
        ));
    }
    let (nodes, error) = rectify::yaml::parse(&yaml, &rectify::yaml::Limits::default());
    assert!(error.is_none());
    let as_of = "2020-01-01".parse().expect("date");
    let outcome = rectify::run::check_records(plan, &rules.files, as_of, &nodes, &[]);
    assert!(outcome.findings.is_empty() && outcome.input_errors.is_empty());

    let mut differs = 0;
    for d in &deadlines {
        let want = show(rolled(plus_one_month(*d)));
        for rule in ["closure-by", "closure-within"] {
            let got = outcome
                .pending
                .iter()
                .find(|p| p.record == format!("T-{}", show(*d)) && outcome.rules[p.rule].id == rule)
                .map(|p| p.due.to_string());
            assert_eq!(
                got.as_deref(),
                Some(want.as_str()),
                "{rule}, deadline {}",
                show(*d)
            );
        }
        if rolled(plus_one_month(rolled(*d))) != rolled(plus_one_month(*d)) {
            differs += 1;
        }
    }
    // The two readings differ on some deadlines, so the test tells them apart.
    assert!(differs > 0);
}
