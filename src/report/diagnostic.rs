//! Findings and input errors as miette diagnostics.
//!
//! One [`Diag`] per finding or input error: the rule id or error code, the
//! severity, the message, labels at the values in the record file (the first
//! is primary), help (the rule's help, citation and penalty) and a related
//! diagnostic at the rule in its rule file.
//!
//! Every text from a record, a file name or a rule file goes through
//! [`super::neutral`]; the source texts under the diagnostics are shown
//! through [`neutral::snippet`] ([`shown_sources`], once per file).
//!
//! Owns: building diagnostics from an [`Outcome`]. Must not: render them
//! (that is `text`), or trust a span: a label that does not fit its text is
//! dropped rather than allowed to break the rendering.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use miette::{
    Diagnostic, LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use crate::diag::Severity;
use crate::i18n::{Args, Catalogue, Lang};
use crate::outcome::{Finding, InputError, Label, Origin, Outcome, Place, RuleInfo, SourceFile};
use crate::points::Points;
use crate::source::{LineIndex, Span};

use super::json::{files, finding_position};
use super::neutral;

/// A diagnostic ready for a miette handler.
#[derive(Debug)]
pub struct Diag {
    code: Option<String>,
    severity: miette::Severity,
    message: String,
    help: Option<String>,
    source: Option<Text>,
    labels: Vec<LabeledSpan>,
    related: Vec<Diag>,
}

impl Diag {
    /// The same diagnostic without its related places (a finding's rule,
    /// once that rule has been shown).
    pub fn without_related(mut self) -> Diag {
        self.related.clear();
        self
    }

    /// The same diagnostic without snippets, for when a snippet cannot be
    /// rendered: the message and help still reach the user.
    pub fn without_snippets(&self) -> Diag {
        Diag {
            code: self.code.clone(),
            severity: self.severity,
            message: self.message.clone(),
            help: self.help.clone(),
            source: None,
            labels: Vec::new(),
            related: self.related.iter().map(Diag::without_snippets).collect(),
        }
    }
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diag {}

impl Diagnostic for Diag {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.labels.iter().cloned()))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
    }
}

/// A finding: labels in the record file, help, and the rule as related.
pub fn finding(outcome: &Outcome, f: &Finding, words: &Catalogue) -> Diag {
    let rule = outcome.rules.get(f.rule);
    let file = outcome.finding_file(f);
    let source = file.and_then(Text::new);
    let labels = source
        .as_ref()
        .map_or_else(Vec::new, |s| s.labels(&f.labels_in(words)));
    let mut help = Vec::new();
    if labels.is_empty() {
        help.extend(file.map(|file| location_note(file, finding_position(Some(file), f), words)));
    }
    if let Some(rule) = rule {
        let said = rule.help_in(words.lang());
        help.extend(said.map(|h| neutral::lines(h).into_owned()));
        help.extend(
            rule.cite
                .as_ref()
                .map(|c| words.format("help-cite", &Args::new().text("cite", neutral::text(c)))),
        );
    }
    help.extend(
        f.waiver_note(words)
            .map(|n| words.format("help-waiver", &Args::new().text("note", neutral::text(&n)))),
    );
    help.push(penalty_note(f, words));
    let subject = if f.record.is_empty() {
        String::new()
    } else {
        format!("{}: ", neutral::text(&f.record))
    };
    let said = format!("{subject}{}", neutral::text(&f.message(words)));
    let message = if f.waived {
        words.format("finding-waived", &Args::new().text("message", said))
    } else {
        said
    };
    Diag {
        code: rule.map(|r| r.id.clone()),
        severity: if f.waived {
            miette::Severity::Advice
        } else {
            severity(f.severity)
        },
        message,
        help: Some(help.join("\n")),
        source,
        labels,
        // A group rule's finding is already located at its rule.
        related: rule
            .filter(|_| f.origin == crate::outcome::Origin::Record)
            .map(|r| rule_place(outcome, r, words))
            .into_iter()
            .collect(),
    }
}

/// An input error: at its place (when it has one), with its related places.
pub fn input_error(outcome: &Outcome, e: &InputError, words: &Catalogue) -> Diag {
    let file = e.place.and_then(|p| files(outcome, e.origin).get(p.file));
    let source = file.and_then(Text::new);
    let mut spans: Vec<Label> = e
        .place
        .map(|p| Label {
            span: p.span,
            text: String::new(),
        })
        .into_iter()
        .collect();
    spans.extend(e.labels.iter().map(|(span, text)| Label {
        span: *span,
        text: text.say(words),
    }));
    let labels = source.as_ref().map_or_else(Vec::new, |s| s.labels(&spans));
    let mut help = Vec::new();
    if labels.is_empty() {
        help.extend(file.map(|file| {
            location_note(
                file,
                e.place.and_then(|p| file.line_col(p.span.start)),
                words,
            )
        }));
    }
    help.extend(
        e.help
            .as_ref()
            .map(|h| neutral::lines(&h.say(words)).into_owned()),
    );
    Diag {
        code: Some(e.code.clone()),
        severity: severity(e.severity),
        message: neutral::text(&e.message.say(words)).into_owned(),
        help: (!help.is_empty()).then(|| help.join("\n")),
        source,
        labels,
        related: e
            .related
            .iter()
            .map(|(origin, place, text)| related_place(outcome, *origin, *place, &text.say(words)))
            .collect(),
    }
}

