package app.limber.android.reminders

import app.limber.core.Reminder
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneOffset

/**
 * The "already done" check when an alarm fires (as Loop Habit Tracker does it): the alarm only
 * knows the id and the time it was set for; the core decides whether that reminder still
 * stands. A session checked in since, a morning already recorded, a slot moved or removed, or
 * reminders turned off all drop it from the plan, and then nothing is shown.
 */
object FiredCheck {
    /** The core's plan is asked from just before the alarm's time: it lists reminders strictly after. */
    fun planFrom(fireAt: Instant): Instant = fireAt.minusSeconds(1)

    /**
     * The reminder to notify, with the core's current words, or null. [planJustBefore] is
     * `upcomingReminders(planFrom(fireAt), limit)`. A reminder moved later is left to its new
     * alarm; one whose local day is over is moot, as the core never lets a reminder outlive its
     * day (an alarm can fire late: Doze, a phone switched off).
     */
    fun reminderToShow(id: String, fireAt: Instant, planJustBefore: List<Reminder>, now: Instant): Reminder? {
        val reminder = planJustBefore.firstOrNull { it.id == id } ?: return null
        if (reminder.fireAt.isAfter(fireAt)) return null
        val dayEnd = LocalDate.parse(reminder.localDate).plusDays(1)
            .atStartOfDay(ZoneOffset.ofTotalSeconds(reminder.utcOffsetMinutes * 60)).toInstant()
        return reminder.takeIf { now.isBefore(dayEnd) }
    }
}
