package app.limber.android.settings

import android.app.TimePickerDialog
import android.content.Context
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.Button
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.unit.dp
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.compose.LifecycleEventEffect
import app.limber.android.data.CoreRepository
import app.limber.android.data.DeviceTime
import app.limber.android.ui.CoreViewModel
import app.limber.android.ui.ErrorText
import app.limber.android.ui.MessageCard
import app.limber.android.ui.Screen
import app.limber.android.ui.SectionTitle
import app.limber.android.ui.coreViewModel
import app.limber.android.ui.label
import app.limber.android.ui.text
import app.limber.core.DayOfWeek
import app.limber.core.LocalTime
import app.limber.core.ReminderSettings
import java.time.Instant

class ReminderSettingsViewModel(core: CoreRepository) : CoreViewModel(core) {
    var settings by mutableStateOf<ReminderSettings?>(null)
        private set
    var saved by mutableStateOf(false)
        private set

    init {
        launchCore { settings = core.call { reminderSettings() } }
    }

    fun edit(change: (ReminderSettings) -> ReminderSettings) {
        settings = settings?.let(change)
        saved = false
    }

    /**
     * The core checks every field. The zone is handed over as on every re-plan: the core
     * decides whether the settings follow the phone's zone (a zone it does not know leaves the
     * saved one, rather than refusing the whole save).
     */
    fun save() {
        val edited = settings ?: return
        launchCore {
            settings = core.callThenRearm {
                setReminderSettings(edited)
                followDeviceZone(DeviceTime.zoneId(), Instant.now())
                reminderSettings()
            }
            saved = true
        }
    }
}

/** Reminder times, days, snooze length, the morning check and re-test reminders. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun ReminderSettingsScreen(onBack: () -> Unit) {
    val model = coreViewModel { ReminderSettingsViewModel(it) }
    val context = LocalContext.current
    var exactAllowed by remember { mutableStateOf(ReminderHealth.read(context).exactAlarmsAllowed) }
    LifecycleEventEffect(Lifecycle.Event.ON_RESUME) { exactAllowed = ReminderHealth.read(context).exactAlarmsAllowed }
    Screen("Reminders", onBack = onBack) {
        ErrorText(model.error)
        val s = model.settings ?: return@Screen
        Toggle("Reminders on", s.enabled) { on -> model.edit { it.copy(enabled = on) } }
        // Android 12+ asks the person for exact alarms, and from Android 14 a new install does
        // not have them: offer them the moment reminders are on, not only in Reminder health.
        if (s.enabled && !exactAllowed) {
            MessageCard(
                "Reminders on the minute?",
                listOf("Without \"Alarms & reminders\", Android may deliver a reminder late, sometimes by up to an hour."),
            )
            OutlinedButton(onClick = { openExactAlarmSettings(context) }) { Text("Allow alarms & reminders") }
        }

        SectionTitle("Times")
        s.slots.forEachIndexed { i, slot ->
            Row(verticalAlignment = Alignment.CenterVertically) {
                TextButton(onClick = {
                    pickTime(context, slot) { t -> model.edit { it.copy(slots = it.slots.toMutableList().apply { set(i, t) }) } }
                }) { Text(slot.text, style = MaterialTheme.typography.titleLarge) }
                if (s.slots.size > 1) {
                    TextButton(onClick = { model.edit { it.copy(slots = it.slots.filterIndexed { j, _ -> j != i }) } }) { Text("Remove") }
                }
            }
        }
        OutlinedButton(onClick = { pickTime(context, LocalTime(18, 0)) { t -> model.edit { it.copy(slots = it.slots + t) } } }) {
            Text("Add a time")
        }

        SectionTitle("Days")
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            DayOfWeek.entries.forEach { d ->
                FilterChip(
                    selected = d in s.days,
                    onClick = { model.edit { it.copy(days = if (d in it.days) it.days - d else it.days + d) } },
                    label = { Text(d.label) },
                )
            }
        }

        SectionTitle("Snooze")
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            listOf(5, 10, 15, 30, 60).forEach { m ->
                FilterChip(selected = s.snoozeMinutes == m, onClick = { model.edit { it.copy(snoozeMinutes = m) } }, label = { Text("$m min") })
            }
        }

        SectionTitle("Morning check")
        val morning = s.morningCheck
        Toggle("Ask how I feel on waking", morning != null) { on ->
            model.edit { it.copy(morningCheck = if (on) LocalTime(8, 0) else null) }
        }
        if (morning != null) {
            TextButton(onClick = { pickTime(context, morning) { t -> model.edit { it.copy(morningCheck = t) } } }) {
                Text(morning.text, style = MaterialTheme.typography.titleLarge)
            }
        }
        Toggle("Remind me when the tests are due again", s.retestReminders) { on -> model.edit { it.copy(retestReminders = on) } }

        Text("Times are in this phone's time zone (${DeviceTime.zoneId()}).", style = MaterialTheme.typography.bodySmall)
        Button(enabled = !model.busy, onClick = model::save, modifier = Modifier.fillMaxWidth()) {
            Text(if (model.saved) "Saved" else "Save")
        }
    }
}

@Composable
private fun Toggle(label: String, checked: Boolean, onChange: (Boolean) -> Unit) {
    Row(Modifier.fillMaxWidth(), verticalAlignment = Alignment.CenterVertically) {
        Text(label, Modifier.weight(1f))
        Switch(checked, onCheckedChange = onChange)
    }
}

/** The platform's time picker: familiar, accessible, and in the phone's 12/24-hour style. */
private fun pickTime(context: Context, start: LocalTime, onPicked: (LocalTime) -> Unit) {
    val is24 = android.text.format.DateFormat.is24HourFormat(context)
    TimePickerDialog(context, { _, hour, minute -> onPicked(LocalTime(hour, minute)) }, start.hour, start.minute, is24).show()
}

private fun openExactAlarmSettings(context: Context) {
    try {
        context.startActivity(ReminderHealth.exactAlarmSettings(context))
    } catch (e: android.content.ActivityNotFoundException) {
        context.startActivity(android.content.Intent(android.provider.Settings.ACTION_SETTINGS))
    }
}
