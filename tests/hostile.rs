//! Hostile input: each case is a temp folder holding one bad
//! file next to a good record with a known finding, checked by the real
//! binary. The bad file must give a located diagnostic in the JSON report's
//! `input_errors`, the good record must still be checked, and the run must
//! end with exit code 2 (untrusted), never a panic or a stack overflow.
//!
//! Then the fuzz targets' invariants (fuzz/invariants.rs) on every committed
//! input: the seed corpus in fuzz/corpus and the regression inputs in
//! tests/fixtures/fuzz-regressions, one case per file.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

/// A record whose plan is 4 workdays late at --as-of 2022-08-01.
const GOOD: &str = include_str!("fixtures/good-late-plan.yaml");

/// A folder under the system temp dir, removed when dropped.
struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("rectify-hostile-{}-{n}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create temp dir");
        std::fs::write(path.join("good.yaml"), GOOD).expect("write good.yaml");
        Dir(path)
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write fixture");
        path
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        make_readable(&self.0);
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn make_readable(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let _ = std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(0o644));
        }
    }
}

struct Run {
    code: i32,
    report: Value,
    stderr: String,
}

impl Run {
    /// The input errors about the file whose name ends with `name`.
    fn errors_for(&self, name: &str) -> Vec<&Value> {
        self.report["input_errors"]
            .as_array()
            .expect("input_errors")
            .iter()
            .filter(|e| e["file"].as_str().is_some_and(|f| f.ends_with(name)))
            .collect()
    }

    /// The one error about `name`, with its code.
    fn error_for(&self, name: &str, code: &str) -> &Value {
        let errors = self.errors_for(name);
        let found = errors.iter().find(|e| e["code"] == code);
        found.unwrap_or_else(|| {
            panic!(
                "no `{code}` for {name}; input_errors: {errors:#?}\nstderr: {}",
                self.stderr
            )
        })
    }

    /// The good record was checked: its late plan is reported.
    fn assert_good_checked(&self) {
        let findings = self.report["findings"].as_array().expect("findings");
        assert!(
            findings
                .iter()
                .any(|f| f["rule"] == "plan-on-time" && f["record"] == "GOOD-1"),
            "the good file's finding is missing: {findings:#?}"
        );
    }
}

fn check(dir: &Path, extra: &[&str]) -> Run {
    check_paths(&[dir], extra)
}

fn check_paths(paths: &[&Path], extra: &[&str]) -> Run {
    let mut args: Vec<String> = vec!["check".into()];
    args.extend(paths.iter().map(|p| p.display().to_string()));
    args.extend(["--format", "json", "--as-of", "2022-08-01"].map(String::from));
    args.extend(extra.iter().map(|s| s.to_string()));
    let out = Command::new(env!("CARGO_BIN_EXE_rectify"))
        .env("RECTIFY_LANG", "en")
        .args(&args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run rectify");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "rectify panicked: {stderr}");
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("killed by a signal (stack overflow?): {stderr}"));
    let report = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\nstderr: {stderr}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    Run {
        code,
        report,
        stderr,
    }
}

fn assert_located(error: &Value, line: u64) {
    assert_eq!(error["severity"], "error", "{error:#}");
    assert_eq!(error["line"], line, "{error:#}");
    assert!(
        error["column"].as_u64().is_some_and(|c| c >= 1),
        "{error:#}"
    );
}

#[test]
fn file_over_the_size_limit_is_refused_unread() {
    let dir = Dir::new("too-large");
    dir.write("big.yaml", GOOD.replace("GOOD-1", "BIG-1").repeat(40));
    let run = check(&dir.0, &["--max-file-size", "1000"]);
    let error = run.error_for("big.yaml", "input::too-large");
    let message = error["message"].as_str().unwrap_or_default();
    assert!(message.contains("over the limit of 1000"), "{message}");
    run.assert_good_checked();
    assert_eq!(run.code, 2);
}

#[test]
fn flow_nesting_deeper_than_the_limit_is_refused() {
    let dir = Dir::new("too-deep-flow");
    let depth = 10_000;
    dir.write(
        "deep.yaml",
        format!("id: DEEP\nx: {}{}\n", "[".repeat(depth), "]".repeat(depth)),
    );
    let run = check(&dir.0, &[]);
    let error = run.error_for("deep.yaml", "yaml::too-deep");
    assert_located(error, 2);
    run.assert_good_checked();
    assert_eq!(run.code, 2);
}

