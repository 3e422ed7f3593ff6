//! Loading rule sets: rule files and the calendars they declare, from disk
//! or from the bundle built into the binary, then the semantic check; and
//! [`read_text`], the one way rectify reads any file (records, rules,
//! calendars, waivers, rule tests, files to format).
//!
//! Owns: reading rule and calendar files. Must not: print or exit.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::calendar::Calendar;
use crate::diag::{Message, Severity};
use crate::eval::{self, Plan};
use crate::outcome::{InputError, Origin, Place, SourceFile};
use crate::source::{LineIndex, Span};
use crate::syntax::{self, ast};

/// The bundled rule set, as shipped in `rules/`.
pub const BUNDLED_RULES: &str = include_str!("../rules/central-inspection.rules");
/// The bundled calendar the bundled rule set declares.
pub const BUNDLED_CALENDAR: &str = include_str!("../rules/calendars/cn.yaml");
const BUNDLED_DIR: &str = "<bundled>";

/// Loaded rule sets: the plan when everything checked, and every source
/// (rule files, then calendars) diagnostics may point into.
#[derive(Debug, Default)]
pub struct Rules {
    pub plan: Option<Plan>,
    pub files: Vec<SourceFile>,
    pub errors: Vec<InputError>,
}

/// Load rule files or folders (walked for `*.rules`); none means the bundle.
pub fn rules(paths: &[PathBuf]) -> Rules {
    rules_with(paths, &|_| None)
}

/// The text of a file held in memory instead of the one on disk (an
/// editor's unsaved buffer), by the path the walk gives; `None`: read the disk.
pub type Overlay<'a> = &'a dyn Fn(&Path) -> Option<Arc<str>>;

/// [`rules`], taking each rule file's text from `overlay` when it has one.
pub fn rules_with(paths: &[PathBuf], overlay: Overlay<'_>) -> Rules {
    let mut rules = Rules::default();
    let mut parsed: Vec<(usize, ast::File)> = Vec::new();
    for (name, text) in rule_texts(paths, overlay, &mut rules) {
        let file = rules.add(name, Some(text.clone()));
        match syntax::parse(&text) {
            Ok(ast) => parsed.push((file, ast)),
            Err(errors) => {
                let placed = errors
                    .into_iter()
                    .map(|e| InputError::placed(e, Origin::Rule, file));
                rules.errors.extend(placed);
            }
        }
    }
    if rules.files.is_empty() && rules.errors.is_empty() {
        rules
            .errors
            .push(whole_file_error("rules::none", "rules-none".into(), None));
    }
    let calendar = calendars(&mut rules, &parsed);
    let loaded_cleanly = rules.errors.is_empty();
    let texts: Vec<Arc<str>> = parsed.iter().map(|(f, _)| rules.text(*f)).collect();
    let sources: Vec<eval::Source<'_>> = parsed
        .iter()
        .zip(&texts)
        .map(|((file, ast), text)| eval::Source {
            file: *file,
            text,
            ast,
        })
        .collect();
    match eval::compile(&sources, calendar) {
        Ok(plan) if loaded_cleanly => rules.plan = Some(plan),
        Ok(_) => {}
        Err(errors) => {
            let placed = errors
                .into_iter()
                .map(|(file, e)| InputError::placed(e, Origin::Rule, file));
            rules.errors.extend(placed);
        }
    }
    rules
}

impl Rules {
    fn add(&mut self, name: String, text: Option<Arc<str>>) -> usize {
        let lines = text.as_deref().map(|t| Arc::new(LineIndex::new(t)));
        self.files.push(SourceFile { name, text, lines });
        self.files.len() - 1
    }

    fn text(&self, file: usize) -> Arc<str> {
        self.files[file]
            .text
            .clone()
            .unwrap_or_else(|| Arc::from(""))
    }
}

