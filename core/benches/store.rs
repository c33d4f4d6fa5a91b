//! The store on a ten-year history against raw SQLite floors measured in the same run:
//! - open the store and compute today: target under 1 ms, at most 2x raw open plus one indexed
//!   query;
//! - one durable write (a pain entry; a check-in with five exercises): at most 1.2x a raw
//!   rusqlite insert of the same rows with the same durability settings (WAL, synchronous=FULL).
//!
//! Prints `RATIO name: x` lines; `cargo bench -p limber-core --bench store`.
#![allow(clippy::unwrap_used)] // Benchmark setup: a failure should stop the run with its cause, not be measured.

mod common;

use std::hint::black_box;

use chrono::{Duration, TimeZone, Utc};
use common::{ZONE, database, medians_in_turns, now, ratio};
use criterion::{Criterion, criterion_group, criterion_main};
use limber_core::Limber;
use limber_core::catalog::ExerciseId;
use limber_core::pain::{PainContext, PainInput};
use limber_core::routine::checkin::{CheckInInput, ExerciseCheckIn};
use rusqlite::{Connection, params};

/// The floor's connection, on its own copy of the history beside `path`: timed in turns with
/// ours, a commit on the same file would make every call of ours see another connection's
/// change and drop its cache, which a phone's store kept open does not meet. The floors prepare
/// each statement once (`prepare_cached`), as the store does.
fn raw_connection(path: &std::path::Path) -> Connection {
    let own = path.with_extension("floor.db");
    std::fs::copy(database(), &own).unwrap();
    let conn = Connection::open(own).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    // The store's other settings (store/mod.rs), so that "same settings" holds.
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    conn.pragma_update(None, "secure_delete", "ON").unwrap();
    conn
}

fn open_and_today(c: &mut Criterion) {
    let path = database();
    let now = now();
    let ours = || {
        let store = Limber::open(&path).unwrap();
        black_box(store.today(now, ZONE).unwrap());
    };
    // The floor: open the file and read today's check-ins through an index.
    let floor = || {
        let conn = Connection::open(&path).unwrap();
        let n: i64 = conn
            .query_row("SELECT count(*) FROM checkin WHERE local_date = ?1", ["2025-12-31"], |r| r.get(0))
            .unwrap();
        black_box(n);
    };
    let (a, b) = medians_in_turns(ours, floor, 101);
    ratio("open_and_today", a, b, "<= 2x, and under 1 ms");
    c.bench_function("open_and_today_10_years", |bench| bench.iter(ours));
    c.bench_function("raw_open_and_indexed_query", |bench| bench.iter(floor));
}

fn durable_writes(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("writes.db");
    std::fs::copy(database(), &path).unwrap();
    let mut store = Limber::open(&path).unwrap();
    let raw = raw_connection(&path);
    let mut n = 0i64;
    let start = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap();
    let mut pain = || {
        n += 1;
        let input = PainInput {
            recorded_at: start + Duration::seconds(n),
            utc_offset_minutes: 0,
            level: 4,
            sites: vec![],
            context: PainContext::Evening,
            note: Some("stiff after the drive".into()),
        };
        black_box(store.add_pain(input).unwrap());
    };
    let mut m = 0i64;
    let mut raw_pain = || {
        m += 1;
        let tx = raw.unchecked_transaction().unwrap();
        tx.prepare_cached(
            "INSERT INTO pain_entry (id, recorded_at_ms, utc_offset_min, level, context, note) VALUES (?1, ?2, 0, 4, 'evening', ?3)",
        )
        .unwrap()
        .execute(
            params![uuid::Uuid::now_v7(), 1_900_000_000_000 + m, "stiff after the drive"],
        )
        .unwrap();
        tx.commit().unwrap();
    };
    let (a, b) = medians_in_turns(&mut pain, &mut raw_pain, 201);
    ratio("durable_write_pain_entry", a, b, "<= 1.2x");
    c.bench_function("add_pain_durable", |bench| bench.iter(&mut pain));
    c.bench_function("raw_insert_durable", |bench| bench.iter(&mut raw_pain));
}

