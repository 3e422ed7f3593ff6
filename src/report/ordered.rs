//! A JSON value whose objects keep the order they were built in, for
//! formats (SARIF) whose readers expect `$schema` and `version` first and
//! whose shape is too deep for one struct per object.
//!
//! Owns: nothing but serialisation. `serde_json::Value` sorts keys unless a
//! crate feature says otherwise, and features unify across the build, so it
//! is not used for output whose bytes are snapshot-tested.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// A JSON value; objects keep insertion order.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number, already as JSON (`serde_json::Value::Number`), so exact
    /// decimals such as points stay exact.
    Number(serde_json::Value),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// An object from `(key, value)` pairs; `None` values are left out.
    pub fn object<'a>(pairs: impl IntoIterator<Item = (&'a str, Option<Json>)>) -> Json {
        Json::Object(
            pairs
                .into_iter()
                .filter_map(|(k, v)| Some((k.to_string(), v?)))
                .collect(),
        )
    }

    pub fn str(text: impl Into<String>) -> Json {
        Json::String(text.into())
    }

    pub fn int(n: impl Into<i64>) -> Json {
        Json::Number(serde_json::Value::from(n.into()))
    }

    pub fn usize(n: usize) -> Json {
        Json::Number(serde_json::Value::from(n))
    }

    /// `{"text": …}`: SARIF's message and multiformat message strings.
    pub fn text(text: impl Into<String>) -> Json {
        Json::object([("text", Some(Json::str(text)))])
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Number(n) => n.serialize(s),
            Json::String(t) => s.serialize_str(t),
            Json::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                items.iter().try_for_each(|i| seq.serialize_element(i))?;
                seq.end()
            }
            Json::Object(pairs) => {
                let mut map = s.serialize_map(Some(pairs.len()))?;
                pairs
                    .iter()
                    .try_for_each(|(k, v)| map.serialize_entry(k, v))?;
                map.end()
            }
        }
    }
}
