//! Record ids: UUID v7, time-ordered, text across FFI and JSON.
//!
//! Ids are read here rather than by the uuid crate's parser, whose detailed errors (never shown:
//! an id's error names the field only) made 2.7 KiB of the phone library (issue 17). The text
//! accepted is the same, to the byte: the test below holds the two to the same answer.

use std::fmt;
use std::sync::Mutex;

use serde::Deserializer;
use serde::de::{self, Visitor};
use uuid::{ContextV7, Timestamp, Uuid};

use crate::{Error, Result};

/// The counter that keeps ids made in one millisecond in order, as `Uuid::now_v7` keeps its own.
static CONTEXT: Mutex<ContextV7> = Mutex::new(ContextV7::new());

/// A new record id: UUID v7 (RFC 9562: the Unix time in milliseconds, a counter, random bits),
/// so ids sort by creation time, each after the one made before it in this process. The same
/// as `Uuid::now_v7` but for the clock, read through `crate::clock`.
pub fn new_id() -> Uuid {
    let since = crate::clock::since_unix_epoch();
    Uuid::new_v7(Timestamp::from_unix(&CONTEXT, since.as_secs(), since.subsec_nanos()))
}

/// Parses an id handed in as text, naming `field` when it is not a UUID (see [`parse_uuid`];
/// white space around it is ignored).
pub fn parse_id(field: &str, text: &str) -> Result<Uuid> {
    parse_uuid(text.trim())
        .ok_or_else(|| Error::invalid(field, "a UUID such as 0192f0c1-7b5e-7cc0-9a4e-1f2d3c4b5a69"))
}

/// Reads a UUID as the uuid crate's `Uuid::try_parse` does: 32 hex digits of either case,
/// hyphenated 8-4-4-4-12 as Limber writes ids (`0192f0c1-7b5e-7cc0-9a4e-1f2d3c4b5a69`), or
/// without hyphens (as page cursors hold them), or hyphenated within braces (`{...}`) or after
/// `urn:uuid:` (any case). Limber has only ever written the first two, but a backup or id from
/// a version that read them with the uuid crate could hold any of the four. None for any other
/// text, white space included.
pub fn parse_uuid(text: &str) -> Option<Uuid> {
    let text = text.as_bytes();
    let hyphenated = match text.len() {
        32 => return hex(text, false),
        36 => text,
        38 if text[0] == b'{' && text[37] == b'}' => &text[1..37],
        45 if text[..9].eq_ignore_ascii_case(b"urn:uuid:") => &text[9..],
        _ => return None,
    };
    hex(hyphenated, true)
}

/// The UUID of `digits`: 32 hex digits, with a hyphen after the 8th, 12th, 16th and 20th when
/// `hyphens` (36 bytes then).
fn hex(digits: &[u8], hyphens: bool) -> Option<Uuid> {
    let mut value = 0u128;
    for (i, &c) in digits.iter().enumerate() {
        if hyphens && matches!(i, 8 | 13 | 18 | 23) {
            if c != b'-' {
                return None;
            }
        } else {
            value = (value << 4) | u128::from(char::from(c).to_digit(16)?);
        }
    }
    Some(Uuid::from_u128(value))
}

/// Reads an id from a JSON string, as [`parse_uuid`]; for `#[serde(deserialize_with)]`. What
/// it accepts is what the uuid crate's `Deserialize` accepted from JSON; the error does not
/// echo the text.
pub(crate) fn deserialize_id<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Uuid, D::Error> {
    d.deserialize_str(IdText)
}

struct IdText;

