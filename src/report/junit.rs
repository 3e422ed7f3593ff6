//! JUnit XML, for CI systems that show test results; valid against
//! Jenkins' `junit-10.xsd`.
//!
//! One `<testsuite>` per rule: a test case per finding of that rule (named
//! by record), and a passing case for the records the rule checked and
//! found right ("12 records pass"), so every declared rule shows and passes
//! read as passes. A finding at or above `--fail-on` is a `<failure>` (its
//! `type` is the severity); one below it is a passing case whose
//! `<system-out>` says what was found; a waived one is `<skipped>`. Suite
//! `records` has one passing case per unit for its records without any
//! finding (a record is one in one file: two sharing an id are two). Input errors form suite `inputs`: `<error>` for errors, and
//! warnings and infos as findings are. The place of a finding (file, line,
//! column) is in its text, as the schema has no attribute for it.
//!
//! Every value from a record passes through [`super::neutral`]. No
//! timestamps or durations: the same outcome gives the same bytes. A
//! streaming run writes the same document from a [`Spill`], which keeps
//! no findings.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{self, BufWriter, Write};

use crate::diag::Severity;
use crate::i18n::{Args, Catalogue};
use crate::outcome::{Finding, InputError, Outcome, Scope};

use super::diagnostic::points_in;
use super::json::{files, finding_position};
use super::neutral;
use super::xml;

/// One `<testcase>`.
struct Case {
    class: String,
    name: String,
    verdict: Verdict,
}

enum Verdict {
    Pass,
    /// Passed, with what was found below `--fail-on` in `<system-out>`.
    Noted(String),
    /// `<failure type message>body</failure>`
    Failure(&'static str, String, String),
    /// `<error type message>body</error>`
    Error(String, String),
    Skipped(String),
}

/// Whether a finding or input diagnostic of `severity` fails the run.
fn fails(severity: Severity, fail_on: Option<Severity>) -> bool {
    fail_on.is_some_and(|threshold| severity >= threshold)
}

pub fn write(
    outcome: &Outcome,
    fail_on: Option<Severity>,
    words: &Catalogue,
    out: &mut dyn Write,
) -> io::Result<()> {
    let scope = outcome.scope();
    let mut by_rule: Vec<Vec<Case>> = outcome.rules.iter().map(|_| Vec::new()).collect();
    for f in &outcome.findings {
        if let Some(cases) = by_rule.get_mut(f.rule) {
            cases.push(finding(&scope, f, fail_on, words));
        }
    }
    let tallies: Vec<Tally> = by_rule.iter().map(|cases| Tally::of(cases)).collect();
    let mut flagged = Flagged::default();
    flagged.add(&outcome.findings);
    let mut cases = |rule: usize, out: &mut dyn Write| {
        (by_rule.get(rule).into_iter().flatten()).try_for_each(|case| write_case(case, out))
    };
    document(outcome, fail_on, words, &tallies, &flagged, out, &mut cases)
}

/// Write the document: a suite per rule, whose finding cases `cases`
/// writes (the kept findings', or a streaming run's spilled ones) and
/// `tallies` counts, then suites `records` and `inputs`.
fn document(
    outcome: &Outcome,
    fail_on: Option<Severity>,
    words: &Catalogue,
    tallies: &[Tally],
    flagged: &Flagged,
    out: &mut dyn Write,
    cases: &mut dyn FnMut(usize, &mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    // Each rule's passing case comes first, if it has one.
    let passing: Vec<Option<Case>> = (outcome.rules.iter().enumerate())
        .map(|(rule, r)| {
            let passed = outcome.passes.get(rule).copied().unwrap_or(0);
            let found = tallies.get(rule).map_or(0, |t| t.tests);
            (passed > 0 || found == 0).then(|| passes(&r.id, &r.judges, passed, words))
        })
        .collect();
    let rule_tallies: Vec<Tally> = (passing.iter().enumerate())
        .map(|(rule, pass)| {
            let mut tally = tallies.get(rule).copied().unwrap_or_default();
            tally.tests += usize::from(pass.is_some());
            tally
        })
        .collect();
    let records = records(outcome, flagged, words);
    let inputs: Vec<Case> = outcome
        .input_errors
        .iter()
        .map(|e| input_error(outcome, e, fail_on, words))
        .collect();
    let mut total = Tally::of(&records);
    total.add_all(&Tally::of(&inputs));
    rule_tallies.iter().for_each(|t| total.add_all(t));
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="rectify" tests="{}" failures="{}" errors="{}">"#,
        total.tests, total.failures, total.errors,
    )?;
    for (rule, r) in outcome.rules.iter().enumerate() {
        suite_head(&r.id, &rule_tallies[rule], out)?;
        if let Some(pass) = &passing[rule] {
            write_case(pass, out)?;
        }
        cases(rule, out)?;
        writeln!(out, "  </testsuite>")?;
    }
    suite("records", &records, out)?;
    if !inputs.is_empty() {
        suite("inputs", &inputs, out)?;
    }
    writeln!(out, "</testsuites>")
}

/// How many cases a suite has, and of which verdicts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    tests: usize,
    failures: usize,
    errors: usize,
    skipped: usize,
}

