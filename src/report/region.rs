//! Where a span is, in the units machine formats want: 1-based lines,
//! 1-based character columns, and character offsets from the start of the
//! file (SARIF's `charOffset`, counted in code points to match the
//! `unicodeCodePoints` column kind).
//!
//! Owns: turning byte spans into positions for SARIF, GitHub and JUnit.
//! Must not: guess. A span that does not fit its text gives no position,
//! and a file whose text was not kept gives only what the producer
//! precomputed.

use crate::outcome::{Finding, Outcome, SourceFile};
use crate::source::Span;

/// A located span. `end` and `chars` are known only when the text was kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    pub start: (usize, usize),
    /// Line and column of the first character after the span (exclusive).
    pub end: Option<(usize, usize)>,
    /// Offset and length in characters (code points) from the file's start.
    pub chars: Option<(usize, usize)>,
}

/// Counts characters from the start of a file, resuming from the last
/// offset asked when the next one is further on, so walking findings in
/// file order costs one pass over each file.
#[derive(Default)]
pub struct Locator {
    last: Option<(usize, usize, usize)>,
}

impl Locator {
    /// The region of a finding's primary label in its file (a record file,
    /// or the rule file for a group rule's finding).
    pub fn finding(&mut self, outcome: &Outcome, f: &Finding) -> Option<Region> {
        let file = outcome.finding_file(f);
        let primary = f.labels.first().map_or_else(Default::default, |l| l.span);
        let fallback = super::json::finding_position(file, f);
        self.region(outcome.finding_file_index(f), file, primary, fallback)
    }

    /// The region of `span` in `file` (the `index`-th file of its list),
    /// or at least `fallback` (the producer's precomputed start).
    pub fn region(
        &mut self,
        index: usize,
        file: Option<&SourceFile>,
        span: Span,
        fallback: Option<(usize, usize)>,
    ) -> Option<Region> {
        let full = file.and_then(|f| self.full(index, f, span));
        full.or_else(|| {
            let start = fallback.filter(|&(l, c)| l >= 1 && c >= 1)?;
            Some(Region {
                start,
                end: None,
                chars: None,
            })
        })
    }

    fn full(&mut self, index: usize, file: &SourceFile, span: Span) -> Option<Region> {
        let (text, lines) = (file.text.as_deref()?, file.lines.as_deref()?);
        let (start, end) = (span.start as usize, span.end as usize);
        if start > end || end > text.len() {
            return None;
        }
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return None;
        }
        let offset = self.chars_before(index, text, start)?;
        let length = text.get(start..end)?.chars().count();
        Some(Region {
            start: lines.line_col(text, span.start),
            end: Some(lines.line_col(text, span.end)),
            chars: Some((offset, length)),
        })
    }

    /// Characters in `text[..byte]`.
    fn chars_before(&mut self, index: usize, text: &str, byte: usize) -> Option<usize> {
        let (from_byte, from_chars) = match self.last {
            Some((file, b, c)) if file == index && b <= byte => (b, c),
            _ => (0, 0),
        };
        let chars = from_chars + text.get(from_byte..byte)?.chars().count();
        self.last = Some((index, byte, chars));
        Some(chars)
    }
}

/// A file name as a relative URI reference: `/` separators, no `./`
/// prefix, and every byte outside RFC 3986's path characters
/// percent-encoded (so `<bundled>/x.rules` and Chinese names stay valid).
pub fn uri(name: &str) -> String {
    let name = name.replace('\\', "/");
    let name = name.trim_start_matches("./");
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b);
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::source::LineIndex;

    fn file(text: &str) -> SourceFile {
        SourceFile {
            name: "a.yaml".into(),
            text: Some(Arc::from(text)),
            lines: Some(Arc::new(LineIndex::new(text))),
        }
    }

    #[test]
    fn offsets_and_columns_count_characters() {
        let text = "title: 太湖\nplan: 2022-07-20\n";
        let f = file(text);
        let start = text.find("2022").expect("date");
        let mut locator = Locator::default();
        let region = locator.region(0, Some(&f), Span::new(start, start + 10), None);
        assert_eq!(
            region,
            Some(Region {
                start: (2, 7),
                end: Some((2, 17)),
                chars: Some((16, 10)),
            })
        );
        // Asking again, and asking for an earlier span, gives the same answers.
        let again = locator.region(0, Some(&f), Span::new(start, start + 10), None);
        assert_eq!(again, region);
        let early = locator.region(0, Some(&f), Span::new(7, 13), None);
        assert_eq!(early.and_then(|r| r.chars), Some((7, 2)));
    }

    #[test]
    fn a_span_inside_a_character_has_no_region() {
        let f = file("太湖");
        let mut locator = Locator::default();
        assert_eq!(locator.region(0, Some(&f), Span::new(1, 3), None), None);
        let fallback = locator.region(0, Some(&f), Span::new(1, 3), Some((1, 1)));
        assert_eq!(fallback.map(|r| (r.start, r.end)), Some(((1, 1), None)));
    }

    #[test]
    fn uris_are_relative_and_encoded() {
        assert_eq!(uri("./ledgers/wuxi.yaml"), "ledgers/wuxi.yaml");
        assert_eq!(uri("ledgers\\a b.yaml"), "ledgers/a%20b.yaml");
        assert_eq!(uri("<bundled>/x.rules"), "%3Cbundled%3E/x.rules");
        assert_eq!(uri("台账.yaml"), "%E5%8F%B0%E8%B4%A6.yaml");
    }
}
