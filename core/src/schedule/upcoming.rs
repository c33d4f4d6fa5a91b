//! The plan of upcoming reminders, computed from plain data so every rule can be tested
//! without a database. See the module doc of [`crate::schedule`] for the rules.

use std::cell::Cell;
use std::collections::BTreeSet;
use std::fmt::{self, Write};

use crate::zone::Zone;
use chrono::{DateTime, Datelike, Days, Duration, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::settings::ReminderSettings;
use crate::calendar::DayOfWeek;
use crate::routine::checkin::MORNING_OPENS;
use crate::validate::in_range;
use crate::zone::{
    day_exists, instant, instant_with_offset, local_date, next_day, parse_tz, previous_existing_day,
    start_of_day,
};
use crate::{Error, Result};

/// At most this many reminders per call: iOS keeps only 64 pending local notifications per
/// app, so a shell can arm the whole answer on either platform.
pub const MAX_LIMIT: i32 = 64;
/// How far ahead the plan looks, in days after today, however few reminders that gives.
pub const LOOKAHEAD_DAYS: u64 = 60;

text_enum! {
    /// What a reminder is for; snake_case text (`morning_check`) in JSON and across the FFI.
    pub enum ReminderKind {
        /// A session slot: time for a session, or a second nudge for the same session.
        Session = "session",
        /// The next-morning pain check after a day with sessions.
        MorningCheck = "morning_check",
        /// The movement tests are due again.
        Retest = "retest",
        /// A reminder the person put off; it keeps the original's session, title and body.
        Snoozed = "snoozed",
    }
}

/// One notification to arm. The same reminder has the same `id` on every call, so a shell can
/// cancel and re-arm by id without duplicates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    /// `session:2026-11-20:1` (date and slot), `morning:2026-11-21`, `retest:2026-12-04` (the
    /// date the tests fall due), `snooze:<original id>`.
    pub id: String,
    /// What it is for; [`ReminderKind::Snoozed`] for a snooze, whatever it put off.
    pub kind: ReminderKind,
    /// The instant to fire at, strictly after the `now` of the call.
    pub fire_at: DateTime<Utc>,
    /// The wall-clock time it fires at, with the offset in force then. Equal to the slot time
    /// except when that time falls in a DST gap (then it is later by the gap's length).
    pub local: DateTime<FixedOffset>,
    /// The local day it belongs to: the session's or morning check's day, the day a re-test
    /// reminder fires on; a snooze keeps its original's day (a snoozed re-test: the day it fires).
    pub local_date: NaiveDate,
    /// The routine session (1 or 2) a session reminder, or its snooze, is for.
    pub session: Option<i32>,
    /// Plain words for a lock screen: never pain levels or other health data.
    pub title: String,
    /// One or two plain sentences under the title, with the same limits.
    pub body: String,
}

/// A snooze as stored: the original reminder's id and when the snooze fires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snooze {
    /// The id of the reminder put off (`session:2026-11-20:1`, ...; a snooze of a snooze is
    /// stored under the original's id). An id that no longer reads is ignored.
    pub reminder_id: String,
    /// When the snooze fires: the snooze call's `now` + `snooze_minutes`.
    pub fire_at: DateTime<Utc>,
}

/// What the store knows that shapes the plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// Routine sessions a day (`RoutineSettings::session_times.len()`: 1 or 2; 0 reads as 1).
    pub sessions_per_day: i32,
    /// The plan's status is `active` (CLINICAL.md §8): only then are session slots (with their
    /// snoozes), the re-test, and morning checks after a planned day without a check-in
    /// reminded.
    pub plan_ready: bool,
    /// When the latest assessment's tests should be repeated.
    pub retest_due_at: Option<DateTime<Utc>>,
    /// Sessions checked in, as (local date, session number). Those from the day before
    /// yesterday on are enough.
    pub checked_in: BTreeSet<(NaiveDate, i32)>,
    /// Local dates whose next-morning check is recorded.
    pub morning_checks: BTreeSet<NaiveDate>,
    /// Snoozes; past ones are ignored.
    pub snoozes: Vec<Snooze>,
}

/// What a reminder id points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// A session slot on a local date; `slot` is 1-based over the sorted slots.
    Session {
        /// The local date of the session.
        date: NaiveDate,
        /// 1-[`MAX_SLOTS`](super::settings::MAX_SLOTS) in an id that parses; the session it
        /// reminds for is [`session_for_slot`].
        slot: i32,
    },
    /// The pain check on the morning of a local date, after a day with a check-in (or, for a
    /// morning after today, an exercise day while the plan is `active`).
    Morning {
        /// The local date whose morning is checked (the day after the sessions).
        date: NaiveDate,
    },
    /// The re-test falling due on a local date.
    Retest {
        /// The local date the latest assessment's tests fall due (14 days after it was taken),
        /// whatever day the reminder fires on.
        due: NaiveDate,
    },
}

