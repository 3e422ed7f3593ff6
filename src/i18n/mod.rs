//! The words rectify prints, by language: Project Fluent catalogues for
//! English (`en`) and Simplified Chinese (`zh-CN`), embedded in the binary
//! from `i18n/<lang>/rectify.ftl`.
//!
//! A message is looked up by id and formatted with named arguments
//! ([`Args`]). Both catalogues hold the same ids with the same arguments
//! (a test enforces it), so a lookup never falls back; if it ever did, the
//! English text is used, and failing that the id itself, never nothing.
//!
//! Numbers that people read are given to the catalogues already written
//! out (`3,319`, `7.5`): Fluent's own number formatting does not group
//! digits. The catalogue function `COUNT($n)` writes a count with its
//! thousands grouped, so a message can both choose a plural form on `$n`
//! and show it.
//!
//! Owns: the catalogues and the choice of words. Must not: decide which
//! language a run uses (the command line does: `--lang`, `RECTIFY_LANG`,
//! `lang` in `rectify.toml`, the locale), nor print anything.

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::FluentNumber;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A language rectify speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English: the default, and the language of every machine key.
    #[default]
    En,
    /// Simplified Chinese, with the terms of the inspection system
    /// (整改任务, 信访件, 责任单位, 逾期, 扣分, …).
    ZhCn,
}

/// The embedded catalogue of each language.
const SOURCES: [(Lang, &str); 2] = [
    (Lang::En, include_str!("../../i18n/en/rectify.ftl")),
    (Lang::ZhCn, include_str!("../../i18n/zh-CN/rectify.ftl")),
];

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The language tag rectify uses for it: `en`, `zh-CN`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// A language named by a user (`--lang`, `RECTIFY_LANG`, `lang` in
    /// `rectify.toml`): a BCP 47 tag or a POSIX locale name, any case,
    /// `-` or `_`: `en`, `en-US`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans`, `zh`.
    /// `None` for a language rectify has no catalogue for (including
    /// traditional Chinese: `zh-TW`, `zh-Hant`).
    pub fn parse(name: &str) -> Option<Lang> {
        // `zh_CN.UTF-8@pinyin` -> `zh_CN`.
        let name = name.split(['.', '@']).next().unwrap_or_default().trim();
        let tag: LanguageIdentifier = name.replace('_', "-").parse().ok()?;
        match tag.language.as_str() {
            "en" => Some(Lang::En),
            "zh" => {
                let script = tag.script.map(|s| s.as_str().to_ascii_lowercase());
                let region = tag.region.map(|r| r.as_str().to_ascii_uppercase());
                let traditional = script.as_deref() == Some("hant")
                    || (script.is_none() && matches!(region.as_deref(), Some("TW" | "HK" | "MO")));
                (!traditional).then_some(Lang::ZhCn)
            }
            _ => None,
        }
    }

    /// The language of a POSIX locale's environment: the first set and
    /// non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG` (the order POSIX gives
    /// them) decides. `C`, `POSIX` and a language rectify does not speak
    /// give `None` (English).
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.trim().is_empty())?;
        Lang::parse(&value)
    }

    /// The catalogue of this language.
    pub fn catalogue(self) -> &'static Catalogue {
        static CATALOGUES: OnceLock<[Catalogue; 2]> = OnceLock::new();
        let all = CATALOGUES.get_or_init(|| Lang::ALL.map(Catalogue::embedded));
        match self {
            Lang::En => &all[0],
            Lang::ZhCn => &all[1],
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The named arguments of one message.
#[derive(Default)]
pub struct Args<'a>(FluentArgs<'a>);

impl<'a> Args<'a> {
    pub fn new() -> Args<'a> {
        Args(FluentArgs::new())
    }

    /// A text argument, shown as given (already neutralised when it comes
    /// from a record).
    pub fn text(mut self, name: &'a str, value: impl Into<Cow<'a, str>>) -> Args<'a> {
        self.0.set(name, FluentValue::String(value.into()));
        self
    }

    /// A number of points as rectify writes it (`7.5`, `1`): shown as
    /// written, and plural forms choose on it (`1 point`, `1.5 points`).
    pub fn points(mut self, name: &'a str, written: String) -> Args<'a> {
        let value = match written.parse::<FluentNumber>() {
            Ok(number) => FluentValue::Number(number),
            Err(_) => FluentValue::String(written.into()),
        };
        self.0.set(name, value);
        self
    }

    /// A whole number of days, periods or units: plural forms choose on
    /// it, and it is shown as is (no grouping).
    pub fn int(mut self, name: &'a str, value: i64) -> Args<'a> {
        self.0.set(name, FluentValue::from(value));
        self
    }

    /// A count: plural forms choose on it, `COUNT($name)` shows it with
    /// its thousands grouped.
    pub fn count(mut self, name: &'a str, value: usize) -> Args<'a> {
        // Counts of records and findings are far below 2^53.
        self.0.set(name, FluentValue::from(value as f64));
        self
    }
}

/// One language's messages.
pub struct Catalogue {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl Catalogue {
    /// The embedded catalogue of `lang`. A syntax error in it is a bug
    /// that the catalogue tests catch; the entries that parse still serve.
    fn embedded(lang: Lang) -> Catalogue {
        let source = SOURCES
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or("", |(_, text)| text);
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
        };
        let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Bidirectional isolation marks are for right-to-left scripts; in a
        // terminal or a log they are stray invisible characters.
        bundle.set_use_isolating(false);
        // Failures leave the function unset: the tests call it.
        let _ = bundle.add_function("COUNT", |positional, _named| match positional.first() {
            Some(FluentValue::Number(n)) if n.value >= 0.0 && n.value.fract() == 0.0 => {
                FluentValue::String(group_thousands(n.value as u64).into())
            }
            Some(other) => other.clone(),
            None => FluentValue::Error,
        });
        // Duplicate ids keep the first entry; the catalogue tests forbid them.
        let _ = bundle.add_resource(resource);
        Catalogue { lang, bundle }
    }

    /// The catalogue's language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether the catalogue holds message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Message `id` without arguments.
    pub fn text(&self, id: &str) -> String {
        self.format(id, &Args::new())
    }

    /// Message `id` (or its attribute, `id.attr`) formatted with `args`;
    /// the English text when this catalogue lacks it, the id when both do.
    pub fn format(&self, id: &str, args: &Args<'_>) -> String {
        if let Some(text) = self.try_format(id, args) {
            return text;
        }
        if self.lang != Lang::En {
            if let Some(text) = Lang::En.catalogue().try_format(id, args) {
                return text;
            }
        }
        id.to_string()
    }

    fn try_format(&self, id: &str, args: &Args<'_>) -> Option<String> {
        let (message, attribute) = match id.split_once('.') {
            Some((message, attribute)) => (message, Some(attribute)),
            None => (id, None),
        };
        let message = self.bundle.get_message(message)?;
        let pattern = match attribute {
            Some(name) => message.get_attribute(name)?.value(),
            None => message.value()?,
        };
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&args.0), &mut errors);
        Some(text.into_owned())
    }
}

/// `3319` -> `3,319`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    grouped
}

#[cfg(test)]
mod tests;
