//! The one door for untrusted text: every value that came from a record, a
//! file name, a waiver or a rule file passes through here before any
//! renderer writes it.
//!
//! Records are written by the units being scored, and auditors read the
//! output in terminals, CI logs and browsers. So, in every format:
//!
//! - **Control characters are shown, not obeyed.** C0 controls (tab, line
//!   feed and carriage return included), DEL, C1 controls, the bidi
//!   controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and
//!   the line and paragraph separators (U+2028, U+2029) are written as
//!   `[U+001B]`. A value therefore never starts a new line of output.
//! - **A value never starts a CI log command.** A value that would begin
//!   with `::` (GitHub Actions workflow commands) or `##[` (Azure
//!   Pipelines), after any leading spaces, shows its first character as
//!   `[U+003A]` or `[U+0023]`; so does every `##vso[` (Azure looks for it
//!   anywhere in a line).
//! - **Snippets keep their alignment.** In the source text shown under a
//!   diagnostic, each such character is replaced by a placeholder of the
//!   same length in bytes and characters (`?`, `¿` or `�`), so spans and
//!   columns still point at the right place.
//!
//! Then each format adds its own escaping on top: [`markdown`] and [`code`]
//! for markdown, [`xml_text`] and [`xml_attr`] for JUnit and HTML, and
//! [`command_data`] and [`command_property`] for GitHub workflow commands
//! (the escaping of GitHub's actions toolkit).
//!
//! Must not: decide what is shown; it only makes shown text inert.

use std::borrow::Cow;
use std::io::{self, Write};

/// Whether `c` must never reach a terminal, a log or a page raw.
pub fn is_control(c: char) -> bool {
    matches!(
        c,
        '\0'..='\x1f'
            | '\x7f'..='\u{9f}'
            | '\u{061c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// An untrusted value for any text output: control characters shown as
/// `[U+001B]`, and a CI log command at its start (or `##vso[` anywhere)
/// defused.
pub fn text(s: &str) -> Cow<'_, str> {
    let shown = visible(s);
    if !starts_command(&shown) && !contains_vso(&shown) {
        return shown;
    }
    Cow::Owned(defuse(&shown))
}

/// Text made of lines (a rule's help, a composed report body): each line
/// as [`text`], the line feeds kept.
pub fn lines(s: &str) -> Cow<'_, str> {
    if !s.contains('\n') {
        return text(s);
    }
    let parts: Vec<Cow<str>> = s
        .split('\n')
        .map(|l| text(l.trim_end_matches('\r')))
        .collect();
    Cow::Owned(parts.join("\n"))
}

