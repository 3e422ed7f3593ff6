//! The docs stay true: the generated rule pages in docs/rules/ match a fresh
//! generation from rules/, every ```rules block in docs/ parses, and every
//! ```yaml rule-test block is a valid rule test that passes on the bundled
//! rules.

use std::path::{Path, PathBuf};

use rectify::cli::doc;
use rectify::{ruletest, syntax};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn markdown_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("docs folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "md") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("docs"), &mut out);
    out.sort();
    out
}

/// `(line of the opening fence, body)` of each block fenced with `fence`.
fn blocks(doc: &str, fence: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, line) in doc.lines().enumerate() {
        match open.as_mut() {
            None if line.trim() == fence => open = Some((i + 1, String::new())),
            None => {}
            Some(_) if line.trim() == "```" => out.extend(open.take()),
            Some((_, body)) => {
                body.push_str(line);
                body.push('\n');
            }
        }
    }
    out
}

#[test]
fn generated_rule_pages_are_up_to_date() {
    let name = "rules/central-inspection.rules";
    let text = std::fs::read_to_string(root().join(name)).expect("bundled rules");
    let pages = doc::pages(
        &[(name.to_string(), text)],
        rectify::i18n::Lang::En.catalogue(),
    )
    .expect("bundled rules parse");
    let dir = root().join("docs/rules");
    let mut stale = Vec::new();
    for (file, page) in &pages {
        let committed = std::fs::read_to_string(dir.join(file)).unwrap_or_default();
        if &committed != page {
            stale.push(file.clone());
        }
    }
    let generated: Vec<&str> = pages.iter().map(|(f, _)| f.as_str()).collect();
    for entry in std::fs::read_dir(&dir).expect("docs/rules").flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if !generated.contains(&file.as_str()) {
            stale.push(format!("{file} (no such rule any more)"));
        }
    }
    assert!(
        stale.is_empty(),
        "docs/rules/ is out of date ({}); run `cargo run -- rules doc rules/`",
        stale.join(", ")
    );
}

#[test]
fn every_page_documents_one_bundled_rule() {
    let rules = rectify::load::rules(&[]);
    let plan = rules.plan.expect("bundled rules compile");
    for rule in &plan.rules {
        let page = root().join("docs/rules").join(format!("{}.md", rule.id));
        assert!(page.exists(), "no page for `{}`", rule.id);
    }
}

/// The convention of tests/syntax.rs: a block whose first word is `rule` or
/// `ruleset` is a whole file; any other block is rule items.
#[test]
fn every_rules_block_in_the_docs_parses() {
    let mut count = 0;
    for path in markdown_files() {
        let doc = std::fs::read_to_string(&path).expect("readable");
        for (line, block) in blocks(&doc, "```rules") {
            count += 1;
            let first = block
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty() && !l.starts_with('#'))
                .unwrap_or("");
            let whole = first.starts_with("rule ") || first.starts_with("ruleset ");
            let text = if whole {
                block
            } else {
                format!("rule example {{\n  for task\n  severity error\n{block}}}\n")
            };
            if let Err(errors) = syntax::parse(&text) {
                panic!("{}:{line}: {errors:?}", path.display());
            }
        }
    }
    assert!(count >= 20, "only {count} ```rules blocks");
}

/// Every `rectify.toml` shown in the docs is one rectify accepts.
#[test]
fn every_toml_block_in_the_docs_is_a_valid_config() {
    let mut count = 0;
    let readme = root().join("README.md");
    for path in markdown_files().into_iter().chain([readme]) {
        let doc = std::fs::read_to_string(&path).expect("readable");
        for (line, block) in blocks(&doc, "```toml") {
            count += 1;
            if let Err(errors) = rectify::config::parse(&block) {
                panic!("{}:{line}: {errors:?}", path.display());
            }
        }
    }
    assert!(count >= 2, "only {count} ```toml blocks");
}

#[test]
fn every_rule_test_block_in_the_docs_parses() {
    let mut count = 0;
    for path in markdown_files() {
        let doc = std::fs::read_to_string(&path).expect("readable");
        for (line, block) in blocks(&doc, "```yaml rule-test") {
            count += 1;
            if let Err(errors) = ruletest::parse(&block) {
                panic!("{}:{line}: {errors:?}", path.display());
            }
        }
    }
    assert!(count >= 1, "no ```yaml rule-test block in the docs");
}

/// Needs the record loader (`model`).
#[test]
fn every_rule_test_block_in_the_docs_passes() {
    let rules = rectify::load::rules(&[]);
    let plan = rules.plan.expect("bundled rules compile");
    for path in markdown_files() {
        let doc = std::fs::read_to_string(&path).expect("readable");
        for (line, block) in blocks(&doc, "```yaml rule-test") {
            let suite = ruletest::parse(&block).expect("parses");
            for result in ruletest::run(&suite, &plan, &rules.files, &root()) {
                assert!(
                    result.passed(),
                    "{}:{line}: case `{}` fails: {:?}",
                    path.display(),
                    result.name,
                    result.lines(rectify::i18n::Lang::En.catalogue())
                );
            }
        }
    }
}

/// Every import map file shown in the docs (```toml map) is one
/// `rectify import --map` accepts.
#[test]
fn every_map_file_in_the_docs_is_valid() {
    let mut count = 0;
    for path in markdown_files() {
        let doc = std::fs::read_to_string(&path).expect("readable");
        for (line, block) in blocks(&doc, "```toml map") {
            count += 1;
            if let Err(errors) = rectify::import::Map::parse(&block, "map.toml") {
                panic!("{}:{line}: {errors:?}", path.display());
            }
        }
    }
    assert!(count >= 1, "no ```toml map block");
}
