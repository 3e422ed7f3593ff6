//! The YAML layer: values, byte spans (ASCII and Chinese), documents,
//! aliases and every limit.

use rectify::yaml::{self, Limits, Node, Value};

fn parse(text: &str) -> Vec<Node> {
    let (docs, error) = yaml::parse(text, &Limits::default());
    assert_eq!(error, None, "unexpected error in {text:?}");
    docs
}

fn error(text: &str, limits: &Limits) -> (Vec<Node>, rectify::diag::Diagnostic) {
    let (docs, error) = yaml::parse(text, limits);
    (docs, error.expect("an error"))
}

fn entries(node: &Node) -> &[(Node, Node)] {
    match &node.value {
        Value::Map(entries) => entries,
        other => panic!("not a mapping: {other:?}"),
    }
}

fn items(node: &Node) -> &[Node] {
    match &node.value {
        Value::Seq(items) => items,
        other => panic!("not a sequence: {other:?}"),
    }
}

/// The source text under `node`.
fn src<'a>(text: &'a str, node: &Node) -> &'a str {
    &text[node.span.range()]
}

fn str_value(text: &str, plain: bool) -> Value {
    Value::Str {
        text: text.to_owned(),
        plain,
    }
}

#[test]
fn spans_of_keys_and_values_on_ascii_lines() {
    let text = "id: JS-07   # note\nresponsible:\n  unit: Wuxi\n  lead: \"Bureau\"  # c\nlist:\n  - a\n  - 'b'\n";
    let docs = parse(text);
    let root = entries(&docs[0]);
    assert_eq!(src(text, &root[0].0), "id");
    assert_eq!(src(text, &root[0].1), "JS-07");
    assert_eq!(src(text, &root[1].1), "unit: Wuxi\n  lead: \"Bureau\"");
    let responsible = entries(&root[1].1);
    assert_eq!(src(text, &responsible[1].1), "\"Bureau\"");
    assert_eq!(responsible[1].1.value, str_value("Bureau", false));
    assert_eq!(src(text, &root[2].1), "- a\n  - 'b'");
    assert_eq!(src(text, &items(&root[2].1)[1]), "'b'");
    assert_eq!(src(text, &docs[0]), &text[..text.len() - 1]);
}

#[test]
fn spans_on_chinese_lines() {
    let text = "title: 太湖蓝藻打捞与清淤\nnote: \"整改\" # 备注\nstages: {计划: 2022-06-28, 验收: [报告.pdf]}\n";
    let docs = parse(text);
    let root = entries(&docs[0]);
    assert_eq!(src(text, &root[0].1), "太湖蓝藻打捞与清淤");
    assert_eq!(src(text, &root[1].0), "note");
    assert_eq!(src(text, &root[1].1), "\"整改\"");
    assert_eq!(
        src(text, &root[2].1),
        "{计划: 2022-06-28, 验收: [报告.pdf]}"
    );
    let stages = entries(&root[2].1);
    assert_eq!(src(text, &stages[0].0), "计划");
    assert_eq!(src(text, &stages[0].1), "2022-06-28");
    assert_eq!(src(text, &stages[1].1), "[报告.pdf]");
    assert_eq!(src(text, &items(&stages[1].1)[0]), "报告.pdf");
}

#[test]
fn block_scalars_and_properties_are_not_in_spans() {
    let text = "a: |\n  整改\n  line\n\nb: &x !!str 5\nc: *x\n";
    let docs = parse(text);
    let root = entries(&docs[0]);
    assert_eq!(src(text, &root[0].1), "整改\n  line");
    assert_eq!(root[0].1.value, str_value("整改\nline\n", false));
    assert_eq!(src(text, &root[1].1), "5");
    assert_eq!(root[1].1.value, str_value("5", false));
    assert_eq!(src(text, &root[2].1), "*x");
    assert_eq!(root[2].1.value, str_value("5", false));
}

#[test]
fn plain_scalars_follow_the_core_schema() {
    let text = "[~, null, '', true, False, 12, -3, 0x1F, 0o17, 1.5, .5, 1e3, -.inf, .NaN, 2023-02-30, '12', 99999999999999999999, yes]";
    let docs = parse(text);
    let values: Vec<&Value> = items(&docs[0]).iter().map(|n| &n.value).collect();
    assert_eq!(values[0..2], [&Value::Null, &Value::Null]);
    assert_eq!(values[2], &str_value("", false));
    assert_eq!(values[3..5], [&Value::Bool(true), &Value::Bool(false)]);
    assert_eq!(
        values[5..9],
        [
            &Value::Int(12),
            &Value::Int(-3),
            &Value::Int(31),
            &Value::Int(15)
        ]
    );
    assert_eq!(
        values[9..12],
        [
            &Value::Float(1.5),
            &Value::Float(0.5),
            &Value::Float(1000.0)
        ]
    );
    assert_eq!(values[12], &Value::Float(f64::NEG_INFINITY));
    assert!(matches!(values[13], Value::Float(f) if f.is_nan()));
    assert_eq!(values[14], &str_value("2023-02-30", true));
    assert_eq!(values[15], &str_value("12", false));
    assert_eq!(values[16], &Value::Float(1e20));
    assert_eq!(values[17], &str_value("yes", true));
}

