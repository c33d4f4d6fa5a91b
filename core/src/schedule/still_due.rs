//! Whether a reminder that just fired is still due (the "already done" check, as Loop Habit
//! Tracker does it). An alarm knows only its reminder's id and the time it was set for; the
//! plan decides whether that reminder still stands. A session checked in since, a morning
//! already recorded, a slot moved or removed, reminders turned off, or a plan no longer
//! `active` all drop it from the plan, and then nothing is shown.

use chrono::{DateTime, Duration, NaiveTime, Utc};

use super::upcoming::Reminder;

/// Where to ask the plan from when a reminder set for `fired_at` goes off: the plan lists
/// reminders strictly after its `now`, so one second before the alarm's time.
pub fn plan_from(fired_at: DateTime<Utc>) -> DateTime<Utc> {
    fired_at.checked_sub_signed(Duration::seconds(1)).unwrap_or(fired_at)
}

/// The reminder to show for alarm `id` set for `fired_at`, with the plan's current words, or
/// `None`. `plan` is the upcoming plan from [`plan_from`]`(fired_at)`. A reminder moved later is
/// left to its new alarm; one whose local day is over is moot, as no reminder outlives its day
/// (an alarm can fire late: Doze, a phone switched off).
pub fn still_due(
    id: &str,
    fired_at: DateTime<Utc>,
    plan: &[Reminder],
    now: DateTime<Utc>,
) -> Option<Reminder> {
    let reminder = plan.iter().find(|r| r.id == id)?;
    if reminder.fire_at > fired_at {
        return None;
    }
    let day_end = reminder
        .local_date
        .succ_opt()?
        .and_time(NaiveTime::MIN)
        .and_local_timezone(*reminder.local.offset())
        .earliest()?
        .with_timezone(&Utc);
    (now < day_end).then(|| reminder.clone())
}

#[cfg(test)]
mod tests {
    use chrono::{FixedOffset, NaiveDate, TimeZone};

    use super::*;
    use crate::schedule::ReminderKind;

    fn reminder(id: &str, fire_at: DateTime<Utc>, offset_hours: i32) -> Reminder {
        let offset = FixedOffset::east_opt(offset_hours * 3600).unwrap();
        let local = fire_at.with_timezone(&offset);
        Reminder {
            id: id.into(),
            kind: ReminderKind::Session,
            fire_at,
            local,
            local_date: local.date_naive(),
            session: Some(1),
            title: "t".into(),
            body: "b".into(),
        }
    }

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, h, m, 0).unwrap()
    }

    #[test]
    fn a_reminder_still_planned_at_its_time_is_shown() {
        let plan = [reminder("session:2026-11-20:1", at(8, 0), 0)];
        assert_eq!(plan_from(at(8, 0)), at(8, 0) - Duration::seconds(1));
        assert!(still_due("session:2026-11-20:1", at(8, 0), &plan, at(8, 0)).is_some());
        // Late (Doze) but the same day: still shown.
        assert!(still_due("session:2026-11-20:1", at(8, 0), &plan, at(23, 59)).is_some());
    }

    #[test]
    fn done_moved_or_over_reminders_are_not_shown() {
        let plan = [reminder("session:2026-11-20:1", at(9, 0), 0)];
        assert!(still_due("session:2026-11-20:2", at(8, 0), &plan, at(8, 0)).is_none(), "not in the plan");
        assert!(still_due("session:2026-11-20:1", at(8, 0), &plan, at(8, 0)).is_none(), "moved later");
        let plan = [reminder("session:2026-11-20:1", at(8, 0), 0)];
        let next_day = Utc.with_ymd_and_hms(2026, 11, 21, 0, 0, 0).unwrap();
        assert!(still_due("session:2026-11-20:1", at(8, 0), &plan, next_day).is_none(), "its day is over");
    }

    #[test]
    fn the_day_ends_at_local_midnight() {
        // 22:00 UTC is 07:00 the next day in UTC+9: the local day is 2026-11-21.
        let plan = [reminder("session:2026-11-21:1", at(22, 0), 9)];
        assert_eq!(plan[0].local_date, NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
        let late = Utc.with_ymd_and_hms(2026, 11, 21, 14, 59, 0).unwrap();
        assert!(still_due("session:2026-11-21:1", at(22, 0), &plan, late).is_some());
        let over = Utc.with_ymd_and_hms(2026, 11, 21, 15, 0, 0).unwrap();
        assert!(still_due("session:2026-11-21:1", at(22, 0), &plan, over).is_none());
    }
}
