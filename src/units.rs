//! Unit identity: one name per responsible unit, however it is spelt.
//!
//! Records come from the units being scored, so a unit name may arrive with
//! a trailing space, full-width letters, a zero-width character or another
//! case. Names are normalised before they are grouped or compared, and a
//! project can declare a registry of canonical names with their aliases
//! (`[units]` in `rectify.toml`).
//!
//! Two forms of a name matter:
//!
//! - its **clean** form ([`clean`]), the one shown: Unicode NFKC (full-width
//!   letters become ASCII, composed and decomposed accents agree), invisible
//!   characters (zero-width spaces and joiners, the byte-order mark, soft
//!   hyphens, bidirectional controls, variation selectors) and control
//!   characters dropped, runs of whitespace made one space, ends trimmed;
//! - its **key** ([`key`]), the one compared: the clean form in lower case.
//!   Two spellings with one key are one unit.
//!
//! With a registry, every declared name (canonical or alias) stands for its
//! canonical name: [`Units::key`] of an alias is the key of its canonical
//! name, and [`Units::canonical`] gives the name to show.
//!
//! Diagnostics about units (raised by the run):
//!
//! - `unit::lookalike` (warning): a unit written another way than where it
//!   was first met (or than the registry declares it), at the new spelling,
//!   with the first one as a related place; both are scored as one unit.
//! - `unit::unknown` (error): with a registry, a `responsible.unit` it does
//!   not declare, with the closest declared name.
//! - `unit::conflict` (error): the registry declares one name (in any
//!   spelling) for two units.
//!
//! Owns: the registry and the normalisation. Must not: do I/O or print.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

/// A declared unit: its canonical name and the other names it goes by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitDecl {
    pub canonical: String,
    pub aliases: Vec<String>,
}

/// The project's unit registry. Empty means "no registry": every unit name
/// is accepted, and names are only normalised.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitRegistry {
    pub units: Vec<UnitDecl>,
}

impl UnitRegistry {
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The registry ready for look-ups, and every name it declares for two
    /// different units (an error: which unit would it score?). A conflicting
    /// name stays with the unit that declared it first.
    pub fn compile(&self) -> (Units, Vec<Conflict>) {
        let mut units = Units::default();
        let mut conflicts = Vec::new();
        for (i, decl) in self.units.iter().enumerate() {
            units.canonical.push(clean(&decl.canonical));
            for name in std::iter::once(&decl.canonical).chain(&decl.aliases) {
                units.declared.push(name.clone());
                match units.by_key.get(&key(name)) {
                    Some(&first) if first != i => conflicts.push(Conflict {
                        name: name.clone(),
                        first: units.canonical[first].clone(),
                        second: units.canonical[i].clone(),
                    }),
                    Some(_) => {}
                    None => {
                        units.by_key.insert(key(name), i);
                    }
                }
            }
        }
        (units, conflicts)
    }
}

/// A name the registry declares for two units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub name: String,
    pub first: String,
    pub second: String,
}

/// The unit registry compiled for look-ups by key. The default is no
/// registry: names are only normalised.
#[derive(Clone, Debug, Default)]
pub struct Units {
    /// The key of every declared name -> index into `canonical`.
    by_key: HashMap<String, usize>,
    /// Canonical names, clean, in declaration order.
    canonical: Vec<String>,
    /// Every declared name as written, for "did you mean".
    declared: Vec<String>,
}

impl Units {
    /// Whether a registry was declared.
    pub fn is_empty(&self) -> bool {
        self.canonical.is_empty()
    }

    /// The canonical name `name` stands for, when the registry declares it
    /// (in any spelling with the same key).
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.index(&key(name)).map(|i| self.canonical[i].as_str())
    }

    /// What `name` is compared by: the key of its canonical name when the
    /// registry declares it, else its own key.
    pub fn key(&self, name: &str) -> String {
        let own = key(name);
        match self.index(&own) {
            Some(i) => key(&self.canonical[i]),
            None => own,
        }
    }

    /// Whether `name` is written exactly as the registry declares one of
    /// its names (canonical or alias).
    pub fn is_declared(&self, name: &str) -> bool {
        self.declared.iter().any(|d| d == name)
    }

    /// Every name the registry declares, as written.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.declared.iter().map(String::as_str)
    }

    fn index(&self, key: &str) -> Option<usize> {
        if self.by_key.is_empty() {
            return None;
        }
        self.by_key.get(key).copied()
    }
}

