//! Project configuration and file discovery through the binary:
//! `rectify.toml` found upward, `--config`, `--no-config`, flags over the
//! file, located errors, the walker (hidden, `.gitignore`, `.ignore`,
//! `--hidden`, `--no-ignore`, `--force-exclude`, special files), names
//! relative to the project root from any folder, `rectify config` and
//! `rectify init`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

/// A record whose plan is late at --as-of 2025-06-30 (an error finding).
const LATE: &str = "\
id: LATE-1
title: 太湖蓝藻打捞与清淤
responsible: { unit: Wuxi Municipal Government }
assigned: 2022-06-01
deadline: 2023-12-31
status: in-progress
stages:
  plan: 2022-07-20
";

/// YAML that is not a record: reading it as one is an input error.
const NOT_A_RECORD: &str = "site_name: docs\nnav: []\n";

/// A scratch folder outside any git repository, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("rectify-project-{}-{n}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("scratch folder");
        Scratch(path)
    }

    /// A scratch git repository shaped like a real one: pre-commit config,
    /// a workflow, mkdocs.yml, and the example ledgers under `ledgers/`.
    fn repository(name: &str) -> Scratch {
        let repo = Scratch::new(name);
        let git = Command::new("git")
            .args(["init", "-q", "."])
            .current_dir(&repo.0)
            .status()
            .expect("git runs");
        assert!(git.success());
        repo.write(
            ".pre-commit-config.yaml",
            "repos:\n  - repo: local\n    hooks: []\n",
        );
        repo.write(".github/workflows/ci.yml", "on: push\njobs: {}\n");
        repo.write("mkdocs.yml", NOT_A_RECORD);
        copy(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/jiangsu"),
            &repo.0.join("ledgers"),
        );
        repo
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("mkdir");
        }
        std::fs::write(&path, text).expect("write");
        path
    }

    /// Run rectify in `dir` (relative to the scratch folder).
    fn run(&self, dir: &str, args: &[&str]) -> Run {
        self.run_on_github(dir, args, false)
    }

    /// Run rectify, as on GitHub Actions or not.
    fn run_on_github(&self, dir: &str, args: &[&str], github: bool) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_rectify"));
        command
            .env("RECTIFY_LANG", "en")
            .args(args)
            .current_dir(self.0.join(dir))
            .env("NO_COLOR", "1")
            .env_remove("GITHUB_ACTIONS");
        if github {
            command.env("GITHUB_ACTIONS", "true");
        }
        let out = command.output().expect("rectify runs");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!stderr.contains("panicked"), "{stderr}");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr,
        }
    }

    /// `check --format json` in `dir`, with `args`.
    fn check(&self, dir: &str, args: &[&str]) -> (Run, Value) {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        let run = self.run(dir, &all);
        let report = serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", run.stdout, run.stderr));
        (run, report)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Every file the report names (findings and input errors), sorted, once.
fn files(report: &Value) -> Vec<String> {
    let mut names: Vec<String> = ["findings", "input_errors"]
        .iter()
        .flat_map(|key| report[*key].as_array().cloned().unwrap_or_default())
        .filter_map(|item| item["file"].as_str().map(String::from))
        .filter(|name| !name.starts_with("<bundled>"))
        .collect();
    names.sort();
    names.dedup();
    names
}

fn codes_for(report: &Value, file: &str) -> Vec<String> {
    report["input_errors"]
        .as_array()
        .expect("input_errors")
        .iter()
        .filter(|e| e["file"] == file)
        .filter_map(|e| e["code"].as_str().map(String::from))
        .collect()
}

// ---------------------------------------------------------------- discovery

#[test]
fn bare_check_at_a_repository_root_reads_only_the_records() {
    let repo = Scratch::repository("bare");
    let (run, report) = repo.check("", &["--as-of", "2025-06-30"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(report["records"], 162);
    let names = files(&report);
    assert!(!names.is_empty());
    assert!(names.iter().all(|f| f.starts_with("ledgers/")), "{names:?}");
    assert!(
        run.stderr
            .contains("note: skipped `mkdocs.yml`: named like another tool's configuration"),
        "{}",
        run.stderr
    );
}

#[test]
fn configured_records_are_read_from_the_root_and_from_a_subfolder_alike() {
    let repo = Scratch::repository("subfolder");
    repo.write(
        "rectify.toml",
        "records = [\"ledgers\"]\nas-of = 2025-06-30\n",
    );
    let (root, at_root) = repo.check("", &[]);
    let (sub, in_sub) = repo.check("ledgers/tasks", &[]);
    assert_eq!((root.code, sub.code), (1, 1), "{}", sub.stderr);
    assert_eq!(at_root["records"], 162);
    assert_eq!(at_root, in_sub, "the same run, whatever the folder");
    assert!(files(&in_sub).iter().all(|f| f.starts_with("ledgers/")));
    assert!(!root.stderr.contains("mkdocs"), "{}", root.stderr);
}

#[test]
fn a_file_named_from_a_subfolder_is_named_relative_to_the_root() {
    let repo = Scratch::repository("relative");
    repo.write("rectify.toml", "records = [\"ledgers\"]\n");
    let (run, report) = repo.check("ledgers/tasks", &["wuxi.yaml", "--as-of", "2025-06-30"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(files(&report), ["ledgers/tasks/wuxi.yaml"]);
}

#[test]
fn without_a_config_a_subfolder_run_reads_that_folder() {
    let repo = Scratch::repository("no-config-sub");
    let (run, report) = repo.check("ledgers/tasks", &["--as-of", "2025-06-30"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        files(&report)
            .iter()
            .all(|f| f.starts_with("ledgers/tasks/")),
        "{:?}",
        files(&report)
    );
}

#[test]
fn gitignored_files_are_skipped_in_a_repository_unless_no_ignore() {
    let repo = Scratch::repository("gitignore");
    repo.write(".gitignore", "ledgers/scratch/\n");
    repo.write("ledgers/scratch/draft.yaml", NOT_A_RECORD);
    let (run, report) = repo.check("", &["--as-of", "2025-06-30"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(codes_for(&report, "ledgers/scratch/draft.yaml").is_empty());
    let (run, report) = repo.check("", &["--as-of", "2025-06-30", "--no-ignore"]);
    assert_eq!(run.code, 2);
    assert!(!codes_for(&report, "ledgers/scratch/draft.yaml").is_empty());
}

#[test]
fn an_ignore_file_below_the_root_is_honoured_and_noted() {
    let repo = Scratch::repository("submitted-ignore");
    repo.write(
        "rectify.toml",
        "records = [\"ledgers\"]\nas-of = 2025-06-30\n",
    );
    // A unit hides its own ledger from the check.
    repo.write("ledgers/tasks/.gitignore", "wuxi.yaml\n");
    let (run, report) = repo.check("", &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!files(&report).contains(&"ledgers/tasks/wuxi.yaml".to_string()));
    assert!(
        run.stderr.contains(
            "note: skipped `ledgers/tasks/.gitignore`: an ignore file below the project root"
        ),
        "{}",
        run.stderr
    );
    let (_, report) = repo.check("", &["--no-ignore"]);
    assert!(files(&report).contains(&"ledgers/tasks/wuxi.yaml".to_string()));
}

#[test]
fn outside_a_repository_gitignore_is_not_honoured_but_ignore_is() {
    let dir = Scratch::new("ignore-files");
    dir.write("good.yaml", LATE);
    dir.write(".gitignore", "by-git.yaml\n");
    dir.write(".ignore", "by-ignore.yaml\n");
    dir.write("by-git.yaml", NOT_A_RECORD);
    dir.write("by-ignore.yaml", NOT_A_RECORD);
    let (run, report) = dir.check("", &["--as-of", "2025-06-30"]);
    assert_eq!(run.code, 2, "by-git.yaml is read: no git repository here");
    assert_eq!(files(&report), ["by-git.yaml", "good.yaml"]);
}

#[test]
fn hidden_files_and_folders_are_skipped_unless_hidden() {
    let dir = Scratch::new("hidden");
    dir.write("good.yaml", LATE);
    dir.write(".drafts/draft.yaml", NOT_A_RECORD);
    dir.write(".secret.yaml", NOT_A_RECORD);
    let (run, report) = dir.check("", &["--as-of", "2025-06-30"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(files(&report), ["good.yaml"]);
    // A hidden file named like a record could be one someone hid: noted.
    assert!(
        run.stderr
            .contains("note: skipped `.secret.yaml`: hidden (--hidden reads it)"),
        "{}",
        run.stderr
    );
    let (run, report) = dir.check("", &["--as-of", "2025-06-30", "--hidden"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        files(&report),
        [".drafts/draft.yaml", ".secret.yaml", "good.yaml"]
    );
}

#[test]
fn force_exclude_skips_named_files_outside_records_or_inside_exclude() {
    let repo = Scratch::repository("force-exclude");
    repo.write(
        "rectify.toml",
        "records = [\"ledgers\"]\nexclude = [\"ledgers/drafts\"]\nas-of = 2025-06-30\n",
    );
    repo.write("ledgers/drafts/d.yaml", NOT_A_RECORD);
    let named = [
        "mkdocs.yml",
        ".github/workflows/ci.yml",
        "ledgers/drafts/d.yaml",
        "ledgers/tasks/wuxi.yaml",
    ];
    let mut args = vec!["--force-exclude"];
    args.extend(named);
    let (run, report) = repo.check("", &args);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(files(&report), ["ledgers/tasks/wuxi.yaml"]);
    assert!(
        run.stderr.contains("note: skipped `mkdocs.yml`"),
        "{}",
        run.stderr
    );
    // A commit touching no record file has nothing to check: not a failure.
    let none = repo.run(
        "",
        &[
            "check",
            "--force-exclude",
            "mkdocs.yml",
            ".github/workflows/ci.yml",
        ],
    );
    assert_eq!(none.code, 0, "{}", none.stderr);
    assert!(none.stderr.contains("nothing to check"), "{}", none.stderr);
    // Without the flag, a named file is read whatever it is.
    let (run, report) = repo.check("", &named);
    assert_eq!(run.code, 2);
    assert!(files(&report).contains(&"mkdocs.yml".to_string()));
    // `force-exclude = true` in the file does the same.
    repo.write(
        "rectify.toml",
        "records = [\"ledgers\"]\nexclude = [\"drafts\"]\nforce-exclude = true\n",
    );
    let mut args = vec!["--as-of", "2025-06-30"];
    args.extend(named);
    let (run, report) = repo.check("", &args);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(files(&report), ["ledgers/tasks/wuxi.yaml"]);
}

#[test]
fn record_globs_and_exclude_choose_the_files() {
    let dir = Scratch::new("globs");
    dir.write("a/good.yaml", LATE);
    dir.write("a/notes.yml", NOT_A_RECORD);
    dir.write("b/other.yaml", NOT_A_RECORD);
    dir.write("a/old/stale.yaml", NOT_A_RECORD);
    dir.write(
        "rectify.toml",
        "records = [\"a/**/*.yaml\"]\nexclude = [\"old\"]\nas-of = 2025-06-30\n",
    );
    let (run, report) = dir.check("", &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(files(&report), ["a/good.yaml"]);
}

#[test]
fn a_fifo_in_a_walked_folder_is_a_located_warning() {
    let dir = Scratch::new("fifo");
    dir.write("good.yaml", LATE);
    let made = Command::new("mkfifo")
        .arg(dir.0.join("pipe.yaml"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let (run, report) = dir.check("", &["--as-of", "2025-06-30"]);
    assert_eq!(run.code, 1, "a warning, not an error: {}", run.stderr);
    assert_eq!(codes_for(&report, "pipe.yaml"), ["input::not-regular"]);
    let error = &report["input_errors"]
        .as_array()
        .expect("input_errors")
        .iter()
        .find(|e| e["file"] == "pipe.yaml")
        .cloned()
        .expect("the FIFO's warning");
    assert_eq!(error["severity"], "warning");
}

// ---------------------------------------------------------- configuration

#[test]
fn flags_override_the_config_and_no_config_ignores_it() {
    let dir = Scratch::new("override");
    dir.write("good.yaml", LATE);
    dir.write("rectify.toml", "fail-on = \"never\"\nas-of = 2025-06-30\n");
    dir.write("strict.toml", "fail-on = \"error\"\nas-of = 2025-06-30\n");
    assert_eq!(dir.check("", &[]).0.code, 0, "fail-on = never");
    assert_eq!(dir.check("", &["--fail-on", "error"]).0.code, 1);
    assert_eq!(dir.check("", &["--config", "strict.toml"]).0.code, 1);
    let (run, report) = dir.check("", &["--no-config", "--as-of", "2022-08-01"]);
    assert_eq!(run.code, 1);
    assert_eq!(report["as_of"], "2022-08-01");
    let missing = dir.run("", &["check", "--config", "nowhere.toml"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing
            .stderr
            .contains("error: cannot read the configuration `nowhere.toml`"),
        "{}",
        missing.stderr
    );
}

#[test]
fn config_is_found_by_walking_up() {
    let dir = Scratch::new("upward");
    dir.write(
        "rectify.toml",
        "records = [\"ledgers\"]\nas-of = 2022-08-01\n",
    );
    dir.write("ledgers/deep/er/good.yaml", LATE);
    let (run, report) = dir.check("ledgers/deep/er", &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(report["as_of"], "2022-08-01");
    assert_eq!(files(&report), ["ledgers/deep/er/good.yaml"]);
}

/// Exit code and stderr, for snapshots of what a user reads.
fn transcript(run: &Run) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        run.code, run.stdout, run.stderr
    )
}

#[test]
fn unknown_keys_and_bad_values_are_located_errors() {
    let dir = Scratch::new("unknown-key");
    dir.write("good.yaml", LATE);
    dir.write(
        "rectify.toml",
        "recrods = [\"ledgers\"]\nfail-on = \"warnings\"\njobs = 0\n\n[waivers]\ninlin = \"deny\"\n\n[units]\n\"Wuxi\" = [\"无锡市政府\"]\n\"Wuxi City\" = [\"无锡市政府\"]\n",
    );
    let run = dir.run("", &["check"]);
    assert_eq!(run.code, 2);
    insta::assert_snapshot!("config-errors", transcript(&run));
    // Every command that works in the project refuses alike.
    assert_eq!(dir.run("", &["rules", "check"]).code, 2);
    assert_eq!(dir.run("", &["config"]).code, 2);
}

#[test]
fn config_shows_each_value_and_where_it_came_from() {
    let dir = Scratch::new("show");
    dir.write(
        "rectify.toml",
        "records = [\"ledgers\"]\nfail-on = \"warning\"\n\n[waivers]\ninline = \"deny\"\n",
    );
    dir.write("ledgers/good.yaml", LATE);
    let run = dir.run(
        "ledgers",
        &["config", "--format", "json", "--jobs", "2", "--files"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let settings = &doc["settings"];
    assert_eq!(settings["records"]["from"], "rectify.toml:1");
    assert_eq!(settings["fail-on"]["value"], "warning");
    assert_eq!(settings["fail-on"]["from"], "rectify.toml:2");
    assert_eq!(settings["jobs"]["value"], 2);
    assert_eq!(settings["jobs"]["from"], "command line");
    assert_eq!(settings["as-of"]["from"], "default");
    assert_eq!(settings["waivers.inline"]["value"], "deny");
    assert_eq!(doc["rule_set"], "the bundled rule set");
    assert_eq!(doc["config"], "rectify.toml");
    assert_eq!(
        doc["files"]["read"],
        serde_json::json!(["ledgers/good.yaml"])
    );
    let human = dir.run("", &["config"]);
    assert_eq!(human.code, 0);
    assert!(
        human
            .stdout
            .lines()
            .any(|l| l.starts_with("fail-on ") && l.ends_with("rectify.toml:2")),
        "{}",
        human.stdout
    );
}

// ------------------------------------------------------------------- init

#[test]
fn init_writes_a_config_and_refuses_to_overwrite_it() {
    let dir = Scratch::new("init");
    let run = dir.run("", &["init"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(dir.0.join("rectify.toml")).expect("written");
    assert!(text.contains("records = [\"ledgers\"]"));
    assert!(rectify::config::parse(&text).is_ok());
    let again = dir.run("", &["init"]);
    assert_eq!(again.code, 2);
    assert!(
        again.stderr.contains("`rectify.toml` already exists"),
        "{}",
        again.stderr
    );
    assert_eq!(dir.run("", &["init", "--force"]).code, 0);
}

#[test]
fn init_with_rules_copies_a_rule_set_every_command_then_uses() {
    let dir = Scratch::new("init-rules");
    let run = dir.run("", &["init", "--rules"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for file in [
        "rules/central-inspection.rules",
        "rules/calendars/cn.yaml",
        "rules/tests/plan-on-time.yaml",
    ] {
        assert!(dir.0.join(file).is_file(), "{file}");
    }
    let config = dir.run("", &["config", "--format", "json"]);
    let doc: Value = serde_json::from_str(&config.stdout).expect("JSON");
    assert_eq!(doc["rule_set"], "`rules` (from rectify.toml:12)");
    let checked = dir.run("", &["rules", "check"]);
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    assert!(
        checked
            .stderr
            .contains("note: rules: `rules` (from rectify.toml:12)"),
        "{}",
        checked.stderr
    );
    assert_eq!(dir.run("", &["fmt", "--check"]).code, 0);
    let tested = dir.run("", &["test"]);
    assert_eq!(tested.code, 0, "{}{}", tested.stdout, tested.stderr);
    // A record checked with the copied rules names the copy.
    dir.write("ledgers/good.yaml", LATE);
    let (run, report) = dir.check("ledgers", &["--as-of", "2025-06-30"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rule_file = report["findings"][0]["rule_file"].as_str().unwrap_or("");
    assert_eq!(rule_file, "rules/central-inspection.rules");
    let rules_again = dir.run("", &["init", "--rules"]);
    assert_eq!(rules_again.code, 2, "nothing is overwritten");
}

#[test]
fn fmt_without_paths_or_config_says_what_to_do() {
    let dir = Scratch::new("fmt-nothing");
    let run = dir.run("", &["fmt", "--check"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("`rules` is not set in rectify.toml"),
        "{}",
        run.stderr
    );
}

#[test]
fn report_and_explain_use_the_configured_records_from_a_subfolder() {
    let dir = Scratch::new("report-explain");
    dir.write(
        "rectify.toml",
        "records = [\"ledgers\"]\nas-of = 2025-06-30\n",
    );
    dir.write("ledgers/good.yaml", LATE);
    dir.write("notes/elsewhere.yaml", NOT_A_RECORD);
    dir.write("notes/deeper/keep.txt", "");
    let report = dir.run("notes/deeper", &["report", "--format", "markdown"]);
    assert_eq!(report.code, 0, "{}", report.stderr);
    assert!(
        report.stdout.contains("Wuxi Municipal Government"),
        "{}",
        report.stdout
    );
    let explained = dir.run("notes", &["explain", "plan-on-time", "LATE-1"]);
    assert_eq!(explained.code, 0, "{}", explained.stderr);
    assert!(
        explained
            .stdout
            .starts_with("rule `plan-on-time` on record `LATE-1` (ledgers/good.yaml:1)"),
        "{}",
        explained.stdout
    );
}

#[test]
fn the_format_is_the_flag_else_the_config_else_github_on_actions() {
    let dir = Scratch::new("format");
    dir.write("good.yaml", LATE);
    let args = ["check", "--as-of", "2025-06-30"];
    let github = dir.run_on_github("", &args, true);
    assert!(github.stdout.starts_with("::error "), "{}", github.stdout);
    let shown = dir.run_on_github("", &["config", "--format", "json"], true);
    let doc: Value = serde_json::from_str(&shown.stdout).expect("JSON");
    assert_eq!(
        doc["settings"]["format"]["from"],
        "environment (GITHUB_ACTIONS=true)"
    );
    dir.write("rectify.toml", "format = \"json\"\n");
    let configured = dir.run_on_github("", &args, true);
    assert!(configured.stdout.starts_with('{'), "{}", configured.stdout);
    let flagged = dir.run_on_github(
        "",
        &["check", "--as-of", "2025-06-30", "--format", "plain"],
        true,
    );
    assert!(!flagged.stdout.starts_with('{') && !flagged.stdout.starts_with("::"));
}
