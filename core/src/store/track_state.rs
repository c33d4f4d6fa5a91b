//! The `track_state` rows: where each track's dose stands.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::columns::{date, date_text, text};
use crate::routine::dose::Track;
use crate::routine::progression::TrackState;
use crate::{Error, Result};

/// Writes where a track stands: replacing the stored row (`replace`, live use), or only when
/// the track has none yet (a restore never overwrites). Returns whether it was written. The
/// one writer of `track_state`. `settled_greens` is no longer used by the rules: live use
/// writes 0, a restore what the file holds.
pub(crate) fn save(
    conn: &Connection,
    state: &TrackState,
    settled_greens: i32,
    replace: bool,
) -> Result<bool> {
    let sql = if replace {
        "INSERT INTO track_state (track, step, settled_greens, reds_in_row, hold_until) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (track) DO UPDATE SET step = ?2, settled_greens = ?3, reds_in_row = ?4, hold_until = ?5"
    } else {
        "INSERT INTO track_state (track, step, settled_greens, reds_in_row, hold_until) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (track) DO NOTHING"
    };
    let step = i64::try_from(state.step).map_err(|_| Error::Internal("a dose step beyond i64"))?;
    Ok(conn.prepare_cached(sql)?.execute(params![
        state.track.key(),
        step,
        settled_greens,
        state.reds_in_row,
        state.hold_until.map(date_text)
    ])? == 1)
}

/// Where one track stands, if it has started.
pub(crate) fn get(conn: &Connection, track: Track) -> Result<Option<TrackState>> {
    let row = conn
        .prepare_cached("SELECT step, reds_in_row, hold_until FROM track_state WHERE track = ?1")?
        .query_row([track.key()], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i32>(1)?, r.get::<_, Option<String>>(2)?))
        })
        .optional()?;
    row.map(|(step, reds_in_row, hold)| {
        Ok(TrackState {
            step: step_index(step)?,
            reds_in_row,
            hold_until: hold.as_deref().map(date).transpose()?,
            ..TrackState::new(track, 0)
        })
    })
    .transpose()
}

/// Every started track's step.
pub(crate) fn steps(conn: &Connection) -> Result<BTreeMap<Track, usize>> {
    let mut stmt = conn.prepare_cached("SELECT track, step FROM track_state")?;
    let mut rows = stmt.query([])?;
    let mut map = BTreeMap::new();
    while let Some(r) = rows.next()? {
        map.insert(Track::parse(text(r, 0)?).ok_or(Error::Corrupt)?, step_index(r.get(1)?)?);
    }
    Ok(map)
}

/// Where a started track stands, as [`standings`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Standing {
    /// Its step on its dose line.
    pub step: usize,
    /// Red sessions in a row.
    pub reds_in_row: i32,
}

/// Every started track's step and red sessions in a row, in one read.
pub(crate) fn standings(conn: &Connection) -> Result<BTreeMap<Track, Standing>> {
    let mut stmt = conn.prepare_cached("SELECT track, step, reds_in_row FROM track_state")?;
    let mut rows = stmt.query([])?;
    let mut map = BTreeMap::new();
    while let Some(r) = rows.next()? {
        let standing = Standing { step: step_index(r.get(1)?)?, reds_in_row: r.get(2)? };
        map.insert(Track::parse(text(r, 0)?).ok_or(Error::Corrupt)?, standing);
    }
    Ok(map)
}

/// Every track's state with its stored `settled_greens`, by track, one at a time.
pub(crate) fn each(conn: &Connection, each: &mut dyn FnMut(TrackState, i32) -> Result<()>) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT track, step, settled_greens, reds_in_row, hold_until FROM track_state ORDER BY track",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let hold_until: Option<String> = r.get(4)?;
        let state = TrackState {
            step: step_index(r.get(1)?)?,
            reds_in_row: r.get(3)?,
            hold_until: hold_until.as_deref().map(date).transpose()?,
            ..TrackState::new(Track::parse(text(r, 0)?).ok_or(Error::Corrupt)?, 0)
        };
        each(state, r.get(2)?)?;
    }
    Ok(())
}

pub(crate) fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM track_state", [], |r| r.get(0))?)
}

/// A stored step: an index on the track's dose line, never negative.
fn step_index(step: i64) -> Result<usize> {
    usize::try_from(step).map_err(|_| Error::Corrupt)
}
