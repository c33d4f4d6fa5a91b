//! Every table read as backup records, one record at a time ([`Records`] for the store), so
//! an export of any length holds one record in memory; restoring is `store::restore`.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Row;
use uuid::Uuid;

use super::Store;
use crate::assessment::history::{MeasuredTest, MeasurementPoint};
use crate::pain::{BodySite, PainContext, Side, SitePain};
use crate::progress::backup::{
    self, AssessmentRecord, Backup, BackupSettings, CheckInExerciseRecord, CheckInRecord, MorningCheckRecord,
    PainRecord, DoseChangeRecord, SnoozeRecord, TrackStateRecord,
};
use crate::progress::records::{Counts, Each, Records};
use crate::routine::settings::RoutineSettings;
use crate::schedule::ReminderSettings;
use crate::timestamp::{check_instant, from_millis};
use crate::{Error, Result};

/// The setting keys of `store::routine` and `store::reminders`.
pub(super) const ROUTINE: &str = "routine";
pub(super) const REMINDERS: &str = "reminders";

impl Store {
    /// Everything stored, as the records of the JSON backup, oldest first, in memory. Exports
    /// read [`Records`] one at a time instead.
    pub fn backup(&self, now: DateTime<Utc>) -> Result<Backup> {
        Ok(Backup {
            format: backup::FORMAT.to_owned(),
            format_version: backup::FORMAT_VERSION,
            schema_version: super::SCHEMA_VERSION,
            exported_at: check_instant("now", now)?,
            settings: Records::settings(self)?,
            pain_entries: self.all_pain()?,
            assessments: self.all_assessments()?,
            check_ins: self.all_check_ins()?,
            morning_checks: self.all_morning_checks()?,
            track_states: self.all_track_states()?,
            dose_changes: self.all_dose_changes()?,
            snoozes: self.all_snoozes()?,
        })
    }

    // One kind of record in memory, each readable on its own (a rescue reads what it can).
    pub(super) fn all_pain(&self) -> Result<Vec<PainRecord>> {
        all(|each| Records::pain_entries(self, each))
    }
    pub(super) fn all_assessments(&self) -> Result<Vec<AssessmentRecord>> {
        all(|each| Records::assessments(self, each))
    }
    pub(super) fn all_check_ins(&self) -> Result<Vec<CheckInRecord>> {
        all(|each| Records::check_ins(self, each))
    }
    pub(super) fn all_morning_checks(&self) -> Result<Vec<MorningCheckRecord>> {
        all(|each| Records::morning_checks(self, each))
    }
    pub(super) fn all_track_states(&self) -> Result<Vec<TrackStateRecord>> {
        all(|each| Records::track_states(self, each))
    }
    pub(super) fn all_dose_changes(&self) -> Result<Vec<DoseChangeRecord>> {
        all(|each| Records::dose_changes(self, each))
    }
    pub(super) fn all_snoozes(&self) -> Result<Vec<SnoozeRecord>> {
        all(|each| Records::snoozes(self, each))
    }

