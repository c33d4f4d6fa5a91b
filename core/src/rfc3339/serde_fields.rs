//! Serde adapters for the backup's moments and dates (`#[serde(serialize_with = ..,
//! deserialize_with = ..)]`), through [`super::utc`], [`super::read`] and
//! [`super::read_date`] instead of chrono's serde support, whose `Deserialize` runs chrono's
//! general parser. Written as chrono's `Serialize` writes them; read as the module says.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serializer;
use serde::de::{Deserializer, Error, Visitor};

use super::{Seconds, Unreadable};

/// A moment as chrono's `Serialize` writes it: UTC with `Z`, 0, 3, 6 or 9 digits of a second
/// (`2026-11-20T08:30:00Z`, `2026-11-20T08:30:00.250Z`).
pub(crate) fn serialize_moment<S: Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&super::utc(*at, Seconds::Auto))
}

/// A moment read by [`super::read`]. Errors: a string that is not one, naming its part
/// ([`Unreadable`]), or serde's for a value that is not a string.
pub(crate) fn deserialize_moment<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    // chrono's words for what was expected, so serde's errors read as before.
    d.deserialize_str(Text { read: super::read, expecting: "an RFC 3339 formatted date and time string" })
}

/// A date as `YYYY-MM-DD`, read by [`super::read_date`]. Errors: as [`deserialize_moment`].
pub(crate) fn deserialize_date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(Text { read: super::read_date, expecting: "a formatted date string" })
}

/// [`deserialize_date`] or `null` (`None`). A field that may be left out also needs
/// `#[serde(default)]`.
pub(crate) fn deserialize_optional_date<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<NaiveDate>, D::Error> {
    struct Optional;
    impl<'de> Visitor<'de> for Optional {
        type Value = Option<NaiveDate>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("option")
        }

        fn visit_none<E: Error>(self) -> Result<Option<NaiveDate>, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<NaiveDate>, D::Error> {
            deserialize_date(d).map(Some)
        }
    }
    d.deserialize_option(Optional)
}

/// Reads a JSON string with `read`.
struct Text<T> {
    read: fn(&str) -> Result<T, Unreadable>,
    expecting: &'static str,
}

impl<T> Visitor<'_> for Text<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<T, E> {
        (self.read)(text).map_err(E::custom)
    }
}
