package app.limber.android.tests

import app.limber.android.reminders.AlarmPlan
import kotlin.test.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.condition.EnabledIfSystemProperty

/**
 * Proves the JVM run can fail: check.sh runs this alone with -Dlimber.selftest=fail and
 * requires the launcher to report a failure. Skipped in the normal run.
 */
class SelfTest {
    @Test
    @EnabledIfSystemProperty(named = "limber.selftest", matches = "fail")
    fun aWrongExpectationFails() {
        val changes = AlarmPlan.decide(listOf(reminder("session:2026-11-16:1", "2026-11-16T08:00:00Z")), emptyList(), true)
        assertEquals(0, changes.toArm.size, "deliberately wrong: one alarm is armed")
    }
}
