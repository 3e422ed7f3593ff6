//! The minimum Rust version rectify declares (`rust-version` in Cargo.toml,
//! stated in the README) is true for both README commands: no crate that
//! `cargo build` or `cargo test` compiles declares a newer one.
//!
//! Checking it directly would take `cargo +1.85 test`, and only one
//! toolchain is installed where these tests run (rustup cannot download
//! another). This stands in for it: the resolved dependency graph from
//! `cargo metadata --locked` gives every crate's own `rust-version`, and
//! the highest among the crates the build uses (normal and build
//! dependencies, every platform) and the tests use (rectify's
//! dev-dependencies and theirs) must not exceed rectify's. A crate that
//! declares no `rust-version` cannot be counted. It fails when a dependency
//! is added or upgraded past the declared version: raise `rust-version`
//! and the README together, or pick an older release of the dependency.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::process::Command;

use serde_json::Value;

/// `1.85` or `1.85.0` as a comparable triple.
fn version(text: &str) -> (u64, u64, u64) {
    let mut parts = text.split('.').map(|p| p.parse::<u64>());
    let mut next = || match parts.next() {
        Some(Ok(n)) => n,
        Some(Err(_)) => panic!("`{text}` is not a Rust version"),
        None => 0,
    };
    (next(), next(), next())
}

fn shown((major, minor, patch): (u64, u64, u64)) -> String {
    format!("{major}.{minor}.{patch}")
}

struct Graph {
    /// Package id -> (name, version, rust-version if declared).
    packages: HashMap<String, (String, String, Option<String>)>,
    /// Package id -> its dependencies, each with the kinds it is used as
    /// (`normal`, `build`, `dev`).
    deps: HashMap<String, Vec<(String, Vec<String>)>>,
    root: String,
}

fn metadata() -> Graph {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).expect("cargo metadata is JSON");
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let packages = meta["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|p| {
            let msrv = p["rust_version"].as_str().map(String::from);
            (
                text(&p["id"]),
                (text(&p["name"]), text(&p["version"]), msrv),
            )
        })
        .collect();
    let deps = meta["resolve"]["nodes"]
        .as_array()
        .expect("resolve nodes")
        .iter()
        .map(|node| {
            let deps = node["deps"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|d| {
                    let kinds = d["dep_kinds"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|k| k["kind"].as_str().unwrap_or("normal").to_string())
                        .collect();
                    (text(&d["pkg"]), kinds)
                })
                .collect();
            (text(&node["id"]), deps)
        })
        .collect();
    Graph {
        packages,
        deps,
        root: text(&meta["resolve"]["root"]),
    }
}

impl Graph {
    /// Every package reachable from `start` through normal and build
    /// dependencies (what compiling `start` compiles), `start` included.
    fn closure(&self, start: impl IntoIterator<Item = String>) -> HashSet<String> {
        let mut seen = HashSet::new();
        let mut todo: Vec<String> = start.into_iter().collect();
        while let Some(id) = todo.pop() {
            if !seen.insert(id.clone()) {
                continue;
            }
            for (dep, kinds) in self.deps.get(&id).into_iter().flatten() {
                if kinds.iter().any(|k| k != "dev") {
                    todo.push(dep.clone());
                }
            }
        }
        seen
    }

    fn dev_deps(&self) -> Vec<String> {
        let deps = self.deps.get(&self.root).into_iter().flatten();
        deps.filter(|(_, kinds)| kinds.iter().any(|k| k == "dev"))
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// `name version` of each package in `ids` (rectify aside) by the Rust
    /// version it needs, highest first.
    fn needs(&self, ids: &HashSet<String>) -> BTreeMap<(u64, u64, u64), Vec<String>> {
        let mut by_version: BTreeMap<_, Vec<String>> = BTreeMap::new();
        for id in ids.iter().filter(|id| **id != self.root) {
            let (name, v, msrv) = &self.packages[id];
            if let Some(msrv) = msrv {
                by_version
                    .entry(version(msrv))
                    .or_default()
                    .push(format!("{name} {v}"));
            }
        }
        by_version.values_mut().for_each(|names| names.sort());
        by_version
    }
}

#[test]
fn no_dependency_needs_a_newer_rust_than_rectify_declares() {
    let graph = metadata();
    let (name, _, declared) = &graph.packages[&graph.root];
    assert_eq!(name, "rectify");
    let declared = version(
        declared
            .as_deref()
            .expect("Cargo.toml declares `rust-version`"),
    );
    // `edition = "2024"` itself needs 1.85.
    assert!(declared >= (1, 85, 0), "edition 2024 needs Rust 1.85");
    let build = graph.closure([graph.root.clone()]);
    let test = graph.closure(graph.dev_deps().into_iter().chain([graph.root.clone()]));
    for (command, ids) in [("cargo build", &build), ("cargo test", &test)] {
        let needs = graph.needs(ids);
        let too_new: Vec<String> = needs
            .range((declared.0, declared.1, declared.2 + 1)..)
            .map(|(v, names)| format!("{} needs {}", names.join(", "), shown(*v)))
            .collect();
        assert!(
            too_new.is_empty(),
            "`{command}` compiles crates that need a newer Rust than rust-version {}:\n{}",
            shown(declared),
            too_new.join("\n")
        );
        let highest = needs.keys().next_back().copied().unwrap_or_default();
        eprintln!(
            "{command}: {} crates, the highest rust-version {} (declared {})",
            ids.len(),
            shown(highest),
            shown(declared)
        );
    }
}

#[test]
fn the_readme_states_the_declared_rust_version() {
    let graph = metadata();
    let (_, _, declared) = &graph.packages[&graph.root];
    let (major, minor, _) = version(declared.as_deref().unwrap_or_default());
    let readme = include_str!("../README.md");
    let stated = format!("Rust {major}.{minor} or newer");
    assert!(
        readme.contains(&stated),
        "the README should say `{stated}` where it explains how to build"
    );
}