impl Tally {
    fn of(cases: &[Case]) -> Tally {
        let mut tally = Tally::default();
        cases.iter().for_each(|c| tally.add(Kind::of(&c.verdict)));
        tally
    }

    fn add(&mut self, kind: Kind) {
        self.tests += 1;
        match kind {
            Kind::Failure => self.failures += 1,
            Kind::Error => self.errors += 1,
            Kind::Skipped => self.skipped += 1,
            Kind::Pass => {}
        }
    }

    fn add_all(&mut self, other: &Tally) {
        self.tests += other.tests;
        self.failures += other.failures;
        self.errors += other.errors;
        self.skipped += other.skipped;
    }
}

/// What a case counts as in its suite's tally.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Pass,
    Failure,
    Error,
    Skipped,
}

impl Kind {
    fn of(verdict: &Verdict) -> Kind {
        match verdict {
            Verdict::Pass | Verdict::Noted(_) => Kind::Pass,
            Verdict::Failure(..) => Kind::Failure,
            Verdict::Error(..) => Kind::Error,
            Verdict::Skipped(_) => Kind::Skipped,
        }
    }

    fn byte(self) -> u8 {
        self as u8
    }

    fn from_byte(byte: u8) -> Option<Kind> {
        [Kind::Pass, Kind::Failure, Kind::Error, Kind::Skipped]
            .into_iter()
            .find(|k| k.byte() == byte)
    }
}

/// Per unit, its records that have a finding: each record in a file counted
/// once, however many findings it has (a group rule's finding names no
/// record and flags none).
#[derive(Debug, Default)]
pub(crate) struct Flagged(BTreeMap<String, usize>);

impl Flagged {
    /// Count the records `findings` flag; a record counted by an earlier
    /// call must be in another file.
    pub(crate) fn add(&mut self, findings: &[Finding]) {
        let records: BTreeSet<(usize, &str, &str)> = (findings.iter())
            .filter(|f| !f.record.is_empty())
            .map(|f| (f.file, &*f.unit, &*f.record))
            .collect();
        for (_, unit, _) in records {
            match self.0.get_mut(unit) {
                Some(n) => *n += 1,
                None => {
                    self.0.insert(unit.to_string(), 1);
                }
            }
        }
    }

    fn of(&self, unit: &str) -> usize {
        self.0.get(unit).copied().unwrap_or(0)
    }
}

/// The passing case of a rule: the records (or, for a group rule, the
/// groups) it checked and found right.
fn passes(rule: &str, judges: &str, passed: usize, words: &Catalogue) -> Case {
    let what = match judges {
        "record" => "record",
        by @ ("unit" | "round" | "kind" | "region" | "category" | "status") => by,
        _ => "group",
    };
    let args = Args::new()
        .int("n", i64::try_from(passed).unwrap_or(i64::MAX))
        .text("thing", words.text(&format!("junit-thing.{what}")))
        .text("things", words.text(&format!("junit-things.{what}")));
    let name = words.format("junit-passes", &args);
    Case {
        class: rule.to_string(),
        name,
        verdict: Verdict::Pass,
    }
}