#[test]
fn block_nesting_deeper_than_the_limit_is_refused() {
    let dir = Dir::new("too-deep-block");
    let mut text = String::from("id: DEEP\n");
    for level in 0..1_000 {
        text.push_str(&" ".repeat(level));
        text.push_str("a:\n");
    }
    dir.write("deep.yaml", text);
    let run = check(&dir.0, &[]);
    let error = run.error_for("deep.yaml", "yaml::too-deep");
    // The 65th mapping (line 66, key at column 65) is one level too deep.
    assert_located(error, 66);
    run.assert_good_checked();
    assert_eq!(run.code, 2);
}

#[test]
fn alias_expansion_billion_laughs_is_refused() {
    let dir = Dir::new("billion-laughs");
    let mut text = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let prev = format!("*a{}", i - 1);
        text.push_str(&format!("a{i}: &a{i} [{}]\n", vec![prev; 10].join(", ")));
    }
    text.push_str("id: LAUGHS\n");
    dir.write("laughs.yaml", text);
    let run = check(&dir.0, &[]);
    let error = run.error_for("laughs.yaml", "yaml::alias-limit");
    assert_eq!(error["severity"], "error");
    assert!(
        error["line"]
            .as_u64()
            .is_some_and(|l| (2..=10).contains(&l)),
        "{error:#}"
    );
    run.assert_good_checked();
    assert_eq!(run.code, 2);
}

#[test]
fn binary_file_is_not_utf8_at_its_first_bad_byte() {
    let dir = Dir::new("binary");
    dir.write("binary.yaml", b"id: BIN-1\ntitle: \xff\xfe\x00\x01\n");
    let run = check(&dir.0, &[]);
    let error = run.error_for("binary.yaml", "input::not-utf8");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("byte 17")),
        "{error:#}"
    );
    run.assert_good_checked();
    assert_eq!(run.code, 2);
}

#[test]
fn symlink_to_itself_is_not_followed() {
    let dir = Dir::new("self-link");
    std::os::unix::fs::symlink("loop.yaml", dir.0.join("loop.yaml")).expect("symlink");
    let run = check(&dir.0, &[]);
    // Links are not followed, so the loop is never entered:
    // the link is skipped with a warning at the file.
    let error = run.error_for("loop.yaml", "input::symlink");
    assert_eq!(error["severity"], "warning", "{error:#}");
    run.assert_good_checked();
    assert_eq!(run.code, 1, "only the good file's finding decides");
}

#[test]
fn symlink_loop_named_on_the_command_line_is_an_error() {
    let dir = Dir::new("self-link-named");
    let link = dir.0.join("loop.yaml");
    std::os::unix::fs::symlink("loop.yaml", &link).expect("symlink");
    let good = dir.0.join("good.yaml");
    let run = check_paths(&[&link, &good], &[]);
    let error = run.error_for("loop.yaml", "input::unreadable");
    assert_eq!(error["severity"], "error", "{error:#}");
    run.assert_good_checked();
    assert_eq!(run.code, 2);
}

#[test]
fn directory_symlink_cycle_is_not_walked_into() {
    let dir = Dir::new("dir-cycle");
    let sub = dir.0.join("a").join("b");
    std::fs::create_dir_all(&sub).expect("mkdir");
    std::os::unix::fs::symlink("../..", sub.join("up")).expect("symlink");
    std::os::unix::fs::symlink("..", dir.0.join("a").join("up.yaml")).expect("symlink");
    let run = check(&dir.0, &[]);
    // Walked once: the good record is not seen again through `up`.
    assert_eq!(run.report["records"], 1, "{:#}", run.report);
    assert!(
        run.errors_for("")
            .iter()
            .all(|e| e["code"] != "record::duplicate-id")
    );
    run.error_for("up.yaml", "input::symlink");
    run.assert_good_checked();
    assert_eq!(run.code, 1);
}

#[test]
fn directory_named_like_a_record_file_is_walked_as_a_folder() {
    let dir = Dir::new("dir-named-yaml");
    let folder = dir.0.join("x.yaml");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::write(folder.join("inner.yaml"), GOOD.replace("GOOD-1", "INNER-1")).expect("write");
    let run = check(&dir.0, &[]);
    assert!(
        run.errors_for("x.yaml").is_empty(),
        "{:#}",
        run.report["input_errors"]
    );
    assert_eq!(run.report["records"], 2);
    run.assert_good_checked();
    assert_eq!(run.code, 1);
}

#[test]
fn empty_file_is_a_warning_only() {
    let dir = Dir::new("empty");
    dir.write("empty.yaml", "");
    dir.write("comments.yaml", "# nothing here yet\n---\n");
    let run = check(&dir.0, &[]);
    for name in ["empty.yaml", "comments.yaml"] {
        let error = run.error_for(name, "record::empty-file");
        assert_eq!(error["severity"], "warning", "{error:#}");
    }
    run.assert_good_checked();
    assert_eq!(run.code, 1, "the exit code depends on the other files only");
    let never = check(&dir.0, &["--fail-on", "never"]);
    assert_eq!(never.code, 0);
}

