//! The bridge from pest's errors to [`Diagnostic`]: located at byte offsets of the
//! whole file (never pest's own line/column), worded in the project's style
//! (lowercase, no final period, user input in backticks) and naming grammar
//! rules the way a policy writer knows them, never by their pest names.

use pest::error::{ErrorVariant, InputLocation};

use super::MAX_DEPTH;
use super::parser::Rule;
use crate::diag::{Diagnostic, Join, Message};
use crate::source::Span;

/// `rules::syntax`: the text does not follow the grammar. The span is the
/// offending token (a word, a string, one character), or an empty span at
/// the end of the file.
pub(super) const SYNTAX: &str = "rules::syntax";

/// `rules::too-deep`: brackets nested deeper than [`MAX_DEPTH`] or an
/// expression longer than [`super::MAX_TOKENS`]; refused so that no input
/// can exhaust the stack.
pub(super) const TOO_DEEP: &str = "rules::too-deep";

/// Convert a pest error on `text` into our diagnostic.
pub(super) fn from_pest(err: &pest::error::Error<Rule>, text: &str) -> Diagnostic {
    let pos = match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((a, _)) => a,
    }
    .min(text.len());
    if let Some(error) = unterminated_string(text, pos) {
        return error;
    }
    let (found, span) = token_at(text, pos);
    match &err.variant {
        ErrorVariant::ParsingError {
            positives,
            negatives,
        } => {
            let reserved = negatives.contains(&Rule::reserved);
            let mut expected = expected(positives);
            if expected.is_empty() && reserved {
                expected.push(Message::new("rules-expected-name"));
            }
            let operator = expected.iter().any(|m| m.id() == "rules-expected-operator");
            let at_end = found.id() == "rules-expected-end";
            let message = match (expected.is_empty(), at_end) {
                (false, true) => {
                    Message::new("rules-syntax-unexpected-end").list("expected", Join::Or, expected)
                }
                (false, false) => Message::new("rules-syntax-unexpected")
                    .said("found", found.clone())
                    .list("expected", Join::Or, expected),
                (true, true) => Message::new("rules-syntax-unexpected-end.only"),
                (true, false) => {
                    Message::new("rules-syntax-unexpected-only").said("found", found.clone())
                }
            };
            let error = Diagnostic::error(SYNTAX, span, message);
            let comparison = ["=", "!=", "<", "<=", ">", ">="].contains(&&text[span.range()]);
            if reserved {
                error.with_help(Message::new("rules-syntax-reserved").said("found", found))
            } else if comparison && operator {
                error.with_help("rules-syntax-chained-comparison")
            } else if let Some(word) = did_you_mean(&text[span.range()], positives) {
                error.with_help(crate::diag::did_you_mean(word))
            } else {
                error
            }
        }
        ErrorVariant::CustomError { message } => Diagnostic::error(
            SYNTAX,
            span,
            Message::new("rules-syntax-other").text("reason", message.to_lowercase()),
        ),
    }
}

/// Rules that can start an expression; when pest tried them all, "an
/// expression" says it better than the list.
const EXPRESSION_START: [Rule; 12] = [
    Rule::expr,
    Rule::date,
    Rule::percent,
    Rule::number,
    Rule::string,
    Rule::boolean,
    Rule::date_word,
    Rule::extended,
    Rule::path,
    Rule::ident,
    Rule::paren,
    Rule::lparen,
];

/// The readable names of `rules`, without repeats, what continues the
/// expression just read first.
fn expected(rules: &[Rule]) -> Vec<Message> {
    let in_expression = rules
        .iter()
        .any(|r| matches!(r, Rule::date_word | Rule::extended | Rule::boolean));
    let name = |r: &Rule| {
        if in_expression && EXPRESSION_START.contains(r) {
            Some(Message::new("rules-expected-expression"))
        } else {
            describe(*r)
        }
    };
    let mut names: Vec<Message> = Vec::new();
    for name in rules.iter().filter_map(name) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.sort_by_key(|n| n.id() != "rules-expected-operator");
    names
}

