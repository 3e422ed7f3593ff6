//! The pest parser generated from `grammar/rules.pest`, and the helpers every
//! lowering function uses to walk its pairs. Nothing here is public outside
//! `syntax`.

use pest::Parser as _;
use pest::iterators::Pair;

use crate::source::Span;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/rules.pest"] // relative to `src/`
pub(super) struct RulesParser;

pub(super) type P<'i> = Pair<'i, Rule>;

/// The `file` pair of `text`, or pest's error.
pub(super) fn parse_file(text: &str) -> Result<P<'_>, Box<pest::error::Error<Rule>>> {
    let mut pairs = RulesParser::parse(Rule::file, text).map_err(Box::new)?;
    // `file` always yields exactly one pair when parsing succeeds.
    pairs.next().ok_or_else(|| {
        let pos = pest::Position::from_start(text);
        Box::new(pest::error::Error::new_from_pos(
            pest::error::ErrorVariant::CustomError {
                message: "empty parse".into(),
            },
            pos,
        ))
    })
}

/// The byte span of a pair, without trailing trivia.
///
/// pest skips whitespace and comments before it tries an optional or
/// repeated tail (`expr = { term ~ (op ~ term)* }`), and keeps what it
/// skipped in the pair even when the tail is absent. A span taken as is
/// would then run over the next line's `severity warning`. So a pair with
/// children ends where its last child ends, when only whitespace and
/// comments follow that child; a closing token that is no pair of its own
/// (a string's `"`) is kept.
pub(super) fn span(pair: &P<'_>) -> Span {
    let s = pair.as_span();
    Span::new(s.start(), end(pair))
}

/// Where `pair` ends once trailing trivia is dropped.
fn end(pair: &P<'_>) -> usize {
    let whole = pair.as_span().end();
    let Some(last) = kids(pair).last() else {
        return whole;
    };
    let last_end = end(&last);
    if is_trivia(&pair.get_input()[last_end..whole]) {
        last_end
    } else {
        whole
    }
}

/// Only whitespace and `#` comments (the grammar's WHITESPACE and COMMENT).
fn is_trivia(text: &str) -> bool {
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches([' ', '\t', '\r', '\n', '\u{FEFF}']);
        match rest.strip_prefix('#') {
            Some(comment) => rest = comment.find('\n').map_or("", |at| &comment[at..]),
            None => return rest.is_empty(),
        }
    }
}

/// The children of a pair that carry meaning: comments are gathered once for
/// the whole file (see `lower::file`) and skipped everywhere else.
pub(super) fn kids<'i>(pair: &P<'i>) -> impl Iterator<Item = P<'i>> + use<'i> {
    pair.clone()
        .into_inner()
        .filter(|p| p.as_rule() != Rule::COMMENT)
}

/// The first child with rule `rule`, if any.
pub(super) fn find<'i>(pair: &P<'i>, which: Rule) -> Option<P<'i>> {
    kids(pair).find(|p| p.as_rule() == which)
}

/// Every child with rule `rule`, in order.
pub(super) fn all<'i>(pair: &P<'i>, which: Rule) -> impl Iterator<Item = P<'i>> + use<'i> {
    kids(pair).filter(move |p| p.as_rule() == which)
}
