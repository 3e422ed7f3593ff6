//! Tests of the rule language: text -> AST, and its error messages.
//!
//! Data-driven: every `tests/fixtures/syntax/ok/*.rules` lowers to the AST in
//! its snapshot (as s-expressions, `tests/common/sexp.rs`), every `tests/fixtures/syntax/err/*.rules` fails with the
//! errors in its snapshot, every ```rules block of `docs/rule-language.md`
//! parses, and the bundled rule set matches its documented table.

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use common::sexp::{self, Sexp};
use rectify::diag::Diagnostic;
use rectify::source::{LineIndex, Span};
use rectify::syntax::{self, ast};

/// The `*.rules` files of one fixture folder, sorted.
fn fixtures(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/syntax")
        .join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .map(|e| e.expect("fixture entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rules"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no fixtures in {}", dir.display());
    paths
}

fn read(path: &Path) -> (String, String) {
    let name = path
        .file_stem()
        .expect("file name")
        .to_string_lossy()
        .into_owned();
    (name, std::fs::read_to_string(path).expect("fixture text"))
}

/// One error per paragraph: code, 1-based line:column (characters), message,
/// the underlined text and the help.
fn render(text: &str, errors: &[Diagnostic]) -> String {
    let index = LineIndex::new(text);
    let mut out = String::new();
    for e in errors {
        let (line, col) = index.line_col(text, e.span.start);
        let _ = writeln!(out, "{} at {line}:{col}: {}", e.code, e.message.english());
        let _ = writeln!(out, "  underlined: {:?}", &text[e.span.range()]);
        if let Some(help) = &e.help {
            let _ = writeln!(out, "  help: {}", help.english());
        }
        out.push('\n');
    }
    out
}

#[test]
fn ok_fixtures_lower_to_their_snapshot() {
    for path in fixtures("ok") {
        let (name, text) = read(&path);
        match syntax::parse(&text) {
            Ok(file) => insta::assert_snapshot!(format!("ok-{name}"), Sexp(&file).to_string()),
            Err(errors) => panic!("{name} does not parse:\n{}", render(&text, &errors)),
        }
    }
}

#[test]
fn err_fixtures_fail_with_their_snapshot() {
    for path in fixtures("err") {
        let (name, text) = read(&path);
        match syntax::parse(&text) {
            Ok(file) => panic!("{name} parsed:\n{}", Sexp(&file)),
            Err(errors) => insta::assert_snapshot!(format!("err-{name}"), render(&text, &errors)),
        }
    }
}

/// Assert one error by structure: code, message and underlined text.
#[track_caller]
fn expect_err(text: &str, code: &str, message: &str, underlined: &str) {
    let errors = syntax::parse(text).expect_err("should not parse");
    let found = errors.iter().any(|e| {
        e.code == code && e.message.english() == message && &text[e.span.range()] == underlined
    });
    assert!(
        found,
        "no {code} {message:?} at {underlined:?} in:\n{}",
        render(text, &errors)
    );
}

#[test]
fn errors_name_the_token_and_what_was_expected() {
    let items = "a rule item (`title`, `cite`, `for`, `per`, `when`, `require`, `severity`, `penalty`, `reward`, `help`)";
    expect_err(
        "rule a { for task titel \"x\" }",
        "rules::syntax",
        &format!("unexpected `titel`, expected {items} or `}}`"),
        "titel",
    );
    expect_err(
        "rule a { severity fatal }",
        "rules::syntax",
        "unexpected `fatal`, expected a severity (`error`, `warning`, `info`)",
        "fatal",
    );
    expect_err(
        "rule a { for task",
        "rules::unclosed",
        "`rule a` opened at line 1 is never closed",
        "{",
    );
    expect_err(
        "rule a { title \"open }",
        "rules::syntax",
        "unterminated string",
        "\"open }",
    );
    expect_err(
        "rule a { format task }",
        "rules::syntax",
        &format!("unexpected `format`, expected {items} or `}}`"),
        "format",
    );
}

/// The hint list of rule items names every item the grammar allows: the
/// first keyword of each alternative of `item` in `grammar/rules.pest`.
#[test]
fn the_hint_list_names_every_rule_item_of_the_grammar() {
    let grammar =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("grammar/rules.pest"))
            .expect("grammar");
    let rule_body = |name: &str| {
        grammar
            .lines()
            .find_map(|l| {
                let (head, body) = l.split_once('=')?;
                (head.trim() == name).then(|| body.trim().to_string())
            })
            .unwrap_or_else(|| panic!("no grammar rule `{name}`"))
    };
    let items = rule_body("item");
    let alternatives = items.trim_matches(|c| c == '{' || c == '}' || c == ' ');
    let errors = syntax::parse("rule a { zzz }").expect_err("should not parse");
    let message = &errors[0].message.english();
    let mut words = Vec::new();
    for alternative in alternatives.split('|').map(str::trim) {
        let body = rule_body(alternative);
        let first = body
            .trim_start_matches(['{', ' '])
            .split_whitespace()
            .next()
            .and_then(|w| w.strip_prefix("kw_"))
            .unwrap_or_else(|| panic!("`{alternative}` does not start with a keyword"));
        words.push(first.to_string());
        assert!(
            message.contains(&format!("`{first}`")),
            "the hint list misses `{first}`: {message}"
        );
    }
    assert!(words.contains(&"per".to_string()) && words.contains(&"reward".to_string()));
}

#[test]
fn lowering_errors_point_at_the_literal() {
    let rule = |body: &str| format!("rule r {{ for task severity error {body} }}");
    expect_err(
        &rule("require a > 2023-02-30"),
        "rules::bad-date",
        "`2023-02-30` is not a valid date",
        "2023-02-30",
    );
    expect_err(
        &rule("require a penalty 0.001 points"),
        "rules::bad-number",
        "`0.001` has more than two decimal places",
        "0.001",
    );
    expect_err(
        &rule("require a >= 101%"),
        "rules::bad-percent",
        "`101%` is over 100%",
        "101%",
    );
    expect_err(
        &rule("title \"\\x\" require a"),
        "rules::bad-escape",
        "unknown escape `\\x`",
        "\\x",
    );
    expect_err(
        &rule("title \"a\" title \"b\" require a"),
        "rules::duplicate-item",
        "`title` is given twice in this rule",
        "title \"b\"",
    );
    expect_err(
        "rule Bad_Id { }",
        "rules::bad-id",
        "rule id `Bad_Id` is not kebab-case",
        "Bad_Id",
    );
    expect_err(
        "rule r { for task require a }",
        "rules::missing-item",
        "rule `r` has no `severity` item",
        "r",
    );
}

#[test]
fn all_lowering_errors_are_collected() {
    let text = "rule a { for task severity error require x = 2023-02-30 or y = 2023-04-31 penalty 0.001 points }\n\
                rule B { for task severity error require a }";
    let errors = syntax::parse(text).expect_err("should not parse");
    let codes: Vec<_> = errors.iter().map(|e| e.code).collect();
    assert_eq!(
        codes,
        [
            "rules::bad-date",
            "rules::bad-date",
            "rules::bad-number",
            "rules::bad-id"
        ]
    );
}

#[test]
fn layout_and_comments_do_not_change_the_ast() {
    let tidy = "ruleset \"R\" {\n  pipeline task: plan -> closure\n}\n\nrule plan-on-time {\n  for task\n  \
                require plan within 30 workdays after assigned\n  severity error\n  penalty 1 point, plus 0.1 per workday late, at most 3\n}\n";
    let messy = "# header\nruleset\"R\"{pipeline task:plan->closure}rule plan-on-time{for task # kind\n\
                 require plan\n\twithin 30   workdays # how long\n after\nassigned severity error penalty 1 point,plus 0.1 per workday late,at most 3}";
    let (a, b) = (
        syntax::parse(tidy).expect("tidy"),
        syntax::parse(messy).expect("messy"),
    );
    assert_eq!((&a.rulesets, &a.rules), (&b.rulesets, &b.rules));
    assert!(a.comments.is_empty());
    let comments: Vec<_> = b.comments.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(comments, ["# header", "# kind", "# how long"]);
}

#[test]
fn comment_spans_cover_the_comment() {
    let text = "rule a { # one\n for task severity error require a } # two";
    let file = syntax::parse(text).expect("parses");
    for c in &file.comments {
        assert_eq!(&text[c.span.range()], c.value);
    }
    assert_eq!(file.comments.len(), 2);
}

#[test]
fn bundled_rules_match_design_table() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/central-inspection.rules"),
    )
    .expect("bundled rules");
    let file = syntax::parse(&text).unwrap_or_else(|e| panic!("{}", render(&text, &e)));
    let rows: Vec<String> = file
        .rules
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r.id.value,
                r.kind.value,
                r.severity.as_str(),
                match &r.reward {
                    Some(reward) => format!("reward {}", penalty(Some(reward))),
                    None => penalty(r.penalty.as_ref()),
                }
            )
        })
        .collect();
    let table = [
        "plan-on-time task error 1 + 0.1 per 1 workdays, at most 3",
        "stages-in-order task error 1",
        "closed-by-deadline task error 2 + 1 per 30 days, at most 10",
        "closed-early task commendation reward 1 + 0.5 per 30 days, at most 3",
        "completed-means-closed task error 3",
        "acceptance-evidence task error 2",
        "independent-acceptance task error 2",
        "notice-period task warning 1",
        "extension-approved task error 1",
        "petition-reply petition warning 0.2",
        "petition-closed petition error 0.5 + 0.1 per 10 days, at most 2",
        "petition-closure-rate petition warning 1",
    ];
    assert_eq!(rows, table);
    let set = &file.rulesets[0];
    assert_eq!(
        set.name.value,
        "Central eco-environmental protection inspection: rectification"
    );
    assert!(
        file.rules
            .iter()
            .all(|r| r.title.is_some() && r.cite.is_some() && r.help.is_some())
    );
}

