//! The machine and CI formats of `check` (SARIF, JUnit, GitHub, markdown),
//! the progress report (`rectify report`) and the record schema, rendered
//! from the outcome of a real run over `tests/fixtures/report`
//! (`tests/common`): it has an overdue stage, a waiver reason, rounds.

mod common;

use common::*;
use rectify::diag::Severity;
use rectify::outcome::Outcome;
use rectify::report::progress::{self, Form};
use rectify::report::{Format, Style};

/// The 1-based line of the `nth` occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str, nth: usize) -> u64 {
    let start = at(text, needle, nth).start as usize;
    text[..start].matches('\n').count() as u64 + 1
}

/// The real run's outcome as if the project root were `/work/project`.
fn rich() -> Outcome {
    let mut outcome = outcome();
    outcome.root = "/work/project".into();
    outcome
}

fn render(outcome: &Outcome, format: Format) -> String {
    rendered(outcome, format, &Style::default())
}

fn report(outcome: &Outcome, form: Form) -> String {
    let mut out = Vec::new();
    progress::render(
        outcome,
        form,
        Some(30),
        rectify::i18n::Lang::En.catalogue(),
        &mut out,
    )
    .expect("in memory");
    String::from_utf8(out).expect("UTF-8")
}

// ---- SARIF ----------------------------------------------------------------

fn sarif(outcome: &Outcome) -> serde_json::Value {
    serde_json::from_str(&render(outcome, Format::Sarif)).expect("SARIF is JSON")
}

#[test]
fn sarif_report() {
    insta::assert_snapshot!(render(&outcome(), Format::Sarif));
}

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("schemas/sarif-2.1.0.json")).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    for outcome in [outcome(), {
        let mut bare = outcome();
        bare.files.iter_mut().for_each(|f| f.text = None);
        bare
    }] {
        let log = sarif(&outcome);
        let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

#[test]
fn sarif_declares_every_rule_and_suppresses_waived_findings() {
    let log = sarif(&outcome());
    let run = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(
        &ids[..5],
        [
            "plan-on-time",
            "independent-acceptance",
            "closed-by-deadline",
            "notice-period",
            "petition-reply"
        ]
    );
    assert!(
        ids.contains(&"record::duplicate-id"),
        "input errors get descriptors: {ids:?}"
    );
    assert_eq!(rules[3]["defaultConfiguration"]["level"], "warning");
    assert_eq!(
        rules[0]["properties"]["citation"],
        "Central Eco-environmental Protection Inspection Rules (2019)"
    );
    let results = run["results"].as_array().expect("results");
    for r in results {
        let index = r["ruleIndex"].as_u64().expect("index") as usize;
        assert_eq!(
            rules[index]["id"], r["ruleId"],
            "ruleIndex points at ruleId"
        );
    }
    let waived: Vec<_> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(waived.len(), 1);
    assert_eq!(waived[0]["ruleId"], "independent-acceptance");
    assert_eq!(
        waived[0]["suppressions"][0]["justification"],
        "验收单位经省政府批准, 见批复 <2023> 12 号"
    );
}

#[test]
fn sarif_regions_count_characters_on_chinese_lines() {
    let outcome = outcome();
    let log = sarif(&outcome);
    let index = position(&outcome, "plan-on-time", "JS-2022-R2-08");
    let plan_08 = &log["runs"][0]["results"][index];
    assert_eq!(plan_08["properties"]["record"], "JS-2022-R2-08");
    let region = &plan_08["locations"][0]["physicalLocation"]["region"];
    // `    plan: { note: 方案已批复, date: 2022-08-30 }`: 31 characters (41 bytes) precede the date.
    let line = line_of(WUXI, "2022-08-30", 0);
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(line), Some(32))
    );
    assert_eq!(
        (region["endLine"].as_u64(), region["endColumn"].as_u64()),
        (Some(line), Some(42))
    );
    let start = WUXI.find("2022-08-30").expect("date");
    let chars = WUXI[..start].chars().count() as u64;
    assert_eq!(region["charOffset"].as_u64(), Some(chars));
    assert_eq!(region["charLength"].as_u64(), Some(10));
    let rule_at = &plan_08["relatedLocations"][0]["physicalLocation"];
    assert_eq!(rule_at["artifactLocation"]["uri"], RULES_FILE);
    assert_eq!(
        rule_at["region"]["startLine"].as_u64(),
        Some(line_of(RULES, "rule plan-on-time {", 0))
    );
}

