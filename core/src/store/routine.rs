//! Routine tables: settings, session check-ins, next-morning checks, where each exercise's
//! dose stands, and every progression decision with its reason.
#![allow(missing_docs)] // TODO(lints): lead fixes after the move

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension, Transaction, params};
use uuid::Uuid;

use super::Store;
use crate::assessment::Tier;
use crate::assessment::history::SavedAssessment;
use crate::ids::new_id;
use crate::pain::{PainContext, PainInput};
use crate::progress::backup::DoseChangeRecord;
use crate::routine::cards::{ProgressFacts, progress_cards};
use crate::routine::checkin::SkipReason;
use crate::routine::checkin::{
    CheckInInput, CheckInOutcome, MorningOutcome, STOP_AND_RETRIAGE, morning_date,
};
use crate::routine::dose::{Track, steps_for};
use crate::routine::plan::{CardId, DoseChangeNote, gate_cap, profile, start_step, step_allowed};
use crate::routine::progression::resets::{RESUME_AFTER_STOP, restart_reason, step_after_assessment};
use crate::routine::progression::rules::{self, Next, StepUpFacts, usual_morning, worse_than_usual};
use crate::routine::progression::{DoseChange, Decision, Light, TrackState, light};
use crate::routine::settings::RoutineSettings;
use crate::routine::status::{PlanStatus, plan_status};
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

mod history;
mod tracks;

use history::{first_pain_before, morning_pains, progress_facts, sessions_at_dose};
use tracks::{lights_on, load_state, parse_date, read_state, save_change, save_state, stored_tracks};

