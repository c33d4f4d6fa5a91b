package app.limber.tests

import app.limber.core.CardId
import app.limber.core.DayOfWeek
import app.limber.core.Dose
import app.limber.core.LimberException
import app.limber.core.LocalTime
import app.limber.core.Platform
import app.limber.core.ReminderSettings
import app.limber.core.Response
import app.limber.core.ResponseValue
import app.limber.core.SafetyLevel
import app.limber.core.Side
import app.limber.core.Tier
import app.limber.core.ZoneHandOver
import app.limber.core.cardDisplay
import app.limber.core.doseSummary
import app.limber.core.evaluateResponses
import app.limber.core.exerciseCatalog
import app.limber.core.holdSequence
import app.limber.core.reminderLimit
import app.limber.core.requestKey
import app.limber.core.resultDisplay
import app.limber.core.setsDone
import app.limber.core.stopsEarly
import app.limber.core.tierLevel
import java.time.Instant
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

private const val LONDON = "Europe/London"
private val NOW: Instant = Instant.parse("2026-11-16T07:00:00Z")

private val ASSESSED = """
    {"age": 38, "duration_days": 60, "onset": "gradual", "pain_now": 4,
     "leg_symptoms": {}, "cauda_equina": {}, "general": {}, "known": {},
     "slr": {"left_deg": 64, "right_deg": 84, "measured_by": "helper", "felt_at": "back_of_thigh"},
     "nerve_check": false, "slump": false, "crossed_slr": false}
""".trimIndent()

/** The rules the phones used to copy, through the real bindings. */
class ShellRulesTest {
    @Test
    fun theHoldSequenceTimesSetsTimesRepetitionsTimesSides() {
        // The bug: 2 × 30 s each side was timed as one hold per side.
        val stretch = assertNotNull(holdSequence(Dose(30, 2, 1, true, null)))
        assertEquals(listOf(Side.LEFT, Side.LEFT, Side.RIGHT, Side.RIGHT), stretch.holds.map { it.side })
        assertEquals(listOf(30, 0, 30, 0), stretch.holds.map { it.restAfterSeconds })
        val bridgeHold = assertNotNull(holdSequence(Dose(5, 10, 2, false, null)))
        assertEquals(20, bridgeHold.holds.size)
        assertEquals(1, setsDone(bridgeHold, 10))
        assertNull(holdSequence(Dose(null, 10, 3, false, null)))
        assertNull(holdSequence(Dose(null, null, 1, false, 20)))
        val error = assertFailsWith<LimberException.InvalidInput> { holdSequence(Dose(30, 2, 1000, true, null)) }
        assertEquals("dose.sets", error.field)
        for (exercise in exerciseCatalog()) {
            val dose = exercise.dose
            val sequence = holdSequence(dose) ?: continue
            assertEquals(dose.sets * (dose.reps ?: 1) * (if (dose.perSide) 2 else 1), sequence.holds.size, exercise.id.name)
            assertTrue(doseSummary(dose).isNotBlank())
        }
    }

    @Test
    fun aFiredReminderIsStillDueOnlyWhileTheCorePlansIt() {
        val (_, limber) = openFresh()
        limber.use {
            it.submitAssessmentJson(ASSESSED, Instant.parse("2026-11-15T18:00:00Z"), 0)
            it.setReminderSettings(ReminderSettings(true, listOf(LocalTime(8, 0)), DayOfWeek.values().toList(), LONDON, 10, null, false))
            val fired = Instant.parse("2026-11-16T08:00:00Z")
            val id = "session:2026-11-16:1"
            assertEquals(id, it.firedReminder(id, fired, fired)?.id)
            assertNull(it.firedReminder(id, fired, Instant.parse("2026-11-17T00:00:00Z")), "its day is over")
            assertNull(it.firedReminder("session:2026-11-16:2", fired, fired), "not planned")
            it.setReminderSettings(it.reminderSettings().copy(enabled = false))
            assertNull(it.firedReminder(id, fired, fired), "reminders turned off")
        }
    }

    @Test
    fun theZoneHandOverFollowsTheDeviceIgnoresAliasesAndNeverAbortsTheReplan() {
        val (_, limber) = openFresh()
        limber.use {
            assertEquals(ZoneHandOver.SWITCHED, it.followDeviceZone("Asia/Kolkata", NOW))
            assertEquals(ZoneHandOver.UNCHANGED, it.followDeviceZone("Asia/Calcutta", NOW))
            assertEquals("Asia/Kolkata", it.reminderSettings().timeZone)
            assertEquals(ZoneHandOver.REJECTED, it.followDeviceZone("Not/AZone", NOW))
            assertEquals(ZoneHandOver.REJECTED, it.followDeviceZone("", NOW))
            assertEquals("Asia/Kolkata", it.reminderSettings().timeZone)
        }
    }

    @Test
    fun blockingAndWarningFlagsComeFromTheCore() {
        assertEquals(SafetyLevel.BLOCKING, tierLevel(Tier.EMERGENCY))
        assertEquals(SafetyLevel.BLOCKING, tierLevel(Tier.URGENT))
        assertEquals(SafetyLevel.WARN, tierLevel(Tier.SOON))
        assertEquals(SafetyLevel.CALM, tierLevel(Tier.NO_FLAGS))
        for (card in CardId.values()) assertTrue(cardDisplay(card).level != SafetyLevel.BLOCKING, card.name)
        assertTrue(cardDisplay(CardId.STOP_AND_RETRIAGE).offersReassessment)

        val age = Response("age", ResponseValue.Number(42))
        assertFalse(stopsEarly(listOf(age)))
        val bladder = Response("cauda_equina", ResponseValue.Choices(listOf("bladder")))
        assertTrue(stopsEarly(listOf(age, bladder)), "an emergency answer stops the questionnaire")
        val display = resultDisplay(evaluateResponses(listOf(age, bladder)))
        assertEquals(SafetyLevel.BLOCKING, display.level)
        assertFalse(display.dismissable)
        assertFalse(display.offersRoutine)
    }

    @Test
    fun requestKeysAreStableAndTheLimitsFitEachPlatform() {
        assertEquals(requestKey("session:2026-11-20:1"), requestKey("session:2026-11-20:1"))
        assertTrue(requestKey("session:2026-11-20:1") >= 0)
        assertTrue(requestKey("snooze:session:2026-11-20:1") != requestKey("session:2026-11-20:1"))
        assertTrue(requestKey("junk") < 0)
        assertEquals(64, reminderLimit(Platform.ANDROID))
        assertEquals(60, reminderLimit(Platform.IOS))
    }
}
