//! Which YAML crate reads records fastest with spans.
//!
//! Run: `cargo bench --manifest-path bench/Cargo.toml --bench yaml_parsers`
//! (release). It generates ~20 MB of task records like the README's
//! example, deterministically, twice: as many one-record documents and as a
//! few large files (each a list of records), and prints the median MB/s of
//! each candidate over several runs.
//!
//! Measured (2 cores shared with other builds, load ~2.4, so ±20%; 20.3 MB,
//! 35,053 records, median of 5; MB/s):
//!
//! | parser                  | small documents | 4 large files |
//! |-------------------------|----------------:|--------------:|
//! | `rectify::yaml`         |            25.8 |          22.7 |
//! | saphyr-parser events    |            31.2 |          31.5 |
//! | saphyr MarkedYaml       |            18.1 |          15.4 |
//! | serde-saphyr Spanned    |             7.5 |           9.8 |
//! | serde_yaml Value        |            18.6 |          16.6 |
//!
//! Our tree costs ~20-30% over the bare events (allocation: perf shows
//! ~60% of the time in the scanner/parser, ~18% in malloc/free) and beats
//! every other candidate that gives spans, and the serde_yaml floor.
//!
//! Candidates:
//! - `rectify::yaml`: saphyr-parser events -> our own span tree (chosen);
//! - `saphyr-parser events`: the events alone, no tree (the parser's floor);
//! - `saphyr MarkedYaml`: saphyr's span-carrying tree (char markers);
//! - `serde-saphyr Spanned`: typed records with `Spanned<T>` fields;
//! - `serde_yaml Value`: archived, no spans; the floor the speed targets compare to.

use std::hint::black_box;
use std::time::{Duration, Instant};

use saphyr::{LoadableYamlNode, MarkedYaml};
use serde::Deserialize;
use serde_saphyr::Spanned;

const TARGET_BYTES: usize = 20 * 1024 * 1024;
const RUNS: usize = 5;
const LARGE_FILES: usize = 4;

fn main() {
    let records = generate(TARGET_BYTES);
    let small: Vec<String> = records.iter().map(|r| format!("{r}\n")).collect();
    let large = large_files(&records, LARGE_FILES);
    println!(
        "{} records; {} small files, {} large files",
        records.len(),
        small.len(),
        large.len()
    );
    println!(
        "{:<24} {:>16} {:>16}",
        "parser (median MB/s)", "small documents", "large files"
    );
    // `YAML_BENCH_ONLY=rectify` measures only the candidates whose name has it.
    let only = std::env::var("YAML_BENCH_ONLY").unwrap_or_default();
    for (name, parse) in candidates()
        .into_iter()
        .filter(|(name, _)| name.contains(&only))
    {
        let a = throughput(&small, parse);
        let b = throughput(&large, parse);
        println!("{name:<24} {a:>16.1} {b:>16.1}");
    }
}

type Parse = fn(&str) -> usize;

fn candidates() -> Vec<(&'static str, Parse)> {
    vec![
        ("rectify::yaml", ours),
        ("saphyr-parser events", events),
        ("saphyr MarkedYaml", marked),
        ("serde-saphyr Spanned", serde_saphyr_spanned),
        ("serde_yaml Value", serde_yaml_value),
    ]
}

/// Median MB/s of `parse` over every file, `RUNS` times.
fn throughput(files: &[String], parse: Parse) -> f64 {
    let bytes: usize = files.iter().map(String::len).sum();
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let nodes: usize = files.iter().map(|f| parse(black_box(f))).sum();
            black_box(nodes);
            start.elapsed()
        })
        .collect();
    times.sort();
    bytes as f64 / 1e6 / times[RUNS / 2].as_secs_f64()
}

fn ours(text: &str) -> usize {
    let (docs, error) = rectify::yaml::parse(text, &rectify::yaml::Limits::default());
    assert!(error.is_none(), "{error:?}");
    docs.len()
}

fn events(text: &str) -> usize {
    saphyr_parser::Parser::new_from_str(text)
        .map(|e| e.map(|_| 1).unwrap_or(0))
        .sum()
}

