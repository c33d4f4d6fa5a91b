//! The calls Kotlin and Swift make, through the C scaffolding uniffi generates: arguments lowered
//! into buffers and lifted back by the bindings (time as `SystemTime`, dates as text), results
//! lowered for the shell. No call may end in uniffi's "unexpected error", which is what a panic
//! escaping the bindings becomes, nor in `LimberError::Internal`, what a caught panic becomes.
//!
//! The free functions are reachable only this way: they live in private modules.
#![allow(clippy::expect_used)] // Setup helpers outside #[test] functions: a failed setup should stop the test with its cause.

mod scaffolding;
mod strategies;

use std::sync::Arc;
use std::time::SystemTime;

use chrono::{DateTime, NaiveDate, Utc};
use limber_core::assessment::AssessmentResult;
use limber_core::assessment::questionnaire::Questionnaire;
use limber_core::assessment::responses::Response;
use limber_core::catalog::{Dose, Exercise};
use limber_core::progress::ProgressSummary;
use limber_core::routine::today::Today;
use limber_ffi::{Limber, LimberError, UniFfiTag};
use proptest::prelude::*;
use scaffolding::{Ended, ended, lower, typed};
use strategies::*;
use uniffi::{Lift, Lower, LowerReturn, RustCallStatus, RustCallStatusCode};

type Arg<T> = <T as Lower<UniFfiTag>>::FfiType;
type Ret<T> = <T as LowerReturn<UniFfiTag>>::ReturnType;
type Res<T> = Result<T, LimberError>;

// The scaffolding's symbols, with the types the bindings declare; the FFI types are worked out
// from those by uniffi's own traits. `signatures_are_the_ones_declared_here` checks the Rust
// signatures against the source, so a changed one means changing its declaration here too.
unsafe extern "C" {
    fn uniffi_limber_ffi_fn_func_evaluate_answers_json(
        answers_json: Arg<String>,
        status: &mut RustCallStatus,
    ) -> Ret<Res<AssessmentResult>>;
    fn uniffi_limber_ffi_fn_func_evaluate_responses(
        responses: Arg<Vec<Response>>,
        status: &mut RustCallStatus,
    ) -> Ret<Res<AssessmentResult>>;
    fn uniffi_limber_ffi_fn_func_visible_question_ids(
        responses: Arg<Vec<Response>>,
        status: &mut RustCallStatus,
    ) -> Ret<Vec<String>>;
    fn uniffi_limber_ffi_fn_func_dose_summary(dose: Arg<Dose>, status: &mut RustCallStatus) -> Ret<String>;
    fn uniffi_limber_ffi_fn_func_questionnaire(status: &mut RustCallStatus) -> Ret<Questionnaire>;
    fn uniffi_limber_ffi_fn_func_exercise_catalog(status: &mut RustCallStatus) -> Ret<Vec<Exercise>>;
    fn uniffi_limber_ffi_fn_func_ffi_probe(status: &mut RustCallStatus);
    fn uniffi_limber_ffi_fn_constructor_limber_open(
        path: Arg<String>,
        status: &mut RustCallStatus,
    ) -> Ret<Res<Arc<Limber>>>;
    fn uniffi_limber_ffi_fn_free_limber(handle: Arg<Arc<Limber>>, status: &mut RustCallStatus);
    fn uniffi_limber_ffi_fn_method_limber_today(
        handle: Arg<Arc<Limber>>,
        now: Arg<DateTime<Utc>>,
        time_zone: Arg<String>,
        status: &mut RustCallStatus,
    ) -> Ret<Res<Today>>;
    fn uniffi_limber_ffi_fn_method_limber_progress_summary(
        handle: Arg<Arc<Limber>>,
        from: Arg<Option<NaiveDate>>,
        to: Arg<Option<NaiveDate>>,
        time_zone: Arg<String>,
        now: Arg<DateTime<Utc>>,
        status: &mut RustCallStatus,
    ) -> Ret<Res<ProgressSummary>>;

}