fn penalty(p: Option<&ast::Penalty>) -> String {
    let Some(p) = p else { return "none".into() };
    let mut s = p.fixed.value.to_string();
    if let Some(per) = &p.per {
        let unit = if per.unit == ast::LateUnit::Days {
            "days"
        } else {
            "workdays"
        };
        let _ = write!(s, " + {} per {} {unit}", per.points.value, per.every);
    }
    if let Some(cap) = &p.cap {
        let _ = write!(s, ", at most {}", cap.value);
    }
    s
}

/// Every ```rules block of docs/rule-language.md parses. Convention: a block
/// whose first word (after comments) is `rule` or `ruleset` is a whole file;
/// any other block is a list of rule items, parsed inside
/// `rule example { for task severity error … }`, so it must not repeat `for`
/// or `severity` and must hold at least one `require`.
#[test]
fn docs_examples_parse() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rule-language.md");
    let doc = std::fs::read_to_string(path).expect("docs/rule-language.md");
    let blocks = rules_blocks(&doc);
    assert!(blocks.len() >= 10, "only {} ```rules blocks", blocks.len());
    for (line, block) in blocks {
        let first = block
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with('#'))
            .unwrap_or("");
        let whole = first.starts_with("rule ") || first.starts_with("ruleset ");
        let text = if whole {
            block
        } else {
            format!("rule example {{\n  for task\n  severity error\n{block}}}\n")
        };
        if let Err(errors) = syntax::parse(&text) {
            panic!(
                "the ```rules block at docs/rule-language.md:{line} does not parse:\n{}",
                render(&text, &errors)
            );
        }
    }
}

