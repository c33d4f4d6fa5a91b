//! Every table read as backup records, one record at a time ([`Stored`] is the store's
//! [`Records`]), so an export of any length holds one record in memory; and the whole backup in
//! memory. Restoring is `restore`.

use chrono::{DateTime, Utc};

use crate::assessment::history::{MeasuredTest, MeasurementPoint, mark_changes};
use crate::progress::backup::{
    self, AssessmentRecord, Backup, BackupSettings, CheckInExerciseRecord, CheckInRecord, DoseChangeRecord,
    MorningCheckRecord, PainRecord, SnoozeRecord, TrackStateRecord,
};
use crate::progress::records::{Counts, Each, Records};
use crate::store::{Db, assessment, check_in, dose_change, morning, pain, setting, snooze, track_state};
use crate::timestamp::check_instant;
use crate::versions::BACKUP_SCHEMA_VERSION;
use crate::{Error, Result};

/// The stored records.
pub(super) struct Stored<'a>(pub &'a Db);

pub(super) fn backup(db: &Db, now: DateTime<Utc>) -> Result<Backup> {
    let _snapshot = db.snapshot()?;
    let records = Stored(db);
    Ok(Backup {
        format: backup::FORMAT.to_owned(),
        format_version: backup::FORMAT_VERSION,
        schema_version: BACKUP_SCHEMA_VERSION,
        exported_at: check_instant("now", now)?,
        settings: records.settings()?,
        pain_entries: all(|each| records.pain_entries(each))?,
        assessments: all(|each| records.assessments(each))?,
        check_ins: all(|each| records.check_ins(each))?,
        morning_checks: all(|each| records.morning_checks(each))?,
        track_states: all(|each| records.track_states(each))?,
        dose_changes: all(|each| records.dose_changes(each))?,
        snoozes: all(|each| records.snoozes(each))?,
    })
}

/// One kind of record in memory.
pub(super) fn all<T>(read: impl FnOnce(Each<'_, T>) -> Result<()>) -> Result<Vec<T>> {
    let mut items = Vec::new();
    read(&mut |item| {
        items.push(item);
        Ok(())
    })?;
    Ok(items)
}

impl Records for Stored<'_> {
    fn counts(&self) -> Result<Counts> {
        let conn = self.0.conn();
        let settings = self.settings()?;
        Ok(Counts {
            settings: i64::from(settings.routine.is_some()) + i64::from(settings.reminders.is_some()),
            pain_entries: pain::count(conn)?,
            assessments: assessment::count(conn)?,
            check_ins: check_in::count(conn)?,
            morning_checks: morning::count(conn)?,
            track_states: track_state::count(conn)?,
            dose_changes: dose_change::count(conn)?,
            snoozes: snooze::count(conn)?,
        })
    }

    fn settings(&self) -> Result<BackupSettings> {
        let conn = self.0.conn();
        Ok(BackupSettings {
            routine: setting::get(conn, setting::ROUTINE)?,
            reminders: setting::get(conn, setting::REMINDERS)?,
        })
    }

    fn pain_entries(&self, each: Each<'_, PainRecord>) -> Result<()> {
        pain::each(self.0.conn(), &mut |e| {
            each(PainRecord {
                id: e.id,
                recorded_at: e.recorded_at,
                utc_offset_minutes: e.utc_offset_minutes,
                level: e.level,
                sites: e.sites,
                context: e.context,
                note: e.note,
            })
        })
    }

    fn assessments(&self, each: Each<'_, AssessmentRecord>) -> Result<()> {
        assessment::each(self.0.conn(), &mut |a| {
            each(AssessmentRecord {
                id: a.id,
                taken_at: a.taken_at,
                utc_offset_minutes: a.utc_offset_minutes,
                answers: a.answers,
                result: Some(a.result),
            })
        })
    }

    fn check_ins(&self, each: Each<'_, CheckInRecord>) -> Result<()> {
        check_in::each(self.0.conn(), &mut |c| {
            each(CheckInRecord {
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
                    .into_iter()
                    .map(|e| CheckInExerciseRecord {
                        exercise: e.reported.exercise,
                        done: e.reported.done,
                        skip_reason: e.reported.skip_reason,
                        hold_seconds: e.reported.hold_seconds,
                        reps: e.reported.reps,
                        sets: e.reported.sets,
                        pain_during: e.reported.pain_during,
                        symptoms_spread: e.reported.symptoms_spread,
                        light: e.light,
                    })
                    .collect(),
            })
        })
    }

    fn morning_checks(&self, each: Each<'_, MorningCheckRecord>) -> Result<()> {
        // The level is the pain entry's: the one copy of a morning's pain.
        morning::each(self.0.conn(), &mut |(local_date, pain_entry_id, pain)| {
            each(MorningCheckRecord { local_date, pain_entry_id, pain })
        })
    }

    fn track_states(&self, each: Each<'_, TrackStateRecord>) -> Result<()> {
        track_state::each(self.0.conn(), &mut |s, settled_greens| {
            each(TrackStateRecord {
                track: s.track.key().to_owned(),
                step: i32::try_from(s.step).map_err(|_| Error::Corrupt)?,
                settled_greens,
                reds_in_row: s.reds_in_row,
                hold_until: s.hold_until,
            })
        })
    }

    fn dose_changes(&self, each: Each<'_, DoseChangeRecord>) -> Result<()> {
        dose_change::each(self.0.conn(), false, -1, &mut |d| {
            each(DoseChangeRecord {
                id: d.id,
                at: d.at,
                local_date: d.local_date,
                track: d.track.key().to_owned(),
                decision: d.decision,
                from: d.from,
                to: d.to,
                reason: d.reason,
            })
        })
    }

    fn snoozes(&self, each: Each<'_, SnoozeRecord>) -> Result<()> {
        snooze::each(self.0.conn(), &mut |s| {
            each(SnoozeRecord { reminder_id: s.reminder_id, fire_at: s.fire_at })
        })
    }

    fn measurements(&self) -> Result<Vec<MeasurementPoint>> {
        let mut points = Vec::new();
        for test in MeasuredTest::ALL {
            let mut series = assessment::series(self.0.conn(), *test)?;
            mark_changes(&mut series);
            points.extend(series);
        }
        Ok(points)
    }
}
