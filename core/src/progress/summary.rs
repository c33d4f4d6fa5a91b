//! The progress summary over a range of local dates, and its rules.
//!
//! - Daily pain: mean, lowest, highest and count of the entries of each local day, where an
//!   entry's day is its own date at the offset stored with it (a log made at 23:30 in New York
//!   stays on that New York day after a flight to London).
//! - 7-day rolling mean: for each day with entries, the mean of the daily means of the days
//!   with entries in the 7 days ending that day. Days count once however many entries they
//!   have, so a bad day logged ten times does not outweigh six quiet ones.
//! - Baseline: the mean of the daily means of the first 7 days with entries in the range;
//!   recent: the same for the last 7. They are compared only once they do not overlap (14 days
//!   with entries) **\[D\]**.
//! - A fall of at least 2 points or at least 30 % of the baseline is clinically meaningful
//!   **[E: Farrar 2001; CLINICAL.md §6]**. Means are rounded to 2 decimals first, so the rule
//!   agrees with the numbers people see.
//! - Sessions per ISO week (Monday to Sunday) from the adherence rules of
//!   [`mod@crate::schedule::adherence`]; today counts only the sessions already done, since it
//!   is not over yet.

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::decimal_text::fixed;
use super::labels::{day_text, series_name, value_text};
use crate::assessment::history::{MeasuredTest, MeasurementPoint, real_change_threshold};
use crate::pain::Side;
use crate::schedule::DayAdherence;

/// Days with entries in the baseline and in the recent window.
pub const WINDOW_DAYS: usize = 7;
/// \[D\] Days with entries needed before the first and last week are compared: two whole
/// windows, so they never share a day.
pub const MIN_DAYS_FOR_CHANGE: usize = 2 * WINDOW_DAYS;
/// [E: Farrar 2001] A fall of this many points on the 0-10 scale is meaningful...
pub const MEANINGFUL_FALL_POINTS: f64 = 2.0;
/// ...and so is a fall of this share of the baseline.
pub const MEANINGFUL_FALL_SHARE: f64 = 0.30;
/// Rounding noise allowed when comparing with the thresholds above.
const EPSILON: f64 = 1e-9;

/// One local day's pain entries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DailyPain {
    /// The local date.
    pub date: NaiveDate,
    /// 0-10, rounded to 2 decimals.
    pub mean: f64,
    /// Lowest entry that day, 0-10.
    pub min: i32,
    /// Highest entry that day, 0-10.
    pub max: i32,
    /// Entries that day.
    pub count: i32,
    /// The mean of the daily means of the days with entries in the 7 days ending `date`.
    pub rolling_mean_7d: f64,
}

/// Seven days with entries (or fewer, early on) and their mean pain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PainWindow {
    /// The window's first day with entries.
    pub first_day: NaiveDate,
    /// The window's last day with entries.
    pub last_day: NaiveDate,
    /// Days with entries in the window, 1-7.
    pub days: i32,
    /// The mean of the daily means, rounded to 2 decimals.
    pub mean: f64,
}

/// The last 7 days with entries against the first 7.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PainChange {
    /// The first 7 days with entries.
    pub baseline: PainWindow,
    /// The last 7 days with entries (not overlapping the baseline).
    pub recent: PainWindow,
    /// recent − baseline in points: negative is a fall (better).
    pub points: f64,
    /// The same as a percentage of the baseline, 1 decimal; `None` when the baseline is 0.
    pub percent: Option<f64>,
    /// A fall of at least 2 points or 30 % (Farrar 2001).
    pub meaningful: bool,
}

/// Sessions planned and done in one ISO week (Monday to Sunday), counting only the days of the
/// range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekAdherence {
    /// The Monday.
    pub week_start: NaiveDate,
    /// The ISO week-numbering year (may differ from `week_start`'s year around New Year).
    pub iso_year: i32,
    /// The ISO week number, 1-53.
    pub iso_week: i32,
    /// Sessions planned in the range's days of that week; today counts only the sessions done.
    pub planned: i32,
    /// Sessions done, at most `planned` per day.
    pub done: i32,
    /// done / planned as a whole percentage; `None` when nothing was planned.
    pub percent: Option<i32>,
}

