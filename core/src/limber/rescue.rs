//! The way out of a damaged database: everything that can still be read, kind by kind.

use chrono::{DateTime, Utc};

use super::backup::{Stored, all};
use crate::progress::backup::{self, Backup, BackupSettings};
use crate::progress::records::Records;
use crate::seen::Seen;
use crate::store::Db;
use crate::timestamp::check_instant;
use crate::versions::BACKUP_SCHEMA_VERSION;
use crate::{Error, Result};

/// What could be read from a damaged database.
#[derive(Debug, Clone)]
pub struct Rescue {
    /// Every record that could be read, as a JSON backup (importable into a new database).
    pub backup: Backup,
    /// What could not be read, in plain words (`check-ins: damaged, none could be read`);
    /// empty when nothing was lost.
    pub lost: Vec<String>,
}

/// A kind whose table is damaged is left out whole and named in [`Rescue::lost`].
pub(super) fn rescue(db: &Db, now: DateTime<Utc>) -> Result<Rescue> {
    let now = check_instant("now", now)?;
    let records = Stored(db);
    let mut lost = Vec::new();
    let mut read = |what: &str, r: Result<()>| {
        if let Err(e) = r {
            let damaged = matches!(e, Error::Corrupt);
            if damaged {
                // Every later open refuses the file too (it is not changed).
                crate::store::damage::remember_damage_of(db.conn());
            }
            let why = if damaged { "damaged" } else { "unreadable" };
            lost.push(format!("{what}: {why}, none could be read"));
        }
    };
    let mut b = Backup {
        format: backup::FORMAT.to_owned(),
        format_version: backup::FORMAT_VERSION,
        schema_version: BACKUP_SCHEMA_VERSION,
        exported_at: now,
        settings: BackupSettings { routine: None, reminders: None },
        pain_entries: Vec::new(),
        assessments: Vec::new(),
        check_ins: Vec::new(),
        morning_checks: Vec::new(),
        track_states: Vec::new(),
        dose_changes: Vec::new(),
        snoozes: Vec::new(),
    };
    read("settings", records.settings().map(|s| b.settings = s));
    read("pain entries", all(|each| records.pain_entries(each)).map(|v| b.pain_entries = v));
    read("assessments", all(|each| records.assessments(each)).map(|v| b.assessments = v));
    read("check-ins", all(|each| records.check_ins(each)).map(|v| b.check_ins = v));
    read("morning checks", all(|each| records.morning_checks(each)).map(|v| b.morning_checks = v));
    read("dose steps", all(|each| records.track_states(each)).map(|v| b.track_states = v));
    read("dose changes", all(|each| records.dose_changes(each)).map(|v| b.dose_changes = v));
    read("snoozes", all(|each| records.snoozes(each)).map(|v| b.snoozes = v));
    // A morning check whose pain entry was lost cannot be restored without it.
    let entries: Seen<_> = b.pain_entries.iter().map(|p| p.id).collect();
    let before = b.morning_checks.len();
    b.morning_checks.retain(|m| entries.contains(m.pain_entry_id));
    if b.morning_checks.len() < before {
        lost.push(format!("morning checks: {} without their pain entry", before - b.morning_checks.len()));
    }
    Ok(Rescue { backup: b, lost })
}
