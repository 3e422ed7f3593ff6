//! The fast path: the plain block YAML that records are written in, parsed
//! straight from the bytes into [`Node`]s, with scalars borrowed from the
//! text until a string value needs its own copy.
//!
//! It is deliberately narrow. It takes one document of block mappings and
//! sequences indented with spaces, one-line plain and quoted scalars,
//! one-line flow collections and comments. At the first thing outside that
//! (a tab, `\r`, an anchor, alias or tag, a block or multi-line scalar, an
//! escape, a second document, an empty document, anything that may be an
//! error, a character YAML treats specially), it gives up and returns
//! `None`, and the caller parses the text the general way. So it never
//! reports an error and never has to agree with the general parser on one;
//! where it does answer, the tree and every span must equal the general
//! parser's, which `tests/yaml_fast.rs` checks on every YAML file in the
//! repository and on mutations of them.

use std::borrow::Cow;

use super::{Limits, Node, Value, build, scalar};
use crate::source::Span;

/// Give up and let the general parser decide.
type Fast<T> = Option<T>;

/// The column of the next content line, where the parser stands after a
/// block node; `None` at the end of the text.
type Next = Option<usize>;

/// Collections nested deeper than this go the general way (which also
/// enforces `Limits::max_depth`).
const DEPTH: usize = 40;

/// Implicit keys longer than this go the general way (YAML caps them at
/// 1024 characters).
const KEY_BYTES: usize = 1000;

/// The single document of `text`, or `None` when the text is not in the
/// narrow form this parser takes.
pub(crate) fn parse(text: &str, limits: &Limits) -> Fast<Vec<Node>> {
    if !plain_characters(text) {
        return None;
    }
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        line: 0,
        depth: limits.max_depth.min(DEPTH),
    };
    parser.document().map(|root| vec![root])
}

/// Only printable characters other than those YAML or Unicode give a
/// meaning to as breaks, blanks or byte order marks; and no tab or `\r`.
fn plain_characters(text: &str) -> bool {
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        match byte {
            b'\n' | 0x20..=0x7e => {}
            // The lead bytes of the only characters past ASCII to look at:
            // U+0080 to U+00BF, U+1680, U+2000 to U+2FFF, U+3000, and
            // U+FEFF, U+FFFE, U+FFFF.
            0xc2 | 0xe1 | 0xe2 | 0xe3 | 0xef => {
                let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                    return false;
                };
                if c < '\u{a1}'
                    || c.is_whitespace()
                    || matches!(c, '\u{feff}' | '\u{fffe}' | '\u{ffff}')
                {
                    return false;
                }
            }
            // Other lead bytes and continuation bytes.
            0x80..=0xff => {}
            _ => return false,
        }
    }
    true
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// Byte where the current line starts.
    line: usize,
    /// Deepest nesting taken.
    depth: usize,
}

/// Where a flow or plain scalar stops.
#[derive(Clone, Copy, PartialEq)]
enum Context {
    Block,
    Flow,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn at(&self, at: usize) -> Option<u8> {
        self.bytes.get(at).copied()
    }

    fn column(&self) -> usize {
        self.pos - self.line
    }

    fn document(&mut self) -> Fast<Node> {
        let mut indent = self.next_content(true)??;
        if indent == 0 && self.bytes[self.pos..].starts_with(b"---") {
            self.pos += 3;
            if !self.end_of_line()? {
                return None;
            }
            indent = self.next_content(false)??;
        }
        let (root, next) = if self.at_dash() {
            self.block_seq(indent, 1)?
        } else if matches!(self.peek(), Some(b'[' | b'{')) {
            let node = self.flow(1)?;
            if !self.end_of_line()? {
                return None;
            }
            (node, self.next_content(false)?)
        } else if let Some(key_end) = self.key_ahead()? {
            self.block_map(indent, 1, key_end)?
        } else {
            return None;
        };
        match next {
            None => Some(root),
            Some(_) => None,
        }
    }

    /// Skip blank and comment lines, from a line's start (or the end of the
    /// previous one), to the first character of the next content line:
    /// `Some(its column)`, or `None` at the end of the text. Gives up on
    /// document markers and directives (a leading `---` is allowed once
    /// when `first`).
    fn next_content(&mut self, first: bool) -> Fast<Option<usize>> {
        loop {
            self.line = self.pos;
            self.blanks();
            match self.peek() {
                None => return Some(None),
                Some(b'\n') => self.pos += 1,
                Some(b'#') => self.skip_line(),
                Some(byte) => {
                    if self.pos == self.line {
                        let rest = &self.bytes[self.pos..];
                        let marker = |m: &[u8]| {
                            rest.starts_with(m) && matches!(rest.get(3), None | Some(b' ' | b'\n'))
                        };
                        if byte == b'%' || marker(b"...") || (marker(b"---") && !first) {
                            return None;
                        }
                    }
                    return Some(Some(self.column()));
                }
            }
        }
    }

