//! SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
//!
//! One run. `tool.driver.rules` declares every rule of the outcome (id,
//! title, help, citation, penalty, default level), followed by one
//! descriptor per input-error code that occurs. Each finding is a result at
//! the primary label, with the other labels and the rule's place in its rule
//! file as `relatedLocations`; a waived finding carries a suppression.
//! Waivers are written inline in the record, so the
//! suppression's kind is `inSource` for a waiver written in the record and
//! `external` for one from a waiver file; its justification is the waiver's
//! reason.
//! Input errors located in a file are results too (GitHub shows results,
//! not notifications); those with no file (an unknown `--only` rule, say)
//! are `invocations[0].toolExecutionNotifications`.
//!
//! Columns count Unicode code points (`columnKind: unicodeCodePoints`), as
//! every rectify position does; `charOffset`/`charLength` use the same
//! unit. End positions and character offsets need the file's text: the CLI
//! keeps it for this format; without it a region has its start only.
//!
//! Must not: evaluate or re-sort; results come in the outcome's order.

use std::io::{self, Write};

use crate::diag::{Message, Severity};
use crate::i18n::Catalogue;
use crate::outcome::{Finding, InputError, Label, Origin, Outcome, Place, RuleInfo, Scope};

use super::json::files;
use super::neutral;
use super::ordered::Json;
use super::region::{Artifact, Locator, Region, clean, file_uri};
use super::stream::{Elements, Fill};

/// Where the schema is published (what GitHub's upload action expects).
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key under `partialFingerprints`; bump the suffix if its recipe changes.
const FINGERPRINT: &str = "rectifyFinding/v1";

/// The project's home page (`tool.driver.informationUri`): the
/// `repository` of Cargo.toml when the build names one. No address is made
/// up: without one, SARIF carries no `informationUri` and no `helpUri`.
pub const HOME: Option<&str> = match env!("CARGO_PKG_REPOSITORY").as_bytes() {
    [] => None,
    _ => Some(env!("CARGO_PKG_REPOSITORY")),
};

/// The base id artifact URIs are relative to: the project root.
const SRCROOT: &str = "%SRCROOT%";

pub fn write(outcome: &Outcome, words: &Catalogue, out: &mut dyn Write) -> io::Result<()> {
    let mut locator = Locator::default();
    write_with(outcome, words, out, &mut |list| {
        (outcome.findings.iter())
            .try_for_each(|f| list.push(&finding(&outcome.scope(), f, words, &mut locator)))
    })
}

/// Where a result is written: inside `runs[0].results`, at the fourth level.
pub(crate) const RESULT_INDENT: &str = "        ";

/// Write the log with the findings' results written by `findings` (the
/// kept ones, or those a streaming run spilled: [`super::stream`]), then
/// the located input errors' results.
pub(crate) fn write_with(
    outcome: &Outcome,
    words: &Catalogue,
    out: &mut dyn Write,
    findings: &mut Fill,
) -> io::Result<()> {
    let mut locator = Locator::default();
    let codes = input_codes(outcome);
    let log = Json::object([
        ("$schema", Some(Json::str(SCHEMA))),
        ("version", Some(Json::str("2.1.0"))),
        ("runs", Some(Json::Array(vec![run(outcome, &codes, words)]))),
    ]);
    let mut results = |list: &mut Elements<&mut dyn Write>| {
        findings(list)?;
        let located = outcome.input_errors.iter().filter(|e| e.place.is_some());
        located.into_iter().try_for_each(|e| {
            let index = outcome.rules.len() + codes.iter().position(|c| *c == e.code).unwrap_or(0);
            list.push(&input_result(outcome, e, index, words, &mut locator))
        })
    };
    super::stream::splice(out, &log, "      \"results\"", &mut results, RESULT_INDENT)
}

