package app.limber.tests

import app.limber.core.CheckInInput
import app.limber.core.DayOfWeek
import app.limber.core.ExerciseCheckIn
import app.limber.core.ExerciseId
import app.limber.core.Limber
import app.limber.core.LimberException
import app.limber.core.LocalTime
import app.limber.core.ReminderKind
import java.time.Instant
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

private const val NY = "America/New_York"

private fun readyForReminders(limber: Limber) {
    limber.submitAssessmentJson(answersJson(slrLeft = 70), Instant.parse("2026-03-01T12:00:00Z"), -300)
    val settings = limber.reminderSettings().copy(
        slots = listOf(LocalTime(7, 30)),
        days = DayOfWeek.values().toList(),
        timeZone = NY,
    )
    limber.setReminderSettings(settings)
}

class RemindersTest {
    @Test
    fun reArmingTwiceGivesTheSameIds() {
        val (_, limber) = openFresh()
        limber.use {
            readyForReminders(it)
            val now = Instant.parse("2026-03-05T12:00:00Z")
            val first = it.upcomingReminders(now, 64)
            val second = it.upcomingReminders(now, 64)
            assertEquals(64, first.size)
            assertEquals(first.map { r -> r.id }, second.map { r -> r.id })
            assertEquals(first.map { r -> r.fireAt }, second.map { r -> r.fireAt })
            assertTrue(first.zipWithNext().all { (a, b) -> !a.fireAt.isAfter(b.fireAt) })
            assertFailsWith<LimberException.InvalidInput> { it.upcomingReminders(now, 65) }
        }
    }

    @Test
    fun aCheckedInSessionDropsOut() {
        val (_, limber) = openFresh()
        limber.use {
            readyForReminders(it)
            val before = it.upcomingReminders(Instant.parse("2026-03-05T11:00:00Z"), 5)
            assertEquals("session:2026-03-05:1", before.first().id)
            val walk = ExerciseCheckIn(ExerciseId.WALK, true, painDuring = 0)
            it.checkIn(CheckInInput(1, Instant.parse("2026-03-05T11:05:00Z"), null, null, listOf(walk)), NY)
            val after = it.upcomingReminders(Instant.parse("2026-03-05T11:06:00Z"), 5)
            assertTrue(after.none { r -> r.id == "session:2026-03-05:1" })
            assertEquals("session:2026-03-06:1", after.first().id)
            assertTrue(after.any { r -> r.id == "morning:2026-03-06" && r.kind == ReminderKind.MORNING_CHECK })
        }
    }

    @Test
    fun aDstDayInNewYorkKeepsSevenThirtyLocal() {
        val (_, limber) = openFresh()
        limber.use {
            readyForReminders(it)
            val sessions = it.upcomingReminders(Instant.parse("2026-03-06T00:00:00Z"), 10)
                .filter { r -> r.kind == ReminderKind.SESSION }
            val byDate = sessions.associateBy { r -> r.localDate }
            for (date in listOf("2026-03-07", "2026-03-08", "2026-03-09")) {
                val r = byDate.getValue(date)
                assertEquals(LocalTime(7, 30), r.localTime, date)
            }
            assertEquals(Instant.parse("2026-03-07T12:30:00Z"), byDate.getValue("2026-03-07").fireAt)
            assertEquals(Instant.parse("2026-03-08T11:30:00Z"), byDate.getValue("2026-03-08").fireAt)
            assertEquals(-240, byDate.getValue("2026-03-08").utcOffsetMinutes)
        }
    }

    @Test
    fun snoozeReturnsTheReminderToArm() {
        val (_, limber) = openFresh()
        limber.use {
            readyForReminders(it)
            val snoozed = it.snooze("session:2026-03-05:1", Instant.parse("2026-03-05T12:31:00Z"))
            assertEquals(ReminderKind.SNOOZED, snoozed.kind)
            assertEquals(Instant.parse("2026-03-05T12:41:00Z"), snoozed.fireAt)
            val adherence = it.adherence(Instant.parse("2026-03-05T12:00:00Z"), 7)
            assertEquals(7, adherence.days.size)
        }
    }
}