    fn count(&self, table: &str) -> Result<i64> {
        Ok(self.conn().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
    }
}

fn all<T>(read: impl FnOnce(Each<'_, T>) -> Result<()>) -> Result<Vec<T>> {
    let mut items = Vec::new();
    read(&mut |item| {
        items.push(item);
        Ok(())
    })?;
    Ok(items)
}

impl Records for Store {
    fn counts(&self) -> Result<Counts> {
        let settings = Records::settings(self)?;
        Ok(Counts {
            settings: i64::from(settings.routine.is_some()) + i64::from(settings.reminders.is_some()),
            pain_entries: self.count("pain_entry")?,
            assessments: self.count("assessment")?,
            check_ins: self.count("checkin")?,
            morning_checks: self.count("morning_check")?,
            track_states: self.count("track_state")?,
            dose_changes: self.count("dose_change")?,
            snoozes: self.count("snooze")?,
        })
    }

    fn settings(&self) -> Result<BackupSettings> {
        Ok(BackupSettings {
            routine: self.setting::<RoutineSettings>(ROUTINE)?,
            reminders: self.setting::<ReminderSettings>(REMINDERS)?,
        })
    }

    /// Each entry with its sites (looked up by the entry's id: a key prefix), oldest first.
    fn pain_entries(&self, each: Each<'_, PainRecord>) -> Result<()> {
        let conn = self.conn();
        let mut sites = conn.prepare("SELECT site, side, level FROM pain_site WHERE entry_id = ?1")?;
        let mut stmt = conn.prepare(
            "SELECT id, recorded_at_ms, utc_offset_min, level, context, note FROM pain_entry
             ORDER BY recorded_at_ms, id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: Uuid = r.get(0)?;
            let mut site_rows = sites.query([id])?;
            let mut entry_sites = Vec::new();
            while let Some(s) = site_rows.next()? {
                entry_sites.push(SitePain {
                    site: parse_text(&s.get::<_, String>(0)?, BodySite::parse)?,
                    side: match text(s, 1)? {
                        "" => None,
                        side => Some(parse_text(side, Side::parse)?),
                    },
                    level: s.get(2)?,
                });
            }
            entry_sites.sort_by_key(|s| (s.site, s.side));
            each(PainRecord {
                id,
                recorded_at: from_millis(r.get(1)?)?,
                utc_offset_minutes: r.get(2)?,
                level: r.get(3)?,
                sites: entry_sites,
                context: parse_text(text(r, 4)?, PainContext::parse)?,
                note: r.get(5)?,
            })?;
        }
        Ok(())
    }

    fn assessments(&self, each: Each<'_, AssessmentRecord>) -> Result<()> {
        self.each_assessment_oldest_first(&mut |a| {
            each(AssessmentRecord {
                id: a.id,
                taken_at: a.taken_at,
                utc_offset_minutes: a.utc_offset_minutes,
                answers: a.answers,
                result: Some(a.result),
            })
        })
    }

    /// Each check-in with its exercises (by key prefix, in exercise order), oldest first.
    fn check_ins(&self, each: Each<'_, CheckInRecord>) -> Result<()> {
        let conn = self.conn();
        // WITHOUT ROWID: rows come back in primary key order, which is all a set of rows has.
        let mut exercises = conn.prepare(
            "SELECT exercise, done, skip_reason, hold_seconds, reps, sets, pain_during, symptoms_spread, light
             FROM checkin_exercise WHERE checkin_id = ?1 ORDER BY exercise",
        )?;
        let mut stmt = conn.prepare(
            "SELECT id, local_date, session, at_ms, utc_offset_min, pain_before, pain_after, note FROM checkin
             ORDER BY at_ms, id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: Uuid = r.get(0)?;
            let mut done = Vec::new();
            let mut exercise_rows = exercises.query([id])?;
            while let Some(e) = exercise_rows.next()? {
                done.push(exercise(e)?);
            }
            each(CheckInRecord {
                id,
                local_date: parse_date(text(r, 1)?)?,
                session: r.get(2)?,
                at: from_millis(r.get(3)?)?,
                utc_offset_minutes: r.get(4)?,
                pain_before: r.get(5)?,
                pain_after: r.get(6)?,
                note: r.get(7)?,
                exercises: done,
            })?;
        }
        Ok(())
    }

    fn morning_checks(&self, each: Each<'_, MorningCheckRecord>) -> Result<()> {
        // The level is the pain entry's: the one copy of a morning's pain (`store::morning`).
        let mut stmt =
            self.conn().prepare(&format!("{} ORDER BY m.local_date", super::morning::MORNING_CHECKS))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            each(MorningCheckRecord {
                local_date: parse_date(text(r, 0)?)?,
                pain_entry_id: r.get(1)?,
                pain: r.get(2)?,
            })?;
        }
        Ok(())
    }

    fn track_states(&self, each: Each<'_, TrackStateRecord>) -> Result<()> {
        let mut stmt = self.conn().prepare(
            "SELECT track, step, settled_greens, reds_in_row, hold_until FROM track_state ORDER BY track",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let hold_until: Option<String> = r.get(4)?;
            each(TrackStateRecord {
                track: r.get(0)?,
                step: i32::try_from(r.get::<_, i64>(1)?).map_err(|_| Error::Corrupt)?,
                settled_greens: r.get(2)?,
                reds_in_row: r.get(3)?,
                hold_until: hold_until.as_deref().map(parse_date).transpose()?,
            })?;
        }
        Ok(())
    }

    fn dose_changes(&self, each: Each<'_, DoseChangeRecord>) -> Result<()> {
        self.each_dose_change(false, -1, each)
    }

    fn snoozes(&self, each: Each<'_, SnoozeRecord>) -> Result<()> {
        let mut stmt = self
            .conn()
            .prepare("SELECT reminder_id, fire_at_ms FROM snooze ORDER BY fire_at_ms, reminder_id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            each(SnoozeRecord { reminder_id: r.get(0)?, fire_at: from_millis(r.get(1)?)? })?;
        }
        Ok(())
    }

    fn measurements(&self) -> Result<Vec<MeasurementPoint>> {
        let mut points = Vec::new();
        for test in MeasuredTest::ALL {
            points.extend(self.measurement_series(*test)?);
        }
        Ok(points)
    }
}

fn exercise(e: &Row<'_>) -> Result<CheckInExerciseRecord> {
    let optional = |i: usize| -> Result<Option<String>> { Ok(e.get(i)?) };
    Ok(CheckInExerciseRecord {
        exercise: parse_text(text(e, 0)?, crate::catalog::ExerciseId::parse)?,
        done: e.get(1)?,
        skip_reason: optional(2)?
            .map(|s| parse_text(&s, crate::routine::checkin::SkipReason::parse))
            .transpose()?,
        hold_seconds: e.get(3)?,
        reps: e.get(4)?,
        sets: e.get(5)?,
        pain_during: e.get(6)?,
        symptoms_spread: e.get(7)?,
        light: optional(8)?.map(|l| parse_text(&l, crate::routine::progression::Light::parse)).transpose()?,
    })
}

/// A text column read in place (no String per row), damaged if it is not text.
fn text<'r>(row: &'r Row<'_>, column: usize) -> Result<&'r str> {
    row.get_ref(column)?.as_str().map_err(|_| Error::Corrupt)
}

fn parse_text<T>(text: &str, parse: fn(&str, &str) -> Result<T>) -> Result<T> {
    parse("value", text).map_err(|_| Error::Corrupt)
}

fn parse_date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| Error::Corrupt)
}
