//! Streaming output: the formats whose findings are written while the run
//! goes on (JSON, SARIF, JUnit, concise, GitHub annotations), so memory
//! holds no findings however many a run finds.
//!
//! Each output writes its findings, as the run merges each file in path
//! order ([`crate::outcome::Sink`]), to an anonymous temporary file (the
//! spill), exactly as they will appear in the report. Once the run is
//! over, [`Streamed::finish`] writes the report: what comes before the
//! findings (the JSON report's counts, SARIF's rule table), the spill
//! copied as it is, then what comes after (input errors, units, the
//! summary). The spill is needed because the JSON report gives the number
//! of records before its findings and SARIF lists every input error's
//! code before its results; it also means nothing reaches the output until
//! the run is over, so an output that would overwrite an input is still
//! refused before a byte is written, and a file output is still replaced
//! whole. JUnit lists findings by rule, so its spill is kept by rule
//! ([`super::junit`]). The formats write their findings through the same functions
//! whether they stream or render a kept [`Outcome`], so both give the same
//! bytes.

use std::fs::File;
use std::io::{self, BufWriter, Seek, SeekFrom, Write};

use serde::Serialize;

use crate::outcome::{Finding, Outcome, Rendered, Scope};

use super::neutral::{json_pretty, json_pretty_at};
use super::region::Locator;
use super::{Format, Style};

/// Whether a format can stream its findings.
pub fn streams(format: Format) -> bool {
    matches!(
        format,
        Format::Json | Format::Sarif | Format::Junit | Format::Concise | Format::Github
    )
}

/// One streaming output: its format, style and spill.
pub struct Streamed {
    format: Format,
    style: Style,
    spill: Spill,
    locator: Locator,
    /// The first error writing the spill (a full disk); the report fails
    /// with it.
    failed: Option<io::Error>,
}

/// Where a stream's findings wait until the run is over.
enum Spill {
    /// As the report writes them, in order.
    Flat(Elements<BufWriter<File>>),
    /// JUnit's test cases, by rule (a suite per rule).
    ByRule(super::junit::Spill),
}

impl Streamed {
    /// A streaming output in `format`; `None` when the format does not
    /// stream, an error when the temporary file cannot be made.
    pub fn new(format: Format, style: &Style) -> Option<io::Result<Streamed>> {
        if !streams(format) {
            return None;
        }
        let indent = element_indent(format);
        let spill = match format {
            Format::Junit => super::junit::Spill::new().map(Spill::ByRule),
            _ => tempfile::tempfile()
                .map(|file| Spill::Flat(Elements::new(BufWriter::new(file), indent))),
        };
        Some(spill.map(|spill| Streamed {
            format,
            style: style.clone(),
            spill,
            locator: Locator::default(),
            failed: None,
        }))
    }

    /// Write one file's findings to the spill.
    pub fn add(&mut self, outcome: &Outcome, findings: &[Finding]) {
        if self.failed.is_some() {
            return;
        }
        let scope = outcome.scope();
        let written = match &mut self.spill {
            Spill::Flat(spill) => render(
                self.format,
                &self.style,
                &scope,
                findings,
                spill,
                &mut self.locator,
            ),
            Spill::ByRule(spill) => {
                let words = self.style.lang.catalogue();
                let frames =
                    super::junit::Spill::frames(&scope, findings, self.style.fail_on, words);
                spill.add(outcome.rules.len(), findings, &frames)
            }
        };
        if let Err(e) = written {
            self.failed = Some(e);
        }
    }

    /// Write one file's `findings`, rendered beforehand by [`Renderer`]
    /// (`count` of them, as its [`Elements`] wrote them from the start of
    /// an array), to the spill.
    fn add_rendered(
        &mut self,
        outcome: &Outcome,
        findings: &[Finding],
        bytes: &[u8],
        count: usize,
    ) {
        if self.failed.is_some() || count == 0 {
            return;
        }
        let written = match &mut self.spill {
            Spill::Flat(spill) => {
                // A JSON array's first element is preceded by a line feed,
                // every other by a comma and a line feed.
                let joined =
                    if spill.count > 0 && matches!(self.format, Format::Json | Format::Sarif) {
                        spill.out.write_all(b",")
                    } else {
                        Ok(())
                    };
                spill.count += count;
                joined.and_then(|()| spill.out.write_all(bytes))
            }
            Spill::ByRule(spill) => spill.add(outcome.rules.len(), findings, bytes),
        };
        if let Err(e) = written {
            self.failed = Some(e);
        }
    }

