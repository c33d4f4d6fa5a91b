use std::fs;

use chrono::{Duration, TimeZone, Utc};

use super::*;
use crate::Error;
use crate::error::NotADatabase;
use crate::versions::SCHEMA_VERSION;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
use crate::pain::{BodySite, PainContext, PainInput, PainQuery, Side, SitePain};

fn input(level: i32, minutes_after: i64) -> PainInput {
    PainInput {
        recorded_at: Utc.with_ymd_and_hms(2026, 11, 1, 8, 0, 0).unwrap() + Duration::minutes(minutes_after),
        utc_offset_minutes: -300,
        level,
        sites: vec![SitePain { site: BodySite::BackOfThigh, side: Some(Side::Left), level: level.min(10) }],
        context: PainContext::AfterSitting,
        note: Some(format!("entry {minutes_after}")),
    }
}

fn all(store: &Limber) -> Vec<crate::pain::PainEntry> {
    store.list_pain(&PainQuery { limit: 500, ..Default::default() }).unwrap().entries
}

#[test]
fn open_creates_missing_folders_and_entries_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a/b/limber.db");
    let added = Limber::open(&path).unwrap().add_pain(input(4, 0)).unwrap();
    let store = Limber::open(&path).unwrap();
    assert_eq!(store.get_pain(&added.id.to_string()).unwrap(), added);
}

#[test]
fn the_connection_is_configured_for_durability_and_privacy() {
    let dir = tempfile::tempdir().unwrap();
    let store = Limber::open(dir.path().join("l.db")).unwrap();
    let pragma = |name: &str| -> String {
        store
            .conn()
            .pragma_query_value(None, name, |r| r.get::<_, rusqlite::types::Value>(0))
            .map(|v| format!("{v:?}"))
            .unwrap()
    };
    assert_eq!(pragma("journal_mode"), "Text(\"wal\")");
    assert_eq!(pragma("foreign_keys"), "Integer(1)");
    assert_eq!(pragma("secure_delete"), "Integer(1)");
    assert_eq!(pragma("synchronous"), "Integer(2)");
    assert_eq!(pragma("busy_timeout"), "Integer(10000)");
    assert_eq!(pragma("user_version"), format!("Integer({SCHEMA_VERSION})"));
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    fs::write(&path, b"my shopping list, not a database").unwrap();
    let err = Limber::open(&path).err().unwrap();
    assert!(matches!(err, Error::NotADatabase(NotADatabase::NotSqlite)), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), b"my shopping list, not a database");
    assert!(!dir.path().join("notes.txt-wal").exists());
}

#[test]
fn a_corrupt_database_is_a_typed_error_and_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.db");
    let mut bytes = SQLITE_MAGIC.to_vec();
    bytes.extend(std::iter::repeat_n(0xA5u8, 4096 - bytes.len()));
    fs::write(&path, &bytes).unwrap();
    let err = Limber::open(&path).err().unwrap();
    assert!(matches!(err, Error::Corrupt | Error::NotADatabase(_)), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn damage_inside_a_real_database_is_reported_as_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.db");
    {
        let mut store = Limber::open(&path).unwrap();
        for i in 0..50 {
            store.add_pain(input(3, i)).unwrap();
        }
        store.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    }
    // Smash every page after the first: the header still says SQLite, the tables are gone.
    let mut bytes = fs::read(&path).unwrap();
    assert!(bytes.len() > 4096);
    for b in &mut bytes[4096..] {
        *b = 0xFF;
    }
    fs::write(&path, &bytes).unwrap();
    let err = Limber::open(&path)
        .and_then(|s| s.list_pain(&PainQuery { limit: 10, ..Default::default() }))
        .err()
        .unwrap();
    assert!(matches!(err, Error::Corrupt), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn another_apps_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    rusqlite::Connection::open(&path).unwrap().execute_batch("CREATE TABLE contacts (name TEXT)").unwrap();
    let err = Limber::open(&path).err().unwrap();
    assert!(matches!(err, Error::NotADatabase(NotADatabase::Foreign)), "{err:?}");
}

#[test]
fn a_database_from_a_newer_version_is_refused_with_both_versions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.db");
    Limber::open(&path).unwrap().add_pain(input(5, 0)).unwrap();
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    match Limber::open(&path).err().unwrap() {
        Error::NewerVersion { found, supported } => {
            assert_eq!((found, supported), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        other => panic!("expected NewerVersion, got {other:?}"),
    }
    // Still there for the newer app.
    let count: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM pain_entry", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 1);
}

#[test]
fn add_edit_delete_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Limber::open(dir.path().join("l.db")).unwrap();
    let first = store.add_pain(input(4, 0)).unwrap();
    let second = store.add_pain(input(6, 10)).unwrap();
    assert_ne!(first.id, second.id);

    let mut changed = input(2, 5);
    changed.sites.clear();
    changed.note = None;
    let edited = store.update_pain(&first.id.to_string(), changed).unwrap();
    assert_eq!(edited.id, first.id);
    let fetched = store.get_pain(&first.id.to_string()).unwrap();
    assert_eq!((fetched.level, fetched.sites.len(), fetched.note), (2, 0, None));

    store.delete_pain(&second.id.to_string()).unwrap();
    assert_eq!(all(&store).iter().map(|e| e.id).collect::<Vec<_>>(), [first.id]);
    assert!(matches!(store.delete_pain(&second.id.to_string()), Err(Error::NotFound { .. })));
    assert!(matches!(store.update_pain(&second.id.to_string(), input(1, 0)), Err(Error::NotFound { .. })));
    assert!(matches!(store.get_pain("not-an-id"), Err(Error::Invalid { field, .. }) if field == "id"));
}

#[test]
fn invalid_input_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Limber::open(dir.path().join("l.db")).unwrap();
    assert!(store.add_pain(input(11, 0)).is_err());
    assert!(all(&store).is_empty());
}

