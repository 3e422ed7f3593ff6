//! What a `check` run produced, ready to render: the types shared by the run
//! driver (producer) and [`crate::report`] (consumer).
//!
//! Everything here is already sorted deterministically (by file, position,
//! rule); renderers never re-sort and never read the clock.

pub mod history;

use std::sync::Arc;

use jiff::civil::Date;

use crate::diag::{Diagnostic, Message, Severity};
use crate::i18n::{Catalogue, Lang};
use crate::points::Points;
use crate::source::{LineIndex, Span};
use crate::syntax::ast::{TextItem, text_in};

/// A source text a diagnostic can point into: a record file or a rule file.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// As shown to the user (relative path as given, or `<bundled>/…`).
    pub name: String,
    /// Kept only when the file has findings and a renderer needs snippets
    /// (human, plain), or when the file has input diagnostics; `None`
    /// otherwise (a streaming run drops it once the file's findings are
    /// written).
    pub text: Option<Arc<str>>,
    pub lines: Option<Arc<LineIndex>>,
}

impl SourceFile {
    /// Whether the name is a file on disk, not a bundled or made-up source
    /// (`<bundled>/…`, `<inline records>`).
    pub fn on_disk(&self) -> bool {
        !self.name.starts_with('<')
    }

    /// 1-based line and character column of a byte offset, when the text is kept.
    pub fn line_col(&self, offset: u32) -> Option<(usize, usize)> {
        let (text, lines) = (self.text.as_ref()?, self.lines.as_ref()?);
        Some(lines.line_col(text, offset))
    }
}

/// A place in a source: which file, which bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// Index into [`Outcome::files`] (records) or [`Outcome::rule_files`].
    pub file: usize,
    pub span: Span,
}

/// A label on a value: where, and what to say there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub text: String,
}

/// A label on a finding: where, and what it says there, as data (said in
/// the run's language by [`Finding::labels_in`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub span: Span,
    pub note: Note,
}

/// A declared rule, for SARIF's rule table and for `related` diagnostics.
#[derive(Clone, Debug)]
pub struct RuleInfo {
    pub id: String,
    /// The title as written; [`RuleInfo::title_in`] for a run's language.
    pub title: Option<String>,
    pub cite: Option<String>,
    /// The help as written; [`RuleInfo::help_in`] for a run's language.
    pub help: Option<String>,
    /// `title zh-CN "…"`, `help en "…"`: the title or help for one language.
    pub variants: Vec<(TextItem, Lang, String)>,
    pub severity: Severity,
    /// Where the rule is written (index into [`Outcome::rule_files`]).
    pub place: Place,
    /// A readable penalty, in English in every run (SARIF's properties):
    /// `1 point, plus 0.1 per workday late, at most 3`.
    pub penalty: String,
    /// A reward rule's readable reward (`1 point, plus 0.5 per 30 days
    /// early, at most 3`); `None` for every other rule.
    pub reward: Option<String>,
    /// What the rule judges one at a time: `record`, or for a group rule
    /// what it groups by (`unit`, `region`, `unit and round`, `all`).
    /// Counts of passes ([`Outcome::passes`]) are of these.
    pub judges: String,
}

impl RuleInfo {
    /// The title said in `lang`: its variant for `lang`, else as written.
    pub fn title_in(&self, lang: Lang) -> Option<&str> {
        text_in(self.title.as_deref(), &self.variants, TextItem::Title, lang)
    }

    /// The help said in `lang`: its variant for `lang`, else as written.
    pub fn help_in(&self, lang: Lang) -> Option<&str> {
        text_in(self.help.as_deref(), &self.variants, TextItem::Help, lang)
    }
}

