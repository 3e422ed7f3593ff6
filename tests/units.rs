//! One identity per unit, and waivers that need authority: through the
//! library (`run::check` with a unit registry and a waiver authority) and
//! through the binary.
//!
//! The registry and the authority come from `rectify.toml` (`[units]`,
//! `[waivers]`); the tests that go through that file are marked ignored
//! until the binary reads it.

mod common;

use std::path::PathBuf;

use jiff::civil::{Date, date};
use rectify::config::{InlineWaivers, WaiverAuthority};
use rectify::outcome::{InputError, Outcome};
use rectify::report::{self, Format, Style};
use rectify::run::{self, Options};
use rectify::units::{UnitDecl, UnitRegistry};
use serde_json::Value;

use common::{check_json_in, findings_of, rectify_in};

const AS_OF: Date = date(2025, 6, 30);
const SUZHOU: &str = "苏州市人民政府";
const APPROVER: &str = "Jiangsu Provincial Leading Group";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(path: &str) -> PathBuf {
    root().join("tests/fixtures/units").join(path)
}

fn registry() -> UnitRegistry {
    UnitRegistry {
        units: vec![UnitDecl {
            canonical: SUZHOU.into(),
            aliases: vec!["苏州市政府".into(), "Suzhou Municipal Government".into()],
        }],
    }
}

fn check(paths: &[&str], edit: impl FnOnce(&mut Options)) -> Outcome {
    let mut options = Options::new(AS_OF);
    options.paths = paths.iter().map(|p| fixture(p)).collect();
    options.root = root();
    edit(&mut options);
    run::check(&options)
}

fn with_registry(options: &mut Options) {
    options.units = registry();
}

fn errors<'a>(outcome: &'a Outcome, code: &str) -> Vec<&'a InputError> {
    outcome
        .input_errors
        .iter()
        .filter(|e| e.code == code)
        .collect()
}

/// Line and column of an input error in its file.
fn position(outcome: &Outcome, e: &InputError) -> Option<(usize, usize)> {
    let place = e.place?;
    outcome.files[place.file].line_col(place.span.start)
}

fn human(outcome: &Outcome) -> String {
    let mut out = Vec::new();
    report::render(outcome, Format::Human, &Style::default(), &mut out).expect("renders");
    let text = String::from_utf8(out).expect("UTF-8");
    // Absolute paths differ between machines.
    text.replace(&format!("{}/", root().display()), "")
}

fn json(outcome: &Outcome) -> Value {
    let mut out = Vec::new();
    report::render(outcome, Format::Json, &Style::default(), &mut out).expect("renders");
    serde_json::from_slice(&out).expect("the JSON report parses")
}

fn finding<'a>(report: &'a Value, rule: &str, record: &str) -> &'a Value {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == rule && f["record"] == record)
        .unwrap_or_else(|| panic!("no `{rule}` finding on {record}"))
}

// ---- the unit registry (library) -------------------------------------------

#[test]
fn registry_scores_every_alias_under_the_canonical_name() {
    let outcome = check(&["registry/suzhou.yaml"], with_registry);
    let units: Vec<(&str, usize)> = outcome
        .units
        .iter()
        .map(|u| (u.unit.as_str(), u.records))
        .collect();
    assert_eq!(units, [(SUZHOU, 5)]);
    assert!(outcome.findings.iter().all(|f| &*f.unit == SUZHOU));
}

#[test]
fn acceptance_by_an_alias_of_the_responsible_unit_is_self_acceptance() {
    let outcome = check(&["registry/suzhou.yaml"], with_registry);
    let report = json(&outcome);
    let f = finding(&report, "independent-acceptance", "SZ-05");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["unit"], SUZHOU);
}

#[test]
fn without_the_registry_an_alias_is_another_unit() {
    let outcome = check(&["registry/suzhou.yaml"], |_| {});
    let names: Vec<&str> = outcome.units.iter().map(|u| u.unit.as_str()).collect();
    assert_eq!(
        names,
        [
            "Suzhou Municipal Government",
            "苏州市人民政府",
            "苏州市政府"
        ]
    );
    assert!(
        !outcome
            .findings
            .iter()
            .any(|f| outcome.rules[f.rule].id == "independent-acceptance")
    );
}

