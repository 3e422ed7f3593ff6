//! Finding one record by id under record paths, for `rectify explain`.
//!
//! Walks the paths as [`super::check`] does (sorted, no symbolic links),
//! parses only the files whose text mentions the id, and returns the first
//! record with that id, noting any other record that has it too.

use std::path::PathBuf;
use std::sync::Arc;

use crate::diag::Message;
use crate::model::{self, Record, Schema};
use crate::yaml;

/// A record found by id, with the text of its file.
#[derive(Debug)]
pub struct Found {
    pub record: Record,
    pub path: PathBuf,
    pub text: Arc<str>,
    /// Other places that define the same id: `(file, 1-based line)`.
    pub duplicates: Vec<(PathBuf, usize)>,
}

/// Why no record was found.
#[derive(Debug)]
pub enum FindError {
    /// No record has the id; how many record files were searched.
    NotFound { files: usize },
    /// A path could not be walked or read: one message per path.
    Unreadable(Vec<Message>),
}

/// The first record with `id` under `paths` (empty: the current folder).
pub fn find_record(
    paths: &[PathBuf],
    id: &str,
    schema: &Schema,
    discovery: &crate::walk::Discovery,
) -> Result<Found, FindError> {
    let (files, errors, _) = super::walk(paths, discovery);
    let mut found: Option<Found> = None;
    for path in &files {
        let Ok(text) = crate::load::read_text(path, crate::load::MAX_FILE_SIZE) else {
            continue;
        };
        if !text.contains(id) {
            continue;
        }
        let text: Arc<str> = Arc::from(text);
        let file = model::load(&text, schema, &yaml::Limits::default());
        for record in file.records.into_iter().filter(|r| r.id.value == id) {
            match &mut found {
                Some(first) => first
                    .duplicates
                    .push((path.clone(), line(&text, record.id.span.start))),
                None => {
                    found = Some(Found {
                        record,
                        path: path.clone(),
                        text: text.clone(),
                        duplicates: Vec::new(),
                    })
                }
            }
        }
    }
    match found {
        Some(found) => Ok(found),
        None if !errors.is_empty() && files.is_empty() => Err(FindError::Unreadable(
            errors
                .into_iter()
                .map(|(path, _, _, message)| unreadable(path, message))
                .collect(),
        )),
        None => Err(FindError::NotFound { files: files.len() }),
    }
}

/// Every record under `paths` (empty: the current folder), in path order,
/// handed to `each`; how many record files were read. `Err` names every
/// path that could not be walked or read (a non-regular file, one over the
/// size limit): a figure over some of the files would mislead.
pub fn each_record(
    paths: &[PathBuf],
    schema: &Schema,
    discovery: &crate::walk::Discovery,
    mut each: impl FnMut(&Record),
) -> Result<usize, Vec<Message>> {
    let (files, errors, _) = super::walk(paths, discovery);
    if files.is_empty() && !errors.is_empty() {
        return Err(errors
            .into_iter()
            .map(|(path, _, _, message)| unreadable(path, message))
            .collect());
    }
    let mut unreadable = Vec::new();
    for path in &files {
        // The one bounded reader, as `check` and `find_record` read.
        let text = match crate::load::read_text(path, crate::load::MAX_FILE_SIZE) {
            Ok(text) => text,
            Err(err) => {
                let reason = err.message("input-reason");
                unreadable.push(self::unreadable(path.display().to_string(), reason));
                continue;
            }
        };
        let file = model::load(&text, schema, &yaml::Limits::default());
        file.records.iter().for_each(&mut each);
    }
    // A figure over some of the files would not be the figure `check` gives.
    if unreadable.is_empty() {
        Ok(files.len())
    } else {
        Err(unreadable)
    }
}

/// A path that could not be walked or read, and why.
fn unreadable(path: String, reason: Message) -> Message {
    Message::new("find-unreadable")
        .text("path", path)
        .said("reason", reason)
}

/// The 1-based line of a byte offset.
pub fn line(text: &str, offset: u32) -> usize {
    crate::source::LineIndex::new(text).line_col(text, offset).0
}
