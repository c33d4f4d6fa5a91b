//! The progress summary over ten years of history against one hand-written aggregate query
//! (pain per local day, the summary's heaviest part). Target: the whole summary within 1.5×
//! the bare query. The history goes in through `Store::import_backup`, in one transaction.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{DateTime, Days, NaiveDate, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use limber_core::Store;
use serde_json::{Value, json};

const DAYS: u64 = 3653;
const ZONE: &str = "Europe/London";

/// The hand-written query: pain per local day (each entry's own offset), nothing else.
const AGGREGATE: &str = "SELECT date(recorded_at_ms / 1000 + utc_offset_min * 60, 'unixepoch') AS day,
    avg(level), min(level), max(level), count(*) FROM pain_entry GROUP BY day ORDER BY day";

fn id(kind: u8, n: u64) -> String {
    format!("01900000-0000-7000-8{kind:03x}-{n:012x}")
}

fn instant(date: NaiveDate, hour: u32) -> DateTime<Utc> {
    date.and_hms_opt(hour, 0, 0).unwrap().and_utc()
}

/// Ten years: two pain entries a day (one with sites), a session on most days, and an
/// assessment every two weeks. London's offset is taken as 0 (winter) for simplicity.
fn history(first: NaiveDate) -> Value {
    let (mut pain, mut check_ins, mut assessments) = (Vec::new(), Vec::new(), Vec::new());
    for n in 0..DAYS {
        let date = first.checked_add_days(Days::new(n)).unwrap();
        let level = (3 + (n % 5) as i64 - (n / 1000) as i64).clamp(0, 10);
        pain.push(json!({"id": id(1, 2 * n), "recorded_at": instant(date, 7), "utc_offset_minutes": 0,
            "level": level, "context": "on_waking",
            "sites": [{"site": "low_back", "side": null, "level": level}, {"site": "back_of_thigh", "side": "left", "level": level}],
            "note": null}));
        pain.push(json!({"id": id(1, 2 * n + 1), "recorded_at": instant(date, 20), "utc_offset_minutes": 0,
            "level": (level - 1).max(0), "context": "evening", "note": "after the walk"}));
        if n % 7 != 6 {
            let exercise = |name: &str| {
                json!({"exercise": name, "done": true, "skip_reason": null,
                "hold_seconds": 30, "reps": null, "sets": null, "pain_during": 1, "symptoms_spread": false,
                "light": "green"})
            };
            check_ins.push(json!({"id": id(2, n), "local_date": date, "slot": 1, "at": instant(date, 9),
                "utc_offset_minutes": 0, "pain_before": 3, "pain_after": 2, "note": null,
                "exercises": [exercise("band_hamstring_stretch"), exercise("knees_to_chest")]}));
        }
        if n % 14 == 0 {
            let slr = 60 + (n / 140) as i64;
            assessments.push(json!({"id": id(3, n), "taken_at": instant(date, 6), "utc_offset_minutes": 0,
                "answers": {"age": 45, "leg_symptoms": {}, "cauda_equina": {}, "general": {}, "nerve_check": false,
                    "slr": {"left_deg": slr.min(120), "right_deg": (slr + 4).min(120), "measured_by": "helper"},
                    "bridge": {"left_reps": 15, "right_reps": 16}}}));
        }
    }
    json!({"format": "limber-backup", "format_version": 1, "schema_version": 1,
        "exported_at": "2026-01-01T00:00:00Z", "pain_entries": pain, "check_ins": check_ins,
        "assessments": assessments,
        "settings": {"reminders": {"time_zone": ZONE}}})
}

fn median(mut f: impl FnMut(), runs: usize) -> Duration {
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

fn summary_against_one_query(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("limber.db");
    let first = NaiveDate::from_ymd_opt(2016, 1, 4).unwrap();
    let now = instant(first.checked_add_days(Days::new(DAYS - 1)).unwrap(), 21);
    let mut store = Store::open(&path).unwrap();
    store.import_backup(&serde_json::to_vec(&history(first)).unwrap()).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();

    let summary = store.progress_summary(None, None, now, ZONE).unwrap();
    assert_eq!(summary.days.len() as u64, DAYS);
    assert!(summary.weeks.len() > 500 && summary.slr.len() > 500);
    let query = || {
        let mut stmt = conn.prepare_cached(AGGREGATE).unwrap();
        let rows: Vec<(String, f64, i32, i32, i32)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(rows.len() as u64, DAYS);
        black_box(rows);
    };
    let whole = median(|| drop(black_box(store.progress_summary(None, None, now, ZONE).unwrap())), 21);
    let bare = median(query, 21);
    println!(
        "progress summary over 10 years: {whole:?}; the aggregate query alone: {bare:?}; ratio {:.2} (target <= 1.5)",
        whole.as_secs_f64() / bare.as_secs_f64()
    );

    c.bench_function("progress_summary_10_years", |b| {
        b.iter(|| store.progress_summary(None, None, black_box(now), ZONE).unwrap())
    });
    c.bench_function("daily_pain_aggregate_query_10_years", |b| b.iter(query));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = summary_against_one_query
}
criterion_main!(benches);