/// "rule `plan-on-time` …" at the rule's first line in its rule file.
fn rule_place(outcome: &Outcome, rule: &RuleInfo, words: &Catalogue) -> Diag {
    let file = outcome.rule_files.get(rule.place.file);
    let source = file.and_then(Text::new);
    let head = source
        .as_ref()
        .map_or(rule.place.span, |s| s.first_line(rule.place.span));
    let labels = source.as_ref().map_or_else(Vec::new, |s| {
        s.labels(&[Label {
            span: head,
            text: words.text("rule-defined-here"),
        }])
    });
    let title = rule.title_in(words.lang()).map_or_else(String::new, |t| {
        words.format("rule-title", &Args::new().text("title", neutral::text(t)))
    });
    let args = Args::new()
        .text("id", rule.id.as_str())
        .text("title", title);
    let message = match (labels.is_empty(), file) {
        (true, Some(file)) => words.format(
            "rule-defined-in",
            &args.text("file", neutral::text(&file.name)),
        ),
        _ => words.format("rule-named", &args),
    };
    Diag {
        code: None,
        severity: miette::Severity::Advice,
        message,
        help: None,
        source,
        labels,
        related: Vec::new(),
    }
}

/// Another place an input error involves (the first of two duplicates, say).
fn related_place(outcome: &Outcome, origin: Origin, place: Place, text: &str) -> Diag {
    let file = files(outcome, origin).get(place.file);
    let source = file.and_then(Text::new);
    let labels = source.as_ref().map_or_else(Vec::new, |s| {
        s.labels(&[Label {
            span: place.span,
            text: String::new(),
        }])
    });
    let text = neutral::text(text);
    let message = match (labels.is_empty(), file) {
        (true, Some(file)) => format!("{text} (in {})", neutral::text(&file.name)),
        _ => text.into_owned(),
    };
    Diag {
        code: None,
        severity: miette::Severity::Advice,
        message,
        help: None,
        source,
        labels,
        related: Vec::new(),
    }
}

fn severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info | Severity::Commendation => miette::Severity::Advice,
    }
}

/// `at: ledgers/wuxi.yaml:14:9`, for a diagnostic shown without a snippet.
fn location_note(file: &SourceFile, at: Option<(usize, usize)>, words: &Catalogue) -> String {
    let name = neutral::text(&file.name);
    let place = match at {
        Some((line, column)) => format!("{name}:{line}:{column}"),
        None => name.into_owned(),
    };
    words.format("help-at", &Args::new().text("place", place))
}

/// `penalty: 1.4 points (1 + 0.1 × 4 workdays = 1.4)` (`reward: …` for a
/// commendation), or why there is none.
fn penalty_note(f: &Finding, words: &Catalogue) -> String {
    let (what, amount) = match f.severity {
        Severity::Commendation => ("help-reward", points_in(words, f.reward)),
        _ => ("help-penalty", points_in(words, f.penalty)),
    };
    let shown = match f.note(words) {
        Some(note) => words.format(
            "help-amount-note",
            &Args::new().text("amount", amount).text("note", note),
        ),
        None => amount,
    };
    let id = match f.waived {
        true => format!("{what}-waived"),
        false => what.to_string(),
    };
    words.format(&id, &Args::new().text("shown", shown))
}

/// `1 point`, `1.4 points`, `0 points`.
pub fn points(p: Points) -> String {
    points_in(Lang::En.catalogue(), p)
}

/// `1 point`, `1.4 points` in the language of `words` (`1.4 分`).
pub fn points_in(words: &Catalogue, p: Points) -> String {
    words.format("points", &Args::new().points("points", p.to_string()))
}

/// The outcome with every kept file text as [`neutral::snippet`] shows it
/// (same bytes and characters, no control character); borrowed unchanged
/// when no text holds one. Called once per rendering, not per diagnostic.
pub fn shown_sources(outcome: &Outcome) -> Cow<'_, Outcome> {
    let safe: Vec<Option<Arc<str>>> = outcome
        .files
        .iter()
        .chain(&outcome.rule_files)
        .map(|f| match neutral::snippet(f.text.as_deref()?) {
            Cow::Owned(safe) => Some(Arc::from(safe)),
            Cow::Borrowed(_) => None,
        })
        .collect();
    if safe.iter().all(Option::is_none) {
        return Cow::Borrowed(outcome);
    }
    let mut shown = outcome.clone();
    let files = shown.files.iter_mut().chain(shown.rule_files.iter_mut());
    for (f, safe) in files.zip(safe) {
        if safe.is_some() {
            f.text = safe;
        }
    }
    Cow::Owned(shown)
}

