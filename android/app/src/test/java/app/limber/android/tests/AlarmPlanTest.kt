package app.limber.android.tests

import app.limber.android.reminders.AlarmMode
import app.limber.android.reminders.AlarmPlan
import app.limber.android.reminders.ArmedAlarm
import app.limber.core.requestKey
import java.time.Instant
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

private val monday = reminder("session:2026-11-16:1", "2026-11-16T08:00:00Z")
private val tuesday = reminder("session:2026-11-17:1", "2026-11-17T08:00:00Z")
private fun armed(r: app.limber.core.Reminder, mode: AlarmMode = AlarmMode.EXACT) =
    ArmedAlarm(r.id, r.fireAt.toEpochMilli(), mode)

class AlarmPlanTest {
    @Test
    fun aFreshPlanArmsEveryReminderExactlyWhenAllowed() {
        val changes = AlarmPlan.decide(listOf(monday, tuesday), armed = emptyList(), exactAllowed = true)
        assertEquals(emptyList(), changes.toCancel)
        assertEquals(listOf(monday.id, tuesday.id), changes.toArm.map { it.id })
        assertTrue(changes.toArm.all { it.mode == AlarmMode.EXACT })
        assertEquals(requestKey(monday.id), changes.toArm.first().requestCode)
        assertEquals(monday.fireAt.toEpochMilli(), changes.toArm.first().triggerAtMillis)
    }

    @Test
    fun withoutExactAlarmsEveryReminderIsArmedInexactNeverNothing() {
        val changes = AlarmPlan.decide(listOf(monday, tuesday), armed = emptyList(), exactAllowed = false)
        assertEquals(2, changes.toArm.size)
        assertTrue(changes.toArm.all { it.mode == AlarmMode.INEXACT })
        // Armed for the reminder's time: never early.
        assertEquals(monday.fireAt.toEpochMilli(), changes.toArm.first().triggerAtMillis)
    }

    @Test
    fun applyingTheSamePlanTwiceChangesNothing() {
        val first = AlarmPlan.decide(listOf(monday, tuesday), armed = emptyList(), exactAllowed = true)
        val second = AlarmPlan.decide(listOf(monday, tuesday), first.armedAfter, exactAllowed = true)
        assertEquals(emptyList(), second.toCancel)
        assertEquals(emptyList(), second.toArm)
        assertEquals(first.armedAfter, second.armedAfter)
    }

    @Test
    fun whatLeftThePlanIsCancelledAndOnlyThat() {
        // Monday was checked in: the core's plan no longer has it.
        val changes = AlarmPlan.decide(listOf(tuesday), listOf(armed(monday), armed(tuesday)), exactAllowed = true)
        assertEquals(listOf(monday.id), changes.toCancel)
        assertEquals(emptyList(), changes.toArm)
        assertEquals(listOf(tuesday.id), changes.armedAfter.map { it.id })
    }

    @Test
    fun aMovedReminderIsReArmedUnderTheSameId() {
        // A zone change: the same wall-clock slot is a new instant.
        val moved = tuesday.copy(fireAt = Instant.parse("2026-11-17T13:00:00Z"))
        val changes = AlarmPlan.decide(listOf(moved), listOf(armed(tuesday)), exactAllowed = true)
        assertEquals(emptyList(), changes.toCancel)
        assertEquals(listOf(moved.fireAt.toEpochMilli()), changes.toArm.map { it.triggerAtMillis })
    }

    @Test
    fun losingTheExactAlarmPermissionReArmsInexact() {
        val changes = AlarmPlan.decide(listOf(monday, tuesday), listOf(armed(monday), armed(tuesday)), exactAllowed = false)
        assertEquals(listOf(AlarmMode.INEXACT, AlarmMode.INEXACT), changes.toArm.map { it.mode })
    }

    @Test
    fun forceReArmsEverythingForWhenAlarmsWereWiped() {
        val changes = AlarmPlan.decide(listOf(monday), listOf(armed(monday)), exactAllowed = true, force = true)
        assertEquals(listOf(monday.id), changes.toArm.map { it.id })
    }

    @Test
    fun anEmptyPlanCancelsEverything() {
        val changes = AlarmPlan.decide(emptyList(), listOf(armed(monday), armed(tuesday, AlarmMode.INEXACT)), exactAllowed = true)
        assertEquals(listOf(monday.id, tuesday.id), changes.toCancel)
        assertEquals(emptyList(), changes.armedAfter)
    }

    @Test
    fun theCoresPlanArmsOncePerIdAndCheckingInCancelsTheSession() {
        assessedWithReminders().use { limber ->
            val plan = limber.upcomingReminders(on(0, "07:00"), app.limber.core.reminderLimit(app.limber.core.Platform.ANDROID))
            val first = AlarmPlan.decide(plan, emptyList(), exactAllowed = true)
            assertEquals(plan.size, first.toArm.map { it.requestCode }.toSet().size)
            assertEquals("session:2026-11-16:1", first.toArm.first().id)

            val session = limber.today(on(0, "08:05"), LONDON).plan.sessions.single()
            limber.checkIn(app.limber.android.today.CheckInForm.forSession(session).toInput(on(0, "08:20")), LONDON)
            val after = AlarmPlan.decide(limber.upcomingReminders(on(0, "07:00"), 64), first.armedAfter, exactAllowed = true)
            assertEquals(listOf("session:2026-11-16:1"), after.toCancel)
        }
    }
}
