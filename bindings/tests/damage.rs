//! A phone keeps one `Limber` open for hours: a damaged page met by a read must stop every
//! change after it, as one met by a write does (issue 14, point 6).
#![allow(clippy::unwrap_used)] // Setup helpers outside #[test] functions: a failed setup should stop the test with its cause.

use limber_ffi::{Limber, LimberError};

/// Fills the root page of `table` (a table or an index) with junk, as a torn write or a bad disk would.
fn damage_table(path: &std::path::Path, table: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let page_size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
    let root: i64 =
        conn.query_row("SELECT rootpage FROM sqlite_schema WHERE name = ?1", [table], |r| r.get(0)).unwrap();
    drop(conn);
    let mut bytes = std::fs::read(path).unwrap();
    let start = ((root - 1) * page_size) as usize;
    bytes[start..start + page_size as usize].fill(0xA5);
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_damaged_page_met_by_a_read_refuses_every_change_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.db");
    let settings = Limber::open(path.display().to_string()).unwrap().reminder_settings().unwrap();
    damage_table(&path, "assessment_by_time");

    let limber = Limber::open(path.display().to_string()).unwrap();
    // The settings live on healthy pages: a change would succeed before any damage is met.
    assert!(limber.set_reminder_settings(settings.clone()).is_ok());
    let read = limber.latest_assessment();
    assert!(
        matches!(read, Err(LimberError::Corrupt { .. })),
        "{:?}",
        read.as_ref().map(|r| r.is_some()).err()
    );
    assert!(
        matches!(limber.set_reminder_settings(settings), Err(LimberError::Corrupt { .. })),
        "after the damage was met, no change is written"
    );
}
