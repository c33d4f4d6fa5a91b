//! Where each track stands (`track_state`) and the decisions made about it
//! (`dose_change`): load and save only.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::assessment::history::SavedAssessment;
use crate::catalog::Equipment;
use crate::ids::new_id;
use crate::routine::dose::{Step, Track};
use crate::routine::plan::{effective_step, profile};
use crate::routine::progression::{DoseChange, Light, TrackState};
use crate::timestamp::to_millis;
use crate::{Error, Result};

pub(super) fn read_state(conn: &rusqlite::Connection, track: Track) -> Result<Option<TrackState>> {
    let row = conn
        .prepare_cached("SELECT step, reds_in_row, hold_until FROM track_state WHERE track = ?1")?
        .query_row([track.key()], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i32>(1)?, r.get::<_, Option<String>>(2)?))
        })
        .optional()?;
    row.map(|(step, reds_in_row, hold)| {
        Ok(TrackState {
            step: usize::try_from(step).map_err(|_| Error::Corrupt)?,
            reds_in_row,
            hold_until: hold.as_deref().map(parse_date).transpose()?,
            ..TrackState::new(track, 0)
        })
    })
    .transpose()
}

pub(super) fn stored_tracks(conn: &rusqlite::Connection) -> Result<Vec<Track>> {
    let mut stmt = conn.prepare_cached("SELECT track FROM track_state")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    rows.map(|key| Track::parse(&key?).ok_or(Error::Corrupt)).collect()
}

/// A track's state, at the step the plan really shows for this assessment and equipment.
pub(super) fn load_state(
    tx: &Transaction<'_>,
    track: Track,
    saved: &SavedAssessment,
    equipment: &[Equipment],
) -> Result<TrackState> {
    let stored = read_state(tx, track)?;
    let step = effective_step(track, saved, equipment, stored.as_ref().map(|s| s.step));
    let mut state = stored.unwrap_or_else(|| TrackState::new(track, step));
    state.step = step;
    state.profile = profile(saved);
    Ok(state)
}

pub(super) fn save_state(tx: &Transaction<'_>, s: &TrackState) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO track_state (track, step, settled_greens, reds_in_row, hold_until) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (track) DO UPDATE SET step = ?2, settled_greens = ?3, reds_in_row = ?4, hold_until = ?5",
    )?
    // `settled_greens` is no longer kept: the rules read the sessions themselves.
    .execute(params![s.track.key(), s.step as i64, 0, s.reds_in_row, s.hold_until.map(|d| d.to_string())])?;
    Ok(())
}

pub(super) fn save_change(
    tx: &Transaction<'_>,
    state: &mut TrackState,
    change: &DoseChange,
    at: DateTime<Utc>,
    date: NaiveDate,
) -> Result<()> {
    save_state(tx, state)?;
    let json = |step: &Step| serde_json::to_string(step).map_err(|_| Error::Internal("encoding a dose step"));
    tx.prepare_cached(
        "INSERT INTO dose_change (id, at_ms, local_date, track, decision, from_step, to_step, reason)
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

/// The lights of each track's sessions on a date (a too-painful skip is a red).
pub(super) fn lights_on(tx: &Transaction<'_>, date: NaiveDate) -> Result<BTreeMap<Track, Vec<Light>>> {
    let mut stmt = tx.prepare_cached(
        "SELECT e.track, e.light FROM checkin_exercise e JOIN checkin c ON c.id = e.checkin_id
         WHERE c.local_date = ?1 AND e.light IS NOT NULL",
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

/// A stored local date, `YYYY-MM-DD`.
pub(super) fn parse_date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| Error::Corrupt)
}