/// Control characters as `[U+XXXX]`.
fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_control(c) {
            out.push_str(&code_point(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `[U+001B]`.
pub fn code_point(c: char) -> String {
    format!("[U+{:04X}]", u32::from(c))
}

fn starts_command(s: &str) -> bool {
    let s = s.trim_start();
    s.starts_with("::") || s.starts_with("##[")
}

fn contains_vso(s: &str) -> bool {
    s.as_bytes()
        .windows(6)
        .any(|w| w.eq_ignore_ascii_case(b"##vso["))
}

/// Shows the first character of a leading command and of every `##vso[`
/// as a code point.
fn defuse(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let start = s.len() - s.trim_start().len();
    out.push_str(&s[..start]);
    let mut rest = &s[start..];
    if starts_command(rest) {
        let first = rest.chars().next().unwrap_or(':');
        out.push_str(&code_point(first));
        rest = &rest[first.len_utf8()..];
    }
    out.push_str(&vso(rest, &code_point('#')));
    out
}

/// Every `##vso[` (any case) with its first `#` written as `hash`.
fn vso(s: &str, hash: &str) -> String {
    // ASCII lowercasing keeps byte offsets, so matches index `s` too.
    let lower = s.to_ascii_lowercase();
    let mut out = String::with_capacity(s.len() + 8);
    let mut from = 0;
    for (at, _) in lower.match_indices("##vso[") {
        out.push_str(&s[from..at]);
        out.push_str(hash);
        from = at + 1;
    }
    out.push_str(&s[from..]);
    out
}

/// The source text shown under a diagnostic: each control character
/// replaced by a visible placeholder of the same UTF-8 length (so byte
/// spans and character columns are unchanged), line feeds, tabs and the
/// carriage return of a CRLF kept; and the first `#` of every `##vso[` shown
/// as `?` (a snippet line starts with its gutter, so no other command can
/// start it).
pub fn snippet(s: &str) -> Cow<'_, str> {
    let controls = s.chars().any(is_control_in_snippet);
    if !controls && !contains_vso(s) {
        return Cow::Borrowed(s);
    }
    if !controls {
        return Cow::Owned(vso(s, "?"));
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let crlf = c == '\r' && chars.peek() == Some(&'\n');
        if crlf || !is_control_in_snippet(c) {
            out.push(c);
        } else {
            out.push(placeholder(c));
        }
    }
    if contains_vso(&out) {
        out = vso(&out, "?");
    }
    Cow::Owned(out)
}

fn is_control_in_snippet(c: char) -> bool {
    is_control(c) && c != '\n' && c != '\t'
}

/// `?`, `¿` or `�`: as many bytes as `c`, one character, one column.
fn placeholder(c: char) -> char {
    match c.len_utf8() {
        1 => '?',
        2 => '\u{bf}',
        _ => '\u{fffd}',
    }
}

/// An untrusted value as markdown inline text: [`text`], then HTML
/// (`<`, `>`, `&`), backticks and markdown punctuation escaped, so it can
/// neither open a code span, a link or emphasis nor carry raw HTML.
pub fn markdown(s: &str) -> String {
    let shown = text(s);
    let mut out = String::with_capacity(shown.len() + 8);
    for c in shown.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '|' | '*' | '_' | '[' | ']' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// An untrusted value as a markdown code span, fenced with more backticks
/// than it holds in a row so it cannot break out; empty text gives empty
/// markdown. In a table cell the caller still escapes `|`.
pub fn code(s: &str) -> String {
    let shown = text(s);
    if shown.is_empty() {
        return String::new();
    }
    let longest = shown.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if shown.starts_with('`') || shown.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{shown}{pad}{fence}")
}

/// XML (and HTML) text content from text made of lines ([`lines`]): `&`,
/// `<`, `>` escaped, line feeds kept.
pub fn xml_text(s: &str) -> String {
    escape_xml(&lines(s), false)
}

/// An XML (and HTML) attribute value in double quotes, from one value
/// ([`text`]).
pub fn xml_attr(s: &str) -> String {
    escape_xml(&text(s), true)
}

/// An untrusted value as HTML text content.
pub fn html(s: &str) -> String {
    escape_xml(&text(s), false)
}

fn escape_xml(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&apos;"),
            '\n' if attribute => out.push_str("&#10;"),
            c if !xml_char(c) => out.push_str(&code_point(c)),
            c => out.push(c),
        }
    }
    out
}

/// XML 1.0's `Char` production (line feeds are kept by [`lines`]; every
/// other control character is shown before this).
fn xml_char(c: char) -> bool {
    matches!(u32::from(c), 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

/// The data of a GitHub workflow command (after `::`): `%`, `\r`, `\n` as
/// `%25`, `%0D`, `%0A`, as the actions toolkit's `escapeData` does.
pub fn command_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value of a workflow command: [`command_data`] plus `:` and
/// `,` as `%3A` and `%2C` (the toolkit's `escapeProperty`).
pub fn command_property(s: &str) -> String {
    command_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Write `value` as pretty-printed JSON (serde_json's layout, two spaces a
/// level) whose strings show the control characters JSON leaves raw (DEL,
/// C1, the bidi controls, U+2028/U+2029) as `\u` escapes, and the first
/// `#` of `##vso[` as `\u0023`: the same strings to a JSON reader, nothing
/// a terminal, a browser or a CI log obeys when the file is shown.
pub fn json_pretty<W: Write + ?Sized>(
    out: &mut W,
    value: &impl serde::Serialize,
) -> io::Result<()> {
    json_pretty_at(out, value, 0)
}

/// [`json_pretty`] for a value written `depth` levels deep in a larger
/// document: every line after the first is indented as the whole
/// document's pretty printer would indent it there.
pub fn json_pretty_at<W: Write + ?Sized>(
    out: &mut W,
    value: &impl serde::Serialize,
    depth: usize,
) -> io::Result<()> {
    let formatter = Pretty {
        depth,
        has_value: false,
    };
    let mut json = serde_json::Serializer::with_formatter(out, formatter);
    value.serialize(&mut json).map_err(io::Error::from)
}

/// serde_json's pretty layout from a starting depth, with string contents
/// made inert ([`json_pretty`]).
struct Pretty {
    depth: usize,
    has_value: bool,
}

const INDENT: &[u8] = b"                                                                ";

fn indent<W: Write + ?Sized>(out: &mut W, depth: usize) -> io::Result<()> {
    let mut left = depth * 2;
    while left > 0 {
        let n = left.min(INDENT.len());
        out.write_all(&INDENT[..n])?;
        left -= n;
    }
    Ok(())
}

impl Pretty {
    fn open<W: Write + ?Sized>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: Write + ?Sized>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            out.write_all(b"\n")?;
            indent(out, self.depth)?;
        }
        out.write_all(bracket)
    }

    fn next<W: Write + ?Sized>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        indent(out, self.depth)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: Write + ?Sized>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: Write + ?Sized>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: Write + ?Sized>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.next(out, first)
    }

    fn end_array_value<W: Write + ?Sized>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: Write + ?Sized>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: Write + ?Sized>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: Write + ?Sized>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.next(out, first)
    }

    fn begin_object_value<W: Write + ?Sized>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: Write + ?Sized>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    /// A run of a string that serde_json writes without escapes (so a
    /// `##vso[` is never split between two runs).
    fn write_string_fragment<W: Write + ?Sized>(
        &mut self,
        out: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // Most runs are plain ASCII with no `#`: nothing to do.
        if fragment.bytes().all(|b| b < 0x7f && b != b'#') {
            return out.write_all(fragment.as_bytes());
        }
        let defused;
        let mut rest = fragment;
        if contains_vso(fragment) {
            defused = vso(fragment, "\\u0023");
            rest = &defused;
        }
        // JSON escapes C0 controls in strings; the others are left here.
        while let Some(at) = rest.find(|c: char| is_control(c) && c >= '\x7f') {
            out.write_all(&rest.as_bytes()[..at])?;
            let c = rest[at..].chars().next().unwrap_or(' ');
            write!(out, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        out.write_all(rest.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVERY_CLASS: &str = "a\x1b[2Jb\x1b]8;;https://x\x07c\x1b]52;c;ZXZpbA==\x07d\u{202e}e\0f\rg\u{9b}h\x7fi\u{2066}\u{2028}";

    #[test]
    fn control_characters_are_shown_as_code_points() {
        assert_eq!(
            text(EVERY_CLASS),
            "a[U+001B][2Jb[U+001B]]8;;https://x[U+0007]c[U+001B]]52;c;ZXZpbA==[U+0007]d[U+202E]e[U+0000]f[U+000D]g[U+009B]h[U+007F]i[U+2066][U+2028]"
        );
        assert_eq!(text("id\nnext"), "id[U+000A]next");
        assert!(matches!(text("宜兴市人民政府"), Cow::Borrowed(_)));
    }

    #[test]
    fn ci_log_commands_cannot_start_a_value() {
        assert_eq!(
            text("::error title=Injected::fake"),
            "[U+003A]:error title=Injected::fake"
        );
        assert_eq!(text("  ::warning::x"), "  [U+003A]:warning::x");
        assert_eq!(text("##[group]x"), "[U+0023]#[group]x");
        assert_eq!(
            text("a ##vso[task.setvariable]x ##VSO[y"),
            "a [U+0023]#vso[task.setvariable]x [U+0023]#VSO[y"
        );
        assert_eq!(text("\n::error::x"), "[U+000A]::error::x");
        assert_eq!(text("a::b"), "a::b");
    }

    #[test]
    fn lines_keep_line_feeds_and_defuse_each_line() {
        assert_eq!(lines("one\r\n::two\n\x1b"), "one\n[U+003A]:two\n[U+001B]");
    }

    #[test]
    fn snippet_placeholders_keep_byte_and_character_positions() {
        let shown = snippet(EVERY_CLASS);
        assert_eq!(shown.len(), EVERY_CLASS.len());
        assert_eq!(shown.chars().count(), EVERY_CLASS.chars().count());
        assert!(!shown.chars().any(is_control));
        assert_eq!(snippet("a\r\nb\tc"), "a\r\nb\tc");
        assert_eq!(snippet("a\rb\u{9b}\u{202e}"), "a?b\u{bf}\u{fffd}");
        assert_eq!(snippet("x: \"##VSO[task]\""), "x: \"?#VSO[task]\"");
        assert_eq!(snippet("\x07##vso["), "??#vso[");
    }

    #[test]
    fn markdown_carries_no_html_code_span_or_link() {
        assert_eq!(
            markdown("<img src=x onerror=alert(1)> & `x` [a](b) | *c*"),
            "&lt;img src=x onerror=alert(1)&gt; &amp; \\`x\\` \\[a\\](b) \\| \\*c\\*"
        );
        assert_eq!(markdown("\x1b"), "\\[U+001B\\]");
    }

    #[test]
    fn code_spans_are_fenced_longer_than_their_backticks() {
        assert_eq!(code("a.yaml:3:1"), "`a.yaml:3:1`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x``"), "``` `x`` ```");
        assert_eq!(code(""), "");
    }

    #[test]
    fn xml_escapes_markup_and_shows_what_xml_cannot_carry() {
        assert_eq!(xml_text("a < b & c\nd"), "a &lt; b &amp; c\nd");
        assert_eq!(
            xml_attr("say \"hi\"\n'x'"),
            "say &quot;hi&quot;[U+000A]&apos;x&apos;"
        );
        assert_eq!(xml_text("bell\u{7}\u{1b}[0m"), "bell[U+0007][U+001B][0m");
        assert_eq!(xml_text("太湖\u{FFFE}\u{202e}"), "太湖[U+FFFE][U+202E]");
        assert_eq!(html("<b>\u{1b}"), "&lt;b&gt;[U+001B]");
    }

    #[test]
    fn json_escapes_what_json_leaves_raw() {
        let value =
            serde_json::json!({"id": "a\u{9b}2J\u{202e}b\x1b太##VSO[x", "k##vso[": [1, {}]});
        let mut out = Vec::new();
        json_pretty(&mut out, &value).expect("in memory");
        let text = String::from_utf8(out).expect("UTF-8");
        assert_eq!(
            text,
            "{\n  \"id\": \"a\\u009b2J\\u202eb\\u001b太\\u0023#VSO[x\",\n  \"k\\u0023#vso[\": [\n    1,\n    {}\n  ]\n}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(back, value);
    }

    #[test]
    fn json_layout_is_serde_jsons_pretty_layout_at_any_depth() {
        let value =
            serde_json::json!({"a": [1, [], {"b": null, "c": [{"d": "e"}]}], "f": {}, "g": "h"});
        let want = serde_json::to_string_pretty(&value).expect("in memory");
        let mut got = Vec::new();
        json_pretty(&mut got, &value).expect("in memory");
        assert_eq!(String::from_utf8_lossy(&got), want);
        // Three levels deep: each line after the first six spaces further in.
        let mut deep = Vec::new();
        json_pretty_at(&mut deep, &value, 3).expect("in memory");
        assert_eq!(
            String::from_utf8_lossy(&deep),
            want.replace('\n', "\n      ")
        );
    }

    #[test]
    fn command_escapes_follow_the_actions_toolkit() {
        assert_eq!(command_data("100% done\r\nnext"), "100%25 done%0D%0Anext");
        assert_eq!(command_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
