//! The shell rules (`bindings/src/shell_routine.rs`, `shell_reminders.rs`) called the way Kotlin
//! and Swift call them, through the C scaffolding, with arbitrary arguments: each ends in a value
//! or a typed error that is not `Internal`, never a panic or uniffi's untyped error.
#![allow(clippy::expect_used)] // Setup helpers outside #[test] functions: a failed setup should stop the test with its cause.

mod scaffolding;
mod strategies;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use limber_core::assessment::responses::Response;
use limber_core::assessment::safety_display::{ResultDisplay, SafetyLevel};
use limber_core::assessment::{AssessmentResult, Tier};
use limber_core::calendar::LocalTime;
use limber_core::catalog::{Dose, ExerciseId, exercise};
use limber_core::routine::card_display::CardDisplay;
use limber_core::routine::checkin::ExerciseCheckIn;
use limber_core::routine::hold_sequence::HoldSequence;
use limber_core::routine::{CardId, PlannedExercise, PlannedSession};
use limber_core::schedule::request_key::Platform;
use limber_core::schedule::zone_hand_over::ZoneHandOver;
use limber_ffi::{Limber, LimberError, UniFfiTag};
use proptest::prelude::*;
use proptest::sample::select;
use scaffolding::{Ended, ended, lower, typed};
use strategies::*;
use uniffi::{Lift, Lower, LowerReturn, RustCallStatus};

type Arg<T> = <T as Lower<UniFfiTag>>::FfiType;
type Ret<T> = <T as LowerReturn<UniFfiTag>>::ReturnType;
type Res<T> = Result<T, LimberError>;

// A wrong declaration here would be caught by the values failing to lift back.
unsafe extern "C" {
    fn uniffi_limber_ffi_fn_func_hold_sequence(
        dose: Arg<Dose>,
        status: &mut RustCallStatus,
    ) -> Ret<Res<Option<HoldSequence>>>;
    fn uniffi_limber_ffi_fn_func_sets_done(
        sequence: Arg<HoldSequence>,
        completed: Arg<i32>,
        status: &mut RustCallStatus,
    ) -> Ret<Res<i32>>;
    fn uniffi_limber_ffi_fn_func_check_in_defaults(
        session: Arg<PlannedSession>,
        status: &mut RustCallStatus,
    ) -> Ret<Vec<ExerciseCheckIn>>;
    fn uniffi_limber_ffi_fn_func_tier_level(tier: Arg<Tier>, status: &mut RustCallStatus)
    -> Ret<SafetyLevel>;
    fn uniffi_limber_ffi_fn_func_result_display(
        result: Arg<AssessmentResult>,
        status: &mut RustCallStatus,
    ) -> Ret<ResultDisplay>;
    fn uniffi_limber_ffi_fn_func_card_display(
        card: Arg<CardId>,
        status: &mut RustCallStatus,
    ) -> Ret<CardDisplay>;
    fn uniffi_limber_ffi_fn_func_stops_early(
        responses: Arg<Vec<Response>>,
        status: &mut RustCallStatus,
    ) -> Ret<bool>;
    fn uniffi_limber_ffi_fn_func_evaluate_responses(
        responses: Arg<Vec<Response>>,
        status: &mut RustCallStatus,
    ) -> Ret<Res<AssessmentResult>>;
    fn uniffi_limber_ffi_fn_func_request_key(id: Arg<String>, status: &mut RustCallStatus) -> Ret<i32>;
    fn uniffi_limber_ffi_fn_func_reminder_limit(
        platform: Arg<Platform>,
        status: &mut RustCallStatus,
    ) -> Ret<i32>;
    fn uniffi_limber_ffi_fn_constructor_limber_open(
        path: Arg<String>,
        status: &mut RustCallStatus,
    ) -> Ret<Res<Arc<Limber>>>;
    fn uniffi_limber_ffi_fn_method_limber_fired_reminder(
        handle: Arg<Arc<Limber>>,
        id: Arg<String>,
        fired_at: Arg<DateTime<Utc>>,
        now: Arg<DateTime<Utc>>,
        status: &mut RustCallStatus,
    ) -> uniffi::RustBuffer;
    fn uniffi_limber_ffi_fn_method_limber_follow_device_zone(
        handle: Arg<Arc<Limber>>,
        device_zone: Arg<String>,
        now: Arg<DateTime<Utc>>,
        status: &mut RustCallStatus,
    ) -> Ret<Res<ZoneHandOver>>;
}

macro_rules! call {
    ($f:ident($($arg:expr),*) -> $t:ty) => {{
        let mut status = RustCallStatus::default();
        // SAFETY: the declarations above match the scaffolding uniffi generates for these exports.
        let ret = unsafe { $f($($arg,)* &mut status) };
        ended(status, || <$t as Lift<UniFfiTag>>::try_lift(ret).expect("a value"))
    }};
}

fn open(path: &str) -> Arc<Limber> {
    match call!(uniffi_limber_ffi_fn_constructor_limber_open(lower(path.to_owned())) -> Arc<Limber>) {
        Ended::Value(limber) => limber,
        Ended::Typed(e) => panic!("open: {e:?}"),
        Ended::Unexpected(message) => panic!("open: {message}"),
    }
}

