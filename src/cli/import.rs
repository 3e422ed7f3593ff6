//! `rectify import`: a spreadsheet ledger to record files, one ledger file
//! per responsible unit. Every cell that cannot be read is reported at its
//! place (`Sheet!C12`); when any is, nothing is written and the command
//! exits 2. Existing files are never overwritten without `--force`.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::UNTRUSTED;
use super::output;
use crate::diag::{Message, Severity};
use crate::i18n::Catalogue;
use crate::import::{self, Error, Map};
use crate::load::{self, MAX_FILE_SIZE};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The ledger: an Excel workbook (.xlsx) or a CSV file (UTF-8)
    #[arg(value_name = "LEDGER")]
    pub ledger: PathBuf,
    /// A map file (TOML) for headings, statuses and date forms the presets do not know
    #[arg(long, value_name = "MAP.toml")]
    pub map: Option<PathBuf>,
    /// The folder to write the record files into (made when missing)
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub out: PathBuf,
    /// Overwrite record files that already exist
    #[arg(long)]
    pub force: bool,
    /// Refuse a ledger or map file larger than BYTES [default: 64 MiB]
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,
}

pub fn run(args: &ImportArgs) -> u8 {
    let words = super::help::process_lang().catalogue();
    let limit = args.max_file_size.unwrap_or(MAX_FILE_SIZE);
    let name = args.ledger.display().to_string();
    let result = map(args.map.as_deref(), limit).and_then(|map| {
        let sheet = sheet(&args.ledger, &map, limit).map_err(|e| vec![*e])?;
        Ok(import::ledger(&sheet, &file_name(&args.ledger), &map))
    });
    let imported = match result {
        Ok(imported) => imported,
        Err(errors) => {
            report(&name, &errors, words);
            return UNTRUSTED;
        }
    };
    report(&name, &imported.errors, words);
    if imported.failed() {
        let n = imported
            .errors
            .iter()
            .filter(|e| e.severity == Severity::Error)
            .count();
        let message = Message::new("cli-import-problems")
            .int("n", int(n))
            .text("ledger", name.as_str());
        super::say_error(words, &message, None);
        return UNTRUSTED;
    }
    if imported.records == 0 {
        let message = Message::new("cli-import-no-rows").text("ledger", name.as_str());
        super::say_error(words, &message, None);
        return UNTRUSTED;
    }
    match write(&args.out, &imported.files, args.force, words) {
        Ok(()) => {
            let imported = Message::new("cli-import-done")
                .int("records", int(imported.records))
                .int("files", int(imported.files.len()))
                .text("folder", args.out.display().to_string());
            eprintln!("{}", imported.say(words));
            0
        }
        Err((message, help)) => {
            if let Some(help) = help {
                eprintln!(
                    "{}\n  = {}",
                    super::error_line(words, &message.say(words)),
                    super::help_line(words, &help.say(words))
                );
            } else {
                super::say_error(words, &message, None);
            }
            UNTRUSTED
        }
    }
}

fn map(path: Option<&Path>, limit: u64) -> Result<Map, Vec<Error>> {
    let Some(path) = path else {
        return Ok(Map::preset());
    };
    let text = load::read_text(path, limit).map_err(|e| {
        let message = Message::new("import-unreadable-map")
            .text("file", path.display().to_string())
            .text("reason", e.to_string());
        vec![unreadable(message)]
    })?;
    Map::parse(&text, &path.display().to_string())
}

/// The sheet to import, read within the size limit.
fn sheet(path: &Path, map: &Map, limit: u64) -> Result<import::Sheet, Box<Error>> {
    let cannot = |e: load::ReadError| {
        let message = Message::new("import-unreadable")
            .text("file", path.display().to_string())
            .text("reason", e.to_string());
        Box::new(unreadable(message))
    };
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("csv") => {
            let text = load::read_text(path, limit).map_err(cannot)?;
            let stem = path
                .file_stem()
                .map_or(String::new(), |s| s.to_string_lossy().into_owned());
            import::read::csv(&text, &stem)
        }
        Some("xlsx" | "xlsm") => {
            let bytes = load::read_bytes(path, limit).map_err(cannot)?;
            import::read::xlsx(bytes, map.sheet.as_deref())
        }
        _ => {
            let message =
                Message::new("import-not-a-ledger").text("file", path.display().to_string());
            Err(unreadable(message).help("import-save-as").into())
        }
    }
}

fn unreadable(message: Message) -> Error {
    Error::new(import::codes::UNREADABLE, None, message)
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Each problem on stderr: the code and message, where, and the advice.
fn report(ledger: &str, errors: &[Error], words: &Catalogue) {
    let mut err = std::io::stderr().lock();
    for e in errors {
        let _ = write!(err, "{}", render(ledger, e, words));
    }
}

/// One problem as text, in the language of `words`, as [`report`] prints it.
pub fn render(ledger: &str, e: &Error, words: &Catalogue) -> String {
    let level = e.severity.as_str();
    let mut text = format!("{level}[{}]: {}\n", e.code, e.message.say(words));
    if let Some(place) = &e.place {
        text.push_str(&format!("  --> {ledger}: {}\n", place.say(words)));
    }
    if let Some(help) = &e.help {
        text.push_str(&format!("  = help: {}\n", help.say(words)));
    }
    text
}

/// Write every file into `dir`, after making sure none exists (unless
/// `force`): a refusal writes nothing.
fn write(
    dir: &Path,
    files: &[(String, String)],
    force: bool,
    words: &Catalogue,
) -> Result<(), (Message, Option<Message>)> {
    let paths: Vec<PathBuf> = files.iter().map(|(name, _)| dir.join(name)).collect();
    if !force {
        let existing: Vec<String> = paths
            .iter()
            .filter(|p| p.symlink_metadata().is_ok())
            .map(|p| p.display().to_string())
            .collect();
        if !existing.is_empty() {
            let message = Message::new("cli-import-exists")
                .int("n", int(existing.len()))
                .names("files", crate::diag::Join::Plain, &existing);
            return Err((message, Some("cli-import-exists.help".into())));
        }
    }
    let cannot = |id: &'static str, path: &Path, e: &std::io::Error| {
        let message = Message::new(id)
            .text("file", path.display().to_string())
            .text("reason", output::io_reason(e, words));
        (message, None)
    };
    std::fs::create_dir_all(dir).map_err(|e| cannot("cli-import-cannot-make", dir, &e))?;
    for (path, (_, text)) in paths.iter().zip(files) {
        output::write(path, |out| out.write_all(text.as_bytes()))
            .map_err(|e| cannot("cli-cannot-write-file", path, &e))?;
    }
    Ok(())
}

/// A count as a catalogue number.
fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