#[test]
fn empty_values_are_null() {
    let docs = parse("a:\nb: 1\n");
    assert_eq!(entries(&docs[0])[0].1.value, Value::Null);
}

#[test]
fn duplicate_keys_are_kept_in_order() {
    let text = "a: 1\na: 2\n";
    let docs = parse(text);
    let root = entries(&docs[0]);
    assert_eq!(root.len(), 2);
    assert_eq!(src(text, &root[1].0), "a");
    assert_eq!(root[1].0.span.start, 5);
}

#[test]
fn several_documents() {
    let text = "a: 1\n---\n- 甲\n- 乙\n---\nb: 2\n...\n";
    let docs = parse(text);
    assert_eq!(docs.len(), 3);
    assert_eq!(src(text, &docs[1]), "- 甲\n- 乙");
    assert_eq!(src(text, &entries(&docs[2])[0].1), "2");
}

#[test]
fn empty_text_has_no_documents() {
    assert!(parse("").is_empty());
    assert!(parse("# only a comment\n").is_empty());
}

#[test]
fn aliases_clone_the_anchored_node() {
    let text = "base: &b {unit: Wuxi, 单位: 无锡}\ncopy: *b\n";
    let docs = parse(text);
    let root = entries(&docs[0]);
    assert_eq!(root[1].1.value, root[0].1.value);
    assert_eq!(src(text, &root[1].1), "*b");
}

#[test]
fn unknown_alias_is_a_syntax_error() {
    let text = "a: 1\n---\n- *nope\n";
    let (docs, e) = error(text, &Limits::default());
    assert_eq!(docs.len(), 1);
    assert_eq!(e.code, "yaml::syntax");
    assert_eq!(&text[e.span.range()], "*");
}

#[test]
fn billion_laughs_hits_the_alias_limit() {
    let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let refs = vec![format!("*{}", pair[0]); 10].join(", ");
        text.push_str(&format!("{0}: &{0} [{refs}]\n", pair[1]));
    }
    let (docs, e) = error(&text, &Limits::default());
    assert!(docs.is_empty());
    assert_eq!(e.code, "yaml::alias-limit");
    assert_eq!(
        e.message.english(),
        "aliases expand to more than 10000 nodes"
    );
    assert!(text[e.span.range()].starts_with('*'));
}

#[test]
fn deep_flow_nesting_is_an_error_not_a_crash() {
    let text = "[".repeat(100_000);
    let (_, e) = error(&text, &Limits::default());
    assert_eq!(e.code, "yaml::too-deep");
    assert_eq!(e.message.english(), "nesting is deeper than 64 levels");
}

#[test]
fn deep_block_nesting_is_an_error_not_a_crash() {
    let text: String = (0..2_000)
        .map(|i| format!("{}- ", " ".repeat(i * 2)))
        .collect::<Vec<_>>()
        .join("\n");
    let limits = Limits {
        max_depth: 1_000,
        ..Limits::default()
    };
    let (_, e) = error(&text, &limits);
    assert_eq!(e.code, "yaml::too-deep");
}

#[test]
fn flow_nesting_within_the_scanner_limit_hits_ours() {
    let text = format!("{}{}", "[".repeat(100), "]".repeat(100));
    let (_, e) = error(&text, &Limits::default());
    assert_eq!(e.code, "yaml::too-deep");
    assert_eq!(e.span.start, 64);
}

#[test]
fn aliases_count_towards_depth() {
    let limits = Limits {
        max_depth: 3,
        ..Limits::default()
    };
    let (_, e) = error("a: &a [[1]]\nb: [*a]\n", &limits);
    assert_eq!(e.code, "yaml::too-deep");
}

#[test]
fn syntax_error_points_at_the_character() {
    let text = "title: 太湖\nid: [1, 2\n";
    let (docs, e) = error(text, &Limits::default());
    assert!(docs.is_empty());
    assert_eq!(e.code, "yaml::syntax");
    assert_eq!(
        e.message.english(),
        "while parsing a flow sequence, expected ',' or ']'"
    );
    assert_eq!(e.span.start as usize, text.len());
}

#[test]
fn syntax_error_span_is_one_character_on_chinese_text() {
    let text = "title: 太湖\n标题: 蓝藻: x\n";
    let (_, e) = error(text, &Limits::default());
    assert_eq!(
        e.message.english(),
        "mapping values are not allowed in this context"
    );
    assert_eq!(&text[e.span.range()], ":");
    assert_eq!(Some(e.span.start as usize), text.rfind(':'));
}

#[test]
fn documents_before_an_error_are_kept() {
    let (docs, e) = error("a: 1\n---\nb: \"open\n", &Limits::default());
    assert_eq!(docs.len(), 1);
    assert_eq!(e.code, "yaml::syntax");
}