#[test]
fn an_undeclared_unit_is_a_located_error_with_did_you_mean() {
    let outcome = check(&["registry"], with_registry);
    let unknown = errors(&outcome, "unit::unknown");
    assert_eq!(unknown.len(), 1, "{:#?}", outcome.input_errors);
    assert_eq!(unknown[0].message.english(), "unknown unit `苏州市政付`");
    assert_eq!(
        unknown[0].help.as_ref().map(|h| h.english()).as_deref(),
        Some("did you mean `苏州市政府`?")
    );
    assert_eq!(position(&outcome, unknown[0]), Some((3, 24)));
    assert!(
        !outcome.trusted(),
        "an undeclared unit makes the run untrusted"
    );
}

#[test]
fn an_undeclared_unit_inherited_from_a_ledger_header_is_one_error() {
    let outcome = check(&["undeclared-ledger.yaml"], with_registry);
    let unknown = errors(&outcome, "unit::unknown");
    assert_eq!(unknown.len(), 1, "{:#?}", outcome.input_errors);
    assert_eq!(position(&outcome, unknown[0]), Some((4, 24)));
    assert_eq!(outcome.records, 3);
    let help = unknown[0]
        .help
        .as_ref()
        .map(|h| h.english())
        .unwrap_or_default();
    assert!(help.contains("`[units]` in rectify.toml"), "{help}");
}

#[test]
fn declared_names_do_not_warn_but_a_lookalike_of_one_does() {
    let outcome = check(&["registry/suzhou.yaml"], with_registry);
    let lookalikes = errors(&outcome, "unit::lookalike");
    assert_eq!(lookalikes.len(), 1, "{:#?}", outcome.input_errors);
    assert_eq!(
        lookalikes[0].message.english(),
        "unit `苏州市政府 ` is another spelling of `苏州市人民政府`"
    );
    assert_eq!(position(&outcome, lookalikes[0]), Some((23, 24)));
    assert_eq!(lookalikes[0].related.len(), 1);
    assert!(outcome.trusted(), "a lookalike is a warning");
}

#[test]
fn a_name_declared_for_two_units_is_an_error() {
    let outcome = check(&["registry/suzhou.yaml"], |o| {
        o.units = registry();
        o.units.units.push(UnitDecl {
            canonical: "Suzhou City".into(),
            aliases: vec!["suzhou municipal government".into()],
        });
    });
    let conflicts = errors(&outcome, "unit::conflict");
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        conflicts[0].message.english(),
        "unit name `suzhou municipal government` is declared for both `苏州市人民政府` and `Suzhou City`"
    );
    assert!(!outcome.trusted());
}

#[test]
fn registry_diagnostics() {
    let outcome = check(&["registry"], with_registry);
    insta::assert_snapshot!(human(&outcome));
}

// ---- waiver authority (library) -------------------------------------------

fn authority(edit: impl FnOnce(&mut WaiverAuthority)) -> Outcome {
    check(&["authority"], |o| {
        o.waivers = vec![fixture("authority-waivers.yaml")];
        edit(&mut o.waiver_authority);
    })
}

fn waived(outcome: &Outcome) -> Vec<&str> {
    outcome
        .findings
        .iter()
        .filter(|f| f.waived)
        .map(|f| f.record.as_str())
        .collect()
}

fn codes(outcome: &Outcome) -> Vec<&str> {
    outcome
        .input_errors
        .iter()
        .map(|e| e.code.as_str())
        .collect()
}

#[test]
fn by_default_every_well_formed_waiver_waives() {
    let outcome = authority(|_| {});
    assert_eq!(waived(&outcome), ["AU-01", "AU-02", "AU-03", "AU-04"]);
    assert!(codes(&outcome).is_empty(), "{:#?}", outcome.input_errors);
}

#[test]
fn inline_deny_makes_every_inline_waiver_an_error_that_waives_nothing() {
    let outcome = authority(|a| a.inline = InlineWaivers::Deny);
    assert_eq!(waived(&outcome), ["AU-03", "AU-04"]);
    assert_eq!(codes(&outcome), ["waiver::inline-denied"; 2]);
    let positions: Vec<_> = outcome
        .input_errors
        .iter()
        .map(|e| position(&outcome, e))
        .collect();
    assert_eq!(positions, [Some((11, 9)), Some((20, 9))]);
    assert!(!outcome.trusted());
    assert_eq!(
        outcome.summary.errors, 2,
        "the refused waivers' findings count"
    );
}