fn evaluate_answers_json(json: &str) -> Ended<AssessmentResult> {
    let mut status = RustCallStatus::default();
    // SAFETY: the declaration matches the scaffolding (checked against the source below).
    let ret = unsafe { uniffi_limber_ffi_fn_func_evaluate_answers_json(lower(json.to_owned()), &mut status) };
    ended(status, || AssessmentResult::try_lift(ret).expect("a result"))
}

fn evaluate_responses(responses: &[Response]) -> Ended<AssessmentResult> {
    let mut status = RustCallStatus::default();
    // SAFETY: as above.
    let ret = unsafe { uniffi_limber_ffi_fn_func_evaluate_responses(lower(responses.to_vec()), &mut status) };
    ended(status, || AssessmentResult::try_lift(ret).expect("a result"))
}

fn visible_question_ids(responses: &[Response]) -> Ended<Vec<String>> {
    let mut status = RustCallStatus::default();
    // SAFETY: as above.
    let ret =
        unsafe { uniffi_limber_ffi_fn_func_visible_question_ids(lower(responses.to_vec()), &mut status) };
    ended(status, || <Vec<String> as Lift<UniFfiTag>>::try_lift(ret).expect("ids"))
}

fn dose_summary(dose: &Dose) -> Ended<String> {
    let mut status = RustCallStatus::default();
    // SAFETY: as above.
    let ret = unsafe { uniffi_limber_ffi_fn_func_dose_summary(lower(dose.clone()), &mut status) };
    ended(status, || <String as Lift<UniFfiTag>>::try_lift(ret).expect("text"))
}

fn open(path: &str) -> Ended<Arc<Limber>> {
    let mut status = RustCallStatus::default();
    // SAFETY: as above.
    let ret = unsafe { uniffi_limber_ffi_fn_constructor_limber_open(lower(path.to_owned()), &mut status) };
    ended(status, || <Arc<Limber> as Lift<UniFfiTag>>::try_lift(ret).expect("a Limber"))
}

fn today(limber: &Arc<Limber>, now: SystemTime, time_zone: &str) -> Ended<Today> {
    let mut status = RustCallStatus::default();
    // The shell's handle is cloned for every call: the call consumes it.
    let handle = lower(Arc::clone(limber));
    // SAFETY: as above; a `SystemTime` is lowered exactly as the custom type `Timestamp` is.
    let ret = unsafe {
        uniffi_limber_ffi_fn_method_limber_today(handle, lower(now), lower(time_zone.to_owned()), &mut status)
    };
    ended(status, || Today::try_lift(ret).expect("today"))
}

fn progress_summary(
    limber: &Arc<Limber>,
    from: Option<String>,
    to: Option<String>,
    time_zone: &str,
    now: SystemTime,
) -> Ended<ProgressSummary> {
    let mut status = RustCallStatus::default();
    let handle = lower(Arc::clone(limber));
    // SAFETY: as above; a date crosses as its text, exactly as `Option<LocalDate>` is lowered.
    let ret = unsafe {
        uniffi_limber_ffi_fn_method_limber_progress_summary(
            handle,
            lower(from),
            lower(to),
            lower(time_zone.to_owned()),
            lower(now),
            &mut status,
        )
    };
    ended(status, || ProgressSummary::try_lift(ret).expect("a summary"))
}

/// A local date as a shell sends it: `YYYY-MM-DD`, a near miss, or any text.
fn date_text() -> impl Strategy<Value = Option<String>> {
    prop::option::weighted(
        0.7,
        prop_oneof![
            3 => date().prop_map(|d| d.format("%Y-%m-%d").to_string()),
            1 => prop::sample::select(vec!["2026-02-30", "2026-1-5", "+12026-01-01", "2026-11-20T00:00:00Z", "", "20261120"])
                .prop_map(str::to_owned),
            1 => text(),
        ],
    )
}

/// The rule for a date from a shell: exactly `YYYY-MM-DD` in ASCII digits, and a real date
/// ("2026-1-5" is refused: one date, one spelling).
fn parses(date: &Option<String>) -> bool {
    date.as_deref().is_none_or(|d| {
        let digits_at = [0, 1, 2, 3, 5, 6, 8, 9];
        d.len() == 10
            && digits_at.iter().all(|&i| d.as_bytes()[i].is_ascii_digit())
            && NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok()
    })
}

