//! Waiver files (`--waivers FILE`): waivers kept apart from the records,
//! each naming the rule, the record (or, for a group rule, the unit), a
//! reason, who approved it and until when.
//!
//! ```yaml
//! waivers:
//!   - rule: plan-on-time
//!     record: JS-2022-R2-07
//!     reason: plan approval delayed by the provincial leading group
//!     until: 2026-12-31          # inclusive, compared with --as-of
//!     approved_by: Jiangsu Provincial Leading Group
//! ```
//!
//! A waived finding is reported as waived and costs no points; an expired
//! waiver and a waiver that matches no finding are warnings; a waiver
//! without a reason, an approver or an expiry date is an error and waives
//! nothing.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

use crate::config::WaiverAuthority;
use crate::diag::{Join, Message, Severity};
use crate::outcome::{InputError, Origin, Outcome, Place};
use crate::source::{Span, Spanned, clip};
use crate::yaml::{self, Node, Value};

/// One waiver from a waiver file.
#[derive(Clone, Debug)]
pub struct Waiver {
    pub rule: Spanned<String>,
    /// The record id it waives; `None` when it names a group instead.
    pub record: Option<Spanned<String>>,
    /// A group rule's group, by the fields its rule groups by: `unit`,
    /// `round`, `region`, … (`unit` and `region` for a rule `per unit and
    /// region`), each with its value.
    pub group: Vec<(String, Spanned<String>)>,
    pub reason: Option<Spanned<String>>,
    pub until: Option<Spanned<Date>>,
    pub approved_by: Option<Spanned<String>>,
    /// Well formed (no absent key, no blank or unreadable value): only then
    /// does it waive anything.
    pub valid: bool,
    pub span: Span,
}

impl Waiver {
    /// Whether it covers a finding of its rule: the record it names, or
    /// the group (a group rule's finding grouped by the key it names).
    fn covers(&self, f: &crate::outcome::Finding, units: &crate::units::Units) -> bool {
        if let Some(record) = &self.record {
            return f.record == record.value;
        }
        let Some(group) = f.group.as_deref() else {
            return false;
        };
        // Every key the rule groups by, and no other, each the group's
        // value: a unit however spelt, any other text by its key.
        let same = |name: &str, a: &str, b: &str| match name {
            "unit" => units.key(a) == units.key(b),
            _ => crate::units::key(a) == crate::units::key(b),
        };
        !group.keys.is_empty()
            && self.group.len() == group.keys.len()
            && group.keys.iter().all(|(name, value)| {
                (self.group.iter()).any(|(n, v)| n == name && same(name, &v.value, value))
            })
    }
}

/// Waiver files, read before the findings they waive: each file's
/// waivers, what was wrong reading it, and which waivers have matched a
/// finding so far. A run waives each file's findings as it merges them
/// ([`FileWaivers::waive`], so a streaming run keeps no findings for the
/// waivers' sake), and once every finding has passed, the waiver files join
/// the outcome with their diagnostics ([`FileWaivers::finish`]).
pub struct FileWaivers {
    files: Vec<WaiverFile>,
    /// The waivers that can waive, by rule id: `(file, waiver)` in order.
    active: HashMap<String, Vec<(usize, usize)>>,
    /// Per rule id, the grouping of a group finding of it seen so far: its
    /// `by` and key names (for [`grouping_help`]).
    groupings: HashMap<String, (String, Vec<String>)>,
}

struct WaiverFile {
    name: String,
    text: Option<Arc<str>>,
    /// Problems reading it, placed in file 0 until it has its index.
    errors: Vec<InputError>,
    waivers: Vec<Entry>,
}

struct Entry {
    waiver: Waiver,
    standing: Standing,
    matched: bool,
}

/// What a waiver from a waiver file can do, decided when it is read.
enum Standing {
    /// It names no rule of the run.
    UnknownRule,
    /// Not well formed: reported where it was read; it waives nothing.
    Invalid,
    /// The waiver authority refuses it, for these reasons (placed in file 0).
    Refused(Vec<InputError>),
    /// It ended before the evaluation date (its `until`).
    Expired(Spanned<Date>),
    /// It waives the findings it covers.
    Active,
}