    fn skip_line(&mut self) {
        match find_newline(&self.bytes[self.pos..]) {
            Some(at) => self.pos += at + 1,
            None => self.pos = self.bytes.len(),
        }
    }

    /// After a node or indicator: blanks, perhaps a comment (after a blank),
    /// then the line's end, which is consumed. `Some(false)` if something
    /// else is there.
    fn end_of_line(&mut self) -> Fast<bool> {
        let before = self.pos;
        self.blanks();
        match self.peek() {
            None => Some(true),
            Some(b'\n') => {
                self.pos += 1;
                Some(true)
            }
            Some(b'#') if self.pos > before => {
                self.skip_line();
                Some(true)
            }
            _ => Some(false),
        }
    }

    /// A `-` that starts a block sequence entry.
    fn at_dash(&self) -> bool {
        self.peek() == Some(b'-') && matches!(self.at(self.pos + 1), None | Some(b' ' | b'\n'))
    }

    /// Where an implicit key that starts here ends (a one-line scalar
    /// followed by blanks, `:` and a blank or the line's end); `None` inside
    /// when what starts here is not a key. Gives up on keys that are not
    /// one-line scalars.
    fn key_ahead(&self) -> Fast<Option<usize>> {
        if matches!(self.peek()?, b'[' | b'{') {
            return Some(None);
        }
        let end = self.scalar_end(Context::Block)?;
        if end - self.pos > KEY_BYTES {
            return None;
        }
        let mut at = end;
        while self.at(at) == Some(b' ') {
            at += 1;
        }
        let colon =
            self.at(at) == Some(b':') && matches!(self.at(at + 1), None | Some(b' ' | b'\n'));
        Some(colon.then_some(end))
    }

    /// The key [`Parser::key_ahead`] found ending at `end`, and its `:`.
    fn key(&mut self, end: usize) -> Node {
        let key = self.scalar_to(end);
        self.blanks();
        self.pos += 1; // the `:` the key was seen to have
        key
    }

    /// A block mapping whose first key is here, at column `indent`, ending
    /// at `key_end` ([`Parser::key_ahead`]); with the column of the content
    /// line after the mapping (the parser stands there).
    fn block_map(&mut self, indent: usize, depth: usize, key_end: usize) -> Fast<(Node, Next)> {
        if depth > self.depth {
            return None;
        }
        let start = self.pos;
        let mut pairs = Vec::new();
        let mut key_end = key_end;
        let next = loop {
            let key = self.key(key_end);
            let (value, next) = self.value(indent, depth, true)?;
            pairs.push((key, value));
            match next {
                Some(next) if next == indent && !self.at_dash() => {
                    key_end = self.key_ahead()??;
                }
                Some(next) if next >= indent => return None,
                _ => break next,
            }
        };
        let end = pairs
            .last()
            .map_or(start, |(_, value)| value.span.end as usize);
        Some((node(Value::Map(pairs), start, end), next))
    }

    /// A block sequence whose first `-` is here, at column `indent`.
    fn block_seq(&mut self, indent: usize, depth: usize) -> Fast<(Node, Next)> {
        if depth > self.depth {
            return None;
        }
        let mut items = Vec::new();
        let next = loop {
            self.pos += 1; // the `-`
            let (item, next) = self.value(indent, depth, false)?;
            items.push(item);
            match next {
                Some(next) if next == indent && self.at_dash() => {}
                Some(next) if next > indent => return None,
                _ => break next,
            }
        };
        // The general parser's span: from the `-` before the first item
        // (which an empty first item or a flow one that opens with a blank
        // hides), to the last item's end.
        let first = items.first()?.span.start as usize;
        let end = items.last()?.span.end as usize;
        let start = build::block_start(self.text, first, false);
        Some((node(Value::Seq(items), start, end), next))
    }

