//! `rectify fmt`: the one canonical layout of a rule file.
//!
//! Owns: printing a parsed file back as text, with every comment kept.
//! Must not: change meaning (the output parses to an equal AST), lose or
//! reword a comment, or do I/O.
//!
//! The layout (docs/rule-language.md, "Formatting"):
//!
//! - `ruleset` blocks first, then `rule` blocks, each in file order, with one
//!   blank line between blocks; `{` ends the block's first line, `}` stands
//!   alone; items are indented two spaces, one per line.
//! - Rule items in a fixed order: `title`, `cite`, `for`, `when`, each
//!   `require` (in the order written), `severity`, `penalty` or `reward`, `help`;
//!   a title's and a help's language variants (`title zh-CN "…"`) follow it.
//!   Declarations keep the order written.
//! - Single spaces between words; parentheses only where precedence needs
//!   them; strings re-escaped canonically; numbers as written; `1 point`,
//!   `1 month` singular, other counts plural. Long lines are not wrapped.
//! - Comments: a comment on its own line stays on its own line before the
//!   item that follows it (or before the `}` that closes its block, or at the
//!   end of the file); an end-of-line comment stays at the end of its item's
//!   line, two spaces after it. A comment written inside a multi-line item
//!   goes on its own line before that item. Between top-level blocks and
//!   comments, one blank line is kept where the file had one or more; inside
//!   blocks, blank lines are dropped. Trailing spaces are trimmed.

mod print;

use super::ast::{File, Rule, Ruleset, TextItem};
use crate::diag::{Diagnostic, Message};
use crate::source::Spanned;

use print::Printer;

const INDENT: &str = "  ";

/// `rules::fmt-unsafe`: the canonical layout of a file would not parse back
/// to the same rules (an `and` chain whose brackets, needless for
/// precedence, kept it under the length limit), so it is not written.
pub const UNSAFE: &str = "rules::fmt-unsafe";

/// Format a rule file. A file that does not parse is returned as its errors;
/// so is one whose formatted text would not parse back to an equal AST
/// (`rules::fmt-unsafe`, at the block where the layout fails).
pub fn format(text: &str) -> Result<String, Vec<Diagnostic>> {
    let file = super::parse(text)?;
    let formatted = format_file(text, &file);
    let (message, at) = match super::parse(&formatted) {
        // Comments are compared by `fmt`'s own tests: their trailing spaces go.
        Ok(again) if again.rulesets == file.rulesets && again.rules == file.rules => {
            return Ok(formatted);
        }
        Ok(_) => (Message::new("rules-fmt-unsafe-meaning"), 0),
        Err(errors) => {
            let first = errors.first();
            let at = first.map_or(0, |e| e.span.start as usize);
            let message = match first {
                Some(e) => Message::new("rules-fmt-unsafe-parse").said("reason", e.message.clone()),
                None => Message::new("rules-fmt-unsafe-parse.no-reason"),
            };
            (message, at)
        }
    };
    let error = Diagnostic::error(UNSAFE, block_at(&file, &formatted, at), message);
    Err(vec![error.with_help("rules-fmt-unsafe.help")])
}

/// The header of the block holding byte `at` of the formatted text, as a
/// span in the original: blocks are formatted rulesets first, then rules,
/// each in file order, each starting a line with `ruleset` or `rule`.
fn block_at(file: &File, formatted: &str, at: usize) -> crate::source::Span {
    let before = formatted.get(..at).unwrap_or(formatted);
    let headers = before
        .lines()
        .filter(|l| l.starts_with("ruleset ") || l.starts_with("rule "))
        .count();
    let k = headers.saturating_sub(1);
    let spans = file.rulesets.iter().map(|r| r.name.span);
    let mut spans = spans.chain(file.rules.iter().map(|r| r.id.span));
    spans.nth(k).unwrap_or_default()
}

/// A constraint in canonical form on one line (`plan within 30 workdays after assigned`).
pub fn constraint(text: &str, c: &super::ast::Constraint) -> String {
    Printer { text }.constraint(c)
}

