//! Bounded work through the real binary: no crash, no hang, no unbounded
//! read, no destroyed input. Every run has a deadline and is killed when it
//! passes it, so a regression (a FIFO read again, say) fails the test
//! instead of hanging CI. Each case runs in its own temp folder with
//! relative paths, so messages can be snapshotted as the user sees them.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;

/// A record whose plan is 4 workdays late at --as-of 2022-08-01.
const GOOD: &str = include_str!("fixtures/good-late-plan.yaml");

const RULESET: &str = "\
ruleset \"r\" {
  pipeline task: plan -> closure
}
";

/// How long any run may take before it counts as a hang.
const DEADLINE: Duration = Duration::from_secs(60);

/// A folder under the system temp dir holding `good.yaml`, removed when dropped.
struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!(
            "rectify-security-{}-{n}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(path.join("out")).expect("create temp dir");
        std::fs::write(path.join("good.yaml"), GOOD).expect("write good.yaml");
        Dir(path)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn write(&self, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, text).expect("write fixture");
        path
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).expect("read back")
    }

    fn fifo(&self, name: &str) -> PathBuf {
        let path = self.path(name);
        let made = Command::new("mkfifo").arg(&path).status().expect("mkfifo");
        assert!(made.success(), "mkfifo failed");
        path
    }

    /// Run rectify here with a deadline; stdout and stderr go to files, so
    /// a full pipe cannot stall it.
    fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, Stdio::null())
    }

    fn run_with(&self, args: &[&str], stdin: Stdio) -> Run {
        let (out, err) = (self.path("out/stdout"), self.path("out/stderr"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_rectify"))
            .env("RECTIFY_LANG", "en")
            .args(args)
            .current_dir(&self.0)
            .env("NO_COLOR", "1")
            .env_remove("GITHUB_ACTIONS")
            .stdin(stdin)
            .stdout(std::fs::File::create(&out).expect("stdout file"))
            .stderr(std::fs::File::create(&err).expect("stderr file"))
            .spawn()
            .expect("run rectify");
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break status;
            }
            if start.elapsed() > DEADLINE {
                let _ = child.kill();
                let _ = child.wait();
                panic!("rectify {args:?} still ran after {DEADLINE:?}: it hangs");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let stderr = std::fs::read_to_string(&err).unwrap_or_default();
        assert!(!stderr.contains("panicked"), "rectify panicked: {stderr}");
        let code = status
            .code()
            .unwrap_or_else(|| panic!("killed by a signal (abort?): {stderr}"));
        Run {
            code,
            stdout: std::fs::read_to_string(&out).unwrap_or_default(),
            stderr,
        }
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", self.stdout, self.stderr))
    }

    /// Exit code, stdout and stderr, for a snapshot.
    fn shown(&self) -> String {
        format!(
            "exit code: {}\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

const CHECK: [&str; 4] = ["--as-of", "2022-08-01", "--format", "json"];

fn check(dir: &Dir, extra: &[&str]) -> Run {
    let mut args = vec!["check", "good.yaml"];
    args.extend(CHECK);
    args.extend(extra);
    dir.run(&args)
}

/// The input error with `code`, else a panic listing them all.
fn input_error(report: &Value, code: &str) -> Value {
    let errors = report["input_errors"].as_array().expect("input_errors");
    let found = errors.iter().find(|e| e["code"] == code);
    found
        .cloned()
        .unwrap_or_else(|| panic!("no `{code}` in {errors:#?}"))
}

fn assert_good_checked(report: &Value) {
    let findings = report["findings"].as_array().expect("findings");
    assert!(
        findings.iter().any(|f| f["record"] == "GOOD-1"),
        "the good record was not checked: {findings:#?}"
    );
}

// ------------------------------------------------------------ ranges

#[test]
fn jobs_beyond_four_per_core_is_a_usage_error_not_an_abort() {
    let dir = Dir::new("jobs");
    let run = check(&dir, &["--jobs", "100000"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("invalid value '100000' for '--jobs <N>': `100000` is not between 1 and"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("per core)"), "{}", run.stderr);
    assert_eq!(check(&dir, &["--jobs", "1"]).code, 1);
}

#[test]
fn due_within_past_a_hundred_years_is_a_usage_error_not_a_panic() {
    let dir = Dir::new("due-within");
    for args in [
        &["check", "good.yaml", "--due-within", "7304485"][..],
        &["report", "good.yaml", "--due-within", "36501"][..],
    ] {
        let run = dir.run(args);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(run.stderr.contains("is not in 0..=36500"), "{}", run.stderr);
    }
    let run = check(&dir, &["--due-within", "36500"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_good_checked(&run.json());
}

// ------------------------------------------------- what rectify reads

#[test]
fn waiver_file_that_is_a_fifo_is_refused_without_hanging() {
    let dir = Dir::new("waiver-fifo");
    dir.fifo("waivers.yaml");
    let run = check(&dir, &["--waivers", "waivers.yaml"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let report = run.json();
    let error = input_error(&report, "waiver::unreadable");
    assert_eq!(
        error["message"],
        "cannot read waiver file: is not a regular file"
    );
    assert_good_checked(&report);
}

#[test]
fn waivers_from_dev_zero_are_refused_unread() {
    let dir = Dir::new("waiver-zero");
    let run = check(&dir, &["--waivers", "/dev/zero"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let report = run.json();
    input_error(&report, "waiver::unreadable");
    assert_good_checked(&report);
}

#[test]
fn waiver_file_over_the_size_limit_is_refused() {
    let dir = Dir::new("waiver-large");
    dir.write("waivers.yaml", "# padding\n".repeat(200));
    let run = check(
        &dir,
        &["--waivers", "waivers.yaml", "--max-file-size", "1000"],
    );
    let error = input_error(&run.json(), "waiver::unreadable");
    assert_eq!(
        error["message"],
        "cannot read waiver file: file is 2000 bytes, over the limit of 1000"
    );
}

#[test]
fn calendar_naming_dev_zero_is_refused_at_its_declaration() {
    let dir = Dir::new("calendar-zero");
    dir.write(
        "zero.rules",
        "ruleset \"r\" {\n  calendar \"/dev/zero\"\n  pipeline task: plan -> closure\n}\n",
    );
    let run = dir.run(&["rules", "check", "zero.rules"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    insta::assert_snapshot!(run.shown());
}

#[test]
fn rule_file_and_rule_test_that_are_fifos_are_refused_without_hanging() {
    let dir = Dir::new("rules-fifo");
    dir.fifo("pipe.rules");
    let run = check(&dir, &["--rules", "pipe.rules"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let error = input_error(&run.json(), "rules::unreadable");
    assert_eq!(
        error["message"],
        "cannot read rule file: is not a regular file"
    );
    dir.fifo("cases.yaml");
    let run = dir.run(&["test", "cases.yaml"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("is not a regular file"),
        "{}",
        run.stderr
    );
}

#[test]
fn fmt_refuses_a_fifo_and_bounds_stdin() {
    let dir = Dir::new("fmt-fifo");
    dir.fifo("pipe.rules");
    let run = dir.run(&["fmt", "pipe.rules"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: cannot read `pipe.rules`: is not a regular file\n"
    );
    let zero = std::fs::File::open("/dev/zero").expect("/dev/zero");
    let run = dir.run_with(&["fmt", "-"], Stdio::from(zero));
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: cannot read stdin: file is more than 67108864 bytes"),
        "{}",
        run.stderr
    );
}

// ------------------------------------------------------- output paths

#[test]
fn output_onto_an_input_is_refused_and_the_input_kept() {
    let dir = Dir::new("output-input");
    dir.write("waivers.yaml", "[]\n");
    for output in [
        &["--output", "good.yaml"][..],
        &["--output", "./good.yaml"],
        &["--report", "sarif=good.yaml"],
        &["--waivers", "waivers.yaml", "--output", "waivers.yaml"],
    ] {
        let run = check(&dir, output);
        assert_eq!(run.code, 2, "{output:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{output:?}: nothing is written");
        assert!(
            run.stderr.contains("an input of this run"),
            "{}",
            run.stderr
        );
    }
    assert_eq!(dir.read("good.yaml"), GOOD);
    assert_eq!(dir.read("waivers.yaml"), "[]\n");
    std::os::unix::fs::symlink("good.yaml", dir.path("link.yaml")).expect("symlink");
    let run = dir.run(&["report", "good.yaml", "--output", "link.yaml"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(dir.read("good.yaml"), GOOD);
    insta::assert_snapshot!(run.shown());
}

#[test]
fn output_onto_a_rule_file_is_refused() {
    let dir = Dir::new("output-rules");
    let rules = format!(
        "{RULESET}rule r {{\n  for task\n  require plan is present\n  severity error\n}}\n"
    );
    dir.write("r.rules", &rules);
    let run = check(&dir, &["--rules", "r.rules", "--output", "r.rules"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(dir.read("r.rules"), rules);
}

#[test]
fn output_dash_is_stdout() {
    let dir = Dir::new("output-dash");
    let run = check(&dir, &["--output", "-", "--report", "junit=-"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.starts_with('{'), "{}", run.stdout);
    assert!(run.stdout.contains("<testsuites"), "{}", run.stdout);
    assert!(!dir.path("-").exists(), "no file named `-`");
    let run = dir.run(&[
        "report",
        "good.yaml",
        "--as-of",
        "2022-08-01",
        "--output",
        "-",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Wuxi Municipal Government"));
    assert!(!dir.path("-").exists(), "no file named `-`");
}

#[test]
fn output_to_a_device_writes_to_it_and_keeps_it() {
    let dir = Dir::new("output-device");
    let run = check(
        &dir,
        &["--output", "/dev/null", "--report", "sarif=/dev/null"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let meta = std::fs::metadata("/dev/null").expect("/dev/null");
    assert!(!meta.is_file(), "/dev/null is still a device");
}

#[test]
fn output_to_a_fifo_writes_into_it() {
    let dir = Dir::new("output-fifo");
    let fifo = dir.fifo("pipe.json");
    let reader = std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read fifo"));
    let run = check(&dir, &["--output", "pipe.json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let text = reader.join().expect("reader");
    assert!(text.contains("\"GOOD-1\""), "{text}");
    let kind = std::fs::symlink_metadata(dir.path("pipe.json")).expect("meta");
    assert!(!kind.is_file(), "the FIFO is still a FIFO");
}

#[test]
fn output_through_a_symlink_replaces_the_target_and_keeps_the_link() {
    let dir = Dir::new("output-link");
    dir.write("out/report.json", "old");
    std::os::unix::fs::symlink("out/report.json", dir.path("latest.json")).expect("symlink");
    let run = check(&dir, &["--output", "latest.json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let link = std::fs::symlink_metadata(dir.path("latest.json")).expect("meta");
    assert!(link.file_type().is_symlink(), "the link is kept");
    assert!(dir.read("out/report.json").contains("\"GOOD-1\""));
}

#[test]
fn output_onto_a_read_only_file_is_refused() {
    let dir = Dir::new("output-readonly");
    let path = dir.write("report.json", "keep");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let run = check(&dir, &["--output", "report.json"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "error: cannot write `report.json`: the file is read-only\n"
    );
    assert_eq!(dir.read("report.json"), "keep");
}

// ---------------------------------------------------------------- fmt

const RULE: &str = "rule r {\n  for task\n  require plan is present\n  severity error\n}\n";

/// A rule file in the canonical layout.
fn formatted_rules() -> String {
    format!("{RULESET}\n{RULE}")
}

#[test]
fn fmt_writes_through_a_symlink_and_keeps_the_mode() {
    let dir = Dir::new("fmt-link");
    let target = dir.write("real.rules", formatted_rules().replace("  for", "for"));
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    std::os::unix::fs::symlink("real.rules", dir.path("link.rules")).expect("symlink");
    let run = dir.run(&["fmt", "link.rules"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let link = std::fs::symlink_metadata(dir.path("link.rules")).expect("meta");
    assert!(link.file_type().is_symlink(), "the link is kept");
    let meta = std::fs::metadata(&target).expect("meta");
    assert_eq!(meta.permissions().mode() & 0o777, 0o640);
    let run = dir.run(&["fmt", "--check", "real.rules"]);
    assert_eq!(run.code, 0, "the target was formatted: {}", run.stdout);
}

#[test]
fn fmt_keeps_the_owner_of_a_file_it_rewrites() {
    use std::os::unix::fs::MetadataExt;
    let dir = Dir::new("fmt-owner");
    let path = dir.write("owned.rules", formatted_rules().replace("  for", "for"));
    // Only root may give a file away; elsewhere the owner is already ours.
    if std::os::unix::fs::chown(&path, Some(4321), Some(4321)).is_err() {
        return;
    }
    let run = dir.run(&["fmt", "owned.rules"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let meta = std::fs::metadata(&path).expect("meta");
    assert_eq!((meta.uid(), meta.gid()), (4321, 4321));
    assert_eq!(dir.read("owned.rules"), formatted_rules());
}

#[test]
fn fmt_refuses_a_read_only_file() {
    let dir = Dir::new("fmt-readonly");
    let messy = formatted_rules().replace("  for", "for");
    let path = dir.write("ro.rules", &messy);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let run = dir.run(&["fmt", "ro.rules"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "error: cannot write `ro.rules`: the file is read-only\n"
    );
    assert_eq!(dir.read("ro.rules"), messy);
}

#[test]
fn fmt_removes_temporary_files_left_by_a_killed_run() {
    let dir = Dir::new("fmt-stale");
    dir.write("a.rules", formatted_rules().replace("  for", "for"));
    // Named as a killed `rectify fmt` left them: no process has this id.
    let stale = [".a.rules.4294967294.tmp", ".a.rules.4294967294.Xy12ab.tmp"];
    for name in stale {
        dir.write(name, "half");
    }
    let run = dir.run(&["fmt", "a.rules"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for name in stale {
        assert!(!dir.path(name).exists(), "{name} was left behind");
    }
    let left: Vec<String> = std::fs::read_dir(&dir.0)
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn fmt_never_writes_a_layout_that_does_not_parse_back() {
    let dir = Dir::new("fmt-unsafe");
    // Brackets needless for precedence keep each `and` chain under the
    // 256-operand limit; dropped, the two chains join past it.
    let chain = |n: usize| vec!["extended"; n].join(" and ");
    let rules = format!(
        "{RULESET}rule long {{\n  for task\n  require ({}) and {}\n  severity error\n}}\n",
        chain(120),
        chain(100)
    );
    dir.write("long.rules", &rules);
    let run = dir.run(&["rules", "check", "long.rules"]);
    assert_eq!(run.code, 0, "the file is valid: {}", run.stderr);
    let run = dir.run(&["fmt", "long.rules"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(dir.read("long.rules"), rules, "left as it was");
    let run = dir.run(&["fmt", "--check", "long.rules"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    insta::assert_snapshot!(run.shown());
}

#[test]
fn fmt_check_on_a_folder_without_rule_files_fails() {
    let dir = Dir::new("fmt-empty");
    std::fs::create_dir(dir.path("empty")).expect("mkdir");
    let run = dir.run(&["fmt", "--check", "empty"]);
    assert_eq!(run.code, 2);
    insta::assert_snapshot!(run.shown());
}

#[test]
fn fmt_help_says_it_rewrites_in_place() {
    let dir = Dir::new("fmt-help");
    let run = dir.run(&["fmt", "--help"]);
    assert!(
        run.stdout.starts_with("Rewrite rule files in place"),
        "{}",
        run.stdout
    );
}

// -------------------------------------------------- numbers and values

#[test]
fn penalties_over_ten_thousand_points_are_rule_errors_at_the_number() {
    let dir = Dir::new("penalty");
    dir.write(
        "big.rules",
        format!(
            "{RULESET}rule big {{\n  for task\n  require plan is present\n  severity error\n  \
             penalty 92233720368547758 points, plus 10000.01 per day late, at most 10000\n}}\n"
        ),
    );
    let run = dir.run(&["rules", "check", "big.rules"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    insta::assert_snapshot!(run.shown());
}

#[test]
fn no_finding_costs_more_than_ten_thousand_points() {
    let dir = Dir::new("penalty-total");
    dir.write(
        "r.rules",
        format!(
            "{RULESET}rule late {{\n  for task\n  require plan within 1 day after assigned\n  \
             severity error\n  penalty 10000 points, plus 10000 per day late\n}}\n"
        ),
    );
    let run = check(&dir, &["--rules", "r.rules"]);
    let report = run.json();
    let finding = &report["findings"][0];
    assert_eq!(finding["penalty"], 10000, "{finding:#}");
}

#[test]
fn quoted_record_values_are_clipped_in_messages() {
    let dir = Dir::new("long-values");
    // A long value (192 KB); a key of 300 characters (YAML keys stop at 1024).
    let (value, key) = ("污".repeat(1 << 16), "污".repeat(300));
    let record = GOOD
        .replace("GOOD-1", "LONG-1")
        .replace("in-progress", &value)
        .replace(" }", &format!(", {key}: 1 }}"));
    dir.write("long.yaml", record);
    let mut args = vec!["check", "good.yaml", "long.yaml"];
    args.extend(CHECK);
    let run = dir.run(&args);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let report = run.json();
    let clipped = format!("`{}…`", "污".repeat(80));
    for code in ["record::unknown-key", "record::unknown-status"] {
        let message = input_error(&report, code)["message"]
            .as_str()
            .expect("message")
            .to_string();
        assert!(message.len() < 400, "{code}: {} bytes", message.len());
        assert!(message.contains(&clipped), "{message}");
    }
    assert_good_checked(&report);
}

// ---------------------------------------------------------------- other

#[test]
fn a_byte_order_mark_is_no_column() {
    let dir = Dir::new("bom");
    dir.write(
        "bom.yaml",
        format!("\u{FEFF}{}", GOOD.replace("GOOD-1", "BOM-1")),
    );
    dir.write("number.yaml", "\u{FEFF}id: 5\n");
    let mut args = vec!["check", "good.yaml", "bom.yaml", "number.yaml"];
    args.extend(CHECK);
    let report = dir.run(&args).json();
    let findings = report["findings"].as_array().expect("findings");
    let bom = findings
        .iter()
        .find(|f| f["record"] == "BOM-1")
        .expect("the record after a BOM is read");
    assert_eq!(
        (bom["line"].as_u64(), bom["column"].as_u64()),
        (Some(8), Some(9))
    );
    let error = input_error(&report, "record::wrong-type");
    assert_eq!(
        (error["line"].as_u64(), error["column"].as_u64()),
        (Some(1), Some(5))
    );
}

#[test]
fn snippets_far_into_a_file_point_where_json_does() {
    // Human output finds each snippet through the line index; the place it
    // prints must be the place JSON computes, for the last record too.
    let dir = Dir::new("many");
    let records: Vec<String> = (0..2000)
        .map(|i| {
            format!(
                "- {}",
                GOOD.replace("GOOD-1", &format!("R-{i}"))
                    .replace('\n', "\n  ")
            )
        })
        .collect();
    dir.write("many.yaml", records.join("\n"));
    let json = dir.run(&[
        "check",
        "many.yaml",
        "--as-of",
        "2022-08-01",
        "--format",
        "json",
    ]);
    let report = json.json();
    let last = report["findings"]
        .as_array()
        .and_then(|f| f.last())
        .cloned()
        .expect("findings");
    let place = format!("[many.yaml:{}:{}]", last["line"], last["column"]);
    let human = dir.run(&[
        "check",
        "many.yaml",
        "--as-of",
        "2022-08-01",
        "--format",
        "human",
    ]);
    assert_eq!(human.code, 1, "{}", human.stderr);
    assert!(
        human.stdout.contains(&place),
        "{place} not in the human output"
    );
    let plain = dir.run(&[
        "check",
        "many.yaml",
        "--as-of",
        "2022-08-01",
        "--format",
        "plain",
    ]);
    let at = format!(
        "label at line {}, columns {} to",
        last["line"], last["column"]
    );
    assert!(plain.stdout.contains(&at), "{at} not in the plain output");
}