impl FileWaivers {
    /// Read the waiver files at `paths` (each like a record file: a regular
    /// file of at most `limit` bytes) and decide what each waiver can do on
    /// `as_of` for a run of `rules`.
    pub fn read(
        paths: &[std::path::PathBuf],
        limit: u64,
        rules: &[crate::outcome::RuleInfo],
        as_of: Date,
        authority: &WaiverAuthority,
    ) -> FileWaivers {
        let mut set = FileWaivers {
            files: Vec::new(),
            active: HashMap::new(),
            groupings: HashMap::new(),
        };
        for path in paths {
            let (name, text, errors, waivers) = load(path, limit);
            let file = set.files.len();
            let waivers = (waivers.into_iter().enumerate())
                .map(|(i, w)| {
                    let standing = standing(&w, rules, as_of, authority);
                    if matches!(standing, Standing::Active) {
                        let at = set.active.entry(w.rule.value.clone()).or_default();
                        at.push((file, i));
                    }
                    Entry {
                        waiver: w,
                        standing,
                        matched: false,
                    }
                })
                .collect();
            set.files.push(WaiverFile {
                name,
                text,
                errors,
                waivers,
            });
        }
        set
    }

    /// Waive the findings the waivers cover: the first waiver, in file and
    /// then waiver order, that covers a finding waives it, unless it was
    /// waived already (inline waivers were applied earlier and take
    /// precedence). A waiver naming a `unit` matches its findings however
    /// the unit is spelt (`units`). Whether any finding was waived.
    pub fn waive(
        &mut self,
        findings: &mut [crate::outcome::Finding],
        rules: &[crate::outcome::RuleInfo],
        units: &crate::units::Units,
    ) -> bool {
        let mut waived = false;
        for f in findings {
            let Some(rule) = rules.get(f.rule) else {
                continue;
            };
            if let Some(group) = f.group.as_deref() {
                if !self.groupings.contains_key(&rule.id) {
                    let keys = group.keys.iter().map(|(k, _)| k.clone()).collect();
                    (self.groupings).insert(rule.id.clone(), (group.by.clone(), keys));
                }
            }
            let Some(active) = self.active.get(&rule.id) else {
                continue;
            };
            for &(file, i) in active {
                let entry = &mut self.files[file].waivers[i];
                if !entry.waiver.covers(f, units) {
                    continue;
                }
                entry.matched = true;
                let w = &entry.waiver;
                if let (false, Some(reason), Some(until)) = (f.waived, &w.reason, &w.until) {
                    f.waived = true;
                    f.waiver_reason = Some(reason.value.clone());
                    f.waiver_external = true;
                    f.waiver_approved_by = w.approved_by.as_ref().map(|a| a.value.clone());
                    f.waiver_until = Some(until.value);
                    waived = true;
                }
            }
        }
        waived
    }

    /// Add the waiver files to `outcome`'s files, each followed by its
    /// diagnostics: what was wrong reading it, then, waiver by waiver, an
    /// unknown rule, a refusal, an expired waiver, one that matched no
    /// finding, and the refusals of the waiver authority.
    pub fn finish(self, outcome: &mut Outcome) {
        let FileWaivers {
            files, groupings, ..
        } = self;
        for f in files {
            let file = outcome.files.len();
            outcome.files.push(super::source_file(f.name, f.text));
            let placed = |mut e: InputError| {
                if let Some(place) = &mut e.place {
                    place.file = file;
                }
                e
            };
            outcome
                .input_errors
                .extend(f.errors.into_iter().map(placed));
            for entry in f.waivers {
                let w = &entry.waiver;
                let warning = |code, message, span| {
                    error(code, Severity::Warning, message, Some(Place { file, span }))
                };
                match entry.standing {
                    Standing::UnknownRule => {
                        let ids: Vec<&str> = outcome.rules.iter().map(|r| r.id.as_str()).collect();
                        let message =
                            Message::new("waiver-unknown-rule").text("rule", clip(&w.rule.value));
                        let mut e = warning("waiver::unknown-rule", message, w.rule.span);
                        e.help = did_you_mean(&w.rule.value, &ids);
                        outcome.input_errors.push(e);
                    }
                    Standing::Invalid => {}
                    Standing::Refused(refusals) => {
                        outcome
                            .input_errors
                            .extend(refusals.into_iter().map(placed));
                    }
                    Standing::Expired(until) => {
                        let message = expired(&w.rule.value, until.value);
                        let e = warning("waiver::expired", message, until.span);
                        outcome.input_errors.push(e);
                    }
                    Standing::Active if !entry.matched => {
                        let message =
                            Message::new("waiver-unmatched").text("rule", clip(&w.rule.value));
                        let mut e = warning("waiver::unmatched", message, w.span);
                        e.help = grouping_help(&groupings, w);
                        outcome.input_errors.push(e);
                    }
                    Standing::Active => {}
                }
            }
        }
    }
}

