package app.limber.tests

import app.limber.android.time.JavaTimeZoneRules
import app.limber.core.LimberException
import app.limber.core.ReminderKind
import app.limber.core.Transition
import app.limber.core.ZoneRulesProvider
import app.limber.core.ZoneWindow
import app.limber.core.registerZoneRules
import java.time.Instant
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Test

/** The Android provider, counting the zones it is asked for. */
private class Counting(val inner: ZoneRulesProvider = JavaTimeZoneRules()) : ZoneRulesProvider {
    val asked = mutableListOf<String>()

    override fun window(zone: String, from: Instant, to: Instant): ZoneWindow {
        asked += zone
        return inner.window(zone, from, to)
    }
}

/** A zone only this phone knows: UTC+05:30 until 2026-06-01, then UTC+06:30. */
private class PhoneOnlyZone : ZoneRulesProvider {
    override fun window(zone: String, from: Instant, to: Instant): ZoneWindow {
        if (zone != "Limber/Test") return JavaTimeZoneRules().window(zone, from, to)
        return ZoneWindow(zone, from, to, 19800, listOf(Transition(Instant.parse("2026-06-01T00:00:00Z"), 23400)))
    }
}

/**
 * The library plans with the rules the shell registers (`registerZoneRules`), as the phones do
 * at start: the phone library has none of its own.
 */
class ZoneProviderTest {
    @AfterEach
    fun backToThePhonesRules() = registerZoneRules(JavaTimeZoneRules())

    @Test
    fun theProviderIsAskedOncePerZoneHoweverMuchIsPlanned() {
        val counting = Counting()
        registerZoneRules(counting)
        val (_, limber) = openFresh()
        limber.use {
            it.submitAssessmentJson(answersJson(slrLeft = 70), Instant.parse("2026-03-01T12:00:00Z"), -300)
            it.setReminderSettings(it.reminderSettings().copy(timeZone = "America/New_York"))
            repeat(3) { _ ->
                it.upcomingReminders(Instant.parse("2026-03-06T00:00:00Z"), 64)
                it.today(Instant.parse("2026-03-08T15:00:00Z"), "America/New_York")
                it.adherence(Instant.parse("2026-03-08T15:00:00Z"), 28)
            }
        }
        assertEquals(listOf("America/New_York"), counting.asked)
    }

    @Test
    fun remindersFollowTheRegisteredRulesNotTheCompiledInOnes() {
        registerZoneRules(PhoneOnlyZone())
        val (_, limber) = openFresh()
        limber.use {
            it.submitAssessmentJson(answersJson(slrLeft = 70), Instant.parse("2026-05-20T12:00:00Z"), 330)
            it.setReminderSettings(it.reminderSettings().copy(timeZone = "Limber/Test"))
            val sessions = it.upcomingReminders(Instant.parse("2026-05-29T00:00:00Z"), 20)
                .filter { r -> r.kind == ReminderKind.SESSION }
            val byDate = sessions.associateBy { r -> r.localDate }
            assertEquals(330, byDate.getValue("2026-05-30").utcOffsetMinutes)
            assertEquals(390, byDate.getValue("2026-06-02").utcOffsetMinutes)
            assertTrue(sessions.all { r -> r.localTime == sessions.first().localTime })
        }
    }

    @Test
    fun aZoneTheProviderDoesNotKnowIsATypedError() {
        val (_, limber) = openFresh()
        limber.use {
            val error = assertFailsWith<LimberException.InvalidInput> {
                it.setReminderSettings(it.reminderSettings().copy(timeZone = "Mars/Olympus"))
            }
            assertEquals("time_zone", error.field)
        }
    }
}
