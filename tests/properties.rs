//! Properties of whole runs over generated small ledgers: the JSON report
//! does not depend on `--jobs` or on the order files were created in (so the
//! order the file system lists them in), byte for byte. Date arithmetic against a day-by-day reference is in
//! tests/calendar.rs.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use proptest::prelude::*;

#[derive(Clone, Debug)]
struct Rec {
    /// From a small pool, so ids sometimes repeat across files.
    id: u8,
    petition: bool,
    unit: u8,
    assigned: u16,
    plan: Option<u16>,
    closure: Option<u16>,
    deadline: u16,
    accepted_by_self: bool,
    completed: bool,
}

#[derive(Clone, Debug)]
enum Form {
    Single,
    List,
    Ledger,
}

#[derive(Clone, Debug)]
struct File {
    /// Nested one level down when set, so folders are walked too.
    folder: Option<u8>,
    form: Form,
    records: Vec<Rec>,
}

fn rec() -> impl Strategy<Value = Rec> {
    (
        (0u8..40, any::<bool>(), 0u8..6, 0u16..500),
        (
            proptest::option::of(0u16..80),
            proptest::option::of(100u16..600),
            200u16..500,
            any::<bool>(),
            any::<bool>(),
        ),
    )
        .prop_map(
            |((id, petition, unit, assigned), (plan, closure, deadline, by_self, completed))| Rec {
                id,
                petition,
                unit,
                assigned,
                plan,
                closure,
                deadline,
                accepted_by_self: by_self,
                completed,
            },
        )
}

fn file() -> impl Strategy<Value = File> {
    (
        proptest::option::of(0u8..3),
        prop_oneof![Just(Form::Single), Just(Form::List), Just(Form::Ledger)],
        proptest::collection::vec(rec(), 1..5),
    )
        .prop_map(|(folder, form, mut records)| {
            if matches!(form, Form::Single) {
                records.truncate(1);
            }
            File {
                folder,
                form,
                records,
            }
        })
}

fn day(offset: u16) -> String {
    let start = jiff::civil::date(2023, 1, 2);
    start
        .checked_add(jiff::Span::new().days(i64::from(offset)))
        .map_or_else(|_| "2023-01-02".into(), |d| d.to_string())
}

/// A unit name, quoted for YAML; the last three are lookalikes of the
/// first two (one unit each, whose shown name is the first spelling met in
/// path order, whatever the thread count).
fn unit(n: u8) -> String {
    let name = [
        "Wuxi Municipal Government",
        "苏州市人民政府",
        "Nanjing Municipal Government",
        "Wuxi Municipal Government ",
        "ＷＵＸＩ municipal  government",
        "苏州市\u{200B}人民政府",
    ][n as usize % 6];
    format!("\"{name}\"")
}

/// The record's lines, without a leading `- `.
fn lines(r: &Rec, with_unit: bool) -> Vec<String> {
    let mut out = vec![format!("id: R-{:02}", r.id), "title: 太湖蓝藻打捞".into()];
    if with_unit {
        out.push(format!("responsible: {{ unit: {} }}", unit(r.unit)));
    }
    out.push(format!("assigned: {}", day(r.assigned)));
    let status = if r.completed {
        "completed"
    } else {
        "in-progress"
    };
    out.push(format!("status: {status}"));
    let mut stages = Vec::new();
    if r.petition {
        out.push("kind: petition".into());
        if let Some(p) = r.plan {
            stages.push(format!("  replied: {}", day(r.assigned + p / 4)));
        }
        if let Some(c) = r.closure {
            stages.push(format!("  closed: {}", day(r.assigned + c / 5)));
        }
    } else {
        out.push(format!("deadline: {}", day(r.assigned + r.deadline)));
        if let Some(p) = r.plan {
            stages.push(format!("  plan: {}", day(r.assigned + p)));
        }
        if let Some(c) = r.closure {
            let by = if r.accepted_by_self {
                unit(r.unit)
            } else {
                "Provincial Department".into()
            };
            stages.push(format!(
                "  acceptance: {{ date: {}, by: {by} }}",
                day(r.assigned + c - 20)
            ));
            stages.push(format!("  closure: {}", day(r.assigned + c)));
        }
    }
    if !stages.is_empty() {
        out.push("stages:".into());
        out.extend(stages);
    }
    out
}

fn text(file: &File) -> String {
    let indent = |lines: Vec<String>, first: &str, rest: &str| -> String {
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{}{l}\n", if i == 0 { first } else { rest }))
            .collect()
    };
    match file.form {
        Form::Single => indent(lines(&file.records[0], true), "", ""),
        Form::List => file
            .records
            .iter()
            .map(|r| indent(lines(r, true), "- ", "  "))
            .collect(),
        Form::Ledger => {
            let unit = unit(file.records[0].unit);
            let mut out = format!("ledger:\n  responsible: {{ unit: {unit} }}\nrecords:\n");
            for r in &file.records {
                out.push_str(&indent(lines(r, false), "  - ", "    "));
            }
            out
        }
    }
}

fn path(i: usize, file: &File) -> PathBuf {
    let name = PathBuf::from(format!("f{i:02}.yaml"));
    match file.folder {
        Some(f) => PathBuf::from(format!("d{f}")).join(name),
        None => name,
    }
}

/// A fresh folder with `files` written in the order `order` gives.
fn write(files: &[File], order: &[usize]) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let root = std::env::temp_dir().join(format!("rectify-prop-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for &i in order {
        let path = root.join(path(i, &files[i]));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&path, text(&files[i])).expect("write");
    }
    root
}

/// The JSON report of `check .` run in `dir`, and the exit code.
fn check(dir: &Path, jobs: usize) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rectify"))
        .env("RECTIFY_LANG", "en")
        .current_dir(dir)
        .args(["check", ".", "--format", "json", "--as-of", "2024-03-01"])
        .args(["--jobs", &jobs.to_string()])
        .output()
        .expect("run rectify");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn report_is_the_same_whatever_jobs_and_file_order(
        files in proptest::collection::vec(file(), 1..8),
        seed in any::<u64>(),
    ) {
        let forward: Vec<usize> = (0..files.len()).collect();
        // A permutation of the creation order from the seed.
        let mut shuffled = forward.clone();
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let reversed: Vec<usize> = forward.iter().rev().copied().collect();
        let dirs = [write(&files, &forward), write(&files, &shuffled), write(&files, &reversed)];
        let (code, expected) = check(&dirs[0], 1);
        prop_assert!(matches!(code, Some(0..=2)), "exit {code:?}");
        prop_assert!(expected.starts_with('{'), "not a JSON report: {expected}");
        let mut runs = vec![("jobs 2", check(&dirs[0], 2)), ("jobs 4", check(&dirs[0], 4))];
        runs.push(("shuffled creation order", check(&dirs[1], 2)));
        runs.push(("reversed creation order", check(&dirs[2], 1)));
        for dir in &dirs {
            let _ = std::fs::remove_dir_all(dir);
        }
        for (what, (c, report)) in runs {
            prop_assert_eq!(c, code, "exit code differs with {}", what);
            prop_assert!(report == expected, "report differs with {}", what);
        }
    }
}
