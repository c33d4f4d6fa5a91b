//! The ten-year history every store benchmark runs on (issue 9): 3,650 days, two sessions a
//! day with five exercises each and their progression decisions, three pain entries a day, and
//! an assessment every 14 days. It goes in through `Limber::import_backup` in one transaction,
//! and is built once per machine under target/bench-data.

#![allow(dead_code)] // Each bench uses part of this.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{DateTime, Days, NaiveDate, Utc};
use limber_core::Limber;
use serde_json::{Value, json};

pub const DAYS: u64 = 3650;
pub const ZONE: &str = "Europe/London";
const EXERCISES: [&str; 5] =
    ["band_hamstring_stretch", "knees_to_chest", "glute_stretch", "hip_flexor_stretch", "bird_dog"];

pub fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2016, 1, 4).unwrap()
}

/// The evening of the last day of the history.
pub fn now() -> DateTime<Utc> {
    at(first_day().checked_add_days(Days::new(DAYS - 1)).unwrap(), 21)
}

pub fn at(date: NaiveDate, hour: u32) -> DateTime<Utc> {
    date.and_hms_opt(hour, 0, 0).unwrap().and_utc()
}

fn id(kind: u8, n: u64) -> String {
    format!("01900000-0000-7000-8{kind:03x}-{n:012x}")
}

/// The default dose of an exercise: a real step of its track.
fn step(exercise: &str) -> Value {
    let id = limber_core::catalog::ExerciseId::parse("exercise", exercise).unwrap();
    json!({"exercise": exercise, "dose": limber_core::catalog::exercise(id).dose})
}

/// The ten-year history as a backup (JSON value).
pub fn history() -> Value {
    let (mut pain, mut check_ins, mut assessments, mut decisions) = (vec![], vec![], vec![], vec![]);
    for n in 0..DAYS {
        let date = first_day().checked_add_days(Days::new(n)).unwrap();
        let level = (3 + (n % 5) as i64 - (n / 1000) as i64).clamp(0, 10);
        for (k, (hour, context)) in
            [(7, "on_waking"), (13, "after_sitting"), (20, "evening")].iter().enumerate()
        {
            pain.push(json!({"id": id(1, 3 * n + k as u64), "recorded_at": at(date, *hour), "utc_offset_minutes": 0,
                "level": level, "context": context, "note": null,
                "sites": if k == 0 { json!([{"site": "low_back", "side": null, "level": level}]) } else { json!([]) }}));
        }
        for slot in 1..=2u64 {
            let exercises: Vec<Value> = EXERCISES
                .iter()
                .map(|e| {
                    json!({"exercise": e, "done": true, "skip_reason": null, "hold_seconds": 30, "reps": 2,
                    "sets": 1, "pain_during": 1, "symptoms_spread": false, "light": "green"})
                })
                .collect();
            let checkin = 2 * n + slot - 1;
            check_ins.push(json!({"id": id(2, checkin), "local_date": date, "slot": slot,
                "at": at(date, 8 + 10 * (slot as u32 - 1)), "utc_offset_minutes": 0, "pain_before": 3,
                "pain_after": 2, "note": null, "exercises": exercises}));
            for (e, exercise) in EXERCISES.iter().enumerate() {
                decisions.push(json!({"id": id(4, checkin * 5 + e as u64), "at": at(date, 9 + 10 * (slot as u32 - 1)),
                    "local_date": date, "track": exercise, "decision": "keep",
                    "from": step(exercise), "to": step(exercise),
                    "reason": "Comfortable today. If tomorrow morning is no worse, it counts towards the next step."}));
            }
        }
        if n % 14 == 0 {
            let slr = 60 + (n / 140) as i64;
            assessments.push(json!({"id": id(3, n), "taken_at": at(date, 6), "utc_offset_minutes": 0,
                "answers": {"age": 45, "onset": "gradual", "known": {}, "leg_symptoms": {}, "cauda_equina": {}, "general": {}, "nerve_check": false,
                    "slr": {"left_deg": slr.min(120), "right_deg": (slr + 4).min(120), "measured_by": "helper"},
                    "bridge": {"left_reps": 15, "right_reps": 16}}}));
        }
    }
    json!({"format": "limber-backup", "format_version": 1, "schema_version": 1,
        "exported_at": "2026-01-01T00:00:00Z", "pain_entries": pain, "check_ins": check_ins,
        "assessments": assessments, "progression_events": decisions,
        "settings": {"reminders": {"time_zone": ZONE},
            "routine": {"session_times": ["08:00", "18:00"], "strength_days": ["mon", "wed", "fri"],
                "equipment": ["chair", "band_or_towel", "wall"], "include_release": false}}})
}

/// The path of the ten-year database, built on first use.
pub fn database() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-data");
    let path = dir.join("ten-years-v1.db");
    if !path.exists() {
        std::fs::create_dir_all(&dir).unwrap();
        let building = dir.join("ten-years.building.db");
        let _ = std::fs::remove_file(&building);
        let mut store = Limber::open(&building).unwrap();
        let report = store.import_backup(&serde_json::to_vec(&history()).unwrap()).unwrap();
        assert!(report.added as u64 > DAYS * 10, "{:?}", report.summary);
        drop(store);
        std::fs::rename(&building, &path).unwrap();
    }
    path
}

/// The median of `runs` timed calls after one warm-up: a steadier floor than the mean on a
/// noisy machine.
pub fn median(mut f: impl FnMut(), runs: usize) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// The medians of `ours` and `floor` over `runs` timed calls each, taken in turns, one call of
/// each (after one warm-up each), so a change in the machine's load while they run falls on
/// both sides of the ratio instead of one.
pub fn medians_in_turns(
    mut ours: impl FnMut(),
    mut floor: impl FnMut(),
    runs: usize,
) -> (Duration, Duration) {
    let time = |f: &mut dyn FnMut()| {
        let start = Instant::now();
        f();
        start.elapsed()
    };
    timed_medians_in_turns(|| time(&mut ours), || time(&mut floor), runs)
}

/// [`medians_in_turns`] for calls that time themselves (so each can set up untimed).
pub fn timed_medians_in_turns(
    mut ours: impl FnMut() -> Duration,
    mut floor: impl FnMut() -> Duration,
    runs: usize,
) -> (Duration, Duration) {
    ours();
    floor();
    let (mut a, mut b) = (Vec::with_capacity(runs), Vec::with_capacity(runs));
    for _ in 0..runs {
        a.push(ours());
        b.push(floor());
    }
    a.sort();
    b.sort();
    (a[runs / 2], b[runs / 2])
}

/// The median of `runs` durations that `f` measures itself (so each run can set up untimed),
/// after one warm-up.
pub fn median_timed(mut f: impl FnMut() -> Duration, runs: usize) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..runs).map(|_| f()).collect();
    times.sort();
    times[runs / 2]
}

pub fn ratio(name: &str, ours: Duration, floor: Duration, target: &str) {
    println!(
        "RATIO {name}: {:.2} ({ours:?} vs floor {floor:?}; target {target})",
        ours.as_secs_f64() / floor.as_secs_f64()
    );
}
