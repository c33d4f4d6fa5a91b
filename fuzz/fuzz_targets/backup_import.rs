//! Restoring a backup file: any bytes give a typed error or a report, never a panic. A failed
//! restore leaves the store exactly as it was; a successful one only adds records, never
//! changes one that was there, and adds as many as it reports.

#![no_main]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use chrono::{DateTime, Utc};
use libfuzzer_sys::fuzz_target;
use limber_core::Limber;
use limber_core::progress::backup::{self, Backup};

/// What the store holds before every input, so an input can collide with records already there.
const BASELINE: &[u8] = include_bytes!("../corpus/backup_import/full.json");

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_000_000, 0).expect("a valid instant")
}

struct Fixture {
    /// The baseline database, copied over `work` whenever an input changed it.
    template: PathBuf,
    work: PathBuf,
    store: Option<Limber>,
    baseline: Backup,
}

impl Fixture {
    fn new() -> Fixture {
        // Kept, not deleted: statics are never dropped. tests/fuzz/run.sh points TMPDIR at a
        // scratch folder it removes afterwards.
        let dir = tempfile::Builder::new().prefix("limber-fuzz-").tempdir().expect("temp dir").keep();
        let template = dir.join("baseline.db");
        {
            let mut store = Limber::open(&template).expect("open the baseline store");
            store.import_backup(BASELINE).expect("the baseline seed restores");
        } // Closing the last connection checkpoints the WAL into the file.
        let mut fixture =
            Fixture { template, work: dir.join("work.db"), store: None, baseline: empty_backup() };
        fixture.reset();
        fixture.baseline = fixture.snapshot();
        assert!(count(&fixture.baseline) > 10, "the baseline holds records of every kind");
        fixture
    }

    fn reset(&mut self) {
        self.store = None;
        for suffix in ["", "-wal", "-shm"] {
            let _ = fs::remove_file(with_suffix(&self.work, suffix));
        }
        fs::copy(&self.template, &self.work).expect("copy the baseline store");
        self.store = Some(Limber::open(&self.work).expect("open the work store"));
    }

    fn store(&mut self) -> &mut Limber {
        self.store.as_mut().expect("the store is open")
    }

    fn snapshot(&mut self) -> Backup {
        self.store().backup(now()).expect("the store reads back")
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn empty_backup() -> Backup {
    backup::read(br#"{"format":"limber-backup","format_version":1,"schema_version":1,"exported_at":"2026-01-01T00:00:00Z"}"#)
        .expect("an empty backup")
}

/// Records of every kind, as the import report counts them (each setting is one).
fn count(b: &Backup) -> usize {
    usize::from(b.settings.routine.is_some())
        + usize::from(b.settings.reminders.is_some())
        + b.pain_entries.len()
        + b.assessments.len()
        + b.check_ins.len()
        + b.morning_checks.len()
        + b.track_states.len()
        + b.dose_changes.len()
        + b.snoozes.len()
}

/// Every record of `before` is in `after`, unchanged.
fn kept(before: &Backup, after: &Backup) {
    fn all<T: PartialEq + std::fmt::Debug>(kind: &str, before: &[T], after: &[T]) {
        for record in before {
            assert!(after.contains(record), "a restore changed or removed one of the {kind}: {record:?}");
        }
    }
    if before.settings.routine.is_some() {
        assert_eq!(before.settings.routine, after.settings.routine, "routine settings overwritten");
    }
    if before.settings.reminders.is_some() {
        assert_eq!(before.settings.reminders, after.settings.reminders, "reminder settings overwritten");
    }
    all("pain entries", &before.pain_entries, &after.pain_entries);
    all("assessments", &before.assessments, &after.assessments);
    all("check-ins", &before.check_ins, &after.check_ins);
    all("morning checks", &before.morning_checks, &after.morning_checks);
    all("track states", &before.track_states, &after.track_states);
    all("progression events", &before.dose_changes, &after.dose_changes);
    all("snoozes", &before.snoozes, &after.snoozes);
}

static FIXTURE: OnceLock<Mutex<Fixture>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let mut fixture =
        FIXTURE.get_or_init(|| Mutex::new(Fixture::new())).lock().unwrap_or_else(|e| e.into_inner());
    let result = fixture.store().import_backup(data);
    let after = fixture.snapshot();
    match result {
        Err(_) => assert!(after == fixture.baseline, "a failed restore changed the store"),
        Ok(report) => {
            let file = backup::read(data).expect("a file that restored reads on its own");
            assert!(report.added >= 0 && report.skipped >= 0);
            assert_eq!(
                count(&file),
                (report.added + report.skipped) as usize,
                "every record is counted once"
            );
            assert_eq!(count(&after), count(&fixture.baseline) + report.added as usize, "added as reported");
            assert!(!report.summary.is_empty());
            kept(&fixture.baseline, &after);
            if after != fixture.baseline {
                fixture.reset();
            }
        }
    }
});