/// Read a waiver file: its name, its text (when it could be read), every
/// problem found reading it (placed in file 0) and its waivers. Read like
/// a record file: a regular file of at most `limit` bytes.
fn load(path: &Path, limit: u64) -> (String, Option<Arc<str>>, Vec<InputError>, Vec<Waiver>) {
    let name = path.display().to_string();
    let text = match crate::load::read_text(path, limit) {
        Ok(text) => text,
        Err(err) => {
            let message = err.message("waiver-unreadable");
            let error = super::file_error("waiver::unreadable", Severity::Error, message, Some(0));
            return (name, None, vec![error], Vec::new());
        }
    };
    let (docs, error) = yaml::parse(&text, &yaml::Limits::default());
    let mut reader = Reader {
        file: 0,
        errors: Vec::new(),
    };
    if let Some(e) = error {
        reader.errors.push(InputError::placed(e, Origin::Record, 0));
    }
    let waivers = docs.iter().flat_map(|d| reader.document(d)).collect();
    (name, Some(Arc::from(text)), reader.errors, waivers)
}

/// What a waiver can do on `as_of` in a run of `rules`; the waiver
/// authority's refusals are placed in file 0.
fn standing(
    w: &Waiver,
    rules: &[crate::outcome::RuleInfo],
    as_of: Date,
    authority: &WaiverAuthority,
) -> Standing {
    if !rules.iter().any(|r| r.id == w.rule.value) {
        return Standing::UnknownRule;
    }
    let (true, Some(_), Some(until)) = (w.valid, &w.reason, &w.until) else {
        return Standing::Invalid;
    };
    let claim = super::authority::Claim {
        source: super::authority::Source::File,
        span: w.span,
        approved_by: w.approved_by.as_ref(),
        until: w.until.as_ref(),
    };
    let refusals = authority.refusals(&claim, as_of, 0);
    if !refusals.is_empty() {
        return Standing::Refused(refusals);
    }
    if until.value < as_of {
        return Standing::Expired(until.clone());
    }
    Standing::Active
}

/// When a waiver names a group by another key than its rule groups by
/// (`unit` for a rule `per round`), say which key to name: `groupings`
/// holds, per rule id, how a group finding of it was grouped.
fn grouping_help(
    groupings: &HashMap<String, (String, Vec<String>)>,
    w: &Waiver,
) -> Option<Message> {
    if w.record.is_some() {
        return None;
    }
    let (by, wanted) = groupings.get(&w.rule.value)?;
    let named: Vec<&str> = w.group.iter().map(|(k, _)| k.as_str()).collect();
    let wanted: Vec<&str> = wanted.iter().map(String::as_str).collect();
    let differs = named.len() != wanted.len() || named.iter().any(|n| !wanted.contains(n));
    (differs && !named.is_empty()).then(|| {
        Message::new("waiver-unmatched.help-grouping")
            .text("rule", w.rule.value.as_str())
            .text("by", by.as_str())
            .names("wanted", Join::And, &wanted)
            .names("named", Join::And, &named)
    })
}

/// `waiver::expired`: the waiver for `rule` ended on `until`.
pub(crate) fn expired(rule: &str, until: Date) -> Message {
    Message::new("waiver-expired")
        .text("rule", clip(rule))
        .text("until", until.to_string())
}

/// "did you mean …?" for the closest of `names`.
fn did_you_mean(name: &str, names: &[&str]) -> Option<Message> {
    let close = crate::suggest::did_you_mean(name, names.iter().copied())?;
    Some(crate::diag::did_you_mean(close))
}

/// A waiver's fields that decide whether it can waive anything, wherever
/// it is written (a record or a waiver file).
pub(crate) struct Shape<'a> {
    /// The rule it names, when it names one (for the message).
    pub rule: Option<&'a str>,
    /// The whole waiver: where absent keys are reported.
    pub span: Span,
    /// Required keys that are not written. A key written with a value that
    /// could not be read was reported where it was read, and is not here.
    pub absent: Vec<&'static str>,
    pub reason: Option<&'a Spanned<String>>,
    pub approved_by: Option<&'a Spanned<String>>,
}

