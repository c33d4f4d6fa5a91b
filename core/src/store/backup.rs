//! Reading every table as backup records, and restoring a backup: checked whole first, then
//! written in one transaction, merging by id (see [`mod@crate::progress::backup`]).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Transaction, params};
use uuid::Uuid;

use super::Store;
use super::routine::put_setting;
use crate::assessment::evaluate;
use crate::assessment::history::SavedAssessment;
use crate::pain::{BodySite, PainContext, PainEntry, Side, SitePain};
use crate::progress::backup::{
    self, AssessmentRecord, Backup, BackupSettings, CheckInExerciseRecord, CheckInRecord, ImportReport,
    MorningCheckRecord, PainRecord, ProgressionRecord, SnoozeRecord, TrackStateRecord,
};
use crate::routine::dose::Track;
use crate::routine::settings::RoutineSettings;
use crate::schedule::ReminderSettings;
use crate::timestamp::{check_instant, from_millis, to_millis};
use crate::{Error, Result};

/// The setting keys of `store::routine` and `store::reminders`.
pub(super) const ROUTINE: &str = "routine";
pub(super) const REMINDERS: &str = "reminders";

impl Store {
    /// Everything stored, as the records of the JSON backup, oldest first.
    pub fn backup(&self, now: DateTime<Utc>) -> Result<Backup> {
        Ok(Backup {
            format: backup::FORMAT.to_owned(),
            format_version: backup::FORMAT_VERSION,
            schema_version: super::SCHEMA_VERSION,
            exported_at: check_instant("now", now)?,
            settings: BackupSettings {
                routine: self.setting::<RoutineSettings>(ROUTINE)?,
                reminders: self.setting::<ReminderSettings>(REMINDERS)?,
            },
            pain_entries: self.all_pain()?,
            assessments: self.all_assessments()?,
            check_ins: self.all_check_ins()?,
            morning_checks: self.all_morning_checks()?,
            track_states: self.all_track_states()?,
            progression_events: self.all_progression_events()?,
            snoozes: self.all_snoozes()?,
        })
    }

    /// Restores a JSON backup (at most 64 MiB). The whole file is parsed and checked before
    /// anything is written, then applied in one transaction: all of it or none. Records already
    /// there (by id) are skipped, never overwritten. A file from a newer Limber is
    /// [`Error::NewerVersion`]; anything wrong in it is [`Error::Invalid`] naming the field,
    /// e.g. `pain_entries[3].level`.
    pub fn import_backup(&mut self, bytes: &[u8]) -> Result<ImportReport> {
        let backup = backup::read(bytes)?;
        self.write(|tx| apply(tx, &backup))
    }

