//! The check driver: load rule sets, walk record paths, parse and evaluate
//! files in parallel, merge findings in a deterministic order, score units.
//!
//! Owns: file-system access for records. Must not: print or exit (that is
//! `cli`), or read the clock (the evaluation date is an input).

mod file;
pub mod find;
mod ids;
mod merge;
pub mod waivers;

pub use find::{FindError, Found, find_record};

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::eval::Plan;
use crate::load;
use crate::model::Schema;
use crate::outcome::{InputError, Origin, Outcome, Place, RuleInfo, SourceFile, Summary};
use crate::source::Span;
use crate::syntax::ast::Severity;

/// Everything `rectify check` needs, already resolved by the CLI.
#[derive(Clone, Debug)]
pub struct Options {
    /// Record files or folders; empty means the current directory.
    pub paths: Vec<PathBuf>,
    /// Rule files or folders; empty means the bundled rule set.
    pub rules: Vec<PathBuf>,
    pub as_of: Date,
    /// Only these rule ids (empty: all).
    pub only: Vec<String>,
    pub skip: Vec<String>,
    /// Worker threads; `None` lets rayon decide.
    pub jobs: Option<usize>,
    /// Keep every file's text for snippets (human and plain output need
    /// them); texts of files with diagnostics are always kept.
    pub keep_sources: bool,
    /// Record files larger than this are refused.
    pub max_file_size: u64,
    /// Waiver files (`--waivers FILE`).
    pub waivers: Vec<PathBuf>,
    /// Which pending deadlines to list in [`Outcome::pending`]: all (`None`),
    /// or those due within so many days of the evaluation date. Every one is
    /// counted in the summary either way; listing them all costs memory on
    /// large ledgers.
    pub pending_within: Option<u32>,
    /// Keep of each finding only what the JSON report shows: the primary
    /// label's place, no label texts (for large runs rendered as JSON).
    pub lean: bool,
    /// The project root: relative file names in every output are relative
    /// to it, and SARIF gives it as `%SRCROOT%`. Absolute; empty means the
    /// current directory.
    pub root: PathBuf,
    /// The unit registry (`[units]` in `rectify.toml`); empty: none.
    pub units: crate::units::UnitRegistry,
    /// Waiver authority (`[waivers]` in `rectify.toml`).
    pub waiver_authority: waivers::WaiverAuthority,
}

impl Options {
    pub fn new(as_of: Date) -> Options {
        Options {
            paths: Vec::new(),
            rules: Vec::new(),
            as_of,
            only: Vec::new(),
            skip: Vec::new(),
            jobs: None,
            keep_sources: true,
            max_file_size: 64 << 20,
            waivers: Vec::new(),
            pending_within: None,
            lean: false,
            root: PathBuf::new(),
            units: crate::units::UnitRegistry::default(),
            waiver_authority: waivers::WaiverAuthority::default(),
        }
    }
}