/// How a policy writer would call what `rule` matches; `None` for rules
/// not worth naming.
fn describe(which: Rule) -> Option<Message> {
    use Rule as R;
    let word = |w: &str| Some(Message::new("rules-word").text("word", w));
    let id = match which {
        R::EOI => "rules-expected-end",
        R::COMMENT | R::str_inner | R::reserved => return None,
        // Reported only when nothing at all could be read at the start.
        R::file => "rules-expected-file",
        R::ruleset | R::kw_ruleset => return word("ruleset"),
        R::rule | R::kw_rule => return word("rule"),
        R::decl | R::calendar | R::roll | R::pipeline | R::score | R::extra => {
            "rules-expected-declaration"
        }
        R::item | R::title | R::cite | R::help | R::for_kind | R::when | R::require => {
            "rules-expected-item"
        }
        R::per_group => "rules-expected-item",
        R::group_key => "rules-expected-group-key",
        R::severity | R::penalty | R::reward => "rules-expected-item",
        R::roll_next | R::roll_stay => "rules-expected-roll",
        R::grade => "rules-expected-grade",
        R::grade_title => return word("title"),
        R::lang_tag => "rules-expected-language",
        R::rule_id => "rules-expected-rule-id",
        R::level => "rules-expected-severity",
        R::per_late | R::per_early | R::cap | R::ceiling | R::plus_short => return word(","),
        R::per_short => return word("per"),
        R::short_unit | R::pct_point => "rules-expected-short-unit",
        R::short_dir => "rules-expected-short-dir",
        R::constraint => "rules-expected-constraint",
        R::within | R::by | R::order | R::lasts | R::has_evidence => "rules-expected-constraint",
        R::in_order | R::each => "rules-expected-constraint",
        R::order_op | R::on_or_before | R::on_or_after | R::before | R::after => {
            "rules-expected-order"
        }
        R::dur_expr | R::dur_if | R::duration => "rules-expected-duration",
        R::unit => "rules-expected-unit",
        R::late_unit => "rules-expected-late-unit",
        R::expr | R::paren | R::date_word | R::original_deadline | R::extended_deadline => {
            "rules-expected-expression"
        }
        R::extended | R::boolean | R::path => "rules-expected-expression",
        R::is_present | R::is_missing | R::in_list | R::matches | R::date_add => {
            "rules-expected-operator"
        }
        R::op_and | R::op_or | R::op_le | R::op_ge | R::op_ne | R::op_eq | R::op_lt | R::op_gt => {
            "rules-expected-operator"
        }
        R::op_not => return word("not"),
        R::op_in | R::kw_is | R::kw_matches => "rules-expected-operator",
        R::ident => "rules-expected-name",
        R::string => "rules-expected-string",
        R::date => "rules-expected-date",
        R::percent => "rules-expected-percent",
        R::number => "rules-expected-number",
        R::int => "rules-expected-whole-number",
        R::lbrace => return word("{"),
        R::rbrace => return word("}"),
        R::lparen => return word("("),
        R::rparen => return word(")"),
        R::lbracket => return word("["),
        R::rbracket => return word("]"),
        R::colon => return word(":"),
        R::semicolon => return word(";"),
        R::comma => return word(","),
        R::arrow => return word("->"),
        R::plus => return word("+"),
        R::minus => return word("-"),
        other => return word(keyword(other)?),
    };
    Some(Message::new(id))
}

/// The keyword closest to `found` among those pest tried, if it is close
/// enough to be a typo (`titel` for `title`).
fn did_you_mean(found: &str, tried: &[Rule]) -> Option<&'static str> {
    if !found.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut words: Vec<&'static str> = Vec::new();
    for tried in tried {
        match tried {
            Rule::file => words.extend(["ruleset", "rule"]),
            Rule::item => words.extend([
                "title", "cite", "help", "for", "per", "when", "require", "severity", "penalty",
                "reward",
            ]),
            Rule::decl => words.extend(["calendar", "deadlines", "pipeline", "score", "extra"]),
            Rule::level => words.extend(["error", "warning", "info"]),
            Rule::unit | Rule::late_unit | Rule::duration | Rule::dur_expr => words.extend([
                "day", "days", "workday", "workdays", "week", "weeks", "month", "months", "year",
                "years",
            ]),
            other => words.extend(keyword(*other)),
        }
    }
    // The first of the closest words, if it is within two edits (a word
    // further away in length cannot be, so is not measured).
    let (distance, best) =
        crate::suggest::within(found, words, 2, crate::suggest::Metric::Levenshtein)
            .min_by_key(|&(d, _)| d)?;
    (distance < found.len() && best != found).then_some(best)
}

/// "non-working" for `kw_non_working`: keyword rules are named after the word.
fn keyword(which: Rule) -> Option<&'static str> {
    KEYWORDS
        .iter()
        .find(|(r, _)| *r == which)
        .map(|(_, name)| *name)
}

macro_rules! keywords {
    ($($rule:ident => $word:literal),* $(,)?) => {
        const KEYWORDS: &[(Rule, &str)] = &[$((Rule::$rule, $word)),*];
    };
}

