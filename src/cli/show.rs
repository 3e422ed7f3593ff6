//! `rectify config`: the settings a `check` run would use, each with where
//! it came from (a flag on this command line, a line of `rectify.toml`,
//! the environment, or the default), the project root and the rule set;
//! with `--files`, the record files a run would read.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use jiff::civil::Date;

use super::UNTRUSTED;
use super::args::{FailOn, WalkArgs};
use super::project::Project;
use super::settings::{self, Flags, Settings, Value};

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Output form
    #[arg(long, value_enum, default_value_t = ShowFormat::Human)]
    pub format: ShowFormat,
    /// Also list the record files a check would read, and the files skipped on purpose
    #[arg(long)]
    pub files: bool,
    /// Record files or folders, as `check` takes them
    pub paths: Vec<PathBuf>,
    /// A rule file or folder, as `check` takes it; repeatable
    #[arg(long = "rules", value_name = "FILE|DIR")]
    pub rules: Vec<PathBuf>,
    /// A waiver file, as `check` takes it; repeatable
    #[arg(long = "waivers", value_name = "FILE")]
    pub waivers: Vec<PathBuf>,
    /// As `check --fail-on`
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// As `check --as-of`
    #[arg(long, value_name = "DATE", value_parser = super::args::parse_date)]
    pub as_of: Option<Date>,
    /// As `check --due-within`
    #[arg(long, value_name = "DAYS")]
    pub due_within: Option<u32>,
    /// As `check --jobs`
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub jobs: Option<u32>,
    /// As `check --max-file-size`
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,
    #[command(flatten)]
    pub walk: WalkArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// aligned lines: setting, value, where it came from
    Human,
    /// one JSON document (version 1)
    Json,
}

pub fn run(args: &ConfigArgs, project: &Project) -> u8 {
    let flags = Flags {
        paths: args.paths.clone(),
        rules: args.rules.clone(),
        waivers: args.waivers.clone(),
        fail_on: args.fail_on,
        format: None,
        as_of: args.as_of,
        due_within: args.due_within,
        jobs: args.jobs,
        max_file_size: args.max_file_size,
        walk: args.walk.clone(),
    };
    let settings = settings::resolve(project, &flags);
    let walked = args.files.then(|| {
        let discovery = settings.discovery(project);
        crate::walk::walk(&settings.records.value, &["yaml", "yml"], &discovery)
    });
    let mut out = io::stdout().lock();
    let written = match args.format {
        ShowFormat::Human => human(&settings, project, walked.as_ref(), &mut out),
        ShowFormat::Json => {
            let mut doc = settings.to_json(project);
            if let Some(walked) = &walked {
                doc["files"] = files_json(walked);
            }
            let text = serde_json::to_string_pretty(&doc).unwrap_or_default();
            writeln!(out, "{text}")
        }
    };
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("error: cannot write the settings: {e}");
            UNTRUSTED
        }
        _ => 0,
    }
}

fn files_json(walked: &crate::walk::Walked) -> serde_json::Value {
    let names = |paths: Vec<String>| serde_json::json!(paths);
    serde_json::json!({
        "read": names(walked.files.iter().map(|p| p.display().to_string()).collect()),
        "skipped": names(walked.skipped.iter().map(|(p, why)| format!("{}: {why}", p.display())).collect()),
        "problems": names(walked.problems.iter().map(|p| format!("{}: {}", p.path.display(), p.message)).collect()),
    })
}

fn human(
    settings: &Settings,
    project: &Project,
    walked: Option<&crate::walk::Walked>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let config = project.config.as_ref().map_or("none", |c| c.name.as_str());
    writeln!(
        out,
        "project root: {} ({})",
        project.root.display(),
        project.root_from
    )?;
    writeln!(out, "configuration: {config}")?;
    writeln!(
        out,
        "rule set: {}",
        settings.rule_set(crate::i18n::Lang::En.catalogue())
    )?;
    writeln!(out)?;
    let rows = rows(settings);
    let width = rows.iter().map(|(k, _, _)| k.len()).max().unwrap_or(0);
    let value_width = rows
        .iter()
        .map(|(_, v, _)| v.chars().count())
        .max()
        .unwrap_or(0)
        .min(40);
    for (key, value, from) in rows {
        writeln!(out, "{key:<width$}  {value:<value_width$}  {from}")?;
    }
    if let Some(walked) = walked {
        writeln!(out)?;
        writeln!(out, "record files ({}):", walked.files.len())?;
        for file in &walked.files {
            writeln!(out, "  {}", file.display())?;
        }
        for (file, why) in &walked.skipped {
            writeln!(out, "  skipped {}: {why}", file.display())?;
        }
        for problem in &walked.problems {
            writeln!(out, "  {}: {}", problem.path.display(), problem.message)?;
        }
    }
    Ok(())
}

/// `(setting, value, from)` for every setting, in the order of the file's keys.
fn rows(s: &Settings) -> Vec<(&'static str, String, String)> {
    fn row<T>(
        key: &'static str,
        v: &Value<T>,
        show: impl Fn(&T) -> String,
    ) -> (&'static str, String, String) {
        (key, show(&v.value), v.from.to_string())
    }
    let list = |items: &Vec<PathBuf>| -> String {
        let names: Vec<String> = items
            .iter()
            .map(|p| format!("{:?}", p.display().to_string()))
            .collect();
        format!("[{}]", names.join(", "))
    };
    let strings = |items: &Vec<String>| format!("{items:?}");
    let optional = |n: &Option<u32>| n.map_or_else(|| "none".to_string(), |n| n.to_string());
    let authority = &s.waiver_authority;
    let mut records = list(&s.records.value);
    if !s.globs.is_empty() {
        records = format!("{records} + globs {}", strings(&s.globs));
    }
    if s.records.value.is_empty() && s.globs.is_empty() {
        records = "[\".\"]".into();
    }
    vec![
        ("records", records, s.records.from.to_string()),
        row("exclude", &s.exclude, strings),
        row("rules", &s.rules, |r| {
            if r.is_empty() {
                "bundled".into()
            } else {
                list(r)
            }
        }),
        row("waivers", &s.waivers, list),
        row("fail-on", &s.fail_on, |v| settings::value_name(*v)),
        row("format", &s.format, |v| settings::value_name(*v)),
        row("lang", &s.lang, |l| l.code().to_string()),
        row("as-of", &s.as_of, |d| {
            d.map_or_else(|| "today".to_string(), |d| d.to_string())
        }),
        row("due-within", &s.due_within, optional),
        row("jobs", &s.jobs, |j| {
            j.map_or_else(|| "one per core".to_string(), |j| j.to_string())
        }),
        row("max-file-size", &s.max_file_size, u64::to_string),
        row("respect-gitignore", &s.respect_gitignore, bool::to_string),
        row("hidden", &s.hidden, bool::to_string),
        row("force-exclude", &s.force_exclude, bool::to_string),
        row("units", &s.units, |u| format!("{} declared", u.units.len())),
        row("waivers.inline", authority, |a| match a.inline {
            crate::run::waivers::InlineWaivers::Allow => "allow".into(),
            crate::run::waivers::InlineWaivers::Deny => "deny".into(),
        }),
        row("waivers.approvers", authority, |a| {
            if a.approvers.is_empty() {
                "any".into()
            } else {
                strings(&a.approvers)
            }
        }),
        row("waivers.max-days", authority, |a| {
            a.max_days
                .map_or_else(|| "none".to_string(), |d| d.to_string())
        }),
    ]
}
