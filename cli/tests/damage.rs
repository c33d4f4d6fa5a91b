//! Damaged databases across commands (issue 14, point 6). Each command is its own process, so
//! damage met once must stay known without a byte of the database changing (a private
//! `<db>-damaged` marker beside it), and a cleanly closed file with damaged pages is caught by
//! the quick check an open runs once a day.
#![allow(clippy::unwrap_used)] // Setup helpers outside #[test] functions: a failed setup should stop the test with its cause.

mod common;

use std::path::{Path, PathBuf};

use common::Limber;

const CORRUPT: &str = "error: the database file is damaged; it was left untouched; `limber rescue --out FILE` saves what can still be read";

/// An assessment and a pain entry a day from 2 to 20 November.
fn with_history() -> Limber {
    let limber = Limber::new();
    let dir = limber.db.parent().unwrap().to_owned();
    std::fs::create_dir_all(&dir).unwrap();
    let answers = dir.join("a.json");
    std::fs::write(
        &answers,
        r#"{"age": 40, "onset": "gradual", "known": {}, "leg_symptoms": {}, "cauda_equina": {}, "general": {}, "slr": {"left_deg": 66, "right_deg": 70, "measured_by": "helper", "felt_at": "back_of_thigh"}, "nerve_check": false}"#,
    )
    .unwrap();
    limber.ok(&["assess", "--answers", answers.to_str().unwrap(), "--now", "2026-11-01T12:00:00Z"]);
    for day in 2..=20 {
        let at = format!("2026-11-{day:02}T09:00:00Z");
        limber.ok(&["pain", "log", "--level", "3", "--note", "stiff", "--now", &at]);
    }
    limber
}

fn marker(limber: &Limber) -> PathBuf {
    let mut path = limber.db.as_os_str().to_owned();
    path.push("-damaged");
    PathBuf::from(path)
}

/// Fills the first (root) page of `table` with junk, as a torn write or a bad disk would.
fn damage_table(db: &Path, table: &str) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let page_size: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
    let root: i64 =
        conn.query_row("SELECT rootpage FROM sqlite_schema WHERE name = ?1", [table], |r| r.get(0)).unwrap();
    drop(conn);
    let mut bytes = std::fs::read(db).unwrap();
    let start = ((root - 1) * page_size) as usize;
    bytes[start..start + page_size as usize].fill(0xA5);
    std::fs::write(db, bytes).unwrap();
}

/// The time of the last passing quick check, as stored.
fn stamp(db: &Path) -> Option<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT value FROM setting WHERE key = 'quick_check_passed_at'", [], |r| r.get(0)).ok()
}

/// As if the last passing check were two days ago (or never, with `None`).
fn set_stamp(db: &Path, value: Option<&str>) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute("DELETE FROM setting WHERE key = 'quick_check_passed_at'", []).unwrap();
    if let Some(value) = value {
        conn.execute("INSERT INTO setting (key, value) VALUES ('quick_check_passed_at', ?1)", [value])
            .unwrap();
    }
}

fn two_days_ago() -> String {
    format!("\"{}\"", (chrono::Utc::now() - chrono::Duration::days(2)).to_rfc3339())
}

#[cfg(unix)]
fn assert_private(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{}", path.display());
}

#[cfg(not(unix))]
fn assert_private(_: &Path) {}

#[test]
fn a_cleanly_closed_file_with_damaged_pages_is_refused_once_its_daily_check_is_due() {
    let limber = with_history();
    set_stamp(&limber.db, Some(&two_days_ago()));
    damage_table(&limber.db, "pain_entry");
    let bytes = std::fs::read(&limber.db).unwrap();
    assert!(!limber.db.with_file_name("limber.db-wal").exists(), "a clean close");
    // Reminders never read the pain entries: only the open's check can find the damage.
    assert_eq!(limber.fails(&["reminders", "show"]), CORRUPT);
    assert_eq!(limber.fails(&["pain", "log", "--level", "2"]), CORRUPT);
    assert_eq!(std::fs::read(&limber.db).unwrap(), bytes, "not a byte changed");
    assert_private(&marker(&limber));
}