#[test]
fn functions_without_arguments_answer() {
    let mut status = RustCallStatus::default();
    // SAFETY: as above.
    let ret = unsafe { uniffi_limber_ffi_fn_func_questionnaire(&mut status) };
    let Ended::Value(q) = ended(status, || Questionnaire::try_lift(ret).expect("a questionnaire")) else {
        panic!("questionnaire failed")
    };
    assert!(!q.sections.is_empty());
    let mut status = RustCallStatus::default();
    // SAFETY: as above.
    let ret = unsafe { uniffi_limber_ffi_fn_func_exercise_catalog(&mut status) };
    let Ended::Value(catalog) =
        ended(status, || <Vec<Exercise> as Lift<UniFfiTag>>::try_lift(ret).expect("exercises"))
    else {
        panic!("exercise_catalog failed")
    };
    assert!(!catalog.is_empty());
    let mut status = RustCallStatus::default();
    // SAFETY: as above.
    unsafe { uniffi_limber_ffi_fn_func_ffi_probe(&mut status) };
    assert!(matches!(ended(status, || ()), Ended::Value(())));
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn free_functions_answer_or_fail_typed(json in answers_json(), responses in responses(), dose in dose()) {
        typed(&json, evaluate_answers_json(&json))?;
        typed(&responses, evaluate_responses(&responses))?;
        typed(&responses, visible_question_ids(&responses))?;
        typed(&dose, dose_summary(&dose))?;
    }

    /// Times and dates as the shell sends them, lifted by the bindings.
    #[test]
    fn shell_times_and_dates_lift(
        now in system_time(),
        from in date_text(),
        to in date_text(),
        zone in zone(),
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("limber.db").to_string_lossy().into_owned();
        let limber = typed(&path, open(&path))?.expect("a new database opens");
        typed(&(now, &zone), today(&limber, now, &zone))?;
        let what = (&from, &to, &zone, now);
        match progress_summary(&limber, from.clone(), to.clone(), &zone, now) {
            // A date that is not YYYY-MM-DD cannot be lifted: uniffi's untyped error names the
            // argument. Typed would be better (see the report); a panic would be a bug.
            Ended::Unexpected(message) if !(parses(&from) && parses(&to)) => {
                prop_assert!(message.starts_with("Failed to convert arg"), "{}: {:?}", message, what);
            }
            other => drop(typed(&what, other)?),
        }
        let mut status = RustCallStatus::default();
        // SAFETY: as above; the handle is the shell's last reference.
        unsafe { uniffi_limber_ffi_fn_free_limber(lower(limber), &mut status) };
        prop_assert!(matches!(status.code, RustCallStatusCode::Success));
    }
}

/// A date the shell sends that is not `YYYY-MM-DD` fails to lift, and uniffi turns a failed lift
/// into its untyped error (Kotlin: `InternalException`) unless the custom type's lift fails with
/// a `LimberError`.
#[test]
fn a_date_that_is_not_a_date_is_a_typed_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("limber.db").to_string_lossy().into_owned();
    let Ended::Value(limber) = open(&path) else { panic!("open") };
    match progress_summary(&limber, Some("2026-02-30".into()), None, "UTC", SystemTime::now()) {
        Ended::Typed(LimberError::InvalidInput { .. }) => {}
        Ended::Typed(e) => panic!("{e:?}"),
        Ended::Value(_) => panic!("a summary from 30 February"),
        Ended::Unexpected(message) => panic!("untyped: {}", message.lines().next().unwrap_or_default()),
    }
}

