//! Recovery after a syntax error, so that one run reports every error of a
//! file: the text is cut lexically into top-level blocks (`rule …`,
//! `ruleset …`) and each block is parsed on its own, its errors shifted to
//! the block's place in the file. The cut also finds what pest alone
//! reports badly: a `{` never closed (named, with its line) and a `}`
//! closing nothing.
//!
//! Only a file that does not parse as a whole comes here, so a file with an
//! error never yields rules (fail closed); the blocks that do parse give
//! their lowering errors too.

use super::{error, lower, parser};
use crate::diag::{Diagnostic, Message};
use crate::source::{LineIndex, Span};

/// `rules::unclosed`: a `{` whose block is never closed, at the `{`.
pub(super) const UNCLOSED: &str = "rules::unclosed";
/// `rules::unmatched-brace`: a `}` that closes no block, at the `}`.
pub(super) const UNMATCHED: &str = "rules::unmatched-brace";

/// Every error of `text`, which does not parse as a whole, in source order.
pub(super) fn errors(text: &str) -> Vec<Diagnostic> {
    let cut = cut(text);
    let lines = LineIndex::new(text);
    let mut errors = cut.stray.clone();
    for block in &cut.blocks {
        errors.extend(block_errors(text, &lines, block, &cut.stray));
    }
    errors.sort_by_key(|e| (e.span.start, e.span.end));
    errors.dedup();
    errors
}

/// One top-level block: `start..end` of the file, and its `{` when the
/// block is left open.
#[derive(Debug)]
struct Block {
    start: usize,
    end: usize,
    open: Option<usize>,
}

#[derive(Debug, Default)]
struct Cut {
    blocks: Vec<Block>,
    stray: Vec<Diagnostic>,
}

/// The errors of one block: its own pest error (unless it is only the
/// missing `}` or a stray `}` already reported) and its lowering errors.
fn block_errors(
    text: &str,
    lines: &LineIndex,
    block: &Block,
    stray: &[Diagnostic],
) -> Vec<Diagnostic> {
    let part = &text[block.start..block.end];
    let mut out = Vec::new();
    if let Some(open) = block.open {
        out.push(unclosed(text, lines, (block.start, open, block.end)));
    }
    match parser::parse_file(part) {
        Ok(pair) => {
            if let Err(errors) = lower::file(pair) {
                out.extend(errors.into_iter().map(|e| shift(e, block.start)));
            }
        }
        Err(e) => {
            let e = shift(error::from_pest(&e, part), block.start);
            let at_end = e.span.start as usize >= block.start + part.trim_end().len();
            let at_stray = stray.iter().any(|s| s.span.start == e.span.start);
            if !(at_stray || (block.open.is_some() && at_end)) {
                out.push(e);
            }
        }
    }
    out
}

fn shift(mut e: Diagnostic, by: usize) -> Diagnostic {
    e.span = Span::new(e.span.start as usize + by, e.span.end as usize + by);
    e
}

/// "`rule plan-on-time` opened at line 12 is never closed", at the `{`.
/// `at`: where the block starts, its `{`, where it ends.
fn unclosed(text: &str, lines: &LineIndex, at: (usize, usize, usize)) -> Diagnostic {
    let (start, open, end) = at;
    let line_of = |at: usize| lines.line_col(text, at as u32).0;
    let head: Vec<&str> = text[start..open].split_whitespace().collect();
    let line = line_of(open);
    let message = match head.first() {
        Some(&"rule") | Some(&"ruleset") => {
            Message::new("rules-unclosed").text("block", clip(&head.join(" ")))
        }
        _ => Message::new("rules-unclosed.block"),
    }
    .int("line", line as i64);
    let next = text[end..].split_whitespace().take(2).collect::<Vec<_>>();
    let help = if next.is_empty() {
        Message::new("rules-unclosed.help-end")
    } else {
        Message::new("rules-unclosed.help")
            .text("next", clip(&next.join(" ")))
            .int("line", line_of(end) as i64)
    };
    Diagnostic::error(UNCLOSED, Span::new(open, open + 1), message).with_help(help)
}

/// At most 40 characters of a block's head, for a message.
fn clip(head: &str) -> String {
    match head.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &head[..at]),
        None => head.to_string(),
    }
}

