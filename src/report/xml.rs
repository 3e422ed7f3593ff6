//! Escaping text for XML 1.0 (JUnit) and XHTML (the progress page).
//!
//! XML 1.0 cannot carry most control characters even as references, so
//! they are shown as `[U+001B]` rather than dropped silently.

/// Text content: `&`, `<`, `>` escaped.
pub fn text(s: &str) -> String {
    escape(s, false)
}

/// An attribute value in double quotes: also quotes, and tab and line
/// breaks as references so they survive attribute normalisation.
pub fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&apos;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' | '\t' => out.push(c),
            c if !allowed(c) => out.push_str(&format!("[U+{:04X}]", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// XML 1.0's `Char` production (tab, line feed and carriage return are
/// handled before this).
fn allowed(c: char) -> bool {
    matches!(u32::from(c), 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_quotes_and_control_characters() {
        assert_eq!(text("a < b & c > d"), "a &lt; b &amp; c &gt; d");
        assert_eq!(
            attr("say \"hi\"\n'x'"),
            "say &quot;hi&quot;&#10;&apos;x&apos;"
        );
        assert_eq!(text("bell\u{7}\u{1b}[0m"), "bell[U+0007][U+001B][0m");
        assert_eq!(text("太湖\u{FFFE}"), "太湖[U+FFFE]");
    }
}
