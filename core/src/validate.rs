//! Range checks shared by every capability, so every error names its field the same way.

use std::fmt::{Display, Formatter};

use crate::{Error, Result};

/// An item's place in a list, such as `exercises[2]` (list name, 0-based index): spelled out
/// only when an error names it, as validating thousands of records must not format thousands
/// of field names that no error needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At(pub &'static str, pub usize);

impl Display for At {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]", self.0, self.1)
    }
}

/// `result`, with `prefix.` put before the field an `Invalid` error names (`sites[1].level`).
/// Other errors pass unchanged.
pub fn within<T>(prefix: impl Display, result: Result<T>) -> Result<T> {
    result.map_err(|e| match e {
        Error::Invalid { field, range } => Error::Invalid { field: format!("{prefix}.{field}"), range },
        other => other,
    })
}

/// `value` must lie in `min..=max`.
pub fn in_range(field: &str, value: i32, min: i32, max: i32) -> Result<i32> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(Error::invalid(field, format!("a whole number from {min} to {max}")))
    }
}

/// The error for a name outside a closed set.
pub fn one_of<'a>(field: &str, names: impl Iterator<Item = &'a str>) -> Error {
    Error::invalid(field, format!("one of {}", names.collect::<Vec<_>>().join(", ")))
}

/// Optional free text: trimmed, empty becomes `None`, at most `max_chars` characters.
pub fn optional_text(field: &str, text: Option<&str>, max_chars: usize) -> Result<Option<String>> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if text.chars().count() > max_chars {
        return Err(Error::invalid(field, format!("at most {max_chars} characters")));
    }
    Ok(Some(text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn within_names_the_item_and_field_only_on_an_error() {
        assert_eq!(within(At("sites", 1), in_range("level", 3, 0, 10)).unwrap(), 3);
        let err = within(At("sites", 1), in_range("level", 11, 0, 10)).unwrap_err();
        assert_eq!(err.to_string(), "invalid sites[1].level: must be a whole number from 0 to 10");
        let nested = within("settings", within(At("slots", 0), in_range("hour", 24, 0, 23))).unwrap_err();
        assert_eq!(nested.to_string(), "invalid settings.slots[0].hour: must be a whole number from 0 to 23");
        assert!(matches!(within(At("x", 0), Err::<(), _>(Error::Corrupt)), Err(Error::Corrupt)));
    }

    #[test]
    fn in_range_accepts_the_bounds_and_names_the_field_outside_them() {
        assert_eq!(in_range("level", 0, 0, 10).unwrap(), 0);
        assert_eq!(in_range("level", 10, 0, 10).unwrap(), 10);
        let err = in_range("sites[2].level", 11, 0, 10).unwrap_err();
        assert_eq!(err.to_string(), "invalid sites[2].level: must be a whole number from 0 to 10");
        assert!(in_range("level", -1, 0, 10).is_err());
    }

    #[test]
    fn optional_text_trims_drops_empty_and_counts_characters_not_bytes() {
        assert_eq!(optional_text("note", Some("  "), 3).unwrap(), None);
        assert_eq!(optional_text("note", Some(" ab "), 3).unwrap().as_deref(), Some("ab"));
        // Three characters, nine bytes.
        assert!(optional_text("note", Some("ééé"), 3).is_ok());
        let err = optional_text("note", Some("abcd"), 3).unwrap_err();
        assert_eq!(err.to_string(), "invalid note: must be at most 3 characters");
    }
}
