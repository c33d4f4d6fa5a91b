package app.limber.android.today

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import app.limber.android.ui.label
import app.limber.core.Exercise
import app.limber.core.PlannedExercise

/** One exercise of the plan: dose, pain ceiling, the last dose decision, steps, hold timer. */
@Composable
fun ExerciseCard(planned: PlannedExercise, exercise: Exercise?, timer: HoldTimer?, onTimer: (HoldTimer) -> Unit) {
    var showSteps by rememberSaveable(planned.exercise.name) { mutableStateOf(false) }
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(planned.name, style = MaterialTheme.typography.titleMedium)
            Text(doseLine(planned.dose), style = MaterialTheme.typography.bodyLarge)
            Text("Keep pain at ${planned.painCeiling}/10 or below", style = MaterialTheme.typography.bodySmall)
            planned.condition?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
            planned.lastDoseChange?.let { Text("${it.decision.label} (${it.date}): ${it.reason}", style = MaterialTheme.typography.bodySmall) }
            if (exercise != null) {
                TextButton(onClick = { showSteps = !showSteps }) { Text(if (showSteps) "Hide steps" else "How to do it") }
                if (showSteps) {
                    exercise.steps.forEachIndexed { i, step -> Text("${i + 1}. $step") }
                    exercise.cautions.forEach { Text("⚠ $it", color = MaterialTheme.colorScheme.error) }
                }
            }
            if (timer != null) HoldTimerView(timer, onTimer)
        }
    }
}
