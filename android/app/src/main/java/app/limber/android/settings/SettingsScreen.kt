package app.limber.android.settings

import androidx.compose.foundation.clickable
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.ListItem
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import app.limber.android.ui.Routes
import app.limber.android.ui.Screen

/** The settings menu. */
@Composable
fun SettingsScreen(onOpen: (String) -> Unit) {
    val entries = listOf(
        Triple("Routine", "Session times, strength days, equipment, foam rolling", Routes.ROUTINE),
        Triple("Reminders", "Times, days, snooze and the morning check", Routes.REMINDERS),
        Triple("Reminder health", "Check that reminders can reach you", Routes.REMINDER_HEALTH),
        Triple("Your data", "Export, import or delete everything", Routes.YOUR_DATA),
        Triple("Your latest result", "The self-assessment's advice", Routes.SAFETY),
        Triple("Self-assessment", "Answer the questions again", Routes.ASSESSMENT),
    )
    Screen("Settings") {
        entries.forEach { (title, detail, route) ->
            ListItem(
                headlineContent = { Text(title) },
                supportingContent = { Text(detail) },
                modifier = Modifier.clickable { onOpen(route) },
            )
            HorizontalDivider()
        }
    }
}
