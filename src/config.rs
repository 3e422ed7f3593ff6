//! Project configuration: `rectify.toml`, parsed and validated.
//!
//! ```toml
//! records = ["ledgers"]            # paths or globs, relative to this file
//! exclude = ["ledgers/drafts"]     # globs, as in .gitignore
//! rules = ["rules"]                # rule files or folders
//! fail-on = "warning"
//! as-of = 2025-06-30
//!
//! [waivers]
//! files = ["waivers.yaml"]
//! inline = "deny"
//! approvers = ["Jiangsu Provincial Leading Group"]
//! max-days = 180
//!
//! [units]
//! "苏州市人民政府" = ["苏州市政府", "Suzhou Municipal Government"]
//! ```
//!
//! Every key and value keeps its byte span in the file, so an unknown key
//! or a value of the wrong type is a [`Diagnostic`] located in the file, with a
//! "did you mean" for a misspelt key; all of them are collected, not only
//! the first.
//!
//! Owns: the file's keys, their types and their meaning as settings. Must
//! not: find the file, read it, or apply it (that is `cli`, which also
//! decides what a command-line flag overrides).

use std::borrow::Cow;

use jiff::civil::Date;
use toml::Spanned as TomlSpanned;
use toml::de::{DeArray, DeTable, DeValue};

use crate::diag::{Diagnostic, Join, Message};
use crate::i18n::Lang;
use crate::source::{Span, Spanned};
use crate::units::{UnitDecl, UnitRegistry};

/// The file name looked for in the working folder and its ancestors.
pub const FILE_NAME: &str = "rectify.toml";

/// The values `fail-on` may take.
pub const FAIL_ON: &[&str] = &["error", "warning", "info", "never"];
/// The values `format` may take.
pub const FORMATS: &[&str] = &[
    "human", "plain", "concise", "json", "sarif", "junit", "github", "markdown",
];
/// The largest `jobs` accepted.
pub const MAX_JOBS: u64 = 1024;
/// The largest `due-within` accepted, in days (a hundred years).
pub const MAX_DUE_WITHIN: u64 = 36_500;

/// The settings of one `rectify.toml`. A setting the file leaves out is
/// `None`; each present one keeps the span of its value, so `rectify
/// config` can say on which line it was set. Paths are as written, relative
/// to the file's folder.
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub records: Option<Spanned<Vec<String>>>,
    pub exclude: Option<Spanned<Vec<String>>>,
    pub rules: Option<Spanned<Vec<String>>>,
    /// Waiver files (`waivers = [..]`, or `files` in `[waivers]`).
    pub waivers: Option<Spanned<Vec<String>>>,
    /// One of [`FAIL_ON`].
    pub fail_on: Option<Spanned<String>>,
    /// One of [`FORMATS`].
    pub format: Option<Spanned<String>>,
    /// The language of the words (`en`, `zh-CN`, or another name of them).
    pub lang: Option<Spanned<Lang>>,
    pub as_of: Option<Spanned<Date>>,
    pub due_within: Option<Spanned<u32>>,
    pub jobs: Option<Spanned<u32>>,
    pub max_file_size: Option<Spanned<u64>>,
    /// Honour `.gitignore` and `.ignore` files (default true).
    pub respect_gitignore: Option<Spanned<bool>>,
    /// Skip explicit files outside `records` or inside `exclude`.
    pub force_exclude: Option<Spanned<bool>>,
    /// `[units]`; the span is the table's.
    pub units: Option<Spanned<UnitRegistry>>,
    /// `inline`, `approvers`, `max-days` of `[waivers]`; the span is the table's.
    pub waiver_authority: Option<Spanned<WaiverAuthority>>,
}

/// Whether waivers written in a record itself are accepted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InlineWaivers {
    #[default]
    Allow,
    /// Inline waivers are errors that waive nothing (`waivers.inline = "deny"`).
    Deny,
}

/// Who may waive what, and for how long (`[waivers]` in `rectify.toml`).
/// The default accepts every well-formed waiver.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WaiverAuthority {
    pub inline: InlineWaivers,
    /// The only names `approved_by` may carry; empty: any name.
    pub approvers: Vec<String>,
    /// The longest allowed `until` after the evaluation date, in days.
    pub max_days: Option<u32>,
}

