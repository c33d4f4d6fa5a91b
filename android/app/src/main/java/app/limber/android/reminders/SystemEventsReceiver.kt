package app.limber.android.reminders

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent

/**
 * Boot, a new time or zone, an app update, exact alarms allowed: re-arm from the core's plan.
 * After a boot or an update the alarms may be gone whatever our record says, so all are set again.
 */
class SystemEventsReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val action = intent.action ?: return
        if (action !in HANDLED) return
        val force = action == Intent.ACTION_BOOT_COMPLETED || action == Intent.ACTION_MY_PACKAGE_REPLACED
        runAsync(context) { Rearm.run(context, force) }
    }

    private companion object {
        val HANDLED = setOf(
            Intent.ACTION_BOOT_COMPLETED,
            Intent.ACTION_TIME_CHANGED,
            Intent.ACTION_TIMEZONE_CHANGED,
            Intent.ACTION_MY_PACKAGE_REPLACED,
            "android.app.action.SCHEDULE_EXACT_ALARM_PERMISSION_STATE_CHANGED",
        )
    }
}
