//! The pain log: entries added, changed, deleted and listed page by page.

use uuid::Uuid;

use crate::ids::{new_id, parse_id, parse_uuid};
use crate::pain::{MAX_PAGE, PainEntry, PainInput, PainPage, PainQuery};
use crate::store::{Db, pain};
use crate::timestamp::to_millis;
use crate::validate::in_range;
use crate::{Error, Result};

const WHAT: &str = "pain entry";

pub(super) fn add(db: &mut Db, input: PainInput) -> Result<PainEntry> {
    let entry = input.validate()?.into_entry(new_id());
    db.write_records(|tx| pain::insert(tx, &entry).map(drop))?;
    Ok(entry)
}

pub(super) fn update(db: &mut Db, id: &str, input: PainInput) -> Result<PainEntry> {
    let id = parse_id("id", id)?;
    let entry = input.validate()?.into_entry(id);
    db.write_records(
        |tx| if pain::update(tx, &entry)? { Ok(()) } else { Err(Error::NotFound { what: WHAT }) },
    )?;
    Ok(entry)
}

pub(super) fn delete(db: &mut Db, id: &str) -> Result<()> {
    let id = parse_id("id", id)?;
    db.write_records(|tx| if pain::delete(tx, id)? { Ok(()) } else { Err(Error::NotFound { what: WHAT }) })
}

pub(super) fn get(db: &Db, id: &str) -> Result<PainEntry> {
    let id = parse_id("id", id)?;
    pain::get(db.conn(), id)?.ok_or(Error::NotFound { what: WHAT })
}

pub(super) fn list(db: &Db, query: &PainQuery) -> Result<PainPage> {
    let limit = in_range("limit", query.limit, 1, MAX_PAGE)?;
    let before = match &query.cursor {
        Some(cursor) => parse_cursor(cursor)?,
        None => (i64::MAX, Uuid::max()),
    };
    let range = (query.from.map_or(i64::MIN, to_millis), query.to.map_or(i64::MAX, to_millis));
    // One more than asked: whether there is a next page.
    let mut entries = pain::page(db.conn(), range, before, i64::from(limit) + 1)?;
    let next_cursor = if entries.len() > limit as usize {
        entries.truncate(limit as usize);
        entries.last().map(cursor_of)
    } else {
        None
    };
    Ok(PainPage { entries, next_cursor })
}

fn cursor_of(entry: &PainEntry) -> String {
    format!("{}_{}", to_millis(entry.recorded_at), entry.id.simple())
}

fn parse_cursor(cursor: &str) -> Result<(i64, Uuid)> {
    let bad = || Error::invalid("cursor", "a next_cursor value returned by the previous page");
    let (ms, id) = cursor.split_once('_').ok_or_else(bad)?;
    Ok((ms.parse().map_err(|_| bad())?, parse_uuid(id).ok_or_else(bad)?))
}
