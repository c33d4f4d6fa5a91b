//! Read-only databases and damaged ones (issue 14, point 6).

use chrono::{TimeZone, Utc};

use crate::Error;
use crate::Limber;
use crate::pain::{PainContext, PainInput, PainQuery};
use crate::progress::ExportFormat;
use crate::store::damage;

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

// Damage that stays known, and the daily check of a cleanly closed file.

fn marker(path: &std::path::Path) -> std::path::PathBuf {
    damage::marker_path(path)
}

fn stamp(path: &std::path::Path) -> Option<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("SELECT value FROM setting WHERE key = 'quick_check_passed_at'", [], |r| r.get(0)).ok()
}

/// As if the last passing check were `hours` ago.
fn age_stamp(path: &std::path::Path, hours: i64) {
    let at = Utc::now() - chrono::Duration::hours(hours);
    let conn = rusqlite::Connection::open(path).unwrap();
    let value = serde_json::to_string(&at.to_rfc3339()).unwrap();
    conn.execute("UPDATE setting SET value = ?1 WHERE key = 'quick_check_passed_at'", [value]).unwrap();
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_check_is_due_after_an_unclean_close_and_a_day_after_the_last_one_passed() {
    let now = Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap();
    let ago = |minutes: i64| Some(now - chrono::Duration::minutes(minutes));
    assert!(damage::check_due(false, None, now), "never checked");
    assert!(!damage::check_due(false, ago(0), now));
    assert!(!damage::check_due(false, ago(24 * 60 - 1), now));
    assert!(damage::check_due(false, ago(24 * 60), now), "a day later");
    assert!(damage::check_due(true, ago(1), now), "an unclean close, whenever the last check was");
    assert!(damage::check_due(false, ago(-1), now), "a clock set back does not put the check off");
}

#[test]
fn a_cleanly_closed_file_with_damaged_pages_is_refused_when_its_daily_check_is_due() {
    let (_dir, path) = with_entries(50);
    age_stamp(&path, 25);
    let aged = stamp(&path);
    damage_table(&path, "pain_entry");
    assert!(!damage::wal_left_behind(&path), "a clean close");
    let before = std::fs::read(&path).unwrap();
    assert!(matches!(Limber::open(&path), Err(Error::Corrupt)));
    assert_eq!(std::fs::read(&path).unwrap(), before, "not a byte changed");
    assert_eq!(stamp(&path), aged, "a failed check is not stamped");
    assert!(marker(&path).exists(), "the damage is remembered");
    #[cfg(unix)]
    assert_eq!(mode(&marker(&path)), 0o600);
}

#[test]
fn a_passing_check_is_stamped_and_the_opens_of_the_next_day_skip_it() {
    let (_dir, path) = with_entries(50);
    let first = stamp(&path).expect("the check on creation passed and was stamped");
    damage_table(&path, "pain_entry");
    // Checked less than a day ago: the open does not check, so it does not meet the damage.
    let store = Limber::open(&path).unwrap();
    store.reminder_settings().unwrap();
    drop(store);
    assert_eq!(stamp(&path), Some(first), "a skipped check stamps nothing");
    age_stamp(&path, 24);
    assert!(matches!(Limber::open(&path), Err(Error::Corrupt)), "checked again a day later");
}

#[test]
fn damage_met_by_a_read_refuses_the_next_open_and_rescue_still_works() {
    let (_dir, path) = with_entries(50);
    damage_table(&path, "pain_entry");
    let store = Limber::open(&path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let read = store.noticed(store.list_pain(&PainQuery { limit: 500, ..Default::default() }));
    assert!(matches!(read, Err(Error::Corrupt)));
    drop(store);
    // Another process (the CLI's next command, the phone's reminder receiver).
    assert!(matches!(Limber::open(&path), Err(Error::Corrupt)));
    assert_eq!(std::fs::read(&path).unwrap(), before, "not a byte changed");
    #[cfg(unix)]
    assert_eq!(mode(&marker(&path)), 0o600);
    let rescue = Limber::open_damaged(&path).unwrap().rescue(Utc::now()).unwrap();
    assert_eq!(rescue.lost, ["pain entries: damaged, none could be read"]);
}

#[test]
fn damage_met_by_a_write_refuses_the_next_open() {
    let (_dir, path) = with_entries(50);
    damage_table(&path, "pain_entry");
    assert!(matches!(Limber::open(&path).unwrap().add_pain(entry(3)), Err(Error::Corrupt)));
    assert!(matches!(Limber::open(&path), Err(Error::Corrupt)));
}

#[test]
fn a_marker_beside_a_new_database_is_stale_and_one_beside_a_file_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.db");
    Limber::remember_damage(&path);
    // The damaged file was moved away: a new database starts at the same place.
    let mut store = Limber::open(&path).unwrap();
    assert!(!marker(&path).exists());
    store.add_pain(entry(2)).unwrap();
    drop(store);
    Limber::remember_damage(&path);
    assert!(matches!(Limber::open(&path), Err(Error::Corrupt)), "a marked file is refused");
    assert_eq!(Limber::open_damaged(&path).unwrap().rescue(Utc::now()).unwrap().backup.pain_entries.len(), 1);
}

#[test]
fn a_healthy_database_never_gets_a_marker() {
    let (_dir, path) = with_entries(20);
    let mut store = Limber::open(&path).unwrap();
    assert!(store.noticed(store.get_pain("01900000-0000-7000-8000-000000000001")).is_err());
    let invalid = store.add_pain(entry(11));
    assert!(matches!(store.noticed(invalid), Err(Error::Invalid { .. })));
    assert!(store.noticed(store.export(ExportFormat::CsvZip, Utc::now(), "UTC")).is_ok());
    drop(store);
    age_stamp(&path, 48);
    let aged = stamp(&path);
    drop(Limber::open(&path).unwrap());
    assert_ne!(stamp(&path), aged, "the passing check is stamped");
    std::fs::write(path.with_file_name("l.db-wal"), [0u8; 32]).unwrap();
    drop(Limber::open(&path).unwrap());
    assert!(Limber::open_damaged(&path).unwrap().rescue(Utc::now()).unwrap().lost.is_empty());
    assert!(!marker(&path).exists());
}

/// [D] A read-only open (the file or folder cannot be written) checks when a check is due, as a
/// writable one does, but cannot stamp it: each such open checks again.
#[test]
fn a_read_only_open_checks_when_due_and_refuses_a_damaged_file() {
    let (_dir, path) = with_entries(50);
    let now = Utc::now();
    assert!(damage::open_read_only_checked(&path, false, now, std::time::Duration::from_secs(1)).is_ok());
    damage_table(&path, "pain_entry");
    assert!(
        damage::open_read_only_checked(&path, false, now, std::time::Duration::from_secs(1)).is_ok(),
        "checked less than a day ago"
    );
    age_stamp(&path, 30);
    let before = std::fs::read(&path).unwrap();
    assert!(matches!(
        damage::open_read_only_checked(&path, false, now, std::time::Duration::from_secs(1)),
        Err(Error::Corrupt)
    ));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(marker(&path).exists());
}

#[test]
fn damage_met_by_one_connection_refuses_the_writes_of_another_already_open() {
    let (_dir, path) = with_entries(50);
    damage_table(&path, "pain_entry");
    // The app keeps its store open; the reminder receiver opens its own and meets the damage.
    let mut app = Limber::open(&path).unwrap();
    let receiver = Limber::open(&path).unwrap();
    let settings = app.reminder_settings().unwrap();
    assert!(app.set_reminder_settings(settings.clone()).is_ok(), "healthy pages: written");
    let read = receiver.noticed(receiver.list_pain(&PainQuery { limit: 500, ..Default::default() }));
    assert!(matches!(read, Err(Error::Corrupt)));
    // The writes go to the WAL while both are open: nothing is added to either file.
    let files = || (std::fs::read(&path).unwrap(), std::fs::read(path.with_file_name("l.db-wal")).unwrap());
    let before = files();
    assert!(matches!(app.set_reminder_settings(settings), Err(Error::Corrupt)));
    assert!(files() == before, "not a byte changed");
}