/// Pain, sessions and measurements over a range of local dates, with the rules of the module
/// docs; the same numbers the report, the chart and the shells show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressSummary {
    /// The first local date covered (inclusive).
    pub from: NaiveDate,
    /// The last local date covered (inclusive).
    pub to: NaiveDate,
    /// The IANA zone the range and today were read in.
    pub time_zone: String,
    /// When it was computed.
    pub generated_at: DateTime<Utc>,
    /// Pain entries in the range.
    pub pain_entries: i32,
    /// Days with entries, oldest first.
    pub days: Vec<DailyPain>,
    /// The first 7 days with entries; `None` without entries.
    pub baseline: Option<PainWindow>,
    /// The last 7 days with entries against the baseline, once there are 14 days with entries.
    pub change: Option<PainChange>,
    /// Every ISO week touching the range up to today, oldest first.
    pub weeks: Vec<WeekAdherence>,
    /// Sessions planned over the range, the sum of `weeks`.
    pub sessions_planned: i32,
    /// Sessions done over the range, the sum of `weeks`.
    pub sessions_done: i32,
    /// Straight leg raise, degrees, oldest first; `change` and `real_change` are against the
    /// previous measurement of the same side (CLINICAL.md §1).
    pub slr: Vec<MeasurementPoint>,
    /// Active knee extension, degrees short of straight.
    pub ake: Vec<MeasurementPoint>,
    /// Single-leg bridge, repetitions.
    pub bridge: Vec<MeasurementPoint>,
    /// All of the above in plain words, for screen readers and the report.
    pub description: String,
}

impl ProgressSummary {
    /// Nothing to show: no pain, no planned or done sessions, no measurements.
    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
            && self.sessions_planned == 0
            && self.sessions_done == 0
            && self.slr.is_empty()
            && self.ake.is_empty()
            && self.bridge.is_empty()
    }
}

/// One local day as the daily aggregate query returns it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DayRow {
    pub date: NaiveDate,
    pub mean: f64,
    pub min: i32,
    pub max: i32,
    pub count: i32,
}

/// What the store found for a range.
pub(crate) struct Inputs {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub time_zone: String,
    pub generated_at: DateTime<Utc>,
    /// Oldest first; may start up to 6 days before `from` for the rolling mean.
    pub days: Vec<DayRow>,
    /// The range's days up to today, oldest first.
    pub adherence: Vec<DayAdherence>,
    pub slr: Vec<MeasurementPoint>,
    pub ake: Vec<MeasurementPoint>,
    pub bridge: Vec<MeasurementPoint>,
}

pub(crate) fn build(input: Inputs) -> ProgressSummary {
    let days = daily(&input.days, input.from, input.to);
    let baseline = window(days.iter().take(WINDOW_DAYS));
    let change = (days.len() >= MIN_DAYS_FOR_CHANGE)
        .then(|| {
            let recent = window(days.iter().rev().take(WINDOW_DAYS).rev())?;
            Some(compare(baseline.clone()?, recent))
        })
        .flatten();
    let weeks = weekly(&input.adherence);
    let mut summary = ProgressSummary {
        from: input.from,
        to: input.to,
        time_zone: input.time_zone,
        generated_at: input.generated_at,
        pain_entries: days.iter().map(|d| d.count).sum(),
        sessions_planned: weeks.iter().map(|w| w.planned).sum(),
        sessions_done: weeks.iter().map(|w| w.done).sum(),
        days,
        baseline,
        change,
        weeks,
        slr: input.slr,
        ake: input.ake,
        bridge: input.bridge,
        description: String::new(),
    };
    summary.description = describe(&summary);
    summary
}