/// An expression in canonical form on one line.
pub fn expr(text: &str, e: &super::ast::Expr) -> String {
    Printer { text }.expr(e)
}

/// A reward in canonical form, with its `reward` keyword
/// (`reward 1 point, plus 0.5 per 30 days early, at most 3`).
pub fn reward(text: &str, p: &super::ast::Penalty) -> String {
    Printer { text }.reward(p)
}

/// A penalty in canonical form, without the `penalty` keyword
/// (`1 point, plus 0.1 per workday late, at most 3`).
pub fn penalty(text: &str, p: &super::ast::Penalty) -> String {
    let full = Printer { text }.penalty(p);
    full.strip_prefix("penalty ").unwrap_or(&full).to_string()
}

/// Format an already parsed file; `text` is the text it was parsed from.
pub fn format_file(text: &str, file: &File) -> String {
    let layout = Layout {
        text,
        comments: &file.comments,
        printer: Printer { text },
    };
    let mut blocks: Vec<Block> = file.rulesets.iter().map(|r| layout.ruleset(r)).collect();
    blocks.extend(file.rules.iter().map(|r| layout.rule(r)));
    let trailing = layout.attach(&mut blocks);
    render(&blocks, &trailing)
}

/// One output line and where its content was written.
#[derive(Debug)]
struct Line {
    start: usize,
    end: usize,
    /// Indentation of the line and of the comments before it.
    indent: &'static str,
    comment_indent: &'static str,
    text: String,
    leading: Vec<Comment>,
    eol: Option<String>,
    /// A blank line separated the last leading comment from this line.
    blank_after_comments: bool,
}

#[derive(Debug)]
struct Comment {
    text: String,
    /// A blank line came before it in the file.
    blank_before: bool,
}

/// A ruleset or rule: its lines in output order, the first being `… {`.
#[derive(Debug)]
struct Block {
    lines: Vec<Line>,
}

struct Layout<'a> {
    text: &'a str,
    comments: &'a [Spanned<String>],
    printer: Printer<'a>,
}

