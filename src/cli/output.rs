//! Where reports and formatted rule files are written.
//!
//! - `-` is stdout.
//! - A regular file (or a new one) is replaced atomically: the text goes to
//!   a temporary file beside it, which is renamed over it, so a reader never
//!   sees half a file. The old file's permissions and owner are kept; a
//!   read-only file is refused, as the shell's `>` would refuse it.
//! - A symbolic link is followed: its target is replaced and the link kept.
//! - A device or a FIFO (`/dev/null`, `/dev/stderr`, a pipe) is written
//!   directly, never replaced by a regular file.
//! - A file the run read is never overwritten ([`overwrites_input`]).
//!
//! Temporary files are named `.NAME.PID.RANDOM.tmp`; one left behind by a
//! process that no longer runs (killed mid-write) is removed the next time
//! the same file is written.

use crate::diag::Message;
use crate::i18n::Catalogue;
use std::fs::{self, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// `-`: stdout rather than a file of that name.
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Say why an Excel workbook is not written to a terminal.
pub fn refuse_binary_to_terminal(words: &Catalogue) {
    eprintln!(
        "{}\n  = {}",
        super::error_line(words, &words.text("cli-binary-to-terminal")),
        super::help_line(words, &words.text("cli-binary-to-terminal.help"))
    );
}

/// Why rectify itself will not write an output (a dangling link, a
/// read-only file), carried in an `io::Error` so the command says it in
/// the run's language ([`io_reason`]); English elsewhere.
#[derive(Debug)]
pub struct Refused(pub Message);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.english())
    }
}

impl std::error::Error for Refused {}

fn refused(kind: io::ErrorKind, message: Message) -> io::Error {
    io::Error::new(kind, Refused(message))
}

/// Why reading or writing failed, in `words`' language: rectify's own
/// refusal, or the system's reason said by its kind when the catalogues
/// have words for it ([`crate::diag::io_message`]), its own text only
/// when they do not.
pub fn io_reason(error: &io::Error, words: &Catalogue) -> String {
    match error.get_ref().and_then(|e| e.downcast_ref::<Refused>()) {
        Some(Refused(message)) => message.say(words),
        // Why the system refused, in the run's words when rectify has them.
        None => crate::diag::io_message("input-reason", error).say(words),
    }
}

/// Write what `render` produces to `path`, as the module says.
pub fn write(path: &Path, render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    if is_stdout(path) {
        return write_stdout(render);
    }
    let target = follow(path)?;
    match fs::metadata(&target) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => {
            let mut out = BufWriter::new(OpenOptions::new().write(true).open(&target)?);
            render(&mut out)?;
            out.flush()
        }
        _ => replace(&target, render),
    }
}

/// Render to stdout; a closed pipe (`rectify check | head`) is not an error.
pub fn write_stdout(render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    match render(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// The file a symbolic link points to (through every link), or the path.
fn follow(path: &Path) -> io::Result<PathBuf> {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(path.to_path_buf());
    }
    fs::canonicalize(path)
        .map_err(|_| refused(io::ErrorKind::NotFound, "cli-output-dangling-link".into()))
}

/// Render into a temporary file beside `path`, then rename it over `path`.
pub fn replace(
    path: &Path,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| {
            refused(
                io::ErrorKind::InvalidInput,
                "cli-output-not-a-file-name".into(),
            )
        })?
        .to_string_lossy()
        .into_owned();
    let old = fs::metadata(path).ok();
    if old.as_ref().is_some_and(|m| m.permissions().readonly()) {
        return Err(refused(
            io::ErrorKind::PermissionDenied,
            "cli-output-read-only".into(),
        ));
    }
    remove_stale(dir, &name);
    let temp = tempfile::Builder::new()
        .prefix(&format!(".{name}.{}.", std::process::id()))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    if let Some(old) = &old {
        fs::set_permissions(temp.path(), old.permissions())?;
        keep_owner(temp.path(), old)?;
    }
    let mut out = BufWriter::new(temp.as_file());
    render(&mut out)?;
    out.flush()?;
    drop(out);
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Give the new file the old one's owner and group (a no-op when they are
/// already ours); when that is not allowed, refuse rather than change them.
#[cfg(unix)]
fn keep_owner(temp: &Path, old: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let new = fs::metadata(temp)?;
    if (new.uid(), new.gid()) == (old.uid(), old.gid()) {
        return Ok(());
    }
    std::os::unix::fs::chown(temp, Some(old.uid()), Some(old.gid())).map_err(|_| {
        let owner = Message::new("cli-output-owner")
            .int("user", i64::from(old.uid()))
            .int("group", i64::from(old.gid()));
        refused(io::ErrorKind::PermissionDenied, owner)
    })
}

#[cfg(not(unix))]
fn keep_owner(_: &Path, _: &fs::Metadata) -> io::Result<()> {
    Ok(())
}

/// Remove `.NAME.PID[.RANDOM].tmp` files beside `NAME` left by processes
/// that no longer run. Where process ids cannot be looked up (no `/proc`),
/// only those a day old are taken as stale.
fn remove_stale(dir: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(pid) = file
            .to_str()
            .and_then(|f| f.strip_prefix(&prefix))
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|rest| rest.split('.').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && pid != std::process::id() && !running(pid, &entry) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn running(pid: u32, entry: &fs::DirEntry) -> bool {
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return proc.join(pid.to_string()).exists();
    }
    let age = entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok());
    age.is_none_or(|age| age.as_secs() < 24 * 60 * 60)
}