#[test]
fn the_stamp_of_a_passing_check_lets_the_next_opens_that_day_skip_it() {
    let limber = with_history();
    let first = stamp(&limber.db).expect("the check that passed on creation is stamped");
    damage_table(&limber.db, "pain_entry");
    // Checked less than a day ago: the open does not check again, and the damage is not met.
    limber.ok(&["reminders", "show"]);
    assert!(!marker(&limber).exists());
    assert_eq!(stamp(&limber.db).unwrap(), first, "a skipped check stamps nothing");
    // A day later it is checked again.
    set_stamp(&limber.db, Some(&two_days_ago()));
    assert_eq!(limber.fails(&["reminders", "show"]), CORRUPT);
}

#[test]
fn a_damaged_read_in_one_command_refuses_a_write_in_the_next() {
    let limber = with_history();
    damage_table(&limber.db, "pain_entry");
    // The reminder settings live on healthy pages: this change is written.
    limber.ok(&["reminders", "set", "--times", "08:00"]);
    let bytes = std::fs::read(&limber.db).unwrap();
    assert_eq!(limber.fails(&["pain", "list"]), CORRUPT);
    assert_private(&marker(&limber));
    // The next process refuses the same change, and every other command.
    assert_eq!(limber.fails(&["reminders", "set", "--times", "09:00"]), CORRUPT);
    assert_eq!(limber.fails(&["reminders", "show"]), CORRUPT);
    assert_eq!(std::fs::read(&limber.db).unwrap(), bytes, "not a byte changed");
}

#[test]
fn rescue_then_a_new_database_and_the_rescue_file_get_a_person_back() {
    let limber = with_history();
    damage_table(&limber.db, "pain_entry");
    assert_eq!(limber.fails(&["pain", "list"]), CORRUPT);
    let rescued = limber.db.parent().unwrap().join("rescued.json");
    let said = limber.ok(&["rescue", "--out", rescued.to_str().unwrap()]);
    assert!(said.contains("pain entries: damaged, none could be read"), "{said}");
    assert!(said.contains("To go on: move"), "{said}");
    assert!(marker(&limber).exists(), "a rescue does not make the file sound");
    assert_eq!(limber.fails(&["reminders", "show"]), CORRUPT);
    // The README's way out: move the damaged file away, then import into a new one at the same place.
    std::fs::rename(&limber.db, limber.db.with_file_name("limber.db.broken")).unwrap();
    let said = limber.ok(&["import", rescued.to_str().unwrap()]);
    assert!(said.starts_with("Imported:"), "{said}");
    assert!(!marker(&limber).exists(), "the marker spoke of the file that was moved away");
    limber.ok(&["pain", "log", "--level", "2"]);
    let backup = limber.db.parent().unwrap().join("after.json");
    limber.ok(&["export", "--format", "json", "--out", backup.to_str().unwrap()]);
    let backup: serde_json::Value = serde_json::from_slice(&std::fs::read(&backup).unwrap()).unwrap();
    assert_eq!(backup["assessments"].as_array().unwrap().len(), 1, "the rescued assessment is back");
    assert_eq!(backup["pain_entries"].as_array().unwrap().len(), 1, "only the new entry");
}

#[test]
fn a_healthy_database_never_gets_a_marker() {
    let limber = with_history();
    limber.ok(&["pain", "list"]);
    limber.fails(&["pain", "log", "--level", "11"]);
    limber.fails(&["pain", "delete", "01900000-0000-7000-8000-000000000001"]);
    limber.ok(&["reminders", "upcoming", "--now", "2026-11-20T06:00:00Z"]);
    let dir = limber.db.parent().unwrap().to_str().unwrap().to_owned();
    limber.ok(&["export", "--format", "csv", "--out", &dir]);
    let said = limber.ok(&["rescue", "--out", &dir]);
    assert!(said.contains("Nothing was lost.") && !said.contains("To go on"), "{said}");
    // A check due (a day later, then after an unclean close) passes and is stamped again.
    set_stamp(&limber.db, Some(&two_days_ago()));
    limber.ok(&["pain", "list"]);
    let fresh: String = serde_json::from_str(&stamp(&limber.db).unwrap()).unwrap();
    let age = chrono::Utc::now() - chrono::DateTime::parse_from_rfc3339(&fresh).unwrap().to_utc();
    assert!(age < chrono::Duration::minutes(5), "stamped again: {fresh}");
    std::fs::write(limber.db.with_file_name("limber.db-wal"), [0u8; 32]).unwrap();
    limber.ok(&["reminders", "show"]);
    assert!(!marker(&limber).exists());
}
