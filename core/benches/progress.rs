//! The progress summary over the ten-year history against one hand-written aggregate query
//! (pain per local day, the summary's heaviest part). Target: the whole summary within 1.5x the
//! bare query.
#![allow(clippy::unwrap_used)] // Benchmark setup: a failure should stop the run with its cause, not be measured.

mod common;

use std::hint::black_box;

use common::{DAYS, ZONE, database, medians_in_turns, now, ratio};
use criterion::{Criterion, criterion_group, criterion_main};
use limber_core::Limber;

/// The hand-written query: pain per local day (each entry's own offset), nothing else.
const AGGREGATE: &str = "SELECT date(recorded_at_ms / 1000 + utc_offset_min * 60, 'unixepoch') AS day,
    avg(level), min(level), max(level), count(*) FROM pain_entry GROUP BY day ORDER BY day";

fn summary_against_one_query(c: &mut Criterion) {
    let path = database();
    let store = Limber::open(&path).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let now = now();

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
    let (whole, bare) = medians_in_turns(
        || drop(black_box(store.progress_summary(None, None, now, ZONE).unwrap())),
        query,
        21,
    );
    ratio("progress_summary_10_years", whole, bare, "<= 1.5x");

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