#[test]
fn listing_is_newest_first_within_the_range_and_pages_without_gaps_or_repeats() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Limber::open(dir.path().join("l.db")).unwrap();
    // Several entries share a moment: paging must still see each exactly once.
    let mut added = Vec::new();
    for i in 0..23 {
        added.push(store.add_pain(input(i % 11, i64::from(i / 3))).unwrap());
    }
    let mut seen = Vec::new();
    let mut query = PainQuery { limit: 5, ..Default::default() };
    loop {
        let page = store.list_pain(&query).unwrap();
        assert!(page.entries.len() <= 5);
        seen.extend(page.entries);
        match page.next_cursor {
            Some(cursor) => query.cursor = Some(cursor),
            None => break,
        }
    }
    assert_eq!(seen.len(), 23);
    assert!(seen.windows(2).all(|w| (w[0].recorded_at, w[0].id) > (w[1].recorded_at, w[1].id)));
    added.sort_by_key(|e| std::cmp::Reverse((e.recorded_at, e.id)));
    assert_eq!(seen, added);

    let base = Utc.with_ymd_and_hms(2026, 11, 1, 8, 0, 0).unwrap();
    let ranged = store
        .list_pain(&PainQuery {
            from: Some(base + Duration::minutes(2)),
            to: Some(base + Duration::minutes(4)),
            limit: 100,
            cursor: None,
        })
        .unwrap();
    // Minutes 2 and 3, three entries each; minute 4 is excluded.
    assert_eq!(ranged.entries.len(), 6);
    assert!(
        ranged
            .entries
            .iter()
            .all(|e| e.recorded_at >= base + Duration::minutes(2)
                && e.recorded_at < base + Duration::minutes(4))
    );
}

#[test]
fn page_size_and_cursor_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let store = Limber::open(dir.path().join("l.db")).unwrap();
    let field = |q: PainQuery| match store.list_pain(&q) {
        Err(Error::Invalid { field, .. }) => field,
        other => panic!("expected invalid, got {other:?}"),
    };
    assert_eq!(field(PainQuery { limit: 0, ..Default::default() }), "limit");
    assert_eq!(field(PainQuery { limit: 501, ..Default::default() }), "limit");
    assert_eq!(field(PainQuery { limit: 5, cursor: Some("garbage".into()), ..Default::default() }), "cursor");
}

#[test]
fn deleted_notes_leave_no_bytes_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.db");
    let mut store = Limber::open(&path).unwrap();
    let mut secret = input(3, 0);
    secret.note = Some("MARKER-7f3a-private".into());
    let entry = store.add_pain(secret).unwrap();
    store.delete_pain(&entry.id.to_string()).unwrap();
    store.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    drop(store);
    for file in ["l.db", "l.db-wal"] {
        if let Ok(bytes) = fs::read(dir.path().join(file)) {
            assert!(!bytes.windows(19).any(|w| w == b"MARKER-7f3a-private"), "{file} still holds the note");
        }
    }
}

mod assessment;

#[test]
fn a_version_1_database_upgrades_step_by_step_and_keeps_its_entries() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(crate::store::migration_steps()[0]).unwrap();
        conn.pragma_update(None, "application_id", crate::store::APPLICATION_ID).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute(
            "INSERT INTO pain_entry (id, recorded_at_ms, utc_offset_min, level, context, note)
             VALUES (?1, 1763600000000, 60, 4, 'evening', 'kept')",
            [uuid::Uuid::now_v7()],
        )
        .unwrap();
    }
    let store = Limber::open(&path).unwrap();
    assert_eq!(crate::store::schema::user_version(store.conn()).unwrap(), SCHEMA_VERSION);
    let entries = all(&store);
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].note.as_deref(), Some("kept"));
    assert!(store.latest_assessment().unwrap().is_none());
}
mod damage;
mod export;
mod fhir;
mod json_path;
mod morning;
mod objects_only;
mod progress;
mod reminders;
mod restore;
mod routine;
mod wipe;