const SNOOZE_PREFIX: &str = "snooze:";

impl Target {
    /// Reads a reminder id. A snooze id reads as the reminder it put off, so snoozing a snooze
    /// snoozes the original again. Errors: `Invalid` naming `id` for any other text (a session
    /// slot outside 1-[`MAX_SLOTS`](super::settings::MAX_SLOTS), a date that does not exist).
    pub fn parse(id: &str) -> Result<Target> {
        let bad = || Error::invalid("id", "a reminder id such as session:2026-11-20:1 or morning:2026-11-21");
        let id = id.trim();
        let id = id.strip_prefix(SNOOZE_PREFIX).unwrap_or(id);
        let date = |text: &str| crate::calendar::parse_iso_date(text.as_bytes()).ok_or_else(bad);
        let mut parts = id.split(':');
        let target = match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some("session"), Some(d), Some(text), None) => {
                let slot = text.parse::<i32>().map_err(|_| bad())?;
                // One spelling, as `request_key` reads it: "01" and "+1" are not slot 1.
                if !(1..=super::settings::MAX_SLOTS as i32).contains(&slot) || slot.to_string() != text {
                    return Err(bad());
                }
                Target::Session { date: date(d)?, slot }
            }
            (Some("morning"), Some(d), None, None) => Target::Morning { date: date(d)? },
            (Some("retest"), Some(d), None, None) => Target::Retest { due: date(d)? },
            _ => return Err(bad()),
        };
        Ok(target)
    }

    /// The local day whose end makes the reminder moot (a missed session, a morning gone);
    /// a re-test stays due until it is done.
    fn day(self) -> Option<NaiveDate> {
        match self {
            Target::Session { date, .. } | Target::Morning { date } => Some(date),
            Target::Retest { .. } => None,
        }
    }
}

impl Target {
    /// Orders as the id text does: morning < retest < session, then date, then slot.
    fn id_order(self) -> (u8, NaiveDate, i32) {
        match self {
            Target::Morning { date } => (0, date, 0),
            Target::Retest { due } => (1, due, 0),
            Target::Session { date, slot } => (2, date, slot),
        }
    }

