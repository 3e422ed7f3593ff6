//! The settings of a run, resolved: a command-line flag, else
//! `rectify.toml`, else the environment, else the default, each value with
//! where it came from (shown by `rectify config`).

use std::path::PathBuf;

use jiff::civil::Date;
use serde_json::json;

use crate::config::{InlineWaivers, WaiverAuthority};
use crate::i18n::{Args, Catalogue, Lang};
use crate::source::Spanned;
use crate::units::UnitRegistry;
use crate::walk::Discovery;

use super::args::{FailOn, FormatArg, WalkArgs};
use super::project::Project;

/// Where a setting's value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum From {
    Default,
    /// `rectify.toml:3`.
    Config(String),
    CommandLine,
    /// `GITHUB_ACTIONS=true`.
    Environment(&'static str),
    /// The POSIX locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    Locale,
    /// Found by a documented rule (the rule files beside a tests folder):
    /// the catalogue id that says which.
    Inferred(&'static str),
}

impl From {
    /// Where a value came from, in `words`' language; `rectify config
    /// --format json` keeps the English ([`Display`](std::fmt::Display)).
    pub fn say(&self, words: &Catalogue) -> String {
        match self {
            From::Default => words.text("cli-from.default"),
            From::Config(at) => at.clone(),
            From::CommandLine => words.text("cli-from.command-line"),
            From::Environment(what) => {
                words.format("cli-from-environment", &Args::new().text("what", *what))
            }
            From::Locale => {
                let what = words.text("cli-from.locale");
                words.format("cli-from-environment", &Args::new().text("what", what))
            }
            From::Inferred(id) => words.text(id),
        }
    }
}

impl std::fmt::Display for From {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            From::Default => f.write_str("default"),
            From::Config(at) => f.write_str(at),
            From::CommandLine => f.write_str("command line"),
            From::Environment(what) => write!(f, "environment ({what})"),
            From::Locale => f.write_str("environment (the locale)"),
            From::Inferred(id) => f.write_str(&Lang::En.catalogue().text(id)),
        }
    }
}

/// A resolved value and where it came from.
#[derive(Clone, Debug)]
pub struct Value<T> {
    pub value: T,
    pub from: From,
}

/// The flags a command was given that settings can come from; `None` or
/// empty: not given.
#[derive(Clone, Debug, Default)]
pub struct Flags {
    pub paths: Vec<PathBuf>,
    pub rules: Vec<PathBuf>,
    pub waivers: Vec<PathBuf>,
    pub fail_on: Option<FailOn>,
    pub format: Option<FormatArg>,
    pub as_of: Option<Date>,
    pub due_within: Option<u32>,
    pub jobs: Option<u32>,
    pub max_file_size: Option<u64>,
    pub walk: WalkArgs,
}

/// Every setting of a run.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Record paths to walk (empty: the root, or only `globs`).
    pub records: Value<Vec<PathBuf>>,
    /// The glob entries of `records`.
    pub globs: Vec<String>,
    pub exclude: Value<Vec<String>>,
    /// Rule files or folders; empty: the bundled rule set.
    pub rules: Value<Vec<PathBuf>>,
    pub waivers: Value<Vec<PathBuf>>,
    pub fail_on: Value<FailOn>,
    pub format: Value<FormatArg>,
    /// The language of the words: `--lang`, else `RECTIFY_LANG`, else
    /// `lang` in the config, else the locale, else English.
    pub lang: Value<Lang>,
    /// `None`: today (read by the command, the one clock read).
    pub as_of: Value<Option<Date>>,
    pub due_within: Value<Option<u32>>,
    pub jobs: Value<Option<u32>>,
    pub max_file_size: Value<u64>,
    pub respect_gitignore: Value<bool>,
    pub hidden: Value<bool>,
    pub force_exclude: Value<bool>,
    pub units: Value<UnitRegistry>,
    pub waiver_authority: Value<WaiverAuthority>,
}

/// The default `--max-file-size`: 64 MiB.
pub const MAX_FILE_SIZE: u64 = 64 << 20;

/// Whether a `records` entry is a glob rather than a path.
fn is_glob(entry: &str) -> bool {
    entry.contains(['*', '?', '[', '{'])
}

