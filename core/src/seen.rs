//! One hash set for every "seen before?" question the library asks.
//!
//! A `HashSet` is generic: each key type gets its own copy of hashbrown's insert and rehash,
//! about 1.5 KiB of the phone library apiece. Limber asked with seven key types (ids, dates,
//! sessions, tracks, reminder ids, question ids, and a map of ids), 15 KiB in all (issue 17:
//! at most 2x a bare uniffi + rusqlite library). Here every key is first turned into a `u128`,
//! one-to-one, so the set is made once. `tests/bench/size.sh` fails a library with more copies.

use std::collections::HashSet;
use std::marker::PhantomData;

use chrono::{Datelike, NaiveDate};
use uuid::Uuid;

use crate::schedule::Target;

/// A value that is its own `u128` key: two values have the same key only when they are equal.
pub(crate) trait Key: Copy {
    /// The value as a number, one-to-one.
    fn key(self) -> u128;
}

impl Key for Uuid {
    fn key(self) -> u128 {
        self.as_u128()
    }
}

impl Key for NaiveDate {
    fn key(self) -> u128 {
        u128::from(self.num_days_from_ce() as u32)
    }
}

/// A session on a date: (local date, session number).
impl Key for (NaiveDate, i32) {
    fn key(self) -> u128 {
        (self.0.key() << 32) | u128::from(self.1 as u32)
    }
}

/// What a reminder id points at: its kind, date and slot (equal exactly when the ids are).
impl Key for Target {
    fn key(self) -> u128 {
        let (kind, date, slot) = match self {
            Target::Morning { date } => (0u128, date, 0),
            Target::Retest { due } => (1, due, 0),
            Target::Session { date, slot } => (2, date, slot),
        };
        (kind << 64) | (date, slot).key()
    }
}

/// The `T`s seen so far.
pub(crate) struct Seen<T> {
    keys: HashSet<u128>,
    of: PhantomData<T>,
}

impl<T: Key> Seen<T> {
    /// An empty set with room for `n` values without growing.
    pub(crate) fn with_capacity(n: usize) -> Self {
        Seen { keys: HashSet::with_capacity(n), of: PhantomData }
    }

    /// Adds `value`: true when it was not seen before, as `HashSet::insert`.
    pub(crate) fn first(&mut self, value: T) -> bool {
        self.keys.insert(value.key())
    }

    /// Whether `value` was seen.
    pub(crate) fn contains(&self, value: T) -> bool {
        self.keys.contains(&value.key())
    }
}

impl<T: Key> Default for Seen<T> {
    fn default() -> Self {
        Seen::with_capacity(0)
    }
}

impl<T: Key> FromIterator<T> for Seen<T> {
    fn from_iter<I: IntoIterator<Item = T>>(values: I) -> Self {
        let values = values.into_iter();
        let mut seen = Seen::with_capacity(values.size_hint().0);
        for value in values {
            seen.first(value);
        }
        seen
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use proptest::prelude::*;

    use super::*;

    fn date() -> impl Strategy<Value = NaiveDate> {
        (-400_000i32..400_000)
            .prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).expect("in chrono's range"))
    }

    fn target() -> impl Strategy<Value = Target> {
        prop_oneof![
            date().prop_map(|date| Target::Morning { date }),
            date().prop_map(|due| Target::Retest { due }),
            (date(), any::<i32>()).prop_map(|(date, slot)| Target::Session { date, slot }),
        ]
    }

    /// Answers as a `HashSet` of the values themselves does, for any sequence of values (drawn
    /// from few, so repeats come often).
    fn same_as_std<T: Key + Eq + std::hash::Hash>(values: &[T]) -> Result<(), TestCaseError> {
        let (mut ours, mut std) = (Seen::default(), HashSet::new());
        for &v in values {
            prop_assert_eq!(ours.contains(v), std.contains(&v));
            prop_assert_eq!(ours.first(v), std.insert(v));
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn ids(pool in prop::collection::vec(any::<u128>(), 1..8), picks in prop::collection::vec(any::<prop::sample::Index>(), 0..40)) {
            let values: Vec<Uuid> = picks.iter().map(|i| Uuid::from_u128(pool[i.index(pool.len())])).collect();
            same_as_std(&values)?;
        }

        #[test]
        fn dates_and_sessions(pool in prop::collection::vec((date(), any::<i32>()), 1..8), picks in prop::collection::vec(any::<prop::sample::Index>(), 0..40)) {
            let values: Vec<(NaiveDate, i32)> = picks.iter().map(|i| pool[i.index(pool.len())]).collect();
            same_as_std(&values)?;
            same_as_std(&values.iter().map(|v| v.0).collect::<Vec<_>>())?;
        }

        /// Also against the reminder ids' text, which the snooze check compared before.
        #[test]
        fn targets(pool in prop::collection::vec(target(), 1..8), picks in prop::collection::vec(any::<prop::sample::Index>(), 0..40)) {
            let values: Vec<Target> = picks.iter().map(|i| pool[i.index(pool.len())]).collect();
            same_as_std(&values)?;
            let (mut ours, mut texts) = (Seen::default(), HashSet::new());
            for v in values {
                prop_assert_eq!(ours.first(v), texts.insert(v.to_string()));
            }
        }
    }

    /// A session number takes the low 32 bits whole: a negative one does not reach the date.
    #[test]
    fn sessions_stay_on_their_date() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 20).expect("a date");
        let next = day.succ_opt().expect("a date");
        let keys = [(day, -1), (day, 0), (day, 1), (day, i32::MAX), (day, i32::MIN), (next, 0), (next, -1)]
            .map(Key::key);
        assert_eq!(keys.iter().collect::<HashSet<_>>().len(), keys.len());
    }
}