/// Cut `text` into top-level blocks. A block starts at `rule` or `ruleset`
/// outside any braces, or at a line that starts like a new block
/// (`rule ID {`, `ruleset "`) while braces are still open: the block
/// before it was left open.
fn cut(text: &str) -> Cut {
    let mut cut = Cut::default();
    let (mut depth, mut start, mut open) = (0usize, 0usize, None);
    let mut chars = text.char_indices().peekable();
    // Only whitespace so far on the current line: the one place a line can
    // start a new block, looked at once per line so the cut stays linear.
    let mut fresh = true;
    while let Some((i, c)) = chars.next() {
        let first_on_line = fresh;
        if c == '\n' {
            fresh = true;
        } else if !c.is_whitespace() {
            fresh = false;
        }
        match c {
            '#' => skip_while(&mut chars, |c| c != '\n'),
            '"' => skip_string(&mut chars),
            '{' => {
                if depth == 0 {
                    open = Some(i);
                }
                depth += 1;
            }
            '}' if depth == 0 => cut.stray.push(
                Diagnostic::error(UNMATCHED, Span::new(i, i + 1), "rules-unmatched-brace")
                    .with_help("rules-unmatched-brace.help"),
            ),
            '}' => {
                depth -= 1;
                if depth == 0 {
                    open = None;
                }
            }
            c if c.is_alphabetic() => {
                let word_end = word_end(text, i);
                let word = &text[i..word_end];
                let header = word == "rule" || word == "ruleset";
                let new_block =
                    header && i > start && (depth == 0 || (first_on_line && header_line(text, i)));
                if new_block {
                    cut.blocks.push(Block {
                        start,
                        end: i,
                        open: open.filter(|_| depth > 0),
                    });
                    (start, depth, open) = (i, 0, None);
                }
                skip_while(&mut chars, |c| c.is_alphanumeric() || c == '_' || c == '-');
            }
            _ => {}
        }
    }
    cut.blocks.push(Block {
        start,
        end: text.len(),
        open: open.filter(|_| depth > 0),
    });
    cut
}

type Chars<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

fn skip_while(chars: &mut Chars<'_>, keep: impl Fn(char) -> bool) {
    while chars.next_if(|(_, c)| keep(*c)).is_some() {}
}

/// Past a string's closing quote, or to the end of its line (the grammar
/// allows no line break in a string).
fn skip_string(chars: &mut Chars<'_>) {
    let mut escaped = false;
    while let Some((_, c)) = chars.next_if(|(_, c)| *c != '\n') {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return,
            _ => {}
        }
    }
}

fn word_end(text: &str, start: usize) -> usize {
    text[start..]
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '-'))
        .map_or(text.len(), |(at, _)| start + at)
}

/// The line at `at` reads like the head of a block: `rule ID {` or
/// `ruleset "…`. No rule item starts so.
fn header_line(text: &str, at: usize) -> bool {
    let line = text[at..].lines().next().unwrap_or("");
    let words: Vec<&str> = line.split_whitespace().collect();
    match words.as_slice() {
        ["ruleset", name, ..] => name.starts_with('"'),
        ["rule", _, brace, ..] => brace.starts_with('{'),
        ["rule", id] => id.ends_with('{'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::cut;

    #[test]
    fn blocks_start_at_rule_and_ruleset_outside_braces_and_strings() {
        let text = "ruleset \"a { rule\" {\n}\n# rule x {\nrule a {\n  title \"}\"\n}\nrule b {\n";
        let cut = cut(text);
        let starts: Vec<usize> = cut.blocks.iter().map(|b| b.start).collect();
        assert_eq!(
            starts,
            vec![
                0,
                text.find("rule a").unwrap_or(0),
                text.find("rule b").unwrap_or(0)
            ]
        );
        assert!(cut.stray.is_empty());
        assert_eq!(cut.blocks[2].open, text.rfind('{'));
    }

    #[test]
    fn an_open_block_ends_at_a_line_that_starts_a_new_one() {
        let text = "rule a {\n  for task\nrule b {\n}\n";
        let cut = cut(text);
        assert_eq!(cut.blocks.len(), 2);
        assert_eq!(cut.blocks[0].open, Some(7));
        assert_eq!(cut.blocks[1].open, None);
    }

    #[test]
    fn a_word_rule_inside_a_block_does_not_start_one() {
        let text = "rule a {\n  require each waivers: rule = \"x\"\n}\n";
        assert_eq!(cut(text).blocks.len(), 1);
    }
}