    /// Write the report to `out`: its head, the spilled findings, its tail.
    pub fn finish(self, outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        let Streamed {
            format,
            style,
            spill,
            mut locator,
            ..
        } = self;
        let words = style.lang.catalogue();
        let spill = match spill {
            Spill::Flat(spill) => spill,
            Spill::ByRule(spill) => return spill.finish(outcome, style.fail_on, words, out),
        };
        let count = spill.count;
        let mut file = spill
            .out
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        file.seek(SeekFrom::Start(0))?;
        let mut copy = |into: &mut Elements<&mut dyn Write>| -> io::Result<()> {
            io::copy(&mut file, &mut into.out)?;
            into.count += count;
            Ok(())
        };
        match format {
            Format::Json => super::json::write_with(outcome, words, out, &mut copy),
            Format::Sarif => super::sarif::write_with(outcome, words, out, &mut copy),
            Format::Concise => {
                let mut lines = Elements::new(out, "");
                copy(&mut lines)?;
                super::concise::tail(outcome, &style, &mut locator, lines.out)
            }
            _ => {
                let mut lines = Elements::new(out, "");
                copy(&mut lines)?;
                super::github::tail(outcome, words, &mut locator, lines.out)
            }
        }
    }
}

/// The depth of a format's findings in its report (none: one a line).
fn element_indent(format: Format) -> &'static str {
    match format {
        Format::Json => super::json::FINDING_INDENT,
        Format::Sarif => super::sarif::RESULT_INDENT,
        _ => "",
    }
}

/// Write `findings` in `format` as the elements of `into`.
fn render<W: Write>(
    format: Format,
    style: &Style,
    scope: &Scope<'_>,
    findings: &[Finding],
    into: &mut Elements<W>,
    locator: &mut Locator,
) -> io::Result<()> {
    let words = style.lang.catalogue();
    if matches!(format, Format::Junit) {
        let frames = super::junit::Spill::frames(scope, findings, style.fail_on, words);
        into.out.write_all(&frames)?;
        into.count += findings.len();
        return Ok(());
    }
    findings.iter().try_for_each(|f| match format {
        Format::Json => into.push(&super::json::finding(scope, f, words)),
        Format::Sarif => into.push(&super::sarif::finding(scope, f, words, locator)),
        Format::Concise => {
            super::concise::finding(scope, f, words, locator, &mut into.out)?;
            into.count += 1;
            Ok(())
        }
        _ => {
            super::github::finding(scope, f, words, locator, &mut into.out)?;
            into.count += 1;
            Ok(())
        }
    })
}

/// The streaming outputs of one run; the run's [`crate::outcome::Sink`].
#[derive(Default)]
pub struct Streams(pub Vec<Streamed>);

impl crate::outcome::Sink for Streams {
    fn findings(&mut self, outcome: &Outcome, findings: &[Finding]) {
        for stream in &mut self.0 {
            stream.add(outcome, findings);
        }
    }

    fn renderer(&self) -> Option<Box<dyn crate::outcome::Render + Send + Sync>> {
        let outputs = self.0.iter().map(|s| (s.format, s.style.clone())).collect();
        Some(Box::new(Renderer(outputs)))
    }

    fn rendered(&mut self, outcome: &Outcome, findings: &[Finding], rendered: Rendered) {
        if rendered.len() != self.0.len() {
            return self.findings(outcome, findings);
        }
        for (stream, (bytes, count)) in self.0.iter_mut().zip(rendered) {
            stream.add_rendered(outcome, findings, &bytes, count);
        }
    }
}

/// Renders a file's findings for every output of a [`Streams`], on the
/// worker that evaluated the file, so that the thread merging the files in
/// path order only copies bytes.
struct Renderer(Vec<(Format, Style)>);

