//! Character index -> byte offset, for the parser's markers.
//!
//! saphyr's `Marker::index` counts characters. Events arrive (almost) in
//! text order, so a cursor that walks from the last position costs O(text)
//! over a whole file; an all-ASCII text needs no walking at all.

pub(crate) struct Offsets<'a> {
    text: &'a str,
    ascii: bool,
    /// The cursor: `byte` is the offset of character number `chars`.
    chars: usize,
    byte: usize,
}

impl<'a> Offsets<'a> {
    pub(crate) fn new(text: &'a str) -> Offsets<'a> {
        Offsets {
            text,
            ascii: text.is_ascii(),
            chars: 0,
            byte: 0,
        }
    }

    /// The byte offset of character `index` (the text's length past its end).
    pub(crate) fn byte(&mut self, index: usize) -> usize {
        if self.ascii {
            return index.min(self.text.len());
        }
        if index >= self.chars {
            self.forward(index);
        } else {
            self.backward(index);
        }
        self.byte
    }

    /// Count characters as the bytes that do not continue one.
    fn forward(&mut self, index: usize) {
        let bytes = self.text.as_bytes();
        let mut at = self.byte;
        while at < bytes.len() {
            if !is_continuation(bytes[at]) {
                if self.chars == index {
                    break;
                }
                self.chars += 1;
            }
            at += 1;
        }
        self.byte = at;
    }

    fn backward(&mut self, index: usize) {
        let before = &self.text[..self.byte];
        for (at, _) in before.char_indices().rev() {
            self.chars -= 1;
            if self.chars == index {
                self.byte = at;
                return;
            }
        }
        self.chars = 0;
        self.byte = 0;
    }
}

fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::Offsets;

    #[test]
    fn every_character_index_maps_to_its_byte_offset_in_any_order() {
        let texts = [
            "plain ascii text, long enough for a few words of eight bytes",
            "unit: 无锡市人民政府\nid: \"JS-2024-001\" # 注释 ✓ 🎉\n",
            "é",
            "",
            "🎉🎉🎉🎉🎉🎉🎉🎉🎉a",
        ];
        for text in texts {
            // The slow way: each character's start, counted from the top.
            let starts: Vec<usize> = text
                .char_indices()
                .map(|(at, _)| at)
                .chain([text.len()])
                .collect();
            let mut offsets = Offsets::new(text);
            let n = starts.len();
            // Forward, backward, and jumping about.
            let order = (0..n)
                .chain((0..n).rev())
                .chain((0..n).map(|i| (i * 7) % n));
            for index in order {
                assert_eq!(offsets.byte(index), starts[index], "{text:?} at {index}");
            }
            assert_eq!(offsets.byte(n + 5), text.len());
        }
    }
}
