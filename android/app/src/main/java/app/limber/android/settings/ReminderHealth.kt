package app.limber.android.settings

import android.Manifest
import android.app.AlarmManager
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.net.Uri
import android.os.Build
import android.os.PowerManager
import android.provider.Settings
import androidx.core.content.ContextCompat

/** What stands between a reminder and the person, read from the system each time it is shown. */
data class ReminderHealth(
    val notificationsAllowed: Boolean,
    val exactAlarmsAllowed: Boolean,
    val batteryUnrestricted: Boolean,
) {
    companion object {
        fun read(context: Context): ReminderHealth {
            val notifications = Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU ||
                ContextCompat.checkSelfPermission(context, Manifest.permission.POST_NOTIFICATIONS) ==
                PackageManager.PERMISSION_GRANTED
            val exact = Build.VERSION.SDK_INT < Build.VERSION_CODES.S ||
                context.getSystemService(AlarmManager::class.java).canScheduleExactAlarms()
            val battery = context.getSystemService(PowerManager::class.java).isIgnoringBatteryOptimizations(context.packageName)
            return ReminderHealth(notifications, exact, battery)
        }

        /** The app's notification settings: the way back after the permission was refused twice. */
        fun notificationSettings(context: Context) =
            Intent(Settings.ACTION_APP_NOTIFICATION_SETTINGS).putExtra(Settings.EXTRA_APP_PACKAGE, context.packageName)

        /** "Alarms & reminders" for this app (Android 12+). */
        fun exactAlarmSettings(context: Context) =
            Intent(Settings.ACTION_REQUEST_SCHEDULE_EXACT_ALARM, Uri.parse("package:${context.packageName}"))

        /**
         * The battery optimisation list. Asking directly (ACTION_REQUEST_IGNORE_BATTERY_OPTIMIZATIONS)
         * needs a permission Play reserves for apps that cannot work otherwise; Limber can.
         */
        fun batterySettings() = Intent(Settings.ACTION_IGNORE_BATTERY_OPTIMIZATION_SETTINGS)
    }
}