impl Visitor<'_> for IdText {
    type Value = Uuid;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a UUID string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> std::result::Result<Uuid, E> {
        parse_uuid(text).ok_or_else(|| E::custom("not a UUID"))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde::Deserialize;
    use uuid::Variant;

    use super::*;

    /// Text near a UUID in each of its forms: right, or with one byte changed, dropped or added.
    fn near_uuid() -> impl Strategy<Value = String> {
        let form = (any::<u128>(), 0..4usize, any::<bool>()).prop_map(|(v, form, upper)| {
            let id = Uuid::from_u128(v);
            let text = match form {
                0 => id.hyphenated().to_string(),
                1 => id.simple().to_string(),
                2 => id.braced().to_string(),
                _ => id.urn().to_string(),
            };
            if upper { text.to_uppercase() } else { text }
        });
        let bytes = prop::sample::select(b"0123456789abcdefABCDEFgG-{}:urnUID \t\xc3\xa9".to_vec());
        (form, 0..4usize, any::<prop::sample::Index>(), bytes).prop_map(|(text, edit, at, byte)| {
            let mut b = text.into_bytes();
            let i = at.index(b.len());
            match edit {
                0 => {}
                1 => b[i] = byte,
                2 => {
                    b.remove(i);
                }
                _ => b.insert(i, byte),
            }
            String::from_utf8_lossy(&b).into_owned()
        })
    }

    proptest! {
        #[test]
        fn reads_what_the_uuid_crate_reads(text in near_uuid()) {
            prop_assert_eq!(parse_uuid(&text), Uuid::try_parse(&text).ok(), "{:?}", text);
            prop_assert_eq!(parse_uuid(&text), Uuid::parse_str(&text).ok());
        }

        #[test]
        fn reads_what_the_uuid_crate_reads_of_any_text(text in "[0-9a-fA-F{}:urnid-]{30,46}|.{0,50}") {
            prop_assert_eq!(parse_uuid(&text), Uuid::try_parse(&text).ok(), "{:?}", text);
        }

        /// The same ids from JSON as the uuid crate's `Deserialize` read, and a refusal where
        /// it refused: strings (escapes too), and values of other kinds.
        #[test]
        fn deserializes_what_the_uuid_crate_did(text in near_uuid(), other in "null|1|true|\\[\\]|\\{\\}") {
            #[derive(Deserialize, Debug, PartialEq)]
            struct Ours(#[serde(deserialize_with = "deserialize_id")] Uuid);
            let escaped = format!("\"{}\"", text.replace('-', "\\u002d"));
            for json in [serde_json::to_string(&text).expect("a string"), escaped, other] {
                let ours = serde_json::from_str::<Ours>(&json).map(|o| o.0).ok();
                prop_assert_eq!(ours, serde_json::from_str::<Uuid>(&json).ok(), "{}", json);
            }
        }
    }

    #[test]
    fn forms() {
        let id = Uuid::from_u128(0x0192f0c1_7b5e_7cc0_9a4e_1f2d3c4b5a69);
        for text in [
            "0192f0c1-7b5e-7cc0-9a4e-1f2d3c4b5a69",
            "0192F0C1-7B5E-7CC0-9A4E-1F2D3C4B5A69",
            "0192f0c17b5e7cc09a4e1f2d3c4b5a69",
            "{0192f0c1-7b5e-7cc0-9a4e-1f2d3c4b5a69}",
            "URN:uuid:0192f0c1-7b5e-7cc0-9a4e-1f2d3c4b5a69",
        ] {
            assert_eq!(parse_uuid(text), Some(id), "{text}");
        }
        for text in [
            "",
            "0192f0c1-7b5e-7cc0-9a4e-1f2d3c4b5a6",
            "0192f0c1-7b5e-7cc0-9a4e-1f2d3c4b5a69 ",
            "0192f0c1 7b5e-7cc0-9a4e-1f2d3c4b5a69",
            "0192f0c1-7b5e-7cc0-9a4e+1f2d3c4b5a69",
            "0192f0c1-7b5e-7cc0-9a4e-1f2d3c4b5a6g",
            "0192f0c17b5e7cc09a4e1f2d3c4b5a6-",
            "{0192f0c17b5e7cc09a4e1f2d3c4b5a69}",
            "(0192f0c1-7b5e-7cc0-9a4e-1f2d3c4b5a69)",
            "urn:uid:0192f0c1-7b5e-7cc0-9a4e-1f2d3c4b5a69",
        ] {
            assert_eq!(parse_uuid(text), None, "{text}");
            assert!(Uuid::try_parse(text).is_err(), "{text}");
        }
        assert_eq!(parse_id("id", " 0192f0c1-7b5e-7cc0-9a4e-1f2d3c4b5a69\n").ok(), Some(id));
    }

    #[test]
    fn new_ids_are_v7_of_now_and_in_order() {
        // The oracle: uuid's own `now_v7`, read before and after.
        let before = Uuid::now_v7();
        let ids: Vec<Uuid> = (0..10_000).map(|_| new_id()).collect();
        let after = Uuid::now_v7();
        let millis = |id: &Uuid| {
            id.get_timestamp().unwrap().to_unix().0 * 1000
                + u64::from(id.get_timestamp().unwrap().to_unix().1 / 1_000_000)
        };
        for id in &ids {
            assert_eq!((id.get_version_num(), id.get_variant()), (7, Variant::RFC4122), "{id}");
            assert!(millis(&before) <= millis(id) && millis(id) <= millis(&after) + 1, "{id}");
        }
        // Each after the one before, so no two alike.
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
    }
}
