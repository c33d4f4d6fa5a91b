//! The field named for a JSON error is the one serde_path_to_error (which `json_path` replaced
//! in the library) names, on broken backups and answers of every kind.

use serde::Deserialize;
use serde_json::Value;

use super::progress::{at, populated};
use crate::assessment::Answers;
use crate::json_path;
use crate::json_path::objects_only::ObjectsOnly;
use crate::progress::{Backup, ExportFormat};

/// serde_path_to_error's path and message, and ours, for the same text. `every` compares
/// every error; otherwise only those whose path reaches a backup's message (data errors and
/// deep nesting: a backup's other syntax errors name the whole file).
fn both<'a, T: Deserialize<'a>>(
    bytes: &'a [u8],
    every: bool,
) -> Option<((String, String), (String, String))> {
    // serde_path_to_error reads one value; like serde_json::from_str, ours then wants the end.
    // It reads through the library's reader (a struct from an object only), as ours does.
    let mut reader = serde_json::Deserializer::from_slice(bytes);
    let theirs = match serde_path_to_error::deserialize::<_, T>(ObjectsOnly(&mut reader)) {
        Ok(_) => match reader.end() {
            Ok(()) => None,
            Err(e) if every => Some((".".to_owned(), e.to_string())),
            Err(_) => return None,
        },
        Err(e) if every || e.inner().0.is_data() || e.inner().to_string().starts_with("recursion") => {
            Some((e.path().to_string(), e.inner().to_string()))
        }
        Err(_) => return None,
    };
    // Ours reads text, as the library does (the texts here are UTF-8 or are left out).
    let ours = match json_path::parse::<T>(std::str::from_utf8(bytes).ok()?) {
        Ok(_) => None,
        Err(f) => Some((f.path, f.error.to_string())),
    };
    match (theirs, ours) {
        (None, None) => None,
        (theirs, ours) => Some((theirs.unwrap_or_default(), ours.unwrap_or_default())),
    }
}

/// Every difference for `T` over `texts`, one line per kind: (theirs, ours, the message).
fn differences<T: for<'a> Deserialize<'a>>(texts: &[Vec<u8>], every: bool) -> Vec<String> {
    let mut kinds: Vec<String> = texts
        .iter()
        .filter_map(|t| {
            let (theirs, ours) = both::<T>(t, every)?;
            let message =
                |m: &str| m.split(" at line").next().unwrap_or_default().chars().take(60).collect::<String>();
            (theirs != ours).then(|| format!("{} / {} / {}", theirs.0, ours.0, message(&theirs.1)))
        })
        .collect();
    kinds.sort();
    kinds.dedup();
    kinds
}

/// A backup with one record of each kind, from the ordinary API.
fn small_backup() -> Value {
    let (_dir, store) = populated();
    let file = store.export(ExportFormat::JsonBackup, at(21, 12), "Europe/London").unwrap();
    let mut v: Value = serde_json::from_slice(&file.bytes).unwrap();
    for list in v.as_object_mut().unwrap().values_mut() {
        if let Some(items) = list.as_array_mut() {
            assert!(!items.is_empty(), "every kind of record is there");
            items.truncate(1);
        }
    }
    v
}

/// The example answers of `tests/fixtures`, every field filled.
pub(super) fn answers() -> Value {
    serde_json::from_str(include_str!("../../../../tests/fixtures/answers-example.json")).unwrap()
}

/// Every value of `v` (by JSON pointer), objects and arrays included.
pub(super) fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => m.iter().for_each(|(k, x)| pointers(x, format!("{at}/{k}"), out)),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| pointers(x, format!("{at}/{i}"), out)),
        _ => {}
    }
    out.push(at);
}

