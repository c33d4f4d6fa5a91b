//! What the progress summary reads: pain per local day in one GROUP BY (so ten years stay
//! fast), the sessions planned and done per day, and the measurement series.

use std::collections::BTreeSet;

use chrono::{DateTime, Days, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::params;
use uuid::Uuid;

use super::Store;
use crate::assessment::answers::MeasuredBy;
use crate::assessment::history::{MeasuredTest, MeasurementPoint, mark_changes};
use crate::pain::Side;
use crate::progress::backup::check_date;
use crate::progress::summary::{self, DayRow, Inputs, ProgressSummary};
use crate::schedule::{self, DayAdherence, History, ReminderSettings, adherence::MAX_DAYS};
use crate::timestamp::{MAX_OFFSET_MINUTES, check_instant, from_millis, to_millis};
use crate::zone::{local_date, parse_tz, start_of_day};
use crate::{Error, Result};

/// Pain per local day; a day is the date at the entry's own stored offset, as a day number
/// since 1970-01-01 (integer arithmetic: SQLite's `date()` would cost more than the rest of the
/// query). `?1..?2` is a coarse UTC window (the range widened by the largest offset) that lets
/// the time index pick out a short range; days at its edges outside the range are dropped after.
const DAILY_PAIN_SQL: &str = "
SELECT (recorded_at_ms / 1000 + utc_offset_min * 60) / 86400 AS day,
       avg(level), min(level), max(level), count(*)
FROM pain_entry
WHERE recorded_at_ms >= ?1 AND recorded_at_ms < ?2
GROUP BY day
ORDER BY day";

/// The same, reading the table straight through (`+` keeps SQLite off the time index): for a
/// range covering most of the history, one pass over the table beats an index lookup per row.
const DAILY_PAIN_SCAN_SQL: &str = "
SELECT (recorded_at_ms / 1000 + utc_offset_min * 60) / 86400 AS day,
       avg(level), min(level), max(level), count(*)
FROM pain_entry
WHERE +recorded_at_ms >= ?1 AND +recorded_at_ms < ?2
GROUP BY day
ORDER BY day";

const MARGIN_MS: i64 = MAX_OFFSET_MINUTES as i64 * 60_000;

impl Store {
    /// Progress over the local dates `from..=to` (default: from the first record to today in
    /// `time_zone`); see [`mod@crate::progress::summary`] for the rules. Sessions follow the
    /// adherence rules with the exercise days of the reminder settings, with assessments and
    /// today read in `time_zone`. Errors name `from`, `to` (2000-01-01 to 2099-12-31; `from`
    /// after `to` names `from`), `time_zone` or `now`.
    pub fn progress_summary(
        &self,
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
            None => self.first_day(tz)?.map_or(to, |first| first.min(to)),
        };
        if from > to {
            return Err(Error::invalid("from", "a date on or before `to`"));
        }
        // The range as instants: cheaper than a local date per measurement.
        let (start, end) = (start_of_day(tz, from), to.succ_opt().map(|next| start_of_day(tz, next)));
        let in_range = |at: DateTime<Utc>| at >= start && end.is_none_or(|end| at < end);
        let [slr, ake, bridge] =
            self.all_series()?.map(|points| points.into_iter().filter(|p| in_range(p.taken_at)).collect());
        let lookback = from.checked_sub_days(Days::new(summary::WINDOW_DAYS as u64 - 1)).unwrap_or(from);
        Ok(summary::build(Inputs {
            from,
            to,
            time_zone: tz.name().to_owned(),
            generated_at: now,
            days: self.daily_pain(lookback, to)?,
            adherence: self.adherence_days(tz, from, to.min(today), today)?,
            slr,
            ake,
            bridge,
        }))
    }

    /// Pain per local day in `from..=to`, oldest first.
    pub(crate) fn daily_pain(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<DayRow>> {
        let start = to_millis(from.and_time(chrono::NaiveTime::MIN).and_utc()) - MARGIN_MS;
        let end = to_millis(to.and_time(chrono::NaiveTime::MIN).and_utc()) + 86_400_000 + MARGIN_MS;
        let (first, last): (Option<i64>, Option<i64>) = self.conn().query_row(
            "SELECT min(recorded_at_ms), max(recorded_at_ms) FROM pain_entry",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let (Some(first), Some(last)) = (first, last) else { return Ok(Vec::new()) };
        // [D] Scan when the range covers more than a third of the time with entries.
        let covered = end.min(last + 1) - start.max(first);
        let sql = if covered * 3 > last + 1 - first { DAILY_PAIN_SCAN_SQL } else { DAILY_PAIN_SQL };
        let mut stmt = self.conn().prepare_cached(sql)?;
        let rows = stmt.query_map(params![start, end], |r| {
            Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
        let mut days = Vec::new();
        for row in rows {
            let (day, mean, min, max, count) = row?;
            let date = epoch_day(day)?;
            if (from..=to).contains(&date) {
                days.push(DayRow { date, mean, min, max, count });
            }
        }
        Ok(days)
    }

    /// The SLR, knee-extension and bridge series, as [`Store::measurement_series`] gives each,
    /// from one pass over the table (three index walks cost more over ten years).
    fn all_series(&self) -> Result<[Vec<MeasurementPoint>; 3]> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT test, assessment_id, taken_at_ms, side, value, measured_by FROM measurement",
        )?;
        let rows = stmt.query_map([], |r| {
            // Read in place (no String per row): ten years are thousands of rows.
            let text = |i| r.get_ref(i).and_then(|v| v.as_str_or_null().map_err(Into::into));
            let point = (|| {
                let test = MeasuredTest::parse("test", text(0)?.unwrap_or_default());
                let side = Side::parse("side", text(3)?.unwrap_or_default());
                let by = text(5)?.map(|m| MeasuredBy::parse("measured_by", m)).transpose();
                Ok::<_, rusqlite::Error>((test, side, by))
            })()?;
            Ok((point, r.get::<_, Uuid>(1)?, r.get::<_, i64>(2)?, r.get::<_, i32>(4)?))
        })?;
        let mut series: [Vec<MeasurementPoint>; 3] = Default::default();
        for row in rows {
            let ((test, side, measured_by), assessment_id, ms, value) = row?;
            let (test, side, measured_by) = match (test, side, measured_by) {
                (Ok(test), Ok(side), Ok(by)) => (test, side, by),
                _ => return Err(Error::Corrupt),
            };
            series[test as usize].push(MeasurementPoint {
                assessment_id,
                taken_at: from_millis(ms)?,
                test,
                side,
                value,
                measured_by,
                change: None,
                real_change: false,
            });
        }
        for points in &mut series {
            // The order of `Store::measurement_series`.
            points.sort_by_key(|p| (p.taken_at, p.assessment_id, p.side.as_str()));
            mark_changes(points);
        }
        Ok(series)
    }

    /// The local date of the first thing recorded: a pain entry (at its own offset), a check-in
    /// or an assessment.
    fn first_day(&self, tz: Tz) -> Result<Option<NaiveDate>> {
        let conn = self.conn();
        // The earliest local date is within the offset margin of the earliest instant.
        let pain: Option<i64> = conn.query_row(
            "SELECT min((recorded_at_ms / 1000 + utc_offset_min * 60) / 86400) FROM pain_entry
             WHERE recorded_at_ms <= (SELECT min(recorded_at_ms) FROM pain_entry) + ?1",
            [2 * MARGIN_MS],
            |r| r.get(0),
        )?;
        let checkin: Option<String> =
            conn.query_row("SELECT min(local_date) FROM checkin", [], |r| r.get(0))?;
        let assessed: Option<i64> =
            conn.query_row("SELECT min(taken_at_ms) FROM assessment", [], |r| r.get(0))?;
        let assessed = assessed.map(|ms| from_millis(ms).map(|at| local_date(tz, at))).transpose()?;
        let pain = pain.map(epoch_day).transpose()?;
        let checkin = checkin.as_deref().map(parse_date).transpose()?;
        Ok([assessed, pain, checkin].into_iter().flatten().min())
    }

    /// Sessions planned and done on each local day of `from..=end` by the rules of
    /// [`mod@crate::schedule::adherence`], in chunks of at most a year, each seeded with the plan
    /// in force when it starts (so ten years cost ten years, not ten times ten).
    fn adherence_days(
        &self,
        tz: Tz,
        from: NaiveDate,
        end: NaiveDate,
        today: NaiveDate,
    ) -> Result<Vec<DayAdherence>> {
        if end < from {
            return Ok(Vec::new());
        }
        // Days are counted in the zone asked for: a date it skipped is not a day.
        let settings = ReminderSettings { time_zone: tz.name().to_owned(), ..self.reminder_settings()? };
        let sessions_per_day = self.routine_settings()?.sessions_per_day() as i32;
        let plan_from = self.plan_changes(tz)?;
        let checked_in = self.sessions_between(from, end)?;
        let mut days = Vec::new();
        let mut start = from;
        while start <= end {
            let last = start.checked_add_days(Days::new(MAX_DAYS as u64 - 1)).map_or(end, |d| d.min(end));
            let in_force =
                plan_from.iter().take_while(|(d, _)| *d <= start).last().map(|(_, allowed)| *allowed);
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
    /// latest of a day wins. The one reader for both the summary and [`Store::adherence`].
    pub(super) fn plan_changes(&self, tz: Tz) -> Result<Vec<(NaiveDate, bool)>> {
        // Our serialiser writes `"plan_allowed":true` at the top level (a quote inside a string
        // is escaped, so the text cannot occur there): finding it is much cheaper than parsing
        // every result, which ten years of assessments would otherwise cost. A result saved
        // before `missing` existed has another shape: it is judged again below, as the reader
        // does, or an old result without the safety answers would count as a plan here.
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, taken_at_ms, CASE WHEN instr(result_json, '\"missing\":') = 0 THEN NULL
             WHEN instr(result_json, '\"plan_allowed\":true') THEN 1
             WHEN instr(result_json, '\"plan_allowed\":false') THEN 0 END FROM assessment",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, uuid::Uuid>(0)?, r.get::<_, i64>(1)?, r.get::<_, Option<bool>>(2)?))
        })?;
        // In table order (one pass, no index lookups), sorted here.
        let mut rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        rows.sort_by_key(|(id, ms, _)| (*ms, *id));
        let mut events = Vec::with_capacity(rows.len());
        for (id, ms, allowed) in rows {
            // A result from another version's shape is judged again, as everywhere else.
            let allowed = match allowed {
                Some(allowed) => allowed,
                None => self.get_assessment(&id.to_string())?.result.plan_allowed,
            };
            events.push((ms, allowed));
        }
        let mut stops = self.conn().prepare_cached("SELECT at_ms FROM checkin WHERE symptoms_spread")?;
        for ms in stops.query_map([], |r| r.get::<_, i64>(0))? {
            events.push((ms?, false));
        }
        // Stable: an assessment and a stop at the same instant keep the assessment first.
        events.sort_by_key(|(ms, _)| *ms);
        let mut changes = Vec::with_capacity(events.len());
        for (ms, allowed) in events {
            if let Some(day) = local_date(tz, from_millis(ms)?).succ_opt() {
                changes.push((day, allowed));
            }
        }
        Ok(changes)
    }

    fn sessions_between(&self, from: NaiveDate, to: NaiveDate) -> Result<BTreeSet<(NaiveDate, i32)>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT local_date, session FROM checkin WHERE local_date BETWEEN ?1 AND ?2")?;
        // Read in place (no String per row): ten years are thousands of rows.
        let rows = stmt.query_map([from.to_string(), to.to_string()], |r| {
            Ok((parse_date(r.get_ref(0)?.as_str()?), r.get::<_, i32>(1)?))
        })?;
        rows.map(|row| {
            let (date, slot) = row?;
            Ok((date?, slot))
        })
        .collect()
    }
}

/// A day number since 1970-01-01 as a date.
fn epoch_day(day: i64) -> Result<NaiveDate> {
    const UNIX_EPOCH_FROM_CE: i64 = 719_163;
    i32::try_from(day + UNIX_EPOCH_FROM_CE)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or(Error::Corrupt)
}

/// Reads a stored `YYYY-MM-DD`; by hand, as ten years are thousands of them.
fn parse_date(text: &str) -> Result<NaiveDate> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b.get(r)?.iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    let date = (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
        .then(|| NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?))
        .flatten();
    date.ok_or(Error::Corrupt)
}