fn planned_session() -> impl Strategy<Value = PlannedSession> {
    (int(), prop::collection::vec(select(ExerciseId::ALL.to_vec()), 0..6), int()).prop_map(
        |(slot, ids, minutes)| {
            let exercises = ids
                .into_iter()
                .map(|id| PlannedExercise {
                    exercise: id,
                    name: exercise(id).name.clone(),
                    category: exercise(id).category,
                    dose: exercise(id).dose.clone(),
                    pain_ceiling: 5,
                    condition: None,
                    last_dose_change: None,
                })
                .collect();
            PlannedSession { session: slot, time: LocalTime { hour: 8, minute: 0 }, exercises, minutes }
        },
    )
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn the_routine_rules_answer_any_input(d in dose(), completed in int(), session in planned_session(), answers in responses()) {
        let sequence = typed(&d, call!(uniffi_limber_ffi_fn_func_hold_sequence(lower(d.clone())) -> Option<HoldSequence>))?;
        if let Some(Some(sequence)) = sequence {
            typed(&completed, call!(uniffi_limber_ffi_fn_func_sets_done(lower(sequence), lower(completed)) -> i32))?;
        }
        let defaults = typed(&session, call!(uniffi_limber_ffi_fn_func_check_in_defaults(lower(session.clone())) -> Vec<ExerciseCheckIn>))?;
        prop_assert_eq!(defaults.map(|d| d.len()), Some(session.exercises.len()));
        let stops = typed(&answers, call!(uniffi_limber_ffi_fn_func_stops_early(lower(answers.clone())) -> bool))?;
        prop_assert!(stops.is_some());
        if let Some(result) = typed(&answers, call!(uniffi_limber_ffi_fn_func_evaluate_responses(lower(answers.clone())) -> AssessmentResult))? {
            let display = typed(&answers, call!(uniffi_limber_ffi_fn_func_result_display(lower(result.clone())) -> ResultDisplay))?.expect("a display");
            // Whatever the answers, a blocking result is never dismissable nor offers the routine.
            prop_assert!(display.level != SafetyLevel::Blocking || (!display.dismissable && !display.offers_routine));
            prop_assert_eq!(stops, Some(display.level == SafetyLevel::Blocking));
        }
    }

    #[test]
    fn the_reminder_rules_answer_any_input(id in text(), zone in zone(), fired in timestamp(), now in timestamp()) {
        typed(&id, call!(uniffi_limber_ffi_fn_func_request_key(lower(id.clone())) -> i32))?;
        let dir = tempfile::tempdir().expect("temp dir");
        let limber = open(&dir.path().join("limber.db").to_string_lossy());
        let handed = call!(uniffi_limber_ffi_fn_method_limber_follow_device_zone(lower(Arc::clone(&limber)), lower(zone.clone()), lower(now)) -> ZoneHandOver);
        prop_assert!(typed(&zone, handed)?.is_some(), "a zone is never an error: {:?}", zone);
        let mut status = RustCallStatus::default();
        // SAFETY: as above. The bindings' reminder record is private, so its buffer (an
        // `Option<Reminder>`) is not lifted; a test process may leave it.
        let _ = unsafe {
            uniffi_limber_ffi_fn_method_limber_fired_reminder(lower(Arc::clone(&limber)), lower(id.clone()), lower(fired), lower(now), &mut status)
        };
        typed(&(id, fired, now), ended(status, || ()))?;
    }
}

#[test]
fn every_tier_card_and_platform_has_an_answer() {
    for tier in [Tier::NoFlags, Tier::Soon, Tier::Urgent, Tier::Emergency] {
        assert!(matches!(
            call!(uniffi_limber_ffi_fn_func_tier_level(lower(tier)) -> SafetyLevel),
            Ended::Value(_)
        ));
    }
    for card in CardId::ALL {
        assert!(matches!(
            call!(uniffi_limber_ffi_fn_func_card_display(lower(*card)) -> CardDisplay),
            Ended::Value(_)
        ));
    }
    for (platform, limit) in [(Platform::Android, 64), (Platform::Ios, 60)] {
        match call!(uniffi_limber_ffi_fn_func_reminder_limit(lower(platform)) -> i32) {
            Ended::Value(v) => assert_eq!(v, limit),
            other => panic!("{other:?}"),
        }
    }
}

/// The limits the shells check links and settings screens against come from the core: the
/// settings accept exactly that many and refuse one more.
#[test]
fn the_shells_limits_are_the_cores() {
    use limber_core::routine::settings::RoutineSettings;
    use limber_core::schedule::ReminderSettings;
    let times = |n: i32| (0..n).map(|h| LocalTime { hour: 6 + h, minute: 0 }).collect::<Vec<_>>();
    let sessions = limber_ffi::max_sessions_per_day();
    let routine = |n| RoutineSettings { session_times: times(n), ..RoutineSettings::default() }.validate();
    assert!(routine(sessions).is_ok() && routine(sessions + 1).is_err());
    let slots = limber_ffi::max_reminder_slots();
    let reminders = |n| ReminderSettings { slots: times(n), ..ReminderSettings::default() }.validate();
    assert!(reminders(slots).is_ok() && reminders(slots + 1).is_err());
}
