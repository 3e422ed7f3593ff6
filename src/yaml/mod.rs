//! The YAML layer: text -> a tree of nodes, each with its byte span.
//!
//! This is the only module that knows which YAML crate is used; everything
//! else sees [`Node`]. Most record files never reach the crate: a fast path
//! (`fast`) parses the narrow block form they are written in and gives up,
//! leaving the text to saphyr's parser, at anything else. Both give the same
//! tree and spans (`tests/yaml_fast.rs`). It detects nothing about records: duplicate keys are
//! kept in order (the model reports them), aliases are limited, nesting is
//! limited, and no input makes it panic or overflow the stack.

mod build;
mod fast;
mod offsets;
mod scalar;

use crate::diag::Diagnostic;
use crate::source::Span;

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    /// Byte range of the value in the text (for a mapping or sequence, from
    /// its first to its last byte).
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// A string scalar; `plain` is false when it was quoted or a block scalar.
    /// Dates are strings here (`2023-02-30` too): the model parses them.
    Str {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    /// Entries in file order; duplicate keys are kept.
    Map(Vec<(Node, Node)>),
}

#[derive(Clone, Debug)]
pub struct Limits {
    pub max_depth: usize,
    /// Total nodes materialised through aliases, across the file.
    pub max_alias_nodes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_depth: 64,
            max_alias_nodes: 10_000,
        }
    }
}

/// Parse every document of `text`. On an error, the documents completed
/// before it are returned with the error: a file that is not YAML we can
/// use, a [`Diagnostic`] with one of the codes
///
/// - `yaml::syntax`: the text is not valid YAML (or names an unknown alias);
///   the span is the character where the parser gave up.
/// - `yaml::too-deep`: collections nested deeper than `Limits::max_depth`
///   (aliases included); the span is the collection or alias that went over.
/// - `yaml::alias-limit`: aliases would materialise more than
///   `Limits::max_alias_nodes` nodes in the file ("billion laughs"); the
///   span is the alias that went over.
pub fn parse(text: &str, limits: &Limits) -> (Vec<Node>, Option<Diagnostic>) {
    if let Some(docs) = fast::parse(text, limits) {
        return (docs, None);
    }
    general(text, limits)
}

/// The fast path alone: `None` where [`parse`] goes the general way.
#[doc(hidden)]
pub fn fast_only(text: &str, limits: &Limits) -> Option<Vec<Node>> {
    fast::parse(text, limits)
}

/// [`parse`] without the fast path: every text through saphyr's parser.
#[doc(hidden)]
pub fn general(text: &str, limits: &Limits) -> (Vec<Node>, Option<Diagnostic>) {
    let mut builder = build::Builder::new(text, limits);
    let error = builder.run().err().map(|e| *e);
    (builder.docs, error)
}
