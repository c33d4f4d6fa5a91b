//! The shared reader and writer against serde's derive (the code they replaced, kept here as
//! the oracle): the same value or the same error message at the same path, for any text.

use proptest::prelude::*;
use serde::{Deserialize, Serialize};

use crate::json_path;

text_enum! {
    /// Three names, one a prefix of another.
    pub enum Ours { Ant = "ant", Antler = "antler", Bee = "bee_hive" }
}

/// What `text_enum!` derived before.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
enum Derived {
    #[serde(rename = "ant")]
    Ant,
    #[serde(rename = "antler")]
    Antler,
    #[serde(rename = "bee_hive")]
    Bee,
}

/// The enum as a struct's field, in a list, optional, and inside an internally tagged enum
/// (which reads it from serde's buffer, not from the text).
#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Holder<T> {
    one: T,
    #[serde(default = "Vec::new")]
    many: Vec<T>,
    maybe: Option<T>,
    tagged: Option<Tagged<T>>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Tagged<T> {
    Inner { value: T },
}

type Read = Result<Vec<Option<usize>>, (String, String)>;

/// The holder's enums as indexes, to compare the two kinds.
fn flat<T: Copy>(h: Holder<T>, f: fn(T) -> usize) -> Vec<Option<usize>> {
    let mut all = vec![Some(f(h.one)), h.maybe.map(f)];
    all.extend(h.many.into_iter().map(|v| Some(f(v))));
    all.push(h.tagged.map(|Tagged::Inner { value }| f(value)));
    all
}

/// Both readers' answers for `text`: the values, or the message and the path.
fn both(text: &str) -> (Read, Read) {
    let fault = |f: json_path::Fault| (f.error.to_string(), f.path);
    let ours = json_path::parse::<Holder<Ours>>(text)
        .map(|h| flat(h, |o| Ours::ALL.iter().position(|x| *x == o).unwrap_or(usize::MAX)))
        .map_err(fault);
    let derived = json_path::parse::<Holder<Derived>>(text).map(|h| flat(h, |d| d as usize)).map_err(fault);
    (ours, derived)
}

/// Values of every kind where an enum is read.
const VALUES: &[&str] = &[
    r#""ant""#,
    r#""antler""#,
    r#""bee_hive""#,
    r#""an""#,
    r#""""#,
    r#""Ant""#,
    r#""ant\u0000""#,
    r#""a\"nt""#,
    r#""\u0061nt""#,
    "0",
    "2",
    "3",
    "-1",
    "1.5",
    "null",
    "true",
    "[]",
    r#"["ant"]"#,
    "{}",
    r#"{"ant": null}"#,
    r#"{"antler":null}"#,
    r#"{"ant": 1}"#,
    r#"{"ant": {}}"#,
    r#"{"wasp": null}"#,
    r#"{"ant": null, "bee_hive": null}"#,
    r#"{"ant" null}"#,
    // Not a name where the variant's name goes (serde_json refuses it as a key).
    r#"{5: null}"#,
];

fn holder(one: &str, many: &str, maybe: &str, tagged: &str) -> String {
    format!(
        r#"{{"one": {one}, "many": [{many}], "maybe": {maybe}, "tagged": {{"type": "inner", "value": {tagged}}}}}"#
    )
}

#[test]
fn every_kind_of_value_reads_as_the_derive_read_it() {
    for v in VALUES {
        for text in [
            holder(v, "", "null", r#""ant""#),
            holder(r#""ant""#, v, "null", r#""ant""#),
            holder(r#""ant""#, &format!(r#""bee_hive", {v}"#), "null", r#""ant""#),
            holder(r#""ant""#, "", v, r#""ant""#),
            holder(r#""ant""#, "", "null", v),
        ] {
            let (ours, derived) = both(&text);
            assert_eq!(ours, derived, "{text}");
        }
    }
    // Some of these read, and some fail for the enum's own reasons, so the test can fail.
    let (good, _) = both(&holder(r#""antler""#, r#""bee_hive""#, r#""ant""#, r#""antler""#));
    assert_eq!(good, Ok(vec![Some(1), Some(0), Some(2), Some(1)]));
    let (bad, _) = both(&holder(r#""wasp""#, "", "null", r#""ant""#));
    let (message, path) = bad.unwrap_err();
    assert!(message.starts_with("unknown variant `wasp`, expected one of `ant`, `antler`, `bee_hive`"));
    assert_eq!(path, "one");
}

#[test]
fn cut_at_every_byte_the_errors_are_the_derives() {
    let text = holder(r#"{"antler": null}"#, r#""bee_hive", "ant""#, r#""antler""#, r#""bee_hive""#);
    for end in 0..text.len() {
        let (ours, derived) = both(&text[..end]);
        assert_eq!(ours, derived, "{}", &text[..end]);
    }
}

#[test]
fn written_as_the_derive_wrote_it() {
    assert_eq!(Ours::parse("value", "antler").unwrap(), Ours::Antler);
    for (ours, derived) in Ours::ALL.iter().zip([Derived::Ant, Derived::Antler, Derived::Bee]) {
        assert_eq!(serde_json::to_string(ours).unwrap(), serde_json::to_string(&derived).unwrap());
        assert_eq!(
            serde_json::to_string_pretty(&[ours]).unwrap(),
            serde_json::to_string_pretty(&[derived]).unwrap()
        );
    }
}

proptest! {
    /// Any text where an enum is read: a name, nearly a name, or anything at all.
    #[test]
    fn any_text_reads_as_the_derive_read_it(
        value in prop_oneof![
            prop::sample::select(VALUES).prop_map(str::to_owned),
            "[a-z_\"{}:, 0-9]{0,12}",
            any::<String>().prop_map(|s| serde_json::to_string(&s).unwrap()),
        ],
        at in 0..4usize,
    ) {
        let mut parts = [r#""ant""#, "", "null", r#""ant""#].map(str::to_owned);
        parts[at] = value;
        let text = holder(&parts[0], &parts[1], &parts[2], &parts[3]);
        let (ours, derived) = both(&text);
        prop_assert_eq!(ours, derived, "{}", text);
    }
}