impl Layout<'_> {
    fn line(&self, start: usize, end: usize, indent: &'static str, text: String) -> Line {
        Line {
            start,
            end: self.content_end(start, end),
            indent,
            comment_indent: indent,
            text,
            leading: Vec::new(),
            eol: None,
            blank_after_comments: false,
        }
    }

    fn ruleset(&self, r: &Ruleset) -> Block {
        let start = r.span.start as usize;
        let open = self.after_brace(r.name.span.end as usize);
        let mut lines = vec![self.line(
            start,
            open,
            "",
            format!("ruleset {} {{", print::string(&r.name.value)),
        )];
        for decl in &r.decls {
            let (start, end) = self.decl_span(decl);
            lines.push(self.line(start, end, INDENT, self.printer.decl(decl)));
        }
        lines.push(self.close(r.span.end as usize));
        Block { lines }
    }

    fn decl_span(&self, decl: &super::ast::Decl) -> (usize, usize) {
        use super::ast::Decl;
        let span = match decl {
            Decl::Calendar(path) => {
                let end = path.span.end as usize;
                return (self.keyword_start(path.span.start as usize), end);
            }
            Decl::Roll(p) => p.span,
            Decl::Pipeline { span, .. } => *span,
            Decl::Score(s) => s.span,
            Decl::Fields { span, .. } => *span,
        };
        (span.start as usize, span.end as usize)
    }

    fn rule(&self, r: &Rule) -> Block {
        let open = self.after_brace(r.id.span.end as usize);
        let header = format!("rule {} {{", r.id.value);
        let mut lines = vec![self.line(r.span.start as usize, open, "", header)];
        let item = |span: crate::source::Span, text: String| {
            let start = self.keyword_start(span.start as usize);
            self.line(start, span.end as usize, INDENT, text)
        };
        if let Some(t) = &r.title {
            lines.push(item(t.span, format!("title {}", print::string(&t.value))));
        }
        // A variant's span starts at its keyword already.
        let variants = |which: TextItem| {
            (r.variants.iter().filter(move |v| v.item.value == which)).map(move |v| {
                let text = format!(
                    "{} {} {}",
                    which.as_str(),
                    v.tag.value,
                    print::string(&v.text.value)
                );
                let (start, end) = (v.item.span.start as usize, v.item.span.end as usize);
                self.line(start, end, INDENT, text)
            })
        };
        lines.extend(variants(TextItem::Title));
        if let Some(c) = &r.cite {
            lines.push(item(c.span, format!("cite {}", print::string(&c.value))));
        }
        lines.push(item(r.kind.span, format!("for {}", r.kind.value)));
        if let Some(per) = &r.per {
            // From the first key, as `item` wants the value after its keyword.
            let first = per.keys.first().map_or(per.span.start, |k| k.span.start);
            let span = crate::source::Span::new(first as usize, per.span.end as usize);
            lines.push(item(span, format!("per {}", per.names().join(" and "))));
        }
        if let Some(w) = &r.when {
            lines.push(item(w.span, format!("when {}", self.printer.expr(w))));
        }
        for c in &r.requires {
            lines.push(item(
                c.span,
                format!("require {}", self.printer.constraint(c)),
            ));
        }
        // A reward rule has no `severity`: its findings are commendations.
        if r.reward.is_none() {
            lines.push(item(
                r.severity.span,
                format!("severity {}", r.severity.value.as_str()),
            ));
        }
        // The penalty's and the reward's spans already start at the keyword.
        let figures = (r.penalty.iter().map(|p| (p, self.printer.penalty(p))))
            .chain(r.reward.iter().map(|p| (p, self.printer.reward(p))));
        for (p, text) in figures {
            let line = self.line(p.span.start as usize, p.span.end as usize, INDENT, text);
            lines.push(line);
        }
        if let Some(h) = &r.help {
            let start = self.keyword_start(h.span.start as usize);
            let text = format!("help {}", print::string(&h.value));
            lines.push(self.line(start, h.span.end as usize, INDENT, text));
        }
        lines.extend(variants(TextItem::Help));
        lines.push(self.close(r.span.end as usize));
        Block { lines }
    }

    /// The closing `}` ending at `end`; comments before it are indented as items.
    fn close(&self, end: usize) -> Line {
        let mut line = self.line(end.saturating_sub(1), end, "", "}".into());
        line.comment_indent = INDENT;
        line
    }

    /// Just after the `{` that follows `from`, skipping space and comments.
    fn after_brace(&self, from: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut i = from;
        while i < bytes.len() {
            if let Some(c) = self.comments.iter().find(|c| c.span.start as usize == i) {
                i = c.span.end as usize;
                continue;
            }
            if bytes[i] == b'{' {
                return i + 1;
            }
            i += 1;
        }
        from
    }

    /// The end of the last token in `start..end`: some spans (a constraint's)
    /// take in the spaces and comments after them.
    fn content_end(&self, start: usize, end: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut i = end.min(bytes.len());
        loop {
            while i > start && bytes[i - 1].is_ascii_whitespace() {
                i -= 1;
            }
            match self.comments.iter().find(|c| c.span.end as usize == i) {
                Some(c) if i > start && c.span.start as usize >= start => i = c.span.start as usize,
                _ => return i,
            }
        }
    }

    /// Where the keyword before the value at `value_start` begins
    /// (`title` before its string), skipping space and comments between.
    fn keyword_start(&self, value_start: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut i = value_start.min(bytes.len());
        loop {
            while i > 0 && bytes[i - 1].is_ascii_whitespace() {
                i -= 1;
            }
            match self.comments.iter().find(|c| c.span.end as usize == i) {
                Some(c) if i > 0 => i = c.span.start as usize,
                _ => break,
            }
        }
        while i > 0 && (bytes[i - 1].is_ascii_alphabetic() || bytes[i - 1] == b'-') {
            i -= 1;
        }
        i
    }

    /// Give each comment to a line; what is left after every line ends the file.
    fn attach(&self, blocks: &mut [Block]) -> Vec<Comment> {
        let mut lines: Vec<&mut Line> = blocks.iter_mut().flat_map(|b| &mut b.lines).collect();
        lines.sort_by_key(|l| l.start);
        let mut trailing = Vec::new();
        for c in self.comments {
            let (start, end) = (c.span.start as usize, c.span.end as usize);
            let comment = Comment {
                text: c.value.trim_end().to_string(),
                blank_before: self.blank_before(start),
            };
            let inside = lines.iter().position(|l| l.start <= start && start < l.end);
            let next = lines.iter().position(|l| l.start >= end);
            let own_line = self.own_line(start);
            let before = lines.iter().rposition(|l| l.end <= start);
            let target = match (inside, own_line, before) {
                (Some(i), _, _) => Some(i),
                (None, false, Some(b)) if lines[b].eol.is_none() => {
                    lines[b].eol = Some(comment.text);
                    continue;
                }
                _ => next,
            };
            match target {
                Some(i) => {
                    let line = &mut lines[i];
                    if end <= line.start {
                        line.blank_after_comments = self.blank_between(end, line.start);
                    }
                    line.leading.push(comment);
                }
                None => trailing.push(comment),
            }
        }
        trailing
    }

    /// Only spaces precede `at` on its line.
    fn own_line(&self, at: usize) -> bool {
        let line_start = self.text[..at].rfind('\n').map_or(0, |i| i + 1);
        self.text[line_start..at].trim().is_empty()
    }

    /// An empty line lies between the last text before `at` and `at`.
    fn blank_before(&self, at: usize) -> bool {
        let before = &self.text[..at];
        let gap = &before[before.trim_end().len()..];
        !before.trim_end().is_empty() && gap.matches('\n').count() >= 2
    }

    fn blank_between(&self, from: usize, to: usize) -> bool {
        self.text
            .get(from..to)
            .is_some_and(|gap| gap.trim().is_empty() && gap.matches('\n').count() >= 2)
    }
}