/// Every `pub fn` in bindings/src (all of them are exported) with its signature, whitespace
/// collapsed, read from the source so that doc comments do not matter.
fn exported() -> Vec<(String, String)> {
    let mut found = Vec::new();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for file in std::fs::read_dir(src).expect("bindings/src") {
        let text = std::fs::read_to_string(file.expect("a file").path()).expect("a source file");
        for (at, _) in text.match_indices("pub fn ") {
            let signature = text[at..].split(['{', ';']).next().unwrap_or_default();
            let signature = signature.split_whitespace().collect::<Vec<_>>().join(" ");
            let signature = signature.replace("( ", "(").replace(", )", ")").replace(" )", ")");
            let name = signature["pub fn ".len()..].split(['(', '<']).next().unwrap_or_default().to_owned();
            found.push((name, signature));
        }
    }
    found.sort();
    found
}

/// The declarations above must match the bindings: a changed signature means changing them.
#[test]
fn signatures_are_the_ones_declared_here() {
    let declared = [
        "pub fn evaluate_answers_json(answers_json: String) -> Result<AssessmentResult, LimberError>",
        "pub fn evaluate_responses(responses: Vec<Response>) -> Result<AssessmentResult, LimberError>",
        "pub fn visible_question_ids(responses: Vec<Response>) -> Vec<String>",
        "pub fn dose_summary(dose: Dose) -> String",
        "pub fn questionnaire() -> Questionnaire",
        "pub fn exercise_catalog() -> Vec<Exercise>",
        "pub fn ffi_probe()",
        "pub fn open(path: String) -> Result<Arc<Self>, LimberError>",
        "pub fn today(&self, now: Timestamp, time_zone: String) -> Result<Today, LimberError>",
        "pub fn progress_summary(&self, from: Option<LocalDate>, to: Option<LocalDate>, time_zone: String, \
         now: Timestamp) -> Result<ProgressSummary, LimberError>",
    ];
    let exported: Vec<String> = exported().into_iter().map(|(_, signature)| signature).collect();
    for signature in declared {
        assert!(
            exported.contains(&signature.to_owned()),
            "changed in the bindings: {signature}\n{exported:#?}"
        );
    }
}

/// Every exported function and method is called with arbitrary arguments, here or in
/// no_panic.rs. A new one fails this until it is.
#[test]
fn every_export_is_covered() {
    const COVERED: &[&str] = &[
        // here
        "evaluate_answers_json",
        "evaluate_responses",
        "visible_question_ids",
        "dose_summary",
        "questionnaire",
        "exercise_catalog",
        "ffi_probe",
        "open",
        "today",
        "progress_summary",
        // no_panic.rs
        "add_pain",
        "update_pain",
        "delete_pain",
        "get_pain",
        "list_pain",
        "submit_assessment_json",
        "submit_assessment",
        "latest_assessment",
        "assessment_history",
        "measurement_series",
        "routine_settings",
        "set_routine_settings",
        "check_in",
        "morning_check",
        "dose_change_history",
        "reminder_settings",
        "set_reminder_settings",
        "upcoming_reminders",
        "snooze",
        "adherence",
        "progress_chart_svg",
        "export",
        "import_backup",
        "export_file_info",
        "export_to_path",
        "export_to_fd",
        "import_backup_from_path",
        "import_backup_from_fd",
        "rescue",
        // zone_rules.rs
        "builtin_zone_window",
        "builtin_tzdb_version",
        "wall_clock_instants",
        "checked_zone_window",
        // zone_provider.rs
        "register_zone_rules",
        "wipe_all_data",
        // shell_rules.rs
        "hold_sequence",
        "sets_done",
        "check_in_defaults",
        "tier_level",
        "result_display",
        "card_display",
        "stops_early",
        "request_key",
        "reminder_limit",
        "fired_reminder",
        "follow_device_zone",
        "max_sessions_per_day",
        "max_reminder_slots",
        // measure.rs
        "new",
        "push_samples",
        "status",
        "finish",
        "measure_trace",
        "thomas_thigh_above_horizontal",
    ];
    let missing: Vec<String> = exported()
        .into_iter()
        .map(|(name, _)| name)
        .filter(|name| !COVERED.contains(&name.as_str()))
        .collect();
    assert!(missing.is_empty(), "exported without a no-panic test: {missing:?}");
}
