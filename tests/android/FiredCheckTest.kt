package app.limber.android.tests

import app.limber.android.reminders.FiredCheck
import app.limber.android.today.CheckInForm
import app.limber.core.LocalTime
import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import org.junit.jupiter.api.Test

private const val MONDAY = "session:2026-11-16:1"

class FiredCheckTest {
    private fun show(limber: app.limber.core.Limber, id: String, fireAt: String, now: String = fireAt) =
        FiredCheck.reminderToShow(
            id,
            java.time.Instant.parse(fireAt),
            limber.upcomingReminders(FiredCheck.planFrom(java.time.Instant.parse(fireAt)), 64),
            java.time.Instant.parse(now),
        )

    @Test
    fun aReminderStillInThePlanIsShownWithTheCoresWords() {
        assessedWithReminders().use {
            val shown = assertNotNull(show(it, MONDAY, "2026-11-16T08:00:00Z", now = "2026-11-16T08:00:03Z"))
            assertEquals(it.upcomingReminders(on(0, "07:00"), 1).single().title, shown.title)
        }
    }

    @Test
    fun aSessionAlreadyCheckedInIsNotShown() {
        assessedWithReminders().use {
            val session = it.today(on(0, "07:30"), LONDON).plan.sessions.single()
            it.checkIn(CheckInForm.forSession(session).toInput(on(0, "07:45")), LONDON)
            assertNull(show(it, MONDAY, "2026-11-16T08:00:00Z"))
        }
    }

    @Test
    fun aSlotMovedLaterIsLeftToItsNewAlarm() {
        assessedWithReminders().use {
            it.setReminderSettings(it.reminderSettings().copy(slots = listOf(LocalTime(9, 0))))
            assertNull(show(it, MONDAY, "2026-11-16T08:00:00Z"))
            assertNotNull(show(it, MONDAY, "2026-11-16T09:00:00Z"))
        }
    }

    @Test
    fun anAlarmFiringAfterItsDayIsOverIsNotShown() {
        assessedWithReminders().use {
            assertNotNull(show(it, MONDAY, "2026-11-16T08:00:00Z", now = "2026-11-16T23:59:00Z"))
            assertNull(show(it, MONDAY, "2026-11-16T08:00:00Z", now = "2026-11-17T00:00:00Z"))
        }
    }

    @Test
    fun aSnoozeReplacesTheReminderItPutOff() {
        assessedWithReminders().use {
            val snoozed = it.snooze(MONDAY, on(0, "08:01"))
            assertEquals("snooze:$MONDAY", snoozed.id)
            assertNotNull(show(it, snoozed.id, snoozed.fireAt.toString()))
            // Turning reminders off drops the snooze too.
            it.setReminderSettings(it.reminderSettings().copy(enabled = false))
            assertNull(show(it, snoozed.id, snoozed.fireAt.toString()))
        }
    }
}
