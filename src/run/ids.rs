//! Duplicate record ids across everything loaded, in memory that does not
//! hold the ids themselves: each is kept as a 64-bit hash and where it was
//! written (24 bytes), and equal hashes are confirmed from the text once
//! every file is in. Duplicates are rare, so reading a file again for one
//! costs nothing that matters.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::outcome::{InputError, Origin, Outcome, Place};
use crate::source::Span;
use crate::syntax::ast::Severity;

#[derive(Default)]
pub struct Ids {
    /// `(hash, file, start, end)` of every id.
    entries: Vec<(u64, u32, u32, u32)>,
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
            .push((hasher.finish(), file as u32, span.start, span.end));
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
            let run = self.entries[i..]
                .iter()
                .take_while(|e| e.0 == self.entries[i].0)
                .count();
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
        let texts: Vec<Option<String>> = run.iter().map(|e| self.text(outcome, e)).collect();
        for (j, e) in run.iter().enumerate().skip(1) {
            let Some(first) = (0..j).find(|&k| texts[k] == texts[j]) else {
                continue;
            };
            let f = run[first];
            let id = texts[j].clone().unwrap_or_default();
            let place = Place {
                file: e.1 as usize,
                span: Span {
                    start: e.2,
                    end: e.3,
                },
            };
            let first_place = Place {
                file: f.1 as usize,
                span: Span {
                    start: f.2,
                    end: f.3,
                },
            };
            outcome
                .input_errors
                .push(duplicate(&id, place, first_place));
        }
    }

    /// The id as written at an entry, unquoted; `None` when it cannot be read.
    fn text(&self, outcome: &mut Outcome, e: &(u64, u32, u32, u32)) -> Option<String> {
        if let Some(id) = self.inline.get(&(e.1, e.2)) {
            return Some(id.clone());
        }
        super::merge::ensure_text(outcome, e.1 as usize);
        let text = outcome.files.get(e.1 as usize)?.text.as_deref()?;
        let raw = text.get(e.2 as usize..e.3 as usize)?.trim();
        let unquoted = raw
            .strip_prefix('"')
            .and_then(|r| r.strip_suffix('"'))
            .or_else(|| raw.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')))
            .unwrap_or(raw);
        Some(unquoted.to_string())
    }
}

fn duplicate(id: &str, place: Place, first: Place) -> InputError {
    let message = format!("record id `{id}` is used twice");
    let mut e = InputError::new(
        "record::duplicate-id",
        Severity::Error,
        message,
        Origin::Record,
        Some(place),
    );
    e.related = vec![(Origin::Record, first, "first used here".into())];
    e.help = Some("ids must be unique across every file checked".into());
    e
}
