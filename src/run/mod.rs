//! The check driver: load rule sets, walk record paths, parse and evaluate
//! files in parallel, merge findings in a deterministic order, score units.
//!
//! Owns: file-system access for records. Must not: print or exit (that is
//! `cli`), or read the clock (the evaluation date is an input).

pub mod authority;
pub mod calendar_edge;
pub mod dead_guard;
mod file;
pub mod find;
mod future;
pub mod history;
mod ids;
mod merge;
mod pipeline;
mod roster;
pub mod waivers;
pub mod workspace;

pub use find::{FindError, Found, find_record};

use std::path::PathBuf;

use jiff::civil::Date;

use crate::diag::{Message, Severity};
use crate::eval::Plan;
use crate::load;
use crate::model::Schema;
use crate::outcome::{InputError, Origin, Outcome, Place, RuleInfo, SourceFile, Summary};
use crate::source::Span;

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
    /// Worker threads; `None`: one per core. The calling
    /// thread merges their results meanwhile.
    pub jobs: Option<usize>,
    /// Keep the text of every file with findings for snippets (human and
    /// plain output need them); texts of files with diagnostics are always
    /// kept, those of files with neither never.
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
    pub waiver_authority: crate::config::WaiverAuthority,
    /// How record folders are walked and which named files are kept.
    pub discovery: crate::walk::Discovery,
}

impl Options {
    /// The threads [`Options::jobs`] asks for: one per core when it does
    /// not say.
    pub fn threads(&self) -> usize {
        (self.jobs).unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
    }

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
            waiver_authority: crate::config::WaiverAuthority::default(),
            discovery: crate::walk::Discovery::default(),
        }
    }
}

pub use crate::outcome::Sink;

/// Run a check. Never fails as a whole: every problem with the inputs is an
/// [`InputError`] in the outcome, and [`Outcome::trusted`] says whether the
/// run can be trusted (exit code 2 when not).
pub fn check(options: &Options) -> Outcome {
    drive(options, None)
}

/// Run a check that keeps no findings: each record file's findings go to
/// `sink` as the file is merged, in path order, and the group findings
/// last; the outcome holds everything else (the summary and unit scores
/// count every finding; [`Outcome::findings`] is empty), so memory does not
/// grow with what the run finds. Waiver files are read first, and waive
/// each file's findings as it is merged.
pub fn check_streaming(options: &Options, sink: &mut (dyn Sink + Send)) -> Outcome {
    drive(options, Some(sink))
}

/// [`check`], findings kept or streamed to `sink`.
fn drive(options: &Options, sink: Option<&mut (dyn Sink + Send)>) -> Outcome {
    let (mut outcome, plan) = prepare(options);
    let Some(plan) = plan else {
        return outcome;
    };
    let schema = schema(&plan);
    let jobs = options.threads();
    // The folders are read by as many threads as files will be.
    let discovery = crate::walk::Discovery {
        threads: jobs,
        ..options.discovery.clone()
    };
    let (paths, walk_errors, skipped) = walk(&options.paths, &discovery);
    outcome.skipped = skipped;
    // A streaming sink's findings are rendered on the workers, so that
    // this thread, which merges in path order, only copies bytes.
    let renderer = sink.as_ref().and_then(|s| s.renderer());
    let (rules, rule_files) = match renderer {
        Some(_) => (outcome.rules.clone(), outcome.rule_files.clone()),
        None => Default::default(),
    };
    let root = outcome.root.clone();
    let work = |i: usize| {
        let mut result = file::process(&paths[i], &plan, &schema, options);
        if let Some(renderer) = &renderer {
            result.render(renderer.as_ref(), &root, &rules, &rule_files);
        }
        result
    };
    let mut merger = match sink {
        Some(sink) => merge::Merger::streaming(&plan, &mut outcome, walk_errors, sink),
        None => merge::Merger::new(&plan, &mut outcome, walk_errors),
    };
    // Waiver files waive each file's findings as it is merged, and the
    // group findings as they are judged.
    if !options.waivers.is_empty() {
        merger.waive_with(waivers::FileWaivers::read(
            &options.waivers,
            options.max_file_size,
            &outcome.rules,
            options.as_of,
            &options.waiver_authority,
        ));
    }
    // Workers evaluate files while this thread merges their results in path
    // order, so memory holds a window of results, not every file's.
    // Findings are what a waiting result holds most of.
    let weigh = |result: &file::Result| result.findings.len();
    pipeline::in_order_weighed(paths.len(), jobs, work, weigh, |result| {
        merger.add(&mut outcome, result)
    });
    // Group findings exist only once every file is in (waiver files waive
    // them as they are judged); then the waiver files join the outcome.
    merger.judge_groups(&mut outcome);
    merger.finish_waivers(&mut outcome);
    merger.finish(&mut outcome);
    outcome
}

/// Load and select the rules; the outcome so far (rule files, their
/// errors) and the plan, unless there is no rule to check with.
fn prepare(options: &Options) -> (Outcome, Option<Plan>) {
    let rules = load::rules(&options.rules);
    let mut outcome = Outcome::empty(options.as_of, options.root.clone(), rules.files);
    outcome.input_errors = rules.errors;
    let Some(mut plan) = rules.plan else {
        return (outcome, None);
    };
    select_rules(&mut plan, options, &mut outcome.input_errors);
    if let Some(calendar) = &plan.calendar {
        let near = calendar_edge::near_end(&outcome.rule_files, calendar, options.as_of);
        outcome.input_errors.extend(near);
    }
    plan.units = units(&options.units, &mut outcome.input_errors);
    outcome.rules = plan.rules.iter().map(rule_info).collect();
    let plan = Some(plan).filter(|p| !p.rules.is_empty());
    (outcome, plan)
}

