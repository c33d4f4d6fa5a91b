package app.limber.android.reminders

import android.app.AlarmManager
import android.content.Context
import android.os.Build
import app.limber.core.Reminder

/** Applies AlarmPlan's decisions to AlarmManager and keeps the record of what is armed. */
class AlarmScheduler(private val context: Context) {
    private val alarms = context.getSystemService(AlarmManager::class.java)
    private val store = ArmedStore(context)

    /** Exact alarms need the person's consent from Android 12 on. */
    fun exactAllowed(): Boolean = Build.VERSION.SDK_INT < Build.VERSION_CODES.S || alarms.canScheduleExactAlarms()

    /** Brings the alarms in line with the core's [plan]; see [AlarmPlan.decide]. */
    fun apply(plan: List<Reminder>, force: Boolean) {
        val changes = AlarmPlan.decide(plan, store.load(), exactAllowed(), force)
        for (id in changes.toCancel) {
            val operation = AlarmReceiver.pendingIntent(context, id, fireAtMillis = 0)
            alarms.cancel(operation)
            operation.cancel()
        }
        val fellBack = changes.toArm.map(::arm).filter { it.mode != AlarmMode.EXACT }.associateBy { it.id }
        store.save(changes.armedAfter.map { fellBack[it.id] ?: it })
    }

    /** Arms one reminder the core just handed over (a snooze) and adds it to the record. */
    fun armNow(reminder: Reminder) {
        val alarm = AlarmPlan.decide(listOf(reminder), emptyList(), exactAllowed()).toArm.single()
        val armed = arm(alarm)
        store.save(store.load().filterNot { it.id == armed.id } + armed)
    }

    /**
     * Sets the alarm; if exact alarms were refused in the meantime, an inexact one that still
     * fires while the phone dozes (`setWindow` does not), never nothing.
     */
    private fun arm(alarm: AlarmToArm): ArmedAlarm {
        val operation = AlarmReceiver.pendingIntent(context, alarm.id, alarm.triggerAtMillis)
        if (alarm.mode == AlarmMode.EXACT) {
            try {
                alarms.setExactAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, alarm.triggerAtMillis, operation)
                return alarm.armed()
            } catch (e: SecurityException) {
                // The permission was withdrawn between the check and the call.
            }
        }
        alarms.setAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, alarm.triggerAtMillis, operation)
        return ArmedAlarm(alarm.id, alarm.triggerAtMillis, AlarmMode.INEXACT)
    }
}
