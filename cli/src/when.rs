//! Reading moments from the command line: RFC 3339, or a plain date meaning a local day.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};
use limber_core::timestamp::MAX_OFFSET_MINUTES;

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

/// A `--from`/`--to` bound: a moment, or a local day.
#[derive(Clone, Copy)]
pub enum Bound {
    At(DateTime<Utc>),
    /// A calendar date, read as each entry's own local day (the wall clock it was logged at),
    /// the way `progress` and the CSV export date entries: the same entry has the same date
    /// whatever zone the command runs in.
    Day(NaiveDate),
}

impl Bound {
    /// The earliest instant an entry admitted from this bound can have.
    pub fn earliest(self) -> DateTime<Utc> {
        match self {
            Bound::At(at) => at,
            Bound::Day(d) => d.and_time(chrono::NaiveTime::MIN).and_utc() - offset_span(),
        }
    }

    /// An instant no entry admitted up to this bound reaches (exclusive).
    pub fn latest(self) -> DateTime<Utc> {
        match self {
            Bound::At(at) => at,
            Bound::Day(d) => d.and_time(chrono::NaiveTime::MIN).and_utc() + Duration::days(1) + offset_span(),
        }
    }

    /// Whether an entry on local day `day` is on or after a `--from` day (moments are already
    /// exact in the query).
    pub fn admits_from(self, day: NaiveDate) -> bool {
        match self {
            Bound::At(_) => true,
            Bound::Day(d) => day >= d,
        }
    }

    /// Whether an entry on local day `day` is on or before a `--to` day.
    pub fn admits_to(self, day: NaiveDate) -> bool {
        match self {
            Bound::At(_) => true,
            Bound::Day(d) => day <= d,
        }
    }
}

/// The widest offset an entry may carry, either way.
fn offset_span() -> Duration {
    Duration::minutes(MAX_OFFSET_MINUTES.into())
}

/// `--from`/`--to`: RFC 3339 (a moment), or `YYYY-MM-DD` (a local day, see [`Bound::Day`]).
pub fn parse_bound(field: &str, text: &str) -> CliResult<Bound> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Ok(Bound::At(at.with_timezone(&Utc)));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map(Bound::Day).map_err(|_| {
        CliError::Core(limber_core::Error::invalid(field, "a date (2026-11-20) or an RFC 3339 time"))
    })
}
