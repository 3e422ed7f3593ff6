//! Duplicate record ids across everything loaded, in memory that does not
//! hold the ids themselves: each is kept as a 64-bit hash and where it was
//! written (16 bytes), and equal hashes are confirmed from the text once
//! every file is in. Duplicates are rare, so reading a file again for one
//! costs nothing that matters.
//!
//! Memory stays flat however many records a run has: once [`RUN`] entries
//! are held, they are sorted and written to an anonymous temporary file as
//! one sorted run, and the runs are merged at the end, a few thousand
//! entries of each in memory at a time. Should the temporary file fail,
//! the entries stay in memory (slower to grow, never wrong).

use std::collections::{BinaryHeap, HashMap};
use std::fs::File;
use std::hash::{Hash, Hasher};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};

/// One id: its hash, file and where it starts.
type Entry = (u64, u32, u32);

/// Entries held before they are spilled as a sorted run (4 MiB).
const RUN: usize = 1 << 18;

/// Entries read from a run at a time while merging (64 KiB).
const READ: usize = 1 << 12;

use crate::diag::{Message, Severity};
use crate::outcome::{InputError, Origin, Outcome, Place};
use crate::source::Span;

#[derive(Default)]
pub struct Ids {
    /// `(hash, file, start)` of the ids not yet spilled.
    entries: Vec<Entry>,
    /// The sorted runs spilled so far, and each one's length in entries.
    spilled: Option<(File, Vec<usize>)>,
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
        if self.entries.len() >= RUN {
            self.spill();
        }
        if inline {
            self.inline
                .insert((file as u32, span.start), id.to_string());
        }
    }

    /// Report every id used more than once: an error at each later use,
    /// with the first use as a related place.
    pub fn finish(mut self, outcome: &mut Outcome) {
        self.entries.sort_unstable();
        let entries = std::mem::take(&mut self.entries);
        let merged = match self.spilled.take() {
            // The entries not spilled are one more sorted run.
            Some((file, runs)) => match merge_runs(file, &runs, entries) {
                Ok(merged) => merged,
                Err(e) => {
                    let message = Message::new("record-ids-unchecked")
                        .said("reason", crate::diag::io_message("input-reason", &e));
                    let mut error = InputError::new(
                        "record::ids-unchecked",
                        Severity::Error,
                        message,
                        Origin::Record,
                        None,
                    );
                    error.help = Some("record-ids-unchecked.help".into());
                    outcome.input_errors.push(error);
                    Vec::new()
                }
            },
            None => entries,
        };
        let mut i = 0;
        while i < merged.len() {
            let hash = merged[i].0;
            let run = merged[i..].iter().take_while(|e| e.0 == hash).count();
            if run > 1 {
                self.report(outcome, &merged[i..i + run]);
            }
            i += run;
        }
    }

    /// Write the held entries to the temporary file as one sorted run;
    /// keep them when that fails.
    fn spill(&mut self) {
        self.entries.sort_unstable();
        let written = match &mut self.spilled {
            Some((file, runs)) => write_run(file, &self.entries).map(|()| runs),
            None => tempfile::tempfile().and_then(|mut file| {
                write_run(&mut file, &self.entries)?;
                Ok(&mut self.spilled.insert((file, Vec::new())).1)
            }),
        };
        if let Ok(runs) = written {
            runs.push(self.entries.len());
            self.entries.clear();
        }
    }

    /// Within a run of equal hashes (sorted by file, then position), each
    /// entry whose id equals an earlier one's is a duplicate of the first.
    fn report(&self, outcome: &mut Outcome, run: &[Entry]) {
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
    fn text(&self, outcome: &mut Outcome, e: &Entry) -> Option<(String, Span)> {
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

fn write_run(file: &mut File, entries: &[Entry]) -> io::Result<()> {
    let mut out = BufWriter::new(file);
    for &(hash, file, start) in entries {
        out.write_all(&hash.to_le_bytes())?;
        out.write_all(&file.to_le_bytes())?;
        out.write_all(&start.to_le_bytes())?;
    }
    out.flush()
}

/// The spilled runs merged into one sorted list of the entries whose hash
/// occurs more than once (the only ones worth keeping).
/// `held`, sorted, is one more run, already in memory.
fn merge_runs(mut file: File, runs: &[usize], held: Vec<Entry>) -> io::Result<Vec<Entry>> {
    // Each run's place in the file, how many entries are left, and a buffer.
    let mut cursors: Vec<(u64, usize, std::collections::VecDeque<Entry>)> = Vec::new();
    let mut offset = 0u64;
    for &len in runs {
        cursors.push((offset, len, Default::default()));
        offset += (len * 16) as u64;
    }
    cursors.push((offset, 0, held.into()));
    let mut heap = BinaryHeap::new();
    for (i, cursor) in cursors.iter_mut().enumerate() {
        if let Some(e) = next(&mut file, cursor)? {
            heap.push(std::cmp::Reverse((e, i)));
        }
    }
    let mut dupes = Vec::new();
    let mut last: Option<Entry> = None;
    let mut last_kept = false;
    while let Some(std::cmp::Reverse((e, i))) = heap.pop() {
        if let Some(n) = next(&mut file, &mut cursors[i])? {
            heap.push(std::cmp::Reverse((n, i)));
        }
        match last {
            Some(l) if l.0 == e.0 => {
                if !last_kept {
                    dupes.push(l);
                }
                dupes.push(e);
                last_kept = true;
            }
            _ => last_kept = false,
        }
        last = Some(e);
    }
    Ok(dupes)
}

/// The next entry of a run, refilling its buffer from the file.
fn next(
    file: &mut File,
    (offset, left, buffer): &mut (u64, usize, std::collections::VecDeque<Entry>),
) -> io::Result<Option<Entry>> {
    if buffer.is_empty() && *left > 0 {
        let take = (*left).min(READ);
        let mut bytes = vec![0u8; take * 16];
        file.seek(SeekFrom::Start(*offset))?;
        file.read_exact(&mut bytes)?;
        for e in bytes.chunks_exact(16) {
            let word = |r: std::ops::Range<usize>| {
                e[r].iter().rev().fold(0u64, |n, &b| n << 8 | u64::from(b))
            };
            buffer.push_back((word(0..8), word(8..12) as u32, word(12..16) as u32));
        }
        *offset += bytes.len() as u64;
        *left -= take;
    }
    Ok(buffer.pop_front())
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
