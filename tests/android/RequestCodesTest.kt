package app.limber.android.tests

import app.limber.android.reminders.RequestCodes
import java.time.LocalDate
import kotlin.test.assertEquals
import kotlin.test.assertNotEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

class RequestCodesTest {
    @Test
    fun everyIdTheCoreCanGiveForAYearHasItsOwnNonNegativeCode() {
        val start = LocalDate.parse("2026-11-16")
        val ids = (0L until 366L).flatMap { d ->
            val date = start.plusDays(d)
            val plain = listOf("morning:$date", "retest:$date") + (1..4).map { "session:$date:$it" }
            plain + plain.map { "snooze:$it" }
        }
        val codes = ids.map(RequestCodes::of)
        assertEquals(ids.size, codes.toSet().size)
        assertTrue(codes.all { it >= 0 })
    }

    @Test
    fun theSameIdAlwaysGivesTheSameCode() {
        assertEquals(RequestCodes.of("session:2026-11-20:1"), RequestCodes.of("session:2026-11-20:1"))
        assertNotEquals(RequestCodes.of("session:2026-11-20:1"), RequestCodes.of("snooze:session:2026-11-20:1"))
        assertNotEquals(RequestCodes.of("session:2026-11-20:1"), RequestCodes.of("session:2026-11-20:2"))
    }

    @Test
    fun anUnknownIdFallsOutsideTheRangeOfKnownOnes() {
        for (id in listOf("", "session:2026-11-20", "session:2026-13-01:1", "session:2026-11-20:9", "weekly:2026-11-20")) {
            assertTrue(RequestCodes.of(id) < 0, id)
        }
    }
}