/// Run a check. Never fails as a whole: every problem with the inputs is an
/// [`InputError`] in the outcome, and [`Outcome::trusted`] says whether the
/// run can be trusted (exit code 2 when not).
pub fn check(options: &Options) -> Outcome {
    let rules = load::rules(&options.rules);
    let mut outcome = Outcome {
        as_of: options.as_of,
        root: options.root.clone(),
        files: Vec::new(),
        rule_files: rules.files,
        rules: Vec::new(),
        records: 0,
        record_files: 0,
        findings: Vec::new(),
        input_errors: rules.errors,
        units: Vec::new(),
        progress: Vec::new(),
        pending: Vec::new(),
        passes: Vec::new(),
        summary: Summary::default(),
        progress_by: Vec::new(),
    };
    let Some(mut plan) = rules.plan else {
        return outcome;
    };
    select_rules(&mut plan, options, &mut outcome.input_errors);
    outcome.rules = plan.rules.iter().map(rule_info).collect();
    if plan.rules.is_empty() {
        return outcome;
    }
    let schema = schema(&plan);
    let (paths, walk_errors) = walk(&options.paths);
    let pool = options.jobs.and_then(|jobs| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build()
            .ok()
    });
    let work = |path: &PathBuf| file::process(path, &plan, &schema, options);
    let mut merger = merge::Merger::new(&plan, &mut outcome, walk_errors);
    // Files are evaluated in parallel a chunk at a time and merged in path
    // order, so memory holds one chunk's results, not every file's.
    for chunk in paths.chunks(CHUNK) {
        let results: Vec<file::Result> = match &pool {
            Some(pool) => pool.install(|| chunk.par_iter().map(work).collect()),
            None => chunk.par_iter().map(work).collect(),
        };
        for result in results {
            merger.add(&mut outcome, result);
        }
    }
    let waivers: Vec<(usize, Vec<waivers::Waiver>)> = options
        .waivers
        .iter()
        .map(|path| {
            (
                outcome.files.len(),
                waivers::load(path, options.max_file_size, &mut outcome),
            )
        })
        .collect();
    for (file, list) in &waivers {
        waivers::apply(&mut outcome, list, *file);
    }
    merger.finish(&mut outcome);
    outcome
}

/// Files evaluated in parallel before their results are merged.
const CHUNK: usize = 256;

/// Check records given as YAML nodes (a rule test's inline records) and
/// record files against an already compiled plan.
pub fn check_records(
    plan: &Plan,
    rule_files: &[SourceFile],
    as_of: Date,
    inline: &[crate::yaml::Node],
    files: &[PathBuf],
) -> Outcome {
    let options = Options {
        keep_sources: false,
        ..Options::new(as_of)
    };
    let mut outcome = Outcome {
        as_of,
        root: PathBuf::new(),
        files: Vec::new(),
        rule_files: rule_files.to_vec(),
        rules: plan.rules.iter().map(rule_info).collect(),
        records: 0,
        record_files: 0,
        findings: Vec::new(),
        input_errors: Vec::new(),
        units: Vec::new(),
        progress: Vec::new(),
        pending: Vec::new(),
        passes: Vec::new(),
        summary: Summary::default(),
        progress_by: Vec::new(),
    };
    let schema = schema(plan);
    let mut merger = merge::Merger::new(plan, &mut outcome, Vec::new());
    if !inline.is_empty() {
        let result =
            file::process_nodes("<inline records>", inline.to_vec(), plan, &schema, &options);
        merger.add(&mut outcome, result);
    }
    for f in files {
        merger.add(&mut outcome, file::process(f, plan, &schema, &options));
    }
    merger.finish(&mut outcome);
    outcome
}

/// What the record loader checks records against: the plan's kinds and stages.
pub fn schema(plan: &Plan) -> Schema {
    Schema {
        kinds: plan
            .kinds
            .iter()
            .map(|k| (k.name.clone(), k.stages.clone()))
            .collect(),
    }
}

impl Outcome {
    /// False when a rule file did not parse or check, a record file could
    /// not be read or parsed, or zero rules or zero records were loaded.
    pub fn trusted(&self) -> bool {
        !self.rules.is_empty()
            && self.records > 0
            && !self
                .input_errors
                .iter()
                .any(|e| e.severity == Severity::Error)
    }
}

/// Apply `--only` and `--skip`; an id that names no rule is an error (a
/// typo there would silently check nothing).
fn select_rules(plan: &mut Plan, options: &Options, errors: &mut Vec<InputError>) {
    let ids: Vec<&str> = plan.rules.iter().map(|r| r.id.as_str()).collect();
    for id in options.only.iter().chain(&options.skip) {
        if !ids.contains(&id.as_str()) {
            errors.push(InputError {
                code: "cli::unknown-rule".into(),
                severity: Severity::Error,
                message: format!("no rule `{id}` is loaded"),
                origin: Origin::Rule,
                place: None,
                labels: Vec::new(),
                related: Vec::new(),
                help: crate::suggest::help(id, &ids),
            });
        }
    }
    plan.rules.retain(|r| {
        (options.only.is_empty() || options.only.contains(&r.id)) && !options.skip.contains(&r.id)
    });
}