impl crate::outcome::Render for Renderer {
    fn render(&self, scope: &Scope<'_>, findings: &[Finding]) -> Rendered {
        self.0
            .iter()
            .map(|(format, style)| {
                let mut into = Elements::new(Vec::new(), element_indent(*format));
                let mut locator = Locator::default();
                // Writing to memory cannot fail.
                let _ = render(*format, style, scope, findings, &mut into, &mut locator);
                (into.out, into.count)
            })
            .collect()
    }
}

/// The elements of a pretty-printed JSON array, written one at a time at
/// their depth (`indent`), as `serde_json`'s pretty printer would write
/// them inside the whole document; or, for line formats, lines counted.
pub(crate) struct Elements<W> {
    pub out: W,
    pub count: usize,
    indent: &'static str,
}

impl<W: Write> Elements<W> {
    pub fn new(out: W, indent: &'static str) -> Elements<W> {
        Elements {
            out,
            count: 0,
            indent,
        }
    }

    /// Write `value` as the next element.
    pub fn push(&mut self, value: &impl Serialize) -> io::Result<()> {
        let separator: &[u8] = if self.count == 0 { b"\n" } else { b",\n" };
        self.out.write_all(separator)?;
        self.out.write_all(self.indent.as_bytes())?;
        json_pretty_at(&mut self.out, value, self.indent.len() / 2)?;
        self.count += 1;
        Ok(())
    }
}

/// Writes the elements of one array of a report ([`splice`]): the kept
/// findings, or a streaming run's spill copied in.
pub(crate) type Fill<'a> = dyn FnMut(&mut Elements<&mut dyn Write>) -> io::Result<()> + 'a;

/// Write `doc`, pretty-printed with a trailing line feed, with the array at
/// `key` (written `[]` in `doc`, at the indentation `key` carries) filled
/// by `elements`, which writes them at one level deeper.
pub(crate) fn splice(
    out: &mut dyn Write,
    doc: &impl Serialize,
    key: &str,
    elements: &mut Fill<'_>,
    indent: &'static str,
) -> io::Result<()> {
    let mut text = Vec::new();
    json_pretty(&mut text, doc)?;
    text.push(b'\n');
    // A key's quotes are never written inside a string (they would be
    // escaped), so the first match is the key itself.
    let needle = format!("\n{key}: []");
    let at = text
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
        .ok_or_else(|| io::Error::other(format!("no `{key}` in the report")))?;
    let close = at + needle.len() - 1;
    out.write_all(&text[..close])?;
    let mut list = Elements::new(&mut *out, indent);
    elements(&mut list)?;
    if list.count > 0 {
        let outer = &indent[..indent.len().saturating_sub(2)];
        write!(list.out, "\n{outer}")?;
    }
    list.out.write_all(&text[close..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spliced_elements_are_what_the_pretty_printer_writes_in_place() {
        #[derive(Serialize)]
        struct Doc {
            a: u32,
            list: Vec<serde_json::Value>,
            b: &'static str,
        }
        let items = [
            serde_json::json!({"x": [1, 2], "y": {}, "z": "l\u{202e}ine"}),
            serde_json::json!([]),
            serde_json::json!({"n": {"m": [ {"k": null} ]}}),
        ];
        for n in 0..=items.len() {
            let whole = Doc {
                a: 1,
                list: items[..n].to_vec(),
                b: "##vso[x]",
            };
            let mut want = Vec::new();
            json_pretty(&mut want, &whole).expect("serialise");
            want.push(b'\n');
            let empty = Doc {
                list: Vec::new(),
                ..whole
            };
            let mut got = Vec::new();
            let mut fill = |list: &mut Elements<&mut dyn Write>| {
                items[..n].iter().try_for_each(|item| list.push(item))
            };
            splice(&mut got, &empty, "  \"list\"", &mut fill, "    ").expect("splice");
            assert_eq!(
                String::from_utf8_lossy(&got),
                String::from_utf8_lossy(&want),
                "{n} elements"
            );
        }
    }
}