/// The lint warnings of rule sets that loaded and compiled, as input
/// diagnostics of severity warning.
pub fn warnings(rules: &Rules) -> Vec<InputError> {
    let Some(plan) = &rules.plan else {
        return Vec::new();
    };
    let parsed: Vec<(usize, Arc<str>, syntax::ast::File)> = rules
        .files
        .iter()
        .enumerate()
        .filter(|(_, f)| f.name.ends_with(".rules"))
        .filter_map(|(i, f)| {
            let text = f.text.clone()?;
            let ast = syntax::parse(&text).ok()?;
            Some((i, text, ast))
        })
        .collect();
    let sources: Vec<eval::Source<'_>> = parsed
        .iter()
        .map(|(file, text, ast)| eval::Source {
            file: *file,
            text,
            ast,
        })
        .collect();
    eval::lint::lint(&sources, plan)
        .into_iter()
        .map(|(file, w)| InputError::placed(w, Origin::Rule, file))
        .collect()
}

/// `(name, text)` of every rule file to load, in a stable order.
fn rule_texts(
    paths: &[PathBuf],
    overlay: Overlay<'_>,
    rules: &mut Rules,
) -> Vec<(String, Arc<str>)> {
    if paths.is_empty() {
        return vec![(
            format!("{BUNDLED_DIR}/central-inspection.rules"),
            Arc::from(BUNDLED_RULES),
        )];
    }
    let mut texts = Vec::new();
    for path in paths {
        for file in rule_files(path, overlay, rules) {
            if let Some(text) = overlay(&file) {
                texts.push((file.display().to_string(), text));
                continue;
            }
            match read_text(&file, MAX_FILE_SIZE) {
                Ok(text) => texts.push((file.display().to_string(), Arc::from(text))),
                Err(err) => {
                    let file = rules.add(file.display().to_string(), None);
                    let message = err.message("rules-unreadable");
                    rules
                        .errors
                        .push(whole_file_error("rules::unreadable", message, Some(file)));
                }
            }
        }
    }
    texts
}

fn rule_files(path: &Path, overlay: Overlay<'_>, rules: &mut Rules) -> Vec<PathBuf> {
    if !path.is_dir() {
        if !path.exists() && overlay(path).is_none() {
            let file = rules.add(path.display().to_string(), None);
            rules.errors.push(whole_file_error(
                "rules::unreadable",
                "rules-unreadable-missing".into(),
                Some(file),
            ));
            return Vec::new();
        }
        return vec![path.to_path_buf()];
    }
    files_under(path, &["rules"])
}

/// The files under `dir` whose extension is one of `extensions`, sorted;
/// see [`crate::walk::files_under`].
pub fn files_under(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    crate::walk::files_under(dir, extensions)
}

fn whole_file_error(code: &str, message: Message, file: Option<usize>) -> InputError {
    let place = file.map(|file| Place {
        file,
        span: Span::default(),
    });
    InputError::new(code, Severity::Error, message, Origin::Rule, place)
}

/// Read, parse and merge every declared calendar.
fn calendars(rules: &mut Rules, parsed: &[(usize, ast::File)]) -> Option<Calendar> {
    let mut loaded = Vec::new();
    let mut first_decl: Option<(usize, Span)> = None;
    for (file, ast) in parsed {
        for decl in ast.rulesets.iter().flat_map(|r| &r.decls) {
            let ast::Decl::Calendar(path) = decl else {
                continue;
            };
            first_decl.get_or_insert((*file, path.span));
            let name = rules.files[*file].name.clone();
            match read_calendar(&name, &path.value) {
                Ok((shown, text)) => {
                    let stem = Path::new(&path.value)
                        .file_stem()
                        .map_or("calendar".into(), |s| s.to_string_lossy().into_owned());
                    let cal_file = rules.add(shown, Some(Arc::from(text.as_str())));
                    match Calendar::parse(&stem, &text) {
                        Ok(cal) => loaded.push(cal),
                        Err(errors) => {
                            let errors = errors
                                .into_iter()
                                .map(|e| InputError::placed(e, Origin::Rule, cal_file));
                            rules.errors.extend(errors);
                        }
                    }
                }
                Err(reason) => {
                    let mut e = calendar_missing(&name, &path.value, reason);
                    e.span = path.span;
                    rules
                        .errors
                        .push(InputError::placed(e, Origin::Rule, *file));
                }
            }
        }
    }
    if loaded.is_empty() {
        return None;
    }
    match Calendar::merge(loaded) {
        Ok(cal) => Some(cal),
        Err(reason) => {
            if let Some((file, span)) = first_decl {
                let message = reason.within("rules-calendar-disagree");
                let e = crate::diag::Diagnostic::error("rules::calendar", span, message);
                rules.errors.push(InputError::placed(e, Origin::Rule, file));
            }
            None
        }
    }
}

