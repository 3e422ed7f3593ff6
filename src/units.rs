//! Unit identity: one name per responsible unit, however it is spelt.
//!
//! Records come from the units being scored, so a unit name may arrive with
//! a trailing space, full-width letters, a zero-width character or another
//! case. Names are normalised before they are grouped or compared, and a
//! project can declare a registry of canonical names with their aliases
//! (`[units]` in `rectify.toml`).
//!
//! Owns: the registry and the normalisation. Must not: do I/O or print.

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