#[test]
fn only_listed_approvers_may_approve() {
    let outcome = authority(|a| a.approvers = vec![APPROVER.into()]);
    assert_eq!(waived(&outcome), ["AU-02", "AU-04"]);
    let refused = errors(&outcome, "waiver::not-an-approver");
    let located: Vec<_> = refused
        .iter()
        .map(|e| {
            (
                outcome.files[e.place.expect("located").file].name.clone(),
                position(&outcome, e),
            )
        })
        .collect();
    let name = |f: &str| fixture(f).display().to_string();
    assert_eq!(
        located,
        [
            (name("authority/records.yaml"), Some((11, 73))),
            (name("authority-waivers.yaml"), Some((6, 18))),
        ]
    );
    assert_eq!(
        refused[0].message.english(),
        "`me` is not an approver of waivers"
    );
}

#[test]
fn a_waiver_may_not_run_past_max_days() {
    let outcome = authority(|a| a.max_days = Some(30));
    assert_eq!(waived(&outcome), ["AU-02", "AU-03"]);
    let refused = errors(&outcome, "waiver::too-long");
    let messages: Vec<String> = refused.iter().map(|e| e.message.english()).collect();
    assert_eq!(
        messages,
        [
            "waiver runs until 9999-12-31, more than 30 days after 2025-06-30",
            "waiver runs until 2027-12-31, more than 30 days after 2025-06-30",
        ]
    );
}

#[test]
fn reports_say_who_approved_each_waiver() {
    let report = json(&authority(|_| {}));
    let inline = &finding(&report, "plan-on-time", "AU-02")["waiver"];
    assert_eq!(inline["approved_by"], "jiangsu provincial leading group ");
    assert_eq!(inline["until"], "2025-07-15");
    assert_eq!(inline["reason"], "方案经省领导小组特批延后");
    assert_eq!(inline["source"], "inline");
    let file = &finding(&report, "plan-on-time", "AU-04")["waiver"];
    assert_eq!(file["approved_by"], APPROVER);
    assert_eq!(file["source"], "file");
    let plain = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["waived"] == false);
    assert!(plain.into_iter().all(|f| f.get("waiver").is_none()));
}

#[test]
fn authority_diagnostics() {
    let outcome = authority(|a| {
        a.inline = InlineWaivers::Deny;
        a.approvers = vec![APPROVER.into(), "江苏省生态环境厅".into()];
        a.max_days = Some(365);
    });
    insta::assert_snapshot!(human(&outcome));
}

// ---- through the binary, no configuration ----------------------------------

const LOOKALIKES: &str = "tests/fixtures/check/unit-lookalikes";

