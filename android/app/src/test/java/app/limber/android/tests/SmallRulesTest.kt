package app.limber.android.tests

import app.limber.android.data.DeviceTime
import app.limber.android.data.forPeople
import app.limber.core.LimberException
import java.time.Instant
import java.time.ZoneId
import kotlin.test.assertEquals
import org.junit.jupiter.api.Test

class SmallRulesTest {
    @Test
    fun coreErrorsNameTheFieldAndItsRange() {
        val error = kotlin.test.assertFailsWith<LimberException.InvalidInput> {
            openFresh().use { it.addPain(app.limber.android.pain.PainForm(level = 11).toInput(Instant.parse("2026-11-20T08:00:00Z"))) }
        }
        assertEquals("${error.reason} (level: ${error.range})", error.forPeople())
        kotlin.test.assertTrue(error.range.contains("10"), error.range)
    }

    @Test
    fun theOffsetIsTheOneInForceAtTheMoment() {
        val london = ZoneId.of("Europe/London")
        assertEquals(60, DeviceTime.offsetMinutes(Instant.parse("2026-07-01T12:00:00Z"), london))
        assertEquals(0, DeviceTime.offsetMinutes(Instant.parse("2026-12-01T12:00:00Z"), london))
        assertEquals(330, DeviceTime.offsetMinutes(Instant.parse("2026-12-01T12:00:00Z"), ZoneId.of("Asia/Kolkata")))
    }
}
