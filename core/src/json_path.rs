//! Which field of a JSON text a parse error is about, for error messages that name the field
//! (`pain_entries[1].level`, `slr.left_deg`).
//!
//! The typed value is parsed by serde_json alone; only when that fails is the text read again,
//! up to where serde_json stopped, by the small scanner below, which follows serde_json's own
//! order of reading and says whose reading failed. The paths are those serde_path_to_error
//! gives (`a.b[0].c`, `.` for the whole text, `?` for a key that could not be read), which
//! this replaced to keep the phone library small: that crate wraps every type's
//! deserializer, about 260 KiB of code, for what is only ever the error path (issue 17). The
//! test `limber::tests::json_path` holds the two to the same answer on broken files: cut at
//! every byte, each value swapped for every other kind, each field left out, doubled or
//! unknown.
//!
//! Known difference: inside a value that is skipped unread (`serde(deserialize_with =
//! "ignore")`) a syntax error is placed where it is, not at the skipped field; such errors
//! name the whole file anyway.

use serde::Deserialize;
use serde_json::error::Category;

pub(crate) mod objects_only;
mod outlined;

use objects_only::ObjectsOnly;

/// Containers the scanner follows: deeper than serde_json reads a typed value (128 levels),
/// so only inside a value skipped unread, whose syntax errors name the whole file.
const MAX_DEPTH: usize = 256;

/// A value that did not parse, with the path of the field at fault.
pub(crate) struct Fault {
    /// `a.b[0].c`; `.` for the whole text.
    pub path: String,
    /// serde_json's error, for its message and category.
    pub error: serde_json::Error,
}

/// Parses `text` as one `T` and nothing after it but white space, with the path of the field
/// at fault on an error (`.` for text after the value). Text, as the backup's fast path and
/// every JSON column read it: one reader type, so each type's parsing code is in the phone
/// library once (issue 17). A struct is read from an object only (see `objects_only`).
pub(crate) fn parse<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, Fault> {
    let mut reader = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(ObjectsOnly(&mut reader))
        .map_err(|error| Fault { path: path_of(text.as_bytes(), &error.0), error: error.0 })?;
    // serde_json::from_str refuses trailing text too; a value followed by more is not one value.
    reader.end().map_err(|error| Fault { path: ".".to_owned(), error })?;
    Ok(value)
}

/// What serde's `message` says was expected instead (`i32`, ``one of `a`, `b` ``), read from
/// its end: a key or a value quoted before it may hold ", expected " too.
pub(crate) fn expected(message: &str) -> Option<&str> {
    message.rsplit_once(", expected ").map(|(_, expected)| expected)
}

/// The longest key an error repeats from a file, in bytes.
const MAX_SHOWN_KEY: usize = 40;

/// How an error names the unknown field its `message` (serde's ``unknown field `key`,
/// expected ...``) is about, at `path` (which ends with that key). The key is the file's own
/// text and could be anything, health data included, so it is shown only when it reads as a
/// field name (ASCII lower-case letters, digits and `_`, at most 40 bytes); any other key is
/// `?`, the mark of a key that could not be read: `pain_entries[2].?`.
pub(crate) fn unknown_field(path: &str, message: &str) -> String {
    // serde's own text follows the key, so the key ends at the last of these, whatever the key
    // itself holds.
    let rest = message.strip_prefix("unknown field `").unwrap_or_default();
    let end = rest.rfind("`, expected ").or_else(|| rest.rfind("`, there are no fields"));
    let Some(key) = end.map(|end| &rest[..end]) else { return "?".to_owned() };
    // The key must be the path's whole last segment: `parent.key`, or `key` at the top.
    let parent = match path.strip_suffix(key) {
        Some("") => None,
        Some(p) => match p.strip_suffix('.') {
            Some(parent) => Some(parent),
            None => return "?".to_owned(),
        },
        None => return "?".to_owned(),
    };
    let field_like = !key.is_empty()
        && key.len() <= MAX_SHOWN_KEY
        && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    match (field_like, parent) {
        (true, _) => path.to_owned(),
        (false, Some(parent)) => format!("{parent}.?"),
        (false, None) => "?".to_owned(),
    }
}