fn check_in_write(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("checkins.db");
    std::fs::copy(database(), &path).unwrap();
    let mut store = Limber::open(&path).unwrap();
    let raw = raw_connection(&path);
    let exercises = [
        ExerciseId::BandHamstringStretch,
        ExerciseId::KneesToChest,
        ExerciseId::GluteStretch,
        ExerciseId::HipFlexorStretch,
        ExerciseId::BirdDog,
    ];
    // A fresh session for every call (a real check-in is once per session): both slots of a day,
    // then the next day.
    let mut n = 0i64;
    let mut ours = || {
        n += 1;
        let at = now() + Duration::days(1 + n / 2);
        let input = CheckInInput {
            session: (n % 2) as i32 + 1,
            at,
            pain_before: Some(3),
            pain_after: Some(2),
            exercises: exercises
                .iter()
                .map(|e| ExerciseCheckIn {
                    exercise: *e,
                    done: true,
                    skip_reason: None,
                    hold_seconds: Some(30),
                    reps: Some(2),
                    sets: None,
                    pain_during: Some(1),
                    symptoms_spread: false,
                })
                .collect(),
            note: None,
        };
        black_box(store.check_in(input, ZONE).unwrap());
    };
    // The floor: the same rows (a check-in, five exercises, five decisions, five track states)
    // in one transaction.
    // Rows of the size ours writes: the dose before and after as the store spells them, and the
    // reason shown (a floor with shorter rows fills fewer pages per commit). Spelled once, here:
    // the floor does no work per call that the rows do not need.
    let steps: Vec<String> = exercises
        .iter()
        .map(|e| {
            format!(
                r#"{{"exercise":"{}","dose":{{"hold_seconds":30,"reps":2,"sets":1,"per_side":true,"minutes":null}}}}"#,
                e.as_str()
            )
        })
        .collect();
    let mut raw_day = 0i64;
    let mut floor = || {
        raw_day += 1;
        let tx = raw.unchecked_transaction().unwrap();
        let id = uuid::Uuid::now_v7();
        let date = format!("raw-{raw_day:06}"); // ten characters, as a date is
        tx.prepare_cached(
            "INSERT INTO checkin (id, local_date, session, at_ms, utc_offset_min, pain_before, pain_after, symptoms_spread, note)
             VALUES (?1, ?2, 1, ?3, 0, 3, 2, 0, NULL)",
        )
        .unwrap()
        .execute(
            params![id, date, 1_900_000_000_000 + raw_day],
        )
        .unwrap();
        for (e, step) in exercises.iter().zip(&steps) {
            tx.prepare_cached(
                "INSERT INTO checkin_exercise VALUES (?1, ?2, ?2, 1, NULL, 30, 2, NULL, 1, 0, 'green')",
            )
            .unwrap()
            .execute(params![id, e.as_str()])
            .unwrap();
            tx.prepare_cached("INSERT INTO dose_change VALUES (?1, ?2, ?3, ?4, 'keep', ?5, ?5, ?6)")
                .unwrap()
                .execute(params![
                    uuid::Uuid::now_v7(),
                    1_900_000_000_000 + raw_day,
                    date,
                    e.as_str(),
                    step,
                    "Comfortable today. If tomorrow morning is no worse, it counts towards the next step."
                ])
                .unwrap();
            tx.prepare_cached(
                "INSERT INTO track_state VALUES (?1, 1, 0, 0, NULL)
                 ON CONFLICT (track) DO UPDATE SET settled_greens = settled_greens + 1",
            )
            .unwrap()
            .execute([e.as_str()])
            .unwrap();
        }
        tx.commit().unwrap();
    };
    let (a, b) = medians_in_turns(&mut ours, &mut floor, 101);
    ratio("durable_write_check_in", a, b, "<= 1.2x");
    c.bench_function("check_in_durable", |bench| bench.iter(&mut ours));
    c.bench_function("raw_check_in_rows_durable", |bench| bench.iter(&mut floor));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = open_and_today, durable_writes, check_in_write
}
criterion_main!(benches);
