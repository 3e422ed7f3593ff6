//! The bundled rule set against the hand-counted rule tests in rules/tests/.
//! Each case's expected due dates and lateness were counted by hand on the
//! State Council calendar (see the comments in each file).

use std::path::Path;

use rectify::ruletest;

fn suites() -> Vec<(String, ruletest::Suite)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/tests");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("rules/tests exists")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable test file");
            let suite = ruletest::parse(&text).unwrap_or_else(|e| panic!("{}: {e:?}", p.display()));
            (p.display().to_string(), suite)
        })
        .collect()
}

#[test]
fn every_default_rule_case_gives_the_hand_counted_findings() {
    let rules = rectify::load::rules(&[]);
    assert!(rules.errors.is_empty(), "bundled rules: {:?}", rules.errors);
    let plan = rules.plan.expect("bundled rules compile");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/tests");
    let words = rectify::i18n::Lang::En.catalogue();
    let mut failures = Vec::new();
    let mut cases = 0;
    for (file, suite) in suites() {
        for result in ruletest::run(&suite, &plan, &rules.files, &dir) {
            cases += 1;
            if !result.passed() {
                failures.push(format!(
                    "{file}: {}\n  {}\n  {}",
                    result.name,
                    result.diff_lines(words).join("\n  "),
                    result.error_lines(words).join("\n  ")
                ));
            }
        }
    }
    assert!(cases >= 30, "only {cases} cases ran");
    assert!(
        failures.is_empty(),
        "{} failing case(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_default_rule_fires_passes_and_deadlines_pend_in_some_case() {
    let rules = rectify::load::rules(&[]);
    let plan = rules.plan.expect("bundled rules compile");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/tests");
    let (mut fired, mut passed, mut pending) = (Vec::new(), Vec::new(), Vec::new());
    for (_, suite) in suites() {
        for result in ruletest::run(&suite, &plan, &rules.files, &dir) {
            fired.extend(result.fired);
            passed.extend(result.passed);
            pending.extend(result.pending);
        }
    }
    for rule in &plan.rules {
        assert!(fired.contains(&rule.id), "no case makes `{}` fire", rule.id);
        // A reward rule's verdict on a record is its commendation (it
        // fires) or nothing: there is no pass apart from it.
        assert!(
            rule.reward.is_some() || passed.contains(&rule.id),
            "no case makes `{}` pass",
            rule.id
        );
    }
    for deadline in [
        "plan-on-time",
        "closed-by-deadline",
        "petition-reply",
        "petition-closed",
    ] {
        assert!(
            pending.iter().any(|p| p == deadline),
            "no case leaves `{deadline}` pending"
        );
    }
}