/// The form a unit name is shown in: NFKC, invisible and control characters
/// dropped, runs of whitespace one space, ends trimmed.
pub fn clean(name: &str) -> String {
    if is_plain(name) {
        return name.to_string();
    }
    let visible = |c: &char| !is_invisible(*c);
    let nfkc: String = name
        .chars()
        .filter(visible)
        .nfkc()
        .filter(visible)
        .collect();
    let mut out = String::with_capacity(nfkc.len());
    for word in nfkc.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// What two spellings of one unit share: the clean form in lower case.
pub fn key(name: &str) -> String {
    if is_plain(name) {
        return name.to_ascii_lowercase();
    }
    let lower = clean(name).to_lowercase();
    // Lower-casing can leave a form NFKC would change again (rarely).
    lower.nfkc().collect()
}

/// A name as written, with every invisible or control character shown as
/// its code point (`[U+200B]`), so two spellings that look alike can be
/// told apart in a message.
pub fn visible(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if is_invisible(c) || (c.is_whitespace() && c != ' ') {
            out.push_str(&format!("[U+{:04X}]", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Printable ASCII with single inner spaces and no space at either end:
/// already clean, so the common case allocates once and decomposes nothing.
fn is_plain(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.iter().all(|b| b.is_ascii_graphic() || *b == b' ')
        && bytes.first().is_none_or(|b| *b != b' ')
        && bytes.last().is_none_or(|b| *b != b' ')
        && !bytes.windows(2).any(|w| w == b"  ")
}

/// Characters that show nothing: Unicode's default-ignorable code points
/// (zero-width space and joiners, soft hyphen, word joiner, byte-order mark,
/// bidirectional controls, variation selectors, tags, Hangul fillers) and
/// control characters other than whitespace.
fn is_invisible(c: char) -> bool {
    (c.is_control() && !c.is_whitespace())
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'..='\u{1160}'
                | '\u{17B4}'..='\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFF8}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    const WUXI: &str = "Wuxi Municipal Government";

    #[test]
    fn lookalikes_share_a_key() {
        let spellings = [
            "Wuxi Municipal Government ",
            "  Wuxi   Municipal\tGovernment",
            "Ｗｕｘｉ Ｍｕｎｉｃｉｐａｌ Ｇｏｖｅｒｎｍｅｎｔ",
            "Wuxi Muni\u{200B}cipal Government",
            "\u{FEFF}Wuxi Municipal Govern\u{00AD}ment",
            "WUXI MUNICIPAL GOVERNMENT",
            "Wuxi\u{3000}Municipal Government",
            "Wuxi\u{7} Municipal\u{1B} Government",
        ];
        for s in spellings {
            assert_eq!(key(s), key(WUXI), "{s:?}");
        }
        assert_eq!(key(WUXI), "wuxi municipal government");
        assert_ne!(key("Wuxi Municipal Govt"), key(WUXI));
    }

    #[test]
    fn visible_shows_what_cannot_be_seen() {
        assert_eq!(
            visible("Wuxi\u{200B} \u{3000}City\t"),
            "Wuxi[U+200B] [U+3000]City[U+0009]"
        );
        assert_eq!(visible(WUXI), WUXI);
    }

    #[test]
    fn nfc_and_nfd_agree() {
        assert_eq!(key("Me\u{301}tropole"), key("M\u{e9}tropole"));
        assert_eq!(clean("Me\u{301}tropole"), "M\u{e9}tropole");
    }

    #[test]
    fn clean_keeps_case_and_chinese() {
        assert_eq!(clean(" 苏州市\u{200B}人民政府 "), "苏州市人民政府");
        assert_eq!(clean("Ｗｕｘｉ  City"), "Wuxi City");
        assert_eq!(clean(WUXI), WUXI);
    }

    #[test]
    fn key_is_stable_under_cleaning() {
        for s in ["ǅemal ", "Straße", "ﬁne Ｗ", "İstanbul"] {
            assert_eq!(key(&clean(s)), key(s), "{s:?}");
            assert_eq!(key(&key(s)), key(s), "{s:?}");
        }
    }

    fn registry() -> UnitRegistry {
        UnitRegistry {
            units: vec![UnitDecl {
                canonical: "苏州市人民政府".into(),
                aliases: vec!["苏州市政府".into(), "Suzhou Municipal Government".into()],
            }],
        }
    }

    #[test]
    fn aliases_resolve_to_the_canonical_name() {
        let (units, conflicts) = registry().compile();
        assert!(conflicts.is_empty());
        for name in [
            "苏州市政府",
            "suzhou municipal government ",
            "苏州市人民政府",
        ] {
            assert_eq!(units.canonical(name), Some("苏州市人民政府"), "{name}");
            assert_eq!(units.key(name), key("苏州市人民政府"), "{name}");
        }
        assert_eq!(units.canonical("无锡市人民政府"), None);
        assert_eq!(units.key("Wuxi "), "wuxi");
        assert!(units.is_declared("苏州市政府"));
        assert!(!units.is_declared("苏州市政府 "));
    }

    #[test]
    fn a_name_declared_for_two_units_conflicts() {
        let mut r = registry();
        r.units.push(UnitDecl {
            canonical: "Suzhou City".into(),
            aliases: vec!["SUZHOU MUNICIPAL GOVERNMENT".into()],
        });
        let (units, conflicts) = r.compile();
        assert_eq!(
            conflicts,
            vec![Conflict {
                name: "SUZHOU MUNICIPAL GOVERNMENT".into(),
                first: "苏州市人民政府".into(),
                second: "Suzhou City".into(),
            }]
        );
        assert_eq!(
            units.canonical("Suzhou Municipal Government"),
            Some("苏州市人民政府")
        );
    }
}
