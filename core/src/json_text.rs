//! JSON text written by hand, for the two places that build JSON of their own shape rather than
//! serialise a type: the FHIR export (pretty-printed, streamed: [`Pretty`]) and the answers
//! built from responses (compact, built as a [`Block`] tree first), without `serde_json::Value`:
//! its tree, `json!` expansions and serializer, with the code that built them, were 33 KiB of
//! the phone library (issue 17). The bytes are serde_json's:
//! its string escapes, its pretty layout (two-space indent, `[]` and `{}` when empty); the
//! callers write keys in the order serde_json's sorted `Map` would.

use std::io::{self, Write};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Writes `text` as a JSON string, escaped as serde_json escapes it: `"` and `\`, the control
/// characters below U+0020 (`\b \t \n \f \r` short, the rest `\u00XX`); everything else as is.
pub(crate) fn write_str(out: &mut dyn Write, text: &str) -> io::Result<()> {
    let bytes = text.as_bytes();
    out.write_all(b"\"")?;
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            0x08 => b'b',
            0x0C => b'f',
            0..=0x1F => b'u',
            _ => continue,
        };
        out.write_all(&bytes[start..i])?;
        start = i + 1;
        if short == b'u' {
            out.write_all(&[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]])?;
        } else {
            out.write_all(&[b'\\', short])?;
        }
    }
    out.write_all(&bytes[start..])?;
    out.write_all(b"\"")
}

/// Indentation for up to 16 levels; deeper is not written by Limber.
const SPACES: &[u8; 32] = b"                                ";

/// A pretty-printed JSON value written as it goes: open a container, write its members in
/// order (object members with a key, array items with `None`), close it.
pub(crate) struct Pretty<'a> {
    out: &'a mut dyn Write,
    depth: usize,
    /// Nothing written yet in the container just opened.
    empty: bool,
}

impl<'a> Pretty<'a> {
    pub fn new(out: &'a mut dyn Write) -> Self {
        Pretty { out, depth: 0, empty: false }
    }

    /// Where the next member starts: after a comma unless it is the first, on its own line,
    /// with its key when it has one.
    fn member(&mut self, key: Option<&str>) -> io::Result<()> {
        if self.depth > 0 {
            self.out.write_all(if self.empty { b"\n" } else { b",\n" })?;
            self.out.write_all(&SPACES[..(2 * self.depth).min(SPACES.len())])?;
        }
        self.empty = false;
        if let Some(key) = key {
            write_str(self.out, key)?;
            self.out.write_all(b": ")?;
        }
        Ok(())
    }

    /// Opens an object (`b'{'`) or array (`b'['`).
    pub fn open(&mut self, key: Option<&str>, bracket: u8) -> io::Result<()> {
        self.member(key)?;
        self.out.write_all(&[bracket])?;
        self.depth += 1;
        self.empty = true;
        Ok(())
    }

    /// Closes the container opened last with its `b'}'` or `b']'`.
    pub fn close(&mut self, bracket: u8) -> io::Result<()> {
        self.depth -= 1;
        if !self.empty {
            self.out.write_all(b"\n")?;
            self.out.write_all(&SPACES[..(2 * self.depth).min(SPACES.len())])?;
        }
        self.empty = false;
        self.out.write_all(&[bracket])
    }

    /// A string member.
    pub fn str(&mut self, key: Option<&str>, value: &str) -> io::Result<()> {
        self.member(key)?;
        write_str(self.out, value)
    }

    /// A number member.
    pub fn int(&mut self, key: Option<&str>, value: i32) -> io::Result<()> {
        self.member(key)?;
        write!(self.out, "{value}")
    }

    /// An object holding one string: `{"key": "value"}`, the common small block.
    pub fn one(&mut self, key: Option<&str>, inner: &str, value: &str) -> io::Result<()> {
        self.open(key, b'{')?;
        self.str(Some(inner), value)?;
        self.close(b'}')
    }
}

/// A compact JSON object being built, then written at once: its members kept in key order
/// (serde_json's `Map` is sorted), each a value's JSON text or an object.
#[derive(Default)]
pub(crate) struct Block(Vec<(String, Member)>);

/// A member of a [`Block`].
pub(crate) enum Member {
    /// A value's JSON text.
    Text(Vec<u8>),
    Block(Block),
}

impl Block {
    /// Where `name` is, or would go.
    pub fn find(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(key, _)| key.as_str().cmp(name))
    }

    /// Sets `name` to `member`, in place of whatever it held.
    pub fn insert(&mut self, name: &str, member: Member) {
        match self.find(name) {
            Ok(i) => self.0[i].1 = member,
            Err(i) => self.0.insert(i, (name.to_owned(), member)),
        }
    }

    /// The member `name`, an empty object put there first if there is none.
    pub fn entry(&mut self, name: &str) -> &mut Member {
        let i = match self.find(name) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (name.to_owned(), Member::Block(Block::default())));
                i
            }
        };
        &mut self.0[i].1
    }

    /// The object's compact text, as serde_json's `to_string` writes it.
    pub fn text(&self) -> crate::Result<String> {
        let mut out = Vec::new();
        self.write(&mut out)?;
        String::from_utf8(out).map_err(|_| crate::Error::Internal("writing JSON text"))
    }

    fn write(&self, out: &mut Vec<u8>) -> io::Result<()> {
        out.push(b'{');
        for (i, (name, member)) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            write_str(out, name)?;
            out.push(b':');
            match member {
                Member::Text(text) => out.extend_from_slice(text),
                Member::Block(block) => block.write(out)?,
            }
        }
        out.push(b'}');
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = Vec::new();
        write_str(&mut out, text).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_character_below_128_is_escaped_as_serde_json_escapes_it() {
        let all: String = (0u8..128).map(char::from).collect();
        assert_eq!(escaped(&all), serde_json::to_string(&all).unwrap());
        assert_eq!(escaped(""), "\"\"");
        assert_eq!(escaped("é \u{2028} 😀 \u{7f}"), serde_json::to_string("é \u{2028} 😀 \u{7f}").unwrap());
    }

    #[test]
    fn the_pretty_layout_is_serde_jsons() {
        let mut out = Vec::new();
        let mut p = Pretty::new(&mut out);
        p.open(None, b'{').unwrap();
        p.open(Some("a"), b'[').unwrap();
        p.int(None, 1).unwrap();
        p.open(None, b'{').unwrap();
        p.close(b'}').unwrap();
        p.open(None, b'[').unwrap();
        p.close(b']').unwrap();
        p.one(None, "t", "x\ny").unwrap();
        p.close(b']').unwrap();
        p.open(Some("b"), b'[').unwrap();
        p.close(b']').unwrap();
        p.int(Some("c"), -7).unwrap();
        p.str(Some("d\""), "e").unwrap();
        p.close(b'}').unwrap();
        let expected = json!({"a": [1, {}, [], {"t": "x\ny"}], "b": [], "c": -7, "d\"": "e"});
        assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string_pretty(&expected).unwrap());
    }

    #[test]
    fn a_block_is_written_as_serde_json_writes_its_sorted_map() {
        let mut b = Block::default();
        b.insert("zeta", Member::Text(b"1".to_vec()));
        b.insert("a\"b", Member::Text(b"true".to_vec()));
        let Member::Block(inner) = b.entry("m") else { panic!("not an object") };
        inner.insert("y", Member::Text(b"[\"x\"]".to_vec()));
        inner.insert("x", Member::Text(b"2".to_vec()));
        b.entry("empty");
        b.insert("zeta", Member::Text(b"3".to_vec()));
        let expected = json!({"zeta": 3, "a\"b": true, "m": {"y": ["x"], "x": 2}, "empty": {}});
        assert_eq!(b.text().unwrap(), expected.to_string());
        assert_eq!(b.find("m"), Ok(2));
        assert_eq!(b.find("n"), Err(3));
    }

    proptest! {
        #[test]
        fn any_text_is_escaped_as_serde_json_escapes_it(text in any::<String>(), ascii in "[\\x00-\\x7f]{0,40}") {
            prop_assert_eq!(escaped(&text), serde_json::to_string(&text).unwrap());
            prop_assert_eq!(escaped(&ascii), serde_json::to_string(&ascii).unwrap());
        }
    }
}