    pub(super) fn all_pain(&self) -> Result<Vec<PainRecord>> {
        let conn = self.conn();
        let mut sites: HashMap<Uuid, Vec<SitePain>> = HashMap::new();
        let mut stmt = conn.prepare("SELECT entry_id, site, side, level FROM pain_site")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, Uuid>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, i32>(3)?))
        })?;
        for row in rows {
            let (id, site, side, level) = row?;
            sites.entry(id).or_default().push(SitePain {
                site: BodySite::parse("site", &site).map_err(|_| Error::Corrupt)?,
                side: match side.as_str() {
                    "" => None,
                    s => Some(Side::parse("side", s).map_err(|_| Error::Corrupt)?),
                },
                level,
            });
        }
        let mut stmt = conn.prepare(
            "SELECT id, recorded_at_ms, utc_offset_min, level, context, note FROM pain_entry
             ORDER BY recorded_at_ms, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, Uuid>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i32>(2)?,
                r.get::<_, i32>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        })?;
        rows.map(|row| {
            let (id, ms, utc_offset_minutes, level, context, note) = row?;
            let mut sites = sites.remove(&id).unwrap_or_default();
            sites.sort_by_key(|s| (s.site, s.side));
            Ok(PainRecord {
                id,
                recorded_at: from_millis(ms)?,
                utc_offset_minutes,
                level,
                sites,
                context: PainContext::parse("context", &context).map_err(|_| Error::Corrupt)?,
                note,
            })
        })
        .collect()
    }

    pub(super) fn all_assessments(&self) -> Result<Vec<AssessmentRecord>> {
        Ok(self
            .all_assessments_oldest_first()?
            .into_iter()
            .map(|a| AssessmentRecord {
                id: a.id,
                taken_at: a.taken_at,
                utc_offset_minutes: a.utc_offset_minutes,
                answers: a.answers,
                result: Some(a.result),
            })
            .collect())
    }

    pub(super) fn all_check_ins(&self) -> Result<Vec<CheckInRecord>> {
        let conn = self.conn();
        let mut exercises: HashMap<Uuid, Vec<CheckInExerciseRecord>> = HashMap::new();
        // WITHOUT ROWID: rows come back in primary key order, which is all a set of rows has.
        let mut stmt = conn.prepare(
            "SELECT checkin_id, exercise, done, skip_reason, hold_seconds, reps, sets, pain_during,
             symptoms_spread, light FROM checkin_exercise ORDER BY checkin_id, exercise",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, Uuid>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
                r.get::<_, Option<String>>(3)?,
                (r.get::<_, Option<i32>>(4)?, r.get::<_, Option<i32>>(5)?, r.get::<_, Option<i32>>(6)?),
                r.get::<_, Option<i32>>(7)?,
                r.get::<_, bool>(8)?,
                r.get::<_, Option<String>>(9)?,
            ))
        })?;
        for row in rows {
            let (id, exercise, done, skip, (hold_seconds, reps, sets), pain_during, symptoms_spread, light) =
                row?;
            exercises.entry(id).or_default().push(CheckInExerciseRecord {
                exercise: parse_text(&exercise, crate::catalog::ExerciseId::parse)?,
                done,
                skip_reason: skip
                    .map(|s| parse_text(&s, crate::routine::checkin::SkipReason::parse))
                    .transpose()?,
                hold_seconds,
                reps,
                sets,
                pain_during,
                symptoms_spread,
                light: light
                    .map(|l| parse_text(&l, crate::routine::progression::Light::parse))
                    .transpose()?,
            });
        }
        let mut stmt = conn.prepare(
            "SELECT id, local_date, slot, at_ms, utc_offset_min, pain_before, pain_after, note FROM checkin
             ORDER BY at_ms, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, Uuid>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i32>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i32>(4)?,
                r.get::<_, Option<i32>>(5)?,
                r.get::<_, Option<i32>>(6)?,
                r.get::<_, Option<String>>(7)?,
            ))
        })?;
        rows.map(|row| {
            let (id, date, slot, ms, utc_offset_minutes, pain_before, pain_after, note) = row?;
            Ok(CheckInRecord {
                id,
                local_date: parse_date(&date)?,
                slot,
                at: from_millis(ms)?,
                utc_offset_minutes,
                pain_before,
                pain_after,
                note,
                exercises: exercises.remove(&id).unwrap_or_default(),
            })
        })
        .collect()
    }

    pub(super) fn all_morning_checks(&self) -> Result<Vec<MorningCheckRecord>> {
        let mut stmt =
            self.conn().prepare(&format!("{} ORDER BY m.local_date", super::morning::MORNING_CHECKS))?;
        let rows =
            stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Uuid>(1)?, r.get::<_, i32>(2)?)))?;
        rows.map(|row| {
            let (date, pain_entry_id, pain) = row?;
            Ok(MorningCheckRecord { local_date: parse_date(&date)?, pain_entry_id, pain })
        })
        .collect()
    }

    pub(super) fn all_track_states(&self) -> Result<Vec<TrackStateRecord>> {
        let mut stmt = self.conn().prepare(
            "SELECT track, step, settled_greens, reds_in_row, hold_until FROM track_state ORDER BY track",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i32>(2)?,
                r.get::<_, i32>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?;
        rows.map(|row| {
            let (track, step, settled_greens, reds_in_row, hold_until) = row?;
            Ok(TrackStateRecord {
                track,
                step: i32::try_from(step).map_err(|_| Error::Corrupt)?,
                settled_greens,
                reds_in_row,
                hold_until: hold_until.as_deref().map(parse_date).transpose()?,
            })
        })
        .collect()
    }

    pub(super) fn all_progression_events(&self) -> Result<Vec<ProgressionRecord>> {
        self.progression_events(false, -1)
    }

    pub(super) fn all_snoozes(&self) -> Result<Vec<SnoozeRecord>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT reminder_id, fire_at_ms FROM snooze ORDER BY fire_at_ms, reminder_id")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        rows.map(|row| {
            let (reminder_id, ms) = row?;
            Ok(SnoozeRecord { reminder_id, fire_at: from_millis(ms)? })
        })
        .collect()
    }
}

