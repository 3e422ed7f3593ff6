//! An open document's text and the conversion between byte offsets (what
//! every span in rectify is) and LSP positions, counted in the encoding
//! negotiated at start-up: UTF-8 bytes, or UTF-16 code units (the
//! protocol's default, in which a Chinese character counts 1 and a
//! character outside the Basic Multilingual Plane 2).

use lsp_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

use crate::source::Span;

/// How a position's `character` counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

/// One open document.
#[derive(Clone, Debug)]
pub struct Doc {
    pub uri: Uri,
    pub text: String,
    pub version: i32,
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
}

impl Doc {
    pub fn new(uri: Uri, text: String, version: i32) -> Doc {
        let mut doc = Doc {
            uri,
            text,
            version,
            starts: Vec::new(),
        };
        doc.index();
        doc
    }

    fn index(&mut self) {
        self.starts = std::iter::once(0)
            .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
    }

    /// The position of byte `offset` (clamped to the text, moved back to a
    /// character boundary).
    pub fn position(&self, offset: usize, encoding: Encoding) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let before = &self.text[self.starts[line]..offset];
        let character = match encoding {
            Encoding::Utf8 => before.len(),
            Encoding::Utf16 => before.encode_utf16().count(),
        };
        Position::new(line as u32, character as u32)
    }

    /// The byte offset of `position`; a line past the end gives the end of
    /// the text, a character past the line's end gives the line's end, and
    /// one inside a character gives that character's start.
    pub fn offset(&self, position: Position, encoding: Encoding) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(position.line as usize + 1)
            .map_or(self.text.len(), |&next| next - 1);
        let line = &self.text[start..end];
        let wanted = position.character as usize;
        let mut counted = 0;
        for (i, c) in line.char_indices() {
            let width = match encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
            if counted + width > wanted {
                return start + i;
            }
            counted += width;
        }
        end
    }

    pub fn range(&self, span: Span, encoding: Encoding) -> Range {
        Range::new(
            self.position(span.start as usize, encoding),
            self.position(span.end as usize, encoding),
        )
    }

    /// Apply one edit from `didChange`: the whole text when it has no range.
    pub fn apply(&mut self, change: TextDocumentContentChangeEvent, encoding: Encoding) {
        match change.range {
            None => self.text = change.text,
            Some(range) => {
                let start = self.offset(range.start, encoding);
                let end = self.offset(range.end, encoding).max(start);
                self.text.replace_range(start..end, &change.text);
            }
        }
        self.index();
    }

    /// The word (letters, digits, `_`, `-`, `.`) around byte `offset`, and
    /// where it is.
    pub fn word_at(&self, offset: usize) -> Option<(&str, Span)> {
        let is_word = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.');
        let offset = offset.min(self.text.len());
        let before = self.text.get(..offset)?;
        let after = self.text.get(offset..)?;
        let start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word(c))
            .last()
            .map_or(offset, |(i, _)| i);
        let end = offset
            + after
                .char_indices()
                .find(|&(_, c)| !is_word(c))
                .map_or(after.len(), |(i, _)| i);
        let word = self.text.get(start..end)?.trim_matches('.');
        if word.is_empty() {
            return None;
        }
        let start = start + self.text[start..end].find(word).unwrap_or(0);
        Some((word, Span::new(start, start + word.len())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Doc {
        let uri = "file:///t.yaml".parse().expect("a valid uri");
        Doc::new(uri, text.to_string(), 0)
    }

    #[test]
    fn chinese_text_counts_utf16_units_and_utf8_bytes() {
        let d = doc("id: 1\ntitle: 太湖蓝藻 x\n");
        let x = d.text.find('x').expect("x is in the text");
        assert_eq!(d.position(x, Encoding::Utf16), Position::new(1, 12));
        assert_eq!(d.position(x, Encoding::Utf8), Position::new(1, 20));
        assert_eq!(d.offset(Position::new(1, 12), Encoding::Utf16), x);
        assert_eq!(d.offset(Position::new(1, 20), Encoding::Utf8), x);
    }

    #[test]
    fn a_character_outside_the_bmp_counts_two_utf16_units() {
        let d = doc("a𝄞b");
        assert_eq!(d.position(5, Encoding::Utf16), Position::new(0, 3));
        assert_eq!(d.offset(Position::new(0, 3), Encoding::Utf16), 5);
        // Inside the surrogate pair: the character's start.
        assert_eq!(d.offset(Position::new(0, 2), Encoding::Utf16), 1);
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let d = doc("ab\ncd");
        assert_eq!(d.offset(Position::new(0, 99), Encoding::Utf16), 2);
        assert_eq!(d.offset(Position::new(9, 0), Encoding::Utf16), 5);
        assert_eq!(d.position(99, Encoding::Utf16), Position::new(1, 2));
    }

    #[test]
    fn incremental_edits_apply_at_utf16_positions() {
        let mut d = doc("标题: 旧\n");
        let change = TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(0, 4), Position::new(0, 5))),
            range_length: None,
            text: "新的".into(),
        };
        d.apply(change, Encoding::Utf16);
        assert_eq!(d.text, "标题: 新的\n");
    }
}