    /// The value after a key's `:` or an entry's `-` in a collection at
    /// column `indent`: on the same line, on the lines below, or empty.
    fn value(&mut self, indent: usize, depth: usize, in_map: bool) -> Fast<(Node, Next)> {
        let colon = self.pos - 1;
        self.blanks();
        if matches!(self.peek(), None | Some(b'\n' | b'#')) {
            // An empty value's span: at a key's `:`, or after the entry's
            // `-`, its blanks and its comment (as the general parser has it).
            let mut empty = self.pos;
            if self.peek() == Some(b'#') {
                self.skip_line();
                empty = if self.bytes[..self.pos].ends_with(b"\n") {
                    self.pos - 1
                } else {
                    self.pos
                };
            } else if !self.end_of_line()? {
                return None;
            }
            if in_map {
                empty = colon;
            }
            let next = self.next_content(false)?;
            return match next {
                Some(next) if next > indent => {
                    if self.at_dash() {
                        self.block_seq(next, depth + 1)
                    } else if let Some(key_end) = self.key_ahead()? {
                        self.block_map(next, depth + 1, key_end)
                    } else {
                        None
                    }
                }
                Some(next) if next == indent && in_map && self.at_dash() => {
                    self.block_seq(next, depth + 1)
                }
                _ => Some((node(Value::Null, empty, empty), next)),
            };
        }
        let column = self.column();
        if !in_map {
            if self.at_dash() {
                return self.block_seq(column, depth + 1);
            }
            if let Some(key_end) = self.key_ahead()? {
                return self.block_map(column, depth + 1, key_end);
            }
        }
        let value = match self.peek()? {
            b'[' | b'{' => self.flow(depth + 1)?,
            _ => self.scalar(Context::Block)?,
        };
        if !self.end_of_line()? {
            return None;
        }
        Some((value, self.next_content(false)?))
    }

    /// A one-line scalar: plain, single-quoted, or double-quoted with no
    /// escapes.
    fn scalar(&mut self, context: Context) -> Fast<Node> {
        let end = self.scalar_end(context)?;
        Some(self.scalar_to(end))
    }

    /// Where the one-line scalar that starts here ends.
    fn scalar_end(&self, context: Context) -> Fast<usize> {
        let start = self.pos;
        match self.peek()? {
            quote @ (b'"' | b'\'') => quoted_end(self.bytes, start, quote),
            byte if plain_start(self.bytes, start, byte) => plain_scan(self.bytes, start, context),
            _ => None,
        }
    }

    /// The scalar from here to `end` ([`Parser::scalar_end`]), the parser
    /// left after it.
    fn scalar_to(&mut self, end: usize) -> Node {
        let start = std::mem::replace(&mut self.pos, end);
        let value = match self.bytes[start] {
            b'"' => Value::Str {
                text: self.text[start + 1..end - 1].to_owned(),
                plain: false,
            },
            b'\'' => Value::Str {
                text: self.text[start + 1..end - 1].replace("''", "'"),
                plain: false,
            },
            _ => scalar::resolve(Cow::Borrowed(&self.text[start..end])),
        };
        node(value, start, end)
    }

    /// A flow collection on one line, from its bracket.
    fn flow(&mut self, depth: usize) -> Fast<Node> {
        if depth > self.depth {
            return None;
        }
        let start = self.pos;
        let is_map = self.peek()? == b'{';
        let close = if is_map { b'}' } else { b']' };
        self.pos += 1;
        self.blanks();
        let mut items = Vec::new();
        let mut pairs = Vec::new();
        if self.peek() != Some(close) {
            loop {
                let item = self.flow_item(depth)?;
                self.blanks();
                if is_map {
                    if self.peek() != Some(b':') || !matches!(self.at(self.pos + 1), Some(b' ')) {
                        return None;
                    }
                    self.pos += 1;
                    self.blanks();
                    let value = self.flow_item(depth)?;
                    pairs.push((item, value));
                    self.blanks();
                } else {
                    items.push(item);
                }
                match self.peek()? {
                    b',' => {
                        self.pos += 1;
                        self.blanks();
                        if matches!(self.peek(), Some(b']' | b'}' | b',')) {
                            return None;
                        }
                    }
                    byte if byte == close => break,
                    _ => return None,
                }
            }
        }
        self.pos += 1; // the closing bracket
        // The general parser's span: from the bracket to the blanks (and a
        // comment) after the closing one; but from the first to the last
        // item when a blank follows the opening bracket.
        let span = if self.at(start + 1) == Some(b' ') {
            let first = match (items.first(), pairs.first()) {
                (Some(item), _) | (None, Some((item, _))) => item.span,
                (None, None) => return None,
            };
            let last = match (items.last(), pairs.last()) {
                (Some(item), _) | (None, Some((_, item))) => item.span,
                (None, None) => return None,
            };
            Span::new(first.start as usize, last.end as usize)
        } else {
            let mut end = self.pos;
            while self.at(end) == Some(b' ') {
                end += 1;
            }
            if self.at(end) == Some(b'#') && end > self.pos {
                end += find_newline(&self.bytes[end..]).unwrap_or(self.bytes.len() - end);
            }
            Span::new(start, end)
        };
        let value = if is_map {
            Value::Map(pairs)
        } else {
            Value::Seq(items)
        };
        Some(Node { value, span })
    }

