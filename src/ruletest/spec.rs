//! Reading a rule-test file into a [`Suite`].

use jiff::civil::Date;

use crate::diag::{Diagnostic as Error, Message, Severity};
use crate::points::Points;
use crate::source::{Span, clip};
use crate::yaml::{self, Node, Value};

use super::codes;

#[derive(Clone, Debug)]
pub struct Suite {
    /// Compare only these rules' findings (empty: all).
    pub rules: Vec<String>,
    pub cases: Vec<Case>,
}

#[derive(Clone, Debug)]
pub struct Case {
    pub name: String,
    pub span: Span,
    pub as_of: Date,
    /// Inline records: YAML nodes in any record-file form.
    pub records: Vec<Node>,
    /// Record files, relative to the test file.
    pub files: Vec<String>,
    /// Where each of `files` is written in the test file.
    pub files_at: Vec<Span>,
    pub expect: Vec<Expected>,
    pub pending: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Expected {
    pub rule: String,
    /// Empty for a group rule's finding, which names a `unit` instead.
    pub record: String,
    pub unit: Option<String>,
    /// A group rule's group by its other fields (`group: { region: … }`),
    /// each compared by its key as a unit name is.
    pub group: Vec<(String, String)>,
    pub severity: Option<Severity>,
    pub penalty: Option<Points>,
    pub due: Option<Date>,
    pub late_days: Option<i64>,
    pub late_workdays: Option<i64>,
    /// A commendation's points and how early its deadline was met.
    pub reward: Option<Points>,
    pub early_days: Option<i64>,
    pub early_workdays: Option<i64>,
    pub waived: Option<bool>,
}

/// Parse a test file; every problem is reported, not only the first.
pub fn parse(text: &str) -> Result<Suite, Vec<Error>> {
    let (docs, error) = yaml::parse(text, &yaml::Limits::default());
    if let Some(e) = error {
        return Err(vec![e]);
    }
    let mut r = Reader { errors: Vec::new() };
    let suite = match docs.first() {
        Some(root) => r.suite(root),
        None => {
            r.error(codes::EMPTY_FILE, Span::default(), "test-empty-file");
            None
        }
    };
    match suite {
        Some(suite) if r.errors.is_empty() => Ok(suite),
        _ => Err(r.errors),
    }
}

struct Reader {
    errors: Vec<Error>,
}

fn entries(node: &Node) -> Option<&[(Node, Node)]> {
    match &node.value {
        Value::Map(entries) => Some(entries),
        _ => None,
    }
}

fn key(k: &Node) -> &str {
    match &k.value {
        Value::Str { text, .. } => text,
        _ => "",
    }
}

impl Reader {
    fn error(&mut self, code: &'static str, span: Span, message: impl Into<Message>) {
        self.errors.push(Error::error(code, span, message));
    }

    /// A value of the wrong type or form.
    fn bad(&mut self, span: Span, id: &'static str) {
        self.error(codes::BAD_VALUE, span, id);
    }

    /// An unknown key, where `id` says which keys the mapping takes.
    fn unknown(&mut self, k: &Node, id: &'static str) {
        let message = Message::new(id).text("key", clip(key(k)));
        self.error(codes::UNKNOWN_KEY, k.span, message);
    }

    fn suite(&mut self, root: &Node) -> Option<Suite> {
        let Some(map) = entries(root) else {
            self.bad(root.span, "test-not-a-mapping");
            return None;
        };
        let (mut rules, mut as_of, mut cases) = (Vec::new(), None, None);
        for (k, v) in map {
            match key(k) {
                "rules" => rules = self.strings(v),
                "as_of" => as_of = self.date(v),
                "cases" => cases = Some(v),
                _ => self.unknown(k, "test-unknown-key"),
            }
        }
        let Some(cases) = cases else {
            self.error(codes::MISSING_FIELD, root.span, "test-no-cases");
            return None;
        };
        let Value::Seq(items) = &cases.value else {
            self.bad(cases.span, "test-cases-not-a-list");
            return None;
        };
        let cases = items.iter().filter_map(|c| self.case(c, as_of)).collect();
        Some(Suite { rules, cases })
    }

    fn case(&mut self, node: &Node, default_as_of: Option<Date>) -> Option<Case> {
        let Some(map) = entries(node) else {
            self.bad(node.span, "test-case-not-a-mapping");
            return None;
        };
        let mut case = Case {
            name: String::new(),
            span: node.span,
            as_of: default_as_of.unwrap_or(Date::constant(2000, 1, 1)),
            records: Vec::new(),
            files: Vec::new(),
            files_at: Vec::new(),
            expect: Vec::new(),
            pending: None,
        };
        let (mut has_as_of, mut has_expect) = (default_as_of.is_some(), false);
        for (k, v) in map {
            match key(k) {
                "name" => case.name = self.string(v).unwrap_or_default(),
                "as_of" => {
                    has_as_of = true;
                    case.as_of = self.date(v)?;
                }
                "records" => case.records.push(v.clone()),
                "files" => {
                    case.files = self.strings(v);
                    if let Value::Seq(items) = &v.value {
                        case.files_at = items.iter().map(|i| i.span).collect();
                    }
                }
                "expect" => {
                    has_expect = true;
                    case.expect = self.expect(v);
                }
                "pending" => case.pending = self.int(v).map(|n| n as usize),
                _ => self.unknown(k, "test-unknown-case-key"),
            }
        }
        if !has_as_of {
            self.error(codes::MISSING_FIELD, node.span, "test-case-no-as-of");
        }
        if !has_expect {
            self.error(codes::MISSING_FIELD, node.span, "test-case-no-expect");
        }
        Some(case)
    }