fn run(outcome: &Outcome, codes: &[String], words: &Catalogue) -> Json {
    let lang = words.lang();
    let mut rules: Vec<Json> = outcome
        .rules
        .iter()
        .map(|r| rule(outcome, r, lang))
        .collect();
    rules.extend(codes.iter().map(|c| input_rule(c, words)));
    let driver = Json::object([
        ("name", Some(Json::str("rectify"))),
        (
            "semanticVersion",
            Some(Json::str(env!("CARGO_PKG_VERSION"))),
        ),
        ("informationUri", HOME.map(Json::str)),
        ("rules", Some(Json::Array(rules))),
    ]);
    Json::object([
        ("tool", Some(Json::object([("driver", Some(driver))]))),
        ("originalUriBaseIds", base_ids(outcome)),
        (
            "invocations",
            Some(Json::Array(vec![invocation(outcome, words)])),
        ),
        ("columnKind", Some(Json::str("unicodeCodePoints"))),
        // Filled in by `write_with`.
        ("results", Some(Json::Array(Vec::new()))),
        (
            "properties",
            Some(Json::object([(
                "as_of",
                Some(Json::str(outcome.as_of.to_string())),
            )])),
        ),
    ])
}

/// `%SRCROOT%` as the project root's `file:///…/` URI, when it is known.
fn base_ids(outcome: &Outcome) -> Option<Json> {
    if outcome.root.as_os_str().is_empty() {
        return None;
    }
    let mut root = file_uri(&outcome.root);
    if !root.ends_with('/') {
        root.push('/');
    }
    Some(Json::object([(
        SRCROOT,
        Some(Json::object([("uri", Some(Json::str(root)))])),
    )]))
}

/// Input-error codes that need a rule descriptor, in order of first use.
fn input_codes(outcome: &Outcome) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for e in outcome.input_errors.iter().filter(|e| e.place.is_some()) {
        if !codes.contains(&e.code) {
            codes.push(e.code.clone());
        }
    }
    codes
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Commendation => "note",
    }
}

/// `plan-on-time` -> `PlanOnTime`, SARIF's suggested shape for `name`.
fn pascal(id: &str) -> String {
    id.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect()
}

fn rule(outcome: &Outcome, r: &RuleInfo, lang: crate::i18n::Lang) -> Json {
    let title = neutral::text(r.title_in(lang).unwrap_or(&r.id)).into_owned();
    let mut help = Vec::new();
    help.extend(r.help_in(lang).map(|h| neutral::lines(h).into_owned()));
    help.extend(r.cite.as_ref().map(|c| format!("cite: {c}")));
    let points = match &r.reward {
        Some(reward) => format!("reward: {reward}"),
        None => format!("penalty: {}", r.penalty),
    };
    help.push(points.clone());
    let mut full = title.clone();
    if let Some(cite) = &r.cite {
        full.push_str(&format!(" ({cite})"));
    }
    full.push_str(&format!("; {points}"));
    let file = outcome.rule_files.get(r.place.file);
    // The bundled rules are documented, not files in the user's repository.
    let bundled = file.is_some_and(|f| Artifact::of(&outcome.root, &f.name).is_none());
    let help_uri = HOME
        .filter(|_| bundled)
        .map(|home| Json::str(format!("{home}/blob/main/docs/rules/{}.md", r.id)));
    let properties = Json::object([
        ("citation", r.cite.as_ref().map(Json::str)),
        ("penalty", Some(Json::str(&r.penalty))),
        ("reward", r.reward.as_ref().map(Json::str)),
        ("rule_file", file.map(|f| Json::str(&f.name))),
        (
            "rule_line",
            file.and_then(|f| f.line_col(r.place.span.start))
                .map(|(l, _)| Json::usize(l)),
        ),
    ]);
    Json::object([
        ("id", Some(Json::str(&r.id))),
        ("name", Some(Json::str(pascal(&r.id)))),
        ("shortDescription", Some(Json::text(title))),
        ("fullDescription", Some(Json::text(full))),
        ("help", Some(Json::text(help.join("\n")))),
        ("helpUri", help_uri),
        (
            "defaultConfiguration",
            Some(Json::object([(
                "level",
                Some(Json::str(level(r.severity))),
            )])),
        ),
        ("properties", Some(properties)),
    ])
}