fn finding(scope: &Scope<'_>, f: &Finding, fail_on: Option<Severity>, words: &Catalogue) -> Case {
    let id = scope.rules.get(f.rule).map_or("", |r| r.id.as_str());
    let file = scope.finding_file(f);
    let message = neutral::text(&f.message(words)).into_owned();
    let mut body = vec![message.clone()];
    if let Some(file) = file {
        let at =
            finding_position(Some(file), f).map_or_else(String::new, |(l, c)| format!(":{l}:{c}"));
        let place = format!("{}{at}", neutral::text(&file.name));
        body.push(words.format("help-at", &Args::new().text("place", place)));
    }
    if !f.unit.is_empty() {
        let unit = Args::new().text("unit", neutral::text(&f.unit));
        body.push(words.format("help-unit", &unit));
    }
    let records = f.group_records();
    if !records.is_empty() {
        let ids = records.iter().map(|id| neutral::text(id).into_owned());
        let ids = crate::diag::join(words, crate::diag::Join::Plain, ids);
        body.push(words.format("help-records", &Args::new().text("ids", ids)));
    }
    if let Some(rule) = scope.rules.get(f.rule) {
        let said = rule.help_in(words.lang());
        body.extend(said.map(|h| neutral::lines(h).into_owned()));
        body.extend(
            rule.cite
                .as_ref()
                .map(|c| words.format("help-cite", &Args::new().text("cite", neutral::text(c)))),
        );
    }
    let (what, amount) = match f.severity {
        Severity::Commendation => ("help-reward", f.reward),
        _ => ("help-penalty", f.penalty),
    };
    let shown = Args::new().text("shown", points_in(words, amount));
    body.push(words.format(what, &shown));
    if let Some(approval) = f.waiver_note(words) {
        let note = Args::new().text("note", neutral::text(&approval));
        body.push(words.format("help-waiver", &note));
    }
    let verdict = if f.waived {
        let why = match f.waiver_reason.as_deref() {
            Some(why) => neutral::text(why).into_owned(),
            None => words.text("junit-waiver-unknown"),
        };
        Verdict::Skipped(words.format("junit-waived", &Args::new().text("reason", why)))
    } else if fails(f.severity, fail_on) {
        Verdict::Failure(f.severity.as_str(), message, body.join("\n"))
    } else {
        Verdict::Noted(noted(f.severity, &body, words))
    };
    Case {
        class: id.to_string(),
        name: f.subject(),
        verdict,
    }
}

/// One passing case per unit: its records that have no finding at all.
fn records(outcome: &Outcome, flagged: &Flagged, words: &Catalogue) -> Vec<Case> {
    outcome
        .units
        .iter()
        .map(|u| {
            let clean = u.records.saturating_sub(flagged.of(&u.unit));
            let args = Args::new()
                .text("unit", neutral::text(&u.unit))
                .int("clean", i64::try_from(clean).unwrap_or(i64::MAX))
                .int("records", i64::try_from(u.records).unwrap_or(i64::MAX));
            Case {
                class: "records".into(),
                name: words.format("junit-unit-records", &args),
                verdict: Verdict::Pass,
            }
        })
        .collect()
}

fn input_error(
    outcome: &Outcome,
    e: &InputError,
    fail_on: Option<Severity>,
    words: &Catalogue,
) -> Case {
    let file = e.place.and_then(|p| files(outcome, e.origin).get(p.file));
    let line = e
        .place
        .and_then(|p| file?.line_col(p.span.start))
        .map(|(l, _)| l);
    let message = neutral::text(&e.message.say(words)).into_owned();
    let mut body = vec![message.clone()];
    body.extend(e.help.as_ref().map(|h| {
        words.format(
            "cli-help",
            &Args::new().text("help", neutral::lines(&h.say(words))),
        )
    }));
    let verdict = match e.severity {
        Severity::Error => Verdict::Error(message, body.join("\n")),
        s if fails(s, fail_on) => Verdict::Failure(s.as_str(), message, body.join("\n")),
        s => Verdict::Noted(noted(s, &body, words)),
    };
    let name = match (file, line) {
        (Some(f), Some(l)) => format!("{} at {}:{l}", e.code, neutral::text(&f.name)),
        (Some(f), None) => format!("{} in {}", e.code, neutral::text(&f.name)),
        _ => e.code.clone(),
    };
    Case {
        class: "inputs".into(),
        name,
        verdict,
    }
}

