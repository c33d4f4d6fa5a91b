//! Restoring a backup: checked whole first (nothing is written on any error), then written in
//! one transaction with each statement prepared once and reused for every row, merging by id
//! (see [`mod@crate::progress::backup`]).
//!
//! A record already there is skipped by the insert itself (`ON CONFLICT DO NOTHING` on its
//! key), so restoring costs one statement per row, not a look-up and an insert.

use std::io::Read;

use rusqlite::{Statement, Transaction, params};

use super::Store;
use crate::assessment::evaluate;
use crate::assessment::history::SavedAssessment;
use crate::pain::Side;
use crate::progress::backup::{self, Backup, ImportReport};
use crate::progress::listener::{ProgressListener, ProgressStage, Silent, Throttled};
use crate::routine::dose::Track;
use crate::timestamp::to_millis;
use crate::{Error, Result};

/// The setting keys of `store::routine` and `store::reminders`.
const ROUTINE: &str = "routine";
const REMINDERS: &str = "reminders";

/// The file is read in pieces this large, so the bar moves while it is read.
const READ_CHUNK: usize = 256 * 1024;

impl Store {
    /// Restores a JSON backup (at most 64 MiB). The whole file is parsed and checked before
    /// anything is written, then applied in one transaction: all of it or none. Records already
    /// there (by id) are skipped, never overwritten. A file from a newer Limber is
    /// [`Error::NewerBackup`]; anything wrong in it is [`Error::Invalid`] naming the field,
    /// e.g. `pain_entries[3].level`.
    pub fn import_backup(&mut self, bytes: &[u8]) -> Result<ImportReport> {
        self.import_backup_with(bytes, &Silent)
    }

    /// [`Store::import_backup`], telling `listener` how far it has got (checking, then
    /// writing, in records) at most a few times a second.
    pub fn import_backup_with(
        &mut self,
        bytes: &[u8],
        listener: &dyn ProgressListener,
    ) -> Result<ImportReport> {
        let mut progress = Throttled::new(listener);
        let backup = backup::read_with(bytes, &mut progress)?;
        self.write(|tx| apply(tx, &backup, &mut progress))
    }

    /// [`Store::import_backup_with`] from a file or stream of `len` bytes (0 when unknown),
    /// read in pieces (stage `reading`, in bytes). A stream longer than 64 MiB is refused as
    /// soon as it passes the limit, without reading the rest.
    pub fn import_backup_from(
        &mut self,
        mut file: impl Read,
        len: u64,
        listener: &dyn ProgressListener,
    ) -> Result<ImportReport> {
        let mut progress = Throttled::new(listener);
        let total = i64::try_from(len).unwrap_or(i64::MAX);
        let cap = backup::MAX_BYTES + 1;
        let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(cap).min(cap));
        let mut chunk = vec![0; READ_CHUNK];
        progress.report(ProgressStage::Reading, 0, total);
        loop {
            let n = match file.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e.into()),
            };
            bytes.extend_from_slice(&chunk[..n]);
            progress.report(ProgressStage::Reading, bytes.len() as i64, total.max(bytes.len() as i64));
            if bytes.len() > backup::MAX_BYTES {
                break;
            }
        }
        let backup = backup::read_with(&bytes, &mut progress)?;
        drop(bytes);
        self.write(|tx| apply(tx, &backup, &mut progress))
    }
}

/// Counts per kind of record, for the report, and progress over all of them.
struct Tally<'p, 'l> {
    lines: Vec<String>,
    added: i32,
    skipped: i32,
    done: i64,
    total: i64,
    progress: &'p mut Throttled<'l>,
}

impl Tally<'_, '_> {
    fn kind(&mut self, name: &str, added: i32, skipped: i32, note: Option<&str>) {
        if added + skipped == 0 {
            return;
        }
        self.added += added;
        self.skipped += skipped;
        let mut line = format!("{name}: {added} added");
        if skipped > 0 {
            line.push_str(&format!(", {skipped} already there"));
        }
        if let Some(note) = note {
            line.push_str(&format!(" ({note})"));
        }
        self.lines.push(line);
    }