const ROUTINE_SETTINGS: &str = "routine";

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
        let equipment = settings.equipment.clone();
        self.write_records(|tx| {
            let taken: bool = tx
                .prepare_cached("SELECT 1 FROM checkin WHERE local_date = ?1 AND session = ?2")?
                .exists(params![date.to_string(), input.session])?;
            if taken {
                return Err(Error::NotNow("that session is already checked in"));
            }
            let id = new_id();
            tx.prepare_cached(
                "INSERT INTO checkin (id, local_date, session, at_ms, utc_offset_min, pain_before, pain_after,
                 symptoms_spread, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                id,
                date.to_string(),
                input.session,
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
                // Skipped as too painful counts as red for that exercise (CLINICAL.md §8).
                let l = if e.done {
                    Some(light(e.pain_during, e.symptoms_spread, ceiling))
                } else {
                    (e.skip_reason == Some(SkipReason::TooPainful)).then_some(Light::Red)
                };
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
                let mut state = load_state(tx, track, &saved, &equipment)?;
                let change = state.after_session(l, date);
                save_change(tx, &mut state, &change, input.at, date)?;
                changes.push(change);
            }
            let spread = input.symptoms_spread();
            Ok(CheckInOutcome {
                id,
                date,
                session: input.session,
                changes,
                stop_and_retriage: spread,
                message: if spread { vec![STOP_AND_RETRIAGE.to_owned()] } else { Vec::new() },
            })
        })
    }

    /// Records pain on waking, tied to the previous day's sessions, and decides their doses:
    /// a step down when the morning is 2 or more above the usual, otherwise a step up only when
    /// every rule of CLINICAL.md §8 allows it (`routine::progression::rules`), else the dose
    /// stays with the reason stored.
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
        let status = self.plan_status()?;
        let equipment = self.routine_settings()?.equipment;
        let date = morning_date(tz, at)?;
        // The day before, skipping a date the zone never had (Pacific/Apia 2011-12-30).
        let yesterday = previous_day(tz, date).ok_or(Error::invalid("at", "a real date"))?;
        let retest_due = saved.as_ref().is_some_and(|s| s.retest_due(at));
        self.write_records(|tx| {
            let done: bool = tx
                .prepare_cached("SELECT 1 FROM morning_check WHERE local_date = ?1")?
                .exists([date.to_string()])?;
            if done {
                return Err(Error::NotNow("this morning's pain is already recorded"));
            }
            let mut mornings = morning_pains(tx, date)?;
            let usual = usual_morning(&mornings, date).or(first_pain_before(tx, yesterday)?);
            super::pain::insert(tx, &entry)?;
            tx.execute(
                "INSERT INTO morning_check (local_date, pain_entry_id) VALUES (?1, ?2)",
                params![date.to_string(), entry.id],
            )?;
            mornings.push((date, pain));
            let worse = usual.is_some_and(|u| worse_than_usual(pain, u));
            let mut changes = Vec::new();
            let Some(saved) = saved.as_ref().filter(|s| s.result.plan_allowed) else {
                return Ok(MorningOutcome {
                    date,
                    pain_entry_id: entry.id,
                    usual,
                    worse_than_usual: worse,
                    changes,
                });
            };
            let facts = progress_facts(tx, saved, &mornings, at, date, retest_due)?;
            let cards: Vec<CardId> = progress_cards(&facts).into_iter().map(|c| c.id).collect();
            for (track, lights) in lights_on(tx, yesterday)? {
                let mut state = load_state(tx, track, saved, &equipment)?;
                // A red already stepped down yesterday; a bad morning does not step twice.
                let change = if worse {
                    (!lights.contains(&Light::Red)).then(|| state.after_worse_morning(date))
                } else if status != PlanStatus::Active {
                    // [D] No step up while the plan is paused or unanswered.
                    None
                } else {
                    let sessions = sessions_at_dose(tx, track)?;
                    let line = steps_for(track, state.profile);
                    let next = match line.get(state.step + 1) {
                        None => Next::Top,
                        Some(step) if !step_allowed(step, saved, &equipment) => Next::NotSuitable,
                        Some(_) => Next::Available,
                    };
                    let verdict = rules::step_up(&StepUpFacts {
                        sessions: &sessions,
                        mornings: &mornings,
                        today: date,
                        hold_until: state.hold_until,
                        soon_tier: saved.result.triage.tier == Tier::Soon,
                        physio_card: cards.contains(&CardId::SeePhysio),
                        no_improvement_card: cards.contains(&CardId::NoImprovement),
                        at_gate_cap: gate_cap(track, saved).is_some_and(|cap| state.step >= cap),
                        next,
                    });
                    state.apply(verdict)
                };
                match change {
                    Some(change) => {
                        save_change(tx, &mut state, &change, at, date)?;
                        changes.push(change);
                    }
                    None => save_state(tx, &state)?,
                }
            }
            Ok(MorningOutcome { date, pain_entry_id: entry.id, usual, worse_than_usual: worse, changes })
        })
    }

    /// The facts the routine's cards are decided from, as of `now` (see `routine::cards`).
    pub fn progress_facts(
        &self,
        now: DateTime<Utc>,
        date: NaiveDate,
        retest_due: bool,
    ) -> Result<ProgressFacts> {
        let Some(saved) = self.latest_assessment()? else {
            return Ok(ProgressFacts { pain_improved: true, retest_due, ..ProgressFacts::default() });
        };
        let mornings = morning_pains(self.conn(), date.succ_opt().unwrap_or(date))?;
        progress_facts(self.conn(), &saved, &mornings, now, date, retest_due)
    }

    /// Restarts or steps down the doses after a new assessment (CLINICAL.md §8): called in the
    /// transaction that saves `new`, with the assessment before it and whether a check-in since
    /// that one stopped the routine.
    pub(super) fn after_assessment(
        tx: &Transaction<'_>,
        previous: Option<&SavedAssessment>,
        new: &SavedAssessment,
        stopped: bool,
        date: NaiveDate,
    ) -> Result<()> {
        let restart = restart_reason(previous.map(|p| &p.result), &new.result);
        if restart.is_none() && !stopped {
            return Ok(());
        }
        let reason = restart.unwrap_or(RESUME_AFTER_STOP);
        for track in stored_tracks(tx)? {
            let Some(mut state) = read_state(tx, track)? else { continue };
            state.profile = profile(new);
            let target =
                step_after_assessment(state.step, start_step(track, new), restart.is_some(), stopped);
            match state.lower_to(target, date, reason) {
                Some(change) => save_change(tx, &mut state, &change, new.taken_at, date)?,
                None => save_state(tx, &state)?,
            }
        }
        Ok(())
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

    pub fn track_state(&self, track: Track) -> Result<Option<TrackState>> {
        read_state(self.conn(), track)
    }

    /// The latest decision per track: one index seek per track (there are at most a few dozen),
    /// never a pass over years of decisions.
    pub fn latest_changes(&self) -> Result<BTreeMap<Track, DoseChangeNote>> {
        let mut latest = self.conn().prepare_cached(
            "SELECT decision, reason, local_date FROM dose_change WHERE track = ?1
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
                    DoseChangeNote {
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
    pub fn dose_change_history(&self, limit: i32) -> Result<Vec<(DateTime<Utc>, DoseChange)>> {
        let limit = crate::validate::in_range("limit", limit, 1, 10_000)?;
        self.dose_changes(true, limit.into())?
            .into_iter()
            .map(|e| {
                let track = Track::parse(&e.track).ok_or(Error::Corrupt)?;
                Ok((e.at, DoseChange { track, decision: e.decision, from: e.from, to: e.to, reason: e.reason }))
            })
            .collect()
    }

    /// Stored decisions as records, oldest or newest first, at most `limit` (-1: all).
    pub(super) fn dose_changes(
        &self,
        newest_first: bool,
        limit: i64,
    ) -> Result<Vec<DoseChangeRecord>> {
        let mut events = Vec::new();
        self.each_dose_change(newest_first, limit, &mut |e| {
            events.push(e);
            Ok(())
        })?;
        Ok(events)
    }

    /// [`Store::dose_changes`], one at a time.
    pub(super) fn each_dose_change(
        &self,
        newest_first: bool,
        limit: i64,
        each: &mut dyn FnMut(DoseChangeRecord) -> Result<()>,
    ) -> Result<()> {
        let sql = if newest_first {
            "SELECT id, at_ms, local_date, track, decision, from_step, to_step, reason FROM dose_change
             ORDER BY at_ms DESC, id DESC LIMIT ?1"
        } else {
            "SELECT id, at_ms, local_date, track, decision, from_step, to_step, reason FROM dose_change
             ORDER BY at_ms, id LIMIT ?1"
        };
        let mut stmt = self.conn().prepare_cached(sql)?;
        let mut rows = stmt.query([limit])?;
        while let Some(r) = rows.next()? {
            let (from, to): (String, String) = (r.get(5)?, r.get(6)?);
            each(DoseChangeRecord {
                id: r.get(0)?,
                at: from_millis(r.get(1)?)?,
                local_date: parse_date(&r.get::<_, String>(2)?)?,
                track: r.get(3)?,
                decision: Decision::parse("decision", &r.get::<_, String>(4)?).map_err(|_| Error::Corrupt)?,
                from: serde_json::from_str(&from).map_err(|_| Error::Corrupt)?,
                to: serde_json::from_str(&to).map_err(|_| Error::Corrupt)?,
                reason: r.get(7)?,
            })?;
        }
        Ok(())
    }

    /// Slots checked in on a local date, with whether symptoms spread.
    pub fn checkins_on(&self, date: NaiveDate) -> Result<Vec<(i32, Uuid)>> {
        let mut stmt =
            self.conn().prepare_cached("SELECT session, id FROM checkin WHERE local_date = ?1 ORDER BY session")?;
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

    /// Whether a check-in since `latest` reported spreading symptoms, new numbness or weakness,
    /// or leg symptoms from a stretch: all recorded as `symptoms_spread` (CLINICAL.md §8).
    pub fn stopped_since(&self, latest: Option<&SavedAssessment>) -> Result<bool> {
        latest.map_or(Ok(false), |s| self.spread_since(s.taken_at))
    }

    /// The plan's status now (CLINICAL.md §8), from the latest assessment and the check-ins since.
    pub fn plan_status(&self) -> Result<PlanStatus> {
        let latest = self.latest_assessment()?;
        Ok(plan_status(latest.as_ref().map(|s| &s.result), self.stopped_since(latest.as_ref())?))
    }

    /// The assessment a check-in is judged by: the latest, and the plan must be `active`.
    fn plan_assessment(&self) -> Result<SavedAssessment> {
        let latest = self.latest_assessment()?;
        let status = plan_status(latest.as_ref().map(|s| &s.result), self.stopped_since(latest.as_ref())?);
        match latest {
            Some(saved) if status == PlanStatus::Active => Ok(saved),
            _ => Err(status.refusal()),
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
