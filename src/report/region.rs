//! Where a span is, in the units machine formats want: 1-based lines,
//! 1-based character columns, and character offsets from the start of the
//! file (SARIF's `charOffset`, counted in code points to match the
//! `unicodeCodePoints` column kind).
//!
//! Owns: turning byte spans into positions for SARIF, GitHub and JUnit.
//! Must not: guess. A span that does not fit its text gives no position,
//! and a file whose text was not kept gives only what the producer
//! precomputed.

use std::path::{Component, Path, PathBuf};

use crate::outcome::{Finding, InputError, Outcome, Scope, SourceFile};
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
    pub fn finding(&mut self, scope: &Scope<'_>, f: &Finding) -> Option<Region> {
        let file = scope.finding_file(f);
        let primary = f.labels.first().map_or_else(Default::default, |l| l.span);
        let fallback = super::json::finding_position(file, f);
        self.region(scope.finding_file_index(f), file, primary, fallback)
    }

    /// An input diagnostic's file (a record or rule file) and the region
    /// of its place there.
    pub fn input_error<'o>(
        &mut self,
        outcome: &'o Outcome,
        e: &InputError,
    ) -> (Option<&'o SourceFile>, Option<Region>) {
        let list = super::json::files(outcome, e.origin);
        let file = e.place.and_then(|p| list.get(p.file));
        let key = crate::outcome::file_key(e.origin, e.place.map_or(0, |p| p.file));
        let region = e.place.and_then(|p| self.region(key, file, p.span, None));
        (file, region)
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

/// A file name as shown to the user, tidied: `/` separators, no `.`
/// segments (so no leading `./`).
pub fn clean(name: &str) -> String {
    let name = name.replace('\\', "/");
    let absolute = name.starts_with('/');
    let parts: Vec<&str> = name
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// Where a SARIF artifact is: a URI reference relative to the project root
/// (`uriBaseId: %SRCROOT%`), or an absolute `file://` URI for a file
/// outside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Artifact {
    Relative(String),
    Absolute(String),
}

impl Artifact {
    /// The artifact of the file `name` (as shown, relative to `root`, or
    /// absolute); `None` for the bundled rule set, which is not a file in
    /// the user's repository. `root` is absolute, or empty when unknown.
    pub fn of(root: &Path, name: &str) -> Option<Artifact> {
        if name.starts_with(BUNDLED) {
            return None;
        }
        let path = Path::new(name);
        if !path.is_absolute() && root.as_os_str().is_empty() {
            return Some(Artifact::Relative(relative_uri(&normal(path))));
        }
        let full = normal(&root.join(path));
        match full.strip_prefix(normal(root)) {
            Ok(inside) => Some(Artifact::Relative(relative_uri(inside))),
            Err(_) => Some(Artifact::Absolute(file_uri(&full))),
        }
    }

    /// The URI as written in the log.
    pub fn uri(&self) -> &str {
        match self {
            Artifact::Relative(u) | Artifact::Absolute(u) => u,
        }
    }
}

/// How the bundled rule set's files are named.
const BUNDLED: &str = "<bundled>/";

/// `path` without `.` segments, and with each `..` taking away the segment
/// before it (lexically: the files may not exist, and nothing here reads
/// the disk).
fn normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// A relative path as a URI reference: segments percent-encoded, so a
/// colon in the first one (`C:evil.yaml`, `javascript:x.yaml`) cannot read
/// as a scheme.
fn relative_uri(path: &Path) -> String {
    let segments: Vec<String> = path
        .components()
        .map(|c| encode(&c.as_os_str().to_string_lossy()))
        .collect();
    segments.join("/")
}

/// An absolute path as a `file:///…` URI (a root folder ends in `/`).
pub fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for part in path.components() {
        match part {
            // `C:` on Windows: the drive letter's colon stays.
            Component::Prefix(p) => {
                uri.push('/');
                uri.push_str(&p.as_os_str().to_string_lossy().replace('\\', "/"));
            }
            Component::RootDir => {}
            other => {
                uri.push('/');
                uri.push_str(&encode(&other.as_os_str().to_string_lossy()));
            }
        }
    }
    if uri == "file://" {
        uri.push('/');
    }
    uri
}

/// One path segment, percent-encoded per RFC 3986: every byte but the
/// unreserved characters and the sub-delimiters (`:`, `%`, spaces and
/// non-ASCII included).
fn encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=@".contains(&b);
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
    fn names_are_cleaned() {
        assert_eq!(clean("./ledgers/./wuxi.yaml"), "ledgers/wuxi.yaml");
        assert_eq!(clean("ledgers\\a.yaml"), "ledgers/a.yaml");
        assert_eq!(clean("/tmp//x.yaml"), "/tmp/x.yaml");
    }

    #[test]
    fn artifacts_are_relative_to_the_root_and_encoded() {
        let root = Path::new("/work/repo");
        let uri = |name: &str| Artifact::of(root, name);
        let relative = |s: &str| Some(Artifact::Relative(s.into()));
        assert_eq!(uri("./ledgers/wuxi.yaml"), relative("ledgers/wuxi.yaml"));
        assert_eq!(uri("ledgers/a b%.yaml"), relative("ledgers/a%20b%25.yaml"));
        assert_eq!(uri("C:evil.yaml"), relative("C%3Aevil.yaml"));
        assert_eq!(uri("javascript:x.yaml"), relative("javascript%3Ax.yaml"));
        assert_eq!(uri("台账.yaml"), relative("%E5%8F%B0%E8%B4%A6.yaml"));
        assert_eq!(uri("/work/repo/sub/../x.yaml"), relative("x.yaml"));
        assert_eq!(
            uri("/elsewhere/x y.yaml"),
            Some(Artifact::Absolute("file:///elsewhere/x%20y.yaml".into()))
        );
        assert_eq!(
            uri("../other/x.yaml"),
            Some(Artifact::Absolute("file:///work/other/x.yaml".into()))
        );
        assert_eq!(uri("<bundled>/central.rules"), None);
        assert_eq!(
            Artifact::of(Path::new(""), "./a/b.yaml"),
            relative("a/b.yaml")
        );
        assert_eq!(file_uri(Path::new("/")), "file:///");
        assert_eq!(file_uri(Path::new("/work/repo")), "file:///work/repo");
    }
}
