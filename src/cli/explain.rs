//! `rectify explain RULE RECORD-ID [PATHS...]`: the derivation of one
//! rule's verdict on one record, as numbered steps
//! ([`crate::eval::explain`]), with the record's place.
//!
//! `rectify explain RULE --unit UNIT [PATHS...]` (or `--round`, `--kind`,
//! `--group FIELD=VALUE`, one value per field the rule groups by): a group
//! rule's verdict on one group: the records counted, those meeting the
//! condition, the figure, the threshold, the penalty and its derivation.
//!
//! Exit: 0 explained (whatever the verdict), 2 the rules do not load, or the
//! rule, the record or the group is not found.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::Args;
use jiff::civil::Date;

use crate::diag::{Join, Message};
use crate::eval::explain::{GroupExplanation, explain};
use crate::i18n::{Args as Words, Catalogue};
use crate::load;
use crate::report::neutral;
use crate::run::{self, FindError};

use super::UNTRUSTED;
use super::project::Project;
use super::rules;
use super::settings::{self, Flags};

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule id, like `plan-on-time`
    pub rule: String,
    /// The record id, like `JS-2022-R2-07` (not with --unit, --round, --kind or --group)
    #[arg(required_unless_present_any = ["unit", "round", "kind", "group"])]
    pub record: Option<String>,
    /// Record files or folders to search (walked for *.yaml, *.yml) [default: .]
    pub paths: Vec<PathBuf>,
    /// Explain a group rule on this unit's records (a rule `per unit`, `per unit and …`)
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// Explain a group rule on this round's records (a rule `per round`, `per unit and round`)
    #[arg(long, value_name = "ROUND")]
    pub round: Option<String>,
    /// Explain a group rule on this kind's records (a rule `per kind`)
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Explain a group rule on the group with this value of a field it groups
    /// by, like `region=Jiangsu/Wuxi`; repeatable, one per field
    #[arg(long, value_name = "FIELD=VALUE", value_parser = parse_group)]
    pub group: Vec<(String, String)>,
    /// A rule file or folder of *.rules; repeatable [default: `rules` in rectify.toml, else the bundled rule set]
    #[arg(long = "rules", value_name = "FILE|DIR")]
    pub rules: Vec<PathBuf>,
    /// The evaluation date, YYYY-MM-DD [default: `as-of` in rectify.toml, else today, local time]
    #[arg(long, value_name = "DATE", value_parser = super::args::parse_date)]
    pub as_of: Option<Date>,
    #[command(flatten)]
    pub walk: super::args::WalkArgs,
}