/// A source text for snippets: miette's own `str` source counts columns in
/// bytes and finds a snippet by scanning from the first byte (quadratic over
/// a file's findings); this one reports columns in characters, as
/// everything else does, and starts at the snippet's first line through the
/// file's line index.
#[derive(Clone, Debug)]
pub struct Text {
    name: String,
    text: Arc<str>,
    lines: Arc<LineIndex>,
}

impl Text {
    /// The file's text, when it was kept.
    fn new(file: &SourceFile) -> Option<Text> {
        let text = file.text.clone()?;
        let lines = match &file.lines {
            Some(lines) => lines.clone(),
            None => Arc::new(LineIndex::new(&text)),
        };
        Some(Text {
            name: neutral::text(&file.name).into_owned(),
            text,
            lines,
        })
    }

    /// The labels whose spans fit this text (on character boundaries); the
    /// first that fits is primary. An empty label text is a bare underline.
    fn labels(&self, labels: &[Label]) -> Vec<LabeledSpan> {
        let fits = labels.iter().filter(|l| self.fits(l.span));
        fits.enumerate()
            .map(|(i, l)| {
                let text = (!l.text.is_empty()).then(|| neutral::text(&l.text).into_owned());
                let span = SourceSpan::from(l.span);
                if i == 0 {
                    LabeledSpan::new_primary_with_span(text, span)
                } else {
                    LabeledSpan::new_with_span(text, span)
                }
            })
            .collect()
    }

    fn fits(&self, span: Span) -> bool {
        let (start, end) = (span.start as usize, span.end as usize);
        start <= end && self.text.is_char_boundary(start) && self.text.is_char_boundary(end)
    }

    /// The part of `span` on its first line (a rule's header line).
    fn first_line(&self, span: Span) -> Span {
        let Some(body) = self.text.get(span.range()) else {
            return span;
        };
        let line = body
            .split('\n')
            .next()
            .unwrap_or(body)
            .trim_end_matches('\r');
        Span::new(span.start as usize, span.start as usize + line.len())
    }
}

impl SourceCode for Text {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        // miette's reader gives the same snippet from any line start before
        // the context's first line; only line numbers shift by the lines
        // skipped. (One line more than the context: for an empty span at
        // the start of a line, the line break before it matters.)
        let offset = u32::try_from(span.offset()).map_err(|_| MietteError::OutOfBounds)?;
        let line = self.lines.line_of(offset);
        let skipped = line.saturating_sub(before + 1);
        let base = self.lines.start(skipped);
        let window = self.text.get(base..).ok_or(MietteError::OutOfBounds)?;
        let local = SourceSpan::from((span.offset() - base, span.len()));
        let inner = <str as SourceCode>::read_span(window, &local, before, after)?;
        let start = inner.span().offset() + base;
        let column = if inner.column() == 0 {
            0
        } else {
            self.lines.line_col(&self.text, start as u32).1 - 1
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            (start, inner.span().len()).into(),
            inner.line() + skipped,
            column,
            inner.line_count() + skipped,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every span of a text read through the line index gives what miette's
    /// own reader gives from byte 0, columns counted in characters.
    #[test]
    fn snippets_through_the_line_index_match_a_scan_from_the_start() {
        let text = "id: A\r\ntitle: 太湖蓝藻\n\n  plan: 2022-07-20\nlast\n";
        let file = SourceFile {
            name: "a.yaml".into(),
            text: Some(Arc::from(text)),
            lines: Some(Arc::new(LineIndex::new(text))),
        };
        let source = Text::new(&file).expect("text");
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for (i, &start) in bounds.iter().enumerate() {
            for &end in &bounds[i..] {
                let span = SourceSpan::from((start, end - start));
                for context in 0..3 {
                    let ours = source.read_span(&span, context, context);
                    let theirs = <str as SourceCode>::read_span(text, &span, context, context);
                    let (Ok(ours), Ok(theirs)) = (ours, theirs) else {
                        panic!("{start}..{end} ±{context}: one reader failed");
                    };
                    let at = format!("{start}..{end} ±{context}");
                    assert_eq!(ours.data(), theirs.data(), "{at}");
                    assert_eq!(ours.span(), theirs.span(), "{at}");
                    assert_eq!(ours.line(), theirs.line(), "{at}");
                    assert_eq!(ours.line_count(), theirs.line_count(), "{at}");
                    let offset = theirs.span().offset();
                    let line_start = text[..offset].rfind('\n').map_or(0, |n| n + 1);
                    let column = match theirs.column() {
                        0 => 0,
                        _ => text[line_start..offset].chars().count(),
                    };
                    assert_eq!(ours.column(), column, "{at}");
                }
            }
        }
    }
}