/// An input diagnostic code as a SARIF rule, described by the code
/// registry in the run's language.
fn input_rule(code: &str, words: &Catalogue) -> Json {
    let description = match crate::diag::codes::find(code) {
        Some(entry) => entry.describe(),
        None => Message::new("sarif-input-rule").text("code", code),
    };
    Json::object([
        ("id", Some(Json::str(code))),
        ("name", Some(Json::str(pascal(code)))),
        ("shortDescription", Some(Json::text(description.say(words)))),
        (
            "properties",
            Some(Json::object([("kind", Some(Json::str("input-error")))])),
        ),
    ])
}

pub(crate) fn finding(
    scope: &Scope<'_>,
    f: &Finding,
    words: &Catalogue,
    locator: &mut Locator,
) -> Json {
    let file = scope.finding_file(f);
    let region = locator.finding(scope, f);
    let location = file.and_then(|file| physical(scope.root, &file.name, region));
    let mut related = Vec::new();
    if let Some(rule) = scope.rules.get(f.rule) {
        related.extend(rule_location(scope, rule, locator));
    }
    for l in f.labels_in(words).iter().skip(1) {
        related.extend(label_location(scope, f, l, locator));
    }
    let related = numbered(related);
    let rule = scope.rules.get(f.rule);
    Json::object([
        ("ruleId", rule.map(|r| Json::str(&r.id))),
        ("ruleIndex", rule.map(|_| Json::usize(f.rule))),
        ("level", Some(Json::str(level(f.severity)))),
        (
            "message",
            Some(Json::text(neutral::text(&f.message(words)))),
        ),
        ("locations", location.map(|l| Json::Array(vec![l]))),
        (
            "relatedLocations",
            (!related.is_empty()).then_some(Json::Array(related)),
        ),
        (
            "partialFingerprints",
            Some(Json::object([(
                FINGERPRINT,
                Some(Json::str(fingerprint(scope, f))),
            )])),
        ),
        ("suppressions", f.waived.then(|| suppression(f))),
        ("properties", Some(finding_properties(f))),
    ])
}

/// Stable across edits that move the record: rule, record id (or a group
/// rule's group), file name.
fn fingerprint(scope: &Scope<'_>, f: &Finding) -> String {
    let rule = scope.rules.get(f.rule).map_or("", |r| r.id.as_str());
    let file = scope.finding_file(f).map_or("", |s| s.name.as_str());
    let file = Artifact::of(scope.root, file).map_or_else(|| clean(file), |a| a.uri().to_string());
    format!("{rule}:{}:{file}", f.subject())
}

fn suppression(f: &Finding) -> Json {
    let justification = f
        .waiver_reason
        .clone()
        .unwrap_or_else(|| "waived by an approved waiver".to_string());
    Json::Array(vec![Json::object([
        (
            "kind",
            Some(Json::str(if f.waiver_external {
                "external"
            } else {
                "inSource"
            })),
        ),
        ("status", Some(Json::str("accepted"))),
        (
            "justification",
            Some(Json::str(neutral::text(&justification))),
        ),
        (
            "properties",
            Some(Json::object([
                (
                    "approved_by",
                    f.waiver_approved_by.as_deref().map(Json::str),
                ),
                ("until", f.waiver_until.map(|d| Json::str(d.to_string()))),
            ])),
        ),
    ])])
}

fn finding_properties(f: &Finding) -> Json {
    let commended = f.severity == Severity::Commendation;
    Json::object([
        (
            "record",
            (!f.record.is_empty()).then(|| Json::str(&f.record)),
        ),
        ("kind", Some(Json::str(&*f.kind))),
        ("unit", Some(Json::str(&*f.unit))),
        ("penalty", Some(Json::Number(f.penalty.to_json()))),
        ("commendation", commended.then_some(Json::Bool(true))),
        (
            "reward",
            commended.then(|| Json::Number(f.reward.to_json())),
        ),
        ("waived", Some(Json::Bool(f.waived))),
        ("stage", f.stage.as_ref().map(Json::str)),
        ("due", f.due.map(|d| Json::str(d.to_string()))),
        ("actual", f.actual.map(|d| Json::str(d.to_string()))),
        ("late_days", f.late_days.map(Json::int)),
        ("late_workdays", f.late_workdays.map(Json::int)),
        ("early_days", f.early_days.map(Json::int)),
        ("early_workdays", f.early_workdays.map(Json::int)),
        ("overdue", f.overdue.then_some(Json::Bool(true))),
        ("group", f.group.as_deref().map(group_properties)),
    ])
}

