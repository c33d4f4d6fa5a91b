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

/// The phone's app and its reminder receiver are two connections (often two processes): damage
/// the app met must refuse the receiver's open too, without a byte of the database changing.
#[test]
fn damage_met_by_the_app_refuses_the_reminder_receivers_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.db");
    drop(Limber::open(path.display().to_string()).unwrap());
    damage_table(&path, "assessment_by_time");
    let app = Limber::open(path.display().to_string()).unwrap();
    let before = std::fs::read(&path).unwrap();
    assert!(matches!(app.latest_assessment(), Err(LimberError::Corrupt { .. })));
    let receiver = Limber::open(path.display().to_string());
    assert!(matches!(receiver, Err(LimberError::Corrupt { .. })), "the receiver's open is refused");
    drop(app);
    assert!(matches!(Limber::open(path.display().to_string()), Err(LimberError::Corrupt { .. })));
    assert_eq!(std::fs::read(&path).unwrap(), before, "not a byte changed");
}

/// The phones' way out, as the README gives it: rescue what can be read, move the damaged file
/// away, open a new database at the same place and import the rescue.
#[test]
fn rescue_then_a_new_database_and_its_import_get_a_person_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.db");
    let app = Limber::open(path.display().to_string()).unwrap();
    let mut settings = app.reminder_settings().unwrap();
    settings.snooze_minutes = 25;
    app.set_reminder_settings(settings).unwrap();
    let entry = limber_core::pain::PainInput {
        recorded_at: std::time::SystemTime::now().into(),
        utc_offset_minutes: 0,
        level: 3,
        sites: Vec::new(),
        context: limber_core::pain::PainContext::Other,
        note: None,
    };
    app.add_pain(entry).unwrap();
    drop(app);
    damage_table(&path, "pain_entry");
    let app = Limber::open(path.display().to_string()).unwrap();
    let query = limber_core::pain::PainQuery { limit: 10, ..Default::default() };
    assert!(matches!(app.list_pain(query), Err(LimberError::Corrupt { .. })));
    drop(app);
    assert!(matches!(Limber::open(path.display().to_string()), Err(LimberError::Corrupt { .. })));

    let rescued =
        limber_ffi::rescue(path.display().to_string(), std::time::SystemTime::now().into()).unwrap();
    assert_eq!(rescued.lost, ["pain entries: damaged, none could be read"]);
    std::fs::rename(&path, dir.path().join("l.db.damaged")).unwrap();
    let fresh = Limber::open(path.display().to_string()).unwrap();
    fresh.import_backup(rescued.backup).unwrap();
    assert_eq!(fresh.reminder_settings().unwrap().snooze_minutes, 25, "the rescued settings are back");
}
