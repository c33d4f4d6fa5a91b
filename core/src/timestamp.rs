//! Moments as Limber keeps them: a UTC instant plus the local UTC offset at that moment, so a
//! log shows the wall-clock time the person saw even after they change time zone.

use chrono::{DateTime, FixedOffset, Offset, TimeZone, Utc};

use crate::{Error, Result};

/// The earliest and latest instants accepted from people and shells. Outside this, a value is
/// a bug in the caller (a zeroed date, a unit mix-up), not a pain log.
const EARLIEST: i64 = 946_684_800_000; // 2000-01-01T00:00:00Z
const LATEST: i64 = 4_102_444_800_000; // 2100-01-01T00:00:00Z

/// Real offsets run from -12:00 to +14:00; allow the full ±14 h.
pub const MAX_OFFSET_MINUTES: i32 = 14 * 60;

/// `at` when it lies from 2000-01-01 to 2099-12-31 UTC. Errors: `Invalid` naming `field`.
pub fn check_instant(field: &str, at: DateTime<Utc>) -> Result<DateTime<Utc>> {
    if (EARLIEST..LATEST).contains(&at.timestamp_millis()) {
        Ok(at)
    } else {
        Err(Error::invalid(field, "a moment from 2000-01-01 to 2099-12-31 (UTC)"))
    }
}

/// `minutes` when within ±14 h (-840 to 840). Errors: `Invalid` naming `field`.
pub fn check_offset(field: &str, minutes: i32) -> Result<i32> {
    crate::validate::in_range(field, minutes, -MAX_OFFSET_MINUTES, MAX_OFFSET_MINUTES)
}

/// The wall-clock time at `at` for a checked offset.
pub fn local(at: DateTime<Utc>, offset_minutes: i32) -> DateTime<FixedOffset> {
    // An offset past ±24 h (never one `check_offset` let in) falls back to UTC, not a panic.
    let offset = offset_minutes.checked_mul(60).and_then(FixedOffset::east_opt).unwrap_or(Utc.fix());
    offset.from_utc_datetime(&at.naive_utc())
}

/// Milliseconds since 1970-01-01 UTC, as the store keeps instants.
pub fn to_millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

/// Reads a stored instant; a value the store could never have written (outside the range
/// `check_instant` lets in) means damage, and must not reach date arithmetic that would panic.
pub fn from_millis(ms: i64) -> Result<DateTime<Utc>> {
    if !(EARLIEST..LATEST).contains(&ms) {
        return Err(Error::Corrupt);
    }
    DateTime::from_timestamp_millis(ms).ok_or(Error::Corrupt)
}

/// Reads an RFC 3339 moment exactly as chrono's `DateTime<Utc>` deserializer does, with a
/// short path for the form Limber writes (`2026-11-20T08:30:00Z`, with up to nine digits of a
/// second): a ten-year backup holds tens of thousands of them. Anything else (another offset,
/// a lowercase `t`, a leap second) goes through chrono, so the same texts are accepted, read
/// the same and refused with the same error.
pub(crate) fn deserialize_rfc3339<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<DateTime<Utc>, D::Error> {
    struct Moment;
    impl serde::de::Visitor<'_> for Moment {
        type Value = DateTime<Utc>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            // chrono's words, so an error reads the same either way.
            f.write_str("an RFC 3339 formatted date and time string")
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> std::result::Result<DateTime<Utc>, E> {
            match utc_as_written(text) {
                Some(at) => Ok(at),
                None => {
                    text.parse::<DateTime<FixedOffset>>().map(|at| at.with_timezone(&Utc)).map_err(E::custom)
                }
            }
        }
    }
    d.deserialize_str(Moment)
}

/// `YYYY-MM-DDTHH:MM:SS[.fffffffff]Z` read by hand; `None` for any other text (chrono reads it).
fn utc_as_written(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    let shape = b.len() >= 20 && (b[10], b[13], b[16]) == (b'T', b':', b':') && b[b.len() - 1] == b'Z';
    if !shape {
        return None;
    }
    let digits =
        |d: &[u8]| d.iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')));
    let nanos = match &b[19..b.len() - 1] {
        [] => 0,
        [b'.', fraction @ ..] if (1..=9).contains(&fraction.len()) => {
            digits(fraction)? * 10u32.pow(9 - fraction.len() as u32)
        }
        _ => return None,
    };
    let date = crate::calendar::parse_iso_date(&b[0..10])?;
    // Seconds from 0 to 59: a leap second goes the long way.
    let second = Some(digits(&b[17..19])?).filter(|s| *s < 60)?;
    let time = chrono::NaiveTime::from_hms_nano_opt(digits(&b[11..13])?, digits(&b[14..16])?, second, nanos)?;
    Some(date.and_time(time).and_utc())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn chrono_reads(text: &str) -> Option<DateTime<Utc>> {
        text.parse::<DateTime<FixedOffset>>().ok().map(|at| at.with_timezone(&Utc))
    }

    fn ours(text: &str) -> std::result::Result<DateTime<Utc>, String> {
        deserialize_rfc3339(serde::de::value::StrDeserializer::<serde::de::value::Error>::new(text))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn the_forms_limber_writes_take_the_short_path_and_read_as_chrono_reads_them() {
        for text in ["2026-11-20T08:30:00Z", "2000-01-01T00:00:00.5Z", "2099-12-31T23:59:59.123456789Z"] {
            assert!(utc_as_written(text).is_some(), "{text}");
            assert_eq!(ours(text).ok(), chrono_reads(text), "{text}");
        }
        for text in [
            "2026-11-20T08:30:00+01:00",
            "2026-11-20t08:30:00Z",
            "2016-12-31T23:59:60Z",
            "2026-11-20 08:30:00Z",
        ] {
            assert!(utc_as_written(text).is_none(), "{text}");
            assert_eq!(ours(text).ok(), chrono_reads(text), "{text}");
        }
        assert_eq!(
            ours("2026-02-30T08:30:00Z").unwrap_err(),
            "2026-02-30T08:30:00Z".parse::<DateTime<FixedOffset>>().unwrap_err().to_string()
        );
    }

    proptest! {
        /// Any text near the written form (digits out of range, fractions of any length, other
        /// separators and endings) is read, or refused with the same error, as chrono does.
        #[test]
        fn reads_every_text_as_chrono_does(
            text in "[0-9]{4}-[0-2][0-9]-[0-3][0-9][Tt ][0-2][0-9]:[0-6][0-9]:[0-6][0-9](\\.[0-9]{0,11})?(Z|z|[+-][01][0-9]:[0-5][0-9]| |)"
        ) {
            let chrono = text.parse::<DateTime<FixedOffset>>().map(|at| at.with_timezone(&Utc)).map_err(|e| e.to_string());
            prop_assert_eq!(ours(&text), chrono);
        }

        /// Every moment Limber can write, with a fraction of 0 to 9 digits, takes the short
        /// path and reads as chrono reads it.
        #[test]
        fn every_written_moment_takes_the_short_path(
            (y, mo, d, h, mi, s) in (0i32..=9999, 1u32..=12, 1u32..=31, 0u32..24, 0u32..60, 0u32..60),
            fraction in "[0-9]{0,9}",
        ) {
            let dot = if fraction.is_empty() { "" } else { "." };
            let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{dot}{fraction}Z");
            let chrono = chrono_reads(&text);
            prop_assert_eq!(utc_as_written(&text), chrono);
            prop_assert_eq!(ours(&text).ok(), chrono);
        }
    }
}
