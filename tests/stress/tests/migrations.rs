//! Every released schema version has a fixture database in tests/fixtures, written with rows in
//! every table of that version. Each is upgraded by the current code and compared with a freshly
//! created database: same schema, no row lost. A schema change without a new fixture fails.
//!
//! To add the fixture for a new version: `LIMBER_WRITE_FIXTURES=1 cargo test -p limber-stress
//! --test migrations`, then commit tests/fixtures/schema-vN.db.
#![allow(clippy::unwrap_used)] // Setup helpers outside #[test] functions: a failed setup should stop the test with its cause.

use std::collections::BTreeMap;
use std::path::PathBuf;

use limber_core::Limber;
use limber_core::store::{APPLICATION_ID, SCHEMA_VERSION, migration_steps};
use rusqlite::Connection;

fn fixture(version: i32) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../fixtures/schema-v{version}.db"))
}

/// Sample rows for the tables a version has, as that version wrote them.
const ROWS: &[(i32, &str)] = &[
    (1, "INSERT INTO pain_entry VALUES (X'0192f0c17b5e7cc09a4e1f2d3c4b5a69', 1763600000000, 60, 4, 'after_sitting', 'long drive');
         INSERT INTO pain_site VALUES (X'0192f0c17b5e7cc09a4e1f2d3c4b5a69', 'low_back', '', 5);
         INSERT INTO pain_site VALUES (X'0192f0c17b5e7cc09a4e1f2d3c4b5a69', 'back_of_thigh', 'left', 6);
         INSERT INTO pain_entry VALUES (X'0192f0c17b5e7cc09a4e1f2d3c4b5a70', 1763700000000, 0, 2, 'on_waking', NULL);"),
    (2, "INSERT INTO assessment VALUES (X'0192f0c17b5e7cc09a4e1f2d3c4b5a71', 1763600000000, 60,
           '{\"age\":40,\"leg_symptoms\":{},\"cauda_equina\":{},\"general\":{},\"slr\":{\"left_deg\":65,\"measured_by\":\"helper\"}}',
           '{}');
         INSERT INTO measurement VALUES (X'0192f0c17b5e7cc09a4e1f2d3c4b5a71', 'slr', 'left', 65, 'helper', 1763600000000);"),
    (3, "INSERT INTO setting VALUES ('routine', '{\"session_times\":[\"08:00\"],\"strength_days\":[\"mon\",\"wed\",\"fri\"],\"equipment\":[\"chair\"],\"include_release\":false}');
         INSERT INTO checkin VALUES (X'0192f0c17b5e7cc09a4e1f2d3c4b5a72', '2025-11-20', 1, 1763630000000, 0, 3, 2, 0, 'ok');
         INSERT INTO checkin_exercise VALUES (X'0192f0c17b5e7cc09a4e1f2d3c4b5a72', 'knees_to_chest', 'knees_to_chest', 1, NULL, 30, 2, 1, 1, 0, 'green');
         INSERT INTO morning_check VALUES ('2025-11-21', X'0192f0c17b5e7cc09a4e1f2d3c4b5a70', 2);
         INSERT INTO track_state VALUES ('knees_to_chest', 2, 1, 0, NULL);
         INSERT INTO progression_event VALUES (X'0192f0c17b5e7cc09a4e1f2d3c4b5a73', 1763630000000, '2025-11-20', 'knees_to_chest', 'keep',
           '{\"exercise\":\"knees_to_chest\",\"dose\":{\"hold_seconds\":30,\"reps\":2,\"sets\":1,\"per_side\":false,\"minutes\":null}}',
           '{\"exercise\":\"knees_to_chest\",\"dose\":{\"hold_seconds\":30,\"reps\":2,\"sets\":1,\"per_side\":false,\"minutes\":null}}',
           'Comfortable today.');"),
    (4, "INSERT INTO snooze VALUES ('session:2025-11-22:1', 1763800000000);"),
];

/// Tables a later step renamed (old name, new name): their rows are counted under the new name.
const RENAMED: &[(&str, &str)] = &[("progression_event", "dose_change")];

fn write_fixture(version: i32) {
    let path = fixture(version);
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    for (v, step) in migration_steps()[..version as usize].iter().enumerate() {
        conn.execute_batch(step).unwrap();
        let rows = ROWS.iter().find(|(n, _)| *n == v as i32 + 1).map(|(_, sql)| *sql).unwrap_or("");
        conn.execute_batch(rows).unwrap();
    }
    conn.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
    conn.pragma_update(None, "user_version", version).unwrap();
}

/// Tables and indexes with their SQL, normalised, so two databases can be compared.
fn schema(conn: &Connection) -> BTreeMap<String, String> {
    let mut stmt = conn
        .prepare("SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .unwrap()
        .map(|r| {
            let (name, sql) = r.unwrap();
            (name, sql.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect()
}

fn row_counts(conn: &Connection) -> BTreeMap<String, i64> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tables
        .into_iter()
        .map(|t| {
            let n = conn.query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0)).unwrap();
            (t, n)
        })
        .collect()
}

fn fresh_schema() -> BTreeMap<String, String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fresh.db");
    Limber::open(&path).unwrap();
    schema(&Connection::open(&path).unwrap())
}

#[test]
fn every_released_schema_version_has_a_fixture() {
    let write = std::env::var_os("LIMBER_WRITE_FIXTURES").is_some();
    for version in 1..=SCHEMA_VERSION {
        if write && !fixture(version).exists() {
            write_fixture(version);
        }
        assert!(
            fixture(version).exists(),
            "schema version {version} has no fixture: run LIMBER_WRITE_FIXTURES=1 cargo test -p limber-stress \
             --test migrations and commit tests/fixtures/schema-v{version}.db"
        );
    }
    assert!(!fixture(SCHEMA_VERSION + 1).exists(), "a fixture for a version this code does not know");
}

#[test]
fn released_steps_are_never_edited() {
    // Each fixture's schema is what its version's steps create today: editing a released step
    // (instead of adding a new one) changes this and fails.
    for version in 1..=SCHEMA_VERSION {
        let path = fixture(version);
        if !path.exists() {
            continue; // reported by every_released_schema_version_has_a_fixture
        }
        let dir = tempfile::tempdir().unwrap();
        let replay = Connection::open(dir.path().join("replay.db")).unwrap();
        for step in &migration_steps()[..version as usize] {
            replay.execute_batch(step).unwrap();
        }
        assert_eq!(
            schema(&Connection::open(&path).unwrap()),
            schema(&replay),
            "schema v{version} was edited"
        );
    }
}

#[test]
fn every_fixture_upgrades_to_the_fresh_schema_without_losing_a_row() {
    let fresh = fresh_schema();
    for version in 1..=SCHEMA_VERSION {
        let source = fixture(version);
        if !source.exists() {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("old.db");
        std::fs::copy(&source, &copy).unwrap();
        let before = row_counts(&Connection::open(&copy).unwrap());
        assert!(before.values().all(|n| *n > 0), "v{version} fixture has an empty table: {before:?}");

        let store = Limber::open(&copy).unwrap();
        // The old rows read back through the current code.
        let pain =
            store.list_pain(&limber_core::pain::PainQuery { limit: 10, ..Default::default() }).unwrap();
        assert_eq!(pain.entries.len(), 2, "v{version}: pain entries");
        if version >= 2 {
            // An old result shape is evaluated again from its answers, under today's rules: these
            // answers skipped onset and the known conditions, now required before any plan
            // (CLINICAL.md §2), so the plan waits for them.
            let latest = store.latest_assessment().unwrap().unwrap();
            assert_eq!(latest.result, limber_core::assessment::evaluate(&latest.answers), "v{version}");
            assert_eq!(latest.result.missing, ["onset", "known"], "v{version}: assessment reads back");
            assert!(!latest.result.plan_allowed, "v{version}");
        }
        if version >= 3 {
            // The morning check's pain is its pain entry's level (one copy since v6).
            let backup = store.backup(chrono::Utc::now()).unwrap();
            let levels: Vec<(String, i32)> =
                backup.morning_checks.iter().map(|m| (m.local_date.to_string(), m.pain)).collect();
            assert_eq!(levels, [("2025-11-21".to_owned(), 2)], "v{version}: morning checks");
        }
        drop(store);

        let conn = Connection::open(&copy).unwrap();
        // The open ran the quick check (none had passed yet) and stamped it in `setting`: the
        // file's row, not the person's, so it is not counted.
        let stamped: i64 = conn
            .query_row("SELECT count(*) FROM setting WHERE key = 'quick_check_passed_at'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(stamped, 1, "v{version}: the passing check is stamped");
        let mut after = row_counts(&conn);
        if let Some(settings) = after.get_mut("setting") {
            *settings -= stamped;
        }
        for (table, n) in &before {
            let now = RENAMED.iter().find(|(old, _)| old == table).map_or(table.as_str(), |(_, new)| new);
            assert_eq!(after.get(now), Some(n), "v{version}: rows of {table}");
        }
        assert_eq!(schema(&conn), fresh, "v{version} upgraded differs from a fresh database");
        let version_now: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(version_now, SCHEMA_VERSION);
    }
}
