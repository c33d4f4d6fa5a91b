//! The uniffi facade over `limber-core`. It only translates: types, errors and the `Limber`
//! object. Every rule lives in the core.

mod assessment;
mod error;
mod limber;
mod measure;
mod progress;
mod questionnaire;
mod reminders;
mod rescue;
mod routine;
mod shell_reminders;
mod shell_routine;
mod types;
mod zone;

pub use error::LimberError;
pub use limber::Limber;
pub use measure::{Measurement, measure_trace, thomas_thigh_above_horizontal};
pub use progress::{ProgressListener, export_file_info};
pub use reminders::max_reminder_slots;
pub use rescue::{Rescue, rescue};
pub use routine::max_sessions_per_day;
pub use zone::{
    ZoneRulesProvider, builtin_tzdb_version, builtin_zone_window, checked_zone_window, register_zone_rules,
    wall_clock_instants,
};

uniffi::setup_scaffolding!("limber");

/// Does nothing: the floor for measuring what one call across the FFI costs (see the JVM bench).
#[uniffi::export]
pub fn ffi_probe() {}

/// The floor outside uniffi for the JVM bench: a plain C-ABI function that does nothing, called
/// from Kotlin through JNA direct mapping (`tests/bench/JvmCall.kt`). Not part of the API: the
/// bindings never call it, and it takes and returns nothing, so it cannot fail or panic.
#[unsafe(no_mangle)]
pub extern "C" fn limber_ffi_floor_call() {}

/// The floor for a call with a small record in and a string out, through JNA direct mapping:
/// the fields of a `Dose` as plain integers (-1 for none), its summary written as UTF-8 into
/// the caller's `out` (room for `capacity` bytes). Returns the summary's length in bytes, or -1
/// when it does not fit or `out` is null. Not part of the API, like [`limber_ffi_floor_call`].
///
/// # Safety
/// `out` must be null or point to `capacity` writable bytes (JNA passes a `ByteArray`'s copy).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn limber_ffi_floor_dose(
    hold_seconds: i32,
    reps: i32,
    sets: i32,
    per_side: i8,
    minutes: i32,
    out: *mut u8,
    capacity: i32,
) -> i32 {
    let opt = |v: i32| (v >= 0).then_some(v);
    let dose = limber_core::catalog::Dose {
        hold_seconds: opt(hold_seconds),
        reps: opt(reps),
        sets,
        per_side: per_side != 0,
        minutes: opt(minutes),
    };
    let Ok(summary) = std::panic::catch_unwind(|| dose.summary()) else { return -1 };
    let Ok(capacity) = usize::try_from(capacity) else { return -1 };
    if out.is_null() || summary.len() > capacity {
        return -1;
    }
    // SAFETY: `out` is non-null and has room for `capacity` bytes (the caller's promise), and
    // the summary is no longer than that.
    unsafe { std::ptr::copy_nonoverlapping(summary.as_ptr(), out, summary.len()) };
    summary.len() as i32
}