fn render(blocks: &[Block], trailing: &[Comment]) -> String {
    let mut out = String::new();
    for (b, block) in blocks.iter().enumerate() {
        if b > 0 {
            out.push('\n');
        }
        for (l, line) in block.lines.iter().enumerate() {
            // Blank lines are kept only around the comments before a block.
            let top = l == 0;
            for (i, c) in line.leading.iter().enumerate() {
                if top && i > 0 && c.blank_before {
                    out.push('\n');
                }
                push_line(&mut out, line.comment_indent, &c.text);
            }
            if top && !line.leading.is_empty() && line.blank_after_comments {
                out.push('\n');
            }
            let mut text = line.text.clone();
            if let Some(eol) = &line.eol {
                text.push_str("  ");
                text.push_str(eol);
            }
            push_line(&mut out, line.indent, &text);
        }
    }
    for (i, c) in trailing.iter().enumerate() {
        let separate = if i == 0 {
            !blocks.is_empty()
        } else {
            c.blank_before
        };
        if separate {
            out.push('\n');
        }
        push_line(&mut out, "", &c.text);
    }
    out
}

fn push_line(out: &mut String, indent: &str, text: &str) {
    out.push_str(indent);
    out.push_str(text);
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::format;

    #[test]
    fn parentheses_only_where_needed() {
        let text = "rule a-b { for task require ((a = 1) and (b or c)) or not (d is present) severity error }";
        let out = format(text).expect("formats");
        assert!(
            out.contains("require a = 1 and (b or c) or not d is present"),
            "{out}"
        );
    }

    #[test]
    fn strings_are_re_escaped() {
        let text =
            "rule a { title \"tab\\there \\u{41} \\\"q\\\"\" for task require x severity info }";
        let out = format(text).expect("formats");
        assert!(out.contains(r#"title "tab\there A \"q\"""#), "{out}");
    }
}
