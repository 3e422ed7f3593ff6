//! Escaping text for XML 1.0 (JUnit) and XHTML (the progress page): the
//! XML side of [`super::neutral`], under the names the renderers use.
//!
//! XML 1.0 cannot carry most control characters even as references, and
//! none may reach a page raw, so they are shown as `[U+001B]` rather than
//! dropped silently.

/// Text content (lines of text): `&`, `<`, `>` escaped, line feeds kept.
pub use super::neutral::xml_text as text;

/// An attribute value in double quotes (one value): also quotes.
pub use super::neutral::xml_attr as attr;
