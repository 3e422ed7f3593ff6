//! Duplicate record ids across everything loaded, in memory that does not
//! hold the ids themselves: each is kept as a 64-bit hash and where it was
//! written (16 bytes), and equal hashes are confirmed from the text once
//! every file is in. Duplicates are rare, so reading a file again for one
//! costs nothing that matters.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::diag::Severity;
use crate::outcome::{InputError, Origin, Outcome, Place};
use crate::source::Span;

#[derive(Default)]
pub struct Ids {
    /// `(hash, file, start)` of every id.
    entries: Vec<(u64, u32, u32)>,
    /// Ids of records with no file to read them again from (a rule test's
    /// inline records), by `(file, start)`.
    inline: HashMap<(u32, u32), String>,
}

impl Ids {
    /// Note an id written at `span` of `file`; `inline` when the file
    /// cannot be read again.
    pub fn add(&mut self, file: usize, span: Span, id: &str, inline: bool) {
        let mut hasher = std::hash::DefaultHasher::new();
        id.hash(&mut hasher);
        self.entries
            .push((hasher.finish(), file as u32, span.start));
        if inline {
            self.inline
                .insert((file as u32, span.start), id.to_string());
        }
    }

    /// Report every id used more than once: an error at each later use,
    /// with the first use as a related place.
    pub fn finish(mut self, outcome: &mut Outcome) {
        self.entries.sort_unstable();
        let mut i = 0;
        while i < self.entries.len() {
            let hash = self.entries[i].0;
            let run = self.entries[i..].iter().take_while(|e| e.0 == hash).count();
            if run > 1 {
                self.report(outcome, i, run);
            }
            i += run;
        }
    }

    /// Within a run of equal hashes (sorted by file, then position), each
    /// entry whose id equals an earlier one's is a duplicate of the first.
    fn report(&self, outcome: &mut Outcome, at: usize, len: usize) {
        let run = &self.entries[at..at + len];
        let read: Vec<Option<(String, Span)>> = run.iter().map(|e| self.text(outcome, e)).collect();
        let id = |k: usize| read[k].as_ref().map(|(id, _)| id);
        let place = |k: usize| {
            let span = read[k].as_ref().map_or(
                Span {
                    start: run[k].2,
                    end: run[k].2,
                },
                |(_, s)| *s,
            );
            Place {
                file: run[k].1 as usize,
                span,
            }
        };
        for j in 1..run.len() {
            let Some(first) = (0..j).find(|&k| id(k) == id(j)) else {
                continue;
            };
            let text = id(j).cloned().unwrap_or_default();
            outcome
                .input_errors
                .push(duplicate(&text, place(j), place(first)));
        }
    }

    /// The id written at an entry, unquoted, and its span; `None` when it
    /// cannot be read.
    fn text(&self, outcome: &mut Outcome, e: &(u64, u32, u32)) -> Option<(String, Span)> {
        let start = e.2 as usize;
        if let Some(id) = self.inline.get(&(e.1, e.2)) {
            return Some((id.clone(), Span::new(start, start)));
        }
        super::merge::ensure_text(outcome, e.1 as usize);
        let text = outcome.files.get(e.1 as usize)?.text.as_deref()?;
        let (id, len) = scalar_at(text.get(start..)?);
        Some((id.to_string(), Span::new(start, start + len)))
    }
}

/// The scalar at the start of `rest` (an id, as the loader read it): a
/// quoted string up to its closing quote, or a plain one up to the end of
/// the line, a comment or a flow delimiter. Its text and its length in bytes.
fn scalar_at(rest: &str) -> (&str, usize) {
    for quote in ['"', '\''] {
        if let Some(body) = rest.strip_prefix(quote) {
            let end = body.find(quote).unwrap_or(body.len());
            return (&body[..end], (end + 2).min(rest.len()));
        }
    }
    let end = rest.find(['\n', '\r', ',', '}', ']']).unwrap_or(rest.len());
    let end = rest[..end].find(" #").unwrap_or(end);
    let plain = rest[..end].trim_end();
    (plain, plain.len())
}

fn duplicate(id: &str, place: Place, first: Place) -> InputError {
    let message =
        crate::diag::Message::new("record-duplicate-id").text("id", crate::source::clip(id));
    let mut e = InputError::new(
        "record::duplicate-id",
        Severity::Error,
        message,
        Origin::Record,
        Some(place),
    );
    e.related = vec![(Origin::Record, first, "record-duplicate-id.first".into())];
    e.help = Some("record-duplicate-id.help".into());
    e
}