/// (line of the opening fence, body) of each ```rules block.
fn rules_blocks(doc: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, line) in doc.lines().enumerate() {
        match open.as_mut() {
            None if line.trim() == "```rules" => open = Some((i + 1, String::new())),
            None => {}
            Some(_) if line.trim() == "```" => blocks.extend(open.take()),
            Some((_, body)) => {
                body.push_str(line);
                body.push('\n');
            }
        }
    }
    blocks
}

/// The text a span covers, checked to lie on character boundaries.
fn spanned(text: &str, span: Span) -> &str {
    text.get(span.range())
        .unwrap_or_else(|| panic!("span {span:?} is not inside the text"))
}

/// The spans of a rule's parts that diagnostics underline.
fn rule_spans(rule: &ast::Rule) -> Vec<(&'static str, Span)> {
    let mut spans = vec![("rule", rule.span), ("severity", rule.severity.span)];
    spans.extend(rule.when.as_ref().map(|w| ("when", w.span)));
    spans.extend(rule.requires.iter().map(|c| ("constraint", c.span)));
    spans.extend(rule.penalty.as_ref().map(|p| ("penalty", p.span)));
    spans
}

/// pest keeps the whitespace and comments it skipped before an absent
/// optional tail in the pair; no span may end in them, or a diagnostic
/// underlines the next line too.
#[test]
fn spans_end_at_their_last_token() {
    let mut paths = fixtures("ok");
    paths.extend(fixtures("spans"));
    for path in paths {
        let (name, text) = read(&path);
        let file =
            syntax::parse(&text).unwrap_or_else(|e| panic!("{name}:\n{}", render(&text, &e)));
        let decls = file.rulesets.iter().flat_map(|s| &s.decls);
        let mut spans: Vec<(&str, Span)> = decls
            .filter_map(|d| match d {
                ast::Decl::Pipeline { span, .. } => Some(("pipeline", *span)),
                ast::Decl::Score(s) => Some(("score", s.span)),
                ast::Decl::Fields { span, .. } => Some(("extra fields", *span)),
                _ => None,
            })
            .collect();
        spans.extend(file.rules.iter().flat_map(rule_spans));
        for (what, span) in spans {
            let covered = spanned(&text, span);
            assert_eq!(
                covered,
                covered.trim_end(),
                "{name}: the {what} span ends in whitespace"
            );
            let last_line = covered.lines().last().unwrap_or("");
            assert!(
                !last_line.trim_start().starts_with('#'),
                "{name}: the {what} span ends in a comment: {covered:?}"
            );
        }
    }
}

