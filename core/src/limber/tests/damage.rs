//! Read-only databases and damaged ones (issue 14, point 6).

use chrono::{TimeZone, Utc};

use crate::Error;
use crate::Limber;
use crate::pain::{PainContext, PainInput, PainQuery};
use crate::progress::ExportFormat;

fn entry(level: i32) -> PainInput {
    PainInput {
        recorded_at: Utc.with_ymd_and_hms(2026, 11, 20, 8, 0, 0).unwrap(),
        utc_offset_minutes: 0,
        level,
        sites: Vec::new(),
        context: PainContext::Other,
        note: None,
    }
}

fn with_entries(n: i32) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.db");
    let mut store = Limber::open(&path).unwrap();
    for i in 0..n {
        store.add_pain(entry(i % 11)).unwrap();
    }
    (dir, path)
}

fn count(store: &Limber) -> usize {
    store.list_pain(&PainQuery { limit: 500, ..Default::default() }).unwrap().entries.len()
}

#[test]
fn a_read_only_store_reads_and_exports_and_refuses_every_change_with_one_error() {
    let (_dir, path) = with_entries(3);
    let mut store = Limber { db: crate::store::Db::open_read_only(&path).unwrap(), device_zone: None };
    assert!(store.is_read_only());
    assert_eq!(count(&store), 3);
    store.export(ExportFormat::JsonBackup, Utc::now(), "UTC").unwrap();
    store.export(ExportFormat::CsvZip, Utc::now(), "UTC").unwrap();
    assert!(matches!(store.add_pain(entry(4)), Err(Error::ReadOnly)));
    assert!(matches!(store.wipe_all_data(), Err(Error::ReadOnly)));
    // The device's zone is used without being saved.
    assert_eq!(store.use_device_zone("Asia/Tokyo", chrono::Utc::now()).unwrap().1.time_zone, "Asia/Tokyo");
    assert_eq!(store.reminder_settings().unwrap().time_zone, "Asia/Tokyo");
    assert!(Error::ReadOnly.to_string().contains("read-only"));
}

#[test]
fn a_write_protected_file_opens_read_only() {
    let (_dir, path) = with_entries(2);
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    if std::fs::OpenOptions::new().append(true).open(&path).is_ok() {
        // Running as root, for whom nothing is write-protected: the CLI test covers this
        // case as an unprivileged user.
        return;
    }
    let mut store = Limber::open(&path).unwrap();
    assert!(store.is_read_only());
    assert_eq!(count(&store), 2);
    assert!(matches!(store.add_pain(entry(1)), Err(Error::ReadOnly)));
}

/// Fills the first page of `table` with junk, as a torn write or a bad disk would.
fn damage_table(path: &std::path::Path, table: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let page_size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
    let root: i64 =
        conn.query_row("SELECT rootpage FROM sqlite_schema WHERE name = ?1", [table], |r| r.get(0)).unwrap();
    drop(conn);
    let mut bytes = std::fs::read(path).unwrap();
    let start = ((root - 1) * page_size) as usize;
    let page_size = page_size as usize;
    bytes[start..start + page_size].fill(0xA5);
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn after_an_unclean_close_a_damaged_table_page_is_refused_without_changing_a_byte() {
    let (_dir, path) = with_entries(50);
    damage_table(&path, "pain_entry");
    // A WAL left behind: the last connection did not close cleanly.
    let wal = path.with_file_name("l.db-wal");
    std::fs::write(&wal, [0u8; 32]).unwrap();
    let before = std::fs::read(&path).unwrap();
    assert!(matches!(Limber::open(&path), Err(Error::Corrupt)));
    assert_eq!(std::fs::read(&path).unwrap(), before, "not a byte changed");
}

#[test]
fn a_damaged_page_met_by_a_write_refuses_every_change_after_it() {
    let (_dir, path) = with_entries(50);
    damage_table(&path, "pain_entry");
    let mut store = Limber::open(&path).unwrap();
    assert!(matches!(store.add_pain(entry(3)), Err(Error::Corrupt)));
    // Even a change that would not touch the damaged table.
    let settings = store.reminder_settings().unwrap();
    assert!(matches!(store.set_reminder_settings(settings), Err(Error::Corrupt)));
}

#[test]
fn a_rescue_reads_what_it_can_and_names_what_was_lost() {
    let (_dir, path) = with_entries(5);
    {
        let mut store = Limber::open(&path).unwrap();
        store.submit_assessment(crate::assessment::tests::screened(65, 70), Utc::now(), 0).unwrap();
    }
    damage_table(&path, "pain_entry");
    let store = Limber::open_damaged(&path).unwrap();
    let rescue = store.rescue(Utc::now()).unwrap();
    assert_eq!(rescue.backup.assessments.len(), 1, "the undamaged kinds come out whole");
    assert!(rescue.backup.pain_entries.is_empty());
    assert_eq!(rescue.lost, ["pain entries: damaged, none could be read"]);
    // The rescued backup restores into a new database.
    let dir = tempfile::tempdir().unwrap();
    let mut fresh = Limber::open(dir.path().join("new.db")).unwrap();
    fresh.import_backup(&serde_json::to_vec(&rescue.backup).unwrap()).unwrap();
    assert!(fresh.latest_assessment().unwrap().is_some());
}

#[test]
fn an_undamaged_file_has_nothing_lost() {
    let (_dir, path) = with_entries(5);
    let rescue = Limber::open_damaged(&path).unwrap().rescue(Utc::now()).unwrap();
    assert!(rescue.lost.is_empty());
    assert_eq!(rescue.backup.pain_entries.len(), 5);
}