/// One finding, located in a record file.
#[derive(Clone, Debug)]
pub struct Finding {
    /// Index into [`Outcome::rules`].
    pub rule: usize,
    pub severity: Severity,
    /// What the rule found, as data: said by [`Finding::message`] in the
    /// language a report is written in.
    pub verdict: Verdict,
    /// The record's id; empty for a group rule's finding.
    pub record: String,
    /// Shared between the findings of a file (a run may keep a hundred
    /// thousand findings naming a handful of kinds and units).
    pub kind: Arc<str>,
    pub unit: Arc<str>,
    /// Index into [`Outcome::files`], or into [`Outcome::rule_files`] for a
    /// group rule's finding, which is located at the rule ([`Finding::origin`]).
    pub file: usize,
    /// Which file list `file` indexes: a record file, or (group rules) the
    /// rule file.
    pub origin: Origin,
    /// In that file; the first is the primary location.
    pub labels: Vec<Mark>,
    /// 1-based line and character column of the primary label's start,
    /// filled in by the producer while the file's text is at hand, so that
    /// machine formats (JSON) need not keep every text with a finding.
    /// `None`: renderers fall back to [`SourceFile::line_col`], and omit the
    /// position when the text was not kept either.
    pub line_col: Option<(usize, usize)>,
    pub due: Option<Date>,
    pub actual: Option<Date>,
    pub late_days: Option<i64>,
    pub late_workdays: Option<i64>,
    /// Points after the cap (zero for "cannot check" findings).
    pub penalty: Points,
    /// How the penalty was reached (`1 + 0.1 × 4 workdays = 1.4`), said
    /// by [`Finding::note`] (boxed: most findings have none).
    pub penalty_note: Option<Box<PenaltyNote>>,
    /// A commendation's points after the cap (zero for every other finding).
    pub reward: Points,
    /// How early the decisive stage came before its due date, in calendar
    /// and working days (a reward rule's deadline; `None` otherwise).
    pub early_days: Option<i64>,
    pub early_workdays: Option<i64>,
    pub waived: bool,
    /// The waiver's `reason` when [`Finding::waived`] (SARIF's suppression
    /// justification); `None` when unknown.
    pub waiver_reason: Option<String>,
    /// The waiver came from a waiver file (`--waivers`), not from the
    /// record itself (SARIF: an `external` suppression, not `inSource`).
    pub waiver_external: bool,
    /// Who approved the waiver, when [`Finding::waived`].
    pub waiver_approved_by: Option<String>,
    /// The waiver's last day (inclusive), when [`Finding::waived`].
    pub waiver_until: Option<Date>,
    /// The pipeline stage a deadline finding is about (`closure`); `None`
    /// for rules that are not deadlines.
    pub stage: Option<String>,
    /// The stage is not recorded and its due date has passed: lateness runs
    /// to the evaluation date (`actual` is `as_of`). False when the stage
    /// was recorded late, and for rules that are not deadlines.
    pub overdue: bool,
    /// A group rule's finding: the group and its figures (boxed: most
    /// findings are about one record and carry none).
    pub group: Option<Box<GroupFacts>>,
}

pub use crate::eval::group::{Facts as GroupFacts, Figure as GroupFigure, Measure};
pub use crate::eval::verdict::{Note, PenaltyNote, Verdict};

impl Finding {
    /// The finding's message in the language of `words`.
    pub fn message(&self, words: &Catalogue) -> String {
        self.verdict.message(words)
    }

    /// The finding's labels with their texts in the language of `words`
    /// (an empty text where a lean run kept none).
    pub fn labels_in(&self, words: &Catalogue) -> Vec<Label> {
        self.labels
            .iter()
            .map(|m| Label {
                span: m.span,
                text: m.note.say(words),
            })
            .collect()
    }

    /// How the penalty (or a commendation's reward) was reached, in the
    /// language of `words`.
    pub fn note(&self, words: &Catalogue) -> Option<String> {
        self.penalty_note.as_ref().map(|n| n.say(words))
    }