    /// Writes the id without the formatting machinery: ids are built for every reminder.
    fn write_id(self, out: &mut String) {
        let (prefix, date, slot) = match self {
            Target::Session { date, slot } => ("session:", date, Some(slot)),
            Target::Morning { date } => ("morning:", date, None),
            Target::Retest { due } => ("retest:", due, None),
        };
        out.push_str(prefix);
        match crate::calendar::iso_date(date) {
            // Digits and dashes: always UTF-8.
            Some(text) => out.push_str(std::str::from_utf8(&text).unwrap_or_default()),
            None => {
                let _ = write!(out, "{date}");
            }
        }
        match slot {
            Some(s @ 0..=9) => out.extend([':', char::from(b'0' + s as u8)]),
            Some(s) => {
                let _ = write!(out, ":{s}");
            }
            None => {}
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut id = String::with_capacity(24);
        self.write_id(&mut id);
        f.write_str(&id)
    }
}

/// The session reminder slot `slot` (1-based) stands for, with `sessions_per_day` sessions:
/// min(slot, sessions a day).
pub fn session_for_slot(slot: i32, sessions_per_day: i32) -> i32 {
    slot.min(sessions_per_day.max(1))
}

/// The reminders strictly after `now`, in firing order (ties by kind, then id), at most
/// `limit` (1-[`MAX_LIMIT`]; 64 is the iOS pending-notification cap). Disabled settings give
/// an empty list.
///
/// Errors: `Invalid` naming `limit`, or a setting as [`ReminderSettings::validate`] names it;
/// `NotNow` while no zone rules are registered ([`crate::zone::parse_tz`]).
pub fn upcoming(
    settings: &ReminderSettings,
    facts: &Facts,
    now: DateTime<Utc>,
    limit: i32,
) -> Result<Vec<Reminder>> {
    let limit = in_range("limit", limit, 1, MAX_LIMIT)? as usize;
    let settings = settings.clone().validate()?;
    if !settings.enabled {
        return Ok(Vec::new());
    }
    let plan = Planner::new(&settings, facts, now)?;
    // Reminders are built only for what makes the cut: the text costs more than the plan.
    let mut due: Vec<(DateTime<Utc>, ReminderKind, Planned)> = Vec::with_capacity(limit + 8);

    // A pending snooze replaces the reminder it put off.
    let mut snoozed = Vec::new();
    for s in facts.snoozes.iter().filter(|s| s.fire_at > now) {
        let Ok(target) = Target::parse(&s.reminder_id) else { continue };
        if let Some(original) = plan.still_wanted(target, now, s.fire_at) {
            snoozed.push(target);
            due.push((s.fire_at, ReminderKind::Snoozed, original));
        }
    }

    let mut day = Vec::with_capacity(6);
    let mut from_days = 0;
    let mut stop_after = None;
    // From yesterday: a DST gap at midnight can push a late slot into the next day.
    let Some(yesterday) = plan.today.pred_opt() else { return Ok(Vec::new()) };
    for i in 0..=LOOKAHEAD_DAYS + 1 {
        let Some(date) = yesterday.checked_add_days(Days::new(i)) else { break };
        day.clear();
        plan.planned_on(date, &mut day);
        for p in &day {
            if p.fire_at > now && !plan.is_done(p.target) && !snoozed.contains(&p.target) {
                due.push((p.fire_at, ReminderKind::of(p.target), *p));
                from_days += 1;
            }
        }
        // One more day once the limit is reached: a DST gap at midnight can move the first
        // minutes of a day ahead of the last ones of the day before, never further.
        if stop_after == Some(i) {
            break;
        }
        if from_days >= limit && stop_after.is_none() {
            stop_after = Some(i + 1);
        }
    }
    if let Some(p) = plan.retest(now)
        && !snoozed.contains(&p.target)
        && plan.today.checked_add_days(Days::new(LOOKAHEAD_DAYS)).is_some_and(|end| p.date <= end)
    {
        due.push((p.fire_at, ReminderKind::Retest, p));
    }

    // Nearly sorted already (day by day): a stable sort finds the runs.
    crate::sort::sort_by_key(&mut due, |(at, kind, p)| (*at, *kind, p.target.id_order()));
    due.truncate(limit);
    Ok(due.iter().map(|(at, kind, p)| plan.reminder(p, *kind, *at)).collect())
}

/// Puts off the reminder `id` (or the one a snooze id put off) until now + the snooze length.
/// The store keeps the answer; [`upcoming`] then returns it in place of the original.
///
/// Only a reminder that has fired can be put off: snoozing one still ahead would fire it early
/// and then again at its own time.
///
/// Errors: a malformed id is `Invalid` naming `id`, a bad setting `Invalid` as
/// [`ReminderSettings::validate`] names it; an id that is not in the current plan
/// (a rest day, a date the zone skipped, a slot that no longer exists, no plan) is `NotFound`;
/// reminders turned off, a reminder that has not fired yet ([`NOT_FIRED_YET`]), a session
/// already checked in, a morning already recorded, or a snooze that would end after the
/// reminder's local day (the session then counts as missed) is `NotNow`.
pub fn snooze(settings: &ReminderSettings, facts: &Facts, id: &str, now: DateTime<Utc>) -> Result<Reminder> {
    let target = Target::parse(id)?;
    let settings = settings.clone().validate()?;
    if !settings.enabled {
        return Err(Error::NotNow("reminders are turned off"));
    }
    let plan = Planner::new(&settings, facts, now)?;
    let original = plan.find(target, now).ok_or(Error::NotFound { what: "reminder" })?;
    if plan.first_fires_at(&original) > now {
        return Err(Error::NotNow(NOT_FIRED_YET));
    }
    if plan.is_done(target) {
        return Err(Error::NotNow("that is already done"));
    }
    let fire_at = now + Duration::minutes(settings.snooze_minutes.into());
    if !plan.within_day(target, fire_at) {
        return Err(Error::NotNow("that reminder's day will be over by then"));
    }
    Ok(plan.reminder(&original, ReminderKind::Snoozed, fire_at))
}

/// Why a reminder still ahead cannot be snoozed.
pub const NOT_FIRED_YET: &str =
    "that reminder has not fired yet; a reminder can be snoozed only once it has fired";

impl ReminderKind {
    fn of(target: Target) -> ReminderKind {
        match target {
            Target::Session { .. } => ReminderKind::Session,
            Target::Morning { .. } => ReminderKind::MorningCheck,
            Target::Retest { .. } => ReminderKind::Retest,
        }
    }
}

/// A reminder the plan wants, before it is checked against `now`, check-ins and snoozes.
#[derive(Clone, Copy)]
struct Planned {
    target: Target,
    fire_at: DateTime<Utc>,
    /// The offset in force at `fire_at`, when read with it (`None`: look it up).
    offset: Option<FixedOffset>,
    date: NaiveDate,
    session: Option<i32>,
    title: &'static str,
    body: &'static str,
}

struct Planner<'a> {
    settings: &'a ReminderSettings,
    facts: &'a Facts,
    tz: Zone,
    sessions: i32,
    enabled: [bool; 7],
    today: NaiveDate,
    /// Two dates asked about and whether they exist in the zone: walking the dates in order,
    /// each one's "yesterday" was asked about the step before.
    exists: Cell<[Option<(NaiveDate, bool)>; 2]>,
}

