//! One CSV record, as RFC 4180 and the csv crate's writer (quotes only where needed, CRLF) write
//! it: a few lines in place of that crate in the phone library (issue 17, its size).

use std::io::Write;

/// Writes `fields` as one record: separated by commas, ended by CRLF. A field holding a comma, a
/// quote, a CR or an LF is put in quotes, its quotes doubled; a record of one empty field is
/// written `""` so it is not an empty line. Errors: the writer's.
pub(crate) fn write_record<T: AsRef<str>>(
    out: &mut dyn Write,
    fields: impl IntoIterator<Item = T>,
) -> std::io::Result<()> {
    let mut line = String::new();
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        let field = field.as_ref();
        if field.contains([',', '"', '\r', '\n']) {
            line.push('"');
            line.push_str(&field.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(field);
        }
    }
    if line.is_empty() {
        line.push_str("\"\"");
    }
    line.push_str("\r\n");
    out.write_all(line.as_bytes())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::write_record;

    proptest! {
        /// Byte for byte what the csv crate writes, records of every width and awkward cells.
        #[test]
        fn writes_what_the_csv_crate_writes(
            records in proptest::collection::vec(
                proptest::collection::vec("[a,\"\r\n '=-]{0,6}|\\PC{0,4}", 1..5), 1..6)
        ) {
            let mut ours = Vec::new();
            let mut theirs = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).flexible(true).from_writer(Vec::new());
            for record in &records {
                write_record(&mut ours, record).unwrap();
                theirs.write_record(record).unwrap();
            }
            prop_assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(theirs.into_inner().unwrap()).unwrap());
        }
    }
}
