//! RFC 3339 moments as Limber writes and reads them (`2026-11-20T08:30:00Z`,
//! `2026-11-20T08:30:00.250+01:00`), by hand: chrono's general parser and formatter (its
//! `format::parse`, `format::scan` and `OffsetFormat`) were about 14 KiB of the phone library
//! for these few forms (issue 17). Tests hold both to chrono (`rfc3339/tests.rs`).
//!
//! What [`read`] accepts, decided against chrono's `FromStr`, which backups were read with
//! before: everything any Limber wrote (always UTC, `Z`, 0, 3, 6 or 9 digits of a second) and
//! what a person editing a backup would reasonably type, read to the same instant as chrono
//! reads it:
//! - `YYYY-MM-DD`, then `T`, `t` or a space, then `HH:MM:SS` (`:60`, a leap second, read as
//!   chrono reads it), then optionally `.` and 1 or more digits (past nine, ignored);
//! - then, after optional whitespace, `Z`, `z`, `UTC` in any case, or `+`/`-` (or U+2212 `−`)
//!   with `HH:MM` or `HHMM`, under 24 hours;
//! - with whitespace before and after the whole text.
//!
//! Refused, though chrono's `FromStr` took them (\[D\]: no Limber wrote them, and each looks like
//! a mistake more than a moment): fields of one digit (`2026-1-5T8:30:00Z`), whitespace inside
//! the date or time (`2026 - 11 - 20`), years with a sign (`+2026`, `+12026`: outside
//! 2000-2099 anyway, refused by every check), and several colons or spaces inside an offset
//! (`+01::00`, `+01 00`). Everything chrono refused is refused too.

use std::fmt::Write;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, Timelike, Utc};

use crate::calendar::ascii_number;

mod serde_fields;
pub(crate) use serde_fields::{
    deserialize_date, deserialize_moment, deserialize_optional_date, serialize_moment,
};

/// How many digits of a second [`write()`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seconds {
    /// Whole seconds; any fraction is dropped (chrono's `SecondsFormat::Secs`).
    Whole,
    /// None for a whole second, else 3, 6 or 9 digits, the fewest that hold the fraction
    /// exactly (chrono's `SecondsFormat::AutoSi`, the form of its serde `Serialize`).
    Auto,
}

