//! The parse-only floor for `bench/run.sh`: walk a folder the way
//! `rectify check` does, read every `*.yaml` / `*.yml` file, and parse it,
//! doing nothing else. Prints the record-file count, node count and seconds.
//!
//! ```sh
//! cargo bench --manifest-path bench/Cargo.toml --bench parse_only -- DIR rectify|rectify-general|serde_yaml|read [--jobs N]
//! ```
//!
//! - `rectify`: `rectify::yaml::parse` with the default limits, the same
//!   parser and tree `check` uses (spans on every node);
//! - `rectify-general`: the same tree through saphyr's parser alone, without
//!   the fast path for plain block YAML (the parser `check` used before it);
//! - `serde_yaml`: every document into `serde_yaml::Value`, the floor without
//!   spans that the speed targets compare to;
//! - `read`: no parse, only the walk and reading each file as text (how
//!   far reading alone scales with threads).
//!
//! `--jobs 1` (the default) parses on this thread; `--jobs N` on a rayon pool
//! of N threads, as `check --jobs N` does.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;
use serde::Deserialize;

fn main() -> ExitCode {
    // `cargo bench` passes `--bench`; ignore it.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let (Some(dir), Some(mode)) = (args.first(), args.get(1)) else {
        eprintln!("usage: parse_only DIR rectify|rectify-general|serde_yaml|read [--jobs N]");
        return ExitCode::from(2);
    };
    let jobs = match args.get(2).map(String::as_str) {
        Some("--jobs") => args.get(3).and_then(|n| n.parse().ok()).unwrap_or(1),
        _ => 1,
    };
    let parse: fn(&str) -> usize = match mode.as_str() {
        "rectify" => parse_rectify,
        "rectify-general" => parse_rectify_general,
        "serde_yaml" => parse_serde_yaml,
        "read" => str::len,
        other => {
            eprintln!("unknown mode `{other}`");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let files = walk(Path::new(dir));
    let work = |path: &PathBuf| {
        std::fs::read(path)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .map_or(0, |t| parse(&t))
    };
    let nodes: usize = if jobs <= 1 {
        files.iter().map(work).sum()
    } else {
        match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
            Ok(pool) => pool.install(|| files.par_iter().map(work).sum()),
            Err(e) => {
                eprintln!("cannot start {jobs} threads: {e}");
                return ExitCode::from(2);
            }
        }
    };
    let seconds = started.elapsed().as_secs_f64();
    println!("{} files, {nodes} nodes, {seconds:.3} s", files.len());
    ExitCode::SUCCESS
}

/// Sorted `*.yaml` / `*.yml` files under `dir`, walked as `rectify check` walks.
fn walk(dir: &Path) -> Vec<PathBuf> {
    rectify::walk::files_under(dir, &["yaml", "yml"])
}

fn parse_rectify(text: &str) -> usize {
    let (docs, _) = rectify::yaml::parse(text, &rectify::yaml::Limits::default());
    docs.iter().map(count).sum()
}

fn parse_rectify_general(text: &str) -> usize {
    let (docs, _) = rectify::yaml::general(text, &rectify::yaml::Limits::default());
    docs.iter().map(count).sum()
}

fn count(node: &rectify::yaml::Node) -> usize {
    use rectify::yaml::Value;
    match &node.value {
        Value::Seq(items) => 1 + items.iter().map(count).sum::<usize>(),
        Value::Map(entries) => {
            1 + entries
                .iter()
                .map(|(k, v)| count(k) + count(v))
                .sum::<usize>()
        }
        _ => 1,
    }
}

fn parse_serde_yaml(text: &str) -> usize {
    serde_yaml::Deserializer::from_str(text)
        .filter_map(|doc| serde_yaml::Value::deserialize(doc).ok())
        .map(|v| count_serde(&v))
        .sum()
}

fn count_serde(value: &serde_yaml::Value) -> usize {
    use serde_yaml::Value;
    match value {
        Value::Sequence(items) => 1 + items.iter().map(count_serde).sum::<usize>(),
        Value::Mapping(map) => {
            1 + map
                .iter()
                .map(|(k, v)| count_serde(k) + count_serde(v))
                .sum::<usize>()
        }
        Value::Tagged(t) => 1 + count_serde(&t.value),
        _ => 1,
    }
}
