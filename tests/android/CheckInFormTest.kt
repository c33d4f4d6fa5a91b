package app.limber.android.tests

import app.limber.android.today.CheckInForm
import app.limber.core.SessionState
import app.limber.core.SkipReason
import kotlin.test.assertEquals
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

class CheckInFormTest {
    @Test
    fun theFormOfTodaysSessionChecksInWithTheCore() {
        assessedWithReminders().use { limber ->
            val session = limber.today(on(0, "08:00"), LONDON).plan.sessions.single()
            val first = session.exercises.first().exercise
            val skipped = session.exercises.last().exercise
            val form = CheckInForm.forSession(session)
                .update(first) { it.copy(painDuring = 1, setsDone = 2) }
                .update(skipped) { it.copy(done = false, painDuring = 4) }
                .copy(painBefore = 3, painAfter = 2, note = "  ")
            val input = form.toInput(on(0, "08:30"))
            assertNull(input.note, "a blank note is no note")
            val skippedInput = input.exercises.single { it.exercise == skipped }
            assertEquals(SkipReason.OTHER, skippedInput.skipReason, "the core needs a reason for a skip")
            assertNull(skippedInput.painDuring, "no pain during an exercise not done")

            val result = limber.checkIn(input, LONDON)
            assertEquals(session.slot, result.slot)
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
