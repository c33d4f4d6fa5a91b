//! Restoring a backup: checked whole first (nothing is written on any error), then written in
//! one transaction through the same row writers as live use (`crate::store`), each statement
//! prepared once and reused for every row, merging by id (see
//! [`mod@crate::progress::backup`]). A record already there is skipped by the insert itself
//! (`ON CONFLICT DO NOTHING` on its key), so restoring costs one statement per row.

use std::io::Read;

use rusqlite::Connection;

use crate::assessment::evaluate;
use crate::assessment::history::SavedAssessment;
use crate::pain::PainEntry;
use crate::progress::backup::{self, Backup, ImportReport};
use crate::progress::listener::{ProgressListener, ProgressStage, Throttled};
use crate::routine::dose::Track;
use crate::routine::progression::TrackState;
use crate::schedule::Snooze;
use crate::seen::Seen;
use crate::store::check_in::{CheckInRow, ExerciseRow, Inserted};
use crate::store::dose_change::DoseChangeRow;
use crate::store::{Db, assessment, check_in, dose_change, morning, pain, setting, snooze, track_state};
use crate::{Error, Result};

/// The file is read in pieces this large, so the bar moves while it is read.
const READ_CHUNK: usize = 256 * 1024;

pub(super) fn import(db: &mut Db, bytes: &[u8], listener: &dyn ProgressListener) -> Result<ImportReport> {
    let mut progress = Throttled::new(listener);
    let backup = backup::read_with(bytes, &mut progress)?;
    db.write(|tx| apply(tx, backup, &mut progress))
}

pub(super) fn import_from(
    db: &mut Db,
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
    db.write(|tx| apply(tx, backup, &mut progress))
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
    /// One kind written: `added` and `skipped` records, with a note on the skipped ones.
    fn kind(&mut self, name: &str, (added, skipped): (i32, i32), note: Option<&str>) {
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

    /// Counts one record as `written` or skipped.
    fn count(&mut self, counts: &mut (i32, i32), written: bool) {
        if written {
            counts.0 += 1;
        } else {
            counts.1 += 1;
        }
        self.done += 1;
        self.progress.report(ProgressStage::Writing, self.done, self.total);
    }
}

/// A track the backup reader has already checked.
fn track(key: &str) -> Result<Track> {
    Track::parse(key).ok_or(Error::Internal("a restored track the backup check let through"))
}

fn apply(tx: &Connection, b: Backup, progress: &mut Throttled<'_>) -> Result<ImportReport> {
    let total = b.records();
    progress.report(ProgressStage::Writing, 0, total);
    let mut tally = Tally { lines: Vec::new(), added: 0, skipped: 0, done: 0, total, progress };

    let mut n = (0, 0);
    if let Some(routine) = &b.settings.routine {
        tally.count(&mut n, setting::put(tx, setting::ROUTINE, routine, false)?);
    }
    if let Some(reminders) = &b.settings.reminders {
        tally.count(&mut n, setting::put(tx, setting::REMINDERS, reminders, false)?);
    }
    tally.kind("settings", n, None);

    let mut n = (0, 0);
    let mut pain_entries = pain::Writer::new(tx)?;
    // Morning checks point at pain entries; those of the file need no lookup.
    let in_file: Seen<_> = b.pain_entries.iter().map(|p| p.id).collect();
    for p in b.pain_entries {
        let entry = PainEntry {
            id: p.id,
            recorded_at: p.recorded_at,
            utc_offset_minutes: p.utc_offset_minutes,
            level: p.level,
            sites: p.sites,
            context: p.context,
            note: p.note,
        };
        tally.count(&mut n, pain_entries.insert(&entry)?);
    }
    tally.kind("pain entries", n, None);

    let mut n = (0, 0);
    for a in b.assessments {
        // What Limber says of the answers now: the file's result is never read back.
        let saved = SavedAssessment {
            id: a.id,
            taken_at: a.taken_at,
            utc_offset_minutes: a.utc_offset_minutes,
            result: a.result.unwrap_or_else(|| evaluate(&a.answers)),
            answers: a.answers,
        };
        tally.count(&mut n, assessment::insert(tx, &saved)?);
    }
    tally.kind("assessments", n, None);

    let (mut n, mut taken) = ((0, 0), 0);
    let mut check_ins = check_in::Writer::new(tx)?;
    for c in b.check_ins {
        let row = CheckInRow {
            id: c.id,
            local_date: c.local_date,
            session: c.session,
            at: c.at,
            utc_offset_minutes: c.utc_offset_minutes,
            pain_before: c.pain_before,
            pain_after: c.pain_after,
            note: c.note,
            exercises: c
                .exercises
                .iter()
                .map(|e| ExerciseRow { reported: e.reported(), light: e.light })
                .collect(),
        };
        let inserted = check_ins.insert(&row)?;
        // Not this id: the same session was checked in here too (another phone, say).
        taken += i32::from(inserted == Inserted::SessionTaken);
        tally.count(&mut n, inserted == Inserted::Written);
    }
    let note = format!("{taken} for a session already checked in on that date");
    tally.kind("check-ins", n, (taken > 0).then_some(note.as_str()));

    let mut n = (0, 0);
    let mut mornings = morning::Writer::new(tx)?;
    for (i, m) in b.morning_checks.iter().enumerate() {
        // The level lives in the pain entry; the file's copy of it is only for people reading it.
        let written = if in_file.contains(m.pain_entry_id) {
            // Not written when that date has its morning check already.
            mornings.insert(m.local_date, m.pain_entry_id)?
        } else if mornings.exists(m.local_date)? {
            false
        } else if !pain_entries.exists(m.pain_entry_id)? {
            return Err(Error::invalid(
                format!("morning_checks[{i}].pain_entry_id"),
                "the id of a pain entry in the file or already in Limber",
            ));
        } else {
            mornings.insert(m.local_date, m.pain_entry_id)?
        };
        tally.count(&mut n, written);
    }
    tally.kind("morning checks", n, None);

    let mut n = (0, 0);
    for t in &b.track_states {
        let state = TrackState {
            step: usize::try_from(t.step)
                .map_err(|_| Error::Internal("a restored step the backup check let through"))?,
            reds_in_row: t.reds_in_row,
            hold_until: t.hold_until,
            ..TrackState::new(track(&t.track)?, 0)
        };
        tally.count(&mut n, track_state::save(tx, &state, t.settled_greens, false)?);
    }
    tally.kind("exercise dose levels", n, None);

    let mut n = (0, 0);
    let mut dose_changes = dose_change::Writer::new(tx)?;
    for e in b.dose_changes {
        let row = DoseChangeRow {
            id: e.id,
            at: e.at,
            local_date: e.local_date,
            track: track(&e.track)?,
            decision: e.decision,
            from: e.from,
            to: e.to,
            reason: e.reason,
        };
        tally.count(&mut n, dose_changes.insert(&row)?);
    }
    tally.kind("dose changes", n, None);

    let mut n = (0, 0);
    for s in b.snoozes {
        let snoozed = Snooze { reminder_id: s.reminder_id, fire_at: s.fire_at };
        tally.count(&mut n, snooze::save(tx, &snoozed, false)?);
    }
    tally.kind("snoozed reminders", n, None);

    if tally.lines.is_empty() {
        tally.lines.push("nothing to restore: the file holds no records".to_owned());
    }
    Ok(ImportReport { added: tally.added, skipped: tally.skipped, summary: tally.lines })
}
