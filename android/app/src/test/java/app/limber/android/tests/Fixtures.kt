package app.limber.android.tests

import app.limber.android.time.JavaTimeZoneRules
import app.limber.core.DayOfWeek
import app.limber.core.Limber
import app.limber.core.LocalTime
import app.limber.core.Reminder
import app.limber.core.ReminderKind
import app.limber.core.ReminderSettings
import app.limber.core.registerZoneRules
import java.nio.file.Files
import java.time.Instant

const val LONDON = "Europe/London"

/** Monday 2026-11-16 plus [day] days at [time] UTC; London is on UTC in November. */
fun on(day: Int, time: String): Instant = Instant.parse("2026-11-${16 + day}T$time:00Z")

/** The phone's own rules, registered once as [app.limber.android.LimberApp] does at start. */
private val phoneZoneRules: Unit by lazy { registerZoneRules(JavaTimeZoneRules()) }

fun openFresh(): Limber {
    phoneZoneRules
    return Limber.open(Files.createTempDirectory("limber-android-test").resolve("limber.db").toString())
}

/** Answers that allow a plan (tight hamstrings), in the JSON contract. */
private val ASSESSED = """
    {"age": 38, "duration_days": 60, "onset": "gradual", "pain_now": 4,
     "leg_symptoms": {}, "cauda_equina": {}, "general": {}, "known": {},
     "slr": {"left_deg": 64, "right_deg": 84, "measured_by": "helper", "felt_at": "back_of_thigh"},
     "nerve_check": false, "slump": false, "crossed_slr": false}
""".trimIndent()

/** A database with a plan in force and one 08:00 reminder a day in London, no morning check. */
fun assessedWithReminders(): Limber = openFresh().also {
    it.submitAssessmentJson(ASSESSED, on(-1, "18:00"), 0)
    it.setReminderSettings(
        ReminderSettings(
            enabled = true,
            slots = listOf(LocalTime(8, 0)),
            days = DayOfWeek.values().toList(),
            timeZone = LONDON,
            snoozeMinutes = 10,
            morningCheck = null,
            retestReminders = false,
        ),
    )
}

fun reminder(id: String, at: String, localDate: String = at.take(10), offsetMinutes: Int = 0) = Reminder(
    id = id,
    kind = ReminderKind.SESSION,
    fireAt = Instant.parse(at),
    localDate = localDate,
    localTime = LocalTime(at.substring(11, 13).toInt(), at.substring(14, 16).toInt()),
    utcOffsetMinutes = offsetMinutes,
    session = 1,
    title = "Time for your session",
    body = "A few minutes of stretching.",
)