/// Why a waiver waives nothing, as `waiver::incomplete` errors: one at the
/// waiver naming every absent key, and one at each `reason` or
/// `approved_by` that is empty or only whitespace.
pub(crate) fn validate(w: &Shape<'_>, file: usize, origin: Origin) -> Vec<InputError> {
    let subject = |id| {
        Message::new(id)
            .text("named", if w.rule.is_some() { "yes" } else { "no" })
            .text("rule", w.rule.unwrap_or_default())
    };
    let at = |span| Some(Place { file, span });
    let mut problems = Vec::new();
    if !w.absent.is_empty() {
        let message = absent_keys(subject("waiver-incomplete"), &w.absent);
        let mut e = InputError::new(INCOMPLETE, Severity::Error, message, origin, at(w.span));
        e.help = w.absent.iter().find_map(|k| help(k));
        problems.push(e);
    }
    for (key, value) in [("reason", w.reason), ("approved_by", w.approved_by)] {
        if let Some(v) = value.filter(|v| v.value.trim().is_empty()) {
            let message = subject("waiver-incomplete-empty").text("key", key);
            let mut e = InputError::new(INCOMPLETE, Severity::Error, message, origin, at(v.span));
            e.help = help(key);
            problems.push(e);
        }
    }
    problems
}

/// The keys a waiver lacks, as `waiver-incomplete` says them: each in
/// backticks, [`RECORD_OR_UNIT`] as `` `record` or `unit` ``.
fn absent_keys(message: Message, absent: &[&str]) -> Message {
    let keys = absent.iter().map(|key| match *key {
        RECORD_OR_UNIT => Message::new("waiver-record-or-unit").into(),
        key => crate::diag::code(key),
    });
    message.list("keys", Join::Plain, keys)
}

/// An absent key of a waiver file's waiver: it names neither a record nor
/// a group.
const RECORD_OR_UNIT: &str = "record-or-unit";

/// The code of every problem that makes a waiver waive nothing.
const INCOMPLETE: &str = "waiver::incomplete";

fn help(key: &str) -> Option<Message> {
    match key {
        "reason" => Some("waiver-incomplete.help-reason".into()),
        "approved_by" => Some("waiver-incomplete.help-approved-by".into()),
        "until" => Some("waiver-incomplete.help-until".into()),
        _ => None,
    }
}

fn error(code: &str, severity: Severity, message: Message, place: Option<Place>) -> InputError {
    InputError::new(code, severity, message, Origin::Record, place)
}

/// The keys a waiver in a waiver file may have.
const KEYS: [&str; 11] = [
    "rule",
    "record",
    "unit",
    "round",
    "kind",
    "region",
    "category",
    "status",
    "reason",
    "until",
    "approved_by",
];

/// The keys of a waiver that name a group rule's group: the fields a
/// group rule may group by (a stage's `by` as `STAGE.by`).
fn group_key(key: &str) -> bool {
    matches!(
        key,
        "unit" | "round" | "kind" | "region" | "category" | "status" | "responsible.lead"
    ) || key
        .strip_suffix(".by")
        .is_some_and(|stage| !stage.is_empty() && !stage.contains('.'))
}

struct Reader {
    file: usize,
    errors: Vec<InputError>,
}

impl Reader {
    fn error(&mut self, code: &str, span: Span, message: impl Into<Message>) {
        let place = Some(Place {
            file: self.file,
            span,
        });
        self.errors
            .push(error(code, Severity::Error, message.into(), place));
    }

    /// A document: `waivers: [...]` or a bare list.
    fn document(&mut self, doc: &Node) -> Vec<Waiver> {
        let list = match &doc.value {
            Value::Seq(items) => items,
            Value::Map(entries) => match entries.iter().find(|(k, _)| text(k) == Some("waivers")) {
                Some((
                    _,
                    Node {
                        value: Value::Seq(items),
                        ..
                    },
                )) => items,
                _ => {
                    self.error("waiver::bad-file", doc.span, "waiver-bad-file");
                    return Vec::new();
                }
            },
            Value::Null => return Vec::new(),
            _ => {
                self.error("waiver::bad-file", doc.span, "waiver-bad-file.list");
                return Vec::new();
            }
        };
        list.iter().filter_map(|n| self.waiver(n)).collect()
    }

