//! Routine tables: settings, session check-ins, next-morning checks, where each exercise's
//! dose stands, and every progression decision with its reason.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension, Transaction, params};
use uuid::Uuid;

use super::Store;
use crate::assessment::history::SavedAssessment;
use crate::ids::new_id;
use crate::pain::{PainContext, PainInput};
use crate::progress::backup::ProgressionRecord;
use crate::routine::checkin::{
    CheckInInput, CheckInOutcome, MorningOutcome, STOP_AND_RETRIAGE, morning_date,
};
use crate::routine::dose::{Step, Track};
use crate::routine::plan::{ChangeNote, effective_step};
use crate::routine::progression::{Change, Decision, Light, MORNING_RISE, TrackState, light};
use crate::routine::settings::RoutineSettings;
use crate::timestamp::{from_millis, to_millis};
use crate::zone::{local_date, offset_minutes, parse_tz, previous_day};
use crate::{Error, Result};

pub(super) const SCHEMA_V3: &str = "
CREATE TABLE setting (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE checkin (
    id BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    local_date TEXT NOT NULL,
    slot INTEGER NOT NULL CHECK (slot BETWEEN 1 AND 4),
    at_ms INTEGER NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    symptoms_spread INTEGER NOT NULL,
    note TEXT,
    UNIQUE (local_date, slot)
) WITHOUT ROWID;
CREATE TABLE checkin_exercise (
    checkin_id BLOB NOT NULL REFERENCES checkin (id) ON DELETE CASCADE,
    exercise TEXT NOT NULL,
    track TEXT NOT NULL,
    done INTEGER NOT NULL,
    skip_reason TEXT,
    hold_seconds INTEGER,
    reps INTEGER,
    sets INTEGER,
    pain_during INTEGER CHECK (pain_during BETWEEN 0 AND 10),
    symptoms_spread INTEGER NOT NULL,
    light TEXT,
    PRIMARY KEY (checkin_id, exercise)
) WITHOUT ROWID;
CREATE TABLE morning_check (
    local_date TEXT PRIMARY KEY NOT NULL,
    pain_entry_id BLOB NOT NULL REFERENCES pain_entry (id) ON DELETE CASCADE,
    pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10)
) WITHOUT ROWID;
CREATE TABLE track_state (
    track TEXT PRIMARY KEY NOT NULL,
    step INTEGER NOT NULL,
    settled_greens INTEGER NOT NULL,
    reds_in_row INTEGER NOT NULL,
    hold_until TEXT
) WITHOUT ROWID;
CREATE TABLE progression_event (
    id BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    at_ms INTEGER NOT NULL,
    local_date TEXT NOT NULL,
    track TEXT NOT NULL,
    decision TEXT NOT NULL,
    from_step TEXT NOT NULL,
    to_step TEXT NOT NULL,
    reason TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX progression_event_by_track ON progression_event (track, at_ms);
";

/// Indexes for reading "today" quickly from years of history: the first check-in, any spread
/// since an assessment, and the latest step up, without scanning every row.
pub(super) const SCHEMA_V5: &str = "
CREATE INDEX checkin_by_time ON checkin (at_ms);
CREATE INDEX progression_event_by_decision ON progression_event (decision, at_ms);
";

const ROUTINE_SETTINGS: &str = "routine";
/// [D] The usual morning pain is the mean of up to this many recent morning checks.
const USUAL_MORNINGS: i64 = 7;

impl Store {
    pub fn routine_settings(&self) -> Result<RoutineSettings> {
        self.cache.get(
            self.conn(),
            |c| &mut c.routine,
            || Ok(self.setting(ROUTINE_SETTINGS)?.unwrap_or_default()),
        )
    }

    pub fn set_routine_settings(&mut self, settings: RoutineSettings) -> Result<RoutineSettings> {
        let settings = settings.validate()?;
        self.write(|tx| put_setting(tx, ROUTINE_SETTINGS, &settings))?;
        Ok(settings)
    }

    /// Records a session and decides each exercise's next dose (CLINICAL.md §6).
    pub fn check_in(&mut self, input: CheckInInput, time_zone: &str) -> Result<CheckInOutcome> {
        let tz = parse_tz("time_zone", time_zone)?;
        let settings = self.routine_settings()?;
        let input = input.validate(settings.sessions_per_day())?;
        let saved = self.plan_assessment()?;
        let date = local_date(tz, input.at);
        let ceiling = saved.result.pain_ceiling;
        self.write_records(|tx| {
            let taken: bool = tx
                .prepare_cached("SELECT 1 FROM checkin WHERE local_date = ?1 AND slot = ?2")?
                .exists(params![date.to_string(), input.slot])?;
            if taken {
                return Err(Error::NotNow("that session is already checked in"));
            }
            let id = new_id();
            tx.prepare_cached(
                "INSERT INTO checkin (id, local_date, slot, at_ms, utc_offset_min, pain_before, pain_after,
                 symptoms_spread, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                id,
                date.to_string(),
                input.slot,
                to_millis(input.at),
                offset_minutes(tz, input.at),
                input.pain_before,
                input.pain_after,
                input.symptoms_spread(),
                input.note
            ])?;
            // One decision per track: the worst light of its exercises this session.
            let mut lights: BTreeMap<Track, Light> = BTreeMap::new();
            let mut row = tx.prepare_cached(
                "INSERT INTO checkin_exercise (checkin_id, exercise, track, done, skip_reason, hold_seconds,
                 reps, sets, pain_during, symptoms_spread, light) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?;
            for e in &input.exercises {
                let track = Track::of(e.exercise);
                let l = e.done.then(|| light(e.pain_during, e.symptoms_spread, ceiling));
                if let Some(l) = l {
                    let worst = lights.entry(track).or_insert(l);
                    *worst = (*worst).max(l);
                }
                row.execute(params![
                    id,
                    e.exercise.as_str(),
                    track.key(),
                    e.done,
                    e.skip_reason.map(|r| r.as_str()),
                    e.hold_seconds,
                    e.reps,
                    e.sets,
                    e.pain_during,
                    e.symptoms_spread,
                    l.map(Light::as_str)
                ])?;
            }
            let mut changes = Vec::new();
            for (track, l) in lights {
                let mut state = load_state(tx, track, &saved)?;
                let change = state.after_session(l, date);
                save_change(tx, &mut state, &change, input.at, date)?;
                changes.push(change);
            }
            let spread = input.symptoms_spread();
            Ok(CheckInOutcome {
                id,
                date,
                slot: input.slot,
                changes,
                stop_and_retriage: spread,
                message: if spread { vec![STOP_AND_RETRIAGE.to_owned()] } else { Vec::new() },
            })
        })
    }

    /// Records pain on waking, tied to the previous day's sessions, and settles their doses.
    /// The pain is stored once, as a pain entry (context `on_waking`) the check points at.
    ///
    /// Errors: `NotNow` before 04:00 local time ([`crate::routine::checkin::MORNING_OPENS`]) or
    /// when this morning is already recorded; `Invalid` naming `pain` (0-10).
    pub fn morning_check(&mut self, pain: i32, at: DateTime<Utc>, time_zone: &str) -> Result<MorningOutcome> {
        let tz = parse_tz("time_zone", time_zone)?;
        let entry = PainInput {
            recorded_at: at,
            utc_offset_minutes: offset_minutes(tz, at),
            level: pain,
            sites: Vec::new(),
            context: PainContext::OnWaking,
            note: None,
        }
        .validate()
        .map_err(|e| match e {
            Error::Invalid { field, range } if field == "level" => {
                Error::Invalid { field: "pain".into(), range }
            }
            other => other,
        })?
        .into_entry(new_id());
        let saved = self.latest_assessment()?;
        let date = morning_date(tz, at)?;
        // The day before, skipping a date the zone never had (Pacific/Apia 2011-12-30).
        let yesterday = previous_day(tz, date).ok_or(Error::invalid("at", "a real date"))?;
        self.write_records(|tx| {
            let done: bool = tx
                .prepare_cached("SELECT 1 FROM morning_check WHERE local_date = ?1")?
                .exists([date.to_string()])?;
            if done {
                return Err(Error::NotNow("this morning's pain is already recorded"));
            }
            let usual = usual_morning_pain(tx, date, yesterday)?;
            super::pain::insert(tx, &entry)?;
            tx.execute(
                "INSERT INTO morning_check (local_date, pain_entry_id) VALUES (?1, ?2)",
                params![date.to_string(), entry.id],
            )?;
            let worse = usual.is_some_and(|u| f64::from(pain) >= u + f64::from(MORNING_RISE));
            let mut changes = Vec::new();
            if let Some(saved) = &saved.filter(|s| s.result.plan_allowed) {
                for (track, lights) in lights_on(tx, yesterday)? {
                    let greens = lights.iter().filter(|l| **l == Light::Green).count() as i32;
                    // A red already stepped down yesterday; a bad morning does not step twice.
                    let already_down = lights.contains(&Light::Red);
                    let mut state = load_state(tx, track, saved)?;
                    let change = if worse && already_down {
                        None
                    } else {
                        state.after_morning(greens, worse, date, &saved.result.excluded_exercises)
                    };
                    if let Some(change) = change {
                        save_change(tx, &mut state, &change, at, date)?;
                        changes.push(change);
                    } else {
                        save_state(tx, &state)?;
                    }
                }
            }
            Ok(MorningOutcome { date, pain_entry_id: entry.id, usual, worse_than_usual: worse, changes })
        })
    }

    /// Where every track stands.
    pub fn track_steps(&self) -> Result<BTreeMap<Track, usize>> {
        let mut stmt = self.conn().prepare_cached("SELECT track, step FROM track_state")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        let mut map = BTreeMap::new();
        for row in rows {
            let (key, step) = row?;
            map.insert(
                Track::parse(&key).ok_or(Error::Corrupt)?,
                usize::try_from(step).map_err(|_| Error::Corrupt)?,
            );
        }
        Ok(map)
    }

    /// Whether any exercise had two reds in a row.
    pub fn any_track_needs_physio(&self) -> Result<bool> {
        Ok(self
            .conn()
            .prepare_cached("SELECT 1 FROM track_state WHERE reds_in_row >= ?1")?
            .exists([crate::routine::progression::REDS_FOR_PHYSIO])?)
    }

    pub fn track_state(&self, track: Track) -> Result<Option<TrackState>> {
        read_state(self.conn(), track)
    }

    /// The latest decision per track: one index seek per track (there are at most a few dozen),
    /// never a pass over years of decisions.
    pub fn latest_changes(&self) -> Result<BTreeMap<Track, ChangeNote>> {
        let mut latest = self.conn().prepare_cached(
            "SELECT decision, reason, local_date FROM progression_event WHERE track = ?1
             ORDER BY at_ms DESC, id DESC LIMIT 1",
        )?;
        let mut map = BTreeMap::new();
        for track in self.track_steps()?.into_keys() {
            let row = latest
                .query_row([track.key()], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
                })
                .optional()?;
            if let Some((decision, reason, date)) = row {
                map.insert(
                    track,
                    ChangeNote {
                        decision: Decision::parse("decision", &decision).map_err(|_| Error::Corrupt)?,
                        reason,
                        date: parse_date(&date)?,
                    },
                );
            }
        }
        Ok(map)
    }

    /// Every decision, newest first.
    pub fn progression_history(&self, limit: i32) -> Result<Vec<(DateTime<Utc>, Change)>> {
        let limit = crate::validate::in_range("limit", limit, 1, 10_000)?;
        self.progression_events(true, limit.into())?
            .into_iter()
            .map(|e| {
                let track = Track::parse(&e.track).ok_or(Error::Corrupt)?;
                Ok((e.at, Change { track, decision: e.decision, from: e.from, to: e.to, reason: e.reason }))
            })
            .collect()
    }

    /// Stored decisions as records, oldest or newest first, at most `limit` (-1: all).
    pub(super) fn progression_events(
        &self,
        newest_first: bool,
        limit: i64,
    ) -> Result<Vec<ProgressionRecord>> {
        let sql = if newest_first {
            "SELECT id, at_ms, local_date, track, decision, from_step, to_step, reason FROM progression_event
             ORDER BY at_ms DESC, id DESC LIMIT ?1"
        } else {
            "SELECT id, at_ms, local_date, track, decision, from_step, to_step, reason FROM progression_event
             ORDER BY at_ms, id LIMIT ?1"
        };
        let mut stmt = self.conn().prepare_cached(sql)?;
        let rows = stmt.query_map([limit], |r| {
            Ok((
                r.get::<_, Uuid>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
            ))
        })?;
        rows.map(|row| {
            let (id, ms, date, track, decision, from, to, reason) = row?;
            Ok(ProgressionRecord {
                id,
                at: from_millis(ms)?,
                local_date: parse_date(&date)?,
                track,
                decision: Decision::parse("decision", &decision).map_err(|_| Error::Corrupt)?,
                from: serde_json::from_str(&from).map_err(|_| Error::Corrupt)?,
                to: serde_json::from_str(&to).map_err(|_| Error::Corrupt)?,
                reason,
            })
        })
        .collect()
    }

    /// Slots checked in on a local date, with whether symptoms spread.
    pub fn checkins_on(&self, date: NaiveDate) -> Result<Vec<(i32, Uuid)>> {
        let mut stmt =
            self.conn().prepare_cached("SELECT slot, id FROM checkin WHERE local_date = ?1 ORDER BY slot")?;
        let rows = stmt.query_map([date.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn has_morning_check(&self, date: NaiveDate) -> Result<bool> {
        Ok(self
            .conn()
            .prepare_cached("SELECT 1 FROM morning_check WHERE local_date = ?1")?
            .exists([date.to_string()])?)
    }

    /// Whether any session since `since` reported symptoms spreading down the leg.
    pub fn spread_since(&self, since: DateTime<Utc>) -> Result<bool> {
        Ok(self
            .conn()
            .prepare_cached("SELECT 1 FROM checkin WHERE at_ms >= ?1 AND symptoms_spread")?
            .exists([to_millis(since)])?)
    }

    pub fn first_checkin_at(&self) -> Result<Option<DateTime<Utc>>> {
        let ms: Option<i64> = self.conn().query_row("SELECT min(at_ms) FROM checkin", [], |r| r.get(0))?;
        ms.map(from_millis).transpose()
    }

    pub fn last_progress_at(&self) -> Result<Option<DateTime<Utc>>> {
        let ms: Option<i64> = self.conn().query_row(
            "SELECT max(at_ms) FROM progression_event WHERE decision = 'progress'",
            [],
            |r| r.get(0),
        )?;
        ms.map(from_millis).transpose()
    }

    /// The assessment a check-in is judged by: the latest, and it must allow a plan.
    fn plan_assessment(&self) -> Result<SavedAssessment> {
        match self.latest_assessment()? {
            Some(saved) if saved.result.plan_allowed => Ok(saved),
            Some(_) => Err(Error::NotNow("your latest assessment says to see a doctor before exercising")),
            None => Err(Error::NotNow("take the self-assessment first (limber assess)")),
        }
    }

    pub(super) fn setting<T: serde::de::DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        let text: Option<String> = self
            .conn()
            .prepare_cached("SELECT value FROM setting WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?;
        text.map(|t| serde_json::from_str(&t).map_err(|_| Error::Corrupt)).transpose()
    }
}

pub(super) fn put_setting<T: serde::Serialize>(tx: &Transaction<'_>, key: &str, value: &T) -> Result<()> {
    let text = serde_json::to_string(value).map_err(|_| Error::Internal("encoding a setting"))?;
    tx.prepare_cached(
        "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
    )?
    .execute(params![key, text])?;
    Ok(())
}

fn parse_date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| Error::Corrupt)
}