    /// What the finding is about, for titles and test names: the record's
    /// id, or a group rule's group (`unit Xuzhou Municipal Government`,
    /// `unit Gulou, region Nanjing/Gulou`, `all records`).
    pub fn subject(&self) -> String {
        match self.group.as_deref() {
            Some(g) if g.by == "all" => "all records".to_string(),
            Some(g) if g.keys.len() > 1 => {
                let keys: Vec<String> = g.keys.iter().map(|(by, v)| format!("{by} {v}")).collect();
                keys.join(", ")
            }
            Some(g) => format!("{} {}", g.by, g.value),
            None => self.record.clone(),
        }
    }

    /// A group rule's records behind its figure: the first failing
    /// constraint's (empty for a record's finding).
    pub fn group_records(&self) -> &[String] {
        self.group
            .as_deref()
            .and_then(|g| g.figures.first())
            .map_or(&[], |f| &f.records)
    }
}

impl Finding {
    /// Who waived it and until when, for reports: "approved by `Jiangsu
    /// Provincial Leading Group` until 2026-12-31"; `None` when not waived
    /// (or the approver is unknown).
    pub fn waiver_note(&self, words: &Catalogue) -> Option<String> {
        let by = self.waiver_approved_by.as_deref().filter(|_| self.waived)?;
        let args = crate::i18n::Args::new().text("by", by);
        Some(match self.waiver_until {
            Some(until) => words.format(
                "waiver-approved-until",
                &args.text("until", until.to_string()),
            ),
            None => words.format("waiver-approved", &args),
        })
    }
}

/// Where a streaming check (`run::check_streaming`) hands its findings.
pub trait Sink {
    /// The findings of one record file, in the report's order, called for
    /// each file in path order as it is merged; last, once, the group
    /// findings. `outcome` is the run so far: its rules, rule files and
    /// the record files merged up to this one (this file's text included,
    /// when the run keeps texts).
    fn findings(&mut self, outcome: &Outcome, findings: &[Finding]);

    /// What renders a file's findings on the worker thread that evaluated
    /// the file, ahead of the merge; `None`: the findings are rendered as
    /// they are merged.
    fn renderer(&self) -> Option<Box<dyn Render + Send + Sync>> {
        None
    }

    /// [`Sink::findings`], given what this sink's [`Sink::renderer`] made
    /// of the same findings.
    fn rendered(&mut self, outcome: &Outcome, findings: &[Finding], rendered: Rendered) {
        let _ = rendered;
        self.findings(outcome, findings);
    }
}

/// Renders the findings of one record file, in the report's order, in
/// the scope of that file ([`Scope::one`]).
pub trait Render {
    fn render(&self, scope: &Scope<'_>, findings: &[Finding]) -> Rendered;
}

/// Rendered findings: for each output, its bytes and how many findings
/// they hold.
pub type Rendered = Vec<(Vec<u8>, usize)>;

/// A diagnostic about the inputs themselves (record, rule, calendar files),
/// placed in one of the run's file lists. Its words are data
/// ([`Message`]), said in the run's language when rendered.
#[derive(Clone, Debug)]
pub struct InputError {
    /// A named code such as `yaml::syntax`, `record::duplicate-id`.
    pub code: String,
    pub severity: Severity,
    pub message: Message,
    /// Which file list `place.file` indexes.
    pub origin: Origin,
    /// `None` when the error concerns a whole file (unreadable, say).
    pub place: Option<Place>,
    /// Further labels in the same file (the text is shown at the label).
    pub labels: Vec<(Span, Message)>,
    /// Other places (another file, e.g. the first of two duplicate ids).
    pub related: Vec<(Origin, Place, Message)>,
    pub help: Option<Message>,
}

impl InputError {
    /// A diagnostic at one place (or about a whole file, at its start, or
    /// about no file), with no further labels, related places or help.
    pub fn new(
        code: &str,
        severity: Severity,
        message: impl Into<Message>,
        origin: Origin,
        place: Option<Place>,
    ) -> InputError {
        InputError {
            code: code.into(),
            severity,
            message: message.into(),
            origin,
            place,
            labels: Vec::new(),
            related: Vec::new(),
            help: None,
        }
    }

