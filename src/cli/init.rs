//! `rectify init`: write a commented `rectify.toml` in the working folder
//! and, with `--rules`, a copy of the bundled rule set, its calendar and its
//! rule tests under `rules/` to adapt (the config then points at them).
//! Existing files are never overwritten without `--force`.

use crate::diag::Message;
use std::path::{Path, PathBuf};

use clap::Args;

use super::UNTRUSTED;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Also copy the bundled rules, calendar and rule tests into rules/
    #[arg(long)]
    pub rules: bool,
    /// Overwrite files that already exist
    #[arg(long)]
    pub force: bool,
}

/// The bundled rule set's files, as `rectify init --rules` writes them.
const RULE_FILES: &[(&str, &str)] = &[
    ("rules/central-inspection.rules", crate::load::BUNDLED_RULES),
    ("rules/calendars/cn.yaml", crate::load::BUNDLED_CALENDAR),
    (
        "rules/tests/closed-by-deadline.yaml",
        include_str!("../../rules/tests/closed-by-deadline.yaml"),
    ),
    (
        "rules/tests/notice-and-extensions.yaml",
        include_str!("../../rules/tests/notice-and-extensions.yaml"),
    ),
    (
        "rules/tests/petition-closure-rate.yaml",
        include_str!("../../rules/tests/petition-closure-rate.yaml"),
    ),
    (
        "rules/tests/petitions.yaml",
        include_str!("../../rules/tests/petitions.yaml"),
    ),
    (
        "rules/tests/plan-on-time.yaml",
        include_str!("../../rules/tests/plan-on-time.yaml"),
    ),
    (
        "rules/tests/stages.yaml",
        include_str!("../../rules/tests/stages.yaml"),
    ),
];

/// The commented configuration `rectify init` writes; `{rules}` is the
/// `rules` line, set when the rules were copied.
const TEMPLATE: &str = r#"# rectify.toml: settings every rectify command in this folder and below uses.
# Paths are relative to this file. A command-line flag overrides its setting;
# `rectify config` shows what applies and where each value came from.

# Record files or folders (walked for *.yaml, *.yml), or globs.
records = ["ledgers"]

# Globs (as in .gitignore) of paths never read as records.
# exclude = ["ledgers/drafts"]

# Rule files or folders. Unset: the rule set built into rectify.
{rules}

# Waiver files (rule, record, reason, until, approved_by), and who may waive.
# [waivers]
# files = ["waivers.yaml"]
# inline = "deny"                 # waivers written inside records are errors
# approvers = ["Provincial Leading Group Office"]
# max-days = 180                  # the longest `until` after the evaluation date

# The lowest severity that fails a check: error, warning, info or never.
fail-on = "error"

# The report format: human, plain, json, sarif, junit, github or markdown.
# format = "human"

# A fixed evaluation date, for a reproducible audit (default: today).
# as-of = 2025-06-30

# List the stages that fall due within so many days.
# due-within = 30

# Worker threads (default: one per core), and the largest record file read.
# jobs = 4
# max-file-size = 67108864

# Honour .gitignore and .ignore files when walking folders.
# respect-gitignore = true

# Skip files named on the command line outside `records` or inside `exclude`
# (pre-commit passes every changed YAML file).
# force-exclude = true

# The unit registry: each canonical unit name with the other names it goes by.
# [units]
# "苏州市人民政府" = ["苏州市政府", "Suzhou Municipal Government"]
"#;

pub fn run(args: &InitArgs) -> u8 {
    let rules_line = if args.rules {
        r#"rules = ["rules"]"#
    } else {
        r#"# rules = ["rules"]          # `rectify init --rules` copies the bundled set there"#
    };
    let config = TEMPLATE.replace("{rules}", rules_line);
    let mut files: Vec<(PathBuf, &str)> = vec![(PathBuf::from(crate::config::FILE_NAME), &config)];
    if args.rules {
        files.extend(RULE_FILES.iter().map(|(p, t)| (PathBuf::from(p), *t)));
    }
    let existing: Vec<&PathBuf> = files
        .iter()
        .map(|(p, _)| p)
        .filter(|p| p.symlink_metadata().is_ok())
        .collect();
    let words = super::help::process_lang().catalogue();
    if !args.force && !existing.is_empty() {
        for path in existing {
            let message = Message::new("cli-init-exists").text("file", path.display().to_string());
            eprintln!("{}", super::error_line(words, &message.say(words)));
        }
        eprintln!(
            "  {}",
            super::help_line(words, &words.text("cli-init-exists.help"))
        );
        return UNTRUSTED;
    }
    for (path, text) in &files {
        if let Err(e) = write(path, text) {
            let message = Message::new("cli-cannot-write-file")
                .text("file", path.display().to_string())
                .text("reason", super::output::io_reason(&e, words));
            super::say_error(words, &message, None);
            return UNTRUSTED;
        }
        let wrote = Message::new("cli-wrote").text("file", path.display().to_string());
        eprintln!("{}", wrote.say(words));
    }
    0
}

fn write(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    super::output::write(path, |out| out.write_all(text.as_bytes()))
}