fn marked(text: &str) -> usize {
    MarkedYaml::load_from_str(text)
        .map(|docs| docs.len())
        .unwrap_or(0)
}

/// A typed record as serde-saphyr would need it, spans on every field.
#[derive(Deserialize)]
#[allow(dead_code)]
struct Rec {
    id: Spanned<String>,
    kind: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    round: Option<Spanned<String>>,
    region: Option<Spanned<String>>,
    category: Option<Spanned<String>>,
    responsible: Spanned<Responsible>,
    assigned: Option<Spanned<String>>,
    deadline: Option<Spanned<String>>,
    status: Option<Spanned<String>>,
    stages: Option<Vec<(Spanned<String>, Spanned<StageEntry>)>>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Responsible {
    unit: Spanned<String>,
    lead: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
#[allow(dead_code)]
enum StageEntry {
    Date(String),
    Full {
        date: Spanned<String>,
        by: Option<Spanned<String>>,
        evidence: Option<Vec<Spanned<String>>>,
    },
}

#[derive(Deserialize)]
#[serde(untagged)]
#[allow(dead_code)]
enum OneOrMany {
    One(Box<Rec>),
    Many(Vec<Rec>),
}

fn serde_saphyr_spanned(text: &str) -> usize {
    let mut budget = serde_saphyr::budget::Budget::default();
    budget.max_nodes = usize::MAX;
    budget.max_events = usize::MAX;
    budget.max_documents = usize::MAX;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    let docs: Vec<OneOrMany> =
        serde_saphyr::from_multiple_with_options(text, options).unwrap_or_default();
    docs.iter()
        .map(|d| {
            if let OneOrMany::Many(v) = d {
                v.len()
            } else {
                1
            }
        })
        .sum()
}

fn serde_yaml_value(text: &str) -> usize {
    serde_yaml::Deserializer::from_str(text)
        .filter_map(|doc| serde_yaml::Value::deserialize(doc).ok())
        .count()
}

/// One task record in the record format's shape, varied by `i` and a small LCG.
fn record(i: usize, rng: &mut u64) -> String {
    let mut next = |n: u64| {
        *rng = rng
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (*rng >> 33) % n
    };
    let units = [
        "Wuxi Municipal Government",
        "Suzhou Municipal Government",
        "无锡市人民政府",
    ];
    let titles = [
        "太湖蓝藻打捞与清淤",
        "长江岸线非法码头整治",
        "化工园区废气治理",
    ];
    let (month, day) = (1 + next(12), 1 + next(28));
    format!(
        "id: JS-2022-R2-{i:06}\nkind: task\ntitle: {title}\nround: central-2022-2\nregion: Jiangsu/Wuxi\n\
         category: water\nresponsible:\n  unit: {unit}\n  lead: Wuxi Ecology and Environment Bureau\n\
         assigned: 2022-06-01\ndeadline: 2023-{month:02}-{day:02}\nstatus: completed\nstages:\n  plan: 2022-06-28\n  \
         verification: {{ date: 2023-10-09, evidence: [reports/verify-2023-10.pdf] }}\n  acceptance:\n    \
         date: 2023-11-20\n    by: Jiangsu Provincial Department of Ecology and Environment\n    \
         evidence: [reports/acceptance.pdf, photos/site-2023-11.zip]\n  notice: {{ date: 2023-11-21 }}\n  \
         closure: 2023-12-{day:02}\n",
        title = titles[next(3) as usize],
        unit = units[next(3) as usize],
    )
}

fn generate(target: usize) -> Vec<String> {
    let mut rng = 42;
    let mut total = 0;
    let mut records = Vec::new();
    while total < target {
        let r = record(records.len(), &mut rng);
        total += r.len();
        records.push(r);
    }
    records
}

/// Records as `- ` list items, indented, split over `n` files.
fn large_files(records: &[String], n: usize) -> Vec<String> {
    records
        .chunks(records.len().div_ceil(n))
        .map(|chunk| {
            chunk
                .iter()
                .map(|r| format!("- {}\n", r.trim_end().replace('\n', "\n  ")))
                .collect::<String>()
        })
        .collect()
}