#[test]
fn lookalike_spellings_are_one_scoreboard_row_with_a_warning_each() {
    let (code, report) = check_json_in(&root(), &[LOOKALIKES]);
    assert_eq!(
        code, 1,
        "the self-acceptance is an error; lookalikes only warn"
    );
    let units: Vec<(&str, u64)> = report["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| {
            (
                u["unit"].as_str().unwrap_or(""),
                u["records"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(units, [("Wuxi Municipal Government", 6), (SUZHOU, 2)]);
    let warnings = report["input_errors"]
        .as_array()
        .expect("input errors")
        .iter()
        .filter(|e| e["code"] == "unit::lookalike" && e["severity"] == "warning")
        .count();
    assert_eq!(warnings, 5);
}

#[test]
fn self_acceptance_cannot_hide_behind_another_spelling() {
    let (_, report) = check_json_in(&root(), &[LOOKALIKES]);
    let f = finding(&report, "independent-acceptance", "WX-06");
    assert_eq!(f["penalty"], 2);
    assert_eq!(f["waived"], false);
}

#[test]
fn a_per_unit_group_rule_sees_one_unit_across_spellings() {
    let (_, report) = check_json_in(&root(), &[LOOKALIKES]);
    let groups = findings_of(&report, "petition-closure-rate");
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["unit"], SUZHOU);
    assert!(
        groups[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("1 of 2 `petition` records")),
        "{}",
        groups[0]["message"]
    );
}

const UNIT_WAIVER: &str = "waivers:\n  - { rule: petition-closure-rate, unit: \" 苏州市\u{200B}人民政府 \", \
     reason: 信访高峰, until: 2025-12-31, approved_by: 江苏省信访局 }\n";

#[test]
fn a_waiver_naming_a_unit_matches_its_group_finding_however_spelt() {
    let dir = temp("unit-waiver-lib");
    std::fs::write(dir.join("waivers.yaml"), UNIT_WAIVER).expect("write waivers");
    let mut outcome = check(&[], |o| o.paths = vec![root().join(LOOKALIKES)]);
    let mut waivers = run::waivers::FileWaivers::read(
        &[dir.join("waivers.yaml")],
        rectify::load::MAX_FILE_SIZE,
        &outcome.rules,
        outcome.as_of,
        &WaiverAuthority::default(),
    );
    let units = rectify::units::UnitRegistry::default().compile().0;
    assert!(waivers.waive(&mut outcome.findings, &outcome.rules, &units));
    waivers.finish(&mut outcome);
    let group: Vec<_> = outcome
        .findings
        .iter()
        .filter(|f| outcome.rules[f.rule].id == "petition-closure-rate")
        .collect();
    assert_eq!(group.len(), 1);
    assert!(group[0].waived, "{:#?}", outcome.input_errors);
    assert_eq!(group[0].waiver_approved_by.as_deref(), Some("江苏省信访局"));
}

#[test]
fn a_waiver_file_naming_a_unit_matches_it_however_spelt() {
    let dir = temp("unit-waiver");
    std::fs::write(dir.join("waivers.yaml"), UNIT_WAIVER).expect("write waivers");
    let records = root().join(LOOKALIKES);
    let records = records.to_str().expect("UTF-8 path");
    let (_, report) = check_json_in(&dir, &[records, "--waivers", "waivers.yaml"]);
    let groups = findings_of(&report, "petition-closure-rate");
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["waived"], true);
    assert_eq!(groups[0]["waiver"]["source"], "file");
}

#[test]
fn the_shown_name_is_the_first_spelling_in_path_order_whatever_jobs() {
    let dir = temp("first-spelling");
    let record = |id: &str, unit: &str| {
        format!(
            "- id: {id}\n  responsible: {{ unit: \"{unit}\" }}\n  status: in-progress\n  \
             assigned: 2022-06-01\n  deadline: 2026-12-31\n  stages: {{ plan: 2022-07-20 }}\n"
        )
    };
    // Written in reverse path order, so creation order is not path order.
    std::fs::write(
        dir.join("b.yaml"),
        record("B-1", "Wuxi Municipal Government"),
    )
    .expect("write");
    std::fs::write(
        dir.join("a.yaml"),
        record("A-1", "WUXI  Municipal Government"),
    )
    .expect("write");
    let runs: Vec<String> = ["1", "2"]
        .iter()
        .map(|jobs| {
            rectify_in(
                &dir,
                &[
                    "check",
                    ".",
                    "--as-of",
                    "2025-06-30",
                    "--format",
                    "json",
                    "--jobs",
                    jobs,
                ],
            )
            .1
        })
        .collect();
    assert_eq!(runs[0], runs[1]);
    let report: Value = serde_json::from_str(&runs[0]).expect("JSON");
    assert_eq!(report["units"][0]["unit"], "WUXI Municipal Government");
    assert_eq!(report["units"].as_array().map(Vec::len), Some(1));
    for f in report["findings"].as_array().expect("findings") {
        assert_eq!(f["unit"], "WUXI Municipal Government");
    }
}

#[test]
fn progress_and_pending_deadlines_show_one_name_per_unit() {
    let outcome = check(&[], |o| o.paths = vec![root().join(LOOKALIKES)]);
    let by_unit: Vec<(&str, usize)> = outcome
        .progress_by
        .iter()
        .map(|g| (g.unit.as_str(), g.progress.iter().map(|k| k.total).sum()))
        .collect();
    assert_eq!(by_unit, [("Wuxi Municipal Government", 6), (SUZHOU, 2)]);
    let mut pending: Vec<&str> = outcome.pending.iter().map(|p| p.unit.as_str()).collect();
    pending.sort();
    pending.dedup();
    assert_eq!(pending, ["Wuxi Municipal Government", SUZHOU]);
}

/// A fresh, empty folder for one test.
fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rectify-units-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    dir
}

// ---- through the binary, with rectify.toml ---------------------------------