/// The flag when given, else the config's value (converted), else `default`.
fn pick<T, C>(
    project: &Project,
    flag: Option<T>,
    config: Option<&Spanned<C>>,
    convert: impl FnOnce(&C) -> T,
    default: T,
) -> Value<T> {
    if let Some(value) = flag {
        return Value {
            value,
            from: From::CommandLine,
        };
    }
    match (config, &project.config) {
        (Some(setting), Some(loaded)) => Value {
            value: convert(&setting.value),
            from: From::Config(loaded.at(setting.span)),
        },
        _ => Value {
            value: default,
            from: From::Default,
        },
    }
}

/// A setting with no default value: the flag, else the config's, else `None`.
fn optional<T: Copy>(
    project: &Project,
    flag: Option<T>,
    config: Option<&Spanned<T>>,
) -> Value<Option<T>> {
    pick(project, flag.map(Some), config, |v| Some(*v), None)
}

/// A list flag: given when not empty.
fn given<T>(list: &[T]) -> Option<Vec<T>>
where
    T: Clone,
{
    (!list.is_empty()).then(|| list.to_vec())
}

fn to_paths(list: &[String]) -> Vec<PathBuf> {
    list.iter().map(PathBuf::from).collect()
}

pub fn resolve(project: &Project, flags: &Flags) -> Settings {
    let config = project.settings();
    let records_setting = config.and_then(|c| c.records.as_ref());
    let mut globs = Vec::new();
    let records = pick(
        project,
        given(&project.paths(&flags.paths)),
        records_setting,
        |entries: &Vec<String>| {
            globs = entries.iter().filter(|e| is_glob(e)).cloned().collect();
            entries
                .iter()
                .filter(|e| !is_glob(e))
                .map(PathBuf::from)
                .collect()
        },
        // With a configuration, the whole project; without, the working
        // folder the command started in.
        if project.config.is_some() {
            Vec::new()
        } else {
            vec![project.path(std::path::Path::new("."))]
        },
    );
    let fail_on = config.and_then(|c| c.fail_on.as_ref());
    let format = config.and_then(|c| c.format.as_ref());
    let walk = &flags.walk;
    Settings {
        globs,
        records,
        exclude: pick(
            project,
            None,
            config.and_then(|c| c.exclude.as_ref()),
            Clone::clone,
            Vec::new(),
        ),
        rules: pick(
            project,
            given(&project.paths(&flags.rules)),
            config.and_then(|c| c.rules.as_ref()),
            |l| to_paths(l),
            Vec::new(),
        ),
        waivers: pick(
            project,
            given(&project.paths(&flags.waivers)),
            config.and_then(|c| c.waivers.as_ref()),
            |l| to_paths(l),
            Vec::new(),
        ),
        fail_on: pick(
            project,
            flags.fail_on,
            fail_on,
            |s: &String| named(s),
            FailOn::Error,
        ),
        format: format_setting(project, flags.format, format),
        lang: lang_setting(project),
        as_of: optional(project, flags.as_of, config.and_then(|c| c.as_of.as_ref())),
        due_within: optional(
            project,
            flags.due_within,
            config.and_then(|c| c.due_within.as_ref()),
        ),
        jobs: optional(project, flags.jobs, config.and_then(|c| c.jobs.as_ref())),
        max_file_size: pick(
            project,
            flags.max_file_size,
            config.and_then(|c| c.max_file_size.as_ref()),
            |d| *d,
            MAX_FILE_SIZE,
        ),
        respect_gitignore: pick(
            project,
            walk.no_ignore.then_some(false),
            config.and_then(|c| c.respect_gitignore.as_ref()),
            |b| *b,
            true,
        ),
        hidden: pick(
            project,
            walk.hidden.then_some(true),
            None::<&Spanned<bool>>,
            |b| *b,
            false,
        ),
        force_exclude: pick(
            project,
            walk.force_exclude.then_some(true),
            config.and_then(|c| c.force_exclude.as_ref()),
            |b| *b,
            false,
        ),
        units: pick(
            project,
            None,
            config.and_then(|c| c.units.as_ref()),
            Clone::clone,
            UnitRegistry::default(),
        ),
        waiver_authority: pick(
            project,
            None,
            config.and_then(|c| c.waiver_authority.as_ref()),
            Clone::clone,
            WaiverAuthority::default(),
        ),
    }
}

