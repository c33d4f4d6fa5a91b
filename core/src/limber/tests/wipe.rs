//! Wiping everything leaves no trace of a note in the database file, its WAL or its shm.

use std::fs;
use std::path::Path;

use super::progress::{MARKER, at, pain, populated};
use crate::pain::PainQuery;
use crate::routine::RoutineSettings;
use crate::schedule::ReminderSettings;

/// The first line of the marker: unique enough, and what survives quoting in any format.
fn marker() -> &'static [u8] {
    MARKER.split(',').next().unwrap().as_bytes()
}

fn files_holding_the_marker(dir: &Path) -> Vec<String> {
    ["l.db", "l.db-wal", "l.db-shm"]
        .into_iter()
        .filter(|name| {
            fs::read(dir.join(name)).is_ok_and(|bytes| bytes.windows(marker().len()).any(|w| w == marker()))
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn wiping_leaves_nothing_in_the_file_or_its_wal() {
    let (dir, mut store) = populated();
    // The marker is in a pain note and a check-in note, and on disk before the wipe.
    store.conn().execute_batch("PRAGMA wal_checkpoint(PASSIVE)").unwrap();
    assert!(!files_holding_the_marker(dir.path()).is_empty(), "the test would prove nothing");

    store.wipe_all_data().unwrap();
    assert_eq!(files_holding_the_marker(dir.path()), Vec::<String>::new(), "while open");
    let tables: Vec<(String, i64)> = {
        let conn = store.conn();
        let names: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        names
            .into_iter()
            .map(|t| {
                let n = conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0)).unwrap();
                (t, n)
            })
            .collect()
    };
    assert!(tables.len() >= 10 && tables.iter().all(|(_, n)| *n == 0), "{tables:?}");
    assert_eq!(store.routine_settings().unwrap(), RoutineSettings::default());
    assert_eq!(store.reminder_settings().unwrap(), ReminderSettings::default());
    assert!(store.latest_assessment().unwrap().is_none());

    // Still a working Limber database afterwards.
    store.add_pain(pain(30, 8, 3)).unwrap();
    assert_eq!(store.list_pain(&PainQuery { limit: 10, ..Default::default() }).unwrap().entries.len(), 1);
    drop(store);
    assert_eq!(files_holding_the_marker(dir.path()), Vec::<String>::new(), "after closing");
    let reopened = crate::Limber::open(dir.path().join("l.db")).unwrap();
    assert_eq!(reopened.progress_summary(None, None, at(30, 12), "UTC").unwrap().pain_entries, 1);
}
