//! `rectify rules doc`: a Markdown reference page per rule, generated from
//! the rule file (title, citation, help, kind, `when`, constraints, severity,
//! penalty, the rule as written), and an index page. The committed pages in
//! `docs/rules/` are checked against a fresh generation by `tests/docs.rs`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::diag::Message;
use crate::eval::plan::{Penalty, Short};
use crate::i18n::{Args as Words, Catalogue};
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
    let pages = match pages(&sources, words) {
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

/// `(file name, Markdown)` of every page, in the words of `words`: one per
/// rule, then `index.md`. Rule data is shown as written, a title and help
/// in `words`' language when the rule has a variant for it.
pub fn pages(
    sources: &[(String, String)],
    words: &Catalogue,
) -> Result<Vec<(String, String)>, ParseFailure> {
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
                page(name, text, line, rule, words),
            ));
            rows.push(row(rule, words));
        }
    }
    let names: Vec<&str> = sources.iter().map(|(n, _)| n.as_str()).collect();
    pages.push(("index.md".to_string(), index(&names, &rows, &extra, words)));
    Ok(pages)
}

/// The comment that opens every page.
fn generated(files: &str, words: &Catalogue) -> String {
    let said = words.format("doc-generated", &Words::new().text("files", files));
    format!("<!-- {said} -->\n")
}

fn page(name: &str, text: &str, line: usize, rule: &ast::Rule, words: &Catalogue) -> String {
    let mut out = String::new();
    let word = |id: &str| words.text(&format!("doc-page.{id}"));
    let _ = writeln!(out, "{}", generated(name, words));
    let _ = writeln!(out, "# `{}`\n", rule.id.value);
    for text in texts(rule, ast::TextItem::Title, words) {
        let _ = writeln!(out, "{text}\n");
    }
    let _ = writeln!(out, "| | |\n|---|---|");
    let kind = words.format(
        "doc-applies-to",
        &Words::new().text("kind", &rule.kind.value),
    );
    let _ = writeln!(out, "| {} | {kind} |", word("applies-to"));
    if let Some(per) = &rule.per {
        let names = per.names().into_iter().map(|n| n.to_string());
        let key = crate::diag::join(words, crate::diag::Join::And, names);
        let group = words.format("doc-group-rule", &Words::new().text("key", key));
        let _ = writeln!(out, "| {} | {} |", word("group-rule"), cell(&group));
    }
    if let Some(when) = &rule.when {
        let _ = writeln!(
            out,
            "| {} | `{}` |",
            word("when"),
            cell(&fmt::expr(text, when))
        );
    }
    let _ = writeln!(out, "| {} | {} |", word("severity"), severity(rule, words));
    match &rule.reward {
        Some(r) => {
            let reward = figures(r).describe(words, "early");
            let _ = writeln!(out, "| {} | {} |", word("reward"), cell(&reward));
        }
        None => {
            let _ = writeln!(
                out,
                "| {} | {} |",
                word("penalty"),
                cell(&penalty(rule, words))
            );
        }
    }
    if let Some(cite) = &rule.cite {
        let _ = writeln!(out, "| {} | {} |", word("legal-basis"), cell(&cite.value));
    }
    let at = Words::new()
        .text("file", name)
        .text("line", line.to_string());
    let at = words.format("doc-defined-in", &at);
    let _ = writeln!(out, "| {} | {at} |", word("defined-in"));
    let _ = writeln!(out, "\n## {}\n", word("requires"));
    for c in &rule.requires {
        let _ = writeln!(out, "- `{}`", fmt::constraint(text, c));
    }
    let help = texts(rule, ast::TextItem::Help, words);
    if let Some((first, rest)) = help.split_first() {
        let _ = writeln!(out, "\n## {}\n\n{first}", word("what-to-do"));
        for text in rest {
            let _ = writeln!(out, "\n{text}");
        }
    }
    let written = text.get(rule.span.range()).unwrap_or("").trim_end();
    let heading = word("as-written");
    let _ = writeln!(out, "\n## {heading}\n\n```rules\n{written}\n```");
    out
}

