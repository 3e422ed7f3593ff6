//! Finding files under folders: ripgrep's walker (the `ignore` crate) with
//! rectify's guarantees on top.
//!
//! - Hidden files and folders are skipped unless [`Discovery::hidden`]; a
//!   hidden file named like a wanted one, and an ignore file below the
//!   project root, are listed in [`Walked::skipped`] for a note.
//! - `.ignore` files are honoured everywhere, `.gitignore` (and
//!   `.git/info/exclude`, the global git excludes) inside a git repository
//!   only, as ripgrep does; [`Discovery::respect_ignore`] turns all of them off.
//! - `exclude` globs (gitignore syntax, relative to the working folder) skip
//!   what they match.
//! - Symbolic links are never followed, so a link loop is never entered; a
//!   link named like a wanted file is reported as skipped.
//! - A FIFO, socket or device named like a wanted file is reported as
//!   skipped: it is never opened, so it cannot hang a run.
//! - The files come back sorted, so a run is deterministic.
//!
//! A file named on the command line is taken whatever its name, unless
//! [`Discovery::force_exclude`] says to apply `records` and `exclude` to it.
//!
//! Owns: which files a run reads. Must not: read them, print or exit.

use std::path::{Component, Path, PathBuf};

use ignore::WalkBuilder;
use ignore::overrides::{Override, OverrideBuilder};

use crate::diag::{Message, Severity};

/// How folders are walked and which named files are kept.
#[derive(Clone, Debug, Default)]
pub struct Discovery {
    /// Walk hidden files and folders too (`--hidden`).
    pub hidden: bool,
    /// Do not honour `.gitignore`/`.ignore` files (`--no-ignore`).
    pub no_ignore: bool,
    /// Globs (gitignore syntax) of paths never read (`exclude`).
    pub exclude: Vec<String>,
    /// Globs of record files (the glob entries of `records`), relative to
    /// the working folder.
    pub globs: Vec<String>,
    /// Also walk the working folder for files matching `globs` (when the
    /// record paths are the configured ones, not the command line's).
    pub walk_globs: bool,
    /// The record paths a project declares (`records`); with
    /// [`Discovery::force_exclude`], named files outside them are skipped.
    pub records: Vec<PathBuf>,
    /// Apply `records` and `exclude` to files named on the command line.
    pub force_exclude: bool,
    /// Skip, with a note, files named like other tools' configuration
    /// (`mkdocs.yml`) met while walking (when no `rectify.toml` says where
    /// the records are).
    pub skip_tool_configs: bool,
    /// Files and folders that are never records (rule folders, waiver files).
    pub not_records: Vec<PathBuf>,
    /// Threads that read folders; 0 or 1: the calling thread alone.
    pub threads: usize,
}

/// A problem met while walking, about one path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub code: &'static str,
    pub severity: Severity,
    pub message: Message,
}

/// What a walk found.
#[derive(Clone, Debug, Default)]
pub struct Walked {
    /// The files to read, sorted, each once.
    pub files: Vec<PathBuf>,
    pub problems: Vec<Problem>,
    /// Files left out on purpose, and why (for a note).
    pub skipped: Vec<(PathBuf, Message)>,
}

/// Names other tools give their YAML configuration; see
/// [`Discovery::skip_tool_configs`].
const TOOL_CONFIGS: &[&str] = &[
    ".codecov",
    ".gitlab-ci",
    ".golangci",
    ".pre-commit-config",
    ".pre-commit-hooks",
    ".readthedocs",
    ".travis",
    ".yamllint",
    "action",
    "appveyor",
    "azure-pipelines",
    "bitbucket-pipelines",
    "buf",
    "buf.gen",
    "chart",
    "cloudbuild",
    "codecov",
    "compose",
    "dependabot",
    "docker-compose",
    "mkdocs",
    "pnpm-lock",
    "pnpm-workspace",
    "serverless",
];

/// Why a tool configuration is skipped (a catalogue id).
pub const TOOL_CONFIG: &str = "walk-skipped-tool-config";

