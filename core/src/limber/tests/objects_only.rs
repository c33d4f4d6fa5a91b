//! Every JSON text the library reads goes through `json_path`'s reader, which reads a struct
//! from an object only (`json_path::objects_only`, issue 17). It reads everything else as
//! `serde_json::from_str` does: the same value, or the same error at the same field.

use std::collections::HashMap;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::sample::Index;
use serde::Deserialize;
use serde_json::Value;

use super::json_path::{answers, pointers};
use super::progress::{at, populated};
use crate::Error;
use crate::assessment::{Answers, AssessmentResult};
use crate::json_path;
use crate::progress::{Backup, ExportFormat, backup};

/// The populated store's backup (three weeks of every kind of record), made once.
fn full_backup() -> &'static Value {
    static BACKUP: OnceLock<Value> = OnceLock::new();
    BACKUP.get_or_init(|| {
        let (_dir, store) = populated();
        let file = store.export(ExportFormat::JsonBackup, at(21, 12), "Europe/London").unwrap();
        serde_json::from_slice(&file.bytes).unwrap()
    })
}

/// What plain serde_json and the library's reader make of `text`: the same value, or both an
/// error with the same message (line and column included) at the same field. The one
/// difference allowed is the one meant: ours refuses a struct given as an array (serde's
/// invalid-type error, at the array), where plain serde_json read it by position, or failed
/// within that array.
fn same<'a, T: Deserialize<'a> + PartialEq + std::fmt::Debug>(
    text: &'a str,
) -> std::result::Result<(), String> {
    let plain = serde_json::from_str::<T>(text);
    let ours = json_path::parse::<T>(text);
    let read = json_path::read::<T>(text);
    if let (Err(o), Err(r)) = (&ours, &read)
        && o.error.to_string().starts_with("invalid type: sequence, expected struct ")
        && o.error.to_string() == r.to_string()
    {
        let within =
            |path: &str| o.path == "." || path == o.path || path.starts_with(&format!("{}[", o.path));
        return match plain {
            Ok(_) => Ok(()),
            Err(p) if within(&json_path::path_of(text.as_bytes(), &p)) => Ok(()),
            Err(p) => Err(format!(
                "plain {:?} {p}, ours {:?} {}",
                json_path::path_of(text.as_bytes(), &p),
                o.path,
                o.error
            )),
        };
    }
    match (plain, ours, read) {
        (Ok(p), Ok(o), Ok(r)) if p == o && p == r => Ok(()),
        (Err(p), Err(o), Err(r)) => {
            let plain = (json_path::path_of(text.as_bytes(), &p), p.to_string());
            let ours = (o.path, o.error.to_string());
            if plain == ours && p.to_string() == r.to_string() {
                Ok(())
            } else {
                Err(format!("plain {plain:?}, ours {ours:?}, read {r}"))
            }
        }
        (p, o, r) => {
            Err(format!("plain {:?}, ours {:?}, read {:?}", p.err(), o.err().map(|f| f.path), r.err()))
        }
    }
}

/// A value of every JSON kind, for a value swapped for another.
fn kinds() -> Vec<Value> {
    serde_json::from_str(
        r#"["x", "2026-13-45", "0192f0c1-7b5e-7cc0-9a4e-1f2d3c4b5a69", 5, -1, 9000000000, 1.5,
            true, false, null, [], [1], [[]], ["x", 1], {}, {"zz": 1}, {"gradual": null}]"#,
    )
    .unwrap()
}

