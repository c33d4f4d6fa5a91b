//! Reading moments from the command line: RFC 3339, or a plain date meaning local midnight.

use chrono::{DateTime, Days, FixedOffset, Local, NaiveDate, TimeZone, Utc};

use crate::{CliError, CliResult};

/// `--at`: an RFC 3339 moment; its offset is kept as the entry's local offset.
pub fn parse_moment(field: &str, text: &str) -> CliResult<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(text).map_err(|_| {
        CliError::Core(limber_core::Error::invalid(
            field,
            "an RFC 3339 time such as 2026-11-20T07:30:00+01:00",
        ))
    })
}

/// The current moment with this machine's local offset.
pub fn now_local() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

/// `--from`/`--to`: RFC 3339, or `YYYY-MM-DD` for local midnight. With `end_of_day`, a date
/// means the midnight after it, so `--to 2026-11-20` includes the whole of the 20th.
pub fn parse_bound(field: &str, text: &str, end_of_day: bool) -> CliResult<DateTime<Utc>> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Ok(at.with_timezone(&Utc));
    }
    let bad =
        || CliError::Core(limber_core::Error::invalid(field, "a date (2026-11-20) or an RFC 3339 time"));
    let mut date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| bad())?;
    if end_of_day {
        date = date.checked_add_days(Days::new(1)).ok_or_else(bad)?;
    }
    let midnight = date.and_hms_opt(0, 0, 0).ok_or_else(bad)?;
    // Where DST skips midnight (America/Santiago), the day starts an hour later.
    Local
        .from_local_datetime(&midnight)
        .earliest()
        .or_else(|| Local.from_local_datetime(&(midnight + chrono::Duration::hours(1))).earliest())
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(bad)
}
