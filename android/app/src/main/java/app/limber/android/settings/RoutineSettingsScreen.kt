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
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.unit.dp
import app.limber.android.data.CoreRepository
import app.limber.android.ui.CoreViewModel
import app.limber.android.ui.ErrorText
import app.limber.android.ui.Screen
import app.limber.android.ui.SectionTitle
import app.limber.android.ui.coreViewModel
import app.limber.android.ui.label
import app.limber.android.ui.text
import app.limber.core.DayOfWeek
import app.limber.core.Equipment
import app.limber.core.LocalTime
import app.limber.core.RoutineSettings

class RoutineSettingsViewModel(core: CoreRepository) : CoreViewModel(core) {
    var settings by mutableStateOf<RoutineSettings?>(null)
        private set
    var saved by mutableStateOf(false)
        private set

    init {
        launchCore { settings = core.call { routineSettings() } }
    }

    fun edit(change: (RoutineSettings) -> RoutineSettings) {
        settings = settings?.let(change)
        saved = false
    }

    /** The core checks every field (1-2 times, 2-3 strength days) and names the one it refuses. */
    fun save() {
        val edited = settings ?: return
        launchCore {
            settings = core.callThenRearm { setRoutineSettings(edited) }
            saved = true
        }
    }
}

/** The routine: session times, strength days, equipment at hand, foam rolling. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun RoutineSettingsScreen(onBack: () -> Unit) {
    val model = coreViewModel { RoutineSettingsViewModel(it) }
    val context = LocalContext.current
    Screen("Routine", onBack = onBack) {
        ErrorText(model.error)
        val s = model.settings ?: return@Screen

        SectionTitle("Sessions")
        s.sessionTimes.forEachIndexed { i, time ->
            Row(verticalAlignment = Alignment.CenterVertically) {
                Text("Session ${i + 1}", Modifier.weight(1f))
                TextButton(onClick = {
                    pickTime(context, time) { t -> model.edit { it.copy(sessionTimes = it.sessionTimes.toMutableList().apply { set(i, t) }) } }
                }) { Text(time.text, style = MaterialTheme.typography.titleLarge) }
                if (s.sessionTimes.size > 1) {
                    TextButton(onClick = { model.edit { it.copy(sessionTimes = it.sessionTimes.filterIndexed { j, _ -> j != i }) } }) {
                        Text("Remove")
                    }
                }
            }
        }
        if (s.sessionTimes.size < 2) {
            OutlinedButton(onClick = { pickTime(context, LocalTime(18, 0)) { t -> model.edit { it.copy(sessionTimes = it.sessionTimes + t) } } }) {
                Text("Add a second session")
            }
        }

        SectionTitle("Strength days")
        Text("Strengthening on 2 or 3 days a week, in the first session.", style = MaterialTheme.typography.bodySmall)
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            DayOfWeek.entries.forEach { d ->
                FilterChip(
                    selected = d in s.strengthDays,
                    onClick = { model.edit { it.copy(strengthDays = if (d in it.strengthDays) it.strengthDays - d else it.strengthDays + d) } },
                    label = { Text(d.label) },
                )
            }
        }

        SectionTitle("What you have at hand")
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            Equipment.entries.filter { it != Equipment.NO_EQUIPMENT }.forEach { e ->
                FilterChip(
                    selected = e in s.equipment,
                    onClick = { model.edit { it.copy(equipment = if (e in it.equipment) it.equipment - e else it.equipment + e) } },
                    label = { Text(e.label) },
                )
            }
        }

        Row(Modifier.fillMaxWidth(), verticalAlignment = Alignment.CenterVertically) {
            Text("Foam rolling before the stretches", Modifier.weight(1f))
            Switch(s.includeRelease, onCheckedChange = { on -> model.edit { it.copy(includeRelease = on) } })
        }

        Button(enabled = !model.busy, onClick = model::save, modifier = Modifier.fillMaxWidth()) {
            Text(if (model.saved) "Saved" else "Save")
        }
    }
}

/** The platform's time picker, in the phone's 12/24-hour style. */
private fun pickTime(context: Context, start: LocalTime, onPicked: (LocalTime) -> Unit) {
    val is24 = android.text.format.DateFormat.is24HourFormat(context)
    TimePickerDialog(context, { _, hour, minute -> onPicked(LocalTime(hour, minute)) }, start.hour, start.minute, is24).show()
}
