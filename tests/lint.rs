//! `eval::lint`: each warning at the right span, and none on the bundled rules.

use rectify::eval::{self, lint};
use rectify::syntax;

/// The warnings of one rule file (without calendars), as
/// `(code, underlined text)`.
fn warnings(text: &str) -> Vec<(&'static str, String)> {
    let ast = syntax::parse(text).expect("parses");
    let sources = [eval::Source {
        file: 0,
        text,
        ast: &ast,
    }];
    let plan = eval::compile(&sources, None).expect("compiles");
    lint::lint(&sources, &plan)
        .into_iter()
        .map(|(_, w)| (w.code, text[w.span.range()].to_string()))
        .collect()
}

const HEAD: &str = "ruleset \"t\" {\n  pipeline task: plan -> closure\n}\n";

#[test]
fn the_bundled_rules_have_no_warning() {
    let rules = rectify::load::rules(&[]);
    assert!(rectify::cli::rules::warnings(&rules).is_empty());
}

#[test]
fn rules_equal_but_for_layout_are_duplicates() {
    let text = format!(
        "{HEAD}rule a {{ for task when plan is present require (closure >= plan) severity error }}\n\
         rule b {{\n  for task\n  when plan   is present\n  require closure >= plan\n  severity info\n}}\n"
    );
    assert_eq!(
        warnings(&text),
        [(lint::codes::DUPLICATE_CONSTRAINTS, "b".to_string())]
    );
}

#[test]
fn group_rules_equal_but_for_how_a_count_is_written_are_duplicates() {
    let rule = |id: &str, n: &str| {
        format!(
            "rule {id} {{ for task per unit require count of (closure is missing) <= {n} severity info }}\n"
        )
    };
    let text = format!(
        "{HEAD}{}{}{}",
        rule("a", "3"),
        rule("b", "4"),
        rule("c", "03")
    );
    let ast = syntax::parse(&text).expect("parses");
    let sources = [eval::Source {
        file: 0,
        text: &text,
        ast: &ast,
    }];
    let plan = eval::compile(&sources, None).expect("compiles");
    let found = lint::lint(&sources, &plan);
    let messages: Vec<String> = found.iter().map(|(_, w)| w.message.english()).collect();
    assert_eq!(messages, ["rule `c` requires the same as rule `a`"]);
}

#[test]
fn rules_that_differ_in_when_are_not_duplicates() {
    let text = format!(
        "{HEAD}rule a {{ for task require closure is present severity error }}\n\
         rule b {{ for task when plan is present require closure is present severity error }}\n"
    );
    assert!(warnings(&text).is_empty());
}

#[test]
fn a_kind_no_pipeline_declares_is_pointed_at_in_a_list_too() {
    let text = format!(
        "{HEAD}rule a {{ for task when kind in [\"task\", \"tsak\"] require plan is present severity error }}\n"
    );
    assert_eq!(
        warnings(&text),
        [(lint::codes::UNKNOWN_KIND_VALUE, "\"tsak\"".to_string())]
    );
}

#[test]
fn lateness_with_a_deadline_is_fine() {
    let text = format!(
        "{HEAD}rule a {{ for task require closure within 30 days after assigned severity error penalty 1 point, plus 1 per day late }}\n"
    );
    assert!(warnings(&text).is_empty());
}
