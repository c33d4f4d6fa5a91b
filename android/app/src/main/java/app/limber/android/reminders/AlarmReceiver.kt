package app.limber.android.reminders

import android.app.PendingIntent
import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.net.Uri
import app.limber.android.limberApp
import app.limber.core.requestKey
import java.time.Instant

/**
 * A reminder's alarm went off: show it only if the core says it is still due (`firedReminder`:
 * not done, not moved, its day not over, the plan still active), then re-arm, which also moves
 * the horizon of armed reminders on.
 */
class AlarmReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val id = intent.data?.schemeSpecificPart ?: return
        val fireAt = Instant.ofEpochMilli(intent.getLongExtra(EXTRA_FIRE_AT, 0))
        runAsync(context) {
            context.limberApp.core.call { firedReminder(id, fireAt, Instant.now()) }?.let { Notifications.show(context, it) }
            Rearm.run(context)
        }
    }

    companion object {
        private const val EXTRA_FIRE_AT = "fire_at"

        /**
         * The alarm's PendingIntent. The reminder id is the intent's data, so every reminder
         * has its own alarm whatever the request code; the same id gives the same alarm, which
         * is what lets AlarmManager replace or cancel it.
         */
        fun pendingIntent(context: Context, id: String, fireAtMillis: Long): PendingIntent {
            val intent = Intent(context, AlarmReceiver::class.java)
                .setData(Uri.fromParts("limber-reminder", id, null))
                .putExtra(EXTRA_FIRE_AT, fireAtMillis)
            return PendingIntent.getBroadcast(
                context,
                requestKey(id),
                intent,
                PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT,
            )
        }
    }
}