    fn waiver(&mut self, node: &Node) -> Option<Waiver> {
        let Value::Map(entries) = &node.value else {
            self.error("waiver::bad-waiver", node.span, "waiver-bad-waiver-mapping");
            return None;
        };
        let mut w = Waiver {
            rule: Spanned::new(String::new(), node.span),
            record: None,
            group: Vec::new(),
            reason: None,
            until: None,
            approved_by: None,
            valid: false,
            span: node.span,
        };
        let mut rule = None;
        let before = self.errors.len();
        for (k, v) in entries {
            match text(k) {
                Some("rule") => rule = self.string(v),
                Some("record") => w.record = self.string(v),
                Some(key) if group_key(key) => {
                    let name = if key == "responsible.unit" {
                        "unit"
                    } else {
                        key
                    };
                    if let Some(value) = self.string(v) {
                        w.group.push((name.to_string(), value));
                    }
                }
                Some("reason") => w.reason = self.string(v),
                Some("approved_by") => w.approved_by = self.string(v),
                Some("until") => w.until = self.date(v),
                _ => {
                    let key = text(k).unwrap_or("?");
                    let message = Message::new("waiver-bad-waiver-key").text("key", clip(key));
                    self.error("waiver::bad-waiver", k.span, message);
                    if let (Some(help), Some(last)) =
                        (did_you_mean(key, &KEYS), self.errors.last_mut())
                    {
                        last.help = Some(help);
                    }
                }
            }
        }
        let readable = self.errors.len() == before;
        let formed = self.well_formed(entries, rule.as_ref(), &w);
        w.valid = readable && formed;
        w.rule = rule?;
        Some(w)
    }

    /// Report (as [`validate`] does for every waiver) what keeps a waiver
    /// from waiving anything; whether nothing does.
    fn well_formed(
        &mut self,
        entries: &[(Node, Node)],
        rule: Option<&Spanned<String>>,
        w: &Waiver,
    ) -> bool {
        let written = |key: &str| entries.iter().any(|(k, _)| text(k) == Some(key));
        let names_one =
            written("record") || entries.iter().any(|(k, _)| text(k).is_some_and(group_key));
        let required = [
            ("rule", written("rule")),
            (RECORD_OR_UNIT, names_one),
            ("reason", written("reason")),
            ("until", written("until")),
            ("approved_by", written("approved_by")),
        ];
        let shape = Shape {
            rule: rule.map(|r| r.value.as_str()),
            span: w.span,
            absent: required
                .into_iter()
                .filter_map(|(key, written)| (!written).then_some(key))
                .collect(),
            reason: w.reason.as_ref(),
            approved_by: w.approved_by.as_ref(),
        };
        let problems = validate(&shape, self.file, Origin::Record);
        let ok = problems.is_empty();
        self.errors.extend(problems);
        ok
    }

    fn string(&mut self, v: &Node) -> Option<Spanned<String>> {
        match &v.value {
            Value::Str { text, .. } => Some(Spanned::new(text.clone(), v.span)),
            Value::Int(n) => Some(Spanned::new(n.to_string(), v.span)),
            _ => {
                self.error("waiver::bad-waiver", v.span, "waiver-bad-waiver-text");
                None
            }
        }
    }

    fn date(&mut self, v: &Node) -> Option<Spanned<Date>> {
        let parsed = match &v.value {
            Value::Str { text, .. } => crate::calendar::parse_date(text),
            _ => None,
        };
        if parsed.is_none() {
            let message = match &v.value {
                Value::Str { text, .. } => {
                    Message::new("waiver-bad-waiver-date").text("text", text.as_str())
                }
                _ => "waiver-bad-waiver-date.not-text".into(),
            };
            self.error("waiver::bad-waiver", v.span, message);
            if let Some(last) = self.errors.last_mut() {
                last.help = Some("waiver-bad-waiver-date.help".into());
            }
        }
        parsed.map(|d| Spanned::new(d, v.span))
    }
}

fn text(k: &Node) -> Option<&str> {
    match &k.value {
        Value::Str { text, .. } => Some(text),
        _ => None,
    }
}