/// A rule's title or help as paragraphs: the text in `words`' language
/// first (its variant, else as written), then the others, each variant
/// after its tag (`` `zh-CN`: … ``), the text as written labelled so.
fn texts(rule: &ast::Rule, item: ast::TextItem, words: &Catalogue) -> Vec<String> {
    let lang = words.lang();
    let written = match item {
        ast::TextItem::Title => rule.title.as_ref(),
        ast::TextItem::Help => rule.help.as_ref(),
    };
    let Some(written) = written else {
        return Vec::new();
    };
    let variants = || rule.variants.iter().filter(|v| v.item.value == item);
    let own = variants().find(|v| v.lang == lang);
    let mut texts = vec![own.map_or(&written.value, |v| &v.text.value).clone()];
    if own.is_some() {
        let args = Words::new().text("text", written.value.as_str());
        texts.push(words.format("doc-as-written", &args));
    }
    let others = variants().filter(|v| v.lang != lang);
    texts.extend(others.map(|v| format!("`{}`: {}", v.tag.value, v.text.value)));
    texts
}

/// A rule's severity as people read it; a reward rule's is `commendation`.
fn severity(rule: &ast::Rule, words: &Catalogue) -> String {
    let args = Words::new().text("severity", rule.severity.value.as_str());
    words.format("severity", &args)
}

/// The penalty in the words of `words`, `reward …` for a reward rule, else
/// `none`.
fn penalty(rule: &ast::Rule, words: &Catalogue) -> String {
    if let Some(r) = &rule.reward {
        let reward = figures(r).describe(words, "early");
        return words.format("doc-reward", &Words::new().text("figures", reward));
    }
    rule.penalty.as_ref().map_or_else(
        || words.text("doc-none"),
        |p| figures(p).describe(words, "late"),
    )
}

/// A penalty or reward as written, as the figures `describe` says.
fn figures(p: &ast::Penalty) -> Penalty {
    Penalty {
        fixed: p.fixed.value,
        per: p
            .per
            .as_ref()
            .map(|per| (per.points.value, per.every, per.unit)),
        short: p.short.as_ref().map(|s| Short {
            points: s.points.value,
            unit: s.unit,
            dir: s.dir.value,
            constraint: 0,
        }),
        cap: p.cap.as_ref().map(|c| c.value),
    }
}

/// One line of the index table.
fn row(rule: &ast::Rule, words: &Catalogue) -> String {
    let id = &rule.id.value;
    let title = rule.title_in(words.lang()).unwrap_or("");
    format!(
        "| [`{id}`]({id}.md) | {} | `{}` | {} | {} |",
        cell(title),
        rule.kind.value,
        severity(rule, words),
        cell(&penalty(rule, words))
    )
}

fn index(names: &[&str], rows: &[String], extra: &[String], words: &Catalogue) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", generated(&names.join(", "), words));
    let _ = writeln!(out, "# {}\n", words.text("doc-index.rules"));
    let files: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    let files = crate::diag::join(words, crate::diag::Join::Plain, files);
    let _ = writeln!(
        out,
        "{}\n",
        words.format("doc-index", &Words::new().text("files", files))
    );
    let columns = ["rule", "title", "kind", "severity", "penalty"]
        .map(|c| words.text(&format!("doc-index.{c}")));
    let _ = writeln!(out, "| {} |", columns.join(" | "));
    let _ = writeln!(out, "|---|---|---|---|---|");
    for r in rows {
        let _ = writeln!(out, "{r}");
    }
    if !extra.is_empty() {
        let fields: Vec<String> = extra.iter().map(|f| format!("`{}`", cell(f))).collect();
        let fields = crate::diag::join(words, crate::diag::Join::Plain, fields);
        let heading = words.text("doc-index.extra-fields");
        let said = words.format("doc-extra-fields", &Words::new().text("fields", fields));
        let _ = writeln!(out, "\n## {heading}\n\n{said}");
    }
    out
}

/// Text for a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