    fn expect(&mut self, v: &Node) -> Vec<Expected> {
        match &v.value {
            Value::Str { text, .. } if text == "none" => Vec::new(),
            Value::Seq(items) => items.iter().filter_map(|i| self.expected(i)).collect(),
            _ => {
                self.bad(v.span, "test-expect-not-a-list");
                Vec::new()
            }
        }
    }

    fn expected(&mut self, node: &Node) -> Option<Expected> {
        let Some(map) = entries(node) else {
            self.bad(node.span, "test-expected-not-a-mapping");
            return None;
        };
        let mut e = Expected::default();
        for (k, v) in map {
            match key(k) {
                "rule" => e.rule = self.string(v).unwrap_or_default(),
                "record" => e.record = self.string(v).unwrap_or_default(),
                "unit" => e.unit = self.string(v),
                "group" => e.group = self.group(v),
                "severity" => e.severity = self.severity(v),
                "penalty" => e.penalty = self.points(v),
                "due" => e.due = self.date(v),
                "late_days" => e.late_days = self.int(v),
                "late_workdays" => e.late_workdays = self.int(v),
                "reward" => e.reward = self.points(v),
                "early_days" => e.early_days = self.int(v),
                "early_workdays" => e.early_workdays = self.int(v),
                "waived" => e.waived = self.boolean(v),
                _ => self.unknown(k, "test-unknown-expected-key"),
            }
        }
        if e.rule.is_empty() || (e.record.is_empty() && e.unit.is_none() && e.group.is_empty()) {
            self.error(codes::MISSING_FIELD, node.span, "test-expected-incomplete");
            return None;
        }
        Some(e)
    }

    /// `group: { region: Jiangsu/Wuxi, round: r1 }`: fields and values.
    fn group(&mut self, v: &Node) -> Vec<(String, String)> {
        let Value::Map(entries) = &v.value else {
            self.bad(v.span, "test-group-not-a-mapping");
            return Vec::new();
        };
        entries
            .iter()
            .filter_map(|(k, v)| Some((key(k).to_string(), self.string(v)?)))
            .collect()
    }

    fn string(&mut self, v: &Node) -> Option<String> {
        match &v.value {
            Value::Str { text, .. } => Some(text.clone()),
            _ => {
                self.bad(v.span, "test-expected-text");
                None
            }
        }
    }

    fn strings(&mut self, v: &Node) -> Vec<String> {
        match &v.value {
            Value::Seq(items) => items.iter().filter_map(|i| self.string(i)).collect(),
            _ => {
                self.bad(v.span, "test-expected-list");
                Vec::new()
            }
        }
    }

    fn date(&mut self, v: &Node) -> Option<Date> {
        let parsed = match &v.value {
            Value::Str { text, .. } if text.len() == 10 => text.parse::<Date>().ok(),
            _ => None,
        };
        if parsed.is_none() {
            self.bad(v.span, "test-expected-date");
        }
        parsed
    }

    fn int(&mut self, v: &Node) -> Option<i64> {
        match v.value {
            Value::Int(n) => Some(n),
            _ => {
                self.bad(v.span, "test-expected-number");
                None
            }
        }
    }

    fn boolean(&mut self, v: &Node) -> Option<bool> {
        match v.value {
            Value::Bool(b) => Some(b),
            _ => {
                self.bad(v.span, "test-expected-boolean");
                None
            }
        }
    }

    fn points(&mut self, v: &Node) -> Option<Points> {
        let text = match &v.value {
            Value::Int(n) => n.to_string(),
            Value::Float(_) | Value::Str { .. } => v_text(v),
            _ => String::new(),
        };
        let p = Points::parse(&text);
        if p.is_none() {
            self.bad(v.span, "test-expected-points");
        }
        p
    }

    fn severity(&mut self, v: &Node) -> Option<Severity> {
        match &v.value {
            Value::Str { text, .. } => match text.as_str() {
                "error" => Some(Severity::Error),
                "warning" => Some(Severity::Warning),
                "info" => Some(Severity::Info),
                "commendation" => Some(Severity::Commendation),
                _ => {
                    self.bad(v.span, "test-expected-severity");
                    None
                }
            },
            _ => {
                self.bad(v.span, "test-expected-severity");
                None
            }
        }
    }
}

/// A float's text as written is not kept by the YAML layer; print it with
/// at most two decimals so `1.4` reads back as `1.4`.
fn v_text(v: &Node) -> String {
    match &v.value {
        Value::Float(f) if ((f * 100.0).round() - f * 100.0).abs() < 1e-6 => {
            let s = format!("{f:.2}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
        Value::Str { text, .. } => text.clone(),
        _ => String::new(),
    }
}