pub fn run(args: &ExplainArgs, project: &Project) -> u8 {
    let flags = Flags {
        paths: args.paths.clone(),
        rules: args.rules.clone(),
        as_of: args.as_of,
        walk: args.walk.clone(),
        ..Flags::default()
    };
    let settings = settings::resolve(project, &flags);
    let as_of = settings.as_of.value.unwrap_or_else(super::check::today);
    let words = settings.lang.value.catalogue();
    let rules = load::rules(&settings.rules.value);
    let Some(plan) = rules.plan.as_ref() else {
        rules::report_load_failure(&rules, "cli-rules-do-not-load", words);
        return UNTRUSTED;
    };
    // Units compare through the project's registry, as in `check` (which
    // also reports a name declared for two units).
    let mut plan = plan.clone();
    plan.units = settings.options(project, as_of).units.compile().0;
    let plan = &plan;
    let ids: Vec<&str> = plan.rules.iter().map(|r| r.id.as_str()).collect();
    let Some(index) = ids.iter().position(|id| *id == args.rule) else {
        let message = Message::new("cli-explain-no-rule").text("rule", neutral::text(&args.rule));
        let help = crate::suggest::did_you_mean(&args.rule, ids.iter().copied())
            .map(crate::diag::did_you_mean);
        super::say_error(words, &message, help.as_ref());
        return UNTRUSTED;
    };
    let schema = run::schema(plan);
    let asked = args.group();
    if !asked.is_empty() {
        // With a group, the first operand is a path, not a record id.
        let group_flags = Flags {
            paths: args
                .record
                .iter()
                .map(PathBuf::from)
                .chain(args.paths.iter().cloned())
                .collect(),
            ..flags
        };
        let options = settings::resolve(project, &group_flags).options(project, as_of);
        return group(plan, index, &asked, &options, as_of, words);
    }
    let options = settings.options(project, as_of);
    let Some(record) = args.record.as_deref() else {
        super::say_error(words, &"cli-explain-nothing-named".into(), None);
        return UNTRUSTED;
    };
    let found = match run::find_record(&options.paths, record, &schema, &options.discovery) {
        Ok(found) => found,
        Err(FindError::NotFound { files }) => {
            let message = Message::new("cli-explain-no-record")
                .text("record", neutral::text(record))
                .int("files", i64::try_from(files).unwrap_or(i64::MAX));
            super::say_error(words, &message, None);
            return UNTRUSTED;
        }
        Err(FindError::Unreadable(problems)) => {
            for p in problems {
                eprintln!(
                    "{}",
                    super::error_line(words, &neutral::text(&p.say(words)))
                );
            }
            return UNTRUSTED;
        }
    };
    for (path, line) in &found.duplicates {
        let place = format!("{}:{line}", neutral::text(&path.display().to_string()));
        let message = Words::new()
            .text("record", neutral::text(record))
            .text("place", place);
        let message = words.format("cli-explain-duplicate", &message);
        eprintln!(
            "{}",
            words.format("cli-warning", &Words::new().text("message", message))
        );
    }
    let line = run::find::line(&found.text, found.record.id.span.start);
    let place = format!(
        "{}:{line}",
        neutral::text(&found.path.display().to_string())
    );
    let mut out = io::stdout().lock();
    let heading = Words::new()
        .text("rule", args.rule.as_str())
        .text("record", record)
        .text("place", place.as_str());
    let written = match explain(plan, &found.record, index, as_of, words) {
        Some(explanation) => print(
            &mut out,
            &words.format("explain-heading-record", &heading),
            &explanation.steps,
        ),
        None => {
            let kind = &plan.kinds[plan.rules[index].kind].name;
            let args = heading
                .text("record", neutral::text(record))
                .text("kind", kind.as_str())
                .text("is", neutral::text(&found.record.kind.value));
            writeln!(out, "{}", words.format("explain-other-kind", &args))
        }
    };
    finish(written, words)
}

fn finish(written: io::Result<()>, words: &Catalogue) -> u8 {
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            let message = Message::new("cli-explain-cannot-write").text("reason", e.to_string());
            super::say_error(words, &message, None);
            UNTRUSTED
        }
        _ => 0,
    }
}

/// `--group region=Jiangsu/Wuxi`: a field and its value.
fn parse_group(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((field, value)) if !field.trim().is_empty() => {
            Ok((field.trim().to_string(), value.to_string()))
        }
        _ => {
            let words = super::help::process_lang().catalogue();
            let message = Message::new("cli-arg-group").text("found", neutral::text(text));
            Err(message.say(words))
        }
    }
}

impl ExplainArgs {
    /// The group asked for, field by field: `[("unit", "Xuzhou")]`.
    fn group(&self) -> Vec<(String, String)> {
        let named = [
            ("unit", &self.unit),
            ("round", &self.round),
            ("kind", &self.kind),
        ];
        let flags = named
            .into_iter()
            .filter_map(|(by, value)| value.as_ref().map(|v| (by.to_string(), v.clone())));
        let unit = |(k, v): &(String, String)| match k.as_str() {
            "responsible.unit" => ("unit".to_string(), v.clone()),
            _ => (k.clone(), v.clone()),
        };
        flags.chain(self.group.iter().map(unit)).collect()
    }
}

