//! `rectify config`: the settings a `check` run would use, each with where
//! it came from (a flag on this command line, a line of `rectify.toml`,
//! the environment, or the default), the project root and the rule set;
//! with `--files`, the record files a run would read.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use jiff::civil::Date;
use unicode_width::UnicodeWidthStr;

use crate::i18n::{Args as Words, Catalogue};

use super::UNTRUSTED;
use super::args::{FailOn, WalkArgs};
use super::project::Project;
use super::settings::{self, Flags, Settings};

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
        "skipped": names(walked.skipped.iter().map(|(p, why)| format!("{}: {}", p.display(), why.english())).collect()),
        "problems": names(walked.problems.iter().map(|p| format!("{}: {}", p.path.display(), p.message.english())).collect()),
    })
}

fn human(
    settings: &Settings,
    project: &Project,
    walked: Option<&crate::walk::Walked>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let words = settings.lang.value.catalogue();
    let config = project
        .config
        .as_ref()
        .map_or_else(|| words.text("cli-config-value.none"), |c| c.name.clone());
    let root = Words::new()
        .text("root", project.root.display().to_string())
        .text("from", words.text(project.root_from));
    writeln!(out, "{}", words.format("cli-config-root", &root))?;
    let config = Words::new().text("file", config);
    writeln!(out, "{}", words.format("cli-config-file", &config))?;
    let rules = Words::new().text("rules", settings.rule_set(words));
    writeln!(out, "{}", words.format("cli-config-rule-set", &rules))?;
    writeln!(out)?;
    let rows = rows(settings, words);
    let width = rows.iter().map(|(k, _, _)| k.len()).max().unwrap_or(0);
    // Columns by display width: a Chinese character takes two.
    let value_width = rows
        .iter()
        .map(|(_, v, _)| v.width())
        .max()
        .unwrap_or(0)
        .min(40);
    for (key, value, from) in rows {
        let pad = " ".repeat(value_width.saturating_sub(value.width()));
        writeln!(out, "{key:<width$}  {value}{pad}  {from}")?;
    }
    if let Some(walked) = walked {
        writeln!(out)?;
        let count = Words::new().int("n", i64::try_from(walked.files.len()).unwrap_or(i64::MAX));
        writeln!(out, "{}", words.format("cli-config-record-files", &count))?;
        for file in &walked.files {
            writeln!(out, "  {}", file.display())?;
        }
        for (file, why) in &walked.skipped {
            let skipped = Words::new()
                .text("file", file.display().to_string())
                .text("why", why.say(words));
            writeln!(out, "  {}", words.format("cli-config-skipped", &skipped))?;
        }
        for problem in &walked.problems {
            writeln!(
                out,
                "  {}: {}",
                problem.path.display(),
                problem.message.english()
            )?;
        }
    }
    Ok(())
}

/// `(setting, value, from)` for every setting, in the order of the file's keys.
fn rows(s: &Settings, words: &Catalogue) -> Vec<(&'static str, String, String)> {
    let row =
        |key: &'static str, from: &settings::From, value: String| (key, value, from.say(words));
    let word = |id: &str| words.text(&format!("cli-config-value.{id}"));
    let list = |items: &Vec<PathBuf>| -> String {
        let names: Vec<String> = items
            .iter()
            .map(|p| format!("{:?}", p.display().to_string()))
            .collect();
        format!("[{}]", names.join(", "))
    };
    let strings = |items: &Vec<String>| format!("{items:?}");
    let optional = |n: &Option<u32>| n.map_or_else(|| word("none"), |n| n.to_string());
    let authority = &s.waiver_authority;
    let mut records = list(&s.records.value);
    if !s.globs.is_empty() {
        records = format!("{records} + globs {}", strings(&s.globs));
    }
    if s.records.value.is_empty() && s.globs.is_empty() {
        records = "[\".\"]".into();
    }
    let rules = if s.rules.value.is_empty() {
        word("bundled")
    } else {
        list(&s.rules.value)
    };
    let units = Words::new().int(
        "n",
        i64::try_from(s.units.value.units.len()).unwrap_or(i64::MAX),
    );
    let a = &authority.value;
    let from = &authority.from;
    vec![
        row("records", &s.records.from, records),
        row("exclude", &s.exclude.from, strings(&s.exclude.value)),
        row("rules", &s.rules.from, rules),
        row("waivers", &s.waivers.from, list(&s.waivers.value)),
        row(
            "fail-on",
            &s.fail_on.from,
            settings::value_name(s.fail_on.value),
        ),
        row(
            "format",
            &s.format.from,
            settings::value_name(s.format.value),
        ),
        row("lang", &s.lang.from, s.lang.value.code().to_string()),
        row(
            "as-of",
            &s.as_of.from,
            s.as_of
                .value
                .map_or_else(|| word("today"), |d| d.to_string()),
        ),
        row(
            "due-within",
            &s.due_within.from,
            optional(&s.due_within.value),
        ),
        row(
            "jobs",
            &s.jobs.from,
            s.jobs
                .value
                .map_or_else(|| word("one-per-core"), |j| j.to_string()),
        ),
        row(
            "max-file-size",
            &s.max_file_size.from,
            s.max_file_size.value.to_string(),
        ),
        row(
            "respect-gitignore",
            &s.respect_gitignore.from,
            s.respect_gitignore.value.to_string(),
        ),
        row("hidden", &s.hidden.from, s.hidden.value.to_string()),
        row(
            "force-exclude",
            &s.force_exclude.from,
            s.force_exclude.value.to_string(),
        ),
        row(
            "units",
            &s.units.from,
            words.format("cli-config-units", &units),
        ),
        row(
            "waivers.inline",
            from,
            match a.inline {
                crate::config::InlineWaivers::Allow => "allow".into(),
                crate::config::InlineWaivers::Deny => "deny".into(),
            },
        ),
        row(
            "waivers.approvers",
            from,
            if a.approvers.is_empty() {
                word("any")
            } else {
                strings(&a.approvers)
            },
        ),
        row(
            "waivers.max-days",
            from,
            a.max_days.map_or_else(|| word("none"), |d| d.to_string()),
        ),
    ]
}
