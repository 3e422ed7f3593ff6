//! Literal values the grammar accepts by shape but that may still have no
//! value: escapes in strings, numbers, percents, dates, rule ids. Each
//! function returns an error without a span or with a span relative to the
//! literal; the caller places it.

use crate::diag::Message;
use crate::points::Points;

/// `rules::bad-escape`: an unknown escape or a `\u{…}` that is no character.
pub(super) const BAD_ESCAPE: &str = "rules::bad-escape";
/// `rules::bad-number`: a number too large, with more than two decimal
/// places where points are meant, or a period of 0.
pub(super) const BAD_NUMBER: &str = "rules::bad-number";
/// `rules::bad-percent`: a percent over 100.
pub(super) const BAD_PERCENT: &str = "rules::bad-percent";
/// `rules::bad-date`: a `YYYY-MM-DD` literal that is no calendar date (`2023-02-30`).
pub(super) const BAD_DATE: &str = "rules::bad-date";
/// `rules::bad-id`: a rule id that is not lowercase kebab-case.
pub(super) const BAD_ID: &str = "rules::bad-id";

/// A problem inside a literal: byte range relative to the literal's text,
/// message and help.
pub(super) struct Problem {
    pub range: std::ops::Range<usize>,
    pub message: Message,
    pub help: Message,
}

/// The value of a string body (between the quotes), or every bad escape in it.
pub(super) fn unescape(body: &str) -> Result<String, Vec<Problem>> {
    let mut out = String::with_capacity(body.len());
    let mut problems = Vec::new();
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some((_, '"')) => out.push('"'),
            Some((_, '\\')) => out.push('\\'),
            Some((_, 'n')) => out.push('\n'),
            Some((_, 't')) => out.push('\t'),
            Some((_, 'u')) => match unicode(&body[i..]) {
                Ok((ch, len)) => {
                    out.push(ch);
                    while chars.peek().is_some_and(|&(j, _)| j < i + len) {
                        chars.next();
                    }
                }
                Err(problem) => problems.push(Problem {
                    range: i..i + problem.range.end,
                    ..problem
                }),
            },
            Some((j, other)) => problems.push(Problem {
                range: i..j + other.len_utf8(),
                message: Message::new("rules-bad-escape").text("escape", format!("\\{other}")),
                help: Message::new("rules-bad-escape.help"),
            }),
            None => problems.push(Problem {
                range: i..i + 1,
                message: Message::new("rules-bad-escape.at-end"),
                help: Message::new("rules-bad-escape.help"),
            }),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// `\u{XXXX}` at the start of `text`: the character and the escape's length.
fn unicode(text: &str) -> Result<(char, usize), Problem> {
    let malformed = |len: usize| Problem {
        range: 0..len,
        message: Message::new("rules-bad-escape-unicode").text("escape", &text[..len]),
        help: Message::new("rules-bad-escape-unicode.help"),
    };
    let Some(inner) = text.strip_prefix("\\u{") else {
        return Err(malformed(2));
    };
    let Some(close) = inner.find('}') else {
        return Err(malformed(
            text.len()
                .min(3 + inner.chars().take(6).map(char::len_utf8).sum::<usize>()),
        ));
    };
    let len = 3 + close + 1;
    let hex = &inner[..close];
    if hex.is_empty() || hex.len() > 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(malformed(len));
    }
    let ch = u32::from_str_radix(hex, 16)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| Problem {
            range: 0..len,
            message: Message::new("rules-bad-escape-character").text("escape", &text[..len]),
            help: Message::new("rules-bad-escape-character.help"),
        })?;
    Ok((ch, len))
}

/// Points as written (`1`, `0.1`, `2.50`).
pub(super) fn points(text: &str) -> Result<Points, Problem> {
    Points::parse(text).ok_or_else(|| {
        let places = text.split_once('.').map_or(0, |(_, frac)| frac.len());
        if places > 2 {
            Problem {
                range: 0..text.len(),
                message: Message::new("rules-bad-number-places").text("number", text),
                help: Message::new("rules-bad-number-places.help"),
            }
        } else {
            too_large(text)
        }
    })
}

/// A whole number that fits in `u32`.
pub(super) fn count(text: &str) -> Result<u32, Problem> {
    text.parse().map_err(|_| too_large(text))
}

fn too_large(text: &str) -> Problem {
    Problem {
        range: 0..text.len(),
        message: Message::new("rules-bad-number-large").text("number", text),
        help: Message::new("rules-bad-number-large.help"),
    }
}

/// The text of a percent without its `%`, checked to be at most 100.
pub(super) fn percent(text: &str) -> Result<String, Problem> {
    let digits = text.trim_end_matches('%');
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let int = int.trim_start_matches('0');
    let over = int.len() > 3
        || int.parse::<u32>().unwrap_or(0) > 100
        || (int == "100" && frac.bytes().any(|b| b != b'0'));
    if over {
        return Err(Problem {
            range: 0..text.len(),
            message: Message::new("rules-bad-percent").text("percent", text),
            help: Message::new("rules-bad-percent.help"),
        });
    }
    Ok(digits.to_string())
}

/// A `YYYY-MM-DD` civil date.
pub(super) fn date(text: &str) -> Result<jiff::civil::Date, Problem> {
    let mut parts = text.splitn(3, '-').map(|p| p.parse::<i16>().ok());
    let (Some(Some(y)), Some(Some(m)), Some(Some(d))) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(Problem {
            range: 0..text.len(),
            message: Message::new("rules-bad-date-shape").text("date", text),
            help: Message::new("rules-bad-date-shape.help"),
        });
    };
    jiff::civil::Date::new(y, m as i8, d as i8).map_err(|_| {
        let help = match jiff::civil::Date::new(y, m as i8, 1) {
            Ok(first) => Message::new("rules-bad-date.help-days")
                .int("days", i64::from(first.days_in_month())),
            Err(_) => Message::new("rules-bad-date.help-month"),
        };
        Problem {
            range: 0..text.len(),
            message: Message::new("rules-bad-date").text("date", text),
            help,
        }
    })
}

/// Whether `id` is lowercase kebab-case: `plan-on-time`, `rule-2`.
pub(super) fn is_kebab(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}