/// The top-level keys, in the order `rectify config` lists them.
pub const KEYS: &[&str] = &[
    "records",
    "exclude",
    "rules",
    "waivers",
    "fail-on",
    "format",
    "lang",
    "as-of",
    "due-within",
    "jobs",
    "max-file-size",
    "respect-gitignore",
    "force-exclude",
    "units",
];
const WAIVER_KEYS: &[&str] = &["files", "inline", "approvers", "max-days"];

/// Parse and validate the text of a `rectify.toml`: the settings, or every
/// problem found.
pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
    let table = match DeTable::parse(text) {
        Ok(table) => table.into_inner(),
        Err(e) => return Err(vec![syntax_error(&e, text)]),
    };
    let mut parser = Parser::default();
    for (key, value) in sorted(&table) {
        parser.top(key, value);
    }
    if parser.errors.is_empty() {
        Ok(parser.config)
    } else {
        parser.errors.sort_by_key(|e| e.span.start);
        Err(parser.errors)
    }
}

fn syntax_error(e: &toml::de::Error, text: &str) -> Diagnostic {
    let span = e.span().map_or(Span::new(text.len(), text.len()), |r| {
        Span::new(r.start, r.end)
    });
    let first = e.message().lines().next().unwrap_or("invalid TOML").trim();
    // The TOML parser's own words, as the argument of rectify's.
    let reason = lowercase_first(first.trim_end_matches('.'));
    Diagnostic::error(
        "config::syntax",
        span,
        Message::new("config-syntax").text("reason", reason),
    )
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A table's entries in the order they are written.
fn sorted<'a, 'i>(
    table: &'a DeTable<'i>,
) -> Vec<(&'a TomlSpanned<Cow<'i, str>>, &'a TomlSpanned<DeValue<'i>>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    entries
}

fn span_of<T>(s: &TomlSpanned<T>) -> Span {
    let r = s.span();
    Span::new(r.start, r.end)
}

#[derive(Default)]
struct Parser {
    config: Config,
    errors: Vec<Diagnostic>,
}

impl Parser {
    fn error(&mut self, code: &'static str, message: Message, span: Span, help: Option<Message>) {
        let mut e = Diagnostic::error(code, span, message);
        e.help = help;
        self.errors.push(e);
    }

    /// A value of the wrong type or out of range.
    fn invalid(&mut self, key: &str, expected: Expected<'_>, value: &TomlSpanned<DeValue<'_>>) {
        let message = expected.said(Message::new("config-invalid-value").text("key", key));
        self.error(
            "config::invalid-value",
            describe(message, value.get_ref()),
            span_of(value),
            None,
        );
    }

    fn top(&mut self, key: &TomlSpanned<Cow<'_, str>>, value: &TomlSpanned<DeValue<'_>>) {
        let name = key.get_ref().as_ref();
        let span = span_of(value);
        match name {
            "records" => self.config.records = self.paths(name, value),
            "exclude" => self.config.exclude = self.paths(name, value),
            "rules" => self.config.rules = self.paths(name, value),
            "waivers" => match value.get_ref() {
                DeValue::Table(table) => self.waivers(table, span),
                _ => self.config.waivers = self.paths(name, value),
            },
            "fail-on" => self.config.fail_on = self.choice(name, FAIL_ON, value),
            "format" => self.config.format = self.choice(name, FORMATS, value),
            "lang" => self.config.lang = self.lang(name, value),
            "as-of" => self.config.as_of = self.date(name, value),
            "due-within" => {
                let n = self.integer(name, 0, MAX_DUE_WITHIN, value);
                self.config.due_within = n.map(|n| Spanned::new(n as u32, span));
            }
            "jobs" => {
                let n = self.integer(name, 1, MAX_JOBS, value);
                self.config.jobs = n.map(|n| Spanned::new(n as u32, span));
            }
            "max-file-size" => {
                let n = self.integer(name, 1, i64::MAX as u64, value);
                self.config.max_file_size = n.map(|n| Spanned::new(n, span));
            }
            "respect-gitignore" => self.config.respect_gitignore = self.boolean(name, value),
            "force-exclude" => self.config.force_exclude = self.boolean(name, value),
            "units" => match value.get_ref() {
                DeValue::Table(table) => self.units(table, span),
                _ => self.invalid(name, Expected::Units, value),
            },
            _ => self.unknown(key, KEYS, None),
        }
    }

    fn unknown(&mut self, key: &TomlSpanned<Cow<'_, str>>, known: &[&str], table: Option<&str>) {
        let name = key.get_ref().as_ref();
        let what = Message::new("config-unknown-key")
            .text("key", name)
            .text("in-table", if table.is_some() { "yes" } else { "no" })
            .text("table", table.unwrap_or_default());
        let help = match crate::suggest::did_you_mean(name, known.iter().copied()) {
            Some(close) => crate::diag::did_you_mean(close),
            None => Message::new("config-unknown-key.help").names("keys", Join::Plain, known),
        };
        self.error("config::unknown-key", what, span_of(key), Some(help));
    }

    /// A string or an array of strings, none empty.
    fn paths(
        &mut self,
        key: &str,
        value: &TomlSpanned<DeValue<'_>>,
    ) -> Option<Spanned<Vec<String>>> {
        let items: Vec<&TomlSpanned<DeValue<'_>>> = match value.get_ref() {
            DeValue::String(_) => vec![value],
            DeValue::Array(items) => items.iter().collect(),
            _ => {
                self.invalid(key, Expected::Paths, value);
                return None;
            }
        };
        let mut out = Vec::new();
        for item in items {
            match item.get_ref() {
                DeValue::String(s) if !s.trim().is_empty() => {
                    self.glob(key, s, item);
                    out.push(s.to_string());
                }
                _ => {
                    self.invalid(key, Expected::Path, item);
                    return None;
                }
            }
        }
        Some(Spanned::new(out, span_of(value)))
    }

    /// `records` and `exclude` entries are globs (gitignore syntax): one
    /// that does not compile is an error at the entry.
    fn glob(&mut self, key: &str, text: &str, item: &TomlSpanned<DeValue<'_>>) {
        if key != "records" && key != "exclude" {
            return;
        }
        let mut builder = ignore::overrides::OverrideBuilder::new("");
        if let Err(e) = builder.add(text) {
            let reason = e.to_string();
            let reason = reason.rsplit(": ").next().unwrap_or(&reason).to_string();
            let message = Message::new("config-invalid-glob")
                .text("text", text)
                .text("key", key)
                .text("reason", reason);
            self.error("config::invalid-glob", message, span_of(item), None);
        }
    }

    /// A language rectify has a catalogue for, by any of its names.
    fn lang(&mut self, key: &str, value: &TomlSpanned<DeValue<'_>>) -> Option<Spanned<Lang>> {
        let names: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        let lang = match value.get_ref() {
            DeValue::String(s) => Lang::parse(s),
            _ => None,
        };
        match lang {
            Some(lang) => Some(Spanned::new(lang, span_of(value))),
            None => {
                self.choice(key, &names, value);
                None
            }
        }
    }

    fn choice(
        &mut self,
        key: &str,
        allowed: &[&str],
        value: &TomlSpanned<DeValue<'_>>,
    ) -> Option<Spanned<String>> {
        let expected = Expected::OneOf(allowed);
        match value.get_ref() {
            DeValue::String(s) if allowed.contains(&s.as_ref()) => {
                Some(Spanned::new(s.to_string(), span_of(value)))
            }
            DeValue::String(s) => {
                let help = crate::suggest::did_you_mean(s, allowed.iter().copied())
                    .map(crate::diag::did_you_mean);
                let message = expected
                    .said(Message::new("config-invalid-value").text("key", key))
                    .text("found", "value")
                    .text("value", s.as_ref());
                self.error("config::invalid-value", message, span_of(value), help);
                None
            }
            _ => {
                self.invalid(key, expected, value);
                None
            }
        }
    }

    fn integer(
        &mut self,
        key: &str,
        min: u64,
        max: u64,
        value: &TomlSpanned<DeValue<'_>>,
    ) -> Option<u64> {
        let expected = Expected::Whole(min, max);
        let n = match value.get_ref() {
            DeValue::Integer(i) => {
                let digits: String = i.as_str().chars().filter(|c| *c != '_').collect();
                u64::from_str_radix(&digits, i.radix()).ok()
            }
            _ => None,
        };
        match n {
            Some(n) if (min..=max).contains(&n) => Some(n),
            _ => {
                self.invalid(key, expected, value);
                None
            }
        }
    }

    fn boolean(&mut self, key: &str, value: &TomlSpanned<DeValue<'_>>) -> Option<Spanned<bool>> {
        match value.get_ref() {
            DeValue::Boolean(b) => Some(Spanned::new(*b, span_of(value))),
            _ => {
                self.invalid(key, Expected::Boolean, value);
                None
            }
        }
    }

    /// A TOML date (`2025-06-30`) or a string holding one.
    fn date(&mut self, key: &str, value: &TomlSpanned<DeValue<'_>>) -> Option<Spanned<Date>> {
        let date = match value.get_ref() {
            DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt
                .date
                .and_then(|d| Date::new(d.year as i16, d.month as i8, d.day as i8).ok()),
            DeValue::String(s) if s.len() == 10 => Date::strptime("%Y-%m-%d", s.as_ref()).ok(),
            _ => None,
        };
        if date.is_none() {
            self.invalid(key, Expected::Date, value);
        }
        date.map(|d| Spanned::new(d, span_of(value)))
    }

    /// `[waivers]`: the files and the authority.
    fn waivers(&mut self, table: &DeTable<'_>, span: Span) {
        let mut authority = WaiverAuthority::default();
        for (key, value) in sorted(table) {
            match key.get_ref().as_ref() {
                "files" => self.config.waivers = self.paths("waivers.files", value),
                "inline" => {
                    let choice = self.choice("waivers.inline", &["allow", "deny"], value);
                    if let Some(choice) = choice {
                        authority.inline = if choice.value == "deny" {
                            InlineWaivers::Deny
                        } else {
                            InlineWaivers::Allow
                        };
                    }
                }
                "approvers" => authority.approvers = self.names("waivers.approvers", value),
                "max-days" => {
                    let n = self.integer("waivers.max-days", 0, MAX_DUE_WITHIN, value);
                    authority.max_days = n.map(|n| n as u32);
                }
                _ => self.unknown(key, WAIVER_KEYS, Some("waivers")),
            }
        }
        self.config.waiver_authority = Some(Spanned::new(authority, span));
    }

    /// An array of non-empty names, each once.
    fn names(&mut self, key: &str, value: &TomlSpanned<DeValue<'_>>) -> Vec<String> {
        let Some(items) = value.get_ref().as_array() else {
            self.invalid(key, Expected::Names, value);
            return Vec::new();
        };
        let mut seen: Vec<(String, Span)> = Vec::new();
        for item in items.iter() {
            let Some(name) = self.name(key, item) else {
                continue;
            };
            if let Some((_, first)) = seen.iter().find(|(n, _)| *n == name) {
                let first = *first;
                let message = Message::new("config-duplicate-name")
                    .text("name", name.as_str())
                    .text("key", key);
                let mut e = Diagnostic::error("config::duplicate-name", span_of(item), message);
                e.related = vec![(0, first, "config-duplicate-name.first".into())];
                self.errors.push(e);
                continue;
            }
            seen.push((name, span_of(item)));
        }
        seen.into_iter().map(|(n, _)| n).collect()
    }

    /// A non-empty string (after trimming).
    fn name(&mut self, key: &str, value: &TomlSpanned<DeValue<'_>>) -> Option<String> {
        match value.get_ref() {
            DeValue::String(s) if !s.trim().is_empty() => Some(s.to_string()),
            _ => {
                self.invalid(key, Expected::Name, value);
                None
            }
        }
    }

    /// `[units]`: canonical name = [aliases]; every name belongs to one unit.
    fn units(&mut self, table: &DeTable<'_>, span: Span) {
        let mut registry = UnitRegistry::default();
        let mut seen: Vec<(String, Span)> = Vec::new();
        for (key, value) in sorted(table) {
            let canonical = key.get_ref().to_string();
            if canonical.trim().is_empty() {
                self.error(
                    "config::invalid-value",
                    "config-invalid-value-empty-unit".into(),
                    span_of(key),
                    None,
                );
                continue;
            }
            let aliases = match value.get_ref() {
                DeValue::Array(items) => self.aliases(&canonical, items),
                _ => {
                    let what = format!("units.\"{canonical}\"");
                    self.invalid(&what, Expected::Aliases, value);
                    continue;
                }
            };
            let names = std::iter::once((canonical.clone(), span_of(key))).chain(aliases.clone());
            for (name, at) in names {
                self.once(&mut seen, name, at);
            }
            registry.units.push(UnitDecl {
                canonical,
                aliases: aliases.into_iter().map(|(n, _)| n).collect(),
            });
        }
        self.config.units = Some(Spanned::new(registry, span));
    }

    fn aliases(&mut self, canonical: &str, items: &DeArray<'_>) -> Vec<(String, Span)> {
        let key = format!("units.\"{canonical}\"");
        items
            .iter()
            .filter_map(|item| self.name(&key, item).map(|n| (n, span_of(item))))
            .collect()
    }

    /// A unit name given twice (as a canonical name or an alias) is an error:
    /// it would make one spelling stand for two units.
    fn once(&mut self, seen: &mut Vec<(String, Span)>, name: String, at: Span) {
        let key = normalise(&name);
        if let Some((_, first)) = seen.iter().find(|(n, _)| *n == key) {
            let message = Message::new("config-duplicate-unit").text("name", name);
            let mut e = Diagnostic::error("config::duplicate-unit", at, message)
                .with_help("config-duplicate-unit.help");
            e.related = vec![(0, *first, "config-duplicate-unit.first".into())];
            self.errors.push(e);
        } else {
            seen.push((key, at));
        }
    }
}