/// [`parse`] without the path, where the error is not shown field by field (a JSON column, the
/// backup's fast path): `serde_json::from_str`, through the same reader as [`parse`], so each
/// type's parsing code is in the phone library once.
pub(crate) fn read<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, serde_json::Error> {
    let mut reader = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(ObjectsOnly(&mut reader)).map_err(|e| e.0)?;
    reader.end()?;
    Ok(value)
}

/// [`parse`] for bytes that may not be UTF-8 (a backup's header, read before anything else).
pub(crate) fn parse_bytes<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, Fault> {
    T::deserialize(ObjectsOnly(&mut serde_json::Deserializer::from_slice(bytes)))
        .map_err(|error| Fault { path: path_of(bytes, &error.0), error: error.0 })
}

/// What one open container is reading.
enum Slot {
    /// The key of the value being read (`?` when it could not be read).
    Key(String),
    /// The index of the element being read.
    Index(usize),
}

struct Frame {
    object: bool,
    /// The value being read in this container, if one has begun.
    slot: Option<Slot>,
    /// Elements begun so far (arrays).
    elements: usize,
}

/// Where the scanner stands: which reading is under way (see `whose`).
#[derive(Clone, Copy, PartialEq)]
enum At {
    /// A value is expected (the value's own reading).
    Value,
    /// After `[` or `,` in an array, before an element begins (the array's reading).
    Element { after_comma: bool },
    /// After `{` or `,` in an object, before a key begins (the object's reading of a key).
    Key { after_comma: bool },
    /// After a key, before its `:` (the key's own errors; a missing `:` is the object's).
    AfterKey,
    /// Inside a string: a key from `key` (the object's reading of a key) or a value; after a
    /// `\\`, or with `hex` digits of a `\\u` escape to come.
    Str { key: Option<usize>, escape: bool, hex: u8 },
    /// Inside `true`, `false` or `null`: the bytes still to come.
    Literal(&'static [u8]),
    /// Inside a number.
    Number(Num),
    /// A value is complete; the container reads on.
    Done,
}

/// The JSON number grammar, as far as it matters for where a number ends.
#[derive(Clone, Copy, PartialEq)]
enum Num {
    Minus,
    Zero,
    Int,
    Dot,
    Frac,
    Exp,
    ExpSign,
    ExpDigits,
}

impl Num {
    fn complete(self) -> bool {
        matches!(self, Num::Zero | Num::Int | Num::Frac | Num::ExpDigits)
    }