/// `v` broken one way: a value swapped for another kind, a field or element left out, an
/// unknown field, or the text cut short. `None` where there is no such place.
fn mutate(v: &Value, how: u8, which: Index, kind: Index, cut: Index, pretty: bool) -> Option<String> {
    let mut all = Vec::new();
    pointers(v, String::new(), &mut all);
    let p = which.get(&all);
    let mut w = v.clone();
    match how % 4 {
        0 => {
            let kinds = kinds();
            *w.pointer_mut(p).unwrap() = kind.get(&kinds).clone();
        }
        // A field left out (or an element, which shortens its list).
        1 => {
            let (parent, key) = p.rsplit_once('/')?;
            match w.pointer_mut(parent).unwrap() {
                Value::Object(m) => drop(m.remove(key)),
                Value::Array(a) => drop(a.remove(key.parse::<usize>().unwrap())),
                _ => unreachable!(),
            }
        }
        // An unknown field, in the object itself or the one holding the value.
        2 => {
            let at = if v.pointer(p).unwrap().is_object() { p } else { p.rsplit_once('/')?.0 };
            w.pointer_mut(at).unwrap().as_object_mut()?.insert("zz_unknown".into(), 1.into());
        }
        _ => {}
    }
    let text = if pretty { serde_json::to_string_pretty(&w).unwrap() } else { w.to_string() };
    if how % 4 == 3 {
        let mut end = cut.index(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        return Some(text[..end].to_owned());
    }
    Some(text)
}

/// The backup with each list cut to a random slice of its records.
fn sliced(v: &Value, cuts: &[(Index, Index)]) -> Value {
    let mut w = v.clone();
    for (list, (from, len)) in
        w.as_object_mut().unwrap().values_mut().filter_map(Value::as_array_mut).zip(cuts)
    {
        let n = list.len();
        let from = from.index(n + 1);
        let len = len.index(n - from + 1);
        *list = list[from..from + len].to_vec();
    }
    w
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_valid_backup_reads_as_plain_serde_json_reads_it(
        cuts in prop::collection::vec((any::<Index>(), any::<Index>()), 8),
        pretty in any::<bool>(),
    ) {
        let v = sliced(full_backup(), &cuts);
        let text = if pretty { serde_json::to_string_pretty(&v).unwrap() } else { v.to_string() };
        prop_assert!(json_path::parse::<Backup>(&text).is_ok());
        prop_assert_eq!(same::<Backup>(&text), Ok(()));
    }

    #[test]
    fn a_broken_backup_fails_as_plain_serde_json_fails(
        how in any::<u8>(), which in any::<Index>(), kind in any::<Index>(), cut in any::<Index>(),
        pretty in any::<bool>(),
    ) {
        let mut v = full_backup().clone();
        v.as_object_mut().unwrap().values_mut().filter_map(Value::as_array_mut).for_each(|list| list.truncate(3));
        let text = mutate(&v, how, which, kind, cut, pretty);
        prop_assume!(text.is_some());
        prop_assert_eq!(same::<Backup>(&text.unwrap()), Ok(()));
    }

    #[test]
    fn broken_answers_fail_as_plain_serde_json_fails(
        how in any::<u8>(), which in any::<Index>(), kind in any::<Index>(), cut in any::<Index>(),
        pretty in any::<bool>(),
    ) {
        let text = mutate(&answers(), how, which, kind, cut, pretty);
        prop_assume!(text.is_some());
        prop_assert_eq!(same::<Answers>(&text.unwrap()), Ok(()));
    }
}

#[test]
fn stored_results_read_as_plain_serde_json_reads_them() {
    let (_dir, store) = populated();
    let saved = store.latest_assessment().unwrap().unwrap();
    let text = serde_json::to_string(&saved.result).unwrap();
    assert_eq!(same::<AssessmentResult>(&text), Ok(()));
    assert_eq!(json_path::read::<AssessmentResult>(&text).unwrap(), saved.result);
}

/// A record given as an array of its values (which plain serde_json reads by position) is
/// refused with serde's error for a value of the wrong kind, at the record, and the backup's
/// error names the record and asks for an object.
#[test]
fn a_record_given_as_an_array_is_refused_at_its_path() {
    let mut v = full_backup().clone();
    // Its values in the order of PainRecord's fields.
    let fields = ["id", "recorded_at", "utc_offset_minutes", "level", "sites", "context", "note"];
    let record = fields.iter().map(|f| v["pain_entries"][2][f].clone()).collect();
    v["pain_entries"][2] = Value::Array(record);
    let text = v.to_string();
    assert!(serde_json::from_str::<Backup>(&text).is_ok(), "plain serde_json reads a struct by position");
    let fault = json_path::parse::<Backup>(&text).expect_err("refused");
    assert_eq!(fault.path, "pain_entries[2]");
    assert!(
        fault.error.to_string().starts_with("invalid type: sequence, expected struct PainRecord"),
        "{}",
        fault.error
    );
    assert!(json_path::read::<Backup>(&text).is_err());
    match backup::read(text.as_bytes()) {
        Err(Error::Invalid { field, range }) => {
            assert_eq!(field, "pain_entries[2]");
            assert_eq!(range, "an object");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn answers_and_their_parts_given_as_arrays_are_refused() {
    // Answers' 22 fields by position.
    let all = format!("[40, 100{}]", ", null".repeat(20));
    for (text, path, what, plain_reads) in [
        // Plain serde_json wants every field without a default here: an invalid length.
        ("[40]", ".", "struct Answers", false),
        (all.as_str(), ".", "struct Answers", true),
        (r#"{"age": 40, "slr": [60, 70]}"#, "slr", "struct Slr", true),
        (r#"{"age": 40, "slr": []}"#, "slr", "struct Slr", true),
    ] {
        assert_eq!(serde_json::from_str::<Answers>(text).is_ok(), plain_reads, "plain serde_json on {text}");
        let fault = json_path::parse::<Answers>(text).expect_err(text);
        assert_eq!(fault.path, path, "{text}");
        assert!(
            fault.error.to_string().starts_with(&format!("invalid type: sequence, expected {what}")),
            "{text}: {}",
            fault.error
        );
    }
}

/// Every shape serde gives a type, read by both: the same value or the same error. A struct
/// given as an array is the one difference (the last table).
mod shapes {
    use super::*;

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        a: i32,
        #[serde(default)]
        b: Option<String>,
    }

    fn doubled<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<i32, D::Error> {
        i32::deserialize(d).map(|n| n * 2)
    }

    #[derive(Debug, PartialEq, Deserialize)]
    enum External {
        Unit,
        Newtype(Inner),
        Tuple(i32, Inner),
        Struct { inner: Inner, n: i32 },
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(tag = "type", rename_all = "snake_case")]
    enum Tagged {
        Plain,
        Data { inner: Inner },
        Wrapped(Inner),
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Unit;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Newtype(Inner);

    #[derive(Debug, PartialEq, Deserialize)]
    struct Pair(i32, Inner);

    #[derive(Debug, PartialEq, Deserialize)]
    struct Flattened {
        n: i32,
        #[serde(flatten)]
        rest: HashMap<String, i32>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Outer {
        #[serde(default)]
        inner: Option<Inner>,
        #[serde(default, deserialize_with = "doubled")]
        twice: i32,
        #[serde(default)]
        list: Vec<Inner>,
        #[serde(default)]
        map: HashMap<String, Inner>,
        #[serde(default)]
        external: Option<External>,
        #[serde(default)]
        tagged: Option<Tagged>,
        #[serde(default)]
        unit: Option<Unit>,
        #[serde(default)]
        newtype: Option<Newtype>,
        #[serde(default)]
        pair: Option<Pair>,
        #[serde(default)]
        tuple: Option<(i32, char, bool)>,
        #[serde(default)]
        flattened: Option<Flattened>,
        #[serde(default)]
        number: f64,
        #[serde(default)]
        ignored: (),
    }

    const TEXTS: &[&str] = &[
        "{}",
        r#"{"inner": {"a": 1}}"#,
        r#"{"inner": {"a": 1, "b": "x"}}"#,
        r#"{"inner": {"a": 1, "b": null}}"#,
        r#"{"inner": null}"#,
        r#"{"inner": {"b": "x"}}"#,
        r#"{"inner": {"a": 1, "c": 2}}"#,
        r#"{"inner": {"a": 1, "a": 2}}"#,
        r#"{"inner": {"a": "1"}}"#,
        r#"{"inner": 5}"#,
        r#"{"inner": "x"}"#,
        r#"{"inner": true}"#,
        r#"{"twice": 4}"#,
        r#"{"twice": "4"}"#,
        r#"{"list": [{"a": 1}, {"a": 2, "b": "y"}]}"#,
        r#"{"list": [{"a": 1}, 3]}"#,
        r#"{"list": {"a": 1}}"#,
        r#"{"map": {"k": {"a": 1}, "l": {"a": 2}}}"#,
        r#"{"map": {"k": {"a": "x"}}}"#,
        r#"{"map": []}"#,
        r#"{"external": "Unit"}"#,
        r#"{"external": {"Unit": null}}"#,
        r#"{"external": {"Newtype": {"a": 1}}}"#,
        r#"{"external": {"Newtype": {"a": 1, "z": 0}}}"#,
        r#"{"external": {"Tuple": [1, {"a": 2}]}}"#,
        r#"{"external": {"Tuple": [1]}}"#,
        r#"{"external": {"Struct": {"inner": {"a": 1}, "n": 2}}}"#,
        r#"{"external": {"Struct": [{"a": 1}, 2]}}"#,
        r#"{"external": {"Struct": {"inner": {"a": 1}}}}"#,
        r#"{"external": "Newtype"}"#,
        r#"{"external": "Other"}"#,
        r#"{"external": {"Other": 1}}"#,
        r#"{"external": 3}"#,
        r#"{"tagged": {"type": "plain"}}"#,
        r#"{"tagged": {"type": "data", "inner": {"a": 1}}}"#,
        r#"{"tagged": {"inner": {"a": 1}, "type": "data"}}"#,
        r#"{"tagged": {"type": "data", "inner": [1]}}"#,
        r#"{"tagged": {"type": "wrapped", "a": 1}}"#,
        r#"{"tagged": {"type": "other"}}"#,
        r#"{"tagged": {"a": 1}}"#,
        r#"{"unit": null}"#,
        r#"{"unit": {}}"#,
        r#"{"newtype": {"a": 1}}"#,
        r#"{"newtype": 1}"#,
        r#"{"pair": [1, {"a": 2}]}"#,
        r#"{"pair": [1]}"#,
        r#"{"pair": {"a": 1}}"#,
        r#"{"tuple": [1, "c", true]}"#,
        r#"{"tuple": [1, "cd", true]}"#,
        r#"{"tuple": [1, "c"]}"#,
        r#"{"flattened": {"n": 1, "x": 2, "y": 3}}"#,
        r#"{"flattened": {"x": 2}}"#,
        r#"{"flattened": {"n": 1, "x": "y"}}"#,
        r#"{"number": 1.5e3}"#,
        r#"{"number": -0}"#,
        r#"{"ignored": null}"#,
        r#"{"unknown": [1, {"deep": [null]}]}"#,
        r#"{"inner": {"a": 1}} x"#,
        r#"{"inner": {"a": 1}"#,
        r#"{"inner": {"a": 1},}"#,
        r#"[]"#,
        r#""x""#,
        "",
    ];

    #[test]
    fn every_shape_reads_as_plain_serde_json_reads_it() {
        let diffs: Vec<String> = TEXTS
            .iter()
            .filter_map(|text| same::<Outer>(text).err().map(|e| format!("{text}: {e}")))
            .collect();
        assert!(diffs.is_empty(), "{}", diffs.join("\n"));
        // Each kind of value was read somewhere, not only refused.
        let read = TEXTS.iter().filter(|t| json_path::parse::<Outer>(t).is_ok()).count();
        assert!(read >= 25, "{read}");
    }

    /// A struct given as an array: plain serde_json reads it by position; ours refuses it
    /// wherever it stands, as it refuses any other kind of value given for a struct.
    #[test]
    fn a_struct_given_as_an_array_is_refused_wherever_it_stands() {
        for (text, path, what) in [
            (r#"{"inner": [1, "x"]}"#, "inner", "struct Inner"),
            (r#"{"list": [{"a": 1}, [2]]}"#, "list[1]", "struct Inner"),
            (r#"{"map": {"k": [1]}}"#, "map.k", "struct Inner"),
            (r#"{"external": {"Newtype": [1]}}"#, "external.Newtype", "struct Inner"),
            (r#"{"external": {"Tuple": [1, [2]]}}"#, "external.Tuple[1]", "struct Inner"),
            (r#"{"newtype": [1]}"#, "newtype", "struct Inner"),
            (r#"{"pair": [1, [2]]}"#, "pair[1]", "struct Inner"),
            (r#"[null, 0]"#, ".", "struct Outer"),
        ] {
            assert!(serde_json::from_str::<Outer>(text).is_ok(), "plain serde_json reads {text}");
            let fault = json_path::parse::<Outer>(text).expect_err(text);
            assert_eq!(fault.path, path, "{text}");
            let message = fault.error.to_string();
            assert!(
                message.starts_with(&format!("invalid type: sequence, expected {what}")),
                "{text}: {message}"
            );
            assert!(json_path::read::<Outer>(text).is_err(), "{text}");
        }
    }
}