#[test]
fn sarif_uris_are_relative_to_the_project_root() {
    let mut outcome = rich();
    for file in &mut outcome.files {
        if file.name.ends_with("wuxi.yaml") {
            file.name = "/work/project/ledgers/C:evil 台.yaml".into();
        } else if file.name.ends_with("petitions.yaml") {
            file.name = "/elsewhere/javascript:x.yaml".into();
        }
    }
    let log = sarif(&outcome);
    let run = &log["runs"][0];
    assert_eq!(
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
        "file:///work/project/"
    );
    let artifact =
        |i: usize| &run["results"][i]["locations"][0]["physicalLocation"]["artifactLocation"];
    let wuxi = run["results"]
        .as_array()
        .expect("results")
        .iter()
        .position(|r| r["properties"]["record"] == "JS-2022-R2-07")
        .expect("a Wuxi finding");
    assert_eq!(artifact(wuxi)["uri"], "ledgers/C%3Aevil%20%E5%8F%B0.yaml");
    assert_eq!(artifact(wuxi)["uriBaseId"], "%SRCROOT%");
    let petition = run["results"]
        .as_array()
        .expect("results")
        .iter()
        .position(|r| r["properties"]["record"] == "XF-2022-0001")
        .expect("a petition finding");
    assert_eq!(
        artifact(petition)["uri"],
        "file:///elsewhere/javascript%3Ax.yaml"
    );
    assert_eq!(artifact(petition).get("uriBaseId"), None);
    let driver = &run["tool"]["driver"];
    // Only an address the build names (Cargo.toml's `repository`).
    assert_eq!(
        driver["informationUri"].as_str(),
        rectify::report::sarif::HOME
    );
}

#[test]
fn sarif_points_bundled_rules_at_their_documentation() {
    let mut outcome = rich();
    outcome.rule_files[0].name = "<bundled>/central.rules".into();
    let log = sarif(&outcome);
    let run = &log["runs"][0];
    let rule = &run["tool"]["driver"]["rules"][0];
    match rectify::report::sarif::HOME {
        Some(_) => assert!(
            rule["helpUri"]
                .as_str()
                .is_some_and(|u| u.ends_with("/docs/rules/plan-on-time.md")),
            "{rule}"
        ),
        // No address is made up when the build names none.
        None => assert!(rule.get("helpUri").is_none(), "{rule}"),
    }
    for result in run["results"].as_array().expect("results") {
        for location in sarif_locations(result) {
            let uri = &location["physicalLocation"]["artifactLocation"]["uri"];
            assert!(
                uri.as_str()
                    .is_some_and(|u| u.starts_with("tests/fixtures/report/ledgers/")),
                "{uri}"
            );
        }
    }
}

#[test]
fn sarif_without_texts_keeps_the_precomputed_start() {
    let mut outcome = outcome();
    outcome.files[0].text = None;
    outcome.findings[0].line_col = Some((10, 11));
    let log = sarif(&outcome);
    let region = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 10);
    assert!(
        region.get("endLine").is_none() && region.get("charOffset").is_none(),
        "{region}"
    );
}

// ---- JUnit ----------------------------------------------------------------

#[test]
fn junit_report() {
    insta::assert_snapshot!(render(&outcome(), Format::Junit));
}

#[test]
fn junit_parses_as_xml_whatever_the_text() {
    let mut outcome = outcome();
    // The first testcase: the first rule's first finding.
    let plan_07 = position(&outcome, "plan-on-time", "JS-2022-R2-07");
    say(
        &mut outcome.findings[plan_07],
        "a < b & \"c\" 'd' \u{1b}[31m 太湖 ]]> \u{0}",
    );
    outcome.findings[plan_07].record = "<id & \"q\">".into();
    let text = render(&outcome, Format::Junit);
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let cases: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    let failures = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .count();
    let skipped = doc
        .descendants()
        .filter(|n| n.has_tag_name("skipped"))
        .count();
    let errors = doc
        .descendants()
        .filter(|n| n.has_tag_name("error"))
        .count();
    let notes = doc
        .descendants()
        .filter(|n| n.has_tag_name("system-out"))
        .count();
    assert_eq!(
        (failures, notes, skipped, errors),
        (4, 3, 1, 1),
        "4 error findings fail; 2 warning findings and 1 input warning are \
         noted; 1 waived; 1 input error"
    );
    let first = cases.first().expect("a case");
    assert_eq!(first.attribute("name"), Some("<id & \"q\">"));
    let failure = first.first_element_child().expect("failure");
    assert!(
        failure
            .attribute("message")
            .is_some_and(|m| m.contains("a < b & \"c\" 'd' [U+001B][31m 太湖"))
    );
    let suites: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites.len(), 5 + 2, "one per rule, records, inputs");
    let root = doc.root_element();
    assert_eq!(
        root.attribute("tests").and_then(|t| t.parse().ok()),
        Some(cases.len())
    );
}

