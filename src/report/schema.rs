//! The JSON Schema (draft 2020-12) of the record format, for editors:
//! completion and checking while a ledger is typed (`rectify schema`).
//!
//! It is a static document kept beside this file (`record.schema.json`),
//! so it reads as a schema, not as Rust. It describes the shape only: the
//! rules decide which kinds and stages exist, so stage names are free here,
//! and unknown fields are allowed (rules can use them by path). `rectify
//! check` remains the authority; the schema only helps while typing.

use std::io::{self, Write};

/// The schema text.
pub const RECORD_SCHEMA: &str = include_str!("record.schema.json");

pub fn write(out: &mut dyn Write) -> io::Result<()> {
    out.write_all(RECORD_SCHEMA.as_bytes())
}