fn rule_info(rule: &crate::eval::plan::Rule) -> RuleInfo {
    RuleInfo {
        id: rule.id.clone(),
        title: rule.title.clone(),
        cite: rule.cite.clone(),
        help: rule.help.clone(),
        severity: rule.severity,
        place: Place {
            file: rule.file,
            span: rule.id_span,
        },
        penalty: describe_penalty(&rule.penalty),
    }
}

/// `1 point, plus 0.1 per workday late, at most 3`.
pub fn describe_penalty(p: &crate::eval::plan::Penalty) -> String {
    let mut text = format!(
        "{} point{}",
        p.fixed,
        if p.fixed == crate::points::Points(100) {
            ""
        } else {
            "s"
        }
    );
    if let Some((points, every, unit)) = p.per {
        let unit = match unit {
            crate::syntax::ast::LateUnit::Days => "day",
            crate::syntax::ast::LateUnit::Workdays => "workday",
        };
        if every == 1 {
            text.push_str(&format!(", plus {points} per {unit} late"));
        } else {
            text.push_str(&format!(", plus {points} per {every} {unit}s late"));
        }
    }
    if let Some(cap) = p.cap {
        text.push_str(&format!(", at most {cap}"));
    }
    text
}

/// Every record file under `paths`, sorted, and the problems met walking.
/// Folders are walked for `*.yaml` / `*.yml`; symbolic links are not
/// followed; a file named on the command line is taken whatever its name.
pub(crate) fn walk(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<merge::WalkError>) {
    let default = [PathBuf::from(".")];
    let roots = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let (mut files, mut errors) = (Vec::new(), Vec::new());
    for root in roots {
        match std::fs::metadata(root) {
            Ok(meta) if meta.is_dir() => walk_dir(root, &mut files, &mut errors),
            Ok(_) => files.push(root.clone()),
            Err(err) => {
                let reason = format!("cannot read: {}", load::io_reason(&err));
                errors.push((
                    root.display().to_string(),
                    "input::unreadable",
                    Severity::Error,
                    reason,
                ));
            }
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

fn walk_dir(root: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<merge::WalkError>) {
    for entry in walkdir::WalkDir::new(root).follow_links(false) {
        match entry {
            Ok(e) if e.file_type().is_file() && is_yaml(e.path()) => files.push(e.into_path()),
            Ok(e) if e.path_is_symlink() && is_yaml(e.path()) => {
                let message = "skipped: symbolic links are not followed".to_string();
                errors.push((
                    e.path().display().to_string(),
                    "input::symlink",
                    Severity::Warning,
                    message,
                ));
            }
            Ok(_) => {}
            Err(err) => {
                let path = err
                    .path()
                    .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                let reason = err
                    .io_error()
                    .map_or_else(|| err.to_string(), load::io_reason);
                errors.push((
                    path,
                    "input::unreadable",
                    Severity::Error,
                    format!("cannot read: {reason}"),
                ));
            }
        }
    }
}

fn is_yaml(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "yaml" || x == "yml")
}

/// A diagnostic about a whole record file (no position).
pub(crate) fn file_error(
    code: &str,
    severity: Severity,
    message: String,
    file: Option<usize>,
) -> InputError {
    let place = file.map(|file| Place {
        file,
        span: Span::default(),
    });
    InputError::new(code, severity, message, Origin::Record, place)
}

pub(crate) fn source_file(name: String, text: Option<std::sync::Arc<str>>) -> SourceFile {
    let lines = text
        .as_deref()
        .map(|t| std::sync::Arc::new(crate::source::LineIndex::new(t)));
    SourceFile { name, text, lines }
}