/// `--format`, else `format` in the config, else `github` on GitHub
/// Actions, else `human`.
fn format_setting(
    project: &Project,
    flag: Option<FormatArg>,
    config: Option<&Spanned<String>>,
) -> Value<FormatArg> {
    let fallback = if super::check::github_actions() {
        Value {
            value: FormatArg::Github,
            from: From::Environment("GITHUB_ACTIONS=true"),
        }
    } else {
        Value {
            value: FormatArg::Human,
            from: From::Default,
        }
    };
    let chosen = pick(
        project,
        flag.map(Some),
        config,
        |s: &String| Some(named(s)),
        None,
    );
    match chosen.value {
        Some(value) => Value {
            value,
            from: chosen.from,
        },
        None => fallback,
    }
}

/// `--lang`, else `RECTIFY_LANG`, else `lang` in the config, else the
/// POSIX locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English. The
/// environment variable outranks the config: it is the person's own
/// choice, the config the project's; the locale only says where the
/// machine is.
/// The catalogue of the run's language ([`Settings::lang`]), for the
/// commands that resolve no other setting.
pub fn words(project: &Project) -> &'static crate::i18n::Catalogue {
    lang_setting(project).value.catalogue()
}

fn lang_setting(project: &Project) -> Value<Lang> {
    if let Some(lang) = project.lang_env.filter(|_| project.lang_flag.is_none()) {
        return Value {
            value: lang,
            from: From::Environment("RECTIFY_LANG"),
        };
    }
    let chosen = pick(
        project,
        project.lang_flag.map(Some),
        project.settings().and_then(|c| c.lang.as_ref()),
        |l| Some(*l),
        None,
    );
    if let Some(value) = chosen.value {
        return Value {
            value,
            from: chosen.from,
        };
    }
    match Lang::from_locale(|name| std::env::var(name).ok()) {
        Some(value) => Value {
            value,
            from: From::Locale,
        },
        None => Value {
            value: Lang::En,
            from: From::Default,
        },
    }
}

/// A clap value named in the config (validated there against the same names).
fn named<T: clap::ValueEnum + Default>(name: &str) -> T {
    T::from_str(name, true).unwrap_or_default()
}

impl Settings {
    /// How record folders are walked, for `run::Options::discovery`.
    pub fn discovery(&self, project: &Project) -> Discovery {
        let config_records = project.settings().and_then(|c| c.records.as_ref());
        let mut not_records = self.rules.value.clone();
        not_records.extend(self.waivers.value.iter().cloned());
        Discovery {
            hidden: self.hidden.value,
            no_ignore: !self.respect_gitignore.value,
            exclude: self.exclude.value.clone(),
            globs: self.record_globs(project),
            walk_globs: self.records.from != From::CommandLine,
            records: config_records.map_or_else(Vec::new, |r| {
                r.value
                    .iter()
                    .filter(|e| !is_glob(e))
                    .map(PathBuf::from)
                    .collect()
            }),
            force_exclude: self.force_exclude.value,
            skip_tool_configs: config_records.is_none(),
            not_records,
            threads: 1,
        }
    }

    /// The globs of `records` for `--force-exclude` (whether or not the
    /// command line named the paths).
    pub fn record_globs(&self, project: &Project) -> Vec<String> {
        let config_records = project.settings().and_then(|c| c.records.as_ref());
        config_records.map_or_else(Vec::new, |r| {
            r.value.iter().filter(|e| is_glob(e)).cloned().collect()
        })
    }

    /// Which rule set is used, for a note on stderr and `rectify config`.
    pub fn rule_set(&self, words: &Catalogue) -> String {
        describe_rules(&self.rules, words)
    }

