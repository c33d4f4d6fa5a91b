//! A shell's zone-rules provider registered for the whole process (`register_zone_rules`), as
//! the phones do at start: the plan comes out as with the compiled-in rules, the provider is
//! asked once per zone however much is planned, and whatever it answers is a value or a typed
//! error (a failure is not kept: the next plan asks again).
//! Its own test binary: the provider it registers is process-wide.
#![allow(clippy::expect_used, clippy::unwrap_used)] // Setup helpers and providers outside #[test] functions: a failed setup should stop the test with its cause.

mod strategies;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use limber_core::zone_rules::{Transition, ZoneWindow};
use limber_ffi::{Limber, LimberError, ZoneRulesProvider, builtin_zone_window, register_zone_rules};
use proptest::prelude::*;
use strategies::*;

/// The tests here register providers one after the other.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The compiled-in rules handed over as a shell would, counting the calls per zone.
#[derive(Default)]
struct Counting {
    calls: Mutex<Vec<String>>,
}

impl ZoneRulesProvider for Counting {
    fn window(
        &self,
        zone: String,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<ZoneWindow, LimberError> {
        self.calls.lock().unwrap().push(zone.clone());
        builtin_zone_window(zone, from, to)
    }
}

/// A shell answering with whatever it was given, or failing.
struct Shell(Option<ZoneWindow>, AtomicUsize);

impl ZoneRulesProvider for Shell {
    fn window(&self, _: String, _: DateTime<Utc>, _: DateTime<Utc>) -> Result<ZoneWindow, LimberError> {
        self.1.fetch_add(1, Ordering::SeqCst);
        self.0.clone().ok_or(LimberError::Storage { reason: "no rules".into() })
    }
}

const ANSWERS: &str = r#"{"age": 42, "duration_days": 60, "onset": "gradual", "pain_now": 4,
    "pain_sites": ["low_back", "back_of_thigh"], "leg_symptoms": {}, "cauda_equina": {}, "general": {}, "known": {},
    "slr": {"left_deg": 55, "right_deg": 60, "measured_by": "helper", "felt_at": "back_of_thigh"},
    "ake": {"left_deficit_deg": 30, "right_deficit_deg": 25}, "bridge": {"left_reps": 10, "right_reps": 12, "pain": 0}}"#;

fn open() -> (tempfile::TempDir, Arc<Limber>) {
    let dir = tempfile::tempdir().unwrap();
    let limber = Limber::open(dir.path().join("l.db").display().to_string()).unwrap();
    (dir, limber)
}

/// A database with a plan in force, so there are sessions to remind of.
fn planned() -> (tempfile::TempDir, Arc<Limber>) {
    let (dir, limber) = open();
    let at = "2026-02-20T13:00:00Z".parse().unwrap();
    limber.submit_assessment_json(ANSWERS.into(), at, -300).unwrap();
    (dir, limber)
}

/// What a shell shows around New York's spring change: the reminders, today's date, adherence.
fn plan(limber: &Limber, zone: &str) -> String {
    let now: DateTime<Utc> = "2026-03-06T12:00:00Z".parse().unwrap();
    let mut settings = limber.reminder_settings().unwrap();
    settings.time_zone = zone.into();
    limber.set_reminder_settings(settings).unwrap();
    let reminders: Vec<String> = (limber.upcoming_reminders(now, 20).unwrap().iter())
        .map(|r| {
            format!("{} {} {} {} {}", r.id, r.fire_at, r.local_date, r.local_time.hour, r.utc_offset_minutes)
        })
        .collect();
    assert!(!reminders.is_empty(), "nothing planned to compare");
    let today = limber.today(now, zone.into()).unwrap();
    let adherence = limber.adherence(now, 14).unwrap();
    format!("{reminders:?}\n{:?}\n{adherence:?}", today.date)
}

#[test]
fn a_registered_provider_plans_as_the_compiled_in_rules_and_is_asked_once_per_zone() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // The compiled-in rules, whatever another test registered.
    limber_core::zone::use_rules(None);
    let (_dir, limber) = planned();
    let compiled_in = plan(&limber, "America/New_York");

    let provider = Arc::new(Counting::default());
    register_zone_rules(provider.clone());
    let (_dir2, limber2) = planned();
    for _ in 0..3 {
        assert_eq!(plan(&limber2, "America/New_York"), compiled_in);
    }
    plan(&limber2, "Europe/London");
    plan(&limber2, "America/New_York");
    let mut calls = provider.calls.lock().unwrap().clone();
    calls.sort();
    assert_eq!(calls, ["America/New_York", "Europe/London"], "one call per zone, whatever was planned");

    // A zone the provider does not know is a typed error naming the field.
    let mut settings = limber2.reminder_settings().unwrap();
    settings.time_zone = "Mars/Olympus".into();
    let refused = limber2.set_reminder_settings(settings);
    assert!(
        matches!(refused, Err(LimberError::InvalidInput { ref field, .. }) if field == "time_zone"),
        "{refused:?}"
    );
}

fn window() -> impl Strategy<Value = ZoneWindow> {
    (timestamp(), timestamp(), int(), prop::collection::vec((timestamp(), int()), 0..8)).prop_map(
        |(from, to, offset_seconds, changes)| ZoneWindow {
            zone: "Europe/Somewhere".into(),
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

proptest! {
    #![proptest_config(config(64))]

    /// Whatever a provider answers, planning is a value or a typed error, never a panic or
    /// `Internal`; and a provider is asked again only after a failure.
    #[test]
    fn any_answer_of_a_provider_plans_or_is_a_typed_error(w in prop::option::weighted(0.8, window()),
                                                          now in timestamp()) {
        let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let shell = Arc::new(Shell(w, AtomicUsize::new(0)));
        register_zone_rules(shell.clone());
        let (_dir, limber) = open();
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let today = limber.today(now, "Europe/Somewhere".into());
            let again = limber.today(now, "Europe/Somewhere".into());
            (today.map(|t| t.date), again.map(|t| t.date))
        }));
        let Ok((first, second)) = outcome else { return Err(TestCaseError::fail("panicked")) };
        for result in [&first, &second] {
            if let Err(LimberError::Internal { reason }) = result {
                return Err(TestCaseError::fail(format!("internal: {reason}")));
            }
        }
        if first.is_ok() {
            prop_assert_eq!(shell.1.load(Ordering::SeqCst), 1, "asked again for a zone it gave");
        }
    }
}