/// Whether `path` is named like another tool's configuration file.
pub fn is_tool_config(path: &Path) -> bool {
    let Some(stem) = path.file_stem() else {
        return false;
    };
    match stem.to_str().filter(|s| s.is_ascii()) {
        // Most names: no copy to lower-case them.
        Some(ascii) => TOOL_CONFIGS.iter().any(|c| c.eq_ignore_ascii_case(ascii)),
        None => TOOL_CONFIGS.contains(&stem.to_string_lossy().to_lowercase().as_str()),
    }
}

/// Walk `paths` (empty: the working folder, or only the `globs`) for files
/// whose extension is one of `extensions`.
pub fn walk(paths: &[PathBuf], extensions: &[&str], discovery: &Discovery) -> Walked {
    let mut walked = Walked::default();
    let exclude = overrides(&discovery.exclude, false, &mut walked);
    let record_globs = overrides(&discovery.globs, true, &mut walked);
    let globbing = discovery.walk_globs && !discovery.globs.is_empty();
    let roots: Vec<PathBuf> = if paths.is_empty() && !globbing {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    for root in &roots {
        match std::fs::metadata(root) {
            Ok(meta) if meta.is_dir() => {
                walk_dir(root, extensions, discovery, exclude.clone(), &mut walked)
            }
            Ok(_)
                if discovery.force_exclude
                    && !wanted_by_project(root, discovery, &exclude, &record_globs) =>
            {
                let why = "walk-skipped-force-exclude".into();
                walked.skipped.push((root.clone(), why));
            }
            Ok(_) => walked.files.push(root.clone()),
            Err(err) => walked.problems.push(Problem {
                path: root.clone(),
                code: "input::unreadable",
                severity: Severity::Error,
                message: crate::diag::io_message("input-unreadable-path", &err),
            }),
        }
    }
    if globbing {
        let mut globs = discovery.globs.clone();
        globs.extend(discovery.exclude.iter().map(|g| format!("!{g}")));
        let filter = overrides(&globs, true, &mut walked);
        walk_dir(Path::new("."), extensions, discovery, filter, &mut walked);
    }
    for (path, _) in &mut walked.skipped {
        *path = tidy(path);
    }
    for path in &mut walked.files {
        if !is_tidy(path) {
            *path = tidy(path);
        }
    }
    // Each folder's files are in order; several roots or globs still need
    // it.
    if roots.len() + usize::from(globbing) > 1 {
        walked.files.sort_by_cached_key(|p| path_key(p));
        walked.files.dedup();
    }
    walked
}

/// The files under `dir` whose extension is one of `extensions`, sorted,
/// walked with the default [`Discovery`] (for rule, test and calendar folders).
pub fn files_under(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    walk(&[dir.to_path_buf()], extensions, &Discovery::default()).files
}

/// An [`Override`] matcher from globs; a bad glob is a problem (config
/// globs are checked when the file is parsed, so this is a safety net).
fn overrides(globs: &[String], positive: bool, walked: &mut Walked) -> Override {
    let mut builder = OverrideBuilder::new(".");
    for glob in globs {
        let pattern = if positive || glob.starts_with('!') {
            glob.clone()
        } else {
            format!("!{glob}")
        };
        if let Err(e) = builder.add(&pattern) {
            walked.problems.push(Problem {
                path: PathBuf::from(glob),
                code: "input::bad-glob",
                severity: Severity::Error,
                message: Message::new("input-bad-glob").text("reason", e.to_string()),
            });
        }
    }
    builder.build().unwrap_or_else(|_| Override::empty())
}

fn walk_dir(
    root: &Path,
    extensions: &[&str],
    discovery: &Discovery,
    filter: Override,
    walked: &mut Walked,
) {
    let respect = !discovery.no_ignore;
    let not_records: Vec<PathBuf> = discovery.not_records.iter().map(|p| tidy(p)).collect();
    let hidden = discovery.hidden;
    // Hidden folders are pruned here; hidden files are left to `visit`,
    // which notes the ones that could have been records.
    let keep = move |e: &ignore::DirEntry| {
        e.depth() == 0
            || ((not_records.is_empty() || !not_records.contains(&tidy(e.path())))
                && (hidden || !is_hidden(e) || !e.file_type().is_some_and(|t| t.is_dir())))
    };
    let mut builder = WalkBuilder::new(root);
    builder
        .follow_links(false)
        .hidden(false)
        .ignore(respect)
        .git_ignore(respect)
        .git_exclude(respect)
        .git_global(respect)
        .parents(respect)
        .require_git(true)
        .overrides(filter)
        .filter_entry(keep);
    let (files, problems, skipped) = (
        walked.files.len(),
        walked.problems.len(),
        walked.skipped.len(),
    );
    if discovery.threads > 1 {
        let collect = Collect {
            found: std::sync::Mutex::new(std::mem::take(walked)),
            root,
            extensions,
            discovery,
        };
        builder
            .threads(discovery.threads)
            .build_parallel()
            .visit(&mut Collectors(&collect));
        // A visitor that panicked poisons the lock; what it found is kept.
        *walked = (collect.found.into_inner()).unwrap_or_else(|e| e.into_inner());
    } else {
        for entry in builder.build() {
            visit(entry, root, extensions, discovery, walked);
        }
    }
    // In path order whatever order the folders were read in (and however
    // many threads read them): sorting keys, not paths, which compare part
    // by part.
    walked.files[files..].sort_by_cached_key(|p| path_key(p));
    walked.problems[problems..].sort_by_cached_key(|p| path_key(&p.path));
    walked.skipped[skipped..].sort_by_cached_key(|(p, _)| path_key(p));
}

/// What the threads of a parallel walk found. Each thread keeps its own
/// list ([`Collector`]) and adds it here once, when it is done: a lock
/// per entry made the threads queue for it.
struct Collect<'a> {
    found: std::sync::Mutex<Walked>,
    root: &'a Path,
    extensions: &'a [&'a str],
    discovery: &'a Discovery,
}