    /// The resolved settings as JSON, each as `{value, from}`.
    pub fn to_json(&self, project: &Project) -> serde_json::Value {
        let paths =
            |v: &[PathBuf]| -> Vec<String> { v.iter().map(|p| p.display().to_string()).collect() };
        let entry = |value: serde_json::Value, from: &From| json!({"value": value, "from": from.to_string()});
        let authority = &self.waiver_authority.value;
        let units: serde_json::Map<String, serde_json::Value> = self
            .units
            .value
            .units
            .iter()
            .map(|u| (u.canonical.clone(), json!(u.aliases)))
            .collect();
        json!({
            "version": 1,
            "root": project.root.display().to_string(),
            "root_from": Lang::En.catalogue().text(project.root_from),
            "config": project.config.as_ref().map(|c| c.name.clone()),
            "rule_set": self.rule_set(Lang::En.catalogue()),
            "settings": {
                "records": entry(json!({"paths": paths(&self.records.value), "globs": self.globs}), &self.records.from),
                "exclude": entry(json!(self.exclude.value), &self.exclude.from),
                "rules": entry(json!(paths(&self.rules.value)), &self.rules.from),
                "waivers": entry(json!(paths(&self.waivers.value)), &self.waivers.from),
                "fail-on": entry(json!(value_name(self.fail_on.value)), &self.fail_on.from),
                "format": entry(json!(value_name(self.format.value)), &self.format.from),
                "lang": entry(json!(self.lang.value.code()), &self.lang.from),
                "as-of": entry(json!(self.as_of.value.map(|d| d.to_string())), &self.as_of.from),
                "due-within": entry(json!(self.due_within.value), &self.due_within.from),
                "jobs": entry(json!(self.jobs.value), &self.jobs.from),
                "max-file-size": entry(json!(self.max_file_size.value), &self.max_file_size.from),
                "respect-gitignore": entry(json!(self.respect_gitignore.value), &self.respect_gitignore.from),
                "hidden": entry(json!(self.hidden.value), &self.hidden.from),
                "force-exclude": entry(json!(self.force_exclude.value), &self.force_exclude.from),
                "units": entry(json!(units), &self.units.from),
                "waivers.inline": entry(json!(match authority.inline { InlineWaivers::Allow => "allow", InlineWaivers::Deny => "deny" }), &self.waiver_authority.from),
                "waivers.approvers": entry(json!(authority.approvers), &self.waiver_authority.from),
                "waivers.max-days": entry(json!(authority.max_days), &self.waiver_authority.from),
            }
        })
    }
}

/// `the bundled rule set`, or the paths and where they were named.
pub fn describe_rules(rules: &Value<Vec<PathBuf>>, words: &Catalogue) -> String {
    if rules.value.is_empty() {
        return words.text("cli-rules-bundled");
    }
    let names = rules.value.iter().map(|p| format!("`{}`", p.display()));
    let args = Args::new()
        .text(
            "names",
            crate::diag::join(words, crate::diag::Join::Plain, names),
        )
        .text("from", rules.from.say(words));
    words.format("cli-rules-from", &args)
}

/// The name clap gives a value (`warning`).
pub fn value_name<T: clap::ValueEnum>(value: T) -> String {
    value
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string())
}

impl Settings {
    /// The run options these settings give; the command adds what is its own.
    pub fn options(&self, project: &Project, as_of: Date) -> crate::run::Options {
        crate::run::Options {
            paths: self.records.value.clone(),
            rules: self.rules.value.clone(),
            jobs: self.jobs.value.map(|n| n as usize),
            waivers: self.waivers.value.clone(),
            max_file_size: self.max_file_size.value,
            root: project.root.clone(),
            units: self.units.value.clone(),
            waiver_authority: self.waiver_authority.value.clone(),
            discovery: self.discovery(project),
            ..crate::run::Options::new(as_of)
        }
    }

    /// Notes on stderr: which rule set was used when `rectify.toml` named
    /// it (in human output; the bundled set names itself in every finding),
    /// and every file skipped on purpose.
    pub fn notes(&self, outcome: &crate::outcome::Outcome, human: bool) {
        let words = self.lang.value.catalogue();
        if human && matches!(self.rules.from, From::Config(_)) {
            let rules = Args::new().text("rules", self.rule_set(words));
            eprintln!(
                "{}",
                super::note_line(words, &words.format("cli-note-rules", &rules))
            );
        }
        for (file, why) in &outcome.skipped {
            let skipped = Args::new()
                .text("file", crate::report::neutral::text(file))
                .text("why", why.say(words));
            eprintln!(
                "{}",
                super::note_line(words, &words.format("cli-note-skipped", &skipped))
            );
        }
    }
}
