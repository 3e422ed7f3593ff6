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

/// The code of a Rust file as the source-reading tests scan it: up to its
/// `#[cfg(test)]` module, without comments (line, block and doc comments:
/// a doc example or link is not a use). String and character literals are
/// kept whole, so a `//` in a URL or a quote in `'"'` changes nothing;
/// line breaks are kept, so lines still count.
pub fn code(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let at = |i: usize, s: &str| {
        s.chars()
            .enumerate()
            .all(|(k, c)| chars.get(i + k) == Some(&c))
    };
    while i < chars.len() {
        let c = chars[i];
        let after_word = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if at(i, "#[cfg(test)]") {
            break;
        } else if at(i, "//") {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if at(i, "/*") {
            i = block_comment_end(&chars, i, &mut out);
        } else if (c == 'r' || (c == 'b' && chars.get(i + 1) == Some(&'r'))) && !after_word {
            i = raw_string_end(&chars, i, &mut out);
        } else if c == '"' {
            i = quoted_end(&chars, i, '"', &mut out);
        } else if c == '\'' && (chars.get(i + 1) == Some(&'\\') || chars.get(i + 2) == Some(&'\''))
        {
            i = quoted_end(&chars, i, '\'', &mut out);
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Past a (nested) block comment opening at `i`, keeping its line breaks.
fn block_comment_end(chars: &[char], mut i: usize, out: &mut String) -> usize {
    let mut depth = 0;
    while i < chars.len() {
        match (chars[i], chars.get(i + 1)) {
            ('/', Some('*')) => (depth, i) = (depth + 1, i + 2),
            ('*', Some('/')) => {
                (depth, i) = (depth - 1, i + 2);
                if depth == 0 {
                    break;
                }
            }
            ('\n', _) => {
                out.push('\n');
                i += 1;
            }
            _ => i += 1,
        }
    }
    i
}

/// Past a literal quoted by `quote` opening at `i` (escapes skipped),
/// copied to `out`.
fn quoted_end(chars: &[char], mut i: usize, quote: char, out: &mut String) -> usize {
    out.push(quote);
    i += 1;
    while i < chars.len() {
        out.push(chars[i]);
        match chars[i] {
            '\\' => {
                if let Some(&next) = chars.get(i + 1) {
                    out.push(next);
                }
                i += 2;
            }
            c if c == quote => return i + 1,
            _ => i += 1,
        }
    }
    i
}

/// Past a raw string (`r"…"`, `br#"…"#`) opening at `i`, copied to `out`;
/// an identifier that only starts with `r` or `br` is copied as it is.
fn raw_string_end(chars: &[char], start: usize, out: &mut String) -> usize {
    let mut i = start + if chars[start] == 'b' { 2 } else { 1 };
    let hashes = chars[i..].iter().take_while(|&&c| c == '#').count();
    i += hashes;
    if chars.get(i) != Some(&'"') {
        out.push(chars[start]);
        return start + 1;
    }
    let close: String = std::iter::once('"')
        .chain("#".repeat(hashes).chars())
        .collect();
    let close: Vec<char> = close.chars().collect();
    i += 1;
    while i < chars.len() && !chars[i..].starts_with(&close) {
        i += 1;
    }
    let end = (i + close.len()).min(chars.len());
    out.extend(&chars[start..end]);
    end
}
