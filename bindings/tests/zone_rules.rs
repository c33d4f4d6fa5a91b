//! The zone-rules exports with arbitrary arguments: a value or a typed error, never a panic or
//! `Internal`, whatever window a shell's provider hands over.
#![allow(clippy::expect_used)] // Setup helpers outside #[test] functions: a failed setup should stop the test with its cause.

mod strategies;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use limber_core::zone_rules::{Transition, ZoneWindow};
use limber_ffi::{
    LimberError, ZoneRulesProvider, builtin_tzdb_version, builtin_zone_window, checked_zone_window,
    wall_clock_instants,
};
use proptest::prelude::*;
use strategies::*;

fn typed<T>(f: impl FnOnce() -> Result<T, LimberError>) -> Result<Option<T>, TestCaseError> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Err(_) => Err(TestCaseError::fail("panicked")),
        Ok(Err(LimberError::Internal { reason })) => Err(TestCaseError::fail(format!("internal: {reason}"))),
        Ok(Err(_)) => Ok(None),
        Ok(Ok(v)) => Ok(Some(v)),
    }
}

fn window() -> impl Strategy<Value = ZoneWindow> {
    (zone(), timestamp(), timestamp(), int(), prop::collection::vec((timestamp(), int()), 0..8)).prop_map(
        |(zone, from, to, offset_seconds, changes)| ZoneWindow {
            zone,
            from,
            to,
            offset_seconds,
            transitions: changes
                .into_iter()
                .map(|(at, offset_seconds)| Transition { at, offset_seconds })
                .collect(),
        },
    )
}

/// A shell's provider: answers with whatever it was given, or fails.
struct Shell(Option<ZoneWindow>);

impl ZoneRulesProvider for Shell {
    fn window(&self, _: String, _: DateTime<Utc>, _: DateTime<Utc>) -> Result<ZoneWindow, LimberError> {
        self.0.clone().ok_or(LimberError::Storage { reason: "no rules".into() })
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_zone_and_window_is_a_value_or_a_typed_error(zone in zone(), from in timestamp(), to in timestamp()) {
        typed(|| builtin_zone_window(zone.clone(), from, to))?;
        prop_assert!(builtin_tzdb_version().is_some_and(|v| !v.is_empty()));
    }

    #[test]
    fn any_window_from_a_shell_is_checked(w in window(), times in prop::collection::vec(text(), 0..4),
                                          first_day in date(), days in int()) {
        typed(|| wall_clock_instants(w.clone(), times.clone(), first_day, days))?;
        typed(|| checked_zone_window(Arc::new(Shell(Some(w.clone()))), w.zone.clone(), w.from, w.to))?;
        typed(|| checked_zone_window(Arc::new(Shell(None)), w.zone.clone(), w.from, w.to))?;
    }
}

#[test]
fn a_real_window_gives_the_wall_clock_across_a_change() {
    let from = "2026-01-01T00:00:00Z".parse().unwrap();
    let to = "2026-12-31T00:00:00Z".parse().unwrap();
    let w = builtin_zone_window("America/New_York".into(), from, to).unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
    let at = wall_clock_instants(w.clone(), vec!["02:30".into(), "07:30".into()], day, 2).unwrap();
    let text: Vec<String> = at.iter().map(|t| t.to_rfc3339()).collect();
    // 02:30 does not exist on 8 March: it fires at 03:30 EDT, the same distance past the gap.
    assert_eq!(
        text,
        [
            "2026-03-07T07:30:00+00:00",
            "2026-03-07T12:30:00+00:00",
            "2026-03-08T07:30:00+00:00",
            "2026-03-08T11:30:00+00:00"
        ]
    );
    let through_shell =
        checked_zone_window(Arc::new(Shell(Some(w.clone()))), w.zone.clone(), from, to).unwrap();
    assert_eq!(through_shell, w);
    let unknown = checked_zone_window(Arc::new(Shell(None)), "Mars/Olympus".into(), from, to);
    assert!(
        matches!(unknown, Err(LimberError::InvalidInput { ref field, .. }) if field == "zone"),
        "{unknown:?}"
    );
}