#[test]
fn junit_fails_only_at_or_above_fail_on() {
    let count = |fail_on| {
        let style = Style {
            fail_on,
            ..Style::default()
        };
        let text = rendered(&rich(), Format::Junit, &style);
        let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
        let n = |tag| doc.descendants().filter(|n| n.has_tag_name(tag)).count();
        (n("failure"), n("system-out"))
    };
    assert_eq!(count(Some(Severity::Error)), (4, 3));
    assert_eq!(count(Some(Severity::Warning)), (7, 0));
    assert_eq!(count(None), (0, 7));
}

#[test]
fn junit_has_no_attribute_junit_10_lacks() {
    let text = render(&rich(), Format::Junit);
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.attribute("skipped"), None);
    for case in doc.descendants().filter(|n| n.has_tag_name("testcase")) {
        let names: Vec<&str> = case.attributes().map(|a| a.name()).collect();
        assert_eq!(names, ["classname", "name"], "{case:?}");
    }
}

#[test]
fn junit_passing_cases_say_what_passed() {
    let mut outcome = rich();
    outcome.passes = vec![12, 1, 0, 0, 0];
    let text = render(&outcome, Format::Junit);
    assert!(text.contains(r#"<testcase classname="plan-on-time" name="12 records pass"/>"#));
    assert!(text.contains(r#"name="1 record passes"/>"#));
}

// ---- GitHub ---------------------------------------------------------------

#[test]
fn github_report() {
    insta::assert_snapshot!(render(&outcome(), Format::Github));
}

#[test]
fn github_lines_follow_the_workflow_command_format() {
    let mut outcome = outcome();
    let plan_07 = position(&outcome, "plan-on-time", "JS-2022-R2-07");
    say(&mut outcome.findings[plan_07], "50% late,\nsee: plan");
    let text = render(&outcome, Format::Github);
    let command = regex::Regex::new(
        r"^::(error|warning|notice) file=[^,:\n]+(,line=[1-9][0-9]*,col=[1-9][0-9]*(,endLine=[1-9][0-9]*(,endColumn=[1-9][0-9]*)?)?)?,title=[^,:\n]*::[^\r\n]*$",
    )
    .expect("regex");
    let lines: Vec<&str> = text.lines().collect();
    let (commands, rest) = lines.split_at(lines.len() - 1);
    assert_eq!(
        commands.len(),
        outcome.findings.len() + outcome.input_errors.len()
    );
    for line in commands {
        assert!(command.is_match(line), "{line}");
    }
    assert!(
        rest[0].starts_with("rectify: "),
        "a closing summary: {}",
        rest[0]
    );
    let plan_07 = commands[plan_07];
    assert!(
        plan_07.ends_with("::`50%25 late,%0Asee: plan` is missing (penalty 1.4 points)"),
        "{plan_07}"
    );
    assert!(
        plan_07.contains("title=plan-on-time%3A JS-2022-R2-07"),
        "{plan_07}"
    );
    let waived = commands
        .iter()
        .find(|l| l.contains("(waived)"))
        .expect("waived");
    assert!(
        waived.starts_with("::notice "),
        "waived findings are notices: {waived}"
    );
    let info = {
        let mut o = common::outcome();
        o.findings
            .iter_mut()
            .for_each(|f| f.severity = Severity::Info);
        render(&o, Format::Github)
    };
    assert!(info.starts_with("::notice "), "{info}");
}

// ---- markdown ---------------------------------------------------------------

#[test]
fn markdown_report() {
    insta::assert_snapshot!(render(&outcome(), Format::Markdown));
}

#[test]
fn markdown_cells_keep_the_table_whole() {
    let mut outcome = outcome();
    let plan_07 = position(&outcome, "plan-on-time", "JS-2022-R2-07");
    say(&mut outcome.findings[plan_07], "a | b\nc");
    let text = render(&outcome, Format::Markdown);
    let row = text
        .lines()
        .find(|l| l.contains("JS-2022-R2-07") && l.contains("plan-on-time"))
        .expect("row");
    assert!(row.contains("a \\| b\\[U+000A\\]c"), "{row}");
    let header = text
        .lines()
        .find(|l| l.starts_with("| location |"))
        .expect("header");
    let cells = |l: &str| l.replace("\\|", "").matches('|').count();
    assert_eq!(cells(row), cells(header));
}

// ---- rectify report ---------------------------------------------------------

#[test]
fn progress_table() {
    insta::assert_snapshot!(report(&outcome(), Form::Table));
}

#[test]
fn progress_markdown() {
    insta::assert_snapshot!(report(&outcome(), Form::Markdown));
}

#[test]
fn progress_lists_overdue_stages_and_what_falls_due() {
    let text = report(&outcome(), Form::Table);
    let overdue = text.split("Overdue").nth(1).expect("section");
    assert!(
        overdue.contains("2022-06-16") && overdue.contains("578") && overdue.contains("replied"),
        "{overdue}"
    );
    assert!(
        !overdue
            .split("Due within")
            .next()
            .unwrap_or("")
            .contains("JS-2022-R2-07"),
        "late but done is not overdue"
    );
    let soon = text.split("Due within 30 days").nth(1).expect("section");
    assert!(
        soon.contains("2024-01-31") && soon.contains("closure"),
        "{soon}"
    );
}

#[test]
fn progress_html_is_self_contained_and_well_formed() {
    let text = report(&outcome(), Form::Html);
    let doc = roxmltree::Document::parse_with_options(
        &text,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("well-formed");
    assert_eq!(doc.root_element().tag_name().name(), "html");
    assert_eq!(
        doc.descendants().filter(|n| n.has_tag_name("svg")).count(),
        2
    );
    for external in [
        "http://", "https://", "//", "<script", "<link", "url(", "@import", "<img",
    ] {
        assert!(!text.contains(external), "`{external}` in the page");
    }
    assert!(text.contains("@media print"));
    assert!(text.contains("1 of 2 tasks completed; 1 of 2 petitions closed"));
    let circles = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle"))
        .count();
    assert_eq!(circles, 6, "5 findings with a due date + 1 pending");
}

// ---- rectify schema ---------------------------------------------------------

fn schema() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(rectify::report::schema::RECORD_SCHEMA).expect("the schema is JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::draft202012::new(&schema).expect("the schema compiles")
}

#[test]
fn the_schema_accepts_every_file_form() {
    let validator = schema();
    let record = serde_json::json!({
        "id": "JS-2022-R2-07", "kind": "task", "title": "太湖蓝藻打捞与清淤",
        "round": "central-2022-2", "responsible": { "unit": "Wuxi", "lead": "Bureau" },
        "assigned": "2022-06-01", "deadline": "2023-12-31", "status": "completed",
        "stages": {
            "plan": "2022-06-28",
            "acceptance": { "date": "2023-11-20", "by": "Province", "evidence": ["a.pdf"] },
            "notice": { "date": "2023-11-21", "end": "2023-12-04" }
        },
        "extensions": [{ "to": "2024-06-30", "approved_by": "Group", "approved_on": "2023-12-01", "reason": "dry season" }],
        "waivers": [{ "rule": "plan-on-time", "reason": "r", "until": "2024-12-31", "approved_by": "x" }],
        "budget": { "yuan": 1000 }
    });
    let list = serde_json::json!([record.clone(), { "id": "B", "responsible": { "unit": "U" } }]);
    let ledger = serde_json::json!({
        "ledger": { "kind": "petition", "responsible": { "unit": "宜兴市人民政府" } },
        "records": [{ "id": "XF-1", "assigned": "2022-06-05", "stages": { "replied": "2022-06-20" } }]
    });
    for doc in [&record, &list, &ledger] {
        let errors: Vec<String> = validator.iter_errors(doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{doc}: {errors:#?}");
    }
}

#[test]
fn the_schema_rejects_wrong_shapes() {
    let validator = schema();
    for bad in [
        serde_json::json!({ "responsible": { "unit": "U" } }),
        serde_json::json!({ "id": "A" }),
        serde_json::json!({ "id": "A", "responsible": { "unit": "U" }, "status": "done" }),
        serde_json::json!({ "id": "A", "responsible": { "unit": "U" }, "deadline": "31/12/2023" }),
        serde_json::json!({ "id": "A", "responsible": { "unit": "U" }, "stages": { "plan": { "by": "x" } } }),
        serde_json::json!({ "id": "A", "responsible": { "unit": "U" }, "waivers": [{ "rule": "x" }] }),
    ] {
        assert!(!validator.is_valid(&bad), "{bad}");
    }
}

#[test]
fn rectify_schema_prints_the_schema() {
    let assert = assert_cmd::Command::cargo_bin("rectify")
        .expect("binary")
        .env("RECTIFY_LANG", "en")
        .arg("schema")
        .assert()
        .success();
    let out: serde_json::Value =
        serde_json::from_slice(&assert.get_output().stdout).expect("JSON on stdout");
    assert_eq!(out["title"], "rectify record file");
}

#[test]
fn a_report_target_must_name_a_format() {
    let assert = assert_cmd::Command::cargo_bin("rectify")
        .expect("binary")
        .env("RECTIFY_LANG", "en")
        .args(["check", "--report", "xml=out.xml"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("unknown format `xml`"), "{stderr}");
}

/// Make a finding say `text` (as the expression of a failed `is present`),
/// to see how a format carries hostile text.
fn say(f: &mut rectify::outcome::Finding, text: &str) {
    use rectify::eval::verdict::{Fact, Verdict};
    f.verdict = Verdict::Failed {
        parts: vec![Fact::Missing { expr: text.into() }],
        rest: Vec::new(),
    };
}
