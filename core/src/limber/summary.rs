//! The progress summary's facts: pain per local day, sessions planned and done, the
//! measurement series, and when a plan was in force. The summary itself is
//! `crate::progress::summary`.

use crate::zone::Zone;
use chrono::{DateTime, Days, NaiveDate, Utc};

use super::cached;
use crate::assessment::history::mark_changes;
use crate::progress::backup::check_date;
use crate::progress::summary::{self, Inputs, ProgressSummary};
use crate::schedule::{self, DayAdherence, History, ReminderSettings, adherence::MAX_DAYS};
use crate::store::{Db, assessment, check_in, pain};
use crate::timestamp::{check_instant, from_millis};
use crate::zone::{local_date, parse_tz, start_of_day};
use crate::{Error, Result};

pub(super) fn progress_summary(
    db: &Db,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    now: DateTime<Utc>,
    time_zone: &str,
) -> Result<ProgressSummary> {
    let tz = parse_tz("time_zone", time_zone)?;
    let now = check_instant("now", now)?;
    let from = from.map(|d| check_date("from", d)).transpose()?;
    let to = to.map(|d| check_date("to", d)).transpose()?;
    let today = local_date(tz, now);
    let to = to.unwrap_or(today);
    let from = match from {
        Some(from) => from,
        None => first_day(db, tz)?.map_or(to, |first| first.min(to)),
    };
    if from > to {
        return Err(Error::invalid("from", "a date on or before `to`"));
    }
    // The range as instants: cheaper than a local date per measurement.
    let (start, end) = (start_of_day(tz, from), to.succ_opt().map(|next| start_of_day(tz, next)));
    let in_range = |at: DateTime<Utc>| at >= start && end.is_none_or(|end| at < end);
    let [slr, ake, bridge] = assessment::all_series(db.conn())?.map(|mut points| {
        mark_changes(&mut points);
        points.into_iter().filter(|p| in_range(p.taken_at)).collect()
    });
    let lookback = from.checked_sub_days(Days::new(summary::WINDOW_DAYS as u64 - 1)).unwrap_or(from);
    Ok(summary::build(Inputs {
        from,
        to,
        time_zone: tz.name().to_owned(),
        generated_at: now,
        days: pain::daily(db.conn(), lookback, to)?,
        adherence: adherence_days(db, tz, from, to.min(today), today)?,
        slr,
        ake,
        bridge,
    }))
}

/// The local date of the first thing recorded: a pain entry (at its own offset), a check-in
/// or an assessment.
fn first_day(db: &Db, tz: Zone) -> Result<Option<NaiveDate>> {
    let conn = db.conn();
    let assessed = assessment::first_taken_ms(conn)?
        .map(|ms| from_millis(ms).map(|at| local_date(tz, at)))
        .transpose()?;
    Ok([assessed, pain::first_day(conn)?, check_in::first_date(conn)?].into_iter().flatten().min())
}

/// Sessions planned and done on each local day of `from..=end` by the rules of
/// [`mod@crate::schedule::adherence`], in chunks of at most a year, each seeded with the plan
/// in force when it starts (so ten years cost ten years, not ten times ten).
fn adherence_days(
    db: &Db,
    tz: Zone,
    from: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<DayAdherence>> {
    if end < from {
        return Ok(Vec::new());
    }
    // Days are counted in the zone asked for: a date it skipped is not a day.
    let settings = ReminderSettings { time_zone: tz.name().to_owned(), ..cached::reminder_settings(db)? };
    let sessions_per_day = cached::routine_settings(db)?.sessions_per_day() as i32;
    let plan_from = plan_changes(db, tz)?;
    let checked_in = check_in::sessions_between(db.conn(), Some(from), Some(end))?;
    let mut days = Vec::new();
    let mut start = from;
    while start <= end {
        let last = start.checked_add_days(Days::new(MAX_DAYS as u64 - 1)).map_or(end, |d| d.min(end));
        let in_force = plan_from.iter().take_while(|(d, _)| *d <= start).last().map(|(_, allowed)| *allowed);
        let history = History {
            sessions_per_day,
            plan_from: in_force
                .map(|allowed| (start, allowed))
                .into_iter()
                .chain(plan_from.iter().copied().filter(|(d, _)| *d > start && *d <= last))
                .collect(),
            checked_in: checked_in.range((start, i32::MIN)..=(last, i32::MAX)).copied().collect(),
        };
        let span = (last - start).num_days() as i32 + 1;
        let chunk = schedule::adherence(&settings, &history, last, span)?;
        days.extend(
            chunk
                .days
                .into_iter()
                .map(|d| DayAdherence { in_progress: d.in_progress && d.date == today, ..d }),
        );
        match last.succ_opt() {
            Some(next) => start = next,
            None => break,
        }
    }
    Ok(days)
}

/// From each date on, whether a plan was in force, for adherence and streaks: an assessment
/// counts from the day after it was taken (its `plan_allowed`), and a check-in that stopped
/// the plan (CLINICAL.md §8, `paused_stop`) plans nothing from the day after it until the next
/// assessment, so following the stop never breaks a streak. Oldest first by instant, so the
/// latest of a day wins. The one reader for both the summary and the adherence.
pub(super) fn plan_changes(db: &Db, tz: Zone) -> Result<Vec<(NaiveDate, bool)>> {
    let mut events = cached::plan_allowed(db)?.to_vec();
    for ms in check_in::spread_times_ms(db.conn())? {
        events.push((ms, false));
    }
    // Stable: an assessment and a stop at the same instant keep the assessment first.
    crate::sort::sort_by_key(&mut events, |(ms, _)| *ms);
    let mut changes = Vec::with_capacity(events.len());
    for (ms, allowed) in events {
        if let Some(day) = local_date(tz, from_millis(ms)?).succ_opt() {
            changes.push((day, allowed));
        }
    }
    Ok(changes)
}