fn read_state(conn: &rusqlite::Connection, track: Track) -> Result<Option<TrackState>> {
    let row = conn
        .prepare_cached(
            "SELECT step, settled_greens, reds_in_row, hold_until FROM track_state WHERE track = ?1",
        )?
        .query_row([track.key()], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i32>(1)?,
                r.get::<_, i32>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })
        .optional()?;
    row.map(|(step, settled_greens, reds_in_row, hold)| {
        Ok(TrackState {
            track,
            step: usize::try_from(step).map_err(|_| Error::Corrupt)?,
            settled_greens,
            reds_in_row,
            hold_until: hold.as_deref().map(parse_date).transpose()?,
        })
    })
    .transpose()
}

/// A track's state, at the step the plan really shows for this assessment.
fn load_state(tx: &Transaction<'_>, track: Track, saved: &SavedAssessment) -> Result<TrackState> {
    let stored = read_state(tx, track)?;
    let step = effective_step(track, saved, stored.as_ref().map(|s| s.step));
    let mut state = stored.unwrap_or_else(|| TrackState::new(track, step));
    state.step = step;
    Ok(state)
}

fn save_state(tx: &Transaction<'_>, s: &TrackState) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO track_state (track, step, settled_greens, reds_in_row, hold_until) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (track) DO UPDATE SET step = ?2, settled_greens = ?3, reds_in_row = ?4, hold_until = ?5",
    )?
    .execute(params![s.track.key(), s.step as i64, s.settled_greens, s.reds_in_row, s.hold_until.map(|d| d.to_string())])?;
    Ok(())
}