impl<'a> Planner<'a> {
    fn new(settings: &'a ReminderSettings, facts: &'a Facts, now: DateTime<Utc>) -> Result<Planner<'a>> {
        let tz = parse_tz("time_zone", &settings.time_zone)?;
        let mut enabled = [false; 7];
        for d in &settings.days {
            enabled[*d as usize] = true;
        }
        Ok(Planner {
            settings,
            facts,
            tz,
            sessions: facts.sessions_per_day.clamp(1, 2),
            enabled,
            today: local_date(tz, now),
            exists: Cell::new([None; 2]),
        })
    }

    /// [`day_exists`] in the planner's zone, remembering the last two answers.
    fn day_exists(&self, date: NaiveDate) -> bool {
        let [a, b] = self.exists.get();
        if let Some((_, exists)) = [a, b].into_iter().flatten().find(|(d, _)| *d == date) {
            return exists;
        }
        let exists = day_exists(self.tz, date);
        // Keep the later date of the two: the next date asked about comes after it.
        let keep = match (a, b) {
            (Some(a), Some(b)) => Some(if a.0 > b.0 { a } else { b }),
            (a, b) => a.or(b),
        };
        self.exists.set([Some((date, exists)), keep]);
        exists
    }

    fn exercise_day(&self, date: NaiveDate) -> bool {
        self.enabled[DayOfWeek::of(date.weekday()) as usize]
    }

    fn checked_in_on(&self, date: NaiveDate) -> bool {
        self.facts.checked_in.range((date, i32::MIN)..=(date, i32::MAX)).next().is_some()
    }

    /// Session slots and the morning check a local date has in the plan, done or not.
    /// A date the zone skipped has nothing: it never happens.
    fn planned_on(&self, date: NaiveDate, out: &mut Vec<Planned>) {
        if !self.day_exists(date) {
            return;
        }
        // Never before the morning check opens (04:00 local): it would be refused.
        if let Some(time) = self.settings.morning_check.map(|t| t.max(MORNING_OPENS)) {
            // The morning after the day before, even when a skipped date lies between them.
            let before = previous_existing_day(date, |d| self.day_exists(d));
            // Today's check follows a real check-in; a future one follows a planned day.
            let wanted = before.is_some_and(|b| {
                self.checked_in_on(b) || (date > self.today && self.facts.plan_ready && self.exercise_day(b))
            });
            if wanted {
                let (fire_at, offset) = instant_with_offset(self.tz, date, time);
                out.push(Planned {
                    target: Target::Morning { date },
                    fire_at,
                    offset,
                    date,
                    session: None,
                    title: "Morning check",
                    body: "Before you get going, note how you feel on waking. It takes a few seconds.",
                });
            }
        }
        if self.facts.plan_ready && self.exercise_day(date) {
            for (i, time) in self.settings.slots.iter().enumerate() {
                let slot = i as i32 + 1;
                let session = session_for_slot(slot, self.sessions);
                let (title, body) = session_words(slot, session, self.sessions);
                let (fire_at, offset) = instant_with_offset(self.tz, date, *time);
                out.push(Planned {
                    target: Target::Session { date, slot },
                    fire_at,
                    offset,
                    date,
                    session: Some(session),
                    title,
                    body,
                });
            }
        }
    }

    /// The re-test reminder: at the first slot on the day the tests fall due, or at the next
    /// slot time after `now` once that has passed.
    fn retest(&self, now: DateTime<Utc>) -> Option<Planned> {
        if !self.settings.retest_reminders || !self.facts.plan_ready {
            return None;
        }
        let due = local_date(self.tz, self.facts.retest_due_at?);
        let first = *self.settings.slots.first()?;
        let (date, fire_at) = if instant(self.tz, due, first) > now {
            (due, instant(self.tz, due, first))
        } else {
            self.next_slot_after(now)?
        };
        Some(Planned {
            target: Target::Retest { due },
            fire_at,
            offset: None,
            date,
            session: None,
            title: "Time to re-test",
            body: "Two weeks have passed: repeat the movement tests to see what has changed.",
        })
    }

    fn next_slot_after(&self, now: DateTime<Utc>) -> Option<(NaiveDate, DateTime<Utc>)> {
        let dates = (0..3).filter_map(|i| self.today.checked_add_days(Days::new(i)));
        dates.filter(|d| day_exists(self.tz, *d)).find_map(|date| {
            let times = self.settings.slots.iter().map(|t| instant(self.tz, date, *t));
            times.filter(|at| *at > now).min().map(|at| (date, at))
        })
    }

    /// The planned reminder an id stands for, whatever its state.
    fn find(&self, target: Target, now: DateTime<Utc>) -> Option<Planned> {
        match target {
            Target::Retest { .. } => self.retest(now).filter(|p| p.target == target),
            Target::Session { date, .. } | Target::Morning { date } => {
                let mut day = Vec::new();
                self.planned_on(date, &mut day);
                day.into_iter().find(|p| p.target == target)
            }
        }
    }

    /// The original of a snooze firing at `fire_at`, if the snooze should still fire.
    fn still_wanted(&self, target: Target, now: DateTime<Utc>, fire_at: DateTime<Utc>) -> Option<Planned> {
        self.find(target, now).filter(|_| !self.is_done(target) && self.within_day(target, fire_at))
    }

    /// When a reminder first fires: a re-test on its due date at the first slot (it comes back
    /// at the next slot while overdue), any other at its own time.
    fn first_fires_at(&self, p: &Planned) -> DateTime<Utc> {
        match (p.target, self.settings.slots.first()) {
            (Target::Retest { due }, Some(first)) => instant(self.tz, due, *first),
            _ => p.fire_at,
        }
    }

    fn is_done(&self, target: Target) -> bool {
        match target {
            Target::Session { date, slot } => {
                self.facts.checked_in.contains(&(date, session_for_slot(slot, self.sessions)))
            }
            Target::Morning { date } => self.facts.morning_checks.contains(&date),
            // A new assessment moves the due date, and with it the id.
            Target::Retest { .. } => false,
        }
    }

    fn within_day(&self, target: Target, at: DateTime<Utc>) -> bool {
        target.day().and_then(|d| next_day(self.tz, d)).is_none_or(|next| at < start_of_day(self.tz, next))
    }

    fn reminder(&self, p: &Planned, kind: ReminderKind, fire_at: DateTime<Utc>) -> Reminder {
        let mut id = String::with_capacity(32);
        if kind == ReminderKind::Snoozed {
            id.push_str(SNOOZE_PREFIX);
        }
        p.target.write_id(&mut id);
        let local = match p.offset.filter(|_| fire_at == p.fire_at) {
            Some(offset) => fire_at.with_timezone(&offset),
            None => fire_at.with_timezone(&self.tz).fixed_offset(),
        };
        // A snoozed re-test belongs to the day it fires on, like the re-test itself.
        let local_date = if kind == ReminderKind::Snoozed && p.target.day().is_none() {
            local.date_naive()
        } else {
            p.date
        };
        Reminder {
            id,
            kind,
            fire_at,
            local,
            local_date,
            session: p.session,
            title: p.title.to_owned(),
            body: p.body.to_owned(),
        }
    }
}

/// Titles and bodies of session slots: the first reminder of each session, then nudges.
fn session_words(slot: i32, session: i32, sessions: i32) -> (&'static str, &'static str) {
    const READY: &str = "Your session is ready when you are. Check in afterwards so the next dose fits.";
    const STILL_OPEN: &str =
        "There is still time today. A short session beats none; check in when you are done.";
    match (slot > sessions, session, sessions) {
        (false, _, 1) => ("Time for your routine", READY),
        (false, 1, _) => ("Time for session 1 of 2", READY),
        (false, _, _) => ("Time for session 2 of 2", READY),
        (true, _, 1) => ("Today's session is still open", STILL_OPEN),
        (true, 1, _) => ("Session 1 is still open", STILL_OPEN),
        (true, _, _) => ("Session 2 is still open", STILL_OPEN),
    }
}