/// Makes each walking thread's [`Collector`].
struct Collectors<'s, 'a>(&'s Collect<'a>);

/// One walking thread's part of a [`Collect`].
struct Collector<'s, 'a> {
    one: Walked,
    into: &'s Collect<'a>,
}

impl<'s, 'a: 's> ignore::ParallelVisitorBuilder<'s> for Collectors<'s, 'a> {
    fn build(&mut self) -> Box<dyn ignore::ParallelVisitor + 's> {
        Box::new(Collector {
            one: Walked::default(),
            into: self.0,
        })
    }
}

impl ignore::ParallelVisitor for Collector<'_, '_> {
    fn visit(&mut self, entry: Result<ignore::DirEntry, ignore::Error>) -> ignore::WalkState {
        let into = self.into;
        visit(
            entry,
            into.root,
            into.extensions,
            into.discovery,
            &mut self.one,
        );
        ignore::WalkState::Continue
    }
}

impl Drop for Collector<'_, '_> {
    fn drop(&mut self) {
        let mut found = (self.into.found.lock()).unwrap_or_else(|e| e.into_inner());
        found.files.append(&mut self.one.files);
        found.problems.append(&mut self.one.problems);
        found.skipped.append(&mut self.one.skipped);
    }
}

/// What one entry of a walk adds to `walked`.
fn visit(
    entry: Result<ignore::DirEntry, ignore::Error>,
    root: &Path,
    extensions: &[&str],
    discovery: &Discovery,
    walked: &mut Walked,
) {
    let (hidden, respect) = (discovery.hidden, !discovery.no_ignore);
    let wanted = |p: &Path| {
        p.extension()
            .is_some_and(|x| extensions.iter().any(|e| x == *e))
    };
    let entry = match entry {
        Ok(entry) => entry,
        Err(err) => {
            walked.problems.push(problem(&err, root));
            return;
        }
    };
    let path = entry.path();
    let Some(kind) = entry.file_type() else {
        return;
    };
    if !hidden && is_hidden(&entry) {
        if let Some(why) = hidden_note(path, wanted(path), respect) {
            walked.skipped.push((path.to_path_buf(), why.into()));
        }
        return;
    }
    if kind.is_dir() || !wanted(path) {
        return;
    }
    if kind.is_file() {
        if discovery.skip_tool_configs && is_tool_config(path) {
            walked
                .skipped
                .push((path.to_path_buf(), TOOL_CONFIG.into()));
        } else {
            walked.files.push(entry.into_path());
        }
    } else {
        walked.problems.push(not_followed(path, kind.is_symlink()));
    }
}

