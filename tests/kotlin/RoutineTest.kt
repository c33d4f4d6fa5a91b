package app.limber.tests

import app.limber.core.CardId
import app.limber.core.CheckInInput
import app.limber.core.Decision
import app.limber.core.ExerciseCheckIn
import app.limber.core.ExerciseId
import app.limber.core.Limber
import app.limber.core.LimberException
import app.limber.core.LocalTime
import app.limber.core.PlanStatus
import app.limber.core.ReminderKind
import app.limber.core.SessionState
import app.limber.core.SkipReason
import app.limber.core.exerciseCatalog
import java.time.Instant
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNotNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

private const val ZONE = "Europe/London"

/** Monday 2026-11-16 plus [day] days, at [time] UTC (London is on UTC in November). */
private fun on(day: Int, time: String): Instant = Instant.parse("2026-11-${16 + day}T${time}:00Z")

private fun assessedTight(limber: Limber) {
    limber.submitAssessmentJson(answersJson(slrLeft = 64), on(-1, "18:00"), 0)
}

private fun done(exercise: ExerciseId, pain: Int) = ExerciseCheckIn(exercise = exercise, done = true, painDuring = pain)

class RoutineTest {
    @Test
    fun theCatalogHasEveryExerciseWithStepsAndADose() {
        val catalog = exerciseCatalog()
        assertEquals(ExerciseId.values().size, catalog.size)
        val bridge = catalog.single { it.id == ExerciseId.BRIDGE }
        assertEquals(2, bridge.ladderLevel)
        assertTrue(bridge.steps.size >= 2)
        assertNotNull(bridge.dose.reps)
    }

    @Test
    fun todayIsBuiltFromTheLatestAssessment() {
        val (_, limber) = openFresh()
        limber.use {
            val fresh = it.today(on(0, "07:00"), ZONE)
            assertEquals(PlanStatus.NEEDS_SAFETY_ANSWERS, fresh.status)
            assertEquals(PlanStatus.NEEDS_SAFETY_ANSWERS, fresh.plan.status)
            assertTrue(fresh.plan.sessions.isEmpty())
            assessedTight(it)
            val today = it.today(on(0, "07:00"), ZONE)
            assertEquals("2026-11-16", today.date)
            assertEquals(PlanStatus.ACTIVE, today.status)
            assertEquals(PlanStatus.ACTIVE, today.plan.status)
            val session = today.plan.sessions.single()
            assertEquals(LocalTime(8, 0), session.time)
            assertTrue(session.exercises.any { e -> e.exercise == ExerciseId.BAND_HAMSTRING_STRETCH })
            assertEquals(SessionState.UPCOMING, today.sessions.single().state)
            assertEquals(on(0, "08:00"), today.nextSessionAt)
        }
    }

    @Test
    fun aSimulatedWeekProgressesOneExerciseAndRegressesAnother() {
        val (_, limber) = openFresh()
        limber.use {
            assessedTight(it)
            // Three comfortable days, each settled the next morning: the stretch steps up.
            for (day in 0..2) {
                val input = CheckInInput(1, on(day, "08:30"), 2, 2,
                    listOf(done(ExerciseId.BAND_HAMSTRING_STRETCH, 1), done(ExerciseId.KNEES_TO_CHEST, 4)))
                it.checkIn(input, ZONE)
                val morning = it.morningCheck(3, on(day + 1, "07:00"), ZONE)
                if (day == 2) {
                    val up = morning.changes.single()
                    assertEquals(Decision.PROGRESS, up.decision)
                    assertEquals(ExerciseId.BAND_HAMSTRING_STRETCH, up.toExercise)
                    // A stretch steps up by a repetition of 30 s (CLINICAL.md §5).
                    assertEquals(3, up.toDose.reps)
                    assertEquals(30, up.toDose.holdSeconds)
                    assertTrue(up.reason.contains("Three comfortable sessions"))
                }
            }
            // Day 3: knees to chest hurts 7/10: red, one step down.
            val red = it.checkIn(
                CheckInInput(1, on(3, "08:30"), 3, 4,
                    listOf(done(ExerciseId.KNEES_TO_CHEST, 7),
                        ExerciseCheckIn(ExerciseId.BAND_HAMSTRING_STRETCH, false, SkipReason.NO_TIME))),
                ZONE,
            )
            val down = red.changes.single()
            assertEquals(Decision.REGRESS, down.decision)
            assertEquals(2, down.fromDose.reps)
            assertEquals(1, down.toDose.reps)
            assertEquals(30, down.toDose.holdSeconds)

            val today = it.today(on(3, "12:00"), ZONE)
            val stretch = today.plan.sessions.single().exercises.single { e -> e.exercise == ExerciseId.BAND_HAMSTRING_STRETCH }
            assertEquals(3, stretch.dose.reps)
            assertEquals(SessionState.DONE, today.sessions.single().state)
            assertTrue(it.doseChangeHistory(50).size >= 8)
        }
    }

    @Test
    fun spreadingSymptomsStopTheRoutineAndBadInputIsTyped() {
        val (_, limber) = openFresh()
        limber.use {
            assessedTight(it)
            val spread = ExerciseCheckIn(ExerciseId.KNEES_TO_CHEST, true, painDuring = 2, symptomsSpread = true)
            val result = it.checkIn(CheckInInput(1, on(0, "08:30"), null, null, listOf(spread)), ZONE)
            assertTrue(result.stopAndRetriage)
            assertEquals(CardId.STOP_AND_RETRIAGE, it.today(on(0, "09:00"), ZONE).plan.cards.first().id)

            // CLINICAL.md §8: paused until the safety questions are answered again.
            val next = it.today(on(1, "09:00"), ZONE)
            assertEquals(PlanStatus.PAUSED_STOP, next.status)
            assertEquals(PlanStatus.PAUSED_STOP, next.plan.status)
            assertTrue(next.sessions.isEmpty() && next.plan.sessions.isEmpty())
            val twice = assertFailsWith<LimberException.NotNow> {
                it.checkIn(CheckInInput(1, on(1, "10:00"), null, null, listOf(done(ExerciseId.WALK, 0))), ZONE)
            }
            assertTrue(twice.reason.contains("paused_stop"))
            it.setReminderSettings(it.reminderSettings().copy(timeZone = ZONE, morningCheck = LocalTime(7, 30)))
            val armed = it.upcomingReminders(on(0, "10:00"), 64)
            assertTrue(armed.none { r -> r.kind == ReminderKind.SESSION || r.session != null })
            assertTrue(armed.any { r -> r.kind == ReminderKind.MORNING_CHECK })
            it.morningCheck(3, on(1, "07:00"), ZONE)

            it.submitAssessmentJson(answersJson(slrLeft = 64), on(1, "11:00"), 0)
            assertEquals(PlanStatus.ACTIVE, it.today(on(1, "12:00"), ZONE).status)
            assertTrue(it.upcomingReminders(on(1, "12:00"), 64).any { r -> r.kind == ReminderKind.SESSION })
            val bad = assertFailsWith<LimberException.InvalidInput> {
                it.checkIn(CheckInInput(1, on(1, "08:30"), null, null, listOf(done(ExerciseId.WALK, 11))), ZONE)
            }
            assertEquals("exercises[0].pain_during", bad.field)
            val zone = assertFailsWith<LimberException.InvalidInput> { it.today(on(1, "08:30"), "Mars/Base") }
            assertEquals("time_zone", zone.field)
        }
    }
}