/// Why a declared calendar could not be read (a `rules::calendar` error
/// to place at the declaration), naming the path as resolved (relative to
/// the rule file), and the calendars nearby in `help`.
fn calendar_missing(rule_file: &str, path: &str, reason: Message) -> crate::diag::Diagnostic {
    let error = |message: Message| {
        crate::diag::Diagnostic::error("rules::calendar", Span::default(), message)
    };
    let plain = || {
        error(
            reason
                .within("rules-calendar-unreadable")
                .text("path", path),
        )
    };
    if rule_file.starts_with(BUNDLED_DIR) {
        return plain();
    }
    let dir = Path::new(rule_file).parent().unwrap_or(Path::new(""));
    let resolved = dir.join(path);
    let shown = resolved.display().to_string();
    if shown == path {
        return plain();
    }
    let message = reason
        .within("rules-calendar-unreadable-resolved")
        .text("path", path)
        .text("resolved", shown);
    let e = error(message);
    match resolved.exists() {
        true => e,
        false => e.with_help(nearby_help(path, &nearby_calendars(dir))),
    }
}

/// The calendar files beside a rule file, in its `calendars/` folder and
/// in a `calendars/` folder beside its own, named as a `calendar`
/// declaration there would name them, sorted.
fn nearby_calendars(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for sub in ["", "calendars", "../calendars"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        // Only on the error path, but bounded all the same.
        let names = entries.flatten().take(200).filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let yaml = name.ends_with(".yaml") || name.ends_with(".yml");
            (yaml && looks_like_calendar(&e.path())).then_some(name)
        });
        found.extend(names.map(|n| {
            if sub.is_empty() {
                n
            } else {
                format!("{sub}/{n}")
            }
        }));
    }
    found.sort();
    found
}

/// A calendar file has a top-level `years:` (record files never do); read
/// through [`read_text`] like any file, at most 1 MiB.
fn looks_like_calendar(path: &Path) -> bool {
    read_text(path, 1 << 20).is_ok_and(|text| text.lines().any(|l| l.starts_with("years:")))
}

/// At most this many nearby calendars are listed in a `help`.
const MAX_SHOWN_CALENDARS: usize = 5;

/// "did you mean …?" for the nearby calendar closest to `path` (by path, then
/// by file name), else the list of nearby calendars, else how to get one.
fn nearby_help(path: &str, nearby: &[String]) -> Message {
    let file_name = |p: &str| p.rsplit('/').next().unwrap_or(p).to_string();
    let by_path = crate::suggest::did_you_mean(path, nearby.iter().map(String::as_str));
    let by_name = || {
        let wanted = file_name(path);
        nearby.iter().find(|n| {
            let name = file_name(n);
            name == wanted || crate::suggest::did_you_mean(&wanted, [name.as_str()]).is_some()
        })
    };
    if let Some(best) = by_path.or_else(|| by_name().map(String::as_str)) {
        return Message::new("rules-calendar-unreadable.help-suggest")
            .said("suggest", crate::diag::did_you_mean(best));
    }
    if nearby.is_empty() {
        return "rules-calendar-unreadable.help-none".into();
    }
    let shown = &nearby[..nearby.len().min(MAX_SHOWN_CALENDARS)];
    Message::new("rules-calendar-unreadable.help-nearby")
        .names("calendars", crate::diag::Join::Plain, shown)
        .count("more", nearby.len() - shown.len())
}

/// The calendar's display name and text: relative to the rule file, or from
/// the bundle for the bundled rule set; else why not (the catalogues'
/// `input-reason`).
fn read_calendar(rule_file: &str, path: &str) -> Result<(String, String), Message> {
    if let Some(rest) = rule_file.strip_prefix(BUNDLED_DIR) {
        let _ = rest;
        if path == "calendars/cn.yaml" {
            return Ok((
                format!("{BUNDLED_DIR}/{path}"),
                BUNDLED_CALENDAR.to_string(),
            ));
        }
        return Err(Message::new("input-reason").text("why", "not-in-bundle"));
    }
    let full = Path::new(rule_file)
        .parent()
        .unwrap_or(Path::new("."))
        .join(path);
    read_text(&full, MAX_FILE_SIZE)
        .map(|t| (full.display().to_string(), t))
        .map_err(|e| e.message("input-reason"))
}