/// A group rule's finding: its group and the first failing constraint's
/// figure, threshold and records (as in the JSON report).
fn group_properties(g: &crate::outcome::GroupFacts) -> Json {
    let figure = g.figures.first();
    Json::object([
        ("by", Some(Json::str(&g.by))),
        ("value", Some(Json::str(&g.value))),
        (
            "keys",
            (g.keys.len() > 1).then(|| {
                Json::Array(
                    g.keys
                        .iter()
                        .map(|(by, value)| {
                            Json::object([
                                ("by", Some(Json::str(by))),
                                ("value", Some(Json::str(value))),
                            ])
                        })
                        .collect(),
                )
            }),
        ),
        ("measure", figure.map(|f| Json::str(f.measure.as_str()))),
        ("comparison", figure.map(|f| Json::str(f.op.as_str()))),
        ("figure", figure.map(|f| Json::Number(f.figure.to_json()))),
        (
            "threshold",
            figure.map(|f| Json::Number(f.threshold.to_json())),
        ),
        (
            "met",
            figure.map(|f| Json::int(i64::try_from(f.met).unwrap_or(i64::MAX))),
        ),
        (
            "members",
            figure.map(|f| Json::int(i64::try_from(f.members).unwrap_or(i64::MAX))),
        ),
        (
            "records",
            figure.map(|f| Json::Array(f.records.iter().map(Json::str).collect())),
        ),
    ])
}

/// `{"physicalLocation": {"artifactLocation": {"uri", "uriBaseId"},
/// "region"}}`; `None` for a file that is not an artifact (the bundled
/// rules).
fn physical(root: &std::path::Path, name: &str, region: Option<Region>) -> Option<Json> {
    let region = region.map(|r| {
        let (line, column) = r.start;
        Json::object([
            ("startLine", Some(Json::usize(line))),
            ("startColumn", Some(Json::usize(column))),
            ("endLine", r.end.map(|(l, _)| Json::usize(l))),
            ("endColumn", r.end.map(|(_, c)| Json::usize(c))),
            ("charOffset", r.chars.map(|(o, _)| Json::usize(o))),
            ("charLength", r.chars.map(|(_, n)| Json::usize(n))),
        ])
    });
    let artifact = match Artifact::of(root, name)? {
        Artifact::Relative(uri) => Json::object([
            ("uri", Some(Json::str(uri))),
            ("uriBaseId", Some(Json::str(SRCROOT))),
        ]),
        Artifact::Absolute(uri) => Json::object([("uri", Some(Json::str(uri)))]),
    };
    Some(Json::object([(
        "physicalLocation",
        Some(Json::object([
            ("artifactLocation", Some(artifact)),
            ("region", region),
        ])),
    )]))
}

/// Adds `id` (1, 2, …) to each related location, as SARIF asks for
/// locations a message may link to.
fn numbered(locations: Vec<Json>) -> Vec<Json> {
    locations
        .into_iter()
        .enumerate()
        .map(|(i, l)| match l {
            Json::Object(mut pairs) => {
                pairs.insert(0, ("id".to_string(), Json::usize(i + 1)));
                Json::Object(pairs)
            }
            other => other,
        })
        .collect()
}

fn with_message(location: Json, text: &str) -> Json {
    match location {
        Json::Object(mut pairs) => {
            pairs.push(("message".to_string(), Json::text(neutral::text(text))));
            Json::Object(pairs)
        }
        other => other,
    }
}

/// The rule's first line in its rule file.
fn rule_location(scope: &Scope<'_>, rule: &RuleInfo, locator: &mut Locator) -> Option<Json> {
    let file = scope.rule_files.get(rule.place.file)?;
    let span = first_line(file.text.as_deref(), rule.place.span);
    // Rule files are a separate list: keyed apart from record files.
    let index = crate::outcome::file_key(Origin::Rule, rule.place.file);
    let region = locator.region(index, Some(file), span, None);
    let location = physical(scope.root, &file.name, region)?;
    Some(with_message(
        location,
        &format!("rule `{}` is defined here", rule.id),
    ))
}