#[test]
fn unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Dir::new("unreadable");
    let path = dir.write("secret.yaml", GOOD.replace("GOOD-1", "SECRET-1"));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&path).is_ok() {
        // Root (or CAP_DAC_OVERRIDE) reads through chmod 000; a file whose
        // read fails with EIO is another way to test the same path.
        eprintln!("chmod 000 does not stop reads here (root?): using /proc/self/mem instead");
        std::fs::remove_file(&path).expect("remove");
        let run = check_paths(&[Path::new("/proc/self/mem"), &dir.0], &[]);
        let error = run.error_for("/proc/self/mem", "input::unreadable");
        assert!(
            error["message"]
                .as_str()
                .is_some_and(|m| m.contains("cannot read")),
            "{error:#}"
        );
        run.assert_good_checked();
        assert_eq!(run.code, 2);
        return;
    }
    let run = check(&dir.0, &[]);
    let error = run.error_for("secret.yaml", "input::unreadable");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("cannot read")),
        "{error:#}"
    );
    run.assert_good_checked();
    assert_eq!(run.code, 2);
}

// ---- the fuzz targets' invariants, on the committed inputs ----------------

#[path = "../fuzz/invariants.rs"]
mod invariants;

/// Every file in `dir` (relative to the crate) with extension `ext`, sorted.
fn inputs(dir: &str, ext: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    let mut paths: Vec<PathBuf> = entries
        .map(|e| e.expect("folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    paths.sort();
    paths
}

/// Run each input through `check`, one case per file: a panic is caught and
/// reported with the file's name after every other input has run. Returns
/// how many inputs ran.
fn run_each(paths: &[PathBuf], check: fn(&[u8])) -> usize {
    let mut failures = Vec::new();
    for path in paths {
        let bytes = std::fs::read(path).expect("read a fuzz input");
        if let Err(panic) = std::panic::catch_unwind(|| check(&bytes)) {
            let message = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)");
            failures.push(format!("{}: {message}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} inputs fail:\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n")
    );
    paths.len()
}

/// Rule texts are UTF-8 (the targets take `&str`); a seed that is not would
/// never reach them, so it fails here.
fn as_text(bytes: &[u8], check: fn(&str)) {
    match std::str::from_utf8(bytes) {
        Ok(text) => check(text),
        Err(e) => panic!("not UTF-8: {e}"),
    }
}

/// A corpus folder runs all its seeds, and holds at least `at_least`: a
/// glob or a path that matched nothing would otherwise pass in silence.
fn seed_corpus(target: &str, ext: &str, at_least: usize, check: fn(&[u8])) {
    let paths = inputs(&format!("fuzz/corpus/{target}"), ext);
    let ran = run_each(&paths, check);
    eprintln!("fuzz/corpus/{target}: {ran} seeds");
    assert!(
        ran >= at_least,
        "fuzz/corpus/{target} ran {ran} seeds, expected at least {at_least}"
    );
}

#[test]
fn fuzz_seed_corpus_records() {
    seed_corpus("records", "yaml", 55, invariants::records);
}

#[test]
fn fuzz_seed_corpus_rules() {
    seed_corpus("rules", "rules", 44, |b| as_text(b, invariants::rules));
}

#[test]
fn fuzz_seed_corpus_fmt() {
    seed_corpus("fmt", "rules", 44, |b| as_text(b, invariants::fmt));
}

/// Every input a fuzz target once failed on goes through the invariants of
/// every target that reads its kind of file.
#[test]
fn fuzz_regressions_do_not_panic() {
    let dir = "tests/fixtures/fuzz-regressions";
    let records = run_each(&inputs(dir, "yaml"), invariants::records);
    let rules = run_each(&inputs(dir, "rules"), |b| {
        as_text(b, invariants::rules);
        as_text(b, invariants::fmt);
    });
    eprintln!("{dir}: {records} record inputs, {rules} rule inputs");
    assert!(records > 0 && rules > 0, "{dir} holds no inputs of a kind");
}

/// A device that never ends, named on the command line, is refused unread
/// (reading it would exhaust memory), and the good file is still checked.
#[test]
fn endless_device_named_on_the_command_line_is_refused_unread() {
    let dir = Dir::new("dev-zero");
    let good = dir.0.join("good.yaml");
    let zero = Path::new("/dev/zero");
    let run = check_paths(&[zero, &good], &[]);
    let error = run.error_for("/dev/zero", "input::unreadable");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("not a regular file")),
        "{error:#}"
    );
    run.assert_good_checked();
    assert_eq!(run.code, 2);
}