    /// A reader's diagnostic, placed in file `file` of list `origin`; its
    /// related places are in the same list.
    pub fn placed(d: Diagnostic, origin: Origin, file: usize) -> InputError {
        InputError {
            code: d.code.into(),
            severity: d.severity,
            message: d.message,
            origin,
            place: Some(Place { file, span: d.span }),
            labels: d.labels,
            related: d
                .related
                .into_iter()
                .map(|(file, span, label)| (origin, Place { file, span }, label))
                .collect(),
            help: d.help,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Record,
    Rule,
}

#[derive(Clone, Debug, PartialEq)]
pub struct UnitScore {
    pub unit: String,
    pub records: usize,
    /// Findings that are not commendations.
    pub findings: usize,
    pub penalty: Points,
    pub commendations: usize,
    pub reward: Points,
    /// start − penalty + reward, not below the floor nor above the ceiling.
    pub score: Points,
    /// The grade's name as the scoring scheme writes it (the JSON report's
    /// `grade`); [`UnitScore::grade_in`] for a run's language.
    pub grade: String,
    /// The grade's names for runs in one language (`title zh-CN "合格"`).
    pub grade_titles: Vec<(Lang, String)>,
}

impl UnitScore {
    /// The grade said in `lang`: its title for `lang`, else as written.
    pub fn grade_in(&self, lang: Lang) -> &str {
        crate::syntax::ast::grade_in(&self.grade, &self.grade_titles, lang)
    }
}

/// Per-kind progress counts. `task` and `petition` use the fields the JSON
/// contract names; other kinds are reported with the generic counts.
///
/// The status buckets (`completed`, `staged`, `in_progress`, `not_started`,
/// `unknown`) add up to `total`. `overdue` and `late` are facts about the
/// last stage of the kind's pipeline (`closure`, `closed`) and its due date
/// (the earliest a deadline rule on that stage sets, rolled forward like
/// every due date), whatever waivers say: `overdue` when the stage is not
/// recorded and the due date is before the evaluation date, `late` when it
/// is recorded after the due date. A stage dated after the evaluation date
/// counts as not recorded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KindProgress {
    pub kind: String,
    /// The last stage of the kind's pipeline, which `late` and `overdue`
    /// are about.
    pub stage: String,
    pub total: usize,
    pub completed: usize,
    pub staged: usize,
    pub in_progress: usize,
    pub not_started: usize,
    /// No `status`, or one that is not recognised.
    pub unknown: usize,
    pub overdue: usize,
    /// The last stage recorded after its due date (`completed_late` for
    /// tasks, `closed_late` for petitions in the JSON report).
    pub late: usize,
    /// The last stage is recorded and the status is not `staged`.
    pub closed: usize,
    /// The last stage is recorded, whatever the status says (what progress
    /// history counts at a past day, when today's status was not yet true).
    pub recorded: usize,
}

impl KindProgress {
    /// Add another set of counts of the same kind.
    pub fn add(&mut self, other: &KindProgress) {
        self.total += other.total;
        self.completed += other.completed;
        self.staged += other.staged;
        self.in_progress += other.in_progress;
        self.not_started += other.not_started;
        self.unknown += other.unknown;
        self.overdue += other.overdue;
        self.late += other.late;
        self.closed += other.closed;
        self.recorded += other.recorded;
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings of reward rules (not waived): excellent work, never failures.
    pub commendations: usize,
    pub waived: usize,
    pub pending: usize,
    pub penalty: Points,
    /// Points the commendations earn.
    pub reward: Points,
}

/// A required stage not yet recorded and not yet due.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub rule: usize,
    pub record: String,
    pub unit: String,
    pub file: usize,
    pub stage: String,
    pub due: Date,
}

#[derive(Clone, Debug)]
pub struct Outcome {
    pub as_of: Date,
    /// The project root relative names are relative to (absolute; empty:
    /// the current directory). SARIF gives it as `%SRCROOT%`.
    pub root: std::path::PathBuf,
    pub files: Vec<SourceFile>,
    pub rule_files: Vec<SourceFile>,
    pub rules: Vec<RuleInfo>,
    pub records: usize,
    /// Record files met (read or not); `files` also holds waiver files.
    pub record_files: usize,
    pub findings: Vec<Finding>,
    pub input_errors: Vec<InputError>,
    pub units: Vec<UnitScore>,
    pub progress: Vec<KindProgress>,
    pub pending: Vec<Pending>,
    /// For each rule (indexed like `rules`), on how many records it applied
    /// and held.
    pub passes: Vec<usize>,
    pub summary: Summary,
    /// The counts of [`Outcome::progress`] per responsible unit and
    /// inspection round (`rectify report`), sorted by unit, then round.
    pub progress_by: Vec<GroupProgress>,
    /// Files left out of the walk on purpose, each its name and why (a
    /// file named like another tool's configuration), for a note on stderr.
    pub skipped: Vec<(String, Message)>,
}

/// Progress of one unit's records of one inspection round.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GroupProgress {
    pub unit: String,
    /// The records' `round`; `None` for records that name none.
    pub round: Option<String>,
    /// One entry per kind that has records in this group, in the order of
    /// [`Outcome::progress`]; counted exactly as there.
    pub progress: Vec<KindProgress>,
}

impl Outcome {
    /// One index over record files and rule files (for caches keyed by
    /// file): see [`file_key`].
    pub fn finding_file_index(&self, f: &Finding) -> usize {
        file_key(f.origin, f.file)
    }