fn label_location(
    scope: &Scope<'_>,
    f: &Finding,
    label: &Label,
    locator: &mut Locator,
) -> Option<Json> {
    let source = scope.finding_file(f)?;
    let region = locator.region(scope.finding_file_index(f), Some(source), label.span, None)?;
    let location = physical(scope.root, &source.name, Some(region))?;
    Some(if label.text.is_empty() {
        location
    } else {
        with_message(location, &label.text)
    })
}

fn first_line(text: Option<&str>, span: crate::source::Span) -> crate::source::Span {
    let Some(body) = text.and_then(|t| t.get(span.range())) else {
        return span;
    };
    let line = body
        .split('\n')
        .next()
        .unwrap_or(body)
        .trim_end_matches('\r');
    crate::source::Span::new(span.start as usize, span.start as usize + line.len())
}

fn input_result(
    outcome: &Outcome,
    e: &InputError,
    index: usize,
    words: &Catalogue,
    locator: &mut Locator,
) -> Json {
    let list = files(outcome, e.origin);
    let place = e.place.unwrap_or(Place {
        file: 0,
        span: Default::default(),
    });
    let file = list.get(place.file);
    let key = crate::outcome::file_key(e.origin, place.file);
    // A whole-file error (empty span at 0) still points at line 1, column 1.
    let fallback = Some((1, 1));
    let region = locator.region(key, file, place.span, fallback);
    let location = file.and_then(|f| physical(&outcome.root, &f.name, region));
    let message = input_message(e, words);
    let related: Vec<Json> = e
        .related
        .iter()
        .filter_map(|(origin, p, text)| {
            let f = files(outcome, *origin).get(p.file)?;
            let key = crate::outcome::file_key(*origin, p.file);
            let region = locator.region(key, Some(f), p.span, None);
            Some(with_message(
                physical(&outcome.root, &f.name, region)?,
                &text.say(words),
            ))
        })
        .collect();
    let related = numbered(related);
    Json::object([
        ("ruleId", Some(Json::str(&e.code))),
        ("ruleIndex", Some(Json::usize(index))),
        ("level", Some(Json::str(level(e.severity)))),
        ("message", Some(Json::text(message))),
        ("locations", location.map(|l| Json::Array(vec![l]))),
        (
            "relatedLocations",
            (!related.is_empty()).then_some(Json::Array(related)),
        ),
        (
            "properties",
            Some(Json::object([("input_error", Some(Json::Bool(true)))])),
        ),
    ])
}

/// An input error's message, then its help.
fn input_message(e: &InputError, words: &Catalogue) -> String {
    let mut message = neutral::text(&e.message.say(words)).into_owned();
    if let Some(help) = &e.help {
        message.push_str(&format!("\nhelp: {}", neutral::lines(&help.say(words))));
    }
    message
}

/// Whether the run can be trusted, and the input errors that have no file.
fn invocation(outcome: &Outcome, words: &Catalogue) -> Json {
    let notes: Vec<Json> = outcome
        .input_errors
        .iter()
        .filter(|e| e.place.is_none())
        .map(|e| {
            Json::object([
                ("level", Some(Json::str(level(e.severity)))),
                ("message", Some(Json::text(input_message(e, words)))),
                (
                    "descriptor",
                    Some(Json::object([("id", Some(Json::str(&e.code)))])),
                ),
            ])
        })
        .collect();
    Json::object([
        ("executionSuccessful", Some(Json::Bool(outcome.trusted()))),
        (
            "toolExecutionNotifications",
            (!notes.is_empty()).then_some(Json::Array(notes)),
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::pascal;

    #[test]
    fn names_are_pascal_case() {
        assert_eq!(pascal("plan-on-time"), "PlanOnTime");
        assert_eq!(pascal("record::duplicate-id"), "RecordDuplicateId");
    }
}
