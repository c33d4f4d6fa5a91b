package app.limber.android.settings

import android.Manifest
import android.content.ActivityNotFoundException
import android.content.Context
import android.content.Intent
import android.os.Build
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.unit.dp
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.compose.LifecycleEventEffect
import app.limber.android.ui.Screen

/**
 * Reminder health: notifications, exact alarms and battery optimisation, each with a button to
 * the right settings screen. Read again on every return, as the person changes them elsewhere.
 */
@Composable
fun ReminderHealthScreen(onBack: () -> Unit) {
    val context = LocalContext.current
    var health by remember { mutableStateOf(ReminderHealth.read(context)) }
    LifecycleEventEffect(Lifecycle.Event.ON_RESUME) { health = ReminderHealth.read(context) }
    val askNotifications = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) { granted ->
        // Refused before: Android no longer asks, so send the person to the settings instead.
        if (!granted) context.openSettings(ReminderHealth.notificationSettings(context))
        health = ReminderHealth.read(context)
    }

    Screen("Reminder health", onBack = onBack) {
        Check(
            title = "Notifications",
            ok = health.notificationsAllowed,
            okText = "Allowed.",
            problem = "Not allowed: reminders cannot be shown.",
            action = "Allow notifications",
        ) {
            if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) {
                askNotifications.launch(Manifest.permission.POST_NOTIFICATIONS)
            } else {
                context.openSettings(ReminderHealth.notificationSettings(context))
            }
        }
        Check(
            title = "Exact times",
            ok = health.exactAlarmsAllowed,
            okText = "Reminders fire on the minute.",
            problem = "Not allowed: reminders still come, even while the phone is idle, but late: " +
                "usually within minutes, and Android may hold one back by up to about an hour.",
            action = "Allow alarms & reminders",
        ) { context.openSettings(ReminderHealth.exactAlarmSettings(context)) }
        Check(
            title = "Battery",
            ok = health.batteryUnrestricted,
            okText = "Not optimised: nothing holds reminders back.",
            problem = "Optimised: some phones delay or drop reminders. Choose \"Don't optimise\" or \"Unrestricted\" for Limber.",
            action = "Open battery settings",
        ) { context.openSettings(ReminderHealth.batterySettings()) }
    }
}

@Composable
private fun Check(title: String, ok: Boolean, okText: String, problem: String, action: String, onFix: () -> Unit) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text((if (ok) "✓ " else "! ") + title, style = MaterialTheme.typography.titleMedium)
            Text(if (ok) okText else problem, color = if (ok) MaterialTheme.colorScheme.onSurface else MaterialTheme.colorScheme.error)
            if (!ok) OutlinedButton(onClick = onFix) { Text(action) }
        }
    }
}

/** Some phones lack a settings screen; then there is nothing better to open. */
private fun Context.openSettings(intent: Intent) {
    try {
        startActivity(intent)
    } catch (e: ActivityNotFoundException) {
        startActivity(Intent(android.provider.Settings.ACTION_SETTINGS))
    }
}
