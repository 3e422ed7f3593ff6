//! Parser events -> [`Node`] trees, with no recursion: open collections
//! live on a heap stack whose height `Limits::max_depth` bounds.

use std::borrow::Cow;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Tag};

use super::offsets::Offsets;
use super::{Limits, Node, Value, scalar};
use crate::diag::{Diagnostic, Message};
use crate::source::Span;

/// The error that stops the build, boxed: the `Result` of every event
/// stays small.
type Error = Box<Diagnostic>;

/// How deep saphyr's scanner lets flow collections nest.
const FLOW_LIMIT: usize = 255;

/// A node with what aliases need to know about it.
struct Built {
    node: Node,
    /// Nodes in the tree, itself included.
    size: usize,
    /// Levels of collections in the tree (a scalar is 0).
    height: usize,
}

/// A collection being filled.
struct Open {
    anchor: usize,
    /// Byte where the flow indicator (`[`, `{`) is, for flow collections.
    flow_start: Option<usize>,
    items: Vec<Node>,
    size: usize,
    height: usize,
    is_map: bool,
}

pub(crate) struct Builder<'a> {
    text: &'a str,
    limits: &'a Limits,
    offsets: Offsets<'a>,
    open: Vec<Open>,
    /// Anchored nodes of the current document, by the parser's anchor id.
    anchors: Vec<Option<Built>>,
    alias_nodes: usize,
    root: Option<Node>,
    pub(crate) docs: Vec<Node>,
}

