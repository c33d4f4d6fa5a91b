package app.limber.android.tests

import app.limber.android.today.CheckInForm
import app.limber.core.LimberException
import app.limber.core.SessionState
import app.limber.core.SkipReason
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

class CheckInFormTest {
    @Test
    fun theFormStartsFromTheCoresDefaultsNothingRatedNothingAssumed() {
        assessedWithReminders().use { limber ->
            val session = limber.today(on(0, "08:00"), LONDON).plan.sessions.single()
            val form = CheckInForm.forSession(session)
            assertEquals(session.exercises.map { it.exercise }, form.exercises.map { it.exercise })
            assertTrue(form.exercises.all { it.done && it.painDuring == null && it.skipReason == null && it.sets == null })
            assertEquals(session.exercises.first().name, form.name(session.exercises.first().exercise))
        }
    }

    @Test
    fun aSkipWithoutAReasonIsRefusedNamingTheField() {
        assessedWithReminders().use { limber ->
            val session = limber.today(on(0, "08:00"), LONDON).plan.sessions.single()
            val skipped = session.exercises.last().exercise
            val form = CheckInForm.forSession(session).update(skipped) { it.copy(done = false) }
            val error = assertFailsWith<LimberException.InvalidInput> { limber.checkIn(form.toInput(on(0, "08:30")), LONDON) }
            assertEquals("exercises[${session.exercises.size - 1}].skip_reason", error.field)
        }
    }

    @Test
    fun theFormOfTodaysSessionChecksInWithTheCore() {
        assessedWithReminders().use { limber ->
            val session = limber.today(on(0, "08:00"), LONDON).plan.sessions.single()
            val first = session.exercises.first().exercise
            val skipped = session.exercises.last().exercise
            val form = CheckInForm.forSession(session)
                .update(first) { it.copy(painDuring = 1) }
                .update(skipped) { it.copy(done = false, painDuring = 4, skipReason = SkipReason.NO_TIME) }
                .copy(painBefore = 3, painAfter = 2, note = "  ")
            val input = form.toInput(on(0, "08:30"))
            assertNull(input.note, "a blank note is no note")
            val skippedInput = input.exercises.single { it.exercise == skipped }
            assertEquals(SkipReason.NO_TIME, skippedInput.skipReason)
            assertNull(skippedInput.painDuring, "no pain during an exercise not done")
            assertTrue(input.exercises.filter { it.exercise != first }.all { it.painDuring == null }, "untouched is not rated, not 0")

            val result = limber.checkIn(input, LONDON)
            assertEquals(session.session, result.session)
            assertEquals(SessionState.DONE, limber.today(on(0, "09:00"), LONDON).sessions.single().state)
        }
    }

    @Test
    fun symptomsSpreadingReachTheCoreAndStopTheRoutine() {
        assessedWithReminders().use { limber ->
            val session = limber.today(on(0, "08:00"), LONDON).plan.sessions.single()
            val first = session.exercises.first().exercise
            val form = CheckInForm.forSession(session).update(first) { it.copy(painDuring = 3, symptomsSpread = true) }
            assertTrue(limber.checkIn(form.toInput(on(0, "08:30")), LONDON).stopAndRetriage)
        }
    }
}
