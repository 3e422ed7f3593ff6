//! The bundled rule set loads and checks, and matches the documented default rule table.

use rectify::diag::Severity;

#[test]
fn bundled_rules_compile_and_match_the_default_table() {
    let rules = rectify::load::rules(&[]);
    assert!(rules.errors.is_empty(), "{:#?}", rules.errors);
    let plan = rules.plan.expect("a plan");
    let table: Vec<(&str, &str, Severity)> = vec![
        ("plan-on-time", "task", Severity::Error),
        ("stages-in-order", "task", Severity::Error),
        ("closed-by-deadline", "task", Severity::Error),
        ("closed-early", "task", Severity::Commendation),
        ("completed-means-closed", "task", Severity::Error),
        ("acceptance-evidence", "task", Severity::Error),
        ("independent-acceptance", "task", Severity::Error),
        ("notice-period", "task", Severity::Warning),
        ("extension-approved", "task", Severity::Error),
        ("petition-reply", "petition", Severity::Warning),
        ("petition-closed", "petition", Severity::Error),
        ("petition-closure-rate", "petition", Severity::Warning),
    ];
    let got: Vec<(&str, &str, Severity)> = plan
        .rules
        .iter()
        .map(|r| (r.id.as_str(), plan.kinds[r.kind].name.as_str(), r.severity))
        .collect();
    assert_eq!(got, table);
    let penalties: Vec<String> = plan
        .rules
        .iter()
        .map(|r| rectify::run::describe_penalty(&r.penalty, rectify::i18n::Lang::En.catalogue()))
        .collect();
    assert_eq!(
        penalties,
        [
            "1 point, plus 0.1 per workday late, at most 3",
            "1 point",
            "2 points, plus 1 per 30 days late, at most 10",
            "0 points",
            "3 points",
            "2 points",
            "2 points",
            "1 point",
            "1 point",
            "0.2 points",
            "0.5 points, plus 0.1 per 10 days late, at most 2",
            "1 point",
        ]
    );
}