/// Each value swapped for each other kind, each field left out, doubled, or joined by an
/// unknown one; the text cut at every byte and each byte swapped for JSON's punctuation,
/// compact and pretty (lines and columns); every `step`th byte of the compact text, and of
/// the pretty one every `7 * step`th.
fn broken(v: &Value, step: usize) -> Vec<Vec<u8>> {
    let kinds: Vec<Value> = serde_json::from_str(
        r#"["x", "2026-13-45", "0192f0c1-7b5e-7cc0-9a4e-1f2d3c4b5a69", 5, -1, 9000000000, 1.5,
            true, null, [], [1], [[]], {}, {"zz": 1}, {"gradual": null}, {"gradual": 1}]"#,
    )
    .unwrap();
    let mut out = Vec::new();
    let mut all = Vec::new();
    pointers(v, String::new(), &mut all);
    for p in &all {
        for kind in &kinds {
            let mut w = v.clone();
            *w.pointer_mut(p).unwrap() = kind.clone();
            out.push(w.to_string().into_bytes());
        }
        if let Some((parent, key)) = p.rsplit_once('/')
            && let Some(object) = v.pointer(parent).and_then(Value::as_object)
        {
            let mut w = v.clone();
            w.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key);
            out.push(w.to_string().into_bytes());
            let text = serde_json::to_string(object).unwrap();
            let doubled = text.replacen('{', &format!("{{\"{key}\": {}, ", v.pointer(p).unwrap()), 1);
            let unknown = text.replacen('{', "{\"zz\": 1, ", 1);
            for edited in [doubled, unknown] {
                let whole = v.to_string();
                out.push(whole.replacen(&text, &edited, 1).into_bytes());
            }
        }
    }
    for (n, text) in [v.to_string(), serde_json::to_string_pretty(v).unwrap()].into_iter().enumerate() {
        let bytes = text.into_bytes();
        out.extend((0..bytes.len()).map(|n| bytes[..n].to_vec()));
        for (i, b) in bytes.iter().enumerate().filter(|(i, _)| i % (step * if n == 0 { 1 } else { 7 }) == 0) {
            // Not `{`: an enum written as an object in a text that is not JSON is the one place
            // the two differ (`json_path`'s notes).
            for c in [b'x', b'"', b'}', b']', b',', b':', b'\\', b'0', b'['] {
                if c != *b {
                    let mut w = bytes.clone();
                    w[i] = c;
                    out.push(w);
                }
            }
        }
    }
    out
}

#[test]
fn answers_errors_name_the_same_field_as_serde_path_to_error() {
    let diffs = differences::<Answers>(&broken(&answers(), 1), true);
    assert!(diffs.is_empty(), "theirs / ours / message:\n{}", diffs.join("\n"));
}

#[test]
fn backup_errors_name_the_same_field_as_serde_path_to_error() {
    let diffs = differences::<Backup>(&broken(&small_backup(), 3), false);
    assert!(diffs.is_empty(), "theirs / ours / message:\n{}", diffs.join("\n"));
}

#[test]
fn deep_nesting_and_escaped_keys_name_the_same_field() {
    let deep = "[".repeat(300);
    let texts: Vec<Vec<u8>> = [
        format!(r#"{{"age": 40, "slr": {deep}"#),
        format!(r#"{{"age": 40, "pain_sites": {deep}"#),
        r#"{"age": 40, "s\u006cr": {"left_deg": "x"}}"#.to_owned(),
        r#"{"age": 40, "sl\r": 1}"#.to_owned(),
        r#"{"age": 40, "slr": {"left_deg": 1, "left_deg": 2}}"#.to_owned(),
        "\n\n  {\"age\": 40,\n \"slr\": {\"left_deg\":\n \"x\"}}".to_owned(),
    ]
    .into_iter()
    .map(String::into_bytes)
    .collect();
    let diffs = differences::<Answers>(&texts, true);
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}

/// A skipped value nested far deeper than serde_json reads typed ones, never closed: the
/// scanner stops following it at `MAX_DEPTH` and places the error within the skipped field.
#[test]
fn a_deep_skipped_value_is_placed_within_its_field() {
    let mut v = small_backup();
    v["assessments"][0]["result"] = "HERE".into();
    let text = v.to_string().replace("\"HERE\"", &"[".repeat(1_000_000));
    match json_path::parse::<Backup>(&text) {
        Err(f) => assert!(f.path.starts_with("assessments[0].result"), "{}", f.path),
        Ok(_) => panic!("a file cut short parsed"),
    }
}

/// A backup that is not all UTF-8 is read as text up to the first bad byte: a newer Limber
/// is still named first, a mistake before the bad byte names its field, and one with none
/// before it is a damaged file.
#[test]
fn a_backup_with_a_byte_that_is_not_utf8_says_what_reading_the_bytes_said() {
    use crate::Error;
    use crate::progress::backup;
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut v = small_backup();
        v["pain_entries"][0]["note"] = "BAD".into();
        edit(&mut v);
        v.to_string().replace("BAD", "a\u{e9}").replace('\u{e9}', "\u{0}").into_bytes()
    };
    let bad = |mut bytes: Vec<u8>| {
        let at = bytes.iter().position(|&b| b == 0).unwrap();
        bytes[at] = 0xE9;
        assert!(std::str::from_utf8(&bytes).is_err());
        backup::read(&bytes)
    };
    match bad(with(&|v| v["format_version"] = (backup::FORMAT_VERSION + 1).into())) {
        Err(Error::NewerBackup { what: "format", .. }) => {}
        other => panic!("{other:?}"),
    }
    match bad(with(&|v| v["exported_at"] = 5.into())) {
        Err(Error::Invalid { field, .. }) => assert_eq!(field, "exported_at"),
        other => panic!("{other:?}"),
    }
    match bad(with(&|_| {})) {
        Err(Error::Invalid { field, range }) => {
            assert_eq!(field, "backup");
            assert!(range.contains("damaged"), "{range}");
        }
        other => panic!("{other:?}"),
    }
}
