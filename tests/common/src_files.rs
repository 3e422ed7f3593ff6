//! The Rust files of a folder, for the tests that read the source itself
//! (the module order, the codes, the catalogue ids).

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, in sorted path order.
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read src")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}
