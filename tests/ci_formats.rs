//! The CI formats through the binary: SARIF locations that resolve from
//! any folder, JUnit that fails only at `--fail-on`, GitHub annotations
//! with plurals and no `./`. (tests/clients/*.sh run the real clients: the
//! SARIF Multitool and xmllint with junit-10.xsd.)

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

const AS_OF: &str = "2025-06-30";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `rectify check …` in `dir`: exit code and stdout.
fn check(dir: &Path, args: &[&str]) -> (i32, String) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend(["--as-of", AS_OF]);
    let (code, out, _) = common::rectify_in(dir, &all);
    (code, out)
}

fn sarif(dir: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "sarif"]);
    let (code, out) = check(dir, &all);
    assert_eq!(code, 1, "{out}");
    serde_json::from_str(&out).expect("SARIF is JSON")
}

/// `%41` -> `A`: a URI path back to a file path.
fn decode(uri: &str) -> String {
    let bytes = uri.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("ASCII");
            out.push(u8::from_str_radix(hex, 16).expect("hex"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("UTF-8")
}

/// Every artifact URI of every result, resolved to a file path; asserts
/// relative ones use `%SRCROOT%` and none reads as another scheme.
fn resolved(log: &Value) -> Vec<(String, PathBuf)> {
    let run = &log["runs"][0];
    let root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .expect("%SRCROOT% is given");
    assert!(
        root.starts_with("file:///") && root.ends_with('/'),
        "{root}"
    );
    let mut paths = Vec::new();
    for result in run["results"].as_array().expect("results") {
        for location in common::sarif_locations(result) {
            let artifact = &location["physicalLocation"]["artifactLocation"];
            let uri = artifact["uri"].as_str().expect("uri");
            let full = match artifact.get("uriBaseId") {
                Some(base) => {
                    assert_eq!(base, "%SRCROOT%");
                    let first = uri.split('/').next().unwrap_or("");
                    assert!(!first.contains(':'), "no scheme in `{uri}`");
                    assert!(!uri.starts_with('/'), "relative: `{uri}`");
                    format!("{root}{uri}")
                }
                None => uri.to_string(),
            };
            let path = full.strip_prefix("file://").expect("a file URI");
            paths.push((uri.to_string(), PathBuf::from(decode(path))));
        }
    }
    assert!(!paths.is_empty(), "results have locations");
    paths
}

fn assert_every_location_is_a_file(log: &Value) {
    for (uri, path) in resolved(log) {
        assert!(path.is_file(), "`{uri}` resolves to {}", path.display());
    }
}

#[test]
fn sarif_locations_resolve_from_a_relative_run() {
    let log = sarif(&repo(), &["examples/jiangsu"]);
    assert_every_location_is_a_file(&log);
    let uris: Vec<String> = resolved(&log).into_iter().map(|(u, _)| u).collect();
    assert!(
        uris.iter().all(|u| u.starts_with("examples/jiangsu/")),
        "{uris:?}"
    );
}

#[test]
fn sarif_from_absolute_paths_has_no_uri_starting_with_a_slash() {
    let abs = repo().join("examples/jiangsu");
    let log = sarif(&repo(), &[abs.to_str().expect("UTF-8 path")]);
    assert_every_location_is_a_file(&log);
    for (uri, _) in resolved(&log) {
        assert!(uri.starts_with("examples/jiangsu/"), "{uri}");
    }
}

#[test]
fn sarif_locations_resolve_from_a_subfolder() {
    let log = sarif(&repo().join("examples"), &["jiangsu"]);
    assert_every_location_is_a_file(&log);
}

#[test]
fn sarif_names_files_outside_the_root_by_absolute_uri() {
    // The root is the repository (its git root): a ledger in a temporary
    // folder is outside it.
    let dir = std::env::temp_dir().join(format!("rectify-outside-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::copy(
        repo().join("examples/jiangsu/petitions/nanjing.yaml"),
        dir.join("nanjing.yaml"),
    )
    .expect("copy a ledger");
    let log = sarif(&repo(), &[dir.to_str().expect("UTF-8 path")]);
    assert_every_location_is_a_file(&log);
    for (uri, _) in resolved(&log) {
        assert!(uri.starts_with("file:///"), "{uri}");
    }
}

#[test]
fn sarif_file_names_cannot_read_as_a_scheme() {
    let dir = std::env::temp_dir().join(format!("rectify-ci-formats-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let record = std::fs::read_to_string(repo().join("tests/fixtures/check/late-plan/wuxi.yaml"))
        .expect("fixture");
    for (i, name) in [
        "C:evil.yaml",
        "javascript:x.yaml",
        "a b%20.yaml",
        "台账.yaml",
    ]
    .iter()
    .enumerate()
    {
        let text = record.replace("JS-2022-R2-07", &format!("JS-2022-R2-9{i}"));
        std::fs::write(dir.join(name), text).expect("write");
    }
    let log = sarif(&dir, &["."]);
    let uris: Vec<String> = resolved(&log).into_iter().map(|(u, _)| u).collect();
    for expected in [
        "C%3Aevil.yaml",
        "javascript%3Ax.yaml",
        "a%20b%2520.yaml",
        "%E5%8F%B0%E8%B4%A6.yaml",
    ] {
        assert!(uris.iter().any(|u| u == expected), "{expected} in {uris:?}");
    }
    assert_every_location_is_a_file(&log);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sarif_does_not_name_the_bundled_rules_as_an_artifact() {
    let log = sarif(&repo(), &["examples/jiangsu"]);
    let text = log.to_string();
    assert!(!text.contains("%3Cbundled%3E"), "no bundled artifact");
    let driver = &log["runs"][0]["tool"]["driver"];
    let rules = driver["rules"].as_array().expect("rules");
    let documented = rules.iter().filter(|r| r.get("helpUri").is_some()).count();
    // Links are made only from the address the build names (Cargo.toml's
    // `repository`), never made up.
    match rectify::report::sarif::HOME {
        Some(home) => {
            assert_eq!(driver["informationUri"].as_str(), Some(home), "{driver}");
            assert!(
                documented >= 10,
                "bundled rules link their docs: {documented}"
            );
        }
        None => {
            assert!(driver.get("informationUri").is_none(), "{driver}");
            assert_eq!(documented, 0, "no made-up documentation links");
        }
    }
    // Either way no rule is located in a file that is not on disk.
    for r in rules {
        assert!(r.get("relatedLocations").is_none() || r["id"].as_str().is_some());
    }
}

#[test]
fn junit_fails_only_at_or_above_fail_on() {
    let count = |fail_on: &str| {
        let (_, out) = check(
            &repo(),
            &[
                "examples/jiangsu",
                "--format",
                "junit",
                "--fail-on",
                fail_on,
            ],
        );
        let doc = roxmltree::Document::parse(&out).expect("XML");
        let n = |tag| doc.descendants().filter(|n| n.has_tag_name(tag)).count();
        (n("failure"), n("system-out"))
    };
    let (errors, below_error) = count("error");
    let (warnings, below_warning) = count("warning");
    let (never, all) = count("never");
    assert!(errors > 0 && below_error > 0, "{errors} {below_error}");
    assert_eq!(errors + below_error, warnings + below_warning);
    assert_eq!((never, all), (0, errors + below_error));
    assert!(warnings > errors);
}

#[test]
fn github_summary_uses_plurals_and_no_dot_slash() {
    let (code, out) = check(
        &repo(),
        &["./tests/fixtures/check/late-plan", "--format", "github"],
    );
    assert_eq!(code, 1);
    assert!(!out.contains("file=./"), "{out}");
    assert!(
        out.contains("file=tests/fixtures/check/late-plan/wuxi.yaml"),
        "{out}"
    );
    let summary = out.lines().last().expect("a summary");
    assert!(
        summary.starts_with("rectify: 1 error, 0 warnings, 0 infos"),
        "{summary}"
    );
}