    /// The file a finding points into: a record file, or the rule file for
    /// a group rule's finding.
    pub fn finding_file(&self, f: &Finding) -> Option<&SourceFile> {
        self.scope().finding_file(f)
    }

    /// What rendering one of this outcome's findings looks up.
    pub fn scope(&self) -> Scope<'_> {
        Scope {
            root: &self.root,
            rules: &self.rules,
            rule_files: &self.rule_files,
            records: Records::All(&self.files),
        }
    }
}

/// What rendering a finding looks up besides the finding itself: the
/// run's root, its rules and rule files, and the record files. A streaming
/// run renders a record file's findings on the worker that evaluated it,
/// before the file is in the outcome, in the scope of that one file
/// ([`Scope::one`]).
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    pub root: &'a std::path::Path,
    pub rules: &'a [RuleInfo],
    pub rule_files: &'a [SourceFile],
    records: Records<'a>,
}

#[derive(Clone, Copy)]
enum Records<'a> {
    All(&'a [SourceFile]),
    /// Every record finding rendered in this scope is in this file.
    One(&'a SourceFile),
}

impl<'a> Scope<'a> {
    /// The scope of the findings of one record file, whatever their
    /// [`Finding::file`].
    pub fn one(
        root: &'a std::path::Path,
        rules: &'a [RuleInfo],
        rule_files: &'a [SourceFile],
        file: &'a SourceFile,
    ) -> Scope<'a> {
        Scope {
            root,
            rules,
            rule_files,
            records: Records::One(file),
        }
    }

    /// The file a finding points into: a record file, or the rule file for
    /// a group rule's finding.
    pub fn finding_file(&self, f: &Finding) -> Option<&'a SourceFile> {
        match (f.origin, self.records) {
            (Origin::Record, Records::All(files)) => files.get(f.file),
            (Origin::Record, Records::One(file)) => Some(file),
            (Origin::Rule, _) => self.rule_files.get(f.file),
        }
    }

    /// [`Outcome::finding_file_index`].
    pub fn finding_file_index(&self, f: &Finding) -> usize {
        file_key(f.origin, f.file)
    }
}

/// One index over record files and rule files, for caches keyed by file:
/// a record file's own index, a rule file's counted down from the top, so
/// that the key of a rule file does not change as record files are added
/// (a streaming run renders findings while its file list grows).
pub fn file_key(origin: Origin, file: usize) -> usize {
    match origin {
        Origin::Record => file,
        Origin::Rule => usize::MAX - file,
    }
}