/// Whether a change from `baseline` to `recent` (daily-mean pain, 0-10) is a meaningful fall.
pub fn meaningful_fall(baseline: f64, recent: f64) -> bool {
    let fall = baseline - recent;
    fall > EPSILON
        && (fall >= MEANINGFUL_FALL_POINTS - EPSILON
            || (baseline > 0.0 && fall / baseline >= MEANINGFUL_FALL_SHARE - EPSILON))
}

pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The days of the range with their rolling means (which also look at the 6 days before it).
fn daily(rows: &[DayRow], from: NaiveDate, to: NaiveDate) -> Vec<DailyPain> {
    let mut out = Vec::new();
    let (mut start, mut sum) = (0, 0.0);
    for (i, row) in rows.iter().enumerate() {
        sum += row.mean;
        let first = row.date.checked_sub_days(Days::new(WINDOW_DAYS as u64 - 1)).unwrap_or(row.date);
        while rows[start].date < first {
            sum -= rows[start].mean;
            start += 1;
        }
        if (from..=to).contains(&row.date) {
            out.push(DailyPain {
                date: row.date,
                mean: round2(row.mean),
                min: row.min,
                max: row.max,
                count: row.count,
                rolling_mean_7d: round2(sum / (i + 1 - start) as f64),
            });
        }
    }
    out
}

fn window<'a>(days: impl Iterator<Item = &'a DailyPain>) -> Option<PainWindow> {
    let days: Vec<_> = days.collect();
    let (first, last) = (days.first()?, days.last()?);
    Some(PainWindow {
        first_day: first.date,
        last_day: last.date,
        days: days.len() as i32,
        mean: round2(days.iter().map(|d| d.mean).sum::<f64>() / days.len() as f64),
    })
}

fn compare(baseline: PainWindow, recent: PainWindow) -> PainChange {
    let points = round2(recent.mean - baseline.mean);
    PainChange {
        percent: (baseline.mean > 0.0).then(|| round1(points / baseline.mean * 100.0)),
        meaningful: meaningful_fall(baseline.mean, recent.mean),
        points,
        baseline,
        recent,
    }
}

fn weekly(days: &[DayAdherence]) -> Vec<WeekAdherence> {
    let mut weeks: Vec<WeekAdherence> = Vec::new();
    let mut current: Option<WeekAdherence> = None;
    for day in days {
        let iso = day.date.iso_week();
        let week_start = day
            .date
            .checked_sub_days(Days::new(u64::from(day.date.weekday().num_days_from_monday())))
            .unwrap_or(day.date);
        if current.as_ref().is_some_and(|w| w.week_start != week_start) {
            weeks.extend(current.take());
        }
        let week = current.get_or_insert_with(|| WeekAdherence {
            week_start,
            iso_year: iso.year(),
            iso_week: iso.week() as i32,
            planned: 0,
            done: 0,
            percent: None,
        });
        // Today's open sessions are not missed yet.
        week.planned += if day.in_progress { day.done } else { day.planned };
        week.done += day.done.min(day.planned);
    }
    weeks.extend(current);
    for w in &mut weeks {
        w.percent =
            (w.planned > 0).then(|| (f64::from(w.done) * 100.0 / f64::from(w.planned)).round() as i32);
    }
    weeks
}

/// The summary in plain words.
fn describe(s: &ProgressSummary) -> String {
    let period = format!("{} to {}", day_text(s.from), day_text(s.to));
    if s.is_empty() {
        return format!(
            "Nothing logged yet from {period}. Log your pain and check in after your sessions, and \
             your progress will show here."
        );
    }
    let mut text = vec![format!("From {period}.")];
    text.push(pain_sentence(s));
    text.push(sessions_sentence(s));
    for (test, points) in
        [(MeasuredTest::Slr, &s.slr), (MeasuredTest::Ake, &s.ake), (MeasuredTest::Bridge, &s.bridge)]
    {
        if let Some(sentence) = series_sentence(test, points) {
            text.push(sentence);
        }
    }
    text.join(" ")
}