/// A key whose byte order is the order of paths (part by part, as
/// [`Path`]'s `Ord` compares them): each part as a tag, its bytes and a
/// zero byte, which no part holds.
fn path_key(path: &Path) -> Vec<u8> {
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut key = Vec::with_capacity(bytes.len() + 8);
    for part in path.components() {
        match part {
            Component::Prefix(p) => {
                key.push(1);
                key.extend_from_slice(p.as_os_str().as_encoded_bytes());
            }
            Component::RootDir => key.push(2),
            Component::CurDir => key.push(3),
            Component::ParentDir => key.push(4),
            Component::Normal(name) => {
                key.push(5);
                key.extend_from_slice(name.as_encoded_bytes());
            }
        }
        key.push(0);
    }
    key
}

/// A file or folder whose name starts with a dot, below the walk's root.
fn is_hidden(entry: &ignore::DirEntry) -> bool {
    entry.depth() > 0 && is_dot_name(entry.file_name())
}

/// A name that hides its file or folder: one that starts with a dot.
fn is_dot_name(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// Why a hidden file deserves a note: one named like a record (and not
/// like a tool's configuration) could be a record someone hid; an ignore
/// file below the project root decides what is read, and whoever wrote
/// the files beside it may have written it. The note is a catalogue id.
fn hidden_note(path: &Path, wanted: bool, respect: bool) -> Option<&'static str> {
    let name = path.file_name()?.to_string_lossy();
    let below_root = tidy(path)
        .parent()
        .is_some_and(|p| !p.as_os_str().is_empty());
    if respect && below_root && (name == ".gitignore" || name == ".ignore") {
        return Some("walk-skipped-ignore-file");
    }
    (wanted && !is_tool_config(path)).then_some("walk-skipped-hidden")
}

/// A link or a special file named like a wanted file: skipped, with a warning.
fn not_followed(path: &Path, link: bool) -> Problem {
    let (code, message) = if link {
        ("input::symlink", "input-symlink")
    } else {
        ("input::not-regular", "input-not-regular")
    };
    Problem {
        path: tidy(path),
        code,
        severity: Severity::Warning,
        message: message.into(),
    }
}

/// A walk error: an unreadable folder or file is an error; a problem with
/// an ignore file (a bad glob in `.gitignore`) a warning.
fn problem(err: &ignore::Error, root: &Path) -> Problem {
    let path = error_path(err).map_or_else(|| root.to_path_buf(), Path::to_path_buf);
    match io_error(err) {
        Some(io) => Problem {
            path: tidy(&path),
            code: "input::unreadable",
            severity: Severity::Error,
            message: crate::diag::io_message("input-unreadable-path", io),
        },
        None => Problem {
            path: tidy(&path),
            code: "input::ignore-file",
            severity: Severity::Warning,
            message: Message::new("input-ignore-file").text("reason", lowercase(&err.to_string())),
        },
    }
}

fn error_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Partial(errs) => errs.first().and_then(error_path),
        _ => None,
    }
}

fn io_error(err: &ignore::Error) -> Option<&std::io::Error> {
    match err {
        ignore::Error::Io(io) => Some(io),
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => io_error(err),
        _ => None,
    }
}

fn lowercase(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether a file named on the command line belongs to the project's
/// records: under a `records` path or matching a `records` glob, and not
/// matching `exclude` (itself or a folder above it).
/// Whether `path` (relative to the working folder), were it a file on
/// disk, is one of the project's record files: a `*.yaml`/`*.yml` inside
/// the record `paths` (the working folder when there are none) or the
/// project's `records`, and not excluded. For buffers an editor has open
/// before they are saved.
pub fn is_record_path(path: &Path, paths: &[PathBuf], discovery: &Discovery) -> bool {
    let yaml = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e == "yaml" || e == "yml");
    let path = tidy(path);
    let hidden = path
        .components()
        .any(|c| matches!(c, Component::Normal(n) if is_dot_name(n)));
    if !yaml || path.is_absolute() || (hidden && !discovery.hidden) {
        return false;
    }
    if discovery
        .not_records
        .iter()
        .any(|n| path.starts_with(tidy(n)))
    {
        return false;
    }
    let mut walked = Walked::default();
    let exclude = overrides(&discovery.exclude, false, &mut walked);
    let globs = overrides(&discovery.globs, true, &mut walked);
    let under_paths = paths.is_empty()
        || paths
            .iter()
            .map(|p| tidy(p))
            .any(|p| p.as_os_str().is_empty() || path.starts_with(&p));
    under_paths && wanted_by_project(&path, discovery, &exclude, &globs)
}

