//! Compact JSON (`serde_json::to_string`'s bytes) written through serde_json's pretty printer,
//! its layout taken out after: every type Limber writes compactly (the JSON columns, the
//! rescued backup, the answers across the FFI) is also written pretty (the JSON backup), so
//! one serializer per type is in the phone library, not two (issue 17: 17 KiB of compact
//! copies).
//!
//! The pretty printer adds only line breaks and spaces between tokens (indents, and the space
//! after a key's colon); inside a string it writes line breaks as `\n` and spaces as they are.
//! Taking out every space and line break outside strings leaves the compact text, byte for
//! byte (the tests hold it against `serde_json::to_string`).
//!
//! This holds while serde_json's `raw_value` feature stays off: a `RawValue` is copied as it
//! is, and its own spaces would be taken out here (the workspace's Cargo.toml does not enable
//! it; the tests would not see it, as no Limber type holds a `RawValue`).

use serde::Serialize;

/// `value` as compact JSON text, exactly as `serde_json::to_string` writes it. Errors are
/// serde_json's (a map with keys that are not strings, a failing `Serialize`); Limber's own
/// types never raise one.
pub fn compact_json<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut text = serde_json::to_string_pretty(value)?;
    let (mut in_string, mut escaped) = (false, false);
    text.retain(|c| {
        if in_string {
            // A `"` ends the string unless a `\` escapes it.
            (in_string, escaped) = (escaped || c != '"', !escaped && c == '\\');
            true
        } else {
            in_string = c == '"';
            !matches!(c, ' ' | '\n')
        }
    });
    Ok(text)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::Value;

    use super::*;

    /// Any JSON value, strings with quotes, escapes, spaces and line breaks included.
    fn value() -> impl Strategy<Value = Value> {
        let text = prop_oneof![any::<String>(), "[ \"\\\\\n\t{}:,a]{0,8}"];
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            text.clone().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 40, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::vec((text.clone(), inner), 0..5)
                    .prop_map(|members| Value::Object(members.into_iter().collect())),
            ]
        })
    }

    #[test]
    fn strings_keep_their_spaces_and_escapes() {
        let spaced = Value::from(vec![" a \" b\\", "\n{ }", "", "\\"]);
        assert_eq!(compact_json(&spaced).unwrap(), r#"[" a \" b\\","\n{ }","","\\"]"#);
    }

    proptest! {
        #[test]
        fn any_value_reads_as_to_string_writes_it(v in value()) {
            prop_assert_eq!(compact_json(&v).unwrap(), serde_json::to_string(&v).unwrap());
        }
    }
}
