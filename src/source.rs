//! Spans, spanned values and line/column lookup.
//!
//! A [`Span`] is a byte range inside one source text; which text is known by
//! context (a record's file, a rule's file). Spans never take part in equality:
//! two values that differ only in where they were written are equal.

use std::fmt;

/// A byte range `start..end` inside one source text.
#[derive(Clone, Copy, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl PartialEq for Span {
    fn eq(&self, _: &Span) -> bool {
        true
    }
}
impl Eq for Span {}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(s: Span) -> miette::SourceSpan {
        (s.start as usize, s.len()).into()
    }
}

/// A value and where it was written. Equality ignores the span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Spanned<T> {
        Spanned { value, span }
    }
}

impl<T> std::ops::Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// Line starts of one text, to turn byte offsets into 1-based line and
/// character columns (ruff's `LineIndex`). Columns count characters, so
/// lines of Chinese text line up.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i as u32 + 1),
        );
        LineIndex { starts }
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: u32) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The byte offset where 0-based `line` starts (the last line's start
    /// past the end).
    pub fn start(&self, line: usize) -> usize {
        let last = self.starts.len() - 1;
        self.starts[line.min(last)] as usize
    }

    /// 1-based line and 1-based character column of byte `offset` in `text`.
    pub fn line_col(&self, text: &str, offset: u32) -> (usize, usize) {
        let line = self.line_of(offset);
        let end = (offset as usize).min(text.len());
        let start = match line {
            0 => bom_len(text).min(end),
            _ => self.starts[line] as usize,
        };
        let col = text
            .get(start..end)
            .map_or(end - start, |s| s.chars().count());
        (line + 1, col + 1)
    }
}

/// The bytes of a leading byte-order mark, which is no column of line 1.
fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{FEFF}') { 3 } else { 0 }
}

/// 1-based line and character column of each offset, in one pass over the
/// text up to the last of them, without building a [`LineIndex`] (for a
/// few positions in a large file). Offsets may come in any order.
pub fn line_cols(text: &str, offsets: &[u32]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let mut out = vec![(1, 1); offsets.len()];
    let (mut line, mut line_start, mut scanned) = (1, bom_len(text), 0);
    for i in order {
        let at = (offsets[i] as usize).min(text.len());
        for nl in memchr::memchr_iter(b'\n', &text.as_bytes()[scanned..at]) {
            line += 1;
            line_start = scanned + nl + 1;
        }
        scanned = scanned.max(at);
        let from = line_start.min(at);
        let col = text.get(from..at).map_or(at - from, |s| s.chars().count());
        out[i] = (line, col + 1);
    }
    out
}

/// The most characters of a record value quoted into a message.
pub const QUOTE_CHARS: usize = 80;

/// A value as quoted into a message: whole when it has at most
/// [`QUOTE_CHARS`] characters, else its first ones and `…`. A record's
/// values are written by whoever is being scored; a megabyte title must not
/// make a megabyte message.
pub fn clip(value: &str) -> std::borrow::Cow<'_, str> {
    match value.char_indices().nth(QUOTE_CHARS) {
        None => std::borrow::Cow::Borrowed(value),
        Some((end, _)) => std::borrow::Cow::Owned(format!("{}…", &value[..end])),
    }
}

#[cfg(test)]
mod tests {
    use super::{LineIndex, QUOTE_CHARS, clip, line_cols};

    #[test]
    fn a_byte_order_mark_is_no_column() {
        let text = "\u{FEFF}id: 5\nb: 1";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 3), (1, 1));
        assert_eq!(index.line_col(text, 7), (1, 5));
        assert_eq!(index.line_col(text, 0), (1, 1));
        assert_eq!(index.line_col(text, 9), (2, 1));
        assert_eq!(
            line_cols(text, &[7, 3, 0, 9]),
            vec![(1, 5), (1, 1), (1, 1), (2, 1)]
        );
    }

    #[test]
    fn long_values_are_clipped_on_a_character_boundary() {
        assert_eq!(clip("太湖"), "太湖");
        let exact = "湖".repeat(QUOTE_CHARS);
        assert_eq!(clip(&exact), exact);
        let long = "湖".repeat(QUOTE_CHARS + 1);
        assert_eq!(clip(&long), format!("{exact}…"));
    }

    #[test]
    fn line_cols_agree_with_the_line_index() {
        let text = "id: A\ntitle: 太湖蓝藻\n  plan: 2022-07-20\n\nlast";
        let index = LineIndex::new(text);
        let offsets: Vec<u32> = (0..=text.len() as u32)
            .filter(|&o| text.is_char_boundary(o as usize))
            .rev()
            .collect();
        let expected: Vec<(usize, usize)> =
            offsets.iter().map(|&o| index.line_col(text, o)).collect();
        assert_eq!(line_cols(text, &offsets), expected);
    }
}