/// A project folder: the fixtures under `records/`, and `toml` as its
/// rectify.toml.
fn project(name: &str, fixtures: &str, toml: &str) -> PathBuf {
    let dir = temp(name);
    std::fs::create_dir_all(dir.join("records")).expect("mkdir");
    for entry in std::fs::read_dir(fixture(fixtures))
        .expect("fixture folder")
        .flatten()
    {
        std::fs::copy(entry.path(), dir.join("records").join(entry.file_name())).expect("copy");
    }
    std::fs::write(dir.join("rectify.toml"), toml).expect("write rectify.toml");
    dir
}

const UNITS_TOML: &str =
    "[units]\n\"苏州市人民政府\" = [\"苏州市政府\", \"Suzhou Municipal Government\"]\n";

#[test]
fn registry_from_rectify_toml_scores_aliases_as_one_unit() {
    let dir = project("toml-units", "registry", UNITS_TOML);
    let (code, report) = check_json_in(&dir, &["records/suzhou.yaml"]);
    assert_eq!(
        code, 1,
        "self-acceptance under an alias is an error finding"
    );
    assert_eq!(report["units"][0]["unit"], SUZHOU);
    assert_eq!(report["units"][0]["records"], 5);
    assert_eq!(report["units"].as_array().map(Vec::len), Some(1));
    finding(&report, "independent-acceptance", "SZ-05");
}

#[test]
fn registry_from_rectify_toml_refuses_an_undeclared_unit() {
    let dir = project("toml-unknown", "registry", UNITS_TOML);
    let (code, report) = check_json_in(&dir, &["records"]);
    assert_eq!(code, 2);
    let unknown: Vec<&Value> = report["input_errors"]
        .as_array()
        .expect("input errors")
        .iter()
        .filter(|e| e["code"] == "unit::unknown")
        .collect();
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0]["file"], "records/typo.yaml");
    assert_eq!(
        (unknown[0]["line"].as_u64(), unknown[0]["column"].as_u64()),
        (Some(3), Some(24))
    );
    assert_eq!(unknown[0]["help"], "did you mean `苏州市政府`?");
}

#[test]
fn inline_deny_from_rectify_toml_holds() {
    let dir = project("toml-deny", "authority", "[waivers]\ninline = \"deny\"\n");
    // The example: a unit's own waiver, approved by "me", forever.
    let (code, report) = check_json_in(&dir, &["records"]);
    assert_eq!(code, 2, "a refused waiver is an error about the inputs");
    let f = finding(&report, "plan-on-time", "AU-01");
    assert_eq!(f["waived"], false);
    assert!(f.get("waiver").is_none());
    let denied = report["input_errors"]
        .as_array()
        .expect("input errors")
        .iter()
        .filter(|e| e["code"] == "waiver::inline-denied")
        .count();
    assert_eq!(denied, 2);
}

#[test]
fn approvers_and_max_days_from_rectify_toml_hold() {
    let toml = format!("[waivers]\napprovers = [\"{APPROVER}\"]\nmax-days = 30\n");
    let dir = project("toml-approvers", "authority", &toml);
    std::fs::copy(fixture("authority-waivers.yaml"), dir.join("waivers.yaml")).expect("copy");
    let (code, report) = check_json_in(&dir, &["records", "--waivers", "waivers.yaml"]);
    assert_eq!(code, 2);
    let codes: Vec<&str> = report["input_errors"]
        .as_array()
        .expect("input errors")
        .iter()
        .filter_map(|e| e["code"].as_str())
        .collect();
    assert_eq!(
        codes,
        [
            "waiver::too-long",
            "waiver::not-an-approver",
            "waiver::not-an-approver",
            "waiver::too-long",
        ]
    );
    assert_eq!(finding(&report, "plan-on-time", "AU-02")["waived"], true);
    for id in ["AU-01", "AU-03", "AU-04"] {
        assert_eq!(
            finding(&report, "plan-on-time", id)["waived"],
            false,
            "{id}"
        );
    }
}

#[test]
fn explain_resolves_aliases_through_the_registry_like_check() {
    let dir = project("toml-explain", "registry", UNITS_TOML);
    let (code, stdout, stderr) = rectify_in(
        &dir,
        &[
            "explain",
            "independent-acceptance",
            "SZ-05",
            "--as-of",
            "2025-06-30",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    // `check` finds SZ-05 self-accepted under an alias; explain agrees.
    assert!(stdout.contains("does not hold"), "{stdout}");
}
