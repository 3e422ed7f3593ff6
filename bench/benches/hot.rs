//! Criterion benches of the hot functions behind `rectify check`:
//! working-day arithmetic, evaluating the bundled plan on one record, and
//! loading a ledger.
//!
//! ```sh
//! cargo bench --manifest-path bench/Cargo.toml --bench hot
//! ```

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::{Date, date};
use rectify::calendar::Calendar;
use rectify::eval::{self, Plan, Verdicts};
use rectify::model;
use rectify::run::schema;
use rectify::yaml::Limits;

const RECORD: &str = "\
id: JS-2022-R2-07
title: 太湖蓝藻打捞与清淤
round: central-2022-2
responsible: { unit: Wuxi Municipal Government, lead: Wuxi Ecology and Environment Bureau }
assigned: 2022-06-01
deadline: 2023-12-31
status: completed
stages:
  plan: 2022-07-20
  verification: { date: 2023-10-09, evidence: [reports/verify-2023-10.pdf] }
  acceptance:
    date: 2023-11-20
    by: Jiangsu Provincial Department of Ecology and Environment
    evidence: [reports/acceptance.pdf, photos/site-2023-11.zip]
  notice: { date: 2023-11-21, end: 2023-12-04 }
  closure: 2024-01-08
extensions:
  - to: 2024-06-30
    approved_by: Jiangsu Provincial Leading Group for Inspection Rectification
    approved_on: 2023-12-01
    reason: dredging can only be done in the dry season
";

fn plan() -> Plan {
    let rules = rectify::load::rules(&[]);
    match rules.plan {
        Some(plan) => plan,
        None => panic!("the bundled rules do not load: {:?}", rules.errors),
    }
}

fn calendar() -> Calendar {
    match Calendar::parse("cn.yaml", rectify::load::BUNDLED_CALENDAR) {
        Ok(calendar) => calendar,
        Err(errors) => panic!("the bundled calendar does not load: {errors:?}"),
    }
}

/// A ledger of `n` task records under one header.
fn ledger(n: usize) -> String {
    let mut text = String::from(
        "ledger:\n  round: central-2022-2\n  responsible:\n    unit: Wuxi Municipal Government\n  assigned: 2022-06-01\nrecords:\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "  - id: WX-{i:05}\n    title: 太湖蓝藻打捞与清淤\n    deadline: 2023-12-31\n    status: completed\n    stages:\n      plan: 2022-06-28\n      verification: {{ date: 2023-10-09, evidence: [v.pdf] }}\n      acceptance:\n        date: 2023-11-20\n        by: Jiangsu Provincial Department of Ecology and Environment\n        evidence: [a.pdf]\n      notice: {{ date: 2023-11-21, end: 2023-12-04 }}\n      closure: 2023-12-08\n"
        ));
    }
    text
}

fn workdays(c: &mut Criterion) {
    let cal = calendar();
    let from: Date = date(2022, 9, 30);
    c.bench_function("calendar/add_workdays 30", |b| {
        b.iter(|| cal.add_workdays(black_box(from), black_box(30)))
    });
    c.bench_function("calendar/workdays_after 2y", |b| {
        b.iter(|| cal.workdays_after(black_box(from), black_box(date(2024, 10, 8))))
    });
    c.bench_function("calendar/roll_forward holiday", |b| {
        b.iter(|| cal.roll_forward(black_box(date(2023, 10, 1))))
    });
}

fn evaluate(c: &mut Criterion) {
    let plan = plan();
    let file = model::load(RECORD, &schema(&plan), &Limits::default());
    let Some(record) = file.records.first() else {
        panic!("the bench record does not load: {:?}", file.errors);
    };
    let as_of = date(2025, 6, 30);
    c.bench_function("eval/evaluate bundled plan, one task", |b| {
        b.iter(|| {
            let mut verdicts = Verdicts::default();
            eval::evaluate(&plan, black_box(record), as_of, &mut verdicts);
            verdicts
        })
    });
}

fn load(c: &mut Criterion) {
    let plan = plan();
    let schema = schema(&plan);
    let text = ledger(100);
    let mut group = c.benchmark_group("model");
    group.throughput(criterion::Throughput::Bytes(text.len() as u64));
    group.bench_function("load ledger of 100 tasks", |b| {
        b.iter(|| model::load(black_box(&text), &schema, &Limits::default()))
    });
    group.bench_function("yaml::parse ledger of 100 tasks", |b| {
        b.iter(|| rectify::yaml::parse(black_box(&text), &Limits::default()))
    });
    group.finish();
}

criterion_group!(benches, workdays, evaluate, load);
criterion_main!(benches);
