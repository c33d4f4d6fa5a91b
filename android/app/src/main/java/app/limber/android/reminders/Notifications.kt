package app.limber.android.reminders

import android.Manifest
import android.app.NotificationChannel
import android.app.NotificationManager
import android.content.Context
import android.content.pm.PackageManager
import android.os.Build
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat
import app.limber.android.MainActivity
import app.limber.android.R
import app.limber.android.ui.Routes
import app.limber.core.Reminder
import app.limber.core.requestKey

/** The reminder channel and the reminder notification, with Done, Snooze and Log pain. */
object Notifications {
    private const val CHANNEL = "reminders"

    fun createChannel(context: Context) {
        val channel = NotificationChannel(
            CHANNEL,
            context.getString(R.string.reminder_channel_name),
            NotificationManager.IMPORTANCE_DEFAULT,
        ).apply { description = context.getString(R.string.reminder_channel_description) }
        context.getSystemService(NotificationManager::class.java).createNotificationChannel(channel)
    }

    /** Shows the core's words for [reminder]; they never hold health data, so the lock screen may show them. */
    fun show(context: Context, reminder: Reminder) {
        // Without the permission there is nothing to post; the reminder health screen says so.
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU &&
            ContextCompat.checkSelfPermission(context, Manifest.permission.POST_NOTIFICATIONS) !=
            PackageManager.PERMISSION_GRANTED
        ) {
            return
        }
        val id = requestKey(reminder.id)
        // Done opens the check-in of the session reminded of; a morning check or re-test is on Today.
        val done = reminder.session?.let(Routes::checkIn) ?: Routes.TODAY
        val notification = NotificationCompat.Builder(context, CHANNEL)
            .setSmallIcon(R.drawable.ic_notification)
            .setContentTitle(reminder.title)
            .setContentText(reminder.body)
            .setStyle(NotificationCompat.BigTextStyle().bigText(reminder.body))
            .setCategory(NotificationCompat.CATEGORY_REMINDER)
            .setVisibility(NotificationCompat.VISIBILITY_PUBLIC)
            .setAutoCancel(true)
            .setContentIntent(MainActivity.open(context, Routes.TODAY, id))
            .addAction(0, "Done", MainActivity.open(context, done, id))
            .addAction(0, "Snooze", ReminderActionReceiver.snooze(context, reminder.id))
            .addAction(0, "Log pain", MainActivity.open(context, Routes.PAIN_NEW, id))
            .build()
        NotificationManagerCompat.from(context).notify(id, notification)
    }
}