    fn flow_item(&mut self, depth: usize) -> Fast<Node> {
        match self.peek()? {
            b'[' | b'{' => self.flow(depth + 1),
            _ => self.scalar(Context::Flow),
        }
    }

    fn blanks(&mut self) {
        while self.peek() == Some(b' ') {
            self.pos += 1;
        }
    }
}

fn node(value: Value, start: usize, end: usize) -> Node {
    Node {
        value,
        span: Span::new(start, end),
    }
}

fn find_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

/// Can a plain scalar start with `byte` at `at`? Not with an indicator,
/// except a `-` before a character that cannot end the scalar.
fn plain_start(bytes: &[u8], at: usize, byte: u8) -> bool {
    match byte {
        b'-' => match bytes.get(at + 1) {
            None | Some(b' ' | b'\n') => false,
            Some(b',' | b'[' | b']' | b'{' | b'}') => false,
            Some(_) => true,
        },
        b'?' | b':' | b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|'
        | b'>' | b'\'' | b'"' | b'%' | b'@' | b'`' | b' ' | b'\n' => false,
        _ => true,
    }
}

/// The bytes that [`plain_scan`] looks at.
const SCALAR_SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let special = b"\n :#-,[]{}";
    let mut i = 0;
    while i < special.len() {
        table[special[i] as usize] = true;
        i += 1;
    }
    table
};

/// Scan a plain scalar on one line from `start`: the end of its text
/// (blanks after it excluded).
/// Gives up on a `-` before a flow indicator after a blank, which the
/// general parser takes as a bad start of a scalar.
fn plain_scan(bytes: &[u8], start: usize, context: Context) -> Fast<usize> {
    let mut at = start;
    let mut end = start;
    loop {
        // Most bytes of a scalar are none of those matched below.
        let ordinary = bytes[at..]
            .iter()
            .position(|&byte| SCALAR_SPECIAL[usize::from(byte)])
            .unwrap_or(bytes.len() - at);
        if ordinary > 0 {
            at += ordinary;
            end = at;
        }
        let Some(&byte) = bytes.get(at) else {
            break;
        };
        match byte {
            b'\n' => break,
            b' ' => {
                at += 1;
                continue;
            }
            b':' => {
                let next = bytes.get(at + 1).copied();
                let ends = match context {
                    Context::Block => matches!(next, None | Some(b' ' | b'\n')),
                    Context::Flow => {
                        matches!(
                            next,
                            None | Some(b' ' | b'\n' | b',' | b'[' | b']' | b'{' | b'}')
                        )
                    }
                };
                if ends {
                    break;
                }
            }
            b'#' if at > start && bytes[at - 1] == b' ' => break,
            b',' | b'[' | b']' | b'{' | b'}' if context == Context::Flow => break,
            b'-' if at > start
                && bytes[at - 1] == b' '
                && matches!(bytes.get(at + 1), Some(b',' | b'[' | b']' | b'{' | b'}')) =>
            {
                return None;
            }
            _ => {}
        }
        at += 1;
        end = at;
    }
    Some(end)
}

/// The byte after the closing quote of a one-line quoted scalar at `start`
/// (`''` is a quote inside single quotes); gives up on escapes and breaks.
fn quoted_end(bytes: &[u8], start: usize, quote: u8) -> Fast<usize> {
    let mut at = start + 1;
    loop {
        match *bytes.get(at)? {
            b'\n' => return None,
            b'\\' if quote == b'"' => return None,
            byte if byte == quote => {
                if quote == b'\'' && bytes.get(at + 1) == Some(&b'\'') {
                    at += 2;
                    continue;
                }
                return Some(at + 1);
            }
            _ => at += 1,
        }
    }
}