#[test]
fn a_constraint_before_a_comment_and_a_blank_line_ends_at_its_last_word() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/syntax/spans/trailing-trivia.rules");
    let text = std::fs::read_to_string(&path).expect("fixture");
    let file = syntax::parse(&text).expect("parses");
    let rule = &file.rules[0];
    let covered: Vec<&str> = rule
        .requires
        .iter()
        .map(|c| spanned(&text, c.span))
        .collect();
    assert_eq!(
        covered,
        ["share of (closed is present) >= 95%", "replied is present"]
    );
    assert_eq!(
        spanned(&text, rule.penalty.as_ref().expect("penalty").span),
        "penalty 1 point"
    );
}

/// What a policy writer sees: `rules check` underlines the per-record
/// constraint of a group rule, and nothing after it.
#[test]
fn rules_check_underlines_the_constraint_only() {
    let out = common::rectify(&[
        "rules",
        "check",
        "tests/fixtures/syntax/spans",
        "--color",
        "never",
    ]);
    let transcript = format!(
        "exit code: {}\n--- stdout\n{}\n--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    insta::assert_snapshot!("rules-check-constraint-span", transcript);
}

#[test]
fn operators_bind_as_documented() {
    let table = [
        ("not a and b or c", "(or (and (not a) b) c)"),
        ("a or b and c", "(or a (and b c))"),
        ("not a = b", "(not (= a b))"),
        ("(a or b) and c", "(and (or a b) c)"),
        ("x + 1 month <= y", "(<= (+ x (1 months)) y)"),
        (
            "deadline-1 month < today",
            "(< (- deadline (1 months)) today)",
        ),
        (
            "assigned + 10 days + 2 weeks is present",
            "(present (+ (+ assigned (10 days)) (2 weeks)))",
        ),
        (
            "x is missing or y in [\"a\", 3, 95%]",
            "(or (missing x) (in y [\"a\" 3 95%]))",
        ),
        (
            "title matches \"^太湖\" and not (a.b > 1)",
            "(and (matches title \"^太湖\") (not (> a.b 1)))",
        ),
        (
            "approved_on <= extended deadline",
            "(<= approved_on extended-deadline)",
        ),
        (
            "original deadline != deadline",
            "(!= original-deadline deadline)",
        ),
        ("extended = false", "(= extended false)"),
        ("plan-b = x-y", "(= plan-b x-y)"),
        ("a = 2024-02-29", "(= a 2024-02-29)"),
    ];
    for (source, expected) in table {
        let text = format!("rule r {{ for task severity error require {source} }}");
        let file =
            syntax::parse(&text).unwrap_or_else(|e| panic!("{source}:\n{}", render(&text, &e)));
        let ast::ConstraintKind::Expr(e) = &file.rules[0].requires[0].kind else {
            panic!("{source} is not an expression constraint")
        };
        assert_eq!(sexp::expr(e), expected, "{source}");
        assert_eq!(&text[e.span.range()], source, "span of {source}");
    }
}

/// Parse never panics, and every error span lies on character boundaries
/// inside the text: checked on every other prefix of every fixture, and with each
/// fixture's characters swapped for troublesome ones.
#[test]
fn no_input_panics_and_spans_stay_inside() {
    let mut texts = Vec::new();
    for path in fixtures("ok").into_iter().chain(fixtures("err")) {
        let (_, text) = read(&path);
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        texts.extend(bounds.iter().step_by(2).map(|&i| text[..i].to_string()));
        for (k, &i) in bounds.iter().enumerate().step_by(11) {
            let next = bounds.get(k + 1).copied().unwrap_or(text.len());
            for junk in ["\"", "\\", "#", "(", "}", "蓝", "-", "%", "\n"] {
                texts.push(format!("{}{junk}{}", &text[..i], &text[next..]));
            }
        }
    }
    for text in &texts {
        if let Err(errors) = syntax::parse(text) {
            assert!(!errors.is_empty());
            for e in errors {
                assert!(
                    e.span.start <= e.span.end && e.span.end as usize <= text.len(),
                    "{e:?} in {text:?}"
                );
                assert!(
                    text.get(e.span.range()).is_some(),
                    "{e:?} not on char boundaries in {text:?}"
                );
                assert!(
                    !e.message.english().contains("kw_") && !e.message.english().contains("Rule"),
                    "internal name in {e:?}"
                );
            }
        }
    }
}

#[test]
fn hostile_nesting_is_refused_not_overflowed() {
    let deep = format!(
        "rule r {{ for task severity error require {}a{} }}",
        "(".repeat(10_000),
        ")".repeat(10_000)
    );
    let errors = syntax::parse(&deep).expect_err("too deep");
    assert_eq!(errors[0].code, "rules::too-deep");
    let long = format!(
        "rule r {{ for task severity error require a{} }}",
        " and a".repeat(10_000)
    );
    let errors = syntax::parse(&long).expect_err("too long");
    assert_eq!(errors[0].code, "rules::too-deep");
    let chain = format!(
        "rule r {{ for task severity error require a{} }}",
        " + 1 day".repeat(10_000)
    );
    let errors = syntax::parse(&chain).expect_err("too long");
    assert_eq!(errors[0].code, "rules::too-deep");
}

#[test]
fn typos_of_keywords_get_a_suggestion() {
    for (text, help) in [
        ("rule a { for task titel \"x\" }", "did you mean `title`?"),
        ("rule a { for task severity eror }", "did you mean `error`?"),
        ("rul a { }", "did you mean `rule`?"),
        (
            "ruleset \"r\" { pipline task: a }",
            "did you mean `pipeline`?",
        ),
    ] {
        let errors = syntax::parse(text).expect_err(text);
        let said = errors[0].help.as_ref().map(|h| h.english());
        assert_eq!(said.as_deref(), Some(help), "{text}");
    }
}
