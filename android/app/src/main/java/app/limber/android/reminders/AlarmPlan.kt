package app.limber.android.reminders

import app.limber.core.Reminder
import app.limber.core.requestKey

/**
 * How an alarm is armed: exact when the person allows it, otherwise inexact but still allowed
 * through Doze (`setAndAllowWhileIdle`). Android delivers an inexact alarm late: usually within
 * minutes, but it may hold it for up to about an hour, and while the phone dozes it lets an
 * app's alarms through only every few minutes. The reminder health screen says so.
 */
enum class AlarmMode { EXACT, INEXACT }

/** What is armed now. AlarmManager cannot be asked, so the shell keeps this record itself. */
data class ArmedAlarm(val id: String, val fireAtMillis: Long, val mode: AlarmMode)

/** One alarm to set at [triggerAtMillis]; [requestCode] is the core's `requestKey` of the id. */
data class AlarmToArm(
    val id: String,
    val requestCode: Int,
    val triggerAtMillis: Long,
    val mode: AlarmMode,
) {
    fun armed() = ArmedAlarm(id, triggerAtMillis, mode)
}

data class AlarmChanges(val toCancel: List<String>, val toArm: List<AlarmToArm>, val armedAfter: List<ArmedAlarm>)

/**
 * Decides how to bring the armed alarms in line with the core's plan of upcoming reminders.
 * The plan is the truth: an armed id missing from it is cancelled (done, moved or turned off),
 * a reminder that is new, moved or armed in the other mode is (re-)armed, and an unchanged one
 * is left alone, so applying the same plan twice changes nothing. [force] re-arms everything,
 * for when alarms may have been wiped behind our back (boot, app update, force stop).
 */
object AlarmPlan {
    fun decide(
        plan: List<Reminder>,
        armed: Collection<ArmedAlarm>,
        exactAllowed: Boolean,
        force: Boolean = false,
    ): AlarmChanges {
        val mode = if (exactAllowed) AlarmMode.EXACT else AlarmMode.INEXACT
        val wanted = plan.distinctBy { it.id }.map { reminder ->
            AlarmToArm(
                id = reminder.id,
                requestCode = requestKey(reminder.id),
                triggerAtMillis = reminder.fireAt.toEpochMilli(),
                mode = mode,
            )
        }
        val wantedIds = wanted.map { it.id }.toSet()
        val armedNow = armed.toSet()
        return AlarmChanges(
            toCancel = armed.map { it.id }.filter { it !in wantedIds }.distinct(),
            toArm = wanted.filter { force || it.armed() !in armedNow },
            armedAfter = wanted.map { it.armed() },
        )
    }
}
