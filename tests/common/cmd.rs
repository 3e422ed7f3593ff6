//! Running the built binary from the crate root, as the CLI tests do:
//! `GITHUB_ACTIONS` unset and `NO_COLOR` set, so output is the same on a
//! laptop and in CI.

use std::process::Command;

/// `rectify ARGS…` from the crate root: the exit code, stdout and stderr.
#[allow(dead_code)]
pub fn rectify(args: &[&str]) -> (i32, String, String) {
    rectify_in(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// `rectify ARGS…` run in `dir`: the exit code, stdout and stderr.
pub fn rectify_in(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rectify"))
        .env("RECTIFY_LANG", "en")
        .args(args)
        .current_dir(dir)
        .env_remove("GITHUB_ACTIONS")
        .env("NO_COLOR", "1")
        .output()
        .expect("rectify runs");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

/// `rectify ARGS…` run in `dir` with no language variable in the
/// environment (`RECTIFY_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG`) but `vars`.
#[allow(dead_code)]
pub fn rectify_env(
    dir: &std::path::Path,
    args: &[&str],
    vars: &[(&str, &str)],
) -> (i32, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rectify"));
    command
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_ACTIONS");
    for var in ["RECTIFY_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(var);
    }
    for (name, value) in vars {
        command.env(name, value);
    }
    let out = command.output().expect("rectify runs");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

/// `rectify ARGS… --lang LANG --format FORMAT --color never` from the crate
/// root with no language variable in the environment: one command said in
/// one language and format.
#[allow(dead_code)]
pub fn rectify_said(args: &[&str], lang: &str, format: &str) -> (i32, String, String) {
    let mut args = args.to_vec();
    args.extend(["--lang", lang, "--format", format, "--color", "never"]);
    rectify_env(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), &args, &[])
}