/// The input among `inputs` that writing to `output` would overwrite: the
/// same file, whatever the spelling (a relative path, `./`, a link).
pub fn overwrites_input<'a>(
    output: &Path,
    inputs: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    if is_stdout(output) {
        return None;
    }
    let meta = fs::metadata(output).ok().filter(fs::Metadata::is_file)?;
    inputs.into_iter().find(|input| {
        fs::metadata(input)
            .ok()
            .is_some_and(|other| same_file(&meta, &other, output, Path::new(input)))
    })
}

/// Print an error for each output that would overwrite a file the run
/// read; true when there was one, and so nothing may be written.
pub fn refuse_inputs<'a>(
    outputs: impl IntoIterator<Item = &'a Path>,
    outcome: &crate::outcome::Outcome,
    words: &Catalogue,
) -> bool {
    let inputs = || {
        let records = outcome.files.iter().map(|f| f.name.as_str());
        records.chain(outcome.rule_files.iter().map(|f| f.name.as_str()))
    };
    let mut refused = false;
    for output in outputs {
        if let Some(input) = overwrites_input(output, inputs()) {
            let message = Message::new("cli-output-is-input")
                .text("file", output.display().to_string())
                .text("input", input);
            super::say_error(words, &message, Some(&"cli-output-is-input.help".into()));
            refused = true;
        }
    }
    refused
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata, _: &Path, _: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata, a: &Path, b: &Path) -> bool {
    matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(a), Ok(b)) if a == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("rectify-output-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn output_file_is_replaced_whole() {
        let dir = temp_dir("whole");
        let path = dir.join("report.json");
        fs::write(&path, "old").expect("seed");
        write(&path, |out| out.write_all(b"new\n")).expect("write");
        assert_eq!(fs::read_to_string(&path).expect("read"), "new\n");
        let failed = write(&path, |_| Err(io::Error::other("boom")));
        assert!(failed.is_err());
        assert_eq!(
            fs::read_to_string(&path).expect("read"),
            "new\n",
            "a failed render leaves the old file"
        );
        assert_eq!(
            fs::read_dir(&dir).expect("list").count(),
            1,
            "no temporary file left behind"
        );
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn unwritable_output_is_an_error() {
        let path = Path::new("/nonexistent-rectify-dir/report.json");
        assert!(write(path, |out| out.write_all(b"x")).is_err());
    }

    #[test]
    fn stale_temporary_files_of_dead_processes_are_removed() {
        let dir = temp_dir("stale");
        let path = dir.join("a.rules");
        // No process has id u32::MAX - 1; our own temp files are left alone.
        let dead = dir.join(format!(".a.rules.{}.tmp", u32::MAX - 1));
        let dead_random = dir.join(format!(".a.rules.{}.x1Y2z3.tmp", u32::MAX - 1));
        let ours = dir.join(format!(".a.rules.{}.keep.tmp", std::process::id()));
        let other = dir.join(".b.rules.4294967294.tmp");
        for p in [&dead, &dead_random, &ours, &other] {
            fs::write(p, "x").expect("seed");
        }
        write(&path, |out| out.write_all(b"new\n")).expect("write");
        if Path::new("/proc/self").exists() {
            assert!(!dead.exists() && !dead_random.exists());
        }
        assert!(ours.exists() && other.exists());
        let _ = fs::remove_dir_all(&dir);
    }
}