/// What was found below `--fail-on`: `warning: …`, in `words`' language.
fn noted(severity: Severity, body: &[String], words: &Catalogue) -> String {
    let args = Args::new()
        .text("severity", super::severity_word(severity, words))
        .text("body", body.join("\n"));
    words.format("junit-noted", &args)
}

fn suite(name: &str, cases: &[Case], out: &mut dyn Write) -> io::Result<()> {
    suite_head(name, &Tally::of(cases), out)?;
    cases.iter().try_for_each(|case| write_case(case, out))?;
    writeln!(out, "  </testsuite>")
}

fn suite_head(name: &str, tally: &Tally, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        r#"  <testsuite name="{}" tests="{}" failures="{}" errors="{}" skipped="{}">"#,
        xml::attr(name),
        tally.tests,
        tally.failures,
        tally.errors,
        tally.skipped,
    )
}

fn write_case(case: &Case, out: &mut dyn Write) -> io::Result<()> {
    let head = format!(
        r#"    <testcase classname="{}" name="{}""#,
        xml::attr(&case.class),
        xml::attr(&case.name)
    );
    match &case.verdict {
        Verdict::Pass => writeln!(out, "{head}/>"),
        Verdict::Noted(text) => writeln!(
            out,
            "{head}>\n      <system-out>{}</system-out>\n    </testcase>",
            xml::text(text)
        ),
        Verdict::Failure(kind, message, body) => writeln!(
            out,
            "{head}>\n      <failure type=\"{kind}\" message=\"{}\">{}</failure>\n    </testcase>",
            xml::attr(message),
            xml::text(body)
        ),
        Verdict::Error(message, body) => writeln!(
            out,
            "{head}>\n      <error type=\"error\" message=\"{}\">{}</error>\n    </testcase>",
            xml::attr(message),
            xml::text(body)
        ),
        Verdict::Skipped(message) => writeln!(
            out,
            "{head}>\n      <skipped message=\"{}\"/>\n    </testcase>",
            xml::attr(message)
        ),
    }
}

/// The streaming form of the report ([`super::stream`]): each finding's
/// test case, written as the run merges its file, waits in one of a few
/// anonymous temporary files until the run is over, for a suite lists its
/// counts before its cases and the cases of one rule come from every file.
/// Memory holds the counts of each rule's suite and of each unit's flagged
/// records, never the findings.
pub(crate) struct Spill {
    /// The rules' cases, rule `r` in bucket `r % buckets.len()`; made when
    /// first written to, but for the first.
    buckets: Vec<Option<BufWriter<File>>>,
    /// The first bucket, made with the spill (so that a run without a
    /// usable temporary folder keeps its findings instead, as for every
    /// streaming format), until the run's rules are known.
    first: Option<BufWriter<File>>,
    tallies: Vec<Tally>,
    flagged: Flagged,
}

/// Temporary files at most: a rule set of many rules shares them, each
/// read once per rule in it at the end.
const BUCKETS: usize = 64;

/// A case as a worker hands it over ([`Spill::frames`]) and as it waits in
/// a bucket: its rule index (4 bytes, little-endian), what it counts as
/// ([`Kind`], a byte) and its length (4 bytes), then its XML.
const FRAME_HEAD: usize = 9;

impl Spill {
    pub(crate) fn new() -> io::Result<Spill> {
        Ok(Spill {
            buckets: Vec::new(),
            first: Some(BufWriter::new(tempfile::tempfile()?)),
            tallies: Vec::new(),
            flagged: Flagged::default(),
        })
    }