keywords! {
    kw_a => "a", kw_after => "after", kw_assigned => "assigned", kw_at => "at",
    kw_before => "before", kw_below => "below", kw_by => "by", kw_calendar => "calendar",
    kw_cite => "cite", kw_day => "day", kw_days => "days", kw_deadline => "deadline",
    kw_deadlines => "deadlines", kw_each => "each", kw_early => "early", kw_else => "else", kw_error => "error",
    kw_evidence => "evidence", kw_extended => "extended", kw_extra => "extra", kw_fields => "fields", kw_false => "false", kw_fails => "fails", kw_for => "for",
    kw_from => "from", kw_grades => "grades", kw_has => "has", kw_help => "help", kw_if => "if",
    kw_info => "info", kw_is => "is", kw_late => "late", kw_lasts => "lasts", kw_least => "least",
    kw_matches => "matches", kw_missing => "missing", kw_month => "month", kw_months => "months",
    kw_most => "most", kw_move => "move", kw_next => "next", kw_non_working => "non-working",
    kw_not => "not", kw_on => "on", kw_order => "order", kw_original => "original",
    kw_penalty => "penalty", kw_passes => "passes", kw_per => "per", kw_pipeline => "pipeline", kw_plus => "plus",
    kw_point => "point", kw_points => "points", kw_present => "present", kw_require => "require",
    kw_reward => "reward", kw_percentage => "percentage", kw_over => "over", kw_record => "record",
    kw_round => "round", kw_kind => "kind", kw_share => "share",
    kw_count => "count", kw_of => "of",
    kw_score => "score", kw_severity => "severity", kw_stages => "stages", kw_stay => "stay",
    kw_the => "the", kw_then => "then", kw_title => "title", kw_to => "to", kw_today => "today",
    kw_true => "true", kw_unit => "unit", kw_warning => "warning", kw_week => "week",
    kw_weeks => "weeks", kw_when => "when", kw_within => "within", kw_workday => "workday",
    kw_workdays => "workdays", kw_year => "year", kw_years => "years",
}

/// What is at `pos`, for "unexpected …", and its span: a word, a one- or
/// two-character operator, one character, or the end of the file.
fn token_at(text: &str, pos: usize) -> (Message, Span) {
    let Some(rest) = text.get(pos..).filter(|r| !r.is_empty()) else {
        let end = Message::new("rules-expected-end");
        return (end, Span::new(text.len(), text.len()));
    };
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut len = 0;
    for (i, c) in rest.char_indices() {
        let continues =
            is_word(c) || (c == '-' && i > 0 && rest[i + 1..].starts_with(|c: char| is_word(c)));
        if !continues {
            break;
        }
        len = i + c.len_utf8();
    }
    if let Some(close) = rest.strip_prefix('"').and_then(closing_quote) {
        len = close + 2;
    }
    if len == 0 {
        len = ["->", "<=", ">=", "!="]
            .iter()
            .find(|op| rest.starts_with(*op))
            .map_or_else(
                || rest.chars().next().map_or(0, char::len_utf8),
                |op| op.len(),
            );
    }
    let token = &rest[..len];
    let shown = if token.chars().all(char::is_whitespace) {
        Message::new("rules-found-space").text("token", format!("{token:?}"))
    } else {
        Message::new("rules-word").text("word", token)
    };
    (shown, Span::new(pos, pos + len))
}

/// A string opened at `pos` and not closed on its line gets its own message,
/// underlining the string up to the end of the line.
fn unterminated_string(text: &str, pos: usize) -> Option<Diagnostic> {
    let rest = text.get(pos..)?.strip_prefix('"')?;
    if closing_quote(rest).is_some() {
        return None;
    }
    let line = rest.split(['\n', '\r']).next().unwrap_or(rest);
    let span = Span::new(pos, pos + 1 + line.len());
    let error = Diagnostic::error(SYNTAX, span, "rules-syntax-unterminated");
    Some(error.with_help("rules-syntax-unterminated.help"))
}

/// The byte offset of the quote closing a string whose body starts `rest`,
/// if it is closed on its line.
fn closing_quote(rest: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in rest.char_indices() {
        match c {
            '\n' | '\r' => return None,
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some(i),
            _ => {}
        }
    }
    None
}

/// Refuse brackets nested deeper than [`MAX_DEPTH`] before pest sees them:
/// the parser and the lowering recurse once per level.
pub(super) fn too_deep(text: &str) -> Option<Diagnostic> {
    let (mut depth, mut in_string, mut in_comment, mut escaped) = (0usize, false, false, false);
    for (i, c) in text.char_indices() {
        match c {
            '\n' | '\r' => (in_string, in_comment) = (false, false),
            _ if in_comment => {}
            _ if in_string && escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            _ if in_string => {}
            '#' => in_comment = true,
            '(' | '[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    let message =
                        Message::new("rules-too-deep-brackets").int("max", MAX_DEPTH as i64);
                    let error = Diagnostic::error(TOO_DEEP, Span::new(i, i + 1), message);
                    return Some(error.with_help("rules-too-deep.help"));
                }
            }
            ')' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}