fn pain_sentence(s: &ProgressSummary) -> String {
    let times = match s.pain_entries {
        1 => "once".to_owned(),
        n => format!("{n} times"),
    };
    let logged = format!("Pain was logged {times} on {}.", plural(s.days.len(), "day", "days"));
    let Some(baseline) = &s.baseline else {
        return "No pain was logged in this period.".to_owned();
    };
    let Some(change) = &s.change else {
        return format!(
            "{logged} Average pain in your first week of logging was {} out of 10; with pain logged \
             on at least {MIN_DAYS_FOR_CHANGE} days, Limber compares your latest week with it.",
            fixed(baseline.mean, 1)
        );
    };
    let (b, r) = (fixed(change.baseline.mean, 1), fixed(change.recent.mean, 1));
    let share = change.percent.map(|p| format!(" ({}%)", fixed(p.abs(), 0))).unwrap_or_default();
    let verdict = if change.points < 0.0 {
        if change.meaningful {
            format!("a fall of {} points{share}, a meaningful change.", fixed(-change.points, 1))
        } else {
            format!(
                "a fall of {} points{share}, not yet a meaningful change (that takes a fall of 2 points \
                 or 30%).",
                fixed(-change.points, 1)
            )
        }
    } else if change.points > 0.0 {
        format!("a rise of {} points{share}.", fixed(change.points, 1))
    } else {
        "no change.".to_owned()
    };
    let moved = if change.points < 0.0 {
        "fell"
    } else if change.points > 0.0 {
        "rose"
    } else {
        "stayed"
    };
    format!(
        "{logged} Average pain {moved} from {b} out of 10 in your first week of logging to {r} in your \
         latest week, {verdict}"
    )
}

fn sessions_sentence(s: &ProgressSummary) -> String {
    if s.sessions_planned == 0 {
        return if s.sessions_done > 0 {
            format!("You did {} on rest days.", plural(s.sessions_done as usize, "session", "sessions"))
        } else {
            "No exercise sessions were planned in this period.".to_owned()
        };
    }
    let percent = fixed((f64::from(s.sessions_done) * 100.0 / f64::from(s.sessions_planned)).round(), 0);
    let mut text =
        format!("You did {} of {} planned sessions ({percent}%).", s.sessions_done, s.sessions_planned);
    if let Some(week) = s.weeks.iter().rev().find(|w| w.planned > 0) {
        text.push_str(&format!(
            " In the week of {}: {} of {}.",
            day_text(week.week_start),
            week.done,
            week.planned
        ));
    }
    text
}

/// First and last measurement of each side in the range, and whether the difference is past
/// the real-change threshold (CLINICAL.md §1).
fn series_sentence(test: MeasuredTest, points: &[MeasurementPoint]) -> Option<String> {
    let mut parts = Vec::new();
    for side in [Side::Left, Side::Right] {
        let mine: Vec<_> = points.iter().filter(|p| p.side == side).collect();
        let (Some(first), Some(last)) = (mine.first(), mine.last()) else { continue };
        let side_name = if side == Side::Left { "left" } else { "right" };
        if mine.len() == 1 {
            parts.push(format!("{side_name} {}", value_text(test, first.value)));
            continue;
        }
        let threshold = real_change_threshold(test, first.measured_by, last.measured_by);
        let verdict = if (last.value - first.value).abs() >= threshold {
            "a real change"
        } else {
            "within the normal variation of the test"
        };
        parts.push(format!(
            "{side_name} {} to {}, {verdict}",
            value_text(test, first.value),
            value_text(test, last.value)
        ));
    }
    (!parts.is_empty()).then(|| format!("{}: {}.", series_name(test), parts.join("; ")))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}
