//! The last words a Chinese run said in English: the notes for files the
//! walk leaves out, `explain`'s unreadable paths, the pages `rules doc`
//! writes and the scoring scheme's grade names, in English and Chinese,
//! through the binary.

mod common;

use std::path::{Path, PathBuf};

use common::cmd::{rectify, rectify_in};

/// A scratch folder outside any git repository, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let path =
            std::env::temp_dir().join(format!("rectify-words-lang-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("scratch folder");
        Scratch(path)
    }

    fn write(&self, name: &str, text: &str) -> &Scratch {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::write(path, text).expect("write");
        self
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const LATE: &str = "\
id: LATE-1
responsible: { unit: Wuxi Municipal Government }
assigned: 2022-06-01
deadline: 2023-12-31
status: in-progress
stages:
  plan: 2022-07-20
";

/// The `note:` lines of stderr.
fn notes(err: &str) -> String {
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("skipped") || l.contains("已跳过"))
        .collect();
    lines.join("\n")
}

#[test]
fn walk_notes_in_both_languages() {
    let dir = Scratch::new("walk-notes");
    dir.write("ledgers/good.yaml", LATE)
        .write(".secret.yaml", LATE)
        .write("mkdocs.yml", "site_name: docs\n")
        .write("ledgers/.ignore", "hidden-by-unit.yaml\n")
        .write("ledgers/hidden-by-unit.yaml", LATE);
    let args = [
        "check",
        "--no-config",
        "--as-of",
        "2025-06-30",
        "--format",
        "concise",
    ];
    let mut said = Vec::new();
    for lang in ["en", "zh-CN"] {
        let mut all = args.to_vec();
        all.extend(["--lang", lang]);
        let (code, _, err) = rectify_in(dir.path(), &all);
        assert_eq!(code, 1, "{err}");
        said.push(format!("--- {lang}\n{}", notes(&err)));
    }
    let said = said.join("\n");
    // English as it was before the notes moved into the catalogues.
    assert!(
        said.contains("note: skipped `.secret.yaml`: hidden (--hidden reads it)"),
        "{said}"
    );
    assert!(said.contains("已跳过 `.secret.yaml`：隐藏文件"), "{said}");
    insta::assert_snapshot!("walk_notes", said);
}

#[test]
fn a_force_excluded_file_is_noted_in_chinese() {
    let dir = Scratch::new("force-exclude");
    dir.write("rectify.toml", "exclude = [\"drafts\"]\n")
        .write("drafts/one.yaml", LATE);
    let args = [
        "check",
        "drafts/one.yaml",
        "--force-exclude",
        "--as-of",
        "2025-06-30",
    ];
    let mut said = Vec::new();
    for lang in ["en", "zh-CN"] {
        let mut all = args.to_vec();
        all.extend(["--lang", lang]);
        let (code, _, err) = rectify_in(dir.path(), &all);
        said.push(format!("--- {lang} (exit {code})\n{}", notes(&err)));
    }
    insta::assert_snapshot!("walk_force_exclude", said.join("\n"));
}

#[test]
fn explain_says_an_unreadable_path_in_the_run_language() {
    let record = [
        "explain",
        "plan-on-time",
        "P-1",
        "tests/fixtures/no-such-folder",
        "--no-config",
    ];
    let group = [
        "explain",
        "petition-closure-rate",
        "--unit",
        "Wuxi",
        "tests/fixtures/no-such-folder",
        "--no-config",
    ];
    let mut said = Vec::new();
    for args in [&record[..], &group[..]] {
        for lang in ["en", "zh-CN"] {
            let mut all = args.to_vec();
            all.extend(["--lang", lang]);
            let (code, out, err) = rectify(&all);
            assert_eq!(code, 2, "{out}{err}");
            said.push(format!("--- {} {lang}\n{err}", args[1]));
        }
    }
    let said = said.join("\n");
    assert!(
        said.contains(
            "error: tests/fixtures/no-such-folder: cannot read: no such file or directory"
        ),
        "{said}"
    );
    insta::assert_snapshot!("explain_unreadable", said);
}