    fn tick(&mut self) {
        self.done += 1;
        self.progress.report(ProgressStage::Writing, self.done, self.total);
    }
}

/// One kind of record: its insert, prepared once, skipping a row whose key is already there.
/// Returns whether the row was written.
fn insert(stmt: &mut Statement<'_>, params: impl rusqlite::Params) -> Result<bool> {
    Ok(stmt.execute(params)? == 1)
}

fn apply(tx: &Transaction<'_>, b: &Backup, progress: &mut Throttled<'_>) -> Result<ImportReport> {
    let total = b.records();
    progress.report(ProgressStage::Writing, 0, total);
    let mut tally = Tally { lines: Vec::new(), added: 0, skipped: 0, done: 0, total, progress };

    let (mut added, mut skipped) = (0, 0);
    let mut stmt =
        tx.prepare("INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING")?;
    let settings = [
        (ROUTINE, b.settings.routine.as_ref().map(serde_json::to_string)),
        (REMINDERS, b.settings.reminders.as_ref().map(serde_json::to_string)),
    ];
    for (key, value) in settings {
        let Some(value) = value.transpose().map_err(json_bug)? else { continue };
        if insert(&mut stmt, params![key, value])? {
            added += 1
        } else {
            skipped += 1
        }
        tally.tick();
    }
    tally.kind("settings", added, skipped, None);

    let (mut added, mut skipped) = (0, 0);
    let mut entry = tx.prepare(
        "INSERT INTO pain_entry (id, recorded_at_ms, utc_offset_min, level, context, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO NOTHING",
    )?;
    let mut site =
        tx.prepare("INSERT INTO pain_site (entry_id, site, side, level) VALUES (?1, ?2, ?3, ?4)")?;
    for p in &b.pain_entries {
        let row = params![
            p.id,
            to_millis(p.recorded_at),
            p.utc_offset_minutes,
            p.level,
            p.context.as_str(),
            p.note
        ];
        if insert(&mut entry, row)? {
            for s in &p.sites {
                site.execute(params![p.id, s.site.as_str(), s.side.map_or("", Side::as_str), s.level])?;
            }
            added += 1;
        } else {
            skipped += 1;
        }
        tally.tick();
    }
    tally.kind("pain entries", added, skipped, None);

    // A few hundred at most: through the store's own insert, which also writes measurements.
    let (mut added, mut skipped) = (0, 0);
    let mut exists = tx.prepare("SELECT 1 FROM assessment WHERE id = ?1")?;
    for a in &b.assessments {
        if exists.exists([a.id])? {
            skipped += 1;
        } else {
            let saved = SavedAssessment {
                id: a.id,
                taken_at: a.taken_at,
                utc_offset_minutes: a.utc_offset_minutes,
                result: a.result.clone().unwrap_or_else(|| evaluate(&a.answers)),
                answers: a.answers.clone(),
            };
            super::assessment::insert(tx, &saved)?;
            added += 1;
        }
        tally.tick();
    }
    tally.kind("assessments", added, skipped, None);

    let (mut added, mut skipped, mut taken) = (0, 0, 0);
    // Two keys: the id, and one check-in per session and date.
    let mut check_in = tx.prepare(
        "INSERT INTO checkin (id, local_date, session, at_ms, utc_offset_min, pain_before, pain_after,
         symptoms_spread, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING",
    )?;
    let mut exercise = tx.prepare(
        "INSERT INTO checkin_exercise (checkin_id, exercise, track, done, skip_reason, hold_seconds,
         reps, sets, pain_during, symptoms_spread, light) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let mut same_id = tx.prepare("SELECT 1 FROM checkin WHERE id = ?1")?;
    for c in &b.check_ins {
        let row = params![
            c.id,
            c.local_date.to_string(),
            c.session,
            to_millis(c.at),
            c.utc_offset_minutes,
            c.pain_before,
            c.pain_after,
            c.exercises.iter().any(|e| e.symptoms_spread),
            c.note
        ];
        if insert(&mut check_in, row)? {
            for e in &c.exercises {
                exercise.execute(params![
                    c.id,
                    e.exercise.as_str(),
                    Track::of(e.exercise).key(),
                    e.done,
                    e.skip_reason.map(|r| r.as_str()),
                    e.hold_seconds,
                    e.reps,
                    e.sets,
                    e.pain_during,
                    e.symptoms_spread,
                    e.light.map(|l| l.as_str())
                ])?;
            }
            added += 1;
        } else {
            skipped += 1;
            // Not this id: the same session was checked in here too (another phone, say).
            if !same_id.exists([c.id])? {
                taken += 1;
            }
        }
        tally.tick();
    }
    let note = format!("{taken} for a session already checked in on that date");
    tally.kind("check-ins", added, skipped, (taken > 0).then_some(note.as_str()));

    let (mut added, mut skipped) = (0, 0);
    let mut morning_there = tx.prepare("SELECT 1 FROM morning_check WHERE local_date = ?1")?;
    let mut entry_there = tx.prepare("SELECT 1 FROM pain_entry WHERE id = ?1")?;
    // The level lives in the pain entry; the file's copy of it is only for people reading it.
    let mut morning = tx.prepare("INSERT INTO morning_check (local_date, pain_entry_id) VALUES (?1, ?2)")?;
    for (i, m) in b.morning_checks.iter().enumerate() {
        let date = m.local_date.to_string();
        if morning_there.exists([&date])? {
            skipped += 1;
        } else if !entry_there.exists([m.pain_entry_id])? {
            return Err(Error::invalid(
                format!("morning_checks[{i}].pain_entry_id"),
                "the id of a pain entry in the file or already in Limber",
            ));
        } else {
            morning.execute(params![date, m.pain_entry_id])?;
            added += 1;
        }
        tally.tick();
    }
    tally.kind("morning checks", added, skipped, None);

    let (mut added, mut skipped) = (0, 0);
    let mut state = tx.prepare(
        "INSERT INTO track_state (track, step, settled_greens, reds_in_row, hold_until) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (track) DO NOTHING",
    )?;
    for t in &b.track_states {
        let row =
            params![t.track, t.step, t.settled_greens, t.reds_in_row, t.hold_until.map(|d| d.to_string())];
        if insert(&mut state, row)? {
            added += 1
        } else {
            skipped += 1
        }
        tally.tick();
    }
    tally.kind("exercise dose levels", added, skipped, None);

    let (mut added, mut skipped) = (0, 0);
    let mut event = tx.prepare(
        "INSERT INTO dose_change (id, at_ms, local_date, track, decision, from_step, to_step, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id) DO NOTHING",
    )?;
    for e in &b.dose_changes {
        let json = |step| serde_json::to_string(step).map_err(json_bug);
        let row = params![
            e.id,
            to_millis(e.at),
            e.local_date.to_string(),
            e.track,
            e.decision.as_str(),
            json(&e.from)?,
            json(&e.to)?,
            e.reason
        ];
        if insert(&mut event, row)? {
            added += 1
        } else {
            skipped += 1
        }
        tally.tick();
    }
    tally.kind("dose decisions", added, skipped, None);

    let (mut added, mut skipped) = (0, 0);
    let mut snooze = tx.prepare(
        "INSERT INTO snooze (reminder_id, fire_at_ms) VALUES (?1, ?2) ON CONFLICT (reminder_id) DO NOTHING",
    )?;
    for s in &b.snoozes {
        if insert(&mut snooze, params![s.reminder_id, to_millis(s.fire_at)])? {
            added += 1;
        } else {
            skipped += 1;
        }
        tally.tick();
    }
    tally.kind("snoozed reminders", added, skipped, None);

    if tally.lines.is_empty() {
        tally.lines.push("nothing to restore: the file holds no records".to_owned());
    }
    Ok(ImportReport { added: tally.added, skipped: tally.skipped, summary: tally.lines })
}

/// Serialising our own types cannot fail; if it ever does, it is a bug, not bad input.
fn json_bug(_: serde_json::Error) -> Error {
    Error::Internal("encoding a restored record as JSON")
}
