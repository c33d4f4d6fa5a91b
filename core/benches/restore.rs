//! Restoring the ten-year backup (issue 17) against the floor: the very same rows inserted raw
//! into the same tables, in one transaction, with statements prepared once, on a connection
//! with the store's settings (WAL, synchronous=FULL, foreign keys). Target: at most 1.5x.
//!
//! The restore is timed from the file's bytes to the commit: parsing, checking every record,
//! working out each assessment's result again, and writing. The floor starts from rows already
//! in memory. Prints `RATIO restore_10_years: x`; `cargo bench -p limber-core --bench restore`.
#![allow(clippy::unwrap_used)] // Benchmark setup: a failure should stop the run with its cause, not be measured.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{history, median_timed, ratio, timed_medians_in_turns};
use limber_core::Limber;
use rusqlite::Connection;
use rusqlite::types::Value;

/// A fresh database with the current schema and no rows.
fn fresh(dir: &Path, n: &mut u32) -> PathBuf {
    *n += 1;
    let path = dir.join(format!("restore-{n}.db"));
    drop(Limber::open(&path).unwrap());
    path
}

fn store_connection(path: &Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    conn.pragma_update(None, "secure_delete", "ON").unwrap();
    conn
}

/// Every row of every table, parents before children (the order the schema's foreign keys need).
fn all_rows(path: &Path) -> Vec<(String, Vec<Vec<Value>>)> {
    let conn = Connection::open(path).unwrap();
    let tables = [
        "setting",
        "pain_entry",
        "pain_site",
        "assessment",
        "measurement",
        "checkin",
        "checkin_exercise",
        "morning_check",
        "track_state",
        "dose_change",
        "snooze",
    ];
    let mut all = Vec::new();
    for table in tables {
        // The open's own quick-check stamp is in every fresh database already: not a restored row.
        let only_restored = if table == "setting" { " WHERE key != 'quick_check_passed_at'" } else { "" };
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table}{only_restored}")).unwrap();
        let columns = stmt.column_count();
        let rows: Vec<Vec<Value>> = stmt
            .query_map([], |r| (0..columns).map(|i| r.get::<_, Value>(i)).collect())
            .unwrap()
            .map(Result::unwrap)
            .collect();
        all.push((table.to_owned(), rows));
    }
    let in_db: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(in_db as usize, tables.len(), "a table is missing from the floor");
    all
}

fn insert_raw(path: &Path, rows: &[(String, Vec<Vec<Value>>)]) -> Duration {
    let mut conn = store_connection(path);
    let start = Instant::now();
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).unwrap();
    for (table, rows) in rows {
        let Some(first) = rows.first() else { continue };
        let marks = vec!["?"; first.len()].join(", ");
        let mut stmt = tx.prepare(&format!("INSERT INTO {table} VALUES ({marks})")).unwrap();
        for row in rows {
            stmt.execute(rusqlite::params_from_iter(row)).unwrap();
        }
    }
    tx.commit().unwrap();
    start.elapsed()
}

fn main() {
    let bytes = serde_json::to_vec(&history()).unwrap();
    // For tests/bench/memory.sh: the file `limber import` restores, and the database the
    // exports read (built once per machine).
    let data = common::database();
    std::fs::write(data.with_file_name("ten-years-backup.json"), &bytes).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut n = 0;

    let first = fresh(dir.path(), &mut n);
    let report = Limber::open(&first).unwrap().import_backup(&bytes).unwrap();
    let rows = all_rows(&first);
    let total: usize = rows.iter().map(|(_, r)| r.len()).sum();
    println!(
        "restore: {} records in a {:.1} MB file, {total} rows in {} tables",
        report.added,
        bytes.len() as f64 / 1e6,
        rows.len()
    );

    let mut fresh_floor = n + 1_000;
    let (ours, floor) = timed_medians_in_turns(
        || {
            let path = fresh(dir.path(), &mut n);
            let mut store = Limber::open(&path).unwrap();
            let start = Instant::now();
            let r = store.import_backup(&bytes).unwrap();
            let took = start.elapsed();
            assert_eq!(r.added, report.added);
            took
        },
        || insert_raw(&fresh(dir.path(), &mut fresh_floor), &rows),
        7,
    );
    let check = median_timed(
        || {
            let start = Instant::now();
            std::hint::black_box(limber_core::progress::backup::read(&bytes).unwrap());
            start.elapsed()
        },
        7,
    );
    println!("restore: parse and check alone {check:?}");
    ratio("restore_10_years", ours, floor, "<= 1.5x");
}