/// The largest file rectify reads unless told otherwise (`--max-file-size`
/// for record and waiver files): 64 MiB.
pub const MAX_FILE_SIZE: u64 = 64 << 20;

/// Why [`read_text`] read nothing.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    Folder,
    /// A device, FIFO or socket: no size to check, and it may never end.
    NotRegular,
    /// Over the limit: the size when known before reading.
    TooLarge {
        size: Option<u64>,
        limit: u64,
    },
    /// Not UTF-8 from this byte on.
    NotUtf8 {
        at: usize,
    },
}

impl ReadError {
    /// Message `id`, whose text says `{ input-reason }`, with why nothing
    /// was read as its arguments.
    pub fn message(&self, id: &'static str) -> Message {
        let big = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        let why = |why: &str| Message::new(id).text("why", why);
        match self {
            ReadError::Io(err) => crate::diag::io_message(id, err),
            ReadError::Folder => why("folder"),
            ReadError::NotRegular => why("not-regular"),
            ReadError::TooLarge {
                size: Some(size),
                limit,
            } => why("too-large")
                .int("size", big(*size))
                .int("limit", big(*limit)),
            ReadError::TooLarge { size: None, limit } => {
                why("over-limit").int("limit", big(*limit))
            }
            ReadError::NotUtf8 { at } => why("not-utf8").int("at", big(*at as u64)),
        }
    }
}

/// In English, for callers that have no run's language (logs, errors of
/// commands that run before one is chosen).
impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message("input-reason").english())
    }
}

/// A file's text, read only when it is a regular file (symbolic links
/// followed) of at most `limit` bytes, never reading past the limit even if
/// it grows meanwhile. A FIFO or a device (`/dev/zero`) is never read, so
/// reading can neither hang nor exhaust memory: one reached through a link
/// is refused unopened, one named itself is opened without waiting and
/// refused unread.
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    utf8(read_bytes(path, limit)?)
}

/// A file's bytes (a spreadsheet), under the same rules as [`read_text`].
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Most paths are files, not links: opened at once, and looked at
    // through the open file (one path look-up, not two).
    let file = match open_unless_link(path) {
        Some(opened) => opened.map_err(ReadError::Io)?,
        None => {
            let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
            refuse(&meta, limit)?;
            open_no_wait(path).map_err(ReadError::Io)?
        }
    };
    // The path may have been replaced since it was looked at.
    let meta = file.metadata().map_err(ReadError::Io)?;
    refuse(&meta, limit)?;
    read_sized(file, meta.len(), limit)
}

/// Why a file that `meta` describes is not read, if it is not.
fn refuse(meta: &std::fs::Metadata, limit: u64) -> Result<(), ReadError> {
    if meta.is_dir() {
        return Err(ReadError::Folder);
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: Some(meta.len()),
            limit,
        });
    }
    Ok(())
}

/// `path` opened for reading unless it is a symbolic link (`None`: look
/// first, for a link may lead to a device whose opening does something).
/// A FIFO opens without waiting for a writer.
#[cfg(unix)]
fn open_unless_link(path: &Path) -> Option<std::io::Result<std::fs::File>> {
    use std::os::unix::fs::OpenOptionsExt;
    let opened = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | libc::O_NOFOLLOW)
        .open(path);
    // `O_NOFOLLOW` on a link: ELOOP (EMLINK on FreeBSD).
    match opened {
        Err(e) if matches!(e.raw_os_error(), Some(libc::ELOOP | libc::EMLINK)) => None,
        opened => Some(opened),
    }
}

#[cfg(not(unix))]
fn open_unless_link(_: &Path) -> Option<std::io::Result<std::fs::File>> {
    None
}

/// `path` opened for reading; a FIFO put in its place since it was looked
/// at opens without waiting for a writer (and is then refused).
fn open_no_wait(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_NONBLOCK | libc::O_NOCTTY,
    );
    options.open(path)
}