impl<'a> Builder<'a> {
    pub(crate) fn new(text: &'a str, limits: &'a Limits) -> Builder<'a> {
        Builder {
            text,
            limits,
            offsets: Offsets::new(text),
            open: Vec::new(),
            anchors: Vec::new(),
            alias_nodes: 0,
            root: None,
            docs: Vec::new(),
        }
    }

    /// Feed every event of the text; stop at the first error.
    pub(crate) fn run(&mut self) -> Result<(), Error> {
        let mut parser = Parser::new_from_str(self.text);
        while let Some(next) = parser.next_event() {
            let (event, span) = next.map_err(|e| self.scan_error(&e))?;
            let start = self.offsets.byte(span.start.index());
            let end = self.offsets.byte(span.end.index());
            self.event(event, start, end)?;
        }
        Ok(())
    }

    fn event(&mut self, event: Event<'_>, start: usize, end: usize) -> Result<(), Error> {
        match event {
            Event::Scalar(text, style, anchor, tag) => {
                let node = self.scalar(text, style, tag.as_deref(), start, end);
                self.complete(
                    Built {
                        node,
                        size: 1,
                        height: 0,
                    },
                    anchor,
                )
            }
            Event::Alias(id) => self.alias(id, Span::new(start, end)),
            Event::SequenceStart(anchor, _) => self.start(anchor, false, start, end),
            Event::MappingStart(anchor, _) => self.start(anchor, true, start, end),
            Event::SequenceEnd | Event::MappingEnd => self.end(start, end),
            Event::DocumentEnd => {
                self.docs.extend(self.root.take());
                self.anchors.clear();
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn scalar(
        &self,
        text: Cow<'_, str>,
        style: ScalarStyle,
        tag: Option<&Tag>,
        start: usize,
        end: usize,
    ) -> Node {
        // Never trust a span to be ordered: slicing with it must not panic.
        let end = end.max(start);
        let start = skip_properties(self.text, start, end);
        let end = scalar_end(self.text, style, start, end);
        let forced_str = tag.is_some_and(|t| t.is_yaml_core_schema() && t.suffix == "str");
        let value = if style == ScalarStyle::Plain && !forced_str {
            scalar::resolve(text)
        } else {
            Value::Str {
                text: text.into_owned(),
                plain: false,
            }
        };
        Node {
            value,
            span: Span::new(start, end),
        }
    }

    fn start(
        &mut self,
        anchor: usize,
        is_map: bool,
        start: usize,
        end: usize,
    ) -> Result<(), Error> {
        if self.open.len() >= self.limits.max_depth {
            return Err(self.too_deep(Span::new(start, end)));
        }
        let flow_start =
            (end > start && matches!(self.text.as_bytes()[end - 1], b'[' | b'{')).then(|| end - 1);
        let open = Open {
            anchor,
            flow_start,
            items: Vec::new(),
            size: 1,
            height: 1,
            is_map,
        };
        self.open.push(open);
        Ok(())
    }

    /// Close the innermost collection; `start..end` is its end event's span,
    /// which covers the closing bracket of a flow collection only.
    fn end(&mut self, start: usize, end: usize) -> Result<(), Error> {
        let Some(open) = self.open.pop() else {
            return Ok(());
        };
        let first = open.items.first().map(|n| n.span.start as usize);
        let last = open.items.last().map(|n| n.span.end as usize);
        let span = match open.flow_start {
            Some(flow) => Span::new(
                flow,
                if end > start {
                    end
                } else {
                    last.unwrap_or(end)
                },
            ),
            None => Span::new(
                block_start(self.text, first.unwrap_or(start), open.is_map),
                last.unwrap_or(start),
            ),
        };
        let span = Span::new(span.start as usize, span.end.max(span.start) as usize);
        let value = if open.is_map {
            Value::Map(pairs(open.items))
        } else {
            Value::Seq(open.items)
        };
        let built = Built {
            node: Node { value, span },
            size: open.size,
            height: open.height,
        };
        self.complete(built, open.anchor)
    }

    fn alias(&mut self, id: usize, span: Span) -> Result<(), Error> {
        let Some(Some(anchored)) = self.anchors.get(id) else {
            return Err(Box::new(Diagnostic::error(
                "yaml::syntax",
                span,
                "yaml-unknown-alias",
            )));
        };
        self.alias_nodes = self.alias_nodes.saturating_add(anchored.size);
        if self.alias_nodes > self.limits.max_alias_nodes {
            let message =
                Message::new("yaml-alias-limit").count("max", self.limits.max_alias_nodes);
            return Err(Box::new(Diagnostic::error(
                "yaml::alias-limit",
                span,
                message,
            )));
        }
        if self.open.len() + anchored.height > self.limits.max_depth {
            return Err(self.too_deep(span));
        }
        let node = Node {
            value: anchored.node.value.clone(),
            span,
        };
        let built = Built {
            node,
            size: anchored.size,
            height: anchored.height,
        };
        self.complete(built, 0)
    }

    /// A node is finished: remember it under its anchor, then put it in its
    /// parent (or make it the document).
    fn complete(&mut self, built: Built, anchor: usize) -> Result<(), Error> {
        if anchor != 0 {
            if self.anchors.len() <= anchor {
                self.anchors.resize_with(anchor + 1, || None);
            }
            let copy = Built {
                node: built.node.clone(),
                size: built.size,
                height: built.height,
            };
            self.anchors[anchor] = Some(copy);
        }
        match self.open.last_mut() {
            Some(parent) => {
                parent.size = parent.size.saturating_add(built.size);
                parent.height = parent.height.max(built.height + 1);
                parent.items.push(built.node);
            }
            None => self.root = Some(built.node),
        }
        Ok(())
    }

    fn too_deep(&self, span: Span) -> Error {
        too_deep(self.limits.max_depth, span)
    }

    fn scan_error(&mut self, e: &ScanError) -> Error {
        let start = self.offsets.byte(e.marker().index());
        let width = self.text[start..].chars().next().map_or(0, char::len_utf8);
        let span = Span::new(start, start + width);
        if e.info() == "recursion limit exceeded" {
            // The scanner's own flow nesting limit (255), hit while looking ahead.
            let max = self.limits.max_depth.min(FLOW_LIMIT);
            return too_deep(max, span);
        }
        Box::new(Diagnostic::error("yaml::syntax", span, message(e.info())))
    }
}

fn too_deep(max: usize, span: Span) -> Error {
    let message = Message::new("yaml-too-deep").count("max", max);
    Box::new(Diagnostic::error("yaml::too-deep", span, message))
}

/// saphyr's reason, in our style (lowercase first letter, no final
/// period), as the argument of rectify's message: the parser's words are
/// English in every language.
fn message(info: &str) -> Message {
    let info = info.trim().trim_end_matches('.');
    let mut chars = info.chars();
    match chars.next() {
        Some(first) => Message::new("yaml-syntax").text(
            "reason",
            first.to_lowercase().chain(chars).collect::<String>(),
        ),
        None => Message::new("yaml-syntax-unknown"),
    }
}

/// Alternate keys and values -> pairs (the parser always gives both).
fn pairs(items: Vec<Node>) -> Vec<(Node, Node)> {
    let mut pairs = Vec::with_capacity(items.len() / 2);
    let mut items = items.into_iter();
    while let (Some(key), Some(value)) = (items.next(), items.next()) {
        pairs.push((key, value));
    }
    pairs
}

/// Skip an anchor (`&a`) or tag (`!t`) and the blanks after it: saphyr
/// starts a node's span at its properties.
fn skip_properties(text: &str, mut start: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    while start < end && matches!(bytes[start], b'&' | b'!') {
        while start < end && !bytes[start].is_ascii_whitespace() {
            start += 1;
        }
        while start < end && bytes[start].is_ascii_whitespace() {
            start += 1;
        }
    }
    start
}

/// The real end of a scalar: saphyr runs a quoted scalar's span on over the
/// blanks and comment after it, and a block scalar's over trailing breaks.
fn scalar_end(text: &str, style: ScalarStyle, start: usize, end: usize) -> usize {
    let bytes = &text.as_bytes()[start..end];
    let close = match style {
        ScalarStyle::Plain => return end,
        ScalarStyle::Literal | ScalarStyle::Folded => {
            return start + text[start..end].trim_end().len();
        }
        ScalarStyle::DoubleQuoted => closing_double(bytes),
        ScalarStyle::SingleQuoted => closing_single(bytes),
    };
    close.map_or(end, |at| start + at + 1)
}

fn closing_double(bytes: &[u8]) -> Option<usize> {
    let mut at = 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return Some(at),
            _ => at += 1,
        }
    }
    None
}

fn closing_single(bytes: &[u8]) -> Option<usize> {
    let mut at = 1;
    while at < bytes.len() {
        match (bytes[at], bytes.get(at + 1)) {
            (b'\'', Some(b'\'')) => at += 2,
            (b'\'', _) => return Some(at),
            _ => at += 1,
        }
    }
    None
}

/// A block sequence starts at its first `-`, before its first item.
pub(super) fn block_start(text: &str, first: usize, is_map: bool) -> usize {
    if is_map {
        return first;
    }
    let before = text[..first].trim_end_matches(' ');
    if before.ends_with('-') {
        before.len() - 1
    } else {
        first
    }
}