    /// `findings`' cases in the form [`Spill::add`] takes (on the worker
    /// that evaluated their file).
    pub(crate) fn frames(
        scope: &Scope<'_>,
        findings: &[Finding],
        fail_on: Option<Severity>,
        words: &Catalogue,
    ) -> Vec<u8> {
        let mut frames = Vec::new();
        for f in findings {
            let case = finding(scope, f, fail_on, words);
            let mut text = Vec::new();
            // Writing to memory cannot fail.
            let _ = write_case(&case, &mut text);
            let (Ok(rule), Ok(len)) = (u32::try_from(f.rule), u32::try_from(text.len())) else {
                continue;
            };
            frames.extend_from_slice(&rule.to_le_bytes());
            frames.push(Kind::of(&case.verdict).byte());
            frames.extend_from_slice(&len.to_le_bytes());
            frames.extend_from_slice(&text);
        }
        frames
    }

    /// Add one file's findings (or the group findings), their cases
    /// written by [`Spill::frames`]; `rules`: the run's rule count.
    pub(crate) fn add(
        &mut self,
        rules: usize,
        findings: &[Finding],
        frames: &[u8],
    ) -> io::Result<()> {
        if self.buckets.is_empty() {
            self.buckets = (0..rules.clamp(1, BUCKETS)).map(|_| None).collect();
            self.buckets[0] = self.first.take();
            self.tallies = vec![Tally::default(); rules];
        }
        self.flagged.add(findings);
        let mut rest = frames;
        while let Some(((rule, kind), len)) = frame_head(rest) {
            let Some((whole, after)) = rest.split_at_checked(FRAME_HEAD + len) else {
                break;
            };
            rest = after;
            let (Some(tally), Some(kind)) = (self.tallies.get_mut(rule), Kind::from_byte(kind))
            else {
                continue;
            };
            tally.add(kind);
            let slot = rule % self.buckets.len();
            let bucket = match &mut self.buckets[slot] {
                Some(bucket) => bucket,
                none => none.insert(BufWriter::new(tempfile::tempfile()?)),
            };
            bucket.write_all(whole)?;
        }
        Ok(())
    }

    /// Write the report, the waiting cases read back rule by rule.
    pub(crate) fn finish(
        self,
        outcome: &Outcome,
        fail_on: Option<Severity>,
        words: &Catalogue,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let Spill {
            buckets,
            mut tallies,
            flagged,
            ..
        } = self;
        tallies.resize(outcome.rules.len(), Tally::default());
        let mut files = Vec::with_capacity(buckets.len());
        for bucket in buckets {
            let file = match bucket {
                Some(b) => Some(b.into_inner().map_err(io::IntoInnerError::into_error)?),
                None => None,
            };
            files.push(file);
        }
        let count = files.len();
        let mut cases = |rule: usize, out: &mut dyn Write| -> io::Result<()> {
            match files.get_mut(rule.checked_rem(count).unwrap_or(0)) {
                Some(Some(file)) => copy_rule(file, rule, out),
                _ => Ok(()),
            }
        };
        document(outcome, fail_on, words, &tallies, &flagged, out, &mut cases)
    }
}

/// The head of a frame at the start of `bytes`: its rule and kind byte,
/// and the length of its case; `None` at the end (or at a head cut short,
/// which [`Spill::frames`] never writes).
fn frame_head(bytes: &[u8]) -> Option<((usize, u8), usize)> {
    let head: &[u8; FRAME_HEAD] = bytes.get(..FRAME_HEAD)?.try_into().ok()?;
    let rule = u32::from_le_bytes([head[0], head[1], head[2], head[3]]) as usize;
    let len = u32::from_le_bytes([head[5], head[6], head[7], head[8]]) as usize;
    Some(((rule, head[4]), len))
}

/// Copy the cases of `rule` from its bucket, in the order they were added.
fn copy_rule(file: &mut File, rule: usize, out: &mut dyn Write) -> io::Result<()> {
    use std::io::{BufReader, Read, Seek, SeekFrom};
    file.seek(SeekFrom::Start(0))?;
    let mut reader = BufReader::new(&*file);
    let mut head = [0u8; FRAME_HEAD];
    let mut case = Vec::new();
    loop {
        match reader.read_exact(&mut head) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(()),
            Err(e) => return Err(e),
        }
        let Some(((at, _), len)) = frame_head(&head) else {
            return Ok(());
        };
        if at == rule {
            case.resize(len, 0);
            reader.read_exact(&mut case)?;
            out.write_all(&case)?;
        } else {
            reader.seek_relative(len as i64)?;
        }
    }
}
