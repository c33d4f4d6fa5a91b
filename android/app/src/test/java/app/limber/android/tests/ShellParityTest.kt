package app.limber.android.tests

import app.limber.android.today.HoldTimer
import app.limber.android.today.doseLine
import app.limber.android.ui.Routes
import app.limber.core.CardId
import app.limber.core.Platform
import app.limber.core.SafetyLevel
import app.limber.core.ZoneHandOver
import app.limber.core.cardDisplay
import app.limber.core.doseSummary
import app.limber.core.exerciseCatalog
import app.limber.core.reminderLimit
import java.time.Instant
import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

private const val MONDAY = "session:2026-11-16:1"

/** What the shell shows and does is what the core decided, exercise by exercise and reminder by reminder. */
class ShellParityTest {
    @Test
    fun everyCatalogDoseReadsOnTheCardAsTheCoreWritesIt() {
        val catalog = exerciseCatalog()
        assertTrue(catalog.size >= 20)
        for (exercise in catalog) {
            for (dose in listOf(exercise.dose, exercise.maxDose)) {
                assertEquals(doseSummary(dose), doseLine(dose), exercise.id.name)
                // The timer runs every hold the words promise: sets × repetitions × sides.
                val timer = HoldTimer.forDose(dose)
                if (dose.holdSeconds == null || dose.minutes != null) {
                    assertNull(timer, exercise.id.name)
                } else {
                    val holds = dose.sets * (dose.reps ?: 1) * (if (dose.perSide) 2 else 1)
                    assertEquals(holds, assertNotNull(timer, exercise.id.name).holds.size, exercise.id.name)
                }
            }
        }
    }

    @Test
    fun aFiredReminderIsShownOnlyWhileTheCoreStillPlansIt() {
        assessedWithReminders().use {
            val fired = Instant.parse("2026-11-16T08:00:00Z")
            val shown = assertNotNull(it.firedReminder(MONDAY, fired, fired.plusSeconds(3)))
            assertEquals(it.upcomingReminders(on(0, "07:00"), 1).single().title, shown.title)
            assertNotNull(it.firedReminder(MONDAY, fired, Instant.parse("2026-11-16T23:59:00Z")), "late, same day")
            assertNull(it.firedReminder(MONDAY, fired, Instant.parse("2026-11-17T00:00:00Z")), "its day is over")
            // Checked in since: not shown.
            val session = it.today(on(0, "07:30"), LONDON).plan.sessions.single()
            it.checkIn(app.limber.android.today.CheckInForm.forSession(session).toInput(on(0, "07:45")), LONDON)
            assertNull(it.firedReminder(MONDAY, fired, fired))
        }
    }

    @Test
    fun theDevicesZoneIsHandedOverAndAnUnknownOneDoesNotStopTheReplan() {
        assessedWithReminders().use {
            val now = on(0, "07:00")
            assertEquals(ZoneHandOver.UNCHANGED, it.followDeviceZone(LONDON, now))
            assertEquals(ZoneHandOver.SWITCHED, it.followDeviceZone("Europe/Paris", now))
            assertEquals("Europe/Paris", it.reminderSettings().timeZone)
            assertEquals(ZoneHandOver.UNCHANGED, it.followDeviceZone("Europe/Paris", now))
            it.followDeviceZone("Asia/Kolkata", now)
            assertEquals(ZoneHandOver.UNCHANGED, it.followDeviceZone("Asia/Calcutta", now), "an alias")
            assertEquals(ZoneHandOver.REJECTED, it.followDeviceZone("Mars/Olympus", now))
            assertEquals("Asia/Kolkata", it.reminderSettings().timeZone)
            assertTrue(it.upcomingReminders(now, reminderLimit(Platform.ANDROID)).isNotEmpty(), "the re-plan goes on")
        }
    }

    @Test
    fun cardsWarnAndOfferTheWayBackAsTheCoreSays() {
        assertEquals(SafetyLevel.WARN, cardDisplay(CardId.STOP_AND_RETRIAGE).level)
        assertTrue(cardDisplay(CardId.STOP_AND_RETRIAGE).offersReassessment)
        assertEquals(SafetyLevel.CALM, cardDisplay(CardId.SEE_PHYSIO).level)
        assertEquals(64, reminderLimit(Platform.ANDROID))
    }

    @Test
    fun linksOpenOnlyTheRoutesNotificationsUse() {
        assertEquals(Routes.TODAY, Routes.fromLink("/today"))
        assertEquals(Routes.PAIN_NEW, Routes.fromLink("/pain/new"))
        assertEquals("checkin/2", Routes.fromLink("/checkin/2"))
        for (bad in listOf(null, "", "/", "/data", "/settings", "/checkin/3", "/checkin/x", "/checkin/", "/checkin/{session}", "/assessment", "/today/../data")) {
            assertNull(Routes.fromLink(bad), bad)
        }
    }
}
