//! `rectify rules doc`: a Markdown reference page per rule, generated from
//! the rule file (title, citation, help, kind, `when`, constraints, severity,
//! penalty, the rule as written), and an index page. The committed pages in
//! `docs/rules/` are checked against a fresh generation by `tests/docs.rs`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::diag::Message;
use crate::i18n::Args as Words;
use crate::source::LineIndex;
use crate::syntax::{self, ast, fmt};

use super::UNTRUSTED;
use super::project::Project;
use super::rules::{self, DiagFormat};

#[derive(Debug, Args)]
pub struct DocArgs {
    /// Rule files or folders (walked for *.rules) [default: `rules` in rectify.toml, else the bundled set]
    #[arg(value_name = "FILE|DIR")]
    pub paths: Vec<PathBuf>,
    /// The folder to write the pages into
    #[arg(long, value_name = "DIR", default_value = "docs/rules")]
    pub output: PathBuf,
}

pub fn run(args: &DocArgs, project: &Project) -> u8 {
    let words = super::settings::words(project);
    let paths = rules::rule_paths(project, &args.paths);
    rules::note_rule_set(&paths, words);
    let output = project.path(&args.output);
    let args = DocArgs {
        paths: paths.value,
        output,
    };
    let sources = match sources(&args.paths) {
        Ok(sources) => sources,
        Err(message) => {
            super::say_error(words, &message, None);
            return UNTRUSTED;
        }
    };
    let pages = match pages(&sources) {
        Ok(pages) => pages,
        Err((name, text, errors)) => {
            let files = [rules::source_file(&name, &text)];
            let _ = rules::render(
                &files,
                &rules::syntax_errors(errors),
                words,
                DiagFormat::Human,
                super::check::color(
                    super::args::ColorArg::Auto,
                    std::io::IsTerminal::is_terminal(&std::io::stderr()),
                ),
                &mut std::io::stderr(),
            );
            let message = Message::new("cli-doc-does-not-parse").text("file", name.as_str());
            super::say_error(words, &message, None);
            return UNTRUSTED;
        }
    };
    if let Err(e) = std::fs::create_dir_all(&args.output) {
        let message = Message::new("cli-cannot-create-folder")
            .text("folder", args.output.display().to_string())
            .text("reason", e.to_string());
        super::say_error(words, &message, None);
        return UNTRUSTED;
    }
    for (name, page) in &pages {
        let path = args.output.join(name);
        if let Err(e) = std::fs::write(&path, page) {
            super::say_error(words, &super::check::cannot_write(&path, &e, words), None);
            return UNTRUSTED;
        }
    }
    let wrote = Words::new()
        .int("pages", i64::try_from(pages.len()).unwrap_or(i64::MAX))
        .text("folder", args.output.display().to_string());
    eprintln!("{}", words.format("cli-doc-wrote", &wrote));
    0
}

/// `(name as shown, text)` of each rule file; none given: the bundled set.
fn sources(paths: &[PathBuf]) -> Result<Vec<(String, String)>, Message> {
    if paths.is_empty() {
        let name = "<bundled>/central-inspection.rules".to_string();
        return Ok(vec![(name, crate::load::BUNDLED_RULES.to_string())]);
    }
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let found = crate::load::files_under(path, &["rules"]);
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    files
        .iter()
        .map(|p: &PathBuf| {
            crate::load::read_text(p, crate::load::MAX_FILE_SIZE)
                .map(|text| (shown(p), text))
                .map_err(|e| {
                    Message::new("cli-cannot-read-file")
                        .text("file", p.display().to_string())
                        .text("reason", e.to_string())
                })
        })
        .collect()
}