/// `at` at its own offset, as `2026-11-20T08:30:00+01:00`: the offset is `Z` when it is zero
/// and `zulu` holds, else `±HH:MM` (rounded to the minute). Years outside 0-9999 carry a sign
/// (`+10000`), a leap second reads `:60`. Byte for byte chrono's `to_rfc3339_opts`.
pub fn write(at: DateTime<FixedOffset>, seconds: Seconds, zulu: bool) -> String {
    let mut out = String::with_capacity(32);
    let (local, date) = (at.naive_local(), at.date_naive());
    let year = date.year();
    // Writing to a String cannot fail.
    let _ = if (0..=9999).contains(&year) { write!(out, "{year:04}") } else { write!(out, "{year:+05}") };
    let nanos = local.nanosecond();
    // chrono keeps a leap second as second 59 with a whole second more of nanoseconds.
    let (second, nanos) = (local.second() + nanos / 1_000_000_000, nanos % 1_000_000_000);
    let _ = write!(
        out,
        "-{:02}-{:02}T{:02}:{:02}:{second:02}",
        date.month(),
        date.day(),
        local.hour(),
        local.minute()
    );
    let _ = match seconds {
        Seconds::Whole => Ok(()),
        Seconds::Auto if nanos == 0 => Ok(()),
        Seconds::Auto if nanos % 1_000_000 == 0 => write!(out, ".{:03}", nanos / 1_000_000),
        Seconds::Auto if nanos % 1_000 == 0 => write!(out, ".{:06}", nanos / 1_000),
        Seconds::Auto => write!(out, ".{nanos:09}"),
    };
    let offset = at.offset().local_minus_utc();
    let minutes = (offset.abs() + 30) / 60;
    let sign = if offset < 0 { '-' } else { '+' };
    let _ = if zulu && offset == 0 {
        write!(out, "Z")
    } else {
        write!(out, "{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    };
    out
}

/// `at` in UTC with `Z`: `2026-11-20T08:30:00Z` ([`write()`] at offset zero).
pub fn utc(at: DateTime<Utc>, seconds: Seconds) -> String {
    write(at.fixed_offset(), seconds, true)
}

/// The part of a text that is not an RFC 3339 moment (or date) as [`read`] and [`read_date`]
/// take them. Its message names the part and its form, never the text itself (no file's
/// contents in an error).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    /// Not a real date as `YYYY-MM-DD` at the start.
    #[error("the date must be a real one written YYYY-MM-DD")]
    Date,
    /// Not `T`, `t` or a space, then a time `HH:MM:SS` (00-23, 00-59, 00-60).
    #[error("the time must follow the date and a T as HH:MM:SS (00-23, 00-59, 00-60)")]
    Time,
    /// A `.` not followed by a digit.
    #[error("a fraction of a second must be a dot and digits")]
    Fraction,
    /// Not `Z`, `UTC` or `±HH:MM` under 24 hours at the end.
    #[error("the moment must end in Z or an offset from -23:59 to +23:59")]
    Offset,
}

/// The instant `text` names (see the module's list of forms), in UTC. Errors: [`Unreadable`]
/// naming the first part at fault.
pub fn read(text: &str) -> Result<DateTime<Utc>, Unreadable> {
    let text = text.trim();
    let b = text.as_bytes();
    let date = b.get(..10).and_then(crate::calendar::parse_iso_date).ok_or(Unreadable::Date)?;
    let two = |at: usize| b.get(at..at + 2).and_then(ascii_number);
    let (hour, minute, second) = match (b.get(10), two(11), b.get(13), two(14), b.get(16), two(17)) {
        (Some(b'T' | b't' | b' '), Some(h), Some(b':'), Some(m), Some(b':'), Some(s)) => (h, m, s),
        _ => return Err(Unreadable::Time),
    };
    // Bytes 0-18 are ASCII, so 19 is a character boundary.
    let mut rest = &text[19..];
    let mut nanos = 0;
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return Err(Unreadable::Fraction);
        }
        let first = fraction.bytes().take(digits.min(9));
        nanos = first.fold(0, |n, c| n * 10 + u32::from(c - b'0')) * 10u32.pow(9 - digits.min(9) as u32);
        rest = &fraction[digits..];
    }
    // A leap second, as chrono keeps it: second 59 and a whole second more of nanoseconds.
    let (second, nanos) = if second == 60 { (59, nanos + 1_000_000_000) } else { (second, nanos) };
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos).ok_or(Unreadable::Time)?;
    let offset =
        offset_seconds(rest.trim_start()).and_then(FixedOffset::east_opt).ok_or(Unreadable::Offset)?;
    // Out of chrono's range (hundreds of thousands of years away) only through the offset.
    date.and_time(time).checked_sub_offset(offset).map(|utc| utc.and_utc()).ok_or(Unreadable::Offset)
}

/// A date as `YYYY-MM-DD` (RFC 3339's full-date, 0000-9999), with whitespace around it, as
/// chrono's `FromStr` reads it; a date of one-digit fields, whitespace inside or a signed year
/// is refused (\[D\], as for [`read`]). Errors: [`Unreadable::Date`].
pub fn read_date(text: &str) -> Result<NaiveDate, Unreadable> {
    crate::calendar::parse_iso_date(text.trim().as_bytes()).ok_or(Unreadable::Date)
}

/// `Z`, `UTC` (any case) or `±HH:MM`/`±HHMM` with minutes under 60, in seconds east of UTC.
fn offset_seconds(text: &str) -> Option<i32> {
    if text.eq_ignore_ascii_case("z") || text.eq_ignore_ascii_case("utc") {
        return Some(0);
    }
    let (sign, digits) = match text.as_bytes() {
        [b'+', rest @ ..] => (1, rest),
        [b'-', rest @ ..] => (-1, rest),
        // U+2212 MINUS SIGN, as chrono takes it.
        [0xE2, 0x88, 0x92, rest @ ..] => (-1, rest),
        _ => return None,
    };
    let (hours, minutes) = match *digits {
        [h1, h2, b':', m1, m2] | [h1, h2, m1, m2] => (ascii_number(&[h1, h2])?, ascii_number(&[m1, m2])?),
        _ => return None,
    };
    // Two digits each: at most 99, so the arithmetic stays far inside i32.
    (minutes < 60).then(|| sign * (hours as i32 * 3600 + minutes as i32 * 60))
}

#[cfg(test)]
mod tests;