fn save_change(
    tx: &Transaction<'_>,
    state: &mut TrackState,
    change: &Change,
    at: DateTime<Utc>,
    date: NaiveDate,
) -> Result<()> {
    save_state(tx, state)?;
    let json = |step: &Step| serde_json::to_string(step).map_err(|_| Error::Internal("encoding a dose step"));
    tx.prepare_cached(
        "INSERT INTO progression_event (id, at_ms, local_date, track, decision, from_step, to_step, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        new_id(),
        to_millis(at),
        date.to_string(),
        change.track.key(),
        change.decision.as_str(),
        json(&change.from)?,
        json(&change.to)?,
        change.reason
    ])?;
    Ok(())
}

/// The lights of each track's sessions on a date.
fn lights_on(tx: &Transaction<'_>, date: NaiveDate) -> Result<BTreeMap<Track, Vec<Light>>> {
    let mut stmt = tx.prepare_cached(
        "SELECT e.track, e.light FROM checkin_exercise e JOIN checkin c ON c.id = e.checkin_id
         WHERE c.local_date = ?1 AND e.done AND e.light IS NOT NULL",
    )?;
    let rows =
        stmt.query_map([date.to_string()], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut map: BTreeMap<Track, Vec<Light>> = BTreeMap::new();
    for row in rows {
        let (track, l) = row?;
        map.entry(Track::parse(&track).ok_or(Error::Corrupt)?)
            .or_default()
            .push(Light::parse("light", &l).map_err(|_| Error::Corrupt)?);
    }
    Ok(map)
}

/// [D] The usual morning pain: the mean of recent morning checks; without any, the lowest
/// pain reported before yesterday's sessions.
fn usual_morning_pain(tx: &Transaction<'_>, date: NaiveDate, yesterday: NaiveDate) -> Result<Option<f64>> {
    // The levels come from the morning checks' pain entries: an edited entry counts as edited.
    let mornings = super::morning::morning_pains_before(tx, date, USUAL_MORNINGS)?;
    if !mornings.is_empty() {
        return Ok(Some(mornings.iter().map(|p| f64::from(*p)).sum::<f64>() / mornings.len() as f64));
    }
    let before: Option<i32> = tx.query_row(
        "SELECT min(pain_before) FROM checkin WHERE local_date = ?1",
        [yesterday.to_string()],
        |r| r.get(0),
    )?;
    Ok(before.map(f64::from))
}