/// A light spelling fold for comparing registry names with one another
/// (case and surrounding or repeated whitespace); the full normalisation of
/// unit names belongs to [`crate::units`].
fn normalise(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What a key's value should be, as `config-invalid-value` says it.
#[derive(Clone, Copy)]
enum Expected<'a> {
    Units,
    Paths,
    Path,
    OneOf(&'a [&'a str]),
    Whole(u64, u64),
    Boolean,
    Date,
    Names,
    Name,
    Aliases,
}

impl Expected<'_> {
    /// `message` with the arguments that say what was expected.
    fn said(self, message: Message) -> Message {
        let kind = |k: &str| message.clone().text("expected", k);
        let big = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        match self {
            Expected::Units => kind("units"),
            Expected::Paths => kind("paths"),
            Expected::Path => kind("path"),
            Expected::OneOf(allowed) => {
                kind("one-of").names("allowed", Join::Plain, allowed.iter())
            }
            Expected::Whole(min, max) => kind("whole").int("min", big(min)).int("max", big(max)),
            Expected::Boolean => kind("boolean"),
            Expected::Date => kind("date"),
            Expected::Names => kind("names"),
            Expected::Name => kind("name"),
            Expected::Aliases => kind("aliases"),
        }
    }
}

/// `message` with what was found instead: `found` names its kind,
/// `value` holds it as written.
fn describe(message: Message, value: &DeValue<'_>) -> Message {
    let (found, shown) = match value {
        DeValue::String(s) => ("string", s.to_string()),
        DeValue::Integer(i) => ("number", i.as_str().to_string()),
        DeValue::Float(_) => ("decimal", String::new()),
        DeValue::Boolean(b) => ("value", b.to_string()),
        DeValue::Datetime(d) => ("value", d.to_string()),
        DeValue::Array(_) => ("array", String::new()),
        DeValue::Table(_) => ("table", String::new()),
    };
    message.text("found", found).text("value", shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<(String, String)> {
        match parse(text) {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .into_iter()
                .map(|e| {
                    let at = &text[e.span.start as usize..e.span.end as usize];
                    (e.message.english(), at.to_string())
                })
                .collect(),
        }
    }

    #[test]
    fn settings_keep_their_values_and_places() {
        let text = "records = [\"ledgers\"]\nfail-on = \"warning\"\nas-of = 2025-06-30\njobs = 4\n";
        let config = parse(text).expect("valid");
        let records = config.records.expect("records");
        assert_eq!(records.value, vec!["ledgers".to_string()]);
        assert_eq!(
            &text[records.span.start as usize..records.span.end as usize],
            "[\"ledgers\"]"
        );
        assert_eq!(config.fail_on.map(|f| f.value), Some("warning".into()));
        assert_eq!(
            config.as_of.map(|d| d.value),
            Some(jiff::civil::date(2025, 6, 30))
        );
        assert_eq!(config.jobs.map(|j| j.value), Some(4));
    }

    #[test]
    fn a_single_path_is_a_list_of_one() {
        let config = parse("rules = \"my-rules\"").expect("valid");
        assert_eq!(
            config.rules.map(|r| r.value),
            Some(vec!["my-rules".to_string()])
        );
    }

    #[test]
    fn unknown_keys_are_located_with_a_suggestion() {
        let text = "recrods = [\"a\"]\n[waivers]\ninlin = \"deny\"\n";
        let errors = parse(text).expect_err("unknown keys");
        assert_eq!(errors.len(), 2);
        let help = |e: &Diagnostic| e.help.as_ref().map(Message::english);
        assert_eq!(errors[0].message.english(), "unknown key `recrods`");
        assert_eq!(help(&errors[0]).as_deref(), Some("did you mean `records`?"));
        assert_eq!(
            &text[errors[0].span.start as usize..errors[0].span.end as usize],
            "recrods"
        );
        assert_eq!(
            errors[1].message.english(),
            "unknown key `inlin` in `[waivers]`"
        );
        assert_eq!(help(&errors[1]).as_deref(), Some("did you mean `inline`?"));
    }

    #[test]
    fn wrong_types_and_ranges_point_at_the_value() {
        let text = "jobs = \"4\"\ndue-within = -1\nfail-on = \"eror\"\nas-of = \"2025-02-30\"\nrecords = [1]\n";
        let found = errors(text);
        let at: Vec<&str> = found.iter().map(|(_, at)| at.as_str()).collect();
        assert!(at.contains(&"\"4\""), "{found:?}");
        assert!(at.contains(&"-1"), "{found:?}");
        assert!(at.contains(&"\"eror\""), "{found:?}");
        assert!(at.contains(&"\"2025-02-30\""), "{found:?}");
        assert!(at.contains(&"1"), "{found:?}");
        assert!(
            found
                .iter()
                .any(|(m, _)| m.starts_with("`jobs` must be a whole number"))
        );
    }

    #[test]
    fn bad_globs_are_located() {
        let found = errors("exclude = [\"drafts\", \"a[b\"]\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "\"a[b\"");
        assert!(
            found[0]
                .0
                .starts_with("`a[b` in `exclude` is not a valid glob"),
            "{found:?}"
        );
    }

    #[test]
    fn syntax_errors_are_located() {
        let found = parse("records = [\n").expect_err("bad TOML");
        assert_eq!(found[0].code, "config::syntax");
        assert!(
            found[0].message.english().starts_with("invalid TOML: "),
            "{:?}",
            found[0]
        );
    }

    #[test]
    fn units_parse_into_the_registry() {
        let text = "[units]\n\"苏州市人民政府\" = [\"苏州市政府\", \"Suzhou Municipal Government\"]\n\"Wuxi\" = []\n";
        let units = parse(text).expect("valid").units.expect("units").value;
        assert_eq!(units.units.len(), 2);
        assert_eq!(units.units[0].canonical, "苏州市人民政府");
        assert_eq!(
            units.units[0].aliases,
            vec!["苏州市政府", "Suzhou Municipal Government"]
        );
        assert!(units.units[1].aliases.is_empty());
    }

    #[test]
    fn an_alias_of_two_units_is_an_error_at_the_second() {
        let text = "[units]\nA = [\"X\"]\nB = [\"x \"]\n\"\" = []\nC = [\"\"]\n";
        let found = errors(text);
        assert!(
            found.contains(&(
                "unit name `x ` is given twice in `[units]`".into(),
                "\"x \"".into()
            )),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(m, at)| m.contains("must not be empty") && at == "\"\""),
            "{found:?}"
        );
        assert!(
            found.iter().any(|(m, _)| m.contains("a non-empty name")),
            "{found:?}"
        );
    }

    #[test]
    fn waiver_authority_parses() {
        let text = "[waivers]\nfiles = [\"w.yaml\"]\ninline = \"deny\"\napprovers = [\"Leading Group\"]\nmax-days = 90\n";
        let config = parse(text).expect("valid");
        let authority = config.waiver_authority.expect("authority").value;
        assert_eq!(authority.inline, InlineWaivers::Deny);
        assert_eq!(authority.approvers, vec!["Leading Group"]);
        assert_eq!(authority.max_days, Some(90));
        assert_eq!(
            config.waivers.map(|w| w.value),
            Some(vec!["w.yaml".to_string()])
        );
        let found = errors("[waivers]\ninline = \"maybe\"\napprovers = [\"a\", \"a\"]\n");
        assert_eq!(found.len(), 2, "{found:?}");
    }

    /// The key was once wrapped in backticks twice (``` ``units."Wuxi"`` ```).
    #[test]
    fn aliases_that_are_not_an_array_name_the_key_once_in_backticks() {
        let found = errors("[units]\n\"Wuxi\" = \"WX\"\n");
        let message = "`units.\"Wuxi\"` must be an array of aliases (`[]` for none), \
                       found the string `WX`";
        assert_eq!(found, vec![(message.to_string(), "\"WX\"".to_string())]);
    }
}