/// The values of `asked`, in the order of the rule's keys; or the error
/// and help when they are not exactly the fields it groups by.
fn values(
    rule: &crate::eval::plan::Rule,
    asked: &[(String, String)],
) -> Result<Vec<String>, (Message, Message)> {
    let Some(group) = &rule.group else {
        return Err((
            Message::new("cli-explain-not-group").text("rule", rule.id.as_str()),
            Message::new("cli-explain-not-group.help").text("rule", rule.id.as_str()),
        ));
    };
    let names = asked.iter().map(|(k, _)| neutral::text(k).into_owned());
    let not_grouped = Message::new("cli-explain-not-grouped-by")
        .text("rule", rule.id.as_str())
        .list("names", Join::And, names);
    if group.keys.is_empty() {
        return Err((not_grouped, "cli-explain-one-group".into()));
    }
    let flag = |name: &str| match name {
        "unit" | "round" | "kind" => format!("--{name}"),
        name => format!("--group {name}=…"),
    };
    let wanted: Vec<String> = group.keys.iter().map(|k| flag(&k.name)).collect();
    let mut values = Vec::new();
    for key in &group.keys {
        let mut given = asked.iter().filter(|(k, _)| *k == key.name);
        match (given.next(), given.next()) {
            (Some((_, v)), None) => values.push(v.clone()),
            _ => break,
        }
    }
    if values.len() != group.keys.len() || asked.len() != group.keys.len() {
        let by: Vec<&str> = group.keys.iter().map(|k| k.name.as_str()).collect();
        let help = Message::new("cli-explain-grouped-by")
            .list("by", Join::And, by)
            .list("flags", Join::And, wanted);
        return Err((not_grouped, help));
    }
    Ok(values)
}

/// A group rule on one group: every record under `paths` of the rule's
/// kind that falls in the group.
fn group(
    plan: &crate::eval::Plan,
    index: usize,
    asked: &[(String, String)],
    options: &run::Options,
    as_of: Date,
    words: &'static Catalogue,
) -> u8 {
    let rule = &plan.rules[index];
    let values = match values(rule, asked) {
        Ok(values) => values,
        Err((problem, help)) => {
            super::say_error(words, &problem, Some(&help));
            return UNTRUSTED;
        }
    };
    let mut explanation = GroupExplanation::new(plan, index, &values, as_of);
    let schema = run::schema(plan);
    let read = run::find::each_record(&options.paths, &schema, &options.discovery, |record| {
        explanation.add(record)
    });
    let files = match read {
        Ok(files) => files,
        Err(problems) => {
            for p in problems {
                eprintln!(
                    "{}",
                    super::error_line(words, &neutral::text(&p.say(words)))
                );
            }
            return UNTRUSTED;
        }
    };
    let described = crate::eval::group::describe(rule, &values);
    if explanation.is_empty() {
        let kind = &plan.kinds[rule.kind].name;
        let message = Message::new("cli-explain-no-group-records")
            .text("kind", kind.as_str())
            .text("group", neutral::text(&described))
            .int("files", i64::try_from(files).unwrap_or(i64::MAX));
        let known: Vec<&str> = explanation.groups.iter().map(String::as_str).collect();
        let help = crate::suggest::did_you_mean(&values.join(", "), known.iter().copied())
            .map(|near| crate::diag::did_you_mean(neutral::text(near)));
        super::say_error(words, &message, help.as_ref());
        return UNTRUSTED;
    }
    let shown = crate::eval::group::describe_in(words, rule, &values);
    let args = Words::new()
        .text("rule", rule.id.as_str())
        .text("group", shown);
    let heading = words.format("explain-heading-group", &args);
    let steps = explanation.steps(words);
    finish(print(&mut io::stdout().lock(), &heading, &steps), words)
}

/// Numbered steps; an indented step details the one before and is not
/// numbered. The heading and steps quote record values, so each is shown
/// through [`neutral::text`].
fn print(out: &mut dyn Write, heading: &str, steps: &[String]) -> io::Result<()> {
    writeln!(out, "{}", neutral::text(heading))?;
    let mut n = 0;
    for step in steps {
        let shown = neutral::text(step.trim_start());
        if step.starts_with(' ') {
            writeln!(out, "    {shown}")?;
        } else {
            n += 1;
            writeln!(out, "{n:>2}. {shown}")?;
        }
    }
    Ok(())
}