/// Paths with `/` whatever the platform, so generated pages do not differ.
fn shown(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// A failed parse: the file's name and text, and its errors.
pub type ParseFailure = (String, String, Vec<crate::diag::Diagnostic>);

/// `(file name, Markdown)` of every page: one per rule, then `index.md`.
pub fn pages(sources: &[(String, String)]) -> Result<Vec<(String, String)>, ParseFailure> {
    let mut pages = Vec::new();
    let mut rows = Vec::new();
    let mut extra = Vec::new();
    for (name, text) in sources {
        let file = syntax::parse(text).map_err(|e| (name.clone(), text.clone(), e))?;
        extra.extend(
            file.rulesets
                .iter()
                .flat_map(|r| &r.decls)
                .flat_map(|d| match d {
                    ast::Decl::Fields { paths, .. } => {
                        paths.iter().map(|p| p.value.clone()).collect()
                    }
                    _ => Vec::new(),
                }),
        );
        let lines = LineIndex::new(text);
        for rule in &file.rules {
            let line = lines.line_col(text, rule.span.start).0;
            pages.push((
                format!("{}.md", rule.id.value),
                page(name, text, line, rule),
            ));
            rows.push(row(text, rule));
        }
    }
    let names: Vec<&str> = sources.iter().map(|(n, _)| n.as_str()).collect();
    pages.push(("index.md".to_string(), index(&names, &rows, &extra)));
    Ok(pages)
}

const GENERATED: &str = "<!-- Generated by `rectify rules doc` from";

fn page(name: &str, text: &str, line: usize, rule: &ast::Rule) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{GENERATED} {name}; do not edit. -->\n");
    let _ = writeln!(out, "# `{}`\n", rule.id.value);
    if let Some(title) = &rule.title {
        let _ = writeln!(out, "{}\n", title.value);
    }
    for v in rule
        .variants
        .iter()
        .filter(|v| v.item.value == ast::TextItem::Title)
    {
        let _ = writeln!(out, "`{}`: {}\n", v.tag.value, v.text.value);
    }
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(out, "| applies to | `{}` records |", rule.kind.value);
    if let Some(per) = &rule.per {
        let key = per.names().join(" and ");
        let _ = writeln!(
            out,
            "| group rule | one finding per failing {key}, located at the rule |"
        );
    }
    if let Some(when) = &rule.when {
        let _ = writeln!(out, "| when | `{}` |", cell(&fmt::expr(text, when)));
    }
    let _ = writeln!(out, "| severity | {} |", rule.severity.value.as_str());
    match &rule.reward {
        Some(r) => {
            let reward = fmt::reward(text, r);
            let reward = reward.strip_prefix("reward ").unwrap_or(&reward);
            let _ = writeln!(out, "| reward | {} |", cell(reward));
        }
        None => {
            let _ = writeln!(out, "| penalty | {} |", cell(&penalty(text, rule)));
        }
    }
    if let Some(cite) = &rule.cite {
        let _ = writeln!(out, "| legal basis | {} |", cell(&cite.value));
    }
    let _ = writeln!(out, "| defined in | `{name}`, line {line} |");
    let _ = writeln!(out, "\n## Requires\n");
    for c in &rule.requires {
        let _ = writeln!(out, "- `{}`", fmt::constraint(text, c));
    }
    if let Some(help) = &rule.help {
        let _ = writeln!(out, "\n## What to do\n\n{}", help.value);
        for v in rule
            .variants
            .iter()
            .filter(|v| v.item.value == ast::TextItem::Help)
        {
            let _ = writeln!(out, "\n`{}`: {}", v.tag.value, v.text.value);
        }
    }
    let written = text.get(rule.span.range()).unwrap_or("").trim_end();
    let _ = writeln!(out, "\n## As written\n\n```rules\n{written}\n```");
    out
}

/// The penalty as written, `reward …` for a reward rule, else `none`.
fn penalty(text: &str, rule: &ast::Rule) -> String {
    if let Some(r) = &rule.reward {
        return fmt::reward(text, r);
    }
    rule.penalty
        .as_ref()
        .map_or_else(|| "none".to_string(), |p| fmt::penalty(text, p))
}

/// One line of the index table.
fn row(text: &str, rule: &ast::Rule) -> String {
    let id = &rule.id.value;
    let title = rule.title.as_ref().map_or("", |t| t.value.as_str());
    format!(
        "| [`{id}`]({id}.md) | {} | `{}` | {} | {} |",
        cell(title),
        rule.kind.value,
        rule.severity.value.as_str(),
        cell(&penalty(text, rule))
    )
}

fn index(names: &[&str], rows: &[String], extra: &[String]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{GENERATED} {}; do not edit. -->\n", names.join(", "));
    let _ = writeln!(out, "# Rules\n");
    let files: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    let _ = writeln!(
        out,
        "One page per rule of {}. The rule language is described in [the reference](../rule-language.md).\n",
        files.join(", ")
    );
    let _ = writeln!(out, "| rule | title | kind | severity | penalty |");
    let _ = writeln!(out, "|---|---|---|---|---|");
    for r in rows {
        let _ = writeln!(out, "{r}");
    }
    if !extra.is_empty() {
        let fields: Vec<String> = extra.iter().map(|f| format!("`{}`", cell(f))).collect();
        let _ = writeln!(
            out,
            "\n## Extra fields\n\nRecords may carry these fields beside the record format; the rules declare them (`extra fields`): {}.",
            fields.join(", ")
        );
    }
    out
}

/// Text for a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