/// Counts per kind of record, for the report.
#[derive(Default)]
struct Tally {
    lines: Vec<String>,
    added: i32,
    skipped: i32,
}

impl Tally {
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
}

fn apply(tx: &Transaction<'_>, b: &Backup) -> Result<ImportReport> {
    let mut tally = Tally::default();
    let exists =
        |sql: &str, key: &dyn rusqlite::ToSql| -> Result<bool> { Ok(tx.prepare_cached(sql)?.exists([key])?) };

    let (mut added, mut skipped) = (0, 0);
    let mut setting = |key: &str, put: &dyn Fn() -> Result<()>| -> Result<()> {
        if exists("SELECT 1 FROM setting WHERE key = ?1", &key)? {
            skipped += 1;
        } else {
            put()?;
            added += 1;
        }
        Ok(())
    };
    if let Some(routine) = &b.settings.routine {
        setting(ROUTINE, &|| put_setting(tx, ROUTINE, routine))?;
    }
    if let Some(reminders) = &b.settings.reminders {
        setting(REMINDERS, &|| put_setting(tx, REMINDERS, reminders))?;
    }
    tally.kind("settings", added, skipped, None);

    let (mut added, mut skipped) = (0, 0);
    for p in &b.pain_entries {
        if exists("SELECT 1 FROM pain_entry WHERE id = ?1", &p.id)? {
            skipped += 1;
            continue;
        }
        let entry = PainEntry {
            id: p.id,
            recorded_at: p.recorded_at,
            utc_offset_minutes: p.utc_offset_minutes,
            level: p.level,
            sites: p.sites.clone(),
            context: p.context,
            note: p.note.clone(),
        };
        super::pain::insert(tx, &entry)?;
        added += 1;
    }
    tally.kind("pain entries", added, skipped, None);

    let (mut added, mut skipped) = (0, 0);
    for a in &b.assessments {
        if exists("SELECT 1 FROM assessment WHERE id = ?1", &a.id)? {
            skipped += 1;
            continue;
        }
        insert_assessment(tx, a)?;
        added += 1;
    }
    tally.kind("assessments", added, skipped, None);

    let (mut added, mut skipped, mut taken) = (0, 0, 0);
    for c in &b.check_ins {
        if exists("SELECT 1 FROM checkin WHERE id = ?1", &c.id)? {
            skipped += 1;
        } else if tx
            .prepare_cached("SELECT 1 FROM checkin WHERE local_date = ?1 AND slot = ?2")?
            .exists(params![c.local_date.to_string(), c.slot])?
        {
            // The same session was checked in here too (another phone, say): keep this one.
            skipped += 1;
            taken += 1;
        } else {
            insert_check_in(tx, c)?;
            added += 1;
        }
    }
    let note = format!("{taken} for a session already checked in on that date");
    tally.kind("check-ins", added, skipped, (taken > 0).then_some(note.as_str()));

    let (mut added, mut skipped) = (0, 0);
    for (i, m) in b.morning_checks.iter().enumerate() {
        if exists("SELECT 1 FROM morning_check WHERE local_date = ?1", &m.local_date.to_string())? {
            skipped += 1;
            continue;
        }
        if !exists("SELECT 1 FROM pain_entry WHERE id = ?1", &m.pain_entry_id)? {
            return Err(Error::invalid(
                format!("morning_checks[{i}].pain_entry_id"),
                "the id of a pain entry in the file or already in Limber",
            ));
        }
        // The level lives in the pain entry; the file's copy of it is only for people reading it.
        tx.prepare_cached("INSERT INTO morning_check (local_date, pain_entry_id) VALUES (?1, ?2)")?
            .execute(params![m.local_date.to_string(), m.pain_entry_id])?;
        added += 1;
    }
    tally.kind("morning checks", added, skipped, None);

    let (mut added, mut skipped) = (0, 0);
    for t in &b.track_states {
        if exists("SELECT 1 FROM track_state WHERE track = ?1", &t.track)? {
            skipped += 1;
            continue;
        }
        tx.prepare_cached(
            "INSERT INTO track_state (track, step, settled_greens, reds_in_row, hold_until) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![t.track, t.step, t.settled_greens, t.reds_in_row, t.hold_until.map(|d| d.to_string())])?;
        added += 1;
    }
    tally.kind("exercise dose levels", added, skipped, None);

    let (mut added, mut skipped) = (0, 0);
    for e in &b.progression_events {
        if exists("SELECT 1 FROM progression_event WHERE id = ?1", &e.id)? {
            skipped += 1;
            continue;
        }
        let json = |step| serde_json::to_string(step).map_err(json_bug);
        tx.prepare_cached(
            "INSERT INTO progression_event (id, at_ms, local_date, track, decision, from_step, to_step, reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            e.id,
            to_millis(e.at),
            e.local_date.to_string(),
            e.track,
            e.decision.as_str(),
            json(&e.from)?,
            json(&e.to)?,
            e.reason
        ])?;
        added += 1;
    }
    tally.kind("dose decisions", added, skipped, None);

    let (mut added, mut skipped) = (0, 0);
    for s in &b.snoozes {
        if exists("SELECT 1 FROM snooze WHERE reminder_id = ?1", &s.reminder_id)? {
            skipped += 1;
            continue;
        }
        tx.prepare_cached("INSERT INTO snooze (reminder_id, fire_at_ms) VALUES (?1, ?2)")?
            .execute(params![s.reminder_id, to_millis(s.fire_at)])?;
        added += 1;
    }
    tally.kind("snoozed reminders", added, skipped, None);

    if tally.lines.is_empty() {
        tally.lines.push("nothing to restore: the file holds no records".to_owned());
    }
    Ok(ImportReport { added: tally.added, skipped: tally.skipped, summary: tally.lines })
}

