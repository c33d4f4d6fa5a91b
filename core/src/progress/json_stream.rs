//! Writing a pretty-printed JSON object record by record, so a file of any length is written
//! with one record in memory at a time. The bytes are exactly what `serde_json::to_vec_pretty`
//! gives for the whole object (two-space indent), which the tests check.

use std::io::Write;

use serde::Serialize;

use crate::{Error, Result};

/// An object at the top level, its fields written in order; a list field's items one by one.
pub(crate) struct JsonStream<W: Write> {
    out: W,
    /// One record's pretty text, reused for every record.
    buf: Vec<u8>,
    fields: usize,
    items: Option<usize>,
}

impl<W: Write> JsonStream<W> {
    pub fn new(mut out: W) -> Result<Self> {
        out.write_all(b"{")?;
        Ok(JsonStream { out, buf: Vec::with_capacity(4096), fields: 0, items: None })
    }

    /// A field holding one value.
    pub fn field(&mut self, name: &str, value: &impl Serialize) -> Result<()> {
        self.key(name)?;
        self.value(value, b"\n  ")
    }

    /// Starts a list field; add its items with [`JsonStream::item`], close it with
    /// [`JsonStream::end_list`].
    pub fn begin_list(&mut self, name: &str) -> Result<()> {
        self.key(name)?;
        self.out.write_all(b"[")?;
        self.items = Some(0);
        Ok(())
    }

    pub fn item(&mut self, value: &impl Serialize) -> Result<()> {
        let n = self.items.ok_or_else(|| bug("an item outside a list"))?;
        self.out.write_all(if n == 0 { b"\n    " } else { b",\n    " })?;
        self.items = Some(n + 1);
        self.value(value, b"\n    ")
    }

    pub fn end_list(&mut self) -> Result<()> {
        match self.items.take() {
            Some(0) => self.out.write_all(b"]")?,
            Some(_) => self.out.write_all(b"\n  ]")?,
            None => return Err(bug("the end of a list never begun")),
        }
        Ok(())
    }

    /// Closes the object and hands back the writer, flushed.
    pub fn finish(mut self) -> Result<W> {
        self.out.write_all(if self.fields == 0 { b"}" } else { b"\n}" })?;
        self.out.flush()?;
        Ok(self.out)
    }

    fn key(&mut self, name: &str) -> Result<()> {
        self.out.write_all(if self.fields == 0 { b"\n  " } else { b",\n  " })?;
        self.fields += 1;
        crate::json_text::write_str(&mut self.out, name)?;
        self.out.write_all(b": ")?;
        Ok(())
    }

    /// The value pretty-printed, each new line indented to its depth. serde_json escapes line
    /// breaks inside strings, so every raw `\n` in its output starts a new line of structure.
    fn value(&mut self, value: &impl Serialize, newline: &[u8]) -> Result<()> {
        self.buf.clear();
        serde_json::to_writer_pretty(&mut self.buf, value).map_err(json_error)?;
        let mut lines = self.buf.split(|b| *b == b'\n');
        if let Some(first) = lines.next() {
            self.out.write_all(first)?;
        }
        for line in lines {
            self.out.write_all(newline)?;
            self.out.write_all(line)?;
        }
        Ok(())
    }
}

/// The writer's errors (a full disk, a closed descriptor) are the file's; anything else in
/// serialising Limber's own types is a bug.
fn json_error(e: serde_json::Error) -> Error {
    match e.io_error_kind() {
        Some(kind) => Error::Io(std::io::Error::from(kind)),
        None => Error::Internal("encoding an export as JSON"),
    }
}

fn bug(_what: &str) -> Error {
    Error::Internal("writing an export's JSON out of order")
}

/// Serialising our own types cannot fail; if it ever does, it is a bug, not bad input.
pub(crate) fn json_bug(_: serde_json::Error) -> Error {
    Error::Internal("encoding an export as JSON")
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;

    fn streamed(fields: &[(&str, Value)]) -> Vec<u8> {
        let mut s = JsonStream::new(Vec::new()).unwrap();
        for (name, value) in fields {
            match value {
                Value::Array(items) => {
                    s.begin_list(name).unwrap();
                    for item in items {
                        s.item(item).unwrap();
                    }
                    s.end_list().unwrap();
                }
                other => s.field(name, other).unwrap(),
            }
        }
        s.finish().unwrap()
    }

    #[test]
    fn the_bytes_are_serde_jsons_pretty_print_of_the_whole_object() {
        let fields = [
            ("a", json!("text with\nline \"breaks\"")),
            ("empty", json!([])),
            ("last", json!(3.5)),
            ("nested", json!({"x": [1, 2, {"y": null}], "z": {}})),
            ("records", json!([{"id": 1, "sites": [{"s": "low_back"}], "note": "a\nb"}, 2, [], {}])),
        ];
        let whole: serde_json::Map<String, Value> =
            fields.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect();
        // serde_json's Map sorts its keys; the fields above are already in that order.
        assert_eq!(
            String::from_utf8(streamed(&fields)).unwrap(),
            String::from_utf8(serde_json::to_vec_pretty(&whole).unwrap()).unwrap()
        );
        assert_eq!(streamed(&[]), b"{}");
    }
}
