package app.limber.android.reminders

import android.app.PendingIntent
import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.net.Uri
import androidx.core.app.NotificationManagerCompat
import app.limber.android.limberApp
import app.limber.core.LimberException
import app.limber.core.requestKey
import java.time.Instant

/** The Snooze action: the core snoozes the reminder and hands back the new one to arm. */
class ReminderActionReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val id = intent.data?.schemeSpecificPart ?: return
        NotificationManagerCompat.from(context).cancel(requestKey(id))
        runAsync(context) {
            try {
                val snoozed = context.limberApp.core.call { snooze(id, Instant.now()) }
                AlarmScheduler(context).armNow(snoozed)
            } catch (e: LimberException) {
                // Already done, or the day would be over by then: nothing left to remind.
            }
            Rearm.run(context)
        }
    }

    companion object {
        fun snooze(context: Context, id: String): PendingIntent {
            val intent = Intent(context, ReminderActionReceiver::class.java)
                .setData(Uri.fromParts("limber-snooze", id, null))
            return PendingIntent.getBroadcast(context, requestKey(id), intent, PendingIntent.FLAG_IMMUTABLE)
        }
    }
}