/// Read the waiver files `options` names and apply them to `outcome`'s
/// findings (group findings included: judge groups first).
pub(crate) fn apply_waiver_files(
    outcome: &mut Outcome,
    options: &Options,
    units: &crate::units::Units,
) {
    if options.waivers.is_empty() {
        return;
    }
    let mut waivers = waivers::FileWaivers::read(
        &options.waivers,
        options.max_file_size,
        &outcome.rules,
        outcome.as_of,
        &options.waiver_authority,
    );
    waivers.waive(&mut outcome.findings, &outcome.rules, units);
    waivers.finish(outcome);
}

/// The unit registry ready for look-ups; a name it declares for two units
/// is an error (the run cannot say which unit it scores).
fn units(
    registry: &crate::units::UnitRegistry,
    errors: &mut Vec<InputError>,
) -> crate::units::Units {
    let (units, conflicts) = registry.compile();
    for c in conflicts {
        let message = crate::diag::Message::new("unit-conflict")
            .text("name", c.name)
            .text("first", c.first)
            .text("second", c.second);
        let mut e = InputError::new(
            "unit::conflict",
            Severity::Error,
            message,
            Origin::Rule,
            None,
        );
        e.help = Some("unit-conflict.help".into());
        errors.push(e);
    }
    units
}

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
    let mut outcome = Outcome::empty(as_of, PathBuf::new(), rule_files.to_vec());
    outcome.rules = plan.rules.iter().map(rule_info).collect();
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
        extra_fields: plan.extra_fields.clone(),
    }
}

impl Outcome {
    /// An outcome with nothing in it yet: no rules, records or diagnostics.
    pub fn empty(as_of: Date, root: PathBuf, rule_files: Vec<SourceFile>) -> Outcome {
        Outcome {
            as_of,
            root,
            files: Vec::new(),
            rule_files,
            rules: Vec::new(),
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
            skipped: Vec::new(),
        }
    }

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
                message: crate::diag::Message::new("cli-unknown-rule").text("id", id.as_str()),
                origin: Origin::Rule,
                place: None,
                labels: Vec::new(),
                related: Vec::new(),
                help: crate::suggest::did_you_mean(id, ids.iter().copied())
                    .map(crate::diag::did_you_mean),
            });
        }
    }
    plan.rules.retain(|r| {
        (options.only.is_empty() || options.only.contains(&r.id)) && !options.skip.contains(&r.id)
    });
}

fn rule_info(rule: &crate::eval::plan::Rule) -> RuleInfo {
    let english = crate::i18n::Lang::En.catalogue();
    RuleInfo {
        id: rule.id.clone(),
        title: rule.title.clone(),
        cite: rule.cite.clone(),
        help: rule.help.clone(),
        variants: rule.variants.clone(),
        severity: rule.severity,
        place: Place {
            file: rule.file,
            span: rule.id_span,
        },
        // In English whatever the run's language: the SARIF properties and
        // JSON read them as stable text.
        penalty: match rule.reward {
            Some(_) => "none".into(),
            None => describe_penalty(&rule.penalty, english),
        },
        reward: rule.reward.as_ref().map(|r| describe_reward(r, english)),
        judges: match rule.group {
            Some(_) => crate::eval::group::by(rule),
            None => "record".into(),
        },
    }
}

/// A penalty in the words of `words`: `1 point, plus 0.1 per workday
/// late, at most 3` (`1 分，…` in Chinese).
pub fn describe_penalty(p: &crate::eval::plan::Penalty, words: &crate::i18n::Catalogue) -> String {
    p.describe(words, "late")
}

/// A reward in the words of `words`: `1 point, plus 0.5 per 30 days early,
/// at most 3`.
pub fn describe_reward(p: &crate::eval::plan::Penalty, words: &crate::i18n::Catalogue) -> String {
    p.describe(words, "early")
}

/// Every record file under `paths`, sorted, the problems met walking, and
/// the files skipped on purpose. Folders are walked for `*.yaml` / `*.yml`
/// as [`crate::walk`] describes; a file named on the command line is taken
/// whatever its name.
pub(crate) fn walk(
    paths: &[PathBuf],
    discovery: &crate::walk::Discovery,
) -> (Vec<PathBuf>, Vec<merge::WalkError>, Vec<(String, Message)>) {
    let walked = crate::walk::walk(paths, &["yaml", "yml"], discovery);
    let errors = walked
        .problems
        .into_iter()
        .map(|p| (p.path.display().to_string(), p.code, p.severity, p.message))
        .collect();
    let skipped = walked
        .skipped
        .into_iter()
        .map(|(path, why)| (path.display().to_string(), why))
        .collect();
    (walked.files, errors, skipped)
}

/// A diagnostic about a whole record file (no position).
pub(crate) fn file_error(
    code: &str,
    severity: Severity,
    message: impl Into<crate::diag::Message>,
    file: Option<usize>,
) -> InputError {
    let place = file.map(|file| Place {
        file,
        span: Span::default(),
    });
    InputError::new(code, severity, message, Origin::Record, place)
}

pub(crate) fn source_file(name: String, text: Option<std::sync::Arc<str>>) -> SourceFile {
    indexed_source(name, text, None)
}

/// [`source_file`], its lines given when they were indexed already (by
/// the worker that rendered the file's findings).
pub(crate) fn indexed_source(
    name: String,
    text: Option<std::sync::Arc<str>>,
    lines: Option<std::sync::Arc<crate::source::LineIndex>>,
) -> SourceFile {
    let lines = lines.or_else(|| {
        text.as_deref()
            .map(|t| std::sync::Arc::new(crate::source::LineIndex::new(t)))
    });
    SourceFile { name, text, lines }
}