/// The rows `Store::submit_assessment` writes: the assessment, its result as worked out from
/// the answers, and the measurements the answers carry.
fn insert_assessment(tx: &Transaction<'_>, a: &AssessmentRecord) -> Result<()> {
    let saved = SavedAssessment {
        id: a.id,
        taken_at: a.taken_at,
        utc_offset_minutes: a.utc_offset_minutes,
        result: a.result.clone().unwrap_or_else(|| evaluate(&a.answers)),
        answers: a.answers.clone(),
    };
    super::assessment::insert(tx, &saved)
}

/// The rows `Store::check_in` writes.
fn insert_check_in(tx: &Transaction<'_>, c: &CheckInRecord) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO checkin (id, local_date, slot, at_ms, utc_offset_min, pain_before, pain_after,
         symptoms_spread, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        c.id,
        c.local_date.to_string(),
        c.slot,
        to_millis(c.at),
        c.utc_offset_minutes,
        c.pain_before,
        c.pain_after,
        c.exercises.iter().any(|e| e.symptoms_spread),
        c.note
    ])?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO checkin_exercise (checkin_id, exercise, track, done, skip_reason, hold_seconds,
         reps, sets, pain_during, symptoms_spread, light) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for e in &c.exercises {
        stmt.execute(params![
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
    Ok(())
}

fn parse_text<T>(text: &str, parse: fn(&str, &str) -> Result<T>) -> Result<T> {
    parse("value", text).map_err(|_| Error::Corrupt)
}

fn parse_date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| Error::Corrupt)
}

/// Serialising our own types cannot fail; if it ever does, it is a bug, not bad input.
fn json_bug(_: serde_json::Error) -> Error {
    Error::Internal("encoding a restored record as JSON")
}