fn wanted_by_project(
    path: &Path,
    discovery: &Discovery,
    exclude: &Override,
    globs: &Override,
) -> bool {
    let path = tidy(path);
    let ancestors = || path.ancestors().filter(|a| !a.as_os_str().is_empty());
    if ancestors().any(|a| exclude.matched(a, a != path).is_ignore()) {
        return false;
    }
    if discovery.records.is_empty() && discovery.globs.is_empty() {
        return true;
    }
    let under = discovery
        .records
        .iter()
        .map(|r| tidy(r))
        .any(|r| r.as_os_str().is_empty() || path.starts_with(&r));
    under || (!globs.is_empty() && globs.matched(&path, false).is_whitelist())
}

/// `./a/../b/x.yaml` as `b/x.yaml`: the lexical form (links are not
/// resolved, so a link named on the command line stays a link).
pub fn tidy(path: &Path) -> PathBuf {
    if is_tidy(path) {
        return path.to_path_buf();
    }
    rebuild(path)
}

/// [`tidy`] the slow way: part by part.
fn rebuild(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Whether [`tidy`] would give `path` back as it is: no `.` or `..`, no
/// empty part (`a//b`) and no trailing `/` (what a walk below a tidy root
/// gives, found without building the path again).
fn is_tidy(path: &Path) -> bool {
    let bytes = path.as_os_str().as_encoded_bytes();
    let rest = bytes.strip_prefix(b"/").unwrap_or(bytes);
    !rest.is_empty()
        && rest
            .split(|&b| b == b'/')
            .all(|part| !matches!(part, b"" | b"." | b".."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_is_lexical() {
        assert_eq!(
            tidy(Path::new("./a/../b/./x.yaml")),
            PathBuf::from("b/x.yaml")
        );
        assert_eq!(tidy(Path::new("../x.yaml")), PathBuf::from("../x.yaml"));
        assert_eq!(tidy(Path::new("/r/a/../x")), PathBuf::from("/r/x"));
        assert_eq!(tidy(Path::new(".")), PathBuf::new());
    }

    #[test]
    fn a_tidy_path_is_known_without_rebuilding_it() {
        // Each against the slow way: rebuilt part by part.
        for p in [
            "a/b.yaml",
            "/r/x",
            "./a",
            "a/./b",
            "a/../b",
            "../x",
            "a//b",
            "a/",
            "/",
            "",
            ".",
            "..",
            ".hidden/x",
            "a/.b",
            "a/..b",
            "...",
            "/./a",
            "//a",
        ] {
            let p = Path::new(p);
            assert_eq!(tidy(p), rebuild(p), "{p:?}");
            if is_tidy(p) {
                assert_eq!(p.as_os_str(), rebuild(p).as_os_str(), "{p:?}");
            }
        }
    }

    #[test]
    fn path_keys_order_paths_as_paths_order() {
        let paths = [
            "a", "a/b", "a/b.yaml", "a-b", "a.yaml", "a/-", "ab", "/", "/a", "/a/b", "..", "../a",
            "../..", ".", "./a", "b/../a", "-", "太/x", "a b", "A", "a/b/c", "a/bc", "a/b c",
        ];
        for x in paths {
            for y in paths {
                let (x, y) = (Path::new(x), Path::new(y));
                assert_eq!(path_key(x).cmp(&path_key(y)), x.cmp(y), "{x:?} {y:?}");
            }
        }
    }

    #[test]
    fn tool_configs_are_known_by_name() {
        assert!(is_tool_config(Path::new("docs/mkdocs.yml")));
        assert!(is_tool_config(Path::new(".pre-commit-config.yaml")));
        assert!(!is_tool_config(Path::new("ledgers/wuxi.yaml")));
        // Whatever the case, as Unicode lower-cases it: the Kelvin sign
        // is a `k` to `to_lowercase`.
        assert!(is_tool_config(Path::new("docs/MkDocs.YML")));
        assert!(is_tool_config(Path::new("docs/m\u{212A}docs.yml")));
        assert!(!is_tool_config(Path::new("docs/mkdocs\u{e9}.yml")));
    }
}