/// At most `limit` bytes of a regular file that held `size` bytes when it
/// was looked at. It is read asking for one byte more than that: a read
/// that stops one byte short, at `size`, has met the end, so a file that
/// did not change takes one read (no second one to find the end).
fn read_sized(mut file: std::fs::File, size: u64, limit: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let expected = usize::try_from(size.min(limit)).unwrap_or(0);
    let mut bytes = vec![0; expected + 1];
    let mut filled = 0;
    while filled < bytes.len() {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => {
                filled += n;
                if filled == expected {
                    break;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(ReadError::Io(e)),
        }
    }
    bytes.truncate(filled);
    if filled <= expected {
        return Ok(bytes);
    }
    // It grew since it was looked at: on to its end, within the limit.
    read_limited(file, limit, bytes)
}

/// At most `limit` bytes of `reader` (standard input) as text.
pub fn read_text_from(reader: impl std::io::Read, limit: u64) -> Result<String, ReadError> {
    utf8(read_limited(reader, limit, Vec::new())?)
}

/// `bytes`, then what `reader` holds after them, refused once the whole
/// passes `limit` bytes (never reading more than one byte past it).
fn read_limited(
    reader: impl std::io::Read,
    limit: u64,
    mut bytes: Vec<u8>,
) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let left = limit.saturating_add(1).saturating_sub(bytes.len() as u64);
    reader
        .take(left)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { size: None, limit });
    }
    Ok(bytes)
}

fn utf8(bytes: Vec<u8>) -> Result<String, ReadError> {
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        at: e.utf8_error().valid_up_to(),
    })
}

#[cfg(test)]
mod tests {
    use super::{ReadError, read_bytes, read_sized};
    use std::io::Write;

    fn file(bytes: &[u8]) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().expect("scratch file");
        f.write_all(bytes).expect("write");
        f
    }

    fn sized(bytes: &[u8], size: u64, limit: u64) -> Result<Vec<u8>, ReadError> {
        let f = file(bytes);
        read_sized(f.reopen().expect("reopen"), size, limit)
    }

    #[test]
    fn a_file_reads_whole_at_its_size_or_any_other() {
        let text = b"id: A-1\nkind: task\n";
        let n = text.len() as u64;
        // Unchanged, grown since it was looked at, shrunk since.
        for size in [n, 0, 1, n - 1, n + 1, 4 * n] {
            let read = sized(text, size, 1000).expect("read");
            assert_eq!(read, text, "looked at as {size} bytes");
        }
        assert_eq!(sized(b"", 0, 10).expect("read"), b"");
    }

    #[test]
    fn a_file_that_grew_past_the_limit_is_refused() {
        let text = [b'x'; 100];
        assert_eq!(sized(&text, 100, 100).expect("at the limit").len(), 100);
        let grown = sized(&text, 10, 50);
        assert!(
            matches!(
                grown,
                Err(ReadError::TooLarge {
                    size: None,
                    limit: 50
                })
            ),
            "{grown:?}"
        );
    }

    #[test]
    fn over_the_limit_or_a_folder_is_refused_unread() {
        let f = file(&[b'x'; 100]);
        let big = read_bytes(f.path(), 99);
        assert!(
            matches!(
                big,
                Err(ReadError::TooLarge {
                    size: Some(100),
                    limit: 99
                })
            ),
            "{big:?}"
        );
        let dir = tempfile::tempdir().expect("scratch");
        assert!(matches!(read_bytes(dir.path(), 99), Err(ReadError::Folder)));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_to_a_file_and_never_into_a_fifo() {
        let dir = tempfile::tempdir().expect("scratch");
        let target = dir.path().join("records.yaml");
        std::fs::write(&target, "id: A-1\n").expect("write");
        let link = dir.path().join("link.yaml");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        assert_eq!(read_bytes(&link, 100).expect("read"), b"id: A-1\n");

        let fifo = dir.path().join("pipe.yaml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        let to_fifo = dir.path().join("to-pipe.yaml");
        std::os::unix::fs::symlink(&fifo, &to_fifo).expect("symlink");
        // Neither waits for a writer.
        assert!(matches!(read_bytes(&fifo, 100), Err(ReadError::NotRegular)));
        assert!(matches!(
            read_bytes(&to_fifo, 100),
            Err(ReadError::NotRegular)
        ));
    }

    #[test]
    fn a_missing_file_says_so() {
        let dir = tempfile::tempdir().expect("scratch");
        let missing = read_bytes(&dir.path().join("gone.yaml"), 100);
        assert!(
            matches!(&missing, Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound),
            "{missing:?}"
        );
    }
}