    /// The state after `c`, or `None` where the number ends (or is malformed).
    fn next(self, c: u8) -> Option<Num> {
        Some(match (self, c) {
            (Num::Minus, b'0') => Num::Zero,
            (Num::Minus, b'1'..=b'9') | (Num::Int, b'0'..=b'9') => Num::Int,
            (Num::Zero | Num::Int, b'.') => Num::Dot,
            (Num::Dot | Num::Frac, b'0'..=b'9') => Num::Frac,
            (Num::Zero | Num::Int | Num::Frac, b'e' | b'E') => Num::Exp,
            (Num::Exp, b'+' | b'-') => Num::ExpSign,
            (Num::Exp | Num::ExpSign | Num::ExpDigits, b'0'..=b'9') => Num::ExpDigits,
            _ => return None,
        })
    }
}

/// Whose reading an error belongs to.
enum Whose {
    /// The value being read: the path includes the innermost slot.
    Value,
    /// The innermost container: the path stops at it.
    Container,
    /// The innermost object, reading a key it could not read: the path ends in `?`.
    UnreadKey,
}

/// The path of the field at fault for `error`, reading `bytes` up to where it stopped.
pub(crate) fn path_of(bytes: &[u8], error: &serde_json::Error) -> String {
    let end = offset(bytes, error.line(), error.column()).min(bytes.len());
    let message = error.to_string();
    let category = error.classify();
    let mut stack: Vec<Frame> = Vec::new();
    let mut at = At::Value;
    let mut i = 0;
    let whose = loop {
        if i == end {
            break at_end(at, &mut stack, category, &message);
        }
        let c = bytes[i];
        let white = matches!(c, b' ' | b'\t' | b'\n' | b'\r');
        match at {
            At::Value => {
                if white {
                } else if let Some(next) = begin(c) {
                    at = next;
                    if matches!(c, b'[' | b'{') {
                        if stack.len() == MAX_DEPTH {
                            // Only a value skipped unread nests this deep; the memory stays
                            // bounded however deep the file goes.
                            break Whose::Container;
                        }
                        stack.push(Frame { object: c == b'{', slot: None, elements: 0 });
                        if i + 1 == end && message.starts_with("recursion limit exceeded") {
                            // Refused before the container was entered: its own reading.
                            stack.pop();
                            break Whose::Value;
                        }
                    }
                } else {
                    break Whose::Value;
                }
            }
            At::Element { after_comma } => {
                if white {
                } else if c == b']' {
                    if after_comma {
                        break Whose::Container;
                    }
                    at = close(&mut stack);
                } else {
                    if let Some(frame) = stack.last_mut() {
                        frame.slot = Some(Slot::Index(frame.elements));
                        frame.elements += 1;
                    }
                    at = At::Value;
                    continue;
                }
            }
            At::Key { after_comma } => {
                if white {
                } else if c == b'"' {
                    at = At::Str { key: Some(i), escape: false, hex: 0 };
                } else if c == b'}' && !after_comma {
                    if i + 1 == end && message.starts_with("expected value") {
                        // `{}` where an enum's variant name was expected: the enum's error.
                        break Whose::Container;
                    }
                    at = close(&mut stack);
                } else {
                    break Whose::UnreadKey;
                }
            }
            At::AfterKey => {
                if white {
                } else if c == b':' {
                    at = At::Value;
                } else {
                    break Whose::Container;
                }
            }
            At::Str { key: start, escape, hex } => {
                at = if hex > 0 {
                    At::Str { key: start, escape: false, hex: hex - 1 }
                } else if escape {
                    At::Str { key: start, escape: false, hex: if c == b'u' { 4 } else { 0 } }
                } else if c == b'\\' {
                    At::Str { key: start, escape: true, hex: 0 }
                } else if c != b'"' {
                    at
                } else if let Some(start) = start {
                    if let Some(frame) = stack.last_mut() {
                        frame.slot = Some(Slot::Key(key(&bytes[start..=i])));
                    }
                    At::AfterKey
                } else {
                    At::Done
                };
            }
            At::Literal(rest) => match rest.split_first() {
                Some((&first, tail)) if first == c => {
                    at = if tail.is_empty() { At::Done } else { At::Literal(tail) };
                }
                _ => break Whose::Value,
            },
            At::Number(n) => match n.next(c) {
                Some(next) => at = At::Number(next),
                None if n == Num::Zero && c.is_ascii_digit() => break Whose::Value,
                None if n.complete() => {
                    at = At::Done;
                    continue;
                }
                None => break Whose::Value,
            },
            At::Done => {
                let object = match stack.last() {
                    Some(frame) => frame.object,
                    // Nothing is read after the whole value.
                    None => break Whose::Value,
                };
                if white {
                } else if c == b',' {
                    if let Some(frame) = stack.last_mut() {
                        frame.slot = None;
                    }
                    at = if object {
                        At::Key { after_comma: true }
                    } else {
                        At::Element { after_comma: true }
                    };
                } else if c == if object { b'}' } else { b']' } {
                    at = close(&mut stack);
                } else if object {
                    break Whose::UnreadKey;
                } else {
                    break Whose::Container;
                }
            }
        }
        i += 1;
    };
    render(&stack, whose)
}

/// The reading a value's first byte starts, if it can start one.
fn begin(c: u8) -> Option<At> {
    Some(match c {
        b'{' => At::Key { after_comma: false },
        b'[' => At::Element { after_comma: false },
        b'"' => At::Str { key: None, escape: false, hex: 0 },
        b't' => At::Literal(b"rue"),
        b'f' => At::Literal(b"alse"),
        b'n' => At::Literal(b"ull"),
        b'-' => At::Number(Num::Minus),
        b'0' => At::Number(Num::Zero),
        b'1'..=b'9' => At::Number(Num::Int),
        _ => return None,
    })
}

/// Closes the innermost container: it is a complete value of its parent.
fn close(stack: &mut Vec<Frame>) -> At {
    stack.pop();
    At::Done
}

/// Whose reading failed when serde_json stopped at the scanner's place.
fn at_end(at: At, stack: &mut [Frame], category: Category, message: &str) -> Whose {
    let data = category == Category::Data;
    match at {
        At::Str { key: Some(_), .. } => Whose::UnreadKey,
        At::Value | At::Str { .. } | At::Literal(_) => Whose::Value,
        // A complete number at the end of the text: the container found the end.
        At::Number(n) if category == Category::Eof && n.complete() => after_value(stack),
        At::Number(_) => Whose::Value,
        // A value's error before its first byte was taken: the element had begun.
        At::Element { .. } if data => {
            if let Some(frame) = stack.last_mut() {
                frame.slot = Some(Slot::Index(frame.elements));
            }
            Whose::Value
        }
        At::Element { .. } => Whose::Container,
        At::Key { .. } => Whose::UnreadKey,
        // The key's own error (unknown), unless the object refuses it (given twice) or it was
        // an enum's variant name (unknown variant: the enum's error).
        At::AfterKey
            if data && !message.starts_with("duplicate field") && !message.starts_with("unknown variant") =>
        {
            Whose::Value
        }
        At::AfterKey => Whose::Container,
        // The value's own check of what it read (a UUID, a date, a struct's missing field).
        At::Done if data => Whose::Value,
        // Only an enum written as an object (`{"variant": null}`) wants its `}` so.
        At::Done if message.starts_with("expected value") => Whose::Container,
        At::Done => after_value(stack),
    }
}

/// Who reads on after a complete value: the object reading its next key, or the array.
fn after_value(stack: &[Frame]) -> Whose {
    match stack.last() {
        Some(frame) if frame.object => Whose::UnreadKey,
        Some(_) => Whose::Container,
        None => Whose::Value,
    }
}

fn render(stack: &[Frame], whose: Whose) -> String {
    let last = stack.len().saturating_sub(1);
    let unread = Slot::Key("?".to_owned());
    let slots = stack.iter().enumerate().filter_map(|(i, frame)| match (i == last, &whose) {
        (true, Whose::UnreadKey) => Some(&unread),
        (false, _) | (true, Whose::Value) => frame.slot.as_ref(),
        (true, Whose::Container) => None,
    });
    let mut path = String::new();
    let mut first = true;
    for slot in slots {
        match slot {
            Slot::Key(key) => {
                if !first {
                    path.push('.');
                }
                path.push_str(key);
            }
            Slot::Index(i) => {
                path.push('[');
                path.push_str(&i.to_string());
                path.push(']');
            }
        }
        first = false;
    }
    if first { ".".to_owned() } else { path }
}

/// A key as serde reads it, escapes undone.
fn key(quoted: &[u8]) -> String {
    let inner = &quoted[1..quoted.len() - 1];
    if inner.contains(&b'\\') {
        // Through the same reader as `parse_bytes`, so `String`'s parsing code is there once.
        String::deserialize(ObjectsOnly(&mut serde_json::Deserializer::from_slice(quoted)))
            .unwrap_or_default()
    } else {
        String::from_utf8_lossy(inner).into_owned()
    }
}

/// The byte offset of serde_json's line (from 1) and column (bytes into the line).
fn offset(bytes: &[u8], line: usize, column: usize) -> usize {
    if line <= 1 {
        return column;
    }
    let start = bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'\n')
        .nth(line - 2)
        .map_or(bytes.len(), |(i, _)| i + 1);
    start + column
}
