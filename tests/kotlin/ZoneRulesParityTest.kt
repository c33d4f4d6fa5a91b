package app.limber.tests

import app.limber.android.time.JavaTimeZoneRules
import app.limber.core.LimberException
import app.limber.core.builtinTzdbVersion
import app.limber.core.builtinZoneWindow
import app.limber.core.checkedZoneWindow
import app.limber.core.wallClockInstants
import java.time.Instant
import java.time.ZoneId
import java.time.zone.ZoneRulesProvider as JavaZoneRulesProvider
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNotEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

private val FROM: Instant = Instant.parse("2026-01-01T00:00:00Z")
private val TO: Instant = Instant.parse("2028-01-01T00:00:00Z")

/** Reminder times: midnight (Santiago, Havana), the small hours most zones change in, morning, night. */
private val TIMES = listOf("00:00", "00:30", "01:30", "02:30", "07:30", "23:30")

/**
 * Every zone the JVM knows, over two years: the reminders Limber computes from the phone's rules
 * (java.time, through the provider the Android app uses) against those from the rules compiled
 * into the library (chrono-tz). Both go through the same core rules for skipped and repeated
 * times, so any difference is a difference in the tz data itself: the test prints each one with
 * both tzdata versions, and fails if the provider gets zones wrong wholesale.
 */
class ZoneRulesParityTest {
    private val provider = JavaTimeZoneRules()

    @Test
    fun everyZoneOverTwoYearsGivesTheSameRemindersAsTheRulesCompiledIn() {
        val jdk = JavaZoneRulesProvider.getVersions("UTC").lastKey()
        val builtin = builtinTzdbVersion()
        var same = 0
        val differing = mutableListOf<String>()
        val unknownToLimber = mutableListOf<String>()
        for (zone in ZoneId.getAvailableZoneIds().sorted()) {
            val compiledIn = try {
                builtinZoneWindow(zone, FROM, TO)
            } catch (e: LimberException.InvalidInput) {
                unknownToLimber += zone
                continue
            }
            val phone = checkedZoneWindow(provider, zone, FROM, TO)
            val fromPhone = wallClockInstants(phone, TIMES, "2026-01-01", 730)
            val fromLibrary = wallClockInstants(compiledIn, TIMES, "2026-01-01", 730)
            if (fromPhone == fromLibrary) {
                same++
                continue
            }
            // Only the tz data may differ, never how the core reads it.
            assertNotEquals(compiledIn, phone, "$zone: same rules, different reminders")
            val i = fromPhone.indices.first { fromPhone[it] != fromLibrary[it] }
            differing += "$zone: first at day ${i / TIMES.size} ${TIMES[i % TIMES.size]}: " +
                "java.time ${fromPhone[i]} vs chrono-tz ${fromLibrary[i]} " +
                "(offset ${phone.offsetSeconds}s/${phone.transitions.size} changes vs " +
                "${compiledIn.offsetSeconds}s/${compiledIn.transitions.size})"
        }
        println("tzdata: java.time $jdk, compiled in (chrono-tz) $builtin")
        println("zones with the same reminders for two years: $same")
        println("zones whose reminders differ (${differing.size}):")
        differing.forEach { println("  $it") }
        println("zones java.time knows and the compiled-in rules do not (${unknownToLimber.size}): $unknownToLimber")
        assertTrue(same >= 400, "only $same zones agree")
        // A broken provider would move most zones; tzdata releases differ in a handful.
        assertTrue(differing.size * 20 < same, "${differing.size} zones differ: ${differing.take(5)}")
    }

    @Test
    fun namedZonesAgreeExactly() {
        for (zone in listOf("Europe/London", "America/New_York", "Australia/Lord_Howe", "America/Santiago", "America/Havana", "Asia/Kolkata")) {
            assertEquals(builtinZoneWindow(zone, FROM, TO), checkedZoneWindow(provider, zone, FROM, TO), zone)
        }
    }

    @Test
    fun aZoneThePhoneDoesNotKnowIsATypedError() {
        val error = assertFailsWith<LimberException.InvalidInput> { checkedZoneWindow(provider, "Mars/Olympus", FROM, TO) }
        assertEquals("zone", error.field)
    }
}
