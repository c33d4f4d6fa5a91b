//! One decoder (and encoder) per column format, shared by every table: a value that does not
//! decode is a damaged row ([`Error::Corrupt`]), never a panic.

use chrono::NaiveDate;
use rusqlite::Row;
use rusqlite::types::{ToSql, ToSqlOutput, ValueRef};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::calendar::{iso_date, parse_iso_date};
use crate::{Error, Result};

/// A `local_date` column: `YYYY-MM-DD`. By hand, as ten years are thousands of them.
pub(crate) fn date(text: &str) -> Result<NaiveDate> {
    parse_iso_date(text.as_bytes()).ok_or(Error::Corrupt)
}

/// A date as a `local_date` column value (`YYYY-MM-DD`), without an allocation: a restore
/// binds tens of thousands of them.
pub(crate) fn date_text(date: NaiveDate) -> DateText {
    // Never stored by Limber (dates are 2000 to 2099); spelled as chrono spells it.
    iso_date(date).map_or_else(|| DateText::Other(date.to_string()), DateText::Iso)
}

/// A date bound as text: see [`date_text`].
pub(crate) enum DateText {
    Iso([u8; 10]),
    Other(String),
}

impl ToSql for DateText {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(ValueRef::Text(match self {
            DateText::Iso(b) => b,
            DateText::Other(s) => s.as_bytes(),
        })))
    }
}

/// A day number since 1970-01-01 (the pain log's local day, computed in SQL) as a date.
pub(crate) fn epoch_day(day: i64) -> Result<NaiveDate> {
    const UNIX_EPOCH_FROM_CE: i64 = 719_163;
    i32::try_from(day + UNIX_EPOCH_FROM_CE)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or(Error::Corrupt)
}

/// A text column holding one of our spelled-out values (`knees_to_chest`, `too_painful`).
pub(crate) fn value<T>(text: &str, parse: fn(&str, &str) -> Result<T>) -> Result<T> {
    parse("value", text).map_err(|_| Error::Corrupt)
}

/// A text column read in place (no `String` per row).
pub(crate) fn text<'r>(row: &'r Row<'_>, column: usize) -> Result<&'r str> {
    row.get_ref(column)?.as_str().map_err(|_| Error::Corrupt)
}

/// A JSON column (a dose step, an assessment's answers): written from our own types, so a
/// failure to encode is a bug. Compact, through the pretty printer ([`crate::compact_json`]).
pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<String> {
    crate::compact_json(value).map_err(|_| Error::Internal("encoding a column as JSON"))
}

/// A JSON column read back. Read as text, like every JSON text in the library: one reader
/// type means one copy of each type's parsing code in the phone library (issue 17).
pub(crate) fn from_json<T: DeserializeOwned>(text: &str) -> Result<T> {
    crate::json_path::read(text).map_err(|_| Error::Corrupt)
}

#[cfg(test)]
mod tests {
    use chrono::Datelike;

    use super::*;

    fn spelled(date: NaiveDate) -> String {
        match date_text(date) {
            DateText::Iso(b) => String::from_utf8(b.to_vec()).unwrap(),
            DateText::Other(s) => s,
        }
    }

    #[test]
    fn a_date_is_spelled_as_chrono_spells_it_and_reads_back() {
        let mut on = NaiveDate::from_ymd_opt(1999, 12, 25).unwrap();
        while on.year() < 2101 {
            assert_eq!(spelled(on), on.to_string());
            assert_eq!(date(&spelled(on)).unwrap(), on);
            on = on.succ_opt().unwrap();
        }
        for (y, m, d) in [(0, 1, 1), (9, 2, 3), (999, 12, 31), (9999, 12, 31), (-1, 1, 1), (10000, 1, 1)] {
            let on = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(spelled(on), on.to_string());
        }
    }
}
