package app.limber.android.tests

import app.limber.android.assessment.SafetyLevel
import app.limber.android.data.DeviceTime
import app.limber.android.data.forPeople
import app.limber.core.LimberException
import app.limber.android.reminders.ZoneSync
import app.limber.android.today.doseText
import app.limber.core.DayOfWeek
import app.limber.core.Dose
import app.limber.core.LocalTime
import app.limber.core.ReminderSettings
import app.limber.core.Tier
import java.time.Instant
import java.time.ZoneId
import kotlin.test.assertEquals
import kotlin.test.assertNull
import org.junit.jupiter.api.Test

private val settings = ReminderSettings(true, listOf(LocalTime(8, 0)), DayOfWeek.values().toList(), "UTC", 10, null, true)

class SmallRulesTest {
    @Test
    fun urgentAndEmergencyResultsCannotBeDismissed() {
        val rows = listOf(
            Tier.NO_FLAGS to SafetyLevel.CALM,
            Tier.SOON to SafetyLevel.SEE_DOCTOR_SOON,
            Tier.URGENT to SafetyLevel.BLOCKING,
            Tier.EMERGENCY to SafetyLevel.BLOCKING,
        )
        assertEquals(Tier.values().toSet(), rows.map { it.first }.toSet(), "every tier has a row")
        for ((tier, level) in rows) {
            assertEquals(level, SafetyLevel.of(tier), tier.name)
            assertEquals(level != SafetyLevel.BLOCKING, SafetyLevel.of(tier).dismissable, tier.name)
        }
    }

    @Test
    fun dosesReadAsAFewWords() {
        val rows = listOf(
            Dose(30, null, 3, true, null) to "3 × 30 s hold, each side",
            Dose(null, 10, 2, false, null) to "2 × 10 reps",
            Dose(null, null, 1, false, 20) to "20 min",
        )
        for ((dose, text) in rows) assertEquals(text, doseText(dose))
    }

    @Test
    fun theDevicesZoneIsHandedToTheCoreOnlyWhenItDiffers() {
        assertEquals("Europe/Paris", ZoneSync.withDeviceZone(settings, "Europe/Paris")?.timeZone)
        assertNull(ZoneSync.withDeviceZone(settings.copy(timeZone = "Europe/Paris"), "Europe/Paris"))
        assertNull(ZoneSync.withDeviceZone(settings.copy(timeZone = "Asia/Kolkata"), "Asia/Calcutta"), "an alias")
        assertEquals("Europe/Dublin", ZoneSync.withDeviceZone(settings.copy(timeZone = "Europe/London"), "Europe/Dublin")?.timeZone)
    }

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
